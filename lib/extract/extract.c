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
				next = x_grid_year_month(d, i + 1, B->cur);
			else if (d->L->grid == XG_STRIP)
				next = x_grid_strip(d, i + 1, B->cur);
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

				x_grid_pattern(d, t, a);
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
	struct xinqcols ic;
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
			} else {
				j = x_consumer_rows(&d, i, section == XK_CONSUMER);
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
					size_t next = x_grid_strip(&d, i, &d.acct[C.grid_for]);

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
			x_inquiry_row(&d, r, &ic);
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
