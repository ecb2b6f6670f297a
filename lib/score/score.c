/*
 * score.c -- extracted records against the truth (see score.h and
 * cc-score(1)).
 *
 * Both sides are kept in a compact form, not as jansson trees: for each
 * tradeline the matching keys and the canonical JSON text of every
 * scored field, so that a corpus of many thousand reports fits in
 * memory and a field compares with strcmp().
 */
#include "base/cc.h"
#include "record/record.h"
#include "score/score.h"
#include "model/date.h"
#include "model/model.h"

#include <math.h>
#include <stddef.h>

const char *const cc_score_fields[CC_SCORE_NFIELDS] = {
	"creditor", "account_mask", "account_last4", "type", "loan_type",
	"responsibility", "applicants", "opened", "closed", "reported",
	"last_payment", "dofd", "balance", "limit", "high_balance", "payment",
	"past_due", "charge_off_amount", "original_creditor", "status",
	"status_code", "history", "remarks", "negative", "reasons",
	"removal_date",
};
enum { F_CREDITOR = 0, F_MASK = 1 };

const char *const cc_score_consumer_fields[CC_SCORE_NCFIELDS] = {
	"name", "addresses", "ssn_last4", "birth_year", "report_date",
	"report_number",
};
enum { C_NAME = 0 };

struct tl {
	char *bureau;          /* canonical JSON of "bureau" */
	char *cred;            /* normalised creditor, NULL when not a string */
	char *mask;            /* normalised account mask, NULL likewise */
	char *id;              /* canonical JSON of "id" */
	char *f[CC_SCORE_NFIELDS];   /* canonical JSON of each scored field */
	int negative;          /* "negative" is true */
	long pair;             /* index on the other side, -1 */
};

struct evt {                   /* an inquiry or a public record */
	char *key;             /* bureau, name, date: what must be equal */
	json_t *show;          /* the key fields as read, for the misses */
	long pair;
};

struct con {                   /* a consumer */
	char *key;             /* bureau and applicant: what must be equal */
	char *bureau;          /* canonical JSON of "bureau" */
	char *applicant;       /* canonical JSON of "applicant" */
	char *f[CC_SCORE_NCFIELDS];  /* canonical JSON of each scored field */
	long pair;
};

struct tlvec { struct tl *v; size_t n, alloc; };
struct evtvec { struct evt *v; size_t n, alloc; };
struct convec { struct con *v; size_t n, alloc; };

struct doc {
	char *doc;
	char *layout;          /* from the truth, NULL when it gave none */
	int layout_from_report;
	int in_truth, in_extracted;
	struct convec tc, ec;          /* consumers: truth, extracted */
	struct tlvec tt, et;           /* tradelines: truth, extracted */
	struct evtvec ti, ei;          /* inquiries */
	struct evtvec tp, ep;          /* public records */
};

struct lsum {
	char *name;
	int rank;              /* enum cc_layout, or CC_LAYOUT_COUNT */
	struct cc_score_sum sum;
};

struct cc_score {
	struct cc_score_opts opts;
	json_t *index;         /* doc -> position in docs */
	struct doc **docs;
	size_t ndocs, adocs;
	int usable;
	int computed;
	struct lsum *layouts;
	size_t nlayouts, alayouts;
	struct cc_score_sum all;
	long unknown_docs;
};

/* --- canonical values ----------------------------------------------------- */

/* A copy of v in which every integral real is an integer. */
static json_t *canon(json_t *v)
{
	json_t *c, *x;
	const char *k;
	size_t i;
	double d;

	if (!v)
		return json_null();
	switch (json_typeof(v)) {
	case JSON_REAL:
		d = json_real_value(v);
		if (isfinite(d) && d == floor(d) && fabs(d) < 9007199254740992.0)
			return json_integer((json_int_t)d);
		return json_real(d);
	case JSON_ARRAY:
		c = json_array();
		json_array_foreach(v, i, x)
			json_array_append_new(c, canon(x));
		return c;
	case JSON_OBJECT:
		c = json_object();
		json_object_foreach(v, k, x)
			json_object_set_new(c, k, canon(x));
		return c;
	default:
		return json_incref(v);
	}
}

/*
 * The canonical text of a value (NULL: missing, as null): compact, keys
 * sorted, numbers by value, so that equal JSON values give equal text.
 */
static char *canon_text(json_t *v)
{
	json_t *c = canon(v);
	char *s = json_dumps(c, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY |
			     JSON_REAL_PRECISION(17));
	char *r;

	json_decref(c);
	r = cc_xstrdup(s ? s : "null");
	free(s);
	return r;
}

static json_t *uncanon(const char *s)
{
	json_t *v = json_loads(s, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

	return v ? v : json_null();
}

/* --- names and masks ----------------------------------------------------- */

/* ASCII blanks and punctuation, whatever the locale. */
static int is_sep(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v' || (c >= 33 && c <= 47) || (c >= 58 && c <= 64) ||
	       (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

char *cc_score_norm_name(const char *s)
{
	struct cc_buf b = { 0 };
	int gap = 0;

	if (!s)
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (is_sep(c)) {
			gap = 1;
			continue;
		}
		if (gap && b.len)
			cc_buf_add(&b, " ", 1);
		gap = 0;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		cc_buf_add(&b, (const char *)&c, 1);
	}
	return cc_buf_detach(&b);
}

/* Upper case, X for '*', without blanks and hyphens. */
static char *norm_mask(const char *s)
{
	struct cc_buf b = { 0 };

	if (!s)
		return NULL;
	for (; *s; s++) {
		char c = *s;

		if (c == ' ' || c == '\t' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == '*')
			c = 'X';
		cc_buf_add(&b, &c, 1);
	}
	return cc_buf_detach(&b);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Both normalised: equal, or agreeing from the right with a digit in common. */
static int masks_compatible(const char *a, const char *b)
{
	size_t la, lb, i;
	int common = 0;

	if (!a || !b)
		return !a && !b;
	if (strcmp(a, b) == 0)
		return 1;
	la = strlen(a);
	lb = strlen(b);
	for (i = 1; i <= la && i <= lb; i++) {
		char x = a[la - i], y = b[lb - i];

		if (x == 'X' || y == 'X')
			continue;
		if (x != y)
			return 0;
		if (is_digit(x))
			common = 1;
	}
	return common;
}

int cc_score_mask_compatible(const char *a, const char *b)
{
	char *na = norm_mask(a), *nb = norm_mask(b);
	int r = masks_compatible(na, nb);

	free(na);
	free(nb);
	return r;
}

/* --- reading ------------------------------------------------------------- */

static const char *str_field(json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static struct doc *lookup_doc(struct cc_score *s, const char *id)
{
	json_t *i = json_object_get(s->index, id);
	struct doc *d;

	if (i)
		return s->docs[json_integer_value(i)];
	d = cc_xcalloc(1, sizeof(*d));
	d->doc = cc_xstrdup(id);
	CC_GROW(s->docs, s->adocs, s->ndocs + 1);
	json_object_set_new(s->index, id, json_integer((json_int_t)s->ndocs));
	s->docs[s->ndocs++] = d;
	return d;
}

static void add_tl(struct tlvec *v, json_t *rec)
{
	struct tl *t;
	int i;

	CC_GROW(v->v, v->alloc, v->n + 1);
	t = &v->v[v->n++];
	t->bureau = canon_text(json_object_get(rec, "bureau"));
	t->cred = cc_score_norm_name(str_field(rec, "creditor"));
	t->mask = norm_mask(str_field(rec, "account_mask"));
	t->id = canon_text(json_object_get(rec, "id"));
	for (i = 0; i < CC_SCORE_NFIELDS; i++)
		t->f[i] = canon_text(json_object_get(rec, cc_score_fields[i]));
	t->negative = json_is_true(json_object_get(rec, "negative"));
	t->pair = -1;
}

/* A consumer: applicant n of a document as one bureau knows them. */
static void add_con(struct convec *v, json_t *rec)
{
	struct con *c;
	int i;

	CC_GROW(v->v, v->alloc, v->n + 1);
	c = &v->v[v->n++];
	c->bureau = canon_text(json_object_get(rec, "bureau"));
	c->applicant = canon_text(json_object_get(rec, "applicant"));
	c->key = cc_xasprintf("%s\n%s", c->bureau, c->applicant);
	for (i = 0; i < CC_SCORE_NCFIELDS; i++)
		c->f[i] = canon_text(json_object_get(rec, cc_score_consumer_fields[i]));
	c->pair = -1;
}

/*
 * Inquiries match on bureau, creditor and date; public records on
 * bureau, type, reference and filing date.  Names as normalised names.
 */
static void add_evt(struct evtvec *v, json_t *rec, int inquiry)
{
	static const char *const inq_keys[] = { "creditor", "date", NULL };
	static const char *const pub_keys[] = { "type", "reference", "filed", NULL };
	const char *const *keys = inquiry ? inq_keys : pub_keys;
	struct cc_buf b = { 0 };
	struct evt *e;
	char *t;
	int i;

	CC_GROW(v->v, v->alloc, v->n + 1);
	e = &v->v[v->n++];
	e->show = json_object();
	t = canon_text(json_object_get(rec, "bureau"));
	cc_buf_adds(&b, t);
	free(t);
	for (i = 0; keys[i]; i++) {
		json_t *x = json_object_get(rec, keys[i]);

		json_object_set_new(e->show, keys[i], x ? json_deep_copy(x) : json_null());
		cc_buf_add(&b, "\n", 1);
		if (json_is_string(x) && strcmp(keys[i], "date") != 0 &&
		    strcmp(keys[i], "filed") != 0) {
			t = cc_score_norm_name(json_string_value(x));
			cc_buf_add(&b, "\"", 1);
		} else {
			t = canon_text(x);
		}
		cc_buf_adds(&b, t);
		free(t);
	}
	e->key = cc_buf_detach(&b);
	e->pair = -1;
}

void cc_score_add_truth(struct cc_score *s, json_t *rec)
{
	const char *id = str_field(rec, "doc");
	const char *kind = str_field(rec, "kind"), *layout;
	struct doc *d;

	if (!id || !kind)
		return;
	d = lookup_doc(s, id);
	d->in_truth = 1;
	layout = str_field(rec, "layout");
	if (strcmp(kind, "synth_report") == 0) {
		s->usable = 1;
		if (layout && !d->layout_from_report) {
			free(d->layout);
			d->layout = cc_xstrdup(layout);
			d->layout_from_report = 1;
		}
		return;
	}
	if (layout && !d->layout)
		d->layout = cc_xstrdup(layout);
	if (strcmp(kind, "tradeline") == 0) {
		s->usable = 1;
		add_tl(&d->tt, rec);
	} else if (strcmp(kind, "consumer") == 0) {
		add_con(&d->tc, rec);
	} else if (strcmp(kind, "inquiry") == 0) {
		add_evt(&d->ti, rec, 1);
	} else if (strcmp(kind, "public_record") == 0) {
		add_evt(&d->tp, rec, 0);
	}
}

void cc_score_add_extracted(struct cc_score *s, json_t *rec)
{
	const char *id = str_field(rec, "doc");
	const char *kind = str_field(rec, "kind");
	struct doc *d;

	if (!id || !kind)
		return;
	d = lookup_doc(s, id);
	d->in_extracted = 1;
	if (strcmp(kind, "tradeline") == 0)
		add_tl(&d->et, rec);
	else if (strcmp(kind, "consumer") == 0)
		add_con(&d->ec, rec);
	else if (strcmp(kind, "inquiry") == 0)
		add_evt(&d->ei, rec, 1);
	else if (strcmp(kind, "public_record") == 0)
		add_evt(&d->ep, rec, 0);
}

int cc_score_truth_usable(const struct cc_score *s)
{
	return s->usable;
}

/* --- set up and tear down ------------------------------------------------ */

struct cc_score *cc_score_new(const struct cc_score_opts *o)
{
	struct cc_score *s = cc_xcalloc(1, sizeof(*s));

	if (o)
		s->opts = *o;
	s->index = json_object();
	return s;
}

static void tlvec_release(struct tlvec *v)
{
	size_t i;
	int k;

	for (i = 0; i < v->n; i++) {
		free(v->v[i].bureau);
		free(v->v[i].cred);
		free(v->v[i].mask);
		free(v->v[i].id);
		for (k = 0; k < CC_SCORE_NFIELDS; k++)
			free(v->v[i].f[k]);
	}
	free(v->v);
}

static void convec_release(struct convec *v)
{
	size_t i;
	int k;

	for (i = 0; i < v->n; i++) {
		free(v->v[i].key);
		free(v->v[i].bureau);
		free(v->v[i].applicant);
		for (k = 0; k < CC_SCORE_NCFIELDS; k++)
			free(v->v[i].f[k]);
	}
	free(v->v);
}

static void evtvec_release(struct evtvec *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->v[i].key);
		json_decref(v->v[i].show);
	}
	free(v->v);
}

void cc_score_free(struct cc_score *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->ndocs; i++) {
		struct doc *d = s->docs[i];

		convec_release(&d->tc);
		convec_release(&d->ec);
		tlvec_release(&d->tt);
		tlvec_release(&d->et);
		evtvec_release(&d->ti);
		evtvec_release(&d->ei);
		evtvec_release(&d->tp);
		evtvec_release(&d->ep);
		free(d->layout);
		free(d->doc);
		free(d);
	}
	for (i = 0; i < s->nlayouts; i++)
		free(s->layouts[i].name);
	free(s->layouts);
	free(s->docs);
	json_decref(s->index);
	free(s);
}

/* --- pairing ------------------------------------------------------------- */

struct cand {
	size_t t, e;
	int agree;
};

static int agreement(const struct tl *a, const struct tl *b)
{
	int i, n = 0;

	for (i = 0; i < CC_SCORE_NFIELDS; i++)
		n += strcmp(a->f[i], b->f[i]) == 0;
	return n;
}

static int same(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

static int cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->agree != b->agree)
		return b->agree - a->agree;
	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return a->e < b->e ? -1 : a->e > b->e;
}

/* Kuhn's augmenting path from truth t over the candidates (sorted by t). */
static int augment(struct tlvec *tt, struct tlvec *et, const struct cand *c,
		   const size_t *first, size_t t, unsigned char *seen)
{
	size_t k;

	for (k = first[t]; k < first[t + 1]; k++) {
		size_t e = c[k].e;

		if (seen[e])
			continue;
		seen[e] = 1;
		if (et->v[e].pair < 0 ||
		    augment(tt, et, c, first, (size_t)et->v[e].pair, seen)) {
			tt->v[t].pair = (long)e;
			et->v[e].pair = (long)t;
			return 1;
		}
	}
	return 0;
}

static int by_truth(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return cand_cmp(pa, pb);
}

/*
 * Pair the tradelines of one document.  Candidates are the pairs with
 * the same bureau and creditor and compatible masks.  First greedily,
 * the pairs that agree on the most scored fields first (ties: the
 * earlier truth, then the earlier extracted tradeline); then, so that no
 * pairing is missed for want of a better choice, augmenting paths until
 * as many tradelines as possible are paired.
 */
static void pair_tradelines(struct doc *d)
{
	struct tlvec *tt = &d->tt, *et = &d->et;
	struct cand *c = NULL;
	size_t nc = 0, ac = 0, i, j, *first;
	unsigned char *seen;

	for (i = 0; i < tt->n; i++)
		for (j = 0; j < et->n; j++) {
			const struct tl *a = &tt->v[i], *b = &et->v[j];

			if (strcmp(a->bureau, b->bureau) != 0 ||
			    !same(a->cred, b->cred) ||
			    !masks_compatible(a->mask, b->mask))
				continue;
			CC_GROW(c, ac, nc + 1);
			c[nc].t = i;
			c[nc].e = j;
			c[nc].agree = agreement(a, b);
			nc++;
		}
	if (!nc)
		return;
	qsort(c, nc, sizeof(*c), cand_cmp);
	for (i = 0; i < nc; i++)
		if (tt->v[c[i].t].pair < 0 && et->v[c[i].e].pair < 0) {
			tt->v[c[i].t].pair = (long)c[i].e;
			et->v[c[i].e].pair = (long)c[i].t;
		}
	qsort(c, nc, sizeof(*c), by_truth);
	first = cc_xcalloc(tt->n + 1, sizeof(*first));
	for (i = 0, j = 0; i <= tt->n; i++) {
		while (j < nc && c[j].t < i)
			j++;
		first[i] = j;
	}
	seen = cc_xmalloc(et->n);
	for (i = 0; i < tt->n; i++) {
		if (tt->v[i].pair >= 0 || first[i] == first[i + 1])
			continue;
		memset(seen, 0, et->n);
		augment(tt, et, c, first, i, seen);
	}
	free(seen);
	free(first);
	free(c);
}

/*
 * Equal keys, one to one, in order: records of tn truth and en
 * extracted ones, each of size bytes, its key and pair at offsets koff
 * and poff (inquiries and public records, struct evt; consumers, the
 * same bureau and applicant, struct con).
 */
static long pair_keyed(void *tv, size_t tn, void *ev, size_t en, size_t size,
		       size_t koff, size_t poff)
{
	char *t = tv, *e = ev;
	size_t i, j;
	long n = 0;

#define KEY(b, k) (*(char **)((b) + (k) * size + koff))
#define PAIR(b, k) (*(long *)((b) + (k) * size + poff))
	for (i = 0; i < tn; i++)
		for (j = 0; j < en; j++)
			if (PAIR(e, j) < 0 && strcmp(KEY(t, i), KEY(e, j)) == 0) {
				PAIR(t, i) = (long)j;
				PAIR(e, j) = (long)i;
				n++;
				break;
			}
#undef KEY
#undef PAIR
	return n;
}

static long pair_events(struct evtvec *t, struct evtvec *e)
{
	return pair_keyed(t->v, t->n, e->v, e->n, sizeof(*t->v),
			  offsetof(struct evt, key), offsetof(struct evt, pair));
}

static long pair_consumers(struct convec *t, struct convec *e)
{
	return pair_keyed(t->v, t->n, e->v, e->n, sizeof(*t->v),
			  offsetof(struct con, key), offsetof(struct con, pair));
}

static int scored(const struct cc_score *s, const struct doc *d)
{
	return d->in_truth && (d->in_extracted || s->opts.all);
}

static const char *doc_layout(const struct doc *d)
{
	return d->layout ? d->layout : "unknown";
}

static struct cc_score_sum *layout_sum(struct cc_score *s, const char *name)
{
	struct lsum *l;
	size_t i;
	int r;

	for (i = 0; i < s->nlayouts; i++)
		if (strcmp(s->layouts[i].name, name) == 0)
			return &s->layouts[i].sum;
	CC_GROW(s->layouts, s->alayouts, s->nlayouts + 1);
	l = &s->layouts[s->nlayouts++];
	memset(l, 0, sizeof(*l));
	l->name = cc_xstrdup(name);
	r = cc_layout_from_name(name);
	l->rank = r >= 0 ? r : CC_LAYOUT_COUNT;
	return &l->sum;
}

static int lsum_cmp(const void *pa, const void *pb)
{
	const struct lsum *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank - b->rank;
	return strcmp(a->name, b->name);
}

static void add_sum(struct cc_score_sum *to, const struct cc_score_sum *x)
{
	int i;

	to->docs += x->docs;
	to->tl_truth += x->tl_truth;
	to->tl_extracted += x->tl_extracted;
	to->tl_matched += x->tl_matched;
	for (i = 0; i < CC_SCORE_NFIELDS; i++)
		to->field_correct[i] += x->field_correct[i];
	to->neg_truth += x->neg_truth;
	to->neg_extracted += x->neg_extracted;
	to->neg_tp += x->neg_tp;
	to->neg_missed += x->neg_missed;
	to->inq_truth += x->inq_truth;
	to->inq_extracted += x->inq_extracted;
	to->inq_matched += x->inq_matched;
	to->pub_truth += x->pub_truth;
	to->pub_extracted += x->pub_extracted;
	to->pub_matched += x->pub_matched;
	to->con_truth += x->con_truth;
	to->con_extracted += x->con_extracted;
	to->con_matched += x->con_matched;
	for (i = 0; i < CC_SCORE_NCFIELDS; i++)
		to->con_field_correct[i] += x->con_field_correct[i];
}

void cc_score_compute(struct cc_score *s)
{
	size_t i, j;
	int k;

	if (s->computed)
		return;
	s->computed = 1;
	for (i = 0; i < s->ndocs; i++) {
		struct doc *d = s->docs[i];
		struct cc_score_sum x;

		if (!d->in_truth) {
			s->unknown_docs++;
			continue;
		}
		if (!scored(s, d))
			continue;
		memset(&x, 0, sizeof(x));
		pair_tradelines(d);
		x.docs = 1;
		x.tl_truth = (long)d->tt.n;
		x.tl_extracted = (long)d->et.n;
		for (j = 0; j < d->tt.n; j++) {
			const struct tl *t = &d->tt.v[j], *e;

			if (t->pair < 0) {
				x.neg_missed += t->negative;
				continue;
			}
			e = &d->et.v[t->pair];
			x.tl_matched++;
			for (k = 0; k < CC_SCORE_NFIELDS; k++)
				x.field_correct[k] += strcmp(t->f[k], e->f[k]) == 0;
			x.neg_truth += t->negative;
			x.neg_extracted += e->negative;
			x.neg_tp += t->negative && e->negative;
		}
		x.inq_truth = (long)d->ti.n;
		x.inq_extracted = (long)d->ei.n;
		x.inq_matched = pair_events(&d->ti, &d->ei);
		x.pub_truth = (long)d->tp.n;
		x.pub_extracted = (long)d->ep.n;
		x.pub_matched = pair_events(&d->tp, &d->ep);
		x.con_truth = (long)d->tc.n;
		x.con_extracted = (long)d->ec.n;
		x.con_matched = pair_consumers(&d->tc, &d->ec);
		for (j = 0; j < d->tc.n; j++) {
			const struct con *t = &d->tc.v[j], *e;

			if (t->pair < 0)
				continue;
			e = &d->ec.v[t->pair];
			for (k = 0; k < CC_SCORE_NCFIELDS; k++)
				x.con_field_correct[k] += strcmp(t->f[k], e->f[k]) == 0;
		}
		add_sum(layout_sum(s, doc_layout(d)), &x);
		add_sum(&s->all, &x);
	}
	if (s->nlayouts)
		qsort(s->layouts, s->nlayouts, sizeof(*s->layouts), lsum_cmp);
}

/* --- results ------------------------------------------------------------- */

/* num/den rounded to 6 decimals, or -1 when den is 0. */
static double rate(long num, long den)
{
	if (den <= 0)
		return -1;
	return round((double)num / (double)den * 1e6) / 1e6;
}

static long fields_correct(const struct cc_score_sum *x)
{
	long n = 0;
	int i;

	for (i = 0; i < CC_SCORE_NFIELDS; i++)
		n += x->field_correct[i];
	return n;
}

void cc_score_totals(const struct cc_score *s, struct cc_score_totals *t)
{
	t->docs = s->all.docs;
	t->unknown_docs = s->unknown_docs;
	t->field_accuracy = rate(fields_correct(&s->all),
				 s->all.tl_matched * CC_SCORE_NFIELDS);
	t->recall = rate(s->all.tl_matched, s->all.tl_truth);
	t->precision = rate(s->all.tl_matched, s->all.tl_extracted);
}

static json_t *jrate(long num, long den)
{
	double r = rate(num, den);

	return r < 0 ? json_null() : json_real(r);
}

static json_t *jcount(long n)
{
	return json_integer((json_int_t)n);
}

/* {"truth":..,"extracted":..,"matched":..,"recall":..,"precision":..} */
static json_t *jmatch(long truth, long extracted, long matched)
{
	json_t *o = json_object();

	json_object_set_new(o, "truth", jcount(truth));
	json_object_set_new(o, "extracted", jcount(extracted));
	json_object_set_new(o, "matched", jcount(matched));
	json_object_set_new(o, "recall", jrate(matched, truth));
	json_object_set_new(o, "precision", jrate(matched, extracted));
	return o;
}

static long con_fields_correct(const struct cc_score_sum *x)
{
	long n = 0;
	int i;

	for (i = 0; i < CC_SCORE_NCFIELDS; i++)
		n += x->con_field_correct[i];
	return n;
}

/* The consumers' counts and fields. */
static json_t *jconsumers(const struct cc_score_sum *x)
{
	json_t *o = jmatch(x->con_truth, x->con_extracted, x->con_matched);
	json_t *f = json_object(), *by = json_object();
	long compared = x->con_matched * CC_SCORE_NCFIELDS;
	int i;

	json_object_set_new(f, "compared", jcount(compared));
	json_object_set_new(f, "correct", jcount(con_fields_correct(x)));
	json_object_set_new(f, "accuracy", jrate(con_fields_correct(x), compared));
	for (i = 0; i < CC_SCORE_NCFIELDS; i++)
		json_object_set_new(by, cc_score_consumer_fields[i],
				    jrate(x->con_field_correct[i], x->con_matched));
	json_object_set_new(f, "by_field", by);
	json_object_set_new(o, "fields", f);
	return o;
}

static json_t *jsum(const struct cc_score_sum *x)
{
	json_t *o = json_object(), *f = json_object(), *by = json_object(), *n;
	long compared = x->tl_matched * CC_SCORE_NFIELDS;
	int i;

	json_object_set_new(o, "docs", jcount(x->docs));
	json_object_set_new(o, "tradelines",
			    jmatch(x->tl_truth, x->tl_extracted, x->tl_matched));
	json_object_set_new(f, "compared", jcount(compared));
	json_object_set_new(f, "correct", jcount(fields_correct(x)));
	json_object_set_new(f, "accuracy", jrate(fields_correct(x), compared));
	for (i = 0; i < CC_SCORE_NFIELDS; i++)
		json_object_set_new(by, cc_score_fields[i],
				    jrate(x->field_correct[i], x->tl_matched));
	json_object_set_new(f, "by_field", by);
	json_object_set_new(o, "fields", f);
	n = json_object();
	json_object_set_new(n, "truth", jcount(x->neg_truth));
	json_object_set_new(n, "extracted", jcount(x->neg_extracted));
	json_object_set_new(n, "true_positive", jcount(x->neg_tp));
	json_object_set_new(n, "recall", jrate(x->neg_tp, x->neg_truth));
	json_object_set_new(n, "precision", jrate(x->neg_tp, x->neg_extracted));
	json_object_set_new(n, "missed_tradelines", jcount(x->neg_missed));
	json_object_set_new(o, "negative", n);
	json_object_set_new(o, "inquiries",
			    jmatch(x->inq_truth, x->inq_extracted, x->inq_matched));
	json_object_set_new(o, "public_records",
			    jmatch(x->pub_truth, x->pub_extracted, x->pub_matched));
	json_object_set_new(o, "consumers", jconsumers(x));
	return o;
}

json_t *cc_score_summary(const struct cc_score *s)
{
	json_t *o = cc_record_new("score"), *l = json_object();
	size_t i;

	json_object_set_new(o, "overall", jsum(&s->all));
	for (i = 0; i < s->nlayouts; i++)
		json_object_set_new(l, s->layouts[i].name, jsum(&s->layouts[i].sum));
	json_object_set_new(o, "layouts", l);
	json_object_set_new(o, "unknown_docs", jcount(s->unknown_docs));
	return o;
}

/* A score_miss record with the fields every miss has. */
static json_t *miss_new(const struct doc *d, const char *what, const char *bureau)
{
	json_t *m = cc_record_new("score_miss");

	json_object_set_new(m, "doc", json_string(d->doc));
	json_object_set_new(m, "layout", cc_json_str(d->layout));
	json_object_set_new(m, "bureau", bureau ? uncanon(bureau) : json_null());
	json_object_set_new(m, "what", json_string(what));
	return m;
}

static json_t *miss_tl(const struct doc *d, const char *what, const struct tl *t)
{
	json_t *m = miss_new(d, what, t->bureau);

	json_object_set_new(m, "id", uncanon(t->id));
	json_object_set_new(m, "creditor", uncanon(t->f[F_CREDITOR]));
	json_object_set_new(m, "account_mask", uncanon(t->f[F_MASK]));
	return m;
}

static json_t *miss_con(const struct doc *d, const char *what, const struct con *c)
{
	json_t *m = miss_new(d, what, c->bureau);

	json_object_set_new(m, "applicant", uncanon(c->applicant));
	json_object_set_new(m, "name", uncanon(c->f[C_NAME]));
	return m;
}

static json_t *miss_evt(const struct doc *d, const char *what, const struct evt *e)
{
	const char *nl = strchr(e->key, '\n');
	char *bureau = cc_xstrndup(e->key, nl ? (size_t)(nl - e->key) : strlen(e->key));
	json_t *m = miss_new(d, what, bureau);

	free(bureau);
	json_object_update(m, e->show);
	return m;
}

/* Hand m to fn and drop it. */
static int give(json_t *m, cc_score_miss_fn fn, void *arg)
{
	int rc = fn(m, arg);

	json_decref(m);
	return rc;
}

/* Miss m of a field: its name, what the truth and the extraction say. */
static json_t *field_miss(json_t *m, const char *field, const char *expected,
			  const char *got)
{
	json_object_set_new(m, "field", json_string(field));
	json_object_set_new(m, "expected", uncanon(expected));
	json_object_set_new(m, "got", uncanon(got));
	return m;
}

static int doc_misses(const struct doc *d, cc_score_miss_fn fn, void *arg)
{
	size_t i;
	int k, rc;

	for (i = 0; i < d->tc.n; i++) {
		const struct con *t = &d->tc.v[i], *e;

		if (t->pair < 0) {
			if ((rc = give(miss_con(d, "consumer", t), fn, arg)))
				return rc;
			continue;
		}
		e = &d->ec.v[t->pair];
		for (k = 0; k < CC_SCORE_NCFIELDS; k++)
			if (strcmp(t->f[k], e->f[k]) != 0 &&
			    (rc = give(field_miss(miss_con(d, "consumer_field", t),
						  cc_score_consumer_fields[k], t->f[k],
						  e->f[k]), fn, arg)))
				return rc;
	}
	for (i = 0; i < d->ec.n; i++)
		if (d->ec.v[i].pair < 0 &&
		    (rc = give(miss_con(d, "extra_consumer", &d->ec.v[i]), fn, arg)))
			return rc;
	for (i = 0; i < d->tt.n; i++) {
		const struct tl *t = &d->tt.v[i], *e;

		if (t->pair < 0) {
			if ((rc = give(miss_tl(d, "tradeline", t), fn, arg)))
				return rc;
			continue;
		}
		e = &d->et.v[t->pair];
		for (k = 0; k < CC_SCORE_NFIELDS; k++)
			if (strcmp(t->f[k], e->f[k]) != 0 &&
			    (rc = give(field_miss(miss_tl(d, "field", t), cc_score_fields[k],
						  t->f[k], e->f[k]), fn, arg)))
				return rc;
	}
	for (i = 0; i < d->et.n; i++)
		if (d->et.v[i].pair < 0 &&
		    (rc = give(miss_tl(d, "extra", &d->et.v[i]), fn, arg)))
			return rc;
	for (i = 0; i < d->ti.n; i++)
		if (d->ti.v[i].pair < 0 &&
		    (rc = give(miss_evt(d, "inquiry", &d->ti.v[i]), fn, arg)))
			return rc;
	for (i = 0; i < d->ei.n; i++)
		if (d->ei.v[i].pair < 0 &&
		    (rc = give(miss_evt(d, "extra_inquiry", &d->ei.v[i]), fn, arg)))
			return rc;
	for (i = 0; i < d->tp.n; i++)
		if (d->tp.v[i].pair < 0 &&
		    (rc = give(miss_evt(d, "public_record", &d->tp.v[i]), fn, arg)))
			return rc;
	for (i = 0; i < d->ep.n; i++)
		if (d->ep.v[i].pair < 0 &&
		    (rc = give(miss_evt(d, "extra_public_record", &d->ep.v[i]), fn, arg)))
			return rc;
	return 0;
}

int cc_score_misses(const struct cc_score *s, cc_score_miss_fn fn, void *arg)
{
	size_t i;
	int rc;

	for (i = 0; i < s->ndocs; i++) {
		const struct doc *d = s->docs[i];

		if (!d->in_truth) {
			rc = give(miss_new(d, "unknown_doc", NULL), fn, arg);
		} else if (scored(s, d)) {
			rc = doc_misses(d, fn, arg);
		} else {
			rc = 0;
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* --- the table ----------------------------------------------------------- */

/* num/den as a percentage with one decimal; never 100.0% or 0.0% unless exact. */
static void add_pct_text(struct cc_buf *b, int width, long num, long den)
{
	double p = 100.0 * (double)num / (double)den;

	if (num != den && p > 99.94)
		p = 99.9;
	else if (num != 0 && p < 0.05)
		p = 0.1;
	cc_buf_addf(b, "%*.1f%%", width - 1, p);
}

static void add_pct(struct cc_buf *b, int width, long num, long den)
{
	cc_buf_add(b, " ", 1);
	if (den <= 0)
		cc_buf_addf(b, "%*s", width, "-");
	else
		add_pct_text(b, width, num, den);
}

static void table_row(struct cc_buf *b, const char *name,
		      const struct cc_score_sum *x)
{
	cc_buf_addf(b, "%-10s %5ld %6ld %6ld %6ld", name, x->docs, x->tl_truth,
		    x->tl_extracted, x->tl_matched);
	add_pct(b, 7, x->tl_matched, x->tl_truth);
	add_pct(b, 7, x->tl_matched, x->tl_extracted);
	add_pct(b, 7, fields_correct(x), x->tl_matched * CC_SCORE_NFIELDS);
	add_pct(b, 7, x->neg_tp, x->neg_extracted);
	add_pct(b, 7, x->neg_tp, x->neg_truth);
	add_pct(b, 7, x->inq_matched, x->inq_truth);
	add_pct(b, 7, x->pub_matched, x->pub_truth);
	cc_buf_add(b, "\n", 1);
}

char *cc_score_table(const struct cc_score *s)
{
	struct cc_buf b = { 0 };
	const struct cc_score_sum *x = &s->all;
	size_t i;
	int k, first = 1;

	cc_buf_addf(&b, "%-10s %5s %6s %6s %6s %7s %7s %7s %7s %7s %7s %7s\n",
		    "layout", "docs", "truth", "extr", "match", "recall", "prec",
		    "fields", "neg-P", "neg-R", "inq-R", "pub-R");
	for (i = 0; i < s->nlayouts; i++)
		table_row(&b, s->layouts[i].name, &s->layouts[i].sum);
	table_row(&b, "overall", x);
	for (k = 0; k < CC_SCORE_NFIELDS; k++) {
		if (x->field_correct[k] == x->tl_matched)
			continue;
		cc_buf_adds(&b, first ? "fields below 100%:" : ",");
		cc_buf_addf(&b, " %s ", cc_score_fields[k]);
		add_pct_text(&b, 1, x->field_correct[k], x->tl_matched);
		first = 0;
	}
	if (!first)
		cc_buf_add(&b, "\n", 1);
	/* the consumers, when not all found, or not all read right */
	first = 1;
	if (x->con_matched != x->con_truth) {
		cc_buf_adds(&b, "consumers below 100%: recall ");
		add_pct_text(&b, 1, x->con_matched, x->con_truth);
		first = 0;
	}
	if (x->con_extracted > 0 && x->con_matched != x->con_extracted) {
		cc_buf_adds(&b, first ? "consumers below 100%:" : ",");
		cc_buf_adds(&b, " precision ");
		add_pct_text(&b, 1, x->con_matched, x->con_extracted);
		first = 0;
	}
	for (k = 0; k < CC_SCORE_NCFIELDS; k++) {
		if (x->con_field_correct[k] == x->con_matched)
			continue;
		cc_buf_adds(&b, first ? "consumers below 100%:" : ",");
		cc_buf_addf(&b, " %s ", cc_score_consumer_fields[k]);
		add_pct_text(&b, 1, x->con_field_correct[k], x->con_matched);
		first = 0;
	}
	if (!first)
		cc_buf_add(&b, "\n", 1);
	return cc_buf_detach(&b);
}
