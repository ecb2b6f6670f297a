/*
 * load.c -- records stored in batches (store.h, "loading"): each batch's
 * records COPYed, as their JSON, into a staging table made for the
 * transaction (ON COMMIT DROP), then one INSERT ... SELECT ... ON
 * CONFLICT DO UPDATE per table, the columns taken from the JSON by
 * jsonb_to_record(); the transaction committed whole.  A batch the
 * database refuses is done again a record at a time, each under a
 * savepoint, so that only the records it refuses are left out; a batch
 * whose connection was lost is done again whole on a new one.  Two
 * connections take turns, one copying a batch while the server writes
 * the one before on the other.
 */
#include "base/cc.h"
#include "store/impl.h"

#include <time.h>

/* --- the tables ---------------------------------------------------------- */

/* A column: its name, the record's field it comes from and that field's
 * type for jsonb_to_record() (NULL: not a field), and the expression that
 * makes it (NULL: the field itself). */
struct col {
	const char *name, *field, *type, *expr;
	int keep;              /* not changed when the row is there: only
				* an insert sets it */
};

struct table {
	const char *name;
	const char *kind;      /* the records it is made of */
	const char *key;       /* the conflict's columns */
	const char *from;      /* more of the FROM clause, after r */
	const char *distinct;  /* DISTINCT ON: the last record wins */
	const struct col *cols;
};

#define OWNER { "owner_id", NULL, NULL, "$1", 0 }
#define DOC { "doc", "doc", "text", NULL, 0 }
#define SEQ { "seq", NULL, NULL, "s.seq", 0 }
#define LAYOUT_BUREAU { "layout", "layout", "text", NULL, 0 }, \
	{ "bureau", "bureau", "text", NULL, 0 }
#define SRC_CONF { "src", "src", "jsonb", NULL, 0 }, \
	{ "conf", "conf", "real", NULL, 0 }
#define END { NULL, NULL, NULL, NULL, 0 }

static const struct col uploads_cols[] = {
	OWNER, DOC,
	{ "path", "path", "text", NULL, 0 },
	{ "bytes", "bytes", "bigint", NULL, 0 },
	{ "pages", "pages", "integer", NULL, 0 },
	{ "processing_status", NULL, NULL, "'complete'", 1 },
	END
};

static const struct col consumers_cols[] = {
	OWNER, DOC, SEQ, LAYOUT_BUREAU,
	{ "applicant", "applicant", "smallint", "coalesce(r.applicant, 1)", 0 },
	{ "name", "name", "text", NULL, 0 },
	{ "addresses", "addresses", "text[]", "coalesce(r.addresses, '{}')", 0 },
	{ "ssn_last4", "ssn_last4", "text", NULL, 0 },
	{ "birth_year", "birth_year", "smallint", NULL, 0 },
	{ "report_date", "report_date", "text", NULL, 0 },
	{ "report_number", "report_number", "text", NULL, 0 },
	SRC_CONF, END
};

static const struct col tradelines_cols[] = {
	OWNER, DOC, SEQ,
	{ "id", "id", "text", NULL, 0 },
	LAYOUT_BUREAU,
	{ "account_group", "account_group", "text", NULL, 0 },
	{ "creditor", "creditor", "text", NULL, 0 },
	{ "account_mask", "account_mask", "text", NULL, 0 },
	{ "account_last4", "account_last4", "text", NULL, 0 },
	{ "type", "type", "text", NULL, 0 },
	{ "loan_type", "loan_type", "text", NULL, 0 },
	{ "responsibility", "responsibility", "text", NULL, 0 },
	{ "applicants", "applicants", "smallint[]", NULL, 0 },
	{ "opened", "opened", "text", NULL, 0 },
	{ "closed", "closed", "text", NULL, 0 },
	{ "reported", "reported", "text", NULL, 0 },
	{ "last_payment", "last_payment", "text", NULL, 0 },
	{ "dofd", "dofd", "text", NULL, 0 },
	{ "balance", "balance", "bigint", NULL, 0 },
	{ "credit_limit", "limit", "bigint", NULL, 0 },
	{ "high_balance", "high_balance", "bigint", NULL, 0 },
	{ "payment", "payment", "bigint", NULL, 0 },
	{ "past_due", "past_due", "bigint", NULL, 0 },
	{ "charge_off_amount", "charge_off_amount", "bigint", NULL, 0 },
	{ "original_creditor", "original_creditor", "text", NULL, 0 },
	{ "status", "status", "text", NULL, 0 },
	{ "status_code", "status_code", "text", NULL, 0 },
	{ "history", "history", "jsonb", "coalesce(r.history, '[]')", 0 },
	{ "remarks", "remarks", "text", NULL, 0 },
	{ "negative", "negative", "boolean", "coalesce(r.negative, false)", 0 },
	{ "reasons", "reasons", "text[]", "coalesce(r.reasons, '{}')", 0 },
	{ "removal_date", "removal_date", "text", NULL, 0 },
	{ "repositories", "repositories", "text[]", NULL, 0 },
	{ "uncertain", "uncertain", "text[]", "coalesce(r.uncertain, '{}')", 0 },
	SRC_CONF, END
};

static const struct col inquiries_cols[] = {
	OWNER, DOC, SEQ, LAYOUT_BUREAU,
	{ "creditor", "creditor", "text", NULL, 0 },
	{ "date", "date", "text", NULL, 0 },
	{ "type", "type", "text", "coalesce(r.type, 'hard')", 0 },
	SRC_CONF, END
};

static const struct col public_records_cols[] = {
	OWNER, DOC, SEQ, LAYOUT_BUREAU,
	{ "type", "type", "text", NULL, 0 },
	{ "court", "court", "text", NULL, 0 },
	{ "reference", "reference", "text", NULL, 0 },
	{ "filed", "filed", "text", NULL, 0 },
	{ "resolved", "resolved", "text", NULL, 0 },
	{ "amount", "amount", "bigint", NULL, 0 },
	{ "removal_date", "removal_date", "text", NULL, 0 },
	SRC_CONF, END
};

/* a dispute's status is the database's once it is there (cc-db
 * dispute-status): a dispute loaded again keeps it */
static const struct col disputes_cols[] = {
	OWNER,
	{ "id", "id", "text", NULL, 0 },
	DOC,
	{ "applicant", "applicant", "smallint", "coalesce(r.applicant, 1)", 0 },
	{ "bureau", "bureau", "text", NULL, 0 },
	{ "round", "round", "smallint", "coalesce(r.round, 1)", 0 },
	{ "status", "status", "text", "coalesce(r.status, 'draft')", 1 },
	{ "consumer", "consumer", "jsonb", NULL, 0 },
	{ "bureau_address", "bureau_address", "jsonb", NULL, 0 },
	{ "previous_id", "previous", "jsonb", "r.previous->>'id'", 0 },
	{ "previous_date", NULL, NULL, "r.previous->>'date'", 0 },
	{ "created_at", "created_at", "timestamptz",
	  "coalesce(r.created_at, now())", 1 },
	END
};

static const struct col dispute_items_cols[] = {
	OWNER,
	{ "dispute_id", NULL, NULL, "s.rec->>'id'", 0 },
	{ "n", "n", "smallint", NULL, 0 },
	{ "tradeline_id", "tradeline", "text", NULL, 0 },
	DOC,
	{ "creditor", "creditor", "text", NULL, 0 },
	{ "account_mask", "account_mask", "text", NULL, 0 },
	{ "reason_code", "reason_code", "text", NULL, 0 },
	{ "reason", "reason", "text", NULL, 0 },
	{ "action", "action", "text", NULL, 0 },
	{ "evidence", "evidence", "jsonb", "coalesce(r.evidence, '{}')", 0 },
	{ "src", "src", "jsonb", NULL, 0 },
	END
};

static const struct col letters_cols[] = {
	OWNER,
	{ "dispute_id", "dispute", "text", NULL, 0 },
	{ "bureau", "bureau", "text", NULL, 0 },
	{ "round", "round", "smallint", "coalesce(r.round, 1)", 0 },
	{ "path", "path", "text", NULL, 0 },
	{ "sha256", "sha256", "text", NULL, 0 },
	{ "bytes", "bytes", "bigint", NULL, 0 },
	{ "pages", "pages", "integer", NULL, 0 },
	END
};

/*
 * In the order they are written: a row is written after those it refers
 * to.  report_uploads twice: the document records' rows, then a row for
 * every other document a record names (the others' keys refer to it).
 */
static const struct table tables[] = {
	{ "report_uploads", "document", "owner_id, doc", NULL, "r.doc", uploads_cols },
	{ "consumers", "consumer", "owner_id, doc, seq", NULL, NULL, consumers_cols },
	{ "tradelines", "tradeline", "owner_id, doc, seq", NULL, NULL, tradelines_cols },
	{ "inquiries", "inquiry", "owner_id, doc, seq", NULL, NULL, inquiries_cols },
	{ "public_records", "public_record", "owner_id, doc, seq", NULL, NULL,
	  public_records_cols },
	{ "disputes", "dispute", "owner_id, id", NULL, "r.id", disputes_cols },
	{ "dispute_items", "dispute", "owner_id, dispute_id, n",
	  "s.rec->'items'", "s.rec->>'id', r.n", dispute_items_cols },
	{ "letters", "letter", "owner_id, dispute_id", NULL, "r.dispute", letters_cols },
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

const char *const cc_store_load_tables[CC_STORE_LOAD_TABLES] = {
	"report_uploads", "consumers", "tradelines", "inquiries",
	"public_records", "disputes", "dispute_items", "letters",
};

/* The rows of a table that refers to a document no document record of
 * the batch gave: the document, known by its hash alone. */
static const char implied_uploads[] =
	"INSERT INTO report_uploads (owner_id, doc, processing_status) "
	"SELECT DISTINCT $1, s.rec->>'doc', 'complete' FROM cc_load s "
	"WHERE s.kind <> 'document' AND s.kind <> 'letter' "
	"AND s.rec->>'doc' IS NOT NULL "
	"ON CONFLICT (owner_id, doc) DO NOTHING";

/* name is one of key's columns (key: "a, b, c"). */
static int in_key(const char *key, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	for (p = key; *p; p += strspn(p, ", ")) {
		size_t w = strcspn(p, ", ");

		if (w == len && !memcmp(p, name, len))
			return 1;
		p += w;
	}
	return 0;
}

/* INSERT ... SELECT ... ON CONFLICT DO UPDATE of one table. */
static char *upsert_sql(const struct table *t)
{
	struct cc_buf b = { 0 };
	const struct col *c;
	int n;

	cc_buf_addf(&b, "INSERT INTO %s AS t (", t->name);
	for (c = t->cols, n = 0; c->name; c++, n++)
		cc_buf_addf(&b, "%s%s", n ? ", " : "", c->name);
	cc_buf_adds(&b, ") SELECT ");
	if (t->distinct)
		cc_buf_addf(&b, "DISTINCT ON (%s) ", t->distinct);
	for (c = t->cols, n = 0; c->name; c++, n++) {
		if (c->expr)
			cc_buf_addf(&b, "%s%s", n ? ", " : "", c->expr);
		else
			cc_buf_addf(&b, "%sr.\"%s\"", n ? ", " : "", c->field);
	}
	cc_buf_addf(&b, " FROM cc_load s, jsonb_to_record%s(%s) AS r(",
		    t->from ? "set" : "", t->from ? t->from : "s.rec");
	for (c = t->cols, n = 0; c->name; c++) {
		if (!c->type)
			continue;
		cc_buf_addf(&b, "%s\"%s\" %s", n++ ? ", " : "", c->field, c->type);
	}
	cc_buf_addf(&b, ") WHERE s.kind = '%s'", t->kind);
	if (t->distinct)
		cc_buf_addf(&b, " ORDER BY %s, s.ord DESC", t->distinct);
	cc_buf_addf(&b, " ON CONFLICT (%s) DO UPDATE SET ", t->key);
	for (c = t->cols, n = 0; c->name; c++) {
		if (c->keep || in_key(t->key, c->name))
			continue;
		cc_buf_addf(&b, "%s%s = excluded.%s", n++ ? ", " : "", c->name,
			    c->name);
	}
	if (!strcmp(t->name, "report_uploads"))
		cc_buf_adds(&b, ", updated_at = now()");
	/* a row that would not change is not written again */
	cc_buf_adds(&b, " WHERE (");
	for (c = t->cols, n = 0; c->name; c++) {
		if (c->keep || in_key(t->key, c->name))
			continue;
		cc_buf_addf(&b, "%st.%s", n++ ? ", " : "", c->name);
	}
	cc_buf_adds(&b, ") IS DISTINCT FROM (");
	for (c = t->cols, n = 0; c->name; c++) {
		if (c->keep || in_key(t->key, c->name))
			continue;
		cc_buf_addf(&b, "%sexcluded.%s", n++ ? ", " : "", c->name);
	}
	cc_buf_adds(&b, ")");
	cc_buf_add(&b, "", 0);
	return cc_buf_detach(&b);
}

/* --- the load ---------------------------------------------------------------- */

/* One record of a batch: its line in the COPY text, where it was read,
 * and why it was refused, if it was. */
struct held {
	size_t off, len;       /* in text */
	const char *kind;      /* the table's kind, static */
	const char *source;    /* borrowed from the caller */
	long line;
	char doc[65];
	struct cc_error *err;
};

/*
 * A batch, on a connection of its own.  Two take turns: while one's
 * upserts and COMMIT run on the server (sent, not waited for), the next
 * one's records are COPYed on the other; a batch's upserts are sent only
 * once the batch before is committed, so the rows of one are there for
 * the next (a letter's dispute).
 */
struct batch {
	struct cc_store *st;
	struct cc_buf text;    /* the batch's COPY text, a line a record */
	struct held *v;
	size_t n, alloc;
	int open;              /* its COPY is going on */
	int broken;            /* it failed: done again when collected */
	int sent;              /* its upserts and COMMIT are on their way */
	struct cc_error err;   /* why it broke */
	long rows[CC_STORE_LOAD_TABLES];
};

struct cc_store_load {
	struct cc_store *own;  /* the second connection, ours */
	char *owner;
	char *sql[NTABLES];    /* with $1, the owner, a parameter */
	char *script;          /* all of them and COMMIT, the owner a literal */
	struct batch b[2];
	int cur;
	long rows[CC_STORE_LOAD_TABLES];      /* committed */
	unsigned long stored;  /* records committed */
	unsigned long retries;
};

/* The kinds the load keeps, as the tables name them (static strings). */
static const char *kind_of(const char *kind)
{
	static const char *const kinds[] = {
		"document", "consumer", "tradeline", "inquiry",
		"public_record", "dispute", "letter",
	};
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kind, kinds[i]))
			return kinds[i];
	return NULL;
}

int cc_store_load_kind(const char *kind)
{
	return kind && kind_of(kind) != NULL;
}

/* sql with each $1 made lit. */
static void add_with(struct cc_buf *b, const char *sql, const char *lit)
{
	const char *p;

	while ((p = strstr(sql, "$1"))) {
		cc_buf_add(b, sql, (size_t)(p - sql));
		cc_buf_adds(b, lit);
		sql = p + 2;
	}
	cc_buf_adds(b, sql);
}

int cc_store_load_new(struct cc_store_load **out, struct cc_store *st,
		      const char *owner, struct cc_error *e)
{
	struct cc_store_load *l;
	struct cc_buf b = { 0 };
	char *lit;
	size_t i;
	int rc;

	*out = NULL;
	if (!owner || !*owner || strlen(owner) > 200)
		return cc_error_set(e, CC_ERR_USAGE, "store.owner",
				    "an owner is 1 to 200 bytes");
	l = cc_xcalloc(1, sizeof(*l));
	if ((rc = cc_store_open(&l->own, st->conninfo, st->app, e)) < 0) {
		free(l);
		return rc;
	}
	l->b[0].st = st;
	l->b[1].st = l->own;
	l->owner = cc_xstrdup(owner);
	lit = PQescapeLiteral(st->conn, owner, strlen(owner));
	if (!lit)
		cc_fatal("out of memory");
	for (i = 0; i < NTABLES; i++) {
		l->sql[i] = upsert_sql(&tables[i]);
		add_with(&b, l->sql[i], lit);
		cc_buf_adds(&b, ";\n");
		if (i == 0) {
			add_with(&b, implied_uploads, lit);
			cc_buf_adds(&b, ";\n");
		}
	}
	cc_buf_adds(&b, "COMMIT");
	cc_buf_add(&b, "", 0);
	l->script = cc_buf_detach(&b);
	PQfreemem(lit);
	*out = l;
	return 0;
}

static void clear_batch(struct batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		free(b->v[i].err);
	b->n = 0;
	b->text.len = 0;
	b->open = 0;
	b->broken = 0;
	b->sent = 0;
}

/* Drop what a connection was doing: a COPY, results, a transaction. */
static void drop(struct batch *b)
{
	PGresult *r;

	if (b->open)
		PQputCopyEnd(b->st->conn, "cancelled");
	while ((r = PQgetResult(b->st->conn)))
		PQclear(r);
	st_rollback(b->st);
}

void cc_store_load_free(struct cc_store_load *l)
{
	size_t i;
	int k;

	if (!l)
		return;
	for (k = 0; k < 2; k++) {
		/* a batch not committed: nothing of it is kept */
		if (l->b[k].n)
			drop(&l->b[k]);
		clear_batch(&l->b[k]);
		free(l->b[k].v);
		cc_buf_release(&l->b[k].text);
	}
	cc_store_close(l->own);
	for (i = 0; i < NTABLES; i++)
		free(l->sql[i]);
	free(l->script);
	free(l->owner);
	free(l);
}

/* End a COPY: 0 or the error. */
static int copy_end(struct cc_store *st, struct cc_error *e)
{
	PGresult *r;
	int rc = 0;

	if (PQputCopyEnd(st->conn, NULL) != 1) {
		r = NULL;
	} else {
		r = PQgetResult(st->conn);
		if (r && PQresultStatus(r) == PGRES_COMMAND_OK) {
			PQclear(r);
			/* the COPY's end: a NULL result */
			while ((r = PQgetResult(st->conn)))
				PQclear(r);
			return 0;
		}
	}
	rc = st_error(st, "load: copy", r, e);
	PQclear(r);
	while ((r = PQgetResult(st->conn)))
		PQclear(r);
	return rc;
}

/* Start a COPY into the staging table: 0 or the error. */
static int copy_begin(struct cc_store *st, struct cc_error *e)
{
	PGresult *r = PQexec(st->conn, "COPY cc_load (ord, kind, seq, rec) "
			     "FROM STDIN");
	int rc = 0;

	if (!r || PQresultStatus(r) != PGRES_COPY_IN)
		rc = st_error(st, "load: copy", r, e);
	PQclear(r);
	return rc;
}

static int copy_put(struct cc_store *st, const char *s, size_t len,
		    struct cc_error *e)
{
	if (PQputCopyData(st->conn, s, (int)len) == 1)
		return 0;
	return st_error(st, "load: copy", NULL, e);
}

/* The transaction of a batch, its staging table and the owner. */
static int batch_begin(struct cc_store_load *l, struct batch *b,
		       struct cc_error *e)
{
	const char *params[1] = { l->owner };
	int rc;

	if ((rc = st_begin(b->st, "load", e)) < 0)
		return rc;
	if ((rc = st_run(b->st, "load", "CREATE TEMPORARY TABLE cc_load (ord "
			 "integer NOT NULL, kind text NOT NULL, seq integer, rec "
			 "jsonb NOT NULL) ON COMMIT DROP", 0, NULL, e)) < 0)
		return rc;
	/* the owner is made by its first load (cc-load(1), Owners) */
	return st_run(b->st, "load", "INSERT INTO users (id) VALUES ($1) "
		      "ON CONFLICT (id) DO NOTHING", 1, params, e);
}

/* The staging table's rows into the tables; their counts added to rows. */
static int upsert(struct cc_store_load *l, struct batch *b, const char *what,
		  long *rows, struct cc_error *e)
{
	const char *params[1] = { l->owner };
	PGresult *r;
	long n;
	size_t i;

	for (i = 0; i < NTABLES; i++) {
		if (!(r = st_query(b->st, what, l->sql[i], 1, params, e)))
			return e->code;
		if (cc_parse_long(PQcmdTuples(r), &n) == 0)
			rows[i] += n;
		PQclear(r);
		if (i == 0) {
			if (!(r = st_query(b->st, what, implied_uploads, 1, params,
					   e)))
				return e->code;
			if (cc_parse_long(PQcmdTuples(r), &n) == 0)
				rows[0] += n;
			PQclear(r);
		}
	}
	return 0;
}

/* The escapes of COPY's text format. */
static void copy_escape(struct cc_buf *b, const char *s, size_t len)
{
	size_t i, from = 0;

	for (i = 0; i < len; i++) {
		const char *esc;

		switch (s[i]) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: continue;
		}
		cc_buf_add(b, s + from, i - from);
		cc_buf_adds(b, esc);
		from = i + 1;
	}
	cc_buf_add(b, s + from, len - from);
}

void cc_store_load_add(struct cc_store_load *l, const char *kind, long seq,
		       const char *json, size_t len, const char *source,
		       long line, const char *doc)
{
	struct batch *b = &l->b[l->cur];
	struct held *h;
	size_t off = b->text.len;

	if (!b->n && !b->open && !b->broken) {
		cc_error_clear(&b->err);
		if (batch_begin(l, b, &b->err) < 0 || copy_begin(b->st, &b->err) < 0)
			b->broken = 1;
		else
			b->open = 1;
	}
	CC_GROW(b->v, b->alloc, b->n + 1);
	h = &b->v[b->n];
	h->kind = kind_of(kind);
	h->source = source;
	h->line = line;
	snprintf(h->doc, sizeof(h->doc), "%s", doc ? doc : "");
	h->err = NULL;
	if (seq > 0)
		cc_buf_addf(&b->text, "%zu\t%s\t%ld\t", b->n, h->kind, seq);
	else
		cc_buf_addf(&b->text, "%zu\t%s\t\\N\t", b->n, h->kind);
	copy_escape(&b->text, json, len);
	cc_buf_adds(&b->text, "\n");
	h->off = off;
	h->len = b->text.len - off;
	b->n++;
	/* streamed as it comes: the COPY runs while the batch is read */
	if (b->open && copy_put(b->st, b->text.s + off, h->len, &b->err) < 0) {
		b->open = 0;
		b->broken = 1;
	}
}

size_t cc_store_load_count(const struct cc_store_load *l)
{
	return l->b[l->cur].n;
}

/* Each record alone, under a savepoint: those the database refuses are
 * marked, the others written.  In the batch's transaction. */
static int one_by_one(struct cc_store_load *l, struct batch *b,
		      struct cc_error *e)
{
	struct cc_error re;
	size_t i;
	int rc;

	for (i = 0; i < b->n; i++) {
		long rows[CC_STORE_LOAD_TABLES] = { 0 };
		struct held *h = &b->v[i];
		size_t k;

		if ((rc = st_run(b->st, "load", "SAVEPOINT cc_record", 0, NULL,
				 e)) < 0)
			return rc;
		cc_error_clear(&re);
		rc = st_run(b->st, "load", "TRUNCATE cc_load", 0, NULL, &re);
		if (rc == 0)
			rc = copy_begin(b->st, &re);
		if (rc == 0) {
			rc = copy_put(b->st, b->text.s + h->off, h->len, &re);
			if (rc == 0)
				rc = copy_end(b->st, &re);
			else
				copy_end(b->st, &re);
		}
		if (rc == 0)
			rc = upsert(l, b, h->kind, rows, &re);
		if (rc == CC_ERR_DATA) {
			char *v;

			if ((rc = st_run(b->st, "load", "ROLLBACK TO SAVEPOINT "
					 "cc_record", 0, NULL, e)) < 0)
				return rc;
			/* the server's message without the value it quotes
			 * ('invalid input syntax for type bigint: "..."'):
			 * a field may hold anything, an account number too */
			if ((v = strstr(re.msg, ": \"")))
				*v = '\0';
			h->err = cc_xmalloc(sizeof(*h->err));
			*h->err = re;
			continue;
		}
		if (rc < 0) {
			*e = re;
			return rc;
		}
		for (k = 0; k < CC_STORE_LOAD_TABLES; k++)
			b->rows[k] += rows[k];
		if ((rc = st_run(b->st, "load", "RELEASE SAVEPOINT cc_record", 0,
				 NULL, e)) < 0)
			return rc;
	}
	return 0;
}

/* The whole batch again, waiting for each step, on a connection that has
 * no transaction: BEGIN, COPY, the upserts, COMMIT; by record when the
 * database refuses the batch. */
static int attempt(struct cc_store_load *l, struct batch *b, struct cc_error *e)
{
	int rc;

	memset(b->rows, 0, sizeof(b->rows));
	if ((rc = batch_begin(l, b, e)) < 0 || (rc = copy_begin(b->st, e)) < 0)
		return rc;
	if ((rc = copy_put(b->st, b->text.s, b->text.len, e)) < 0) {
		copy_end(b->st, e);
		return rc;
	}
	rc = copy_end(b->st, e);
	if (rc == 0)
		rc = upsert(l, b, "load", b->rows, e);
	if (rc == CC_ERR_DATA) {
		/* which records?  Again, one at a time */
		st_rollback(b->st);
		memset(b->rows, 0, sizeof(b->rows));
		if ((rc = batch_begin(l, b, e)) < 0)
			return rc;
		if ((rc = one_by_one(l, b, e)) < 0)
			return rc;
	} else if (rc < 0) {
		return rc;
	}
	return st_run(b->st, "load", "COMMIT", 0, NULL, e);
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* The connection again: PQreset() with its parameters. */
static int reconnect(struct cc_store *st, struct cc_error *e)
{
	PQreset(st->conn);
	if (PQstatus(st->conn) == CONNECTION_OK)
		return 0;
	return st_error(st, "load: reconnecting", NULL, e);
}

/* The results of a batch sent: 0, or the first error (the statements
 * after it were not run, and its transaction is aborted). */
static int results(struct batch *b, struct cc_error *e)
{
	PGresult *r;
	int rc = 0, k = 0;
	long n;

	while ((r = PQgetResult(b->st->conn))) {
		ExecStatusType s = PQresultStatus(r);

		if (rc == 0 && s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
			rc = st_error(b->st, "load", r, e);
		} else if (rc == 0 && k < (int)NTABLES + 1 &&
			   cc_parse_long(PQcmdTuples(r), &n) == 0) {
			/* report_uploads twice, then a table each */
			b->rows[k < 2 ? 0 : k - 1] += n;
		}
		k++;
		PQclear(r);
	}
	if (rc == 0 && PQstatus(b->st->conn) != CONNECTION_OK)
		rc = st_error(b->st, "load", NULL, e);
	else if (rc == 0 && k != (int)NTABLES + 2)
		rc = cc_error_set(e, CC_ERR_UNAVAILABLE, "store.unavailable",
				  "load: the batch's results were cut short");
	return rc;
}

/*
 * Wait for batch b's commit, done again as it must be (by record, on a
 * new connection); then rejected() for each record refused, and b is
 * empty.  0, or the error that stopped it, nothing of b written.
 */
static int collect(struct cc_store_load *l, struct batch *b,
		   void (*rejected)(const struct cc_error *re, const char *doc,
				    void *arg),
		   void *arg, struct cc_error *e)
{
	int rc, tries = 0;
	long wait = 100;
	size_t i;

	if (!b->n)
		return 0;
	if (b->broken) {
		*e = b->err;
		rc = e->code;
	} else if (b->sent) {
		rc = results(b, e);
	} else {
		rc = attempt(l, b, e);
	}
	if (rc == CC_ERR_DATA && (b->broken || b->sent)) {
		/* refused: again, waiting for each step, by record if need be */
		drop(b);
		b->open = 0;
		rc = attempt(l, b, e);
	}
	/* a connection lost, a deadlock, a serialisation failure: the batch
	 * again, whole, a few times, waiting longer each time.  What a lost
	 * COMMIT may have written is written again the same. */
	while ((rc == CC_ERR_UNAVAILABLE || rc == CC_ERR_TEMP) &&
	       tries < CC_STORE_LOAD_RETRIES) {
		tries++;
		l->retries++;
		for (i = 0; i < b->n; i++) {
			free(b->v[i].err);
			b->v[i].err = NULL;
		}
		pause_ms(wait);
		wait *= 2;
		if (PQstatus(b->st->conn) == CONNECTION_OK) {
			drop(b);
			b->open = 0;
		}
		if (rc == CC_ERR_UNAVAILABLE || PQstatus(b->st->conn) != CONNECTION_OK)
			if ((rc = reconnect(b->st, e)) < 0)
				continue;
		rc = attempt(l, b, e);
	}
	if (rc < 0) {
		drop(b);
		clear_batch(b);
		return rc;
	}
	for (i = 0; i < CC_STORE_LOAD_TABLES; i++)
		l->rows[i] += b->rows[i];
	for (i = 0; i < b->n; i++) {
		struct held *h = &b->v[i];

		if (!h->err)
			l->stored++;
		if (!h->err || !rejected)
			continue;
		cc_error_at(h->err, h->source, h->line);
		rejected(h->err, h->doc[0] ? h->doc : NULL, arg);
	}
	clear_batch(b);
	return 0;
}

int cc_store_load_commit(struct cc_store_load *l,
			 void (*rejected)(const struct cc_error *re,
					  const char *doc, void *arg),
			 void *arg, struct cc_error *e)
{
	struct batch *b = &l->b[l->cur], *prev = &l->b[!l->cur];
	int rc;

	if (!b->n)
		return collect(l, prev, rejected, arg, e);
	if (b->open) {
		b->open = 0;
		if (copy_end(b->st, &b->err) < 0)
			b->broken = 1;
	}
	/* the batch before first: its rows may be this one's references */
	if ((rc = collect(l, prev, rejected, arg, e)) < 0) {
		drop(b);
		clear_batch(b);
		return rc;
	}
	memset(b->rows, 0, sizeof(b->rows));
	if (!b->broken) {
		if (PQsendQuery(b->st->conn, l->script) == 1) {
			b->sent = 1;
		} else {
			st_error(b->st, "load", NULL, &b->err);
			b->broken = 1;
		}
	}
	/* the next batch on the other connection, meanwhile */
	l->cur = !l->cur;
	return 0;
}

int cc_store_load_finish(struct cc_store_load *l,
			 void (*rejected)(const struct cc_error *re,
					  const char *doc, void *arg),
			 void *arg, struct cc_error *e)
{
	int rc;

	if ((rc = cc_store_load_commit(l, rejected, arg, e)) < 0)
		return rc;
	return collect(l, &l->b[!l->cur], rejected, arg, e);
}

void cc_store_load_rows(const struct cc_store_load *l,
			long rows[CC_STORE_LOAD_TABLES], unsigned long *stored,
			unsigned long *retries)
{
	memcpy(rows, l->rows, sizeof(l->rows));
	if (stored)
		*stored = l->stored;
	if (retries)
		*retries = l->retries;
}
