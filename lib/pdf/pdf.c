/*
 * pdf.c -- the mupdf wrapper.  The only file of lib/ that includes mupdf.
 */
#include "base/cc.h"
#include "pdf/pdf.h"
#include "pdf/scan.h"

#include <ctype.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

/* A font file, deflated once for the run (deflated_font()). */
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
	fz_font *foot[3];        /* cc_pdf_compose()'s footers: by family */
	fz_font *face[6];        /* faces[]' fonts (add_faces()) */
};

static void quiet(void *user, const char *message)
{
	(void)user;
	(void)message;
}

/* mupdf reports errors it recovers from (a missing object, say) here. */
static void count_error(void *user, const char *message)
{
	struct cc_pdf *p = user;

	if (p->nerrors++ == 0)
		snprintf(p->first_error, sizeof(p->first_error), "%s", message);
}

struct cc_pdf *cc_pdf_new(struct cc_error *e)
{
	struct cc_pdf *p;
	fz_context *ctx;

	ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!ctx) {
		cc_error_set(e, CC_ERR_UNAVAILABLE, "pdf.init",
			     "cannot create a mupdf context");
		return NULL;
	}
	p = cc_xcalloc(1, sizeof(*p));
	p->ctx = ctx;
	fz_set_warning_callback(ctx, quiet, NULL);
	fz_set_error_callback(ctx, count_error, p);
	return p;
}

void cc_pdf_free(struct cc_pdf *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; i < p->nfonts; i++) {
		free(p->fonts[i].raw);
		free(p->fonts[i].z);
	}
	for (i = 0; i < 3; i++)
		fz_drop_font(p->ctx, p->foot[i]);
	for (i = 0; i < 6; i++)
		fz_drop_font(p->ctx, p->face[i]);
	fz_drop_context(p->ctx);
	free(p);
}

const char *cc_pdf_engine_version(void)
{
	return FZ_VERSION;
}

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

static void peek_show(struct peek_proc *pp, size_t len)
{
	if (pp->render[pp->depth] != 3)
		pp->bytes += len;
}

static void peek_Tj(fz_context *ctx, pdf_processor *p, char *str, size_t len)
{
	(void)ctx;
	(void)str;
	peek_show((struct peek_proc *)p, len);
}

static void peek_dquote(fz_context *ctx, pdf_processor *p, float aw, float ac,
			char *str, size_t len)
{
	(void)ctx; (void)aw; (void)ac; (void)str;
	peek_show((struct peek_proc *)p, len);
}

static void peek_TJ(fz_context *ctx, pdf_processor *p, pdf_obj *array)
{
	int i, n = pdf_array_len(ctx, array);

	for (i = 0; i < n; i++) {
		pdf_obj *o = pdf_array_get(ctx, array, i);

		if (pdf_is_string(ctx, o))
			peek_show((struct peek_proc *)p, pdf_to_str_len(ctx, o));
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
	fz_always(ctx)
		pdf_drop_processor(ctx, (pdf_processor *)pp);
	fz_catch(ctx)
		fz_rethrow(ctx);
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
	fz_var(stm);
	fz_var(doc);
	fz_var(page);
	fz_var(rc);
	fz_var(text_pages);
	fz_var(ntext);
	fz_try(ctx) {
		stm = fz_open_memory(ctx, data, len);
		doc = pdf_open_document_with_stream(ctx, stm);
		info->encrypted = pdf_crypt_version(ctx, doc->crypt) != 0;
		if (pdf_needs_password(ctx, doc) &&
		    !pdf_authenticate_password(ctx, doc, "")) {
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.encrypted",
					  "encrypted with a user password");
			break;
		}
		info->pages = pdf_count_pages(ctx, doc);
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
	}
	fz_always(ctx) {
		fz_drop_document(ctx, (fz_document *)doc);
		fz_drop_stream(ctx, stm);
	}
	fz_catch(ctx) {
		if (page >= 0)
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.damaged",
					  "page %d cannot be read: %s",
					  page + 1, fz_caught_message(ctx));
		else
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.damaged",
					  "damaged beyond repair: %s",
					  fz_caught_message(ctx));
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

/* --- reading pages ------------------------------------------------------------ */

struct cc_pdf_doc {
	pdf_document *doc;
	fz_stream *stm;
	fz_buffer *data;
};

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
	fz_try(ctx) {
		d->data = fz_read_file(ctx, path);
	}
	fz_catch(ctx) {
		free(d);
		return cc_error_set(e, CC_ERR_NOINPUT, "file.unreadable",
				    "cannot read: %s", fz_caught_message(ctx));
	}
	fz_try(ctx) {
		d->stm = fz_open_buffer(ctx, d->data);
		d->doc = pdf_open_document_with_stream(ctx, d->stm);
		if (pdf_needs_password(ctx, d->doc) &&
		    !pdf_authenticate_password(ctx, d->doc, ""))
			rc = cc_error_set(e, CC_ERR_DATA, "pdf.encrypted",
					  "encrypted with a user password");
		else
			*pages = pdf_count_pages(ctx, d->doc);
	}
	fz_catch(ctx) {
		rc = cc_error_set(e, CC_ERR_DATA, "pdf.damaged",
				  "damaged beyond repair: %s",
				  fz_caught_message(ctx));
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

/* Append line's characters to buf, one space for any run of spaces. */
static void line_text(fz_stext_line *line, struct cc_buf *buf)
{
	fz_stext_char *ch;
	char utf[8];
	int n, space = 0;

	buf->len = 0;
	if (buf->s)
		buf->s[0] = '\0';
	for (ch = line->first_char; ch; ch = ch->next) {
		int c = ch->c;

		if (c == ' ' || c == '\t' || c == 0xa0 || (c >= 0x2000 && c <= 0x200b)) {
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
	}
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
	fz_var(st);
	fz_var(pg);
	fz_var(rc);
	fz_try(ctx) {
		pg = fz_load_page(ctx, &d->doc->super, page);
		bounds = fz_bound_page(ctx, pg);
		out->width = bounds.x1 - bounds.x0;
		out->height = bounds.y1 - bounds.y0;
		st = fz_new_stext_page_from_page(ctx, pg, &opts);
		for (block = st->first_block; block; block = block->next) {
			if (block->type != FZ_STEXT_BLOCK_TEXT)
				continue;
			for (line = block->u.t.first_line; line; line = line->next) {
				struct cc_text_line *l;

				line_text(line, &buf);
				if (!buf.len)
					continue;
				CC_GROW(out->lines, out->alloc, (size_t)out->n + 1);
				l = &out->lines[out->n++];
				l->t = cc_xstrndup(buf.s, buf.len);
				l->b[0] = line->bbox.x0 - bounds.x0;
				l->b[1] = line->bbox.y0 - bounds.y0;
				l->b[2] = line->bbox.x1 - bounds.x0;
				l->b[3] = line->bbox.y1 - bounds.y0;
				l->conf = -1;
			}
		}
		/* in a repaired file, an error recovered from means the page
		 * lost content (as in cc_pdf_inspect) */
		if (p->nerrors && pdf_was_repaired(ctx, d->doc))
			fz_throw(ctx, FZ_ERROR_GENERIC, "%s", p->first_error);
	}
	fz_always(ctx) {
		fz_drop_stext_page(ctx, st);
		fz_drop_page(ctx, pg);
	}
	fz_catch(ctx) {
		rc = cc_error_set(e, CC_ERR_DATA, "pdf.damaged",
				  "page %d cannot be read: %s", page + 1,
				  fz_caught_message(ctx));
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
	fz_try(ctx)
		has = page_has_text(ctx, d->doc, page);
	fz_catch(ctx)
		rc = cc_error_set(e, CC_ERR_DATA, "pdf.damaged",
				  "page %d cannot be read: %s", page + 1,
				  fz_caught_message(ctx));
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
	}
	fz_always(ctx) {
		fz_drop_pixmap(ctx, pm);
		fz_drop_page(ctx, pg);
	}
	fz_catch(ctx) {
		rc = cc_error_set(e, CC_ERR_DATA, "pdf.damaged",
				  "page %d cannot be rendered: %s", page + 1,
				  fz_caught_message(ctx));
	}
	if (rc < 0) {
		free(*pix);
		*pix = NULL;
	}
	return rc;
}

/* --- writing -------------------------------------------------------------- */

struct poslist {
	struct cc_pdf_pos *v;
	size_t n, alloc;
};

/* Copy a fz_buffer's bytes into a malloc'd block. */
static void take_buffer(fz_context *ctx, fz_buffer *buf, unsigned char **out,
			size_t *len)
{
	unsigned char *data;
	size_t n = fz_buffer_storage(ctx, buf, &data);

	*out = cc_xmalloc(n ? n : 1);
	memcpy(*out, data, n);
	*len = n;
}

/*
 * The built-in face of a generic family, for footer lines: one font
 * object for the whole run, so that the cost of a story (its style
 * sheet, its fonts) is not paid on every page.  Text in a family embeds
 * the same font already.
 */
static fz_font *footer_font(fz_context *ctx, struct cc_pdf *p,
			    const char *family)
{
	static const char *const fam[3] = { "serif", "sans-serif", "monospace" };
	static const char *const builtin[3] = { "Times", "Helvetica", "Courier" };
	const unsigned char *data;
	int f, len = 0;

	for (f = 2; f > 0; f--)
		if (family && !strcmp(family, fam[f]))
			break;
	if (!p->foot[f]) {
		data = fz_lookup_builtin_font(ctx, builtin[f], 0, 0, &len);
		if (!data)
			fz_throw(ctx, FZ_ERROR_GENERIC, "no built-in %s font",
				 builtin[f]);
		p->foot[f] = fz_new_font_from_memory(ctx, builtin[f], data, len,
						     0, 0);
	}
	return p->foot[f];
}

/*
 * Draw a footer line: footer is a printf format of plain text (UTF-8),
 * "%d" the page number.  The line is where a story of
 * "<p>LINE</p>" in 7pt sans-serif, placed in the bottom margin, used to
 * put it: body and p each 1em in from the left, 1em down, the baseline
 * 0.9em into a line 1.2em high.  As text in a font kept for the run, it
 * costs a fraction of the story it replaces.
 */
static void draw_footer(fz_context *ctx, struct cc_pdf *p, fz_device *dev,
			const struct cc_pdf_html_opts *o, const char *footer,
			int page)
{
	fz_font *font = footer_font(ctx, p, "sans-serif");
	const float black[1] = { 0 };
	const float size = 7;
	fz_text *text = NULL;
	char line[512];

	snprintf(line, sizeof(line), footer, page);
	fz_var(text);
	fz_try(ctx) {
		text = fz_new_text(ctx);
		fz_show_string(ctx, text, font,
			       fz_make_matrix(size, 0, 0, -size,
					      o->margin + size,
					      o->height - o->margin + 6 +
					      size + 0.9f * size),
			       line, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
		fz_fill_text(ctx, dev, text, fz_identity, fz_device_gray(ctx),
			     black, 1, fz_default_color_params);
	}
	fz_always(ctx)
		fz_drop_text(ctx, text);
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* Grow the box of owner on its first page by r (positions for `src`). */
static void note_position(struct poslist *l, const char *owner, int page,
			  fz_rect r)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].id, owner) != 0)
			continue;
		if (l->v[i].page != page)
			return;
		if (r.x0 < l->v[i].bbox[0]) l->v[i].bbox[0] = r.x0;
		if (r.y0 < l->v[i].bbox[1]) l->v[i].bbox[1] = r.y0;
		if (r.x1 > l->v[i].bbox[2]) l->v[i].bbox[2] = r.x1;
		if (r.y1 > l->v[i].bbox[3]) l->v[i].bbox[3] = r.y1;
		return;
	}
	CC_GROW(l->v, l->alloc, l->n + 1);
	snprintf(l->v[l->n].id, sizeof(l->v[l->n].id), "%s", owner);
	l->v[l->n].page = page;
	l->v[l->n].bbox[0] = r.x0;
	l->v[l->n].bbox[1] = r.y0;
	l->v[l->n].bbox[2] = r.x1;
	l->v[l->n].bbox[3] = r.y1;
	l->n++;
}

/*
 * The generic families as @font-face rules over mupdf's own fonts, kept
 * in an archive for the whole run.  A story matches a family against its
 * @font-face rules before it searches the built-in fonts by name, which
 * it does again for every box it styles (a third of cc-synth's time).
 */
static const struct {
	const char *family, *weight, *file, *font;
	int bold;
} faces[] = {
	{ "sans-serif", "normal", "sans.cff", "Helvetica", 0 },
	{ "sans-serif", "bold", "sans-bold.cff", "Helvetica", 1 },
	{ "serif", "normal", "serif.cff", "Times", 0 },
	{ "serif", "bold", "serif-bold.cff", "Times", 1 },
	{ "monospace", "normal", "mono.cff", "Courier", 0 },
	{ "monospace", "bold", "mono-bold.cff", "Courier", 1 },
};

static fz_archive *font_archive(fz_context *ctx, const char *family, char **css)
{
	fz_archive *arch = fz_new_tree_archive(ctx, NULL);
	struct cc_buf b = { 0 };
	size_t i;

	fz_try(ctx) {
		for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
			int len = 0;
			const unsigned char *data;
			fz_buffer *buf;

			/* a story loads every face declared: only the family used */
			if (!family || strcmp(family, faces[i].family) != 0)
				continue;
			data = fz_lookup_builtin_font(ctx, faces[i].font,
						      faces[i].bold, 0, &len);
			if (!data)
				continue;
			buf = fz_new_buffer_from_shared_data(ctx, data, (size_t)len);
			fz_tree_archive_add_buffer(ctx, arch, faces[i].file, buf);
			fz_drop_buffer(ctx, buf);
			cc_buf_addf(&b, "@font-face { font-family: %s; font-weight: %s; "
				    "src: url(%s); }\n", faces[i].family,
				    faces[i].weight, faces[i].file);
		}
	}
	fz_catch(ctx) {
		fz_drop_archive(ctx, arch);
		cc_buf_release(&b);
		fz_rethrow(ctx);
	}
	*css = cc_buf_detach(&b);
	return arch;
}

/*
 * Add the fonts of family's faces to doc before a story draws in them,
 * and put their object numbers in num[] (two at most); the count.  The
 * story loads its own (from font_archive()), new ones every time, and a
 * font a document has not seen costs the advance of every glyph in it,
 * which FreeType gets by loading the glyph; these fonts load them once
 * for the run.  The document takes the story's fonts for them (the same
 * data, so the same digest).  A face no text uses goes when the document
 * is written (write_doc()).
 */
static int add_faces(fz_context *ctx, struct cc_pdf *p, pdf_document *doc,
		     const char *family, int num[2])
{
	const unsigned char *data;
	pdf_obj *ref;
	fz_buffer *buf;
	size_t i;
	int len, n = 0;

	fz_var(i);
	fz_var(n);
	for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
		if (!family || strcmp(family, faces[i].family) != 0)
			continue;
		if (!p->face[i]) {
			len = 0;
			data = fz_lookup_builtin_font(ctx, faces[i].font,
						      faces[i].bold, 0, &len);
			if (!data)
				continue;
			buf = fz_new_buffer_from_shared_data(ctx, data,
							     (size_t)len);
			fz_try(ctx)
				p->face[i] = fz_new_font_from_buffer(ctx, NULL,
								     buf, 0, 0);
			fz_always(ctx)
				fz_drop_buffer(ctx, buf);
			fz_catch(ctx)
				fz_rethrow(ctx);
		}
		ref = pdf_add_cid_font(ctx, doc, p->face[i]);
		if (n < 2)
			num[n++] = pdf_to_num(ctx, ref);
		pdf_drop_obj(ctx, ref);
	}
	return n;
}

/* 1 when some page of doc has font object num among its resources. */
static int font_used(fz_context *ctx, pdf_document *doc, int num)
{
	pdf_obj *res, *fonts;
	int i, k, n = pdf_count_pages(ctx, doc), len;

	for (i = 0; i < n; i++) {
		res = pdf_dict_get_inheritable(ctx,
			pdf_lookup_page_obj(ctx, doc, i), PDF_NAME(Resources));
		fonts = pdf_dict_get(ctx, res, PDF_NAME(Font));
		len = pdf_dict_len(ctx, fonts);
		for (k = 0; k < len; k++)
			if (pdf_to_num(ctx,
				       pdf_dict_get_val(ctx, fonts, k)) == num)
				return 1;
	}
	return 0;
}

/*
 * Where laid-out pages go: a pdf_document being put together (struct
 * composer).  begin gives the device to draw a page on; end finishes
 * that page.
 */
struct pager {
	fz_device *(*begin)(fz_context *ctx, void *arg, fz_rect mediabox);
	void (*end)(fz_context *ctx, void *arg);
	void *arg;
	/* draws footer, a printf format, "%d" the page number */
	void (*footer)(fz_context *ctx, void *arg, fz_device *dev,
		       const char *footer, int page);
};

static void end_page(fz_context *ctx, const struct pager *pg,
		     fz_device *dev, const char *footer, int page)
{
	if (footer)
		pg->footer(ctx, pg->arg, dev, footer, page);
	pg->end(ctx, pg->arg);
}

/*
 * The vertical margins, padding and borders of body, whatever the style
 * sheet says: for a story of its own for each block, mupdf's defaults
 * (1em of margin above and below); for lay_out()'s story of all the
 * blocks, none, the block's box having that margin (LAYOUT_CSS).
 */
#define EACH_BODY_CSS \
	"body{margin-top:1em;margin-bottom:1em;padding-top:0;" \
	"padding-bottom:0;border-top-style:none;border-bottom-style:none}"
#define ONE_BODY_CSS \
	"body{margin-top:0;margin-bottom:0;padding-top:0;" \
	"padding-bottom:0;border-top-style:none;border-bottom-style:none}"

/*
 * lay_out() with a story for each block: for blocks that cannot share a
 * story (blocks_intact()), and for none.  The same pages, at the cost of
 * a style sheet, a box tree and fonts for every block.
 */
static void lay_out_each(fz_context *ctx, const struct pager *pg,
		    const struct cc_pdf_block *blocks, size_t n,
		    const char *css, fz_archive *fonts,
		    const struct cc_pdf_html_opts *o, const char *footer,
		    struct poslist *l, int *pages)
{
	fz_buffer *in = NULL;
	fz_story *story = NULL;
	fz_device *dev;
	fz_rect mediabox, area, where, filled;
	int first = *pages, more;
	char *eachcss;
	size_t i;

	fz_var(in);
	fz_var(story);
	mediabox = fz_make_rect(0, 0, o->width, o->height);
	area = fz_make_rect(o->margin, o->margin, o->width - o->margin,
			    o->height - o->margin);
	eachcss = cc_xasprintf("%s\n" EACH_BODY_CSS, css);
	fz_try(ctx) {
		where = area;
		dev = pg->begin(ctx, pg->arg, mediabox);
		++*pages;
		for (i = 0; i < n; i++) {
			in = fz_new_buffer_from_copied_data(ctx,
				(const unsigned char *)blocks[i].html,
				strlen(blocks[i].html));
			story = fz_new_story(ctx, in, eachcss, 10, fonts);
			more = fz_place_story(ctx, story, where, &filled);
			/* mupdf may say all fitted when the content ended right
			 * on the bottom and the margin after it went on below,
			 * as on a next page: believe the filled area too */
			if ((more || filled.y1 > where.y1 + 1) &&
			    where.y0 > area.y0) {
				/* does not fit what is left: a new page */
				end_page(ctx, pg, dev, footer, *pages - first);
				dev = pg->begin(ctx, pg->arg, mediabox);
				++*pages;
				where = area;
				more = fz_place_story(ctx, story, where, &filled);
			}
			for (;;) {
				if (blocks[i].owner && l)
					note_position(l, blocks[i].owner, *pages,
						      filled);
				fz_draw_story(ctx, story, dev, fz_identity);
				if (!more)
					break;
				/* taller than a page: it goes on over the next */
				end_page(ctx, pg, dev, footer, *pages - first);
				dev = pg->begin(ctx, pg->arg, mediabox);
				if (++*pages > 5000)
					fz_throw(ctx, FZ_ERROR_GENERIC,
						 "layout does not end");
				where = area;
				more = fz_place_story(ctx, story, where, &filled);
			}
			where.y0 = filled.y1;
			fz_drop_story(ctx, story);
			story = NULL;
			fz_drop_buffer(ctx, in);
			in = NULL;
		}
		end_page(ctx, pg, dev, footer, *pages - first);
	}
	fz_always(ctx) {
		fz_drop_story(ctx, story);
		fz_drop_buffer(ctx, in);
		free(eachcss);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/*
 * lay_out() sets all the blocks in one story, block i as
 *
 *	<ccpdf-o id="ccpdf-oI"><ccpdf-b id="ccpdf-bI">HTML</ccpdf-b></ccpdf-o>
 *
 * to lay it out as a story for each block did.  ccpdf-b takes the place
 * of that story's body: 1em of margin above and below, which collapse
 * with the margins of the block's first and last elements as they did
 * with body's.  Its padding, too thin to move anything, keeps those
 * margins inside it, as the story's html element kept them, so that
 * they neither collapse with the next block's nor are lost when a page
 * starts with the block (mupdf starts an area that goes on with a box
 * at the box, its margins above it left behind).  ccpdf-o has no
 * margins: its box is the block's, from where its story started to
 * where it ended.  The positions of ccpdf-o and ccpdf-b give that, and
 * where the block's content ends.  The body's vertical margins, which
 * would come once for all blocks, go (ONE_BODY_CSS).
 */
#define LAYOUT_CSS ONE_BODY_CSS \
	"ccpdf-o{display:block;margin:0;padding:0;border-style:none}" \
	"ccpdf-b{display:block;margin:1em 0;" \
	"padding:0.000000001pt 0 0 0;border-style:none}"

/* The blocks whose box starts in an area of lay_out()'s story. */
struct reach {
	size_t n;
	unsigned char *seen;   /* REACH_* */
	float *y0, *y1;        /* the block's top and bottom, margins
				  included (ccpdf-o) */
	float *end;            /* the bottom of its content (ccpdf-b) */
	size_t lo, hi;         /* the blocks seen are in [lo, hi) */
};

#define REACH_BOX 1            /* ccpdf-o starts in the area: y0, y1 */
#define REACH_CONTENT 2        /* ccpdf-b too: end */

static void reach_init(struct reach *r, size_t n)
{
	r->n = n;
	r->seen = cc_xcalloc(n, 1);
	r->y0 = cc_xcalloc(n, sizeof(*r->y0));
	r->y1 = cc_xcalloc(n, sizeof(*r->y1));
	r->end = cc_xcalloc(n, sizeof(*r->end));
	r->lo = r->hi = 0;
}

static void reach_release(struct reach *r)
{
	free(r->seen);
	free(r->y0);
	free(r->y1);
	free(r->end);
}

static void reached(fz_context *ctx, void *arg,
		    const fz_story_element_position *pos)
{
	struct reach *r = arg;
	unsigned long i;
	char *end;

	(void)ctx;
	/* ours are the body's children and theirs; a block's own ids are
	 * deeper */
	if (pos->depth > 1 || !(pos->open_close & 1) || !pos->id ||
	    strncmp(pos->id, "ccpdf-", 6) != 0 ||
	    pos->id[6] != (pos->depth ? 'b' : 'o') ||
	    !isdigit((unsigned char)pos->id[7]))
		return;
	errno = 0;
	i = strtoul(pos->id + 7, &end, 10);
	if (*end || errno || i >= r->n)
		return;
	if (r->lo == r->hi)
		r->lo = r->hi = i;
	if (i < r->lo)
		r->lo = i;
	if (i >= r->hi)
		r->hi = i + 1;
	if (pos->depth) {
		r->seen[i] |= REACH_CONTENT;
		r->end[i] = pos->rect.y1;
	} else {
		r->seen[i] |= REACH_BOX;
		r->y0[i] = pos->rect.y0;
		r->y1[i] = pos->rect.y1;
	}
}

/* Place the rest of story in where; r, unless NULL, receives the blocks
 * the area starts. */
static int place(fz_context *ctx, fz_story *story, fz_rect where,
		 struct reach *r)
{
	fz_rect filled;
	int more;

	more = fz_place_story(ctx, story, where, &filled);
	if (!r)
		return more;
	if (r->hi > r->lo)
		memset(r->seen + r->lo, 0, r->hi - r->lo);
	r->lo = r->hi = 0;
	fz_story_positions(ctx, story, reached, r);
	return more;
}

/*
 * 1 when block i, as r has it, fits above bottom as its own story did:
 * its content ends above it; or, when the content ends right on it,
 * its bottom margin is no more than 1pt past it.  (Its story then said
 * all fitted, but laid out the margin from the bottom on, as from the
 * top of a next page, and filled more than the area: see
 * lay_out_each().)
 */
static int fits(const struct reach *r, size_t i, float bottom)
{
	if (r->seen[i] != (REACH_BOX | REACH_CONTENT))
		return 0;
	return r->end[i] < bottom ||
	       (r->end[i] == bottom && r->y1[i] <= bottom + 1);
}

/*
 * 1 when blocks can share a story: none has a style sheet of its own,
 * which would apply to them all, and story's body is what lay_out()
 * wrote, n blocks each in its boxes: no block's HTML closed a box it did
 * not open, or left one open.
 */
static int blocks_intact(fz_context *ctx, fz_story *story,
			 const struct cc_pdf_block *blocks, size_t n)
{
	fz_xml *x = fz_dom_body(ctx, fz_story_document(ctx, story)), *b;
	const char *id;
	char want[32];
	size_t k = 0;

	for (k = 0; k < n; k++)
		if (strcasestr(blocks[k].html, "<style") ||
		    strcasestr(blocks[k].html, "<link"))
			return 0;
	for (k = 0, x = x ? fz_dom_first_child(ctx, x) : NULL; x;
	     x = fz_dom_next(ctx, x), k++) {
		snprintf(want, sizeof(want), "ccpdf-o%zu", k);
		id = fz_dom_attribute(ctx, x, "id");
		if (!fz_xml_tag(x) || !id || strcmp(id, want) != 0)
			return 0;
		/* and in it, the block's box alone */
		b = fz_dom_first_child(ctx, x);
		want[6] = 'b';
		id = b ? fz_dom_attribute(ctx, b, "id") : NULL;
		if (!id || strcmp(id, want) != 0 || fz_dom_next(ctx, b))
			return 0;
	}
	return k == n;
}

/*
 * Lay out blocks[0..n) from the top of a new page, over as many pages
 * as they take; *pages is the document's page count before and after.
 * A block whose content does not fit on what is left of a page starts
 * the next one, unless it starts its page: then it goes on over the
 * next.  Footers number the pages from 1 at the first.  Throws.
 *
 * One story for all the blocks (see LAYOUT_CSS): a story for each cost
 * its style sheet, its fonts and its box tree every time.  The pages
 * are the ones a story for each block made.  A page is placed in an
 * area higher than the page, where the blocks lie as on an endless
 * page, to see which fit; when the page starts with the rest of
 * a block, or with a block too tall for it, in the page's area, to see
 * where mupdf ends that; then in the area up to the end of the last
 * block that fits, which draws the page.  (mupdf 1.21 cannot be left to
 * end such a page itself: when a margin runs past the bottom of an
 * area, it goes on laying out below it, as on a next page.)
 */
static void lay_out(fz_context *ctx, const struct pager *pg,
		    const struct cc_pdf_block *blocks, size_t n,
		    const char *css, fz_archive *fonts,
		    const struct cc_pdf_html_opts *o, const char *footer,
		    struct poslist *l, int *pages)
{
	struct reach rt, ra;
	fz_buffer *in = NULL;
	fz_story *story = NULL;
	fz_device *dev;
	fz_rect mediabox, area, tall, where, box;
	char *allcss, tag[96];
	int first = *pages, more, done = 0, cont = 0, rest, split;
	size_t i, k, next = 0;
	float cut;

	if (n == 0) {
		lay_out_each(ctx, pg, blocks, n, css, fonts, o, footer, l,
			     pages);
		return;
	}
	mediabox = fz_make_rect(0, 0, o->width, o->height);
	area = fz_make_rect(o->margin, o->margin, o->width - o->margin,
			    o->height - o->margin);
	/* a quarter of a page more: past the bottom of any margin, and past
	 * the first line after it of any block the page cannot hold */
	tall = area;
	tall.y1 += (area.y1 - area.y0) / 4;
	allcss = cc_xasprintf("%s\n" LAYOUT_CSS, css);
	reach_init(&rt, n);
	reach_init(&ra, n);
	fz_var(in);
	fz_var(story);
	fz_var(done);
	fz_var(cont);
	fz_var(next);
	fz_try(ctx) {
		in = fz_new_buffer(ctx, 64 << 10);
		for (i = 0; i < n; i++) {
			snprintf(tag, sizeof(tag), "<ccpdf-o id=\"ccpdf-o%zu\">"
				 "<ccpdf-b id=\"ccpdf-b%zu\">", i, i);
			fz_append_string(ctx, in, tag);
			fz_append_string(ctx, in, blocks[i].html);
			fz_append_string(ctx, in, "</ccpdf-b></ccpdf-o>");
		}
		story = fz_new_story(ctx, in, allcss, 10, fonts);
		if (!blocks_intact(ctx, story, blocks, n)) {
			lay_out_each(ctx, pg, blocks, n, css, fonts, o, footer,
				     l, pages);
			break;
		}
		while (!done) {
			dev = pg->begin(ctx, pg->arg, mediabox);
			if (++*pages > 5000)
				fz_throw(ctx, FZ_ERROR_GENERIC,
					 "layout does not end");
			/*
			 * The page holds what is left of block next - 1 when
			 * cont, then blocks [next, k), or block next cut short
			 * (split).  It ends at cut, or where mupdf ends the
			 * area (cut < 0).
			 */
			place(ctx, story, tall, &rt);
			rest = cont;
			k = next;
			split = 0;
			cut = -1;
			if (rest) {
				more = place(ctx, story, area, &ra);
				if (more && ra.hi == ra.lo) {
					/* it goes on over the next page too */
				} else if (next == n) {
					done = 1;
				} else {
					cont = 0;
					if (rt.seen[next] & REACH_BOX)
						cut = rt.y0[next];
				}
			}
			if (!cont && !done) {
				while (k < n && fits(&rt, k, area.y1))
					k++;
				if (k > next) {
					cut = rt.y1[k - 1];
				} else if (!rest) {
					/* block next is too tall for the
					 * page: it goes on over the next,
					 * unless mupdf ends it on this one,
					 * margin aside */
					more = place(ctx, story, area, &ra);
					split = more && ra.hi <= next + 1;
					if (!split) {
						k = next + 1;
						cut = rt.y1[next];
					}
				}
				done = k == n;
			}
			if (cut >= 0) {
				/* the next block's margin does not fit below:
				 * the area ends before it */
				where = area;
				where.y1 = cut + 0.01f;
				place(ctx, story, where, NULL);
			}
			for (i = next; l && i < k + split; i++) {
				if (!blocks[i].owner)
					continue;
				/* a story clipped its filled area's bottom
				 * to the area's */
				box = fz_make_rect(area.x0, rt.y0[i], area.x1,
						   rt.y1[i]);
				if (i == k || box.y1 > area.y1)
					box.y1 = area.y1;
				note_position(l, blocks[i].owner, *pages, box);
			}
			if (split)
				cont = 1;
			next = k + split;
			fz_draw_story(ctx, story, dev, fz_identity);
			end_page(ctx, pg, dev, footer, *pages - first);
		}
	}
	fz_always(ctx) {
		fz_drop_story(ctx, story);
		fz_drop_buffer(ctx, in);
		reach_release(&rt);
		reach_release(&ra);
		free(allcss);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* --- composing: HTML pages and pages of other PDFs, marked -------------- */

/* A pdf_document being put together page by page, as mupdf's PDF writer
 * does it, so that pages of other documents can be grafted in. */
struct composer {
	pdf_document *doc;
	fz_device *dev;
	pdf_obj *res;
	fz_buffer *contents;
	fz_rect mediabox;
	pdf_obj *mark_font;      /* the marks' font, one object for all */
	struct cc_pdf *p;
	const struct cc_pdf_html_opts *o;
	int faces[2], nfaces;    /* add_faces()' font objects */
};

static void compose_footer(fz_context *ctx, void *arg, fz_device *dev,
			   const char *footer, int page)
{
	struct composer *c = arg;
	const struct cc_pdf_html_opts *o = c->o;
	fz_font *font = footer_font(ctx, c->p, o->family);
	const float black[1] = { 0 };
	fz_text *text = NULL;
	fz_matrix end;
	char line[512];
	float size = 8, w;

	snprintf(line, sizeof(line), footer, page);
	fz_var(text);
	fz_try(ctx) {
		end = fz_measure_string(ctx, font, fz_scale(size, -size),
					line, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
		w = end.e;
		text = fz_new_text(ctx);
		fz_show_string(ctx, text, font,
			       fz_make_matrix(size, 0, 0, -size,
					      (o->width - w) / 2,
					      o->height - o->margin / 2 + size / 2),
			       line, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
		fz_fill_text(ctx, dev, text, fz_identity, fz_device_gray(ctx),
			     black, 1, fz_default_color_params);
	}
	fz_always(ctx)
		fz_drop_text(ctx, text);
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* A report's footer (cc_pdf_from_blocks()): draw_footer(). */
static void report_footer(fz_context *ctx, void *arg, fz_device *dev,
			  const char *footer, int page)
{
	struct composer *c = arg;

	draw_footer(ctx, c->p, dev, c->o, footer, page);
}

static fz_device *compose_begin(fz_context *ctx, void *arg, fz_rect mediabox)
{
	struct composer *c = arg;

	c->mediabox = mediabox;
	c->dev = pdf_page_write(ctx, c->doc, mediabox, &c->res, &c->contents);
	return c->dev;
}

static void compose_drop_page(fz_context *ctx, struct composer *c)
{
	fz_drop_device(ctx, c->dev);
	c->dev = NULL;
	pdf_drop_obj(ctx, c->res);
	c->res = NULL;
	fz_drop_buffer(ctx, c->contents);
	c->contents = NULL;
}

static void compose_end(fz_context *ctx, void *arg)
{
	struct composer *c = arg;
	pdf_obj *page = NULL;

	fz_var(page);
	fz_try(ctx) {
		fz_close_device(ctx, c->dev);
		page = pdf_add_page(ctx, c->doc, c->mediabox, 0, c->res,
				    c->contents);
		pdf_insert_page(ctx, c->doc, -1, page);
	}
	fz_always(ctx) {
		pdf_drop_obj(ctx, page);
		compose_drop_page(ctx, c);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* s as a PDF string literal, with what is not printable ASCII left out
 * (a mark's label is ASCII; the font is Helvetica in WinAnsi). */
static void put_string(fz_context *ctx, fz_buffer *b, const char *s)
{
	fz_append_byte(ctx, b, '(');
	for (; *s; s++) {
		if (*s < 32 || *s > 126)
			continue;
		if (*s == '(' || *s == ')' || *s == '\\')
			fz_append_byte(ctx, b, '\\');
		fz_append_byte(ctx, b, *s);
	}
	fz_append_byte(ctx, b, ')');
}

/* The resource names the marks use; unlikely to be on a report's page. */
#define MARK_GS   "CCMarkGS"
#define MARK_FONT "CCMarkF"
#define MARK_SIZE 9.0f

/*
 * The content that draws marks over the page whose transform is ctm
 * (PDF space to the top-left space of struct cc_pdf_mark), in that
 * space: each box filled with a translucent yellow and outlined in red,
 * its label in red on white beside it.
 */
static fz_buffer *marks_content(fz_context *ctx, fz_matrix ctm,
				fz_rect bounds, const struct cc_pdf_mark *m,
				int n)
{
	fz_matrix inv = fz_invert_matrix(ctm);
	fz_buffer *b = fz_new_buffer(ctx, 512);
	int i;

	fz_try(ctx) {
		fz_append_printf(ctx, b, "Q\nq\n%g %g %g %g %g %g cm\n",
				 inv.a, inv.b, inv.c, inv.d, inv.e, inv.f);
		for (i = 0; i < n; i++) {
			fz_rect r = fz_make_rect(m[i].bbox[0] + bounds.x0,
						 m[i].bbox[1] + bounds.y0,
						 m[i].bbox[2] + bounds.x0,
						 m[i].bbox[3] + bounds.y0);
			float lw, lx, ly, tw = 0;
			const char *c;

			r = fz_intersect_rect(r, bounds);
			if (fz_is_empty_rect(r))
				continue;
			fz_append_printf(ctx, b, "q /%s gs 1 0.92 0.23 rg "
					 "%g %g %g %g re f Q\n", MARK_GS, r.x0,
					 r.y0, r.x1 - r.x0, r.y1 - r.y0);
			fz_append_printf(ctx, b, "q 0.8 0 0 RG 1.5 w "
					 "%g %g %g %g re S Q\n", r.x0, r.y0,
					 r.x1 - r.x0, r.y1 - r.y0);
			if (!m[i].label[0])
				continue;
			/* Helvetica is about 0.56 em wide on average */
			for (c = m[i].label; *c; c++)
				tw += MARK_SIZE * 0.56f;
			lw = tw + 6;
			/*
			 * The label's box, MARK_SIZE + 4 high, hides what is
			 * under it: in the margin left of the item when there
			 * is room, else above it, else inside at its top.
			 */
			if (r.x0 - bounds.x0 >= lw + 3) {
				lx = r.x0 - lw - 2;
				ly = r.y0;
			} else {
				lx = r.x0;
				ly = r.y0 - bounds.y0 >= MARK_SIZE + 5 ?
				     r.y0 - MARK_SIZE - 4 : r.y0 + 1;
			}
			fz_append_printf(ctx, b, "q 1 1 1 rg 0.8 0 0 RG 0.75 w "
					 "%g %g %g %g re B Q\n", lx, ly, lw,
					 MARK_SIZE + 4);
			fz_append_printf(ctx, b, "q BT /%s %g Tf 0.8 0 0 rg "
					 "1 0 0 -1 %g %g Tm ", MARK_FONT,
					 MARK_SIZE, lx + 3,
					 ly + MARK_SIZE + 1);
			put_string(ctx, b, m[i].label);
			fz_append_string(ctx, b, " Tj ET Q\n");
		}
		fz_append_string(ctx, b, "Q\n");
	}
	fz_catch(ctx) {
		fz_drop_buffer(ctx, b);
		fz_rethrow(ctx);
	}
	return b;
}

/* Add the marks' font and graphics state to a page's resources. */
static void marks_resources(fz_context *ctx, struct composer *c, pdf_obj *page)
{
	pdf_obj *res = pdf_dict_get(ctx, page, PDF_NAME(Resources));
	pdf_obj *sub, *o;

	if (!pdf_is_dict(ctx, res))
		res = pdf_dict_put_dict(ctx, page, PDF_NAME(Resources), 2);
	sub = pdf_dict_get(ctx, res, PDF_NAME(ExtGState));
	if (!pdf_is_dict(ctx, sub))
		sub = pdf_dict_put_dict(ctx, res, PDF_NAME(ExtGState), 1);
	o = pdf_dict_puts_dict(ctx, sub, MARK_GS, 2);
	pdf_dict_put_real(ctx, o, PDF_NAME(ca), 0.35);
	pdf_dict_put(ctx, o, PDF_NAME(BM), PDF_NAME(Multiply));
	sub = pdf_dict_get(ctx, res, PDF_NAME(Font));
	if (!pdf_is_dict(ctx, sub))
		sub = pdf_dict_put_dict(ctx, res, PDF_NAME(Font), 1);
	if (!c->mark_font) {
		o = pdf_new_dict(ctx, c->doc, 4);
		fz_try(ctx) {
			pdf_dict_put(ctx, o, PDF_NAME(Type), PDF_NAME(Font));
			pdf_dict_put(ctx, o, PDF_NAME(Subtype), PDF_NAME(Type1));
			pdf_dict_put_name(ctx, o, PDF_NAME(BaseFont), "Helvetica");
			pdf_dict_put(ctx, o, PDF_NAME(Encoding),
				     PDF_NAME(WinAnsiEncoding));
			c->mark_font = pdf_add_object(ctx, c->doc, o);
		}
		fz_always(ctx)
			pdf_drop_obj(ctx, o);
		fz_catch(ctx)
			fz_rethrow(ctx);
	}
	pdf_dict_puts(ctx, sub, MARK_FONT, c->mark_font);
}

/*
 * Graft page (0-based) of src at the end of c's document, and draw the
 * marks over it: its contents become [q, the page's own, Q and marks],
 * so nothing the page leaves in its graphics state touches the marks.
 */
static void compose_import(fz_context *ctx, struct composer *c,
			   pdf_graft_map *map, pdf_document *src, int page,
			   const struct cc_pdf_mark *m, int n)
{
	pdf_obj *pobj, *old, *arr = NULL;
	fz_buffer *b = NULL;
	fz_rect mediabox, bounds;
	fz_matrix ctm;
	int i, len;

	fz_var(arr);
	fz_var(b);
	fz_try(ctx) {
		pdf_graft_mapped_page(ctx, map, -1, src, page);
		pobj = pdf_lookup_page_obj(ctx, c->doc,
					   pdf_count_pages(ctx, c->doc) - 1);
		if (n > 0) {
			pdf_page_obj_transform(ctx, pobj, &mediabox, &ctm);
			bounds = fz_transform_rect(mediabox, ctm);
			marks_resources(ctx, c, pobj);
			arr = pdf_new_array(ctx, c->doc, 4);
			b = fz_new_buffer_from_copied_data(ctx,
				(const unsigned char *)"q\n", 2);
			pdf_array_push_drop(ctx, arr, pdf_add_stream(ctx, c->doc,
							b, NULL, 0));
			fz_drop_buffer(ctx, b);
			b = NULL;
			old = pdf_dict_get(ctx, pobj, PDF_NAME(Contents));
			if (pdf_is_array(ctx, old)) {
				len = pdf_array_len(ctx, old);
				for (i = 0; i < len; i++)
					pdf_array_push(ctx, arr,
						       pdf_array_get(ctx, old, i));
			} else if (pdf_is_stream(ctx, old)) {
				pdf_array_push(ctx, arr, old);
			}
			b = marks_content(ctx, ctm, bounds, m, n);
			pdf_array_push_drop(ctx, arr, pdf_add_stream(ctx, c->doc,
							b, NULL, 0));
			pdf_dict_put(ctx, pobj, PDF_NAME(Contents), arr);
		}
	}
	fz_always(ctx) {
		pdf_drop_obj(ctx, arr);
		fz_drop_buffer(ctx, b);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/*
 * The deflated data of a font file (or its ToUnicode map), raw[0..len):
 * from p's cache when it has been deflated before, for a document
 * embeds the same few fonts as every other, and deflating them again
 * would be half the cost of a letter.  Throws.
 */
static fz_buffer *deflated_font(fz_context *ctx, struct cc_pdf *p,
				const unsigned char *raw, size_t len)
{
	unsigned char *zd;
	fz_buffer *z;
	size_t zlen;
	int k;

	for (k = 0; k < p->nfonts; k++)
		if (p->fonts[k].len == len &&
		    !memcmp(p->fonts[k].raw, raw, len))
			return fz_new_buffer_from_shared_data(ctx,
				p->fonts[k].z, p->fonts[k].zlen);
	zd = fz_new_deflated_data(ctx, &zlen, raw, len, FZ_DEFLATE_DEFAULT);
	if (k == FONT_CACHE || len > FONT_CACHE_MAX)
		return fz_new_buffer_from_data(ctx, zd, zlen);
	p->fonts[k].raw = cc_xmalloc(len ? len : 1);
	memcpy(p->fonts[k].raw, raw, len);
	p->fonts[k].len = len;
	p->fonts[k].z = cc_xmalloc(zlen ? zlen : 1);
	memcpy(p->fonts[k].z, zd, zlen);
	p->fonts[k].zlen = zlen;
	p->nfonts++;
	fz_free(ctx, zd);
	z = fz_new_buffer_from_shared_data(ctx, p->fonts[k].z, zlen);
	return z;
}

/*
 * Deflate the streams of doc now, rather than leave it to the writer
 * (which leaves a stream that has a filter as it is): font files and
 * their ToUnicode maps as deflated_font() has them, the rest, page
 * contents, at zlib's fastest.  That makes them a third larger in less
 * than half the time: at the writer's level, they took a sixteenth of
 * the time of a report, whose file grows by a fortieth.
 */
static void deflate_streams(fz_context *ctx, struct cc_pdf *p,
			    pdf_document *doc)
{
	pdf_obj *ref = NULL;
	fz_buffer *raw = NULL, *z = NULL;
	unsigned char *data, *zd;
	size_t len, zlen;
	int i, n, font;

	fz_var(ref);
	fz_var(raw);
	fz_var(z);
	fz_try(ctx) {
		n = pdf_xref_len(ctx, doc);
		for (i = 1; i < n; i++) {
			if (!pdf_obj_num_is_stream(ctx, doc, i))
				continue;
			ref = pdf_new_indirect(ctx, doc, i, 0);
			if (!pdf_dict_get(ctx, ref, PDF_NAME(Filter))) {
				raw = pdf_load_raw_stream_number(ctx, doc, i);
				len = fz_buffer_storage(ctx, raw, &data);
				font = pdf_dict_get(ctx, ref,
						    PDF_NAME(Length1)) ||
				       (len >= 16 &&
					!memcmp(data, "/CIDInit", 8));
				if (font) {
					z = deflated_font(ctx, p, data, len);
				} else {
					zd = fz_new_deflated_data(ctx, &zlen,
						data, len,
						FZ_DEFLATE_BEST_SPEED);
					z = fz_new_buffer_from_data(ctx, zd,
								    zlen);
				}
				pdf_dict_put(ctx, ref, PDF_NAME(Filter),
					     PDF_NAME(FlateDecode));
				pdf_update_stream(ctx, doc, ref, z, 1);
				fz_drop_buffer(ctx, z);
				z = NULL;
				fz_drop_buffer(ctx, raw);
				raw = NULL;
			}
			pdf_drop_obj(ctx, ref);
			ref = NULL;
		}
	}
	fz_always(ctx) {
		fz_drop_buffer(ctx, z);
		fz_drop_buffer(ctx, raw);
		pdf_drop_obj(ctx, ref);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/*
 * Deflate the streams of c's document (deflate_streams()) and write it
 * into *out (malloc'd, *len bytes); without the faces add_faces() added
 * that no page uses.  Throws.
 */
static void write_doc(fz_context *ctx, struct composer *c,
		      unsigned char **out, size_t *len)
{
	pdf_document *doc = c->doc;
	pdf_write_options opts;
	fz_buffer *outbuf = NULL;
	fz_output *output = NULL;
	int i;

	fz_var(outbuf);
	fz_var(output);
	fz_try(ctx) {
		deflate_streams(ctx, c->p, doc);
		pdf_parse_write_options(ctx, &opts, "compress");
		for (i = 0; i < c->nfaces; i++)
			if (!font_used(ctx, doc, c->faces[i]))
				opts.do_garbage = 2;
		outbuf = fz_new_buffer(ctx, 64 << 10);
		output = fz_new_output_with_buffer(ctx, outbuf);
		pdf_write_document(ctx, doc, output, &opts);
		fz_close_output(ctx, output);
		take_buffer(ctx, outbuf, out, len);
	}
	fz_always(ctx) {
		fz_drop_output(ctx, output);
		fz_drop_buffer(ctx, outbuf);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

int cc_pdf_from_blocks(struct cc_pdf *p, const struct cc_pdf_block *blocks,
		       size_t n, const char *css,
		       const struct cc_pdf_html_opts *o, unsigned char **out,
		       size_t *len, struct cc_pdf_pos **pos, int *npos,
		       int *pages, struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	struct composer c = { 0 };
	struct pager pg = { compose_begin, compose_end, &c, report_footer };
	struct poslist l = { 0 };
	fz_archive *fonts = NULL;
	char *fcss = NULL, *allcss = NULL;
	int rc = 0;

	*out = NULL;
	*len = 0;
	*pages = 0;
	fz_var(fonts);
	fz_var(fcss);
	fz_var(allcss);
	fz_var(rc);
	fz_try(ctx) {
		c.p = p;
		c.o = o;
		c.doc = pdf_create_document(ctx);
		c.nfaces = add_faces(ctx, p, c.doc, o->family, c.faces);
		fonts = font_archive(ctx, o->family, &fcss);
		allcss = cc_xasprintf("%s%s", fcss, css);
		lay_out(ctx, &pg, blocks, n, allcss, fonts, o, o->footer,
			pos ? &l : NULL, pages);
		write_doc(ctx, &c, out, len);
	}
	fz_always(ctx) {
		compose_drop_page(ctx, &c);
		fz_drop_archive(ctx, fonts);
		pdf_drop_document(ctx, c.doc);
	}
	fz_catch(ctx) {
		rc = cc_error_set(e, CC_ERR_IO, "pdf.write",
				  "cannot lay out the document: %s",
				  fz_caught_message(ctx));
	}
	free(fcss);
	free(allcss);
	if (rc < 0) {
		free(l.v);
		return rc;
	}
	if (pos) {
		*pos = l.v;
		*npos = (int)l.n;
	} else {
		free(l.v);
	}
	return 0;
}

int cc_pdf_compose(struct cc_pdf *p, const struct cc_pdf_part *parts,
		   size_t n, const char *css, const struct cc_pdf_html_opts *o,
		   unsigned char **out, size_t *len, int *pages,
		   struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	struct composer c = { 0 };
	struct pager pg = { compose_begin, compose_end, &c, compose_footer };
	pdf_graft_map *map = NULL;
	pdf_document *from = NULL;
	fz_archive *fonts = NULL;
	char *fcss = NULL, *allcss = NULL;
	size_t i;
	int rc = 0;

	*out = NULL;
	*len = 0;
	*pages = 0;
	fz_var(map);
	fz_var(from);
	fz_var(fonts);
	fz_var(fcss);
	fz_var(allcss);
	fz_var(rc);
	fz_var(i);
	fz_try(ctx) {
		c.p = p;
		c.o = o;
		c.doc = pdf_create_document(ctx);
		c.nfaces = add_faces(ctx, p, c.doc, o->family, c.faces);
		fonts = font_archive(ctx, o->family, &fcss);
		allcss = cc_xasprintf("%s%s", fcss, css);
		for (i = 0; i < n; i++) {
			const struct cc_pdf_part *pt = &parts[i];

			if (!pt->doc) {
				lay_out(ctx, &pg, pt->blocks, pt->nblocks,
					allcss, fonts, o, pt->footer, NULL,
					pages);
				continue;
			}
			/* one graft map a source document in a row, so the
			 * resources its pages share are copied once */
			if (!map || from != pt->doc->doc) {
				pdf_drop_graft_map(ctx, map);
				map = NULL;
				map = pdf_new_graft_map(ctx, c.doc);
				from = pt->doc->doc;
			}
			if (pt->page < 0 ||
			    pt->page >= pdf_count_pages(ctx, from))
				fz_throw(ctx, FZ_ERROR_GENERIC,
					 "no page %d in the document to enclose",
					 pt->page + 1);
			compose_import(ctx, &c, map, from, pt->page, pt->marks,
				       pt->nmarks);
			++*pages;
		}
		pdf_drop_graft_map(ctx, map);
		map = NULL;
		write_doc(ctx, &c, out, len);
	}
	fz_always(ctx) {
		compose_drop_page(ctx, &c);
		pdf_drop_obj(ctx, c.mark_font);
		pdf_drop_graft_map(ctx, map);
		fz_drop_archive(ctx, fonts);
		pdf_drop_document(ctx, c.doc);
	}
	fz_catch(ctx) {
		rc = cc_error_set(e, CC_ERR_DATA, "pdf.write",
				  "cannot make the PDF: %s",
				  fz_caught_message(ctx));
	}
	free(fcss);
	free(allcss);
	if (rc < 0) {
		*pages = 0;
		return rc;
	}
	return 0;
}

int cc_pdf_scan(struct cc_pdf *p, const unsigned char *in, size_t inlen,
		const struct cc_pdf_scan_opts *o, unsigned char **out,
		size_t *len, struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	fz_stream *stm = NULL;
	pdf_document *doc = NULL;
	fz_page *page = NULL;
	fz_pixmap *pix = NULL;
	fz_buffer *outbuf = NULL, *jbuf = NULL;
	fz_output *output = NULL;
	fz_document_writer *w = NULL;
	fz_image *img = NULL;
	unsigned char *jpeg = NULL;
	size_t jlen = 0;
	struct cc_error je;
	int i, n, rc = 0;

	*out = NULL;
	*len = 0;
	fz_var(stm);
	fz_var(doc);
	fz_var(page);
	fz_var(pix);
	fz_var(outbuf);
	fz_var(jbuf);
	fz_var(output);
	fz_var(w);
	fz_var(img);
	fz_var(jpeg);
	fz_var(rc);
	fz_try(ctx) {
		stm = fz_open_memory(ctx, in, inlen);
		doc = pdf_open_document_with_stream(ctx, stm);
		n = pdf_count_pages(ctx, doc);
		outbuf = fz_new_buffer(ctx, 256 << 10);
		output = fz_new_output_with_buffer(ctx, outbuf);
		w = fz_new_pdf_writer_with_output(ctx, output, "compress");
		output = NULL;   /* the writer owns it now */
		for (i = 0; i < n; i++) {
			struct cc_scan_opts so;
			fz_rect bounds;
			fz_device *dev;
			double angle;
			float zoom = o->dpi / 72.0f;

			page = fz_load_page(ctx, &doc->super, i);
			bounds = fz_bound_page(ctx, page);
			pix = fz_new_pixmap_from_page(ctx, page, fz_scale(zoom, zoom),
						      fz_device_gray(ctx), 0);
			so.noise = o->noise;
			so.seed = o->seed + (unsigned long long)i * 7919;
			cc_scan_degrade(pix->samples, pix->w, pix->h,
					(int)pix->stride, &so, &angle);
			if (cc_jpeg_encode(pix->samples, pix->w, pix->h,
					   (int)pix->stride, o->quality, o->dpi,
					   &jpeg, &jlen, &je) < 0)
				fz_throw(ctx, FZ_ERROR_GENERIC, "%s", je.msg);
			jbuf = fz_new_buffer_from_copied_data(ctx, jpeg, jlen);
			free(jpeg);
			jpeg = NULL;
			img = fz_new_image_from_buffer(ctx, jbuf);
			fz_drop_buffer(ctx, jbuf);
			jbuf = NULL;
			dev = fz_begin_page(ctx, w, bounds);
			fz_fill_image(ctx, dev, img,
				      fz_make_matrix(bounds.x1 - bounds.x0, 0, 0,
						     bounds.y1 - bounds.y0,
						     bounds.x0, bounds.y0),
				      1, fz_default_color_params);
			fz_end_page(ctx, w);
			fz_drop_image(ctx, img);
			img = NULL;
			fz_drop_pixmap(ctx, pix);
			pix = NULL;
			fz_drop_page(ctx, page);
			page = NULL;
		}
		fz_close_document_writer(ctx, w);
		take_buffer(ctx, outbuf, out, len);
	}
	fz_always(ctx) {
		free(jpeg);
		fz_drop_image(ctx, img);
		fz_drop_buffer(ctx, jbuf);
		fz_drop_pixmap(ctx, pix);
		fz_drop_page(ctx, page);
		fz_drop_document_writer(ctx, w);
		fz_drop_output(ctx, output);
		fz_drop_buffer(ctx, outbuf);
		fz_drop_document(ctx, (fz_document *)doc);
		fz_drop_stream(ctx, stm);
	}
	fz_catch(ctx) {
		rc = cc_error_set(e, CC_ERR_IO, "pdf.write",
				  "cannot make the scanned copy: %s",
				  fz_caught_message(ctx));
	}
	return rc;
}
