/*
 * compose.c -- PDF documents made: HTML blocks laid out (layout.c) and
 * pages grafted from other PDFs with marks drawn over them, put together
 * in one pdf_document, its streams deflated, and written without a date
 * or a random ID, so the same parts give the same bytes.
 */
#include "pdf/impl.h"

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
	int faces[2], nfaces;    /* ccpdf_add_faces()' font objects */
	int hold;                /* pages held until the count is known */
	struct held {            /* a page laid out and not yet added */
		fz_device *dev;
		pdf_obj *res;
		fz_buffer *contents;
		fz_rect mediabox;
	} *held;
	size_t nheld, aheld;
};

static void compose_footer(fz_context *ctx, void *arg, fz_device *dev,
			   const char *footer, int page)
{
	struct composer *c = arg;
	const struct cc_pdf_html_opts *o = c->o;
	fz_font *font = ccpdf_footer_font(ctx, c->p, o->family);
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

/* A report's footer (cc_pdf_from_blocks()): ccpdf_draw_footer(). */
static void report_footer(fz_context *ctx, void *arg, fz_device *dev,
			  const char *footer, int page)
{
	struct composer *c = arg;

	ccpdf_draw_footer(ctx, c->p, dev, c->o, footer, page);
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

	if (c->hold) {
		/* kept open, to draw the running lines on when the page
		 * count is known (add_held()) */
		CC_GROW(c->held, c->aheld, c->nheld + 1);
		c->held[c->nheld].dev = c->dev;
		c->held[c->nheld].res = c->res;
		c->held[c->nheld].contents = c->contents;
		c->held[c->nheld].mediabox = c->mediabox;
		c->nheld++;
		c->dev = NULL;
		c->res = NULL;
		c->contents = NULL;
		return;
	}
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
 * The objects of the faces' fonts, as ccpdf_add_faces() adds them to a
 * new document and write_doc() deflates them: made once for the run in
 * a document of their own, and copied into each new document, the same
 * objects under the same numbers.  Making them again for every letter,
 * the width of every glyph, the ToUnicode map of every character and
 * the comparison of the font files with deflated_font()'s, was a
 * twentieth of the time of a letter; copying them is a fraction of it.
 */
struct faces_doc {
	pdf_document *doc;
	char *family;            /* "" for none */
	int lo, hi;              /* the objects [lo, hi) */
	int n, num[2];           /* ccpdf_add_faces()' */
	fz_font *font[2];        /* borrowed: p->face[] */
};

void ccpdf_faces_free(struct cc_pdf *p)
{
	if (!p->faces)
		return;
	pdf_drop_document(p->ctx, p->faces->doc);
	free(p->faces->family);
	free(p->faces);
	p->faces = NULL;
}

/* The faces of family in a document of their own, kept in p.  Throws. */
static struct faces_doc *faces_doc(fz_context *ctx, struct cc_pdf *p,
				   const char *family)
{
	const char *name = family ? family : "";
	struct faces_doc *f;

	if (p->faces && !strcmp(p->faces->family, name))
		return p->faces;
	ccpdf_faces_free(p);
	f = cc_xcalloc(1, sizeof(*f));
	f->family = cc_xstrdup(name);
	fz_try(ctx) {
		f->doc = pdf_create_document(ctx);
		f->lo = pdf_xref_len(ctx, f->doc);
		f->n = ccpdf_add_faces(ctx, p, f->doc, family, f->num, f->font);
		f->hi = pdf_xref_len(ctx, f->doc);
		deflate_streams(ctx, p, f->doc);
	}
	fz_catch(ctx) {
		pdf_drop_document(ctx, f->doc);
		free(f->family);
		free(f);
		fz_rethrow(ctx);
	}
	p->faces = f;
	return f;
}

/* 1 when obj is an array of numbers and arrays of numbers. */
static int numbers(fz_context *ctx, pdf_obj *obj)
{
	pdf_obj *item;
	int i, n;

	if (pdf_is_indirect(ctx, obj) || !pdf_is_array(ctx, obj))
		return 0;
	n = pdf_array_len(ctx, obj);
	for (i = 0; i < n; i++) {
		item = pdf_array_get(ctx, obj, i);
		if (!pdf_is_number(ctx, item) && !numbers(ctx, item))
			return 0;
	}
	return 1;
}

/*
 * obj of another document as an object of doc, its references to
 * objects of doc under the same numbers.  An array of numbers (the
 * widths of the glyphs, the largest of the objects) is the same object
 * in both: nothing in it names its document, and nothing changes it.
 * Throws.
 */
static pdf_obj *copy_obj(fz_context *ctx, pdf_document *doc, pdf_obj *obj)
{
	pdf_obj *copy;
	int i, n;

	if (pdf_is_indirect(ctx, obj))
		return pdf_new_indirect(ctx, doc, pdf_to_num(ctx, obj),
					pdf_to_gen(ctx, obj));
	if (numbers(ctx, obj))
		return pdf_keep_obj(ctx, obj);
	if (pdf_is_array(ctx, obj)) {
		n = pdf_array_len(ctx, obj);
		copy = pdf_new_array(ctx, doc, n);
		fz_try(ctx)
			for (i = 0; i < n; i++)
				pdf_array_push_drop(ctx, copy, copy_obj(ctx, doc,
					pdf_array_get(ctx, obj, i)));
		fz_catch(ctx) {
			pdf_drop_obj(ctx, copy);
			fz_rethrow(ctx);
		}
		return copy;
	}
	if (pdf_is_dict(ctx, obj)) {
		n = pdf_dict_len(ctx, obj);
		copy = pdf_new_dict(ctx, doc, n);
		fz_try(ctx)
			for (i = 0; i < n; i++)
				pdf_dict_put_drop(ctx, copy,
					pdf_dict_get_key(ctx, obj, i),
					copy_obj(ctx, doc,
						 pdf_dict_get_val(ctx, obj, i)));
		fz_catch(ctx) {
			pdf_drop_obj(ctx, copy);
			fz_rethrow(ctx);
		}
		return copy;
	}
	return pdf_deep_copy_obj(ctx, obj);
}

/*
 * ccpdf_add_faces() for c's new document: the objects of faces_doc()
 * copied, and made the document's font resources for p's fonts, so
 * that text in them uses them.  Deflated already, write_doc() leaves
 * them as they are.  Throws.
 */
static int add_faces(fz_context *ctx, struct cc_pdf *p, pdf_document *doc,
		     const char *family, int num[2])
{
	struct faces_doc *f = faces_doc(ctx, p, family);
	pdf_font_resource_key key;
	pdf_obj *src = NULL, *obj = NULL, *ref = NULL;
	fz_font *font[2];
	int i;

	if (pdf_xref_len(ctx, doc) != f->lo)
		return ccpdf_add_faces(ctx, p, doc, family, num, font);
	fz_var(src);
	fz_var(obj);
	fz_var(ref);
	fz_try(ctx) {
		for (i = f->lo; i < f->hi; i++) {
			if (pdf_create_object(ctx, doc) != i)
				fz_throw(ctx, FZ_ERROR_GENERIC,
					 "font object %d out of place", i);
			src = pdf_load_object(ctx, f->doc, i);
			obj = copy_obj(ctx, doc, src);
			pdf_update_object(ctx, doc, i, obj);
			if (pdf_obj_num_is_stream(ctx, f->doc, i)) {
				ref = pdf_new_indirect(ctx, doc, i, 0);
				pdf_update_stream(ctx, doc, ref,
					pdf_get_xref_entry(ctx, f->doc, i)->stm_buf,
					1);
				pdf_drop_obj(ctx, ref);
				ref = NULL;
			}
			pdf_drop_obj(ctx, obj);
			obj = NULL;
			pdf_drop_obj(ctx, src);
			src = NULL;
		}
		for (i = 0; i < f->n; i++) {
			ref = pdf_find_font_resource(ctx, doc,
						     PDF_CID_FONT_RESOURCE, 0,
						     f->font[i], &key);
			if (ref)
				fz_throw(ctx, FZ_ERROR_GENERIC,
					 "font resource already present");
			ref = pdf_new_indirect(ctx, doc, f->num[i], 0);
			pdf_drop_obj(ctx, pdf_insert_font_resource(ctx, doc,
								   &key, ref));
			pdf_drop_obj(ctx, ref);
			ref = NULL;
			num[i] = f->num[i];
		}
	}
	fz_always(ctx) {
		pdf_drop_obj(ctx, src);
		pdf_drop_obj(ctx, obj);
		pdf_drop_obj(ctx, ref);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
	return f->n;
}

/*
 * Deflate the streams of c's document (deflate_streams()) and write it
 * into *out (malloc'd, *len bytes); without the faces ccpdf_add_faces()
 * added that no page uses.  Throws, FZ_ERROR_MEMORY too when mupdf ran
 * out of memory on the way and went on (ccpdf_check_memory()).
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
			if (!ccpdf_font_used(ctx, doc, c->faces[i]))
				opts.do_garbage = 2;
		outbuf = fz_new_buffer(ctx, 64 << 10);
		output = fz_new_output_with_buffer(ctx, outbuf);
		pdf_write_document(ctx, doc, output, &opts);
		fz_close_output(ctx, output);
		ccpdf_check_memory(c->p);
		ccpdf_take_buffer(ctx, outbuf, out, len);
	}
	fz_always(ctx) {
		fz_drop_output(ctx, output);
		fz_drop_buffer(ctx, outbuf);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/*
 * The pages c held, each with the running lines of o drawn over it and
 * its number of the count, added to the document in order.
 */
static void add_held(fz_context *ctx, struct composer *c,
		     const struct cc_pdf_html_opts *o)
{
	size_t i;

	c->hold = 0;
	for (i = 0; i < c->nheld; i++) {
		struct held *h = &c->held[i];

		ccpdf_draw_running(ctx, c->p, h->dev, o->running, o->nrunning,
				   (int)i + 1, (int)c->nheld);
		c->dev = h->dev;
		c->res = h->res;
		c->contents = h->contents;
		c->mediabox = h->mediabox;
		memset(h, 0, sizeof(*h));
		compose_end(ctx, c);
	}
}

/* What add_held() has not added, released. */
static void drop_held(fz_context *ctx, struct composer *c)
{
	size_t i;

	for (i = 0; i < c->nheld; i++) {
		fz_drop_device(ctx, c->held[i].dev);
		pdf_drop_obj(ctx, c->held[i].res);
		fz_drop_buffer(ctx, c->held[i].contents);
	}
	free(c->held);
	c->held = NULL;
	c->nheld = c->aheld = 0;
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
	p->nomem = 0;
	fz_var(fonts);
	fz_var(fcss);
	fz_var(allcss);
	fz_var(rc);
	fz_try(ctx) {
		c.p = p;
		c.o = o;
		c.doc = pdf_create_document(ctx);
		c.nfaces = add_faces(ctx, p, c.doc, o->family, c.faces);
		fonts = ccpdf_font_archive(ctx, o->family, &fcss);
		allcss = cc_xasprintf("%s%s", fcss, css);
		c.hold = o->running && o->nrunning > 0;
		ccpdf_lay_out(ctx, p, &pg, blocks, n, allcss, fonts, o,
			      o->footer, pos ? &l : NULL, pages);
		if (c.hold)
			add_held(ctx, &c, o);
		write_doc(ctx, &c, out, len);
	}
	fz_always(ctx) {
		compose_drop_page(ctx, &c);
		drop_held(ctx, &c);
		fz_drop_archive(ctx, fonts);
		pdf_drop_document(ctx, c.doc);
	}
	fz_catch(ctx) {
		rc = ccpdf_error(p, e, CC_ERR_IO, "pdf.write",
				 "cannot lay out the document");
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
	p->nomem = 0;
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
		fonts = ccpdf_font_archive(ctx, o->family, &fcss);
		allcss = cc_xasprintf("%s%s", fcss, css);
		for (i = 0; i < n; i++) {
			const struct cc_pdf_part *pt = &parts[i];

			if (!pt->doc) {
				ccpdf_lay_out(ctx, p, &pg, pt->blocks,
					      pt->nblocks, allcss, fonts, o,
					      pt->footer, NULL, pages);
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
		rc = ccpdf_error(p, e, CC_ERR_DATA, "pdf.write",
				 "cannot make the PDF");
	}
	free(fcss);
	free(allcss);
	if (rc < 0) {
		*pages = 0;
		return rc;
	}
	return 0;
}
