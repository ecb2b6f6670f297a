/*
 * pages.h -- every page's text, from the text layer or by OCR (cc-ocr(1)).
 *
 * A struct cc_pages keeps one worker state per job for the whole run: a
 * mupdf context, the document it has open, and a tesseract handle made the
 * first time that worker needs one.
 */
#ifndef CC_PAGES_H
#define CC_PAGES_H

#include <jansson.h>

#include "base/error.h"
#include "ocr/ocr.h"

struct cc_ocr_cache;

struct cc_pages_opts {
	int dpi;                   /* OCR rendering resolution */
	int force_ocr;             /* OCR every page */
	int no_ocr;                /* never OCR (pages without text: no lines) */
	int jobs;                  /* pages at once */
	int max_pages;             /* documents with more are rejected (0: none) */
	struct cc_ocr_opts ocr;
	struct cc_ocr_cache *cache;  /* borrowed; NULL: no cache */
};

struct cc_pages_stats {
	unsigned long text_pages, ocr_pages, cache_hits, cache_misses, errors;
};

struct cc_pages;

struct cc_pages *cc_pages_new(const struct cc_pages_opts *o);
void cc_pages_free(struct cc_pages *pg);
void cc_pages_get_stats(const struct cc_pages *pg, struct cc_pages_stats *s);

/*
 * Called once per page, in page order, in the calling thread: rc 0 and
 * rec a new `page` record the callee owns, or rc < 0 and e the page's
 * error (its id "pdf.damaged", "ocr.failed", "ocr.lang", ...).  A
 * nonzero return stops the document.
 */
typedef int (*cc_page_emit_fn)(int page, int rc, json_t *rec,
			       const struct cc_error *e, void *arg);

/*
 * The pages of the document doc (sha256 hex) at path.  text_pages lists
 * the 1-based pages with a real text layer (from its `document` record),
 * or is NULL to find out here.  The file must still be the one that was
 * ingested: its SHA-256 must be doc ("file.changed" otherwise).  Returns
 * 0, the first nonzero emit, or a negative cc_err when the document
 * cannot be read at all (e filled: also "pdf.too_many_pages").
 */
int cc_pages_document(struct cc_pages *pg, const char *doc, const char *path,
		      const int *text_pages, int ntext, cc_page_emit_fn emit,
		      void *arg, struct cc_error *e);

#endif
