/*
 * records.c -- make cc-records(5) records of what the readers read:
 * normalised values, the Metro 2 status and negative reasons, the date of
 * first delinquency and the FCRA removal date, ids and provenance.
 */
#include "base/cc.h"
#include "extract/records.h"
#include "base/hash.h"
#include "model/normalize.h"
#include "record/record.h"
#include "model/date.h"
#include "model/model.h"

#include <ctype.h>
#include <math.h>

/* --- dates --------------------------------------------------------------- */

/* --- negatives ------------------------------------------------------------ */

static int code_late(const char *s)
{
	int n = x_int(s);

	return n >= 30 && n <= 180 && n % 30 == 0 ? n / 30 : 0;   /* 1..6 */
}

void cc_extract_negatives(json_t *tl, unsigned status_reasons, int dofd_from_history)
{
	json_t *hist = json_object_get(tl, "history"), *h, *reasons;
	const char *type = json_string_value(json_object_get(tl, "type"));
	const char *dofd = json_string_value(json_object_get(tl, "dofd"));
	unsigned rs = status_reasons & ~0x3fu;
	int worst = 0, r;
	size_t i, n = json_array_size(hist);
	char out[11];

	for (r = 0; r <= RS_LATE_180 - RS_LATE_30; r++)
		if (status_reasons & (1u << (RS_LATE_30 + r)))
			worst = r + 1;
	json_array_foreach(hist, i, h) {
		const char *s = json_string_value(json_object_get(h, "s"));
		int l;

		if (!s)
			continue;
		if ((l = code_late(s)) > worst)
			worst = l;
		if (!strcmp(s, "CO"))
			rs |= 1u << RS_CHARGE_OFF;
		else if (!strcmp(s, "C"))
			rs |= 1u << RS_COLLECTION;
		else if (!strcmp(s, "R"))
			rs |= 1u << RS_REPOSSESSION;
		else if (!strcmp(s, "VS"))
			rs |= 1u << RS_SURRENDER;
		else if (!strcmp(s, "F"))
			rs |= 1u << RS_FORECLOSURE;
		else if (!strcmp(s, "B"))
			rs |= 1u << RS_BANKRUPTCY;
	}
	if (worst)
		rs |= 1u << (RS_LATE_30 + worst - 1);
	if (type && !strcmp(type, "collection"))
		rs |= 1u << RS_COLLECTION;
	reasons = json_array();
	for (r = 0; r < RS_COUNT; r++)
		if (rs & (1u << r))
			json_array_append_new(reasons, json_string(cc_reason_name(r)));
	json_object_set_new(tl, "negative", json_boolean(rs != 0));
	json_object_set_new(tl, "reasons", reasons);

	/* the date of first delinquency, off the history */
	if (dofd_from_history && !dofd && n) {
		long start = -1;

		for (i = 0; i < n; i++) {
			const char *s = json_string_value(json_object_get(json_array_get(hist, i), "s"));

			if (s && strcmp(s, "OK") && strcmp(s, "ND"))
				start = (long)i;
			else if (start >= 0)
				break;
		}
		if (start >= 0) {
			const char *m = json_string_value(json_object_get(json_array_get(hist, (size_t)start), "m"));
			const char *opened = json_string_value(json_object_get(tl, "opened"));

			if (!((size_t)start == n - 1 && opened && strncmp(opened, m, 7) < 0)) {
				json_object_set_new(tl, "dofd", json_string(m));
				dofd = json_string_value(json_object_get(tl, "dofd"));
			}
		}
	}
	if (json_is_string(json_object_get(tl, "removal_date")))
		return;
	if (!rs || !dofd) {
		json_object_set_new(tl, "removal_date", json_null());
		return;
	}
	cc_removal_date(dofd, (rs & ((1u << RS_CHARGE_OFF) | (1u << RS_COLLECTION))) != 0, out);
	json_object_set_new(tl, "removal_date", out[0] ? json_string(out) : json_null());
}

/* --- values --------------------------------------------------------------- */

/* The text of a field, NULL when the report shows none ("-", "--/--"). */
static const char *val(const struct xacct *a, int f)
{
	const char *s = a->f[f], *p;

	if (!s)
		return NULL;
	for (p = s; *p; p++)
		if (isalnum((unsigned char)*p))
			return s;
	return NULL;
}

/*
 * What looks like a full Social Security number in text, "123-45-6789"
 * or "123 45 6789", masked but for its last four digits, "XXX-XX-6789":
 * a report may print one where a name, an address or a remark is read,
 * and no record holds more of it than its last four (cc-records(5)).
 */
static void mask_ssn(char *s)
{
	static const char shape[] = "ddd-dd-dddd";
	size_t i, k, n = strlen(s);

	for (i = 0; i + 11 <= n; i++) {
		if (i > 0 && isdigit((unsigned char)s[i - 1]))
			continue;
		if (s[i + 3] != '-' && s[i + 3] != ' ')
			continue;
		for (k = 0; k < 11; k++)
			if (shape[k] == 'd' ? !isdigit((unsigned char)s[i + k]) :
			    s[i + k] != s[i + 3])
				break;
		if (k < 11 || isdigit((unsigned char)s[i + 11]))
			continue;
		for (k = 0; k < 6; k++)
			if (shape[k] == 'd')
				s[i + k] = 'X';
		i += 10;
	}
}

/* Text as printed, but for a full SSN in it; null for NULL. */
static json_t *jtext(const char *s)
{
	char *c;
	json_t *j;

	if (!s)
		return json_null();
	c = cc_xstrdup(s);
	mask_ssn(c);
	j = cc_json_str(c);
	free(c);
	return j;
}

static int has_four_digits(const char *s)
{
	int run = 0;

	for (; *s; s++) {
		run = isdigit((unsigned char)*s) ? run + 1 : 0;
		if (run >= 4)
			return 1;
	}
	return 0;
}

/* A date as ISO; a two-digit year after the report date is 19YY. */
/*
 * "12/2772025" for "12/27/2025": OCR reads a slash between digits as 7,
 * 1 or l.  A date of ten characters that would be MM/DD/YYYY but for
 * such a mark where a slash goes: that date.  0, or -1.
 */
static int ocr_slashes(const char *s, char *iso)
{
	char t[11];
	int i;

	if (strlen(s) != 10)
		return -1;
	memcpy(t, s, 11);
	for (i = 0; i < 10; i++) {
		if (i == 2 || i == 5) {
			if (t[i] != '/' && !strchr("71lI|", t[i]))
				return -1;
			t[i] = '/';
		} else if (!isdigit((unsigned char)t[i])) {
			return -1;
		}
	}
	return cc_norm_date(t, iso);
}

static json_t *jdate(const struct xdoc *d, const char *s)
{
	char iso[11];
	size_t n;

	if (!s || (cc_norm_date(s, iso) < 0 && ocr_slashes(s, iso) < 0))
		return json_null();
	n = strlen(iso);
	if (!has_four_digits(s) && d->report_date[0] &&
	    strncmp(iso, d->report_date, n) > 0) {
		int y = x_int(iso) - 100;

		iso[0] = (char)('0' + y / 1000);
		iso[1] = (char)('0' + y / 100 % 10);
		iso[2] = (char)('0' + y / 10 % 10);
		iso[3] = (char)('0' + y % 10);
	}
	return json_string(iso);
}

static json_t *jmoney(const char *s)
{
	int64_t c;

	if (!s || cc_norm_money(s, &c) < 0)
		return json_null();
	return json_integer((json_int_t)c);
}

/* "$0 per month, paid Monthly for 48 months": the amount before "per". */
static json_t *jterms(const char *s)
{
	const char *p;
	char *t;
	json_t *r;

	/* "360M", "060", "REV" are months or a kind, no payment */
	if (!s || !(p = strstr(s, " per ")))
		return s && strchr(s, '$') ? jmoney(s) : json_null();
	t = cc_xstrndup(s, (size_t)(p - s));
	r = jmoney(t);
	free(t);
	return r;
}

static const char *lookup_first(const struct xlayout *L, size_t m, const char *s)
{
	char tok[32];
	size_t n;
	const char *r;

	if (!s)
		return NULL;
	if ((r = x_lookup(L, m, s)) != NULL)
		return r;
	n = strcspn(s, " /");
	if (n == 0 || n >= sizeof(tok))
		return NULL;
	snprintf(tok, sizeof(tok), "%.*s", (int)n, s);
	return x_lookup(L, m, tok);
}

static json_t *jbox(int page, const double bb[4])
{
	json_t *src, *b;
	int k;

	if (!page || bb[0] > bb[2])
		return json_null();
	src = json_object();
	b = json_array();
	json_object_set_new(src, "page", json_integer(page));
	for (k = 0; k < 4; k++)
		json_array_append_new(b, json_real(round(bb[k] * 10) / 10));
	json_object_set_new(src, "bbox", b);
	return src;
}

static json_t *jconf(double c)
{
	if (c > 1)
		c = 1;
	if (c < 0)
		c = 0;
	return json_real(round(c * 1000) / 1000);
}

static double acct_conf(const struct xacct *a)
{
	return a->conf_n ? a->conf_sum / a->conf_n : 1;
}

static void common(json_t *o, const struct xdoc *d, const char *bureau)
{
	json_object_set_new(o, "doc", json_string(d->doc));
	json_object_set_new(o, "layout", d->unknown ? json_null() : json_string(d->L->name));
	json_object_set_new(o, "bureau", jtext(bureau));
}

/* The layout's bureau for its records: none for merged3's columns
 * marker, the lender's merge, or an unknown layout. */
static const char *doc_bureau(const struct xdoc *d)
{
	if (d->unknown)
		return d->bureau;
	if (!d->L->bureau || !strcmp(d->L->bureau, "columns"))
		return NULL;
	return d->L->bureau;
}

static int cmp_hist(const void *a, const void *b)
{
	const struct xhist *p = a, *q = b;

	return (q->y * 12 + q->m) - (p->y * 12 + p->m);
}

/* --- status --------------------------------------------------------------- */

static int is_closed(const char *s, const char *rm, json_t *tl)
{
	if (json_is_string(json_object_get(tl, "closed")))
		return 1;
	if (s && strcasestr(s, "closed"))
		return 1;
	return rm && strcasestr(rm, "closed");
}

/* status_code from the status wording; returns the status's reasons.
 * account_status, remarks: as printed (NULL when not), hist0: the newest
 * month's code or NULL. */
static unsigned status_rules(const struct xlayout *first, json_t *tl,
			     const char *account_status, const char *remarks,
			     const char *hist0)
{
	const char *st = json_string_value(json_object_get(tl, "status"));
	const char *type = json_string_value(json_object_get(tl, "type"));
	json_t *bal = json_object_get(tl, "balance");
	const struct xlayout *L;
	regmatch_t m[2];
	size_t i;

	json_object_set_new(tl, "status_code", json_null());
	if (!st)
		return 0;
	for (L = first; L; L = L->common)
		for (i = 0; i < L->nrules; i++) {
			const struct xrule *r = &L->rules[i];
			unsigned rs = 0;
			int days;

			if (regexec(&r->re, st, 2, m, 0) != 0)
				continue;
			switch (r->kind) {
			case XR_FIXED:
				if (r->code[0])
					json_object_set_new(tl, "status_code", json_string(r->code));
				break;
			case XR_CURRENT:
				json_object_set_new(tl, "status_code",
						    json_string(is_closed(account_status, remarks, tl) ?
								"13" : "11"));
				break;
			case XR_WAS_LATE:
				/* "CUR WAS 60", "PD WAS 30": paid as agreed
				 * or paid now, once that late */
				json_object_set_new(tl, "status_code",
						    json_string(is_closed(account_status, remarks, tl) ||
								strncasecmp(st, "cur", 3) ? "13" : "11"));
				days = strcasestr(st, "was ") ? x_int(strcasestr(st, "was ") + 4) : 0;
				if (days > 180)
					days = 180;
				if (days >= 30)
					rs |= 1u << (RS_LATE_30 + days / 30 - 1);
				break;
			case XR_CO_COLL:
				if (type && !strcmp(type, "collection")) {
					int paid = (json_is_integer(bal) && json_integer_value(bal) == 0) ||
						   (remarks && strcasestr(remarks, "paid"));

					json_object_set_new(tl, "status_code", json_string(paid ? "62" : "93"));
					return 1u << RS_COLLECTION;
				}
				json_object_set_new(tl, "status_code", json_string("97"));
				return 1u << RS_CHARGE_OFF;
			case XR_LATE:
				days = r->days;
				if (!days && m[1].rm_so >= 0)
					days = x_int(st + m[1].rm_so);
				if (days < 30)
					continue;    /* "0 days past due": not late */
				/* "over 120": the newest month says how late */
				if (r->days && hist0) {
					int l = code_late(hist0) * 30;

					if (l > days)
						days = l;
				}
				if (days > 180)
					days = 180;
				json_object_set_new(tl, "status_code", json_string(cc_metro2_late(days)));
				return 1u << (RS_LATE_30 + days / 30 - 1);
			}
			if (r->reason >= 0)
				rs |= 1u << r->reason;
			return rs;
		}
	return 0;
}

/*
 * The reasons an account table's codes give: late counts "02/01/00"
 * (times 30, 60 and 90 days late: the worst that is not 0), and a
 * rating or manner of payment, "R2" or "2" (Metro 2's: 1 as agreed, 2
 * to 6 30 to 150 days late, 7 a wage earner plan, that is a Chapter 13
 * bankruptcy, 8 a repossession or foreclosure, 9 a charge-off or, on a
 * collection account, the collection).  Where the status or remarks
 * give a reason other than a late one (said), it is the account's,
 * not the rating's 7 to 9: a settled account's 9 is no charge-off.
 */
#define LATE_REASONS (((1u << (RS_LATE_180 + 1)) - 1) & ~((1u << RS_LATE_30) - 1))
int x_acct_recorded(const struct xacct *a)
{
	int k, any = 0;

	for (k = XF_ACCOUNT_MASK; k < XF_IGNORE; k++)
		if (val(a, k))
			any++;
	return (any >= 2 || a->nhist) && (a->heading || val(a, XF_CREDITOR));
}

int x_late_counts(const char *s, int n[3])
{
	int k;

	for (k = 0; s && k < 3; k++) {
		char *e;

		while (*s == '/' || *s == '-' || *s == ' ')
			s++;
		if (!isdigit((unsigned char)*s))
			break;
		n[k] = (int)strtol(s, &e, 10);
		s = e;
	}
	return k;
}

static unsigned code_reasons(const char *lates, const char *rating,
			     const char *type, unsigned said)
{
	unsigned rs = 0;
	int k, n, c[3], nc = x_late_counts(lates, c);

	for (k = 0; k < nc; k++)
		if (c[k] > 0)
			rs = 1u << (RS_LATE_30 + k);
	if (rating && *rating) {
		n = rating[strlen(rating) - 1] - '0';
		if (n >= 2 && n <= 6)
			rs |= 1u << (RS_LATE_30 + n - 2);
		else if (said & ~LATE_REASONS)
			;   /* the status says what the rating does: "SETTLED", 9 */
		else if (n == 7)
			rs |= 1u << RS_BANKRUPTCY;
		else if (n == 8)
			rs |= 1u << (type && !strcmp(type, "mortgage") ? RS_FORECLOSURE :
				     RS_REPOSSESSION);
		else if (n == 9)
			rs |= 1u << (type && !strcmp(type, "collection") ? RS_COLLECTION :
				     RS_CHARGE_OFF);
	}
	return rs;
}

/* Whether d is a report of two applicants: a consumer of the second
 * was read. */
static int two_applicants(const struct xdoc *d)
{
	size_t k;

	for (k = 0; k < d->ncons; k++)
		if (d->cons[k].applicant == 2)
			return 1;
	return 0;
}

int x_whose(const char *s)
{
	static const struct { const char *w; int who; } v[] = {
		{ "b", 1 }, { "1", 1 }, { "borrower", 1 }, { "applicant", 1 },
		{ "c", 2 }, { "2", 2 }, { "co-borrower", 2 }, { "coborrower", 2 },
		{ "co-applicant", 2 }, { "co borrower", 2 },
		{ "j", 3 }, { "joint", 3 }, { "both", 3 },
	};
	char *n;
	size_t k;
	int who = 0;

	if (!s)
		return 0;
	n = x_norm(s);
	for (k = 0; k < sizeof(v) / sizeof(v[0]) && !who; k++)
		if (!strcmp(n, v[k].w))
			who = v[k].who;
	free(n);
	return who;
}

/*
 * The applicants an account is of, on a report of two (a consumer of
 * applicant 2 read): as its WHOSE says, else both for a joint account,
 * else the first.  On a report of one: null, the account is its only
 * consumer's.
 */
static json_t *applicants(const struct xdoc *d, const struct xacct *a,
			  const char *responsibility)
{
	json_t *v;
	int who;

	if (!two_applicants(d))
		return json_null();
	who = x_whose(val(a, XF_WHOSE));
	if (!who)
		who = responsibility && !strcmp(responsibility, "joint") ? 3 : 1;
	v = json_array();
	if (who & 1)
		json_array_append_new(v, json_integer(1));
	if (who & 2)
		json_array_append_new(v, json_integer(2));
	return v;
}

/* The reasons the remarks and the creditor give: each remarks rule of the
 * layout and of common.yaml that matches the remarks adds its reason, and
 * a creditor that a collectors pattern matches is a collection. */
static unsigned remark_reasons(const struct xlayout *first, const char *remarks,
			       const char *creditor)
{
	const struct xlayout *L;
	unsigned rs = 0;
	size_t i;

	for (L = first; L; L = L->common) {
		for (i = 0; remarks && i < L->nremarks; i++)
			if (regexec(&L->remarks[i].re, remarks, 0, NULL, 0) == 0 &&
			    !(L->remarks[i].has_unless &&
			      regexec(&L->remarks[i].unless, remarks, 0, NULL, 0) == 0))
				rs |= 1u << L->remarks[i].reason;
		if (creditor && L->has_collectors &&
		    regexec(&L->collectors, creditor, 0, NULL, 0) == 0)
			rs |= 1u << RS_COLLECTION;
	}
	return rs;
}

unsigned cc_extract_status(const struct cc_extract_layouts *X, const char *layout,
			   json_t *tl)
{
	const struct xlayout *L = &X->common;
	json_t *h = json_object_get(tl, "history");
	const char *rm = json_string_value(json_object_get(tl, "remarks"));
	size_t i;

	for (i = 0; layout && i < X->n; i++)
		if (!strcmp(X->v[i].name, layout))
			L = &X->v[i];

	return status_rules(L, tl, json_string_value(json_object_get(tl, "account_status")), rm,
			    json_string_value(json_object_get(json_array_get(h, 0), "s"))) |
	       remark_reasons(L, rm, json_string_value(json_object_get(tl, "creditor")));
}

/* --- records --------------------------------------------------------------- */

static void group_id(const struct xdoc *d, const struct xacct *a, char *out, size_t n)
{
	char hex[CC_SHA256_HEX];
	char *s = cc_xasprintf("%s\nmerged3\n%s\n\n\n", d->doc, a->heading ? a->heading : "");

	if (cc_sha256_hex(s, strlen(s), hex, NULL) < 0)
		hex[0] = '\0';
	snprintf(out, n, "%.16s-%d", hex, a->group_index);
	free(s);
}

static void add_uncertain(json_t *u, const struct xacct *a, int f, const char *name,
			  double min_conf)
{
	if (a->f[f] && a->fconf[f] < min_conf)
		json_array_append_new(u, json_string(name));
}


/* In an OCR'd name, a word that is a digit 0 alone among words of
 * letters is the letter O ("FIRST NATIONAL BANK OF 0", "FATIMA 0
 * PLACEHOLDER"), and a Roman I run into an LLC after it is one
 * ("CAVALRY SPV 1LLC", "ILLC"). */
static void ocr_name_digits(char **pt)
{
	struct cc_buf b = { 0 };
	const char *w;
	size_t n, letters = 0;

	for (w = *pt; *w; w++)
		letters += isalpha((unsigned char)*w) != 0;
	if (letters < 4 || !strpbrk(*pt, "0LC"))
		return;
	for (w = *pt; *w; w += n) {
		if (*w == ' ') {
			cc_buf_add(&b, w, 1);
			n = 1;
			continue;
		}
		n = strcspn(w, " ");
		if (n == 1 && *w == '0' && (w > *pt || w[1]))
			cc_buf_adds(&b, "O");
		else if (n == 4 && (w[0] == '1' || w[0] == 'I') && !strncmp(w + 1, "LLC", 3) &&
			 w > *pt)
			cc_buf_adds(&b, "I LLC");
		else
			cc_buf_add(&b, w, n);
	}
	free(*pt);
	*pt = cc_buf_detach(&b);
}

/* The words of an OCR'd name that are specks, no letter, digit or sign
 * a name uses ("THE HOME =\u2014 DEPOT", "MORTGAGE \u2014"), dropped; so is
 * a character alone at its end. */
static void ocr_specks(char *t, int cut)
{
	char *r = t, *w = t;

	while (*r) {
		size_t n = strcspn(r, " "), k;
		int keep = 0;

		for (k = 0; k < n; k++)
			keep |= isalnum((unsigned char)r[k]) || strchr("&/-#'.@+", r[k]);
		if (keep && n) {
			if (w != t)
				*w++ = ' ';
			memmove(w, r, n);
			w += n;
		}
		r += n;
		while (*r == ' ')
			r++;
	}
	*w = '\0';
	/* and a letter alone at its end ("SANTANDER CONSUMER USA P"), a
	 * border or smudge read as one, but not one of initials ("WELLS
	 * FARGO BANK N A"), nor of a name a table cut short at its
	 * column's width ("PORTFOLIO RECOVERY A") */
	if (!cut && (w = strrchr(t, ' ')) != NULL && w[1] && !w[2] && w > t &&
	    strchr(t, ' ') != w && !(w - t >= 2 && w[-2] == ' '))
		*w = '\0';
	/* in a name of capitals, a last word of a mark and a letter or
	 * two ("-s-", "—s-"), or of two letters of both cases ("Cc"), is a
	 * smudge, and small letters at a word's end ("MGs") are too; a
	 * short word of small letters only is capitals OCR misread ("co") */
	if ((w = strrchr(t, ' ')) != NULL && w > t) {
		size_t k, up = 0, low = 0, marks = 0, al = 0;

		for (k = 0; t + k < w; k++) {
			up += isupper((unsigned char)t[k]) != 0;
			low += islower((unsigned char)t[k]) != 0;
		}
		if (up >= 3 && !low) {
			size_t wl = 0, wu = 0;

			for (k = 1; w[k]; k++) {
				wl += islower((unsigned char)w[k]) != 0;
				wu += isupper((unsigned char)w[k]) != 0;
				al += isalnum((unsigned char)w[k]) != 0;
				marks += !isalnum((unsigned char)w[k]) && !strchr("&/-#'.@+", w[k]);
			}
			if (wl && wu >= 2) {
				for (k = strlen(w); k > 1 && islower((unsigned char)w[k - 1]); k--)
					w[k - 1] = '\0';
			} else if ((marks && al <= 2) || (wl && wu && al <= 2)) {
				*w = '\0';
			} else if (wl && !wu && !marks && al <= 3) {
				/* "CREDIT co": OCR's small letters for capitals */
				for (k = 1; w[k]; k++)
					w[k] = (char)toupper((unsigned char)w[k]);
			}
		}
	}
}

/*
 * An account number read by OCR: letters that stand for digits where a
 * mask holds digits (S 5, O 0, I 1, B 8, Z 2, G 6, T 7), a K or an x in a
 * run of masking X's an X, and marks after it dropped.  The text layer's
 * masks are taken as printed.
 */
static void ocr_mask(char *m)
{
	size_t n, i, run = 0, lead = 0;
	int again;

	/* the marks of a rule or a box before it ("=", "—", "§") */
	while (m[lead] && (strchr("=_~|+", m[lead]) || (unsigned char)m[lead] >= 0x80 ||
			   (m[lead] == '-' && (lead || !isdigit((unsigned char)m[lead + 1])))))
		lead++;
	if (lead && m[lead])
		memmove(m, m + lead, strlen(m + lead) + 1);
	/* a speck read as a point between its digits ("XXXXXXXXX17.67"),
	 * or between its digits and its X's ("789381. XXXXXX") */
	for (i = 1; m[i]; i++)
		if (m[i] == '.' && isdigit((unsigned char)m[i - 1]) &&
		    (isdigit((unsigned char)m[i + 1]) || m[i + 1] == 'X' ||
		     (m[i + 1] == ' ' && m[i + 2] == 'X')))
			memmove(m + i, m + i + 1, strlen(m + i + 1) + 1);

	/* a word OCR ran into it, after four marks or digits or more
	 * ("************2912Pays", "182225XXXXXXXXXXMCC0UN7"): two letters
	 * that are no misread digits and no X */
	for (i = 0; m[i]; i++) {
		unsigned char c = (unsigned char)m[i], c2 = (unsigned char)m[i + 1];

		if (isdigit(c) || c == 'X' || c == '*') {
			run++;
			continue;
		}
		/* and a smudge after it ("458904XXXXXXXXXX_I") */
		if (run >= 4 && c == '_') {
			m[i] = '\0';
			break;
		}
		if (run >= 4 && isalpha(c) && isalpha(c2) && !strchr("XxK", c) &&
		    !strchr("XxK", c2) && !(cc_ocr_digit((char)c) && cc_ocr_digit((char)c2))) {
			m[i] = '\0';
			break;
		}
		if (c != ' ' && c != '-')
			run = 0;
	}
	for (i = 0; m[i]; i++)
		if (cc_ocr_digit(m[i]))
			m[i] = cc_ocr_digit(m[i]);
	do {
		again = 0;
		for (i = 0; m[i]; i++)
			if ((m[i] == 'K' || m[i] == 'x') &&
			    ((i > 0 && m[i - 1] == 'X') || m[i + 1] == 'X')) {
				m[i] = 'X';
				again = 1;
			}
	} while (again);
	n = strlen(m);
	while (n && !isdigit((unsigned char)m[n - 1]) && m[n - 1] != 'X' &&
	       m[n - 1] != '*')
		m[--n] = '\0';
	/* stars after a mask of X's ("503515XXXXXXXXXX***"): specks, as
	 * no account number is masked both ways */
	if (n && m[n - 1] == '*' && strstr(m, "XX")) {
		while (n && m[n - 1] == '*')
			m[--n] = '\0';
		while (n && m[n - 1] == ' ')
			m[--n] = '\0';
	}
}

/* Letters and digits of s, upper case, for comparing OCR'd text. */
static char *squeeze(const char *s)
{
	char *r = cc_xmalloc(strlen(s) + 1), *q = r;

	for (; *s; s++)
		if (isalnum((unsigned char)*s))
			*q++ = (char)toupper((unsigned char)*s);
	*q = '\0';
	return r;
}

/* A status read by OCR ("PAYS_AS AGREED") that is one of the layout's
 * printed statuses but for marks and spaces: that status. */
static void snap_status(const struct xlayout *L, char **st)
{
	char *a = squeeze(*st), *b;
	size_t i;

	for (i = 0; i < L->nstatuses; i++) {
		b = squeeze(L->statuses[i]);
		if (!strcmp(a, b)) {
			free(*st);
			*st = cc_xstrdup(L->statuses[i]);
			free(b);
			break;
		}
		free(b);
	}
	free(a);
}

static json_t *tradeline(const struct xdoc *d, const struct xacct *a,
			 const struct cc_extract_opts *o, int *nuncertain)
{
	static const struct { int f; const char *name; } uf[] = {
		{ XF_ACCOUNT_MASK, "account_mask" }, { XF_OPENED, "opened" },
		{ XF_CLOSED, "closed" }, { XF_REPORTED, "reported" },
		{ XF_LAST_PAYMENT, "last_payment" }, { XF_DOFD, "dofd" },
		{ XF_BALANCE, "balance" }, { XF_LIMIT, "limit" },
		{ XF_HIGH_BALANCE, "high_balance" }, { XF_PAYMENT, "payment" },
		{ XF_PAST_DUE, "past_due" }, { XF_CHARGE_OFF, "charge_off_amount" },
		{ XF_STATUS, "status" }, { XF_REMARKS, "remarks" },
	};
	const struct xlayout *L = d->L;
	char *creditor = NULL, *mask_src = NULL, mask[128], last4[5], id[17];
	const char *bureau = a->bureau ? a->bureau : doc_bureau(d), *s, *loan, *type;
	json_t *o_, *h, *u;
	unsigned rs;
	size_t i;

	if (a->heading && L->heading_mask && (s = strstr(a->heading, " #")) != NULL) {
		const char *t = s, *q;

		while ((q = strstr(t + 1, " #")) != NULL)
			t = q;
		creditor = cc_xstrndup(a->heading, (size_t)(t - a->heading));
		mask_src = cc_xstrdup(t + 2);
	} else if (a->heading) {
		creditor = cc_xstrdup(a->heading);
	} else if (val(a, XF_CREDITOR)) {
		creditor = cc_xstrdup(val(a, XF_CREDITOR));
	}
	if (!creditor) {
		free(mask_src);
		return NULL;
	}
	/* "CAPITAL ONE - Closed": the heading's mark of a closed account, as
	 * Equifax prints it, is not the creditor's name */
	{
		size_t n = strlen(creditor);

		if (n > 9 && !strcasecmp(creditor + n - 9, " - Closed"))
			creditor[n - 9] = '\0';
	}
	mask_ssn(creditor);
	if (acct_conf(a) < 1) {
		ocr_specks(creditor, a->tabled);
		ocr_name_digits(&creditor);
	}
	if (!mask_src && val(a, XF_ACCOUNT_MASK))
		mask_src = cc_xstrdup(val(a, XF_ACCOUNT_MASK));
	/* read by OCR: the text layer's lines have confidence 1 */
	if (mask_src && acct_conf(a) < 1)
		ocr_mask(mask_src);
	if (!mask_src || cc_norm_mask(mask_src, mask, sizeof(mask), last4) < 0) {
		mask[0] = '\0';
		last4[0] = '\0';
	}
	free(mask_src);

	o_ = cc_record_new("tradeline");
	json_object_set_new(o_, "id", json_string(""));
	common(o_, d, bureau);
	if (a->group_index >= 0 && !d->unknown && L->style == XS_COLUMNS) {
		char g[40];

		group_id(d, a, g, sizeof(g));
		json_object_set_new(o_, "account_group", json_string(g));
	} else {
		json_object_set_new(o_, "account_group", json_null());
	}
	json_object_set_new(o_, "creditor", cc_json_str(creditor));
	json_object_set_new(o_, "account_mask", mask[0] ? cc_json_str(mask) : json_null());
	json_object_set_new(o_, "account_last4", last4[0] ? json_string(last4) : json_null());

	s = lookup_first(L, offsetof(struct xlayout, loans), val(a, XF_LOAN_TYPE));
	loan = s;
	type = lookup_first(L, offsetof(struct xlayout, types), val(a, XF_TYPE));
	/* the section's type, unless the generic reader has the loan's: a
	 * heading that no layout gave ("Other accounts") says less */
	if (!type && !(d->unknown && loan && strchr(loan, ':')))
		type = a->sect_type;
	{
		char lt[32] = "", tt[32] = "";

		if (loan) {
			const char *c = strchr(loan, ':');

			snprintf(lt, sizeof(lt), "%.*s", c ? (int)(c - loan) : (int)strlen(loan), loan);
			if (c && !type)
				snprintf(tt, sizeof(tt), "%s", c + 1);
		}
		json_object_set_new(o_, "type", type ? json_string(type) :
				    tt[0] ? json_string(tt) : json_null());
		json_object_set_new(o_, "loan_type", lt[0] ? json_string(lt) : json_null());
	}
	/* as printed: OCR may read an ECOA "I" as "|".  A WHOSE column of
	 * a report of one applicant holds the ECOA letters */
	s = lookup_first(L, offsetof(struct xlayout, resp),
			 a->f[XF_RESPONSIBILITY] || two_applicants(d) ?
			 a->f[XF_RESPONSIBILITY] : a->f[XF_WHOSE]);
	json_object_set_new(o_, "responsibility", jtext(s));
	json_object_set_new(o_, "applicants", applicants(d, a, s));
	json_object_set_new(o_, "opened", jdate(d, val(a, XF_OPENED)));
	json_object_set_new(o_, "closed", jdate(d, val(a, XF_CLOSED)));
	json_object_set_new(o_, "reported", jdate(d, val(a, XF_REPORTED)));
	json_object_set_new(o_, "last_payment", jdate(d, val(a, XF_LAST_PAYMENT)));
	json_object_set_new(o_, "dofd", jdate(d, val(a, XF_DOFD)));
	json_object_set_new(o_, "balance", jmoney(val(a, XF_BALANCE)));
	json_object_set_new(o_, "limit", jmoney(val(a, XF_LIMIT)));
	json_object_set_new(o_, "high_balance", jmoney(val(a, XF_HIGH_BALANCE)));
	json_object_set_new(o_, "payment", val(a, XF_PAYMENT) ? jmoney(val(a, XF_PAYMENT)) :
			    jterms(val(a, XF_TERMS)));
	json_object_set_new(o_, "past_due", jmoney(val(a, XF_PAST_DUE)));
	json_object_set_new(o_, "charge_off_amount", jmoney(val(a, XF_CHARGE_OFF)));
	json_object_set_new(o_, "original_creditor", jtext(val(a, XF_ORIGINAL_CREDITOR)));
	s = val(a, XF_STATUS);
	if (s) {
		char *st = cc_xstrdup(s + (*s == '>'));
		size_t n = strlen(st);

		if (n && st[n - 1] == '<')
			st[n - 1] = '\0';
		if (a->fconf[XF_STATUS] < 1)
			snap_status(L, &st);
		json_object_set_new(o_, "status", jtext(st));
		free(st);
	} else {
		json_object_set_new(o_, "status", json_null());
	}
	json_object_set_new(o_, "status_code", json_null());
	h = json_array();
	if (a->nhist)
		qsort(a->hist, a->nhist, sizeof(*a->hist), cmp_hist);
	for (i = 0; i < a->nhist; i++) {
		json_t *m = json_object();
		unsigned y = (unsigned)a->hist[i].y % 10000u, mo = (unsigned)a->hist[i].m % 100u;
		/* YYYY-MM, by hand: snprintf here was a tenth of this function */
		const char ym[8] = {
			(char)('0' + y / 1000), (char)('0' + y / 100 % 10),
			(char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
			(char)('0' + mo / 10), (char)('0' + mo % 10), '\0',
		};

		json_object_set_new(m, "m", json_stringn_nocheck(ym, 7));
		json_object_set_new(m, "s", json_string(a->hist[i].s));
		json_array_append_new(h, m);
	}
	json_object_set_new(o_, "history", h);
	json_object_set_new(o_, "remarks", jtext(val(a, XF_REMARKS)));
	json_object_set_new(o_, "negative", json_false());
	json_object_set_new(o_, "reasons", json_array());
	json_object_set_new(o_, "removal_date", jdate(d, val(a, XF_REMOVAL)));
	rs = status_rules(d->L, o_, val(a, XF_ACCOUNT_STATUS), val(a, XF_REMARKS),
			  a->nhist ? a->hist[0].s : NULL) |
	     remark_reasons(d->L, val(a, XF_REMARKS), creditor);
	rs |= code_reasons(val(a, XF_LATES), val(a, XF_RATING),
			   json_string_value(json_object_get(o_, "type")), rs);
	{
		int prints_dofd = 0;

		if (d->unknown) {
			/* the generic reader knows every label: whether this
			 * report prints the date is on its pages */
			prints_dofd = d->prints_dofd;
		} else {
			for (i = 0; i < L->nlab; i++)
				if (L->lab[i].field == XF_DOFD)
					prints_dofd = 1;
		}
		if (L->style == XS_GENERIC && !d->unknown && !a->f[XF_DOFD])
			prints_dofd = 0;
		cc_extract_negatives(o_, rs, !prints_dofd);
	}
	if ((L->style == XS_GENERIC && !d->unknown) ||
	    (d->unknown && val(a, XF_REPOSITORIES))) {
		json_t *rep = json_array();
		const char *src = val(a, XF_REPOSITORIES);
		int k;

		/* in the model's order of the bureaus */
		for (k = 0; k < CC_BUREAU_COUNT && src; k++) {
			char *copy = cc_xstrdup(src), *tok, *save = NULL;

			for (tok = strtok_r(copy, "/ ", &save); tok; tok = strtok_r(NULL, "/ ", &save)) {
				const char *b = X_LOOKUP(L, bureaus, tok);

				if (b && !strcmp(b, cc_bureau_id(k))) {
					json_array_append_new(rep, json_string(b));
					break;
				}
			}
			free(copy);
		}
		json_object_set_new(o_, "repositories", src ? rep : json_null());
		if (!src)
			json_decref(rep);
	} else {
		json_object_set_new(o_, "repositories", json_null());
	}
	u = json_array();
	for (i = 0; i < sizeof(uf) / sizeof(uf[0]); i++)
		add_uncertain(u, a, uf[i].f, uf[i].name, o->min_conf);
	*nuncertain += (int)json_array_size(u);
	json_object_set_new(o_, "uncertain", u);
	json_object_set_new(o_, "src", jbox(a->page, a->bb));
	json_object_set_new(o_, "conf", jconf(acct_conf(a) * d->layout_conf));

	cc_tradeline_id(d->doc, bureau, creditor,
			json_string_value(json_object_get(o_, "account_mask")),
			json_string_value(json_object_get(o_, "opened")), id);
	json_object_set_new(o_, "id", json_string(id));
	free(creditor);
	return o_;
}

static json_t *public_record(const struct xdoc *d, const struct xacct *a)
{
	const char *type = lookup_first(d->L, offsetof(struct xlayout, pubtypes),
					val(a, XP_TYPE));
	json_t *o = cc_record_new("public_record"), *filed;
	const char *bureau = d->L->style == XS_BLOCKS || d->unknown ? doc_bureau(d) : NULL;
	const char *f;
	char out[11];

	common(o, d, bureau);
	json_object_set_new(o, "type", jtext(type));
	json_object_set_new(o, "court", jtext(a->heading));
	json_object_set_new(o, "reference", jtext(val(a, XP_REFERENCE)));
	filed = jdate(d, val(a, XP_FILED));
	json_object_set_new(o, "filed", filed);
	json_object_set_new(o, "resolved", jdate(d, val(a, XP_RESOLVED)));
	json_object_set_new(o, "amount", jmoney(val(a, XP_AMOUNT)));
	json_object_set_new(o, "negative", json_true());
	/* a type not in the layout's vocabulary: negative, for no reason
	 * cc-extract can name */
	json_object_set_new(o, "reasons", !type ? json_array() :
			    json_pack("[s]", !strncmp(type, "bankruptcy", 10) ?
				      "bankruptcy" : type));
	f = json_string_value(filed);
	if (f) {
		cc_iso_add_months(f, type && !strncmp(type, "bankruptcy", 10) ? 120 : 84, out);
		json_object_set_new(o, "removal_date", json_string(out));
	} else {
		json_object_set_new(o, "removal_date", json_null());
	}
	json_object_set_new(o, "src", jbox(a->page, a->bb));
	json_object_set_new(o, "conf", jconf(acct_conf(a) * d->layout_conf));
	return o;
}

static json_t *consumer(const struct xdoc *d, const struct xcons *c)
{
	const struct xacct *a = &c->a;
	json_t *o = cc_record_new("consumer"), *ad = json_array();
	const char *s;
	char dg[16];

	common(o, d, c->bureau ? c->bureau : doc_bureau(d));
	json_object_set_new(o, "applicant", json_integer(c->applicant == 2 ? 2 : 1));
	if (val(a, XC_NAME) && a->fconf[XC_NAME] < 1) {
		char *name = cc_xstrdup(val(a, XC_NAME));

		ocr_name_digits(&name);
		json_object_set_new(o, "name", jtext(name));
		free(name);
	} else {
		json_object_set_new(o, "name", jtext(val(a, XC_NAME)));
	}
	if (val(a, XC_ADDRESS))
		json_array_append_new(ad, jtext(val(a, XC_ADDRESS)));
	if (val(a, XC_PREV_ADDRESS))
		json_array_append_new(ad, jtext(val(a, XC_PREV_ADDRESS)));
	json_object_set_new(o, "addresses", ad);
	s = val(a, XC_SSN);
	if (s && strlen(s) >= 4 && cc_norm_digits(s + strlen(s) - 4, dg, sizeof(dg)) == 0 &&
	    strlen(dg) == 4)
		json_object_set_new(o, "ssn_last4", json_string(dg));
	else
		json_object_set_new(o, "ssn_last4", json_null());
	s = val(a, XC_BIRTH_YEAR);
	if (s && strlen(s) == 10 && s[4] == '-')
		json_object_set_new(o, "birth_year", json_integer(x_int(s)));
	else if (s && cc_norm_digits(s, dg, sizeof(dg)) == 0 && strlen(dg) == 4)
		json_object_set_new(o, "birth_year", json_integer(x_int(dg)));
	else if (s && x_masked_year(s))
		json_object_set_new(o, "birth_year", json_integer(x_masked_year(s)));
	else
		json_object_set_new(o, "birth_year", json_null());
	{
		/* the report's date and number are the co-applicant's too */
		const struct xacct *r = a;
		const char *num;
		size_t k;

		for (k = 0; c->applicant == 2 && k < d->ncons; k++)
			if (d->cons[k].applicant != 2 && d->cons[k].bureau == c->bureau)
				r = &d->cons[k].a;
		json_object_set_new(o, "report_date", jdate(d, val(a, XC_REPORT_DATE) ?
							     val(a, XC_REPORT_DATE) :
							     val(r, XC_REPORT_DATE)));
		num = val(a, XC_REPORT_NUMBER) ? val(a, XC_REPORT_NUMBER) :
		      val(r, XC_REPORT_NUMBER);

		/* no report number printed: the orderer's reference */
		if (!num)
			num = val(a, XC_REFERENCE) ? val(a, XC_REFERENCE) : val(r, XC_REFERENCE);
		json_object_set_new(o, "report_number", jtext(num));
	}
	json_object_set_new(o, "src", jbox(a->page, a->bb));
	json_object_set_new(o, "conf", jconf(acct_conf(a) * d->layout_conf));
	return o;
}

static json_t *inquiry(const struct xdoc *d, const struct xinq *q)
{
	json_t *o = cc_record_new("inquiry");
	const char *b = doc_bureau(d);

	if (!b && q->bureau)
		b = X_LOOKUP(d->L, bureaus, q->bureau);
	common(o, d, b);
	json_object_set_new(o, "creditor", jtext(q->creditor));
	json_object_set_new(o, "date", jdate(d, q->date));
	json_object_set_new(o, "type", json_string(d->L->inquiry_type ?
						   d->L->inquiry_type : "hard"));
	json_object_set_new(o, "src", jbox(q->page, q->bb));
	json_object_set_new(o, "conf", jconf(q->conf * d->layout_conf));
	return o;
}

int x_emit(struct xdoc *d, const struct cc_extract_opts *o,
	   cc_extract_emit_fn emit, void *arg, struct cc_extract_info *info)
{
	size_t i;
	int rc;
	json_t *r;

	if (d->ncons == 0)
		memset(&d->cons[d->ncons++], 0, sizeof(d->cons[0]));
	/* merged3: the tradelines of a block share its box */
	for (i = 0; i < d->nacct; i++) {
		struct xacct *a = &d->acct[i], *b;
		size_t j;

		if (a->group_index < 0 || !a->page)
			continue;
		for (j = 0; j < d->nacct; j++) {
			b = &d->acct[j];
			if (b->group_index != a->group_index || b->page != a->page || j == i)
				continue;
			if (b->bb[0] < a->bb[0])
				a->bb[0] = b->bb[0];
			if (b->bb[1] < a->bb[1])
				a->bb[1] = b->bb[1];
			if (b->bb[2] > a->bb[2])
				a->bb[2] = b->bb[2];
			if (b->bb[3] > a->bb[3])
				a->bb[3] = b->bb[3];
		}
	}
	for (i = 0; i < d->ncons; i++) {
		if ((rc = emit(consumer(d, &d->cons[i]), arg)) < 0)
			return rc;
		info->consumers++;
	}
	for (i = 0; i < d->nacct; i++) {
		const struct xacct *a = &d->acct[i];

		/* a merged3 column with nothing in it: that bureau does not
		 * report the account */
		if (!x_acct_recorded(a))
			continue;
		/* a bureau's column of a block read generically that holds
		 * no number, date or status of its own, only what a row
		 * printed across the columns gave every bureau (an original
		 * creditor, a remark): that bureau does not report it */
		if (d->unknown && a->bureau && !a->nhist && !val(a, XF_ACCOUNT_MASK) &&
		    !val(a, XF_BALANCE) && !val(a, XF_OPENED) && !val(a, XF_STATUS) &&
		    !val(a, XF_REPORTED) && !val(a, XF_LIMIT) && !val(a, XF_HIGH_BALANCE) &&
		    !val(a, XF_PAYMENT) && !val(a, XF_PAST_DUE) && !val(a, XF_CLOSED) &&
		    !val(a, XF_LAST_PAYMENT) && !val(a, XF_DOFD) && !val(a, XF_ACCOUNT_STATUS))
			continue;
		if (!(r = tradeline(d, a, o, &info->uncertain)))
			continue;
		if ((rc = emit(r, arg)) < 0)
			return rc;
		info->tradelines++;
	}
	for (i = 0; i < d->npub; i++) {
		if ((rc = emit(public_record(d, &d->pub[i]), arg)) < 0)
			return rc;
		info->public_records++;
	}
	for (i = 0; i < d->ninq; i++) {
		if ((rc = emit(inquiry(d, &d->inq[i]), arg)) < 0)
			return rc;
		info->inquiries++;
	}
	return 0;
}

static void acct_release(struct xacct *a)
{
	int k;

	for (k = 0; k < XF_COUNT; k++)
		free(a->f[k]);
	free(a->heading);
	free(a->hist);
}

void x_doc_release(struct xdoc *d)
{
	size_t i;

	for (i = 0; i < d->nraw; i++)
		free(d->raw[i]);
	free(d->raw);
	for (i = 0; i < d->nc; i++)
		free(d->c[i].t);
	free(d->c);
	for (i = 0; i < d->nr; i++) {
		free(d->r[i].text);
		free(d->r[i].norm);
	}
	free(d->r);
	for (i = 0; i < d->nacct; i++)
		acct_release(&d->acct[i]);
	free(d->acct);
	for (i = 0; i < d->npub; i++)
		acct_release(&d->pub[i]);
	free(d->pub);
	for (i = 0; i < d->ncons; i++)
		acct_release(&d->cons[i].a);
	for (i = 0; i < d->ninq; i++) {
		free(d->inq[i].creditor);
		free(d->inq[i].date);
		free(d->inq[i].bureau);
	}
	free(d->inq);
}
