/*
 * testhook.h -- what the unit tests ask of lib/pdf and the tools do not.
 *
 * Exported from libccpdf.so, as pdf.h's functions are (libccpdf.map),
 * but for tests/unit only: a tool that called it would fail on purpose.
 */
#ifndef CC_PDF_TESTHOOK_H
#define CC_PDF_TESTHOOK_H

#include "pdf/pdf.h"

/*
 * Let n more of p's mupdf allocations succeed, then fail every one, as
 * when memory runs out; n < 0 lets them all succeed again.  It shows
 * what the functions of pdf.h report when mupdf runs out of memory:
 * CC_ERR_RESOURCE, "resource.memory".  The first call gives p's mupdf
 * context an allocator of the test's for good (see cc_pdf_new() for why
 * a tool's context keeps mupdf's own).
 */
void cc_pdf_test_fail_allocs(struct cc_pdf *p, long n);

/*
 * The tree mupdf makes of html (elements, attributes, text) as its HTML5
 * parser reads it, in *gumbo, and as its XML parser reads what
 * html.c's ccpdf_html_xml() makes of html, in *fast: both as text,
 * malloc'd, *fast NULL when ccpdf_html_xml() leaves html to the HTML5
 * parser.  1 when both were made, 0 when only *gumbo, -1 when mupdf
 * failed.  For the trees to be the same whenever *fast is made.
 */
int cc_pdf_test_html_trees(struct cc_pdf *p, const char *html, char **gumbo,
			   char **fast);

#endif
