/*
 * stage.c -- the load stage (stage.h): records checked against cc's
 * vocabulary, numbered within their document, and handed to lib/store's
 * batches; what is refused rejected at its line.
 */
#include "base/cc.h"
#include "load/stage.h"

#include <ctype.h>

/* A document's records of each report kind, so far. */
struct docseq {
	char doc[65];          /* "" for an empty slot */
	long n[4];
};

struct cc_load_ctx {
	struct cc_store_load *load;
	size_t batch;
	int workers;
	char **sources;
	size_t nsources, asources;
	struct docseq *seq;    /* open addressing, by the hash's first bits */
	size_t nseq, aseq;     /* used, slots (a power of 2) */
	struct cc_load_info info;
};

static const char *const report_kinds[4] = {
	"consumer", "tradeline", "inquiry", "public_record",
};

/* The enumerated fields of each kind, and the column whose CHECK they
 * must pass (cc_store_value_allowed). */
static const struct {
	const char *kind, *field, *column;
} enums[] = {
	{ "consumer", "layout", "consumers.layout" },
	{ "consumer", "bureau", "consumers.bureau" },
	{ "tradeline", "layout", "tradelines.layout" },
	{ "tradeline", "bureau", "tradelines.bureau" },
	{ "tradeline", "type", "tradelines.type" },
	{ "tradeline", "loan_type", "tradelines.loan_type" },
	{ "tradeline", "responsibility", "tradelines.responsibility" },
	{ "tradeline", "reasons", "tradelines.reasons" },
	{ "tradeline", "repositories", "tradelines.repositories" },
	{ "inquiry", "layout", "inquiries.layout" },
	{ "inquiry", "bureau", "inquiries.bureau" },
	{ "inquiry", "type", "inquiries.type" },
	{ "public_record", "layout", "public_records.layout" },
	{ "public_record", "bureau", "public_records.bureau" },
	{ "public_record", "type", "public_records.type" },
	{ "dispute", "bureau", "disputes.bureau" },
	{ "dispute", "status", "disputes.status" },
	{ "item", "reason_code", "dispute_items.reason_code" },
	{ "item", "action", "dispute_items.action" },
	{ "letter", "bureau", "letters.bureau" },
};

static int is_sha256(const char *s)
{
	int i;

	for (i = 0; i < 64; i++)
		if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
			return 0;
	return s[64] == '\0';
}

/* A value of an enumerated field: null, a string of the column's, or
 * (an array field) an array of them.  0, or e filled. */
static int check_value(const char *kind, const char *field,
		       const char *column, json_t *v, struct cc_error *e)
{
	size_t i;
	json_t *x;

	if (!v || json_is_null(v))
		return 0;
	if (json_is_array(v)) {
		if (strcmp(field, "reasons") && strcmp(field, "repositories"))
			goto not_string;
		json_array_foreach(v, i, x) {
			if (!json_is_string(x))
				goto not_string;
			/* the value is not said: it may be anything,
			 * an account number too */
			if (cc_store_value_allowed(column, json_string_value(x)) != 1)
				return cc_error_set(e, CC_ERR_DATA, "store.constraint",
						    "%s: item %zu of %s is none of "
						    "cc's values (cc-records(5))",
						    kind, i + 1, field);
		}
		return 0;
	}
	if (!json_is_string(v))
		goto not_string;
	if (cc_store_value_allowed(column, json_string_value(v)) == 1)
		return 0;
	return cc_error_set(e, CC_ERR_DATA, "store.constraint",
			    "%s: %s is none of cc's values (cc-records(5))",
			    kind, field);
not_string:
	return cc_error_set(e, CC_ERR_DATA, "store.value",
			    "%s: %s is not %s", kind, field,
			    strcmp(field, "reasons") && strcmp(field, "repositories") ?
			    "a string" : "an array of strings");
}

/* What cc knows to refuse before the database does: a record without
 * its document, a value no enumeration has.  0, or e filled. */
static int check(const struct cc_record *rec, struct cc_error *e)
{
	json_t *doc = json_object_get(rec->obj, "doc"), *items, *it;
	size_t i, k;

	/* a letter's doc is its dispute's, and may be null */
	if (json_is_string(doc) ? !is_sha256(json_string_value(doc)) :
	    strcmp(rec->kind, "letter") || !(!doc || json_is_null(doc)))
		return cc_error_set(e, CC_ERR_DATA, "store.constraint",
				    "%s: no doc, or not a SHA-256 hash (64 "
				    "lower-case hexadecimal digits)", rec->kind);
	for (k = 0; k < sizeof(enums) / sizeof(enums[0]); k++)
		if (!strcmp(enums[k].kind, rec->kind) &&
		    check_value(rec->kind, enums[k].field, enums[k].column,
				json_object_get(rec->obj, enums[k].field), e) < 0)
			return e->code;
	if (strcmp(rec->kind, "dispute"))
		return 0;
	items = json_object_get(rec->obj, "items");
	if (!json_is_array(items) || !json_array_size(items))
		return cc_error_set(e, CC_ERR_DATA, "store.constraint",
				    "dispute: no items");
	json_array_foreach(items, i, it) {
		if (!json_is_object(it))
			return cc_error_set(e, CC_ERR_DATA, "store.value",
					    "dispute: item %zu is not an object",
					    i + 1);
		doc = json_object_get(it, "doc");
		if (!json_is_string(doc) || !is_sha256(json_string_value(doc)))
			return cc_error_set(e, CC_ERR_DATA, "store.constraint",
					    "dispute: item %zu: no doc, or not a "
					    "SHA-256 hash", i + 1);
		for (k = 0; k < sizeof(enums) / sizeof(enums[0]); k++)
			if (!strcmp(enums[k].kind, "item") &&
			    check_value("dispute", enums[k].field, enums[k].column,
					json_object_get(it, enums[k].field), e) < 0)
				return e->code;
	}
	return 0;
}

/* --- numbering ------------------------------------------------------------- */

static size_t slot_of(const char *doc, size_t size)
{
	size_t h = 0;
	int i;

	/* a hash already: its first digits will do */
	for (i = 0; i < 8; i++)
		h = h * 16 + (size_t)(isdigit((unsigned char)doc[i]) ? doc[i] - '0' :
				      doc[i] - 'a' + 10);
	return h & (size - 1);
}

static struct docseq *seq_find(struct cc_load_ctx *x, const char *doc)
{
	size_t i;

	if ((x->nseq + 1) * 2 > x->aseq) {
		struct docseq *old = x->seq;
		size_t n = x->aseq, k;

		x->aseq = n ? n * 2 : 64;
		x->seq = cc_xcalloc(x->aseq, sizeof(*x->seq));
		for (k = 0; k < n; k++) {
			if (!old[k].doc[0])
				continue;
			for (i = slot_of(old[k].doc, x->aseq); x->seq[i].doc[0];
			     i = (i + 1) & (x->aseq - 1))
				;
			x->seq[i] = old[k];
		}
		free(old);
	}
	for (i = slot_of(doc, x->aseq); x->seq[i].doc[0];
	     i = (i + 1) & (x->aseq - 1))
		if (!strcmp(x->seq[i].doc, doc))
			return &x->seq[i];
	memcpy(x->seq[i].doc, doc, 65);
	x->nseq++;
	return &x->seq[i];
}

/* The record's place among its document's records of its kind, from 1;
 * 0 for the kinds keyed otherwise. */
static long seq_next(struct cc_load_ctx *x, const char *kind, const char *doc)
{
	int k;

	for (k = 0; k < 4; k++)
		if (!strcmp(kind, report_kinds[k]))
			return ++seq_find(x, doc)->n[k];
	return 0;
}

/* --- the stage ----------------------------------------------------------------- */

static const char *intern(struct cc_load_ctx *x, const char *source)
{
	size_t i;

	if (!source)
		source = "";
	for (i = x->nsources; i-- > 0;)
		if (!strcmp(x->sources[i], source))
			return x->sources[i];
	CC_GROW(x->sources, x->asources, x->nsources + 1);
	x->sources[x->nsources] = cc_xstrdup(source);
	return x->sources[x->nsources++];
}

struct cc_load_ctx *cc_load_ctx_new(struct cc_store *st,
				    const struct cc_load_opts *o,
				    struct cc_error *e)
{
	struct cc_load_ctx *x = cc_xcalloc(1, sizeof(*x));

	if (cc_store_load_new(&x->load, st, o->owner, e) < 0) {
		free(x);
		return NULL;
	}
	x->batch = o->batch ? o->batch : 1;
	return x;
}

void cc_load_ctx_free(struct cc_load_ctx *x)
{
	size_t i;

	if (!x)
		return;
	cc_store_load_free(x->load);
	for (i = 0; i < x->nsources; i++)
		free(x->sources[i]);
	free(x->sources);
	free(x->seq);
	free(x);
}

void cc_load_ctx_info(const struct cc_load_ctx *x, struct cc_load_info *out)
{
	*out = x->info;
	cc_store_load_rows(x->load, out->rows, &out->stored, &out->retries);
}

static void *l_new(void *ctx, struct cc_error *e)
{
	struct cc_load_ctx *x = ctx;

	if (x->workers++) {
		cc_error_set(e, CC_ERR_USAGE, "run.threads",
			     "the load stage runs on one thread");
		return NULL;
	}
	return x;
}

static void l_free(void *ctx, void *w)
{
	struct cc_load_ctx *x = ctx;

	(void)w;
	x->workers--;
}

struct rejecting {
	struct cc_load_ctx *x;
	struct cc_out *out;
	int rc;
};

static void rejected(const struct cc_error *e, const char *doc, void *arg)
{
	struct rejecting *r = arg;

	r->x->info.rejected++;
	if (r->rc == 0)
		r->rc = cc_out_reject(r->out, e, doc);
}

/* Commit the batch (end: and wait for every batch): 0, or the error that
 * stops the run (said). */
static int flush(struct cc_load_ctx *x, struct cc_out *out, int end)
{
	struct rejecting r = { x, out, 0 };
	struct cc_error e;
	int rc;

	cc_error_clear(&e);
	if (cc_store_load_count(x->load))
		x->info.batches++;
	rc = end ? cc_store_load_finish(x->load, rejected, &r, &e) :
		   cc_store_load_commit(x->load, rejected, &r, &e);
	if (rc < 0) {
		cc_out_fatal(out, &e);
		return rc;
	}
	return r.rc < 0 ? r.rc : 0;
}

static int l_record(void *ctx, void *w, const struct cc_record *rec, int part,
		    struct cc_out *out)
{
	struct cc_load_ctx *x = ctx;
	struct cc_error e;
	const char *d;
	json_t *doc;
	long seq;

	(void)w;
	(void)part;
	if (!cc_store_load_kind(rec->kind)) {
		x->info.skipped++;
		return 0;
	}
	x->info.records++;
	cc_error_clear(&e);
	doc = json_object_get(rec->obj, "doc");
	/* a record refused keeps its place: the others' do not move when
	 * it is mended and loaded again */
	seq = json_is_string(doc) && is_sha256(json_string_value(doc)) ?
	      seq_next(x, rec->kind, json_string_value(doc)) : 0;
	if (check(rec, &e) < 0) {
		x->info.rejected++;
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, json_is_string(doc) &&
				     is_sha256(json_string_value(doc)) ?
				     json_string_value(doc) : NULL);
	}
	d = json_is_string(doc) ? json_string_value(doc) : NULL;
	if (rec->raw) {
		cc_store_load_add(x->load, rec->kind, seq, rec->raw, rec->raw_len,
				  intern(x, rec->source), rec->line, d);
	} else {
		/* a record in memory (cc_stage_apply) */
		char *s = json_dumps(rec->obj, CC_JSON_FLAGS);

		if (!s)
			cc_fatal("out of memory");
		cc_store_load_add(x->load, rec->kind, seq, s, strlen(s),
				  intern(x, rec->source), rec->line, d);
		free(s);
	}
	cc_out_tick(out);
	if (cc_store_load_count(x->load) >= x->batch)
		return flush(x, out, 0);
	return 0;
}

static int l_done(void *ctx, struct cc_out *out)
{
	return flush(ctx, out, 1);
}

const struct cc_stage cc_load_stage = {
	.name = "load",
	.group = CC_GROUP_NONE,
	.unit = "records",
	.effects = 1,
	.new = l_new,
	.free = l_free,
	.record = l_record,
	.done = l_done,
};
