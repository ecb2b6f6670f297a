#include "base/cc.h"
#include "base/hash.h"
#include "ocr/ocrcache.h"
#include "ocr/pages.h"
#include "pdf/pdf.h"
#include "base/pool.h"
#include "record/record.h"

#include <math.h>
#include <pthread.h>

struct worker {
	int busy;
	struct cc_pdf *pdf;
	struct cc_ocr *ocr;
	struct cc_pdf_doc *doc;
	char *path;
};

struct cc_pages {
	struct cc_pages_opts opts;
	struct worker *w;
	int nw;
	pthread_mutex_t lock;
	struct cc_pages_stats stats;
};

struct cc_pages *cc_pages_new(const struct cc_pages_opts *o)
{
	struct cc_pages *pg = cc_xcalloc(1, sizeof(*pg));

	pg->opts = *o;
	pg->nw = o->jobs > 0 ? o->jobs : 1;
	pg->w = cc_xcalloc((size_t)pg->nw, sizeof(*pg->w));
	pthread_mutex_init(&pg->lock, NULL);
	return pg;
}

void cc_pages_free(struct cc_pages *pg)
{
	int i;

	if (!pg)
		return;
	for (i = 0; i < pg->nw; i++) {
		if (pg->w[i].pdf)
			cc_pdf_close(pg->w[i].pdf, pg->w[i].doc);
		cc_pdf_free(pg->w[i].pdf);
		cc_ocr_free(pg->w[i].ocr);
		free(pg->w[i].path);
	}
	free(pg->w);
	pthread_mutex_destroy(&pg->lock);
	free(pg);
}

void cc_pages_get_stats(const struct cc_pages *pg, struct cc_pages_stats *s)
{
	*s = pg->stats;
}

static void count(struct cc_pages *pg, unsigned long *field)
{
	pthread_mutex_lock(&pg->lock);
	++*field;
	pthread_mutex_unlock(&pg->lock);
}

/* --- one page ------------------------------------------------------------- */

struct job {
	struct cc_pages *pg;
	const char *doc, *path;
	const int *text_pages;
	int ntext;
	cc_page_emit_fn emit;
	void *arg;
	int pages;            /* in the document */
	int per;              /* pages a pool job takes, in a row */
};

struct result {
	int rc;
	json_t *rec;
	struct cc_error err;
};

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

static int in_list(const int *v, int n, int x)
{
	int i;

	for (i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

/* What an OCR'd page's lines are, in the cache keys: "cells" since lines
 * are cut at wide gaps between words, "cells2" since stars are found by
 * their shape. */
#define CC_OCR_FORMAT "cells2"

/* The cache key of a rendered page: its pixels and every setting. */
static void cache_key(const struct cc_pages_opts *o, const unsigned char *pix,
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
static void doc_key(const struct cc_pages_opts *o, const char *doc, int page,
		    char key[CC_SHA256_HEX])
{
	char meta[512];

	snprintf(meta, sizeof(meta), "doc|%s|%d|%s|%s|%s|%d|%d|%d", doc, page,
		 CC_OCR_FORMAT, cc_ocr_engine(), o->ocr.lang, o->dpi, o->ocr.psm, o->ocr.deskew);
	cc_sha256_hex(meta, strlen(meta), key, NULL);
}

/* A cached result, {"conf":..,"lines":[..]}, as a page record; NULL if bad. */
static json_t *from_cache(struct cc_pages *pg, const char *key,
			  const char *doc, int page)
{
	char *data = NULL;
	size_t len;
	json_t *j, *rec = NULL;

	if (cc_ocr_cache_get(pg->opts.cache, key, &data, &len) != 1)
		return NULL;
	j = json_loadb(data, len, 0, NULL);
	free(data);
	if (json_is_object(j) && json_is_array(json_object_get(j, "lines")) &&
	    json_is_number(json_object_get(j, "width")))
		rec = page_record(doc, page, "ocr",
				  (float)json_number_value(json_object_get(j, "width")),
				  (float)json_number_value(json_object_get(j, "height")),
				  pg->opts.dpi,
				  json_number_value(json_object_get(j, "conf")),
				  json_incref(json_object_get(j, "lines")));
	json_decref(j);
	return rec;
}

static void to_cache(struct cc_pages *pg, const char *key, const json_t *rec)
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
		cc_ocr_cache_put(pg->opts.cache, key, s, strlen(s), &ce);
	free(s);
	json_decref(j);
}

/*
 * OCR a page, by way of the cache when there is one: first by document
 * and page (no rendering), then by the rendered pixels (the same page in
 * another file), and only then tesseract.
 */
static int ocr_page(struct cc_pages *pg, struct worker *wk, int page,
		    const char *doc, json_t **rec, struct cc_error *e)
{
	const struct cc_pages_opts *o = &pg->opts;
	struct cc_page_text t = { 0 };
	unsigned char *pix = NULL;
	char dkey[CC_SHA256_HEX], pkey[CC_SHA256_HEX];
	float pw, ph;
	double mean = 0;
	int w, h, rc;

	if (o->cache) {
		doc_key(o, doc, page + 1, dkey);
		*rec = from_cache(pg, dkey, doc, page + 1);
		if (*rec)
			goto out_hit;
	}
	rc = cc_pdf_page_render(wk->pdf, wk->doc, page, o->dpi, &pix, &w, &h,
				&pw, &ph, e);
	if (rc < 0)
		return rc;
	if (o->cache) {
		cache_key(o, pix, w, h, pkey);
		*rec = from_cache(pg, pkey, doc, page + 1);
		if (*rec) {
			free(pix);
			to_cache(pg, dkey, *rec);
			goto out_hit;
		}
		count(pg, &pg->stats.cache_misses);
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
		to_cache(pg, pkey, *rec);
		to_cache(pg, dkey, *rec);
	}
	count(pg, &pg->stats.ocr_pages);
	return 0;

out_hit:
	count(pg, &pg->stats.cache_hits);
	count(pg, &pg->stats.ocr_pages);
	return 0;
}

static int text_page(struct cc_pages *pg, struct worker *wk, int page,
		     const char *doc, json_t **rec, struct cc_error *e)
{
	struct cc_page_text t;
	int rc = cc_pdf_page_text(wk->pdf, wk->doc, page, &t, e);

	if (rc < 0)
		return rc;
	count(pg, &pg->stats.text_pages);
	*rec = page_record(doc, page + 1, "text", t.width, t.height, 0, -1,
			   lines_json(&t, 0));
	cc_pdf_page_text_release(&t);
	return 0;
}

static void one_page(struct job *j, struct worker *wk, int page,
		     struct result *r)
{
	struct cc_pages *pg = j->pg;
	int pages, has;

	if (!wk->pdf && !(wk->pdf = cc_pdf_new(&r->err))) {
		r->rc = r->err.code;
		return;
	}
	if (!wk->path || strcmp(wk->path, j->path) != 0) {
		cc_pdf_close(wk->pdf, wk->doc);
		wk->doc = NULL;
		free(wk->path);
		wk->path = NULL;
		r->rc = cc_pdf_open(wk->pdf, j->path, &wk->doc, &pages, &r->err);
		if (r->rc < 0)
			return;
		wk->path = cc_xstrdup(j->path);
	}
	if (pg->opts.force_ocr) {
		has = 0;
	} else if (j->text_pages) {
		has = in_list(j->text_pages, j->ntext, page + 1);
	} else {
		has = cc_pdf_page_has_text(wk->pdf, wk->doc, page, &r->err);
		if (has < 0) {
			r->rc = has;
			return;
		}
	}
	if (has || pg->opts.no_ocr)
		r->rc = text_page(pg, wk, page, j->doc, &r->rec, &r->err);
	else
		r->rc = ocr_page(pg, wk, page, j->doc, &r->rec, &r->err);
	if (r->rc < 0)
		count(pg, &pg->stats.errors);
}

/* A pool job: pages [first, first + n) of the document, in a row. */
struct chunk {
	int first, n;
	struct result r[];
};

static void *work(size_t i, void *state, void *arg)
{
	struct job *j = arg;
	int first = (int)i * j->per;
	int n = j->pages - first < j->per ? j->pages - first : j->per, k;
	struct chunk *c = cc_xcalloc(1, sizeof(*c) + (size_t)n * sizeof(c->r[0]));

	c->first = first;
	c->n = n;
	for (k = 0; k < n; k++)
		one_page(j, state, first + k, &c->r[k]);
	return c;
}

/* Worker states outlive a document's pool: take a free one, give it back. */
static void *take(void *arg)
{
	struct job *j = arg;
	struct cc_pages *pg = j->pg;
	struct worker *wk = NULL;
	int i;

	pthread_mutex_lock(&pg->lock);
	for (i = 0; i < pg->nw && !wk; i++)
		if (!pg->w[i].busy) {
			wk = &pg->w[i];
			wk->busy = 1;
		}
	pthread_mutex_unlock(&pg->lock);
	return wk;
}

static void give_back(void *state, void *arg)
{
	struct job *j = arg;
	struct worker *wk = state;

	pthread_mutex_lock(&j->pg->lock);
	wk->busy = 0;
	pthread_mutex_unlock(&j->pg->lock);
}

static int emit(size_t i, void *result, void *arg)
{
	struct job *j = arg;
	struct chunk *c = result;
	int k, rc = 0;

	(void)i;
	for (k = 0; k < c->n; k++) {
		if (rc == 0)
			rc = j->emit(c->first + k + 1, c->r[k].rc, c->r[k].rec,
				     &c->r[k].err, j->arg);
		else
			json_decref(c->r[k].rec);
	}
	free(c);
	return rc;
}

static void drop(void *result, void *arg)
{
	struct chunk *c = result;
	int k;

	(void)arg;
	for (k = 0; k < c->n; k++)
		json_decref(c->r[k].rec);
	free(c);
}

int cc_pages_document(struct cc_pages *pg, const char *doc, const char *path,
		      const int *text_pages, int ntext, cc_page_emit_fn fn,
		      void *arg, struct cc_error *e)
{
	static const struct cc_pool_ops ops = { take, give_back, work, emit, drop };
	struct job j = { pg, doc, path, text_pages, ntext, fn, arg, 0, 1 };
	struct cc_pdf_doc *d = NULL;
	int pages = 0, rc;

	int i, jobs = pg->nw, all_text = text_pages && !pg->opts.force_ocr;

	char hex[CC_SHA256_HEX];

	/*
	 * The file must be the one the record is about: a file replaced
	 * since cc-ingest would give another document's pages under this
	 * one's hash, and the OCR cache would serve this one's pages for it.
	 */
	rc = cc_check_file(path, CC_PDF_MAX_FILE, e);
	if (rc < 0)
		return rc;
	rc = cc_sha256_file(path, hex, e);
	if (rc < 0)
		return rc;
	if (strcmp(hex, doc) != 0)
		return cc_error_set(e, CC_ERR_DATA, "file.changed",
				    "the file is not the one ingested (its "
				    "SHA-256 is not the record's doc)");
	/* the page count, and whether the file opens at all: the first
	 * worker opens it, and keeps it open for its pages */
	if (!pg->w[0].pdf && !(pg->w[0].pdf = cc_pdf_new(e)))
		return e->code;
	if (!pg->w[0].path || strcmp(pg->w[0].path, path) != 0 ||
	    !pg->w[0].doc) {
		cc_pdf_close(pg->w[0].pdf, pg->w[0].doc);
		pg->w[0].doc = NULL;
		free(pg->w[0].path);
		pg->w[0].path = NULL;
		rc = cc_pdf_open(pg->w[0].pdf, path, &d, &pages, e);
		if (rc < 0)
			return rc;
		pg->w[0].doc = d;
		pg->w[0].path = cc_xstrdup(path);
	}
	pages = cc_pdf_count(pg->w[0].pdf, pg->w[0].doc);
	/* the page count is the file's word: hold it to the limit */
	if (pg->opts.max_pages > 0 && pages > pg->opts.max_pages)
		return cc_error_set(e, CC_ERR_DATA, "pdf.too_many_pages",
				    "%d pages, more than the limit of %d",
				    pages, pg->opts.max_pages);
	/*
	 * A page to OCR is a job of its own.  Text pages take a millisecond
	 * or so each, and a worker that starts on a document opens it and
	 * loads its fonts again: they go in runs, a few runs a worker, and a
	 * short text document stays on one worker.
	 */
	for (i = 1; all_text && i <= pages; i++)
		if (!in_list(text_pages, ntext, i) && !pg->opts.no_ocr)
			all_text = 0;
	if (pg->opts.no_ocr)
		all_text = 1;
	j.pages = pages;
	j.per = 1;
	if (all_text) {
		j.per = (pages + 2 * jobs - 1) / (2 * jobs);
		if (j.per < 24)
			j.per = 24;
	}
	return cc_pool_run((size_t)(pages + j.per - 1) / (size_t)j.per, jobs,
			   &ops, &j);
}
