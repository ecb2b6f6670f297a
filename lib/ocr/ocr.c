/*
 * ocr.c -- the tesseract wrapper, built as its own private library
 * (libccocr.so) that lib/ocrload.c opens only when a page needs OCR: a
 * run over text PDFs never loads tesseract, and OMP_THREAD_LIMIT can be
 * set before libgomp reads it.  Its functions are the ccocr_* behind
 * ocr.h's cc_ocr_*.
 */
#include "base/cc.h"
#include "ocr/ocr.h"

#include <ctype.h>
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

/* Append word to the cell being made, after a space, its runs of white
 * space made one space; 0 when the word is empty. */
static int clean_word(struct cc_buf *cell, const char *word)
{
	const char *c;
	int any = 0, gap = 0;

	for (c = word; *c; c++)
		if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r')
			any = 1;
	if (!any)
		return 0;
	if (cell->len)
		cc_buf_add(cell, " ", 1);
	/* a word read again may be words: one space between them */
	for (c = word; *c; c++) {
		if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r') {
			gap = 1;
			continue;
		}
		if (gap && any == 2)
			cc_buf_add(cell, " ", 1);
		cc_buf_add(cell, c, 1);
		gap = 0;
		any = 2;
	}
	return 1;
}

/* Whether a word is letters and digits, with no mark that rises above
 * capitals or stays under them ("$", "(", "/", "-", a star): one whose
 * top says how high the line's letters rise. */
static int plain_word(const char *t)
{
	int alnum = 0;

	for (; *t; t++) {
		unsigned char c = (unsigned char)*t;

		if (isalnum(c) || c >= 0x80)
			alnum = 1;
		else if (!strchr(".,:;'", c))
			return 0;
	}
	return alnum;
}

/*
 * The font size of a line whose capitals and ascenders rise h pixels over
 * its baseline: about 0.65 of the size, as tesseract places the baseline
 * and the top of a scanned glyph's ink (Helvetica's capitals are 0.72 of
 * the size, Times' 0.66; measured on cc-synth's scans at 300 dpi, a
 * line's estimate is within a tenth of its size).
 */
#define OCR_CAP_HEIGHT 0.65f

static void add_cell(struct cc_page_text *out, struct cc_buf *cell, int x0,
		     int y0, int x1, int y1, int rise, double conf, float scale)
{
	struct cc_text_line *l;

	CC_GROW(out->lines, out->alloc, (size_t)out->n + 1);
	l = &out->lines[out->n++];
	memset(l, 0, sizeof(*l));
	l->size = rise > 0 ? (float)rise * scale / OCR_CAP_HEIGHT : 0;
	l->t = cc_buf_detach(cell);
	l->b[0] = x0 * scale;
	l->b[1] = y0 * scale;
	l->b[2] = x1 * scale;
	l->b[3] = y1 * scale;
	l->conf = conf;
}

/* tesseract's word confidence below which a word is looked at again */
#define STAR_MAX_CONF 85

/* A word as tesseract read it, with its text line's box. */
struct oword {
	char *t;
	int x0, y0, x1, y1;
	int ly0, ly1;          /* its line's top and bottom */
	int base;              /* its line's baseline, under it */
	int line_start;        /* first word of a text line */
	int tentative;         /* missed_lines()'s unsure reading of a line
				  with stars: kept only when fix_run()
				  reads it again, */
	char *alt;             /* or else as this, a mask of X's */
	double alt_conf;
	double conf;
};

struct owords {
	struct oword *v;
	size_t n, alloc;
};

static void owords_free(struct owords *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		free(w->v[i].t);
		free(w->v[i].alt);
	}
	free(w->v);
}

/* Every word of the page recognised last, in reading order. */
static void collect_words(TessBaseAPI *api, struct owords *w)
{
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	TessPageIterator *pi;
	int ly0 = 0, ly1 = 0, bx0 = 0, by0 = -1, bx1 = 0, by1 = -1;

	if (!it)
		return;
	pi = TessResultIteratorGetPageIterator(it);
	do {
		struct oword *o;
		int x0, y0, x1, y1, start_line;
		char *word;

		if (!TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1))
			continue;
		start_line = TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE);
		if (start_line) {
			int lx0, lx1;

			if (!TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &lx0,
							 &ly0, &lx1, &ly1))
				ly0 = y0, ly1 = y1;
			if (!TessPageIteratorBaseline(pi, RIL_TEXTLINE, &bx0,
						      &by0, &bx1, &by1))
				by0 = by1 = -1;
		}
		word = TessResultIteratorGetUTF8Text(it, RIL_WORD);
		if (!word)
			continue;
		CC_GROW(w->v, w->alloc, w->n + 1);
		o = &w->v[w->n++];
		o->conf = TessResultIteratorConfidence(it, RIL_WORD);
		o->t = cc_xstrdup(word);
		TessDeleteText(word);
		o->x0 = x0;
		o->y0 = y0;
		o->x1 = x1;
		o->y1 = y1;
		o->ly0 = ly0 < y0 ? ly0 : y0;
		o->ly1 = ly1 > y1 ? ly1 : y1;
		o->line_start = start_line;
		o->tentative = 0;
		o->alt = NULL;
		/* the baseline under the word's middle; its bottom when
		 * tesseract gives none */
		if (by0 < 0 || bx1 == bx0)
			o->base = y1;
		else
			o->base = by0 + (int)((double)(by1 - by0) *
				((x0 + x1) / 2.0 - bx0) / (double)(bx1 - bx0));
	} while (TessResultIteratorNext(it, RIL_WORD));
	TessResultIteratorDelete(it);
}

/*
 * Asterisks.  Tesseract's LSTM model reads a run of the small raised
 * stars that mask account numbers ("************9185", "*1277") as
 * letters and digits ("#¥469S84S4440185", "ma7"), and often the digits
 * beside them with it, or splits the run into words whose boxes overlap.
 * Where tesseract is unsure of a word, the run of words it stands in is
 * looked at again: a star is found by its shape (a blob of ink about
 * half as tall as the digits, as wide as it is tall, at their top,
 * neither a dot nor a stroke; a few stars blurred into one blob are
 * counted by their width), put back as '*', and the ink between the
 * stars is read again on its own.
 */
#define STAR_MAX_BLOBS 512   /* more blobs than this in a run: not a mask */

struct blob {
	int x0, y0, x1, y1;
	int stars;             /* how many stars it is; 0: not a star */
};

static int cmp_blob(const void *a, const void *b)
{
	const struct blob *p = a, *q = b;

	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_int(const void *a, const void *b)
{
	int p = *(const int *)a, q = *(const int *)b;

	return (p > q) - (p < q);
}

/* Where a star sits in a run whose tall glyphs start at top and are H
 * high; the share of its box that is ink is fill. */
static int star_place(const struct blob *b, int top, int H, double fill)
{
	int h = b->y1 - b->y0;

	return h >= 0.28 * H && h <= 0.7 * H && b->y0 <= top + 0.25 * H &&
	       b->y1 <= top + 0.75 * H && fill > 0.25 && fill < 0.85;
}

static double blob_fill(PIX *bin, const struct blob *b)
{
	l_int32 count = 0;
	BOX *box = boxCreate(b->x0, b->y0, b->x1 - b->x0, b->y1 - b->y0);

	if (!box)
		return 0;
	pixCountPixelsInRect(bin, box, &count, NULL);
	boxDestroy(&box);
	return (double)count / ((double)(b->x1 - b->x0) * (b->y1 - b->y0));
}

/* Whether b[i] is the top of a glyph broken in two: another blob
 * under it, sharing a third of its width. */
static int broken(const struct blob *b, int n, int i)
{
	int j, w = b[i].x1 - b[i].x0;

	for (j = 0; j < n && b[j].x0 < b[i].x1; j++) {
		int o = (b[j].x1 < b[i].x1 ? b[j].x1 : b[i].x1) -
			(b[j].x0 > b[i].x0 ? b[j].x0 : b[i].x0);

		if (j != i && b[j].y0 >= b[i].y1 - 1 && 3 * o > w)
			return 1;
	}
	return 0;
}

/*
 * Mark the stars among b[0..n), sorted by x; the number of stars.  The
 * blobs blurred together are counted by the pitch of the lone stars, or
 * by their height when there are none.
 */
static int mark_stars(PIX *bin, struct blob *b, int n, int *ptop, int *pH,
		      int *punit)
{
	int H = 0, top = INT_MAX, i, k, nstar = 0, pitch[STAR_MAX_BLOBS],
	    np = 0, last = -1, unit;
	double fill[STAR_MAX_BLOBS];

	*ptop = *pH = *punit = 0;
	/* the measure is the run's tallest glyphs (digits, capitals), not
	 * its line's box, which may be a column's or a table's; a run of
	 * stars alone is left as tesseract read it */
	for (i = 0; i < n; i++)
		if (b[i].y1 - b[i].y0 > H)
			H = b[i].y1 - b[i].y0;
	for (i = 0; i < n; i++)
		if (b[i].y1 - b[i].y0 >= 0.75 * H && b[i].y0 < top)
			top = b[i].y0;
	if (H < 8)
		return 0;
	for (i = 0; i < n; i++) {
		int w = b[i].x1 - b[i].x0, h = b[i].y1 - b[i].y0;

		fill[i] = blob_fill(bin, &b[i]);
		b[i].stars = 0;
		if (w >= 0.6 * h && w <= 1.6 * h && star_place(&b[i], top, H, fill[i]) &&
		    !broken(b, n, i)) {
			b[i].stars = 1;
			if (last >= 0 && i == last + 1)
				pitch[np++] = b[i].x0 - b[last].x0;
			last = i;
			nstar++;
		}
	}
	if (!nstar)
		return 0;
	if (np) {
		qsort(pitch, (size_t)np, sizeof(*pitch), cmp_int);
		unit = pitch[np / 2];
	} else {
		unit = 0;
	}
	for (i = 0; i < n; i++) {
		int w = b[i].x1 - b[i].x0, h = b[i].y1 - b[i].y0, u;

		if (b[i].stars || w <= 1.6 * h || !star_place(&b[i], top, H, fill[i]))
			continue;
		/* a star is about as wide as it is tall; the gap between two
		 * is about a fifth of that */
		u = unit > 0 ? unit : (int)(1.2 * h + 0.5);
		k = (int)((double)(w + u - h) / u + 0.5);
		if (k >= 2) {
			b[i].stars = k;
			nstar += k;
		}
	}
	*ptop = top;
	*pH = H;
	*punit = unit > 0 ? unit : (int)(0.6 * H + 0.5);
	return nstar;
}

/* Text of the image's rectangle read as one line, trimmed, blanks made
 * one space, with the stars among erase[0..ne) whited out; its
 * confidence in *conf.  NULL when there is none. */
static char *read_rect(TessBaseAPI *api, PIX *img, int dpi, int x0, int y0,
		       int x1, int y1, const struct blob *erase, int ne,
		       double *conf)
{
	struct cc_buf b = { 0 };
	const char *c;
	BOX *box;
	PIX *clip;
	char *t;
	int gap = 0, i;

	if (x0 < 0)
		x0 = 0;
	if (y0 < 0)
		y0 = 0;
	if (x1 > (int)pixGetWidth(img))
		x1 = (int)pixGetWidth(img);
	if (y1 > (int)pixGetHeight(img))
		y1 = (int)pixGetHeight(img);
	if (x1 - x0 < 2 || y1 - y0 < 2)
		return NULL;
	box = boxCreate(x0, y0, x1 - x0, y1 - y0);
	if (!box)
		return NULL;
	clip = pixClipRectangle(img, box, NULL);
	boxDestroy(&box);
	if (!clip)
		return NULL;
	for (i = 0; i < ne; i++) {
		BOX *e;

		if (!erase[i].stars || erase[i].x1 < x0 || erase[i].x0 > x1)
			continue;
		e = boxCreate(erase[i].x0 - x0 - 1, erase[i].y0 - y0 - 1,
			      erase[i].x1 - erase[i].x0 + 2,
			      erase[i].y1 - erase[i].y0 + 2);
		if (e) {
			/* white: 0 in black and white, 255 in grey */
			if (pixGetDepth(clip) == 1)
				pixClearInRect(clip, e);
			else
				pixSetInRect(clip, e);
			boxDestroy(&e);
		}
	}
	TessBaseAPISetImage2(api, clip);
	TessBaseAPISetSourceResolution(api, dpi);
	t = TessBaseAPIGetUTF8Text(api);
	*conf = TessBaseAPIMeanTextConf(api);
	pixDestroy(&clip);
	if (!t)
		return NULL;
	for (c = t; *c; c++) {
		if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r') {
			gap = 1;
			continue;
		}
		if (gap && b.len)
			cc_buf_add(&b, " ", 1);
		gap = 0;
		cc_buf_add(&b, c, 1);
	}
	TessDeleteText(t);
	if (!b.len) {
		cc_buf_release(&b);
		return NULL;
	}
	return cc_buf_detach(&b);
}

/*
 * The rectangle read for the characters of only alone, in grey and in
 * black and white, the reading tesseract is surer of kept (read_rect()
 * gives each); its confidence in *conf.
 */
static char *read_only(TessBaseAPI *api, PIX *bin, PIX *grey, int dpi,
		       const char *only, int x0, int y0, int x1, int y1,
		       const struct blob *erase, int ne, double *conf)
{
	double cb = 0;
	char *tg, *tb;

	TessBaseAPISetVariable(api, "tessedit_char_whitelist", only);
	tg = read_rect(api, grey, dpi, x0, y0, x1, y1, erase, ne, conf);
	tb = read_rect(api, bin, dpi, x0, y0, x1, y1, erase, ne, &cb);
	TessBaseAPISetVariable(api, "tessedit_char_whitelist", "");
	if (tb && (!tg || cb > *conf)) {
		free(tg);
		*conf = cb;
		return tb;
	}
	free(tb);
	return tg;
}

/* x0..x1 of a text line ly0..ly1 of the grey image read again alone
 * as a line, a quarter of the line's height around it; its confidence
 * in *conf.  NULL when there is none. */
static char *read_again(TessBaseAPI *api, PIX *grey, int dpi, int x0, int x1,
			int ly0, int ly1, double *conf)
{
	int pad = (ly1 - ly0) / 4;

	TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
	return read_rect(api, grey, dpi, x0 - pad, ly0 - pad, x1 + pad, ly1 + pad,
			 NULL, 0, conf);
}

/*
 * Of the blobs b[0..n), sorted by x, keep those in the words' span
 * [ox0, ox1] and those beyond it that follow on from them no further
 * apart than the glyphs' height: a run of stars tesseract left out of
 * every word, not the next column.  The number kept, moved to b[0..).
 */
static int chain(struct blob *b, int n, int ox0, int ox1)
{
	int H = 0, first = -1, last = -1, i;

	for (i = 0; i < n; i++)
		if (b[i].x1 > ox0 && b[i].x0 < ox1) {
			if (first < 0)
				first = i;
			last = i;
			if (b[i].y1 - b[i].y0 > H)
				H = b[i].y1 - b[i].y0;
		}
	if (first < 0)
		return 0;
	while (first > 0 && b[first].x0 - b[first - 1].x1 <= H)
		first--;
	while (last + 1 < n && b[last + 1].x0 - b[last].x1 <= H)
		last++;
	memmove(b, b + first, (size_t)(last - first + 1) * sizeof(*b));
	return last - first + 1;
}

/* The blobs of b[0..n) that are the line's: not the tops of the line
 * under it, nor the feet of the one over it, that a tall line's box
 * takes in (they lie wholly below or above its tallest glyphs).
 * Returns how many are left. */
static int drop_strays(struct blob *b, int n)
{
	int H = 0, top = INT_MAX, bot = 0, i, k;

	for (i = 0; i < n; i++)
		if (b[i].y1 - b[i].y0 > H)
			H = b[i].y1 - b[i].y0;
	for (i = 0; i < n; i++)
		if (b[i].y1 - b[i].y0 >= 0.75 * H) {
			top = b[i].y0 < top ? b[i].y0 : top;
			bot = b[i].y1 > bot ? b[i].y1 : bot;
		}
	for (i = k = 0; i < n; i++)
		if (b[i].y0 < bot && b[i].y1 > top)
			b[k++] = b[i];
	return k;
}

/* Whether at least half of s's characters are digits. */
static int mostly_digits(const char *s)
{
	size_t d = 0, n = 0;

	for (; *s; s++, n++)
		d += *s >= '0' && *s <= '9';
	return n && 2 * d >= n;
}

/*
 * The words w[0..n) of one run, read again with their stars found by
 * shape: 1 when w[0] now holds the run and the rest are empty.  bin is
 * tesseract's black and white page, grey the page it read; api is free
 * to read other images.
 */
static int fix_run(TessBaseAPI *api, PIX *bin, PIX *grey, int dpi,
		   struct oword *w, size_t n, int lim0, int lim1)
{
	int x0 = w[0].x0, x1 = w[0].x1, ly0 = w[0].ly0, ly1 = w[0].ly1;
	struct blob b[STAR_MAX_BLOBS];
	struct cc_buf out = { 0 };
	int lh, pad, nb, i, j, m, cn = 0, ox0, ox1, top, H, unit, split;
	int hx1 = 0, tx0 = 0, tail = INT_MAX, space, tail_read = -1, tx1 = 0;
	size_t f;
	struct cc_buf head = { 0 };
	double csum = 0;
	size_t k;
	BOXA *boxa;
	BOX *box;
	PIX *clip;

	for (k = 1; k < n; k++) {
		x0 = w[k].x0 < x0 ? w[k].x0 : x0;
		x1 = w[k].x1 > x1 ? w[k].x1 : x1;
		ly0 = w[k].ly0 < ly0 ? w[k].ly0 : ly0;
		ly1 = w[k].ly1 > ly1 ? w[k].ly1 : ly1;
	}
	lh = ly1 - ly0;
	pad = lh / 4;
	/* a star or two tesseract left out of every word, at either end */
	ox0 = x0;
	ox1 = x1;
	x0 = x0 - 4 * lh < lim0 ? lim0 : x0 - 4 * lh;
	x1 = x1 + 4 * lh > lim1 ? lim1 : x1 + 4 * lh;
	if (x0 < 0 || x0 > ox0)
		x0 = ox0 < 0 ? 0 : ox0;
	if (x1 >= (int)pixGetWidth(bin))
		x1 = (int)pixGetWidth(bin) - 1;
	if (x1 < ox1)
		x1 = ox1;
	box = boxCreate(x0, ly0, x1 - x0 + 1, lh + 1);
	if (!box)
		return 0;
	clip = pixClipRectangle(bin, box, NULL);
	boxDestroy(&box);
	if (!clip)
		return 0;
	boxa = pixConnCompBB(clip, 8);
	pixDestroy(&clip);
	if (!boxa)
		return 0;
	m = boxaGetCount(boxa);
	for (i = nb = 0; i < m && nb < STAR_MAX_BLOBS; i++) {
		l_int32 x, y, bw, bh;

		if (boxaGetBoxGeometry(boxa, i, &x, &y, &bw, &bh) != 0)
			continue;
		/* specks of noise, and what the widened ends cut */
		if ((bw < 0.1 * lh && bh < 0.1 * lh) ||
		    (x == 0 && x0 < ox0) || (x0 + x + bw > x1 && x1 > ox1))
			continue;
		b[nb].x0 = x0 + x;
		b[nb].y0 = ly0 + y;
		b[nb].x1 = b[nb].x0 + bw;
		b[nb].y1 = b[nb].y0 + bh;
		nb++;
	}
	boxaDestroy(&boxa);
	if (i < m || !nb)
		return 0;
	qsort(b, (size_t)nb, sizeof(*b), cmp_blob);
	nb = drop_strays(b, nb);
	nb = chain(b, nb, ox0, ox1);
	if (!mark_stars(bin, b, nb, &top, &H, &unit))
		return 0;
	/* ink after the stars, a space away: the next words
	 * ("3539792********* 04/2007", "****7385 02/24"), as tesseract read
	 * them, or read again here when one of them runs from the stars
	 * into them */
	for (m = -1, i = 0; i < nb; i++)
		if (b[i].stars)
			m = i;
	/* a space: wider than half the line's height, or, among three
	 * gaps or more, than two and a half times their median (a space in
	 * a small proportional font is narrow) */
	space = lh / 2;
	if (m >= 0 && nb - m > 3) {
		int gaps[STAR_MAX_BLOBS], ng = 0, g;

		for (i = m + 2; i < nb; i++)
			gaps[ng++] = b[i].x0 - b[i - 1].x1;
		qsort(gaps, (size_t)ng, sizeof(*gaps), cmp_int);
		g = 5 * (gaps[ng / 2] > 0 ? gaps[ng / 2] : 0) / 2 + 1;
		if (ng >= 3 && g < space)
			space = g > lh / 5 ? g : lh / 5;
	}
	for (i = m + 1; m >= 0 && i < nb; i++)
		if (b[i].x0 - b[i - 1].x1 > space) {
			for (k = 0; k < n; k++)
				if (w[k].x0 < b[i].x0 - lh / 4 && w[k].x1 > b[i].x0)
					break;
			if (k == n) {
				tail = b[i].x0 - lh / 4;
				nb = i;
			} else {
				/* one word of tesseract's over both: the
				 * words after the stars read here, on their
				 * own */
				tx1 = b[nb - 1].x1;
				tail_read = b[i].x0;
				nb = i;
			}
			break;
		}
	for (i = 0; i < nb; i = j) {
		int sx0, sx1, raised;
		double c;
		char *t;

		if (b[i].stars) {
			for (m = 0; m < b[i].stars; m++)
				cc_buf_add(&out, "*", 1);
			j = i + 1;
			continue;
		}
		/* the ink up to the next star, read on its own with a
		 * margin, the stars beside it whited out */
		for (j = i + 1; j < nb && !b[j].stars; j++)
			;
		/* words before a space and the ink beside a star
		 * ("COMENITY BANK 9018395****"): read on their own, not
		 * for digits, and a space after them */
		split = 0;
		if (j < nb) {
			int far = b[i].x1, g = 0;

			/* the gap before the star too: "SERVICES *9315" */
			for (m = i + 1; m <= j; m++) {
				if (b[m].x0 - far > lh / 2)
					g = m;
				far = b[m].x1 > far ? b[m].x1 : far;
			}
			if (g) {
				j = g;
				split = 1;
			}
		}
		sx0 = b[i].x0;
		sx1 = b[i].x1;
		raised = b[i].y1 <= top + 0.75 * H;
		for (m = i + 1; m < j; m++) {
			sx1 = b[m].x1 > sx1 ? b[m].x1 : sx1;
			raised &= b[m].y1 <= top + 0.75 * H;
		}
		if (raised && !split && (i > 0 || j < nb)) {
			/* beside stars and all in their upper half: stars
			 * the blur has broken or run together; a bit of a
			 * star beside it, or narrower than half of one, is
			 * no star of its own */
			if ((i > 0 && sx0 < b[i - 1].x1) ||
			    (j < nb && sx1 > b[j].x0) ||
			    sx1 - sx0 < unit / 2)
				continue;
			m = (int)((double)(sx1 - sx0) / unit + 0.5);
			for (m = m < 1 ? 1 : m; m > 0; m--)
				cc_buf_add(&out, "*", 1);
			continue;
		}
		sx0 -= pad;
		sx1 += pad;
		t = read_rect(api, grey, dpi, sx0, ly0 - pad, sx1, ly1 + pad,
			      b, nb, &c);
		if (t && !split && (mostly_digits(t) ||
			  (i > 0 && b[i].x0 - b[i - 1].x1 < lh / 2) ||
			  (j < nb && b[j].x0 - b[j - 1].x1 < lh / 2))) {
			/* mostly digits, or right beside a star: an account
			 * number's, whose L, E or $ is a digit misread.  Read
			 * for digits alone, in grey and in black and white,
			 * and keep the surer. */
			double cg = 0;
			char *tg = read_only(api, bin, grey, dpi, "0123456789-X",
					     sx0, ly0 - pad, sx1, ly1 + pad,
					     b, nb, &cg);

			if (tg) {
				free(t);
				t = tg;
				c = cg;
			}
		}
		if (t) {
			cc_buf_adds(&out, t);
			csum += c;
			cn++;
			free(t);
		}
		if (split && out.len) {
			/* what comes before is words of their own */
			if (head.len)
				cc_buf_adds(&head, " ");
			cc_buf_add(&head, out.s, out.len);
			out.len = 0;
			cn = 0;
			csum = 0;
			hx1 = sx1 - pad;
			tx0 = b[j].x0;
		}
	}
	if (tail_read >= 0 && out.len) {
		double tc = 0;
		char *tt = read_rect(api, grey, dpi, tail_read - pad, ly0 - pad,
				     tx1 + pad, ly1 + pad, NULL, 0, &tc);

		if (tt) {
			cc_buf_adds(&out, " ");
			cc_buf_adds(&out, tt);
			free(tt);
		}
	}
	/* the words before the split as tesseract read them, the rest
	 * the word read again; with no word of the run before the split,
	 * all one word */
	for (f = 0; head.len && f < n && w[f].x1 <= hx1 + lh / 4; f++)
		;
	if (head.len && (f == 0 || f == n)) {
		cc_buf_adds(&head, " ");
		cc_buf_add(&head, out.s, out.len);
		cc_buf_release(&out);
		out = head;
		memset(&head, 0, sizeof(head));
		f = 0;
	}
	cc_buf_release(&head);
	if (!out.len) {
		cc_buf_release(&out);
		cc_buf_release(&head);
		return 0;
	}
	w += f;
	n -= f;
	free(w[0].t);
	w[0].t = cc_buf_detach(&out);
	w[0].x0 = f ? tx0 : b[0].x0 < ox0 ? b[0].x0 : ox0;
	w[0].x1 = ox1 < tail ? ox1 : b[nb - 1].x1;
	for (i = 0; i < nb; i++)
		w[0].x1 = b[i].x1 > w[0].x1 ? b[i].x1 : w[0].x1;
	for (k = 1; k < n && w[k].x0 < tail; k++) {
		w[0].y0 = w[k].y0 < w[0].y0 ? w[k].y0 : w[0].y0;
		w[0].y1 = w[k].y1 > w[0].y1 ? w[k].y1 : w[0].y1;
		w[k].t[0] = '\0';
	}
	/* the stars are as sure as their shape; the rest as tesseract */
	w[0].conf = cn ? csum / cn : 90;
	/* after words and a gap, a cell of its own */
	if (f)
		w[0].line_start = 1;
	w[0].tentative = 0;
	return 1;
}

/*
 * Lone marks.  One much flatter than the line and twice as wide as it is
 * high can only be a dash, whatever tesseract made of it ("7", "=",
 * "_"): the "-" a report prints for a field with no value.  One smaller
 * than a third of the line every way, but a dash, is a speck of dirt on
 * the scan ("i", "_", "."), and goes.
 */
static void lone_marks(struct owords *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		struct oword *o = &w->v[i];
		int h = o->y1 - o->y0, lh = o->ly1 - o->ly0, chars = 0;
		const char *c;

		/* one character, in UTF-8 ("—" is three bytes) */
		for (c = o->t; *c; c++)
			chars += (*c & 0xc0) != 0x80;
		if (chars != 1)
			continue;
		if (h < 0.25 * lh && o->x1 - o->x0 >= 2 * h &&
		    strcmp(o->t, "-") != 0) {
			free(o->t);
			o->t = cc_xstrdup("-");
		} else if (h < lh / 3.0 && o->x1 - o->x0 < lh / 3.0 &&
			   strcmp(o->t, "-") != 0) {
			o->t[0] = '\0';
		}
	}
}

/* Whether word b goes on the row of the word a before it: the same
 * text line, or a line tesseract began where a's ends, at a's height. */
static int same_row(const struct oword *a, const struct oword *b)
{
	int m = (b->y0 + b->y1) / 2;

	if (!b->line_start)
		return 1;
	return b->x0 > a->x0 && m > a->ly0 && m < a->ly1;
}

static int lone_mark(const struct oword *o)
{
	unsigned char c = (unsigned char)o->t[0];

	return c && !o->t[1] && !isalnum(c) && !strchr("*#$%&(", c);
}

/*
 * A lone mark (a dash, a dot, a stroke) at the start or the end of a cell,
 * set apart from the word beside it by more than a space, is dirt on the
 * scan beside a label or a value ("- Account Status", "CBNA _"), not part
 * of it; a dash that is a cell alone stays.
 */
static void stray_marks(struct owords *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		struct oword *o = &w->v[i];
		const struct oword *p = i > 0 ? &w->v[i - 1] : NULL;
		const struct oword *q = i + 1 < w->n ? &w->v[i + 1] : NULL;
		int lh = o->ly1 - o->ly0, before, after;

		if (!lone_mark(o))
			continue;
		/* the gaps to the words beside it in its cell; -1: none */
		before = p && same_row(p, o) && o->x0 - p->x1 <= 2 * lh ?
			 o->x0 - p->x1 : -1;
		after = q && same_row(o, q) && q->x0 - o->x1 <= 2 * lh ?
			q->x0 - o->x1 : -1;
		if ((before < 0 && after > 0.6 * lh) ||
		    (after < 0 && before > 0.6 * lh))
			o->t[0] = '\0';
	}
}

/* Whether s looks like an account number masked with X's that OCR has
 * garbled: capitals and digits only, with an X run ("282132KKXXXXXXXXX"). */
static int x_mask(const char *s)
{
	if (!strstr(s, "XX"))
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s) && !isupper((unsigned char)*s))
			return 0;
	return 1;
}

/* b's character c as a digit: a letter that stands for one taken as it
 * when letters is set (OCR's reading), else a digit only; 0 for none. */
static char digit_of(char c, int letters)
{
	return letters ? cc_ocr_digit(c) : isdigit((unsigned char)c) ? c : 0;
}

/* Whether the digits of a (only digits) are those of b, in the same
 * order: b's letters that stand for digits taken as them (letters set),
 * or left out. */
static int same_digits(const char *a, const char *b, int letters)
{
	for (;;) {
		while (*a && !isdigit((unsigned char)*a))
			a++;
		while (*b && !digit_of(*b, letters))
			b++;
		if (*a != digit_of(*b, letters))
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

/* Whether mask s holds a letter that is neither X nor K (its X read
 * badly): an S, a B, a glyph OCR made up. */
static int stray_letter(const char *s)
{
	for (; *s; s++)
		if (isupper((unsigned char)*s) && *s != 'X' && *s != 'K')
			return 1;
	return 0;
}

/*
 * The word w, a mask of X's, read again for digits and X alone, in grey
 * and in black and white, keeping the surer reading if its digits are
 * the same: an X among X's is read as "K", or as two letters, when its
 * serifs touch the next.
 */
static void fix_xmask(TessBaseAPI *api, PIX *bin, PIX *grey, int dpi,
		      struct oword *w)
{
	int pad = (w->ly1 - w->ly0) / 4;
	double cg = 0;
	char *tg = read_only(api, bin, grey, dpi, "0123456789X", w->x0 - pad,
			     w->ly0 - pad, w->x1 + pad, w->ly1 + pad, NULL, 0,
			     &cg);

	if (tg && !strchr(tg, ' ') &&
	    ((cg > w->conf && same_digits(tg, w->t, 1)) ||
	     /* a letter read between its digits and its X's that was no
	      * glyph at all ("546375SXXXXXXXXXX"): the digits the same
	      * but for it, the reading no longer */
	     (stray_letter(w->t) && strlen(tg) < strlen(w->t) && cg > 60 &&
	      same_digits(tg, w->t, 0)))) {
		free(w->t);
		w->t = tg;
		w->conf = cg;
		return;
	}
	free(tg);
}

static int unsure(const struct oword *w)
{
	return w->conf < STAR_MAX_CONF || strchr(w->t, '*');
}

/*
 * The runs of words tesseract was unsure of, their stars found by shape.
 * A run is words of one row that touch or overlap, or stand no further
 * apart than twice the line's height: the words of one cell.
 */
static void find_stars(TessBaseAPI *api, PIX *bin, PIX *grey, int dpi,
		       struct owords *w)
{
	size_t i, j, k;

	for (i = 0; i < w->n; i = j) {
		int x1 = w->v[i].x1, lh = w->v[i].ly1 - w->v[i].ly0, any,
		    lim0 = 0, lim1 = INT_MAX;

		any = unsure(&w->v[i]);
		for (j = i + 1; j < w->n && same_row(&w->v[j - 1], &w->v[j]) &&
		     w->v[j].x0 <= x1 + 2 * lh; j++) {
			x1 = w->v[j].x1 > x1 ? w->v[j].x1 : x1;
			any |= unsure(&w->v[j]);
		}
		if (!any) {
			for (k = i; k < j; k++)
				if (x_mask(w->v[k].t) && stray_letter(w->v[k].t)) {
					TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
					fix_xmask(api, bin, grey, dpi, &w->v[k]);
				}
			continue;
		}
		if (i > 0 && same_row(&w->v[i - 1], &w->v[i]))
			lim0 = w->v[i - 1].x1 + 1;
		if (j < w->n && same_row(&w->v[j - 1], &w->v[j]))
			lim1 = w->v[j].x0 - 1;
		/* tesseract's results go when it reads a piece again */
		TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
		if (!fix_run(api, bin, grey, dpi, &w->v[i], j - i, lim0, lim1))
			for (k = i; k < j; k++)
				if (unsure(&w->v[k]) && x_mask(w->v[k].t))
					fix_xmask(api, bin, grey, dpi, &w->v[k]);
	}
}

/*
 * Append the words of t, cut at its spaces, to w: each a copy of like
 * (its line, baseline and confidence; the first word its line_start),
 * its box its characters' share of [x0, x1), the spaces counted when
 * spaced is 1 (a line read again) and not when 0 (a word read again,
 * its spaces new).
 */
static void add_words(struct owords *w, const char *t, const struct oword *like,
		      int x0, int x1, int spaced)
{
	size_t len = 0, at = 0, i = 0, st, n;
	const char *c;

	for (c = t; *c; c++)
		len += spaced || *c != ' ';
	while (t[i]) {
		struct oword *o;

		while (t[i] == ' ') {
			i++;
			at += spaced;
		}
		if (!t[i])
			break;
		st = i;
		while (t[i] && t[i] != ' ')
			i++;
		n = i - st;
		CC_GROW(w->v, w->alloc, w->n + 1);
		o = &w->v[w->n++];
		*o = *like;
		o->t = cc_xstrndup(t + st, n);
		o->alt = NULL;
		o->tentative = 0;
		o->line_start = like->line_start && st == strspn(t, " ");
		o->x0 = x0 + (int)((long)(x1 - x0) * (long)at / (long)len);
		o->x1 = x0 + (int)((long)(x1 - x0) * (long)(at + n) / (long)len);
		at += n;
	}
}

/*
 * Words run together.  On a line that is a table's row, the gaps between
 * columns make tesseract expect wide spaces, and it may read a name's
 * words as one ("PORTFOLIORECOVERYA").  A word it is unsure of, of six
 * letters at least, is read again alone as a line: when that gives the
 * same characters with spaces between them, the word is cut there, each
 * piece's box its share of the characters.
 */
#define GLUED_MAX_CONF 85    /* surer than this: no second look */

#define GLUED_LONG 10        /* letters of a word looked at however sure */

static int glued_candidate(TessBaseAPI *api, const struct oword *o)
{
	size_t letters = 0, n = 0, same = 0;
	const char *c;

	if (strchr(o->t, '*'))
		return 0;
	for (c = o->t; *c; c++, n++) {
		letters += isalpha((unsigned char)*c) != 0;
		same += c > o->t && *c == c[-1];
	}
	/* a payment pattern ("LLLLLLCCCC") is no words */
	if (letters < 6 || same * 2 >= n)
		return 0;
	/* a long word of letters no dictionary has ("TOYOTAMOTORCREDIT")
	 * is looked at again however sure tesseract was of it */
	return o->conf < GLUED_MAX_CONF ||
	       (letters >= GLUED_LONG && letters == n && !TessBaseAPIIsValidWord(api, o->t));
}

static int same_chars(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		if (!*a || !*b)
			return !*a && !*b;
		if (*a++ != *b++)
			return 0;
	}
}

/* Whether most of the words of t are the dictionary's: a word tesseract
 * was sure of is cut where they are ("TOYOTA MOTOR CREDIT"), not at a
 * space it made up ("EDF INANCIAL"). */
static int mostly_words(TessBaseAPI *api, const char *t)
{
	size_t n = 0, valid = 0, len;
	char word[64];

	for (; *t; t += len) {
		while (*t == ' ')
			t++;
		len = strcspn(t, " ");
		if (!len)
			break;
		n++;
		if (len < sizeof(word)) {
			memcpy(word, t, len);
			word[len] = '\0';
			valid += TessBaseAPIIsValidWord(api, word) != 0;
		}
	}
	return valid * 2 > n;
}

static void fix_glued(TessBaseAPI *api, PIX *grey, int dpi, struct owords *w)
{
	struct owords out = { 0 };
	size_t i;

	for (i = 0; i < w->n; i++) {
		struct oword *o = &w->v[i];
		double conf = 0;
		char *t = NULL;

		if (glued_candidate(api, o))
			t = read_again(api, grey, dpi, o->x0, o->x1, o->ly0, o->ly1, &conf);
		if (!t || !strchr(t, ' ') || !same_chars(t, o->t) ||
		    (o->conf >= GLUED_MAX_CONF && !mostly_words(api, t))) {
			free(t);
			CC_GROW(out.v, out.alloc, out.n + 1);
			out.v[out.n++] = *o;
			continue;
		}
		o->conf = conf;
		add_words(&out, t, o, o->x0, o->x1, 0);
		free(o->t);
		free(t);
	}
	free(w->v);
	*w = out;
}

/*
 * Words tesseract could hardly read.  In its reading of the whole page a
 * word may come out as something else entirely ("TYPE" as "Idd =",
 * confidence 8) where the line beside it is read well.  A run of such
 * words on one line (the first with a letter or digit), none of them
 * near a mask's stars (find_stars() has had those), is read again alone as a line, and the new reading taken
 * when tesseract is sure of it.
 */
#define UNSURE_MAX_CONF 40   /* below this a word is read again */
#define UNSURE_KEEP_CONF 80  /* the new reading kept from this */

static int unsure_word(const struct owords *w, size_t i, int marks)
{
	const struct oword *o = &w->v[i];
	int lh = o->ly1 - o->ly0;
	size_t k;

	if (o->conf >= UNSURE_MAX_CONF || !o->t[0] || strchr(o->t, '*'))
		return 0;
	for (k = i > 0 ? i - 1 : 0; k <= i + 1 && k < w->n; k++)
		if (k != i && strchr(w->v[k].t, '*') && w->v[k].ly0 < o->ly1 &&
		    w->v[k].ly1 > o->ly0 &&
		    (w->v[k].x0 - o->x1 < lh && o->x0 - w->v[k].x1 < lh))
			return 0;
	for (k = 0; o->t[k] && !marks; k++)
		if (isalnum((unsigned char)o->t[k]))
			return 1;
	return marks;
}

/* Words of specks alone at t's ends (". Equifax"), which a line read
 * again alone may have, taken off. */
static void trim_specks(char *t)
{
	size_t n = strlen(t), k;

	for (;;) {
		k = strcspn(t, " ");
		if (!t[k] || strspn(t, ".,'`:;_~") != k)
			break;
		memmove(t, t + k + 1, n - k);
		n -= k + 1;
	}
	for (;;) {
		char *sp = strrchr(t, ' ');

		if (!sp || strspn(sp + 1, ".,'`:;_~") != strlen(sp + 1))
			break;
		*sp = '\0';
	}
}

static void fix_unsure(TessBaseAPI *api, PIX *grey, int dpi, struct owords *w)
{
	struct owords out = { 0 };
	size_t i = 0, j, k;
	/* words read again, freed at the end: unsure_word() looks at the
	 * words beside the one it is asked of */
	unsigned char *gone = cc_xcalloc(w->n + 1, 1);

	while (i < w->n) {
		struct oword *o = &w->v[i];
		int lh = o->ly1 - o->ly0, x1 = o->x1;
		double conf = 0;
		char *t = NULL;

		j = i + 1;
		if (unsure_word(w, i, 0)) {
			while (j < w->n && !w->v[j].line_start &&
			       w->v[j].x0 - x1 < lh && unsure_word(w, j, 1))
				x1 = w->v[j++].x1;
			t = read_again(api, grey, dpi, o->x0, x1, o->ly0, o->ly1, &conf);
		}
		if (t)
			trim_specks(t);
		if (!t || !*t || conf < UNSURE_KEEP_CONF) {
			free(t);
			for (k = i; k < j; k++) {
				CC_GROW(out.v, out.alloc, out.n + 1);
				out.v[out.n++] = w->v[k];
			}
			i = j;
			continue;
		}
		o->conf = conf;
		add_words(&out, t, o, o->x0, x1, 1);
		free(t);
		for (k = i; k < j; k++)
			gone[k] = 1;
		i = j;
	}
	for (k = 0; k < w->n; k++)
		if (gone[k]) {
			free(w->v[k].t);
			free(w->v[k].alt);
		}
	free(gone);
	free(w->v);
	*w = out;
}

/*
 * Lines tesseract's page layout passed over: with one block of text
 * assumed (--psm 6), a line much larger than the rest, a report's title
 * ("TRANSUNION"), is no text at all.  The ink that no word covers, in
 * clusters of at least three marks about a line high and wider than
 * high, is read again as one line each, and kept when tesseract is sure
 * of it and it holds three letters or digits.
 */
#define MISSED_MAX 4096      /* more marks than this: a picture, not text */

static int cmp_box_y(const void *a, const void *b)
{
	const struct blob *p = a, *q = b;

	if (p->y0 != q->y0)
		return (p->y0 > q->y0) - (p->y0 < q->y0);
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int alnum_count(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += isalnum((unsigned char)*s) != 0;
	return n;
}

static void add_missed(struct owords *w, const char *t, int x0, int y0,
		       int x1, int y1, double conf)
{
	struct oword like = { 0 };

	like.y0 = like.ly0 = y0;
	like.y1 = like.ly1 = like.base = y1;
	like.line_start = 1;
	like.conf = conf;
	add_words(w, t, &like, x0, x1, 1);
}
/* Whether s, read for digits and X alone, is a mask: six characters
 * or more, a run of four X's among them. */
static int read_xmask(const char *s)
{
	return strlen(s) >= 6 && strstr(s, "XXXX") && !s[strspn(s, "0123456789X")];
}

static void missed_lines(TessBaseAPI *api, PIX *bin, PIX *grey, int dpi,
			 struct owords *w)
{
	struct blob *b = NULL;
	int *hs = NULL, med, m, i, j, nb = 0;
	size_t k, nw = w->n, nh = 0;
	PIX *ink;
	BOXA *boxa;

	if (!bin || !nw)
		return;
	/* the words' height, the median of them */
	hs = cc_xreallocarray(NULL, nw, sizeof(*hs));
	for (k = 0; k < nw; k++)
		if (alnum_count(w->v[k].t) >= 2)
			hs[nh++] = w->v[k].ly1 - w->v[k].ly0;
	if (nh < 5) {
		free(hs);
		return;
	}
	qsort(hs, nh, sizeof(*hs), cmp_int);
	med = hs[nh / 2];
	free(hs);
	if (med < 4)
		return;
	ink = pixCopy(NULL, bin);
	if (!ink)
		return;
	for (k = 0; k < nw; k++) {
		const struct oword *o = &w->v[k];
		/* the word's own box: its line's may take in a line
		 * tesseract merged into it and did not read */
		int pad = (o->y1 - o->y0) / 4 + 2;
		BOX *bx = boxCreate(o->x0 - pad, o->y0 - pad,
				    o->x1 - o->x0 + 2 * pad,
				    o->y1 - o->y0 + 2 * pad);

		if (bx) {
			pixClearInRect(ink, bx);
			boxDestroy(&bx);
		}
	}
	boxa = pixConnCompBB(ink, 8);
	pixDestroy(&ink);
	if (!boxa)
		return;
	m = boxaGetCount(boxa);
	if (m > MISSED_MAX) {
		boxaDestroy(&boxa);
		return;
	}
	b = cc_xreallocarray(NULL, (size_t)(m ? m : 1), sizeof(*b));
	for (i = 0; i < m; i++) {
		l_int32 x, y, bw, bh;

		if (boxaGetBoxGeometry(boxa, i, &x, &y, &bw, &bh) != 0)
			continue;
		/* a letter of a line at least as large as the text's,
		 * not a rule, a box or a picture */
		if (bh < med / 2 || bh > 4 * med || bw > 4 * med)
			continue;
		b[nb].x0 = x;
		b[nb].y0 = y;
		b[nb].x1 = x + bw;
		b[nb].y1 = y + bh;
		b[nb].stars = 1;
		nb++;
	}
	boxaDestroy(&boxa);
	qsort(b, (size_t)nb, sizeof(*b), cmp_box_y);
	/* marks into lines: each mark joins the line it overlaps most in
	 * height and is near in width */
	for (i = 0; i < nb; i++) {
		if (!b[i].stars)
			continue;
		for (j = i + 1; j < nb; j++) {
			int h, ov;

			if (!b[j].stars)
				continue;
			if (b[j].y0 > b[i].y1)
				break;
			h = b[i].y1 - b[i].y0;
			ov = (b[j].y1 < b[i].y1 ? b[j].y1 : b[i].y1) -
			     (b[j].y0 > b[i].y0 ? b[j].y0 : b[i].y0);
			if (2 * ov < h || b[j].x0 > b[i].x1 + h ||
			    b[j].x1 < b[i].x0 - h)
				continue;
			b[i].x0 = b[j].x0 < b[i].x0 ? b[j].x0 : b[i].x0;
			b[i].x1 = b[j].x1 > b[i].x1 ? b[j].x1 : b[i].x1;
			b[i].y0 = b[j].y0 < b[i].y0 ? b[j].y0 : b[i].y0;
			b[i].y1 = b[j].y1 > b[i].y1 ? b[j].y1 : b[i].y1;
			b[i].stars += b[j].stars;
			b[j].stars = 0;
			j = i;  /* the line grew: look again */
		}
	}
	TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
	for (i = 0; i < nb; i++) {
		int h = b[i].y1 - b[i].y0, pad = h / 4 + 2;
		double conf = 0;
		char *t;

		if (b[i].stars < 3 || b[i].x1 - b[i].x0 < 2 * h || h < med * 3 / 4)
			continue;
		t = read_rect(api, grey, dpi, b[i].x0 - pad, b[i].y0 - pad,
			      b[i].x1 + pad, b[i].y1 + pad, NULL, 0, &conf);
		if (t && conf >= 70 && alnum_count(t) >= 3) {
			add_missed(w, t, b[i].x0, b[i].y0, b[i].x1, b[i].y1, conf);
		} else {
			/* stars tesseract cannot read: find_stars() may; or
			 * else a mask of X's it cannot read as text
			 * ("362216XXXXXXXXXX"), read for digits and X */
			double xconf = 0;
			char *x = read_only(api, bin, grey, dpi, "0123456789X",
					    b[i].x0 - pad, b[i].y0 - pad, b[i].x1 + pad,
					    b[i].y1 + pad, NULL, 0, &xconf);

			add_missed(w, "?", b[i].x0, b[i].y0, b[i].x1, b[i].y1, 0);
			w->v[w->n - 1].tentative = 1;
			if (x && xconf >= 60 && read_xmask(x)) {
				w->v[w->n - 1].alt = x;
				w->v[w->n - 1].alt_conf = xconf;
			} else {
				free(x);
			}
		}
		free(t);
	}
	free(b);
}

int ccocr_page(struct cc_ocr *o, const unsigned char *pix, int w, int h,
	       int dpi, struct cc_page_text *out, double *mean,
	       struct cc_error *e);
int ccocr_page(struct cc_ocr *o, const unsigned char *pix, int w, int h,
	       int dpi, struct cc_page_text *out, double *mean,
	       struct cc_error *e)
{
	PIX *p = make_pix(pix, w, h, o->opts.deskew), *bin;
	struct owords ws = { 0 };
	struct cc_buf cell = { 0 };
	float scale = 72.0f / (float)dpi;
	int cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0, nw = 0, rc = 0, rise = 0;
	double csum = 0;
	size_t i;

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
	collect_words(o->api, &ws);
	lone_marks(&ws);
	stray_marks(&ws);
	bin = TessBaseAPIGetThresholdedImage(o->api);
	fix_glued(o->api, p, dpi, &ws);
	if (bin) {
		missed_lines(o->api, bin, p, dpi, &ws);
		find_stars(o->api, bin, p, dpi, &ws);
		for (i = 0; i < ws.n; i++)
			if (ws.v[i].tentative && ws.v[i].alt) {
				free(ws.v[i].t);
				ws.v[i].t = ws.v[i].alt;
				ws.v[i].alt = NULL;
				ws.v[i].conf = ws.v[i].alt_conf;
			} else if (ws.v[i].tentative) {
				ws.v[i].t[0] = '\0';
			}
		pixDestroy(&bin);
	}
	fix_unsure(o->api, p, dpi, &ws);
	TessBaseAPISetPageSegMode(o->api, (TessPageSegMode)o->opts.psm);
	/*
	 * Word by word, each text line cut where the gap between two words
	 * is wider than twice the line's height: a table's columns (a label
	 * and its value, a bureau's column) become lines of their own, as
	 * the text layer gives them.  A star is joined to the word beside it
	 * when they are no further apart than the stars in a run.
	 */
	for (i = 0; i < ws.n; i++) {
		const struct oword *q = &ws.v[i];
		int lh = q->ly1 - q->ly0;

		if (nw && (q->line_start || q->x0 - cx1 > 2 * lh)) {
			add_cell(out, &cell, cx0, cy0, cx1, cy1, rise, csum / nw, scale);
			nw = 0;
			csum = 0;
		}
		if (nw && cell.len && q->x0 - cx1 < lh / 2 &&
		    (cell.s[cell.len - 1] == '*' || q->t[0] == '*')) {
			/* glued: clean_word must not add a space */
			struct cc_buf tmp = { 0 };

			if (!clean_word(&tmp, q->t)) {
				cc_buf_release(&tmp);
				continue;
			}
			cc_buf_add(&cell, tmp.s, tmp.len);
			cc_buf_release(&tmp);
		} else if (!clean_word(&cell, q->t)) {
			continue;
		}
		if (!nw) {
			cx0 = q->x0;
			cy0 = q->y0;
			cx1 = q->x1;
			cy1 = q->y1;
			rise = 0;
		}
		/* how high letters and digits rise: "$", "(", "/" and a lone
		 * "-" say nothing of it */
		if (q->base - q->y0 > rise && plain_word(q->t))
			rise = q->base - q->y0;
		if (nw) {
			cx1 = q->x1 > cx1 ? q->x1 : cx1;
			cy0 = q->y0 < cy0 ? q->y0 : cy0;
			cy1 = q->y1 > cy1 ? q->y1 : cy1;
		}
		csum += q->conf;
		nw++;
	}
	if (nw)
		add_cell(out, &cell, cx0, cy0, cx1, cy1, rise, csum / nw, scale);
	cc_buf_release(&cell);
	owords_free(&ws);
out_clear:
	TessBaseAPIClear(o->api);
	pixDestroy(&p);
	return rc;
}
