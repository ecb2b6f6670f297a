/*
 * stage.c -- cc-extract as a stage (stage.h): a document's records are
 * one group; its page records are held until the group ends, then read
 * (cc_extract_document) and its records written after them.  Every other
 * record is passed through; page records are dropped unless keep_pages.
 */
#include "base/cc.h"
#include "extract/stage.h"

#include <pthread.h>

struct cc_extract_ctx {
	const struct cc_extract_layouts *L;
	struct cc_extract_opts opts;
	char *layout;                /* opts.layout's own copy */
	int keep_pages;
	pthread_mutex_t lock;
	struct cc_extract_stats stats;
};

struct worker {
	json_t **pages;              /* the document's, held */
	size_t npages, apages;
	char *doc;
	char *path;                  /* of the last document record seen, */
	char *path_doc;              /* and its doc, for messages */
	struct cc_extract_stats stats;
};

struct cc_extract_ctx *cc_extract_ctx_new(const struct cc_extract_layouts *L,
					  const struct cc_extract_opts *o,
					  int keep_pages)
{
	struct cc_extract_ctx *x = cc_xcalloc(1, sizeof(*x));

	x->L = L;
	x->opts = *o;
	x->layout = o->layout ? cc_xstrdup(o->layout) : NULL;
	x->opts.layout = x->layout;
	x->keep_pages = keep_pages;
	pthread_mutex_init(&x->lock, NULL);
	return x;
}

void cc_extract_ctx_free(struct cc_extract_ctx *x)
{
	if (x) {
		pthread_mutex_destroy(&x->lock);
		free(x->layout);
	}
	free(x);
}

void cc_extract_ctx_stats(struct cc_extract_ctx *x, struct cc_extract_stats *s)
{
	pthread_mutex_lock(&x->lock);
	*s = x->stats;
	pthread_mutex_unlock(&x->lock);
}

static void *w_new(void *ctx, struct cc_error *e)
{
	(void)ctx; (void)e;
	return cc_xcalloc(1, sizeof(struct worker));
}

static void drop_pages(struct worker *w)
{
	size_t i;

	for (i = 0; i < w->npages; i++)
		json_decref(w->pages[i]);
	w->npages = 0;
	free(w->doc);
	w->doc = NULL;
}

static void w_free(void *ctx, void *arg)
{
	struct cc_extract_ctx *x = ctx;
	struct worker *w = arg;
	struct cc_extract_stats *t = &x->stats;

	pthread_mutex_lock(&x->lock);
	t->docs += w->stats.docs;
	t->unknown += w->stats.unknown;
	t->tradelines += w->stats.tradelines;
	t->inquiries += w->stats.inquiries;
	t->public_records += w->stats.public_records;
	t->uncertain += w->stats.uncertain;
	pthread_mutex_unlock(&x->lock);
	drop_pages(w);
	free(w->pages);
	free(w->path);
	free(w->path_doc);
	free(w);
}

static int emit(json_t *rec, void *arg)
{
	return cc_out_record(arg, rec);
}

/* Read the document whose pages are held. */
static int flush_doc(struct cc_extract_ctx *x, struct worker *w,
		     struct cc_out *out)
{
	struct cc_extract_info info;
	struct cc_error e;
	const char *name;
	int rc;

	if (!w->npages)
		return 0;
	name = w->path && w->path_doc && !strcmp(w->path_doc, w->doc) ?
	       w->path : w->doc;
	cc_error_clear(&e);
	rc = cc_extract_document(x->L, w->pages, w->npages, &x->opts,
				 emit, out, &info, &e);
	w->stats.docs++;
	cc_out_tick(out);
	if (rc == CC_ERR_IO) {
		drop_pages(w);
		return rc;
	}
	if (rc < 0) {
		cc_error_at(&e, name, 0);
		rc = cc_out_reject(out, &e, w->doc);
		drop_pages(w);
		return rc;
	}
	if (!info.layout) {
		w->stats.unknown++;
	}
	if (!info.layout && !info.forced && info.hint) {
		cc_out_warn(out, "%s: not a layout cc-extract knows (best match "
			    "%.0f%%, %s); read as labels and values, %s's "
			    "first", name, info.layout_conf * 100, info.hint,
			    info.hint);
	} else if (!info.layout && !info.forced) {
		cc_out_warn(out, "%s: not a layout cc-extract knows (best match "
			    "%.0f%%); read as labels and values", name,
			    info.layout_conf * 100);
	}
	if (info.unread_page) {
		json_t *wr = cc_record_new("warning");

		cc_out_warn(out, "%s: page %d: an accounts section, but no account "
			    "read: a design cc-extract cannot read", name,
			    info.unread_page);
		json_object_set_new(wr, "stage", json_string("extract"));
		json_object_set_new(wr, "doc", json_string(w->doc));
		json_object_set_new(wr, "path", cc_json_str(name));
		json_object_set_new(wr, "page", json_integer(info.unread_page));
		json_object_set_new(wr, "code", json_string("extract.no_accounts"));
		json_object_set_new(wr, "message", json_string("an accounts section, "
				    "but no account read"));
		if ((rc = cc_out_record(out, wr)) != 0) {
			drop_pages(w);
			return rc;
		}
	}
	w->stats.tradelines += (unsigned long)info.tradelines;
	w->stats.inquiries += (unsigned long)info.inquiries;
	w->stats.public_records += (unsigned long)info.public_records;
	w->stats.uncertain += (unsigned long)info.uncertain;
	drop_pages(w);
	return 0;
}

static int w_record(void *ctx, void *arg, const struct cc_record *rec,
		    int part, struct cc_out *out)
{
	struct cc_extract_ctx *x = ctx;
	struct worker *w = arg;
	const char *doc = json_string_value(json_object_get(rec->obj, "doc"));
	struct cc_error e;
	json_int_t pg;
	int rc;

	(void)part;
	if (strcmp(rec->kind, "page") != 0) {
		/* cc-ocr's error record for one bad page of the document
		 * being read does not end it */
		if (!(w->doc && doc && !strcmp(rec->kind, "error") &&
		      !strcmp(doc, w->doc)) &&
		    (rc = flush_doc(x, w, out)) != 0)
			return rc;
		if (!strcmp(rec->kind, "document") && doc) {
			const char *p = json_string_value(json_object_get(rec->obj, "path"));

			free(w->path);
			free(w->path_doc);
			w->path = p ? cc_xstrdup(p) : NULL;
			w->path_doc = cc_xstrdup(doc);
		}
		return cc_out_pass(out, rec);
	}
	if (!doc || !json_is_integer(json_object_get(rec->obj, "page"))) {
		cc_error_set(&e, CC_ERR_DATA, "record.invalid",
			     "page record without \"doc\" or \"page\"");
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, doc);
	}
	pg = json_integer_value(json_object_get(rec->obj, "page"));
	if (pg < 1 || pg > INT_MAX) {
		cc_error_set(&e, CC_ERR_DATA, "record.invalid",
			     "page record with page number %" JSON_INTEGER_FORMAT
			     ", not from 1 to %d", pg, INT_MAX);
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, doc);
	}
	if (w->doc && strcmp(w->doc, doc) != 0 && (rc = flush_doc(x, w, out)) != 0)
		return rc;
	if (x->keep_pages && (rc = cc_out_pass(out, rec)) != 0)
		return rc;
	if (!w->doc)
		w->doc = cc_xstrdup(doc);
	if (w->npages == w->apages) {
		w->apages = w->apages ? w->apages * 2 : 16;
		w->pages = cc_xreallocarray(w->pages, w->apages, sizeof(json_t *));
	}
	w->pages[w->npages++] = json_incref(rec->obj);
	return 0;
}

static int w_finish(void *ctx, void *w, struct cc_out *out)
{
	return flush_doc(ctx, w, out);
}

const struct cc_stage cc_extract_stage = {
	.name = "extract", .group = CC_GROUP_DOCUMENT, .unit = "documents",
	.new = w_new, .free = w_free, .record = w_record, .finish = w_finish,
};
