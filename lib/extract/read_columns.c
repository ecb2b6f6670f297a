/*
 * read_columns.c -- the columns reader: a three-bureau monitoring report
 * (merged3), a column per bureau under a header row that names them.
 * Each account block, under its heading (the creditor), makes one
 * tradeline per column; the consumer's section is read the same way,
 * one consumer per bureau.
 */
#include "base/cc.h"
#include "extract/reader.h"

#include <math.h>

/* The reader's state: the columns of the last bureau header, and the
 * account block being read. */
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
	/* merged3's consumers are the columns': none before their header */
	if (!C->n)
		return;
	if (f == XF_NONE && !x_text_field(C->last_field))
		return;
	column_values(d, r, f == XF_NONE ? 0 : 1, C, vals, conf);
	for (k = 0; k < 3; k++) {
		if (k < C->n) {
			struct xcons *cs = x_consumer_for(d, C->bureau[k]);

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

/* --- the reader --------------------------------------------------------- */

static void *columns_begin(struct xdoc *d)
{
	struct cols *C = cc_xcalloc(1, sizeof(*C));

	(void)d;
	C->last_field = XF_NONE;
	C->acct[0] = C->acct[1] = C->acct[2] = -1;
	C->grid_for = -1;
	return C;
}

static void columns_section(void *st, struct xdoc *d, size_t i, int prev,
			    int k, const char *type)
{
	struct cols *C = st;

	(void)d;
	(void)i;
	(void)prev;
	(void)type;
	/* the consumer's columns come under a header of their own */
	if (k == XK_CONSUMER)
		C->n = 0;
}

static size_t columns_read(void *st, struct xdoc *d, size_t i, int k)
{
	struct cols *C = st;

	if (k != XK_ACCOUNTS) {
		columns_consumer(d, C, &d->r[i]);
		return i + 1;
	}
	/* the grid of the bureau whose grid title was the last row */
	if (C->grid_for >= 0 && d->L->grid == XG_STRIP) {
		size_t next = x_grid_strip(d, i, &d->acct[C->grid_for]);

		d->acct[C->grid_for].has_grid = 1;
		C->grid_for = -1;
		if (next > i)
			return next;
	}
	columns_accounts(d, C, i);
	return i + 1;
}

static void columns_finish(void *st, struct xdoc *d, int k)
{
	struct cols *C = st;

	(void)d;
	(void)k;
	free(C->heading);
	free(C);
}

const struct xreader x_read_columns = {
	.style = XS_COLUMNS,
	.begin = columns_begin,
	.section = columns_section,
	.row = columns_read,
	.end = columns_finish,
};
