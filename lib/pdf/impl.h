/*
 * impl.h -- what the files of lib/pdf share, and nothing outside it sees.
 *
 * lib/pdf is the only part of cc that includes mupdf, and the only one
 * that sees fz_try: each function of pdf.h catches what mupdf throws and
 * returns it as a struct cc_error.  The functions here are the insides:
 * they throw, as mupdf's own do, and leave catching to their callers.
 *
 *	pdf.c      the context and its caches, the version
 *	read.c     cc_pdf_inspect(), opening a document, a page's text,
 *	           whether it has text, rendering it
 *	fontreuse.c fonts read kept for the next documents that embed
 *	           the same ones
 *	layout.c   HTML blocks laid out by mupdf stories: the pager, the
 *	           fonts kept for the run, where owners' blocks land
 *	compose.c  documents made: HTML parts and marked pages of other
 *	           PDFs (cc_pdf_compose(), cc_pdf_from_blocks()), their
 *	           streams deflated, the file written
 *	html.c     HTML that mupdf's XML parser reads as its HTML5 parser
 *	           does, written as XML for it (a story's faster parse)
 *	fakescan.c the scan simulator, for cc-synth only: pages made to
 *	           look faxed or scanned (cc_pdf_scan())
 *
 * Their names start with ccpdf_: libccpdf.map exports cc_pdf_*, and
 * pdf_* and fz_* are mupdf's.
 */
#ifndef CC_PDF_IMPL_H
#define CC_PDF_IMPL_H

#include "base/cc.h"
#include "pdf/pdf.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

/* A font file, deflated once for the run (compose.c's deflated_font()). */
struct font_z {
	unsigned char *raw, *z;
	size_t len, zlen;
};

#define FONT_CACHE 16
#define FONT_CACHE_MAX (4u << 20)   /* bytes of a font file kept */

struct cc_pdf {
	fz_context *ctx;
	int nerrors;             /* errors mupdf caught and recovered from */
	char first_error[256];   /* the first of them since the last reset */
	struct font_z fonts[FONT_CACHE];
	int nfonts;
	fz_font *foot[3];        /* footers' fonts: by family */
	fz_font *face[6];        /* the faces' fonts (ccpdf_add_faces()) */
	struct faces_doc *faces; /* their objects, made once (compose.c) */
	struct ccpdf_fonts *reuse; /* fonts read, for the next documents
				    (fontreuse.c) */
	unsigned nomem;          /* memory errors mupdf threw since the
				    call began (ccpdf_error()) */
	long allocs;             /* mupdf's allocations left before they
				    fail, -1 for no end (testhook.h) */
};

struct cc_pdf_doc {
	pdf_document *doc;
	fz_stream *stm;
	fz_buffer *data;
};

/* --- fontreuse.c ------------------------------------------------------- */

struct ccpdf_fonts;

/*
 * Before a page of doc is read: put in mupdf's store, under this
 * document's font dictionaries, the fonts *fp loaded from others with
 * the same bytes; load and keep those it has not.  Never throws.
 */
void ccpdf_fonts_prepare(fz_context *ctx, struct ccpdf_fonts **fp,
			 pdf_document *doc, int page);
/* The document the fonts were put in the store for is closed. */
void ccpdf_fonts_forget(struct ccpdf_fonts *f);
void ccpdf_fonts_free(fz_context *ctx, struct ccpdf_fonts *f);

/* --- pdf.c -------------------------------------------------------------- */

/*
 * Fill e from what mupdf threw (call it in fz_catch): the message is
 * fmt's, then mupdf's; code and id are the call site's, but when mupdf
 * ran out of memory, which says nothing about the input: then they are
 * CC_ERR_RESOURCE, "resource.memory".  Returns the code.  The one way
 * lib/pdf turns mupdf's errors into cc's.
 */
int ccpdf_error(struct cc_pdf *p, struct cc_error *e, int code,
		const char *id, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * 1 when what mupdf threw (in fz_catch) is ccpdf_error()'s
 * "resource.memory": for a call site whose words would say more than it
 * knows, such as "damaged".
 */
int ccpdf_out_of_memory(struct cc_pdf *p);

/*
 * Throw FZ_ERROR_MEMORY when mupdf threw a memory error since the call
 * began, even one it caught and went on from: it goes on without what
 * it could not load (a page count, a font), and what it made then is
 * not to be trusted.  Each function of pdf.h sets p->nomem to 0 first,
 * and calls this before it acts on what mupdf gave it.
 */
void ccpdf_check_memory(struct cc_pdf *p);

/* Copy a fz_buffer's bytes into a malloc'd block. */
void ccpdf_take_buffer(fz_context *ctx, fz_buffer *buf, unsigned char **out,
		       size_t *len);

/* compose.c: release p->faces. */
void ccpdf_faces_free(struct cc_pdf *p);

/* --- html.c ------------------------------------------------------------ */

/*
 * 1 when fz_parse_xml(..., 1) of what is put in out makes the tree that
 * fz_parse_xml_from_html5() makes of html, which is then of the plain
 * kind html.c describes; 0, out's contents unspecified, when html is to
 * be left to the HTML5 parser.
 */
int ccpdf_html_xml(const char *html, struct cc_buf *out);

/* --- layout.c ----------------------------------------------------------- */

/* Where ccpdf_lay_out() puts the boxes of owners (struct cc_pdf_pos). */
struct poslist {
	struct cc_pdf_pos *v;
	size_t n, alloc;
};

/*
 * Where laid-out pages go: a pdf_document being put together (compose.c's
 * struct composer).  begin gives the device to draw a page on; end
 * finishes that page.
 */
struct pager {
	fz_device *(*begin)(fz_context *ctx, void *arg, fz_rect mediabox);
	void (*end)(fz_context *ctx, void *arg);
	void *arg;
	/* draws footer, a printf format, "%d" the page number */
	void (*footer)(fz_context *ctx, void *arg, fz_device *dev,
		       const char *footer, int page);
};

/* The built-in face of a generic family ("serif" when it is NULL or
 * none of the three), for footer lines: one font for the run.  Throws. */
fz_font *ccpdf_footer_font(fz_context *ctx, struct cc_pdf *p,
			   const char *family);

/* A report's footer line, as a story of 7pt sans-serif in the bottom
 * margin put it (cc_pdf_from_blocks()).  Throws. */
void ccpdf_draw_footer(fz_context *ctx, struct cc_pdf *p, fz_device *dev,
		       const struct cc_pdf_html_opts *o, const char *footer,
		       int page);

/* The running lines r[0..n) of page (1-based) of pages, drawn on dev
 * (cc_pdf_from_blocks() with o->running).  Throws. */
void ccpdf_draw_running(fz_context *ctx, struct cc_pdf *p, fz_device *dev,
			const struct cc_pdf_running *r, int n, int page,
			int pages);

/* The faces of family as an archive of font files, and *css their
 * @font-face rules (malloc'd).  Throws. */
fz_archive *ccpdf_font_archive(fz_context *ctx, const char *family,
			       char **css);

/* Add the fonts of family's faces to doc; their object numbers in num[]
 * and the fonts in font[] (two at most, the fonts p's); the count.
 * Throws. */
int ccpdf_add_faces(fz_context *ctx, struct cc_pdf *p, pdf_document *doc,
		    const char *family, int num[2], fz_font *font[2]);

/* 1 when some page of doc has font object num among its resources. */
int ccpdf_font_used(fz_context *ctx, pdf_document *doc, int num);

/*
 * Lay out blocks[0..n) from the top of a new page of pg, styled by css
 * (with fonts, ccpdf_font_archive()'s for o->family, whose faces are
 * p's fonts for the run), footer on each page; *pages is the
 * document's page count before and after; l, unless NULL, receives the
 * owners' boxes.  Throws.
 */
void ccpdf_lay_out(fz_context *ctx, struct cc_pdf *p, const struct pager *pg,
		   const struct cc_pdf_block *blocks, size_t n,
		   const char *css, fz_archive *fonts,
		   const struct cc_pdf_html_opts *o, const char *footer,
		   struct poslist *l, int *pages);

#endif
