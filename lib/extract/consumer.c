/*
 * consumer.c -- the consumer's name, addresses, SSN, birth year and the
 * report's number and date, from label/value rows or from labels inside
 * a line ("FILE #: 8408-740513 DATE: 1/15/2026"), as the three bureaus'
 * own reports and the lender's print them.  merged3's consumers are its
 * columns' (read_columns.c).
 */
#include "base/cc.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>

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

/* The consumer that bureau reports (NULL: the report's own), new when
 * there is none yet; there are three at most. */
struct xcons *x_consumer_for(struct xdoc *d, const char *bureau)
{
	int who = d->applicant == 2 ? 2 : 1;
	size_t i;

	for (i = 0; i < d->ncons; i++)
		if (((!bureau && !d->cons[i].bureau) ||
		     (bureau && d->cons[i].bureau && !strcmp(bureau, d->cons[i].bureau))) &&
		    (d->cons[i].applicant == 2 ? 2 : 1) == who)
			return &d->cons[i];
	if (d->ncons == 3)
		return &d->cons[0];
	memset(&d->cons[d->ncons], 0, sizeof(d->cons[0]));
	d->cons[d->ncons].a.group_index = -1;
	d->cons[d->ncons].bureau = bureau;
	d->cons[d->ncons].applicant = who;
	return &d->cons[d->ncons++];
}

struct xacct *x_consumer_field(struct xdoc *d, const char *bureau, int *f)
{
	/* "CO-APPLICANT: NAME": the co-applicant's name, and the pairs
	 * after it are the co-applicant's */
	if (*f == XC_CO_NAME) {
		d->applicant = 2;
		*f = XC_NAME;
	}
	return &x_consumer_for(d, bureau)->a;
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

/*
 * Set field f of consumer a from value v, which may run on into a label
 * of the consumer's and its value, no colon between ("5922-715779 DATE
 * COMPLETED 01/15/2026 REPOSITORIES USED XP/TU/EF"): v is cut before a
 * label of two words or more, and the word after it, when it is of the
 * label's type, is that label's field.
 */
void x_consumer_value(struct xdoc *d, struct xacct *a, int f, const char *v,
		      double conf)
{
	const struct xlayout *L = d->L;
	char *copy = cc_xstrdup(v), *cut = NULL;
	int g = XF_NONE;
	size_t i, n;

	for (i = 0; i < L->nlab; i++) {
		const struct xlabel *b = &L->lab[i];
		const char *p;

		if (b->group != XG_CONSUMER || !strchr(b->norm, ' ') || b->field == f)
			continue;
		n = strlen(b->norm);
		for (p = strcasestr(copy, b->norm); p; p = strcasestr(p + 1, b->norm))
			if (p > copy && p[-1] == ' ' && (p[n] == ' ' || p[n] == ':') &&
			    (!cut || p < cut)) {
				cut = (char *)p;
				g = b->field;
				break;
			}
	}
	if (cut) {
		const struct xlabel *b = NULL;
		char *rest, *w, *e;

		for (i = 0; i < L->nlab; i++)
			if (L->lab[i].group == XG_CONSUMER && L->lab[i].field == g &&
			    !strncasecmp(cut, L->lab[i].norm, strlen(L->lab[i].norm)) &&
			    (!b || strlen(L->lab[i].norm) > strlen(b->norm)))
				b = &L->lab[i];
		rest = cut + (b ? strlen(b->norm) : 0);
		while (*rest == ' ' || *rest == ':')
			rest++;
		w = cc_xstrdup(rest);
		if ((e = strchr(w, ' ')) != NULL)
			*e = '\0';
		if (b && *w && x_value_fits(b->type, w))
			x_acct_set(a, g, w, conf, 0);
		free(w);
		while (cut > copy && cut[-1] == ' ')
			cut--;
		*cut = '\0';
	}
	/* OCR's line that kept a running head's number and name one
	 * ("9158-865162 DOEMAN, JAMES E"): the number is its first word,
	 * of four digits at least, when no digit follows */
	if (f == XC_REPORT_NUMBER && conf < 1) {
		size_t w0 = strcspn(copy, " "), dg = 0;

		for (i = 0; i < w0; i++)
			dg += isdigit((unsigned char)copy[i]) != 0;
		if (copy[w0] && dg >= 4 && !strpbrk(copy + w0, "0123456789"))
			copy[w0] = '\0';
	}
	x_acct_set(a, f, copy, conf, 0);
	free(copy);
}

/* below: the row under r that holds the value of r's label, or NULL */
static void consumer_row(struct xdoc *d, const struct xrow *r, const struct xrow *below,
			 int in_section)
{
	struct xacct *a;
	int f = x_cell_field(d, CELL(d, r, 0), XG_CONSUMER);
	size_t k = 1;

	a = x_consumer_field(d, d->L->bureau && strcmp(d->L->bureau, "columns") ?
			     d->L->bureau : NULL, &f);
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

/*
 * Read row i of the consumer's section, or of the rows before the first
 * heading (in_section 0: their box is not the consumer's), with the row
 * under it when that holds its label's value; returns the row after.
 */
size_t x_consumer_rows(struct xdoc *d, size_t i, int in_section)
{
	if (x_stacked_value(d, i, XG_CONSUMER, NULL)) {
		consumer_row(d, &d->r[i], &d->r[i + 1], in_section);
		return i + 2;
	}
	consumer_row(d, &d->r[i], NULL, in_section);
	return i + 1;
}
