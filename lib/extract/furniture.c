/*
 * furniture.c -- a document's running heads and feet, left out of its
 * cells: page headers and footers, page numbers, the report's number on
 * every page.
 *
 * Running heads and feet: from the top of each page down, and from the
 * bottom up, the lines that stand, with the same text (digits aside) at
 * the same height, on two pages in three or more.  The walk stops at the first
 * line that does not, so a label that happens to sit at the same height on
 * several pages stays; past the outermost line, only lines on three pages
 * or more, or on every page, are running heads (two accounts of one
 * creditor may head two pages of three).  The first page's copy of a running head stays
 * too: it may be a section heading, or the report's date.
 */
#include "base/cc.h"
#include "extract/reader.h"

#include <ctype.h>

static int letters(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += isalpha((unsigned char)*s) != 0;
	return n;
}

static char *furniture_key(const char *s)
{
	char *k = x_norm(s), *p, *q;
	int words = letters(s) >= 3;

	/* letters and digits only, as OCR reads dashes and marks one way or
	 * another; every run of up to eight digits one '#', "page 9" and
	 * "page 10" alike; but a line of a number alone ("017", a
	 * tradeline's) is kept, and so is a longer run (a payment pattern
	 * "432111111111111111111111": no page counter or date) */
	for (p = q = k; *p; p++) {
		size_t run = strspn(p, "0123456789");

		if (words && run > 0 && run <= 8) {
			if (q == k || q[-1] != '#')
				*q++ = '#';
			p += run - 1;
		} else if (isalnum((unsigned char)*p)) {
			*q++ = *p;
		}
	}
	*q = '\0';
	return k;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static int cmp_fkey(const void *a, const void *b)
{
	const struct xline *const *p = a, *const *q = b;

	if ((*p)->hash != (*q)->hash)
		return (*p)->hash < (*q)->hash ? -1 : 1;
	return ((*p)->page > (*q)->page) - ((*p)->page < (*q)->page);
}

static int same_key(const struct xline *a, const struct xline *b)
{
	return a->hash == b->hash && !strcmp(a->key, b->key);
}

static int cmp_fy(const void *a, const void *b)
{
	const struct xline *const *p = a, *const *q = b;
	double x = (*p)->yc, y = (*q)->yc;

	if ((*p)->page != (*q)->page)
		return (*p)->page < (*q)->page ? -1 : 1;
	if (x != y)
		return x < y ? -1 : 1;
	return (*p)->b[0] < (*q)->b[0] ? -1 : (*p)->b[0] > (*q)->b[0];
}

/* Whether line t is a payment grid's: each word a month, a year ('24,
 * 2024) or a code of three characters at most ("OK", "30", "CO"), which
 * a grid that goes on at the top of the next pages repeats at one height
 * and which is no running head. */
static int grid_text(const char *t)
{
	static const char *const mon[] = { "jan", "feb", "mar", "apr", "may", "jun",
					   "jul", "aug", "sep", "oct", "nov", "dec" };
	size_t n, k;
	int m;

	while (*t) {
		while (*t == ' ')
			t++;
		if (!*t)
			break;
		n = strcspn(t, " ");
		m = 0;
		if (n <= 3 && !(n == 3 && isdigit((unsigned char)t[0]) && t[1] == '/'))
			m = 1;
		if (n == 4 && isdigit((unsigned char)t[0]) && (t[0] == '1' || t[0] == '2') &&
		    strspn(t, "0123456789") == 4)
			m = 1;
		for (k = 0; k < 12 && !m; k++)
			if (n == 3 && !strncasecmp(t, mon[k], 3))
				m = 1;
		if (!m)
			return 0;
		t += n;
	}
	return 1;
}

/* On two pages in three or more at this height, in the top (or bottom)
 * quarter of the page. */
static int heading_like(const struct xline *f, int npages, int top)
{
	if (f->count < 2 || f->count * 3 < npages * 2 || grid_text(f->t))
		return 0;
	return top ? f->yc <= f->height / 4 : f->yc >= f->height * 3 / 4;
}

static double ycen(const struct xline *f)
{
	return f->yc;
}

static int in_zone(const struct xline *f)
{
	return ycen(f) <= f->height / 4 || ycen(f) >= f->height * 3 / 4;
}

static int cmp_fyc(const void *a, const void *b)
{
	double x = ycen(*(struct xline *const *)a), y = ycen(*(struct xline *const *)b);

	return x < y ? -1 : x > y;
}

/* The page of a line as an index in 0..npages+1: numbers out of that
 * range share the last. */
static size_t page_slot(const struct xline *f, int npages)
{
	return f->page < 0 || f->page > npages + 1 ? (size_t)npages + 1 :
	       (size_t)f->page;
}

/* Mark the running heads and feet among the lines fl[0..n) of a document
 * of npages pages. */
void x_mark_furniture(struct xline *fl, size_t n, int npages)
{
	struct xline **s;
	size_t i, j, k;
	unsigned *cnt;

	if (npages < 2 || n == 0)
		return;
	/* only lines in the top or bottom quarter of a page can be */
	s = cc_xreallocarray(NULL, n, sizeof(*s));
	for (i = k = 0; i < n; i++) {
		fl[i].yc = (fl[i].b[1] + fl[i].b[3]) / 2;
		if (!in_zone(&fl[i]))
			continue;
		fl[i].key = furniture_key(fl[i].t);
		fl[i].hash = fnv1a(fl[i].key);
		s[k++] = &fl[i];
	}
	n = k;
	qsort(s, n, sizeof(*s), cmp_fkey);
	/* the pages with the same text at the same height, give or take a
	 * little (more on a scan); only lines in the top or bottom quarter
	 * can be running heads, so only they are counted.  The group is
	 * sorted by height: each line looks at its neighbours in a window. */
	cnt = cc_xcalloc((size_t)npages + 2, sizeof(*cnt));
	for (i = 0; i < n; i = j) {
		static const double tols[2] = { 3, 10 };
		int t;

		for (j = i; j < n && same_key(s[j], s[i]); j++)
			;
		if (j - i < 2 || !s[i]->key[0])
			continue;
		qsort(s + i, j - i, sizeof(*s), cmp_fyc);
		/* a window [y - tol, y + tol) that slides down the group, the
		 * lines in it counted by page: once for a text layer's lines
		 * (tol 3), once for OCR's (tol 10) */
		for (t = 0; t < 2; t++) {
			double tol = tols[t];
			size_t lo = i, hi = i;
			int pages = 0;

			for (k = i; k < j; k++) {
				double yk = ycen(s[k]);

				for (; hi < j && ycen(s[hi]) < yk + tol; hi++)
					if (cnt[page_slot(s[hi], npages)]++ == 0)
						pages++;
				for (; ycen(s[lo]) < yk - tol; lo++)
					if (--cnt[page_slot(s[lo], npages)] == 0)
						pages--;
				if ((s[k]->conf < 1 ? 10 : 3) == tol)
					s[k]->count = pages;
			}
			for (; lo < hi; lo++)
				cnt[page_slot(s[lo], npages)]--;
		}
		qsort(s + i, j - i, sizeof(*s), cmp_fkey);
	}
	free(cnt);
	/* walk each page from the top down and the bottom up, a line of
	 * lines at one height at a time: all of them running heads, or the
	 * walk stops */
	qsort(s, n, sizeof(*s), cmp_fy);
	for (i = 0; i < n; i = j) {
		int page = s[i]->page;
		size_t a, b;

		for (j = i; j < n && s[j]->page == page; j++)
			;
		for (a = i; a < j; a = b) {
			int all = 1;

			for (b = a; b < j && s[b]->yc - s[a]->yc < 2; b++)
				if (!heading_like(s[b], npages, 1) ||
				    (a > i && s[b]->count < 3 && s[b]->count < npages))
					all = 0;
			if (!all)
				break;
			for (k = a; k < b; k++)
				s[k]->furniture = 1;
		}
		for (b = j; b > i; b = a) {
			int all = 1;

			for (a = b; a > i && s[b - 1]->yc - s[a - 1]->yc < 2; a--)
				if (!heading_like(s[a - 1], npages, 0) ||
				    (b < j && s[a - 1]->count < 3 && s[a - 1]->count < npages))
					all = 0;
			if (!all)
				break;
			for (k = a; k < b; k++)
				s[k]->furniture = 1;
		}
	}
	/* the first copy of each running head stays */
	qsort(s, n, sizeof(*s), cmp_fkey);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && same_key(s[j], s[i]); j++)
			;
		for (k = i; k < j; k++)
			if (s[k]->furniture) {
				if ((s[k]->b[1] + s[k]->b[3]) / 2 < s[k]->height / 2)
					s[k]->furniture = 0;
				break;
			}
	}
	for (i = 0; i < n; i++) {
		free(s[i]->key);
		s[i]->key = NULL;
	}
	free(s);
}
