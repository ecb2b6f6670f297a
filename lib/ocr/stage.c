/*
 * stage.c -- cc-ocr as a stage (stage.h): each document record passed
 * through, then one page record per page, from the text layer or by
 * OCR.  A document that needs OCR is worked in parts, a page each, so
 * its pages are recognised on every core at once; a text document is one
 * part (its pages take a millisecond or so each).
 *
 * A worker keeps a mupdf context, the document it has open (parts of one
 * document mostly land on the same worker) and a tesseract handle made
 * the first time it needs one.
 */
#include "base/cc.h"
#include "base/hash.h"
#include "ocr/ocrcache.h"
#include "ocr/pageline.h"
#include "ocr/stage.h"
#include "pdf/pdf.h"
#include "record/record.h"

#include <math.h>

struct cc_ocr_ctx {
	struct cc_ocr_stage_opts opts;
	char *lang;                  /* opts.ocr.lang's own copy */
	struct cc_ocr_stats stats;   /* added to atomically */
};

struct worker {
	struct cc_ocr_ctx *x;
	struct cc_pdf *pdf;
	struct cc_ocr *ocr;
	struct cc_pdf_doc *doc;
	char *path;                  /* of doc */
	char *checked;               /* "DOC\nPATH" of the file last found
				      * to be its document */
	struct cc_buf line;          /* a page record as a line */
};

struct cc_ocr_ctx *cc_ocr_ctx_new(const struct cc_ocr_stage_opts *o)
{
	struct cc_ocr_ctx *x = cc_xcalloc(1, sizeof(*x));

	x->opts = *o;
	x->lang = cc_xstrdup(o->ocr.lang ? o->ocr.lang : "eng");
	x->opts.ocr.lang = x->lang;
	return x;
}

void cc_ocr_ctx_free(struct cc_ocr_ctx *x)
{
	if (x)
		free(x->lang);
	free(x);
}

void cc_ocr_ctx_stats(const struct cc_ocr_ctx *x, struct cc_ocr_stats *s)
{
	cc_counts_read(&x->stats, s, sizeof(*s));
}

/* The worker's mupdf context is made when it first opens a document. */
static void *w_new(void *ctx, struct cc_error *e)
{
	struct worker *w = cc_xcalloc(1, sizeof(*w));

	(void)e;
	w->x = ctx;
	return w;
}

static void w_free(void *ctx, void *arg)
{
	struct worker *w = arg;

	(void)ctx;
	if (w->pdf)
		cc_pdf_close(w->pdf, w->doc);
	cc_pdf_free(w->pdf);
	cc_ocr_free(w->ocr);
	free(w->path);
	free(w->checked);
	cc_buf_release(&w->line);
	free(w);
}

/* --- one page ------------------------------------------------------------- */

static json_t *num(double v)
{
	return json_real(floor(v * 10 + 0.5) / 10);
}

static json_t *lines_json(const struct cc_page_text *t, int with_conf)
{
	json_t *a = json_array(), *l, *b;
	int i;

	for (i = 0; i < t->n; i++) {
		l = json_object();
		b = json_array();
		json_object_set_new(l, "t", cc_json_str(t->lines[i].t));
		json_array_append_new(b, num(t->lines[i].b[0]));
		json_array_append_new(b, num(t->lines[i].b[1]));
		json_array_append_new(b, num(t->lines[i].b[2]));
		json_array_append_new(b, num(t->lines[i].b[3]));
		json_object_set_new(l, "b", b);
		if (with_conf)
			json_object_set_new(l, "c", num(t->lines[i].conf));
		if (t->lines[i].size > 0)
			json_object_set_new(l, "s", num(t->lines[i].size));
		json_array_append_new(a, l);
	}
	return a;
}

static json_t *page_record(const char *doc, int page, const char *source,
			   float w, float h, int dpi, double conf, json_t *lines)
{
	json_t *o = cc_record_new("page");

	json_object_set_new(o, "doc", json_string(doc));
	json_object_set_new(o, "page", json_integer(page));
	json_object_set_new(o, "source", json_string(source));
	json_object_set_new(o, "width", num(w));
	json_object_set_new(o, "height", num(h));
	json_object_set_new(o, "dpi", dpi ? json_integer(dpi) : json_null());
	json_object_set_new(o, "conf", conf >= 0 ? num(conf) : json_null());
	json_object_set_new(o, "lines", lines);
	return o;
}

/* What an OCR'd page's lines are, in the cache keys: "cells" since lines
 * are cut at wide gaps between words, "cells2" since stars are found by
 * their shape, "cells3" since a line has its size, "cells4" since words
 * before a gap and a run of stars are kept apart from it, "cells5" since
 * lines tesseract's layout passed over are read, "cells6" since a mask
 * of X's with a stray letter is read again, "cells7" since words run
 * together are read apart, words after a run of stars are their own and
 * lines of stars tesseract passed over are read by their stars,
 * "cells8" since a space after stars is also two and a half times the
 * gaps there and such lines are read for a mask of X's, "cells9" since
 * words tesseract could hardly read, and long words no dictionary has,
 * are read again alone. */
#define CC_OCR_FORMAT "cells9"

/* The cache key of a rendered page: its pixels and every setting. */
static void cache_key(const struct cc_ocr_stage_opts *o, const unsigned char *pix,
		      int w, int h, char key[CC_SHA256_HEX])
{
	struct cc_sha256 *s = cc_sha256_new();
	char meta[256];

	snprintf(meta, sizeof(meta), "%s|%s|%s|%d|%d|%d|%dx%d", CC_OCR_FORMAT, cc_ocr_engine(),
		 o->ocr.lang, o->dpi, o->ocr.psm, o->ocr.deskew, w, h);
	cc_sha256_update(s, meta, strlen(meta));
	cc_sha256_update(s, pix, (size_t)w * (size_t)h);
	cc_sha256_final(s, key);
	cc_sha256_free(s);
}

/*
 * The cache key of a page of a document: the document's SHA-256, the page
 * number and every setting.  A re-run over the same document finds its
 * pages without rendering them.
 */
static void doc_key(const struct cc_ocr_stage_opts *o, const char *doc, int page,
		    char key[CC_SHA256_HEX])
{
	char meta[512];

	snprintf(meta, sizeof(meta), "doc|%s|%d|%s|%s|%s|%d|%d|%d", doc, page,
		 CC_OCR_FORMAT, cc_ocr_engine(), o->ocr.lang, o->dpi, o->ocr.psm, o->ocr.deskew);
	cc_sha256_hex(meta, strlen(meta), key, NULL);
}

/* A cached result, {"conf":..,"lines":[..]}, as a page record; NULL if bad. */
static json_t *from_cache(const struct cc_ocr_ctx *x, const char *key,
			  const char *doc, int page)
{
	char *data = NULL;
	size_t len;
	json_t *j, *rec = NULL;

	if (cc_ocr_cache_get(x->opts.cache, key, &data, &len) != 1)
		return NULL;
	j = json_loadb(data, len, 0, NULL);
	free(data);
	if (json_is_object(j) && json_is_array(json_object_get(j, "lines")) &&
	    json_is_number(json_object_get(j, "width")))
		rec = page_record(doc, page, "ocr",
				  (float)json_number_value(json_object_get(j, "width")),
				  (float)json_number_value(json_object_get(j, "height")),
				  x->opts.dpi,
				  json_number_value(json_object_get(j, "conf")),
				  json_incref(json_object_get(j, "lines")));
	json_decref(j);
	return rec;
}

static void to_cache(const struct cc_ocr_ctx *x, const char *key, const json_t *rec)
{
	json_t *j = json_object();
	struct cc_error ce;
	char *s;

	json_object_set(j, "width", json_object_get(rec, "width"));
	json_object_set(j, "height", json_object_get(rec, "height"));
	json_object_set(j, "conf", json_object_get(rec, "conf"));
	json_object_set(j, "lines", json_object_get(rec, "lines"));
	s = json_dumps(j, CC_JSON_FLAGS);
	/* a cache that cannot be written costs time, not results */
	if (s)
		cc_ocr_cache_put(x->opts.cache, key, s, strlen(s), &ce);
	free(s);
	json_decref(j);
}

/*
 * OCR a page, by way of the cache when there is one: first by document
 * and page (no rendering), then by the rendered pixels (the same page in
 * another file), and only then tesseract.
 */
static int ocr_page(struct worker *wk, int page, const char *doc,
		    json_t **rec, struct cc_error *e)
{
	struct cc_ocr_ctx *x = wk->x;
	const struct cc_ocr_stage_opts *o = &x->opts;
	struct cc_page_text t = { 0 };
	unsigned char *pix = NULL;
	char dkey[CC_SHA256_HEX], pkey[CC_SHA256_HEX];
	float pw, ph;
	double mean = 0;
	int w, h, rc;

	if (o->cache) {
		doc_key(o, doc, page + 1, dkey);
		*rec = from_cache(x, dkey, doc, page + 1);
		if (*rec)
			goto out_hit;
	}
	rc = cc_pdf_page_render(wk->pdf, wk->doc, page, o->dpi, &pix, &w, &h,
				&pw, &ph, e);
	if (rc < 0)
		return rc;
	if (o->cache) {
		cache_key(o, pix, w, h, pkey);
		*rec = from_cache(x, pkey, doc, page + 1);
		if (*rec) {
			free(pix);
			to_cache(x, dkey, *rec);
			goto out_hit;
		}
		cc_count(&x->stats.cache_misses, 1);
	}
	if (!wk->ocr) {
		wk->ocr = cc_ocr_new(&o->ocr, e);
		if (!wk->ocr) {
			free(pix);
			return e->code;
		}
	}
	rc = cc_ocr_page(wk->ocr, pix, w, h, o->dpi, &t, &mean, e);
	free(pix);
	if (rc < 0)
		return rc;
	*rec = page_record(doc, page + 1, "ocr", pw, ph, o->dpi, mean,
			   lines_json(&t, 1));
	cc_pdf_page_text_release(&t);
	if (o->cache) {
		to_cache(x, pkey, *rec);
		to_cache(x, dkey, *rec);
	}
	cc_count(&x->stats.ocr_pages, 1);
	return 0;

out_hit:
	cc_count(&x->stats.cache_hits, 1);
	cc_count(&x->stats.ocr_pages, 1);
	return 0;
}

/* A page from its text layer: its record in *rec, or, when line is not
 * NULL, written into line as cc_out_line() takes it (faster). */
static int text_page(struct worker *wk, int page, const char *doc,
		     json_t **rec, struct cc_buf *line, struct cc_error *e)
{
	struct cc_ocr_ctx *x = wk->x;
	struct cc_page_text t;
	int rc = cc_pdf_page_text(wk->pdf, wk->doc, page, &t, e);

	if (rc < 0)
		return rc;
	cc_count(&x->stats.text_pages, 1);
	if (line)
		cc_ocr_page_line(line, doc, page + 1, &t);
	else
		*rec = page_record(doc, page + 1, "text", t.width, t.height, 0,
				   -1, lines_json(&t, 0));
	cc_pdf_page_text_release(&t);
	return 0;
}


/* --- a document ------------------------------------------------------------ */

static int in_list(json_t *list, int x)
{
	json_t *v;
	size_t i;

	json_array_foreach(list, i, v)
		if (json_is_integer(v) && json_integer_value(v) == x)
			return 1;
	return 0;
}

/* The page count a document record gives, 0 when it gives none. */
static int record_pages(const struct cc_ocr_ctx *x, json_t *o)
{
	json_t *v = json_object_get(o, "pages");
	json_int_t n = json_is_integer(v) ? json_integer_value(v) : 0;
	int max = x->opts.max_pages > 0 ? x->opts.max_pages : CC_STAGE_MAX_PARTS;

	if (n < 1)
		return 0;
	return n > max ? max : (int)n;
}

/*
 * In how many parts to work a record: a document that needs OCR (or may:
 * its record does not say which pages have text) is worked a page a
 * part, as its record counts them; anything else in one.
 */
static int w_parts(void *ctx, const struct cc_record *rec)
{
	struct cc_ocr_ctx *x = ctx;
	json_t *o = rec->obj, *tp = json_object_get(o, "text_pages");
	int pages, i;

	if (strcmp(rec->kind, "document") != 0 ||
	    json_is_string(json_object_get(o, "duplicate_of")) ||
	    x->opts.no_ocr || (pages = record_pages(x, o)) <= 1)
		return 1;
	if (x->opts.force_ocr || !json_is_array(tp))
		return pages;
	for (i = 1; i <= pages; i++)
		if (!in_list(tp, i))
			return pages;
	return 1;
}

/*
 * The file at path, open in the worker, must be the document doc: a file
 * replaced since cc-ingest would give another document's pages under
 * this one's hash, and the OCR cache would serve this one's pages for
 * it.  *pages gets its page count.
 */
static int open_document(struct worker *w, const char *doc, const char *path,
			 int *pages, struct cc_error *e)
{
	char hex[CC_SHA256_HEX], *key = cc_xasprintf("%s\n%s", doc, path);
	int rc;

	if (!w->checked || strcmp(w->checked, key) != 0) {
		free(w->checked);
		w->checked = NULL;
		rc = cc_check_file(path, CC_PDF_MAX_FILE, e);
		if (rc == 0)
			rc = cc_sha256_file(path, hex, e);
		if (rc == 0 && strcmp(hex, doc) != 0)
			rc = cc_error_set(e, CC_ERR_DATA, "file.changed",
					  "the file is not the one ingested (its "
					  "SHA-256 is not the record's doc)");
		if (rc < 0) {
			free(key);
			return rc;
		}
		w->checked = key;
		key = NULL;
	}
	free(key);
	if (!w->pdf && !(w->pdf = cc_pdf_new(e)))
		return e->code;
	if (!w->path || strcmp(w->path, path) != 0 || !w->doc) {
		cc_pdf_close(w->pdf, w->doc);
		w->doc = NULL;
		free(w->path);
		w->path = NULL;
		rc = cc_pdf_open(w->pdf, path, &w->doc, pages, e);
		if (rc < 0) {
			free(w->checked);
			w->checked = NULL;
			return rc;
		}
		w->path = cc_xstrdup(path);
	}
	*pages = cc_pdf_count(w->pdf, w->doc);
	/* the page count is the file's word: hold it to the limit */
	if (w->x->opts.max_pages > 0 && *pages > w->x->opts.max_pages)
		return cc_error_set(e, CC_ERR_DATA, "pdf.too_many_pages",
				    "%d pages, more than the limit of %d",
				    *pages, w->x->opts.max_pages);
	return 0;
}

/* Page (0-based) of the open document: its record (in *rec, or in line
 * when it is a text page and line is not NULL), or its error. */
static int one_page(struct worker *w, json_t *text_pages, int page,
		    const char *doc, json_t **rec, struct cc_buf *line,
		    struct cc_error *e)
{
	const struct cc_ocr_stage_opts *o = &w->x->opts;
	int has, rc;

	*rec = NULL;
	if (o->force_ocr) {
		has = 0;
	} else if (json_is_array(text_pages)) {
		has = in_list(text_pages, page + 1);
	} else {
		has = cc_pdf_page_has_text(w->pdf, w->doc, page, e);
		if (has < 0) {
			cc_count(&w->x->stats.errors, 1);
			return has;
		}
	}
	if (has || o->no_ocr)
		rc = text_page(w, page, doc, rec, line, e);
	else
		rc = ocr_page(w, page, doc, rec, e);
	if (rc < 0)
		cc_count(&w->x->stats.errors, 1);
	return rc;
}

static int w_record(void *ctx, void *arg, const struct cc_record *rec,
		    int part, struct cc_out *out)
{
	struct worker *w = arg;
	json_t *o = rec->obj, *tp;
	const char *doc, *path;
	struct cc_error e;
	int rc, pages = 0, nparts, first, last, pg;
	json_t *page;

	(void)ctx;               /* the worker's own, w->x */
	if (part == 0 && (rc = cc_out_pass(out, rec)) != 0)
		return rc;
	/* a duplicate's pages are its first copy's */
	if (strcmp(rec->kind, "document") != 0 ||
	    json_is_string(json_object_get(o, "duplicate_of")))
		return 0;
	doc = json_string_value(json_object_get(o, "doc"));
	path = json_string_value(json_object_get(o, "stored"));
	if (!path)
		path = json_string_value(json_object_get(o, "path"));
	cc_error_clear(&e);
	if (!doc || !path) {
		if (part > 0)
			return 0;
		cc_error_set(&e, CC_ERR_DATA, "record.invalid",
			     "document record without \"doc\" or a path");
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, doc);
	}
	rc = open_document(w, doc, path, &pages, &e);
	if (rc < 0) {
		if (part > 0)
			return 0;
		cc_error_at(&e, path, 0);
		return cc_out_reject(out, &e, doc);
	}
	/* this part's pages: all of them, or one each, the last part any
	 * the file has beyond what its record says */
	nparts = w_parts(w->x, rec);
	first = nparts > 1 ? part : 0;
	last = nparts > 1 && part < nparts - 1 ? part : pages - 1;
	if (last > pages - 1)
		last = pages - 1;
	tp = json_object_get(o, "text_pages");
	for (pg = first; pg <= last; pg++) {
		cc_error_clear(&e);
		w->line.len = 0;
		rc = one_page(w, tp, pg, doc, &page, out->lines ? &w->line : NULL,
			      &e);
		cc_out_tick(out);
		if (rc == 0) {
			rc = page ? cc_out_record(out, page) :
			     cc_out_line(out, w->line.s, w->line.len);
			if (rc < 0)
				return rc;
			continue;
		}
		if (e.code == CC_ERR_UNAVAILABLE) {
			/* no language data: nothing else will work either */
			cc_error_at(&e, NULL, 0);
			cc_out_fatal(out, &e);
			return CC_ERR_UNAVAILABLE;
		}
		/* a page's error does not name it: say which */
		{
			char msg[sizeof(e.msg)];

			snprintf(msg, sizeof(msg), "page %d: %.900s", pg + 1, e.msg);
			memcpy(e.msg, msg, sizeof(e.msg));
		}
		cc_error_at(&e, path, 0);
		rc = cc_out_reject(out, &e, doc);
		if (rc < 0)
			return rc;
	}
	return 0;
}

const struct cc_stage cc_ocr_stage = {
	.name = "ocr", .group = CC_GROUP_NONE, .unit = "pages", .run = 1,
	.new = w_new, .free = w_free, .record = w_record, .parts = w_parts,
};
