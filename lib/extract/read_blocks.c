/*
 * read_blocks.c -- the blocks reader: label/value rows, a heading per
 * account, as the three bureaus' own reports print them (and as any
 * unknown report is read).  Rows that are no label gather until the next
 * label: those after the widest gap head the next account, those before
 * it wrap the last value.  Every style's public records are read as
 * blocks too.
 */
#include "base/cc.h"
#include "extract/reader.h"

static double row_gap(const struct xdoc *d, size_t a, size_t b)
{
	if (d->r[a].page != d->r[b].page)
		return 1.2 * d->pitch;
	return d->r[b].y0 - d->r[a].y1;
}

/* Place the pending rows: those after the widest gap head the next block,
 * those before it go on the last field of the current one. */
static void blocks_flush(struct xdoc *d, struct xblocks *B, int new_block)
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

size_t x_blocks_row(struct xdoc *d, struct xblocks *B, size_t i)
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

void x_blocks_end(struct xdoc *d, struct xblocks *B)
{
	blocks_flush(d, B, 0);
	B->cur = NULL;
	B->last_field = XF_NONE;
}

void x_blocks_init(struct xblocks *B, int group, struct xacct **v, size_t *n)
{
	memset(B, 0, sizeof(*B));
	B->group = group;
	B->v = v;
	B->n = n;
	B->last_field = XF_NONE;
}

void x_blocks_release(struct xblocks *B)
{
	free(B->pending);
	B->pending = NULL;
	B->npending = B->apending = 0;
}

/* --- the reader --------------------------------------------------------- */

static void *blocks_begin(struct xdoc *d)
{
	struct xblocks *B = cc_xmalloc(sizeof(*B));

	x_blocks_init(B, XG_ACCOUNT, &d->acct, &d->nacct);
	return B;
}

static void blocks_section(void *st, struct xdoc *d, size_t i, int prev,
			   int k, const char *type)
{
	struct xblocks *B = st;

	(void)k;
	if (prev == XK_ACCOUNTS)
		x_blocks_end(d, B);
	B->sect_type = type;
	B->prev_row = i;
}

static size_t blocks_read(void *st, struct xdoc *d, size_t i, int k)
{
	if (k == XK_ACCOUNTS)
		return x_blocks_row(d, st, i);
	return x_consumer_rows(d, i, k == XK_CONSUMER);
}

static void blocks_finish(void *st, struct xdoc *d, int k)
{
	(void)k;
	x_blocks_end(d, st);
	x_blocks_release(st);
	free(st);
}

const struct xreader x_read_blocks = {
	.style = XS_BLOCKS,
	.begin = blocks_begin,
	.section = blocks_section,
	.row = blocks_read,
	.end = blocks_finish,
};
