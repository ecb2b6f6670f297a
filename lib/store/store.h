/*
 * store.h -- cc's PostgreSQL store: the connection, the schema's
 * migrations, an owner's purge, dispute status over time.
 *
 * libpq is wrapped here and only here (lib/store/README.md): every
 * PGresult is cleared on every path, every failure comes back as a
 * struct cc_error, and no password reaches a message: a connection
 * string is shown only as cc_store_redact() makes it, and libpq's and
 * the server's messages are cleaned of the password before they are
 * kept.  Statements work through pgbouncer in transaction mode: nothing
 * of a session outlives its transaction (settings are set_config(...,
 * true), the migrations' lock is pg_advisory_xact_lock, statements are
 * unnamed, PQexecParams).
 *
 * The errors: a connection refused or lost is CC_ERR_UNAVAILABLE
 * ("store.unavailable", exit 69); a serialization failure, a deadlock or
 * a lock not available CC_ERR_TEMP ("store.retry", 75); a constraint
 * violated CC_ERR_DATA ("store.constraint"), a value the database
 * refuses CC_ERR_DATA ("store.value"), a change of status the database
 * does not allow CC_ERR_DATA ("store.transition"); a connection string
 * that cannot be parsed CC_ERR_USAGE ("store.url"); a database without
 * cc's schema, or whose migrations disagree with this program's,
 * CC_ERR_CONFIG ("store.schema", "store.migration"); a user the database
 * refuses CC_ERR_CONFIG ("store.denied"); any other failure of the
 * server CC_ERR_IO ("store.server").
 */
#ifndef CC_STORE_H
#define CC_STORE_H

#include <stddef.h>

#include "base/error.h"
#include "base/util.h"

struct cc_store;

/*
 * conninfo with its password hidden, newly allocated: a URL's
 * user:PASSWORD@ and password=PASSWORD, and the value of a key=value
 * string's password keyword, become "***" (a dbname that is itself a URL
 * or a key=value string, likewise).
 */
char *cc_store_redact(const char *conninfo);

/*
 * Connect to conninfo, a postgresql:// URL or a libpq key=value string
 * ("" or NULL: libpq's defaults, the PG* variables), as application
 * app ("cc-db") unless conninfo names another.  The caller owns *out:
 * cc_store_close() it.  0, or CC_ERR_USAGE ("store.url") for a string
 * libpq cannot parse, CC_ERR_UNAVAILABLE ("store.unavailable") for a
 * server that cannot be reached or refuses the connection.
 */
int cc_store_open(struct cc_store **out, const char *conninfo,
		  const char *app, struct cc_error *e);
void cc_store_close(struct cc_store *st);

/* "libpq 15.18": the version of the libpq linked, for --version. */
void cc_store_version(char *buf, size_t size);

/* --- migrations (migrate.c) ------------------------------------------- */

/* The newest migration this program carries. */
int cc_store_latest(void);

/*
 * Apply the migrations the database does not have, each in a
 * transaction of its own that first takes pg_advisory_xact_lock (so two
 * hosts migrating at once apply each one once) and records it in
 * schema_migrations (version, name, checksum, applied_at); applied(),
 * when not NULL, is told each one after its commit.  *version is then
 * the database's.  0, or CC_ERR_CONFIG ("store.migration") when a
 * migration the database has was changed since (its checksum, the
 * SHA-256 of its SQL, differs) or is one this program does not know;
 * the errors of the statements otherwise, the failed migration's
 * transaction rolled back.
 */
int cc_store_migrate(struct cc_store *st,
		     void (*applied)(int version, const char *name, void *arg),
		     void *arg, int *version, struct cc_error *e);

enum cc_store_migration_state {
	CC_MIGRATION_APPLIED,
	CC_MIGRATION_PENDING,
	CC_MIGRATION_CHANGED,  /* applied, but its checksum differs */
	CC_MIGRATION_UNKNOWN,  /* applied, and this program lacks it */
};

struct cc_store_migration {
	int version;
	char name[64];
	char checksum[65];     /* the SQL's here; the database's when unknown */
	char applied_at[24];   /* YYYY-MM-DDThh:mm:ssZ, "" when pending */
	enum cc_store_migration_state state;
};

/* What cc_store_status() found: every migration, in version order. */
struct cc_store_status {
	int version;           /* the newest applied, 0 for none */
	int latest;            /* cc_store_latest() */
	struct cc_store_migration *v;
	size_t n;
};

/*
 * The database's migrations against this program's, read only.
 * Release s with cc_store_status_release().  0 or the statements'
 * errors.
 */
int cc_store_status(struct cc_store *st, struct cc_store_status *s,
		    struct cc_error *e);
void cc_store_status_release(struct cc_store_status *s);

/* "applied", "pending", "changed", "unknown". */
const char *cc_store_migration_state_name(enum cc_store_migration_state s);

/* --- the vocabulary (vocab.c) ------------------------------------------ */

/* A report upload's processing_status, and a job's state. */
extern const char *const cc_store_upload_statuses[4];
extern const char *const cc_store_job_states[4];

/*
 * Append to out a line for each column of the schema whose values are
 * an enumeration: "TABLE.COLUMN" and its values, separated by spaces,
 * from cc's vocabulary (lib/model, lib/dispute and the two above), in
 * the order of the schema.  The schema's CHECK constraints must allow
 * these values and no other (tests/t1000-db.sh).
 */
void cc_store_vocabulary(struct cc_buf *out);

/*
 * Whether the schema's CHECK of column ("tradelines.type") allows value:
 * 1 or 0; -1 when the column is not one of cc_store_vocabulary()'s.
 */
int cc_store_value_allowed(const char *column, const char *value);

/* --- owners (owner.c) ---------------------------------------------------- */

/* The tables of an owner's rows, in the order cc_store_purge() deletes. */
#define CC_STORE_OWNER_TABLES 11
extern const char *const cc_store_owner_tables[CC_STORE_OWNER_TABLES];

/*
 * Delete every row of owner, of every table, in one transaction that
 * first locks the owner's users row (so nothing of the owner is added
 * meanwhile); rows[i] is then how many rows of cc_store_owner_tables[i]
 * went.  An owner with no rows is no error: every count is 0.  0, or
 * the statements' errors, and nothing deleted.
 */
int cc_store_purge(struct cc_store *st, const char *owner,
		   long rows[CC_STORE_OWNER_TABLES], struct cc_error *e);

/* --- dispute status (dispute.c) ----------------------------------------- */

struct cc_store_status_change {
	char previous[24];     /* the status before */
	char status[24];       /* after: the one asked for */
	char due_date[11];     /* YYYY-MM-DD, "" when none */
};

/*
 * Change the status of owner's dispute id to status, by the database's
 * cc_dispute_set_status(): its trigger allows only the changes of
 * dispute_transitions, writes dispute_status_history in the same
 * transaction (by, reason and at, an ISO time, or NULL: the database
 * user, none, now()), and sets the due date when it becomes "sent";
 * more_info says that the consumer sent more information (45 days, not
 * 30).  A change to the status it has changes nothing.  0, or
 * CC_ERR_USAGE ("store.status") for a status that is none of cc's,
 * CC_ERR_NOINPUT ("store.not_found") when the owner has no such dispute,
 * CC_ERR_DATA ("store.transition") for a change not allowed, nothing
 * changed.
 */
int cc_store_dispute_status(struct cc_store *st, const char *owner,
			    const char *id, const char *status,
			    const char *by, const char *reason, int more_info,
			    const char *at, struct cc_store_status_change *out,
			    struct cc_error *e);

struct cc_store_overdue {
	char id[17];
	char bureau[16];
	int round;
	char status[24];
	char sent[11];         /* YYYY-MM-DD, in UTC */
	char due[11];
	long days;             /* past the due date, as of the day asked */
};

/*
 * owner's disputes waiting for the bureau (sent, bureau_received,
 * investigating) whose due date is before as_of (YYYY-MM-DD), the
 * oldest due first, then by id, into *out (the caller frees it) and *n.
 * 0 or the statements' errors.
 */
int cc_store_overdue(struct cc_store *st, const char *owner,
		     const char *as_of, struct cc_store_overdue **out,
		     size_t *n, struct cc_error *e);

/* --- loading records (load.c) -------------------------------------------- */

/*
 * Records stored in batches, each batch in one transaction: its records'
 * JSON COPYed (text format) into a staging table of the transaction
 * (cc_load, ON COMMIT DROP: nothing of the session outlives it), then one
 * INSERT ... SELECT ... ON CONFLICT DO UPDATE per table, columns taken
 * from the JSON by jsonb_to_record(), a row that would not change left
 * alone.  Keys: (owner, doc) for document records (report_uploads), and
 * a row for every other document a record names; (owner, doc, seq) for
 * consumer, tradeline, inquiry and public_record records, seq the
 * record's place among its document's records of its kind, given by the
 * caller; (owner, id) for disputes, (owner, dispute, n) for their items,
 * (owner, dispute) for letters.  A dispute's status is never changed by
 * a load.  The owner's users row is made when missing.
 */
struct cc_store_load;

/* The tables a load writes, in the order it writes them. */
#define CC_STORE_LOAD_TABLES 8
extern const char *const cc_store_load_tables[CC_STORE_LOAD_TABLES];

/* How many times a batch is done again after a lost connection, a
 * deadlock or a serialisation failure, waiting 0.1 s, then twice as
 * long each time (3.1 s in all). */
#define CC_STORE_LOAD_RETRIES 5

/* 1 when records of kind are stored (document, consumer, tradeline,
 * inquiry, public_record, dispute, letter). */
int cc_store_load_kind(const char *kind);

/*
 * A load for owner (1 to 200 bytes, else CC_ERR_USAGE, "store.owner") on
 * st, which it borrows, and on a second connection it opens like st (its
 * errors, as cc_store_open()'s).  The caller owns *out:
 * cc_store_load_free() it, which rolls back a batch not committed.
 */
int cc_store_load_new(struct cc_store_load **out, struct cc_store *st,
		      const char *owner, struct cc_error *e);
void cc_store_load_free(struct cc_store_load *l);

/*
 * Add a record (of a kind cc_store_load_kind() takes) to the batch: its
 * kind, its seq (0 for kinds keyed otherwise), its line of JSON, where it
 * was read (source, borrowed until the batch is committed, and line) and
 * its doc (NULL for none), for its error record.  The batch's
 * transaction begins with its first record, and each record is sent as
 * it comes; a failure is kept for the commit.
 */
void cc_store_load_add(struct cc_store_load *l, const char *kind, long seq,
		       const char *json, size_t len, const char *source,
		       long line, const char *doc);

/* The records in the batch being filled. */
size_t cc_store_load_count(const struct cc_store_load *l);

/*
 * End the batch being filled, and send its upserts and COMMIT without
 * waiting for them: the next batch fills, on a second connection that
 * cc_store_load_new() opened like st, while the server writes this one.
 * First, the batch before is waited for (its rows may be this one's
 * references): when it failed with CC_ERR_DATA, it is done again a
 * record at a time, each under a savepoint, and only the records the
 * database refuses are left out (rejected(e, doc, arg) for each, e with
 * the server's message, "store.constraint" or "store.value", and the
 * record's source and line); a lost connection (CC_ERR_UNAVAILABLE) or a
 * CC_ERR_TEMP does it again whole, on a new connection, up to
 * CC_STORE_LOAD_RETRIES times.  0, or the error that stopped it, nothing
 * of that batch or this one written.
 */
int cc_store_load_commit(struct cc_store_load *l,
			 void (*rejected)(const struct cc_error *e,
					  const char *doc, void *arg),
			 void *arg, struct cc_error *e);

/* The end: commit the batch being filled and wait for every batch, as
 * cc_store_load_commit() does. */
int cc_store_load_finish(struct cc_store_load *l,
			 void (*rejected)(const struct cc_error *e,
					  const char *doc, void *arg),
			 void *arg, struct cc_error *e);

/* The rows written so far, per table of cc_store_load_tables (an upsert
 * that changed nothing writes none); the records committed (refused
 * ones left out), and the attempts made again after a failure (a lost
 * connection). */
void cc_store_load_rows(const struct cc_store_load *l,
			long rows[CC_STORE_LOAD_TABLES], unsigned long *stored,
			unsigned long *retries);

#endif
