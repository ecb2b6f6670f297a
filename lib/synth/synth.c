/*
 * synth.c -- the model of a fictional report, its printed view, and the
 * truth records (see synth.h).  No mupdf here: synth_html.c prints the
 * model as HTML and pdf.c lays the HTML out.
 */
#include "base/cc.h"

#include <math.h>

#include "base/hash.h"
#include "record/record.h"
#include "synth/impl.h"
#include "synth/data.h"

/* --- names ---------------------------------------------------------------- */

static const int bureau_model[SB_COUNT] = {
	[SB_XP] = CC_EXPERIAN, [SB_TU] = CC_TRANSUNION, [SB_EF] = CC_EQUIFAX,
};

int synth_bureau_model(int b)
{
	return b >= 0 && b < SB_COUNT ? bureau_model[b] : -1;
}

const char *synth_bureau_id(int b)
{
	return cc_bureau_id(synth_bureau_model(b));
}

/* The status code of an account late now by late days, as Equifax and
 * the designs that print codes write it. */
const char *synth_late_code(int late)
{
	return late >= 120 ? "OVER_120_DAYS_PAST_DUE" :
	       late >= 90 ? "90_119_DAYS_PAST_DUE" :
	       late >= 60 ? "60_89_DAYS_PAST_DUE" : "30_59_DAYS_PAST_DUE";
}

/* --- randomness (impl.h) ------------------------------------------------- */

#define PICK(g, arr) ((arr)[synth_between((g), 0, (long)NELEM(arr) - 1)])

/* --- dates ------------------------------------------------------------------ */

static int months_between(struct cc_date a, struct cc_date b)
{
	return (b.y * 12 + b.m) - (a.y * 12 + a.m);
}

static struct cc_date month_of(struct cc_date d)
{
	d.d = 0;
	return d;
}

static struct cc_date random_day(struct synth_rng *g, struct cc_date month)
{
	month.d = (int)synth_between(g, 1, cc_days_in_month(month.y, month.m));
	return month;
}


/* --- the model ---------------------------------------------------------------- */

static int pick_kind(struct synth_rng *g)
{
	static const int w[SK_COUNT] = { 34, 3, 10, 10, 7, 2, 6, 15, 13 };
	long x = synth_between(g, 1, 100), acc = 0;
	int k;

	for (k = 0; k < SK_COUNT; k++) {
		acc += w[k];
		if (x <= acc)
			return k;
	}
	return SK_CARD;
}

static int pick_story(struct synth_rng *g, int kind)
{
	long x = synth_between(g, 1, 100);

	if (kind == SK_COLLECTION || kind == SK_MEDICAL)
		return x <= 78 ? SS_COLLECTION : SS_PAID_COLLECTION;
	if (x <= 46)
		return SS_CURRENT;
	if (x <= 58)
		return SS_LATE_PAST;
	if (x <= 64)
		return SS_LATE_NOW;
	if (x <= 73) {
		if (kind == SK_MORTGAGE || kind == SK_HELOC)
			return SS_FORECLOSURE;
		if (kind == SK_AUTO)
			return synth_chance(g, 60) ? SS_REPOSSESSION : SS_SURRENDER;
		return SS_CHARGE_OFF;
	}
	if (x <= 77)
		return SS_SETTLED;
	if (x <= 79)
		return SS_BANKRUPTCY;
	if (x <= 91)
		return SS_PAID_CLOSED;
	return kind == SK_CARD ? SS_CONSUMER_CLOSED : SS_PAID_CLOSED;
}

static void make_number(struct synth_rng *g, char *buf, int digits)
{
	int i;

	buf[0] = (char)('1' + synth_between(g, 0, 8));
	for (i = 1; i < digits; i++)
		buf[i] = (char)('0' + synth_between(g, 0, 9));
	buf[digits] = '\0';
}

/* Put a delinquency episode into the history: codes from `at` (months ago,
 * oldest) towards now; returns the month index of its first late. */
static void episode(struct synth_account *a, int at, const int *codes, int n)
{
	int i;

	for (i = 0; i < n && at - i >= 0; i++)
		if (at - i < a->nhist)
			a->hist[at - i] = codes[i];
}

static const int climb[] = { HC_30, HC_60, HC_90, HC_120, HC_150, HC_180 };

static void make_history(struct synth_rng *g, struct synth_account *a,
			 struct cc_date as_of)
{
	int i, at, len, last = -1, worst = 0;
	int codes[SYNTH_MAX_HIST];

	a->nhist = months_between(a->opened, a->reported) + 1;
	if (a->nhist > SYNTH_MAX_HIST)
		a->nhist = SYNTH_MAX_HIST;
	if (a->nhist < 0)
		a->nhist = 0;
	if (a->kind == SK_COLLECTION || a->kind == SK_MEDICAL)
		a->nhist = 0;
	for (i = 0; i < a->nhist; i++) {
		a->hist_month[i] = month_of(cc_date_add_months(a->reported, -i));
		a->hist[i] = HC_OK;
	}
	(void)as_of;
	switch (a->story) {
	case SS_LATE_PAST:
		len = (int)synth_between(g, 1, 3);
		at = (int)synth_between(g, 3 + len, 20);
		if (at >= a->nhist)
			at = a->nhist - 1;
		if (at < 0)
			break;
		for (i = 0; i < len; i++)
			codes[i] = climb[i];
		episode(a, at, codes, len);
		a->dofd = random_day(g, a->hist_month[at]);
		break;
	case SS_LATE_NOW:
		len = synth_chance(g, 85) ? (int)synth_between(g, 1, 4) : (int)synth_between(g, 5, 6);
		if (len > a->nhist)
			len = a->nhist;
		if (len <= 0)
			break;
		for (i = 0; i < len; i++)
			codes[i] = climb[i];
		episode(a, len - 1, codes, len);
		a->dofd = random_day(g, a->hist_month[len - 1]);
		break;
	case SS_CHARGE_OFF:
	case SS_REPOSSESSION:
	case SS_SURRENDER:
	case SS_FORECLOSURE:
	case SS_SETTLED:
	case SS_BANKRUPTCY:
		len = a->story == SS_CHARGE_OFF ? 6 :
		      a->story == SS_FORECLOSURE ? 4 :
		      a->story == SS_SETTLED ? (int)synth_between(g, 2, 4) : 3;
		for (i = 0; i < len; i++)
			codes[i] = climb[i];
		at = months_between(month_of(a->dofd), month_of(a->reported));
		if (at >= SYNTH_MAX_HIST)
			at = SYNTH_MAX_HIST - 1;
		/* then the terminal code, month after month */
		for (i = len; i < at + 1; i++)
			codes[i] = a->story == SS_CHARGE_OFF ? HC_CO :
				   a->story == SS_REPOSSESSION ? HC_R :
				   a->story == SS_SURRENDER ? HC_VS :
				   a->story == SS_FORECLOSURE ? HC_F :
				   a->story == SS_BANKRUPTCY ? HC_B : HC_OK;
		/* an episode older than the history: only its end shows */
		episode(a, at, codes, at + 1 > len ? at + 1 : len);
		break;
	default:
		break;
	}
	for (i = 0; i < a->nhist; i++) {
		int c = a->hist[i];

		if (c >= HC_30 && c <= HC_180) {
			if (c > last)
				last = c;
			if ((c - HC_30 + 1) * 30 > worst)
				worst = (c - HC_30 + 1) * 30;
		}
	}
	a->worst_late = worst;
}

static void make_account(struct synth_rng *g, struct synth_account *a,
			 struct cc_date as_of, int layout, int birth_year)
{
	struct cc_date adult = { birth_year + 18, 6, 1 };
	long age;
	int obsolete;

	memset(a, 0, sizeof(*a));
	a->kind = pick_kind(g);
	a->story = pick_story(g, a->kind);
	a->resp = SR_INDIVIDUAL;
	if (synth_chance(g, 10))
		a->resp = SR_JOINT;
	else if (a->kind == SK_CARD && synth_chance(g, 10))
		a->resp = SR_AUTHORIZED;
	else if ((a->kind == SK_AUTO || a->kind == SK_STUDENT) && synth_chance(g, 8))
		a->resp = SR_COSIGNER;
	if (a->resp == SR_AUTHORIZED && a->story != SS_CURRENT)
		a->story = SS_CURRENT;

	switch (a->kind) {
	case SK_CARD: a->creditor = PICK(g, cards); break;
	case SK_CHARGE_CARD: a->creditor = PICK(g, charge_cards); break;
	case SK_AUTO: a->creditor = PICK(g, autos); break;
	case SK_STUDENT: a->creditor = PICK(g, students); break;
	case SK_MORTGAGE: a->creditor = PICK(g, mortgages); break;
	case SK_HELOC: a->creditor = PICK(g, helocs); break;
	case SK_PERSONAL: a->creditor = PICK(g, personals); break;
	case SK_COLLECTION:
		a->creditor = PICK(g, collectors);
		a->original_creditor = PICK(g, collected_from);
		break;
	case SK_MEDICAL:
		a->creditor = PICK(g, medical_collectors);
		a->original_creditor = PICK(g, hospitals);
		break;
	}
	make_number(g, a->number, a->kind == SK_CARD ||
		    a->kind == SK_CHARGE_CARD ? 16 : (int)synth_between(g, 9, 13));

	/* when: mortgages are old, collections recent unless obsolete */
	age = a->kind == SK_MORTGAGE ? synth_between(g, 24, 300) :
	      a->kind == SK_COLLECTION || a->kind == SK_MEDICAL ?
	      synth_between(g, 3, 70) : synth_between(g, 8, 240);
	obsolete = (a->story == SS_CHARGE_OFF || a->story == SS_COLLECTION) &&
		   synth_chance(g, 12);
	if (obsolete)
		age = synth_between(g, 100, 130);
	/* nobody opens an account before turning eighteen */
	if (age > months_between(adult, as_of) - 1)
		age = months_between(adult, as_of) - 1;
	if (age < 3)
		age = 3;
	a->opened = random_day(g, cc_date_add_months(as_of, -(int)age));
	a->reported = random_day(g, cc_date_add_months(as_of, -(int)synth_between(g, 0, 2)));
	if (a->reported.y * 400 + a->reported.m * 32 + a->reported.d >
	    as_of.y * 400 + as_of.m * 32 + as_of.d)
		a->reported = as_of;

	switch (a->story) {
	case SS_LATE_NOW:
		break;
	case SS_CHARGE_OFF:
	case SS_REPOSSESSION:
	case SS_SURRENDER:
	case SS_FORECLOSURE:
	case SS_SETTLED:
	case SS_BANKRUPTCY: {
		int lo = 7, hi = (int)age - 2;

		if (obsolete) {
			lo = 92;
			hi = 98;
		}
		if (hi < lo)
			hi = lo;
		if (hi > 60 && !obsolete)
			hi = 60;
		a->dofd = random_day(g, cc_date_add_months(as_of, -(int)synth_between(g, lo, hi)));
		if (months_between(a->opened, a->dofd) < 2)
			a->opened = random_day(g, cc_date_add_months(a->dofd, -(int)synth_between(g, 3, 30)));
		break;
	}
	case SS_COLLECTION:
	case SS_PAID_COLLECTION:
		/* the debt went bad first; the collector took it on after */
		a->dofd = random_day(g, cc_date_add_months(a->opened, -(int)synth_between(g, 2, 10)));
		if (obsolete) {
			a->dofd = random_day(g, cc_date_add_months(as_of, -(int)synth_between(g, 92, 98)));
			a->opened = random_day(g, cc_date_add_months(a->dofd, (int)synth_between(g, 2, 10)));
		}
		break;
	default:
		break;
	}

	/* amounts */
	a->balance = a->limit = a->high = a->payment = -1;
	a->past_due = 0;
	a->charge_off = -1;
	switch (a->kind) {
	case SK_CARD:
	case SK_CHARGE_CARD:
		a->limit = synth_between(g, 3, 250) * 100;
		a->balance = synth_between(g, 0, a->limit);
		a->high = a->balance + synth_between(g, 0, a->limit - a->balance);
		a->payment = a->balance ? (a->balance / 50 > 25 ? a->balance / 50 : 25) : 0;
		if (a->kind == SK_CHARGE_CARD)
			a->limit = -1;
		break;
	case SK_HELOC:
		a->limit = synth_between(g, 100, 1500) * 100;
		a->balance = synth_between(g, 0, a->limit);
		a->high = a->balance;
		a->payment = a->balance / 80;
		break;
	case SK_AUTO:
	case SK_STUDENT:
	case SK_PERSONAL:
	case SK_MORTGAGE:
		a->high = a->kind == SK_MORTGAGE ? synth_between(g, 800, 6500) * 100 :
			  a->kind == SK_AUTO ? synth_between(g, 60, 550) * 100 :
			  a->kind == SK_STUDENT ? synth_between(g, 30, 900) * 100 :
			  synth_between(g, 10, 400) * 100;
		a->term_months = a->kind == SK_MORTGAGE ? 360 :
				 a->kind == SK_STUDENT ? 120 :
				 (int)synth_between(g, 3, 7) * 12;
		a->payment = a->high / a->term_months + a->high / 400;
		a->balance = a->high - a->high * synth_between(g, 0, 80) / 100;
		break;
	case SK_COLLECTION:
	case SK_MEDICAL:
		a->high = synth_between(g, 50, 6000);
		a->balance = a->high;
		a->past_due = a->balance;
		break;
	}

	switch (a->story) {
	case SS_LATE_NOW:
		a->past_due = a->payment > 0 ? a->payment * synth_between(g, 1, 4) : 35;
		break;
	case SS_CHARGE_OFF:
		a->charge_off = a->balance > 0 ? a->balance : a->high;
		a->balance = a->charge_off;
		a->past_due = a->balance;
		a->payment = 0;
		a->closed = random_day(g, cc_date_add_months(a->dofd, 6));
		break;
	case SS_REPOSSESSION:
	case SS_SURRENDER:
	case SS_FORECLOSURE:
		a->balance = a->balance / 3;
		a->past_due = a->balance;
		a->payment = 0;
		a->closed = random_day(g, cc_date_add_months(a->dofd, 4));
		break;
	case SS_SETTLED:
	case SS_PAID_CLOSED:
	case SS_CONSUMER_CLOSED:
	case SS_PAID_COLLECTION:
		a->balance = 0;
		a->past_due = 0;
		a->payment = 0;
		a->closed = random_day(g, cc_date_add_months(a->reported, -(int)synth_between(g, 1, 24)));
		if (a->closed.y * 12 + a->closed.m < a->opened.y * 12 + a->opened.m)
			a->closed = a->reported;
		break;
	case SS_BANKRUPTCY:
		a->balance = 0;
		a->past_due = 0;
		a->payment = 0;
		a->closed = random_day(g, cc_date_add_months(a->dofd, 5));
		break;
	default:
		break;
	}
	if (a->closed.y && months_between(a->closed, a->reported) < 0)
		a->closed = a->reported;
	if (a->story != SS_CHARGE_OFF && a->story != SS_COLLECTION &&
	    a->story != SS_PAID_COLLECTION && a->story != SS_SETTLED &&
	    a->kind != SK_COLLECTION && a->kind != SK_MEDICAL)
		a->last_payment = random_day(g, cc_date_add_months(a->reported, -(int)synth_between(g, 0, 1)));
	else if (a->story == SS_SETTLED || a->story == SS_PAID_COLLECTION)
		a->last_payment = a->closed;
	if (a->dofd.y && (a->story == SS_REPOSSESSION || a->story == SS_SURRENDER ||
			  a->story == SS_FORECLOSURE || a->story == SS_BANKRUPTCY))
		a->last_payment = random_day(g, cc_date_add_months(a->dofd, -1));
	if (a->last_payment.y && months_between(a->opened, a->last_payment) < 0)
		a->last_payment = a->opened;
	/* nothing reported happens after the report */
	if (a->last_payment.y && (a->last_payment.y * 400 + a->last_payment.m * 32 +
				  a->last_payment.d > a->reported.y * 400 +
				  a->reported.m * 32 + a->reported.d))
		a->last_payment = a->reported;

	make_history(g, a, as_of);

	/* remarks */
	if (a->story == SS_SETTLED)
		a->remark = "ACCOUNT LEGALLY PAID IN FULL FOR LESS THAN THE FULL BALANCE";
	else if (a->story == SS_BANKRUPTCY)
		a->remark = "ACCOUNT INCLUDED IN BANKRUPTCY CHAPTER 7";
	else if (a->story == SS_CONSUMER_CLOSED)
		a->remark = "ACCOUNT CLOSED AT CONSUMER'S REQUEST";
	else if (a->story == SS_PAID_COLLECTION)
		a->remark = "PAID COLLECTION ACCOUNT";
	else if (a->kind == SK_MEDICAL)
		a->remark = "MEDICAL PAYMENT DATA";
	else if (a->story == SS_CHARGE_OFF && synth_chance(g, 50))
		a->remark = "UNPAID BALANCE REPORTED AS A LOSS BY THE CREDIT GRANTOR; "
			    "CONSUMER DISPUTES THIS ACCOUNT INFORMATION";
	else if (a->resp == SR_AUTHORIZED)
		a->remark = "AUTHORIZED USER";
	else if (a->kind == SK_STUDENT && synth_chance(g, 40))
		a->remark = "STUDENT LOAN - PAYMENT DEFERRED";

	/* which bureaus report it, and their disagreements (merged3, lender) */
	a->bureaus = 7;
	if (synth_chance(g, 25))
		a->bureaus &= ~(1 << synth_between(g, 0, 2));
	if (layout == CC_LAYOUT_MERGED3 && synth_chance(g, 12) && a->balance > 0) {
		int b = (int)synth_between(g, 0, 2);

		if (a->bureaus & (1 << b))
			a->balance_delta[b] = synth_between(g, 1, 40) * 10;
	}
}

/* A made-up address, as the first applicant's are drawn. */
static void draw_address(struct synth_rng *g, char *street, size_t slen,
			 char *city, size_t clen, char *state, size_t stlen,
			 char *zip, size_t zlen)
{
	const char *const *c = cities[synth_between(g, 0, (long)NELEM(cities) - 1)];

	snprintf(street, slen, "%ld %s", synth_between(g, 10, 9999),
		 PICK(g, streets));
	snprintf(city, clen, "%s", c[0]);
	snprintf(state, stlen, "%s", c[1]);
	snprintf(zip, zlen, "%05ld", synth_between(g, 10000, 99950));
}

/* 1 when someone born in year had turned eighteen by month d. */
static int adult_at(int year, struct cc_date d)
{
	struct cc_date adult = { year + 18, 6, 1 };

	return months_between(adult, d) >= 0;
}

/*
 * A co-applicant, about one report in three (lender's tabular design
 * only), and whose each account is, on a stream of its own, so that a
 * report without one is drawn as before.  An account of both is a joint
 * one: an individual account the co-borrower shares becomes joint, and
 * a joint account is both's, so the co-borrower is made old enough for
 * the oldest.  Only an account opened once the co-borrower was an adult
 * is theirs.
 */
static void make_joint(struct cc_synth_report *r)
{
	struct synth_person *c = &r->co;
	struct synth_rng g;
	const char *first;
	int i, lo = r->as_of.y - 80, hi = r->as_of.y - 21;

	g.s = r->seed ^ 0x10147c0b0bbe5ULL;
	g.s = synth_next64(&g);
	if (!synth_chance(&g, 35))
		return;
	r->joint = 1;
	do
		first = PICK(&g, first_names);
	while (!strcmp(first, r->first));
	snprintf(c->first, sizeof(c->first), "%s", first);
	snprintf(c->middle, sizeof(c->middle), "%c", (char)('A' + synth_between(&g, 0, 25)));
	snprintf(c->last, sizeof(c->last), "%s", synth_chance(&g, 65) ? r->last :
		 PICK(&g, last_names));
	c->ssn_last4 = (int)synth_between(&g, 0, 9999);
	if (c->ssn_last4 == r->ssn_last4)
		c->ssn_last4 = (c->ssn_last4 + 1) % 10000;
	c->birth_year = r->birth_year + (int)synth_between(&g, -8, 8);
	if (c->birth_year > hi)
		c->birth_year = hi;
	if (c->birth_year < lo)
		c->birth_year = lo;
	for (i = 0; i < r->naccounts; i++)
		if (r->accounts[i].resp == SR_JOINT &&
		    !adult_at(c->birth_year, r->accounts[i].opened))
			c->birth_year = r->accounts[i].opened.y - 19;
	/* living together, mostly */
	if (synth_chance(&g, 75)) {
		snprintf(c->street, sizeof(c->street), "%s", r->street);
		snprintf(c->city, sizeof(c->city), "%s", r->city);
		snprintf(c->state, sizeof(c->state), "%s", r->state);
		snprintf(c->zip, sizeof(c->zip), "%s", r->zip);
	} else {
		draw_address(&g, c->street, sizeof(c->street), c->city,
			     sizeof(c->city), c->state, sizeof(c->state),
			     c->zip, sizeof(c->zip));
	}
	if (!strcmp(c->street, r->street) && synth_chance(&g, 60)) {
		snprintf(c->prev_street, sizeof(c->prev_street), "%s", r->prev_street);
		snprintf(c->prev_city, sizeof(c->prev_city), "%s", r->prev_city);
		snprintf(c->prev_state, sizeof(c->prev_state), "%s", r->prev_state);
		snprintf(c->prev_zip, sizeof(c->prev_zip), "%s", r->prev_zip);
	} else {
		draw_address(&g, c->prev_street, sizeof(c->prev_street),
			     c->prev_city, sizeof(c->prev_city), c->prev_state,
			     sizeof(c->prev_state), c->prev_zip,
			     sizeof(c->prev_zip));
	}
	for (i = 0; i < r->naccounts; i++) {
		struct synth_account *a = &r->accounts[i];
		long x = synth_between(&g, 1, 100);

		if (a->resp == SR_JOINT) {
			a->owner = SO_JOINT;
		} else if (!adult_at(c->birth_year, a->opened)) {
			a->owner = SO_BORROWER;
		} else if (x <= 22 && a->resp == SR_INDIVIDUAL) {
			a->resp = SR_JOINT;
			a->owner = SO_JOINT;
		} else {
			a->owner = x <= 60 ? SO_CO : SO_BORROWER;
		}
	}
}

void cc_synth_generate(struct cc_synth_report *r, int layout,
		       const struct cc_synth_opts *o, unsigned long index)
{
	uint64_t seed = o->seed;
	struct cc_date as_of = o->as_of;
	struct synth_rng g;
	const char *const *city;
	int i, n;

	memset(r, 0, sizeof(*r));
	/* one stream per (seed, layout, index): each part hashed on its own,
	 * so neighbouring seeds or indexes share nothing */
	g.s = seed;
	g.s = synth_next64(&g) ^ ((uint64_t)layout << 32);
	g.s = synth_next64(&g) ^ index;
	g.s = synth_next64(&g);
	r->layout = layout;
	r->seed = g.s;
	r->as_of = as_of;

	snprintf(r->first, sizeof(r->first), "%s", PICK(&g, first_names));
	snprintf(r->middle, sizeof(r->middle), "%c", (char)('A' + synth_between(&g, 0, 25)));
	snprintf(r->last, sizeof(r->last), "%s", PICK(&g, last_names));
	city = cities[synth_between(&g, 0, (long)NELEM(cities) - 1)];
	snprintf(r->street, sizeof(r->street), "%ld %s", synth_between(&g, 10, 9999),
		 PICK(&g, streets));
	snprintf(r->city, sizeof(r->city), "%s", city[0]);
	snprintf(r->state, sizeof(r->state), "%s", city[1]);
	snprintf(r->zip, sizeof(r->zip), "%05ld", synth_between(&g, 10000, 99950));
	city = cities[synth_between(&g, 0, (long)NELEM(cities) - 1)];
	snprintf(r->prev_street, sizeof(r->prev_street), "%ld %s",
		 synth_between(&g, 10, 9999), PICK(&g, streets));
	snprintf(r->prev_city, sizeof(r->prev_city), "%s", city[0]);
	snprintf(r->prev_state, sizeof(r->prev_state), "%s", city[1]);
	snprintf(r->prev_zip, sizeof(r->prev_zip), "%05ld", synth_between(&g, 10000, 99950));
	r->ssn_last4 = (int)synth_between(&g, 0, 9999);
	r->birth_year = as_of.y - (int)synth_between(&g, 21, 80);
	snprintf(r->report_number, sizeof(r->report_number), "%04ld-%06ld",
		 synth_between(&g, 1000, 9999), synth_between(&g, 0, 999999));

	r->font = (int)synth_between(&g, 0, 2);
	r->font_pt = 7.5 + (double)synth_between(&g, 0, 10) / 4.0;
	r->date_style = (int)synth_between(&g, 0, 1);
	r->order_variant = (int)synth_between(&g, 0, 1);
	r->money_cents = synth_chance(&g, 30);

	/* 1 to 60 accounts, most reports between 5 and 30 */
	n = synth_chance(&g, 10) ? (int)synth_between(&g, 1, 4) :
	    synth_chance(&g, 10) ? (int)synth_between(&g, 31, 60) : (int)synth_between(&g, 5, 30);
	if (o->min_accounts > 0 && o->max_accounts >= o->min_accounts)
		n = o->min_accounts + (n - 1) % (o->max_accounts - o->min_accounts + 1);
	r->naccounts = n;
	r->accounts = cc_xcalloc((size_t)n, sizeof(*r->accounts));
	for (i = 0; i < n; i++)
		make_account(&g, &r->accounts[i], as_of, layout, r->birth_year);

	r->ninquiries = (int)synth_between(&g, 0, 8);
	for (i = 0; i < r->ninquiries; i++) {
		r->inquiries[i].creditor = PICK(&g, inquirers);
		r->inquiries[i].date = random_day(&g, cc_date_add_months(as_of, -(int)synth_between(&g, 0, 23)));
		r->inquiries[i].bureaus = 1 << synth_between(&g, 0, 2);
	}
	r->npublic = synth_chance(&g, 15) ? (int)synth_between(&g, 1, 2) : 0;
	for (i = 0; i < r->npublic; i++) {
		struct synth_public *p = &r->publics[i];

		p->type = (int)synth_between(&g, 0, 3);
		p->court = courts[p->type <= 1 ? synth_between(&g, 0, 1) :
				  p->type == 2 ? synth_between(&g, 2, 3) : 4];
		snprintf(p->reference, sizeof(p->reference), "%ld%s%05ld",
			 synth_between(&g, 10, 24), p->type <= 1 ? "-BK-" : "-CV-",
			 synth_between(&g, 0, 99999));
		p->filed = random_day(&g, cc_date_add_months(as_of, -(int)synth_between(&g, 6, 130)));
		if (synth_chance(&g, 60))
			p->resolved = random_day(&g, cc_date_add_months(p->filed, (int)synth_between(&g, 3, 5)));
		if (p->resolved.y && months_between(p->resolved, as_of) < 0)
			p->resolved.y = 0;
		p->amount = p->type <= 1 ? -1 : synth_between(&g, 300, 25000);
		p->bureaus = 7;
	}
	/* sorting of the print is the layout's business; keep model order */

	/* a random design, on a stream of its own: the model above is the
	 * fixed design's; lender's is tabular, drawn on a stream of its own
	 * so that the others' draws stay as they were */
	if (o->design == CC_SYNTH_RANDOM) {
		r->design = CC_SYNTH_RANDOM;
		if (layout == CC_LAYOUT_LENDER) {
			make_joint(r);
			synth_tab_draw(r);
		} else
			synth_design_draw(r);
	}
}

void cc_synth_release(struct cc_synth_report *r)
{
	free(r->accounts);
	r->accounts = NULL;
}

/* --- how layouts print --------------------------------------------------------- */

static const char *const month_abbr[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

/* Dates: experian and equifax and merged3 print days, transunion and
 * lender print months. */
static int prints_days(const struct cc_synth_report *r)
{
	if (r->design == CC_SYNTH_RANDOM)
		return synth_design_days(r);
	return r->layout == CC_LAYOUT_EXPERIAN || r->layout == CC_LAYOUT_EQUIFAX ||
	       r->layout == CC_LAYOUT_MERGED3;
}

const char *synth_fmt_date(const struct cc_synth_report *r, struct cc_date d,
			   char *buf, size_t len)
{
	if (r->design == CC_SYNTH_RANDOM)
		return synth_design_date(r, d, buf, len);
	if (!d.y) {
		snprintf(buf, len, "%s", r->layout == CC_LAYOUT_LENDER ? "--/--" : "-");
		return buf;
	}
	switch (r->layout) {
	case CC_LAYOUT_EXPERIAN:
		if (r->date_style)
			snprintf(buf, len, "%s %d, %d", month_abbr[d.m - 1], d.d, d.y);
		else
			snprintf(buf, len, "%02d/%02d/%04d", d.m, d.d, d.y);
		break;
	case CC_LAYOUT_EQUIFAX:
	case CC_LAYOUT_MERGED3:
		snprintf(buf, len, "%02d/%02d/%04d", d.m, d.d, d.y);
		break;
	case CC_LAYOUT_TRANSUNION:
		snprintf(buf, len, "%02d/%04d", d.m, d.y);
		break;
	case CC_LAYOUT_LENDER:
		snprintf(buf, len, "%02d/%02d", d.m, d.y % 100);
		break;
	}
	return buf;
}

const char *synth_fmt_money(const struct cc_synth_report *r, long dollars,
			    char *buf, size_t len)
{
	char digits[32], grouped[48];
	size_t n, i, o = 0;

	if (dollars < 0) {
		snprintf(buf, len, "%s", r->layout == CC_LAYOUT_MERGED3 ? "-" : "");
		return buf;
	}
	n = (size_t)snprintf(digits, sizeof(digits), "%ld", dollars);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0 && r->layout != CC_LAYOUT_LENDER)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(buf, len, "$%s%s", grouped,
		 (r->design == CC_SYNTH_RANDOM ? r->d.money_cents : r->money_cents) &&
		 r->layout != CC_LAYOUT_LENDER ? ".00" : "");
	return buf;
}

int synth_hist_months(int layout)
{
	switch (layout) {
	case CC_LAYOUT_EXPERIAN: return 84;
	case CC_LAYOUT_EQUIFAX: return 81;
	case CC_LAYOUT_TRANSUNION: return 48;
	case CC_LAYOUT_MERGED3: return 24;
	case CC_LAYOUT_LENDER: return 36;
	}
	return 24;
}

static void mask_number(const struct cc_synth_report *r, const char *num,
			int bureau, struct synth_printed *p)
{
	size_t n = strlen(num), i;
	int style;

	switch (r->layout) {
	case CC_LAYOUT_EXPERIAN:
	case CC_LAYOUT_TRANSUNION:
		style = 0;   /* first digits, then X */
		break;
	case CC_LAYOUT_EQUIFAX:
		style = 1;   /* *1234 */
		break;
	case CC_LAYOUT_MERGED3:
		style = bureau == SB_TU ? 2 : bureau == SB_XP ? 0 : 3;
		break;
	default:
		style = 4;   /* XXXXX1234 */
		break;
	}
	if (r->design == CC_SYNTH_RANDOM && r->layout != CC_LAYOUT_MERGED3)
		style = r->d.mask;
	switch (style) {
	case 0:
		for (i = 0; i < n; i++)
			p->mask[i] = i < (n > 10 ? 6 : 4) ? num[i] : 'X';
		p->mask[n] = '\0';
		p->last4[0] = '\0';
		break;
	case 1:
		snprintf(p->mask, sizeof(p->mask), "*%s", num + n - 4);
		break;
	case 2:
		for (i = 0; i < n; i++)
			p->mask[i] = i < (n > 10 ? 7 : 4) ? num[i] : '*';
		p->mask[n] = '\0';
		break;
	case 3:
		for (i = 0; i + 4 < n; i++)
			p->mask[i] = '*';
		snprintf(p->mask + i, sizeof(p->mask) - i, "%s", num + n - 4);
		break;
	default:
		for (i = 0; i + 4 < n; i++)
			p->mask[i] = 'X';
		snprintf(p->mask + i, sizeof(p->mask) - i, "%s", num + n - 4);
		break;
	}
	if (style != 0 && style != 2)
		snprintf(p->last4, sizeof(p->last4), "%s", num + n - 4);
	else
		p->last4[0] = '\0';
}

static const char *metro2_status(const struct synth_account *a)
{
	switch (a->story) {
	case SS_LATE_NOW:
		return cc_metro2_late(a->worst_late);
	case SS_CHARGE_OFF: return "97";
	case SS_COLLECTION: return "93";
	case SS_PAID_COLLECTION: return "62";
	case SS_REPOSSESSION: return "96";
	case SS_SURRENDER: return "95";
	case SS_FORECLOSURE: return "94";
	case SS_SETTLED: return "13";
	case SS_BANKRUPTCY: return "13";
	case SS_PAID_CLOSED: return "13";
	case SS_CONSUMER_CLOSED: return "13";
	}
	return "11";
}

static void status_text(const struct cc_synth_report *r,
			const struct synth_account *a, struct synth_printed *p)
{
	char m[48];
	int late = a->worst_late;

	p->adverse = 0;
	if (r->design == CC_SYNTH_RANDOM) {
		synth_design_status(r, a, p);
		return;
	}
	switch (r->layout) {
	case CC_LAYOUT_EXPERIAN:
		switch (a->story) {
		case SS_CURRENT:
			snprintf(p->status, sizeof(p->status), "Open/Never late.");
			break;
		case SS_LATE_PAST:
			snprintf(p->status, sizeof(p->status),
				 "Open. Was %d days past due.", late);
			break;
		case SS_LATE_NOW:
			snprintf(p->status, sizeof(p->status),
				 "%d days past due as of %s %d.", late,
				 month_abbr[a->reported.m - 1], a->reported.y);
			break;
		case SS_CHARGE_OFF:
			snprintf(p->status, sizeof(p->status),
				 "Account charged off. %s written off.",
				 synth_fmt_money(r, a->charge_off, m, sizeof(m)));
			break;
		case SS_COLLECTION:
			snprintf(p->status, sizeof(p->status),
				 "Collection account. %s past due.",
				 synth_fmt_money(r, a->past_due, m, sizeof(m)));
			break;
		case SS_PAID_COLLECTION:
			snprintf(p->status, sizeof(p->status), "Paid. Was a collection account.");
			break;
		case SS_REPOSSESSION:
			snprintf(p->status, sizeof(p->status), "Repossession.");
			break;
		case SS_SURRENDER:
			snprintf(p->status, sizeof(p->status), "Voluntarily surrendered.");
			break;
		case SS_FORECLOSURE:
			snprintf(p->status, sizeof(p->status), "Foreclosure.");
			break;
		case SS_SETTLED:
			snprintf(p->status, sizeof(p->status), "Account legally paid in full for less than the full balance.");
			break;
		case SS_BANKRUPTCY:
			snprintf(p->status, sizeof(p->status), "Discharged through Bankruptcy Chapter 7.");
			break;
		case SS_PAID_CLOSED:
			snprintf(p->status, sizeof(p->status), "Paid, Closed/Never late.");
			break;
		case SS_CONSUMER_CLOSED:
			snprintf(p->status, sizeof(p->status), "Closed at consumer's request/Never late.");
			break;
		}
		break;
	case CC_LAYOUT_EQUIFAX: {
		static const char *const eq[SS_COUNT] = {
			"PAYS_AS_AGREED", "PAYS_AS_AGREED", NULL, "CHARGE_OFF",
			"COLLECTION", "PAID_COLLECTION", "REPOSSESSION",
			"VOLUNTARY_SURRENDER", "FORECLOSURE", "SETTLED",
			"BANKRUPTCY_CHAPTER_7", "CLOSED", "CLOSED",
		};

		snprintf(p->status, sizeof(p->status), "%s",
			 a->story == SS_LATE_NOW ? synth_late_code(late) : eq[a->story]);
		break;
	}
	case CC_LAYOUT_TRANSUNION:
		switch (a->story) {
		case SS_CURRENT:
		case SS_LATE_PAST:
			snprintf(p->status, sizeof(p->status), "Current; Paid or paying as agreed");
			break;
		case SS_LATE_NOW:
			snprintf(p->status, sizeof(p->status), "Account %d Days Past Due Date", late);
			p->adverse = 1;
			break;
		case SS_CHARGE_OFF:
			snprintf(p->status, sizeof(p->status), "Charged Off");
			p->adverse = 1;
			break;
		case SS_COLLECTION:
			snprintf(p->status, sizeof(p->status), "Collection Account");
			p->adverse = 1;
			break;
		case SS_PAID_COLLECTION:
			snprintf(p->status, sizeof(p->status), "Paid Collection");
			p->adverse = 1;
			break;
		case SS_REPOSSESSION:
			snprintf(p->status, sizeof(p->status), "Repossession");
			p->adverse = 1;
			break;
		case SS_SURRENDER:
			snprintf(p->status, sizeof(p->status), "Voluntary Surrender");
			p->adverse = 1;
			break;
		case SS_FORECLOSURE:
			snprintf(p->status, sizeof(p->status), "Foreclosure");
			p->adverse = 1;
			break;
		case SS_SETTLED:
			snprintf(p->status, sizeof(p->status), "Settled; Paid less than full balance");
			p->adverse = 1;
			break;
		case SS_BANKRUPTCY:
			snprintf(p->status, sizeof(p->status), "Included in Bankruptcy");
			p->adverse = 1;
			break;
		case SS_PAID_CLOSED:
		case SS_CONSUMER_CLOSED:
			snprintf(p->status, sizeof(p->status), "Paid or paying as agreed");
			break;
		}
		break;
	case CC_LAYOUT_MERGED3:
		switch (a->story) {
		case SS_CURRENT:
		case SS_LATE_PAST:
		case SS_PAID_CLOSED:
		case SS_CONSUMER_CLOSED:
			snprintf(p->status, sizeof(p->status), "Current");
			break;
		case SS_LATE_NOW:
			snprintf(p->status, sizeof(p->status), "Late %d Days", late);
			break;
		case SS_CHARGE_OFF:
			snprintf(p->status, sizeof(p->status), "Collection/Chargeoff");
			break;
		case SS_COLLECTION:
		case SS_PAID_COLLECTION:
			snprintf(p->status, sizeof(p->status), "Collection/Chargeoff");
			break;
		case SS_REPOSSESSION:
			snprintf(p->status, sizeof(p->status), "Repossession");
			break;
		case SS_SURRENDER:
			snprintf(p->status, sizeof(p->status), "Voluntary Surrender");
			break;
		case SS_FORECLOSURE:
			snprintf(p->status, sizeof(p->status), "Foreclosure");
			break;
		case SS_SETTLED:
			snprintf(p->status, sizeof(p->status), "Settled");
			break;
		case SS_BANKRUPTCY:
			snprintf(p->status, sizeof(p->status), "Bankruptcy");
			break;
		}
		break;
	case CC_LAYOUT_LENDER:
		switch (a->story) {
		case SS_CURRENT:
		case SS_LATE_PAST:
			snprintf(p->status, sizeof(p->status), "AS AGREED");
			break;
		case SS_LATE_NOW:
			snprintf(p->status, sizeof(p->status), "%d DAYS LATE", late);
			break;
		case SS_CHARGE_OFF:
			snprintf(p->status, sizeof(p->status), "CHARGE OFF");
			break;
		case SS_COLLECTION:
			snprintf(p->status, sizeof(p->status), "COLLECTION");
			break;
		case SS_PAID_COLLECTION:
			snprintf(p->status, sizeof(p->status), "PAID COLLECTION");
			break;
		case SS_REPOSSESSION:
			snprintf(p->status, sizeof(p->status), "REPOSSESSION");
			break;
		case SS_SURRENDER:
			snprintf(p->status, sizeof(p->status), "VOLUNTARY SURRENDER");
			break;
		case SS_FORECLOSURE:
			snprintf(p->status, sizeof(p->status), "FORECLOSURE");
			break;
		case SS_SETTLED:
			snprintf(p->status, sizeof(p->status), "SETTLED");
			break;
		case SS_BANKRUPTCY:
			snprintf(p->status, sizeof(p->status), "BANKRUPTCY");
			break;
		case SS_PAID_CLOSED:
		case SS_CONSUMER_CLOSED:
			snprintf(p->status, sizeof(p->status), "PAID/CLOSED");
			break;
		}
		break;
	}
}

void synth_print(const struct cc_synth_report *r,
		 const struct synth_account *a, int bureau,
		 struct synth_printed *p)
{
	static const char *const labels[SK_COUNT] = {
		"Credit Card", "Charge Card", "Auto Loan", "Student Loan",
		"Conventional Mortgage", "Home Equity Line of Credit",
		"Unsecured Loan", "Collection", "Medical Debt",
	};
	static const char *const loans[SK_COUNT] = {
		"credit_card", "charge_card", "auto", "student", "mortgage",
		"heloc", "personal", "collection", "medical",
	};
	static const char *const types[SK_COUNT] = {
		"revolving", "open", "installment", "installment", "mortgage",
		"revolving", "installment", "collection", "collection",
	};
	static const char *const resps[4] = {
		"individual", "joint", "authorized_user", "cosigner",
	};
	static const char *const resp_labels[4] = {
		"Individual", "Joint", "Authorized User", "Co-signer",
	};
	unsigned reasons;
	int i, n, keep;

	memset(p, 0, sizeof(*p));
	p->creditor = a->creditor;
	mask_number(r, a->number, bureau, p);
	p->type = types[a->kind];
	p->loan_type = loans[a->kind];
	p->loan_label = labels[a->kind];
	p->resp = resps[a->resp];
	p->resp_label = resp_labels[a->resp];
	p->opened = a->opened;
	p->closed = a->closed;
	p->reported = a->reported;
	p->last_payment = a->last_payment;
	if (!prints_days(r)) {
		p->opened = month_of(p->opened);
		p->closed = month_of(p->closed);
		p->reported = month_of(p->reported);
		p->last_payment = month_of(p->last_payment);
	}
	p->balance = a->balance;
	if (r->layout == CC_LAYOUT_MERGED3 && bureau >= 0 && p->balance >= 0)
		p->balance += a->balance_delta[bureau];
	p->limit = a->limit;
	p->high = a->high;
	p->payment = a->payment;
	p->past_due = a->past_due;
	p->charge_off = a->charge_off;
	p->status_code = metro2_status(a);
	status_text(r, a, p);
	p->remark = a->remark;
	p->original_creditor = a->original_creditor;
	p->repos = a->bureaus;

	/* what each layout leaves out */
	if (r->design == CC_SYNTH_RANDOM) {
		unsigned show = r->d.show;

		if (!(show & (1u << DF_REPORTED)))
			p->reported.y = 0;
		if (!(show & (1u << DF_CLOSED)))
			p->closed.y = 0;
		if (!(show & (1u << DF_LAST_PAYMENT)))
			p->last_payment.y = 0;
		if (!(show & (1u << DF_LIMIT)))
			p->limit = -1;
		if (!(show & (1u << DF_HIGH)))
			p->high = -1;
		if (!(show & (1u << DF_PAYMENT)))
			p->payment = -1;
		if (!(show & (1u << DF_PAST_DUE)))
			p->past_due = -1;
		if (!(show & (1u << DF_CHARGE_OFF)))
			p->charge_off = -1;
		if (!(show & (1u << DF_ORIGINAL)))
			p->original_creditor = NULL;
		if (!(show & (1u << DF_REMARKS)))
			p->remark = NULL;
		if (r->d.tabular)
			synth_tab_print(r, a, p);
	} else switch (r->layout) {
	case CC_LAYOUT_EXPERIAN:
		p->past_due = -1;        /* folded into the status text */
		p->charge_off = -1;
		p->closed.y = 0;
		p->dofd.y = 0;
		break;
	case CC_LAYOUT_EQUIFAX:
		p->dofd = a->dofd;       /* printed as Date of First Delinquency */
		break;
	case CC_LAYOUT_TRANSUNION:
		p->charge_off = -1;
		p->last_payment.y = 0;
		break;
	case CC_LAYOUT_MERGED3:
		p->charge_off = -1;
		p->closed.y = 0;
		break;
	case CC_LAYOUT_LENDER:
		p->limit = -1;
		p->charge_off = -1;
		p->closed.y = 0;
		p->last_payment.y = 0;
		p->remark = a->remark;
		p->original_creditor = NULL;
		break;
	}

	/* the printed part of the history */
	n = r->design == CC_SYNTH_RANDOM ? r->d.grid_months :
	    synth_hist_months(r->layout);
	keep = a->nhist < n ? a->nhist : n;
	p->nhist = keep;
	for (i = 0; i < keep; i++) {
		p->hist_month[i] = a->hist_month[i];
		p->hist[i] = a->hist[i];
		if (a->hist[i] == HC_30)
			p->late30++;
		else if (a->hist[i] == HC_60)
			p->late60++;
		else if (a->hist[i] >= HC_90 && a->hist[i] <= HC_180)
			p->late90++;
	}

	/* date of first delinquency: printed by equifax, merged3 and lender;
	 * elsewhere read off the grid: the oldest month of the newest run of
	 * late or derogatory cells, unknown when that run goes on past the
	 * oldest month shown */
	if (r->design == CC_SYNTH_RANDOM ?
	    (r->d.show & (1u << DF_DOFD)) != 0 :
	    r->layout == CC_LAYOUT_EQUIFAX || r->layout == CC_LAYOUT_MERGED3 ||
	    r->layout == CC_LAYOUT_LENDER) {
		p->dofd = prints_days(r) ? a->dofd : month_of(a->dofd);
	} else {
		int start = -1;

		for (i = 0; i < p->nhist; i++) {
			if (p->hist[i] != HC_OK && p->hist[i] != HC_ND)
				start = i;
			else if (start >= 0)
				break;
		}
		if (start >= 0 && !(start == p->nhist - 1 &&
				    months_between(a->opened, a->reported) + 1 > p->nhist))
			p->dofd = p->hist_month[start];
	}
	reasons = synth_reasons(a, p);
	if (r->design == CC_SYNTH_RANDOM ?
	    (r->d.show & (1u << DF_REMOVAL)) != 0 :
	    r->layout == CC_LAYOUT_EXPERIAN || r->layout == CC_LAYOUT_TRANSUNION) {
		/* they print their own estimate, a month, from the furnisher's
		 * date of first delinquency */
		struct synth_printed q = *p;

		q.dofd = month_of(a->dofd);
		p->removal = synth_removal(&q, reasons);
	} else {
		p->removal = synth_removal(p, reasons);
	}
}

unsigned synth_reasons(const struct synth_account *a,
		       const struct synth_printed *p)
{
	unsigned rs = 0;
	int i, worst = 0, c;

	for (i = 0; i < p->nhist; i++) {
		c = p->hist[i];
		if (c >= HC_30 && c <= HC_180 && c - HC_30 + 1 > worst)
			worst = c - HC_30 + 1;
		if (c == HC_CO)
			rs |= 1u << RS_CHARGE_OFF;
		if (c == HC_C)
			rs |= 1u << RS_COLLECTION;
		if (c == HC_R)
			rs |= 1u << RS_REPOSSESSION;
		if (c == HC_VS)
			rs |= 1u << RS_SURRENDER;
		if (c == HC_F)
			rs |= 1u << RS_FORECLOSURE;
		if (c == HC_B)
			rs |= 1u << RS_BANKRUPTCY;
	}
	if (a->story == SS_LATE_NOW && a->worst_late / 30 > worst)
		worst = a->worst_late / 30;
	if (p->worst_shown > worst)
		worst = p->worst_shown;
	if (worst)
		rs |= 1u << (RS_LATE_30 + worst - 1);
	switch (a->story) {
	case SS_CHARGE_OFF: rs |= 1u << RS_CHARGE_OFF; break;
	case SS_COLLECTION:
	case SS_PAID_COLLECTION: rs |= 1u << RS_COLLECTION; break;
	case SS_REPOSSESSION: rs |= 1u << RS_REPOSSESSION; break;
	case SS_SURRENDER: rs |= 1u << RS_SURRENDER; break;
	case SS_FORECLOSURE: rs |= 1u << RS_FORECLOSURE; break;
	case SS_SETTLED: rs |= 1u << RS_SETTLED; break;
	case SS_BANKRUPTCY: rs |= 1u << RS_BANKRUPTCY; break;
	default: break;
	}
	if (a->kind == SK_COLLECTION || a->kind == SK_MEDICAL)
		rs |= 1u << RS_COLLECTION;
	return rs;
}

/*
 * FCRA 1681c: seven years from the date of first delinquency; for
 * collections and charge-offs seven years from 180 days after it (with a
 * month-precision date, six months); bankruptcies ten years.
 */
struct cc_date synth_removal(const struct synth_printed *p, unsigned reasons)
{
	struct cc_date d = p->dofd, none = { 0, 0, 0 };
	char in[11], out[11];

	if (!reasons || !d.y)
		return none;
	/* an account included in a bankruptcy: seven years from its own
	 * delinquency (the ten years are the bankruptcy case's) */
	if (d.d)
		snprintf(in, sizeof(in), "%04u-%02u-%02u", (unsigned)d.y % 10000u,
			 (unsigned)d.m % 100u, (unsigned)d.d % 100u);
	else
		snprintf(in, sizeof(in), "%04u-%02u", (unsigned)d.y % 10000u,
			 (unsigned)d.m % 100u);
	cc_removal_date(in, (reasons & ((1u << RS_CHARGE_OFF) | (1u << RS_COLLECTION))) != 0,
			out);
	d = none;
	if (sscanf(out, "%4d-%2d-%2d", &d.y, &d.m, &d.d) < 2)
		return none;
	return d;
}

/* --- truth ------------------------------------------------------------------------ */

static json_t *jdate(struct cc_date d)
{
	char buf[16];

	return d.y ? json_string(cc_date_iso(d, buf)) : json_null();
}

static json_t *jcents(long dollars)
{
	return dollars >= 0 ? json_integer((json_int_t)dollars * 100) : json_null();
}

static json_t *jsrc(const struct cc_synth_pos *pos, int npos, const char *id)
{
	json_t *o, *b;
	int i;

	for (i = 0; pos && i < npos; i++) {
		if (strcmp(pos[i].id, id) != 0)
			continue;
		o = json_object();
		b = json_array();
		json_object_set_new(o, "page", json_integer(pos[i].page));
		json_array_append_new(b, json_real(floor(pos[i].bbox[0] * 10 + 0.5) / 10));
		json_array_append_new(b, json_real(floor(pos[i].bbox[1] * 10 + 0.5) / 10));
		json_array_append_new(b, json_real(floor(pos[i].bbox[2] * 10 + 0.5) / 10));
		json_array_append_new(b, json_real(floor(pos[i].bbox[3] * 10 + 0.5) / 10));
		json_object_set_new(o, "bbox", b);
		return o;
	}
	return json_null();
}

/* A random design is no layout an extractor knows: "generic". */
static const char *truth_layout(const struct cc_synth_report *r)
{
	return r->design == CC_SYNTH_RANDOM ? "generic" : cc_layout_name(r->layout);
}

static void common(json_t *o, const struct cc_synth_report *r, const char *doc,
		   const char *bureau)
{
	json_object_set_new(o, "doc", json_string(doc));
	json_object_set_new(o, "layout", json_string(truth_layout(r)));
	json_object_set_new(o, "bureau", bureau ? json_string(bureau) : json_null());
}

void synth_borrower(const struct cc_synth_report *r, struct synth_person *p)
{
	snprintf(p->first, sizeof(p->first), "%s", r->first);
	snprintf(p->middle, sizeof(p->middle), "%s", r->middle);
	snprintf(p->last, sizeof(p->last), "%s", r->last);
	snprintf(p->street, sizeof(p->street), "%s", r->street);
	snprintf(p->city, sizeof(p->city), "%s", r->city);
	snprintf(p->state, sizeof(p->state), "%s", r->state);
	snprintf(p->zip, sizeof(p->zip), "%s", r->zip);
	snprintf(p->prev_street, sizeof(p->prev_street), "%s", r->prev_street);
	snprintf(p->prev_city, sizeof(p->prev_city), "%s", r->prev_city);
	snprintf(p->prev_state, sizeof(p->prev_state), "%s", r->prev_state);
	snprintf(p->prev_zip, sizeof(p->prev_zip), "%s", r->prev_zip);
	p->ssn_last4 = r->ssn_last4;
	p->birth_year = r->birth_year;
}

/* The consumer record of applicant n (1 or 2), who. */
static void consumer_truth(const struct cc_synth_report *r, const char *doc,
			   const char *bureau, int n,
			   const struct synth_person *who, const char *posid,
			   const struct cc_synth_pos *pos, int npos, json_t *out)
{
	json_t *o = cc_record_new("consumer"), *addr = json_array();
	char buf[160], d[16];

	common(o, r, doc, bureau);
	json_object_set_new(o, "applicant", json_integer(n));
	if (r->design == CC_SYNTH_RANDOM ? r->d.name_last_first :
	    r->layout == CC_LAYOUT_LENDER)
		snprintf(buf, sizeof(buf), "%s, %s %s", who->last, who->first,
			 who->middle);
	else
		snprintf(buf, sizeof(buf), "%s %s %s", who->first, who->middle,
			 who->last);
	json_object_set_new(o, "name", json_string(buf));
	snprintf(buf, sizeof(buf), "%s, %s, %s %s", who->street, who->city,
		 who->state, who->zip);
	json_array_append_new(addr, json_string(buf));
	snprintf(buf, sizeof(buf), "%s, %s, %s %s", who->prev_street,
		 who->prev_city, who->prev_state, who->prev_zip);
	json_array_append_new(addr, json_string(buf));
	json_object_set_new(o, "addresses", addr);
	snprintf(buf, sizeof(buf), "%04d", who->ssn_last4);
	json_object_set_new(o, "ssn_last4", json_string(buf));
	json_object_set_new(o, "birth_year", json_integer(who->birth_year));
	json_object_set_new(o, "report_date", json_string(cc_date_iso(r->as_of, d)));
	json_object_set_new(o, "report_number", json_string(r->report_number));
	json_object_set_new(o, "src", jsrc(pos, npos, posid));
	json_object_set_new(o, "conf", json_real(1.0));
	json_array_append_new(out, o);
}

static void tradeline_truth(const struct cc_synth_report *r, int idx,
			    int bureau, const char *doc,
			    const struct cc_synth_pos *pos, int npos,
			    json_t *out)
{
	const struct synth_account *a = &r->accounts[idx];
	struct synth_printed p;
	json_t *o = cc_record_new("tradeline"), *h, *rs;
	const char *bname = bureau >= 0 ? synth_bureau_id(bureau) :
			    r->layout == CC_LAYOUT_EXPERIAN ? "experian" :
			    r->layout == CC_LAYOUT_EQUIFAX ? "equifax" :
			    r->layout == CC_LAYOUT_TRANSUNION ? "transunion" : NULL;
	char id[17], d[16], posid[24], group[40];
	unsigned reasons;
	int i;

	synth_print(r, a, bureau, &p);
	reasons = synth_reasons(a, &p);
	snprintf(posid, sizeof(posid), "acct-%d", idx);
	cc_tradeline_id(doc, bname, p.creditor, p.mask,
			cc_date_iso(p.opened, d), id);
	json_object_set_new(o, "id", json_string(id));
	common(o, r, doc, bname);
	if (r->layout == CC_LAYOUT_MERGED3) {
		char gid[17];

		cc_tradeline_id(doc, "merged3", p.creditor, "", "", gid);
		snprintf(group, sizeof(group), "%s-%d", gid, idx);
		json_object_set_new(o, "account_group", json_string(group));
	} else {
		json_object_set_new(o, "account_group", json_null());
	}
	json_object_set_new(o, "creditor", json_string(p.creditor));
	json_object_set_new(o, "account_mask", json_string(p.mask));
	json_object_set_new(o, "account_last4",
			    p.last4[0] ? json_string(p.last4) : json_null());
	json_object_set_new(o, "type", json_string(p.type));
	json_object_set_new(o, "loan_type", p.loan_type ?
			    json_string(p.loan_type) : json_null());
	json_object_set_new(o, "responsibility", p.resp ?
			    json_string(p.resp) : json_null());
	if (r->joint) {
		json_t *w = json_array();

		if (a->owner & SO_BORROWER)
			json_array_append_new(w, json_integer(1));
		if (a->owner & SO_CO)
			json_array_append_new(w, json_integer(2));
		json_object_set_new(o, "applicants", w);
	} else {
		/* one applicant: the account is the report's */
		json_object_set_new(o, "applicants", json_null());
	}
	json_object_set_new(o, "opened", jdate(p.opened));
	json_object_set_new(o, "closed", jdate(p.closed));
	json_object_set_new(o, "reported", jdate(p.reported));
	json_object_set_new(o, "last_payment", jdate(p.last_payment));
	json_object_set_new(o, "dofd", jdate(p.dofd));
	json_object_set_new(o, "balance", jcents(p.balance));
	json_object_set_new(o, "limit", jcents(p.limit));
	json_object_set_new(o, "high_balance", jcents(p.high));
	json_object_set_new(o, "payment", jcents(p.payment));
	json_object_set_new(o, "past_due", jcents(p.past_due));
	json_object_set_new(o, "charge_off_amount", jcents(p.charge_off));
	json_object_set_new(o, "original_creditor",
			    p.original_creditor ? json_string(p.original_creditor) : json_null());
	json_object_set_new(o, "status", json_string(p.status));
	json_object_set_new(o, "status_code", json_string(p.status_code));
	h = json_array();
	for (i = 0; i < p.nhist; i++) {
		json_t *cell = json_object();

		json_object_set_new(cell, "m", jdate(p.hist_month[i]));
		json_object_set_new(cell, "s", json_string(cc_hist_code(p.hist[i])));
		json_array_append_new(h, cell);
	}
	json_object_set_new(o, "history", h);
	json_object_set_new(o, "remarks", p.remark ? json_string(p.remark) : json_null());
	json_object_set_new(o, "negative", json_boolean(reasons != 0));
	rs = json_array();
	for (i = 0; i < RS_COUNT; i++)
		if (reasons & (1u << i))
			json_array_append_new(rs, json_string(cc_reason_name(i)));
	json_object_set_new(o, "reasons", rs);
	json_object_set_new(o, "removal_date", jdate(p.removal));
	if (r->layout == CC_LAYOUT_LENDER && p.repos) {
		json_t *rep = json_array();

		int mb;

		/* in the model's order of the bureaus */
		for (mb = 0; mb < CC_BUREAU_COUNT; mb++)
			for (i = 0; i < SB_COUNT; i++)
				if ((p.repos & (1 << i)) && synth_bureau_model(i) == mb)
					json_array_append_new(rep, json_string(cc_bureau_id(mb)));
		json_object_set_new(o, "repositories", rep);
	} else {
		json_object_set_new(o, "repositories", json_null());
	}
	json_object_set_new(o, "src", jsrc(pos, npos, posid));
	json_object_set_new(o, "conf", json_real(1.0));
	json_array_append_new(out, o);
}

static const char *const public_types[4] = {
	"bankruptcy_7", "bankruptcy_13", "judgment", "tax_lien",
};

void cc_synth_truth(const struct cc_synth_report *r, const char *doc,
		    const char *file, int scanned,
		    const struct cc_synth_pos *pos, int npos, json_t *out)
{
	struct synth_person who;
	json_t *o;
	char posid[24], d[16];
	int i, b;
	const char *single = r->layout == CC_LAYOUT_EXPERIAN ? "experian" :
			     r->layout == CC_LAYOUT_EQUIFAX ? "equifax" :
			     r->layout == CC_LAYOUT_TRANSUNION ? "transunion" : NULL;

	o = cc_record_new("synth_report");
	json_object_set_new(o, "doc", json_string(doc));
	json_object_set_new(o, "file", json_string(file));
	json_object_set_new(o, "layout", json_string(truth_layout(r)));
	json_object_set_new(o, "scanned", json_boolean(scanned));
	json_object_set_new(o, "as_of", jdate(r->as_of));
	json_object_set_new(o, "accounts", json_integer(r->naccounts));
	if (r->design == CC_SYNTH_RANDOM)
		json_object_set_new(o, "design", synth_design_json(r));
	json_array_append_new(out, o);

	synth_borrower(r, &who);
	if (r->layout == CC_LAYOUT_MERGED3) {
		for (b = 0; b < SB_COUNT; b++)
			consumer_truth(r, doc, synth_bureau_id(b), 1, &who,
				       "consumer", pos, npos, out);
	} else {
		consumer_truth(r, doc, single, 1, &who, "consumer", pos, npos,
			       out);
	}
	if (r->joint)
		consumer_truth(r, doc, single, 2, &r->co, "consumer-2", pos,
			       npos, out);

	for (i = 0; i < r->naccounts; i++) {
		if (r->layout == CC_LAYOUT_MERGED3) {
			/* columns in print order: TransUnion, Experian, Equifax */
			static const int order[SB_COUNT] = { SB_TU, SB_XP, SB_EF };

			for (b = 0; b < SB_COUNT; b++)
				if (r->accounts[i].bureaus & (1 << order[b]))
					tradeline_truth(r, i, order[b], doc, pos, npos, out);
		} else {
			tradeline_truth(r, i, -1, doc, pos, npos, out);
		}
	}

	for (i = 0; i < r->ninquiries; i++) {
		const struct synth_inquiry *q = &r->inquiries[i];
		struct cc_date when = q->date;
		const char *bn = single;

		if (r->layout == CC_LAYOUT_MERGED3 || r->layout == CC_LAYOUT_LENDER)
			bn = synth_bureau_id(q->bureaus == 1 ? SB_XP :
					    q->bureaus == 2 ? SB_TU : SB_EF);
		if (!prints_days(r))
			when = month_of(when);
		o = cc_record_new("inquiry");
		common(o, r, doc, bn);
		json_object_set_new(o, "creditor", json_string(q->creditor));
		json_object_set_new(o, "date", json_string(cc_date_iso(when, d)));
		json_object_set_new(o, "type", json_string("hard"));
		snprintf(posid, sizeof(posid), "inq-%d", i);
		json_object_set_new(o, "src", jsrc(pos, npos, posid));
		json_object_set_new(o, "conf", json_real(1.0));
		json_array_append_new(out, o);
	}

	for (i = 0; i < r->npublic; i++) {
		const struct synth_public *p = &r->publics[i];
		struct cc_date filed = p->filed, res = p->resolved, rem;
		struct synth_printed pv;
		json_t *rs = json_array();

		if (!prints_days(r)) {
			filed = month_of(filed);
			res = month_of(res);
		}
		memset(&pv, 0, sizeof(pv));
		pv.dofd = filed;
		rem = p->type <= 1 ? cc_date_add_months(filed, 120) :
		      cc_date_add_months(filed, 84);
		for (b = 0; b < 1; b++) {
			/* merged3 and lender print public records once, for
			 * no bureau in particular */
			o = cc_record_new("public_record");
			common(o, r, doc, single);
			json_object_set_new(o, "type", json_string(public_types[p->type]));
			json_object_set_new(o, "court", json_string(p->court));
			json_object_set_new(o, "reference", json_string(p->reference));
			json_object_set_new(o, "filed", jdate(filed));
			json_object_set_new(o, "resolved", jdate(res));
			json_object_set_new(o, "amount", jcents(p->amount));
			json_object_set_new(o, "negative", json_true());
			if (!json_array_size(rs))
				json_array_append_new(rs, json_string(p->type <= 1 ? "bankruptcy" :
						      p->type == 2 ? "judgment" : "tax_lien"));
			json_object_set(o, "reasons", rs);
			json_object_set_new(o, "removal_date", jdate(rem));
			snprintf(posid, sizeof(posid), "pub-%d", i);
			json_object_set_new(o, "src", jsrc(pos, npos, posid));
			json_object_set_new(o, "conf", json_real(1.0));
			json_array_append_new(out, o);
		}
		json_decref(rs);
	}
}
