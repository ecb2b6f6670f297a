/*
 * fakescan.c -- the scan simulator, for cc-synth(1) only: it makes a
 * clean PDF look like a fax or a scanner's output, to test OCR on.
 * Nothing here reads a scan.  Each page is rendered in grey, degraded
 * (a grey background, a slight rotation, blur, noise, specks), JPEG
 * compressed and placed on a page of its own size: an image-only PDF
 * (cc_pdf_scan()).  Deterministic for a given seed.
 */
#include "pdf/impl.h"

#include <math.h>
#include <setjmp.h>
#include <jpeglib.h>

struct degrade_opts {
	int noise;          /* 0 clean .. 3 rough; 1 is the default */
	uint64_t seed;
};

static uint64_t mix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [0, 1) */
static double unit(uint64_t *s)
{
	return (double)(mix(s) >> 11) / 9007199254740992.0;
}

/* Rotate by angle degrees about the centre, bilinear, white outside. */
static void rotate(unsigned char *pix, int w, int h, int stride, double angle)
{
	unsigned char *src = cc_xmalloc((size_t)stride * (size_t)h);
	double a = angle * M_PI / 180.0, c = cos(a), s = sin(a);
	double cx = w / 2.0, cy = h / 2.0;
	int x, y;

	memcpy(src, pix, (size_t)stride * (size_t)h);
	for (y = 0; y < h; y++) {
		double dy = y - cy;
		/* source position for x = 0, then step along the row */
		double sx = c * (0 - cx) + s * dy + cx;
		double sy = -s * (0 - cx) + c * dy + cy;

		for (x = 0; x < w; x++, sx += c, sy -= s) {
			int x0 = (int)floor(sx), y0 = (int)floor(sy);
			double fx = sx - x0, fy = sy - y0, v;
			int p00, p01, p10, p11;

			if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
				pix[y * stride + x] = 255;
				continue;
			}
			p00 = src[y0 * stride + x0];
			p01 = src[y0 * stride + x0 + 1];
			p10 = src[(y0 + 1) * stride + x0];
			p11 = src[(y0 + 1) * stride + x0 + 1];
			v = p00 * (1 - fx) * (1 - fy) + p01 * fx * (1 - fy) +
			    p10 * (1 - fx) * fy + p11 * fx * fy;
			pix[y * stride + x] = (unsigned char)(v + 0.5);
		}
	}
	free(src);
}

/* A 3x3 box blur, weighted towards the centre by weight (0..1). */
static void blur(unsigned char *pix, int w, int h, int stride, double weight)
{
	unsigned char *src = cc_xmalloc((size_t)stride * (size_t)h);
	int x, y, sum;

	memcpy(src, pix, (size_t)stride * (size_t)h);
	for (y = 1; y < h - 1; y++)
		for (x = 1; x < w - 1; x++) {
			const unsigned char *p = src + y * stride + x;

			sum = p[-stride - 1] + p[-stride] + p[-stride + 1] +
			      p[-1] + p[1] +
			      p[stride - 1] + p[stride] + p[stride + 1];
			pix[y * stride + x] = (unsigned char)
				(p[0] * (1 - weight) + (sum / 8.0) * weight + 0.5);
		}
	free(src);
}

/*
 * Degrade the 8-bit grey image pix (w x h, rows of stride bytes) in place;
 * the rotation angle used, in degrees, is stored in *angle.
 */
static void degrade(unsigned char *pix, int w, int h, int stride,
		    const struct degrade_opts *o, double *angle)
{
	uint64_t s = o->seed ^ 0x5ca11ed5ca11ed5ULL;
	int level = o->noise < 0 ? 0 : o->noise > 3 ? 3 : o->noise;
	double rot = level ? (unit(&s) * 2 - 1) * (0.4 + 0.5 * level) : 0;
	int bg = 255 - (int)(unit(&s) * 12 * level), x, y, v, n;
	double amp = 6.0 * level;

	if (rot != 0)
		rotate(pix, w, h, stride, rot);
	if (level)
		blur(pix, w, h, stride, 0.25 + 0.15 * level);
	for (y = 0; y < h; y++) {
		unsigned char *row = pix + y * stride;

		for (x = 0; x < w; x++) {
			/* paper tone: white becomes the background grey */
			v = row[x] * bg / 255;
			if (amp > 0)
				v += (int)((unit(&s) - 0.5) * amp);
			row[x] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
		}
	}
	/* specks and dropouts, as a dirty glass leaves */
	n = level * w * h / 40000;
	while (n-- > 0) {
		x = (int)(unit(&s) * w);
		y = (int)(unit(&s) * h);
		pix[y * stride + x] = unit(&s) < 0.8 ? 40 : 255;
	}
	*angle = rot;
}

struct jerr {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
};

static void jpeg_fail(j_common_ptr cinfo)
{
	longjmp(((struct jerr *)cinfo->err)->jump, 1);
}

/*
 * Encode a grey image as a baseline JPEG at quality (1..100), in DPI
 * dpi.  *out is malloc'd (the caller frees).  0 or CC_ERR_IO.
 */
static int jpeg_encode(const unsigned char *pix, int w, int h, int stride,
		       int quality, int dpi, unsigned char **out, size_t *len,
		       struct cc_error *e)
{
	struct jpeg_compress_struct c;
	struct jerr err;
	unsigned char *mem = NULL;
	unsigned long size = 0;
	JSAMPROW row;

	memset(&c, 0, sizeof(c));
	c.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	if (setjmp(err.jump)) {
		jpeg_destroy_compress(&c);
		free(mem);
		return cc_error_set(e, CC_ERR_IO, "scan.jpeg",
				    "JPEG encoding failed");
	}
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &size);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 1;
	c.in_color_space = JCS_GRAYSCALE;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, quality, TRUE);
	c.density_unit = 1;
	c.X_density = c.Y_density = (UINT16)dpi;
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		row = (JSAMPROW)(pix + (size_t)c.next_scanline * (size_t)stride);
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	*out = mem;
	*len = size;
	return 0;
}

/*
 * A new last page of doc, bounds in size, that img fills: what mupdf's
 * PDF document writer does with fz_begin_page() and fz_end_page(), done
 * here to the same bytes, for the writer cannot be trusted to run out
 * of memory: mupdf 1.21's fz_new_pdf_writer_with_output() then frees a
 * pointer it never set.  Throws.
 */
static void add_image_page(fz_context *ctx, pdf_document *doc,
			   fz_rect bounds, fz_image *img)
{
	fz_device *dev = NULL;
	pdf_obj *res = NULL, *page = NULL;
	fz_buffer *contents = NULL;

	fz_var(dev);
	fz_var(res);
	fz_var(page);
	fz_var(contents);
	fz_try(ctx) {
		dev = pdf_page_write(ctx, doc, bounds, &res, &contents);
		fz_fill_image(ctx, dev, img,
			      fz_make_matrix(bounds.x1 - bounds.x0, 0, 0,
					     bounds.y1 - bounds.y0,
					     bounds.x0, bounds.y0),
			      1, fz_default_color_params);
		fz_close_device(ctx, dev);
		page = pdf_add_page(ctx, doc, bounds, 0, res, contents);
		pdf_insert_page(ctx, doc, -1, page);
	}
	fz_always(ctx) {
		fz_drop_device(ctx, dev);
		pdf_drop_obj(ctx, page);
		pdf_drop_obj(ctx, res);
		fz_drop_buffer(ctx, contents);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

int cc_pdf_scan(struct cc_pdf *p, const unsigned char *in, size_t inlen,
		const struct cc_pdf_scan_opts *o, unsigned char **out,
		size_t *len, struct cc_error *e)
{
	fz_context *ctx = p->ctx;
	fz_stream *stm = NULL;
	pdf_document *doc = NULL, *scan = NULL;
	fz_page *page = NULL;
	fz_pixmap *pix = NULL;
	fz_buffer *outbuf = NULL, *jbuf = NULL;
	fz_output *output = NULL;
	fz_image *img = NULL;
	pdf_write_options opts;
	unsigned char *jpeg = NULL;
	size_t jlen = 0;
	struct cc_error je;
	int i, n, rc = 0;

	*out = NULL;
	*len = 0;
	p->nomem = 0;
	fz_var(stm);
	fz_var(doc);
	fz_var(scan);
	fz_var(page);
	fz_var(pix);
	fz_var(outbuf);
	fz_var(jbuf);
	fz_var(output);
	fz_var(img);
	fz_var(jpeg);
	fz_var(rc);
	fz_try(ctx) {
		stm = fz_open_memory(ctx, in, inlen);
		doc = pdf_open_document_with_stream(ctx, stm);
		n = pdf_count_pages(ctx, doc);
		scan = pdf_create_document(ctx);
		for (i = 0; i < n; i++) {
			struct degrade_opts so;
			fz_rect bounds;
			double angle;
			float zoom = o->dpi / 72.0f;

			page = fz_load_page(ctx, &doc->super, i);
			bounds = fz_bound_page(ctx, page);
			pix = fz_new_pixmap_from_page(ctx, page, fz_scale(zoom, zoom),
						      fz_device_gray(ctx), 0);
			so.noise = o->noise;
			so.seed = o->seed + (unsigned long long)i * 7919;
			degrade(pix->samples, pix->w, pix->h,
				(int)pix->stride, &so, &angle);
			if (jpeg_encode(pix->samples, pix->w, pix->h,
					(int)pix->stride, o->quality, o->dpi,
					&jpeg, &jlen, &je) < 0)
				fz_throw(ctx, FZ_ERROR_GENERIC, "%s", je.msg);
			jbuf = fz_new_buffer_from_copied_data(ctx, jpeg, jlen);
			free(jpeg);
			jpeg = NULL;
			img = fz_new_image_from_buffer(ctx, jbuf);
			fz_drop_buffer(ctx, jbuf);
			jbuf = NULL;
			add_image_page(ctx, scan, bounds, img);
			fz_drop_image(ctx, img);
			img = NULL;
			fz_drop_pixmap(ctx, pix);
			pix = NULL;
			fz_drop_page(ctx, page);
			page = NULL;
		}
		/* as the document writer's "compress" wrote it */
		pdf_parse_write_options(ctx, &opts, "compress");
		outbuf = fz_new_buffer(ctx, 256 << 10);
		output = fz_new_output_with_buffer(ctx, outbuf);
		pdf_write_document(ctx, scan, output, &opts);
		fz_close_output(ctx, output);
		ccpdf_check_memory(p);
		ccpdf_take_buffer(ctx, outbuf, out, len);
	}
	fz_always(ctx) {
		free(jpeg);
		fz_drop_image(ctx, img);
		fz_drop_buffer(ctx, jbuf);
		fz_drop_pixmap(ctx, pix);
		fz_drop_page(ctx, page);
		fz_drop_output(ctx, output);
		fz_drop_buffer(ctx, outbuf);
		pdf_drop_document(ctx, scan);
		fz_drop_document(ctx, (fz_document *)doc);
		fz_drop_stream(ctx, stm);
	}
	fz_catch(ctx) {
		rc = ccpdf_error(p, e, CC_ERR_IO, "pdf.write",
				 "cannot make the scanned copy");
	}
	return rc;
}
