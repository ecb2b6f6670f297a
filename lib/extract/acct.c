/*
 * acct.c -- an account, a public record or a consumer as it is read: its
 * fields set and extended, its box and confidence grown.
 */
#include "base/cc.h"
#include "extract/reader.h"

void x_acct_box(struct xacct *a, const struct xrow *r)
{
	if (!a->page) {
		a->page = r->page;
		a->bb[0] = 1e9;
		a->bb[1] = 1e9;
		a->bb[2] = -1e9;
		a->bb[3] = -1e9;
	}
	if (r->page != a->page)
		return;
	if (r->y0 < a->bb[1])
		a->bb[1] = r->y0;
	if (r->y1 > a->bb[3])
		a->bb[3] = r->y1;
}

void x_acct_cell(struct xacct *a, const struct xcell *c)
{
	if (c->page == a->page) {
		if (c->x0 < a->bb[0])
			a->bb[0] = c->x0;
		if (c->x1 > a->bb[2])
			a->bb[2] = c->x1;
	}
	a->conf_sum += c->conf;
	a->conf_n++;
}

void x_buf_wrap(struct cc_buf *b, const char *t)
{
	if (b->len && !(b->len >= 2 && (b->s[b->len - 1] == '/' ||
				       b->s[b->len - 1] == '-') &&
			b->s[b->len - 2] != ' '))
		cc_buf_adds(b, " ");
	cc_buf_adds(b, t);
}

/* Add sep and t to the end of field f of a, which holds text: in place,
 * the room doubled when it runs out, so that a value wrapped over many
 * lines costs no more than their length. */
void x_acct_cat(struct xacct *a, int f, const char *sep, const char *t)
{
	size_t ns = strlen(sep), nt = strlen(t), need = a->flen[f] + ns + nt + 1;

	if (need > a->fcap[f]) {
		size_t cap = a->fcap[f] * 2;

		if (cap < need)
			cap = need;
		a->f[f] = cc_xrealloc(a->f[f], cap);
		a->fcap[f] = cap;
	}
	memcpy(a->f[f] + a->flen[f], sep, ns);
	memcpy(a->f[f] + a->flen[f] + ns, t, nt + 1);
	a->flen[f] += ns + nt;
}

/*
 * Set (or, with append, extend) field f of a with text t read at conf.
 * A line wrapped onto the next is joined with a space, but not after a
 * '/' or '-' that ends a word ("CITIBANK NA/" "THE HOME DEPOT").
 */
void x_acct_set(struct xacct *a, int f, const char *t, double conf, int append)
{
	if (f < 0 || f >= XF_COUNT || !t || !*t)
		return;
	if (a->f[f] && append) {
		const char *v = a->f[f];
		size_t n = a->flen[f];
		int tight = n >= 2 && (v[n - 1] == '/' || v[n - 1] == '-') && v[n - 2] != ' ';

		x_acct_cat(a, f, tight ? "" : " ", t);
	} else if (!a->f[f]) {
		a->f[f] = cc_xstrdup(t);
		a->flen[f] = strlen(t);
		a->fcap[f] = a->flen[f] + 1;
		a->fconf[f] = 1;
	} else {
		return;
	}
	if (conf < a->fconf[f])
		a->fconf[f] = conf;
}

struct xacct *x_new_acct(struct xacct **v, size_t *n)
{
	struct xacct *a;

	*v = x_grow(*v, *n, sizeof(**v));
	a = &(*v)[(*n)++];
	memset(a, 0, sizeof(*a));
	a->group_index = -1;
	return a;
}

int x_text_field(int f)
{
	return f == XF_STATUS || f == XF_REMARKS || f == XF_CREDITOR ||
	       f == XF_ORIGINAL_CREDITOR || f == XC_ADDRESS || f == XC_NAME ||
	       f == XC_PREV_ADDRESS || f == XP_TYPE;
}
