/*
 * fontreuse.c -- a font loaded once per context, not once per document.
 *
 * Reading a page's text loads each of its fonts: the embedded font
 * program inflated and handed to FreeType, its ToUnicode map read and
 * remapped code by code (65,536 lookups for an Identity-H font).  In a
 * batch of reports from one generator, document after document embeds
 * the same fonts, byte for byte, and this was a third of cc-ocr's time.
 *
 * So a context keeps the fonts it loaded, keyed by a SHA-256 of
 * everything mupdf reads to make one (the font dictionary and what it
 * refers to, streams as their raw bytes), and before a page of another
 * document is read, each font of its resources whose key it has is put
 * in mupdf's store under that document's font dictionary, where
 * pdf_load_font() finds it.  A loaded font (pdf_font_desc) holds nothing
 * of its document, but for a Type 3 font, whose glyphs are content
 * streams of the document: those are never kept.  A font whose key
 * cannot be made (too deep, too big, damaged) is simply not kept.
 */
#include "base/cc.h"
#include "pdf/impl.h"

#define REUSE_MAX 64             /* fonts kept per context */
#define REUSE_BYTES ((size_t)64 << 20) /* and their size (mupdf's count) */
#define KEY_DEPTH 8              /* of objects a key follows */
#define KEY_OBJECTS 100000       /* of objects a key hashes, in all */
#define KEY_BYTES ((size_t)32 << 20)   /* of streams a key hashes */

struct budget {
	size_t bytes;            /* of streams hashed */
	long objects;            /* objects hashed */
};

struct reuse {
	unsigned char key[32];
	pdf_font_desc *desc;
	unsigned long used;
};

struct ccpdf_fonts {
	struct reuse v[REUSE_MAX];
	int n;
	size_t size;             /* of the fonts kept */
	unsigned long clock;
	pdf_document *doc;           /* the document the marks below are of */
	int *done;                   /* font dictionaries of doc looked at */
	size_t ndone, adone;
};

/*
 * Hash o and what it refers to.  Bounded in depth, in objects (an array
 * of references to itself is a tree of them) and in stream bytes: past
 * them, it throws, and the font is not kept.
 */
static void hash_obj(fz_context *ctx, fz_sha256 *h, pdf_obj *o, int depth,
		     struct budget *b)
{
	unsigned char tag;
	char num[64];
	int i, n;

	if (depth > KEY_DEPTH || ++b->objects > KEY_OBJECTS)
		fz_throw(ctx, FZ_ERROR_GENERIC, "font too deep to key");
	if (pdf_is_indirect(ctx, o) && pdf_is_stream(ctx, o)) {
		fz_buffer *raw = pdf_load_raw_stream(ctx, o);
		unsigned char *data;
		size_t len = fz_buffer_storage(ctx, raw, &data);

		b->bytes += len;
		tag = 's';
		fz_sha256_update(h, &tag, 1);
		fz_try(ctx) {
			if (b->bytes > KEY_BYTES)
				fz_throw(ctx, FZ_ERROR_GENERIC, "font too big to key");
			snprintf(num, sizeof(num), "%zu:", len);
			fz_sha256_update(h, (unsigned char *)num, strlen(num));
			fz_sha256_update(h, data, len);
		}
		fz_always(ctx)
			fz_drop_buffer(ctx, raw);
		fz_catch(ctx)
			fz_rethrow(ctx);
	}
	o = pdf_resolve_indirect(ctx, o);
	if (pdf_is_dict(ctx, o)) {
		n = pdf_dict_len(ctx, o);
		snprintf(num, sizeof(num), "d%d:", n);
		fz_sha256_update(h, (unsigned char *)num, strlen(num));
		for (i = 0; i < n; i++) {
			hash_obj(ctx, h, pdf_dict_get_key(ctx, o, i), depth + 1, b);
			hash_obj(ctx, h, pdf_dict_get_val(ctx, o, i), depth + 1, b);
		}
	} else if (pdf_is_array(ctx, o)) {
		n = pdf_array_len(ctx, o);
		snprintf(num, sizeof(num), "a%d:", n);
		fz_sha256_update(h, (unsigned char *)num, strlen(num));
		for (i = 0; i < n; i++)
			hash_obj(ctx, h, pdf_array_get(ctx, o, i), depth + 1, b);
	} else if (pdf_is_name(ctx, o)) {
		snprintf(num, sizeof(num), "n%zu:", strlen(pdf_to_name(ctx, o)));
		fz_sha256_update(h, (unsigned char *)num, strlen(num));
		fz_sha256_update(h, (const unsigned char *)pdf_to_name(ctx, o),
				 strlen(pdf_to_name(ctx, o)));
	} else if (pdf_is_string(ctx, o)) {
		snprintf(num, sizeof(num), "t%zu:", pdf_to_str_len(ctx, o));
		fz_sha256_update(h, (unsigned char *)num, strlen(num));
		fz_sha256_update(h, (const unsigned char *)pdf_to_str_buf(ctx, o),
				 pdf_to_str_len(ctx, o));
	} else if (pdf_is_int(ctx, o)) {
		snprintf(num, sizeof(num), "i%lld;", (long long)pdf_to_int64(ctx, o));
		fz_sha256_update(h, (unsigned char *)num, strlen(num));
	} else if (pdf_is_real(ctx, o)) {
		snprintf(num, sizeof(num), "r%.9g;", (double)pdf_to_real(ctx, o));
		fz_sha256_update(h, (unsigned char *)num, strlen(num));
	} else if (pdf_is_bool(ctx, o)) {
		tag = pdf_to_bool(ctx, o) ? 'T' : 'F';
		fz_sha256_update(h, &tag, 1);
	} else {
		tag = 'z';
		fz_sha256_update(h, &tag, 1);
	}
}

/* The key of a font dictionary; 0, or -1 when it cannot be made. */
static int font_key(fz_context *ctx, pdf_obj *dict, unsigned char key[32])
{
	fz_sha256 h;
	struct budget b = { 0, 0 };
	int rc = 0;

	fz_var(rc);
	fz_sha256_init(&h);
	fz_try(ctx)
		hash_obj(ctx, &h, dict, 0, &b);
	fz_catch(ctx)
		rc = -1;
	fz_sha256_final(&h, key);
	return rc;
}

void ccpdf_fonts_free(fz_context *ctx, struct ccpdf_fonts *f)
{
	int i;

	if (!f)
		return;
	for (i = 0; i < f->n; i++)
		pdf_drop_font(ctx, f->v[i].desc);
	free(f->done);
	free(f);
}

void ccpdf_fonts_forget(struct ccpdf_fonts *f)
{
	if (f) {
		f->doc = NULL;
		f->ndone = 0;
	}
}

static struct reuse *find(struct ccpdf_fonts *f, const unsigned char key[32])
{
	int i;

	for (i = 0; i < f->n; i++)
		if (!memcmp(f->v[i].key, key, 32))
			return &f->v[i];
	return NULL;
}

/* Let the least recently used font go. */
static void evict(fz_context *ctx, struct ccpdf_fonts *f)
{
	struct reuse *r = &f->v[0];
	int i;

	for (i = 1; i < f->n; i++)
		if (f->v[i].used < r->used)
			r = &f->v[i];
	f->size -= r->desc->size;
	pdf_drop_font(ctx, r->desc);
	*r = f->v[--f->n];
}

/*
 * Keep desc under key, letting the least recently used go to make room;
 * a font of more than a quarter of the room is not kept.
 */
static void keep(fz_context *ctx, struct ccpdf_fonts *f,
		 const unsigned char key[32], pdf_font_desc *desc)
{
	struct reuse *r;

	if (desc->size > REUSE_BYTES / 4)
		return;
	while (f->n == REUSE_MAX || f->size + desc->size > REUSE_BYTES)
		evict(ctx, f);
	r = &f->v[f->n++];
	memcpy(r->key, key, 32);
	r->desc = pdf_keep_font(ctx, desc);
	r->used = ++f->clock;
	f->size += desc->size;
}

/* Whether the font dictionary (object num) of doc was looked at; marks it. */
static int seen(struct ccpdf_fonts *f, pdf_document *doc, int num)
{
	size_t i;

	if (f->doc != doc) {
		f->doc = doc;
		f->ndone = 0;
	}
	for (i = 0; i < f->ndone; i++)
		if (f->done[i] == num)
			return 1;
	CC_GROW(f->done, f->adone, f->ndone + 1);
	f->done[f->ndone++] = num;
	return 0;
}

/*
 * Before page (0-based) of doc is read: each font of its resources is
 * one the context has (put in the store for this document), or it is
 * loaded now and kept.  Fonts that are not indirect objects, Type 3
 * fonts and whatever fails are left for mupdf to load as it always does.
 */
void ccpdf_fonts_prepare(fz_context *ctx, struct ccpdf_fonts **fp,
			 pdf_document *doc, int page)
{
	struct ccpdf_fonts *f;
	pdf_obj *pg, *res, *fonts, *dict;
	pdf_font_desc *desc;
	struct reuse *r;
	unsigned char key[32];
	int i, n;

	if (!*fp)
		*fp = cc_xcalloc(1, sizeof(**fp));
	f = *fp;
	fz_var(f);
	fz_try(ctx) {
		pg = pdf_lookup_page_obj(ctx, doc, page);
		res = pdf_dict_get_inheritable(ctx, pg, PDF_NAME(Resources));
		fonts = pdf_dict_get(ctx, res, PDF_NAME(Font));
		n = pdf_dict_len(ctx, fonts);
		for (i = 0; i < n; i++) {
			dict = pdf_dict_get_val(ctx, fonts, i);
			if (!pdf_is_indirect(ctx, dict) ||
			    seen(f, doc, pdf_to_num(ctx, dict)) ||
			    pdf_name_eq(ctx, pdf_dict_get(ctx, dict, PDF_NAME(Subtype)),
					PDF_NAME(Type3)) ||
			    font_key(ctx, dict, key) < 0)
				continue;
			if ((r = find(f, key)) != NULL) {
				r->used = ++f->clock;
				pdf_store_item(ctx, dict, r->desc, r->desc->size);
				continue;
			}
			desc = pdf_load_font(ctx, doc, res, dict);
			keep(ctx, f, key, desc);
			pdf_drop_font(ctx, desc);
		}
	}
	fz_catch(ctx) {
		/* mupdf loads the page's fonts itself, and says what is wrong */
	}
}
