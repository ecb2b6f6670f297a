/*
 * migrate.c -- the schema's migrations: the files of lib/store/migrations, made
 * C at build time, applied in order, each in a transaction of its own,
 * and recorded in schema_migrations.
 */
#include "base/cc.h"
#include "base/hash.h"
#include "store/impl.h"

#include <stdlib.h>

/* migrations[], one for each lib/store/migrations/NNNN-name.sql */
#include "store-migrations.c"

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

/*
 * The key of the transaction-scoped advisory lock every migrating
 * transaction takes first: the bytes of "ccmigrat".  Held until that
 * transaction ends, so nothing of it outlives the transaction (pgbouncer
 * in transaction mode is fine), and two hosts migrating at once take
 * turns, each seeing what the other applied.
 */
#define LOCK_SQL "SELECT pg_advisory_xact_lock(7161688131923763572)"

static const char create_sql[] =
	"CREATE TABLE IF NOT EXISTS schema_migrations (\n"
	"\tversion integer PRIMARY KEY CHECK (version >= 1),\n"
	"\tname text NOT NULL,\n"
	"\tchecksum text NOT NULL,\n"
	"\tapplied_at timestamptz NOT NULL DEFAULT now()\n"
	")";

static const char applied_sql[] =
	"SELECT version, name, checksum, "
	"to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
	"FROM schema_migrations ORDER BY version";

int cc_store_latest(void)
{
	return NMIGRATIONS;
}

const char *cc_store_migration_state_name(enum cc_store_migration_state s)
{
	switch (s) {
	case CC_MIGRATION_APPLIED: return "applied";
	case CC_MIGRATION_PENDING: return "pending";
	case CC_MIGRATION_CHANGED: return "changed";
	case CC_MIGRATION_UNKNOWN: return "unknown";
	}
	return "unknown";
}

static void checksum(const struct migration *m, char hex[CC_SHA256_HEX])
{
	if (cc_sha256_hex(m->sql, strlen(m->sql), hex, NULL) < 0)
		cc_fatal("cannot hash migration %04d", m->version);
}

static void set_migration(struct cc_store_migration *to, int version,
			  const char *name, const char *sum, const char *at,
			  enum cc_store_migration_state state)
{
	memset(to, 0, sizeof(*to));
	to->version = version;
	snprintf(to->name, sizeof(to->name), "%s", name);
	snprintf(to->checksum, sizeof(to->checksum), "%s", sum);
	snprintf(to->applied_at, sizeof(to->applied_at), "%s", at);
	to->state = state;
}

/*
 * Every migration, this program's and the database's, from the rows of
 * applied_sql (r, NULL for none) into s.
 */
static void merge(const PGresult *r, struct cc_store_status *s)
{
	int rows = r ? PQntuples(r) : 0, i, v;
	char hex[CC_SHA256_HEX];

	s->latest = NMIGRATIONS;
	s->version = 0;
	s->n = 0;
	s->v = cc_xcalloc((size_t)NMIGRATIONS + (size_t)rows + 1, sizeof(*s->v));
	for (v = 1, i = 0; v <= NMIGRATIONS || i < rows;) {
		long dbv = LONG_MAX;
		char name[64], sum[65], at[24], num[16];

		if (i < rows) {
			st_value(r, i, 0, num, sizeof(num));
			if (cc_parse_long(num, &dbv) < 0)
				dbv = LONG_MAX - 1;
			st_value(r, i, 1, name, sizeof(name));
			st_value(r, i, 2, sum, sizeof(sum));
			st_value(r, i, 3, at, sizeof(at));
		}
		if (v <= NMIGRATIONS && v < dbv) {
			checksum(&migrations[v - 1], hex);
			set_migration(&s->v[s->n++], v, migrations[v - 1].name, hex,
				      "", CC_MIGRATION_PENDING);
			v++;
		} else if (v <= NMIGRATIONS && v == dbv) {
			checksum(&migrations[v - 1], hex);
			set_migration(&s->v[s->n++], v, migrations[v - 1].name, hex, at,
				      strcmp(hex, sum) || strcmp(name, migrations[v - 1].name) ?
				      CC_MIGRATION_CHANGED : CC_MIGRATION_APPLIED);
			s->version = v;
			v++;
			i++;
		} else {
			set_migration(&s->v[s->n++], (int)(dbv > INT_MAX ? INT_MAX : dbv),
				      name, sum, at, CC_MIGRATION_UNKNOWN);
			if (dbv <= INT_MAX && (int)dbv > s->version)
				s->version = (int)dbv;
			i++;
		}
	}
}

void cc_store_status_release(struct cc_store_status *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* The first migration of s that stops migrating, or NULL. */
static const struct cc_store_migration *bad(const struct cc_store_status *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].state == CC_MIGRATION_CHANGED ||
		    s->v[i].state == CC_MIGRATION_UNKNOWN)
			return &s->v[i];
	return NULL;
}

static int bad_error(const struct cc_store_migration *m, struct cc_error *e)
{
	if (m->state == CC_MIGRATION_CHANGED)
		return cc_error_set(e, CC_ERR_CONFIG, "store.migration",
				    "migration %04d-%s was changed after it was "
				    "applied (%s): its checksum in the database is "
				    "not that of its SQL here", m->version, m->name,
				    m->applied_at);
	return cc_error_set(e, CC_ERR_CONFIG, "store.migration",
			    "the database has migration %04d-%s, which this "
			    "program does not know: it is older than the schema",
			    m->version, m->name);
}

int cc_store_status(struct cc_store *st, struct cc_store_status *s,
		    struct cc_error *e)
{
	PGresult *r, *rows = NULL;
	int have;

	memset(s, 0, sizeof(*s));
	r = st_query(st, "status", "SELECT to_regclass('schema_migrations') IS NOT NULL",
		     0, NULL, e);
	if (!r)
		return e->code;
	have = !strcmp(PQgetvalue(r, 0, 0), "t");
	PQclear(r);
	if (have && !(rows = st_query(st, "status", applied_sql, 0, NULL, e)))
		return e->code;
	merge(rows, s);
	PQclear(rows);
	return 0;
}

/*
 * One transaction: the lock, the table, what is applied; then the first
 * pending migration, if any, and its row.  *done: the version applied,
 * 0 when there was none to apply.
 */
static int step(struct cc_store *st, int *done, int *version,
		struct cc_error *e)
{
	struct cc_store_status s = { 0 };
	const struct cc_store_migration *b;
	const struct migration *m;
	char what[96], ver[16], hex[CC_SHA256_HEX];
	const char *params[3];
	PGresult *r;
	int rc;

	*done = 0;
	if ((rc = st_begin(st, "migrate", e)) < 0 ||
	    (rc = st_run(st, "migrate", LOCK_SQL, 0, NULL, e)) < 0 ||
	    (rc = st_run(st, "migrate", create_sql, 0, NULL, e)) < 0)
		goto out_rollback;
	if (!(r = st_query(st, "migrate", applied_sql, 0, NULL, e))) {
		rc = e->code;
		goto out_rollback;
	}
	merge(r, &s);
	PQclear(r);
	if ((b = bad(&s))) {
		rc = bad_error(b, e);
		goto out_rollback;
	}
	*version = s.version;
	if (s.version >= NMIGRATIONS) {
		rc = st_run(st, "migrate", "COMMIT", 0, NULL, e);
		goto out;
	}
	m = &migrations[s.version];
	snprintf(what, sizeof(what), "migration %04d-%s", m->version, m->name);
	if ((rc = st_script(st, what, m->sql, e)) < 0)
		goto out_rollback;
	checksum(m, hex);
	snprintf(ver, sizeof(ver), "%d", m->version);
	params[0] = ver;
	params[1] = m->name;
	params[2] = hex;
	if ((rc = st_run(st, what, "INSERT INTO schema_migrations (version, name, "
			 "checksum) VALUES ($1, $2, $3)", 3, params, e)) < 0 ||
	    (rc = st_run(st, what, "COMMIT", 0, NULL, e)) < 0)
		goto out_rollback;
	*done = *version = m->version;
	goto out;
out_rollback:
	st_rollback(st);
out:
	cc_store_status_release(&s);
	return rc;
}

int cc_store_migrate(struct cc_store *st,
		     void (*applied)(int version, const char *name, void *arg),
		     void *arg, int *version, struct cc_error *e)
{
	int done, rc;

	*version = 0;
	do {
		if ((rc = step(st, &done, version, e)) < 0)
			return rc;
		if (done && applied)
			applied(done, migrations[done - 1].name, arg);
	} while (done);
	return 0;
}
