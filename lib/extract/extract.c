/*
 * extract.c -- read a report's consumer, tradelines, inquiries and public
 * records from its page records, by geometry.
 *
 * The lines of every page become cells (a line that starts with a known
 * label is cut into the label and the rest), the cells rows (by their
 * vertical overlap), and the rows are walked in reading order: section
 * headings switch what is read; within a section, one of three readers
 * takes the rows, by the layout's style:
 *   blocks   label/value rows, a heading per account (the three bureaus'
 *            own reports, and any unknown layout)
 *   columns  a column per bureau under a header row (merged3)
 *   lender   numbered tradelines whose values sit under header rows
 * Payment grids are read by the positions of their month headers.  What
 * is read stays text here; extract_rec.c makes it records.
 */
#include "base/cc.h"
#include "extract/impl.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>
#include <math.h>

/* --- payment grids ----------------------------------------------------- */

static const char *const month_names[12] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec",
};

static int month_of_word(const char *w)
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

static void hist_add(struct xacct *a, int y, int m, const char *code)
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

static const char *hist_code(const struct xdoc *d, const char *w)
{
	return X_LOOKUP(d->L, codes, w);
}

/*
 * Year-by-month grid: a row of month names, then rows of a year and its
 * codes.  Returns the index of the first row after the grid.
 */
static size_t grid_year_month(struct xdoc *d, size_t i, struct xacct *a)
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
			if (month_of_word(w[k].t))
				months++;
		if (months >= 6 && months * 2 >= (int)n) {
			for (k = 0; k < n; k++)
				if ((m = month_of_word(w[k].t)) != 0)
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
				const char *c = hist_code(d, w[k].t);

				if (c)
					hist_add(a, y, first + (int)k - 1, c);
			}
			continue;
		}
		for (k = 1; k < n; k++) {
			double xc = (w[k].x0 + w[k].x1) / 2, best = 1e9;
			const char *c = hist_code(d, w[k].t);
			int bm = 0;

			for (m = 1; m <= 12; m++)
				if (fabs(mx[m] - xc) < best) {
					best = fabs(mx[m] - xc);
					bm = m;
				}
			if (c && bm)
				hist_add(a, y, bm, c);
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
static size_t grid_strip(struct xdoc *d, size_t i, struct xacct *a)
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
				const char *c = hist_code(d, w[k].t);

				if (c && ys[k])
					hist_add(a, ys[k], ms[k], c);
			}
		} else {
			for (k = 0; k < n; k++) {
				double xc = (w[k].x0 + w[k].x1) / 2, best = 1e9;
				const char *c = hist_code(d, w[k].t);
				size_t bj = 0;

				for (j = 0; j < nh; j++)
					if (fabs((hw[j].x0 + hw[j].x1) / 2 - xc) < best) {
						best = fabs((hw[j].x0 + hw[j].x1) / 2 - xc);
						bj = j;
					}
				if (c && ys[bj])
					hist_add(a, ys[bj], ms[bj], c);
			}
		}
		i += 2;
	}
	free(w);
	free(hw);
	return i;
}

/* "History: 12/25; L65432100" */
static void grid_pattern(struct xdoc *d, const char *s, struct xacct *a)
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
		code = hist_code(d, c);
		if (code)
			hist_add(a, yy, mm, code);
	}
}

/* --- consumer ------------------------------------------------------------ */

static int looks_ssn(const char *s)
{
	size_t i;

	if (strlen(s) != 11 || s[3] != '-' || s[6] != '-')
		return 0;
	for (i = 7; i < 11; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static struct xcons *consumer_for(struct xdoc *d, const char *bureau)
{
	size_t i;

	for (i = 0; i < d->ncons; i++)
		if ((!bureau && !d->cons[i].bureau) ||
		    (bureau && d->cons[i].bureau && !strcmp(bureau, d->cons[i].bureau)))
			return &d->cons[i];
	if (d->ncons == 3)
		return &d->cons[0];
	memset(&d->cons[d->ncons], 0, sizeof(d->cons[0]));
	d->cons[d->ncons].a.group_index = -1;
	d->cons[d->ncons].bureau = bureau;
	return &d->cons[d->ncons++];
}

/* "FILE #: 8408-740513 DATE: 1/15/2026": labels inside a line. */
static void consumer_inline(struct xdoc *d, const struct xrow *r, struct xacct *a)
{
	size_t i, n;

	for (i = 0; i < d->L->nlab; i++) {
		const struct xlabel *b = &d->L->lab[i];
		const char *p = r->text, *v;
		char tok[64];

		if (b->group != XG_CONSUMER)
			continue;
		n = strlen(b->text);
		while ((p = strstr(p, b->text)) != NULL) {
			if ((p == r->text || p[-1] == ' ') && p[n] == ':')
				break;
			p += n;
		}
		if (!p)
			continue;
		v = p + n + 1;
		while (*v == ' ')
			v++;
		n = strcspn(v, " ");
		if (n == 0 || n >= sizeof(tok))
			continue;
		snprintf(tok, sizeof(tok), "%.*s", (int)n, v);
		x_acct_set(a, b->field, tok, CELL(d, r, 0)->conf, 0);
	}
}

/* How many consumer labels with a ':' after them the row holds. */
static int inline_labels(const struct xdoc *d, const struct xrow *r)
{
	size_t i, n;
	int count = 0;

	for (i = 0; i < d->L->nlab; i++) {
		const struct xlabel *b = &d->L->lab[i];
		const char *p = r->text;

		if (b->group != XG_CONSUMER)
			continue;
		n = strlen(b->text);
		while ((p = strstr(p, b->text)) != NULL) {
			if ((p == r->text || p[-1] == ' ') && p[n] == ':') {
				count++;
				break;
			}
			p += n;
		}
	}
	return count;
}

/* below: the row under r that holds the value of r's label, or NULL */
static void consumer_row(struct xdoc *d, const struct xrow *r, const struct xrow *below,
			 int in_section)
{
	struct xcons *cs;
	struct xacct *a;
	int f = x_cell_field(d, CELL(d, r, 0), XG_CONSUMER);
	size_t k = 1;

	/* merged3's consumers are the columns' */
	if (d->L->style == XS_COLUMNS)
		return;
	cs = consumer_for(d, d->L->bureau && strcmp(d->L->bureau, "columns") ?
			  d->L->bureau : NULL);
	a = &cs->a;
	if (f == XF_NONE || inline_labels(d, r) > 1) {
		consumer_inline(d, r, a);
		return;
	}
	if (in_section) {
		x_acct_box(a, r);
		x_acct_cell(a, CELL(d, r, 0));
	}
	if (below) {
		double conf;
		char *v = x_join_cells(d, below, 0, &conf);

		x_acct_set(a, f, v, conf, 0);
		x_acct_cell(a, CELL(d, below, 0));
		free(v);
	} else if (k < r->n) {
		const struct xcell *v = CELL(d, r, k);

		x_acct_set(a, f, v->t, v->conf, 0);
		x_acct_cell(a, v);
		k++;
	}
	/* what else the row holds: an unlabelled SSN, then a birth date */
	for (; k < r->n; k++) {
		const struct xcell *v = CELL(d, r, k);
		char iso[11];

		if (looks_ssn(v->t))
			x_acct_set(a, XC_SSN, v->t, v->conf, 0);
		else if (a->f[XC_SSN] && !a->f[XC_BIRTH_YEAR] &&
			 cc_norm_date(v->t, iso) == 0 && strlen(iso) == 10)
			x_acct_set(a, XC_BIRTH_YEAR, iso, v->conf, 0);
	}
}

/* --- blocks: label/value accounts and public records ------------------- */

struct blocks {
	int group;                  /* XG_ACCOUNT or XG_PUBLIC */
	struct xacct **v;
	size_t *n;
	struct xacct *cur;
	int last_field;
	size_t *pending;            /* rows not yet placed */
	size_t npending, apending;
	size_t prev_row;            /* the last row placed */
	double value_x;             /* left edge of the value column */
	char tail[64];              /* the rest of a label cut short, normalised */
	const char *sect_type;
	int left_wraps;             /* values wrap onto rows in the labels'
	                             * column: stacked values, inline pairs */
};

static double row_gap(const struct xdoc *d, size_t a, size_t b)
{
	if (d->r[a].page != d->r[b].page)
		return 1.2 * d->pitch;
	return d->r[b].y0 - d->r[a].y1;
}

/* Place the pending rows: those after the widest gap head the next block,
 * those before it go on the last field of the current one. */
static void blocks_flush(struct xdoc *d, struct blocks *B, int new_block)
{
	size_t k, split = 0, j;
	double best = -1e9, g;

	if (!new_block) {
		split = B->npending;
	} else {
		for (k = 0; k < B->npending; k++) {
			g = row_gap(d, k ? B->pending[k - 1] : B->prev_row, B->pending[k]);
			if (g > best + 0.5) {
				best = g;
				split = k;
			}
		}
		if (!B->cur)
			split = 0;
	}
	for (k = 0; k < split && B->cur; k++) {
		const struct xrow *r = &d->r[B->pending[k]];
		double conf;
		char *t = x_join_cells(d, r, 0, &conf);

		if (x_text_field(B->last_field))
			x_acct_set(B->cur, B->last_field, t, conf, 1);
		x_acct_box(B->cur, r);
		free(t);
	}
	if (new_block) {
		struct cc_buf h = { 0 };
		struct xacct *a = x_new_acct(B->v, B->n);

		a->sect_type = B->sect_type;
		for (k = split; k < B->npending; k++) {
			const struct xrow *r = &d->r[B->pending[k]];

			x_acct_box(a, r);
			for (j = 0; j < r->n; j++) {
				if (j)
					cc_buf_adds(&h, " ");
				else
					x_buf_wrap(&h, "");
				cc_buf_adds(&h, CELL(d, r, j)->t);
				x_acct_cell(a, CELL(d, r, j));
			}
		}
		a->heading = h.len ? cc_buf_detach(&h) : NULL;
		B->cur = a;
		B->last_field = XF_NONE;
	}
	B->npending = 0;
}

/* When label b is a longer label of its field cut short, the words that
 * wrapped onto the next line; else "". */
static void label_tail(const struct xlayout *L, const struct xlabel *b, char *tail,
		       size_t len)
{
	size_t i, n = strlen(b->norm);

	tail[0] = '\0';
	for (i = 0; i < L->nlab; i++)
		if (L->lab[i].field == b->field && strlen(L->lab[i].norm) > n + 1 &&
		    !strncmp(L->lab[i].norm, b->norm, n) && L->lab[i].norm[n] == ' ') {
			snprintf(tail, len, "%s", L->lab[i].norm + n + 1);
			return;
		}
}

/*
 * A row of two or more "Label: value" pairs, as Equifax's current report
 * prints "Date Reported: 05/2024 | Balance: $500 | Owner: Individual":
 * a label of group g followed by ':' at the start of the row, then
 * others, each after a '|' (the longest label at each place); a label's
 * value is the text up to the next, without the spaces and '|' around
 * it.  Sets the fields of a, at the lowest confidence of the row's
 * cells (the labels of fields it has already are passed over), and
 * returns the last label's field, or XF_NONE when the row is not such
 * pairs (a is then untouched).
 */
static int inline_pairs(const struct xdoc *d, const struct xrow *r, int g,
			struct xacct *a)
{
	struct { size_t at, len; int field; } h[32];
	const char *t = r->text;
	size_t n = 0, p, k, colons = 0;
	double conf = 1;

	for (p = 0; t[p]; p++)
		colons += t[p] == ':';
	if (colons < 2)
		return XF_NONE;
	for (p = 0; t[p] && n < sizeof(h) / sizeof(h[0]); p++) {
		size_t best = 0;
		int field = XF_NONE;

		if (p > 0) {
			size_t q = p;

			/* the start of a word after a '|' */
			if (t[p - 1] != ' ' && t[p - 1] != '|')
				continue;
			while (q > 0 && t[q - 1] == ' ')
				q--;
			if (q == 0 || t[q - 1] != '|')
				continue;
		}
		for (k = 0; k < d->L->nlab; k++) {
			const struct xlabel *b = &d->L->lab[k];

			if (b->group == g && b->len > best && b->text[0] == t[p] &&
			    strncmp(t + p, b->text, b->len) == 0 && t[p + b->len] == ':') {
				best = b->len;
				field = b->field;
			}
		}
		if (field == XF_NONE) {
			if (p == 0)
				return XF_NONE;    /* the row starts with no "Label:" */
			continue;
		}
		h[n].at = p;
		h[n].len = best + 1;
		h[n].field = field;
		n++;
		p += best;
	}
	if (n < 2)
		return XF_NONE;
	for (k = 0; k < r->n; k++)
		if (CELL(d, r, k)->conf < conf)
			conf = CELL(d, r, k)->conf;
	for (k = 0; k < n; k++) {
		size_t from = h[k].at + h[k].len, to = k + 1 < n ? h[k + 1].at : strlen(t);
		char *v;

		while (from < to && (t[from] == ' ' || t[from] == '|'))
			from++;
		while (to > from && (t[to - 1] == ' ' || t[to - 1] == '|'))
			to--;
		if (from == to || h[k].field == XF_IGNORE || h[k].field == XF_HISTORY ||
		    a->f[h[k].field])
			continue;
		v = cc_xstrndup(t + from, to - from);
		x_acct_set(a, h[k].field, v, conf, 0);
		free(v);
	}
	return h[n - 1].field;
}

static size_t blocks_row(struct xdoc *d, struct blocks *B, size_t i)
{
	const struct xrow *r = &d->r[i];
	const struct xcell *c0 = CELL(d, r, 0);
	int f = x_cell_field(d, c0, B->group);

	if (f != XF_NONE) {
		double conf;
		char *v;

		/* where values wrap onto rows in the labels' column, the rows
		 * before a label the account has no value for yet are the
		 * last value's */
		if (B->left_wraps && B->npending && B->cur && B->last_field != XF_NONE &&
		    (f == XF_IGNORE || f == XF_HISTORY || !B->cur->f[f]))
			blocks_flush(d, B, 0);
		if (B->npending || !B->cur ||
		    (f != XF_IGNORE && f != XF_HISTORY && B->cur->f[f]))
			blocks_flush(d, B, 1);
		x_acct_box(B->cur, r);
		x_acct_cell(B->cur, c0);
		B->prev_row = i;
		if (f != XF_HISTORY) {
			int last = inline_pairs(d, r, B->group, B->cur);

			if (last != XF_NONE) {
				B->last_field = last;
				B->left_wraps = 1;
				return i + 1;
			}
		}
		if (f == XF_HISTORY) {
			size_t next;

			if (d->L->grid == XG_YEAR_MONTH)
				next = grid_year_month(d, i + 1, B->cur);
			else if (d->L->grid == XG_STRIP)
				next = grid_strip(d, i + 1, B->cur);
			else
				next = i + 1;
			B->cur->has_grid = 1;
			if (next > i + 1)
				B->prev_row = next - 1;
			B->last_field = XF_NONE;
			return next;
		}
		if (x_stacked_value(d, i, B->group, B->cur)) {
			const struct xrow *u = &d->r[i + 1];

			v = x_join_cells(d, u, 0, &conf);
			x_acct_box(B->cur, u);
			x_acct_cell(B->cur, CELL(d, u, 0));
			if (f != XF_IGNORE)
				x_acct_set(B->cur, f, v, conf, 0);
			free(v);
			B->prev_row = i + 1;
			B->last_field = f;
			B->left_wraps = 1;
			return i + 2;
		}
		v = x_join_cells(d, r, 1, &conf);
		if (r->n > 1) {
			const struct xcell *vc = CELL(d, r, 1);

			if (!vc->est && (B->value_x == 0 || vc->x0 < B->value_x))
				B->value_x = vc->x0;
			x_acct_cell(B->cur, vc);
		}
		if (f != XF_IGNORE)
			x_acct_set(B->cur, f, v, conf, 0);
		free(v);
		B->last_field = f;
		label_tail(d->L, &d->L->lab[c0->lab], B->tail, sizeof(B->tail));
		return i + 1;
	}
	/* the rest of a label that wrapped ("... will be" "removed") */
	if (B->tail[0] && r->n == 1 && !strcmp(r->norm, B->tail)) {
		B->tail[0] = '\0';
		x_acct_box(B->cur, r);
		B->prev_row = i;
		return i + 1;
	}
	/* a wrapped value, in the value column */
	if (B->cur && !B->npending && B->value_x > 0 && c0->x0 >= B->value_x - 3 &&
	    B->last_field != XF_NONE) {
		double conf;
		char *v = x_join_cells(d, r, 0, &conf);

		if (B->last_field != XF_IGNORE)
			x_acct_set(B->cur, B->last_field, v, conf, 1);
		x_acct_box(B->cur, r);
		x_acct_cell(B->cur, c0);
		free(v);
		B->prev_row = i;
		return i + 1;
	}
	/* an OCR speck that read as a letter or two */
	if (c0->conf < 1 && r->n == 1 && x_alnums(r->text) < 2)
		return i + 1;
	if (B->npending == B->apending) {
		B->apending = B->apending ? B->apending * 2 : 8;
		B->pending = cc_xreallocarray(B->pending, B->apending, sizeof(size_t));
	}
	B->pending[B->npending++] = i;
	return i + 1;
}

static void blocks_end(struct xdoc *d, struct blocks *B)
{
	blocks_flush(d, B, 0);
	B->cur = NULL;
	B->last_field = XF_NONE;
}

/* --- inquiries ------------------------------------------------------------ */

struct inqcols {
	double x[3];     /* left edges of creditor, date, bureau; 0: none */
	int have;
};

static void inquiry_row(struct xdoc *d, const struct xrow *r, struct inqcols *ic)
{
	struct xword *w = NULL;
	size_t aw = 0, n, k, di = (size_t)-1, dn = 0;
	struct cc_buf cred = { 0 }, bur = { 0 };
	struct xinq *q;
	char iso[11], date[200];
	int labels = 0, skip_rest = 0;

	for (k = 0; k < r->n; k++)
		if (x_cell_field(d, CELL(d, r, k), XG_INQUIRY) != XF_NONE)
			labels++;
	if (labels >= 2) {
		for (k = 0; k < r->n; k++) {
			int f = x_cell_field(d, CELL(d, r, k), XG_INQUIRY);

			if (f != XF_NONE)
				ic->x[f - XI_CREDITOR] = CELL(d, r, k)->x0;
		}
		ic->have = 1;
		return;
	}
	if (strstr(r->norm, "none reported") || strstr(r->norm, "*** none"))
		return;
	n = x_row_words(d, r, &w, &aw);
	/* the date: the last run of one to three words that is one */
	for (k = n; k-- > 0 && di == (size_t)-1;) {
		size_t len;

		for (len = 3; len >= 1; len--) {
			char buf[200] = "";
			size_t j;

			if (k + 1 < len)
				continue;
			for (j = k + 1 - len; j <= k; j++) {
				size_t o = strlen(buf);

				snprintf(buf + o, sizeof(buf) - o, "%s%s", o ? " " : "", w[j].t);
			}
			if (cc_norm_date(buf, iso) == 0) {
				di = k + 1 - len;
				dn = len;
				snprintf(date, sizeof(date), "%s", buf);
				break;
			}
		}
	}
	if (di == (size_t)-1 || di == 0) {
		free(w);
		return;
	}
	for (k = 0; k < n; k++) {
		if (k >= di && k < di + dn)
			continue;
		/* left of the creditor column (WHOSE), or in a column between
		 * the creditor's and the date's (BUSINESS TYPE) */
		if (ic->have && ic->x[0] && ic->x[0] - w[k].x0 > 8)
			continue;
		if (k < di && ic->have && k > 0 && w[k].x0 - w[k - 1].x1 > 20 && cred.len)
			skip_rest = 1;
		if (k < di && skip_rest)
			continue;
		if (k < di) {
			if (cred.len)
				cc_buf_adds(&cred, " ");
			cc_buf_adds(&cred, w[k].t);
		} else {
			if (bur.len)
				cc_buf_adds(&bur, " ");
			cc_buf_adds(&bur, w[k].t);
		}
	}
	/* OCR's marks before the name: "- SYNCB" */
	while (cred.len && !isalnum((unsigned char)cred.s[0])) {
		memmove(cred.s, cred.s + 1, cred.len);
		cred.len--;
	}
	if (cred.len) {
		d->inq = x_grow(d->inq, d->ninq, sizeof(*d->inq));
		q = &d->inq[d->ninq++];
		memset(q, 0, sizeof(*q));
		q->creditor = cc_buf_detach(&cred);
		q->date = cc_xstrdup(date);
		q->bureau = bur.len ? cc_buf_detach(&bur) : NULL;
		q->page = r->page;
		q->bb[0] = CELL(d, r, 0)->x0;
		q->bb[1] = r->y0;
		q->bb[2] = CELL(d, r, r->n - 1)->x1;
		q->bb[3] = r->y1;
		q->conf = 1;
		for (k = 0; k < r->n; k++)
			if (CELL(d, r, k)->conf < q->conf)
				q->conf = CELL(d, r, k)->conf;
	}
	cc_buf_release(&bur);
	cc_buf_release(&cred);
	free(w);
}

/* --- columns (merged3) --------------------------------------------------- */

struct cols {
	double x[3];
	const char *bureau[3];
	int n;
	long acct[3];              /* the current block's, per column: an
				    * index in d->acct (which moves), or -1 */
	int last_field;
	int block;                 /* 0-based number of the account block */
	char *heading;
	long grid_for;
};

/* A row naming two or more bureaus and nothing else: the column header. */
static int bureau_header(const struct xdoc *d, const struct xrow *r, struct cols *C)
{
	struct xword *w = NULL;
	size_t aw = 0, n, k;
	int found = 0;
	double x[3];
	const char *b[3];

	n = x_row_words(d, r, &w, &aw);
	for (k = 0; k < n; k++) {
		const char *bn = X_LOOKUP(d->L, bureaus, w[k].t);

		if (!bn) {
			/* "Trans Union" is two words */
			if (k + 1 < n) {
				char two[140];
				snprintf(two, sizeof(two), "%s %s", w[k].t, w[k + 1].t);
				bn = X_LOOKUP(d->L, bureaus, two);
				if (bn)
					k++;
			}
			if (!bn || found == 3) {
				free(w);
				return 0;
			}
		}
		if (found == 3) {
			free(w);
			return 0;
		}
		x[found] = w[k].x0;
		b[found] = bn;
		found++;
	}
	free(w);
	if (found < 2)
		return 0;
	if (C) {
		memcpy(C->x, x, sizeof(x));
		memcpy(C->bureau, b, sizeof(b));
		C->n = found;
	}
	return 1;
}

static int column_of(const struct cols *C, double x0)
{
	int k, best = -1;

	for (k = 0; k < C->n; k++)
		if (x0 >= C->x[k] - 12)
			best = k;
	return best;
}

/* Add the n bytes of t, trimmed, to column c's value (after a space). */
static void column_add(struct cc_buf out[3], double conf[3], int c, const char *t,
		       size_t n, double cf)
{
	while (n && *t == ' ') {
		t++;
		n--;
	}
	while (n && t[n - 1] == ' ')
		n--;
	if (c < 0 || c > 2 || !n)
		return;
	if (out[c].len)
		cc_buf_add(&out[c], " ", 1);
	cc_buf_add(&out[c], t, n);
	if (cf < conf[c])
		conf[c] = cf;
}

/*
 * A cell over columns c0..c1: the same value repeated (the bureaus agree,
 * and the text layer ran them together: "MEDICAL DATAMEDICAL DATA"), else
 * cut where the columns start, by character count, at a space near there
 * when there is one.
 */
static void column_split(const struct xcell *x, const struct cols *C, int c0,
			 int c1, struct cc_buf out[3], double conf[3])
{
	size_t n = strlen(x->t), m = (size_t)(c1 - c0 + 1), piece, i, at, prev = 0;
	int b;

	for (i = 0; i < 2; i++) {
		size_t sep = i, k;
		int same = 1;

		if ((n + sep) % m != 0)
			continue;
		piece = (n + sep) / m - sep;
		if (!piece)
			continue;
		for (k = 1; k < m && same; k++) {
			const char *p = x->t + k * (piece + sep);

			if ((sep && p[-1] != ' ') || memcmp(p, x->t, piece) != 0)
				same = 0;
		}
		if (same) {
			for (k = 0; k < m; k++)
				column_add(out, conf, c0 + (int)k, x->t + k * (piece + sep),
					   piece, x->conf);
			return;
		}
	}
	for (b = c0 + 1; b <= c1; b++) {
		double f = (C->x[b] - x->x0) / (x->x1 - x->x0 > 1 ? x->x1 - x->x0 : 1);
		size_t best;
		long dlt;

		at = f <= 0 ? 0 : f >= 1 ? n : (size_t)(f * (double)n + 0.5);
		best = at;
		for (dlt = -3; dlt <= 3; dlt++) {
			long q = (long)at + dlt;

			if (q > (long)prev && q < (long)n && x->t[q] == ' ' &&
			    (best == at || labs(dlt) < labs((long)best - (long)at)))
				best = (size_t)q;
		}
		if (best < prev)
			best = prev;
		/* not inside a character */
		while (best < n && ((unsigned char)x->t[best] & 0xc0) == 0x80)
			best++;
		column_add(out, conf, b - 1, x->t + prev, best - prev, x->conf);
		prev = best;
	}
	column_add(out, conf, c1, x->t + prev, n - prev, x->conf);
}

/* The values of a row, from cell k on, per column. */
static void column_values(const struct xdoc *d, const struct xrow *r, size_t k,
			  const struct cols *C, char *out[3], double conf[3])
{
	struct cc_buf b[3] = { { 0 }, { 0 }, { 0 } };
	int c;

	for (c = 0; c < 3; c++)
		conf[c] = 1;
	for (; k < r->n; k++) {
		const struct xcell *x = CELL(d, r, k);
		int c0 = column_of(C, x->x0), c1 = c0, k2;

		/* a cell reaching well into the columns after its own */
		for (k2 = c0 + 1; k2 >= 1 && k2 < C->n; k2++)
			if (x->x1 > C->x[k2] + 2)
				c1 = k2;

		if (c0 < 0)
			c0 = 0;
		if (c1 <= c0)
			column_add(b, conf, c0, x->t, strlen(x->t), x->conf);
		else
			column_split(x, C, c0, c1, b, conf);
	}
	for (c = 0; c < 3; c++)
		out[c] = b[c].len ? cc_buf_detach(&b[c]) : NULL;
}

/* The heading ends at row i; a long one wraps onto the rows above. */
static void columns_start_block(struct xdoc *d, struct cols *C, size_t i)
{
	struct cc_buf h = { 0 };
	size_t s = i, k;
	double gap = 0.6 * d->pitch;

	/* OCR's boxes hug the ink, so its lines are further apart than the
	 * text layer's: a wrapped line may stand as far above the next as the
	 * heading stands above the bureau header */
	if (i + 1 < d->nr && d->r[i + 1].page == d->r[i].page &&
	    1.2 * (d->r[i + 1].y0 - d->r[i].y1) > gap)
		gap = 1.2 * (d->r[i + 1].y0 - d->r[i].y1);
	while (s > 0) {
		const struct xrow *p = &d->r[s - 1], *r = &d->r[s];

		if (p->page != r->page || p->n != 1 || r->n != 1 ||
		    fabs(CELL(d, p, 0)->x0 - CELL(d, r, 0)->x0) > 2 ||
		    CELL(d, p, 0)->lab >= 0 || r->y0 - p->y1 > gap ||
		    X_LOOKUP(d->L, bureaus, p->text) ||
		    /* the block before's header, read as one line */
		    bureau_header(d, p, NULL))
			break;
		s--;
	}
	for (k = s; k <= i; k++)
		x_buf_wrap(&h, d->r[k].text);
	for (k = 0; k < 3; k++)
		C->acct[k] = -1;
	free(C->heading);
	C->heading = cc_buf_detach(&h);
	C->last_field = XF_NONE;
	C->grid_for = -1;
}

static void columns_accounts(struct xdoc *d, struct cols *C, size_t i)
{
	const struct xrow *r = &d->r[i];
	const struct xcell *c0 = CELL(d, r, 0);
	int f = x_cell_field(d, c0, XG_ACCOUNT), k;
	char *vals[3];
	double conf[3];

	if (bureau_header(d, r, C)) {
		if (C->heading && C->acct[0] < 0) {
			for (k = 0; k < C->n; k++) {
				struct xacct *a = x_new_acct(&d->acct, &d->nacct);

				a->bureau = C->bureau[k];
				a->heading = cc_xstrdup(C->heading);
				a->group_index = C->block;
				C->acct[k] = (long)d->nacct - 1;
			}
			C->block++;
		}
		for (k = 0; k < C->n; k++)
			if (C->acct[k] >= 0)
				x_acct_box(&d->acct[C->acct[k]], r);
		return;
	}
	if (f == XF_NONE) {
		const char *bn;

		/* a bureau's grid title, a wrapped label, or the next heading */
		if (r->n == 1 && (bn = X_LOOKUP(d->L, bureaus, r->text)) != NULL &&
		    C->acct[0] >= 0) {
			for (k = 0; k < C->n; k++)
				if (C->acct[k] >= 0 && !strcmp(d->acct[C->acct[k]].bureau, bn))
					C->grid_for = C->acct[k];
			return;
		}
		if (i + 1 < d->nr && bureau_header(d, &d->r[i + 1], NULL)) {
			columns_start_block(d, C, i);
			return;
		}
		if (C->acct[0] >= 0 && c0->x0 >= C->x[0] - 12 &&
		    C->last_field != XF_NONE && C->last_field != XF_IGNORE) {
			column_values(d, r, 0, C, vals, conf);
			for (k = 0; k < 3; k++) {
				/* a dash goes on no value: it is an empty
				 * field's, set apart from its row */
				if (k < C->n && C->acct[k] >= 0 && vals[k] &&
				    strcmp(vals[k], "-") != 0)
					x_acct_set(&d->acct[C->acct[k]], C->last_field,
						   vals[k], conf[k], 1);
				free(vals[k]);
			}
		}
		return;
	}
	if (C->acct[0] < 0)
		return;
	column_values(d, r, 1, C, vals, conf);
	for (k = 0; k < 3; k++) {
		if (k < C->n && C->acct[k] >= 0 && f != XF_IGNORE && f != XF_HISTORY) {
			struct xacct *a = &d->acct[C->acct[k]];

			x_acct_set(a, f, vals[k], conf[k], 0);
			x_acct_box(a, r);
			if (vals[k])
				x_acct_cell(a, c0);
		}
		free(vals[k]);
	}
	C->last_field = f;
}

static void columns_consumer(struct xdoc *d, struct cols *C, const struct xrow *r)
{
	const struct xcell *c0 = CELL(d, r, 0);
	int f = x_cell_field(d, c0, XG_CONSUMER), k;
	char *vals[3];
	double conf[3];

	if (bureau_header(d, r, C))
		return;
	if (!C->n) {
		consumer_row(d, r, NULL, 1);
		return;
	}
	if (f == XF_NONE && !x_text_field(C->last_field))
		return;
	column_values(d, r, f == XF_NONE ? 0 : 1, C, vals, conf);
	for (k = 0; k < 3; k++) {
		if (k < C->n) {
			struct xcons *cs = consumer_for(d, C->bureau[k]);

			x_acct_box(&cs->a, r);
			if (f == XF_NONE)
				x_acct_set(&cs->a, C->last_field, vals[k], conf[k], 1);
			else
				x_acct_set(&cs->a, f, vals[k], conf[k], 0);
			if (vals[k])
				x_acct_cell(&cs->a, c0);
		}
		free(vals[k]);
	}
	if (f != XF_NONE)
		C->last_field = f;
}

/* --- lender: numbered tradelines under header rows ----------------------- */

static int is_number_cell(const char *s)
{
	return strlen(s) == 3 && isdigit((unsigned char)s[0]) &&
	       isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]);
}

/* Account numbers: no spaces, four characters or more, half of them
 * digits or mask characters. */
static int looks_mask(const char *s)
{
	size_t n = strlen(s), i, dig = 0, any = 0, run = 0;

	if (n < 4 || strchr(s, ' ') || strchr(s, ':') || strchr(s, ','))
		return 0;
	for (i = 0; i < n; i++) {
		/* a word ("Account888888") is a name, not a number */
		run = isalpha((unsigned char)s[i]) && s[i] != 'X' && s[i] != 'x' ? run + 1 : 0;
		if (run >= 3)
			return 0;
		if (isdigit((unsigned char)s[i]) || s[i] == 'X' || s[i] == 'x' || s[i] == '*')
			dig++;
		if (isdigit((unsigned char)s[i]) || s[i] == 'X' || s[i] == '*')
			any = 1;
	}
	return any && dig * 2 >= n;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* A name run into the masked number after it, "NAXXXXXX7001": the
 * length of the name part (capitals other than X up to the last of them,
 * the mask starting with X or *), or 0. */
static size_t mask_prefix(const char *s)
{
	size_t i, last = 0;

	for (i = 0; s[i]; i++)
		if (isalpha((unsigned char)s[i]) && s[i] != 'X')
			last = i + 1;
	if (last < 2 || (s[last] != 'X' && s[last] != '*') || !looks_mask(s + last))
		return 0;
	for (i = 0; i < last; i++)
		if (isdigit((unsigned char)s[i]) || s[i] == '*' ||
		    islower((unsigned char)s[i]))
			return 0;
	return last;
}

static int header_labels(const struct xdoc *d, const struct xrow *r)
{
	size_t k;
	int n = 0;

	for (k = 0; k < r->n; k++)
		if (x_cell_field(d, CELL(d, r, k), XG_ACCOUNT) != XF_NONE)
			n++;
	return n;
}

/* A row of column labels: three or more, and not so many parts that
 * placing the values under them would take long (a lender's report has
 * some fifteen columns). */
#define X_MAX_HEADER 256

static int header_row(const struct xdoc *d, const struct xrow *r)
{
	return r->n <= X_MAX_HEADER && header_labels(d, r) >= 3;
}

/* A tradeline's number, "008"; from OCR, "OO8" or "008s" too. */
static int number_cell(const struct xcell *c)
{
	char dg[8], head[4];
	size_t n = strlen(c->t);

	if (is_number_cell(c->t))
		return 1;
	if (c->conf >= 1 || n < 3 || n > 4 || (n == 4 && isalnum((unsigned char)c->t[3]) &&
						!islower((unsigned char)c->t[3])))
		return 0;
	memcpy(head, c->t, 3);
	head[3] = '\0';
	return cc_norm_digits(head, dg, sizeof(dg)) == 0 && strlen(dg) == 3;
}

/* Read block rows [s, e) of one numbered tradeline. */
static void lender_block(struct xdoc *d, size_t s, size_t e)
{
	struct xacct *a = x_new_acct(&d->acct, &d->nacct);
	unsigned char *used;
	size_t i, k, j, first_header = e, hist_row = e, last_value = s;
	double name_x = -1, hist_x = -1, num_x = CELL(d, &d->r[s], 0)->x0;
	double gap0 = 0, gap1 = 0;
	struct cc_buf cred = { 0 };
	int name_above = 0, stop = 0, page_head = 0;

	size_t base = d->r[s].first;

	used = cc_xcalloc(d->r[e - 1].first + d->r[e - 1].n - base + 1, 1);
#define USED(row, k) used[(row)->first + (k) - base]
	for (i = s; i < e; i++)
		x_acct_box(a, &d->r[i]);
	{
		struct xcell *c = &d->c[d->r[s].first];
		size_t n = strlen(c->t);

		x_acct_cell(a, c);
		if (number_cell(c)) {
			USED(&d->r[s], 0) = 1;
		} else if (n > 4) {
			/* OCR: "001 MEDICAL XXXXXX7934", the number cut off */
			c->x0 += (c->x1 - c->x0) * 4.0 / (double)n;
			memmove(c->t, c->t + 4, n - 3);
			c->est = 1;
		}
	}

	/* header rows and the values under them */
	for (i = s; i < e; i++) {
		const struct xrow *h = &d->r[i], *v;
		double right = 0;

		if (!header_row(d, h))
			continue;
		if (first_header == e)
			first_header = i;
		for (k = 0; k < h->n; k++) {
			const struct xcell *c = CELL(d, h, k);

			if (x_cell_field(d, c, XG_ACCOUNT) != XF_NONE) {
				USED(h, k) = 1;
				if (c->x1 > right)
					right = c->x1;
			}
		}
		/* a status with no header of its own, right of them all */
		for (k = 0; k < h->n; k++) {
			const struct xcell *c = CELL(d, h, k);

			if (!USED(h, k) && c->x0 > right) {
				x_acct_set(a, XF_STATUS, c->t, c->conf, 0);
				USED(h, k) = 1;
			}
		}
		if (i + 1 >= e)
			break;
		for (j = i + 1; j < e && j <= i + 1; j++) {
			struct xword *w = NULL;
			size_t aw = 0, nw;

			v = &d->r[j];
			if (header_row(d, v))
				break;
			for (k = 0; k < v->n; k++) {
				const struct xcell *c = CELL(d, v, k);
				size_t hk, best = (size_t)-1, wi;
				double ov, bov = 0;
				int spans = 0;

				for (hk = 0; hk < h->n; hk++) {
					const struct xcell *hc = CELL(d, h, hk);

					if (x_cell_field(d, hc, XG_ACCOUNT) == XF_NONE)
						continue;
					ov = (c->x1 < hc->x1 ? c->x1 : hc->x1) -
					     (c->x0 > hc->x0 ? c->x0 : hc->x0);
					if (ov > 0)
						spans++;
					if (ov > bov) {
						bov = ov;
						best = hk;
					}
				}
				if (spans <= 1) {
					/* a status with no header of its own, right
					 * of them all, a little lower */
					if (best == (size_t)-1 && c->x0 > right && !a->f[XF_STATUS] &&
					    j == i + 1) {
						x_acct_set(a, XF_STATUS, c->t, c->conf, 0);
						USED(v, k) = 1;
						continue;
					}
					if (best != (size_t)-1) {
						int f = x_cell_field(d, CELL(d, h, best), XG_ACCOUNT);

						if (f != XF_IGNORE)
							x_acct_set(a, f, c->t, c->conf, 0);
						USED(v, k) = 1;
						x_acct_cell(a, c);
						last_value = j;
					}
					continue;
				}
				/* one line over several columns: OCR, or the
				 * text layer running two values together */
				nw = x_cell_words(c, &w, &aw, 0);
				for (wi = 0; wi < nw; wi++) {
					double xc = (w[wi].x0 + w[wi].x1) / 2, bd = 1e9;
					int bf = XF_NONE;

					for (hk = 0; hk < h->n; hk++) {
						const struct xcell *hc = CELL(d, h, hk);
						int f = x_cell_field(d, hc, XG_ACCOUNT);

						if (f == XF_NONE)
							continue;
						if (xc >= hc->x0 - 6 && fabs(xc - hc->x0) < bd) {
							bd = fabs(xc - hc->x0);
							bf = f;
						}
					}
					if (bf != XF_NONE && bf != XF_IGNORE)
						x_acct_set(a, bf, w[wi].t, w[wi].conf, 1);
				}
				USED(v, k) = 1;
				x_acct_cell(a, c);
				last_value = j;
			}
			free(w);
		}
		/* a value wrapped onto the next row, under the same header */
		if (j < e && j == i + 2 && header_labels(d, &d->r[j]) == 0) {
			v = &d->r[j];
			for (k = 0; k < v->n; k++) {
				const struct xcell *c = CELL(d, v, k);
				size_t hk;

				for (hk = 0; hk < h->n; hk++) {
					const struct xcell *hc = CELL(d, h, hk);
					int f = x_cell_field(d, hc, XG_ACCOUNT);

					if ((f == XF_LOAN_TYPE || f == XF_STATUS) && a->f[f] &&
					    fabs(c->x0 - hc->x0) < 4) {
						x_acct_set(a, f, c->t, c->conf, 1);
						USED(v, k) = 1;
					}
				}
			}
		}
	}
	/* the history, and the remark under it */
	for (i = s; i < e; i++) {
		const struct xrow *r = &d->r[i];

		for (k = 0; k < r->n; k++) {
			const struct xcell *c = CELL(d, r, k);

			if (x_cell_field(d, c, XG_ACCOUNT) == XF_HISTORY) {
				/* "History:", the month, ';', the pattern: the
				 * cells after those do not count, and joining
				 * them all for every label would be slow */
				struct xrow part = *r;
				char *t;

				if (part.n > k + 8)
					part.n = k + 8;
				t = x_join_cells(d, &part, k, NULL);

				grid_pattern(d, t, a);
				free(t);
				a->has_grid = 1;
				hist_row = i;
				hist_x = c->x0;
				USED(r, k) = 1;
			}
		}
	}
	{
		size_t from = hist_row != e ? hist_row + 1 : last_value + 1;
		double x = hist_row != e ? hist_x : num_x;

		for (i = from; i < e; i++) {
			const struct xrow *r = &d->r[i];

			if (x_row_is_skip(d, r) || header_labels(d, r) > 0)
				break;
			if (fabs(CELL(d, r, 0)->x0 - x) < 10 &&
			    (!a->f[XF_REMARKS] || (r->page == d->r[i - 1].page &&
						   r->y0 - d->r[i - 1].y1 < 0.5 * d->pitch))) {
				char *t = x_join_cells(d, r, 0, NULL);

				x_acct_set(a, XF_REMARKS, t, CELL(d, r, 0)->conf, 1);
				free(t);
				for (k = 0; k < r->n; k++)
					USED(r, k) = 1;
				continue;
			}
			break;
		}
	}
	/* the name and the account number: what is left */
	if (first_header < e) {
		const struct xrow *h = &d->r[first_header];
		int seen = 0;

		for (k = 0; k < h->n && seen < 2; k++)
			if (x_cell_field(d, CELL(d, h, k), XG_ACCOUNT) != XF_NONE) {
				if (seen++ == 0)
					gap0 = CELL(d, h, k)->x1;
				else
					gap1 = CELL(d, h, k)->x0;
			}
	}
	for (i = s; i < e && !stop; i++) {
		const struct xrow *r = &d->r[i];

		const char *st;

		/* a page's head, when the block goes on over a page break */
		if (i > s && r->page != d->r[i - 1].page)
			page_head = 1;
		if (page_head && (x_row_is_skip(d, r) || x_row_section(d, r, &st) >= 0))
			continue;
		page_head = 0;
		if (i > first_header && name_above && cred.len)
			break;
		if (hist_row != e && i >= hist_row)
			break;
		if (x_row_is_skip(d, r) && i > first_header)
			break;
		if (x_row_is_skip(d, r) || x_row_section(d, r, &st) >= 0)
			continue;
		for (k = 0; k < r->n; k++) {
			const struct xcell *c = CELL(d, r, k);
			struct xword *w = NULL;
			size_t aw = 0, nw, wi;

			if (USED(r, k))
				continue;
			if (i >= first_header && name_x >= 0 && fabs(c->x0 - name_x) > 4)
				continue;
			/* no name above the header: one in the gap between its
			 * first two columns */
			if (i > first_header && name_x < 0 &&
			    !(c->x0 > gap0 && c->x1 < gap1))
				continue;
			if (!strncmp(c->t, "Directory", 9) || (i > first_header &&
			    (isdigit((unsigned char)c->t[0]) && strchr(c->t, ' ')))) {
				stop = 1;
				break;
			}
			if (name_x < 0) {
				name_x = c->x0;
				name_above = i < first_header;
			}
			nw = x_cell_words(c, &w, &aw, 0);
			if (looks_mask(c->t) && !mask_prefix(c->t)) {
				x_acct_set(a, XF_ACCOUNT_MASK, c->t, c->conf, 0);
				x_acct_cell(a, c);
				if (i >= first_header) {
					stop = 1;
					free(w);
					break;
				}
				free(w);
				continue;
			}
			for (wi = 0; wi < nw; wi++) {
				size_t pre = mask_prefix(w[wi].t);

				if (!a->f[XF_ACCOUNT_MASK] && looks_mask(w[wi].t + pre) &&
				    (nw > 1 || pre)) {
					x_acct_set(a, XF_ACCOUNT_MASK, w[wi].t + pre, w[wi].conf, 0);
					/* OCR's space inside the number:
					 * "XXXXXXXXXXXX8 403" */
					if (wi + 1 < nw && c->conf < 1 && all_digits(w[wi + 1].t) &&
					    strlen(w[wi + 1].t) < 4) {
						x_acct_cat(a, XF_ACCOUNT_MASK, "", w[wi + 1].t);
						w[wi + 1].t[0] = '\0';
					}
					if (!pre)
						continue;
					w[wi].t[pre] = '\0';
				}
				if (!w[wi].t[0])
					continue;
				if (wi && cred.len)
					cc_buf_adds(&cred, " ");
				else if (!wi)
					x_buf_wrap(&cred, "");
				cc_buf_adds(&cred, w[wi].t);
			}
			x_acct_cell(a, c);
			free(w);
		}
	}
	a->heading = cred.len ? cc_buf_detach(&cred) : NULL;
	cc_buf_release(&cred);
	free(used);
#undef USED
}

/* OCR's one line for a tradeline's first row: "001 MEDICAL XXXXXX7934". */
static int ocr_number_row(const struct xrow *r)
{
	char num[4], *copy, *tok, *save = NULL;
	int mask = 0;

	if (r->n != 1 || strlen(r->text) < 9 || r->text[3] != ' ')
		return 0;
	memcpy(num, r->text, 3);
	num[3] = '\0';
	if (!is_number_cell(num))
		return 0;
	copy = cc_xstrdup(r->text + 4);
	for (tok = strtok_r(copy, " ", &save); tok && !mask; tok = strtok_r(NULL, " ", &save))
		mask = looks_mask(tok);
	free(copy);
	return mask;
}

static void lender_accounts(struct xdoc *d, size_t s, size_t e)
{
	size_t i, start = e;

	for (i = s; i < e; i++) {
		const struct xrow *r = &d->r[i];

		if (number_cell(CELL(d, r, 0)) || ocr_number_row(r)) {
			if (start != e)
				lender_block(d, start, i);
			start = i;
		}
	}
	if (start != e)
		lender_block(d, start, e);
}

/* --- the walk ------------------------------------------------------------- */

/*
 * The layout whose detect phrases are found most (as a share of its own)
 * in the first pages' text: *share gets that share, which must be half
 * or more; *conf how sure the choice is, the best share over the best
 * and second best together (1 when no other layout comes near).
 */
static void detect(const struct cc_extract_layouts *X, struct xdoc *d,
		   const char *force, const struct xlayout **L, double *share,
		   double *conf)
{
	size_t i, j, k;
	double best = 0, second = 0, sh;

	*L = NULL;
	*conf = 0;
	for (i = 0; i < X->n; i++) {
		const struct xlayout *l = &X->v[i];
		size_t hit = 0, found = (size_t)-1;

		if (force) {
			if (!strcmp(force, l->name)) {
				*L = l;
				*share = 1;
				*conf = 1;
				return;
			}
			continue;
		}
		/* a group's phrases are alternatives: found once, the group
		 * is found (they are in order of group) */
		for (j = 0; j < l->ndetect; j++) {
			if (j > 0 && l->detect_group[j] == l->detect_group[j - 1] &&
			    found == l->detect_group[j])
				continue;
			for (k = 0; k < d->nraw; k++)
				if (strstr(d->raw[k], l->detect[j])) {
					hit++;
					found = l->detect_group[j];
					break;
				}
		}
		sh = l->ngroups ? (double)hit / (double)l->ngroups : 0;
		if (sh > best) {
			second = best;
			best = sh;
			*L = l;
		} else if (sh > second) {
			second = sh;
		}
	}
	*share = best;
	*conf = best >= 0.5 ? best / (best + second) : best;
}

int cc_extract_document(const struct cc_extract_layouts *X, json_t *const *pages,
			size_t n, const struct cc_extract_opts *o,
			cc_extract_emit_fn emit, void *arg,
			struct cc_extract_info *info, struct cc_error *e)
{
	struct xdoc d;
	const struct xlayout *L;
	double lconf, lshare;
	size_t i, j;
	int section = XK_NONE, rc;
	const char *sect_type = NULL;
	struct blocks acctB, pubB;
	struct cols C;
	struct inqcols ic;
	size_t lender_from = 0;

	memset(&d, 0, sizeof(d));
	memset(info, 0, sizeof(*info));
	if (n == 0)
		return 0;
	d.doc = json_string_value(json_object_get(pages[0], "doc"));
	if (!d.doc)
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "page record without \"doc\"");

	/* the text of the first pages, for detection */
	for (i = 0; i < n; i++) {
		json_t *lines = json_object_get(pages[i], "lines"), *ln;
		json_int_t pg = json_integer_value(json_object_get(pages[i], "page"));

		if (pg > 2 || !json_is_array(lines))
			continue;
		json_array_foreach(lines, j, ln) {
			const char *t = json_string_value(json_object_get(ln, "t"));
			char buf[1024];

			if (!t)
				continue;
			cc_norm_space(t, buf, sizeof(buf));
			d.raw = x_grow(d.raw, d.nraw, sizeof(char *));
			d.raw[d.nraw++] = x_norm(buf);
		}
	}
	detect(X, &d, o->layout, &L, &lshare, &lconf);
	if (!L || (!o->layout && lshare < 0.5)) {
		d.L = &X->generic;
		d.unknown = 1;
	} else {
		d.L = L;
	}
	info->layout = d.unknown ? NULL : d.L->name;
	info->layout_conf = d.unknown ? lshare : lconf;
	/* a record's confidence is its text's times the layout's: a
	 * forced layout counts as sure, an unknown one as its best match */
	d.layout_conf = lconf;

	rc = x_load_cells(&d, pages, n, e);
	if (rc < 0)
		goto out;
	x_build_rows(&d);

	memset(&acctB, 0, sizeof(acctB));
	acctB.group = XG_ACCOUNT;
	acctB.v = &d.acct;
	acctB.n = &d.nacct;
	acctB.last_field = XF_NONE;
	memset(&pubB, 0, sizeof(pubB));
	pubB.group = XG_PUBLIC;
	pubB.v = &d.pub;
	pubB.n = &d.npub;
	pubB.last_field = XF_NONE;
	memset(&C, 0, sizeof(C));
	C.last_field = XF_NONE;
	C.acct[0] = C.acct[1] = C.acct[2] = -1;
	C.grid_for = -1;
	memset(&ic, 0, sizeof(ic));

	/* the consumer's data comes first: the report date dates the rest */
	for (i = 0; i < d.nr; i = j) {
		const struct xrow *r = &d.r[i];
		const char *t;
		int k = x_row_section(&d, r, &t);

		j = i + 1;
		/* a section's heading again on the next page: go on */
		if (k >= 0 && k == section && t == sect_type && k != XK_CONSUMER)
			continue;
		if (k >= 0) {
			if (section == XK_ACCOUNTS && d.L->style == XS_LENDER)
				lender_accounts(&d, lender_from, i);
			if (section == XK_ACCOUNTS)
				blocks_end(&d, &acctB);
			if (section == XK_PUBLIC)
				blocks_end(&d, &pubB);
			section = k;
			sect_type = t;
			acctB.sect_type = t;
			acctB.prev_row = i;
			pubB.prev_row = i;
			lender_from = i + 1;
			memset(&ic, 0, sizeof(ic));
			if (k == XK_CONSUMER)
				C.n = 0;
			continue;
		}
		switch (section) {
		case XK_NONE:
		case XK_CONSUMER:
			if (d.L->style == XS_COLUMNS) {
				columns_consumer(&d, &C, r);
			} else if (x_stacked_value(&d, i, XG_CONSUMER, NULL)) {
				consumer_row(&d, r, &d.r[i + 1], section == XK_CONSUMER);
				j = i + 2;
			} else {
				consumer_row(&d, r, NULL, section == XK_CONSUMER);
			}
			if (!d.report_date[0]) {
				struct xcons *cs = d.ncons ? &d.cons[0] : NULL;

				if (cs && cs->a.f[XC_REPORT_DATE])
					cc_norm_date(cs->a.f[XC_REPORT_DATE], d.report_date);
			}
			break;
		case XK_ACCOUNTS:
			if (d.L->style == XS_LENDER)
				break;
			if (x_row_is_skip(&d, r))
				break;
			if (d.L->style == XS_COLUMNS) {
				if (C.grid_for >= 0 && d.L->grid == XG_STRIP) {
					size_t next = grid_strip(&d, i, &d.acct[C.grid_for]);

					d.acct[C.grid_for].has_grid = 1;
					C.grid_for = -1;
					if (next > i) {
						j = next;
						break;
					}
				}
				columns_accounts(&d, &C, i);
			} else {
				j = blocks_row(&d, &acctB, i);
			}
			break;
		case XK_PUBLIC:
			if (strstr(r->norm, "none reported") || strstr(r->norm, "*** none"))
				break;
			j = blocks_row(&d, &pubB, i);
			break;
		case XK_INQUIRIES:
			inquiry_row(&d, r, &ic);
			break;
		default:
			break;
		}
	}
	if (section == XK_ACCOUNTS && d.L->style == XS_LENDER)
		lender_accounts(&d, lender_from, d.nr);
	blocks_end(&d, &acctB);
	blocks_end(&d, &pubB);
	free(acctB.pending);
	free(pubB.pending);
	free(C.heading);

	rc = x_emit(&d, o, emit, arg, info);
out:
	x_doc_release(&d);
	return rc;
}
