# lib-pg.sh -- a throwaway PostgreSQL cluster for one test script.
#
#   . "$(dirname "$0")/test-lib.sh"
#   . "$SRCDIR/tests/lib-pg.sh"
#   test_need_prereq PG,JQ
#   pg_start
#
# pg_start makes a cluster in the trash directory (initdb), starts it on
# a unix socket only (listen_addresses is empty: no TCP port is opened,
# so the number of the socket cannot collide with anything, and two
# scripts under prove -j2 each have their own socket in their own
# directory), with fsync off, and creates a database `cc'.  It exports
# CC_DATABASE_URL (what cc-db reads) and PGHOST, PGPORT, PGUSER and
# PGDATABASE (what psql reads), all naming that database.  The cluster is
# stopped when the script ends, however it ends (the harness's EXIT
# trap).  A few seconds.
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to the
# user `postgres' (Debian's package makes it), or `nobody' where there is
# none, and the trash directory is opened to it for traversal only.
#
# The prerequisite PG is PostgreSQL's server programs and psql: those of
# $CC_PG_BINDIR, or of pg_config --bindir, or the newest
# /usr/lib/postgresql/N/bin (Debian), or initdb on PATH.  As root make
# check requires it (make deps installs postgresql); elsewhere a script
# without it skips, saying so.
#
# pg_psql ARGS: psql on that database, quiet, stopping at the first error,
# without ~/.psqlrc, unaligned and without headers (-qAtX).

pg_bindir() {
	if [ -n "${CC_PG_BINDIR:-}" ]; then
		echo "$CC_PG_BINDIR"
		return
	fi
	if command -v pg_config >/dev/null 2>&1; then
		pg_d=$(pg_config --bindir 2>/dev/null)
		if [ -x "$pg_d/initdb" ]; then
			echo "$pg_d"
			return
		fi
	fi
	pg_d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n 1)
	if [ -n "$pg_d" ] && [ -x "$pg_d/initdb" ]; then
		echo "$pg_d"
		return
	fi
	pg_d=$(command -v initdb 2>/dev/null) && dirname "$pg_d"
}

test_lazy_prereq PG '
	d=$(pg_bindir) && test -x "$d/initdb" && test -x "$d/pg_ctl" &&
		test -x "$d/postgres" && command -v psql
'

# pg_as CMD...: CMD as the cluster's user
pg_as() {
	if [ -n "$pg_user" ]; then
		runuser -u "$pg_user" -- "$@"
	else
		"$@"
	fi
}

pg_started=
pg_stop() {
	if [ -n "$pg_started" ]; then
		pg_as "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop \
			>/dev/null 2>&1
		pg_started=
	fi
}

pg_start() {
	PG_BINDIR=$(pg_bindir) || {
		echo "lib-pg.sh: no PostgreSQL server programs" >&2
		return 1
	}
	PG_DIR=$TRASH/pg
	# a unix socket's path is at most 107 bytes
	if [ ${#PG_DIR} -gt 80 ]; then
		echo "lib-pg.sh: '$PG_DIR' is too long a path for a socket" >&2
		return 1
	fi
	pg_user=
	if [ "$(id -u)" -eq 0 ]; then
		if id postgres >/dev/null 2>&1; then
			pg_user=postgres
		else
			pg_user=nobody
		fi
		chmod 711 "$TRASH"
	fi
	mkdir "$PG_DIR" || return 1
	[ -z "$pg_user" ] || chown "$pg_user" "$PG_DIR" || return 1
	# any number will do: there is no TCP port, and the socket is in a
	# directory of its own; one from the process id all the same
	PG_PORT=$((20000 + $$ % 30000))
	pg_as "$PG_BINDIR/initdb" -D "$PG_DIR/data" -U cc_test -A trust -E UTF8 \
		--locale=C -N >"$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log" >&2
		return 1
	}
	cat >>"$PG_DIR/data/postgresql.conf" <<-EOF
	listen_addresses = ''
	unix_socket_directories = '$PG_DIR'
	port = $PG_PORT
	fsync = off
	synchronous_commit = off
	full_page_writes = off
	shared_buffers = 16MB
	max_connections = 30
	EOF
	pg_started=t
	pg_as "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
		start >/dev/null 2>&1 || {
		cat "$PG_DIR/log" >&2
		return 1
	}
	unset PGSERVICE PGSERVICEFILE PGPASSWORD PGPASSFILE PGSSLMODE PGOPTIONS \
		PGHOSTADDR PGCONNECT_TIMEOUT
	PGHOST=$PG_DIR PGPORT=$PG_PORT PGUSER=cc_test PGDATABASE=cc
	export PGHOST PGPORT PGUSER PGDATABASE
	CC_DATABASE_URL="postgresql:///cc?host=$PG_DIR&port=$PG_PORT&user=cc_test"
	export CC_DATABASE_URL
	"$PG_BINDIR/createdb" cc || return 1
}

pg_psql() {
	psql -qAtX -v ON_ERROR_STOP=1 "$@"
}

# the cluster goes before the trash directory
trap 'pg_stop; test_cleanup' EXIT
