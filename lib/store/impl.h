/*
 * impl.h -- lib/store's own: the connection and the helpers every
 * statement goes through (store.c).  Nothing outside lib/store includes
 * it, nor libpq's header.
 */
#ifndef CC_STORE_IMPL_H
#define CC_STORE_IMPL_H

#include <libpq-fe.h>

#include "store/store.h"

struct cc_store {
	PGconn *conn;
	char *password;        /* the connection's, to clean messages of;
				* NULL when it has none */
	char *conninfo;        /* as given, to open another like it */
	char *app;
};

/* A migration, as scripts/gen-migrations.sh writes them. */
struct migration {
	int version;
	const char *name;
	const char *sql;
};

/*
 * Run one statement, its parameters given as text (a NULL is SQL's
 * null), by PQexecParams: an unnamed statement, nothing kept in the
 * session.  The result when it succeeded (the caller PQclear()s it),
 * else NULL with e filled, its message "WHAT: what the server said".
 */
PGresult *st_query(struct cc_store *st, const char *what, const char *sql,
		   int nparams, const char *const *params, struct cc_error *e);

/* st_query() for a statement whose rows are not wanted: 0 or the error. */
int st_run(struct cc_store *st, const char *what, const char *sql,
	   int nparams, const char *const *params, struct cc_error *e);

/*
 * Fill e from a failed result (NULL: the connection's error), as
 * st_query() does, and return its code: a lost connection is
 * CC_ERR_UNAVAILABLE whatever the result says.
 */
int st_error(struct cc_store *st, const char *what, const PGresult *r,
	     struct cc_error *e);

/* Several statements without parameters (a migration): 0 or the error. */
int st_script(struct cc_store *st, const char *what, const char *sql,
	      struct cc_error *e);

/* BEGIN; and, after an error, ROLLBACK, whose own result is dropped. */
int st_begin(struct cc_store *st, const char *what, struct cc_error *e);
void st_rollback(struct cc_store *st);

/* Copy a result's text value into buf (size), "" for a null. */
void st_value(const PGresult *r, int row, int col, char *buf, size_t size);

#endif
