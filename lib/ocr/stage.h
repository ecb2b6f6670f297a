/*
 * stage.h -- cc-ocr as a stage of the pipeline (stage/stage.h): every
 * page's text, from the text layer or by OCR (cc-ocr(1)).
 */
#ifndef CC_OCR_STAGE_H
#define CC_OCR_STAGE_H

#include "ocr/ocr.h"
#include "stage/stage.h"

struct cc_ocr_cache;

struct cc_ocr_stage_opts {
	int dpi;                   /* OCR rendering resolution */
	int force_ocr;             /* OCR every page */
	int no_ocr;                /* never OCR (pages without text: no lines) */
	int max_pages;             /* documents with more are rejected (0: none) */
	struct cc_ocr_opts ocr;
	struct cc_ocr_cache *cache;  /* borrowed; NULL: no cache */
};

/* What a run did, over all its workers. */
struct cc_ocr_stats {
	unsigned long text_pages, ocr_pages, cache_hits, cache_misses, errors;
};

struct cc_ocr_ctx;

/* The context of a run (o is copied; its cache borrowed). */
struct cc_ocr_ctx *cc_ocr_ctx_new(const struct cc_ocr_stage_opts *o);
void cc_ocr_ctx_free(struct cc_ocr_ctx *x);
void cc_ocr_ctx_stats(const struct cc_ocr_ctx *x, struct cc_ocr_stats *s);

/*
 * Ungrouped; a document that needs OCR in parts, a page each; a tick per
 * page.  Stops the run (cc_out_fatal) when OCR cannot work at all: the
 * language data is missing ("ocr.lang", exit 69).
 */
extern const struct cc_stage cc_ocr_stage;

#endif
