/*
 * inquiry.c -- the inquiry table, read alike in every layout: a row per
 * inquiry, the creditor, then its date, then the bureau, under a header
 * row of the layout's column labels when there is one.
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>

/*
 * Read row r of the inquiries' section into d->inq: a header row sets
 * the columns, ic (zeroed where the section starts), and a row with a
 * date after a creditor is an inquiry.
 */
void x_add_inquiry(struct xdoc *d, const struct xrow *r, char *creditor,
		   const char *date, char *bureau)
{
	struct xinq *q;
	size_t k;

	d->inq = x_grow(d->inq, d->ninq, sizeof(*d->inq));
	q = &d->inq[d->ninq++];
	memset(q, 0, sizeof(*q));
	q->creditor = creditor;
	q->date = cc_xstrdup(date);
	q->bureau = bureau;
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

void x_inquiry_row(struct xdoc *d, const struct xrow *r, struct xinqcols *ic)
{
	struct xword *w = NULL;
	size_t aw = 0, n, k, di = (size_t)-1, dn = 0;
	struct cc_buf cred = { 0 }, bur = { 0 };
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
	if (cred.len)
		x_add_inquiry(d, r, cc_buf_detach(&cred), date,
			      bur.len ? cc_buf_detach(&bur) : NULL);
	cc_buf_release(&bur);
	cc_buf_release(&cred);
	free(w);
}
