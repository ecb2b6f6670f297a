/*
 * tabular.c -- the lender family's --design random: a mortgage agency's
 * merged infile print (cc-synth(1), DESIGNS, "Tabular designs").
 *
 * Each account is a group of one to three lines of fixed columns under
 * as many lines of column heads, which repeat at the top of each page
 * the accounts go on to.  The design is drawn on a stream of its own
 * (not design.c's, whose draws stay as they were), after the model.
 * What a group prints is decided in synth_print() with synth_tab_print()
 * here, so the page and the truth agree; nothing of the design is on
 * the page but what a reader sees.
 *
 * A joint report (a co-applicant, r->joint) prints them after the
 * applicant, and whose each account is in a WHOSE column or after the
 * responsibility in the ECOA column, drawn on a stream of their own so
 * that a report without one draws as before.
 *
 * Columns line up because every line is a one-row table whose cells
 * have the widths drawn here, wide enough for every value they hold:
 * the widths are measured with the fonts' own advance widths, so no
 * value wraps or spills into the next column.
 */
#include "base/cc.h"

#include <ctype.h>
#include <math.h>

#include "synth/impl.h"
#include "synth/data.h"

#define H(b, s) cc_buf_add_html((b), (s))
#define DPICK(g, n) ((int)synth_between((g), 0, (long)(n) - 1))
#define BIT(c) (1u << (c))

/* --- measuring text ------------------------------------------------------ */

/* Advance widths (1/1000 em) of ' ' to '~' in the built-in faces mupdf
 * lays the page out in: Helvetica, Times-Roman, Courier. */
static const short adv[2][95] = {
	{ 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278,
	  333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
	  278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611,
	  778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
	  611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333,
	  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
	  556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
	  334, 260, 334, 584 },
	{ 250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250,
	  333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
	  278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556,
	  722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
	  611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333,
	  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
	  500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
	  480, 200, 480, 541 },
};

/* The fonts a tabular design draws, as design.c's dfonts index them. */
enum { TF_HELVETICA, TF_TIMES, TF_COURIER };

/* The width of s in points, in the design's font at pt. */
static double text_w(int font, double pt, const char *s)
{
	double w = 0;

	for (; *s; s++) {
		int c = (unsigned char)*s;

		if (font == TF_COURIER)
			w += 600;
		else
			w += c >= 32 && c < 127 ? adv[font][c - 32] : 1000;
	}
	return w * pt / 1000;
}

/* --- the vocabulary --------------------------------------------------------- */

#define NSPELL 5
static const char *const heads[TC_COUNT][NSPELL] = {
	[TC_INDEX] = { "NO", "#", "" },
	[TC_CREDITOR] = { "CREDITOR", "CREDITOR NAME", "SUBSCRIBER",
			  "COMPANY" },
	[TC_NUMBER] = { "ACCT #", "ACCOUNT #", "ACCOUNT NUMBER", "ACCT NO" },
	[TC_ECOA] = { "ECOA", "WHOSE", "ECOA CD", "RESP" },
	[TC_OPENED] = { "DT OPEN", "OPENED", "OPEN DT", "DATE OPENED" },
	[TC_REPORTED] = { "LAST RPT", "REPORTED", "RPTD", "DT RPTD",
			  "DATE RPTD" },
	[TC_HIGH] = { "HI CRDT", "HI CREDIT", "HIGH CR", "HIGH CREDIT" },
	[TC_LIMIT] = { "LIMIT", "CR LIM", "CREDIT LMT" },
	[TC_BALANCE] = { "BAL", "BALANCE", "BAL DUE" },
	[TC_PAST_DUE] = { "PAST DUE", "PAST DUE AMT", "AMT PAST DUE" },
	[TC_PAYMENT] = { "PMT", "PAYMENT", "MO PMT", "SCHED PMT" },
	[TC_TERMS] = { "TRMS", "TERMS" },
	[TC_LATES] = { "30-60-90", "30/60/90+", "30/60/90" },
	[TC_L30] = { "30" },
	[TC_L60] = { "60" },
	[TC_L90] = { "90+" },
	[TC_RATE] = { "RATE", "MOP", "MOP CD" },
	[TC_SOURCE] = { "BUR", "SOURCE", "REPOS", "SRC" },
	[TC_XP] = { "XP" },
	[TC_TU] = { "TU" },
	[TC_EF] = { "EF" },
	[TC_STATUS] = { "STATUS", "ACCT STATUS", "CURR STATUS" },
	[TC_TYPE] = { "TYPE", "ACCT TYPE", "KIND" },
	[TC_LOAN] = { "LOAN TYPE", "LOAN", "ACCT DESC" },
	[TC_CLOSED] = { "CLOSED", "DT CLSD", "DATE CLOSED" },
	[TC_LAST_PAYMENT] = { "LAST PMT", "DLP", "DT LAST PMT" },
	[TC_DOFD] = { "DOFD", "DT 1ST DEL", "1ST DELQ" },
	[TC_WHOSE] = { "WHOSE", "WHO", "OWNER" },
};

static const char *const col_names[TC_COUNT] = {
	"index", "creditor", "number", "ecoa", "opened", "reported",
	"high_credit", "limit", "balance", "past_due", "payment", "terms",
	"late_counts", "late_30", "late_60", "late_90", "rating", "source",
	"source_xp", "source_tu", "source_ef", "status", "type", "loan_type",
	"closed", "last_payment", "dofd", "whose",
};

static int nspell(int c)
{
	int n = 0;

	while (n < NSPELL && heads[c][n])
		n++;
	return n;
}

/* the bureaus' codes, in enum synth_bureau's order, two spellings */
static const char *const bcodes[2][SB_COUNT] = {
	{ "XP", "TU", "EF" }, { "EX", "TU", "EQ" },
};

static const char *head_text(const struct synth_tabular *t, int c)
{
	if (c == TC_XP || c == TC_TU || c == TC_EF)
		return bcodes[t->repos_codes][c - TC_XP];
	if (c == TC_ECOA && t->whose_pair)
		return t->pair_head;
	return heads[c][t->label[c]];
}

static const char *const titles[5] = {
	"MERGED INFILE CREDIT REPORT", "RESIDENTIAL MORTGAGE CREDIT REPORT",
	"TRI-MERGE CREDIT REPORT", "MORTGAGE CREDIT REPORT",
	"MERGED CREDIT REPORT",
};

static const char *const trades_headings[5] = {
	"TRADELINES", "CREDIT HISTORY", "ACCOUNT HISTORY", "TRADE ACCOUNTS",
	"CREDIT ACCOUNTS",
};

static const char *const inq_headings[3] = {
	"INQUIRIES", "CREDIT INQUIRIES", "INQUIRIES - LAST 24 MONTHS",
};

static const char *const pub_headings[3] = {
	"PUBLIC RECORDS", "PUBLIC RECORD INFORMATION", "COURT RECORDS",
};

static const char *const pattern_labels[4] = {
	"HISTORY:", "PAYMENT PATTERN:", "PMT HIST:", "PAY PATTERN:",
};
static const char *const remark_labels[3] = {
	"REMARKS:", "COMMENT:", "RMKS:",
};
static const char *const orig_labels[3] = {
	"ORIG CRED:", "ORIGINAL CREDITOR:", "ORIG CREDITOR:",
};
static const char *const co_labels[3] = {
	"CHARGE OFF AMT:", "CHG OFF AMT:", "AMT CHARGED OFF:",
};
static const char *const dofd_labels[3] = {
	"DOFD:", "DATE 1ST DELINQ:", "DT OF 1ST DELINQUENCY:",
};

/* A payment pattern's character for each history code (enum cc_hist). */
static const char *const pattern_sets[3] = {
	/* OK 30 60 90 120 150 180 CO C F VS R B ND */
	"C123456LGHJKBX",
	"0123456LGHJKB-",
	"1234567LGFVRB-",
};
static const char *const pattern_set_names[3] = {
	"C_digits", "0_digits", "1_digits",
};

static const char *const status_words[3][SS_COUNT] = {
	{ "CURRENT", "CUR WAS %d", "%d DAYS LATE", "CHARGE OFF",
	  "COLLECTION", "PAID COLLECTION", "REPOSSESSION", "VOL SURRENDER",
	  "FORECLOSURE", "SETTLED", "BANKRUPTCY", "PAID", "CLOSED" },
	{ "AS AGREED", "CURRENT WAS %d", "%d DAYS PAST DUE", "CHG OFF",
	  "COLL ACCT", "PD COLL", "REPO", "VOLUNTARY SURRENDER",
	  "FORECLOSED", "SETTLED LESS THAN FULL", "BK CH 7", "PAID/CLOSED",
	  "CLOSED BY CONSUMER" },
	{ "PAYS AS AGREED", "CUR WAS %d DAYS", "LATE %d", "CHARGED OFF",
	  "IN COLLECTION", "COLL PAID", "REPOSSESSED", "VOL SURR",
	  "FORECLOSURE", "SETTLED", "INCL IN BK CH 7", "PAID",
	  "CLSD BY CONS" },
};

static const char *const type_abbr[2][5] = {
	{ "REV", "INST", "MTG", "OPEN", "COLL" },
	{ "REVOLVING", "INSTALLMENT", "MORTGAGE", "OPEN", "COLLECTION" },
};

static const char *const loan_words[2][SK_COUNT] = {
	{ "CREDIT CARD", "CHARGE CARD", "AUTO", "STUDENT", "CONV RE MTG",
	  "HELOC", "UNSECURED", "COLLECTION", "MEDICAL" },
	{ "CREDIT CARD", "CHARGE ACCT", "AUTOMOBILE", "EDUCATIONAL",
	  "CONVENTIONAL RE", "HOME EQUITY", "UNSECURED", "COLLECTION AGENCY",
	  "MEDICAL" },
};

static int type_index(const char *type)
{
	return !strcmp(type, "revolving") ? 0 : !strcmp(type, "installment") ? 1 :
	       !strcmp(type, "mortgage") ? 2 : !strcmp(type, "open") ? 3 : 4;
}

/* --- values -------------------------------------------------------------------- */

/* Whose a is on a joint report: B borrower, C co-borrower, J both. */
static const char *whose_code(const struct synth_account *a)
{
	return a->owner == SO_JOINT ? "J" : a->owner == SO_CO ? "C" : "B";
}

const char *synth_tab_date(const struct cc_synth_report *r, struct cc_date d,
			   char *buf, size_t len)
{
	const struct synth_tabular *t = &r->d.tab;

	if (!d.y)
		snprintf(buf, len, "%s", t->no_date == 1 ? (t->year4 ?
			 "--/----" : "--/--") : t->no_date == 2 ? "-" : "");
	else if (t->year4)
		snprintf(buf, len, "%02d/%04d", d.m, d.y);
	else
		snprintf(buf, len, "%02d/%02d", d.m, d.y % 100);
	return buf;
}

/* Money as the design prints it ("" for none); k: in thousands. */
static const char *tmoney(const struct synth_tabular *t, long v, int k,
			  char *buf, size_t len)
{
	char digits[32], grouped[48];
	size_t n, i, o = 0;

	if (v < 0) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	k = k && v >= 1000;
	n = (size_t)snprintf(digits, sizeof(digits), "%ld", k ? v / 1000 : v);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0 && t->commas)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(buf, len, "%s%s%s", t->dollar ? "$" : "", grouped, k ? "K" : "");
	return buf;
}

/* an amount printed in thousands is that many thousands */
static long kround(long v)
{
	return v >= 1000 ? (v + 500) / 1000 * 1000 : v;
}

/* The lates of a's whole history, as a lender's counts give them. */
static void late_counts(const struct synth_account *a, int n[3])
{
	int i;

	n[0] = n[1] = n[2] = 0;
	for (i = 0; i < a->nhist; i++) {
		if (a->hist[i] == HC_30)
			n[0]++;
		else if (a->hist[i] == HC_60)
			n[1]++;
		else if (a->hist[i] >= HC_90 && a->hist[i] <= HC_180)
			n[2]++;
	}
}

/* the manner of payment: the type's letter, the current status's digit */
static void rating(const struct synth_account *a,
		   const struct synth_printed *p, char *buf, size_t len)
{
	static const char letters[5] = { 'R', 'I', 'M', 'O', 'O' };
	int digit;

	switch (a->story) {
	case SS_LATE_NOW:
		digit = a->worst_late >= 120 ? 5 : 1 + a->worst_late / 30;
		break;
	case SS_CHARGE_OFF: case SS_COLLECTION: case SS_PAID_COLLECTION:
	case SS_SETTLED: case SS_BANKRUPTCY:
		digit = 9;
		break;
	case SS_REPOSSESSION: case SS_SURRENDER: case SS_FORECLOSURE:
		digit = 8;
		break;
	default:
		digit = 1;
		break;
	}
	snprintf(buf, len, "%c%d", letters[type_index(p->type)], digit);
}

static void terms(const struct synth_tabular *t,
		  const struct synth_account *a, const struct synth_printed *p,
		  char *buf, size_t len)
{
	int ti = type_index(p->type);

	if (ti == 0)
		snprintf(buf, len, "REV");
	else if ((ti == 1 || ti == 2) && a->term_months)
		snprintf(buf, len, t->terms_zeros ? "%03d" : "%dM", a->term_months);
	else
		snprintf(buf, len, "%s", t->dash ? "-" : "");
}

/* The bureaus that report a, as the source column prints them. */
static void sources(const struct synth_tabular *t,
		    const struct synth_account *a, char *buf, size_t len)
{
	int b, n = 0;
	size_t o = 0;

	buf[0] = '\0';
	for (b = 0; b < SB_COUNT; b++)
		n += (a->bureaus >> b) & 1;
	if (t->repos_style == 1 && n >= 2) {
		snprintf(buf, len, "MRG");
		return;
	}
	for (b = 0; b < SB_COUNT; b++)
		if ((a->bureaus >> b) & 1)
			o += (size_t)snprintf(buf + o, len - o, "%s%s", o ? "/" : "",
					      bcodes[t->repos_codes][b]);
}

/*
 * The text of column c of account idx (p its printed view), into buf;
 * "" or "-" when it has none.
 */
static const char *cell(const struct cc_synth_report *r, int idx,
			const struct synth_printed *p, int c, char *buf,
			size_t len)
{
	const struct synth_tabular *t = &r->d.tab;
	const struct synth_account *a = &r->accounts[idx];
	static const char *const ecoa[4] = { "I", "J", "A", "C" };
	int n[3];

	buf[0] = '\0';
	switch (c) {
	case TC_INDEX: snprintf(buf, len, "%03d", idx + 1); break;
	case TC_CREDITOR: snprintf(buf, len, "%s", p->creditor); break;
	case TC_NUMBER: snprintf(buf, len, "%s", p->mask); break;
	case TC_ECOA:
		snprintf(buf, len, "%s", a->resp == SR_COSIGNER && t->cosigner_s ?
			 "S" : ecoa[a->resp]);
		/* the responsibility, then whose: "J / J", "I / C" */
		if (t->whose_pair)
			snprintf(buf + strlen(buf), len - strlen(buf), " / %s",
				 whose_code(a));
		break;
	case TC_WHOSE: snprintf(buf, len, "%s", whose_code(a)); break;
	case TC_OPENED: return synth_tab_date(r, p->opened, buf, len);
	case TC_REPORTED: return synth_tab_date(r, p->reported, buf, len);
	case TC_CLOSED: return synth_tab_date(r, p->closed, buf, len);
	case TC_LAST_PAYMENT: return synth_tab_date(r, p->last_payment, buf, len);
	case TC_DOFD: return synth_tab_date(r, p->dofd, buf, len);
	case TC_HIGH: tmoney(t, p->high, t->thousands, buf, len); break;
	case TC_LIMIT: tmoney(t, p->limit, t->thousands, buf, len); break;
	case TC_BALANCE: tmoney(t, p->balance, 0, buf, len); break;
	case TC_PAST_DUE: tmoney(t, p->past_due, 0, buf, len); break;
	case TC_PAYMENT: tmoney(t, p->payment, 0, buf, len); break;
	case TC_TERMS: terms(t, a, p, buf, len); break;
	case TC_LATES:
		late_counts(a, n);
		snprintf(buf, len, t->late_pad ? "%02d%c%02d%c%02d" : "%d%c%d%c%d",
			 n[0], t->late_sep, n[1], t->late_sep, n[2]);
		break;
	case TC_L30: case TC_L60: case TC_L90:
		late_counts(a, n);
		snprintf(buf, len, t->late_pad ? "%02d" : "%d", n[c - TC_L30]);
		break;
	case TC_RATE: rating(a, p, buf, len); break;
	case TC_SOURCE: sources(t, a, buf, len); break;
	case TC_XP: case TC_TU: case TC_EF:
		snprintf(buf, len, "%s", (a->bureaus >> (c - TC_XP)) & 1 ? "X" : "");
		break;
	case TC_STATUS: snprintf(buf, len, "%s", p->status); break;
	case TC_TYPE:
		snprintf(buf, len, "%s", type_abbr[t->type_words][type_index(p->type)]);
		break;
	case TC_LOAN: snprintf(buf, len, "%s", loan_words[t->loan_words][a->kind]); break;
	}
	if (!buf[0] && t->dash && c != TC_XP && c != TC_TU && c != TC_EF)
		snprintf(buf, len, "-");
	return buf;
}

/* --- what is printed ------------------------------------------------------------ */

void synth_tab_status(const struct cc_synth_report *r,
		      const struct synth_account *a, struct synth_printed *p)
{
	/* late only before the history began: current, as far as shown */
	int story = a->story == SS_LATE_PAST && !a->worst_late ? SS_CURRENT :
		    a->story;

	snprintf(p->status, sizeof(p->status),
		 status_words[r->d.tab.status_vocab][story], a->worst_late);
	p->adverse = 0;
}

void synth_tab_print(const struct cc_synth_report *r,
		     const struct synth_account *a, struct synth_printed *p)
{
	const struct synth_tabular *t = &r->d.tab;
	size_t n = strlen(a->creditor);
	int c[3], b, nb = 0;

	/* the columns cut long names, as such prints do */
	if ((int)n > t->creditor_chars) {
		n = (size_t)t->creditor_chars;
		while (n && a->creditor[n - 1] == ' ')
			n--;
		snprintf(p->name, sizeof(p->name), "%.*s", (int)n, a->creditor);
		p->creditor = p->name;
	}
	if (!(t->used & BIT(TC_ECOA)))
		p->resp = p->resp_label = NULL;
	if (!(t->used & BIT(TC_LOAN)))
		p->loan_type = p->loan_label = NULL;
	if (t->thousands) {
		p->high = kround(p->high);
		p->limit = kround(p->limit);
	}
	for (b = 0; b < SB_COUNT; b++)
		nb += (a->bureaus >> b) & 1;
	if (!(t->used & (BIT(TC_SOURCE) | BIT(TC_XP))) ||
	    (t->repos_style == 1 && nb >= 2))
		p->repos = 0;
	/* lates the counts or the status show, whatever the history shows */
	if (t->used & (BIT(TC_LATES) | BIT(TC_L30))) {
		late_counts(a, c);
		p->worst_shown = c[2] ? 3 : c[1] ? 2 : c[0] ? 1 : 0;
	}
	if (a->story == SS_LATE_PAST && a->worst_late / 30 > p->worst_shown)
		p->worst_shown = a->worst_late / 30;
}

/* --- drawing ------------------------------------------------------------------------ */

/* where the lines under a group start: under the creditor */
static double indent(const struct synth_tabular *t)
{
	return t->used & BIT(TC_INDEX) ? t->width[0] : 0;
}

/* the columns dropped first when the page is too narrow */
static const int drop_order[] = {
	TC_TERMS, TC_LOAN, TC_CLOSED, TC_LAST_PAYMENT, TC_DOFD, TC_LIMIT,
	TC_REPORTED, TC_PAYMENT, TC_RATE, TC_PAST_DUE, TC_HIGH, TC_ECOA,
	TC_SOURCE, TC_XP, TC_LATES, TC_L30,
};

/* the order a design starts from, before a few neighbours swap */
static const int base_order[] = {
	TC_NUMBER, TC_ECOA, TC_WHOSE, TC_TYPE, TC_LOAN, TC_OPENED, TC_REPORTED,
	TC_CLOSED, TC_LAST_PAYMENT, TC_HIGH, TC_LIMIT, TC_BALANCE,
	TC_PAST_DUE, TC_PAYMENT, TC_TERMS, TC_RATE, TC_LATES, TC_L30,
	TC_DOFD, TC_SOURCE, TC_XP, TC_STATUS,
};

/* the columns a unit of the layout holds: the late counts and the
 * bureaus' marks come three side by side */
static int unit_size(int c)
{
	return c == TC_L30 || c == TC_XP ? 3 : 1;
}

/* Put the design's columns into lines and slots: line 0 starts with the
 * index and the creditor; the account number may stand under the
 * creditor. */
static void place(struct synth_tabular *t, const int *order, int n,
		  int under, int by_column)
{
	int j, k, i, base = t->used & BIT(TC_INDEX) ? 2 : 1, slots = 0, per;
	int line, at;

	for (j = 0; j < 3; j++)
		for (k = 0; k < SYNTH_TAB_SLOTS; k++)
			t->cell[j][k] = -1;
	if (base == 2)
		t->cell[0][0] = TC_INDEX;
	t->cell[0][base - 1] = TC_CREDITOR;
	if (under && t->lines > 1)
		t->cell[1][base - 1] = TC_NUMBER;
	for (i = 0; i < n; i++)
		slots += unit_size(order[i]);
	per = (slots + t->lines - 1) / t->lines;
	if (by_column) {
		/* one slot at a time, down the lines */
		for (i = 0; i < n && base + i / t->lines < SYNTH_TAB_SLOTS; i++)
			t->cell[i % t->lines][base + i / t->lines] = order[i];
		t->nslots = base + (n + t->lines - 1) / t->lines;
		return;
	}
	line = 0;
	at = base;
	t->nslots = base;
	for (i = 0; i < n; i++) {
		int u = unit_size(order[i]);

		if (at - base + u > per && line + 1 < t->lines) {
			line++;
			at = base;
		}
		for (k = 0; k < u && at < SYNTH_TAB_SLOTS; k++)
			t->cell[line][at++] = order[i] + k;
		if (at > t->nslots)
			t->nslots = at;
	}
}

/* The widths of the slots, from every value they hold; the total. */
static double measure(struct cc_synth_report *r)
{
	struct synth_tabular *t = &r->d.tab;
	struct synth_printed p;
	char buf[160];
	double w[SYNTH_TAB_SLOTS] = { 0 }, x, total = 0;
	int i, j, k, c;

	for (j = 0; j < t->lines; j++)
		for (k = 0; k < t->nslots; k++)
			if (t->cell[j][k] >= 0) {
				x = text_w(r->d.font, r->d.pt, head_text(t, t->cell[j][k]));
				if (x > w[k])
					w[k] = x;
			}
	for (i = 0; i < r->naccounts; i++) {
		synth_print(r, &r->accounts[i], -1, &p);
		for (j = 0; j < t->lines; j++)
			for (k = 0; k < t->nslots; k++) {
				c = t->cell[j][k];
				if (c < 0)
					continue;
				x = text_w(r->d.font, r->d.pt,
					   cell(r, i, &p, c, buf, sizeof(buf)));
				if (x > w[k])
					w[k] = x;
			}
	}
	for (k = 0; k < t->nslots; k++) {
		/* a point to spare: no value may wrap */
		t->width[k] = ceil(w[k] + 1) + t->gap;
		total += t->width[k];
	}
	return total;
}

static int is_money(int c)
{
	return c == TC_HIGH || c == TC_LIMIT || c == TC_BALANCE ||
	       c == TC_PAST_DUE || c == TC_PAYMENT;
}

/* The fields synth_print() gives, from the columns and lines shown. */
static void show_fields(struct synth_design *d)
{
	const struct synth_tabular *t = &d->tab;
	static const int fields[][2] = {
		{ TC_ECOA, DF_RESP }, { TC_TYPE, DF_TYPE }, { TC_RATE, DF_TYPE },
		{ TC_LOAN, DF_LOAN }, { TC_REPORTED, DF_REPORTED },
		{ TC_CLOSED, DF_CLOSED }, { TC_LAST_PAYMENT, DF_LAST_PAYMENT },
		{ TC_HIGH, DF_HIGH }, { TC_LIMIT, DF_LIMIT },
		{ TC_PAST_DUE, DF_PAST_DUE }, { TC_PAYMENT, DF_PAYMENT },
		{ TC_DOFD, DF_DOFD },
	};
	size_t i;

	for (i = 0; i < NELEM(fields); i++)
		d->show &= ~BIT(fields[i][1]);
	for (i = 0; i < NELEM(fields); i++)
		if (t->used & BIT(fields[i][0]))
			d->show |= BIT(fields[i][1]);
	if (t->dofd_line)
		d->show |= BIT(DF_DOFD);
}

/*
 * Choose the columns and where they go, and make them fit the page:
 * narrower gaps, then smaller type, then more lines, then shorter
 * names, then fewer columns, in that order.
 */
static void draw_columns(struct cc_synth_report *r, struct synth_rng *g)
{
	struct synth_design *d = &r->d;
	struct synth_tabular *t = &d->tab;
	int order[TC_COUNT], n = 0, i, k, j, under, by_column, dropped = 0;
	double avail = 612 - 2 * d->margin;
	static const int chances[TC_COUNT] = {
		[TC_ECOA] = 75, [TC_REPORTED] = 80, [TC_HIGH] = 85,
		[TC_LIMIT] = 40, [TC_PAST_DUE] = 75, [TC_PAYMENT] = 70,
		[TC_TERMS] = 35, [TC_CLOSED] = 30, [TC_LAST_PAYMENT] = 35,
		[TC_DOFD] = 25, [TC_LOAN] = 30,
	};

	t->used = BIT(TC_CREDITOR) | BIT(TC_NUMBER) | BIT(TC_OPENED) |
		  BIT(TC_BALANCE) | BIT(TC_STATUS);
	if (synth_chance(g, 35))
		t->used |= BIT(TC_INDEX);
	/* the type, the rating, or both */
	k = DPICK(g, 3);
	t->used |= k == 0 ? BIT(TC_TYPE) : k == 1 ? BIT(TC_RATE) :
		   BIT(TC_TYPE) | BIT(TC_RATE);
	for (i = 0; i < TC_COUNT; i++)
		if (chances[i] && synth_chance(g, chances[i]))
			t->used |= BIT(i);
	k = DPICK(g, 4);     /* late counts: none, a triple, three columns */
	if (k == 1 || k == 2)
		t->used |= BIT(TC_LATES);
	else if (k == 3)
		t->used |= BIT(TC_L30) | BIT(TC_L60) | BIT(TC_L90);
	t->repos_style = DPICK(g, 3);
	if (synth_chance(g, 60))
		t->used |= t->repos_style == 2 ? BIT(TC_XP) | BIT(TC_TU) |
			   BIT(TC_EF) : BIT(TC_SOURCE);
	/* whose is a joint report's, its head drawn with it */
	for (i = 0; i < TC_COUNT; i++)
		if (i != TC_WHOSE)
			t->label[i] = DPICK(g, nspell(i));
	if (r->joint) {
		/* whose in the ECOA column needs the column; an ECOA column
		 * headed WHOSE would be a second whose */
		if (!(t->used & BIT(TC_ECOA)))
			t->whose_pair = 0;
		if (!t->whose_pair)
			t->used |= BIT(TC_WHOSE);
		if (t->label[TC_ECOA] == 1)
			t->label[TC_ECOA] = 0;
		snprintf(t->pair_head, sizeof(t->pair_head), "%s/%s",
			 heads[TC_ECOA][t->label[TC_ECOA]],
			 heads[TC_WHOSE][t->label[TC_WHOSE]]);
	}
	t->lines = (int)synth_between(g, 1, 3);
	under = t->lines > 1 && synth_chance(g, 50);
	by_column = synth_chance(g, 40);
	t->gap = (double)synth_between(g, 6, 12);
	t->creditor_chars = (int)synth_between(g, 18, 30);
	/* the order: the base one, a few neighbours swapped */
	for (i = 0; i < (int)NELEM(base_order); i++) {
		int c = base_order[i];

		if (!(t->used & BIT(c)) || (c == TC_NUMBER && under))
			continue;
		order[n++] = c;
	}
	for (k = (int)synth_between(g, 0, 4); k > 0 && n > 2; k--) {
		int a = (int)synth_between(g, 0, n - 2), tmp = order[a];

		/* the status ends a line as often as not; keep it last */
		if (order[a + 1] == TC_STATUS)
			continue;
		order[a] = order[a + 1];
		order[a + 1] = tmp;
	}
	for (;;) {
		for (i = k = 0; i < n; i++)
			k += order[i] == TC_L30 || order[i] == TC_XP;
		place(t, order, n, under, by_column && !k);
		show_fields(d);
		if (measure(r) <= avail)
			break;
		if (t->gap > 5) {
			t->gap -= 1;
		} else if (d->pt > 7) {
			d->pt -= 0.5;
		} else if (t->lines < 3) {
			t->lines++;
		} else if (t->creditor_chars > 16) {
			t->creditor_chars -= 2;
		} else if (dropped < (int)NELEM(drop_order)) {
			int c = drop_order[dropped++];

			/* whose, never dropped, is in the ECOA column */
			if (c == TC_ECOA && t->whose_pair)
				continue;
			for (i = j = 0; i < n; i++)
				if (order[i] != c)
					order[j++] = order[i];
			n = j;
			t->used &= ~BIT(c);
			if (c == TC_L30)
				t->used &= ~(BIT(TC_L60) | BIT(TC_L90));
			if (c == TC_XP)
				t->used &= ~(BIT(TC_TU) | BIT(TC_EF));
		} else {
			break;
		}
	}
	for (k = 0; k < t->nslots; k++)
		for (j = 0; j < t->lines; j++)
			if (t->money_right && t->cell[j][k] >= 0 &&
			    is_money(t->cell[j][k]))
				t->right[k] = 1;
}

void synth_tab_draw(struct cc_synth_report *r)
{
	static const int fonts[4] = { TF_COURIER, TF_COURIER, TF_HELVETICA,
				      TF_TIMES };
	static const int months[5] = { 12, 24, 24, 36, 48 };
	struct synth_design *d = &r->d;
	struct synth_tabular *t = &d->tab;
	struct synth_rng g;

	memset(d, 0, sizeof(*d));
	g.s = r->seed ^ 0x7ab1e0f11e5ULL;
	g.s = synth_next64(&g);
	d->tabular = 1;
	d->font = fonts[DPICK(&g, 4)];
	d->pt = 7 + (double)synth_between(&g, 0, 4) / 2.0;
	d->margin = (int)synth_between(&g, 36, 56);
	d->mask = DPICK(&g, 5);
	d->name_last_first = synth_chance(&g, 60);
	/* a group breaks across pages between its columns' lines and the
	 * labelled lines under them, or never: mupdf puts 2em between two
	 * layout blocks, which would split a group's columns in two */
	d->rows_per_block = synth_chance(&g, 40) ? 0 : 99;
	if (r->joint) {
		/* on a stream of their own, so that the others' draws stay
		 * as they are without a co-applicant */
		struct synth_rng jg;

		jg.s = r->seed ^ 0x3f05eb0c0ULL;
		jg.s = synth_next64(&jg);
		t->whose_pair = synth_chance(&jg, 40);
		t->whose_legend = synth_chance(&jg, 50) ? 1 + DPICK(&jg, 2) : 0;
		t->label[TC_WHOSE] = DPICK(&jg, nspell(TC_WHOSE));
	}
	t->dollar = synth_chance(&g, 60);
	t->commas = synth_chance(&g, 50);
	t->thousands = synth_chance(&g, 30);
	t->money_right = synth_chance(&g, 50);
	t->terms_zeros = synth_chance(&g, 50);
	t->year4 = synth_chance(&g, 35);
	t->no_date = DPICK(&g, 3);
	t->dash = synth_chance(&g, 40);
	t->late_sep = synth_chance(&g, 50) ? '/' : '-';
	t->late_pad = synth_chance(&g, 60);
	t->cosigner_s = synth_chance(&g, 50);
	t->repos_codes = DPICK(&g, 2);
	t->type_words = synth_chance(&g, 30);
	t->loan_words = DPICK(&g, 2);
	t->status_vocab = DPICK(&g, 3);
	t->title = DPICK(&g, NELEM(titles));
	t->file_line = DPICK(&g, 3);
	t->applicant = DPICK(&g, 2);
	t->borrower = synth_chance(&g, 40);
	t->dob = DPICK(&g, 2);
	t->alerts = synth_chance(&g, 40);
	t->summary = synth_chance(&g, 50);
	t->factors = synth_chance(&g, 45);
	t->fine_print = synth_chance(&g, 50);
	t->trades_heading = DPICK(&g, NELEM(trades_headings));
	t->count_line = synth_chance(&g, 40);
	t->rule = synth_chance(&g, 40);
	t->pattern_label = DPICK(&g, NELEM(pattern_labels));
	t->pattern_codes = DPICK(&g, NELEM(pattern_sets));
	t->remark_label = DPICK(&g, NELEM(remark_labels));
	t->orig_label = DPICK(&g, NELEM(orig_labels));
	t->co_label = DPICK(&g, NELEM(co_labels));
	t->dofd_label = DPICK(&g, NELEM(dofd_labels));
	t->inq_heading = DPICK(&g, NELEM(inq_headings));
	t->pub_heading = DPICK(&g, NELEM(pub_headings));
	t->counter = DPICK(&g, 4);
	t->run_head = synth_chance(&g, 40);
	/* the labelled lines under a group */
	d->grid_months = synth_chance(&g, 65) ? months[DPICK(&g, 5)] : 0;
	d->show = BIT(DF_NAME) | BIT(DF_NUMBER) | BIT(DF_OPENED) |
		  BIT(DF_STATUS) | BIT(DF_BALANCE);
	if (synth_chance(&g, 70)) d->show |= BIT(DF_REMARKS);
	if (synth_chance(&g, 70)) d->show |= BIT(DF_ORIGINAL);
	if (synth_chance(&g, 35)) d->show |= BIT(DF_CHARGE_OFF);
	t->dofd_line = synth_chance(&g, 30);
	draw_columns(r, &g);
	show_fields(d);
	if (!d->rows_per_block)
		d->rows_per_block = t->lines;
	/* a payment pattern on one line: fewer months in wide type */
	while (d->grid_months > 12 &&
	       text_w(d->font, d->pt, pattern_labels[t->pattern_label]) +
	       d->pt * (8 + d->grid_months) + indent(t) > 612 - 2 * d->margin)
		d->grid_months -= 12;
}

/* The line that says what whose's codes mean. */
static void legend(const struct synth_tabular *t, char *buf, size_t len)
{
	static const char *const fmts[2] = {
		"%s: B=BORROWER C=CO-BORROWER J=JOINT",
		"%s CODES: B - BORROWER, C - CO-BORROWER, J - JOINT",
	};

	snprintf(buf, len, fmts[t->whose_legend - 1],
		 heads[TC_WHOSE][t->label[TC_WHOSE]]);
}

/* --- the design's parameters, for the truth --------------------------------------- */

json_t *synth_tab_json(const struct cc_synth_report *r)
{
	static const char *const fonts[3] = { "Helvetica", "Times", "Courier" };
	static const char *const no_dates[3] = { "blank", "--/--", "-" };
	static const char *const repos[3] = { "codes", "MRG", "marks" };
	static const char *const counters[4] = {
		NULL, "PAGE n OF N", "PAGE n", "n/N",
	};
	static const char *const hist_names[HC_COUNT] = {
		"OK", "30", "60", "90", "120", "150", "180", "CO", "C", "F",
		"VS", "R", "B", "ND",
	};
	const struct synth_design *d = &r->d;
	const struct synth_tabular *t = &d->tab;
	json_t *o = json_object(), *cols = json_array(), *w = json_array();
	json_t *labels = json_object(), *money = json_object(), *pat, *codes;
	char s[2] = { 0, 0 };
	int j, k, c;

	json_object_set_new(o, "family", json_string(cc_layout_name(r->layout)));
	json_object_set_new(o, "style", json_string("tabular"));
	json_object_set_new(o, "font", json_string(fonts[d->font]));
	json_object_set_new(o, "size", json_real(d->pt));
	json_object_set_new(o, "margin", json_integer(d->margin));
	json_object_set_new(o, "lines", json_integer(t->lines));
	for (j = 0; j < t->lines; j++) {
		json_t *line = json_array();

		for (k = 0; k < t->nslots; k++) {
			c = t->cell[j][k];
			json_array_append_new(line, c < 0 ? json_null() :
					      json_string(col_names[c]));
			if (c >= 0)
				json_object_set_new(labels, col_names[c],
						    json_string(head_text(t, c)));
		}
		json_array_append_new(cols, line);
	}
	for (k = 0; k < t->nslots; k++)
		json_array_append_new(w, json_real(t->width[k]));
	json_object_set_new(o, "columns", cols);
	json_object_set_new(o, "heads", labels);
	json_object_set_new(o, "widths", w);
	json_object_set_new(o, "gap", json_real(t->gap));
	json_object_set_new(o, "creditor_chars", json_integer(t->creditor_chars));
	json_object_set_new(money, "dollar", json_boolean(t->dollar));
	json_object_set_new(money, "commas", json_boolean(t->commas));
	json_object_set_new(money, "thousands", json_boolean(t->thousands));
	json_object_set_new(money, "right", json_boolean(t->money_right));
	json_object_set_new(o, "money", money);
	json_object_set_new(o, "date_format", json_string(t->year4 ? "MM/YYYY" : "MM/YY"));
	json_object_set_new(o, "no_date", json_string(no_dates[t->no_date]));
	json_object_set_new(o, "empty_cell", json_string(t->dash ? "-" : "blank"));
	json_object_set_new(o, "late_counts", json_string(
		t->used & BIT(TC_LATES) ? "triple" :
		t->used & BIT(TC_L30) ? "columns" : "none"));
	s[0] = (char)t->late_sep;
	json_object_set_new(o, "late_separator", json_string(s));
	json_object_set_new(o, "late_zeros", json_boolean(t->late_pad));
	json_object_set_new(o, "cosigner_code", json_string(t->cosigner_s ? "S" : "C"));
	json_object_set_new(o, "repositories", json_string(repos[t->repos_style]));
	json_object_set_new(o, "bureau_codes", json_string(t->repos_codes ?
							   "EX/TU/EQ" : "XP/TU/EF"));
	json_object_set_new(o, "type_words", json_boolean(t->type_words));
	json_object_set_new(o, "loan_words", json_integer(t->loan_words));
	json_object_set_new(o, "status_words", json_integer(t->status_vocab));
	json_object_set_new(o, "terms_zeros", json_boolean(t->terms_zeros));
	json_object_set_new(o, "mask", json_integer(d->mask));
	json_object_set_new(o, "name_last_first", json_boolean(d->name_last_first));
	json_object_set_new(o, "title", json_string(titles[t->title]));
	json_object_set_new(o, "file_line", json_integer(t->file_line));
	json_object_set_new(o, "applicant", json_string(t->applicant ? "table" : "pairs"));
	json_object_set_new(o, "applicant_label", json_string(t->borrower ?
							      "BORROWER" : "APPLICANT"));
	json_object_set_new(o, "birth", json_string(t->dob ? "XX/XX/YYYY" : "YYYY"));
	json_object_set_new(o, "alerts", json_boolean(t->alerts));
	json_object_set_new(o, "summary", json_boolean(t->summary));
	json_object_set_new(o, "score_factors", json_boolean(t->factors));
	json_object_set_new(o, "fine_print", json_boolean(t->fine_print));
	json_object_set_new(o, "tradelines_heading",
			    json_string(trades_headings[t->trades_heading]));
	json_object_set_new(o, "count_line", json_boolean(t->count_line));
	json_object_set_new(o, "rule", json_boolean(t->rule));
	json_object_set_new(o, "lines_per_block", json_integer(d->rows_per_block));
	pat = json_object();
	json_object_set_new(pat, "months", json_integer(d->grid_months));
	json_object_set_new(pat, "label", json_string(pattern_labels[t->pattern_label]));
	json_object_set_new(pat, "alphabet",
			    json_string(pattern_set_names[t->pattern_codes]));
	codes = json_object();
	for (k = 0; k < HC_COUNT; k++) {
		s[0] = pattern_sets[t->pattern_codes][k];
		json_object_set_new(codes, hist_names[k], json_string(s));
	}
	json_object_set_new(pat, "codes", codes);
	json_object_set_new(o, "pattern", pat);
	json_object_set_new(o, "remarks", (d->show & BIT(DF_REMARKS)) ?
			    json_string(remark_labels[t->remark_label]) : json_null());
	json_object_set_new(o, "original_creditor", (d->show & BIT(DF_ORIGINAL)) ?
			    json_string(orig_labels[t->orig_label]) : json_null());
	json_object_set_new(o, "charge_off", (d->show & BIT(DF_CHARGE_OFF)) ?
			    json_string(co_labels[t->co_label]) : json_null());
	json_object_set_new(o, "dofd_line", t->dofd_line ?
			    json_string(dofd_labels[t->dofd_label]) : json_null());
	json_object_set_new(o, "inquiries_heading",
			    json_string(inq_headings[t->inq_heading]));
	json_object_set_new(o, "public_records_heading",
			    json_string(pub_headings[t->pub_heading]));
	json_object_set_new(o, "page_counter", t->counter ?
			    json_string(counters[t->counter]) : json_null());
	json_object_set_new(o, "running_head", json_boolean(t->run_head));
	json_object_set_new(o, "joint", json_boolean(r->joint));
	json_object_set_new(o, "whose", !r->joint ? json_null() :
			    json_string(t->whose_pair ? "ecoa_pair" : "column"));
	if (r->joint && t->whose_legend) {
		char l[96];

		legend(t, l, sizeof(l));
		json_object_set_new(o, "whose_legend", json_string(l));
	} else {
		json_object_set_new(o, "whose_legend", json_null());
	}
	return o;
}

/* --- printing ---------------------------------------------------------------------------- */

struct ctx {
	const struct cc_synth_report *r;
	const struct synth_tabular *t;
	struct cc_buf *b;
};


static void applicant_name(const struct cc_synth_report *r, char *buf,
			   size_t len)
{
	if (r->d.name_last_first)
		snprintf(buf, len, "%s, %s %s", r->last, r->first, r->middle);
	else
		snprintf(buf, len, "%s %s %s", r->first, r->middle, r->last);
}

static void heading(struct ctx *c, const char *text)
{
	cc_buf_adds(c->b, "<h2>");
	H(c->b, text);
	cc_buf_adds(c->b, "</h2>\n");
}

/* label/value rows of two columns */
static void kv(struct ctx *c, const char *label, const char *value)
{
	cc_buf_adds(c->b, "<tr><td class=\"l\">");
	H(c->b, label);
	cc_buf_adds(c->b, "</td><td class=\"v\">");
	H(c->b, value);
	cc_buf_adds(c->b, "</td></tr>\n");
}

static void title_lines(struct ctx *c)
{
	static const char *const fmts[3] = {
		"FILE #: %s   DATE: %s   REPOSITORIES: %s",
		"REF #: %s   DATE ORDERED: %s   BUREAUS: %s",
		"FILE NO. %s   DATE COMPLETED %s   REPOSITORIES USED %s",
	};
	const struct cc_synth_report *r = c->r;
	char when[16], reps[16], line[160];

	snprintf(when, sizeof(when), "%02d/%02d/%04d", r->as_of.m, r->as_of.d,
		 r->as_of.y);
	snprintf(reps, sizeof(reps), "%s/%s/%s", bcodes[c->t->repos_codes][c->t->repos_codes ? 2 : 0],
		 bcodes[c->t->repos_codes][c->t->repos_codes ? 0 : 1],
		 bcodes[c->t->repos_codes][c->t->repos_codes ? 1 : 2]);
	cc_buf_adds(c->b, "<h1>");
	H(c->b, titles[c->t->title]);
	cc_buf_adds(c->b, "</h1>\n<p class=\"fl\">");
	snprintf(line, sizeof(line), fmts[c->t->file_line], r->report_number,
		 when, reps);
	H(c->b, line);
	cc_buf_adds(c->b, "</p>\n");
}

/*
 * An applicant, who, under label: the borrower, and on a joint report
 * the co-borrower after them, in the same manner, each a block of its
 * own (id).
 */
static void applicant(struct ctx *c, const char *id, const char *label,
		      const struct synth_person *who)
{
	const struct cc_synth_report *r = c->r;
	char name[128], ssn[16], dob[16], cur[160], prev[160];

	if (r->d.name_last_first)
		snprintf(name, sizeof(name), "%s, %s %s", who->last,
			 who->first, who->middle);
	else
		snprintf(name, sizeof(name), "%s %s %s", who->first,
			 who->middle, who->last);
	snprintf(ssn, sizeof(ssn), "XXX-XX-%04d", who->ssn_last4);
	if (c->t->dob)
		snprintf(dob, sizeof(dob), "XX/XX/%04d", who->birth_year);
	else
		snprintf(dob, sizeof(dob), "%04d", who->birth_year);
	snprintf(cur, sizeof(cur), "%s, %s, %s %s", who->street, who->city,
		 who->state, who->zip);
	snprintf(prev, sizeof(prev), "%s, %s, %s %s", who->prev_street,
		 who->prev_city, who->prev_state, who->prev_zip);
	cc_buf_addf(c->b, "<div id=\"%s\">", id);
	if (!c->t->applicant) {
		char l[32];

		cc_buf_adds(c->b, "<table class=\"kv\">\n");
		snprintf(l, sizeof(l), "%s:", label);
		kv(c, l, name);
		kv(c, "SSN:", ssn);
		kv(c, c->t->dob ? "DOB:" : "YEAR OF BIRTH:", dob);
		kv(c, "CURRENT ADDRESS:", cur);
		kv(c, c->t->borrower ? "FORMER ADDRESS:" : "PREVIOUS ADDRESS:", prev);
		cc_buf_adds(c->b, "</table>\n");
	} else {
		cc_buf_addf(c->b, "<table class=\"ap\"><tr><td class=\"a0\">%s</td>"
			    "<td class=\"a1\">SSN</td><td class=\"a2\">%s</td></tr>\n"
			    "<tr><td class=\"a0\">", label, c->t->dob ? "DOB" : "YOB");
		H(c->b, name);
		cc_buf_addf(c->b, "</td><td class=\"a1\">%s</td><td class=\"a2\">%s"
			    "</td></tr></table>\n<table class=\"kv\">\n", ssn, dob);
		kv(c, "CURRENT:", cur);
		kv(c, "PREVIOUS:", prev);
		cc_buf_adds(c->b, "</table>\n");
	}
	cc_buf_adds(c->b, "</div>\n");
}

static void alerts(struct ctx *c)
{
	static const char *const lines[3] = {
		"ALERTS: OFAC SEARCH - NO MATCH FOUND. NO FRAUD VICTIM ALERT ON FILE.",
		"FACTA ADDRESS DISCREPANCY: NONE   HAWK ALERT: NONE   OFAC: CLEAR",
		"*** NO ACTIVE DUTY ALERT *** SSN ISSUED 1985-1987 *** OFAC: NO MATCH ***",
	};

	cc_buf_adds(c->b, "<p class=\"al\">");
	H(c->b, lines[c->r->seed % 3]);
	cc_buf_adds(c->b, "</p>\n");
}

/* counts and totals by type, of the printed values: no account */
static void summary(struct ctx *c)
{
	static const char *const rows[6] = {
		"REVOLVING", "INSTALLMENT", "MORTGAGE", "OPEN", "COLLECTION",
		"TOTAL",
	};
	/* a total of a column the design does not print is not known */
	static const int cols[4] = { TC_HIGH, TC_BALANCE, TC_PAST_DUE, TC_PAYMENT };
	long sum[6][5] = { { 0 } };
	int count[6] = { 0 }, i, k;
	char m[32];

	for (i = 0; i < c->r->naccounts; i++) {
		struct synth_printed p;
		long v[5];

		synth_print(c->r, &c->r->accounts[i], -1, &p);
		v[0] = p.high; v[1] = p.balance; v[2] = p.past_due; v[3] = p.payment;
		k = type_index(p.type);
		count[k]++;
		count[5]++;
		for (int f = 0; f < 4; f++)
			if (v[f] > 0) {
				sum[k][f] += v[f];
				sum[5][f] += v[f];
			}
	}
	heading(c, "SUMMARY OF ACCOUNTS");
	cc_buf_adds(c->b, "<table class=\"sm\"><tr><td class=\"s0\">TYPE</td>"
		    "<td class=\"s1\">#</td><td class=\"s2\">HIGH CREDIT</td>"
		    "<td class=\"s2\">BALANCE</td><td class=\"s2\">PAST DUE</td>"
		    "<td class=\"s2\">PAYMENT</td></tr>\n");
	for (k = 0; k < 6; k++) {
		if (!count[k] && k != 5 && k != 0)
			continue;
		cc_buf_addf(c->b, "<tr><td class=\"s0\">%s</td><td class=\"s1\">%d</td>",
			    rows[k], count[k]);
		for (i = 0; i < 4; i++)
			cc_buf_addf(c->b, "<td class=\"s2\">%s</td>",
				    !(c->t->used & BIT(cols[i])) ? "-" :
				    tmoney(c->t, sum[k][i], 0, m, sizeof(m)));
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

static void factors(struct ctx *c)
{
	static const char *const why[8] = {
		"038 SERIOUS DELINQUENCY, AND PUBLIC RECORD OR COLLECTION FILED",
		"010 PROPORTION OF BALANCES TO CREDIT LIMITS IS TOO HIGH",
		"014 LENGTH OF TIME ACCOUNTS HAVE BEEN ESTABLISHED",
		"018 NUMBER OF ACCOUNTS WITH DELINQUENCY",
		"005 TOO MANY ACCOUNTS WITH BALANCES",
		"008 TOO MANY INQUIRIES LAST 12 MONTHS",
		"039 SERIOUS DELINQUENCY",
		"012 LENGTH OF TIME REVOLVING ACCOUNTS HAVE BEEN ESTABLISHED",
	};
	static const char *const models[3] = {
		"EQUIFAX BEACON 5.0", "EXPERIAN FAIR ISAAC V2", "TRANSUNION FICO CLASSIC 04",
	};
	struct synth_rng g;
	int b, i, first;

	g.s = c->r->seed ^ 0xfac7025ULL;
	g.s = synth_next64(&g);
	heading(c, "CREDIT SCORES");
	for (b = 0; b < 3; b++) {
		cc_buf_addf(c->b, "<p class=\"sf\">%s &#160; SCORE: %ld",
			    models[b], synth_between(&g, 520, 810));
		first = DPICK(&g, 8);
		for (i = 0; i < 3; i++)
			cc_buf_addf(c->b, "<br/>&#160; &#160; %s",
				    why[(first + i * 3) % 8]);
		cc_buf_adds(c->b, "</p>\n");
	}
}

static void fine_print(struct ctx *c)
{
	cc_buf_adds(c->b, "<p class=\"fp\">THIS REPORT IS FURNISHED IN RESPONSE TO "
		    "AN INQUIRY FOR THE PURPOSE OF EVALUATING CREDIT RISK. THE "
		    "INFORMATION WAS OBTAINED FROM THE REPOSITORIES NAMED ABOVE AND "
		    "IS NOT GUARANTEED. ACCOUNTS REPORTED BY MORE THAN ONE REPOSITORY "
		    "ARE MERGED. THE CONSUMER MAY DISPUTE THE ACCURACY OF ANY ITEM "
		    "WITH THE REPOSITORY THAT REPORTED IT UNDER THE FAIR CREDIT "
		    "REPORTING ACT.</p>\n");
}

/*
 * mupdf (1.19 to 1.21) gives every cell of a table row the same width,
 * whatever the style sheet says, and places a block inside a cell from
 * the table's left, not the cell's: a line is a row of narrow cells of
 * one width, and each value is the text of the cell its x falls in,
 * indented by the rest of the way (text-indent, which mupdf applies in
 * the cell) and never wrapped, so that it starts at its x to a
 * hundredth of a point, as the heads repeated on the next pages do.
 */
#define CELL_PT 6.0

static int ncells(const struct cc_synth_report *r)
{
	return (int)ceil((612 - 2 * r->d.margin) / CELL_PT);
}

/* where the text of column k starts, from the left margin */
static double text_x(const struct synth_tabular *t, int k, int font,
		     double pt, const char *text)
{
	double x = 0;
	int i;

	for (i = 0; i < k; i++)
		x += t->width[i];
	if (t->right[k])
		x += t->width[k] - t->gap - text_w(font, pt, text);
	return x;
}

/* a line of the heads (p NULL), or of a group */
static void line(struct ctx *c, int idx, const struct synth_printed *p, int j)
{
	const struct cc_synth_report *r = c->r;
	const struct synth_tabular *t = c->t;
	int n = ncells(r), k, col, at = 0, cl;
	double w = (612 - 2 * r->d.margin) / (double)n, x;
	char buf[160];
	const char *text;

	cc_buf_adds(c->b, "<table class=\"tl\"><tr>");
	for (k = 0; k < t->nslots; k++) {
		col = t->cell[j][k];
		if (col < 0)
			continue;
		text = p ? cell(r, idx, p, col, buf, sizeof(buf)) : head_text(t, col);
		if (!*text)
			continue;
		x = text_x(t, k, r->d.font, r->d.pt, text);
		cl = (int)floor(x / w + 1e-6);
		if (cl < at)
			cl = at;
		for (; at < cl; at++)
			cc_buf_adds(c->b, "<td></td>");
		cc_buf_addf(c->b, "<td style=\"text-indent:%.2fpt\">", x - cl * w);
		H(c->b, text);
		cc_buf_adds(c->b, "</td>");
		at++;
	}
	for (; at < n; at++)
		cc_buf_adds(c->b, "<td></td>");
	cc_buf_adds(c->b, "</tr></table>\n");
}

/* a line of dashes as wide as the columns */
static void rule_text(const struct cc_synth_report *r, char *buf, size_t len)
{
	double w = 0, dash = text_w(r->d.font, r->d.pt, "-");
	size_t n;
	int k;

	for (k = 0; k < r->d.tab.nslots; k++)
		w += r->d.tab.width[k];
	n = (size_t)((w - r->d.tab.gap) / dash);
	if (n + 1 > len)
		n = len - 1;
	memset(buf, '-', n);
	buf[n] = '\0';
}

/* a labelled line under a group, under the creditor */
static void labelled(struct ctx *c, const char *label, const char *value)
{
	cc_buf_addf(c->b, "<table class=\"tx\"><tr><td style=\"text-indent:"
		    "%.2fpt\">", indent(c->t));
	H(c->b, label);
	cc_buf_adds(c->b, " ");
	H(c->b, value);
	cc_buf_adds(c->b, "</td></tr></table>\n");
}

static void group(struct ctx *c, int idx)
{
	const struct cc_synth_report *r = c->r;
	const struct synth_tabular *t = c->t;
	struct synth_printed p;
	char buf[SYNTH_MAX_HIST + 16], m[32];
	int j, i;

	synth_print(r, &r->accounts[idx], -1, &p);
	cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\">\n", idx);
	for (j = 0; j < t->lines; j++)
		line(c, idx, &p, j);
	if (p.nhist) {
		i = snprintf(buf, sizeof(buf), "%02d/%02d ", p.hist_month[0].m,
			     p.hist_month[0].y % 100);
		for (j = 0; j < p.nhist; j++)
			buf[i++] = pattern_sets[t->pattern_codes][p.hist[j]];
		buf[i] = '\0';
		labelled(c, pattern_labels[t->pattern_label], buf);
	}
	if (p.original_creditor)
		labelled(c, orig_labels[t->orig_label], p.original_creditor);
	if (t->dofd_line && p.dofd.y)
		labelled(c, dofd_labels[t->dofd_label],
			 synth_tab_date(r, p.dofd, m, sizeof(m)));
	if (p.charge_off >= 0)
		labelled(c, co_labels[t->co_label],
			 tmoney(t, p.charge_off, 0, m, sizeof(m)));
	if (p.remark)
		labelled(c, remark_labels[t->remark_label], p.remark);
	cc_buf_adds(c->b, "</div>\n");
}

static void tradelines(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	char rule[256];
	int i, j;

	heading(c, trades_headings[c->t->trades_heading]);
	if (c->t->count_line)
		cc_buf_addf(c->b, "<p class=\"cl\">*** %d TRADELINES ***</p>\n",
			    r->naccounts);
	if (r->joint && c->t->whose_legend && r->naccounts) {
		legend(c->t, rule, sizeof(rule));
		cc_buf_adds(c->b, "<p class=\"lg\">");
		H(c->b, rule);
		cc_buf_adds(c->b, "</p>\n");
	}
	if (!r->naccounts) {
		cc_buf_adds(c->b, "<p>*** NONE REPORTED ***</p>\n");
		return;
	}
	cc_buf_adds(c->b, "<div id=\"heads\">\n");
	for (j = 0; j < c->t->lines; j++)
		line(c, 0, NULL, j);
	if (c->t->rule) {
		rule_text(r, rule, sizeof(rule));
		cc_buf_addf(c->b, "<table class=\"tx\"><tr><td class=\"ru\">%s"
			    "</td></tr></table>\n", rule);
	}
	cc_buf_adds(c->b, "</div>\n");
	for (i = 0; i < r->naccounts; i++)
		group(c, i);
}

static const char *inq_source(const struct synth_tabular *t, int bureaus)
{
	return bcodes[t->repos_codes][bureaus == 1 ? SB_XP : bureaus == 2 ? SB_TU : SB_EF];
}

static void inquiries(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	char d[16];
	int i;

	heading(c, inq_headings[c->t->inq_heading]);
	if (!r->ninquiries) {
		cc_buf_adds(c->b, "<p>NONE REPORTED</p>\n");
		return;
	}
	cc_buf_adds(c->b, "<table class=\"iq\"><tr><td class=\"q0\">CREDITOR</td>"
		    "<td class=\"q1\">DATE</td><td class=\"q2\">SOURCE</td></tr>\n");
	for (i = 0; i < r->ninquiries; i++) {
		cc_buf_addf(c->b, "<tr id=\"inq-%d\"><td class=\"q0\">", i);
		H(c->b, r->inquiries[i].creditor);
		cc_buf_addf(c->b, "</td><td class=\"q1\">%s</td><td class=\"q2\">%s</td></tr>\n",
			    synth_tab_date(r, r->inquiries[i].date, d, sizeof(d)),
			    inq_source(c->t, r->inquiries[i].bureaus));
	}
	cc_buf_adds(c->b, "</table>\n");
}

static const char *const pub_types[4] = {
	"BANKRUPTCY CH 7", "BANKRUPTCY CH 13", "CIVIL JUDGMENT", "TAX LIEN",
};

static void publics(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	char d1[16], d2[16], m[32];
	int i;

	heading(c, pub_headings[c->t->pub_heading]);
	if (!r->npublic) {
		cc_buf_adds(c->b, "<p>NONE REPORTED</p>\n");
		return;
	}
	cc_buf_adds(c->b, "<table class=\"pr\"><tr><td class=\"p0\">TYPE</td>"
		    "<td class=\"p1\">FILED</td><td class=\"p1\">RESOLVED</td>"
		    "<td class=\"p2\">AMOUNT</td><td class=\"p3\">DOCKET #</td>"
		    "<td class=\"p4\">COURT</td></tr>\n");
	for (i = 0; i < r->npublic; i++) {
		const struct synth_public *p = &r->publics[i];

		tmoney(c->t, p->amount, 0, m, sizeof(m));
		cc_buf_addf(c->b, "<tr id=\"pub-%d\"><td class=\"p0\">%s</td>"
			    "<td class=\"p1\">%s</td><td class=\"p1\">%s</td>"
			    "<td class=\"p2\">%s</td><td class=\"p3\">%s</td>"
			    "<td class=\"p4\">", i, pub_types[p->type],
			    synth_tab_date(r, p->filed, d1, sizeof(d1)),
			    synth_tab_date(r, p->resolved, d2, sizeof(d2)),
			    m[0] ? m : c->t->dash ? "-" : "", p->reference);
		H(c->b, p->court);
		cc_buf_adds(c->b, "</td></tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

void synth_tab_html(const struct cc_synth_report *r, struct cc_buf *b)
{
	struct ctx c = { r, &r->d.tab, b };
	struct synth_person who;

	title_lines(&c);
	synth_borrower(r, &who);
	applicant(&c, "consumer", r->d.tab.borrower ? "BORROWER" : "APPLICANT",
		  &who);
	if (r->joint)
		applicant(&c, "consumer-2", r->d.tab.borrower ? "CO-BORROWER" :
			  "CO-APPLICANT", &r->co);
	if (c.t->alerts)
		alerts(&c);
	if (c.t->summary)
		summary(&c);
	if (c.t->factors)
		factors(&c);
	tradelines(&c);
	publics(&c);
	inquiries(&c);
	if (c.t->fine_print)
		fine_print(&c);
}

char *synth_tab_css(const struct cc_synth_report *r)
{
	static const char *const css_fonts[3] = { "sans-serif", "serif", "monospace" };
	const struct synth_design *d = &r->d;
	struct cc_buf s = { 0 };
	double pt = d->pt, avail = 612 - 2 * d->margin, w;

	/* no side margins of body: the text starts at the page's margin,
	 * where the running heads are drawn */
	cc_buf_addf(&s, "body { font-family: %s; font-size: %.2fpt; "
		    "margin-left: 0; margin-right: 0; }\n"
		    "table { margin: 0; border-spacing: 0; }\n"
		    "td { padding: 0; vertical-align: top; }\n"
		    "h1 { font-size: %.2fpt; margin: 0 0 2pt 0; }\n"
		    "h2 { font-size: %.2fpt; margin: 6pt 0 2pt 0; }\n"
		    "p { margin: 1pt 0; }\n"
		    "p.fp { font-size: %.2fpt; margin-top: 8pt; }\n"
		    "p.sx { margin-left: 12pt; }\n"
		    "table.kv td.l { width: 110pt; }\n"
		    "table.kv td.v { width: %.0fpt; }\n"
		    "table.ap td.a0 { width: 220pt; }\n"
		    "table.ap td.a1 { width: 90pt; }\n"
		    "table.ap td.a2 { width: 80pt; }\n"
		    "table.tl td, td.ru { white-space: nowrap; }\n",
		    css_fonts[d->font], pt, pt + 4, pt + 1, pt - 1 < 6 ? 6 : pt - 1,
		    avail - 110);
	/* the traps' and the lists' tables: widths for the longest values */
	w = text_w(d->font, pt, "$9,999,999") + 10;
	cc_buf_addf(&s, "table.sm td.s0 { width: %.2fpt; }\n"
		    "table.sm td.s1 { width: %.2fpt; }\n"
		    "table.sm td.s2 { width: %.2fpt; }\n",
		    text_w(d->font, pt, "INSTALLMENT") + 10,
		    text_w(d->font, pt, "999") + 10, w);
	cc_buf_addf(&s, "table.iq td.q0 { width: %.2fpt; }\n"
		    "table.iq td.q1 { width: %.2fpt; }\n"
		    "table.iq td.q2 { width: %.2fpt; }\n",
		    text_w(d->font, pt, "CREDCO/FIRST AMERICAN") + 14,
		    text_w(d->font, pt, "00/0000") + 14,
		    text_w(d->font, pt, "SOURCE") + 10);
	{
		double p0 = text_w(d->font, pt, "BANKRUPTCY CH 13") + 8;
		double p1 = text_w(d->font, pt, "RESOLVED") + 8;
		double p2 = text_w(d->font, pt, "$25,000") + 8;
		double p3 = text_w(d->font, pt, "24-BK-00000") + 8;

		cc_buf_addf(&s, "table.pr td.p0 { width: %.2fpt; }\n"
			    "table.pr td.p1 { width: %.2fpt; }\n"
			    "table.pr td.p2 { width: %.2fpt; }\n"
			    "table.pr td.p3 { width: %.2fpt; }\n"
			    "table.pr td.p4 { width: %.2fpt; }\n",
			    p0, p1, p2, p3, avail - p0 - 2 * p1 - p2 - p3);
	}
	return cc_buf_detach(&s);
}

/* --- the page -------------------------------------------------------------------------------- */

static double line_h(const struct cc_synth_report *r)
{
	return r->d.pt * 1.2;
}

/* the running lines' room above the body: the heads and their rule */
static double heads_h(const struct cc_synth_report *r)
{
	return (r->d.tab.lines + r->d.tab.rule) * line_h(r) + 4;
}

/* a running line of text (no % in it but the counters') */
static void run(struct cc_synth_page *pg, struct cc_pdf_html_opts *o,
		const char *text, const char *family, float size, float x,
		float y, int align, int first, int last)
{
	int n = o->nrunning, h = n - 6 < 0 ? 0 : n - 6;
	char *dst;

	if (n >= (int)NELEM(pg->run))
		return;
	/* the first six lines' text in text[], the heads' in head[] */
	dst = n < 6 ? pg->text[n] : pg->head[h];
	snprintf(dst, n < 6 ? sizeof(pg->text[0]) : sizeof(pg->head[0]), "%s", text);
	pg->run[n].text = dst;
	pg->run[n].family = family;
	pg->run[n].size = size;
	pg->run[n].x = x;
	pg->run[n].y = y;
	pg->run[n].align = align;
	pg->run[n].first = first;
	pg->run[n].last = last;
	o->nrunning = n + 1;
}

void synth_tab_page_opts(const struct cc_synth_report *r,
			 struct cc_synth_page *pg, struct cc_pdf_html_opts *o)
{
	static const char *const counters[4] = {
		NULL, "PAGE %d OF %d", "PAGE %d", "%d/%d",
	};
	const struct synth_design *d = &r->d;
	const char *fam = cc_synth_font_family(r);
	char name[128], line[256];
	float m = (float)d->margin;

	o->margin = m;
	o->margin_top = m + (float)heads_h(r);
	o->running = pg->run;
	/* room for six lines of text[] before the heads' */
	memset(pg->run, 0, sizeof(pg->run));
	if (d->tab.run_head) {
		applicant_name(r, name, sizeof(name));
		snprintf(line, sizeof(line), "FILE #%s   %s", r->report_number, name);
		run(pg, o, line, fam, 7, m, m - 8, -1, 0, 0);
	}
	if (d->tab.counter)
		run(pg, o, counters[d->tab.counter], fam, 7, 612 - m,
		    792 - m + 18, 1, 0, 0);
	if (!o->nrunning)
		o->running = NULL;
}

int synth_tab_page_again(const struct cc_synth_report *r,
			 struct cc_synth_page *pg, struct cc_pdf_html_opts *o,
			 const struct cc_pdf_pos *pos, int npos)
{
	const struct synth_tabular *t = &r->d.tab;
	const char *fam = cc_synth_font_family(r);
	int i, j, k, first = 0, last = 0, n;
	double x, y, lh = line_h(r), pt = r->d.pt, descent = 0.25 * pt;
	char rule[256];

	for (i = 0; i < npos; i++) {
		if (!strcmp(pos[i].id, "heads"))
			first = pos[i].page + 1;
		else if (!strncmp(pos[i].id, "acct-", 5) && pos[i].last_page > last)
			last = pos[i].last_page;
	}
	if (!first || first > last)
		return 0;
	/* the heads' lines end just above the body, each cell at its
	 * column's x, as the first page's are */
	n = t->lines + t->rule;
	for (j = 0; j < t->lines; j++) {
		y = o->margin_top - 4 - descent - (n - 1 - j) * lh;
		for (k = 0; k < t->nslots; k++) {
			int c = t->cell[j][k];
			const char *h;

			if (c < 0 || !*(h = head_text(t, c)))
				continue;
			x = o->margin + text_x(t, k, r->d.font, pt, h);
			run(pg, o, h, fam, (float)pt, (float)x, (float)y, -1,
			    first, last);
		}
	}
	if (t->rule) {
		rule_text(r, rule, sizeof(rule));
		run(pg, o, rule, fam, (float)pt, o->margin,
		    (float)(o->margin_top - 4 - descent), -1, first, last);
	}
	o->running = pg->run;
	return 1;
}
