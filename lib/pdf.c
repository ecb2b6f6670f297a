/*
 * pdf.c -- the mupdf wrapper.  The only file of lib/ that includes mupdf.
 */
#include "cc.h"
#include "pdf.h"

#include <ctype.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

struct cc_pdf {
	fz_context *ctx;
	int nerrors;             /* errors mupdf caught and recovered from */
	char first_error[256];   /* the first of them since the last reset */
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
	if (!p)
		return;
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

/* 1 when the page draws real text.  Throws on a damaged page. */
static int page_has_text(fz_context *ctx, pdf_document *doc, int n)
{
	struct count_dev *dev;
	fz_cookie cookie;
	pdf_page *page = NULL;
	int chars = 0;

	fz_var(page);
	fz_var(chars);
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
