#!/bin/sh
# gen-migrations.sh -- the schema's migrations, as C.
#
#   sh scripts/gen-migrations.sh lib/store/migrations/*.sql >build/gen/store-migrations.c
#
# The Makefile runs it; lib/store/migrate.c includes what it writes: the
# array `migrations', one struct migration (lib/store/impl.h) a file, in
# the order of their versions, each with its version, its name and its
# SQL, byte for byte.  So an installed cc-db carries its schema and needs
# no source tree, and the checksum cc-db records (the SHA-256 of the SQL)
# is that of the file (sha256sum lib/store/migrations/0001-init.sql).
#
# A migration is lib/store/migrations/NNNN-name.sql: NNNN its version,
# four digits, the first 0001 and each next one more; name lower-case
# letters, digits and dashes.  The file is UTF-8 text ending in a
# newline, and not empty.  A mistake is said as "FILE: what", exit 1 (the
# Makefile then keeps nothing of what was written).

if [ $# -eq 0 ]; then
	echo "usage: sh $0 NNNN-name.sql ... >FILE.c" >&2
	exit 2
fi

for f; do
	if [ ! -r "$f" ] || [ -d "$f" ]; then
		echo "$0: cannot read '$f'" >&2
		exit 1
	fi
	if [ ! -s "$f" ]; then
		echo "$f: empty" >&2
		exit 1
	fi
	if [ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "$f: the last line has no newline" >&2
		exit 1
	fi
done

# LC_ALL=C: bytes, whatever the encoding of the text.
LC_ALL=C awk '
function fail(msg) {
	printf "%s: %s\n", FILENAME, msg >"/dev/stderr"
	failed = 1
	exit 1
}

# a line of SQL as the inside of a C string: no trigraph, no escape
# (a character at a time: awks differ on backslashes in gsub)
function cstr(s,    out, i, c) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" || c == "\"" || c == "?")
			out = out "\\" c
		else
			out = out c
	}
	return out
}

FNR == 1 {
	if (n)
		print "\t},"
	base = FILENAME
	sub(/.*\//, "", base)
	if (base !~ /^[0-9][0-9][0-9][0-9]-[a-z0-9][a-z0-9-]*\.sql$/)
		fail("not a migration'"'"'s name: NNNN-name.sql, lower case")
	version = substr(base, 1, 4) + 0
	if (version != n + 1)
		fail(sprintf("version %04d after %04d: versions go 0001, 0002, ...", version, n))
	n = version
	name = substr(base, 6)
	sub(/\.sql$/, "", name)
	printf "\t{ %d, \"%s\",\n", version, name
	printf "#line 1 \"%s\"\n", FILENAME
}

{
	printf "\t\t\"%s\\n\"\n", cstr($0)
}

BEGIN {
	print "/* Made by scripts/gen-migrations.sh from lib/store/migrations: do not edit. */"
	print "static const struct migration migrations[] = {"
}

END {
	if (failed)
		exit 1
	if (n)
		print "\t},"
	print "};"
}
' "$@"
