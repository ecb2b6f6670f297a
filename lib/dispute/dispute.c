/*
 * dispute.c -- what to dispute and why: the items of each consumer's
 * dispute to each bureau, with the reasons worked out from the
 * tradelines, the analyst's selections and the rules; cc-dispute(1).
 *
 * The run keeps every document, consumer and tradeline record it is
 * given (small records: the pages are long gone) and works at the end,
 * when all of a consumer's reports are in: one consumer is an owner, when
 * the document record names one, else a document; and the co-applicant a
 * report of two applicants names is a consumer of their own, beside it.
 */
#include "base/cc.h"
#include "dispute/impl.h"
#include "base/hash.h"
#include "record/record.h"
#include "model/date.h"
#include "model/model.h"

#include <ctype.h>
#include <pthread.h>

/* --- dates ----------------------------------------------------------------- */

/* s when it is an ISO date or month, else NULL. */
static const char *iso_or_null(const char *s)
{
	int y, m, d;

	return cc_date_parse(s, &y, &m, &d) ? s : NULL;
}

/* The month before YYYY-MM, into out. */
static void prev_month(const char *ym, char out[8])
{
	int y = 0, m = 0;

	if (strlen(ym) < 7 || sscanf(ym, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12) {
		out[0] = '\0';
		return;
	}
	if (--m == 0) {
		m = 12;
		y--;
	}
	snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
}

/* "on" a day, "in" a month. */
static const char *prep(const char *iso)
{
	return iso && strlen(iso) == 10 ? "on" : "in";
}

/* Compare the months of two dates (their first 7 characters). */
static int month_cmp(const char *a, const char *b)
{
	return strncmp(a, b, 7);
}

static void money_words(json_int_t cents, char *out, size_t len)
{
	char digits[32], grouped[48];
	unsigned long long v = cents < 0 ? (unsigned long long)-(cents + 1) + 1 :
			       (unsigned long long)cents;
	size_t n, i, o = 0;

	snprintf(digits, sizeof(digits), "%llu", v / 100);
	n = strlen(digits);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, len, "%s$%s.%02llu", cents < 0 ? "-" : "", grouped, v % 100);
}

/* --- names and masks ------------------------------------------------------- */

/* The words of s (runs of letters and digits), upper-cased, into a new
 * NUL-separated string; *n gets their number. */
static char *words_of(const char *s, size_t *n)
{
	size_t len = strlen(s), i, o = 0;
	char *w = cc_xmalloc(len + 2);
	int in = 0;

	*n = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalnum(c) || c >= 0x80) {
			w[o++] = (char)toupper(c);
			if (!in)
				(*n)++;
			in = 1;
		} else if (in) {
			w[o++] = '\0';
			in = 0;
		}
	}
	w[o++] = '\0';
	w[o] = '\0';
	return w;
}

static const char *next_word(const char *w)
{
	return w + strlen(w) + 1;
}

/* The words of a and b, as words_of() gives them, name the same
 * creditor. */
static int same_words(const char *wa, size_t na, const char *wb, size_t nb)
{
	const char *p, *q;
	size_t i;
	int same = 1;

	if (!na || !nb)
		return 0;
	if (na > nb) {      /* a is the shorter */
		const char *t = wa;
		size_t tn = na;

		wa = wb;
		wb = t;
		na = nb;
		nb = tn;
	}
	/* every word the same, but the shorter name's last may be cut
	 * short (to 3 letters or more) */
	for (i = 0, p = wa, q = wb; i < na && same; i++, p = next_word(p), q = next_word(q)) {
		size_t lp, lq;

		if (!strcmp(p, q))
			continue;
		lp = strlen(p);
		lq = strlen(q);
		same = i + 1 == na && (lp < lq || (na == nb && lq < lp)) &&
		       (lp < lq ? lp : lq) >= 3 && !strncmp(p, q, lp < lq ? lp : lq);
	}
	return same;
}

int cc_dispute_same_creditor(const char *a, const char *b)
{
	size_t na, nb;
	char *wa, *wb;
	int same;

	if (!a || !b)
		return 0;
	wa = words_of(a, &na);
	wb = words_of(b, &nb);
	same = same_words(wa, na, wb, nb);
	free(wa);
	free(wb);
	return same;
}

/* 1 when the words of needle stand together, whole, in hay. */
static int has_words(const char *hay, const char *needle)
{
	size_t nh, nn, i, j;
	char *wh = words_of(hay, &nh), *wn = words_of(needle, &nn);
	const char *p, *q, *r;
	int found = 0;

	for (i = 0, p = wh; nn && i + nn <= nh && !found; i++, p = next_word(p)) {
		for (j = 0, q = p, r = wn; j < nn; j++, q = next_word(q), r = next_word(r))
			if (strcmp(q, r))
				break;
		found = j == nn;
	}
	free(wh);
	free(wn);
	return found;
}

/* --- the run ----------------------------------------------------------------- */

struct xdoc {
	char *doc;
	char *owner;             /* NULL: none */
	int has_doc_record;
	size_t first;            /* seq of its first record */
	json_t **cons;           /* its consumer records */
	size_t ncons, acons;
	char report_date[11];    /* the newest of its consumers', or "" */
	int has2;                /* it names a co-applicant, or an account
				  * of one */
	size_t group, group2;    /* its applicants' (group2: when has2) */
};

struct tl {
	json_t *o;
	const char *id, *doc, *creditor, *mask, *type, *status, *status_code,
		   *remarks, *layout, *orig, *opened, *reported, *dofd, *removal,
		   *account_group;
	char om[8];              /* the month opened, YYYY-MM, or "" */
	char *cw, *ow;           /* the words of creditor, original_creditor */
	size_t ncw, now;
	int bureau;              /* -1: null */
	unsigned bureaus;        /* a bit per bureau to dispute it with */
	unsigned apps;           /* whose: 1 the applicant, 2 the co-applicant,
				  * 3 both (a joint account) */
	int negative;
	unsigned neg;            /* a bit per enum cc_reason */
	int has_bal, has_lim, has_high;
	json_int_t bal, high;
	size_t seq, xd;
	struct d_select *sel;
};

struct group {
	char *owner;             /* NULL: a document without owner */
	int applicant;           /* 1, or 2: the co-applicants of its reports
				  * that are one person (same name, SSN) */
	size_t first, order;
	size_t *tls, ntls, atls;
	unsigned char *alive;    /* per tls: a bit per bureau it is disputed
				  * with, once the same account in two
				  * reports is taken once */
	size_t *docs, ndocs, adocs;
};

struct cc_dispute_ctx {
	const struct cc_dispute_rules *R;
	struct cc_dispute_opts o;
	struct d_selects sel;
	json_t **prev;
	size_t nprev, aprev;
	pthread_mutex_t lock;
	struct cc_dispute_info info;   /* over every run */
};

struct cc_dispute {
	struct cc_dispute_ctx *x;
	const struct cc_dispute_rules *R;
	struct cc_dispute_opts o;
	struct xdoc *docs;
	size_t ndocs, adocs;
	json_t *doc_index;       /* doc -> index */
	struct tl *tls;
	size_t ntls, atls;
	json_t *tl_index;        /* id -> index */
	size_t seq;
	struct d_selects *sel;         /* the context's */
	json_t *const *prev;           /* the context's */
	size_t nprev;
	char **warnings;
	size_t nwarnings, awarnings;
};

struct cc_dispute_ctx *cc_dispute_ctx_new(const struct cc_dispute_rules *R,
					  const struct cc_dispute_opts *o)
{
	struct cc_dispute_ctx *x = cc_xcalloc(1, sizeof(*x));

	x->R = R;
	x->o = *o;
	pthread_mutex_init(&x->lock, NULL);
	return x;
}

void cc_dispute_ctx_free(struct cc_dispute_ctx *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; i < x->nprev; i++)
		json_decref(x->prev[i]);
	free(x->prev);
	d_select_release(&x->sel);
	pthread_mutex_destroy(&x->lock);
	free(x);
}

void cc_dispute_ctx_info(struct cc_dispute_ctx *x, struct cc_dispute_info *info)
{
	pthread_mutex_lock(&x->lock);
	*info = x->info;
	pthread_mutex_unlock(&x->lock);
}

int cc_dispute_ctx_previous_load(struct cc_dispute_ctx *x, const char *path,
				 struct cc_error *e)
{
	const char *src[1] = { path };
	struct cc_reader *r = cc_reader_new(src, 1, 0);
	struct cc_record rec;
	int rc;

	while ((rc = cc_reader_next(r, &rec, e)) != 0) {
		if (rc < 0) {
			/* a file that cannot be opened (input.open), or that
			 * is not dispute records */
			if (!strcmp(e->id, "input.open")) {
				e->code = CC_ERR_NOINPUT;
			} else {
				e->code = CC_ERR_CONFIG;
				snprintf(e->id, sizeof(e->id), "previous.invalid");
			}
			break;
		}
		if (strcmp(rec.kind, "dispute"))
			continue;
		if ((rc = cc_dispute_ctx_previous_add(x, rec.obj, e)) < 0) {
			cc_error_at(e, rec.source, rec.line);
			break;
		}
	}
	cc_reader_free(r);
	return rc < 0 ? e->code : 0;
}

size_t cc_dispute_ctx_nselections(const struct cc_dispute_ctx *x)
{
	return x->sel.n;
}

const struct cc_error *cc_dispute_ctx_unused(const struct cc_dispute_ctx *x,
					     size_t i, struct cc_error *e)
{
	const struct d_select *s;
	char *shown;

	if (i >= x->sel.n)
		return NULL;
	s = &x->sel.v[i];
	if (__atomic_load_n(&s->used, __ATOMIC_RELAXED))
		return NULL;
	shown = cc_utf8_sanitize(s->tradeline, strlen(s->tradeline));
	cc_error_set(e, CC_ERR_DATA, "select.unknown",
		     "selected tradeline '%.100s' is not in the input", shown);
	cc_error_at(e, x->sel.file, s->line);
	free(shown);
	return e;
}

struct cc_dispute *cc_dispute_new(struct cc_dispute_ctx *x)
{
	struct cc_dispute *d = cc_xcalloc(1, sizeof(*d));

	d->x = x;
	d->R = x->R;
	d->o = x->o;
	d->sel = &x->sel;
	d->prev = x->prev;
	d->nprev = x->nprev;
	d->doc_index = json_object();
	d->tl_index = json_object();
	return d;
}

void cc_dispute_free(struct cc_dispute *d)
{
	size_t i, j;

	if (!d)
		return;
	for (i = 0; i < d->ndocs; i++) {
		free(d->docs[i].doc);
		free(d->docs[i].owner);
		for (j = 0; j < d->docs[i].ncons; j++)
			json_decref(d->docs[i].cons[j]);
		free(d->docs[i].cons);
	}
	free(d->docs);
	for (i = 0; i < d->ntls; i++) {
		json_decref(d->tls[i].o);
		free(d->tls[i].cw);
		free(d->tls[i].ow);
	}
	free(d->tls);
	for (i = 0; i < d->nwarnings; i++)
		free(d->warnings[i]);
	free(d->warnings);
	json_decref(d->doc_index);
	json_decref(d->tl_index);
	free(d);
}

static void warn(struct cc_dispute *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void warn(struct cc_dispute *d, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	CC_GROW(d->warnings, d->awarnings, d->nwarnings + 1);
	d->warnings[d->nwarnings++] = cc_xstrdup(buf);
}

const char *cc_dispute_warning(const struct cc_dispute *d, size_t i)
{
	return i < d->nwarnings ? d->warnings[i] : NULL;
}

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* The document of doc, made when new; an index into d->docs. */
static size_t doc_of(struct cc_dispute *d, const char *doc)
{
	json_t *v = json_object_get(d->doc_index, doc);
	struct xdoc *x;

	if (v)
		return (size_t)json_integer_value(v);
	CC_GROW(d->docs, d->adocs, d->ndocs + 1);
	x = &d->docs[d->ndocs];
	memset(x, 0, sizeof(*x));
	x->doc = cc_xstrdup(doc);
	x->first = d->seq;
	json_object_set_new(d->doc_index, doc, json_integer((json_int_t)d->ndocs));
	return d->ndocs++;
}

/* A bureau field: 0 and *b (-1 for null), or -1 for an unknown one. */
static int bureau_field(json_t *o, const char *k, int *b, struct cc_error *e,
			const char *kind)
{
	json_t *v = json_object_get(o, k);
	char *shown;

	*b = -1;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v) && (*b = cc_bureau_of(json_string_value(v))) >= 0)
		return 0;
	if (json_is_string(v)) {
		shown = cc_utf8_sanitize(json_string_value(v), json_string_length(v));
		cc_error_set(e, CC_ERR_DATA, "record.invalid",
			     "%s record with an unknown bureau '%.100s'", kind, shown);
		free(shown);
	} else {
		cc_error_set(e, CC_ERR_DATA, "record.invalid",
			     "%s record whose \"%s\" is not a string", kind, k);
	}
	return -1;
}

/* Which applicant a consumer record is: 1 or 2; 1 when it does not say
 * (a record of a report of one applicant, or from before cc-extract
 * said); -1 when its "applicant" is something else. */
static int applicant_of(json_t *c)
{
	json_t *v = json_object_get(c, "applicant");

	if (!v || json_is_null(v))
		return 1;
	if (json_is_integer(v) && (json_integer_value(v) == 1 ||
				   json_integer_value(v) == 2))
		return (int)json_integer_value(v);
	return -1;
}

/* Whose a tradeline is, a bit per applicant (1, 2): the first's when it
 * does not say, as on a report of one applicant; 0 when its
 * "applicants" is not a list of 1 and 2. */
static unsigned applicants_of(json_t *o)
{
	json_t *v = json_object_get(o, "applicants"), *x;
	unsigned apps = 0;
	size_t i;

	if (!v || json_is_null(v))
		return 1;
	if (!json_is_array(v))
		return 0;
	json_array_foreach(v, i, x) {
		if (!json_is_integer(x) || json_integer_value(x) < 1 ||
		    json_integer_value(x) > 2)
			return 0;
		apps |= 1u << (json_integer_value(x) - 1);
	}
	return apps;
}

static int add_tradeline(struct cc_dispute *d, json_t *o, struct cc_error *e)
{
	const char *id = str(o, "id"), *doc = str(o, "doc");
	json_t *reps = json_object_get(o, "repositories"), *v, *neg;
	struct tl *t;
	unsigned bureaus = 0, apps;
	size_t i;
	int b, rb, r;

	if (!id || !*id)
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "tradeline record without \"id\"");
	if (!doc || !*doc)
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "tradeline record without \"doc\"");
	if (bureau_field(o, "bureau", &b, e, "tradeline") < 0)
		return e->code;
	if (reps && !json_is_null(reps) && !json_is_array(reps))
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "tradeline record whose \"repositories\" is "
				    "not a list");
	json_array_foreach(reps, i, v) {
		rb = json_is_string(v) ? cc_bureau_of(json_string_value(v)) : -1;
		if (rb < 0) {
			char *shown = json_is_string(v) ?
				cc_utf8_sanitize(json_string_value(v), json_string_length(v)) :
				cc_xstrdup("(not a string)");

			cc_error_set(e, CC_ERR_DATA, "record.invalid",
				     "tradeline record with an unknown bureau "
				     "'%.100s' in \"repositories\"", shown);
			free(shown);
			return e->code;
		}
		bureaus |= 1u << rb;
	}
	if (b >= 0)
		bureaus = 1u << b;
	if (!(apps = applicants_of(o)))
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "tradeline record whose \"applicants\" is "
				    "not null or a list of 1 and 2");
	/* the same tradeline again (a stream read twice) counts once */
	if (json_object_get(d->tl_index, id))
		return 0;
	CC_GROW(d->tls, d->atls, d->ntls + 1);
	t = &d->tls[d->ntls];
	memset(t, 0, sizeof(*t));
	t->o = json_incref(o);
	t->id = id;
	t->doc = doc;
	t->bureau = b;
	t->bureaus = bureaus;
	t->apps = apps;
	t->creditor = str(o, "creditor");
	t->mask = str(o, "account_mask");
	t->type = str(o, "type");
	t->status = str(o, "status");
	t->status_code = str(o, "status_code");
	t->remarks = str(o, "remarks");
	t->layout = str(o, "layout");
	t->orig = str(o, "original_creditor");
	t->opened = iso_or_null(str(o, "opened"));
	t->reported = iso_or_null(str(o, "reported"));
	t->dofd = iso_or_null(str(o, "dofd"));
	t->removal = iso_or_null(str(o, "removal_date"));
	t->account_group = str(o, "account_group");
	if (t->opened && strlen(t->opened) >= 7)
		snprintf(t->om, sizeof(t->om), "%.7s", t->opened);
	t->cw = words_of(t->creditor ? t->creditor : "", &t->ncw);
	t->ow = words_of(t->orig ? t->orig : "", &t->now);
	if ((v = json_object_get(o, "balance")) && json_is_integer(v)) {
		t->has_bal = 1;
		t->bal = json_integer_value(v);
	}
	if ((v = json_object_get(o, "limit")) && json_is_integer(v))
		t->has_lim = 1;
	if ((v = json_object_get(o, "high_balance")) && json_is_integer(v)) {
		t->has_high = 1;
		t->high = json_integer_value(v);
	}
	json_array_foreach(json_object_get(o, "reasons"), i, v)
		for (r = 0; json_is_string(v) && r < RS_COUNT; r++)
			if (!strcmp(cc_reason_name(r), json_string_value(v)))
				t->neg |= 1u << r;
	neg = json_object_get(o, "negative");
	t->negative = json_is_boolean(neg) ? json_is_true(neg) : t->neg != 0;
	t->seq = d->seq;
	t->xd = doc_of(d, doc);
	if (apps & 2)
		d->docs[t->xd].has2 = 1;
	json_object_set_new(d->tl_index, id, json_integer((json_int_t)d->ntls));
	d->ntls++;
	return 0;
}

/*
 * The first field of rec that names something (an id, a bureau, a
 * consumer, an account) and holds a NUL, or NULL.  C would cut it short
 * there: an id that names another tradeline, an SSN's first digits
 * taken for its last.  The reader lets NULs through (page text may hold
 * them), so free text such as a status is only cut short.
 */
static const char *nul_field(json_t *rec)
{
	static const char *const keys[] = {
		"id", "doc", "owner", "bureau", "repositories", "creditor",
		"original_creditor", "account_mask", "account_group", "name",
		"addresses", "ssn_last4", "report_number", NULL,
	};
	json_t *v, *x;
	size_t i, j;

	for (i = 0; keys[i]; i++) {
		v = json_object_get(rec, keys[i]);
		if (json_is_string(v) &&
		    strlen(json_string_value(v)) != json_string_length(v))
			return keys[i];
		json_array_foreach(v, j, x)
			if (json_is_string(x) &&
			    strlen(json_string_value(x)) != json_string_length(x))
				return keys[i];
	}
	return NULL;
}

int cc_dispute_add(struct cc_dispute *d, json_t *rec, struct cc_error *e)
{
	const char *kind = str(rec, "kind"), *doc = str(rec, "doc"), *nul;
	struct xdoc *x;
	size_t xi;
	int b, rc = 0;

	cc_error_clear(e);
	if (!kind)
		return 0;
	if ((!strcmp(kind, "tradeline") || !strcmp(kind, "consumer") ||
	     !strcmp(kind, "document")) && (nul = nul_field(rec)) != NULL)
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "%s record whose \"%s\" holds a NUL character",
				    kind, nul);
	if (!strcmp(kind, "tradeline")) {
		rc = add_tradeline(d, rec, e);
	} else if (!strcmp(kind, "consumer")) {
		if (!doc || !*doc)
			return cc_error_set(e, CC_ERR_DATA, "record.invalid",
					    "consumer record without \"doc\"");
		if (bureau_field(rec, "bureau", &b, e, "consumer") < 0)
			return e->code;
		if (applicant_of(rec) < 0)
			return cc_error_set(e, CC_ERR_DATA, "record.invalid",
					    "consumer record whose \"applicant\" "
					    "is not 1 or 2");
		xi = doc_of(d, doc);
		x = &d->docs[xi];
		if (applicant_of(rec) == 2)
			x->has2 = 1;
		CC_GROW(x->cons, x->acons, x->ncons + 1);
		x->cons[x->ncons++] = json_incref(rec);
	} else if (!strcmp(kind, "document") && doc && *doc) {
		xi = doc_of(d, doc);
		x = &d->docs[xi];
		/* the first document record of a doc names its owner */
		if (!x->has_doc_record) {
			const char *owner = str(rec, "owner");

			x->has_doc_record = 1;
			x->owner = owner ? cc_xstrdup(owner) : NULL;
		}
	}
	d->seq++;
	return rc;
}

int cc_dispute_ctx_select_load(struct cc_dispute_ctx *x, const char *path,
			       struct cc_error *e)
{
	return d_select_load(&x->sel, path, e);
}

int cc_dispute_ctx_previous_add(struct cc_dispute_ctx *x, json_t *rec,
				struct cc_error *e)
{
	const char *at = str(rec, "created_at");
	json_t *round = json_object_get(rec, "round");

	cc_error_clear(e);
	if (cc_bureau_of(str(rec, "bureau")) < 0 || !json_is_integer(round) ||
	    !at || strlen(at) < 10) {
		return cc_error_set(e, CC_ERR_CONFIG, "previous.invalid",
				    "dispute record without a known \"bureau\", "
				    "an integer \"round\" or \"created_at\"");
	}
	if (applicant_of(rec) < 0)
		return cc_error_set(e, CC_ERR_CONFIG, "previous.invalid",
				    "dispute record whose \"applicant\" is "
				    "not 1 or 2");
	{
		char day[11];

		memcpy(day, at, 10);
		day[10] = '\0';
		if (!cc_date_valid_day(day))
			return cc_error_set(e, CC_ERR_CONFIG, "previous.invalid",
					    "dispute record whose \"created_at\" "
					    "is not a date");
	}
	CC_GROW(x->prev, x->aprev, x->nprev + 1);
	x->prev[x->nprev++] = json_incref(rec);
	return 0;
}

/* --- finding the reasons ------------------------------------------------- */

/* What one item says: its reasons, the evidence of each, the details. */
struct item {
	struct tl *t;
	unsigned reasons;        /* a bit per enum cc_dispute_reason */
	int main;
	json_t *evidence;        /* field: value pairs of its reasons */
	char *detail[CC_DR_COUNT];
	json_t *same;            /* ids of the same account, deduplicated */
};

static void item_release(struct item *it)
{
	int r;

	json_decref(it->evidence);
	json_decref(it->same);
	for (r = 0; r < CC_DR_COUNT; r++)
		free(it->detail[r]);
}

static void ev_set(struct item *it, const char *k, json_t *v)
{
	if (!json_object_get(it->evidence, k))
		json_object_set(it->evidence, k, v ? v : json_null());
	json_decref(v);
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *field(struct tl *t, const char *k)
{
	json_t *v = json_object_get(t->o, k);

	return v ? json_incref(v) : json_null();
}

static int late_of(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "OK"))
		return 0;
	if (!strcmp(s, "30") || !strcmp(s, "60") || !strcmp(s, "90") ||
	    !strcmp(s, "120") || !strcmp(s, "150") || !strcmp(s, "180"))
		return (int)strtol(s, NULL, 10);
	return -1;
}

static const char *late_words(const char *s, char *buf, size_t len)
{
	int l = late_of(s);

	if (l == 0)
		return "paid on time";
	if (l > 0)
		snprintf(buf, len, "%d days late", l);
	else if (s && (!strcmp(s, "CO")))
		return "charged off";
	else if (s && !strcmp(s, "C"))
		return "in collection";
	else
		snprintf(buf, len, "coded %s", s ? s : "unknown");
	return buf;
}

/* Does the status say paid or settled? */
static int says_paid(const char *status)
{
	size_t nw, i;
	char *w;
	const char *p, *q, *prev;
	int paid = 0;

	if (!status)
		return 0;
	w = words_of(status, &nw);
	for (i = 0, p = w, prev = ""; i < nw; i++, prev = p, p = q) {
		q = next_word(p);
		if (!strcmp(p, "PAID")) {
			/* "paid or paying as agreed", "paid as agreed": current;
			 * "not paid" */
			if (i + 1 < nw && (!strcmp(q, "OR") || !strcmp(q, "AS")))
				continue;
			if (!strcmp(prev, "NOT"))
				continue;
			paid = 1;
		} else if (!strcmp(p, "SETTLED") || !strcmp(p, "SETTLEMENT")) {
			paid = 1;
		}
	}
	free(w);
	return paid;
}

static int contains_ci(const char *s, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = s; p && *p; p++)
		if (!strncasecmp(p, word, n))
			return 1;
	return 0;
}

/*
 * The payment history's first inconsistency, in the order of the rules
 * of cc-dispute(1): a month after the account's last report (or after
 * today), a month before it was opened, lates under a status of never
 * late, a late after a charge-off or collection, and a late that grew
 * by more than 30 days in a month.  1 with the evidence and detail set.
 */
static int history_problem(struct cc_dispute *d, struct item *it)
{
	struct tl *t = it->t;
	json_t *hist = json_object_get(t->o, "history"), *h, *ev;
	size_t n = json_array_size(hist), i, j;
	char w1[40], w2[40], b1[24], b2[24], pm[8];
	const char *m, *s, *m2, *s2;
	struct cc_buf b = { 0 };

	/* months after the report, or after today; before the opening */
	for (i = 0; i < n; i++) {
		h = json_array_get(hist, i);
		m = str(h, "m");
		s = str(h, "s");
		if (!iso_or_null(m) || !s)
			continue;
		if ((t->reported && strlen(t->reported) >= 7 && month_cmp(m, t->reported) > 0) ||
		    month_cmp(m, d->o.as_of) > 0) {
			const char *limit = t->reported && month_cmp(m, t->reported) > 0 ?
					    t->reported : d->o.as_of;

			cc_date_words(m, w1, sizeof(w1));
			cc_date_words(limit, w2, sizeof(w2));
			ev = json_pack("{s:s,s:s,s:s,s:s}", "rule", "after_report",
				       "month", m, "code", s, "reported", limit);
			cc_buf_addf(&b, "it reports a payment for %s, after %s", w1,
				    limit == t->reported ? "the account's last report" :
				    "the date of this dispute");
			if (limit == t->reported)
				cc_buf_addf(&b, " %s %s", prep(limit), w2);
			goto found;
		}
		if (t->opened && strlen(t->opened) >= 7 && month_cmp(m, t->opened) < 0) {
			cc_date_words(m, w1, sizeof(w1));
			cc_date_words(t->opened, w2, sizeof(w2));
			ev = json_pack("{s:s,s:s,s:s,s:s}", "rule", "before_opened",
				       "month", m, "code", s, "opened", t->opened);
			cc_buf_addf(&b, "it reports a payment for %s, before the "
				    "account was opened %s %s", w1, prep(t->opened), w2);
			goto found;
		}
	}
	/* lates under a status of never late */
	if (t->status && contains_ci(t->status, "never late")) {
		for (i = 0; i < n; i++) {
			h = json_array_get(hist, i);
			m = str(h, "m");
			s = str(h, "s");
			if (m && late_of(s) > 0) {
				cc_date_words(m, w1, sizeof(w1));
				ev = json_pack("{s:s,s:s,s:s,s:s}", "rule", "never_late",
					       "month", m, "code", s, "status", t->status);
				cc_buf_addf(&b, "the status says the account was never "
					    "late, yet the history shows it %s in %s",
					    late_words(s, b1, sizeof(b1)), w1);
				goto found;
			}
		}
	}
	/* a late after a charge-off or collection (the history is newest
	 * first, so the charge-off is further on) */
	for (i = 0; i < n; i++) {
		h = json_array_get(hist, i);
		m = str(h, "m");
		s = str(h, "s");
		if (!m || late_of(s) <= 0)
			continue;
		for (j = i + 1; j < n; j++) {
			m2 = str(json_array_get(hist, j), "m");
			s2 = str(json_array_get(hist, j), "s");
			if (m2 && s2 && (!strcmp(s2, "CO") || !strcmp(s2, "C")) &&
			    month_cmp(m2, m) < 0) {
				cc_date_words(m, w1, sizeof(w1));
				cc_date_words(m2, w2, sizeof(w2));
				ev = json_pack("{s:s,s:s,s:s,s:s,s:s}", "rule",
					       "late_after_charge_off", "month", m,
					       "code", s, "since", m2, "since_code", s2);
				cc_buf_addf(&b, "it shows the account %s in %s, after it "
					    "was already %s in %s",
					    late_words(s, b1, sizeof(b1)), w1,
					    late_words(s2, b2, sizeof(b2)), w2);
				goto found;
			}
		}
	}
	/* a late that grew by more than 30 days from one month to the next */
	for (i = 0; i + 1 < n; i++) {
		h = json_array_get(hist, i);
		m = str(h, "m");
		s = str(h, "s");
		m2 = str(json_array_get(hist, i + 1), "m");
		s2 = str(json_array_get(hist, i + 1), "s");
		if (!m || !m2 || late_of(s) < 60 || late_of(s2) < 0)
			continue;
		prev_month(m, pm);
		if (strncmp(pm, m2, 7) || late_of(s) - late_of(s2) <= 30)
			continue;
		cc_date_words(m, w1, sizeof(w1));
		cc_date_words(m2, w2, sizeof(w2));
		ev = json_pack("{s:s,s:s,s:s,s:s,s:s}", "rule", "skipped_late",
			       "month", m, "code", s, "previous_month", m2,
			       "previous_code", s2);
		cc_buf_addf(&b, "it shows the account %s in %s, but %s in %s, and "
			    "an account cannot fall more than 30 days further "
			    "behind in one month", late_words(s, b1, sizeof(b1)), w1,
			    late_words(s2, b2, sizeof(b2)), w2);
		goto found;
	}
	return 0;
found:
	ev_set(it, "history_problem", ev);
	it->detail[CC_DR_HISTORY] = cc_buf_detach(&b);
	return 1;
}

/* Are t and u the same account (creditor, mask, month opened)? */
static int same_account(const struct tl *t, const struct tl *u)
{
	return t->om[0] && !strcmp(t->om, u->om) &&
	       same_words(t->cw, t->ncw, u->cw, u->ncw) &&
	       cc_mask_compatible(t->mask, u->mask);
}

static const char *field_words(const char *f)
{
	if (!strcmp(f, "balance"))
		return "the balance";
	if (!strcmp(f, "status_code"))
		return "the status";
	if (!strcmp(f, "opened"))
		return "the date opened";
	if (!strcmp(f, "dofd"))
		return "the date of first delinquency";
	return f;
}

/* The mismatches between t and u, one of another bureau: appended to
 * list and b. */
static void compare(struct tl *t, struct tl *u, json_t *list, struct cc_buf *b)
{
	static const char *const fields[] = { "balance", "status_code", "opened", "dofd" };
	const char *bw = cc_bureaus[u->bureau].name;
	char w1[40], w2[40];
	json_t *h1, *h2, *x, *y;
	size_t i, j, k;
	int same_month = !t->reported || !u->reported ||
			 strlen(t->reported) < 7 || strlen(u->reported) < 7 ||
			 !month_cmp(t->reported, u->reported);

	for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
		const char *f = fields[k];

		x = json_object_get(t->o, f);
		y = json_object_get(u->o, f);
		if (!x || !y || json_is_null(x) || json_is_null(y))
			continue;
		/* balances and statuses change: compare them in the same month */
		if (k < 2 && !same_month)
			continue;
		if (json_is_string(x) && json_is_string(y)) {
			const char *a = json_string_value(x), *c = json_string_value(y);

			if (k >= 2 ? (!iso_or_null(a) || !iso_or_null(c) || !month_cmp(a, c)) :
			    !strcmp(a, c))
				continue;
			if (k == 1 && t->status && u->status && strcmp(t->status, u->status)) {
				snprintf(w1, sizeof(w1), "\"%.30s\"", t->status);
				snprintf(w2, sizeof(w2), "\"%.30s\"", u->status);
			} else if (k == 1) {
				snprintf(w1, sizeof(w1), "code %.20s", a);
				snprintf(w2, sizeof(w2), "code %.20s", c);
			} else {
				cc_date_words(a, w1, sizeof(w1));
				cc_date_words(c, w2, sizeof(w2));
			}
		} else if (json_is_integer(x) && json_is_integer(y)) {
			if (json_integer_value(x) == json_integer_value(y))
				continue;
			money_words(json_integer_value(x), w1, sizeof(w1));
			money_words(json_integer_value(y), w2, sizeof(w2));
		} else {
			continue;
		}
		json_array_append_new(list, json_pack("{s:s,s:O,s:s,s:s,s:O}",
			"field", f, "value", x, "bureau", cc_bureaus[u->bureau].id,
			"tradeline", u->id, "other_value", y));
		cc_buf_addf(b, "%s%s is %s here but %s at %s", b->len ? "; " : "",
			    field_words(f), w1, w2, bw);
	}
	/* a late in one history that the other shows paid on time */
	h1 = json_object_get(t->o, "history");
	h2 = json_object_get(u->o, "history");
	for (i = 0; i < json_array_size(h1); i++) {
		const char *m = str(json_array_get(h1, i), "m");
		const char *s = str(json_array_get(h1, i), "s");

		if (!m)
			continue;
		for (j = 0; j < json_array_size(h2); j++) {
			const char *m2 = str(json_array_get(h2, j), "m");
			const char *s2 = str(json_array_get(h2, j), "s");

			if (!m2 || strcmp(m, m2))
				continue;
			/* only the late this bureau shows: asking the bureau
			 * that shows the month on time to "correct" it could
			 * only hurt */
			if (late_of(s) > 0 && late_of(s2) == 0) {
				char b1[24], b2[24];

				cc_date_words(m, w1, sizeof(w1));
				json_array_append_new(list, json_pack(
					"{s:s,s:s,s:s,s:s,s:s,s:s}", "field", "history",
					"month", m, "value", s, "bureau",
					cc_bureaus[u->bureau].id, "tradeline", u->id,
					"other_value", s2));
				cc_buf_addf(b, "%sthe payment for %s is %s here but %s at %s",
					    b->len ? "; " : "", w1,
					    late_words(s, b1, sizeof(b1)),
					    late_words(s2, b2, sizeof(b2)), bw);
			}
			break;
		}
	}
}

/* The group's tradelines that are the same account as t at another
 * bureau: the other columns of its merged3 block, and matching accounts
 * of other documents' bureau reports. */
static int mismatch(struct cc_dispute *d, struct group *g, struct item *it)
{
	struct tl *t = it->t;
	json_t *list;
	struct cc_buf b = { 0 };
	size_t i;

	if (t->bureau < 0)
		return 0;
	list = json_array();
	for (i = 0; i < g->ntls; i++) {
		struct tl *u = &d->tls[g->tls[i]];

		if (u == t || u->bureau < 0 || u->bureau == t->bureau ||
		    !(g->alive[i] & (1u << u->bureau)))
			continue;
		if (u->xd == t->xd ? !(t->account_group && u->account_group &&
				       !strcmp(t->account_group, u->account_group)) :
		    !same_account(t, u))
			continue;
		compare(t, u, list, &b);
	}
	if (!json_array_size(list)) {
		json_decref(list);
		cc_buf_release(&b);
		return 0;
	}
	ev_set(it, "mismatches", list);
	it->detail[CC_DR_MISMATCH] = cc_buf_detach(&b);
	return 1;
}

/* A debt reported twice with a balance: a collection account and the
 * original creditor's (negative) account it collects for, both at the
 * bureau, both with a balance above 0. */
static int duplicate(struct cc_dispute *d, struct group *g, struct item *it,
		     int bureau)
{
	struct tl *t = it->t, *c, *o;
	char money[40];
	size_t i;
	int t_is_collector;

	if (!t->has_bal || t->bal <= 0)
		return 0;
	for (i = 0; i < g->ntls; i++) {
		struct tl *u = &d->tls[g->tls[i]];

		if (u == t || !(g->alive[i] & (1u << bureau)) ||
		    !u->has_bal || u->bal <= 0)
			continue;
		if (t->orig && (!u->type || strcmp(u->type, "collection")) && u->negative &&
		    same_words(t->ow, t->now, u->cw, u->ncw))
			t_is_collector = 1;
		else if (u->orig && (!t->type || strcmp(t->type, "collection")) &&
			 t->negative && same_words(u->ow, u->now, t->cw, t->ncw))
			t_is_collector = 0;
		else
			continue;
		c = t_is_collector ? t : u;
		o = t_is_collector ? u : t;
		money_words(u->bal, money, sizeof(money));
		ev_set(it, "original_creditor", jstr(c->orig));
		ev_set(it, "balance", json_integer(t->bal));
		{
			char *mask = cc_mask_shown(u->mask);

			ev_set(it, "duplicate_of", json_pack("{s:s,s:o,s:o,s:I}",
				"tradeline", u->id, "creditor", field(u, "creditor"),
				"account_mask", jstr(mask), "balance", (json_int_t)u->bal));
			free(mask);
		}
		it->detail[CC_DR_DUPLICATE] = t_is_collector ?
			cc_xasprintf("the original creditor, %s, still reports it "
				     "with a balance of %s", o->creditor, money) :
			cc_xasprintf("%s, a collection agency, reports the same debt "
				     "with a balance of %s", c->creditor, money);
		return 1;
	}
	return 0;
}

/* Did an earlier dispute of this consumer to this bureau hold t? */
static int previously_disputed(struct tl *t, json_t **prev, size_t nprev)
{
	size_t i, j;
	json_t *x;

	for (i = 0; i < nprev; i++)
		json_array_foreach(json_object_get(prev[i], "items"), j, x) {
			const char *id = str(x, "tradeline");

			if ((id && !strcmp(id, t->id)) ||
			    (cc_dispute_same_creditor(str(x, "creditor"), t->creditor) &&
			     cc_mask_compatible(str(x, "account_mask"), t->mask)))
				return 1;
		}
	return 0;
}

static int skipped(const struct cc_dispute_rules *R, const struct tl *t)
{
	size_t i;

	for (i = 0; t->creditor && i < R->nskip_creditors; i++)
		if (has_words(t->creditor, R->skip_creditors[i]))
			return 1;
	return R->skip_reasons_set && t->neg && !(t->neg & ~R->skip_reasons);
}

/* Work out the reasons of t at bureau; 1 when it is to be disputed. */
static int reasons(struct cc_dispute *d, struct group *g, struct item *it,
		   int bureau, json_t **prev,
		   size_t nprev)
{
	const struct cc_dispute_rules *R = d->R;
	struct tl *t = it->t;
	unsigned on = 0, better;
	char removal[11];
	const char *rd;
	int r;

	for (r = 0; r < CC_DR_COUNT; r++)
		if (R->r[r].enabled && (t->negative || R->r[r].positive || t->sel))
			on |= 1u << r;
	if (!t->sel && skipped(R, t))
		return 0;
	it->evidence = json_object();
	if (t->sel) {
		it->reasons |= 1u << t->sel->reason;
		ev_set(it, "selected", json_true());
	}
	/* obsolete: on or after the removal date */
	rd = t->removal;
	if (!rd && t->dofd && t->negative) {
		cc_removal_date(t->dofd, (t->neg & ((1u << RS_CHARGE_OFF) |
					(1u << RS_COLLECTION))) != 0, removal);
		rd = removal[0] ? removal : NULL;
	}
	if ((on & (1u << CC_DR_OBSOLETE)) && rd &&
	    cc_date_on_or_after(d->o.as_of, rd) == 1) {
		it->reasons |= 1u << CC_DR_OBSOLETE;
		ev_set(it, "dofd", jstr(t->dofd));
		ev_set(it, "removal_date", json_string(rd));
		ev_set(it, "as_of", json_string(d->o.as_of));
	}
	if ((on & (1u << CC_DR_DUPLICATE)) && duplicate(d, g, it, bureau))
		it->reasons |= 1u << CC_DR_DUPLICATE;
	if ((on & (1u << CC_DR_MISMATCH)) && mismatch(d, g, it))
		it->reasons |= 1u << CC_DR_MISMATCH;
	if ((on & (1u << CC_DR_PAID_BALANCE)) && t->has_bal && t->bal > 0 &&
	    ((t->status_code && !strcmp(t->status_code, "62")) || says_paid(t->status))) {
		it->reasons |= 1u << CC_DR_PAID_BALANCE;
		ev_set(it, "status", field(t, "status"));
		ev_set(it, "status_code", field(t, "status_code"));
		ev_set(it, "balance", json_integer(t->bal));
	}
	if ((on & (1u << CC_DR_HISTORY)) && history_problem(d, it))
		it->reasons |= 1u << CC_DR_HISTORY;
	better = (1u << CC_DR_OBSOLETE) | (1u << CC_DR_DUPLICATE) |
		 (1u << CC_DR_MISMATCH) | (1u << CC_DR_PAID_BALANCE) |
		 (1u << CC_DR_HISTORY);
	if ((on & (1u << CC_DR_UNVERIFIABLE)) && t->negative && !(it->reasons & better)) {
		it->reasons |= 1u << CC_DR_UNVERIFIABLE;
		ev_set(it, "reasons", field(t, "reasons"));
		ev_set(it, "status", field(t, "status"));
	}
	if ((on & (1u << CC_DR_MISSING_LIMIT)) && t->type && !strcmp(t->type, "revolving") &&
	    !t->has_lim && t->has_high && t->high > 0 &&
	    !(t->layout && !strcmp(t->layout, "lender"))) {
		it->reasons |= 1u << CC_DR_MISSING_LIMIT;
		ev_set(it, "type", field(t, "type"));
		ev_set(it, "limit", json_null());
		ev_set(it, "high_balance", json_integer(t->high));
	}
	/* not marked as disputed: only beside another reason, and only for
	 * what an earlier dispute held, when the earlier disputes are known */
	if ((on & (1u << CC_DR_NOT_MARKED)) && d->o.round >= 2 && it->reasons &&
	    !(t->remarks && contains_ci(t->remarks, "dispute")) &&
	    (!nprev || previously_disputed(t, prev, nprev))) {
		it->reasons |= 1u << CC_DR_NOT_MARKED;
		ev_set(it, "remarks", field(t, "remarks"));
	}
	if (!it->reasons)
		return 0;
	for (r = 0; r < CC_DR_COUNT; r++)
		if (it->reasons & (1u << r))
			break;
	it->main = r;
	return 1;
}

/* --- the text --------------------------------------------------------------- */

struct lookup {
	struct cc_dispute *d;
	struct item *it;
	int bureau, reason;
	const char *previous_date;
	char buf[64];
};

static const char *lookup(const char *name, size_t len, void *arg)
{
	struct lookup *L = arg;
	struct tl *t = L->it->t;
	json_t *v;
	char key[32];

	if (len >= sizeof(key))
		return NULL;
	memcpy(key, name, len);
	key[len] = '\0';
	if (!strcmp(key, "creditor"))
		return t->creditor;
	if (!strcmp(key, "account_mask")) {
		char *m = cc_mask_shown(t->mask);

		if (!m)
			return NULL;
		snprintf(L->buf, sizeof(L->buf), "%s", m);
		free(m);
		return L->buf;
	}
	if (!strcmp(key, "bureau"))
		return cc_bureaus[L->bureau].name;
	if (!strcmp(key, "original_creditor"))
		return t->orig;
	if (!strcmp(key, "status")) {
		if (t->status || !t->status_code)
			return t->status;
		snprintf(L->buf, sizeof(L->buf), "status code %.20s", t->status_code);
		return L->buf;
	}
	if (!strcmp(key, "detail"))
		return L->it->detail[L->reason];
	if (!strcmp(key, "reason"))
		return t->sel && t->sel->text ? t->sel->text : "";
	if (!strcmp(key, "round")) {
		snprintf(L->buf, sizeof(L->buf), "%d", L->d->o.round);
		return L->buf;
	}
	if (!strcmp(key, "balance") || !strcmp(key, "limit") ||
	    !strcmp(key, "high_balance")) {
		v = json_object_get(t->o, key);
		if (!json_is_integer(v))
			return NULL;
		money_words(json_integer_value(v), L->buf, sizeof(L->buf));
		return L->buf;
	}
	if (!strcmp(key, "removal_date") || !strcmp(key, "dofd") ||
	    !strcmp(key, "as_of") || !strcmp(key, "previous_date")) {
		const char *s = !strcmp(key, "as_of") ? L->d->o.as_of :
				!strcmp(key, "previous_date") ? L->previous_date :
				str(L->it->evidence, key) ? str(L->it->evidence, key) :
				str(t->o, key);

		if (!s)
			return NULL;
		cc_date_words(s, L->buf, sizeof(L->buf));
		return L->buf;
	}
	return NULL;
}

static char *item_text(struct cc_dispute *d, struct item *it, int bureau,
		       const char *previous_date)
{
	struct lookup L = { .d = d, .it = it, .bureau = bureau,
			    .previous_date = previous_date };
	struct cc_buf b = { 0 };
	int r;

	for (r = 0; r < CC_DR_COUNT; r++) {
		if (!(it->reasons & (1u << r)))
			continue;
		L.reason = r;
		if (b.len)
			cc_buf_adds(&b, " ");
		d_render(&b, d->R->r[r].text, lookup, &L);
	}
	if (d->o.round >= 2) {
		if (b.len)
			cc_buf_adds(&b, " ");
		d_render(&b, previous_date ? d->R->followup : d->R->followup_undated,
			 lookup, &L);
	}
	return cc_buf_detach(&b);
}

/* --- the disputes ----------------------------------------------------------- */

/* Is t a better choice than u for the same account at bureau? */
static int better_than(struct cc_dispute *d, struct tl *t, struct tl *u, int bureau)
{
	const char *rt = d->docs[t->xd].report_date, *ru = d->docs[u->xd].report_date;
	int c;

	if (!t->sel != !u->sel)
		return t->sel != NULL;
	if ((t->bureau == bureau) != (u->bureau == bureau))
		return t->bureau == bureau;
	if ((c = strcmp(rt, ru)) != 0)
		return c > 0;
	if ((c = strcmp(t->doc, u->doc)) != 0)
		return c < 0;
	return t->seq < u->seq;
}

static int cmp_items(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	const char *cx = x->t->creditor ? x->t->creditor : "";
	const char *cy = y->t->creditor ? y->t->creditor : "";
	const char *mx = x->t->mask ? x->t->mask : "";
	const char *my = y->t->mask ? y->t->mask : "";
	int c;

	if (x->main != y->main)
		return x->main < y->main ? -1 : 1;
	if ((c = strcmp(cx, cy)) != 0)
		return c;
	if ((c = strcmp(mx, my)) != 0)
		return c;
	return strcmp(x->t->id, y->t->id);
}

/* The consumer record for a dispute of g's applicant in doc to bureau.
 * Only that applicant's: a letter in the other's name would be signed by
 * someone who did not ask for it. */
static json_t *consumer_of(struct cc_dispute *d, struct group *g, size_t xd, int bureau)
{
	struct xdoc *x = &d->docs[xd];
	json_t *best = NULL;
	const char *bd = "";
	size_t i, j;

	for (i = 0; i < x->ncons; i++)
		if (applicant_of(x->cons[i]) == g->applicant &&
		    cc_bureau_of(str(x->cons[i], "bureau")) == bureau)
			return x->cons[i];
	for (i = 0; i < x->ncons; i++)
		if (applicant_of(x->cons[i]) == g->applicant &&
		    !str(x->cons[i], "bureau"))
			return x->cons[i];
	for (i = 0; i < x->ncons; i++)
		if (applicant_of(x->cons[i]) == g->applicant)
			return x->cons[i];
	/* none in that report: the newest of the consumer's other reports */
	for (i = 0; i < g->ndocs; i++) {
		struct xdoc *y = &d->docs[g->docs[i]];

		for (j = 0; j < y->ncons; j++) {
			const char *rd = str(y->cons[j], "report_date");
			int b = cc_bureau_of(str(y->cons[j], "bureau"));

			if (applicant_of(y->cons[j]) != g->applicant)
				continue;
			if ((b == bureau || b < 0) && (!best || strcmp(rd ? rd : "", bd) > 0)) {
				best = y->cons[j];
				bd = rd ? rd : "";
			}
		}
	}
	return best;
}

static json_t *consumer_json(json_t *c)
{
	json_t *o = json_object(), *a = json_array(), *v;
	const char *ssn = c ? str(c, "ssn_last4") : NULL;
	size_t i;

	json_object_set_new(o, "name", jstr(c ? str(c, "name") : NULL));
	json_array_foreach(c ? json_object_get(c, "addresses") : NULL, i, v)
		if (json_is_string(v))
			json_array_append(a, v);
	json_object_set_new(o, "addresses", a);
	/* four digits at most, whatever came in */
	if (ssn && (strlen(ssn) != 4 || strspn(ssn, "0123456789") != 4))
		ssn = NULL;
	json_object_set_new(o, "ssn_last4", jstr(ssn));
	v = c ? json_object_get(c, "birth_year") : NULL;
	json_object_set_new(o, "birth_year", json_is_integer(v) ? json_incref(v) : json_null());
	json_object_set_new(o, "report_number", jstr(c ? str(c, "report_number") : NULL));
	return o;
}

/* Do the consumers a and b (a dispute's, a consumer record) name the same
 * person: the same name, in any case, and the same last four of the SSN?
 * strict: only when both give both; else one not given matches one not
 * given. */
static int same_person(json_t *a, json_t *b, int strict)
{
	const char *na = str(a, "name"), *sa = str(a, "ssn_last4");
	const char *nb = str(b, "name"), *sb = str(b, "ssn_last4");

	if (strict && (!na || !sa || !nb || !sb))
		return 0;
	return !strcasecmp(na ? na : "", nb ? nb : "") &&
	       !strcmp(sa ? sa : "", sb ? sb : "");
}

/* The earlier disputes of group g to bureau (round before this one),
 * into a new array of borrowed records; the one to cite in *cite. */
static json_t **previous_of(struct cc_dispute *d, struct group *g, const char *doc,
			    json_t *consumer, int bureau, size_t *n, json_t **cite)
{
	json_t **v = NULL, *p;
	size_t i, a = 0;

	*n = 0;
	*cite = NULL;
	for (i = 0; i < d->nprev; i++) {
		const char *owner;
		json_t *pc;

		p = d->prev[i];
		if (cc_bureau_of(str(p, "bureau")) != bureau ||
		    json_integer_value(json_object_get(p, "round")) >= d->o.round)
			continue;
		owner = str(p, "owner");
		pc = json_object_get(p, "consumer");
		if (g->owner) {
			/* the owner's applicant; a co-applicant, the same
			 * person, as the co-applicants of the owner's reports
			 * are grouped */
			if (!owner || strcmp(owner, g->owner) ||
			    applicant_of(p) != g->applicant ||
			    (g->applicant == 2 && !same_person(pc, consumer, 0)))
				continue;
		} else if (!str(p, "doc") || strcmp(str(p, "doc"), doc) ||
			   applicant_of(p) != g->applicant) {
			/* no owner: the same report's same applicant, or the
			 * same name and SSN, whichever applicant they were */
			if (owner || !same_person(pc, consumer, 1))
				continue;
		}
		CC_GROW(v, a, *n + 1);
		v[(*n)++] = p;
		if (!*cite) {
			*cite = p;
		} else {
			json_int_t r1 = json_integer_value(json_object_get(p, "round"));
			json_int_t r2 = json_integer_value(json_object_get(*cite, "round"));
			int c = strcmp(str(p, "created_at"), str(*cite, "created_at"));
			const char *i1 = str(p, "id"), *i2 = str(*cite, "id");

			if (r1 > r2 || (r1 == r2 && (c > 0 || (c == 0 && i1 && (!i2 || strcmp(i1, i2) < 0)))))
				*cite = p;
		}
	}
	return v;
}

static json_t *item_json(struct item *it, size_t n, const char *text, int action)
{
	struct tl *t = it->t;
	json_t *o = json_object(), *src = json_object_get(t->o, "src");
	char *mask = cc_mask_shown(t->mask);
	json_t *others = json_array();
	int r;

	for (r = it->main + 1; r < CC_DR_COUNT; r++)
		if (it->reasons & (1u << r))
			json_array_append_new(others, json_string(cc_dispute_reason_name(r)));
	if (json_array_size(others))
		json_object_set(it->evidence, "other_reasons", others);
	json_decref(others);
	if (it->same && json_array_size(it->same))
		json_object_set(it->evidence, "same_account", it->same);
	json_object_set_new(o, "n", json_integer((json_int_t)n));
	json_object_set_new(o, "tradeline", json_string(t->id));
	json_object_set_new(o, "doc", json_string(t->doc));
	json_object_set_new(o, "creditor", jstr(t->creditor));
	json_object_set_new(o, "account_mask", jstr(mask));
	json_object_set_new(o, "reason_code", json_string(cc_dispute_reason_name(it->main)));
	json_object_set_new(o, "reason", json_string(text));
	json_object_set_new(o, "action", json_string(d_action_names[action]));
	json_object_set(o, "evidence", it->evidence);
	json_object_set_new(o, "src", json_is_object(src) ? json_incref(src) : json_null());
	free(mask);
	return o;
}

static json_t *dispute_json(struct cc_dispute *d, struct group *g, const char *doc,
			    json_t *consumer, int bureau, json_t *items,
			    json_t *cite, const char *previous_date)
{
	const struct cc_dispute_rules *R = d->R;
	json_t *o = cc_record_new("dispute"), *addr, *lines, *x;
	struct cc_sha256 *h = cc_sha256_new();
	char hex[CC_SHA256_HEX], round[24], day[11];
	const char *key = g->owner ? g->owner : doc;
	size_t i;

	cc_sha256_update(h, key, strlen(key));
	cc_sha256_update(h, "\n", 1);
	/* the co-applicant's dispute of the same joint accounts is
	 * another; the applicant's keeps the id it had before there were
	 * two */
	if (g->applicant == 2)
		cc_sha256_update(h, "2\n", 2);
	cc_sha256_update(h, cc_bureaus[bureau].id, strlen(cc_bureaus[bureau].id));
	cc_sha256_update(h, "\n", 1);
	snprintf(round, sizeof(round), "%d\n", d->o.round);
	cc_sha256_update(h, round, strlen(round));
	json_array_foreach(items, i, x) {
		const char *id = str(x, "tradeline");

		cc_sha256_update(h, id, strlen(id));
		cc_sha256_update(h, "\n", 1);
	}
	cc_sha256_final(h, hex);
	cc_sha256_free(h);
	hex[16] = '\0';

	json_object_set_new(o, "id", json_string(hex));
	json_object_set_new(o, "doc", json_string(doc));
	json_object_set_new(o, "owner", jstr(g->owner));
	json_object_set_new(o, "applicant", json_integer(g->applicant));
	json_object_set_new(o, "bureau", json_string(cc_bureaus[bureau].id));
	json_object_set_new(o, "round", json_integer(d->o.round));
	json_object_set_new(o, "status", json_string("draft"));
	json_object_set_new(o, "consumer", consumer_json(consumer));
	addr = json_object();
	json_object_set_new(addr, "name", json_string(R->bureau[bureau].name));
	lines = json_array();
	for (i = 0; i < R->bureau[bureau].nlines; i++)
		json_array_append_new(lines, json_string(R->bureau[bureau].lines[i]));
	json_object_set_new(addr, "lines", lines);
	json_object_set_new(o, "bureau_address", addr);
	json_object_set(o, "items", items);
	if (cite) {
		memcpy(day, str(cite, "created_at"), 10);
		day[10] = '\0';
		json_object_set_new(o, "previous", json_pack("{s:s,s:O}", "date", day,
			"id", json_object_get(cite, "id") ? json_object_get(cite, "id") : json_null()));
	} else if (previous_date && d->o.round >= 2) {
		json_object_set_new(o, "previous", json_pack("{s:s,s:n}", "date",
								 previous_date, "id"));
	} else {
		json_object_set_new(o, "previous", json_null());
	}
	json_object_set_new(o, "created_at", json_string(d->o.created_at));
	return o;
}

static const char *consumer_name(struct group *g, const char *doc, char *buf, size_t len)
{
	char *shown;

	if (g->owner) {
		shown = cc_utf8_sanitize(g->owner, strlen(g->owner));
		snprintf(buf, len, "owner '%.100s'%s", shown,
			 g->applicant == 2 ? ", co-applicant" : "");
		free(shown);
	} else {
		snprintf(buf, len, "document %.64s%s", doc,
			 g->applicant == 2 ? ", co-applicant" : "");
	}
	return buf;
}

/* Which tradelines of g stand for their account at each bureau: all,
 * but of the same account in two reports to one bureau, one. */
static void dedup(struct cc_dispute *d, struct group *g)
{
	size_t i, j;
	int b;

	g->alive = cc_xcalloc(g->ntls + 1, 1);
	for (i = 0; i < g->ntls; i++)
		g->alive[i] = (unsigned char)d->tls[g->tls[i]].bureaus;
	for (b = 0; b < CC_BUREAU_COUNT; b++)
		for (i = 0; i < g->ntls; i++)
			for (j = i + 1; (g->alive[i] & (1u << b)) && j < g->ntls; j++) {
				struct tl *t = &d->tls[g->tls[i]], *u = &d->tls[g->tls[j]];

				if (!(g->alive[j] & (1u << b)) || t->xd == u->xd ||
				    !same_account(t, u))
					continue;
				g->alive[better_than(d, t, u, b) ? j : i] &= (unsigned char)~(1u << b);
			}
}

/* The disputes of one consumer to one bureau. */
static int group_bureau(struct cc_dispute *d, struct group *g, int bureau,
			cc_dispute_emit_fn emit, void *arg,
			struct cc_dispute_info *info)
{
	const struct cc_dispute_rules *R = d->R;
	struct item *items = NULL;
	size_t nitems = 0, aitems = 0, i, j, k, nprev, per, start, part;
	json_t **prev = NULL, *cite = NULL, *consumer;
	const char *doc = NULL, *best_date = NULL, *pdate;
	char day[11], who[200];
	int rc = 0;

	for (i = 0; i < g->ntls; i++) {
		if (!(g->alive[i] & (1u << bureau)))
			continue;
		CC_GROW(items, aitems, nitems + 1);
		memset(&items[nitems], 0, sizeof(items[nitems]));
		items[nitems].t = &d->tls[g->tls[i]];
		nitems++;
	}
	if (!nitems)
		return 0;
	/* the report the dispute rests on: the newest of its items' */
	for (i = 0; i < nitems; i++) {
		struct xdoc *x = &d->docs[items[i].t->xd];

		if (!doc || strcmp(x->report_date, best_date) > 0 ||
		    (!strcmp(x->report_date, best_date) && strcmp(x->doc, doc) < 0)) {
			doc = x->doc;
			best_date = x->report_date;
		}
	}
	consumer = consumer_of(d, g, (size_t)json_integer_value(json_object_get(d->doc_index, doc)),
			       bureau);
	prev = previous_of(d, g, doc, consumer, bureau, &nprev, &cite);
	pdate = NULL;
	if (cite) {
		memcpy(day, str(cite, "created_at"), 10);
		day[10] = '\0';
		pdate = day;
	} else if (d->o.previous_date && d->o.round >= 2) {
		pdate = d->o.previous_date;
	}

	/* the reasons of each */
	for (i = 0, k = 0; i < nitems; i++) {
		struct item it = items[i];

		if (reasons(d, g, &it, bureau, prev, nprev)) {
			/* the same account read from other reports */
			for (j = 0; j < g->ntls; j++) {
				struct tl *u = &d->tls[g->tls[j]];

				if (!(g->alive[j] & (1u << bureau)) && u != it.t &&
				    (u->bureaus & (1u << bureau)) &&
				    u->xd != it.t->xd && same_account(u, it.t)) {
					if (!it.same)
						it.same = json_array();
					json_array_append_new(it.same, json_string(u->id));
				}
			}
			items[k++] = it;
		} else {
			item_release(&it);
		}
	}
	nitems = k;
	if (nitems)
		qsort(items, nitems, sizeof(*items), cmp_items);

	per = R->max_items > 0 && nitems > (size_t)R->max_items ? (size_t)R->max_items : nitems;
	if (per < nitems && R->defer) {
		warn(d, "%s: %zu of %zu items to %s left for another round "
		     "(max_items %ld)", consumer_name(g, doc, who, sizeof(who)),
		     nitems - per, nitems, cc_bureaus[bureau].name, R->max_items);
		info->deferred += nitems - per;
	}
	for (start = 0, part = 0; rc == 0 && start < nitems && (part == 0 || !R->defer);
	     start += per, part++) {
		json_t *list = json_array(), *rec;
		size_t end = start + per < nitems ? start + per : nitems;

		for (i = start; i < end; i++) {
			struct item *it = &items[i];
			char *text = item_text(d, it, bureau, pdate);
			int action = it->t->sel && it->main == it->t->sel->reason &&
				     it->t->sel->action >= 0 ? it->t->sel->action :
				     R->r[it->main].action;

			json_array_append_new(list, item_json(it, i - start + 1, text, action));
			free(text);
		}
		rec = dispute_json(d, g, doc, consumer, bureau, list, cite, pdate);
		json_decref(list);
		info->disputes++;
		info->items += end - start;
		rc = emit(rec, arg);
	}
	for (i = 0; i < nitems; i++)
		item_release(&items[i]);
	free(items);
	free(prev);
	return rc;
}

static int cmp_tls(const void *a, const void *b, void *arg)
{
	const struct cc_dispute *d = arg;
	const struct tl *x = &d->tls[*(const size_t *)a];
	const struct tl *y = &d->tls[*(const size_t *)b];
	int c = strcmp(x->doc, y->doc);

	return c ? c : strcmp(x->id, y->id);
}

static int cmp_groups(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The group of key, made when new (of applicant), with document xi,
 * x, joined to it (it starts at the first record of its documents); its
 * index. */
static size_t group_of(struct group **groups, size_t *ngroups, size_t *agroups,
		       json_t *gindex, const char *key, struct xdoc *x, size_t xi,
		       int applicant)
{
	json_t *v = json_object_get(gindex, key);
	struct group *g;
	size_t gi;

	if (v) {
		gi = (size_t)json_integer_value(v);
	} else {
		CC_GROW(*groups, *agroups, *ngroups + 1);
		g = &(*groups)[*ngroups];
		memset(g, 0, sizeof(*g));
		g->owner = x->owner;
		g->applicant = applicant;
		g->first = x->first;
		g->order = *ngroups;
		json_object_set_new(gindex, key, json_integer((json_int_t)*ngroups));
		gi = (*ngroups)++;
	}
	g = &(*groups)[gi];
	if (x->first < g->first)
		g->first = x->first;
	CC_GROW(g->docs, g->adocs, g->ndocs + 1);
	g->docs[g->ndocs++] = xi;
	return gi;
}

/* Who a report's co-applicant is, to tell the co-applicants of one
 * owner's reports apart: the name, upper-cased, and the SSN's last four
 * of its first consumer record of applicant 2; empty when it has none. */
static char *co_applicant_key(struct xdoc *x)
{
	const char *name = NULL, *ssn = NULL;
	char *key, *p;
	size_t i;

	for (i = 0; i < x->ncons; i++)
		if (applicant_of(x->cons[i]) == 2) {
			name = str(x->cons[i], "name");
			ssn = str(x->cons[i], "ssn_last4");
			break;
		}
	key = cc_xasprintf("%s\n%s", name ? name : "", ssn ? ssn : "");
	for (p = key; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return key;
}

int cc_dispute_finish(struct cc_dispute *d, cc_dispute_emit_fn emit, void *arg,
		      struct cc_dispute_info *info)
{
	struct group *groups = NULL;
	size_t ngroups = 0, agroups = 0, i, j;
	json_t *gindex = json_object(), *v;
	struct cc_dispute_info dummy;
	int rc = 0, b;

	if (!info)
		info = &dummy;
	memset(info, 0, sizeof(*info));
	/* each report's date, and each consumer's reports */
	for (i = 0; i < d->ndocs; i++) {
		struct xdoc *x = &d->docs[i];
		char *key;

		for (j = 0; j < x->ncons; j++) {
			const char *rd = str(x->cons[j], "report_date");

			if (rd && strlen(rd) <= 10 && strcmp(rd, x->report_date) > 0)
				snprintf(x->report_date, sizeof(x->report_date), "%s", rd);
		}
		key = x->owner ? cc_xasprintf("o\n%s", x->owner) : cc_xasprintf("d\n%s", x->doc);
		x->group = group_of(&groups, &ngroups, &agroups, gindex, key, x, i, 1);
		/* the co-applicant: a consumer of their own, with the
		 * co-applicants of the owner's other reports who are the
		 * same person; after the applicant, whose reports they are */
		if (x->has2) {
			char *co = co_applicant_key(x), *key2;

			key2 = cc_xasprintf("%s\n2\n%s", key, co);
			x->group2 = group_of(&groups, &ngroups, &agroups, gindex, key2,
					     x, i, 2);
			free(key2);
			free(co);
		}
		free(key);
	}
	/* an account to each of its applicants: a joint one to both */
	for (i = 0; i < d->ntls; i++) {
		struct xdoc *x = &d->docs[d->tls[i].xd];
		struct group *g;

		if (d->tls[i].apps & 1) {
			g = &groups[x->group];
			CC_GROW(g->tls, g->atls, g->ntls + 1);
			g->tls[g->ntls++] = i;
		}
		if (d->tls[i].apps & 2) {
			g = &groups[x->group2];
			CC_GROW(g->tls, g->atls, g->ntls + 1);
			g->tls[g->ntls++] = i;
		}
	}
	/* each consumer's tradelines in an order that does not depend on
	 * the input's: by doc, then id */
	for (i = 0; i < ngroups; i++)
		if (groups[i].ntls)
			qsort_r(groups[i].tls, groups[i].ntls, sizeof(size_t), cmp_tls, d);
	/* the analyst's selections of these tradelines (one never seen in
	 * any run is the context's to report: cc_dispute_ctx_unused) */
	for (i = 0; i < d->sel->n; i++) {
		struct d_select *s = &d->sel->v[i];

		v = json_object_get(d->tl_index, s->tradeline);
		if (!v)
			continue;
		d->tls[json_integer_value(v)].sel = s;
		__atomic_store_n(&s->used, 1, __ATOMIC_RELAXED);
	}
	for (i = 0; i < d->ntls; i++) {
		struct tl *t = &d->tls[i];

		if (!t->bureaus && (t->negative || t->sel))
			warn(d, "tradeline %s: no bureau to dispute it with (its "
			     "\"bureau\" and \"repositories\" are null)", t->id);
	}
	/* in the order the consumers came (docs[].group is stale after) */
	if (ngroups)
		qsort(groups, ngroups, sizeof(*groups), cmp_groups);
	info->groups = ngroups;
	for (i = 0; rc == 0 && i < ngroups; i++) {
		dedup(d, &groups[i]);
		for (b = 0; rc == 0 && b < CC_BUREAU_COUNT; b++)
			rc = group_bureau(d, &groups[i], b, emit, arg, info);
	}
	for (i = 0; i < ngroups; i++) {
		free(groups[i].alive);
		free(groups[i].tls);
		free(groups[i].docs);
	}
	free(groups);
	json_decref(gindex);
	pthread_mutex_lock(&d->x->lock);
	d->x->info.groups += info->groups;
	d->x->info.disputes += info->disputes;
	d->x->info.items += info->items;
	d->x->info.deferred += info->deferred;
	pthread_mutex_unlock(&d->x->lock);
	return rc;
}
