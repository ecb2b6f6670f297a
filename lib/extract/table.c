/*
 * table.c -- account tables, as the generic reader meets them: a header
 * of one to three lines of column headings over the accounts, each
 * account a group of as many lines of values, each value under its
 * heading (mortgage lenders' merged infile reports); or one line an
 * account (the summaries of monitoring services and bureaus).
 *
 * A heading is an account label or one of labels.yaml's columns:, which
 * count only here ("BAL", "30-60-90", "ECOA").  A row is a header line
 * when it is headings and nothing else; the header's first line starts
 * with the creditor or the account number.  Each value goes to the
 * column whose heading it overlaps most, or whose room (halfway to the
 * headings beside it) holds most of it, so that OCR's shifts of a few
 * points do not matter; a line of text over several headings is cut
 * into its words first.  Lines under a group that start with a label of
 * their own ("HISTORY:", "REMARKS:") are the group's.  The header
 * printed again at the top of the next pages is passed over.
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>
#include <math.h>

/* --- the header ---------------------------------------------------------- */

/* The column heading that words w[0..n) spell, as one: *field, *kind,
 * *bureau set (unless field is NULL); 0 when they spell none. */
static int heading(const struct xdoc *d, int group, const struct xword *w,
		   size_t n, int *field, int *kind, const char **bureau)
{
	const struct xlayout *L = d->L;
	char buf[160] = "", *norm;
	size_t k, o = 0;
	int found = 0, f = XF_NONE, kd = XCOL_FIELD;
	const char *b = NULL;

	for (k = 0; k < n; k++) {
		int m = snprintf(buf + o, sizeof(buf) - o, "%s%s", k ? " " : "", w[k].t);

		if (m < 0 || (size_t)m >= sizeof(buf) - o)
			return 0;
		o += (size_t)m;
	}
	norm = x_norm(buf);
	if (group == XG_PUBLIC) {
		/* a public record's labels, and its court's */
		for (k = 0; k < L->nlab && !found; k++)
			if (L->lab[k].group == XG_PUBLIC && !strcmp(L->lab[k].norm, norm)) {
				f = L->lab[k].field;
				found = 1;
			}
		if (!found && (!strcmp(norm, "court") || !strcmp(norm, "court name") ||
			       !strcmp(norm, "court/location") || !strcmp(norm, "location"))) {
			f = XF_CREDITOR;
			found = 1;
		}
	} else {
		const struct xcolname *c = x_column(L, norm);

		/* OCR: "IST" for the 1ST of "DT 1ST DEL"; a heading read
		 * without its spaces ("BALDUE", "AMTPASTDUE"), or some of
		 * them ("PAST DUEAMT") */
		if (!c && w[0].conf < 1) {
			char *q = norm, *p;

			for (p = norm; (p = strstr(p, "ist")) != NULL; p += 3)
				if ((p == norm || p[-1] == ' ') && (!p[3] || p[3] == ' '))
					*p = '1';
			c = x_column(L, norm);
			for (p = norm; !c && *p; p++)
				if (*p != ' ')
					*q++ = *p;
			if (!c) {
				*q = '\0';
				c = x_column_tight(L, norm);
			}
		}
		if (c) {
			f = c->field;
			kd = c->kind;
			found = 1;
		}
	}
	/* a column of marks under a bureau's name or code: XP TU EF */
	if (!found && n == 1 && (b = x_bureau_named(buf)) == NULL &&
	    strlen(buf) == 2)
		b = X_LOOKUP(L, bureaus, buf);
	if (!found && b) {
		f = XF_REPOSITORIES;
		kd = XCOL_FIELD;
		found = 1;
	}
	free(norm);
	if (found && field) {
		*field = f;
		*kind = kd;
		*bureau = b;
	}
	return found;
}

/* The most words, from w[p] on, tight one to the next, that spell a
 * heading (heading()'s outs set from it), or 0. */
static size_t longest(const struct xdoc *d, int group, const struct xword *w,
		      const unsigned char *tight, size_t nw, size_t p,
		      int *field, int *kind, const char **bureau)
{
	size_t most, m;

	if (p >= nw)
		return 0;
	for (most = 1; most < 5 && p + most < nw && tight[p + most]; most++)
		;
	for (m = most; m > 0; m--)
		if (heading(d, group, w + p, m, field, kind, bureau))
			return m;
	return 0;
}

static int separator(const char *t)
{
	return !strcmp(t, "/") || !strcmp(t, "|") || !strcmp(t, "-") ||
	       !strcmp(t, "&");
}

static int has_lower(const char *t)
{
	for (; *t; t++)
		if (islower((unsigned char)*t))
			return 1;
	return 0;
}

/* The words w[from..n) with a word of letters joined by a slash to
 * letters ("CD/OWNER": headings of "ECOA CD/OWNER") cut into the two
 * and a "/" between, each at its share of the word's width, and one that
 * ends or starts with it ("CD/", a heading cut there) into the word and
 * the "/": the count. */
static size_t split_slashes(struct xword **w, size_t *aw, size_t from, size_t n)
{
	size_t k;

	for (k = from; k < n; k++) {
		struct xword a = (*w)[k];
		const char *sl = strchr(a.t, '/');
		size_t len = strlen(a.t), left;
		double cw;

		if (!sl || len < 2 || strchr(sl + 1, '/') ||
		    strspn(a.t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/") != len)
			continue;
		left = (size_t)(sl - a.t);
		cw = (a.x1 - a.x0) / (double)len;
		if (left == 0 || !sl[1]) {
			/* "CD/" or "/OWNER": the word and a "/" */
			if (n + 1 > *aw) {
				*aw = 2 * (n + 1);
				*w = cc_xreallocarray(*w, *aw, sizeof(**w));
			}
			memmove(&(*w)[k + 2], &(*w)[k + 1], (n - k - 1) * sizeof(**w));
			(*w)[k] = a;
			(*w)[k + 1] = a;
			if (left == 0) {
				snprintf((*w)[k].t, sizeof((*w)[k].t), "/");
				(*w)[k].x1 = a.x0 + cw;
				memcpy((*w)[k + 1].t, a.t + 1, len);  /* its NUL too */
				(*w)[k + 1].x0 = a.x0 + cw;
			} else {
				snprintf((*w)[k].t, sizeof((*w)[k].t), "%.*s", (int)left, a.t);
				(*w)[k].x1 = a.x1 - cw;
				snprintf((*w)[k + 1].t, sizeof((*w)[k + 1].t), "/");
				(*w)[k + 1].x0 = a.x1 - cw;
			}
			n++;
			k++;
			continue;
		}
		if (n + 2 > *aw) {
			*aw = 2 * (n + 2);
			*w = cc_xreallocarray(*w, *aw, sizeof(**w));
		}
		memmove(&(*w)[k + 3], &(*w)[k + 1], (n - k - 1) * sizeof(**w));
		(*w)[k] = a;
		snprintf((*w)[k].t, sizeof((*w)[k].t), "%.*s", (int)left, a.t);
		(*w)[k].x1 = a.x0 + cw * (double)left;
		(*w)[k + 1] = a;
		snprintf((*w)[k + 1].t, sizeof((*w)[k + 1].t), "/");
		(*w)[k + 1].x0 = (*w)[k].x1;
		(*w)[k + 1].x1 = (*w)[k].x1 + cw;
		(*w)[k + 2] = a;
		snprintf((*w)[k + 2].t, sizeof((*w)[k + 2].t), "%s", sl + 1);
		(*w)[k + 2].x0 = (*w)[k + 1].x1;
		n += 2;
		k += 2;
	}
	return n;
}

/* Word w is two headings joined by a '/' ("ECOA/WHOSE"): both added to
 * hl, the second joined to the first, each at its share of the word's
 * width; 1 if so. */
static int slashed(const struct xdoc *d, int group, const struct xword *w,
		   struct xtline *hl)
{
	const char *sl = strchr(w->t, '/');
	struct xword part[2];
	int f[2], kd[2];
	const char *b[2];
	size_t len = strlen(w->t), k;
	double cw;

	if (!sl || sl == w->t || !sl[1] || strchr(sl + 1, '/') ||
	    hl->n + 2 > X_TAB_COLS || (size_t)(sl - w->t) >= sizeof(part[0].t))
		return 0;
	cw = (w->x1 - w->x0) / (double)len;
	part[0] = *w;
	snprintf(part[0].t, sizeof(part[0].t), "%.*s", (int)(sl - w->t), w->t);
	part[0].x1 = w->x0 + cw * (double)(sl - w->t);
	part[1] = *w;
	snprintf(part[1].t, sizeof(part[1].t), "%s", sl + 1);
	part[1].x0 = w->x0 + cw * (double)(sl - w->t + 1);
	for (k = 0; k < 2; k++)
		if (!heading(d, group, &part[k], 1, &f[k], &kd[k], &b[k]))
			return 0;
	for (k = 0; k < 2; k++) {
		hl->c[hl->n].field = f[k];
		hl->c[hl->n].kind = kd[k];
		hl->c[hl->n].bureau = b[k];
		hl->c[hl->n].joined = k == 1;
		hl->c[hl->n].known = 1;
		hl->c[hl->n].x0 = part[k].x0;
		hl->c[hl->n].x1 = part[k].x1;
		hl->n++;
	}
	return 1;
}

/* A word that may be a heading no vocabulary knows: short, no amount,
 * date or number but an ordinal's ("1ST"). */
static int heading_word(const char *t)
{
	size_t n = strlen(t), k, dg = 0;

	if (n == 0 || n > 12 || strchr(t, '$') || strchr(t, ':'))
		return 0;
	for (k = 0; k < n; k++)
		dg += isdigit((unsigned char)t[k]) != 0;
	return dg <= 2 && (dg == 0 || isalpha((unsigned char)t[n - 1]));
}

/* OCR's marks of a rule or a box at the ends of headings' words
 * w[0..n) ("=CREDITOR"), taken off. */
static void rule_marks(struct xword *w, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++) {
		char *t = w[j].t;
		size_t lead = strspn(t, "=_~|`'-"), len;

		/* and before a number sign ("ACCT -#") */
		if (lead && (x_alnums(t + lead) || !strcmp(t + lead, "#")))
			memmove(t, t + lead, strlen(t + lead) + 1);
		len = strlen(t);
		while (len > 1 && strchr("=_~|`'-.", t[len - 1]))
			t[--len] = '\0';
	}
}

/*
 * Row r as a header line into *hl: its columns, left to right; 0 when
 * it holds anything but headings.  Words of no heading the vocabulary
 * knows make a column of their own, passed over, when they look like a
 * heading (in lower case too when the known ones are), and the known
 * ones are four at least and three times as many; else they are two at
 * least.
 */
#define UNREAD_CONF 0.5     /* an OCR'd word read less surely: unread */

/* A line of headings: into *hl, the count.  more: a later line of a
 * header, where one word OCR could hardly read ("Idd" for "TYPE") is a
 * heading no vocabulary knows. */
static size_t head_line(const struct xdoc *d, int group, const struct xrow *r,
			struct xtline *hl, int more)
{
	struct xword *w = NULL;
	unsigned char *tight = NULL;
	size_t aw = 0, k, nw = 0, p, m, j, known = 0, unknown = 0, from;
	int slash = 0, lower = 0, upper = 0, in_unknown = 0, prev_est = 0, unread = 0;

	hl->n = 0;
	/* the row's words; one is tight to the one before in its cell, or
	 * in the cell before when the two were cut from one line (a label
	 * cut from a heading: "ECOA" "CD") or are closer than a space */
	for (k = 0; k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);

		from = nw;
		nw = x_cell_words(c, &w, &aw, nw);
		nw = split_slashes(&w, &aw, from, nw);
		if (c->conf < 1)
			rule_marks(w + from, nw - from);
		tight = cc_xreallocarray(tight, nw + 1, 1);
		for (j = from; j < nw; j++) {
			double em = (w[j].x1 - w[j].x0) / (double)(strlen(w[j].t) + 1),
			       gap = j > 0 ? w[j].x0 - w[j - 1].x1 : 1e9;

			tight[j] = j > from || gap < (c->est && prev_est ? 2 : 0.8) * em;
		}
		prev_est = c->est;
	}
	for (p = 0; p < nw; ) {
		int field = XF_NONE, kind = XCOL_FIELD;
		const char *bureau = NULL;

		if (separator(w[p].t)) {
			slash = 1;
			p++;
			continue;
		}
		/* OCR's specks between headings ("TYPE _— OPEN DT"), but
		 * not a number sign ("ACCT #") */
		if (!x_alnums(w[p].t) && w[p].conf < 1 && strcmp(w[p].t, "#")) {
			p++;
			continue;
		}
		m = longest(d, group, w, tight, nw, p, &field, &kind, &bureau);
		/* on a header's later line, words OCR could hardly read
		 * ("| “ACCT: ¢" for "ACCT #") are one heading it does not know */
		if (more && m == 0 && w[p].conf < UNREAD_CONF) {
			size_t q = p + 1;

			while (q < nw && tight[q] && w[q].conf < UNREAD_CONF)
				q++;
			if (hl->n == X_TAB_COLS)
				goto none;
			memset(&hl->c[hl->n], 0, sizeof(hl->c[0]));
			hl->c[hl->n].field = XF_IGNORE;
			hl->c[hl->n].kind = XCOL_FIELD;
			hl->c[hl->n].x0 = w[p].x0;
			hl->c[hl->n].x1 = w[q - 1].x1;
			hl->n++;
			unknown++;
			unread++;
			in_unknown = 0;
			slash = 0;
			p = q;
			continue;
		}
		/* "Creditor: NAME" is a pair, not a heading */
		if (w[p].t[0] && w[p].t[strlen(w[p].t) - 1] == ':')
			goto none;
		/* "REPORTED DATE CLOSED": where the word a heading ends with
		 * begins a longer one, it is that one's ("DATE CLOSED") */
		if (m > 1) {
			size_t next = longest(d, group, w, tight, nw, p + m, NULL, NULL, NULL), k2;

			for (k2 = m - 1; k2 > 0; k2--) {
				size_t alt = longest(d, group, w, tight, nw, p + k2, NULL, NULL, NULL);

				if (next && heading(d, group, w + p, k2, NULL, NULL, NULL) &&
				    alt > next && k2 + alt >= m + next) {
					m = k2;
					heading(d, group, w + p, m, &field, &kind, &bureau);
					break;
				}
			}
		}
		if (m == 0 && slashed(d, group, &w[p], hl)) {
			/* "ECOA/WHOSE": two headings, the second joined */
			known += 2;
			slash = 0;
			p++;
			continue;
		}
		for (j = 0; j < m; j++)
			lower |= has_lower(w[p + j].t);
		if (m == 0)
			upper |= !has_lower(w[p].t);
		if (m == 0 && in_unknown && tight[p] && heading_word(w[p].t)) {
			/* the unknown heading goes on */
			hl->c[hl->n - 1].x1 = w[p].x1;
			p++;
			continue;
		}
		if ((m == 0 && !heading_word(w[p].t)) || hl->n == X_TAB_COLS)
			goto none;
		in_unknown = m == 0;
		hl->c[hl->n].known = m > 0;
		if (m == 0) {
			m = 1;
			field = XF_IGNORE;
			unknown++;
		} else {
			known++;
		}
		hl->c[hl->n].field = field;
		hl->c[hl->n].kind = kind;
		hl->c[hl->n].bureau = bureau;
		hl->c[hl->n].joined = hl->n > 0 && slash;
		hl->c[hl->n].x0 = w[p].x0;
		hl->c[hl->n].x1 = w[p + m - 1].x1;
		hl->n++;
		slash = 0;
		p += m;
	}
	free(w);
	free(tight);
	/* unknown words in capitals among known headings in lower case
	 * are values: "Account name DISCOVER BANK" */
	if (known < 2 || (unknown && known < 4 && !(more && unknown == 1 && unread)) ||
	    unknown * 3 > known || (unknown && lower && upper))
		return hl->n = 0;
	for (k = 0; k < hl->n; k++) {
		hl->c[k].lo = k ? (hl->c[k - 1].x1 + hl->c[k].x0) / 2 : -1e9;
		hl->c[k].hi = k + 1 < hl->n ? (hl->c[k].x1 + hl->c[k + 1].x0) / 2 : 1e9;
	}
	return hl->n;
none:
	free(w);
	free(tight);
	return hl->n = 0;
}

/* A header's later line of one heading alone ("ACCT STATUS" under
 * the others), known to the vocabulary: into *hl, 1; else 0. */
static int lone_heading(const struct xdoc *d, int group, const struct xrow *r,
			struct xtline *hl)
{
	struct xword *w = NULL;
	size_t aw = 0, nw;
	int field = XF_NONE, kind = XCOL_FIELD, ok = 0;
	const char *bureau = NULL;

	if (r->n != 1)
		return 0;
	nw = x_cell_words(CELL(d, r, 0), &w, &aw, 0);
	if (nw > 0 && nw <= 4 && heading(d, group, w, nw, &field, &kind, &bureau) &&
	    field != XF_IGNORE && !bureau) {
		memset(&hl->c[0], 0, sizeof(hl->c[0]));
		hl->c[0].field = field;
		hl->c[0].kind = kind;
		hl->c[0].known = 1;
		hl->c[0].x0 = CELL(d, r, 0)->x0;
		hl->c[0].x1 = CELL(d, r, 0)->x1;
		hl->c[0].lo = -1e9;
		hl->c[0].hi = 1e9;
		hl->n = 1;
		ok = 1;
	}
	free(w);
	return ok;
}

/* The first column of line 0 that is not the account's number. */
static const struct xtcol *lead_col(const struct xtline *l)
{
	size_t k;

	for (k = 0; k < l->n && l->c[k].kind == XCOL_INDEX; k++)
		;
	return k < l->n ? &l->c[k] : NULL;
}

static void free_lines(struct xtable *t)
{
	size_t k;

	for (k = 0; k < 3; k++) {
		free(t->line[k].norm);
		t->line[k].norm = NULL;
	}
	t->nlines = 0;
}

/* Whether a table of group's rows may start with a column of field: an
 * account's creditor or number; a public record's court, type or
 * reference. */
static int lead_field(int group, int field)
{
	if (group == XG_PUBLIC)
		return field == XF_CREDITOR || field == XP_TYPE || field == XP_REFERENCE;
	return field == XF_CREDITOR || field == XF_ACCOUNT_MASK;
}

/* Whether row r starts with the heading of a creditor or account
 * number, or an account's number's and then one: a header's first line
 * does, and few other rows (looked at before anything else, for speed). */
static int lead_heading(const struct xdoc *d, int group, const struct xrow *r)
{
	struct xword *w = NULL;
	size_t aw = 0, nw = 0, k, p = 0, m;
	int field = XF_NONE, kind = XCOL_FIELD, ok = 0;
	const char *bureau;

	k = 0;
	if (r->n == 0)
		return 0;
	nw = x_cell_words(CELL(d, r, k), &w, &aw, 0);
	if (CELL(d, r, k)->conf < 1)
		rule_marks(w, nw);
	for (m = nw < 5 ? nw : 5; m > 0; m--)
		if (heading(d, group, w, m, &field, &kind, &bureau))
			break;
	if (m > 0 && kind == XCOL_INDEX) {
		/* "#", then the creditor's heading in its cell or the next */
		p = m;
		if (p == nw && k + 1 < r->n) {
			nw = x_cell_words(CELL(d, r, k + 1), &w, &aw, 0);
			if (CELL(d, r, k + 1)->conf < 1)
				rule_marks(w, nw);
			p = 0;
		}
		for (m = nw - p < 5 ? nw - p : 5; m > 0; m--)
			if (heading(d, group, w + p, m, &field, &kind, &bureau))
				break;
	}
	ok = m > 0 && kind == XCOL_FIELD && !bureau && lead_field(group, field);
	free(w);
	return ok;
}

/* Whether row g is one of the h lines of the header at row i again. */
static int again(const struct xdoc *d, size_t i, size_t h, size_t g)
{
	size_t k;

	for (k = 0; k < h; k++)
		if (!strcmp(d->r[g].norm, d->r[i + k].norm))
			return 1;
	return 0;
}

size_t x_table_head(struct xdoc *d, int group, size_t i, struct xtable *t)
{
	struct xtline l[4];
	const struct xtcol *lead;
	size_t h, k, g, cols = 0;
	int cred = 0;

	if (i >= d->nr || !lead_heading(d, group, &d->r[i]) ||
	    head_line(d, group, &d->r[i], &l[0], 0) < 2)
		return 0;
	lead = lead_col(&l[0]);
	if (!lead || !lead_field(group, lead->field) || lead->bureau)
		return 0;
	/* a heading no vocabulary knows right after the creditor's is its
	 * value: "CREDITOR CAPITAL ONE NOTES ..." */
	if (lead + 1 < l[0].c + l[0].n && lead[1].field == XF_IGNORE &&
	    lead[1].kind == XCOL_FIELD && !lead[1].known)
		return 0;
	/* the lines of headings that follow it closely, on its page */
	for (h = 1; h < 3 && i + h < d->nr; h++) {
		const struct xrow *p = &d->r[i + h - 1], *r = &d->r[i + h];

		if (r->page != p->page || r->y0 - p->y1 > 1.5 * d->pitch ||
		    (head_line(d, group, r, &l[h], 1) == 0 && !lone_heading(d, group, r, &l[h])))
			break;
	}
	for (k = 0; k < h; k++) {
		size_t j;

		cols += l[k].n;
		for (j = 0; j < l[k].n; j++)
			cred |= (l[k].c[j].field == XF_CREDITOR ||
				 (group == XG_PUBLIC && l[k].c[j].field == XP_TYPE)) &&
				!l[k].c[j].bureau;
	}
	/* four columns at least (a row of three labels is the first of
	 * pairs printed labels over values), the creditor's among them
	 * (labels over values under a creditor's heading are no table),
	 * and values under them: not a
	 * line of headings, nor headings again after one group of lines
	 * (labels over values, row after row) */
	if (cols < 4 || !cred)
		return 0;
	/* the rows after it, the header printed again at the top of the
	 * next page passed over (a header at a page's foot) */
	for (g = i + h; g < d->nr && g < i + 4 * h && again(d, i, h, g); g++)
		;
	if (g >= d->nr || head_line(d, group, &d->r[g], &l[3], 0))
		return 0;
	for (g += h; g < d->nr && g < i + 6 * h && again(d, i, h, g); g++)
		;
	if (g < d->nr && head_line(d, group, &d->r[g], &l[3], 0))
		return 0;
	if (!t)
		return h;
	x_table_end(d, t);
	for (k = 0; k < h; k++) {
		t->line[k] = l[k];
		t->line[k].norm = cc_xstrdup(d->r[i + k].norm);
	}
	t->nlines = h;
	t->group = group;
	t->on = 1;
	/* a new group starts with its creditor; a public record with its
	 * type where the table has one, else its court */
	t->starter = XF_CREDITOR;
	for (k = 0; group == XG_PUBLIC && k < l[0].n; k++)
		if (l[0].c[k].field == XP_TYPE)
			t->starter = XP_TYPE;
	t->strays = 0;
	t->labelled = 0;
	t->wrap_field = XF_NONE;
	t->have = 0;
	t->next = 0;
	return h;
}

/* --- the values ------------------------------------------------------------ */

/* A piece of a row: a cell, or a word of one, and the column it is in. */
struct piece {
	char *t;
	double x0, x1, conf;
	const struct xcell *c;
	size_t col;
};

static double overlap(double a0, double a1, double b0, double b1)
{
	double lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;

	return hi - lo;
}

/* The column of line l that x0..x1 belongs to. */
static size_t column_of(const struct xtline *l, double x0, double x1)
{
	size_t k, best = 0;
	double b = -1e9, o;

	for (k = 0; k < l->n; k++) {
		o = overlap(x0, x1, l->c[k].x0, l->c[k].x1);
		if (o > 0 && o > b) {
			b = o;
			best = k;
		}
	}
	if (b > 0)
		return best;
	for (k = 0; k < l->n; k++) {
		o = overlap(x0, x1, l->c[k].lo, l->c[k].hi);
		if (o > b) {
			b = o;
			best = k;
		}
	}
	return best;
}

/* How many headings of line l x0..x1 overlaps. */
/* Whether column k is of a run of headings that share a cell. */
static int joined_run(const struct xtline *l, size_t k)
{
	return l->c[k].joined || (k + 1 < l->n && l->c[k + 1].joined);
}

static int spans(const struct xtline *l, double x0, double x1)
{
	size_t k;
	int n = 0, prev = 0;

	/* a run of headings that share a cell ("ECOA/WHOSE") counts once,
	 * and so does its second alone */
	for (k = 0; k < l->n; k++) {
		int on = overlap(x0, x1, l->c[k].x0, l->c[k].x1) > 1;

		if (on && (!l->c[k].joined || !prev))
			n++;
		prev = on;
	}
	return n;
}


/* "02/01/00", "2/1/0", "02-01-00", "2 1 0": three counts. */
static int late_triple(const char *s, int out[3])
{
	int k;
	char *e;

	for (k = 0; k < 3; k++) {
		while (k && (*s == '/' || *s == '-' || *s == ' '))
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		out[k] = (int)strtol(s, &e, 10);
		s = e;
	}
	while (*s == ' ')
		s++;
	return *s == '\0';
}

/* A rating or manner of payment: a digit, or one letter and a digit
 * ("R1", "I9"), or "UC"/"UR". */
static int rating_code(const char *s)
{
	size_t n = strlen(s);

	if (n == 1)
		return isdigit((unsigned char)s[0]);
	if (n == 2)
		return (isalpha((unsigned char)s[0]) && isdigit((unsigned char)s[1])) ||
		       !strcmp(s, "UC") || !strcmp(s, "UR");
	return 0;
}

/* A mark in a bureau's column: X, *, a check. */
static int mark(const char *s)
{
	return !strcmp(s, "X") || !strcmp(s, "x") || !strcmp(s, "*") ||
	       !strcmp(s, "Y") || !strcmp(s, "\xe2\x88\x9a") ||
	       !strcmp(s, "\xe2\x9c\x93");
}

/* An account's number on the report, "001". */
static int index_number(const char *s)
{
	size_t n = strlen(s), k;

	if (n > 1 && s[n - 1] == '.')
		n--;        /* "014." */
	if (n < 1 || n > 4)
		return 0;
	for (k = 0; k < n; k++)
		if (!isdigit((unsigned char)s[k]))
			return 0;
	return 1;
}

/* An account number as tables print it: digits and X, * or # for the
 * hidden ones, in groups ("4147 20XX XXXX"), four of them at least. */
static int mask_like(const char *s)
{
	int n = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s) || *s == 'X' || *s == 'x' || *s == '*')
			n++;
		else if (!strchr("#-. ", *s))
			return 0;
	}
	return n >= 4;
}

/* A name: two letters at least that are not a mask's X. */
static int name_like(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += isalpha((unsigned char)*s) && *s != 'X' && *s != 'x';
	return n >= 2;
}

/* An amount in thousands, "$5K", "12K", "1.5K", as dollars into out:
 * whether s is one. */
static int thousands(const char *s, char *out, size_t len)
{
	char *e;
	double v;

	if (*s == '$')
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	v = strtod(s, &e);
	if ((*e != 'K' && *e != 'k') || e[1] || v > 1e9)
		return 0;
	snprintf(out, len, "%.0f", v * 1000);
	return 1;
}

/* Bureaus as a source column names them: "XP/TU/EF", "EQ", "MRG",
 * "Experian". */
static int bureau_codes(const char *s)
{
	static const char *const codes[] = {
		"XP", "EX", "XPN", "EXP", "TU", "TUC", "TRU", "EF", "EQ", "EFX",
		"EQF", "MRG", "MERGE", "MERGED",
	};
	char *copy = cc_xstrdup(s), *tok, *save = NULL;
	size_t k;
	int ok = 1, any = 0;

	for (tok = strtok_r(copy, "/ ,-", &save); tok && ok; tok = strtok_r(NULL, "/ ,-", &save)) {
		for (k = 0; k < sizeof(codes) / sizeof(codes[0]); k++)
			if (!strcasecmp(tok, codes[k]))
				break;
		ok = k < sizeof(codes) / sizeof(codes[0]) || x_bureau_named(tok);
		any = 1;
	}
	free(copy);
	return ok && any;
}

/* Whether piece text s fits column c. */
static int fits(const struct xtcol *c, const char *s)
{
	int l3[3];
	char k[32];

	/* a dash or two, "--/--": an empty cell of any column */
	if (!x_alnums(s))
		return 1;
	if (c->bureau)
		return mark(s);
	switch (c->kind) {
	case XCOL_LATES:
		return late_triple(s, l3) || !strcmp(s, "-");
	case XCOL_LATE30: case XCOL_LATE60: case XCOL_LATE90:
		return index_number(s) || !strcmp(s, "-");
	case XCOL_INDEX:
		return index_number(s);
	}
	switch (c->field) {
	case XF_WHOSE:
		/* B/C/J, or an ECOA letter where the column means that */
		return x_whose(s) != 0 || (strlen(s) <= 3 && isalpha((unsigned char)s[0]));
	case XF_REPOSITORIES:
		return bureau_codes(s);
	case XF_CREDITOR: case XP_TYPE:
		return name_like(s);
	case XF_ACCOUNT_MASK:
		return mask_like(s);
	case XF_RATING:
		return rating_code(s) || !strcmp(s, "-");
	case XF_IGNORE:
		return 1;
	}
	if (x_field_type(c->field) == XT_MONEY && thousands(s, k, sizeof(k)))
		return 1;
	return x_value_fits(x_field_type(c->field), s) || !strcmp(s, "-") ||
	       !strcmp(s, "--/--");
}

/* The first and the last column of the run of headings that share a
 * cell with column k of line l ("CREDITOR / ACCT #"). */
static void run_of(const struct xtline *l, size_t k, size_t *first, size_t *last)
{
	*first = *last = k;
	while (*first > 0 && l->c[*first].joined)
		(*first)--;
	while (*last + 1 < l->n && l->c[*last + 1].joined)
		(*last)++;
}

/* Whether s fits a column of the run of column k. */
static int fits_run(const struct xtline *l, size_t k, const char *s)
{
	size_t first, last;

	run_of(l, k, &first, &last);
	for (k = first; k <= last; k++)
		if (fits(&l->c[k], s))
			return 1;
	return 0;
}

/* Whether s is a value of column c beyond doubt: a word of its
 * vocabulary (a type, a kind of loan, an ECOA letter), a code, an amount,
 * a date or a number; not just any text. */
static int strong_fit(const struct xdoc *d, const struct xtcol *c, const char *s)
{
	if (!x_alnums(s))
		return 0;    /* an empty cell's dash is no value */
	if (c->bureau || c->kind != XCOL_FIELD)
		return fits(c, s);
	switch (c->field) {
	case XF_TYPE:
		return X_LOOKUP(d->L, types, s) != NULL;
	case XF_LOAN_TYPE:
		return X_LOOKUP(d->L, loans, s) != NULL;
	case XF_RESPONSIBILITY:
		return X_LOOKUP(d->L, resp, s) != NULL;
	case XF_WHOSE:
		return x_whose(s) || X_LOOKUP(d->L, resp, s) != NULL;
	case XF_CREDITOR: case XF_STATUS: case XF_REMARKS: case XF_IGNORE:
	case XF_ORIGINAL_CREDITOR: case XF_TERMS: case XF_ACCOUNT_STATUS:
		return 0;
	}
	return fits(c, s);
}

/* The words w[0..n) with a date glued to the word before it, no space
 * between ("706/2019": "CH 7" beside "06/2019", a text layer's columns
 * too close) cut into the two, each at its share of the word's width:
 * the count. */
static size_t split_dates(struct xword **w, size_t *aw, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct xword a = (*w)[k];
		size_t len = strlen(a.t), d;
		char iso[11];
		double cw;

		/* MM/YYYY or MM/YY at the end, something before it */
		for (d = 7; d >= 5; d -= 2)
			if (len > d && a.t[len - d + 2] == '/' &&
			    isdigit((unsigned char)a.t[len - d]) &&
			    cc_norm_date(a.t + len - d, iso) == 0 &&
			    a.t[len - d - 1] != '/' && isalnum((unsigned char)a.t[len - d - 1]))
				break;
		if (d < 5)
			continue;
		if (n + 1 > *aw) {
			*aw = 2 * (n + 1);
			*w = cc_xreallocarray(*w, *aw, sizeof(**w));
		}
		cw = (a.x1 - a.x0) / (double)len;
		memmove(&(*w)[k + 2], &(*w)[k + 1], (n - k - 1) * sizeof(**w));
		(*w)[k] = a;
		(*w)[k].t[len - d] = '\0';
		(*w)[k].x1 = a.x0 + cw * (double)(len - d);
		(*w)[k + 1] = a;
		memmove((*w)[k + 1].t, a.t + len - d, d + 1);
		(*w)[k + 1].x0 = (*w)[k].x1;
		n++;
		k++;
	}
	return n;
}

/* Whether column col of l holds a code of one word: an ECOA letter,
 * whose, a rating, a type. */
static int code_column(const struct xtcol *c)
{
	return c->kind == XCOL_FIELD && !c->bureau &&
	       (c->field == XF_RESPONSIBILITY || c->field == XF_WHOSE ||
		c->field == XF_RATING || c->field == XF_TYPE);
}

/* Whether s is two codes joined by a slash ("I/B", as OCR reads
 * "I / B"), each a value beyond doubt of its column of column col's run
 * of joined headings ("ECOA/WHO"). */
static int slash_fit(const struct xdoc *d, const struct xtline *l, size_t col,
		     const char *s)
{
	const char *sl = strchr(s, '/');
	size_t first, last;
	char *a;
	int ok;

	run_of(l, col, &first, &last);
	if (first == last || !sl || sl == s || strchr(sl + 1, '/') || strchr(s, ' '))
		return 0;
	a = cc_xstrndup(s, (size_t)(sl - s));
	ok = strong_fit(d, &l->c[first], a) && strong_fit(d, &l->c[first + 1], sl + 1);
	free(a);
	return ok;
}

/* Whether words w[j..] from j on, as many as lie in column col, are a
 * value of its (strong_fit()): "CREDIT CARD" under ACCT DESC, after a
 * name that runs up to it; "I/B" under "ECOA/WHO". */
static int words_fit(const struct xdoc *d, const struct xtline *l, size_t col,
		     const struct xword *w, size_t j, size_t nw)
{
	struct cc_buf b = { 0 };
	size_t k;
	int ok = 0;

	for (k = j; k < nw && !ok; k++) {
		double xc = (w[k].x0 + w[k].x1) / 2;

		if (k > j && column_of(l, xc, xc) != col)
			break;
		if (k > j)
			cc_buf_adds(&b, " ");
		cc_buf_adds(&b, w[k].t);
		ok = strong_fit(d, &l->c[col], b.s) || slash_fit(d, l, col, b.s);
	}
	cc_buf_release(&b);
	return ok;
}

/* How many words of codes column col's run of headings takes, a word
 * a heading ("I / C" under "ECOA/WHOSE"); 0 when it is not of codes. */
static size_t code_words(const struct xtline *l, size_t col)
{
	size_t first, last, k;

	run_of(l, col, &first, &last);
	for (k = first; k <= last; k++)
		if (!code_column(&l->c[k]))
			return 0;
	return last - first + 1;
}

static size_t words_in(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/* Whether a cell of cells[0..nc) other than cells[self] is in column
 * col of line l. */
static int occupied(const struct xtline *l, const struct xcell *cells,
		    size_t nc, size_t self, size_t col)
{
	size_t k;

	for (k = 0; k < nc; k++)
		if (k != self && spans(l, cells[k].x0, cells[k].x1) < 2 &&
		    column_of(l, cells[k].x0, cells[k].x1) == col)
			return 1;
	return 0;
}

/* Add a piece of text t, of cell c (row cell rc), to v[0..*n) in
 * column col. */
static void add_piece(struct piece **v, size_t *n, const char *t, size_t len,
		      const struct xcell *c, const struct xcell *rc, size_t col)
{
	*v = x_grow(*v, *n, sizeof(**v));
	(*v)[*n].t = cc_xstrndup(t, len);
	(*v)[*n].x0 = c->x0;
	(*v)[*n].x1 = c->x1;
	(*v)[*n].conf = c->conf;
	(*v)[*n].c = rc;
	(*v)[*n].col = col;
	(*n)++;
}

/*
 * Cell c, under column col of line l, holds the values of two columns
 * side by side, run together: "I INST" under ACCT TYPE, right of ECOA;
 * "REVOLVING CREDIT CARD" over KIND and ACCT DESC.  It does when the
 * whole is no value of its column beyond doubt (strong_fit()) and it
 * cuts at a space into a value of the column left of col and one of
 * col, or one of col and one of the column right of it, each beyond
 * doubt.  Adds the two pieces to *v and returns 1; else 0.
 */
static int split_two(const struct xdoc *d, const struct xtline *l, size_t col,
		     const struct xcell *c, const struct xcell *rc,
		     struct piece **v, size_t *n)
{
	const char *sp;
	size_t pair;
	int right;

	if (!strchr(c->t, ' ') || strong_fit(d, &l->c[col], c->t))
		return 0;
	/* the column left of col and col, or col and the one right: first
	 * the side the cell reaches further into */
	right = c->x1 - l->c[col].hi > l->c[col].lo - c->x0;
	for (pair = 0; pair < 2; pair++) {
		int up = pair ? !right : right;
		size_t a = up ? col : col - 1, b = a + 1;

		if ((!up && col == 0) || b >= l->n || l->c[b].joined)
			continue;
		for (sp = strchr(c->t, ' '); sp; sp = strchr(sp + 1, ' ')) {
			char *left = cc_xstrndup(c->t, (size_t)(sp - c->t));
			int ok = strong_fit(d, &l->c[a], left) && strong_fit(d, &l->c[b], sp + 1);

			free(left);
			if (ok) {
				add_piece(v, n, c->t, (size_t)(sp - c->t), c, rc, a);
				add_piece(v, n, sp + 1, strlen(sp + 1), c, rc, b);
				return 1;
			}
		}
	}
	return 0;
}

/* Whether s is a mask's last digits, one or two of them read as letters
 * ("I407" of "XXXXXXXXXXXXI407"): four or fewer, two digits at least. */
static int misread_digits(const char *s)
{
	size_t n = 0, dg = 0;

	for (; *s; s++, n++) {
		if (isdigit((unsigned char)*s))
			dg++;
		else if (!isalpha((unsigned char)*s) || !cc_ocr_digit(*s))
			return 0;
	}
	return n <= 4 && dg >= 2;
}

/* OCR's specks at a value's ends: "(12/25", "04/24.", "_USAA", "$0|";
 * a mask's run into what follows it ("3974187*********yy0."): cut
 * where the mask ends. */
static void ocr_trim(char *t)
{
	size_t n = strlen(t), k = 0, run;

	while (k < n && strchr("([{|_'`.,;", t[k]))
		k++;
	if (k)
		memmove(t, t + k, n - k + 1);
	n = strlen(t);
	while (n > 0 && strchr(")]}|_'`.,;", t[n - 1]))
		t[--n] = '\0';
	run = strspn(t, "0123456789X*");
	/* a speck read as a point among a mask's digits ("XXXXXXXXX17.67") */
	if (run >= 8 && t[run] == '.' && run > 0 && isdigit((unsigned char)t[run - 1]) &&
	    isdigit((unsigned char)t[run + 1])) {
		memmove(t + run, t + run + 1, n - run);
		n--;
		run = strspn(t, "0123456789X*");
	}
	if (run >= 8 && run < n && t[run] != ' ' && strchr(t + run, '*') == NULL &&
	    strspn(t, "0123456789") < run && !misread_digits(t + run))
		t[run] = '\0';
}

/*
 * The live cells of row r, copied (*n of them), those that were cut
 * from one line at a label joined again ("CLOSED" "BY CONSUMER": a
 * status, not a label and its value): in a table a label is only a
 * heading.  Each copy's page is the index of its first cell in r.
 */
static struct xcell *join_cut(const struct xdoc *d, const struct xrow *r,
			      size_t *n)
{
	struct xcell *v = cc_xcalloc(r->n + 1, sizeof(*v));
	size_t k, o = 0;

	for (k = 0; k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);

		if (o && c->est && v[o - 1].est) {
			double em = (c->x1 - c->x0) / (double)(strlen(c->t) + 1);

			if (c->x0 - v[o - 1].x1 < 2 * em) {
				char *t = cc_xasprintf("%s %s", v[o - 1].t, c->t);

				free(v[o - 1].t);
				v[o - 1].t = t;
				v[o - 1].x1 = c->x1;
				if (c->conf < v[o - 1].conf)
					v[o - 1].conf = c->conf;
				continue;
			}
		}
		v[o] = *c;
		v[o].t = cc_xstrdup(c->t);
		v[o].page = (int)k;
		o++;
	}
	*n = o;
	return v;
}

/* The pieces of row r under line l, each with its column, in *out
 * (malloc'd; free each t): their count. */
static size_t pieces(const struct xdoc *d, const struct xrow *r,
		     const struct xtline *l, struct piece **out)
{
	struct piece *v = NULL;
	struct xword *w = NULL;
	size_t aw = 0, n = 0, k, j, nw, col, nc;

	struct xcell *cells = join_cut(d, r, &nc);

	for (k = 0; k < nc; k++) {
		const struct xcell *c = &cells[k];

		if (!c->t[0])
			continue;
		col = column_of(l, c->x0, c->x1);
		nw = 0;
		if (split_two(d, l, col, c, CELL(d, r, c->page), &v, &n))
			continue;
		if (spans(l, c->x0, c->x1) < 2 &&
		    (fits_run(l, col, c->t) || (nw = x_cell_words(c, &w, &aw, 0)) < 2)) {
			v = x_grow(v, n, sizeof(*v));
			v[n].t = cc_xstrdup(c->t);
			v[n].x0 = c->x0;
			v[n].x1 = c->x1;
			v[n].conf = c->conf;
			v[n].c = CELL(d, r, c->page);
			v[n].col = col;
			n++;
			continue;
		}
		/* one line over several headings, or two values of columns
		 * side by side run together ("0 00/00/00"): its words, each
		 * where its middle is or in the column beside that it fits,
		 * those of one column joined again */
		if (!nw)
			nw = x_cell_words(c, &w, &aw, 0);
		nw = split_dates(&w, &aw, nw);
		/* OCR's specks at a word's ends ("362216XXXXXXXXXX_") would
		 * keep it from its column */
		for (j = 0; c->conf < 1 && j < nw; j++)
			if (x_alnums(w[j].t))
				ocr_trim(w[j].t);
		for (j = 0; j < nw; j++) {
			double xc = (w[j].x0 + w[j].x1) / 2;

			col = column_of(l, xc, xc);
			if (j >= 2 && !strcmp(w[j - 1].t, "/") && n &&
			    v[n - 1].c == CELL(d, r, c->page) && strlen(w[j].t) <= 3 &&
			    x_alnums(w[j].t) && joined_run(l, v[n - 1].col)) {
				/* "I / C" under "ECOA/WHOSE": the code after the
				 * slash is the run's too, wherever the words'
				 * estimated places fall */
				col = v[n - 1].col;
			} else if (!x_alnums(w[j].t)) {
				/* "CREDIT & COLL"; else an empty cell's dashes */
				if (!n || v[n - 1].c != CELL(d, r, c->page) ||
				    l->c[v[n - 1].col].field != XF_CREDITOR)
					continue;
				col = v[n - 1].col;
			} else if (n && v[n - 1].c == CELL(d, r, c->page) &&
				   col != v[n - 1].col &&
				   (x_text_field(l->c[v[n - 1].col].field) ||
				    l->c[v[n - 1].col].field == XF_LOAN_TYPE) &&
				   l->c[v[n - 1].col].kind == XCOL_FIELD &&
				   !mask_like(w[j].t) &&
				   (!words_fit(d, l, col, w, j, nw) ||
				    occupied(l, cells, nc, k, col))) {
				/* a name or other text that runs on under the
				 * next heading ("TOYOTA MOTOR CREDIT" over
				 * "KIND", "BANKRUPTCY CH 13" over "FILED"): unless
				 * the word is a value of that column's, which
				 * has no cell of its own in the row ("CARD S"
				 * over ECOA, its "I" a cell apart) */
				col = v[n - 1].col;
			} else if (!fits_run(l, col, w[j].t)) {
				int right = col + 1 < l->n && fits_run(l, col + 1, w[j].t),
				    left = col > 0 && fits_run(l, col - 1, w[j].t);

				if (n && v[n - 1].c == CELL(d, r, c->page) &&
				    (!x_alnums(w[j].t) || fits_run(l, v[n - 1].col, w[j].t) ||
				     (l->c[v[n - 1].col].field == XF_CREDITOR &&
				      !mask_like(w[j].t))))
					col = v[n - 1].col;   /* "CREDIT & COLL" */
				else if (right && left)
					col = xc - l->c[col - 1].x1 < l->c[col + 1].x0 - xc ?
					      col - 1 : col + 1;
				else if (right || left)
					col = right ? col + 1 : col - 1;
			}

			if (n && v[n - 1].c == CELL(d, r, c->page) && v[n - 1].col == col) {
				char *t;

				/* a code is one word, a run of code headings in
				 * one cell a word each: of more in a code's column
				 * after a name ("HOME M J" over ECOA, "MORTGAGE C
				 * J / J" over RESP/WHOSE), the first ends the name */
				size_t codes = code_words(l, col);

				/* the whole run's codes after a word of the
				 * name ("ULTA B A/C" over ECOA/WHO) */
				if (n > 1 && v[n - 2].c == v[n - 1].c && codes &&
				    l->c[v[n - 2].col].field == XF_CREDITOR &&
				    slash_fit(d, l, col, w[j].t)) {
					t = cc_xasprintf("%s %s", v[n - 2].t, v[n - 1].t);
					free(v[n - 2].t);
					v[n - 2].t = t;
					free(v[n - 1].t);
					v[n - 1].t = cc_xstrdup(w[j].t);
					v[n - 1].x0 = w[j].x0;
					v[n - 1].x1 = w[j].x1;
					continue;
				}
				if (n > 1 && v[n - 2].c == v[n - 1].c && codes &&
				    l->c[v[n - 2].col].field == XF_CREDITOR &&
				    words_in(v[n - 1].t) == codes) {
					const char *sp = strchr(v[n - 1].t, ' ');
					size_t w0 = sp ? (size_t)(sp - v[n - 1].t) : strlen(v[n - 1].t);

					t = cc_xasprintf("%s %.*s", v[n - 2].t, (int)w0, v[n - 1].t);
					free(v[n - 2].t);
					v[n - 2].t = t;
					t = sp ? cc_xasprintf("%s %s", sp + 1, w[j].t) : cc_xstrdup(w[j].t);
					free(v[n - 1].t);
					v[n - 1].t = t;
					if (!sp)
						v[n - 1].x0 = w[j].x0;
					v[n - 1].x1 = w[j].x1;
					continue;
				}
				t = cc_xasprintf("%s %s", v[n - 1].t, w[j].t);
				free(v[n - 1].t);
				v[n - 1].t = t;
				v[n - 1].x1 = w[j].x1;
				continue;
			}
			v = x_grow(v, n, sizeof(*v));
			v[n].t = cc_xstrdup(w[j].t);
			v[n].x0 = w[j].x0;
			v[n].x1 = w[j].x1;
			v[n].conf = w[j].conf;
			v[n].c = CELL(d, r, c->page);
			v[n].col = col;
			n++;
		}
	}
	free(w);
	for (k = 0; k < nc; k++)
		free(cells[k].t);
	free(cells);
	for (k = 0; k < n; k++) {
		char *t = v[k].t;

		if (v[k].conf >= 1)
			continue;
		ocr_trim(t);
		/* OCR's 0 for the O of a rating ("O9": a collection) */
		if (l->c[v[k].col].field == XF_RATING && t[0] == '0' &&
		    isdigit((unsigned char)t[1]) && !t[2])
			t[0] = 'O';
	}
	*out = v;
	return n;
}

static void free_pieces(struct piece *v, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(v[k].t);
	free(v);
}

/* How well the pieces read as line l: those that fit their columns less
 * those that do not. */
static int fit(const struct xtline *l, const struct piece *v, size_t n)
{
	size_t k;
	int s = 0;

	for (k = 0; k < n; k++)
		s += fits_run(l, v[k].col, v[k].t) ? 1 : -1;
	return s;
}

/* --- the groups ---------------------------------------------------------- */

/* Whether piece p starts with a label, not a creditor: a word that
 * ends with a colon ("DOEFD: 06/22", a line's label OCR misread), or a
 * label of the consumer's ("FILE #7629-898193", a running head OCR read
 * other than on the pages before). */
static int label_start(const struct xdoc *d, const struct piece *p)
{
	const char *c = strchr(p->t, ':');

	if (c && (c[1] == ' ' || !c[1]) && (size_t)(c - p->t) < 16)
		return 1;
	return p->c && p->c->lab >= 0 && p->c->x0 == p->x0 &&
	       d->L->lab[p->c->lab].group == XG_CONSUMER;
}

/* Whether a piece of v[0..n) is a payment pattern, as a pattern's line
 * whose label OCR misread gives ("PMY HIST: 11/25 1111134117..."): a
 * word of twenty codes or more, or of twelve with a letter of the
 * patterns' but X; no row that starts a group. */
static int pattern_piece(const struct piece *v, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const char *p = strrchr(v[k].t, ' ');
		size_t len, run;

		p = p ? p + 1 : v[k].t;
		len = strlen(p);
		run = strspn(p, "0123456789CXLGHJKBEN-");
		if (run == len && (len >= 20 ||
				   (len >= 12 && strpbrk(p, "CLGHJKBEN"))))
			return 1;
	}
	return 0;
}

/* The account (or public record) of the group being read. */
static struct xacct *cur_of(struct xdoc *d, const struct xtable *t)
{
	return t->group == XG_PUBLIC ? &d->pub[t->cur] : &d->acct[t->cur];
}

/* The account's type where no column gave it: a collection's status
 * says it is one; else the letter of its rating ("R1": revolving, I
 * installment, M mortgage, O open). */
static void infer_type(struct xacct *a)
{
	const char *r = a->f[XF_RATING], *st = a->f[XF_STATUS];

	if (a->f[XF_TYPE])
		return;
	if (st && strstr(st, "COLL"))
		x_acct_set(a, XF_TYPE, "COLL", a->fconf[XF_STATUS], 0);
	else if (r && strlen(r) == 2 && strchr("RIMO", r[0]))
		x_acct_set(a, XF_TYPE, r[0] == 'R' ? "REV" : r[0] == 'I' ? "INST" :
			   r[0] == 'M' ? "MTG" : "OPEN", a->fconf[XF_RATING], 0);
}

/* The group read so far is complete: its late counts from columns of
 * one each, its type. */
static void end_group(struct xdoc *d, struct xtable *t)
{
	if (t->have && t->group == XG_ACCOUNT)
		infer_type(cur_of(d, t));
	if (t->have && (t->late[0] >= 0 || t->late[1] >= 0 || t->late[2] >= 0)) {
		char b[40];

		snprintf(b, sizeof(b), "%d/%d/%d", t->late[0] < 0 ? 0 : t->late[0],
			 t->late[1] < 0 ? 0 : t->late[1], t->late[2] < 0 ? 0 : t->late[2]);
		x_acct_set(cur_of(d, t), XF_LATES, b, 1, 0);
	}
	t->late[0] = t->late[1] = t->late[2] = -1;
	t->have = 0;
}

/* A mask at the end of s, "CHASE 4147XXXXXXXX": where it starts, or
 * NULL. */
/* OCR's mark of a rule or a box beside a word: "=", "_", "-", "~",
 * "|", "+" or a byte of a character not ASCII ("—", "§"). */
static int rule_mark(char c)
{
	return (c && strchr("=_-~|+", c)) || (unsigned char)c >= 0x80;
}

/* Whether s, read by OCR, is a mask with a digit or two read as
 * letters: six characters at least, the rest digits and X or *, three
 * digits among them. */
static int ocr_mask_like(const char *s)
{
	size_t n = 0, digits = 0, letters = 0;

	for (; *s; s++, n++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (*s == 'X' || *s == '*')
			;
		else if (isalpha((unsigned char)*s) && cc_ocr_digit(*s))
			letters++;
		else
			return 0;
	}
	return n >= 6 && digits >= 3 && letters >= 1 && letters <= 2;
}

/* How many such marks s starts with. */
static size_t lead_marks(const char *s)
{
	size_t n = 0;

	while (rule_mark(s[n]))
		n++;
	return n;
}

static const char *trailing_mask(const char *s, int ocr)
{
	const char *sp = strrchr(s, ' '), *st;

	if (sp && mask_like(sp + 1))
		return sp + 1;
	/* OCR's digit read as a letter ("55016SXXXXXX") */
	if (sp && ocr && ocr_mask_like(sp + 1))
		return sp + 1;
	/* OCR's: marks before the mask ("=XXXXXXXXXXXX9281"), a smudge
	 * after it ("458904XXXXXXXXXX_I") */
	if (sp && ocr) {
		const char *m = sp + 1 + lead_marks(sp + 1), *u = strchr(m, '_');
		char *head = u ? cc_xstrndup(m, (size_t)(u - m)) : NULL;
		int ok = mask_like(u ? head : m);

		free(head);
		if (ok && (m > sp + 1 || u))
			return m;
	}
	/* OCR's name run into a mask of stars: "SERVICES*9315" */
	st = strchr(s, '*');
	if (st && st > s && isalpha((unsigned char)st[-1]) && mask_like(st) &&
	    strspn(st, "*") < strlen(st))
		return st;
	return NULL;
}

/* Add s to the end of a's name. */
static void add_name(struct xacct *a, const char *s)
{
	char *h = a->heading ? cc_xasprintf("%s %s", a->heading, s) : cc_xstrdup(s);

	free(a->heading);
	a->heading = h;
}

/* Piece p of the group's line into a, by its column c. */
/* Whether a line of t's header has a column of field f. */
static int has_field(const struct xtable *t, int f)
{
	size_t j, k;

	for (j = 0; j < t->nlines; j++)
		for (k = 0; k < t->line[j].n; k++)
			if (t->line[j].c[k].field == f)
				return 1;
	return 0;
}

static void put(struct xtable *t, struct xacct *a, const struct xtcol *c,
		const struct piece *p)
{
	const char *s = p->t;
	char k[32];

	x_acct_cell(a, p->c);
	if (!x_alnums(s))
		return;
	if (c->bureau) {
		if (mark(s))
			x_acct_set(a, XF_REPOSITORIES, c->bureau, p->conf, 1);
		return;
	}
	switch (c->kind) {
	case XCOL_LATE30: case XCOL_LATE60: case XCOL_LATE90:
		if (index_number(s))
			t->late[c->kind - XCOL_LATE30] = x_int(s);
		return;
	case XCOL_INDEX:
		return;
	}
	if (c->field == XF_CREDITOR) {
		const char *m;

		/* "001 CHASE", "014. MOHELA": the number before the name;
		 * OCR's "O11", "O1l" for "011", a quote mark before it */
		if (p->conf < 1 && !a->heading)
			while (*s == '"' || *s == '\'' || *s == '`' ||
			       !strncmp(s, "\xe2\x80\x9c", 3) || !strncmp(s, "\xe2\x80\x98", 3))
				s += *s & 0x80 ? 3 : 1;
		if (!a->heading && (isdigit((unsigned char)s[0]) ||
				    (p->conf < 1 && s[0] == 'O'))) {
			const char *sp = strchr(s, ' ');

			if (sp && sp - s <= 5 && name_like(sp)) {
				char num[8], *o;
				int len = (int)(sp - s);

				if (s[len - 1] == '.')
					len--;
				snprintf(num, sizeof(num), "%.*s", len, s);
				for (o = num; p->conf < 1 && *o; o++)
					if (*o == 'O')
						*o = '0';
					else if (*o == 'l' || *o == 'I')
						*o = '1';
				if (index_number(num))
					for (s = sp + 1; *s && strchr("_|'`.,", *s); s++)
						;
			}
		}
		m = trailing_mask(s, p->conf < 1);
		if (m && !a->f[XF_ACCOUNT_MASK]) {
			const char *e = m;
			char *name;

			/* and the marks before it */
			while (e > s && rule_mark(e[-1]))
				e--;
			name = cc_xstrndup(s, (size_t)(e - s - (e > s && e[-1] == ' ')));

			x_acct_set(a, XF_ACCOUNT_MASK, m, p->conf, 0);
			add_name(a, name);
			free(name);
			return;
		}
		add_name(a, s);
		return;
	}
	/* under a heading OCR could not read, in a table with no
	 * column of account numbers: an account number is one */
	if (c->field == XF_IGNORE && !c->known && p->conf < 1 && mask_like(s) &&
	    strpbrk(s, "0123456789") && !a->f[XF_ACCOUNT_MASK] &&
	    !has_field(t, XF_ACCOUNT_MASK))
		x_acct_set(a, XF_ACCOUNT_MASK, s, p->conf, 0);
	if (c->field == XF_IGNORE)
		return;
	/* "$386 AS AGREED" under "PAYMENT STATUS" in a table with no
	 * payment column of its own: the heading was PAYMENT and STATUS
	 * side by side, read as the one label */
	if (c->field == XF_STATUS && s[0] == '$' && !has_field(t, XF_PAYMENT)) {
		const char *sp = strchr(s, ' ');
		char *m;

		if (sp && x_alnums(sp + 1) > 0 &&
		    strpbrk(sp + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")) {
			m = cc_xstrndup(s, (size_t)(sp - s));
			if (x_value_fits(XT_MONEY, m)) {
				x_acct_set(a, XF_PAYMENT, m, p->conf, 0);
				s = sp + 1;
			}
			free(m);
		}
	}
	if (x_field_type(c->field) == XT_MONEY && thousands(s, k, sizeof(k)))
		s = k;
	x_acct_set(a, c->field, s, p->conf, x_text_field(c->field));
}

/*
 * Piece p into a by its column of line l.  Headings that share a cell
 * ("CREDITOR / ACCT #") head one column of values: its words from the
 * end go to the later headings they fit, the rest to the first heading
 * it fits.
 */
static void put_run(struct xtable *t, struct xacct *a, const struct xtline *l,
		    struct piece *p)
{
	size_t first, last, k;
	char *cut;

	run_of(l, p->col, &first, &last);
	for (k = last; k > first; k--) {
		struct piece q = *p;

		cut = strrchr(p->t, ' ');
		if (!cut || !fits(&l->c[k], cut + 1))
			continue;
		q.t = cut + 1;
		put(t, a, &l->c[k], &q);
		*cut = '\0';
	}
	/* the first column it fits that the group has no value of yet
	 * ("I" then "C" under ECOA/WHOSE: the C is the WHOSE, though a
	 * code of ECOA's too), else the first it fits */
	for (k = first; k <= last && (!fits(&l->c[k], p->t) ||
				      (l->c[k].field >= 0 && a->f[l->c[k].field])); k++)
		;
	if (k > last)
		for (k = first; k <= last && !fits(&l->c[k], p->t); k++)
			;
	put(t, a, &l->c[k <= last ? k : p->col], p);
}

/* Row r is a line of the group that starts with a label of its own
 * ("HISTORY: 12/25 CC1CCC", "REMARKS: ..."): read into the group's
 * account; 0 when it is not one. */
static int labelled_line(struct xdoc *d, struct xtable *t, const struct xrow *r)
{
	struct xacct *a;
	const struct xcell *c;
	struct cc_buf b = { 0 };
	size_t k, first;
	int f, any = 0;

	for (first = 0; first < r->n && CELL(d, r, first)->dead; first++)
		;
	if (!t->have || first == r->n)
		return 0;
	c = CELL(d, r, first);
	f = x_cell_field(d, c, t->group);
	if (f == XF_NONE || c->x0 > t->line[0].c[0].hi + 40)
		return 0;
	a = cur_of(d, t);
	for (k = first; k <= r->n; k++) {
		const struct xcell *v = k < r->n ? CELL(d, r, k) : NULL;
		int g = v ? x_cell_field(d, v, t->group) : XF_NONE;

		if (v && v->dead)
			continue;
		if (k > first && v && g == XF_NONE) {
			if (b.len)
				cc_buf_adds(&b, " ");
			cc_buf_adds(&b, v->t);
			x_acct_cell(a, v);
			continue;
		}
		/* a label: the value of the one before it ends */
		if (k > first) {
			const char *s = b.len ? b.s : "";

			if (f == XF_HISTORY) {
				struct xtpat *p;

				t->pat = x_grow(t->pat, t->npat, sizeof(*t->pat));
				p = &t->pat[t->npat++];
				p->acct = t->cur;
				p->s = cc_xstrdup(s);
				p->conf = c->conf;
				any = 1;
			} else if (f != XF_IGNORE && *s &&
				   (x_value_fits(x_field_type(f), s) || x_text_field(f))) {
				x_acct_set(a, f, s, c->conf, x_text_field(f));
				any = 1;
				t->wrap_field = x_text_field(f) ? f : XF_NONE;
			} else if (f == XF_IGNORE) {
				any = 1;
			}
			b.len = 0;
			if (b.s)
				b.s[0] = '\0';
		}
		if (!v)
			break;
		f = g;
		c = v;
		x_acct_cell(a, v);
	}
	cc_buf_release(&b);
	if (any)
		x_acct_box(a, r);
	return any;
}

/* Row i is the rest of the text of the labelled line right above it
 * ("REMARKS: ... DISPUTES THIS ACCOUNT" over "INFORMATION"): one cell,
 * close under it.  Read into its field. */
static int wrapped(struct xdoc *d, struct xtable *t, size_t i)
{
	const struct xrow *r = &d->r[i], *p;
	struct xacct *a;
	char *s;

	struct xcell *cells;
	size_t nc, k;

	if (t->wrap_field == XF_NONE || !t->have || i != t->wrap_row + 1)
		return 0;
	p = &d->r[i - 1];
	/* its first line may be indented, the rest not: any x */
	if (r->page != p->page || r->y0 - p->y1 > 0.5 * d->pitch)
		return 0;
	/* one line, maybe cut at a label ("ACCOUNT" "INFORMATION"), but
	 * no "LABEL: value" of its own */
	if (x_cell_field(d, CELL(d, r, 0), t->group) != XF_NONE &&
	    strchr(r->text, ':'))
		return 0;
	cells = join_cut(d, r, &nc);
	if (nc == 1) {
		a = cur_of(d, t);
		s = cells[0].t;
		x_acct_set(a, t->wrap_field, s, cells[0].conf, 1);
		x_acct_box(a, r);
		x_acct_cell(a, CELL(d, r, 0));
		t->wrap_row = i;
	}
	for (k = 0; k < nc; k++)
		free(cells[k].t);
	free(cells);
	return nc == 1;
}

/* Whether row r is the header again (at the top of a page), or a row
 * of headings as the page printed it: never a group's line. */
static int header_again(const struct xdoc *d, const struct xtable *t,
			const struct xrow *r)
{
	struct xtline hl;
	size_t k;

	for (k = 0; k < t->nlines; k++)
		if (!strcmp(t->line[k].norm, r->norm))
			return 1;
	if (head_line(d, t->group, r, &hl, 0) > 0)
		return 1;
	/* or one of its headings alone: the rest of its line dropped as a
	 * running head, the label kept ("COMPANY" atop each page) */
	for (k = 0; k < t->nlines && lone_heading(d, t->group, r, &hl); k++) {
		const char *p = strstr(t->line[k].norm, r->norm);
		size_t n = strlen(r->norm);

		if (p && (p == t->line[k].norm || p[-1] == ' ') && (!p[n] || p[n] == ' '))
			return 1;
	}
	return 0;
}

/* Whether row i's pieces v[0..n) are text wrapped from the row above,
 * in the table: close under it, each in a column of text. */
static int wraps_text(const struct xdoc *d, const struct xtable *t, size_t i,
		      const struct piece *v, size_t n)
{
	const struct xrow *r = &d->r[i], *p = &d->r[i - 1];
	size_t k;

	if (!n || r->page != p->page || r->y0 - p->y1 > 0.5 * d->pitch)
		return 0;
	for (k = 0; k < n; k++) {
		int f = t->line[0].c[v[k].col].field;

		if (t->line[0].c[v[k].col].kind != XCOL_FIELD || t->line[0].c[v[k].col].bureau ||
		    !x_text_field(f) || !x_alnums(v[k].t))
			return 0;
	}
	return 1;
}

size_t x_table_row(struct xdoc *d, struct xtable *t, size_t i)
{
	const struct xrow *r = &d->r[i];
	struct piece *v0 = NULL, *vj = NULL, *v;
	size_t n0, nj = 0, n, k, j;
	int s0, sj = -1000, cred = 0;
	struct xacct *a;
	const struct xtline *l;

	if (!t->on)
		return i;
	if (header_again(d, t, r))
		return i + 1;
	if (wrapped(d, t, i))
		return i + 1;
	t->wrap_field = XF_NONE;
	if (labelled_line(d, t, r)) {
		t->wrap_row = i;
		t->labelled = 1;
		return i + 1;
	}
	n0 = pieces(d, r, &t->line[0], &v0);
	s0 = fit(&t->line[0], v0, n0);
	for (k = 0; k < n0; k++) {
		size_t first, last;

		run_of(&t->line[0], v0[k].col, &first, &last);
		if (t->line[0].c[first].field == t->starter &&
		    fits(&t->line[0].c[first], v0[k].t) && !label_start(d, &v0[k]))
			cred = 1;
	}
	/* a row that starts with a label of no field of the group's
	 * ("DOEFD: 06/22", misread), or of the consumer's (a running head):
	 * no account, nor the text of one */
	if (n0 && label_start(d, &v0[0])) {
		free_pieces(v0, n0);
		if (++t->strays > 3)
			return i;
		return i + 1;
	}
	/* the text of a group's cells wrapped onto a row of its own, close
	 * under its last line ("US BANKRUPTCY" over "COURT NORTHERN") */
	if (!cred && t->have && t->next >= t->nlines && i > 0 &&
	    wraps_text(d, t, i, v0, n0)) {
		a = cur_of(d, t);
		for (k = 0; k < n0; k++) {
			const struct xtcol *c = &t->line[0].c[v0[k].col];

			if (c->field == XF_CREDITOR) {
				add_name(a, v0[k].t);
			} else {
				x_acct_set(a, c->field, v0[k].t, v0[k].conf, 1);
			}
			x_acct_cell(a, v0[k].c);
		}
		x_acct_box(a, r);
		free_pieces(v0, n0);
		return i + 1;
	}
	j = t->have ? t->next : 0;
	if (j > 0 && j < t->nlines) {
		nj = pieces(d, r, &t->line[j], &vj);
		sj = fit(&t->line[j], vj, nj);
	}
	/* the group's next line, unless the row reads better as the
	 * first line of a new group (its creditor given), or gives a
	 * creditor after the group's labelled lines (a line of the group
	 * OCR misread comes before them) */
	if (j > 0 && j < t->nlines && sj > 0 &&
	    !(cred && (s0 > sj || (t->labelled && s0 > 0)))) {
		l = &t->line[j];
		v = vj;
		n = nj;
	} else if (s0 > 0 && cred && !pattern_piece(v0, n0)) {
		end_group(d, t);
		j = 0;
		l = &t->line[0];
		v = v0;
		n = n0;
	} else {
		free_pieces(v0, n0);
		free_pieces(vj, nj);
		/* a running head or foot, a line of fine print between
		 * groups: passed over; rows of none of the table's lines
		 * one after another end it */
		if (++t->strays > 3)
			return i;
		return i + 1;
	}
	t->strays = 0;
	t->labelled = 0;
	if (j == 0) {
		a = t->group == XG_PUBLIC ? x_new_acct(&d->pub, &d->npub) :
		    x_new_acct(&d->acct, &d->nacct);
		a->sect_type = t->sect_type;
		a->tabled = 1;
		t->cur = (t->group == XG_PUBLIC ? d->npub : d->nacct) - 1;
		t->have = 1;
		t->late[0] = t->late[1] = t->late[2] = -1;
	}
	a = cur_of(d, t);
	x_acct_box(a, r);
	for (k = 0; k < n; k++)
		put_run(t, a, l, &v[k]);
	t->next = j + 1;
	free_pieces(v0, n0);
	free_pieces(vj, nj);
	return i + 1;
}

/* --- payment patterns ------------------------------------------------------ */

/*
 * A pattern's codes, newest first.  Where some pattern of the document
 * has a C or a 0, those are paid as agreed and a digit d is d x 30 days
 * late (the Metro 2 payment history profile: 1 is 30 days); else the
 * digits are a rating's, 1 paid as agreed, 2 30 days late ... 9 charged
 * off.  Letters as the Metro 2 profile's.
 */
static const char *pattern_code(int ch, int metro)
{
	static const char *const lates[] = { "30", "60", "90", "120", "150", "180" };

	if (isdigit(ch)) {
		int n = ch - '0';

		if (metro)
			return n == 0 ? "OK" : n <= 6 ? lates[n - 1] : NULL;
		return n == 0 ? "ND" : n == 1 ? "OK" : n <= 7 ? lates[n - 2] :
		       n == 8 ? "R" : "CO";
	}
	switch (ch) {
	case 'C': case 'E': return "OK";
	case 'X': case '-': case 'N': case 'D': case '.': case '*': return "ND";
	case 'G': return "C";
	case 'H': return "F";
	case 'J': return "VS";
	case 'K': return "R";
	case 'L': return "CO";
	case 'F': return "F";
	case 'V': return "VS";
	case 'R': return "R";
	case 'B': return "B";
	}
	return NULL;
}

/* The start month and the codes of a pattern's line: "12/25 CC1CC2",
 * "12/25; CC1CC2", "CC1CC2 (12/25)". */
static int pattern_parts(const struct xdoc *d, const char *s, int *y, int *m,
			 char *codes, size_t len)
{
	char *copy = cc_xstrdup(s), *tok, *save = NULL;
	int have = 0;

	codes[0] = '\0';
	for (tok = strtok_r(copy, " ;,()", &save); tok; tok = strtok_r(NULL, " ;,()", &save)) {
		char iso[11];

		if (!have && strchr(tok, '/') && cc_norm_date(tok, iso) == 0) {
			*y = x_int(iso);
			*m = x_int(iso + 5);
			if (d->report_date[0] && strncmp(iso, d->report_date, 7) > 0)
				*y -= 100;
			have = 1;
			continue;
		}
		if (strlen(tok) > strlen(codes) && strlen(tok) < len)
			snprintf(codes, len, "%s", tok);
	}
	free(copy);
	return have && codes[0] ? 0 : -1;
}


/* Whether a's status or rating says it was charged off. */
static int charged_off(const struct xacct *a)
{
	const char *st = a->f[XF_STATUS], *r = a->f[XF_RATING];
	char *n = st ? x_norm(st) : NULL;
	int co = n && (strstr(n, "charge") || strstr(n, "chg") || strstr(n, "c/o") ||
		       strstr(n, "loss") || strstr(n, "coll"));

	free(n);
	return co || (r && *r && r[strlen(r) - 1] == '9');
}

/* OCR's serif 1 in a pattern read by it: I, l, |, T, i, !, ] are no
 * codes; 1 when there are any (and how many there were). */
static int ocr_ones(char *codes)
{
	int n = 0;

	for (; *codes; codes++)
		if (strchr("Il|Ti!]", *codes)) {
			*codes = '1';
			n++;
		}
	return n;
}

/* The late bucket (0: 30 days, 1: 60, 2: 90 or more) of a pattern's
 * code, or -1. */
static int late_bucket(int ch, int metro)
{
	const char *code = pattern_code(ch, metro);

	if (!code || !isdigit((unsigned char)code[0]))
		return -1;
	return !strcmp(code, "30") ? 0 : !strcmp(code, "60") ? 1 : 2;
}

/* How well codes agree with the late counts n[3] when read with the
 * alphabet metro: the buckets whose count and codes both say late or
 * both say not. */
static int agrees(const char *codes, const int n[3], int metro)
{
	int seen[3] = { 0, 0, 0 }, k, s = 0;

	for (; *codes; codes++)
		if ((k = late_bucket((unsigned char)*codes, metro)) >= 0)
			seen[k] = 1;
	for (k = 0; k < 3; k++)
		s += seen[k] == (n[k] > 0);
	return s;
}

/*
 * OCR's misread codes in a pattern read by it, its serif 1s made 1s
 * already: the L's (charged off) among 1s when the account's status
 * says nothing of a charge-off are 1s too; a late that the account's
 * own counts say it never had ("1111141111" over "0-0-0") is the code
 * beside it.
 */
static void pattern_misreads(const struct xacct *a, char *codes, int metro,
			     int ones)
{
	int n[3];
	size_t j, len = strlen(codes);

	for (j = 0; ones && !charged_off(a) && j < len; j++)
		if (codes[j] == 'L')
			codes[j] = '1';
	if (x_late_counts(a->f[XF_LATES], n) < 3)
		return;
	for (j = 0; j < len; j++) {
		int k = late_bucket((unsigned char)codes[j], metro);

		if (k >= 0 && n[k] == 0)
			codes[j] = j > 0 ? codes[j - 1] : j + 1 < len ? codes[j + 1] : codes[j];
	}
}

/*
 * Whether "1" is paid as agreed or 30 days late is what all of the
 * document's patterns say together: Metro 2's alphabet (0 current, 1-6
 * late, C closed) when any holds a C or a 0 and the accounts' late
 * counts agree with it no worse; else the rating alphabet (1 current,
 * 2-7 late, 0 no data).
 */
static void read_patterns(struct xdoc *d, struct xtable *t)
{
	char codes[256];
	size_t k;
	int c0 = 0, sm = 0, sr = 0, y, m, n[3];

	for (k = 0; k < t->npat; k++) {
		const struct xacct *a = &d->acct[t->pat[k].acct];

		if (pattern_parts(d, t->pat[k].s, &y, &m, codes, sizeof(codes)) < 0)
			continue;
		if (t->pat[k].conf < 1)
			ocr_ones(codes);
		if (strchr(codes, 'C') || strchr(codes, '0'))
			c0 = 1;
		if (x_late_counts(a->f[XF_LATES], n) == 3) {
			sm += agrees(codes, n, 1);
			sr += agrees(codes, n, 0);
		}
	}
	for (k = 0; k < t->npat; k++) {
		struct xacct *a = &d->acct[t->pat[k].acct];
		int metro = c0 ? sm >= sr : sm > sr, ones = 0;
		size_t j;

		if (pattern_parts(d, t->pat[k].s, &y, &m, codes, sizeof(codes)) < 0)
			continue;
		if (t->pat[k].conf < 1) {
			ones = ocr_ones(codes) || strchr(codes, '1');
			pattern_misreads(a, codes, metro, ones);
		}
		for (j = 0; codes[j]; j++) {
			const char *code = pattern_code((unsigned char)codes[j], metro);
			int mm = m - (int)(j % 12), yy = y - (int)(j / 12);

			if (mm < 1) {
				mm += 12;
				yy--;
			}
			if (code)
				x_hist_add(a, yy, mm, code);
		}
		a->has_grid = 1;
	}
}

void x_table_end(struct xdoc *d, struct xtable *t)
{
	size_t k;

	end_group(d, t);
	read_patterns(d, t);
	for (k = 0; k < t->npat; k++)
		free(t->pat[k].s);
	free(t->pat);
	t->pat = NULL;
	t->npat = 0;
	free_lines(t);
	t->on = 0;
}
