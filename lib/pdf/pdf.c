/*
 * pdf.c -- the mupdf context cc keeps, and its version.  lib/pdf is the
 * only part of lib/ that includes mupdf (impl.h says which file does
 * what).
 */
#include "pdf/impl.h"

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
