/*
 * store.c -- the connection to PostgreSQL, and the one place libpq's
 * results and errors become cc's (store.h says the mapping).
 */
#include "base/cc.h"
#include "store/impl.h"

#include <ctype.h>

/* --- hiding the password ------------------------------------------------- */

/* The secrets a redaction found, to clean other messages of. */
struct secrets {
	char **v;
	size_t n, alloc;
};

static void secret_add(struct secrets *s, const char *p, size_t len)
{
	if (!len)
		return;
	CC_GROW(s->v, s->alloc, s->n + 1);
	s->v[s->n++] = cc_xstrndup(p, len);
}

static void secrets_release(struct secrets *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static void redact_into(struct cc_buf *b, const char *s, struct secrets *sec);

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* A URL's query parameter name, percent-decoded, is "password". */
static int is_password_key(const char *p, size_t len)
{
	char key[16];
	size_t i, k = 0;

	for (i = 0; i < len && k < sizeof(key) - 1; i++) {
		if (p[i] == '%' && i + 2 < len && hexval((unsigned char)p[i + 1]) >= 0 &&
		    hexval((unsigned char)p[i + 2]) >= 0) {
			key[k++] = (char)(hexval((unsigned char)p[i + 1]) * 16 +
					  hexval((unsigned char)p[i + 2]));
			i += 2;
		} else {
			key[k++] = p[i];
		}
	}
	if (i < len)
		return 0;
	key[k] = '\0';
	return strcmp(key, "password") == 0;
}

/*
 * A postgresql:// URL, read as libpq reads it: the user information ends
 * at the first '@' before any '/', its password after its first ':';
 * the query's parameters are separated by '&'.
 */
static void redact_url(struct cc_buf *b, const char *s, struct secrets *sec)
{
	const char *p = strstr(s, "://") + 3, *at, *colon, *q, *end;

	cc_buf_add(b, s, (size_t)(p - s));
	for (at = p; *at && *at != '@' && *at != '/'; at++)
		;
	if (*at == '@') {
		colon = memchr(p, ':', (size_t)(at - p));
		if (colon) {
			cc_buf_add(b, p, (size_t)(colon + 1 - p));
			cc_buf_adds(b, "***");
			secret_add(sec, colon + 1, (size_t)(at - colon - 1));
		} else {
			cc_buf_add(b, p, (size_t)(at - p));
		}
		p = at;
	}
	q = strchr(p, '?');
	if (!q) {
		cc_buf_adds(b, p);
		return;
	}
	cc_buf_add(b, p, (size_t)(q + 1 - p));
	for (p = q + 1; *p; p = *end ? end + 1 : end) {
		const char *eq;

		end = p + strcspn(p, "&");
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq && is_password_key(p, (size_t)(eq - p))) {
			cc_buf_add(b, p, (size_t)(eq + 1 - p));
			cc_buf_adds(b, "***");
			secret_add(sec, eq + 1, (size_t)(end - eq - 1));
		} else {
			cc_buf_add(b, p, (size_t)(end - p));
		}
		if (*end)
			cc_buf_adds(b, "&");
	}
}

/*
 * A key=value string, read as libpq reads it: a value is quoted with
 * single quotes or ends at white space, and a backslash escapes the
 * next character.  The password's value becomes '***'; a dbname that is
 * a URL or a key=value string is redacted in its turn.  What cannot be
 * read (an unterminated quote) is not shown.
 */
static void redact_kv(struct cc_buf *b, const char *s, struct secrets *sec)
{
	const char *p = s;

	while (*p) {
		const char *k, *v;
		struct cc_buf val = { 0 };
		size_t klen;
		int quoted = 0;

		while (isspace((unsigned char)*p))
			cc_buf_add(b, p++, 1);
		if (!*p)
			break;
		k = p;
		while (*p && *p != '=' && !isspace((unsigned char)*p))
			p++;
		klen = (size_t)(p - k);
		cc_buf_add(b, k, klen);
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=') {
			/* not key=value: show no more of it */
			if (*p)
				cc_buf_adds(b, " ...");
			return;
		}
		cc_buf_adds(b, "=");
		p++;
		while (isspace((unsigned char)*p))
			p++;
		v = p;
		if (*p == '\'') {
			quoted = 1;
			p++;
			while (*p && *p != '\'') {
				if (*p == '\\' && p[1])
					p++;
				cc_buf_add(&val, p++, 1);
			}
			if (*p != '\'') {
				cc_buf_adds(b, "...");
				secret_add(sec, v + 1, strlen(v + 1));
				cc_buf_release(&val);
				return;
			}
			p++;
		} else {
			while (*p && !isspace((unsigned char)*p)) {
				if (*p == '\\' && p[1])
					p++;
				cc_buf_add(&val, p++, 1);
			}
		}
		if (klen == 8 && !memcmp(k, "password", 8)) {
			cc_buf_adds(b, quoted ? "'***'" : "***");
			if (val.len)
				secret_add(sec, val.s, val.len);
			secret_add(sec, v, (size_t)(p - v));
		} else if (klen == 6 && !memcmp(k, "dbname", 6) && val.len &&
			   (strchr(val.s, '=') || strstr(val.s, "://"))) {
			if (quoted)
				cc_buf_adds(b, "'");
			redact_into(b, val.s, sec);
			if (quoted)
				cc_buf_adds(b, "'");
		} else {
			cc_buf_add(b, v, (size_t)(p - v));
		}
		cc_buf_release(&val);
	}
}

static int is_url(const char *s)
{
	return !strncmp(s, "postgresql://", 13) || !strncmp(s, "postgres://", 11);
}

static void redact_into(struct cc_buf *b, const char *s, struct secrets *sec)
{
	if (is_url(s))
		redact_url(b, s, sec);
	else
		redact_kv(b, s, sec);
}

static char *redact(const char *conninfo, struct secrets *sec)
{
	struct cc_buf b = { 0 };

	redact_into(&b, conninfo ? conninfo : "", sec);
	cc_buf_add(&b, "", 0);
	return cc_buf_detach(&b);
}

char *cc_store_redact(const char *conninfo)
{
	struct secrets sec = { 0 };
	char *r = redact(conninfo, &sec);

	secrets_release(&sec);
	return r;
}

/*
 * msg's first line, with every secret replaced by ***, newly allocated
 * (a password is cleaned out whatever else it spoils).
 */
static char *clean(const char *msg, char *const *secrets, size_t nsecrets)
{
	struct cc_buf b = { 0 };
	size_t len = strcspn(msg, "\n"), i;
	const char *p = msg;

	while (len && isspace((unsigned char)msg[len - 1]))
		len--;
	while (p < msg + len) {
		size_t best = 0;

		for (i = 0; i < nsecrets; i++) {
			size_t sl = strlen(secrets[i]);

			if (sl && sl <= (size_t)(msg + len - p) &&
			    !memcmp(p, secrets[i], sl) && sl > best)
				best = sl;
		}
		if (best) {
			cc_buf_adds(&b, "***");
			p += best;
		} else {
			cc_buf_add(&b, p++, 1);
		}
	}
	cc_buf_add(&b, "", 0);
	return cc_buf_detach(&b);
}

/* --- errors ---------------------------------------------------------------- */

/* What an SQLSTATE means for cc: the code and the id. */
static int classify(const char *state, const char **id)
{
	static const struct {
		const char *prefix;
		int code;
		const char *id;
	} map[] = {
		{ "CC001", CC_ERR_DATA, "store.transition" },
		{ "40001", CC_ERR_TEMP, "store.retry" },    /* serialization */
		{ "40P01", CC_ERR_TEMP, "store.retry" },    /* deadlock */
		{ "55P03", CC_ERR_TEMP, "store.retry" },    /* lock not available */
		{ "53", CC_ERR_TEMP, "store.retry" },       /* out of resources */
		{ "57P01", CC_ERR_UNAVAILABLE, "store.unavailable" }, /* shut down */
		{ "57P02", CC_ERR_UNAVAILABLE, "store.unavailable" },
		{ "57P03", CC_ERR_UNAVAILABLE, "store.unavailable" },
		{ "08", CC_ERR_UNAVAILABLE, "store.unavailable" },
		{ "23", CC_ERR_DATA, "store.constraint" },
		{ "22", CC_ERR_DATA, "store.value" },
		{ "42P01", CC_ERR_CONFIG, "store.schema" }, /* no such table */
		{ "42883", CC_ERR_CONFIG, "store.schema" }, /* no such function */
		{ "42703", CC_ERR_CONFIG, "store.schema" }, /* no such column */
		{ "3F000", CC_ERR_CONFIG, "store.schema" }, /* no such schema */
		{ "42501", CC_ERR_CONFIG, "store.denied" }, /* no privilege */
		{ "28", CC_ERR_CONFIG, "store.denied" },
	};
	size_t i;

	for (i = 0; state && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strncmp(state, map[i].prefix, strlen(map[i].prefix))) {
			*id = map[i].id;
			return map[i].code;
		}
	*id = "store.server";
	return CC_ERR_IO;
}

int st_error(struct cc_store *st, const char *what,
			const PGresult *r, struct cc_error *e)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *id;
	char *msg;
	int code;

	if (PQstatus(st->conn) == CONNECTION_BAD) {
		code = CC_ERR_UNAVAILABLE;
		id = "store.unavailable";
		if (!primary)
			primary = PQerrorMessage(st->conn);
	} else {
		code = classify(state, &id);
	}
	if (!primary || !*primary)
		primary = r ? PQresultErrorMessage(r) : PQerrorMessage(st->conn);
	msg = clean(*primary ? primary : "the server gave no reason",
		    &st->password, st->password ? 1 : 0);
	if (code == CC_ERR_CONFIG && !strcmp(id, "store.schema"))
		cc_error_set(e, code, id, "%s: %s (has cc-db migrate been run?)",
			     what, msg);
	else if (PQstatus(st->conn) == CONNECTION_BAD)
		cc_error_set(e, code, id, "%s: lost the connection to the database: %s",
			     what, msg);
	else
		cc_error_set(e, code, id, "%s: %s", what, msg);
	free(msg);
	return code;
}

/* --- connection -------------------------------------------------------------- */

static void no_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

int cc_store_open(struct cc_store **out, const char *conninfo,
		  const char *app, struct cc_error *e)
{
	const char *keys[] = { "dbname", "fallback_application_name", NULL };
	const char *vals[] = { conninfo ? conninfo : "", app, NULL };
	struct secrets sec = { 0 };
	PQconninfoOption *opts, *o;
	struct cc_store *st;
	char *shown, *err = NULL, *msg;
	int rc = 0;

	*out = NULL;
	shown = redact(vals[0], &sec);
	opts = PQconninfoParse(vals[0], &err);
	if (!opts) {
		msg = clean(err ? err : "out of memory", sec.v, sec.n);
		rc = cc_error_set(e, CC_ERR_USAGE, "store.url",
				  "bad database URL '%s': %s", shown, msg);
		free(msg);
		PQfreemem(err);
		goto out;
	}
	st = cc_xcalloc(1, sizeof(*st));
	st->conninfo = cc_xstrdup(vals[0]);
	st->app = cc_xstrdup(app ? app : "");
	for (o = opts; o->keyword; o++)
		if (!strcmp(o->keyword, "password") && o->val && *o->val)
			st->password = cc_xstrdup(o->val);
	PQconninfoFree(opts);
	st->conn = PQconnectdbParams(keys, vals, 1);
	if (!st->conn)
		cc_fatal("out of memory: libpq could not make a connection");
	if (PQstatus(st->conn) != CONNECTION_OK) {
		/* the password libpq found elsewhere ($PGPASSWORD, the
		 * password file) is cleaned out too */
		const char *pw = PQpass(st->conn);

		if (pw && *pw)
			secret_add(&sec, pw, strlen(pw));
		if (st->password)
			secret_add(&sec, st->password, strlen(st->password));
		msg = clean(PQerrorMessage(st->conn), sec.v, sec.n);
		if (*shown)
			rc = cc_error_set(e, CC_ERR_UNAVAILABLE, "store.unavailable",
					  "cannot connect to the database '%s': %s",
					  shown, msg);
		else
			rc = cc_error_set(e, CC_ERR_UNAVAILABLE, "store.unavailable",
					  "cannot connect to the database: %s", msg);
		free(msg);
		cc_store_close(st);
		goto out;
	}
	if (!st->password) {
		const char *pw = PQpass(st->conn);

		if (pw && *pw)
			st->password = cc_xstrdup(pw);
	}
	/* lib/ prints nothing: the server's notices are dropped */
	PQsetNoticeProcessor(st->conn, no_notices, NULL);
	*out = st;
out:
	free(shown);
	secrets_release(&sec);
	return rc;
}

void cc_store_close(struct cc_store *st)
{
	if (!st)
		return;
	PQfinish(st->conn);
	free(st->password);
	free(st->conninfo);
	free(st->app);
	free(st);
}

/* --- statements ---------------------------------------------------------- */

PGresult *st_query(struct cc_store *st, const char *what, const char *sql,
		   int nparams, const char *const *params, struct cc_error *e)
{
	PGresult *r = PQexecParams(st->conn, sql, nparams, NULL, params, NULL,
				   NULL, 0);
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;

	if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
		return r;
	st_error(st, what, r, e);
	PQclear(r);
	return NULL;
}

int st_run(struct cc_store *st, const char *what, const char *sql,
	   int nparams, const char *const *params, struct cc_error *e)
{
	PGresult *r = st_query(st, what, sql, nparams, params, e);

	if (!r)
		return e->code;
	PQclear(r);
	return 0;
}

int st_script(struct cc_store *st, const char *what, const char *sql,
	      struct cc_error *e)
{
	PGresult *r = PQexec(st->conn, sql);
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	int rc = 0;

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = st_error(st, what, r, e);
	PQclear(r);
	return rc;
}

int st_begin(struct cc_store *st, const char *what, struct cc_error *e)
{
	return st_run(st, what, "BEGIN", 0, NULL, e);
}

void st_rollback(struct cc_store *st)
{
	if (PQtransactionStatus(st->conn) != PQTRANS_IDLE &&
	    PQstatus(st->conn) == CONNECTION_OK)
		PQclear(PQexec(st->conn, "ROLLBACK"));
}

void st_value(const PGresult *r, int row, int col, char *buf, size_t size)
{
	snprintf(buf, size, "%s", PQgetisnull(r, row, col) ? "" :
		 PQgetvalue(r, row, col));
}

void cc_store_version(char *buf, size_t size)
{
	int v = PQlibVersion();

	snprintf(buf, size, "libpq %d.%d", v / 10000, v % 10000);
}
