/*
 * grid.c -- payment grids: an account's history, month by month, read by
 * the positions of the grid's month headers.  Three kinds, by the
 * layout's "grid": year by month (a row of month names, then a row per
 * year), strip (rows of MM/YY headers, each over a row of codes), and
 * pattern (a lender's "History: 12/25; L65432100", a code a month
 * back from the one named).
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>
#include <math.h>

static const char *const month_names[12] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec",
};

int x_month_of_word(const char *w)
{
	int m;

	for (m = 0; m < 12; m++)
		if (strncasecmp(w, month_names[m], 3) == 0 && strlen(w) <= 4)
			return m + 1;
	return 0;
}

static int year_of_word(const char *w)
{
	char dg[8];

	if (strlen(w) != 4 || cc_norm_digits(w, dg, sizeof(dg)) < 0)
		return 0;
	return x_int(dg) >= 1950 && x_int(dg) <= 2099 ? x_int(dg) : 0;
}

void x_hist_add(struct xacct *a, int y, int m, const char *code)
{
	size_t i;

	for (i = 0; i < a->nhist; i++)
		if (a->hist[i].y == y && a->hist[i].m == m)
			return;
	a->hist = x_grow(a->hist, a->nhist, sizeof(*a->hist));
	a->hist[a->nhist].y = y;
	a->hist[a->nhist].m = m;
	{
		size_t n = strnlen(code, sizeof(a->hist[0].s) - 1);

		memcpy(a->hist[a->nhist].s, code, n);
		a->hist[a->nhist].s[n] = '\0';
	}
	a->nhist++;
}

/* A grid cell's code: the vocabulary's, or, in a report whose legend
 * says a check mark is OK (x_grid_legend()), a check as OCR reads it:
 * v, V, Vv, \, ¥ (not "V" for a voluntary surrender there). */
const char *x_grid_code(const struct xdoc *d, const char *w)
{
	const unsigned char *p;
	int n = 0;

	/* OK as OCR misreads it */
	if (!strcmp(w, "QK") || !strcmp(w, "0K") || !strcmp(w, "OK."))
		w = "OK";

	if (d->check_ok) {
		for (p = (const unsigned char *)w; *p; p++, n++)
			if (!strchr("vV\\/Jy", *p) && !(*p & 0x80))
				break;
		if (!*p && n > 0 && n <= 4)
			return "OK";
	}
	return X_LOOKUP(d->L, codes, w);
}

/*
 * Year-by-month grid: a row of month names, then rows of a year and its
 * codes.  Returns the index of the first row after the grid.
 */
size_t x_grid_year_month(struct xdoc *d, size_t i, struct xacct *a)
{
	double mx[13] = { 0 };
	struct xword *w = NULL;
	size_t aw = 0, n, k;
	int have = 0, m, y;

	for (; i < d->nr; i++) {
		const struct xrow *r = &d->r[i];
		int months = 0;

		n = x_row_words(d, r, &w, &aw);
		for (k = 0; k < n; k++)
			if (x_month_of_word(w[k].t))
				months++;
		if (months >= 6 && months * 2 >= (int)n) {
			for (k = 0; k < n; k++)
				if ((m = x_month_of_word(w[k].t)) != 0)
					mx[m] = (w[k].x0 + w[k].x1) / 2;
			have = 1;
			x_acct_box(a, r);
			continue;
		}
		if (!have || n == 0 || !(y = year_of_word(w[0].t)))
			break;
		x_acct_box(a, r);
		x_acct_cell(a, CELL(d, r, 0));
		if (r->n == 1 && n > 1 && n < 13) {
			/* OCR: one line; the run of months is left-aligned (the
			 * newest year) or ends in December (the oldest) */
			int right = CELL(d, r, 0)->x1 >= mx[12] - 8, first;

			first = right ? 12 - (int)(n - 1) + 1 : 1;
			for (k = 1; k < n; k++) {
				const char *c = x_grid_code(d, w[k].t);

				if (c)
					x_hist_add(a, y, first + (int)k - 1, c);
			}
			continue;
		}
		for (k = 1; k < n; k++) {
			double xc = (w[k].x0 + w[k].x1) / 2, best = 1e9;
			const char *c = x_grid_code(d, w[k].t);
			int bm = 0;

			for (m = 1; m <= 12; m++)
				if (fabs(mx[m] - xc) < best) {
					best = fabs(mx[m] - xc);
					bm = m;
				}
			if (c && bm)
				x_hist_add(a, y, bm, c);
		}
	}
	free(w);
	return i;
}

/* "MM/YY" into year and month, the year 20YY unless after the report. */
static int month_year(const struct xdoc *d, const char *w, int *y, int *m)
{
	char iso[11];

	if (strlen(w) != 5 || w[2] != '/' || cc_norm_date(w, iso) < 0)
		return -1;
	*y = x_int(iso);
	*m = x_int(iso + 5);
	if (d->report_date[0] && strncmp(iso, d->report_date, 7) > 0)
		*y -= 100;
	return 0;
}

/*
 * A strip's headers are months one after another: one OCR misread
 * ("1/25" between 12/25 and 10/25), or left out, is the month its
 * neighbours put there.  ys[k] is 0 where a header did not read.
 */
static void strip_months(int *ys, int *ms, size_t n)
{
	int up = 0, down = 0, dir, v;
	size_t k;

	for (k = 1; k < n; k++)
		if (ys[k] && ys[k - 1]) {
			v = ys[k] * 12 + ms[k] - (ys[k - 1] * 12 + ms[k - 1]);
			up += v == 1;
			down += v == -1;
		}
	if (up == down)
		return;
	dir = up > down ? 1 : -1;
	for (k = 0; k < n; k++) {
		int prev = k > 0 && ys[k - 1] ? ys[k - 1] * 12 + ms[k - 1] - 1 + dir : -1;
		int next = k + 1 < n && ys[k + 1] ? ys[k + 1] * 12 + ms[k + 1] - 1 - dir : -1;
		int cur = ys[k] ? ys[k] * 12 + ms[k] - 1 : -1;

		/* a header that read agrees with one neighbour: kept */
		if (cur >= 0 && (cur == prev || cur == next || (prev < 0 && next < 0)))
			continue;
		/* one that did not: both neighbours must agree, or the one */
		if (prev >= 0 && next >= 0 && prev != next)
			continue;
		v = prev >= 0 ? prev : next;
		if (v < 0 || (cur >= 0 && (prev < 0 || next < 0)))
			continue;
		ys[k] = v / 12;
		ms[k] = v % 12 + 1;
	}
}

/*
 * Strip grid: rows of MM/YY headers, each followed by a row of codes.
 * Returns the index of the first row after it.
 */
size_t x_grid_strip(struct xdoc *d, size_t i, struct xacct *a)
{
	struct xword *w = NULL, *hw = NULL;
	size_t aw = 0, ahw = 0, n, nh, k, j;
	int ys[64], ms[64];

	while (i < d->nr) {
		const struct xrow *r = &d->r[i];
		int good = 0;

		nh = 0;
		for (k = 0; k < r->n; k++)
			nh = x_cell_words(CELL(d, r, k), &hw, &ahw, nh);
		if (nh > 64)
			nh = 64;
		for (k = 0; k < nh; k++)
			if (month_year(d, hw[k].t, &ys[k], &ms[k]) == 0)
				good++;
			else
				ys[k] = 0;
		if (good < 1 || good * 2 < (int)nh || i + 1 >= d->nr)
			break;
		strip_months(ys, ms, nh);
		x_acct_box(a, r);
		r = &d->r[i + 1];
		n = x_row_words(d, r, &w, &aw);
		x_acct_box(a, r);
		if (r->n > 0)
			x_acct_cell(a, CELL(d, r, 0));
		if (n == nh) {
			for (k = 0; k < n; k++) {
				const char *c = x_grid_code(d, w[k].t);

				if (c && ys[k])
					x_hist_add(a, ys[k], ms[k], c);
			}
		} else {
			for (k = 0; k < n; k++) {
				double xc = (w[k].x0 + w[k].x1) / 2, best = 1e9;
				const char *c = x_grid_code(d, w[k].t);
				size_t bj = 0;

				for (j = 0; j < nh; j++)
					if (fabs((hw[j].x0 + hw[j].x1) / 2 - xc) < best) {
						best = fabs((hw[j].x0 + hw[j].x1) / 2 - xc);
						bj = j;
					}
				if (c && ys[bj])
					x_hist_add(a, ys[bj], ms[bj], c);
			}
		}
		i += 2;
	}
	free(w);
	free(hw);
	return i;
}

/* --- any grid (the generic reader's) -------------------------------------- */

/* A year mark over a strip's months: 'YY, ’YY or YYYY, or YY where OCR
 * lost the ' (bare); 0 when w is none.  A two-digit year after the
 * report's is of the century before. */
static int mark_year(const struct xdoc *d, const char *w, int bare)
{
	const char *p = w;
	int y;

	/* ' and its typographic forms, and how OCR reads them: * " ` */
	if (p[0] == '\'' || p[0] == '*' || p[0] == '"' || p[0] == '`')
		p++;
	else if (!strncmp(p, "\xe2\x80\x99", 3) || !strncmp(p, "\xe2\x80\x98", 3) ||
		 !strncmp(p, "\xe2\x80\x9c", 3) || !strncmp(p, "\xe2\x80\x9d", 3))
		p += 3;
	else if (!bare || strlen(p) != 2)
		return year_of_word(w);
	if (strlen(p) != 2 || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]))
		return 0;
	y = 2000 + (p[0] - '0') * 10 + (p[1] - '0');
	if (d->report_date[0] && y > x_int(d->report_date))
		y -= 100;
	return y;
}

/* Whether row r was read by OCR. */
static int ocr_row(const struct xdoc *d, const struct xrow *r)
{
	size_t k;

	for (k = 0; k < r->n; k++)
		if (CELL(d, r, k)->conf < 1)
			return 1;
	return 0;
}

/* A grid's legend: "√ = paid as agreed (OK)  30 = 30 days late", as
 * OCR reads it too ("V= paid ...", "¥ - paid ..."). */
static int legend(const struct xdoc *d, const struct xrow *r)
{
	/* a row of a label and its values ("Balance: - $2 $3") is none */
	return !x_row_labelled(d, r) && (strchr(r->text, '=') || strstr(r->text, " - ")) &&
	       x_alnums(r->text) < 60;
}

void x_grid_legend(struct xdoc *d, const struct xrow *r)
{
	if (legend(d, r) && strstr(r->norm, "paid as agreed") &&
	    strstr(r->text, "(OK)") && strncmp(r->text, "OK", 2) != 0)
		d->check_ok = 1;
}

enum { GR_NONE, GR_MMYY, GR_MARKS, GR_MONTHS, GR_YEARS };

/* What kind of grid row r is. */
static int grid_row(const struct xdoc *d, const struct xrow *r,
		    struct xword **w, size_t *aw)
{
	size_t n = x_row_words(d, r, w, aw), k, months = 0, marks = 0, mmyy = 0;
	int y, m;

	if (n == 0)
		return GR_NONE;
	for (k = 0; k < n; k++) {
		months += x_month_of_word((*w)[k].t) != 0;
		marks += mark_year(d, (*w)[k].t, ocr_row(d, r)) != 0;
		mmyy += month_year(d, (*w)[k].t, &y, &m) == 0;
	}
	if (mmyy >= 3 && mmyy * 2 >= n)
		return GR_MMYY;
	if (months >= 6 && months * 3 >= n * 2)
		return GR_MONTHS;
	if (marks == n && n <= 12)
		return GR_MARKS;
	/* a year under every month ("Year '23 '23 ... '24"), after a word
	 * that names the row */
	if (marks + 1 == n && marks >= 6 && !mark_year(d, (*w)[0].t, 0))
		return GR_YEARS;
	return GR_NONE;
}

int x_grid_starts(const struct xdoc *d, size_t i)
{
	struct xword *w = NULL;
	size_t aw = 0, k;
	int kind = GR_NONE;

	for (k = 0; k < 3 && i + k < d->nr; k++) {
		if (legend(d, &d->r[i + k]))
			continue;
		kind = grid_row(d, &d->r[i + k], &w, &aw);
		if (kind == GR_MARKS)
			kind = i + k + 1 < d->nr &&
			       grid_row(d, &d->r[i + k + 1], &w, &aw) == GR_MONTHS ?
			       GR_MONTHS : GR_NONE;
		break;
	}
	free(w);
	return kind != GR_NONE;
}

/* The bureau a grid row starts with ("TransUnion √ √ 30"), its words in
 * *skip; or NULL. */
static int word_is(const char *w, const char *name)
{
	size_t n = strlen(name);

	return !strncasecmp(w, name, n) && (w[n] == '\0' || (w[n] == ':' && !w[n + 1]));
}

const char *x_bureau_named(const char *s)
{
	static const struct { const char *name, *id; } b[] = {
		{ "transunion", "transunion" }, { "trans union", "transunion" },
		{ "experian", "experian" }, { "equifax", "equifax" },
	};
	char t[16];
	size_t n = 0, i;

	/* lower case, runs of spaces one, a final ':' dropped */
	for (; *s && n + 1 < sizeof(t); s++) {
		if (*s == ' ' && (n == 0 || t[n - 1] == ' '))
			continue;
		t[n++] = (char)tolower((unsigned char)*s);
	}
	if (*s)
		return NULL;
	while (n && (t[n - 1] == ' ' || t[n - 1] == ':'))
		n--;
	t[n] = '\0';
	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		if (!strcmp(t, b[i].name))
			return b[i].id;
	return NULL;
}

/* The bureau whose name word w starts with, glued to the first code of
 * its row; w is left that code. */
static const char *glued_bureau(const struct xdoc *d, struct xword *w)
{
	static const char *const names[] = { "transunion", "experian", "equifax" };
	const char *b = NULL;
	size_t p = 0, len = strlen(w->t), k;

	/* "ExperianOK", "Equifax\u221a" */
	for (k = 0; k < sizeof(names) / sizeof(names[0]) && !b; k++) {
		p = strlen(names[k]);
		if (len > p && !strncasecmp(w->t, names[k], p) &&
		    x_grid_code(d, w->t + p))
			b = names[k];
	}
	if (!b)
		return NULL;
	/* the code's place, by its share of the word's characters */
	w->x0 += (w->x1 - w->x0) * (double)p / (double)(p + x_u8len(w->t + p, len - p));
	memmove(w->t, w->t + p, len - p + 1);
	return b;
}

static const char *row_bureau(const struct xdoc *d, struct xword *w, size_t n,
			      size_t *skip)
{
	const char *b;

	*skip = 0;
	if (n >= 1 && ((b = x_bureau_named(w[0].t)) != NULL || word_is(w[0].t, "tu"))) {
		*skip = 1;
		return b ? b : "transunion";
	}
	if (n >= 1 && (b = glued_bureau(d, &w[0])) != NULL)
		return b;
	if (n >= 2 && !strcasecmp(w[0].t, "trans") && word_is(w[1].t, "union")) {
		*skip = 2;
		return "transunion";
	}
	return NULL;
}

/* The years of a strip's months mm[0..n): by the year marks over them
 * (the mark at or left of a month's left edge), or, with none, counted
 * back from the report's date, newest first or oldest first. */
/*
 * Year marks ky[0..nk) over a strip of months mm[0..n) follow each other
 * a year apart: one OCR misread ('95 for '25, years before the report's
 * or after it) is its neighbour's year and one, before or after as the
 * months run.
 */
static void fix_marks(const struct xdoc *d, const int *mm, size_t n, int *ky,
		      size_t nk)
{
	int ry = d->report_date[0] ? x_int(d->report_date) : 0, step;
	size_t k;

	if (nk < 2 || n < 2 || !ry)
		return;
	/* oldest first: a year on left to right */
	step = mm[1] == mm[0] % 12 + 1 ? 1 : -1;
	for (k = 0; k < nk; k++) {
		if (ky[k] >= ry - 5 && ky[k] <= ry)
			continue;
		if (k + 1 < nk && ky[k + 1] >= ry - 5 && ky[k + 1] <= ry)
			ky[k] = ky[k + 1] - step;
		else if (k > 0 && ky[k - 1] >= ry - 5 && ky[k - 1] <= ry)
			ky[k] = ky[k - 1] + step;
	}
}

static int strip_years(const struct xdoc *d, const int *mm, const double *mx0,
		       size_t n, const double *kx, const int *ky, size_t nk, int *yy)
{
	size_t k, j;
	int ry, rm, desc;

	if (nk) {
		for (k = 0; k < n; k++) {
			yy[k] = 0;
			for (j = 0; j < nk; j++)
				if (kx[j] <= mx0[k] + 3)
					yy[k] = ky[j];
			if (!yy[k])
				yy[k] = ky[0];
		}
		return 0;
	}
	if (!d->report_date[0] || n < 2)
		return -1;
	ry = x_int(d->report_date);
	rm = x_int(d->report_date + 5);
	desc = mm[1] == (mm[0] + 10) % 12 + 1;
	if (desc) {
		yy[0] = mm[0] <= rm ? ry : ry - 1;
		for (k = 1; k < n; k++)
			yy[k] = yy[k - 1] - (mm[k] > mm[k - 1]);
	} else {
		yy[n - 1] = mm[n - 1] <= rm ? ry : ry - 1;
		for (k = n - 1; k > 0; k--)
			yy[k - 1] = yy[k] - (mm[k - 1] > mm[k]);
	}
	return 0;
}

size_t x_grid_any(struct xdoc *d, size_t i,
		  struct xacct *(*pick)(struct xdoc *, void *, const char *),
		  void *arg)
{
	struct xword *w = NULL;
	size_t aw = 0, n, k, j, start = i, skip;
	double mx[64], mx0[64], kx[16];
	int mm[64], yy[64], ky[16];

	while (i < d->nr) {
		size_t nm = 0, nk = 0, at = i;
		int kind, page;
		struct xacct *a;

		while (i < d->nr && i < at + 3 && legend(d, &d->r[i]))
			x_grid_legend(d, &d->r[i++]);
		if (i >= d->nr)
			break;
		kind = grid_row(d, &d->r[i], &w, &aw);
		if (kind == GR_MMYY) {
			free(w);
			return x_grid_strip(d, i, pick(d, arg, NULL));
		}
		if (kind == GR_MARKS) {
			n = x_row_words(d, &d->r[i], &w, &aw);
			for (k = 0; k < n && nk < 16; k++) {
				kx[nk] = w[k].x0;
				ky[nk++] = mark_year(d, w[k].t, ocr_row(d, &d->r[i]));
			}
			x_acct_box(pick(d, arg, NULL), &d->r[i]);
			i++;
			if (i >= d->nr || grid_row(d, &d->r[i], &w, &aw) != GR_MONTHS) {
				i = at;
				break;
			}
		} else if (kind != GR_MONTHS) {
			i = at;
			break;
		}
		a = pick(d, arg, NULL);
		n = x_row_words(d, &d->r[i], &w, &aw);
		for (k = 0; k < n && nm < 64; k++)
			if ((mm[nm] = x_month_of_word(w[k].t)) != 0) {
				mx[nm] = (w[k].x0 + w[k].x1) / 2;
				mx0[nm++] = w[k].x0;
			}
		/* Jan..Dec over rows of years */
		if (!nk && nm == 12 && i + 1 < d->nr) {
			for (k = 0; k < 12 && mm[k] == (int)k + 1; k++)
				;
			if (k == 12 && x_row_words(d, &d->r[i + 1], &w, &aw) > 0 &&
			    year_of_word(w[0].t)) {
				i = x_grid_year_month(d, i, a);
				continue;
			}
		}
		x_acct_box(a, &d->r[i]);
		page = d->r[i].page;
		i++;
		fix_marks(d, mm, nm, ky, nk);
		/* a row under the months with the year of each ("Month" /
		 * "Year" rows of a monitoring service's report): each month
		 * the year nearest under it; else the year marks over them,
		 * or the report's date */
		if (i < d->nr && d->r[i].page == page && nm &&
		    grid_row(d, &d->r[i], &w, &aw) == GR_YEARS) {
			n = x_row_words(d, &d->r[i], &w, &aw);
			for (k = 0; k < nm; k++) {
				double best = 1e9;

				for (j = 1; j < n; j++)
					if (fabs((w[j].x0 + w[j].x1) / 2 - mx[k]) < best) {
						best = fabs((w[j].x0 + w[j].x1) / 2 - mx[k]);
						yy[k] = mark_year(d, w[j].t, 0);
					}
			}
			x_acct_box(a, &d->r[i]);
			i++;
		} else if (strip_years(d, mm, mx0, nm, kx, ky, nk, yy) < 0) {
			nm = 0;
		}
		/* the rows of codes under the months */
		while (i < d->nr && d->r[i].page == page) {
			const char *b;
			size_t codes = 0;

			n = x_row_words(d, &d->r[i], &w, &aw);
			b = row_bureau(d, w, n, &skip);
			for (k = skip; k < n; k++)
				codes += x_grid_code(d, w[k].t) != NULL;
			if (n <= skip || codes == 0 || codes * 2 < n - skip)
				break;
			a = pick(d, arg, b);
			x_acct_box(a, &d->r[i]);
			for (k = skip; k < n; k++) {
				const char *c = x_grid_code(d, w[k].t);
				double xc = (w[k].x0 + w[k].x1) / 2, best = 1e9;
				size_t bj = 0;

				if (!c)
					continue;
				/* a code under each month, one for one: by
				 * order (the months' places are estimates
				 * where OCR read them as one line) */
				if (n - skip == nm) {
					bj = k - skip;
				} else {
					for (j = 0; j < nm; j++)
						if (fabs(mx[j] - xc) < best) {
							best = fabs(mx[j] - xc);
							bj = j;
						}
				}
				if (nm && yy[bj])
					x_hist_add(a, yy[bj], mm[bj], c);
			}
			i++;
		}
	}
	free(w);
	return i > start ? i : start;
}

/* "History: 12/25; L65432100" */
void x_grid_pattern(struct xdoc *d, const char *s, struct xacct *a)
{
	char mmyy[8], c[2] = { 0, 0 };
	const char *p = strchr(s, ':');
	int y, m, k = 0;

	if (!p)
		return;
	p++;
	while (*p == ' ')
		p++;
	snprintf(mmyy, sizeof(mmyy), "%.5s", p);
	if (month_year(d, mmyy, &y, &m) < 0)
		return;
	p += 5;
	while (*p == ';' || *p == ' ' || *p == ',')
		p++;
	for (; *p && *p != ' '; p++, k++) {
		const char *code;
		int mm = m - k, yy = y;

		while (mm < 1) {
			mm += 12;
			yy--;
		}
		c[0] = *p;
		code = x_grid_code(d, c);
		if (code)
			x_hist_add(a, yy, mm, code);
	}
}
