/*
 * headed.c -- accounts each under rows of their own labels: a row of
 * three labels or more over the row of its values, and perhaps another
 * such pair of rows, for every account, the creditor and the account
 * number in a column of no label beside them, the history ("History:
 * 12/25; L65432100") and a remark under them (mortgage lenders' merged
 * infile reports, MeridianLink's for one).  Where a layout of the
 * generic style (lender.yaml) names the labels, the generic reader hands
 * a run of such accounts over whole (x_headed_run()): from an account's
 * number ("001") to the next section, each numbered block of rows one
 * account.  In a report no layout matches, rows of labels over values
 * are the generic reader's pairs.
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>
#include <math.h>

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

/* Read block rows [s, e) of one account: the account. */
static int ocr_number_row(const struct xrow *r);

struct xacct *x_headed_block(struct xdoc *d, size_t s, size_t e)
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
		} else if (n > 4 && ocr_number_row(&d->r[s])) {
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
	return a;
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

/* Whether row r is an account's number alone, or OCR's number and
 * name in one line. */
int x_headed_number(const struct xdoc *d, const struct xrow *r)
{
	return (r->n >= 1 && number_cell(CELL(d, r, 0))) || ocr_number_row(r);
}

size_t x_headed_run(struct xdoc *d, size_t i, const char *sect_type)
{
	size_t e, j, s;
	const char *t;

	/* a layout's: a report no layout matches has its rows of labels
	 * over values read as pairs */
	if (d->unknown || !x_headed_number(d, &d->r[i]))
		return i;
	/* the run: to the next section of another kind */
	for (e = i + 1; e < d->nr; e++) {
		int kind = x_row_section(d, &d->r[e], &t);

		if (kind >= 0 && kind != XK_ACCOUNTS)
			break;
	}
	/* its blocks, one at each number */
	for (s = i, j = i + 1; j <= e; j++)
		if (j == e || x_headed_number(d, &d->r[j])) {
			struct xacct *a = x_headed_block(d, s, j);

			a->sect_type = sect_type;
			s = j;
		}
	return e;
}
