/*
 * pdf.h -- everything cc asks of mupdf, behind one wrapper.
 *
 * mupdf's fz_try/fz_catch never escape lib/pdf: each function here
 * returns 0 or a negative enum cc_err and fills a struct cc_error.
 * mupdf's own warnings are swallowed (lib/ never prints).  A struct
 * cc_pdf holds one mupdf context; make one per thread and keep it for
 * the whole run.
 *
 * When mupdf runs out of memory, a function fails with CC_ERR_RESOURCE,
 * "resource.memory", whatever its other errors are: the input may be
 * good, and a retry with more memory may read it.
 */
#ifndef CC_PDF_H
#define CC_PDF_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

struct cc_pdf;

/* A new context; the caller frees it with cc_pdf_free().  NULL on failure. */
struct cc_pdf *cc_pdf_new(struct cc_error *e);
void cc_pdf_free(struct cc_pdf *p);

/*
 * A context as the worker of a stage (stage/stage.h) whose worker is a
 * mupdf context and nothing more (cc-ingest's, cc-synth's): the stage's
 * new() and free(), ctx unused.
 */
void *cc_pdf_worker_new(void *ctx, struct cc_error *e);
void cc_pdf_worker_free(void *ctx, void *w);

/* The version of mupdf linked in ("1.21.1"). */
const char *cc_pdf_engine_version(void);

struct cc_pdf_info {
	int pages;
	int *text_pages;   /* 1-based numbers of pages with a real text layer */
	int ntext;
	int encrypted;     /* the file has an encryption dictionary */
	char *producer;    /* Info /Producer, NULL when absent */
};

/*
 * A page's text layer counts as real when the strings it shows visibly
 * (invisible OCR layers, text render mode 3, do not count) come to at
 * least CC_PDF_TEXT_MIN_BYTES bytes, or, when they come to less, hold at
 * least CC_PDF_TEXT_MIN_CHARS letters or digits.  The first test needs no
 * font and decides nearly every page.
 */
#define CC_PDF_TEXT_MIN_BYTES 64
#define CC_PDF_TEXT_MIN_CHARS 16

/*
 * Open the PDF held in data[0..len) (not copied; it must outlive the
 * call), count its pages and find those with a real text layer.  Errors
 * (e->id): "pdf.damaged" (cannot be opened or repaired, or a page cannot
 * be read), "pdf.encrypted" (a user password is needed), "pdf.no_pages",
 * "pdf.too_many_pages" (more than max_pages, when max_pages > 0).
 * On success the caller owns info's contents: cc_pdf_info_release().
 */
int cc_pdf_inspect(struct cc_pdf *p, const void *data, size_t len,
		   int max_pages, struct cc_pdf_info *info,
		   struct cc_error *e);
void cc_pdf_info_release(struct cc_pdf_info *info);

/* --- reading pages ------------------------------------------------------ */

struct cc_pdf_doc;

/* Limits on what hostile input can make cc allocate. */
#define CC_PDF_MAX_FILE ((uint64_t)1 << 30)      /* bytes of a PDF to open */
#define CC_PDF_MAX_PIXELS (200.0 * 1000 * 1000)  /* of a rendered page */

/*
 * Open the PDF at path in context p (a document belongs to its context:
 * one per thread).  *pages receives the page count.  Errors as for
 * cc_pdf_inspect(), and "file.unreadable".  Close with cc_pdf_close().
 */
int cc_pdf_open(struct cc_pdf *p, const char *path, struct cc_pdf_doc **doc,
		int *pages, struct cc_error *e);
void cc_pdf_close(struct cc_pdf *p, struct cc_pdf_doc *doc);
/* The number of pages of an open document. */
int cc_pdf_count(struct cc_pdf *p, struct cc_pdf_doc *doc);

/* A line of a page's text: UTF-8, and its box in points, origin top left. */
struct cc_text_line {
	char *t;
	float b[4];
	float conf;          /* OCR confidence 0..100, -1 for a text layer */
	float size;          /* font size in points (of most of its
				characters; OCR: estimated), 0 unknown */
	unsigned bold:1;     /* most of its characters are bold, */
	unsigned italic:1;   /* italic (text layer only) */
};

struct cc_page_text {
	float width, height; /* points */
	struct cc_text_line *lines;
	int n;
	size_t alloc;
};

void cc_pdf_page_text_release(struct cc_page_text *t);

/*
 * The text layer of page (0-based): lines in reading order (top to
 * bottom, then left to right on one row), ligatures expanded, runs of
 * white space made one space, empty lines dropped.  0 or "pdf.damaged".
 */
int cc_pdf_page_text(struct cc_pdf *p, struct cc_pdf_doc *d, int page,
		     struct cc_page_text *out, struct cc_error *e);

/*
 * The page functions below take a 0-based page; their errors do not name
 * it (the caller knows which page it asked for and says so).
 */

/* 1 when the page draws real text (CC_PDF_TEXT_MIN_CHARS visible ones). */
int cc_pdf_page_has_text(struct cc_pdf *p, struct cc_pdf_doc *d, int page,
			 struct cc_error *e);

/*
 * Render page (0-based) in 8-bit grey at dpi: *pix (malloc'd, w*h bytes,
 * rows of w), and the page size in points.  0 or "pdf.damaged".
 */
int cc_pdf_page_render(struct cc_pdf *p, struct cc_pdf_doc *d, int page,
		       int dpi, unsigned char **pix, int *w, int *h,
		       float *pw, float *ph, struct cc_error *e);

/* --- writing ----------------------------------------------------------- */

/* Where the layout placed an element that has an id attribute. */
struct cc_pdf_pos {
	char id[24];
	int page;            /* 1-based */
	float bbox[4];       /* x0 y0 x1 y1, points, origin top left */
	int last_page;       /* where its last block is, 1-based */
};

/*
 * A line of text drawn in the margins of every page of
 * cc_pdf_from_blocks(), such as a running head or a page counter: text
 * is a printf format of plain text (UTF-8) given two ints, the page
 * number and the page count ("Page %d of %d", "%d/%d", "Report 12":
 * a literal % is %%).  It is drawn in the built-in face of family
 * ("sans-serif", "serif" or "monospace"; NULL is serif) at size points,
 * its baseline y points from the top of the page, starting at x (align
 * -1), centred on x (0) or ending at x (1).  It is drawn on pages
 * first to last (1-based) only, when they are not 0: a table's column
 * heads repeated on the pages the table goes on to.
 */
struct cc_pdf_running {
	const char *text;
	const char *family;
	float size;
	float x, y;
	int align;
	int first, last;
};

struct cc_pdf_html_opts {
	float width, height; /* page size in points (612 x 792: US Letter) */
	float margin;        /* on every side, in points */
	const char *footer;  /* a line of plain text (UTF-8) for each
				page's foot, a printf format, "%d" the
				page number; or NULL */
	const char *family;  /* the generic font family the CSS uses
				("sans-serif", "serif", "monospace"), so
				its faces are loaded once; NULL if unknown */
	const struct cc_pdf_running *running;  /* nrunning lines on every
				page (cc_pdf_from_blocks() only), drawn
				once the page count is known; or NULL */
	int nrunning;
	float margin_top;    /* the top margin when it is more than
				margin (room for running lines over the
				body); 0: margin */
};

/*
 * A piece of HTML the page layout keeps in one piece when it can: it goes
 * to the next page rather than be split, unless it is taller than a page.
 * owner names what it belongs to (for positions), or is NULL.  A block is
 * laid out as in a body of its own, with 1em of margin above and below
 * (mupdf's default, collapsing with the margins of its first and last
 * elements); a style sheet's vertical margins, padding and borders of
 * body are not used.  Blocks share one story when they can: a block
 * should close what it opens, and have no <style> or <link> of its own;
 * when one does not, each block gets a story of its own, which lays out
 * the same pages at a greater cost.
 */
struct cc_pdf_block {
	char *html;
	char *owner;
};

/*
 * Lay out blocks[0..n) one after another, styled by css, over as many
 * pages as they take, and write the PDF into *out (malloc'd, *len bytes).
 * When pos is not NULL it receives, for each owner, the page where its
 * first block is and the box of its blocks on that page (malloc'd, *npos
 * of them).  *pages receives the page count.  With o->nrunning, the
 * pages are held until the last is laid out, and each gets the running
 * lines, with its number and the count, over what the blocks drew; the
 * footer, if any, is drawn as without.  0 or a negative cc_err.
 */
int cc_pdf_from_blocks(struct cc_pdf *p, const struct cc_pdf_block *blocks,
		       size_t n, const char *css,
		       const struct cc_pdf_html_opts *o, unsigned char **out,
		       size_t *len, struct cc_pdf_pos **pos, int *npos,
		       int *pages, struct cc_error *e);

/* A box drawn over a page of another PDF, and its label. */
struct cc_pdf_mark {
	float bbox[4];       /* x0 y0 x1 y1, points, origin top left, as
				cc_pdf_page_text() gives line boxes */
	char label[32];      /* printable ASCII, drawn left of the box's top
				(above it, or in it, when there is no room) */
};

/*
 * A part of a composed document: either HTML blocks laid out from the
 * top of a new page (doc NULL), with footer (or NULL) a line of plain
 * text in printf form ("%d" the page number within the part, counted
 * from 1) centred at the foot of each page, or one page of an open
 * document (cc_pdf_open(), in the same context) with marks drawn over
 * it.
 */
struct cc_pdf_part {
	const struct cc_pdf_block *blocks;
	size_t nblocks;
	const char *footer;
	struct cc_pdf_doc *doc;          /* borrowed */
	int page;                        /* 0-based */
	const struct cc_pdf_mark *marks;
	int nmarks;
};

/*
 * One PDF of parts[0..n) in order: HTML parts laid out as by
 * cc_pdf_from_blocks() (css and o for all of them; o->footer is not
 * used), and pages copied from other documents, each a page as it is,
 * with every mark drawn over it: the box filled with a translucent
 * yellow and outlined in red, its label beside it.  The output has no
 * date or random ID: the same parts give the same bytes.  *out is
 * malloc'd (*len bytes), *pages its page count.  0, or CC_ERR_DATA
 * ("pdf.write": a page cannot be laid out or copied).
 */
int cc_pdf_compose(struct cc_pdf *p, const struct cc_pdf_part *parts,
		   size_t n, const char *css, const struct cc_pdf_html_opts *o,
		   unsigned char **out, size_t *len, int *pages,
		   struct cc_error *e);

struct cc_pdf_scan_opts {
	int dpi;             /* rendering resolution, 200..300 */
	int noise;           /* degradation, 0 (clean) .. 3 (rough) */
	int quality;         /* JPEG quality */
	unsigned long long seed;
};

/*
 * The scan simulator, for cc-synth (fakescan.c): turn the PDF
 * in[0..inlen) into the image-only PDF a scanner would make of it
 * printed: each page rendered in grey at o->dpi, degraded, JPEG-
 * compressed and placed on a page of the same size.  *out is malloc'd.
 * 0 or cc_err.
 */
int cc_pdf_scan(struct cc_pdf *p, const unsigned char *in, size_t inlen,
		const struct cc_pdf_scan_opts *o, unsigned char **out,
		size_t *len, struct cc_error *e);

#endif
