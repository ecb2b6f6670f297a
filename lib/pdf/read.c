/*
 * read.c -- reading PDFs: cc_pdf_inspect() (pages, and which have a text
 * layer), documents opened for their pages, a page's text with its
 * boxes, and a page rendered for OCR.
 */
#include "pdf/impl.h"

#include <ctype.h>
#include <math.h>

void cc_pdf_info_release(struct cc_pdf_info *info)
{
	if (!info)
		return;
	free(info->text_pages);
	free(info->producer);
	memset(info, 0, sizeof(*info));
}

/*
 * A device that counts visible letters and digits and stops the page's
 * interpretation (through the cookie) as soon as it has seen enough.
 */
struct count_dev {
	fz_device super;
	fz_cookie *cookie;
	int chars;
};

static int is_wordy(int c)
{
	if (c < 128)
		return isalnum(c);
	/* Latin-1 and beyond: letters in most scripts are above 0xBF */
	return c >= 0xc0 && c != 0xd7 && c != 0xf7 && c != 0xfffd;
}

static void count_text(fz_context *ctx, fz_device *dev_, const fz_text *text)
{
	struct count_dev *dev = (struct count_dev *)dev_;
	const fz_text_span *span;
	int i;

	(void)ctx;
	for (span = text->head; span; span = span->next)
		for (i = 0; i < span->len; i++)
			if (is_wordy(span->items[i].ucs))
				dev->chars++;
	if (dev->chars >= CC_PDF_TEXT_MIN_CHARS)
		dev->cookie->abort = 1;
}

static void fill_text(fz_context *ctx, fz_device *dev, const fz_text *text,
		      fz_matrix ctm, fz_colorspace *cs, const float *color,
		      float alpha, fz_color_params cp)
{
	(void)ctm; (void)cs; (void)color; (void)cp;
	if (alpha > 0)
		count_text(ctx, dev, text);
}

static void stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
			const fz_stroke_state *st, fz_matrix ctm,
			fz_colorspace *cs, const float *color, float alpha,
			fz_color_params cp)
{
	(void)st; (void)ctm; (void)cs; (void)color; (void)cp;
	if (alpha > 0)
		count_text(ctx, dev, text);
}

static void clip_text(fz_context *ctx, fz_device *dev, const fz_text *text,
		      fz_matrix ctm, fz_rect scissor)
{
	(void)ctm; (void)scissor;
	count_text(ctx, dev, text);
}

/*
 * The cheap first look at a page: a content-stream processor that only
 * adds up the bytes of the strings the page shows visibly (text render
 * mode other than 3), forms included, without loading a font or an
 * image.  A page that shows none has no text layer; only a page that
 * does is run through the counting device below.
 */
struct peek_proc {
	pdf_processor super;
	pdf_document *doc;
	int render[32];        /* text render mode by q/Q depth */
	int depth, forms;
	size_t bytes;
	int enough;            /* text enough to say: the rest not read */
};

static void peek_q(fz_context *ctx, pdf_processor *p)
{
	struct peek_proc *pp = (struct peek_proc *)p;

	(void)ctx;
	if (pp->depth < 31) {
		pp->render[pp->depth + 1] = pp->render[pp->depth];
		pp->depth++;
	}
}

static void peek_Q(fz_context *ctx, pdf_processor *p)
{
	struct peek_proc *pp = (struct peek_proc *)p;

	(void)ctx;
	if (pp->depth > 0)
		pp->depth--;
}

static void peek_Tr(fz_context *ctx, pdf_processor *p, int render)
{
	(void)ctx;
	((struct peek_proc *)p)->render[((struct peek_proc *)p)->depth] = render;
}

/*
 * Once the page shows text enough to have a text layer, the rest of its
 * content stream says nothing more: stop reading it (most of the time
 * of cc-ingest was in inflating and lexing what came after).
 */
static void peek_show(fz_context *ctx, struct peek_proc *pp, size_t len)
{
	if (pp->render[pp->depth] != 3)
		pp->bytes += len;
	if (pp->bytes >= CC_PDF_TEXT_MIN_BYTES) {
		pp->enough = 1;
		fz_throw(ctx, FZ_ERROR_ABORT, "text enough");
	}
}

static void peek_Tj(fz_context *ctx, pdf_processor *p, char *str, size_t len)
{
	(void)str;
	peek_show(ctx, (struct peek_proc *)p, len);
}

static void peek_dquote(fz_context *ctx, pdf_processor *p, float aw, float ac,
			char *str, size_t len)
{
	(void)aw; (void)ac; (void)str;
	peek_show(ctx, (struct peek_proc *)p, len);
}

static void peek_TJ(fz_context *ctx, pdf_processor *p, pdf_obj *array)
{
	int i, n = pdf_array_len(ctx, array);

	for (i = 0; i < n; i++) {
		pdf_obj *o = pdf_array_get(ctx, array, i);

		if (pdf_is_string(ctx, o))
			peek_show(ctx, (struct peek_proc *)p, pdf_to_str_len(ctx, o));
	}
}

static void peek_Do_form(fz_context *ctx, pdf_processor *p, const char *name,
			 pdf_obj *form, pdf_obj *page_res)
{
	struct peek_proc *pp = (struct peek_proc *)p;
	pdf_obj *res = pdf_dict_get(ctx, form, PDF_NAME(Resources));

	(void)name;
	if (pp->forms++ > 64)
		return;
	pdf_process_contents(ctx, p, pp->doc, res ? res : page_res, form, NULL);
}

/* Bytes of visibly shown strings on a page; throws on a damaged page. */
static size_t peek_text(fz_context *ctx, pdf_document *doc, int n)
{
	struct peek_proc *pp = NULL;
	pdf_obj *page, *res, *contents;
	size_t bytes = 0;

	fz_var(pp);
	fz_var(bytes);
	fz_try(ctx) {
		page = pdf_lookup_page_obj(ctx, doc, n);
		res = pdf_dict_get_inheritable(ctx, page, PDF_NAME(Resources));
		contents = pdf_dict_get(ctx, page, PDF_NAME(Contents));
		pp = pdf_new_processor(ctx, sizeof(*pp));
		pp->doc = doc;
		pp->super.op_q = peek_q;
		pp->super.op_Q = peek_Q;
		pp->super.op_Tr = peek_Tr;
		pp->super.op_Tj = peek_Tj;
		pp->super.op_squote = peek_Tj;
		pp->super.op_dquote = peek_dquote;
		pp->super.op_TJ = peek_TJ;
		pp->super.op_Do_form = peek_Do_form;
		pdf_process_contents(ctx, &pp->super, doc, res, contents, NULL);
		pdf_close_processor(ctx, &pp->super);
		bytes = pp->bytes;
	}
	fz_always(ctx) {
		if (pp && pp->enough)
			bytes = pp->bytes;
		pdf_drop_processor(ctx, (pdf_processor *)pp);
	}
	fz_catch(ctx) {
		if (!bytes)
			fz_rethrow(ctx);
	}
	return bytes;
}

/* 1 when the page draws real text.  Throws on a damaged page. */
static int page_has_text(fz_context *ctx, pdf_document *doc, int n)
{
	struct count_dev *dev;
	fz_cookie cookie;
	pdf_page *page = NULL;
	size_t bytes;
	int chars = 0;

	fz_var(page);
	fz_var(chars);
	/*
	 * A look at the strings the page shows decides most pages without
	 * loading a font: none visible, no text; plenty, text.  Only a page
	 * that shows a little is run, to count its letters and digits.
	 */
	bytes = peek_text(ctx, doc, n);
	if (bytes == 0)
		return 0;
	if (bytes >= CC_PDF_TEXT_MIN_BYTES)
		return 1;
	memset(&cookie, 0, sizeof(cookie));
	dev = fz_new_derived_device(ctx, struct count_dev);
	dev->cookie = &cookie;
	dev->super.fill_text = fill_text;
	dev->super.stroke_text = stroke_text;
	dev->super.clip_text = clip_text;
	fz_try(ctx) {
		page = pdf_load_page(ctx, doc, n);
		pdf_run_page_contents(ctx, page, &dev->super, fz_identity,
				      &cookie);
		fz_close_device(ctx, &dev->super);
		chars = dev->chars;
	}
	fz_always(ctx) {
		fz_drop_page(ctx, (fz_page *)page);
		fz_drop_device(ctx, &dev->super);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
	return chars >= CC_PDF_TEXT_MIN_CHARS;
}

int cc_pdf_inspect(struct cc_pdf *p, const void *data, size_t len,
		   int max_pages, struct cc_pdf_info *info,
		   struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	fz_stream *stm = NULL;
	pdf_document *doc = NULL;
	char buf[256];
	int rc = 0, i;
	int page = -1;
	int *text_pages = NULL;
	int ntext = 0, repaired;

	memset(info, 0, sizeof(*info));
	p->nomem = 0;
	fz_var(stm);
	fz_var(doc);
	fz_var(page);
	fz_var(rc);
	fz_var(text_pages);
	fz_var(ntext);
	fz_try(ctx) {
		stm = fz_open_memory(ctx, data, len);
		doc = pdf_open_document_with_stream(ctx, stm);
		/* a file opened without memory enough may be read short */
		ccpdf_check_memory(p);
		info->encrypted = pdf_crypt_version(ctx, doc->crypt) != 0;
		if (pdf_needs_password(ctx, doc) &&
		    !pdf_authenticate_password(ctx, doc, "")) {
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.encrypted",
					  "encrypted with a user password");
			break;
		}
		info->pages = pdf_count_pages(ctx, doc);
		/* mupdf counts no pages when it cannot load the objects */
		ccpdf_check_memory(p);
		if (info->pages <= 0) {
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.no_pages",
					  "document has no pages");
			break;
		}
		if (max_pages > 0 && info->pages > max_pages) {
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.too_many_pages",
					  "%d pages, more than the limit of %d",
					  info->pages, max_pages);
			break;
		}
		if (fz_lookup_metadata(ctx, &doc->super, FZ_META_INFO_PRODUCER,
				       buf, sizeof(buf)) > 0 && buf[0])
			info->producer = cc_xstrdup(buf);
		/*
		 * In a file mupdf had to repair, an error recovered from while
		 * reading a page means lost content (a truncated file's pages
		 * point at objects that are gone): the page is not readable.
		 */
		repaired = pdf_was_repaired(ctx, doc);
		text_pages = cc_xcalloc((size_t)info->pages, sizeof(int));
		for (i = 0; i < info->pages; i++) {
			page = i;
			p->nerrors = 0;
			if (page_has_text(ctx, doc, i))
				text_pages[ntext++] = i + 1;
			if (repaired && p->nerrors)
				fz_throw(ctx, FZ_ERROR_GENERIC, "%s",
					 p->first_error);
		}
		ccpdf_check_memory(p);
	}
	fz_always(ctx) {
		fz_drop_document(ctx, (fz_document *)doc);
		fz_drop_stream(ctx, stm);
	}
	fz_catch(ctx) {
		if (page >= 0)
			rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.damaged",
					 "page %d cannot be read", page + 1);
		else
			rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.damaged", "%s",
					 ccpdf_out_of_memory(p) ?
					 "cannot be opened" :
					 "damaged beyond repair");
	}
	if (rc < 0) {
		free(text_pages);
		cc_pdf_info_release(info);
		return rc;
	}
	info->text_pages = text_pages;
	info->ntext = ntext;
	return 0;
}

/* --- reading pages ------------------------------------------------------- */

int cc_pdf_open(struct cc_pdf *p, const char *path, struct cc_pdf_doc **out,
		int *pages, struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	struct cc_pdf_doc *d = cc_xcalloc(1, sizeof(*d));
	int rc = 0;

	*out = NULL;
	rc = cc_check_file(path, CC_PDF_MAX_FILE, e);
	if (rc < 0) {
		free(d);
		return rc;
	}
	fz_var(rc);
	p->nomem = 0;
	fz_try(ctx) {
		d->data = fz_read_file(ctx, path);
	}
	fz_catch(ctx) {
		free(d);
		return ccpdf_error(p, e, CC_ERR_NOINPUT, "file.unreadable",
				   "cannot read");
	}
	fz_try(ctx) {
		d->stm = fz_open_buffer(ctx, d->data);
		d->doc = pdf_open_document_with_stream(ctx, d->stm);
		ccpdf_check_memory(p);
		if (pdf_needs_password(ctx, d->doc) &&
		    !pdf_authenticate_password(ctx, d->doc, ""))
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.encrypted",
					  "encrypted with a user password");
		else
			*pages = pdf_count_pages(ctx, d->doc);
		ccpdf_check_memory(p);
	}
	fz_catch(ctx) {
		rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.damaged", "%s",
				 ccpdf_out_of_memory(p) ? "cannot be opened" :
				 "damaged beyond repair");
	}
	if (rc < 0) {
		cc_pdf_close(p, d);
		return rc;
	}
	*out = d;
	return 0;
}

int cc_pdf_count(struct cc_pdf *p, struct cc_pdf_doc *d)
{
	int n = 0;

	fz_var(n);
	fz_try(p->ctx)
		n = pdf_count_pages(p->ctx, d->doc);
	fz_catch(p->ctx)
		n = 0;
	return n;
}

void cc_pdf_close(struct cc_pdf *p, struct cc_pdf_doc *d)
{
	if (!d)
		return;
	fz_drop_document(p->ctx, (fz_document *)d->doc);
	fz_drop_stream(p->ctx, d->stm);
	fz_drop_buffer(p->ctx, d->data);
	free(d);
	ccpdf_fonts_forget(p->reuse);
	/*
	 * What mupdf's store cached of the document (its fonts, its
	 * images) serves no other: let it go now, so that a context that
	 * reads thousands of documents holds the memory of one, not 256 MB
	 * of the ones before.
	 */
	fz_empty_store(p->ctx);
}

void cc_pdf_page_text_release(struct cc_page_text *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		free(t->lines[i].t);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

static int line_order(const void *a, const void *b)
{
	const struct cc_text_line *x = a, *y = b;
	float dy = x->b[1] - y->b[1];

	/* one row when the tops are within 2 points: then left to right */
	if (dy < -2 || dy > 2)
		return dy < 0 ? -1 : 1;
	return x->b[0] < y->b[0] ? -1 : x->b[0] > y->b[0];
}

/* Whether font is bold: by its flags, or, as subset and Type 3 fonts
 * often lack them, by its name ("ABCDEF+Arial-BoldMT"). */
static int font_bold(fz_context *ctx, fz_font *font)
{
	const char *n;

	if (!font)
		return 0;
	if (fz_font_is_bold(ctx, font))
		return 1;
	n = fz_font_name(ctx, font);
	return n && (strstr(n, "Bold") || strstr(n, "bold") ||
		     strstr(n, "Black") || strstr(n, "Heavy") ||
		     strstr(n, "Semibold") || strstr(n, "Demi"));
}

static int font_italic(fz_context *ctx, fz_font *font)
{
	const char *n;

	if (!font)
		return 0;
	if (fz_font_is_italic(ctx, font))
		return 1;
	n = fz_font_name(ctx, font);
	return n && (strstr(n, "Italic") || strstr(n, "Oblique"));
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == 0xa0 || (c >= 0x2000 && c <= 0x200b);
}

/*
 * The character from which on a line's text turns bold, or turns from
 * bold, with no space before it: a value that ran into the label of the
 * next cell ("213131XXXXXXXXXX" "ACCOUNT", "PAID" "DATE OPENED"), which
 * are two cells, not one line; or turns bold at a word after a regular
 * one.  NULL when there is none.
 */
static fz_stext_char *style_seam(fz_context *ctx, fz_stext_char *from)
{
	fz_stext_char *ch, *e;
	fz_font *font = NULL;
	int fb = 0, prev = -1, run = 0, after, pc = 0, word = -1;

	for (ch = from; ch; ch = ch->next) {
		if (is_space(ch->c) || ch->c < 32) {
			/* the style of the word before the space, if it
			 * had three characters */
			if (prev >= 0)
				word = run >= 3 ? prev : -1;
			prev = -1;
			run = 0;
			continue;
		}
		if (ch->font != font) {
			font = ch->font;
			fb = font_bold(ctx, font);
		}
		/* a bold word of three characters after a regular one and a
		 * space: a value that ran up to the next cell's label
		 * ("PORTFOLIO RECOVERY ASSOCIATES" "Acct #") */
		if (prev < 0 && word == 0 && fb && ch != from) {
			for (e = ch, after = 0; e && !is_space(e->c) &&
			     (e->font == ch->font); e = e->next)
				after++;
			if (after >= 3)
				return ch;
		}
		if (prev < 0)
			word = -1;
		/* three characters of a word on each side, a letter or a
		 * digit on each side of the seam, or a label's end before
		 * it and an amount or a mask after ("(terms)120",
		 * "*********TYPE"): not "XP" "/TU" */
		if (prev >= 0 && prev != fb && run >= 3 && ch->c < 128 &&
		    (isalnum(ch->c) || ch->c == '$' || ch->c == '*') && pc < 128 &&
		    (isalnum(pc) || strchr("*).:#", pc))) {
			for (e = ch, after = 0; e && !is_space(e->c) && after < 3;
			     e = e->next)
				after++;
			if (after >= 3)
				return ch;
		}
		prev = fb;
		pc = ch->c;
		run++;
	}
	return NULL;
}

/* The box of characters [from, stop). */
static fz_rect chars_box(fz_stext_char *from, fz_stext_char *stop)
{
	fz_rect r = fz_empty_rect;
	fz_stext_char *ch;

	for (ch = from; ch && ch != stop; ch = ch->next)
		if (!is_space(ch->c))
			r = fz_union_rect(r, fz_rect_from_quad(ch->quad));
	return r;
}

/*
 * Append characters [from, stop) of a line to buf, one space for any run
 * of spaces; and
 * into l, the size most of its characters have, and whether most are
 * bold or italic.
 */
static void line_text(fz_context *ctx, fz_stext_char *from,
		      fz_stext_char *stop, struct cc_buf *buf,
		      struct cc_text_line *l)
{
	fz_stext_char *ch;
	fz_font *font = NULL;
	char utf[8];
	float sz[8];
	int nsz[8], k, nk = 0, n, space = 0, chars = 0, bold = 0, italic = 0;
	int fb = 0, fi = 0;

	buf->len = 0;
	if (buf->s)
		buf->s[0] = '\0';
	for (ch = from; ch && ch != stop; ch = ch->next) {
		int c = ch->c;

		if (is_space(c)) {
			space = buf->len > 0;
			continue;
		}
		if (c < 32)
			continue;
		if (space) {
			cc_buf_add(buf, " ", 1);
			space = 0;
		}
		n = fz_runetochar(utf, c);
		cc_buf_add(buf, utf, (size_t)n);
		/* the style of this character: a font's is asked once */
		if (ch->font != font) {
			font = ch->font;
			fb = font_bold(ctx, font);
			fi = font_italic(ctx, font);
		}
		chars++;
		bold += fb;
		italic += fi;
		for (k = 0; k < nk && fabsf(sz[k] - ch->size) > 0.05f; k++)
			;
		if (k < nk)
			nsz[k]++;
		else if (nk < 8)
			sz[nk] = ch->size, nsz[nk++] = 1;
	}
	l->size = 0;
	for (k = 0, n = 0; k < nk; k++)
		if (nsz[k] > n)
			n = nsz[k], l->size = sz[k];
	l->bold = chars && 2 * bold > chars;
	l->italic = chars && 2 * italic > chars;
}

int cc_pdf_page_text(struct cc_pdf *p, struct cc_pdf_doc *d, int page,
		     struct cc_page_text *out, struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	fz_stext_page *st = NULL;
	fz_page *pg = NULL;
	fz_stext_block *block;
	fz_stext_line *line;
	fz_stext_options opts;
	fz_rect bounds;
	struct cc_buf buf = { 0 };
	int rc = 0;

	memset(out, 0, sizeof(*out));
	memset(&opts, 0, sizeof(opts));
	p->nerrors = 0;
	p->nomem = 0;
	fz_var(st);
	fz_var(pg);
	fz_var(rc);
	fz_try(ctx) {
		ccpdf_fonts_prepare(ctx, &p->reuse, d->doc, page);
		pg = fz_load_page(ctx, &d->doc->super, page);
		bounds = fz_bound_page(ctx, pg);
		out->width = bounds.x1 - bounds.x0;
		out->height = bounds.y1 - bounds.y0;
		st = fz_new_stext_page_from_page(ctx, pg, &opts);
		for (block = st->first_block; block; block = block->next) {
			if (block->type != FZ_STEXT_BLOCK_TEXT)
				continue;
			for (line = block->u.t.first_line; line; line = line->next) {
				fz_stext_char *from = line->first_char, *stop;

				/* a line in pieces where a value ran into a
				 * label: each piece a line of its own */
				do {
					struct cc_text_line *l, style;
					fz_rect box;

					stop = style_seam(ctx, from);
					line_text(ctx, from, stop, &buf, &style);
					box = stop || from != line->first_char ?
					      chars_box(from, stop) : line->bbox;
					from = stop;
					if (!buf.len)
						continue;
					CC_GROW(out->lines, out->alloc, (size_t)out->n + 1);
					l = &out->lines[out->n++];
					*l = style;
					l->t = cc_xstrndup(buf.s, buf.len);
					l->b[0] = box.x0 - bounds.x0;
					l->b[1] = box.y0 - bounds.y0;
					l->b[2] = box.x1 - bounds.x0;
					l->b[3] = box.y1 - bounds.y0;
					l->conf = -1;
				} while (from);
			}
		}
		/* in a repaired file, an error recovered from means the page
		 * lost content (as in cc_pdf_inspect) */
		if (p->nerrors && pdf_was_repaired(ctx, d->doc))
			fz_throw(ctx, FZ_ERROR_GENERIC, "%s", p->first_error);
		ccpdf_check_memory(p);
	}
	fz_always(ctx) {
		fz_drop_stext_page(ctx, st);
		fz_drop_page(ctx, pg);
	}
	fz_catch(ctx) {
		rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.damaged",
				 "cannot be read");
	}
	cc_buf_release(&buf);
	if (rc < 0) {
		cc_pdf_page_text_release(out);
		return rc;
	}
	if (out->n > 1)
		qsort(out->lines, (size_t)out->n, sizeof(*out->lines), line_order);
	return 0;
}

int cc_pdf_page_has_text(struct cc_pdf *p, struct cc_pdf_doc *d, int page,
			 struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	int has = 0, rc = 0;

	fz_var(rc);
	fz_var(has);
	p->nomem = 0;
	fz_try(ctx) {
		has = page_has_text(ctx, d->doc, page);
		ccpdf_check_memory(p);
	}
	fz_catch(ctx)
		rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.damaged",
				 "cannot be read");
	return rc < 0 ? rc : has;
}

int cc_pdf_page_render(struct cc_pdf *p, struct cc_pdf_doc *d, int page,
		       int dpi, unsigned char **pix, int *w, int *h,
		       float *pw, float *ph, struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	fz_pixmap *pm = NULL;
	fz_page *pg = NULL;
	fz_rect bounds;
	int rc = 0, y;

	*pix = NULL;
	p->nerrors = 0;
	p->nomem = 0;
	fz_var(pm);
	fz_var(pg);
	fz_var(rc);
	fz_try(ctx) {
		float zoom = dpi / 72.0f;

		pg = fz_load_page(ctx, &d->doc->super, page);
		bounds = fz_bound_page(ctx, pg);
		*pw = bounds.x1 - bounds.x0;
		*ph = bounds.y1 - bounds.y0;
		/* a hostile page size must not become gigabytes of pixels */
		if (*pw <= 0 || *ph <= 0 ||
		    (double)*pw * zoom * (double)*ph * zoom > CC_PDF_MAX_PIXELS)
			fz_throw(ctx, FZ_ERROR_GENERIC,
				 "page of %.0f x %.0f points is too large to "
				 "render at %d dpi", *pw, *ph, dpi);
		pm = fz_new_pixmap_from_page(ctx, pg, fz_scale(zoom, zoom),
					     fz_device_gray(ctx), 0);
		*w = pm->w;
		*h = pm->h;
		*pix = cc_xmalloc((size_t)pm->w * (size_t)pm->h);
		for (y = 0; y < pm->h; y++)
			memcpy(*pix + (size_t)y * (size_t)pm->w,
			       pm->samples + (size_t)y * pm->stride, (size_t)pm->w);
		if (p->nerrors && pdf_was_repaired(ctx, d->doc))
			fz_throw(ctx, FZ_ERROR_GENERIC, "%s", p->first_error);
		ccpdf_check_memory(p);
	}
	fz_always(ctx) {
		fz_drop_pixmap(ctx, pm);
		fz_drop_page(ctx, pg);
	}
	fz_catch(ctx) {
		rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.damaged",
				 "cannot be rendered");
	}
	if (rc < 0) {
		free(*pix);
		*pix = NULL;
	}
	return rc;
}
