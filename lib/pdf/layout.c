/*
 * layout.c -- HTML blocks laid out on pages by mupdf's stories: the
 * pager the pages go to, the fonts kept for the run, and where each
 * owner's blocks land.
 */
#include "pdf/impl.h"

#include <ctype.h>

/*
 * The built-in face of a generic family, for footer lines: one font
 * object for the whole run, so that the cost of a story (its style
 * sheet, its fonts) is not paid on every page.  Text in a family embeds
 * the same font already.
 */
fz_font *ccpdf_footer_font(fz_context *ctx, struct cc_pdf *p,
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
void ccpdf_draw_footer(fz_context *ctx, struct cc_pdf *p, fz_device *dev,
		       const struct cc_pdf_html_opts *o, const char *footer,
		       int page)
{
	fz_font *font = ccpdf_footer_font(ctx, p, "sans-serif");
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

/*
 * Draw the running lines r[0..n) of page (1-based) of pages: each a
 * printf format given the two numbers, in the built-in face of its
 * family, placed as struct cc_pdf_running says.
 */
void ccpdf_draw_running(fz_context *ctx, struct cc_pdf *p, fz_device *dev,
			const struct cc_pdf_running *r, int n, int page,
			int pages)
{
	const float black[1] = { 0 };
	fz_text *text = NULL;
	fz_matrix end;
	char line[512];
	float x;
	int i;

	fz_var(text);
	fz_try(ctx) {
		for (i = 0; i < n; i++) {
			fz_font *font = ccpdf_footer_font(ctx, p, r[i].family);

			if (!r[i].text || !*r[i].text)
				continue;
			if ((r[i].first && page < r[i].first) ||
			    (r[i].last && page > r[i].last))
				continue;
			snprintf(line, sizeof(line), r[i].text, page, pages);
			x = r[i].x;
			if (r[i].align >= 0) {
				end = fz_measure_string(ctx, font,
							fz_scale(r[i].size, -r[i].size),
							line, 0, 0, FZ_BIDI_LTR,
							FZ_LANG_UNSET);
				x -= r[i].align ? end.e : end.e / 2;
			}
			text = fz_new_text(ctx);
			fz_show_string(ctx, text, font,
				       fz_make_matrix(r[i].size, 0, 0, -r[i].size,
						      x, r[i].y),
				       line, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
			fz_fill_text(ctx, dev, text, fz_identity,
				     fz_device_gray(ctx), black, 1,
				     fz_default_color_params);
			fz_drop_text(ctx, text);
			text = NULL;
		}
	}
	fz_always(ctx)
		fz_drop_text(ctx, text);
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* Grow the box of owner on its first page by r (positions for `src`),
 * and note the last page it reaches. */
static void note_position(struct poslist *l, const char *owner, int page,
			  fz_rect r)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].id, owner) != 0)
			continue;
		if (page > l->v[i].last_page)
			l->v[i].last_page = page;
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
	l->v[l->n].last_page = page;
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

fz_archive *ccpdf_font_archive(fz_context *ctx, const char *family,
			       char **css)
{
	fz_archive *arch = fz_new_tree_archive(ctx, NULL);
	fz_buffer *buf = NULL;
	struct cc_buf b = { 0 };
	size_t i;

	fz_var(buf);
	fz_try(ctx) {
		for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
			int len = 0;
			const unsigned char *data;

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
			buf = NULL;
			cc_buf_addf(&b, "@font-face { font-family: %s; font-weight: %s; "
				    "src: url(%s); }\n", faces[i].family,
				    faces[i].weight, faces[i].file);
		}
	}
	fz_catch(ctx) {
		/* the archive takes a reference of its own: ours is not
		 * dropped when adding it fails */
		fz_drop_buffer(ctx, buf);
		fz_drop_archive(ctx, arch);
		cc_buf_release(&b);
		fz_rethrow(ctx);
	}
	*css = cc_buf_detach(&b);
	return arch;
}

/* The font of faces[i], made once for the run; NULL when mupdf has no
 * such built-in font.  Throws. */
static fz_font *face_font(fz_context *ctx, struct cc_pdf *p, size_t i)
{
	const unsigned char *data;
	fz_buffer *buf;
	int len = 0;

	if (p->face[i])
		return p->face[i];
	data = fz_lookup_builtin_font(ctx, faces[i].font, faces[i].bold, 0,
				      &len);
	if (!data)
		return NULL;
	buf = fz_new_buffer_from_shared_data(ctx, data, (size_t)len);
	fz_try(ctx)
		p->face[i] = fz_new_font_from_buffer(ctx, NULL, buf, 0, 0);
	fz_always(ctx)
		fz_drop_buffer(ctx, buf);
	fz_catch(ctx)
		fz_rethrow(ctx);
	return p->face[i];
}

/*
 * Add the fonts of family's faces to doc before a story draws in them,
 * and put their object numbers in num[] (two at most); the count.  A
 * font a document has not seen costs the advance of every glyph in it,
 * which FreeType gets by loading the glyph; these fonts, the ones
 * stories draw in (new_story()), load them once for the run.  A face no
 * text uses goes when the document is written (compose.c's
 * write_doc()).
 */
int ccpdf_add_faces(fz_context *ctx, struct cc_pdf *p, pdf_document *doc,
		    const char *family, int num[2], fz_font *fonts[2])
{
	fz_font *font;
	pdf_obj *ref;
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
		if (!family || strcmp(family, faces[i].family) != 0)
			continue;
		font = face_font(ctx, p, i);
		if (!font)
			continue;
		ref = pdf_add_cid_font(ctx, doc, font);
		if (n < 2) {
			fonts[n] = font;
			num[n++] = pdf_to_num(ctx, ref);
		}
		pdf_drop_obj(ctx, ref);
	}
	return n;
}

/*
 * The start of mupdf 1.21's struct fz_story_s (source/html/html-imp.h),
 * which its headers do not show, up to the font set the story styles
 * its text with; the rest only to check that this is what mupdf made.
 */
#if FZ_VERSION_MAJOR == 1 && FZ_VERSION_MINOR == 21
#define STORY_FONTS 1
struct story_head {
	fz_storable storable;
	void *pool;
	void *root;
	char *user_css;
	fz_xml *dom;
	struct font_set_head *font_set;
	void *restart[2][5];     /* fz_html_restarter, place and draw */
	int complete;
	fz_rect bbox;
	float em;
};

/* html-imp.h's fz_html_font_set (a story's fonts) and the
 * fz_html_font_face of each @font-face rule loaded into it */
struct face_head {
	char *family;
	int is_bold, is_italic, is_small_caps;
	fz_font *font;
	char *src;
	struct face_head *next;
};

struct font_set_head {
	fz_font *fonts[12];
	struct face_head *custom;
};

/*
 * Put font in a story's font set as the face of family in weight bold
 * that a @font-face rule loaded from src, as html-font.c's
 * fz_add_html_font_face() does; but without its leak when it runs out
 * of memory.  Throws.
 */
static void add_face(fz_context *ctx, struct font_set_head *set,
		     const char *family, int bold, const char *src,
		     fz_font *font)
{
	struct face_head *f = fz_malloc_struct(ctx, struct face_head);

	fz_try(ctx) {
		f->family = fz_strdup(ctx, family);
		f->src = fz_strdup(ctx, src);
	}
	fz_catch(ctx) {
		fz_free(ctx, f->family);
		fz_free(ctx, f);
		fz_rethrow(ctx);
	}
	f->is_bold = bold;
	f->font = fz_keep_font(ctx, font);
	f->next = set->custom;
	set->custom = f;
}
#else
#define STORY_FONTS 0
#endif

/*
 * A story of the HTML in buf, styled by css, which holds the @font-face
 * rules of family's faces over the files of fonts
 * (ccpdf_font_archive()).  With mupdf 1.21, whose story we can see into
 * (story_head), two of its costs are not paid:
 *
 * - A story loads the fonts of its rules anew, each one a FreeType face
 *   made from the file, the advance of each glyph loaded again and the
 *   file's digest computed again when the story draws in it (a fifth of
 *   a letter's time); but it loads no font its font set already has
 *   from the same file.  So its set is given p's fonts for the run
 *   first: the same files, so the same text and the same document.
 * - It parses its HTML with gumbo, a tenth of a letter's time.  When
 *   plain is set and the HTML is of the kind that mupdf's XML parser
 *   reads as gumbo does (html.c), the story is made of no HTML, and its
 *   document is then what the XML parser makes of ccpdf_html_xml()'s
 *   XML: the same tree.
 *
 * Any other version, or a story not as expected, is made and loads its
 * fonts as before.  Throws.
 */
static fz_story *new_story(fz_context *ctx, struct cc_pdf *p, fz_buffer *in,
			   const char *css, fz_archive *fonts, float em,
			   const char *family, int plain)
{
#if STORY_FONTS
	struct cc_buf xml = { 0 };
	struct story_head *h;
	fz_story *story = NULL;
	fz_buffer *buf = NULL;
	fz_xml *dom = NULL;
	char src[64];
	fz_font *font;
	size_t i;

	fz_var(story);
	fz_var(buf);
	fz_var(dom);
	fz_try(ctx) {
		if (plain && ccpdf_html_xml(fz_string_from_buffer(ctx, in),
					    &xml)) {
			buf = fz_new_buffer_from_copied_data(ctx,
				(const unsigned char *)xml.s, xml.len);
			dom = fz_parse_xml(ctx, buf, 1);
		}
		story = fz_new_story(ctx, dom ? NULL : in, css, em, fonts);
		h = (struct story_head *)story;
		if (h->storable.refs != 1 || !h->user_css ||
		    strcmp(h->user_css, css) != 0 || !h->dom ||
		    h->dom != fz_story_document(ctx, story) || !h->font_set ||
		    h->font_set->custom || h->complete || h->em != em) {
			if (dom) {
				fz_drop_story(ctx, story);
				story = NULL;
				story = fz_new_story(ctx, in, css, em, fonts);
			}
			break;
		}
		if (dom) {
			fz_drop_xml(ctx, h->dom);
			h->dom = dom;
			dom = NULL;
		}
		for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
			if (!family || strcmp(family, faces[i].family) != 0)
				continue;
			font = face_font(ctx, p, i);
			if (!font)
				continue;
			/* the path fz_add_css_font_face() makes of the url */
			snprintf(src, sizeof(src), "./%s", faces[i].file);
			add_face(ctx, h->font_set, faces[i].family,
				 faces[i].bold, src, font);
		}
	}
	fz_always(ctx) {
		fz_drop_xml(ctx, dom);
		fz_drop_buffer(ctx, buf);
		cc_buf_release(&xml);
	}
	fz_catch(ctx) {
		fz_drop_story(ctx, story);
		fz_rethrow(ctx);
	}
	return story;
#else
	(void)p;
	(void)family;
	(void)plain;
	return fz_new_story(ctx, in, css, em, fonts);
#endif
}

/*
 * Have story make its boxes of its document now, as mupdf does on the
 * first placement, but so that running out of memory on the way does
 * not drop the story twice.  mupdf 1.21's xml_to_boxes() then drops the
 * story's reference to itself when it fails making the boxes (it drops
 * the tree, which is the story), or, when it fails before, the
 * document the story still holds; fz_drop_story() afterwards freed what
 * was freed.  So a reference of ours to each is taken first, and what
 * mupdf dropped is found from the story (story_head): ours then stands
 * for it.  With another version, the first placement makes the boxes.
 * Throws.
 */
static void story_boxes(fz_context *ctx, fz_story *story)
{
#if STORY_FONTS
	struct story_head *h = (struct story_head *)story;
	fz_xml *dom = fz_keep_xml(ctx, h->dom);

	fz_keep_storable(ctx, &h->storable);
	fz_try(ctx) {
		/* converts the document to boxes, as a placement would */
		(void)fz_story_warnings(ctx, story);
	}
	fz_catch(ctx) {
		if (!h->dom) {
			/* the boxes were made, and the story dropped the
			 * document */
			fz_drop_xml(ctx, dom);
			fz_drop_storable(ctx, &h->storable);
		} else if (h->storable.refs == 1) {
			/* mupdf dropped the story's reference: ours is it */
			fz_drop_xml(ctx, dom);
		} else {
			/* mupdf dropped the document the story holds: our
			 * reference is the story's */
			fz_drop_storable(ctx, &h->storable);
		}
		fz_rethrow(ctx);
	}
	fz_drop_xml(ctx, dom);
	fz_drop_storable(ctx, &h->storable);
#else
	(void)ctx;
	(void)story;
#endif
}

/* 1 when some page of doc has font object num among its resources. */
int ccpdf_font_used(fz_context *ctx, pdf_document *doc, int num)
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

/* Where blocks go on a page: inside the margins. */
static fz_rect page_area(const struct cc_pdf_html_opts *o)
{
	float top = o->margin_top > o->margin ? o->margin_top : o->margin;

	return fz_make_rect(o->margin, top, o->width - o->margin,
			    o->height - o->margin);
}

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
 * (1em of margin above and below); for ccpdf_lay_out()'s story of all
 * the blocks, none, the block's box having that margin (LAYOUT_CSS).
 */
#define EACH_BODY_CSS \
	"body{margin-top:1em;margin-bottom:1em;padding-top:0;" \
	"padding-bottom:0;border-top-style:none;border-bottom-style:none}"
#define ONE_BODY_CSS \
	"body{margin-top:0;margin-bottom:0;padding-top:0;" \
	"padding-bottom:0;border-top-style:none;border-bottom-style:none}"

/*
 * ccpdf_lay_out() with a story for each block: for blocks that cannot
 * share a story (blocks_intact()), and for none.  The same pages, at the
 * cost of a style sheet, a box tree and fonts for every block.
 */
static void lay_out_each(fz_context *ctx, struct cc_pdf *p,
		    const struct pager *pg,
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
	area = page_area(o);
	eachcss = cc_xasprintf("%s\n" EACH_BODY_CSS, css);
	fz_try(ctx) {
		where = area;
		dev = pg->begin(ctx, pg->arg, mediabox);
		++*pages;
		for (i = 0; i < n; i++) {
			in = fz_new_buffer_from_copied_data(ctx,
				(const unsigned char *)blocks[i].html,
				strlen(blocks[i].html));
			story = new_story(ctx, p, in, eachcss, fonts, 10,
					  o->family, 0);
			story_boxes(ctx, story);
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
 * ccpdf_lay_out() sets all the blocks in one story, block i as
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

/* The blocks whose box starts in an area of ccpdf_lay_out()'s story. */
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
 * which would apply to them all, and story's body is what
 * ccpdf_lay_out() wrote, n blocks each in its boxes: no block's HTML
 * closed a box it did not open, or left one open.
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
 * area, it goes on laying out below it, as on a next page.)  A page
 * that starts with the rest of a block is placed in the page's area
 * first: when that goes on over the next page too, or ends the blocks,
 * it is the page, and the higher area is not needed.  Each placement
 * lays out all it holds again, every word measured anew: they are
 * most of a letter's time.
 */
void ccpdf_lay_out(fz_context *ctx, struct cc_pdf *p, const struct pager *pg,
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
	int first = *pages, more, done = 0, cont = 0, rest, split, tall_last;
	size_t i, k, next = 0;
	float cut;

	if (n == 0) {
		lay_out_each(ctx, p, pg, blocks, n, css, fonts, o, footer, l,
			     pages);
		return;
	}
	mediabox = fz_make_rect(0, 0, o->width, o->height);
	area = page_area(o);
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
		story = new_story(ctx, p, in, allcss, fonts, 10, o->family,
				  1);
		if (!blocks_intact(ctx, story, blocks, n)) {
			lay_out_each(ctx, p, pg, blocks, n, css, fonts, o,
				     footer, l, pages);
			break;
		}
		story_boxes(ctx, story);
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
			rest = cont;
			k = next;
			split = 0;
			cut = -1;
			tall_last = 0;
			if (rest) {
				/* when the rest of block next - 1 goes on over
				 * the next page too, or ends the blocks, the
				 * page is mupdf's placement in the area: no
				 * tall one is needed */
				more = place(ctx, story, area, &ra);
				if (more && ra.hi == ra.lo) {
					/* it goes on over the next page too */
				} else if (next == n) {
					done = 1;
				} else {
					cont = 0;
					place(ctx, story, tall, &rt);
					tall_last = 1;
					if (rt.seen[next] & REACH_BOX)
						cut = rt.y0[next];
				}
			} else {
				place(ctx, story, tall, &rt);
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
			} else if (tall_last) {
				/* the page is the placement in the area */
				place(ctx, story, area, NULL);
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
