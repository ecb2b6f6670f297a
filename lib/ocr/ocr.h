/*
 * ocr.h -- tesseract behind one wrapper (the only file that includes its
 * C API).  A struct cc_ocr is one tesseract handle: make one per worker
 * thread, keep it for the run (initialising one loads the language data,
 * a large part of a second), never share it between threads.
 */
#ifndef CC_OCR_H
#define CC_OCR_H

#include "base/error.h"
#include "pdf/pdf.h"

struct cc_ocr;

/*
 * Call once, before any thread starts: tesseract's OpenMP threads would
 * fight the one-page-per-thread workers (5x slower on two cores), so
 * OMP_THREAD_LIMIT becomes 1 unless it is set; libgomp reads it once,
 * when tesseract's library is loaded.
 */
void cc_ocr_prepare(void);

struct cc_ocr_opts {
	const char *lang;    /* "eng" */
	int psm;             /* tesseract page segmentation mode; 3: auto */
	int deskew;          /* straighten a page turned by a few degrees */
};

/*
 * A new handle.  NULL on failure: CC_ERR_UNAVAILABLE ("ocr.lang") when
 * the language data is missing, naming the Debian package to install.
 */
struct cc_ocr *cc_ocr_new(const struct cc_ocr_opts *o, struct cc_error *e);
void cc_ocr_free(struct cc_ocr *o);

/* "tesseract 5.3.0": the engine and version, for cache keys. */
const char *cc_ocr_engine(void);

/*
 * Recognise the 8-bit grey image pix (w x h, rows of w bytes) rendered at
 * dpi from a page of width x height points.  Lines are appended to out in
 * reading order, boxes in points (origin top left), each with its
 * confidence; *mean receives the page's mean confidence (0..100).
 * 0, or CC_ERR_DATA ("ocr.failed").
 */
int cc_ocr_page(struct cc_ocr *o, const unsigned char *pix, int w, int h,
		int dpi, struct cc_page_text *out, double *mean,
		struct cc_error *e);

#endif
