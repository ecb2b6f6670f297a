/*
 * read_generic.c -- the reader of a report no layout matches: accounts
 * read by geometry and by the vocabulary of labels alone.
 *
 * A row's cells are label/value pairs wherever a known label stands in
 * it: the label opens a pair and its value runs to the next label, so a
 * row may hold one, two or three pairs.  A row of labels with no values
 * beside them is a row of labels over the row of values under it, each
 * value the cell under its label.  A value must be of its field's type
 * (x_value_fits()): a "Balance" whose value is not money is no balance,
 * and the row is then text, not pairs.
 *
 * Rows that are no pairs gather until the next pairs.  When the pairs
 * that follow cannot belong to the account being read (it has their
 * field already) or the rows gathered hold a heading, a new account
 * starts, headed by the heading: the first gathered row that looks like
 * one (bold, larger than the body, or in capitals), with the rows of the
 * same look right under it (a long name that wrapped), but not a line of
 * an address or a telephone number printed under it.  Without any such
 * row, the rows after the widest gap head it, as the blocks reader does.
 * Gathered rows in the value column of the last field that holds text
 * continue it (a status or a remark that wrapped).
 *
 * What is no data is dropped before the rows are made
 * (x_generic_marks()): a browser's print header and foot (an address, a
 * page counter, a date and time), the furniture and the introductions
 * the vocabulary names, and paragraphs of prose (a section's
 * introduction); running heads repeated on every page are dropped for
 * every layout (furniture.c).
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>
#include <math.h>

static int label_norm(const struct xlayout *L, const char *t, int prefix);

/* --- what is no data ----------------------------------------------------- */

static int all_digits(const char *s, const char *e)
{
	if (s == e)
		return 0;
	for (; s < e; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* "3", "3/9", "3 of 9", "Page 3", "Page 3 of 9", "- 3 -"; a number
 * alone of three digits at most (not a year, "2024") */
static int page_counter(const char *s)
{
	const char *p = s, *q, *e;
	long n;
	int word = 0;

	if (!strncasecmp(p, "page ", 5)) {
		p += 5;
		word = 1;
	}
	while (*p == '-' || *p == ' ')
		p++;
	for (q = p; isdigit((unsigned char)*q); q++)
		;
	if (!all_digits(p, q) || q - p > 4 || *p == '0')
		return 0;
	for (e = q; *e == ' '; e++)
		;
	if (!word && q - p > 3 && *e != '/' && strncasecmp(e, "of ", 3))
		return 0;
	n = strtol(p, NULL, 10);
	p = q;
	while (*p == ' ')
		p++;
	if (*p == '/' || !strncasecmp(p, "of ", 3)) {
		p += *p == '/' ? 1 : 3;
		while (*p == ' ')
			p++;
		for (q = p; isdigit((unsigned char)*q); q++)
			;
		/* "3/9", not a date "04/2019" */
		if (!all_digits(p, q) || q - p > 4 || *p == '0' ||
		    strtol(p, NULL, 10) < n)
			return 0;
		p = q;
	}
	while (*p == '-' || *p == ' ')
		p++;
	return *p == '\0';
}

/* A time of day, "3:04 PM", "15:04", "3:04:05 pm", somewhere in s. */
static int has_time(const char *s)
{
	const char *p;

	for (p = s; (p = strchr(p, ':')) != NULL; p++)
		if (p > s && isdigit((unsigned char)p[-1]) &&
		    isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
		    !isdigit((unsigned char)p[3]))
			return 1;
	return 0;
}

/* Words in s, and how many start in lower case. */
static size_t words(const char *s, size_t *lower)
{
	size_t n = 0;

	*lower = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		n++;
		if (islower((unsigned char)*s))
			(*lower)++;
		while (*s && *s != ' ')
			s++;
	}
	return n;
}

/* A line of running text: four words or more, most in lower case. */
static int wordy(const char *s, size_t min)
{
	size_t lower, n = words(s, &lower);

	return n >= min && 2 * lower > n;
}

static int starts_with_any(const char *norm, char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strncmp(norm, v[i], strlen(v[i])))
			return 1;
	return 0;
}

/* Whether line l is in its page's top or bottom tenth, where a browser
 * prints its header and foot. */
static int in_margin(const struct xline *l)
{
	return l->b[3] <= 0.1 * l->height || l->b[1] >= 0.9 * l->height;
}

/* Whether line fl[k] is on the row of line l, and no furniture itself
 * (a browser's page address beside its page counter). */
static int row_mate(const struct xline *l, const struct xline *k)
{
	return fabs(k->b[3] - l->b[3]) < 2 && !k->furniture && !strstr(k->t, "://");
}

/* Whether line fl[i] of fl[0..n), which are in page order, has no other
 * on its row: a number in a row of a grid's cells is no page counter. */
static int alone_on_row(const struct xline *fl, size_t n, size_t i)
{
	size_t k;

	for (k = i; k > 0 && fl[k - 1].page == fl[i].page; k--)
		if (row_mate(&fl[i], &fl[k - 1]))
			return 0;
	for (k = i + 1; k < n && fl[k].page == fl[i].page; k++)
		if (row_mate(&fl[i], &fl[k]))
			return 0;
	return 1;
}

/* Whether line fl[i], a number alone, is a page's outermost line but
 * for furniture: nothing above it when it is in the top margin, nothing
 * below it in the bottom one ("Bankruptcy Chapter" "13" is no counter). */
static int outermost(const struct xline *fl, size_t n, size_t i)
{
	const struct xline *l = &fl[i];
	int top = l->b[3] <= 0.1 * l->height;
	size_t k;

	if (!all_digits(l->t, l->t + strlen(l->t)))
		return 1;
	for (k = i; k > 0 && fl[k - 1].page == l->page; k--)
		;
	for (; k < n && fl[k].page == l->page; k++)
		if (k != i && !fl[k].furniture && !strstr(fl[k].t, "://") &&
		    (top ? fl[k].b[1] < l->b[1] - 2 : fl[k].b[3] > l->b[3] + 2))
			return 0;
	return 1;
}

/* Whether one line is no data by itself: in a margin, a browser's page
 * address, page counter (alone on its row) or print time ("1/15/26, 3:04 PM" with a title),
 * or a line the vocabulary says is furniture ("Page" only as a counter:
 * "PAGE ONE CREDIT UNION" is a creditor). */
static int drop_line(const struct xlayout *L, const struct xline *fl,
		     size_t n, size_t i, const char *norm)
{
	const struct xline *l = &fl[i];
	const char *t = l->t;


	if (in_margin(l) && (strstr(t, "://") || !strncasecmp(t, "www.", 4) ||
			     (page_counter(t) && alone_on_row(fl, n, i) &&
			      outermost(fl, n, i)) ||
			     (has_time(t) && strchr(t, '/') && !strchr(t, '$'))))
		return 1;
	return strncmp(norm, "page", 4) != 0 &&
	       starts_with_any(norm, L->furniture, L->nfurniture);
}

/* Whether line t starts with a consumer's label and a colon ("Prepared
 * for: NAME ..."). */
static int consumer_head(const struct xlayout *L, const char *t)
{
	size_t i;

	for (i = 0; i < L->nlab; i++)
		if (L->lab[i].group == XG_CONSUMER &&
		    !strncasecmp(t, L->lab[i].text, L->lab[i].len) &&
		    t[L->lab[i].len] == ':')
			return 1;
	return 0;
}

void x_generic_marks(const struct xlayout *L, struct xline *fl, size_t n)
{
	size_t i, j, k, last, total, lower, low, nw;
	char *norm;
	int intro, sentence, first = 0;

	/* a running head of the consumer's data is read once, on the first
	 * page */
	for (i = 0; i < n; i++)
		if (i == 0 || fl[i].page < first)
			first = fl[i].page;
	for (i = 0; i < n; i++)
		if (fl[i].furniture && fl[i].page == first &&
		    consumer_head(L, fl[i].t))
			fl[i].furniture = 0;
	/* a label alone, at the same place on many pages, is a label
	 * ("CREDITOR:" atop each page a block went on to), not a head */
	for (i = 0; i < n; i++)
		if (fl[i].furniture) {
			norm = x_norm(fl[i].t);
			if (norm[0] && label_norm(L, norm, 0) >= 0)
				fl[i].furniture = 0;
			free(norm);
		}
	/* nor is an account's "LABEL: value" line ("HISTORY: 01/26
	 * 1111...", the same at the foot of two pages of a table) */
	for (i = 0; i < n; i++) {
		const char *colon = fl[i].furniture ? strchr(fl[i].t, ':') : NULL;
		char *head;
		int l;

		if (!colon || colon - fl[i].t > 40)
			continue;
		head = cc_xstrndup(fl[i].t, (size_t)(colon - fl[i].t));
		norm = x_norm(head);
		l = norm[0] ? label_norm(L, norm, 0) : -1;
		if (l >= 0 && L->lab[l].group == XG_ACCOUNT && L->lab[l].field != XF_IGNORE)
			fl[i].furniture = 0;
		free(norm);
		free(head);
	}

	for (i = 0; i < n; i++) {
		if (fl[i].furniture)
			continue;
		norm = x_norm(fl[i].t);
		if (drop_line(L, fl, n, i, norm)) {
			fl[i].furniture = 1;
			free(norm);
			continue;
		}
		intro = starts_with_any(norm, L->intros, L->nintros);
		free(norm);
		if (!intro && !wordy(fl[i].t, 4))
			continue;
		/* the paragraph: the lines under it at its left edge, each
		 * close under the one before; lines beside it on a row are
		 * passed over */
		nw = words(fl[i].t, &lower);
		total = nw;
		low = lower;
		sentence = strstr(fl[i].t, ". ") || fl[i].t[strlen(fl[i].t) - 1] == '.';
		last = i;
		for (j = i + 1; j < n && j <= last + 4; j++) {
			double h = fl[last].b[3] - fl[last].b[1];

			if (fl[j].page != fl[i].page || fl[j].b[1] - fl[last].b[3] > 0.8 * h)
				break;
			if (fabs(fl[j].b[0] - fl[i].b[0]) > 3 || !wordy(fl[j].t, 1))
				continue;
			total += words(fl[j].t, &lower);
			low += lower;
			sentence |= strstr(fl[j].t, ". ") ||
				    fl[j].t[strlen(fl[j].t) - 1] == '.';
			last = j;
		}
		/* a paragraph of twelve words, or one sentence of eight in
		 * lower case alone on its row ("The accounts below are
		 * listed as ..."; not a status beside its label) */
		if (!intro && (!sentence || (total < 12 &&
					     (total < 8 || 2 * low < total ||
					      !alone_on_row(fl, n, i)))))
			continue;
		for (k = i; k <= last; k++)
			if (k == i || (fabs(fl[k].b[0] - fl[i].b[0]) <= 3 &&
				       wordy(fl[k].t, 1)))
				fl[k].furniture = 1;
		i = last;
	}
}

/* --- values and their types ------------------------------------------- */

/* Text that says "none": a dash, N/A, None... */
static int none_value(const char *v)
{
	static const char *const none[] = {
		"-", "--", "---", "n/a", "na", "none", "not reported",
		"not available", "unknown", "",
	};
	char buf[32];
	size_t i;

	cc_norm_space(v, buf, sizeof(buf));
	for (i = 0; buf[i]; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		if (!strcmp(buf, none[i]))
			return 1;
	return 0;
}

int x_masked_year(const char *s)
{
	size_t n = strlen(s);

	if (n < 6 || n > 10 || (s[n - 5] != '/' && s[n - 5] != '-') ||
	    strspn(s + n - 4, "0123456789") != 4 ||
	    strspn(s, "0123456789Xx*/-") != n)
		return 0;
	return x_int(s + n - 4);
}

int x_value_fits(int type, const char *v)
{
	int64_t cents;
	char buf[128], last4[5];

	if (none_value(v))
		return 1;
	switch (type) {
	case XT_MONEY:
		return cc_norm_money(v, &cents) == 0;
	case XT_DATE:
		/* or its start, when it wraps at the comma before its
		 * year ("November 14," "2011") */
		if (cc_norm_date(v, buf) == 0)
			return 1;
		return strlen(v) > 4 && v[strlen(v) - 1] == ',' &&
		       snprintf(buf, 64, "%s 2000", v) < 64 &&
		       cc_norm_date(buf, buf + 64) == 0;
	case XT_MASK:
		return cc_norm_mask(v, buf, sizeof(buf), last4) == 0 &&
		       strlen(v) <= 40;
	case XT_YEAR:
		/* 1980, or a date whose day and month are masked or not,
		 * "XX/XX/1980", "01/1980" */
		return (cc_norm_digits(v, buf, sizeof(buf)) == 0 && strlen(buf) == 4) ||
		       x_masked_year(v) > 0;
	default:
		return 1;
	}
}

/* --- a row's pairs ----------------------------------------------------- */

struct gpair {
	int field, type;
	size_t lab;          /* the label's cell, in the row */
	size_t from, to;     /* its value's cells [from, to) */
};

#define G_MAX_PAIRS 8

static size_t collapse(const struct xdoc *d, const struct xrow *r,
		       struct gpair *p, size_t n);
static char *join_cells(const struct xdoc *d, const struct xrow *r, size_t from,
			size_t to, double *conf);

/*
 * The pairs of row r: labels of group and the cells after each up to
 * the next.  Returns their count; *lead gets the number of cells before
 * the first label.  In a row where some labels have values, a label
 * with none right after another with none is the other's value when it
 * fits its type ("Pay status  CLOSED  Opened  08/16/2024": CLOSED is the
 * status, not the label of the date closed).
 */
static size_t row_pairs(const struct xdoc *d, const struct xrow *r, int group,
			struct gpair *p, size_t *lead)
{
	size_t k, n = 0, empty = 0;

	*lead = r->n;
	for (k = 0; k < r->n && n < G_MAX_PAIRS; k++) {
		const struct xcell *c = CELL(d, r, k);
		int f = c->dead ? XF_NONE : x_cell_field(d, c, group);

		if (f == XF_NONE)
			continue;
		if (n == 0)
			*lead = k;
		else
			p[n - 1].to = k;
		p[n].field = f;
		p[n].type = d->L->lab[c->lab].type;
		p[n].lab = k;
		p[n].from = k + 1;
		p[n].to = r->n;
		n++;
	}
	for (k = 0; k < n; k++)
		empty += p[k].from == p[k].to;
	if (empty == n)
		return n;
	return collapse(d, r, p, n);
}

/* In p[0..n) of row r, a label with no value right after another with
 * none is the other's value when it fits its type.  Returns the count. */
static size_t collapse(const struct xdoc *d, const struct xrow *r,
		       struct gpair *p, size_t n)
{
	size_t k;

	for (k = 1; k < n; k++) {
		double conf;
		char *whole, *own;
		int fits;

		if (p[k - 1].from != p[k - 1].to)
			continue;
		/* the label alone, or the label and a value that is not of
		 * its type ("Closed" "at consumer's request"), as a whole */
		own = join_cells(d, r, p[k].from, p[k].to, &conf);
		whole = join_cells(d, r, p[k].lab, p[k].to, &conf);
		fits = (p[k].from == p[k].to || !x_value_fits(p[k].type, own)) &&
		       x_value_fits(p[k - 1].type, whole);
		free(own);
		free(whole);
		if (!fits)
			continue;
		p[k - 1].from = p[k].lab;
		p[k - 1].to = p[k].to;
		memmove(&p[k], &p[k + 1], (n - k - 1) * sizeof(*p));
		n--;
	}
	return n;
}

static char *join_cells(const struct xdoc *d, const struct xrow *r, size_t from,
			size_t to, double *conf)
{
	struct cc_buf b = { 0 };
	size_t k;

	*conf = 1;
	for (k = from; k < to; k++) {
		const struct xcell *c = CELL(d, r, k);

		if (c->dead)
			continue;
		if (b.len)
			cc_buf_adds(&b, " ");
		cc_buf_adds(&b, c->t);
		if (c->conf < *conf)
			*conf = c->conf;
	}
	return b.len ? cc_buf_detach(&b) : cc_xstrdup("");
}

/* A status as some reports print it: ">30 days late<", the brackets
 * marking adverse data, is "30 days late". */
static void clean_value(int f, char *v)
{
	size_t n = strlen(v);

	if (f != XF_STATUS && f != XF_ACCOUNT_STATUS && f != XF_REMARKS)
		return;
	if (n >= 2 && v[0] == '>' && v[n - 1] == '<') {
		memmove(v, v + 1, n - 2);
		v[n - 2] = '\0';
	}
}

/* Whether a value of type may wrap onto the next line. */
static int wraps(int type)
{
	return type == XT_TEXT || type == XT_STATUS || type == XT_CODE;
}

/* --- the reader's state -------------------------------------------------- */

/* A column of the last row of pairs: where its label and value start. */
struct gcol {
	int field, type, group;
	const char *bureau;  /* a bureau column's, or NULL */
	double lx, vx;
	int bold;            /* its value's, -1 unknown */
	float size;
	int est;             /* vx is estimated: the value was cut from a line */
	int lest;            /* lx is: the label was */
};

/* Whether a label that starts at x is in column q's place of labels,
 * give or take its estimate's error. */
static int at_label(const struct gcol *q, double x)
{
	return fabs(x - q->lx) <= (q->lest ? 10 : 3) && q->lx != q->vx;
}

struct gpend {
	size_t row, n;       /* a row, its first n cells */
};

struct gstate {
	int group;               /* XG_ACCOUNT, or XG_PUBLIC */
	struct xacct **arr;      /* what is read: d->acct or d->pub, */
	size_t *narr;            /* *narr of them */
	int have;                /* cur is an account */
	size_t cur;              /* the account being read, in *arr */
	size_t block;            /* the first account of its creditor's block */
	int first_field;         /* the field its first pair set */
	struct gcol col[G_MAX_PAIRS];
	size_t ncol;
	size_t last_row;         /* the last row read as pairs or their wrap */
	struct gpend *pending;   /* rows that are no pairs, since the last */
	size_t npending, apending;
	const char *sect_type;
	double body;             /* the body's font size, 0 unknown */
	/* where this document's labels and values start, as read so far */
	double dlx[16], dvx[16];
	size_t ndlx, ndvx;
	/* a three-bureau report's columns: where each bureau's values start */
	const char *bcol[3];
	double bx[3];
	size_t nbcol;
	struct xtable tab;       /* an account table being read */
};

static void push_pending(struct gstate *g, size_t i, size_t n)
{
	if (g->npending == g->apending) {
		g->apending = g->apending ? 2 * g->apending : 8;
		g->pending = cc_xreallocarray(g->pending, g->apending,
					      sizeof(*g->pending));
	}
	g->pending[g->npending].row = i;
	g->pending[g->npending++].n = n;
}

/* The font size most of the document's text has (by characters: a
 * payment grid's many cells of one are little of it). */
static double body_size(const struct xdoc *d)
{
	double sz[16];
	size_t cnt[16], n = 0, i, k, best = 0, len;
	double b = 0;

	for (i = 0; i < d->nc; i++) {
		double s = d->c[i].size;

		if (s <= 0)
			continue;
		len = strlen(d->c[i].t);
		for (k = 0; k < n && fabs(sz[k] - s) > 0.3; k++)
			;
		if (k < n)
			cnt[k] += len;
		else if (n < 16)
			sz[n] = s, cnt[n++] = len;
	}
	for (k = 0; k < n; k++)
		if (cnt[k] > best)
			best = cnt[k], b = sz[k];
	return b;
}

/* A line of an address or a telephone number. */
static int address_like(const char *t)
{
	int digits = 0, run = 0, zip = 0;
	const char *p;

	if (!strncasecmp(t, "po box", 6) || !strncasecmp(t, "p.o. box", 8) ||
	    !strncasecmp(t, "p o box", 7))
		return 1;
	for (p = t; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			digits++;
			run++;
		} else {
			if (run == 5)
				zip = 1;
			run = 0;
		}
	}
	if (run == 5)
		zip = 1;
	/* "(800) 955-7070", "800-955-7070" */
	if (digits >= 10 && (strchr(t, '(') || strchr(t, '-')))
		return 1;
	/* "123 MAIN ST ... 19850": a street number and a ZIP code */
	return zip && isdigit((unsigned char)t[0]);
}

/* Whether every word of row r is a payment grid's code or a month's
 * name ("OK OK 30 60", "Jan Feb Mar"): a grid's row, never a heading. */
static int grid_words(const struct xdoc *d, const struct xrow *r)
{
	const char *p = r->text, *e;
	char w[16];
	size_t n;
	int words = 0;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		for (e = p; *e && *e != ' '; e++)
			;
		n = (size_t)(e - p);
		if (n >= sizeof(w))
			return 0;
		memcpy(w, p, n);
		w[n] = '\0';
		if (!x_month_of_word(w) && !x_grid_code(d, w))
			return 0;
		words++;
		p = e;
	}
	return words >= 3;
}

/* Whether t starts with a date ("Jul 2025", "Dec 15, 2025") or an
 * amount ("$10,620"). */
static int starts_with_value(const char *t)
{
	char w[64], iso[11];
	size_t n = strcspn(t, " "), k;
	int64_t cents;

	if (t[0] == '$' || ((t[0] == '-' || t[0] == '(') && t[1] == '$'))
		return 1;
	/* a date of up to three words */
	for (k = 0; k < 3 && n < sizeof(w); k++) {
		memcpy(w, t, n);
		w[n] = '\0';
		if (cc_norm_date(w, iso) == 0 || (k == 0 && cc_norm_money(w, &cents) == 0 &&
						   isdigit((unsigned char)w[0]) && strchr(w, ',')))
			return 1;
		if (!t[n])
			break;
		n += 1 + strcspn(t + n + 1, " ");
	}
	return 0;
}

/* How much the first n cells of row r look like a creditor's heading: 0
 * not at all, 1 in capitals only, 2 or more bold or larger. */
static int heading_like(const struct xdoc *d, const struct gstate *g,
			const struct xrow *r, size_t n)
{
	const struct xcell *c = NULL;
	int up = 0, low = 0, score = 0;
	size_t k;
	const char *p;

	for (k = 0; k < n && !c; k++)
		if (!CELL(d, r, k)->dead)
			c = CELL(d, r, k);
	/* a bureau's name alone, or a report's title, is no creditor; nor
	 * a row that starts with a date or an amount (values whose labels
	 * are elsewhere) */
	/* nor a row in lower case, the rest of a label or a sentence
	 * ("year this item will be") */
	if (!c || c->lab >= 0 || address_like(r->text) || x_alnums(c->t) < 2 ||
	    islower((unsigned char)c->t[0]) ||
	    grid_words(d, r) || x_bureau_named(r->text) ||
	    strstr(r->norm, "credit report") || starts_with_value(c->t))
		return 0;
	for (k = 0; k < n; k++)
		for (p = CELL(d, r, k)->dead ? "" : CELL(d, r, k)->t; *p; p++) {
			if (isupper((unsigned char)*p))
				up++;
			else if (islower((unsigned char)*p))
				low++;
		}
	if (c->bold)
		score += 2;
	if (g->body > 0 && c->size > 1.08 * g->body)
		score += 2;
	/* a name has letters: not a row of numbers ("24 25", year marks
	 * OCR read without their ') */
	if (up + low < 2)
		return 0;
	if (up >= 2 && low == 0)
		score += 1;
	return score;
}

/* The bureau a row names alone ("TransUnion"), or NULL. */
static const char *bureau_row(const struct xrow *r)
{
	return r->n == 1 ? x_bureau_named(r->text) : NULL;
}

/* A row of bureaus' names alone, two or three ("TransUnion  Experian
 * Equifax" over their columns): their count, each in b[] and where it
 * starts in x[]. */
static size_t bureau_header(const struct xdoc *d, const struct xrow *r,
			    const char **b, double *x)
{
	size_t k;

	if (r->n < 2 || r->n > 3)
		return 0;
	for (k = 0; k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);

		b[k] = x_bureau_named(c->t);
		if (!b[k])
			return 0;
		x[k] = c->x0;
	}
	return r->n;
}

/* A grid's legend: "√ = paid as agreed (OK)". */
static int legend_row(const struct xdoc *d, const struct xrow *r)
{
	/* a row of labels is pairs, whatever specks OCR read in it
	 * ("CREDIT ONE BANK = Acct #") */
	if (x_row_labelled(d, r))
		return 0;
	return (strstr(r->text, " = ") != NULL ||
		(strstr(r->norm, "paid as agreed") && strstr(r->text, "(OK)"))) &&
	       x_alnums(r->text) < 60;
}

/* --- accounts ------------------------------------------------------------ */

static int at_x(const double *v, size_t n, double x);
static int rest_of(struct xdoc *d, size_t j, const struct xcell *u);

static double row_gap(const struct xdoc *d, size_t a, size_t b)
{
	if (d->r[a].page != d->r[b].page)
		return 1.2 * d->pitch;
	return d->r[b].y0 - d->r[a].y1;
}

static struct xacct *cur(struct xdoc *d, struct gstate *g)
{
	(void)d;
	return g->have ? &(*g->arr)[g->cur] : NULL;
}

/* Where pairs of group go. */
static struct xacct *target(struct xdoc *d, struct gstate *g, int group)
{
	if (group == XG_CONSUMER)
		return &x_consumer_for(d, NULL)->a;
	return cur(d, g);
}

static void bureau_block(struct xdoc *d, struct gstate *g, const char *b);

/* Start an account, headed by what the pending rows say; in a report of
 * bureau columns, one account per bureau. */
static void new_account(struct xdoc *d, struct gstate *g)
{
	struct xacct *a = x_new_acct(g->arr, g->narr);
	struct cc_buf h = { 0 };
	size_t k, first = g->npending, last = 0, j;
	int best = 0, s;

	a->sect_type = g->sect_type;
	/* the first row that looks most like a heading */
	for (k = 0; k < g->npending; k++) {
		s = heading_like(d, g, &d->r[g->pending[k].row], g->pending[k].n);
		if (s > best) {
			best = s;
			first = k;
		}
	}
	if (best > 0) {
		/* and the rows of its look under it: a wrapped name, its
		 * lines as far apart as its size has them */
		const struct xcell *c0 = CELL(d, &d->r[g->pending[first].row], 0);

		for (last = first + 1; last < g->npending; last++) {
			const struct xrow *r = &d->r[g->pending[last].row];
			const struct xcell *c = CELL(d, r, 0);

			if (c->bold != c0->bold ||
			    fabs(c->size - c0->size) > (c->conf < 1 ? 0.2 * c0->size : 0.3) ||
			    heading_like(d, g, r, g->pending[last].n) != best ||
			    row_gap(d, g->pending[last - 1].row, g->pending[last].row) >
			    0.6 * (c0->size > d->pitch ? c0->size : d->pitch))
				break;
		}
	} else if (g->npending) {
		double bg = -1e9, gp;

		for (k = 0, first = 0; k < g->npending; k++) {
			gp = row_gap(d, k ? g->pending[k - 1].row : g->last_row,
				     g->pending[k].row);
			if (gp > bg + 0.5) {
				bg = gp;
				first = k;
			}
		}
		last = g->npending;
	}
	for (k = first; k < last; k++) {
		const struct xrow *r = &d->r[g->pending[k].row];

		x_acct_box(a, r);
		for (j = 0; j < g->pending[k].n; j++) {
			if (CELL(d, r, j)->dead)
				continue;
			if (h.len)
				cc_buf_adds(&h, " ");
			cc_buf_adds(&h, CELL(d, r, j)->t);
			x_acct_cell(a, CELL(d, r, j));
		}
	}
	a->heading = h.len ? cc_buf_detach(&h) : NULL;
	g->have = 1;
	g->cur = *g->narr - 1;
	g->block = g->cur;
	g->first_field = XF_NONE;
	g->ncol = 0;
	g->npending = 0;
	for (k = 0; k < g->nbcol; k++)
		bureau_block(d, g, g->bcol[k]);
	g->cur = g->block;
}

/*
 * An account's block holds one account per bureau, each after a row
 * that names the bureau alone (a three-bureau report): the bureau's
 * account of the block, made when there is none, is read next.
 */
static void bureau_block(struct xdoc *d, struct gstate *g, const char *b)
{
	struct xacct *a = cur(d, g), *n;
	size_t k;
	int k0, empty = 1;

	for (k0 = 0; k0 < XF_COUNT; k0++)
		if (a->f[k0])
			empty = 0;
	g->ncol = 0;
	g->npending = 0;
	g->first_field = XF_NONE;
	if (!a->bureau && empty && !a->nhist) {
		a->bureau = b;
		return;
	}
	for (k = g->block; k < *g->narr; k++)
		if ((*g->arr)[k].bureau && !strcmp((*g->arr)[k].bureau, b)) {
			g->cur = k;
			return;
		}
	n = x_new_acct(g->arr, g->narr);
	a = &(*g->arr)[g->block];
	n->heading = a->heading ? cc_xstrdup(a->heading) : NULL;
	n->sect_type = a->sect_type;
	n->bureau = b;
	n->page = a->page;
	memcpy(n->bb, a->bb, sizeof(n->bb));
	g->cur = *g->narr - 1;
}

/* The account of the block a grid's row of bureau b goes to (NULL: the
 * one being read). */
static struct xacct *grid_account(struct xdoc *d, void *arg, const char *b)
{
	struct gstate *g = arg;
	size_t k;

	if (!b)
		return cur(d, g);
	for (k = g->block; k < *g->narr; k++)
		if ((*g->arr)[k].bureau && !strcmp((*g->arr)[k].bureau, b))
			return &(*g->arr)[k];
	return cur(d, g);
}

/* Whether cell c's font is of size sz: give or take half a point, or a
 * quarter where OCR estimated it (or could not). */
static int same_size(const struct xcell *c, double sz)
{
	/* OCR gives no size to some lines: unknown, so alike */
	if (c->conf < 1 && (c->size <= 0 || sz <= 0))
		return 1;
	return fabs(c->size - sz) < (c->conf < 1 ? 0.25 * sz : 0.5);
}

/* Whether the line of row prev that starts where cell c does is in c's
 * style: a value's next line, when the value's own style is not known
 * (it was cut from its line). */
static int same_style(const struct xdoc *d, const struct xrow *prev,
		      const struct xcell *c)
{
	size_t k;

	for (k = 0; k < prev->n; k++) {
		const struct xcell *u = CELL(d, prev, k);

		if (!u->dead && fabs(u->x0 - c->x0) <= 3)
			return u->bold == c->bold && same_size(c, u->size);
	}
	/* or that runs over where c starts (OCR's line over columns) */
	for (k = 0; k < prev->n; k++) {
		const struct xcell *u = CELL(d, prev, k);

		if (!u->dead && u->x0 < c->x0 && u->x1 > c->x0)
			return u->bold == c->bold && same_size(c, u->size);
	}
	return 0;
}

static const char *column_of(const struct gstate *g, double x);

/* Whether t, a line under the date of column q, is the rest of that
 * date, which wrapped ("November 14," "2011"): the date so far is none,
 * with it one. */
static int date_rest(struct xdoc *d, struct gstate *g, const struct gcol *q,
		     const char *t)
{
	const struct xacct *a;
	char buf[64], iso[11];

	if (q->type != XT_DATE || q->bureau || q->field < 0 || q->field >= XF_COUNT ||
	    strlen(t) != 4 || strspn(t, "0123456789") != 4 ||
	    !(a = target(d, g, q->group)) || !a->f[q->field] ||
	    cc_norm_date(a->f[q->field], iso) == 0)
		return 0;
	if (snprintf(buf, sizeof(buf), "%s %s", a->f[q->field], t) >= (int)sizeof(buf))
		return 0;
	return cc_norm_date(buf, iso) == 0;
}

/* Whether t, a line under the label of column q whose value is still
 * missing, is that value, a line late: its label wrapped onto the row of
 * the other labels' values ("ESTIMATED MONTH ... ITEM" "WILL BE
 * REMOVED:" over "Dec 2031"). */
static int late_value(struct xdoc *d, struct gstate *g, const struct gcol *q,
		      const char *t)
{
	const struct xacct *a;

	return !q->bureau && q->field >= 0 && q->field < XF_COUNT &&
	       q->lx == q->vx && (q->type == XT_DATE || q->type == XT_MONEY) &&
	       (a = target(d, g, q->group)) != NULL && !a->f[q->field] &&
	       !none_value(t) && x_value_fits(q->type, t);
}

/* Whether a column of the last row of pairs has its label, left of its
 * value, at x. */
static int label_column(const struct gstate *g, double x)
{
	size_t j;

	for (j = 0; j < g->ncol; j++)
		if (at_label(&g->col[j], x))
			return 1;
	return 0;
}

/* Whether label t ends in a word that joins it to more ("CREDIT LIMIT
 * OR", "DATE OF"). */
static int ends_joined(const char *t)
{
	static const char *const join[] = { "or", "and", "of", "for", "to", "in",
					    "the", "&", "/", "-" };
	const char *w = strrchr(t, ' ');
	size_t k;

	w = w ? w + 1 : t;
	for (k = 0; k < sizeof(join) / sizeof(join[0]); k++)
		if (!strcasecmp(w, join[k]))
			return 1;
	return 0;
}

/* Whether label cell c, which ends in a colon or starts in lower case
 * ("name"), is the end of the label of row prev right above it, which
 * does not end in a colon; or whether that label ends in a word that
 * joins it to c ("CREDIT LIMIT OR" "ORIGINAL AMOUNT"). */
static int wrapped_label(const struct xdoc *d, const struct xrow *prev,
			 const struct xcell *c)
{
	size_t k, n = strlen(c->t);
	const struct xcell *u;
	int end;

	if (!n)
		return 0;
	end = c->t[n - 1] == ':' || islower((unsigned char)c->t[0]);
	for (k = 0; k < prev->n; k++) {
		u = CELL(d, prev, k);
		if (!u->dead && u->lab >= 0 && fabs(u->x0 - c->x0) <= 2) {
			n = strlen(u->t);
			/* the joining word may be a cell of its own, the
			 * label matched without it ("CREDIT LIMIT" "OR") */
			return n && u->t[n - 1] != ':' &&
			       (end || (strchr(u->t, ' ') && ends_joined(u->t)) ||
				(k + 1 < prev->n && CELL(d, prev, k + 1)->lab < 0 &&
				 isalpha((unsigned char)CELL(d, prev, k + 1)->t[0]) &&
				 !strchr(CELL(d, prev, k + 1)->t, ' ') &&
				 ends_joined(CELL(d, prev, k + 1)->t)));
		}
	}
	return 0;
}

/* Whether cell c, alone on its row, is the next line of the line of row
 * prev that starts where it does: that line runs on for 250 points or
 * more, in c's size and style. */
static int paragraph_wrap(const struct xdoc *d, const struct xrow *prev,
			  const struct xcell *c)
{
	const struct xcell *last;

	if (!prev->n)
		return 0;
	last = CELL(d, prev, prev->n - 1);
	return CELL(d, prev, 0)->x0 <= c->x0 + 3 && last->x1 - c->x0 > 250 &&
	       same_size(c, last->size) && same_style(d, prev, c);
}

/*
 * Whether row i continues the last row of pairs: right under it, each of
 * its cells where a column's label starts (a label that wrapped) or its
 * value does (a value of text that wrapped), in the value's style.  Its
 * values are added to theirs.
 */
static int continuation(struct xdoc *d, struct gstate *g, size_t i)
{
	const struct xrow *r = &d->r[i], *prev;
	size_t k, j;
	int at[64], strict, loose;

	if (!g->ncol || g->last_row >= i || r->n > 64)
		return 0;
	prev = &d->r[g->last_row];
	if (r->page != prev->page || r->y0 - prev->y1 > 0.8 * d->pitch)
		return 0;
	/* bold or larger, it is a heading, unless the values of its
	 * columns are in just that style; OCR's lines each at a bureau's
	 * column, two or more, are those columns' values, whatever
	 * sizes OCR's boxes give them (a remark's last word "REQUEST" in
	 * each) */
	strict = heading_like(d, g, r, r->n) >= 2;
	loose = r->n >= 2 && g->nbcol >= 2;
	for (k = 0; k < r->n && loose; k++) {
		const struct xcell *c = CELL(d, r, k);

		loose = c->conf < 1 && !c->dead;
		for (j = 0; j < g->ncol && loose; j++)
			if (g->col[j].bureau && fabs(c->x0 - g->col[j].vx) <= 6 &&
			    column_of(g, c->x0 + 2) == g->col[j].bureau)
				break;
		loose = loose && j < g->ncol;
	}
	for (k = 0; k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);

		at[k] = -2;
		if (c->dead)
			continue;
		/* the end of a label that wrapped, under its start
		 * ("ORIGINAL CREDITOR" "NAME:") */
		if (c->lab >= 0 && label_column(g, c->x0) &&
		    wrapped_label(d, prev, c)) {
			at[k] = -2;
			continue;
		}
		/* a label where this document has values and never labels
		 * is a word of the value ("REPORTED AS A") */
		if (c->lab >= 0 && (!at_x(g->dvx, g->ndvx, c->x0) ||
				    at_x(g->dlx, g->ndlx, c->x0)))
			return 0;
		/* the rest of a line cut at a label goes where its start
		 * does */
		if (k > 0 && at[k - 1] >= 0 && rest_of(d, i, CELL(d, r, k - 1))) {
			at[k] = at[k - 1];
			continue;
		}
		at[k] = -1;
		for (j = 0; j < g->ncol; j++) {
			const struct gcol *q = &g->col[j];

			if ((fabs(c->x0 - q->vx) <= 3 ||
			     /* a bureau's column, its value's start estimated */
			     (q->bureau && fabs(c->x0 - q->vx) <= 12 &&
			      column_of(g, c->x0 + 2) == q->bureau) ||
			     /* where a value of the document starts, a
			      * little off the estimate of this one's */
			     (q->est && c->x0 > q->lx + 4 &&
			      fabs(c->x0 - q->vx) <= 15 &&
			      at_x(g->dvx, g->ndvx, c->x0))) &&
			    (wraps(q->type) || date_rest(d, g, q, c->t) ||
			     late_value(d, g, q, c->t)) &&
			    (loose || q->bold < 0 ? loose || !strict || same_style(d, prev, c) :
			     c->bold == q->bold) &&
			    (loose || q->size <= 0 ? loose || !strict || same_style(d, prev, c) :
			     same_size(c, q->size))) {
				at[k] = (int)j;
				break;
			}
			/* a "Label: value" line of running text that wraps
			 * back under its label, as a paragraph does
			 * ("Comment: UNPAID ... CONSUMER" "DISPUTES THIS
			 * ACCOUNT INFORMATION") */
			if (q->est && wraps(q->type) && c->lab < 0 && r->n == 1 &&
			    q->group != XG_CONSUMER && !strict &&
			    fabs(c->x0 - q->lx) <= 3 && paragraph_wrap(d, prev, c)) {
				at[k] = (int)j;
				break;
			}
			if (at_label(q, c->x0)) {
				at[k] = -2;
				break;
			}
		}
		if (at[k] == -1)
			return 0;
	}
	for (k = 0; k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);
		const struct gcol *q;
		struct xacct *a;
		char *t;

		if (at[k] < 0)
			continue;
		q = &g->col[at[k]];
		a = q->bureau ? grid_account(d, g, q->bureau) : target(d, g, q->group);
		if (!a || q->field == XF_IGNORE || q->field == XF_HISTORY)
			continue;
		t = cc_xstrdup(c->t);
		clean_value(q->field, t);
		x_acct_set(a, q->field, t, c->conf, 1);
		if (q->group != XG_CONSUMER)
			x_acct_box(a, r);
		free(t);
	}
	g->last_row = i;
	return 1;
}

/* Whether the account being read has one of the fields of p already. */
static int has_any(struct xdoc *d, struct gstate *g, const struct gpair *p, size_t n)
{
	struct xacct *a = cur(d, g);
	size_t k;

	if (!a)
		return 1;
	for (k = 0; k < n; k++)
		if (p[k].field != XF_IGNORE && p[k].field != XF_HISTORY &&
		    a->f[p[k].field])
			return 1;
	return 0;
}

/* Whether every cell of row u starts under one of the labels p[0..n) of
 * row r, and u is as many cells: a row of values under a row of labels,
 * though a value may read as a label ("CLOSED"). */
static int under_labels(const struct xdoc *d, const struct xrow *r,
			const struct gpair *p, size_t n, const struct xrow *u)
{
	size_t k, j, cells = 0;

	for (j = 0; j < u->n; j++) {
		const struct xcell *c = CELL(d, u, j);

		/* a cell cut from a line is placed by estimate, but for
		 * the label that starts it */
		if (c->dead || (c->est && c->lab < 0))
			continue;
		cells++;
		for (k = 0; k < n; k++)
			if (fabs(c->x0 - CELL(d, r, p[k].lab)->x0) <= 4)
				break;
		if (k == n)
			return 0;
	}
	return cells > 0 && cells <= n;
}

/* The label of p[0..n) of row r whose column x is in: the last that
 * starts left of it, give or take a little; n for none. */
static size_t under_col(const struct xdoc *d, const struct xrow *r,
			const struct gpair *p, size_t n, double x, double x1)
{
	size_t k, col = n;

	for (k = 0; k < n; k++)
		if (x >= CELL(d, r, p[k].lab)->x0 - 4)
			col = k;
	/* a cell that starts a little left of the next label, and lies
	 * more under it than under its own (an OCR box a little wide) */
	if (col + 1 < n || (col == n && n > 0)) {
		size_t nx = col == n ? 0 : col + 1;
		double lx = CELL(d, r, p[nx].lab)->x0, lo;

		lo = col == n ? -1e9 : CELL(d, r, p[col].lab)->x0;
		if (x >= lx - 20 && x1 > lx && x1 - lx > lx - (x > lo ? x : lo))
			col = nx;
	}
	return col;
}

/* Where in t, after a space, the last word starts when it is an amount,
 * a date or an account number and type is that; 0 for none. */
static int head_fits(int type, char *v);

static size_t typed_tail(const char *t, int type)
{
	const char *sp = strrchr(t, ' ');

	if (!sp || sp == t || (type != XT_MONEY && type != XT_DATE && type != XT_MASK) ||
	    !x_value_fits(type, sp + 1) || !isdigit((unsigned char)sp[1 + strcspn(sp + 1, "0123456789")]))
		return 0;
	return (size_t)(sp - t) + 1;
}

/* Whether a cell of row u starts in [lo, hi). */
static int cell_in(const struct xdoc *d, const struct xrow *u, double lo, double hi)
{
	size_t j;

	for (j = 0; j < u->n; j++)
		if (!CELL(d, u, j)->dead && CELL(d, u, j)->x0 >= lo &&
		    CELL(d, u, j)->x0 < hi)
			return 1;
	return 0;
}

/* Text t, read at x from cell c, to the value of label k. */
static void under_add(struct cc_buf *b, double *vx, const struct xcell **vc,
		      double *conf, size_t k, const char *t, double x,
		      const struct xcell *c)
{
	if (k >= G_MAX_PAIRS)
		return;
	if (!b[k].len) {
		vx[k] = x;
		vc[k] = c;
	} else {
		cc_buf_adds(&b[k], " ");
	}
	cc_buf_adds(&b[k], t);
	if (c->conf < conf[k])
		conf[k] = c->conf;
}

/*
 * Row i's pairs p[0..*np), validated: the values of a row of labels alone
 * are the cells of row i + 1 under them (*used gets 2 then, else 1); with
 * no such row, some of the labels may be values (collapse(): *np is
 * their count then).  Returns
 * the count of pairs whose values fit, with their values in v[] (NULL
 * for a pair whose value does not fit, which is then passed over), and
 * where each value starts in vx[] and its style in vc[].
 */
static size_t read_pairs(struct xdoc *d, size_t i, int group, struct gpair *p,
			 size_t *np, char **v, double *vx, const struct xcell **vc,
			 double *conf, size_t *used)
{
	const struct xrow *r = &d->r[i], *u;
	size_t k, j, ok = 0, empty = 0, n = *np;

	*used = 1;
	for (k = 0; k < n; k++)
		empty += p[k].from == p[k].to;
	/* the values may be the next page's first row, a block split
	 * between the labels and their values */
	if (empty == n && i + 1 < d->nr &&
	    (d->r[i + 1].page == r->page || d->r[i + 1].page == r->page + 1) &&
	    !x_grid_starts(d, i + 1)) {
		size_t lead;
		struct gpair q[G_MAX_PAIRS];

		u = &d->r[i + 1];
		if ((row_pairs(d, u, group, q, &lead) == 0 &&
		     row_pairs(d, u, XG_CONSUMER, q, &lead) == 0) ||
		    under_labels(d, r, p, n, u)) {
			/* each cell of u goes to the label whose column it
			 * starts in: the last label that starts left of it,
			 * give or take a little; an OCR'd cell that runs on
			 * into a column with no cell of its own, and ends in
			 * a value of that column's type, is two values OCR
			 * read as one line ("COMENITY BANK $623") */
			struct cc_buf b[G_MAX_PAIRS];
			size_t m;

			memset(b, 0, sizeof(b));
			for (k = 0; k < n; k++) {
				conf[k] = 1;
				vx[k] = CELL(d, r, p[k].lab)->x0;
				vc[k] = NULL;
			}
			for (j = 0; j < u->n; j++) {
				const struct xcell *c = CELL(d, u, j);

				if (c->dead || (k = under_col(d, r, p, n, c->x0, c->x1)) >= n)
					continue;
				if (c->conf < 1 && k + 1 < n &&
				    c->x1 > CELL(d, r, p[k + 1].lab)->x0 + 8 &&
				    !cell_in(d, u, CELL(d, r, p[k + 1].lab)->x0 - 4,
					     k + 2 < n ? CELL(d, r, p[k + 2].lab)->x0 - 4 : 1e9) &&
				    (m = typed_tail(c->t, p[k + 1].type)) > 0) {
					char *head = cc_xstrndup(c->t, m - 1);

					under_add(b, vx, vc, conf, k, head, c->x0, c);
					under_add(b, vx, vc, conf, k + 1, c->t + m,
						  CELL(d, r, p[k + 1].lab)->x0, c);
					free(head);
					continue;
				}
				under_add(b, vx, vc, conf, k, c->t, c->x0, c);
			}
			for (k = 0; k < n; k++)
				v[k] = b[k].len ? cc_buf_detach(&b[k]) : cc_xstrdup("");
			*used = 2;
			goto check;
		}
	}
	/* labels alone with no values under them: some may be values */
	if (empty == n)
		n = *np = collapse(d, r, p, n);
	for (k = 0; k < n; k++) {
		v[k] = join_cells(d, r, p[k].from, p[k].to, &conf[k]);
		vx[k] = p[k].from < p[k].to ? CELL(d, r, p[k].from)->x0 : 0;
		vc[k] = p[k].from < p[k].to ? CELL(d, r, p[k].from) : NULL;
	}
check:
	(void)group;
	for (k = 0; k < n; k++) {
		if (p[k].field == XF_HISTORY || p[k].field == XF_IGNORE ||
		    x_value_fits(p[k].type, v[k]) || head_fits(p[k].type, v[k])) {
			ok++;
			continue;
		}
		free(v[k]);
		v[k] = NULL;
	}
	return ok;
}

/*
 * A date or an amount followed by a label of no vocabulary's, with its
 * colon ("01/15/2026 REPOSITORIES: EQ/EX/TU"): v cut to the date, and
 * 1; else 0.
 */
static int head_fits(int type, char *v)
{
	char *sp = strchr(v, ' '), *w;
	size_t n;

	if (!sp || (type != XT_DATE && type != XT_MONEY))
		return 0;
	w = sp + 1;
	n = strcspn(w, " ");
	if (n < 2 || w[n - 1] != ':')
		return 0;
	*sp = '\0';
	if (x_value_fits(type, v))
		return 1;
	*sp = ' ';
	return 0;
}

static int open_closed(const char *s);

/*
 * The field value v of field f goes to: a type ("Revolving") under a
 * loan type's label is the type, a loan's kind ("Credit Card") under a
 * type's label the loan type; a status that says only "Open" or
 * "Closed" is the account's state, any other the status.
 */
static int route(const struct xdoc *d, int f, const char *v)
{
	const struct xlayout *L = d->L;

	if (f == XF_TYPE || f == XF_LOAN_TYPE) {
		int ty = X_LOOKUP(L, types, v) != NULL, lo = X_LOOKUP(L, loans, v) != NULL;

		if (ty && !lo)
			return XF_TYPE;
		if (lo && !ty)
			return XF_LOAN_TYPE;
	}
	if (f == XF_STATUS || f == XF_ACCOUNT_STATUS)
		return open_closed(v) && f == XF_ACCOUNT_STATUS ? XF_ACCOUNT_STATUS :
		       !open_closed(v) ? XF_STATUS : f;
	return f;
}

/* Add x to the positions v[0..*n), when none is within 2 points. */
static void add_x(double *v, size_t *n, double x)
{
	size_t k;

	for (k = 0; k < *n; k++)
		if (fabs(v[k] - x) <= 2)
			return;
	if (*n < 16)
		v[(*n)++] = x;
}

static int at_x(const double *v, size_t n, double x)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (fabs(v[k] - x) <= 3)
			return 1;
	return 0;
}

/*
 * A label of p[1..n) that stands where the document prints values, and
 * where it never prints a label, is a value: the value of the pair
 * before it ("REMARKS  UNPAID BALANCE").  Returns the count of pairs.
 */
static size_t demote(const struct xdoc *d, const struct gstate *g,
		     const struct xrow *r, struct gpair *p, size_t n)
{
	size_t k;

	for (k = 1; k < n; k++) {
		double x = CELL(d, r, p[k].lab)->x0;

		if (!at_x(g->dvx, g->ndvx, x) || at_x(g->dlx, g->ndlx, x) ||
		    p[k - 1].from != p[k].lab)
			continue;
		p[k - 1].to = p[k].to;
		memmove(&p[k], &p[k + 1], (n - k - 1) * sizeof(*p));
		n--;
		k--;
	}
	return n;
}

/* Set the fields of the pairs p[0..n) of row i of group into a, and the
 * columns they make. */
static void set_pairs(struct xdoc *d, struct gstate *g, size_t i, int group,
		      const struct gpair *p, size_t n, char **v, const double *vx,
		      const struct xcell **vc, const double *conf, size_t used)
{
	const struct xrow *r = &d->r[i];
	struct xacct *a = target(d, g, group);
	size_t k;

	if (group != XG_CONSUMER) {
		x_acct_box(a, r);
		if (used == 2)
			x_acct_box(a, &d->r[i + 1]);
	}
	g->ncol = 0;
	for (k = 0; k < n; k++) {
		const struct xcell *lc = CELL(d, r, p[k].lab);
		struct gcol *q = &g->col[g->ncol++];

		q->field = p[k].field;
		q->type = p[k].type;
		q->group = group;
		q->bureau = NULL;
		q->lx = lc->x0;
		q->vx = vx[k] > 0 ? vx[k] : lc->x1 + 1e6;
		/* the style of a value cut from a longer line is its
		 * line's, the label's too: unknown */
		q->bold = vc[k] && !vc[k]->est ? vc[k]->bold : -1;
		q->size = vc[k] && !vc[k]->est ? vc[k]->size : 0;
		q->est = vc[k] && vc[k]->est;
		q->lest = lc->est;
		if (v[k] && group != XG_CONSUMER) {
			add_x(g->dlx, &g->ndlx, q->lx);
			if (vx[k] > 0)
				add_x(g->dvx, &g->ndvx, vx[k]);
		}
		if (!v[k])
			continue;
		if (group != XG_CONSUMER) {
			x_acct_cell(a, lc);
			if (vc[k])
				x_acct_cell(a, vc[k]);
		}
		if (p[k].field == XF_HISTORY) {
			a->has_grid = 1;
		} else {
			int f = route(d, p[k].field, v[k]);

			/* a co-applicant's name: from it on, the pairs
			 * are the co-applicant's */
			if (group == XG_CONSUMER && f == XC_CO_NAME)
				a = x_consumer_field(d, NULL, &f);
			clean_value(f, v[k]);
			/* a consumer's value may hold other labels and
			 * their values ("9158-865162 DATE COMPLETED
			 * 01/15/2026"), read though the field is had */
			if (f != XF_IGNORE && v[k][0]) {
				if (group == XG_CONSUMER && x_text_field(f) == 0 &&
				    x_field_type(f) == XT_TEXT)
					x_consumer_value(d, a, f, v[k], conf[k]);
				else if (!a->f[f])
					x_acct_set(a, f, v[k], conf[k], 0);
			}
			if (group != XG_CONSUMER && g->first_field == XF_NONE &&
			    p[k].field != XF_IGNORE)
				g->first_field = p[k].field;
		}
		free(v[k]);
	}
	g->last_row = i + used - 1;
}

/* Whether p[0..n) holds field f. */
static int holds(const struct gpair *p, size_t n, int f)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (p[k].field == f)
			return 1;
	return 0;
}

/* The bureau whose column starts at or left of x. */
static const char *column_of(const struct gstate *g, double x)
{
	const char *b = NULL;
	size_t k;

	for (k = 0; k < g->nbcol; k++)
		if (g->bx[k] <= x + 4)
			b = g->bcol[k];
	return b;
}

/* Give value text t of field k (pairs p) read at x in row r to the
 * bureau whose column x is in, when it fits; and make it a column. */
static void column_value(struct xdoc *d, struct gstate *g, const struct xrow *r,
			 const struct gpair *p, const char *t, double x,
			 double conf, const struct xcell *c)
{
	const char *b = column_of(g, x);
	struct xacct *a = b ? grid_account(d, g, b) : NULL;
	struct gcol *q;
	char *v;

	if (!a || !x_value_fits(p->type, t))
		return;
	v = cc_xstrdup(t);
	clean_value(p->field, v);
	x_acct_set(a, route(d, p->field, v), v, conf, 0);
	x_acct_box(a, r);
	x_acct_cell(a, c);
	free(v);
	if (g->ncol < G_MAX_PAIRS) {
		q = &g->col[g->ncol++];
		q->field = p->field;
		q->type = p->type;
		q->group = g->group;
		q->bureau = b;
		q->lx = CELL(d, r, p->lab)->x0;
		q->vx = x;
		q->bold = c->est ? -1 : c->bold;
		q->size = c->est ? 0 : c->size;
		q->est = 0;
		q->lest = 0;
	}
	/* where this document's values start, a bureau's column's too */
	add_x(g->dvx, &g->ndvx, x);
}

/*
 * Row i of pairs p[0..n) under bureau columns: the value cells of each
 * column are its bureau's value, when it fits its field's type; a cell
 * that runs over the next column (the text layer joined the columns'
 * values into one line) is cut into its words, each placed by its
 * estimated x.
 */

/* A value left of the bureaus' columns, under a label of the block: every
 * bureau's. */
static const char all_bureaus[] = "*";

/* A bureau column's text of one row, gathered piece by piece. */
struct gpiece {
	const char *bureau;
	struct cc_buf t;
	double x;
	const struct xcell *c;
};

/* Add text t, read at x from cell c, to the last piece when it is of the
 * same column, else to a new one. */
static void add_piece(struct gpiece *pc, size_t *n, const char *b,
		      const char *t, double x, const struct xcell *c)
{
	if (!b)
		return;
	if (*n && pc[*n - 1].bureau == b) {
		cc_buf_adds(&pc[*n - 1].t, " ");
		cc_buf_adds(&pc[*n - 1].t, t);
		return;
	}
	if (*n == 8)
		return;
	pc[*n].bureau = b;
	memset(&pc[*n].t, 0, sizeof(pc[*n].t));
	cc_buf_adds(&pc[*n].t, t);
	pc[*n].x = x;
	pc[*n].c = c;
	(*n)++;
}

/* Add word w of cell c to the pieces of the columns it is in; a word
 * across the start of a column is two values that touched, with no
 * space between ("OUTSOURCINGCONVERGENT"): cut where the column starts,
 * by the word's width, or at a lower case letter before a capital a
 * letter or two off that. */
static void column_word(const struct gstate *g, struct gpiece *pc, size_t *np,
			const struct xword *w, const struct xcell *c)
{
	size_t len = strlen(w->t), k, cut;
	char a[64];
	int d;

	for (k = 0; k < g->nbcol && len >= 4; k++) {
		if (g->bx[k] <= w->x0 + 4 || g->bx[k] >= w->x1 - 4)
			continue;
		cut = (size_t)((g->bx[k] - w->x0) / (w->x1 - w->x0) *
			       (double)len + 0.5);
		for (d = -2; d <= 2; d++) {
			size_t q = (size_t)((int)cut + d);

			if (q > 0 && q < len && islower((unsigned char)w->t[q - 1]) &&
			    isupper((unsigned char)w->t[q])) {
				cut = q;
				break;
			}
		}
		/* with no such seam, a cut near an end is the estimate's
		 * error, not two values ("WELLS" read a little left) */
		if (d > 2 && cut < 3) {
			add_piece(pc, np, g->bcol[k], w->t, g->bx[k], c);
			return;
		}
		if (d > 2 && cut + 3 > len)
			break;
		if (cut == 0 || cut >= len)
			break;
		/* not inside a character */
		while (cut > 0 && ((unsigned char)w->t[cut] & 0xc0) == 0x80)
			cut--;
		if (cut == 0)
			break;
		memcpy(a, w->t, cut);
		a[cut] = '\0';
		add_piece(pc, np, column_of(g, w->x0 + 2), a, w->x0, c);
		add_piece(pc, np, g->bcol[k], w->t + cut, g->bx[k], c);
		return;
	}
	add_piece(pc, np, column_of(g, w->x0 + 2), w->t, w->x0, c);
}

/* Whether cell c, across k columns, is one value k times, each copy
 * run into the next where a bureau's column starts ("US BANK HOME
 * MORTGAGEUS BANK HOME MORTGAGE": the bureaus' values alike, each too
 * long for its column); if so, the copies are added as pieces. */
static int column_copies(const struct gstate *g, struct gpiece *pc, size_t *np,
			 const struct xcell *c)
{
	size_t len = strlen(c->t), k, j, m;
	double w = c->x1 - c->x0;
	char a[128];

	for (k = 3; k >= 2; k--) {
		if (len % k || (m = len / k) < 4 || m >= sizeof(a))
			continue;
		for (j = 1; j < k && !memcmp(c->t, c->t + j * m, m); j++)
			;
		if (j < k || column_of(g, c->x0 + 2) == column_of(g, c->x0 + w / k + 2))
			continue;
		/* each copy starts where a column does */
		for (j = 1; j < k; j++) {
			const char *b = column_of(g, c->x0 + w * (double)j / (double)k + 6);
			size_t q;

			for (q = 0; q < g->nbcol && g->bcol[q] != b; q++)
				;
			if (q == g->nbcol ||
			    fabs(g->bx[q] - (c->x0 + w * (double)j / (double)k)) > 12)
				break;
		}
		if (j < k)
			continue;
		memcpy(a, c->t, m);
		a[m] = '\0';
		for (j = 0; j < k; j++)
			add_piece(pc, np, column_of(g, c->x0 + w * (double)j / (double)k + 6),
				  a, c->x0 + w * (double)j / (double)k, c);
		return 1;
	}
	return 0;
}

static void set_columns(struct xdoc *d, struct gstate *g, size_t i,
			const struct gpair *p, size_t n)
{
	const struct xrow *r = &d->r[i];
	struct xword *w = NULL;
	struct gpiece pc[8];
	size_t k, j, m, aw = 0, nw, np;

	g->ncol = 0;
	for (k = 0; k < n; k++) {
		if (p[k].field == XF_IGNORE || p[k].field == XF_HISTORY)
			continue;
		np = 0;
		for (j = p[k].from; j < p[k].to; j++) {
			const struct xcell *c = CELL(d, r, j);

			if (c->dead)
				continue;
			if (c->x0 < g->bx[0] - 4) {
				add_piece(pc, &np, all_bureaus, c->t, c->x0, c);
				continue;
			}
			/* a cell that ends a little past the next column's
			 * start (its ink, not its text) is its own column's */
			if (column_of(g, c->x1 - 8) == column_of(g, c->x0)) {
				add_piece(pc, &np, column_of(g, c->x0), c->t, c->x0, c);
				continue;
			}
			if (column_copies(g, pc, &np, c))
				continue;
			nw = x_cell_words(c, &w, &aw, 0);
			for (m = 0; m < nw; m++)
				column_word(g, pc, &np, &w[m], c);
		}
		for (j = 0; j < np; j++) {
			if (pc[j].bureau == all_bureaus) {
				/* left of the columns: every bureau's */
				for (m = 0; m < g->nbcol; m++)
					column_value(d, g, r, &p[k], pc[j].t.s,
						     g->bx[m], pc[j].c->conf, pc[j].c);
			} else {
				column_value(d, g, r, &p[k], pc[j].t.s, pc[j].x,
					     pc[j].c->conf, pc[j].c);
			}
			cc_buf_release(&pc[j].t);
		}
	}
	free(w);
	g->last_row = i;
}

static size_t account_row(struct xdoc *d, struct gstate *g, size_t i)
{
	const struct xrow *r = &d->r[i];
	struct gpair p[G_MAX_PAIRS];
	char *v[G_MAX_PAIRS];
	double vx[G_MAX_PAIRS], conf[G_MAX_PAIRS];
	const struct xcell *vc[G_MAX_PAIRS];
	const char *b;
	size_t n, lead, used, k, ok, next;
	int head = 0;

	for (k = 0; k < r->n && CELL(d, r, k)->dead; k++)
		;
	if (k == r->n)
		return i + 1;
	if (g->tab.on) {
		if ((next = x_table_row(d, &g->tab, i)) > i)
			return next;
		x_table_end(d, &g->tab);
	}
	if ((n = x_table_head(d, g->group, i, &g->tab)) > 0) {
		g->tab.sect_type = g->sect_type;
		g->have = 0;
		g->ncol = 0;
		g->npending = 0;
		g->nbcol = 0;
		return i + n;
	}
	/* accounts each under rows of their own labels: read whole */
	if (g->group == XG_ACCOUNT && (next = x_headed_run(d, i, g->sect_type)) > i) {
		g->have = 0;
		g->ncol = 0;
		g->npending = 0;
		g->nbcol = 0;
		return next;
	}

	{
		const char *hb[3];
		double hx[3];
		size_t nh = bureau_header(d, r, hb, hx);

		if (nh) {
			for (k = 0; k < g->npending; k++)
				if (heading_like(d, g, &d->r[g->pending[k].row],
						 g->pending[k].n))
					head = 1;
			g->nbcol = nh;
			memcpy(g->bcol, hb, sizeof(hb));
			memcpy(g->bx, hx, sizeof(hx));
			if (head || !g->have) {
				new_account(d, g);
			} else {
				for (k = 0; k < nh; k++)
					bureau_block(d, g, hb[k]);
				g->cur = g->block;
			}
			return i + 1;
		}
	}
	if ((b = bureau_row(r)) != NULL && (g->have || g->npending)) {
		/* a heading read since: the bureau's account is its */
		for (k = 0; k < g->npending; k++)
			if (heading_like(d, g, &d->r[g->pending[k].row], g->pending[k].n))
				head = 1;
		if (head || !g->have)
			new_account(d, g);
		bureau_block(d, g, b);
		return i + 1;
	}
	if (g->have) {
		if (legend_row(d, r)) {
			x_grid_legend(d, r);
			return i + 1;
		}
		if (x_grid_starts(d, i)) {
			next = x_grid_any(d, i, grid_account, g);
			if (next > i) {
				cur(d, g)->has_grid = 1;
				g->ncol = 0;
				g->last_row = next - 1;
				return next;
			}
		}
		if (continuation(d, g, i))
			return i + 1;
	}
	n = row_pairs(d, r, g->group, p, &lead);
	if (n > 1)
		n = demote(d, g, r, p, n);
	if (n && g->nbcol && g->have && lead == 0) {
		/* the labels are left of the bureaus' columns: what reads
		 * as a label in a column ("Closed") is a value */
		for (k = 1; k < n && CELL(d, r, p[k].lab)->x0 < g->bx[0] - 4; k++)
			;
		if (k < n) {
			p[k - 1].to = r->n;
			n = k;
		}
		set_columns(d, g, i, p, n);
		return i + 1;
	}
	if (n == 0 || (ok = read_pairs(d, i, g->group, p, &n, v, vx, vc, conf,
				       &used)) == 0) {
		push_pending(g, i, r->n);
		return i + 1;
	}
	/* cells before the first label: a heading on the row of the pairs */
	if (lead > 0)
		push_pending(g, i, lead);
	for (k = 0; k < g->npending; k++)
		if (heading_like(d, g, &d->r[g->pending[k].row], g->pending[k].n))
			head = 1;
	if (!g->have || head || (g->first_field != XF_NONE && holds(p, n, g->first_field)) ||
	    (g->npending && has_any(d, g, p, n)))
		new_account(d, g);
	g->npending = 0;
	set_pairs(d, g, i, g->group, p, n, v, vx, vc, conf, used);
	return i + used;
}

/* A row of the consumer's labels and values, in any section. */
static size_t consumer_pairs(struct xdoc *d, struct gstate *g, size_t i)
{
	struct gpair p[G_MAX_PAIRS];
	char *v[G_MAX_PAIRS];
	double vx[G_MAX_PAIRS], conf[G_MAX_PAIRS];
	const struct xcell *vc[G_MAX_PAIRS];
	size_t n, lead, used;

	n = row_pairs(d, &d->r[i], XG_CONSUMER, p, &lead);
	if (n == 0 || read_pairs(d, i, XG_CONSUMER, p, &n, v, vx, vc, conf, &used) == 0)
		return 0;
	set_pairs(d, g, i, XG_CONSUMER, p, n, v, vx, vc, conf, used);
	return used;
}

/* --- what was read, settled ---------------------------------------------- */

/* Move field from's text to field to, when to has none. */
static void move_field(struct xacct *a, int from, int to)
{
	if (!a->f[from] || a->f[to])
		return;
	a->f[to] = a->f[from];
	a->flen[to] = a->flen[from];
	a->fcap[to] = a->fcap[from];
	a->fconf[to] = a->fconf[from];
	a->f[from] = NULL;
	a->flen[from] = a->fcap[from] = 0;
}

/* A token of a heading that is an account number: "#7117XXXXX",
 * "XXXXXXX9062", "****1234"; a whole one of digits only is not (a
 * creditor's name may end in a number), unless after a '#'. */
static int mask_token(const char *t, size_t n)
{
	size_t i, marks = 0, digits = 0;
	int hash = n && t[0] == '#';

	for (i = hash; i < n; i++) {
		if (t[i] == 'X' || t[i] == 'x' || t[i] == '*')
			marks++;
		else if (isdigit((unsigned char)t[i]))
			digits++;
		else if (t[i] != '-')
			return 0;
	}
	return marks + digits >= 4 && (marks || (hash && digits));
}

/*
 * The heading of a: a first token of one to three digits (the item's
 * number on the report) is dropped; a token that is an account number
 * is the account's mask, when no label gave one, and leaves the heading.
 */
static void settle_heading(struct xacct *a)
{
	struct cc_buf h = { 0 };
	const char *p = a->heading, *e;
	int first = 1;

	if (!p)
		return;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		for (e = p; *e && *e != ' '; e++)
			;
		if (first && e[0] && e - p <= 3 && strspn(p, "0123456789") == (size_t)(e - p)) {
			first = 0;
			p = e;
			continue;
		}
		first = 0;
		if (mask_token(p, (size_t)(e - p))) {
			if (!a->f[XF_ACCOUNT_MASK]) {
				char *m = cc_xstrndup(p + (*p == '#'), (size_t)(e - p) - (*p == '#'));

				x_acct_set(a, XF_ACCOUNT_MASK, m,
					   a->conf_n ? a->conf_sum / a->conf_n : 1, 0);
				free(m);
			}
		} else {
			if (h.len)
				cc_buf_adds(&h, " ");
			cc_buf_add(&h, p, (size_t)(e - p));
		}
		p = e;
	}
	free(a->heading);
	a->heading = h.len ? cc_buf_detach(&h) : NULL;
}

/* Whether s says only whether the account is open ("Open", "Closed",
 * "Paid"), not how it is paid. */
static int open_closed(const char *s)
{
	static const char *const w[] = { "open", "closed", "paid", "paid/closed",
		"closed/paid", "inactive", "transferred", "refinanced" };
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (!strcasecmp(s, w[i]))
			return 1;
	return 0;
}

/* Whether names a and b have the same letters and digits, case aside,
 * and a more spaces. */
static int same_name(const char *a, const char *b)
{
	int sa = 0, sb = 0;

	for (;;) {
		while (*a && !isalnum((unsigned char)*a))
			sa += *a++ == ' ';
		while (*b && !isalnum((unsigned char)*b))
			sb += *b++ == ' ';
		if (!*a || !*b)
			return !*a && !*b && sa > sb;
		if (toupper((unsigned char)*a) != toupper((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
}

/*
 * What one label means in one report and another in the next, settled
 * by its value: an "Account type" that is a loan's kind ("Credit Card")
 * is the loan type, one that is a type ("Revolving") the type; an
 * "Account status" is the status when no other is printed.  A labelled
 * creditor wins over the heading.
 */
static void settle(struct xdoc *d, struct xacct *a)
{
	const struct xlayout *L = d->L;

	settle_heading(a);
	/* but not over the same name read better, with its spaces
	 * ("SOUTHWESTCREDIT SYSTEMS" by OCR) */
	if (a->f[XF_CREDITOR] && !(a->heading &&
				   same_name(a->heading, a->f[XF_CREDITOR]))) {
		free(a->heading);
		a->heading = NULL;
	}
	if (a->f[XF_TYPE] && !X_LOOKUP(L, types, a->f[XF_TYPE]) &&
	    X_LOOKUP(L, loans, a->f[XF_TYPE]))
		move_field(a, XF_TYPE, XF_LOAN_TYPE);
	if (a->f[XF_LOAN_TYPE] && !X_LOOKUP(L, loans, a->f[XF_LOAN_TYPE]) &&
	    X_LOOKUP(L, types, a->f[XF_LOAN_TYPE]))
		move_field(a, XF_LOAN_TYPE, XF_TYPE);
	/* the only status printed is the status, whatever its label */
	move_field(a, XF_ACCOUNT_STATUS, XF_STATUS);
}

/* --- labels that wrap ------------------------------------------------------ */

/* The label of L whose normalised text is t (prefix 0), or that starts
 * with t and a space (prefix 1); -1 for none. */
static int label_norm(const struct xlayout *L, const char *t, int prefix)
{
	size_t i, n = strlen(t);

	for (i = 0; i < L->nlab; i++) {
		const char *l = L->lab[i].norm;

		if (l[0] != t[0] || strncmp(l, t, n) != 0)
			continue;
		if (prefix ? l[n] == ' ' : l[n] == '\0')
			return (int)i;
	}
	return -1;
}

/* The cell of row j that starts at x, give or take 2 points, or NULL. */
static struct xcell *cell_at(struct xdoc *d, size_t j, double x)
{
	const struct xrow *r = &d->r[j];
	size_t k;

	for (k = 0; k < r->n; k++)
		if (fabs(CELL(d, r, k)->x0 - x) <= 2 && !CELL(d, r, k)->dead)
			return CELL(d, r, k);
	return NULL;
}

/* Whether cell u of row j has a value after it: a next cell that is no
 * label. */
static int has_value(struct xdoc *d, size_t j, const struct xcell *u)
{
	const struct xrow *r = &d->r[j];
	const struct xcell *e = CELL(d, r, 0) + r->n;

	return u + 1 < e && !u[1].dead && u[1].lab < 0;
}

/* Whether label u of row j, under label c of row i, has a value of its
 * own: after it where c's is, or anywhere after it when c has none
 * ("AMOUNT $6,050" over "CHARGED OFF", the value of another column far
 * right of it, is one label). */
static int own_value(struct xdoc *d, size_t i, const struct xcell *c, size_t j,
		     const struct xcell *u)
{
	const struct xrow *r = &d->r[i];
	const struct xcell *e = CELL(d, r, 0) + r->n;

	if (!has_value(d, j, u))
		return 0;
	if (!(c + 1 < e && !c[1].dead && c[1].lab < 0))
		return 1;
	return u[1].x0 < c[1].x0 + 20;
}

/* Whether label u under label c, whose normalised text is t, ends it,
 * both their values text that wraps: "ORIGINAL CREDITOR" "PROGRESSIVE"
 * over "NAME" "INSURANCE" is one label and one value; "REPORTED" a date
 * over "BALANCE" an amount are two. */
static int wrapped_pair(const struct xdoc *d, const char *t, const struct xcell *c,
			const struct xcell *u)
{
	char *n = x_norm(u->t), *j = cc_xasprintf("%s %s", t, n);
	int k = label_norm(d->L, j, 0);

	free(n);
	free(j);
	return k >= 0 && wraps(d->L->lab[k].type) && c->lab >= 0 &&
	       wraps(d->L->lab[c->lab].type);
}

/* Whether the cell after u in row j is the rest of u's line, cut from
 * it at a label. */
static int rest_of(struct xdoc *d, size_t j, const struct xcell *u)
{
	const struct xrow *r = &d->r[j];
	const struct xcell *e = CELL(d, r, 0) + r->n;

	return u->lab >= 0 && u + 1 < e && u[1].est && !u[1].dead &&
	       u[1].x0 - u->x1 < 0.8 * (u->y1 - u->y0);
}

/* Whether cell c of row i is the value of a label right above it, a
 * "Label:" alone on its row ("Current status:" over "Current", which
 * with "Balance:" under it is no "Current balance"). */
static int value_under(struct xdoc *d, size_t i, const struct xcell *c)
{
	struct xcell *u;
	size_t n;

	if (i == 0 || d->r[i - 1].page != d->r[i].page ||
	    !(u = cell_at(d, i - 1, c->x0)) || u->lab < 0 || has_value(d, i - 1, u))
		return 0;
	n = strlen(u->t);
	return n && u->t[n - 1] == ':' && d->r[i].y0 - d->r[i - 1].y1 < d->pitch;
}

/*
 * A label printed over two lines or more in a narrow column ("CURRENT" /
 * "BALANCE:", "Date of first" / "delinquency"): a cell that begins a
 * label, with the cells right under it at its left edge that complete
 * it, is that label; the cells under it are dead.  Two labels, each
 * with its value ("Account" over "Type"), are not one.
 */
static void join_labels(struct xdoc *d)
{
	size_t i, k, j, m;
	struct xcell *under[4];

	for (i = 0; i + 1 < d->nr; i++) {
		const struct xrow *r = &d->r[i];

		for (k = 0; k < r->n; k++) {
			struct xcell *c = CELL(d, r, k), *u;
			char *t, *joined;
			size_t last = i, used = 0;
			int lab = -1, cut, k2;

			if (c->dead || strlen(c->t) > 60 || !cell_at(d, i + 1, c->x0) ||
			    value_under(d, i, c))
				continue;
			t = x_norm(c->t);
			cut = 0;
			/* the upper line cut at a label ("DATE" "OF 1ST") */
			if (rest_of(d, i, c)) {
				char *n2 = x_norm(c[1].t);
				char *t2 = cc_xasprintf("%s %s", t, n2);

				free(n2);
				if (label_norm(d->L, t2, 1) >= 0) {
					free(t);
					t = t2;
					cut = 1;
				} else {
					free(t2);
				}
			}
			if (!t[0] || label_norm(d->L, t, 1) < 0) {
				free(t);
				continue;
			}
			for (m = 0, j = i + 1; j < d->nr && m < 4; j++, m++) {
				char *n;

				/* a label's lines are in one style: a label
				 * under a value is its own ("Current" over
				 * "Balance:") */
				if (d->r[j].page != r->page ||
				    (d->r[j].y0 - d->r[last].y1 > 0.6 * d->pitch &&
				     /* OCR's boxes, tight round capitals,
				      * leave wider gaps: a line's distance */
				     !(c->conf < 1 && c->size > 0 &&
				       d->r[j].y0 - d->r[last].y0 <= 1.5 * c->size)) ||
				    !(u = cell_at(d, j, c->x0)) ||
				    (u->lab >= 0 && c->lab >= 0 && own_value(d, i, c, j, u) &&
				     !wrapped_pair(d, t, c, u)) ||
				    (u->lab >= 0 && (u->bold != c->bold ||
						     !same_size(u, c->size))))
					break;
				n = x_norm(u->t);
				joined = cc_xasprintf("%s %s", t, n);
				free(n);
				/* a line cut at a label when it was loaded
				 * ("BALANCE" "EVER"): its rest too, when that
				 * makes a label or the start of one */
				if (rest_of(d, j, u)) {
					char *n2 = x_norm(u[1].t);
					char *j2 = cc_xasprintf("%s %s", joined, n2);

					free(n2);
					if (label_norm(d->L, j2, 0) >= 0 ||
					    label_norm(d->L, j2, 1) >= 0) {
						free(joined);
						joined = j2;
						u[1].dead = 1;
					} else {
						free(j2);
					}
				}
				free(t);
				t = joined;
				under[m] = u;
				last = j;
				/* the longest label the lines make */
				if ((k2 = label_norm(d->L, t, 0)) >= 0) {
					lab = k2;
					used = m + 1;
				}
				if (label_norm(d->L, t, 1) < 0)
					break;
			}
			free(t);
			if (lab < 0)
				continue;
			c->lab = lab;
			if (cut)
				c[1].dead = 1;
			for (j = 0; j < used; j++)
				under[j]->dead = 1;
		}
	}
}

/* --- inquiries ------------------------------------------------------------ */

/* The length of the date that the first one to three words of t make
 * (the longest), its ISO form in iso; 0 for none. */
static size_t date_words(const char *t, char iso[11])
{
	size_t n = 0, best = 0, w;
	char buf[64], tmp[11];

	for (w = 0; w < 3; w++) {
		while (t[n] == ' ')
			n++;
		while (t[n] && t[n] != ' ')
			n++;
		if (n >= sizeof(buf))
			break;
		memcpy(buf, t, n);
		buf[n] = '\0';
		if (cc_norm_date(buf, tmp) == 0) {
			best = n;
			memcpy(iso, tmp, 11);
		}
		if (!t[n])
			break;
	}
	return best;
}

/* Row i's text but for labels, dates and bureaus' names, into b; its
 * date into *date and its bureau into *bureau when it has them. */
static void inquiry_cells(struct xdoc *d, size_t i, struct cc_buf *b,
			  const char **date, const char **bureau, char iso_out[11])
{
	const struct xrow *r = &d->r[i];
	char iso[11];
	const char *p;
	size_t k, n;

	for (k = 0; k < r->n; k++) {
		const struct xcell *c = CELL(d, r, k);

		if (c->dead || c->lab >= 0)
			continue;
		if (cc_norm_date(c->t, iso) == 0) {
			if (!*date)
				*date = c->t;
			continue;
		}
		/* "03/04/2025 by DELTA BANK": a date, then the creditor */
		if (!*date && (n = date_words(c->t, iso)) > 0) {
			*date = iso_out;
			memcpy(iso_out, iso, 11);
			p = c->t + n;
			while (*p == ' ')
				p++;
			if (!strncasecmp(p, "by ", 3))
				p += 3;
			/* or the bureau's name, run into the date ("December
			 * 3, 2024 Equifax") */
			if (*p && x_bureau_named(p)) {
				*bureau = p;
				continue;
			}
			if (*p) {
				if (b->len)
					cc_buf_adds(b, " ");
				cc_buf_adds(b, p);
			}
			continue;
		}
		/* a bureau's name, or its code in a column of its own
		 * ("TU", "EQ": the lenders' tables) */
		if (x_bureau_named(c->t) ||
		    (strlen(c->t) == 2 && isupper((unsigned char)c->t[0]) &&
		     X_LOOKUP(d->L, bureaus, c->t))) {
			*bureau = c->t;
			continue;
		}
		if (b->len)
			cc_buf_adds(b, " ");
		cc_buf_adds(b, c->t);
	}
}

void x_generic_inquiry(struct xdoc *d, size_t i, struct xinqcols *ic)
{
	const struct xrow *r = &d->r[i];
	char iso[11], iso2[11];
	struct cc_buf cred = { 0 };
	const char *date = NULL, *bureau = NULL;

	inquiry_cells(d, i, &cred, &date, &bureau, iso);
	if (!date) {
		/* a creditor alone: its date comes under it */
		if (cred.len && x_alnums(cred.s) >= 2) {
			ic->pend = i;
			ic->has_pend = 1;
		}
		cc_buf_release(&cred);
		return;
	}
	if (!cred.len && ic->has_pend) {
		const char *d2 = NULL, *b2 = NULL;

		inquiry_cells(d, ic->pend, &cred, &d2, &b2, iso2);
		if (!bureau)
			bureau = b2;
	}
	ic->has_pend = 0;
	if (!cred.len || x_alnums(cred.s) < 2) {
		cc_buf_release(&cred);
		return;
	}
	x_add_inquiry(d, r, cc_buf_detach(&cred), date,
		      bureau ? cc_xstrdup(bureau) : NULL);
}

/* --- the reader --------------------------------------------------------- */

/* The reader's state: accounts, and public records, read alike. */
struct gread {
	struct gstate acc, pub;
};

static void init_state(struct gstate *g, int group, struct xacct **arr,
		       size_t *narr, double body)
{
	g->group = group;
	g->arr = arr;
	g->narr = narr;
	g->first_field = XF_NONE;
	g->body = body;
}

static void *generic_begin(struct xdoc *d)
{
	struct gread *G = cc_xcalloc(1, sizeof(*G));
	double body = body_size(d);

	d->body = body;
	init_state(&G->acc, XG_ACCOUNT, &d->acct, &d->nacct, body);
	init_state(&G->pub, XG_PUBLIC, &d->pub, &d->npub, body);
	join_labels(d);
	return G;
}

static void end_accounts(struct gstate *g)
{
	g->nbcol = 0;
	g->have = 0;
	g->ncol = 0;
	g->npending = 0;
	g->first_field = XF_NONE;
}

static void generic_section(void *st, struct xdoc *d, size_t i, int prev,
			    int k, const char *type)
{
	struct gread *G = st;

	(void)k;
	(void)prev;
	x_table_end(d, &G->acc.tab);
	x_table_end(d, &G->pub.tab);
	end_accounts(&G->acc);
	end_accounts(&G->pub);
	G->acc.sect_type = type;
	G->acc.last_row = i;
	G->pub.last_row = i;
}

/* Whether row i holds a label of the consumer's. */
static int consumer_row(const struct xdoc *d, size_t i)
{
	const struct xrow *r = &d->r[i];
	size_t k;

	for (k = 0; k < r->n; k++)
		if (x_cell_field(d, CELL(d, r, k), XG_CONSUMER) != XF_NONE)
			return 1;
	return 0;
}

/*
 * Row i is "CURRENT: address" or "PREVIOUS: address", as lenders print
 * an applicant's addresses under the name: the word alone is no label
 * of the vocabulary (a status says "Current"), so only here, outside
 * the accounts, with a colon, before an address (a digit and a comma).
 * Read into the consumer's address or previous address.
 */
static int address_row(struct xdoc *d, size_t i)
{
	static const struct { const char *w; int f; } words[] = {
		{ "current:", XC_ADDRESS }, { "present:", XC_ADDRESS },
		{ "previous:", XC_PREV_ADDRESS }, { "former:", XC_PREV_ADDRESS },
		{ "prior:", XC_PREV_ADDRESS },
	};
	const struct xrow *r = &d->r[i];
	struct xacct *a;
	char *v;
	double conf;
	size_t k;
	int f = XF_NONE;

	if (r->n < 2)
		return 0;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (!strcasecmp(CELL(d, r, 0)->t, words[k].w))
			f = words[k].f;
	if (f == XF_NONE)
		return 0;
	v = x_join_cells(d, r, 1, &conf);
	if (!strchr(v, ',') || !strpbrk(v, "0123456789")) {
		free(v);
		return 0;
	}
	a = x_consumer_field(d, NULL, &f);
	x_acct_set(a, f, v, conf, 0);
	free(v);
	return 1;
}

/*
 * Before any heading and in the consumer's section, a row of the
 * consumer's labels is the consumer's, and so is what wraps under it;
 * the rest, and every row of an accounts section, is read as accounts.
 */
static size_t generic_read(void *st, struct xdoc *d, size_t i, int k)
{
	struct gstate *g = &((struct gread *)st)->acc;
	size_t n;

	/* a layout of the generic style names its consumer's labels: the
	 * rows outside the accounts are read as the layouts' are */
	if (k != XK_ACCOUNTS && !d->unknown)
		return x_consumer_rows(d, i, k == XK_CONSUMER);
	if (k != XK_ACCOUNTS) {
		/* what wraps under the consumer's pairs, or an account's
		 * ("Original creditor" "name") */
		if (g->ncol && g->col[0].group == XG_CONSUMER && continuation(d, g, i))
			return i + 1;
		if (consumer_row(d, i)) {
			if (g->have && g->ncol && continuation(d, g, i))
				return i + 1;
			if ((n = consumer_pairs(d, g, i)) > 0)
				return i + n;
			g->ncol = 0;
			return x_consumer_rows(d, i, k == XK_CONSUMER);
		}
		if (address_row(d, i))
			return i + 1;
		/* in the consumer's section, a row of no label of its own
		 * may begin the accounts under a heading no vocabulary
		 * knows: it is read as accounts are (and is nothing when no
		 * account's pairs follow it) */
	}
	return account_row(d, g, i);
}

/* A row of the public records' section: read as accounts are. */
static size_t generic_public(void *st, struct xdoc *d, size_t i)
{
	return account_row(d, &((struct gread *)st)->pub, i);
}

static void generic_finish(void *st, struct xdoc *d, int k)
{
	struct gread *G = st;
	size_t i;

	(void)k;
	x_table_end(d, &G->acc.tab);
	x_table_end(d, &G->pub.tab);
	for (i = 0; i < d->nacct; i++)
		settle(d, &d->acct[i]);
	for (i = 0; i < d->npub; i++)
		settle_heading(&d->pub[i]);
	for (i = 0; i < d->nc && !d->prints_dofd; i++)
		d->prints_dofd = !d->c[i].dead &&
				 x_cell_field(d, &d->c[i], XG_ACCOUNT) == XF_DOFD;
	free(G->acc.pending);
	free(G->pub.pending);
	free(G);
}

const struct xreader x_read_generic = {
	.style = XS_GENERIC,
	.begin = generic_begin,
	.section = generic_section,
	.row = generic_read,
	.public_row = generic_public,
	.end = generic_finish,
};
