/*
 * rows.c -- a document's cells and rows, what every reader reads.
 *
 * The lines of every page, but for the running heads and feet
 * (furniture.c), become cells: a line that starts with a known label is
 * cut into the label and the rest.  The cells become rows by their
 * vertical overlap, in reading order.  And what a row is: its words, a
 * section's heading, a line the layout passes over, a label whose value
 * is the row under it.
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>
#include <math.h>

/* The largest coordinate, in points, of a line's box or a page's height
 * taken: some 350 m, far beyond any page, and far from overflowing. */
#define X_MAX_COORD 1e6

static int cmp_cell_y(const void *a, const void *b)
{
	const struct xcell *p = a, *q = b;
	double ya, yb;

	if (p->page != q->page)
		return p->page < q->page ? -1 : 1;
	ya = (p->y0 + p->y1) / 2;
	yb = (q->y0 + q->y1) / 2;
	if (ya != yb)
		return ya < yb ? -1 : 1;
	return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int cmp_cell_x(const void *a, const void *b)
{
	const struct xcell *p = a, *q = b;

	return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* the style of the line whose cells add_cell() is adding */
struct lstyle {
	float size;
	int bold;
};

static void add_cell(struct xdoc *d, const char *t, size_t n, double x0,
		     double y0, double x1, double y1, double conf, int page,
		     int est, const struct lstyle *st)
{
	struct xcell *c;

	if (d->nc == d->ac) {
		d->ac = d->ac ? d->ac * 2 : 256;
		d->c = cc_xreallocarray(d->c, d->ac, sizeof(*d->c));
	}
	c = &d->c[d->nc++];
	memset(c, 0, sizeof(*c));
	c->t = cc_xstrndup(t, n);
	c->x0 = x0;
	c->y0 = y0;
	c->x1 = x1;
	c->y1 = y1;
	c->conf = conf;
	c->page = page;
	c->lab = -1;
	c->est = est;
	c->size = st->size;
	c->bold = st->bold;
}

/*
 * The label of L that the text s is, or starts with (then followed by a
 * space or ':'); the longest wins.  Case counts, so that "BALANCE", the
 * end of a wrapped remark, or "BALANCE CREDIT UNION", a creditor, is not
 * the label "Balance".  *len gets the label's length in s, with the ':'
 * after it.
 */
static int match_label(const struct xlayout *L, const char *s, size_t *len)
{
	size_t i, n, best_n = 0;
	int best = -1;

	size_t c = (unsigned char)tolower((unsigned char)s[0]), q;

	for (q = L->leadat[c]; q < L->leadat[c + 1]; q++) {
		const struct xlabel *b = &L->lab[i = (size_t)L->bylead[q]];

		if (!L->nocase && b->text[0] != s[0])
			continue;
		n = b->len;
		if (n > best_n && (L->nocase ? strncasecmp(s, b->text, n) :
				   strncmp(s, b->text, n)) == 0 &&
		    (s[n] == '\0' || s[n] == ' ' || s[n] == ':' ||
		     /* run together: "Account Type - DetailStudent Loan" */
		     (islower((unsigned char)b->text[n - 1]) &&
		      (isupper((unsigned char)s[n]) || isdigit((unsigned char)s[n]) ||
		       s[n] == '$' || s[n] == '*' || s[n] == '-')))) {
			best = (int)i;
			best_n = n;
		}
	}
	if (best >= 0) {
		while (s[best_n] == ':')
			best_n++;
		*len = best_n;
	}
	return best;
}

/* Whether a[0..na) and b[0..nb) are one letter apart or equal: one
 * letter changed, dropped or added. */
static int one_apart(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0;

	if (na > nb + 1 || nb > na + 1)
		return 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb)
		return i == na || memcmp(a + i + 1, b + i + 1, na - i - 1) == 0;
	if (na > nb)
		return memcmp(a + i + 1, b + i, nb - i) == 0;
	return memcmp(a + i, b + i + 1, na - i) == 0;
}

static int boundary(char c)
{
	return c == '\0' || c == ' ' || c == ':';
}

/*
 * An OCR'd line that starts with a label of eight letters or more but for
 * one letter misread, dropped or added ("Date Reporte", "Terms Frquency"):
 * that label, as match_label() gives it.  The first letter must be right,
 * and case still counts.
 */
static int fuzzy_label(const struct xlayout *L, const char *s, size_t *len)
{
	size_t i, n, m, best_n = 0, best_m = 0, sl = strlen(s), q;
	size_t c = (unsigned char)tolower((unsigned char)s[0]);
	int best = -1;

	for (q = L->leadat[c]; q < L->leadat[c + 1]; q++) {
		const struct xlabel *b = &L->lab[i = (size_t)L->bylead[q]];

		n = b->len;
		if (n < 8 || n <= best_n || b->text[0] != s[0])
			continue;
		for (m = n - 1; m <= n + 1 && m <= sl; m++)
			if (boundary(s[m]) && one_apart(s, m, b->text, n)) {
				best = (int)i;
				best_n = n;
				best_m = m;
				break;
			}
	}
	if (best >= 0) {
		while (s[best_m] == ':')
			best_m++;
		*len = best_m;
	}
	return best;
}

/*
 * An OCR'd line that starts with a label of two words or more read
 * without its spaces ("ACCOUNTNUMBER*2814"): that label, *len the length
 * it takes in s.  Case is ignored where the layout's is (the generic
 * reader's).
 */
static int spaceless_label(const struct xlayout *L, const char *s, size_t *len)
{
	size_t i, j, k, best_n = 0, best_k = 0, q;
	size_t c = (unsigned char)tolower((unsigned char)s[0]);
	int best = -1;

	for (q = L->leadat[c]; q < L->leadat[c + 1]; q++) {
		const char *t = L->lab[i = (size_t)L->bylead[q]].text;

		if (!strchr(t, ' ') || L->lab[i].len <= best_n)
			continue;
		for (j = k = 0; j < L->lab[i].len && s[k]; j++) {
			if (t[j] == ' ')
				continue;
			/* and spaces where the line has some ("PASTDUE") */
			while (s[k] == ' ')
				k++;
			if (L->nocase ? tolower((unsigned char)t[j]) != tolower((unsigned char)s[k]) :
			    t[j] != s[k])
				break;
			k++;
		}
		if (j == L->lab[i].len) {
			best = (int)i;
			best_n = L->lab[i].len;
			best_k = k;
		}
	}
	if (best >= 0) {
		while (s[best_k] == ':')
			best_k++;
		*len = best_k;
	}
	return best;
}

/* The label a line starts with: read by OCR, one a letter off wins
 * over a shorter one read right ("Status updatd", not "Status"), and one
 * read without its spaces over one read right and shorter. */
static int start_label(const struct xlayout *L, const char *t, double conf,
		       size_t *len)
{
	size_t n = 0, fn = 0;
	int ex = match_label(L, t, &n), fz = -1;

	if (conf < 1)
		fz = fuzzy_label(L, t, &fn);
	if (fz >= 0 && (ex < 0 || L->lab[fz].len > L->lab[ex].len)) {
		*len = fn;
		return fz;
	}
	if (conf < 1 && L->nocase) {
		size_t sn = 0;
		int sp = spaceless_label(L, t, &sn);

		if (sp >= 0 && (ex < 0 || L->lab[sp].len > L->lab[ex].len)) {
			*len = sn;
			return sp;
		}
	}
	*len = n;
	return ex;
}

/*
 * Cut a line that starts with a label into the label and the rest.  In the
 * lender's layout, where OCR reads a header row of column labels as one
 * line, a line is cut into labels only when it is labels from end to end
 * (so that a status "30 DAYS LATE" is not the column label "30"), or when
 * it starts with a consumer label or "History:".
 */
/* Whether t[0..n) is a value of its own: an amount, a date or an
 * account number with its mask ("9197341*********"), not words ("30
 * days past due"). */
static int value_before(const char *t, size_t n)
{
	char *v = cc_xstrndup(t, n), buf[128], last4[5];
	int64_t cents;
	int ok;

	ok = cc_norm_money(v, &cents) == 0 || cc_norm_date(v, buf) == 0 ||
	     (strpbrk(v, "Xx*") && !v[strspn(v, "0123456789Xx*- ")] &&
	      cc_norm_mask(v, buf, sizeof(buf), last4) == 0);
	free(v);
	return ok;
}

/* Whether the first word of t is a value of type (enum xtype): an
 * amount, a date (of up to three words), an account number with
 * digits; words of other types say nothing. */
static int typed_word(int type, const char *t)
{
	char w[64], buf[128], last4[5];
	size_t n = strcspn(t, " ");
	int64_t cents;

	if (n == 0 || n >= sizeof(w))
		return 0;
	memcpy(w, t, n);
	w[n] = '\0';
	switch (type) {
	case XT_MONEY:
		return cc_norm_money(w, &cents) == 0;
	case XT_DATE: {
		/* or a date of two or three words ("Oct 2032", "Aug 5,
		 * 2006") */
		size_t k, m = n;

		for (k = 0; k < 3 && m < sizeof(w); k++) {
			memcpy(w, t, m);
			w[m] = '\0';
			if (cc_norm_date(w, buf) == 0)
				return 1;
			if (t[m] != ' ')
				break;
			m += 1 + strcspn(t + m + 1, " ");
		}
		return 0;
	}
	case XT_MASK:
		memcpy(w, t, n);
		w[n] = '\0';
		return strpbrk(w, "0123456789") &&
		       cc_norm_mask(w, buf, sizeof(buf), last4) == 0;
	default:
		return 0;
	}
}

/* Whether t[0..p) ends with an account number masked with X's
 * ("305241XXXXXXXXXX" glued to "Date Opened"). */
static int after_mask(const char *t, size_t p)
{
	size_t b = p, x = 0, dg = 0;

	while (b > 0 && t[b - 1] != ' ') {
		b--;
		x += t[b] == 'X' || t[b] == 'x' || t[b] == '*';
		dg += isdigit((unsigned char)t[b]) != 0;
	}
	return x >= 2 && dg >= 2 && x + dg == p - b;
}

/* Whether t[p], a capital glued to the capitals before it, starts a
 * word in mixed case: a value in capitals ran into a label ("CREDIT ONE
 * BANK NABalance owed"). */
static int caps_seam(const char *t, size_t p)
{
	size_t b;

	if (p < 2 || !isupper((unsigned char)t[p]) || !islower((unsigned char)t[p + 1]) ||
	    !isupper((unsigned char)t[p - 1]))
		return 0;
	for (b = p; b > 0 && t[b - 1] != ' '; b--)
		if (islower((unsigned char)t[b - 1]))
			return 0;
	return p - b >= 2;
}

/* The start of a label of two words or more that s, the rest of a line,
 * is, to a word's end ("ACCOUNT" of "Account category"); -1 for none. */
static int label_head(const struct xlayout *L, const char *s)
{
	size_t n = strlen(s), q, c = (unsigned char)tolower((unsigned char)s[0]);

	if (n < 4)
		return -1;
	for (q = L->leadat[c]; q < L->leadat[c + 1]; q++) {
		const struct xlabel *b = &L->lab[L->bylead[q]];

		if (b->len > n + 1 && b->text[n] == ' ' && !strncasecmp(b->text, s, n))
			return L->bylead[q];
	}
	return -1;
}

/* A label of three words or more that s, the rest of a line, of two
 * words or more, is the start of (case aside); -1 for none. */
static int label_start(const struct xlayout *L, const char *s)
{
	size_t n = strlen(s), q, c = (unsigned char)tolower((unsigned char)s[0]);
	const char *sp = strchr(s, ' ');

	if (!sp || n < 8)
		return -1;
	for (q = L->leadat[c]; q < L->leadat[c + 1]; q++) {
		const struct xlabel *b = &L->lab[L->bylead[q]];
		const char *w2 = strchr(b->text, ' ');

		if (b->len > n + 1 && b->text[n] == ' ' && w2 && strchr(w2 + 1, ' ') &&
		    !strncasecmp(b->text, s, n))
			return L->bylead[q];
	}
	return -1;
}

/* Whether t[p..p+n), a word of a label, has a lower case letter and the
 * word before it, in capitals, none. */
static int case_turns(const char *t, size_t p, size_t n)
{
	size_t k, b;
	int low = 0, up = 0;

	for (k = p; k < p + n; k++)
		low |= islower((unsigned char)t[k]) != 0;
	if (!low || p < 2 || t[p - 1] != ' ')
		return 0;
	for (b = p - 1; b > 0 && t[b - 1] != ' '; b--) {
		if (islower((unsigned char)t[b - 1]))
			return 0;
		up |= isupper((unsigned char)t[b - 1]) != 0;
	}
	return up;
}

/* Where a page's lines that start with a label start, those that two
 * or more lines start at. */
#define LABCOLS 32
struct labcols {
	double x[LABCOLS];
	int cnt[LABCOLS];
	size_t n;
	/* the page's lines fl[from..to), the one being read fl[self] */
	const struct xline *fl;
	size_t from, to, self;
};

/* The next line right of fl[self] on its baseline, within 150 points,
 * or NULL. */
static const struct xline *next_on_row(const struct labcols *lc)
{
	const struct xline *me = &lc->fl[lc->self], *best = NULL;
	size_t k;

	for (k = lc->from; k < lc->to; k++) {
		const struct xline *o = &lc->fl[k];

		if (k == lc->self || o->furniture || fabs(o->b[1] - me->b[1]) > 3 ||
		    o->b[0] < me->b[2] - 2 || (best && o->b[0] >= best->b[0]))
			continue;
		best = o;
	}
	return best && best->b[0] - me->b[2] < 150 ? best : NULL;
}

/* Whether the next line right of fl[self] on its baseline starts with
 * a value of type (enum xtype). */
static int typed_next(const struct labcols *lc, int type)
{
	const struct xline *best = next_on_row(lc);

	if (!best)
		return 0;
	/* a date of words ("May 2029") is one in whole */
	if (type == XT_DATE && strlen(best->t) < 40) {
		char iso[11];

		if (cc_norm_date(best->t, iso) == 0)
			return 1;
	}
	return typed_word(type, best->t);
}

/* Whether a line right under the end of line fl[self], where x is,
 * completes the label that s, that end, starts ("Bankruptcy Chapter 7
 * REFERENCE" over "NUMBER"). */
static int all_caps(const char *s)
{
	int up = 0;

	for (; *s; s++) {
		if (islower((unsigned char)*s))
			return 0;
		up |= isupper((unsigned char)*s) != 0;
	}
	return up;
}

/* Whether line o of the lines lc holds has another right of it on its
 * row: its value. */
static int valued(const struct labcols *lc, const struct xline *o)
{
	size_t k;

	for (k = lc->from; k < lc->to; k++)
		if (&lc->fl[k] != o && !lc->fl[k].furniture &&
		    fabs(lc->fl[k].b[3] - o->b[3]) < 2 && lc->fl[k].b[0] > o->b[2])
			return 1;
	return 0;
}

/* The label, of two lines, that the end s of line fl[self], where x is,
 * starts and a line right under it completes, in the same case, with no
 * value of its own beside it ("Bankruptcy Chapter 7 REFERENCE" over
 * "NUMBER"; not "PAID COLLECTION ACCOUNT" over "Status  Closed"); -1 for
 * none. */
static int completed_below(const struct xlayout *L, const struct labcols *lc,
			   double x, const char *s)
{
	const struct xline *me = &lc->fl[lc->self];
	double h = me->b[3] - me->b[1];
	char buf[128];
	size_t k, n;
	int m;

	for (k = lc->from; k < lc->to; k++) {
		const struct xline *o = &lc->fl[k];

		if (k == lc->self || o->furniture || fabs(o->b[0] - x) > 10 ||
		    o->b[1] < me->b[1] + 0.5 * h || o->b[1] > me->b[3] + 0.8 * h ||
		    all_caps(s) != all_caps(o->t) || valued(lc, o))
			continue;
		if (snprintf(buf, sizeof(buf), "%s %s", s, o->t) < (int)sizeof(buf) &&
		    (m = match_label(L, buf, &n)) >= 0 && n > strlen(s) + 1)
			return m;
	}
	return -1;
}

/* Whether the next line right of fl[self] on its baseline, within 150
 * points, starts with no label: a value, to the label that ends
 * fl[self]. */
static int value_next(const struct xlayout *L, const struct labcols *lc)
{
	const struct xline *best = next_on_row(lc);
	size_t n;

	return best && match_label(L, best->t, &n) < 0;
}

static void labcols_add(struct labcols *lc, double x)
{
	size_t k;

	for (k = 0; k < lc->n; k++)
		if (fabs(lc->x[k] - x) <= 2) {
			lc->cnt[k]++;
			return;
		}
	if (lc->n < LABCOLS) {
		lc->x[lc->n] = x;
		lc->cnt[lc->n++] = 1;
	}
}

/* Whether x, a position estimated from a line's width, is near a column
 * of labels right of the line's start x0. */
static int at_labcol(const struct labcols *lc, double x, double x0, double tol)
{
	size_t k;

	for (k = 0; k < lc->n; k++)
		if (lc->cnt[k] >= 2 && lc->x[k] > x0 + 20 &&
		    fabs(lc->x[k] - x) <= tol)
			return 1;
	return 0;
}

/*
 * Whether a label starts at t[p] of line t (total bytes, drawn from x0,
 * w wide) that a value ran into, where the line's width puts it near a
 * column of the page's labels (lc): the label, its length in *len (to
 * the line's end for a label that wraps onto the next lines); -1 for
 * none.
 */
static int labcol_cut(struct xdoc *d, const struct labcols *lc, const char *t,
		      size_t total, size_t p, double x0, double w, double conf,
		      size_t *len)
{
	double lx = x0 + w * (double)p / (double)total;
	int typed = 0, mask = after_mask(t, p), m, m2;
	size_t n;

	/* at a word's start, or glued to the value with a colon after it
	 * ("ONEMAIN FINANCIALAMOUNT OWED:") or after a digit
	 * ("XXXX4722PAY STATUS"); a run of X's or digits, wide glyphs,
	 * before it puts the estimate further off */
	if ((t[p - 1] != ' ' && !isupper((unsigned char)t[p])) ||
	    !at_labcol(lc, lx, x0, mask || isdigit((unsigned char)t[p - 1]) ? 20 : 12))
		return -1;
	/*
	 * A label of one word, no colon, ends many a value ("PAID
	 * COLLECTION ACCOUNT"), but not one in capitals ("CARRINGTON
	 * MORTGAGE Balance"), or one a value of its type follows, in the
	 * line or in the next cell ("HARRIS & HARRIS NUMBER" "9706XXXXX"),
	 * or one at the line's end whose next cell is a value ("SYNCB/AMAZON
	 * REMARKS" "AUTHORIZED USER"), as OCR and text layers join cells.
	 * Glued to a word in capitals too, when the label is long and a
	 * value of its type follows ("ONEMAIN FINANCIALBALANCE DUE"
	 * "$0.00"); any label glued to a mask ("656177XXXXCATEGORY").
	 */
	if ((m = match_label(d->L, t + p, &n)) >= 0 && n >= 4) {
		int words = strchr(d->L->lab[m].text, ' ') != NULL;

		typed = (t[p + n] == ' ' && typed_word(d->L->lab[m].type, t + p + n + 1)) ||
			(!t[p + n] && typed_next(lc, d->L->lab[m].type));
		if ((t[p + n - 1] == ':' || words || case_turns(t, p, n) || typed ||
		     mask || caps_seam(t, p) ||
		     (!t[p + n] && isupper((unsigned char)t[p]) && value_next(d->L, lc))) &&
		    (t[p - 1] == ' ' || t[p + n - 1] == ':' ||
		     !isalpha((unsigned char)t[p - 1]) || mask || caps_seam(t, p) ||
		     (typed && (words || n >= 6)))) {
			*len = n;
			return m;
		}
	}
	*len = total - p;
	/* the start of a label that wraps onto the next lines, at the
	 * line's end ("AMERICAN EXPRESS ESTIMATED MONTH" "AND YEAR THIS"
	 * ...), or its first words, which the line under them completes */
	if (t[p - 1] == ' ' && (m = label_start(d->L, t + p)) >= 0)
		return m;
	if (t[p - 1] == ' ' && label_head(d->L, t + p) >= 0 &&
	    (m = completed_below(d->L, lc, lx, t + p)) >= 0)
		return m;
	/* or its first words glued to a number, which no word of a value
	 * follows ("546341XXXXXXACCOUNT" over "CATEGORY:") */
	if ((mask || isdigit((unsigned char)t[p - 1])) && isupper((unsigned char)t[p]) &&
	    (m = label_head(d->L, t + p)) >= 0)
		return (m2 = completed_below(d->L, lc, lx, t + p)) >= 0 ? m2 : m;
	/* OCR that lost the spaces of a line
	 * ("SOUTHWESTCREDITACCOUNTNUMBER*7009") */
	if (conf < 1 && d->L->nocase && (m = spaceless_label(d->L, t + p, &n)) >= 0) {
		*len = n;
		return m;
	}
	return -1;
}

/*
 * The generic reader's: a line of two or more "Label: value" ("SSN:
 * XXX-XX-1234  Year of birth: 1970", a running head's "Prepared for:
 * NAME  Date generated: ...") cut into each label and its value, the
 * text before the first label a cell of its own; so is a line where a
 * value ran into the next cell's "Label:".  Returns 0 when the line is
 * not such.
 */
static int inline_pairs(struct xdoc *d, const char *t, double x0, double y0,
			double x1, double y1, double conf, int page,
			const struct lstyle *st, const struct labcols *lc)
{
	size_t total = strlen(t), at[16], len[16], k, n, p, nl = 0, from, to;
	int lab[16], m;
	double w = x1 - x0;

	for (p = 0; t[p] && nl < 16; p++) {
		/* at a word's start, or glued to a value that ran into
		 * it ("7205103*********OPENED:") */
		int glued;

		if (p > 0 && t[p - 1] != ' ' && !isupper((unsigned char)t[p]))
			continue;
		glued = p > 0 && t[p - 1] != ' ' && isalpha((unsigned char)t[p - 1]) &&
			!caps_seam(t, p) && !after_mask(t, p);
		if ((m = match_label(d->L, t + p, &n)) < 0 || t[p + n - 1] != ':')
			continue;
		/* glued to a word in capitals: a label of two words or
		 * more ("HARRIS & HARRIS LTDACCOUNT NUMBER:") */
		if (glued && !strchr(d->L->lab[m].text, ' '))
			continue;
		at[nl] = p;
		len[nl] = n;
		lab[nl++] = m;
		p += n - 1;
	}
	/* a label without a colon that a value ran into, the line's end
	 * ("9197341********* Payment status") */
	if (nl == 0 && strpbrk(t, "0123456789*$"))
		for (p = 1; t[p]; p++) {
			if (t[p - 1] != ' ' || strpbrk(t + p, "0123456789*$"))
				continue;
			if ((m = match_label(d->L, t + p, &n)) >= 0 && t[p + n] == '\0' &&
			    n >= 5 && value_before(t, p)) {
				at[0] = p;
				len[0] = n;
				lab[0] = m;
				nl = 1;
				break;
			}
		}
	/* OCR that kept two cells one line ("ENHANCED RECOVERY CO Account #
	 * *3244"): a label of two words or more, mid-line, whose next word
	 * is a value of its type */
	if (nl == 0 && conf < 1) {
		size_t n0 = 0;

		/* not inside a label the line starts with ("AMOUNT PAST
		 * DUE $14,322" is no "AMOUNT" and "PAST DUE"); nor after
		 * the consumer's, whose value is cut at its labels as the
		 * text layer's is (x_consumer_value(): "FILE NO.
		 * 5583-674679 DATE COMPLETED 01/15/2026") */
		if ((m = match_label(d->L, t, &n0)) < 0)
			n0 = 0;
		else if (d->L->lab[m].group == XG_CONSUMER)
			n0 = total;
		for (p = n0 ? n0 : 1; t[p]; p++) {
			if (t[p - 1] != ' ')
				continue;
			/* or at the line's end, the next cell a value of
			 * its type ("CREDIT ONE BANK = Acct #"
			 * "465796XXXXXXXXXX") */
			if ((m = match_label(d->L, t + p, &n)) >= 0 &&
			    strchr(d->L->lab[m].text, ' ') &&
			    ((t[p + n] == ' ' && typed_word(d->L->lab[m].type, t + p + n + 1)) ||
			     (!t[p + n] && lc && typed_next(lc, d->L->lab[m].type)))) {
				at[0] = p;
				len[0] = n;
				lab[0] = m;
				nl = 1;
				break;
			}
		}
	}
	/* a value that ran into the next cell's label where that cell's
	 * labels start on this page ("FIRST PREMIER BANK Account No."
	 * "4678045***"): the label mid-line, where the line's width puts
	 * it near a column of labels */
	if (nl == 0 && lc && lc->n) {
		from = 1;

		/* and the label the line starts with */
		if ((m = match_label(d->L, t, &n)) >= 0) {
			at[0] = 0;
			len[0] = n;
			lab[0] = m;
			from = n + 1;
		}
		for (p = from; p < total && t[p]; p++)
			if ((m = labcol_cut(d, lc, t, total, p, x0, w, conf, &n)) >= 0) {
				nl = from > 1;
				at[nl] = p;
				len[nl] = n;
				lab[nl++] = m;
				break;
			}
	}
	/* two labels, or one after the end of a value that ran into it
	 * ("Bankruptcy Chapter 13 Reference number:") */
	if (nl == 0 || (nl == 1 && at[0] == 0))
		return 0;
	if (at[0] > 0) {
		to = at[0];
		while (to > 0 && t[to - 1] == ' ')
			to--;
		add_cell(d, t, to, x0, y0, x0 + w * (double)to / (double)total,
			 y1, conf, page, 1, st);
	}
	for (k = 0; k < nl; k++) {
		add_cell(d, t + at[k], len[k],
			 x0 + w * (double)at[k] / (double)total, y0,
			 x0 + w * (double)(at[k] + len[k]) / (double)total, y1,
			 conf, page, 1, st);
		d->c[d->nc - 1].lab = lab[k];
		from = at[k] + len[k];
		while (t[from] == ' ')
			from++;
		to = k + 1 < nl ? at[k + 1] : total;
		while (to > from && t[to - 1] == ' ')
			to--;
		if (to > from)
			add_cell(d, t + from, to - from,
				 x0 + w * (double)from / (double)total, y0,
				 x0 + w * (double)to / (double)total, y1, conf,
				 page, 1, st);
	}
	return 1;
}

static void add_line(struct xdoc *d, const char *t, double x0, double y0,
		     double x1, double y1, double conf, int page,
		     const struct lstyle *st, const struct labcols *lc)
{
	size_t total = strlen(t), off = 0, n, cut[24], len[24], k, nl = 0;
	int lab[24];

	if (d->unknown && inline_pairs(d, t, x0, y0, x1, y1, conf, page, st, lc))
		return;

	/* a layout of the generic style's (the lender's, where OCR reads
	 * a header row of column labels as one line) */
	if (d->L->style == XS_GENERIC && !d->unknown) {
		while (t[off] && nl < 24 && (lab[nl] = match_label(d->L, t + off, &n)) >= 0) {
			cut[nl] = off;
			len[nl++] = n;
			off += n;
			while (t[off] == ' ')
				off++;
		}
		if (t[off] && nl > 0 && (d->L->lab[lab[0]].group == XG_CONSUMER ||
					 d->L->lab[lab[0]].field == XF_HISTORY)) {
			nl = 1;
			off = len[0];
			while (t[off] == ' ')
				off++;
		} else if (t[off]) {
			nl = 0;
			off = 0;
		}
	} else if ((lab[0] = start_label(d->L, t, conf, &n)) >= 0) {
		cut[0] = 0;
		len[0] = n;
		nl = 1;
		off = n;
		while (t[off] == ' ')
			off++;
		/* OCR's mark between a label and its value ("CURRENT
		 * BALANCE = $2,993") */
		if (conf < 1 && (t[off] == '=' || t[off] == '|') && t[off + 1] == ' ')
			for (off++; t[off] == ' '; off++)
				;
	}
	for (k = 0; k < nl; k++) {
		double a = x0 + (x1 - x0) * (double)cut[k] / (double)total;
		double b = x0 + (x1 - x0) * (double)(cut[k] + len[k]) / (double)total;

		add_cell(d, t + cut[k], len[k], a, y0, b, y1, conf, page,
			 nl > 1 || t[off] != '\0', st);
		d->c[d->nc - 1].lab = lab[k];
	}
	if (t[off]) {
		double a = x0 + (x1 - x0) * (double)off / (double)total;

		add_cell(d, t + off, total - off, off ? a : x0, y0, x1, y1, conf,
			 page, off > 0, st);
	}
}

int x_alnums(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += isalnum((unsigned char)*s) != 0;
	return n;
}

static int cmp_page_rec(const void *a, const void *b)
{
	json_t *const *p = a, *const *q = b;
	json_int_t x = json_integer_value(json_object_get(*p, "page"));
	json_int_t y = json_integer_value(json_object_get(*q, "page"));

	return x < y ? -1 : x > y;
}

/* The length of the quote mark at s, OCR's for a speck ("CURRENT
 * BALANCE’", "“CREDIT ONE BANK"): curly quotes and ", or 0. */
static size_t quote_at(const char *s)
{
	if (s[0] == '"')
		return 1;
	if (!strncmp(s, "\xe2\x80", 2) && (unsigned char)s[2] >= 0x98 &&
	    (unsigned char)s[2] <= 0x9d)
		return 3;
	return 0;
}

/* Whether t[0..n) is letters in capitals and I's read as '|' or '!'
 * ("SOF!", "|"), between words in capitals. */
static int caps_i(const char *t, size_t n)
{
	size_t k, up = 0;

	for (k = 0; k < n; k++) {
		if (isupper((unsigned char)t[k]))
			up++;
		else if (t[k] != '|' && t[k] != '!')
			return 0;
	}
	return up + 1 >= n || n == 1;
}


/* A speck OCR read before a label ("8s Balance owed:"): a word of one
 * or two characters before a label that ends in a colon, dropped. */
static void ocr_lead(const struct xlayout *L, char *t)
{
	size_t w = strcspn(t, " "), n;
	int m;

	if (w == 0 || w > 2 || t[w] != ' ' ||
	    (m = match_label(L, t + w + 1, &n)) < 0 || t[w + n] != ':')
		return;
	(void)m;
	memmove(t, t + w + 1, strlen(t + w + 1) + 1);
}

/* An amount OCR misread: letters for digits ("$o", "$1,2O0") read as
 * the digits they look like, and a speck of a word or two lower-case
 * letters after it ("$552 pce") dropped, when the line is that amount. */
static void ocr_money(char *t)
{
	char tmp[64];
	size_t n = strcspn(t, " "), k;
	int64_t cents;

	if (t[0] != '$' || n < 2 || n >= sizeof(tmp))
		return;
	for (k = 0; k < n; k++)
		tmp[k] = t[k] == '$' || t[k] == ',' || t[k] == '.' ? t[k] :
			 cc_ocr_digit(t[k]) ? cc_ocr_digit(t[k]) : t[k];
	tmp[n] = '\0';
	if (cc_norm_money(tmp, &cents) < 0)
		return;
	memcpy(t, tmp, n);
	if (t[n] == ' ') {
		for (k = n + 1; t[k] && islower((unsigned char)t[k]); k++)
			;
		if (!t[k] && k - n - 1 <= 3)
			t[n] = '\0';
	}
}

/* OCR's speck read as a colon inside a label the line starts with
 * ("BALANCE: DUE $2,436"): dropped when the label without it is longer
 * than the one that ends at it. */
static void ocr_colon(const struct xlayout *L, char *t)
{
	char *c = strchr(t, ':'), tmp[256];
	size_t n0, n1;

	if (!c || c[1] != ' ' || !isalpha((unsigned char)c[2]) ||
	    strlen(t) >= sizeof(tmp) || match_label(L, t, &n0) < 0 ||
	    n0 != (size_t)(c - t) + 1)
		return;
	memcpy(tmp, t, (size_t)(c - t));
	memcpy(tmp + (c - t), c + 1, strlen(c + 1) + 1);
	if (match_label(L, tmp, &n1) >= 0 && n1 > n0)
		memmove(c, c + 1, strlen(c + 1) + 1);
}

/* Drop the quote marks that start or end a word of an OCR'd line, but
 * one before a digit (a year mark, ’24); an I read as '|' or '!' in a
 * name in capitals is an I again ("CAVALRY SPV | LLC", "SOF! LENDING"). */
static void ocr_quotes(char *s)
{
	char *r = s, *w = s, *e;
	size_t q;

	for (r = s; *r; r = e) {
		size_t n;

		while (*r == ' ')
			r++;
		n = strcspn(r, " ");
		e = r + n;
		if (!strpbrk(r, "|!") || (size_t)(strpbrk(r, "|!") - r) >= n)
			continue;
		/* the words beside it in capitals, or it one */
		if (n == 1 && !(r > s + 1 && isupper((unsigned char)r[-2]) &&
				*e == ' ' && isupper((unsigned char)e[1])))
			continue;
		if (caps_i(r, n))
			for (q = 0; q < n; q++)
				if (r[q] == '|' || r[q] == '!')
					r[q] = 'I';
	}
	r = s;

	while (*r) {
		q = quote_at(r);
		if (q && (r == s || r[-1] == ' ' || r[q] == ' ' || r[q] == '\0') &&
		    !isdigit((unsigned char)r[q])) {
			r += q;
			continue;
		}
		/* not a space left at the start, or two */
		if (*r == ' ' && (w == s || w[-1] == ' ')) {
			r++;
			continue;
		}
		*w++ = *r++;
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	/* a table's rule read as '|' at the line's end */
	if (w - s > 2 && w[-1] == '|' && w[-2] == ' ')
		w[-2] = '\0';
}

int x_load_cells(struct xdoc *d, json_t *const *pages, size_t npages,
		 struct cc_error *e)
{
	json_t **pv = cc_xreallocarray(NULL, npages ? npages : 1, sizeof(*pv));
	struct xline *fl = NULL;
	size_t nf = 0, af = 0, i, j;
	char buf[4096];
	struct labcols lc = { { 0 }, { 0 }, 0, NULL, 0, 0, 0 };

	memcpy(pv, pages, npages * sizeof(*pv));
	qsort(pv, npages, sizeof(*pv), cmp_page_rec);
	for (i = 0; i < npages; i++) {
		json_t *lines = json_object_get(pv[i], "lines"), *ln;
		int page = (int)json_integer_value(json_object_get(pv[i], "page"));
		double h = json_number_value(json_object_get(pv[i], "height"));
		double wd = json_number_value(json_object_get(pv[i], "width"));

		if (!json_is_array(lines)) {
			free(fl);
			free(pv);
			return cc_error_set(e, CC_ERR_DATA, "record.invalid",
					    "page %d of %s has no \"lines\"", page,
					    d->doc);
		}
		if (!(h > 0 && h <= X_MAX_COORD))
			h = 792;
		if (!(wd > 0 && wd <= X_MAX_COORD))
			wd = 612;
		json_array_foreach(lines, j, ln) {
			json_t *b = json_object_get(ln, "b"), *c = json_object_get(ln, "c");
			const char *t = json_string_value(json_object_get(ln, "t"));
			const char *fs = json_string_value(json_object_get(ln, "f"));
			double sz = json_number_value(json_object_get(ln, "s"));
			struct xline *f;
			double v[4];
			int k;

			if (!t || !json_is_array(b) || json_array_size(b) != 4)
				continue;
			/* a box of four numbers that a page can hold: beyond
			 * that, the sums and differences of coordinates may
			 * overflow to inf or NaN, which no comparison orders */
			for (k = 0; k < 4; k++) {
				json_t *x = json_array_get(b, (size_t)k);

				v[k] = json_number_value(x);
				if (!json_is_number(x) || !(fabs(v[k]) <= X_MAX_COORD))
					break;
			}
			if (k < 4)
				continue;
			/* text off the page, which no one sees */
			if ((v[1] + v[3]) / 2 < 0 || (v[1] + v[3]) / 2 > h ||
			    (v[0] + v[2]) / 2 < 0 || (v[0] + v[2]) / 2 > wd)
				continue;
			if (nf == af) {
				af = af ? af * 2 : 512;
				fl = cc_xreallocarray(fl, af, sizeof(*fl));
			}
			f = &fl[nf];
			memset(f, 0, sizeof(*f));
			f->t = t;
			f->page = page;
			f->height = h;
			f->conf = json_is_number(c) ? json_number_value(c) / 100.0 : 1.0;
			if (!(f->conf >= 0))
				f->conf = 0;
			if (f->conf > 1)
				f->conf = 1;
			/* x0 <= x1, y0 <= y1 */
			f->b[0] = v[0] < v[2] ? v[0] : v[2];
			f->b[2] = v[0] < v[2] ? v[2] : v[0];
			f->b[1] = v[1] < v[3] ? v[1] : v[3];
			f->b[3] = v[1] < v[3] ? v[3] : v[1];
			f->size = sz > 0 && sz < 1000 ? (float)sz : 0;
			f->bold = fs && strchr(fs, 'b');
			nf++;
		}
		if (page > d->npages)
			d->npages = page;
	}
	x_mark_furniture(fl, nf, (int)npages);
	if (d->unknown)
		x_generic_marks(d->L, fl, nf);
	for (i = 0; i < nf; i++) {
		/* a new page: where its labels start */
		if (d->unknown && (i == 0 || fl[i].page != fl[i - 1].page)) {
			size_t q, n;

			memset(&lc, 0, sizeof(lc));
			for (q = i; q < nf && fl[q].page == fl[i].page; q++)
				if (!fl[q].furniture && fl[q].t[0] &&
				    match_label(d->L, fl[q].t, &n) >= 0)
					labcols_add(&lc, fl[q].b[0]);
			lc.fl = fl;
			lc.from = i;
			lc.to = q;
		}
		lc.self = i;
		if (!fl[i].furniture) {
			cc_norm_space(fl[i].t, buf, sizeof(buf));
			/* OCR's specks and smudges: marks alone ('|' may be
			 * an I, '-' an empty value), quotes at a word's
			 * edge */
			if (fl[i].conf < 1 && !x_alnums(buf) && !strpbrk(buf, "|-*$"))
				buf[0] = '\0';
			/* or a word of a character or two narrower than any
			 * glyph ("i 1 point wide), or a line lower than any
			 * ("$3" half a point high) */
			if (fl[i].conf < 1 && ((strlen(buf) <= 2 && fl[i].b[2] - fl[i].b[0] < 1.5) ||
					       fl[i].b[3] - fl[i].b[1] < 2))
				buf[0] = '\0';
			if (fl[i].conf < 1) {
				ocr_quotes(buf);
				ocr_lead(d->L, buf);
				ocr_colon(d->L, buf);
				ocr_money(buf);
			}
			if (buf[0]) {
				struct lstyle st = { fl[i].size, fl[i].bold };

				add_line(d, buf, fl[i].b[0], fl[i].b[1], fl[i].b[2],
					 fl[i].b[3], fl[i].conf, fl[i].page, &st,
					 d->unknown ? &lc : NULL);
			}
		}
	}
	free(fl);
	free(pv);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Group the cells into rows: a cell whose middle lies within a row's band
 * and near the middle of its first cell joins it (nearer than half the
 * lower's height, or a third of the other's when one is a dash). */
void x_build_rows(struct xdoc *d)
{
	size_t i, ar = 0;
	double *hs;

	if (d->nc)
		qsort(d->c, d->nc, sizeof(*d->c), cmp_cell_y);
	for (i = 0; i < d->nc; i++) {
		struct xcell *c = &d->c[i];
		struct xrow *r = d->nr ? &d->r[d->nr - 1] : NULL;
		double yc = (c->y0 + c->y1) / 2, h = c->y1 - c->y0;

		if (r && r->page == c->page) {
			struct xcell *f = &d->c[r->first];
			double fh = f->y1 - f->y0, fc = (f->y0 + f->y1) / 2;
			const struct xcell *l = h < fh ? c : f, *t = h < fh ? f : c;
			double lo = l->y1 - l->y0, hi = t->y1 - t->y0;
			/* OCR's box of a dash is as flat as the ink: one much
			 * lower than the text beside it and wider than it is
			 * high (not a speck of noise; not beside a rule) */
			int flat = lo < 0.5 * hi && l->x1 - l->x0 >= 1.5 * lo &&
				   l->x1 - l->x0 > 0.15 * hi && t->x1 - t->x0 >= hi;

			if (flat ? fabs(yc - fc) < 0.35 * hi :
			    yc >= r->y0 && yc <= r->y1 && fabs(yc - fc) < 0.5 * lo) {
				r->n++;
				if (c->y0 < r->y0)
					r->y0 = c->y0;
				if (c->y1 > r->y1)
					r->y1 = c->y1;
				continue;
			}
		}
		if (d->nr == ar) {
			ar = ar ? ar * 2 : 128;
			d->r = cc_xreallocarray(d->r, ar, sizeof(*d->r));
		}
		r = &d->r[d->nr++];
		memset(r, 0, sizeof(*r));
		r->page = c->page;
		r->y0 = c->y0;
		r->y1 = c->y1;
		r->first = i;
		r->n = 1;
	}
	hs = cc_xreallocarray(NULL, d->nr ? d->nr : 1, sizeof(double));
	for (i = 0; i < d->nr; i++) {
		struct xrow *r = &d->r[i];
		struct cc_buf b = { 0 };
		size_t k;

		qsort(d->c + r->first, r->n, sizeof(*d->c), cmp_cell_x);
		for (k = 0; k < r->n; k++) {
			if (k)
				cc_buf_adds(&b, " ");
			cc_buf_adds(&b, d->c[r->first + k].t);
		}
		r->text = cc_buf_detach(&b);
		r->norm = x_norm(r->text);
		hs[i] = r->y1 - r->y0;
	}
	qsort(hs, d->nr, sizeof(double), cmp_double);
	d->pitch = d->nr ? hs[d->nr / 2] : 12;
	if (d->pitch < 4)
		d->pitch = 4;
	free(hs);
}

/* Characters, not bytes, of UTF-8 t[0..n): a word's place in its line
 * is estimated by them ("√" is one, in three bytes). */
size_t x_u8len(const char *t, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k++)
		c += ((unsigned char)t[k] & 0xc0) != 0x80;
	return c;
}

size_t x_cell_words(const struct xcell *c, struct xword **w, size_t *aw,
		    size_t nw)
{
	size_t n = strlen(c->t), i = 0, s, cn = x_u8len(c->t, n), ci = 0, cs;

	while (i < n) {
		while (i < n && c->t[i] == ' ') {
			i++;
			ci++;
		}
		if (i >= n)
			break;
		s = i;
		cs = ci;
		while (i < n && c->t[i] != ' ')
			ci += ((unsigned char)c->t[i++] & 0xc0) != 0x80;
		if (nw == *aw) {
			*aw = *aw ? *aw * 2 : 32;
			*w = cc_xreallocarray(*w, *aw, sizeof(**w));
		}
		{
			size_t len = i - s < sizeof((*w)[nw].t) - 1 ? i - s :
				     sizeof((*w)[nw].t) - 1;

			/* cut short: not inside a character */
			if (len < i - s)
				while (len > 0 && ((unsigned char)c->t[s + len] & 0xc0) == 0x80)
					len--;

			memcpy((*w)[nw].t, c->t + s, len);
			(*w)[nw].t[len] = '\0';
		}
		(*w)[nw].x0 = c->x0 + (c->x1 - c->x0) * (double)cs / (double)cn;
		(*w)[nw].x1 = c->x0 + (c->x1 - c->x0) * (double)ci / (double)cn;
		(*w)[nw].conf = c->conf;
		nw++;
	}
	return nw;
}

/* The cells of row r from k on, joined, and their lowest confidence. */
char *x_join_cells(const struct xdoc *d, const struct xrow *r, size_t k,
		   double *conf)
{
	struct cc_buf b = { 0 };
	double c = 1;

	for (; k < r->n; k++) {
		const struct xcell *x = CELL(d, r, k);

		if (b.len)
			cc_buf_adds(&b, " ");
		cc_buf_adds(&b, x->t);
		if (x->conf < c)
			c = x->conf;
	}
	if (conf)
		*conf = c;
	return b.len ? cc_buf_detach(&b) : NULL;
}

int x_row_is_skip(const struct xdoc *d, const struct xrow *r)
{
	size_t i, n;

	for (i = 0; i < d->L->nskip; i++) {
		n = strlen(d->L->skip[i]);
		if (strncmp(r->norm, d->L->skip[i], n) == 0)
			return 1;
	}
	return 0;
}

/* The length of the run of dashes at s ('-', and the en and em dashes
 * of UTF-8 that OCR reads a dash as: "—-"), 0 for none. */
static size_t dash_run(const char *s)
{
	size_t n = 0;

	for (;;) {
		if (s[n] == '-')
			n++;
		else if (!strncmp(s + n, "\xe2\x80\x93", 3) || !strncmp(s + n, "\xe2\x80\x94", 3))
			n += 3;
		else
			return n;
	}
}

/* Whether the run of n dashes at p in norm is one to make " - ": of
 * more than one dash, or with a space or an end beside it. */
static int loose_dash(const char *norm, const char *p, size_t n)
{
	return n > 1 || (n && (p == norm || p[-1] == ' ' || p[n] == ' ' || !p[n]));
}

/* norm with each run of dashes, and the spaces about it, made " - "
 * ("inquiries —- last 24 months"): a new string, or NULL when that is
 * norm as it is (most rows: no dash, or a hyphen's, "XXX-XX-1234"). */
static char *one_dash(const char *norm)
{
	struct cc_buf b = { 0 };
	const char *p;
	size_t n;

	for (p = norm; *p && !loose_dash(norm, p, dash_run(p)); p++)
		;
	if (!*p)
		return NULL;
	for (p = norm; *p; ) {
		n = dash_run(p);
		if (loose_dash(norm, p, n)) {
			while (b.len && b.s[b.len - 1] == ' ')
				b.s[--b.len] = '\0';
			cc_buf_adds(&b, b.len ? " - " : "- ");
			for (p += n; *p == ' '; p++)
				;
			continue;
		}
		cc_buf_add(&b, p, 1);
		p++;
	}
	if (!b.len || !strcmp(b.s, norm)) {
		cc_buf_release(&b);
		return NULL;
	}
	return cc_buf_detach(&b);
}

static int section_text(const struct xlayout *L, const char *norm, const char **type)
{
	size_t i, n;
	const char *p;
	char *dn = one_dash(norm);
	int kind = -1;

	if (dn) {
		/* a dash as the vocabulary writes it, then as printed */
		kind = section_text(L, dn, type);
		free(dn);
		if (kind >= 0)
			return kind;
	}
	for (i = 0; i < L->nsect; i++) {
		n = strlen(L->sect[i].norm);
		if (strncmp(norm, L->sect[i].norm, n) != 0)
			continue;
		for (p = norm + n; *p && !isalnum((unsigned char)*p); p++)
			;
		if (*p)
			continue;
		*type = L->sect[i].type;
		return L->sect[i].kind;
	}
	return -1;
}

/*
 * The generic reader's: a heading that names a kind of account
 * ("Revolving", "Installment loans", "Real estate accounts") heads an
 * accounts section of that type, when it stands alone on its row in
 * bold or larger than the body (a value "Revolving" under its label is
 * neither).
 */
static int type_heading(const struct xdoc *d, const struct xrow *r,
			const char **type)
{
	static const struct { const char *word, *type; } w[] = {
		{ "revolving", "revolving" }, { "installment", "installment" },
		{ "mortgage", "mortgage" }, { "real estate", "mortgage" },
		{ "collection", "collection" }, { "collections", "collection" },
		{ "open", "open" }, { "other", NULL }, { "closed", NULL },
	};
	static const char *const tails[] = { "", " accounts", " account",
		" loans", " trades", " tradelines" };
	const struct xcell *c;
	size_t i, k, n;
	int larger;

	if (!d->unknown || r->n != 1)
		return -1;
	c = CELL(d, r, 0);
	larger = d->body > 0 && c->size >= 1.1 * d->body;
	if (!c->bold && !larger)
		return -1;
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		n = strlen(w[i].word);
		if (strncmp(r->norm, w[i].word, n) != 0)
			continue;
		/* a word alone must be larger than the body, and a word
		 * that is also an account's state never stands alone:
		 * "CLOSED" and "COLLECTION" in bold head columns */
		for (k = larger && i < 4 ? 0 : 1;
		     k < sizeof(tails) / sizeof(tails[0]); k++)
			if (!strcmp(r->norm + n, tails[k])) {
				*type = w[i].type;
				return XK_ACCOUNTS;
			}
	}
	return -1;
}

/* The section a row heads, or -1: the row is the heading (OCR may add
 * stray marks after it), or one of its cells is, without a ':' after it
 * (a page header may share the heading's row). */
/* Whether row r is the next line of a cell of the row right above it:
 * its first cell under one of that row's, in that cell's style, close
 * under it ("ACCOUNT INFORMATION", the end of a remark, is no heading). */
static int wraps_above(const struct xdoc *d, const struct xrow *r)
{
	const struct xrow *p = r - 1;
	const struct xcell *c = CELL(d, r, 0), *u;
	size_t k;

	if (r == d->r || p->page != r->page || r->y0 - p->y1 > 0.5 * d->pitch)
		return 0;
	for (k = 0; k < p->n; k++) {
		u = CELL(d, p, k);
		if (!u->dead && fabs(u->x0 - c->x0) <= 2 && u->bold == c->bold &&
		    fabs(u->size - c->size) < 0.5 && u->lab < 0)
			return 1;
	}
	/* the rest of a long line of text that starts further right (its
	 * first line indented: "COMMENT: ... DISPUTES THIS" over "ACCOUNT
	 * INFORMATION") */
	u = CELL(d, p, 0);
	return strlen(p->text) >= 60 && c->x0 <= u->x0 + 2 && u->bold == c->bold &&
	       fabs(u->size - c->size) < 0.5;
}

int x_row_section(const struct xdoc *d, const struct xrow *r, const char **type)
{
	size_t k, n;
	int s;

	if (d->unknown && r->n && wraps_above(d, r))
		return -1;
	s = section_text(d->L, r->norm, type);

	if (s < 0 && (s = type_heading(d, r, type)) >= 0)
		return s;

	for (k = 0; s < 0 && r->n > 1 && k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);
		char *nc;

		n = strlen(c->t);
		if (c->lab >= 0 || (n && c->t[n - 1] == ':') || n > d->L->sect_maxlen + 4 ||
		    !strchr(d->L->sect_first, tolower((unsigned char)c->t[0])))
			continue;
		nc = x_norm(c->t);
		s = section_text(d->L, nc, type);
		free(nc);
	}
	return s;
}

/*
 * Whether row i is a label alone whose value is the row under it, in the
 * label's column, as the annual-report edition of Experian's report
 * prints them: row i one cell, a label of group g with nothing after it;
 * row i + 1 on the same page, closer than a row's height, starting within
 * 3 points of the label, and neither a label of g nor a section heading.
 * When cur, the account being read, is given: not when the next label
 * row, within a few rows, is of a field cur has already, as then row i's
 * value is empty and the rows under it head the next account.
 */
int x_stacked_value(const struct xdoc *d, size_t i, int g, const struct xacct *cur)
{
	const struct xrow *r = &d->r[i], *u;
	const struct xcell *c, *v;
	const char *t;
	size_t n, k;

	if (i + 1 >= d->nr || r->n != 1)
		return 0;
	c = CELL(d, r, 0);
	n = strlen(c->t);
	while (n && (c->t[n - 1] == ':' || c->t[n - 1] == ' '))
		n--;
	if (c->lab < 0 || d->L->lab[c->lab].len != n)
		return 0;
	u = &d->r[i + 1];
	v = CELL(d, u, 0);
	if (u->page != r->page || u->y0 - r->y1 >= r->y1 - r->y0 ||
	    fabs(v->x0 - c->x0) > 3 || x_cell_field(d, v, g) != XF_NONE ||
	    x_row_section(d, u, &t) >= 0)
		return 0;
	for (k = i + 2; cur && k < d->nr && k < i + 6; k++) {
		const struct xrow *w = &d->r[k];
		int f = x_cell_field(d, CELL(d, w, 0), g);

		if (x_row_section(d, w, &t) >= 0)
			break;
		if (f == XF_NONE)
			continue;
		return f == XF_IGNORE || f == XF_HISTORY || !cur->f[f];
	}
	return 1;
}

/* The words of a row. */
int x_row_labelled(const struct xdoc *d, const struct xrow *r)
{
	size_t k;

	for (k = 0; k < r->n; k++)
		if (CELL(d, r, k)->lab >= 0 && !CELL(d, r, k)->dead)
			return 1;
	return 0;
}

size_t x_row_words(const struct xdoc *d, const struct xrow *r,
		   struct xword **w, size_t *aw)
{
	size_t k, n = 0;

	for (k = 0; k < r->n; k++)
		n = x_cell_words(CELL(d, r, k), w, aw, n);
	return n;
}
