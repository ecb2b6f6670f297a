/*
 * ocr.c -- the tesseract wrapper, built as its own private library
 * (libccocr.so) that lib/ocrload.c opens only when a page needs OCR: a
 * run over text PDFs never loads tesseract, and OMP_THREAD_LIMIT can be
 * set before libgomp reads it.  Its functions are the ccocr_* behind
 * ocr.h's cc_ocr_*.
 */
#include "cc.h"
#include "ocr.h"

#include <pthread.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

struct cc_ocr {
	TessBaseAPI *api;
	struct cc_ocr_opts opts;
};

static char engine[64];

static void engine_name(void)
{
	snprintf(engine, sizeof(engine), "tesseract %s", TessVersion());
}

const char *ccocr_engine(void);
const char *ccocr_engine(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, engine_name);
	return engine;
}

/* tesseract's parameters are process-wide: make handles one at a time */
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * The first language of lang ("eng", or "eng+osd") whose data is not
 * where tesseract will look ($TESSDATA_PREFIX, or Debian's directory),
 * copied into missing; 0 when all are there.  Asking tesseract instead
 * makes it print its own complaint on stderr.
 */
static int missing_lang(const char *lang, char *missing, size_t size)
{
	static const char *const dirs[] = {
		"/usr/share/tesseract-ocr/5/tessdata",
		"/usr/share/tesseract-ocr/4.00/tessdata",
		"/usr/share/tessdata",
	};
	const char *env = getenv("TESSDATA_PREFIX"), *p = lang;
	char path[4096];
	size_t i, n;
	int found;

	do {
		n = strcspn(p, "+");
		found = 0;
		if (n && !memchr(p, '/', n)) {
			if (env && *env) {
				snprintf(path, sizeof(path), "%s/%.*s.traineddata",
					 env, (int)n, p);
				found = access(path, R_OK) == 0;
			}
			for (i = 0; !(env && *env) && i < sizeof(dirs) / sizeof(dirs[0]) &&
			     !found; i++) {
				snprintf(path, sizeof(path), "%s/%.*s.traineddata",
					 dirs[i], (int)n, p);
				found = access(path, R_OK) == 0;
			}
		}
		if (!found) {
			snprintf(missing, size, "%.*s", (int)n, p);
			return 1;
		}
		p += n;
	} while (*p++ == '+');
	return 0;
}

struct cc_ocr *ccocr_new(const struct cc_ocr_opts *o, struct cc_error *e);
struct cc_ocr *ccocr_new(const struct cc_ocr_opts *o, struct cc_error *e)
{
	struct cc_ocr *ocr;
	TessBaseAPI *api;
	char missing[64];

	if (missing_lang(o->lang, missing, sizeof(missing))) {
		cc_error_set(e, CC_ERR_UNAVAILABLE, "ocr.lang",
			     "OCR language data '%s' not found (install the "
			     "Debian package tesseract-ocr-%s)", missing, missing);
		return NULL;
	}
	pthread_mutex_lock(&init_lock);
	api = TessBaseAPICreate();
	if (!api) {
		pthread_mutex_unlock(&init_lock);
		cc_error_set(e, CC_ERR_UNAVAILABLE, "ocr.init",
			     "cannot create a tesseract handle");
		return NULL;
	}
	/* tesseract prints what it thinks on stderr unless told not to */
	if (TessBaseAPIInit3(api, NULL, o->lang) != 0) {
		TessBaseAPIDelete(api);
		pthread_mutex_unlock(&init_lock);
		cc_error_set(e, CC_ERR_UNAVAILABLE, "ocr.lang",
			     "OCR language data '%s' not found (install the "
			     "Debian package tesseract-ocr-%s)", o->lang, o->lang);
		return NULL;
	}
	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	TessBaseAPISetPageSegMode(api, (TessPageSegMode)o->psm);
	pthread_mutex_unlock(&init_lock);
	ocr = cc_xcalloc(1, sizeof(*ocr));
	ocr->api = api;
	ocr->opts = *o;
	return ocr;
}

void ccocr_free(struct cc_ocr *o);
void ccocr_free(struct cc_ocr *o)
{
	if (!o)
		return;
	TessBaseAPIEnd(o->api);
	TessBaseAPIDelete(o->api);
	free(o);
}

/* A leptonica image of the grey pixels, straightened when asked. */
static PIX *make_pix(const unsigned char *pix, int w, int h, int deskew)
{
	PIX *p = pixCreate(w, h, 8), *d;
	l_uint32 *data, *line;
	int wpl, x, y;

	if (!p)
		return NULL;
	data = pixGetData(p);
	wpl = pixGetWpl(p);

	for (y = 0; y < h; y++) {
		line = data + (size_t)y * (size_t)wpl;
		for (x = 0; x < w; x++)
			SET_DATA_BYTE(line, x, pix[(size_t)y * (size_t)w + (size_t)x]);
	}
	if (!deskew)
		return p;
	/* a reduction factor of 2 is quick and good to a tenth of a degree */
	d = pixDeskew(p, 2);
	if (!d)
		return p;
	pixDestroy(&p);
	return d;
}

/* Append word (its white space dropped) to the cell being made, after a
 * space; 0 when the word is empty. */
static int clean_word(struct cc_buf *cell, const char *word)
{
	const char *c;
	int any = 0;

	for (c = word; *c; c++)
		if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r')
			any = 1;
	if (!any)
		return 0;
	if (cell->len)
		cc_buf_add(cell, " ", 1);
	for (c = word; *c; c++)
		if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r')
			cc_buf_add(cell, c, 1);
	return 1;
}

static void add_cell(struct cc_page_text *out, struct cc_buf *cell, int x0,
		     int y0, int x1, int y1, double conf, float scale)
{
	struct cc_text_line *l;

	CC_GROW(out->lines, out->alloc, (size_t)out->n + 1);
	l = &out->lines[out->n++];
	l->t = cc_buf_detach(cell);
	l->b[0] = x0 * scale;
	l->b[1] = y0 * scale;
	l->b[2] = x1 * scale;
	l->b[3] = y1 * scale;
	l->conf = conf;
}

int ccocr_page(struct cc_ocr *o, const unsigned char *pix, int w, int h,
	       int dpi, struct cc_page_text *out, double *mean,
	       struct cc_error *e);
int ccocr_page(struct cc_ocr *o, const unsigned char *pix, int w, int h,
	       int dpi, struct cc_page_text *out, double *mean,
	       struct cc_error *e)
{
	PIX *p = make_pix(pix, w, h, o->opts.deskew);
	TessResultIterator *it;
	TessPageIterator *pi;
	float scale = 72.0f / (float)dpi;
	int x0, y0, x1, y1, rc = 0;

	if (!p)
		return cc_error_set(e, CC_ERR_DATA, "ocr.failed",
				    "cannot make an image of the page");
	TessBaseAPISetImage2(o->api, p);
	TessBaseAPISetSourceResolution(o->api, dpi);
	if (TessBaseAPIRecognize(o->api, NULL) != 0) {
		rc = cc_error_set(e, CC_ERR_DATA, "ocr.failed",
				  "tesseract could not recognise the page");
		goto out_clear;
	}
	*mean = TessBaseAPIMeanTextConf(o->api);
	it = TessBaseAPIGetIterator(o->api);
	if (!it)
		goto out_clear;
	pi = TessResultIteratorGetPageIterator(it);
	/*
	 * Word by word, each text line cut where the gap between two words
	 * is wider than twice the line's height: a table's columns (a label and its
	 * value, a bureau's column) become lines of their own, as the text
	 * layer gives them.
	 */
	{
		struct cc_buf cell = { 0 };
		int cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0, lh = 0, nw = 0;
		double csum = 0;

		do {
			char *word;
			float wc;
			int start_line;

			if (!TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1))
				continue;
			word = TessResultIteratorGetUTF8Text(it, RIL_WORD);
			if (!word)
				continue;
			wc = TessResultIteratorConfidence(it, RIL_WORD);
			start_line = TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE);
			if (start_line) {
				int lx0, ly0, lx1, ly1;

				if (TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &lx0, &ly0,
								&lx1, &ly1))
					lh = ly1 - ly0;
			}
			if (nw && (start_line || x0 - cx1 > 2 * lh)) {
				add_cell(out, &cell, cx0, cy0, cx1, cy1, csum / nw, scale);
				nw = 0;
				csum = 0;
			}
			if (!clean_word(&cell, word)) {
				TessDeleteText(word);
				continue;
			}
			TessDeleteText(word);
			if (!nw) {
				cx0 = x0;
				cy0 = y0;
				cx1 = x1;
				cy1 = y1;
			} else {
				cx1 = x1 > cx1 ? x1 : cx1;
				cy0 = y0 < cy0 ? y0 : cy0;
				cy1 = y1 > cy1 ? y1 : cy1;
			}
			csum += wc;
			nw++;
		} while (TessResultIteratorNext(it, RIL_WORD));
		if (nw)
			add_cell(out, &cell, cx0, cy0, cx1, cy1, csum / nw, scale);
		cc_buf_release(&cell);
	}
	TessResultIteratorDelete(it);
out_clear:
	TessBaseAPIClear(o->api);
	pixDestroy(&p);
	return rc;
}
