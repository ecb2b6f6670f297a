/*
 * pdf.c -- the mupdf context cc keeps, and its version.  lib/pdf is the
 * only part of lib/ that includes mupdf (impl.h says which file does
 * what).
 */
#include "pdf/impl.h"
#include "pdf/scan.h"

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

/* Copy a fz_buffer's bytes into a malloc'd block. */
void ccpdf_take_buffer(fz_context *ctx, fz_buffer *buf, unsigned char **out,
		       size_t *len)
{
	unsigned char *data;
	size_t n = fz_buffer_storage(ctx, buf, &data);

	*out = cc_xmalloc(n ? n : 1);
	memcpy(*out, data, n);
	*len = n;
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
		ccpdf_take_buffer(ctx, outbuf, out, len);
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
