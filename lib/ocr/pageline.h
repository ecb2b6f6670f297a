/*
 * pageline.h -- the record of a page read from its text layer, written
 * as a line of JSON without building it in jansson first: the same
 * bytes, faster (pageline.c says why).
 */
#ifndef CC_PAGELINE_H
#define CC_PAGELINE_H

#include "base/util.h"
#include "pdf/pdf.h"

/*
 * Append to b the `page` record (cc-records(5)) of page (1-based) of doc,
 * read from its text layer into t, as cc-ocr writes it: a compact line,
 * without its newline.
 */
void cc_ocr_page_line(struct cc_buf *b, const char *doc, int page,
		      const struct cc_page_text *t);

#endif
