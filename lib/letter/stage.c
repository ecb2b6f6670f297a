/*
 * stage.c -- cc-letter as a stage (stage.h): every record passed
 * through, and after each dispute record its letter record (or its
 * rejection), the letters made on every core.  Document records say
 * where each report is, for the pages to enclose: they are noted in
 * input order, by the reading thread, before any later dispute is
 * worked on.
 */
#include "base/cc.h"
#include "letter/stage.h"

struct cc_letter_ctx {
	const struct cc_letter_templates *T;
	struct cc_letter_opts o;
	char *dir;
	struct cc_letter_docs *docs;
	struct cc_letter_stats stats;    /* added to atomically */
};

struct cc_letter_ctx *cc_letter_ctx_new(const struct cc_letter_templates *T,
					const struct cc_letter_opts *o)
{
	struct cc_letter_ctx *x = cc_xcalloc(1, sizeof(*x));

	x->T = T;
	x->o = *o;
	x->dir = cc_xstrdup(o->dir);
	x->o.dir = x->dir;
	x->docs = cc_letter_docs_new();
	return x;
}

void cc_letter_ctx_free(struct cc_letter_ctx *x)
{
	if (x) {
		cc_letter_docs_free(x->docs);
		free(x->dir);
	}
	free(x);
}

void cc_letter_ctx_stats(const struct cc_letter_ctx *x,
			 struct cc_letter_stats *s)
{
	cc_counts_read(&x->stats, s, sizeof(*s));
}

/* A worker is a letter writer (its mupdf context, its open reports). */
static void *w_new(void *ctx, struct cc_error *e)
{
	struct cc_letter_ctx *x = ctx;

	return cc_letter_new(x->T, &x->o, x->docs, e);
}

static void w_free(void *ctx, void *w)
{
	(void)ctx;
	cc_letter_free(w);
}

static void w_observe(void *ctx, const struct cc_record *rec)
{
	struct cc_letter_ctx *x = ctx;
	struct cc_error e;

	/* a document without a path gives no pages: a dispute that needs
	 * them says so */
	if (x->o.enclose_pages && !strcmp(rec->kind, "document"))
		cc_letter_docs_note(x->docs, rec->obj, &e);
}

static int w_record(void *ctx, void *w, const struct cc_record *rec,
		    int part, struct cc_out *out)
{
	struct cc_letter_ctx *x = ctx;
	struct cc_error e;
	json_t *letter;
	int rc;

	(void)part;
	if ((rc = cc_out_pass(out, rec)) != 0)
		return rc;
	if (strcmp(rec->kind, "dispute") != 0)
		return 0;
	cc_count(&x->stats.disputes, 1);
	cc_error_clear(&e);
	rc = cc_letter_write(w, rec->obj, &letter, &e);
	cc_out_tick(out);
	if (rc < 0) {
		cc_count(&x->stats.rejected, 1);
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, json_string_value(
					     json_object_get(rec->obj, "doc")));
	}
	cc_count(&x->stats.letters, 1);
	cc_count(&x->stats.pages, (unsigned long)json_integer_value(
		    json_object_get(letter, "pages")));
	return cc_out_record(out, letter);
}

const struct cc_stage cc_letter_stage = {
	.name = "letter", .group = CC_GROUP_NONE, .unit = "disputes",
	.effects = 1, .new = w_new, .free = w_free, .record = w_record,
	.observe = w_observe,
};
