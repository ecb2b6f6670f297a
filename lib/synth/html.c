/*
 * synth_html.c -- print a report model as HTML, one function per layout.
 *
 * What a layout prints comes from synth_print() (synth.c), so the page
 * and the truth agree; this file only decides where and how it appears:
 * headings, label wording, tables, grids, fonts and spacing.  Every value
 * goes through cc_buf_add_html().
 */
#include "base/cc.h"
#include "synth/impl.h"

#define H(b, s) cc_buf_add_html((b), (s))

static const char *const mon[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

struct ctx {
	const struct cc_synth_report *r;
	struct cc_buf *b;
};

/* every date buffer is 24 bytes */
static const char *date(const struct ctx *c, struct cc_date d, char *buf)
{
	return synth_fmt_date(c->r, d, buf, 24);
}

static const char *money(const struct ctx *c, long v, char *buf)
{
	return synth_fmt_money(c->r, v, buf, 32);
}

/* <tr><td class=l>label</td><td>value</td></tr>, value escaped */
static void row(struct ctx *c, const char *label, const char *value)
{
	cc_buf_adds(c->b, "<tr><td class=\"l\">");
	H(c->b, label);
	cc_buf_adds(c->b, "</td><td class=\"v\">");
	H(c->b, value && *value ? value : "-");
	cc_buf_adds(c->b, "</td></tr>\n");
}

static int is_negative(const struct cc_synth_report *r,
		       const struct synth_account *a)
{
	struct synth_printed p;

	synth_print(r, a, -1, &p);
	return synth_reasons(a, &p) != 0;
}

/* A month-by-year grid (Experian, Equifax): rows of years, newest first,
 * Jan..Dec columns; cells without data are empty. */
static void year_grid(struct ctx *c, const struct synth_printed *p,
		      const char *title)
{
	int y, m, i, top, bottom;

	if (!p->nhist)
		return;
	top = p->hist_month[0].y;
	bottom = p->hist_month[p->nhist - 1].y;
	cc_buf_addf(c->b, "<p class=\"gt\">%s</p><table class=\"grid\"><tr><th></th>",
		    title);
	for (m = 0; m < 12; m++)
		cc_buf_addf(c->b, "<th>%s</th>", mon[m]);
	cc_buf_adds(c->b, "</tr>\n");
	for (y = top; y >= bottom; y--) {
		cc_buf_addf(c->b, "<tr><th>%d</th>", y);
		for (m = 1; m <= 12; m++) {
			const char *code = "";

			for (i = 0; i < p->nhist; i++)
				if (p->hist_month[i].y == y && p->hist_month[i].m == m)
					code = cc_hist_code(p->hist[i]);
			cc_buf_addf(c->b, "<td>%s</td>", code);
		}
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

/* A strip grid (TransUnion, merged3): month/year headers, newest first,
 * in rows of 12. */
static void strip_grid(struct ctx *c, const struct synth_printed *p,
		       const char *label)
{
	int i, j;

	if (!p->nhist)
		return;
	cc_buf_addf(c->b, "<p class=\"gt\">%s</p>\n<table class=\"grid\">\n", label);
	for (i = 0; i < p->nhist; i += 12) {
		cc_buf_adds(c->b, "<tr>");
		for (j = i; j < i + 12 && j < p->nhist; j++)
			cc_buf_addf(c->b, "<th>%02d/%02d</th>", p->hist_month[j].m,
				    p->hist_month[j].y % 100);
		cc_buf_adds(c->b, "</tr>\n<tr>");
		for (j = i; j < i + 12 && j < p->nhist; j++)
			cc_buf_addf(c->b, "<td>%s</td>", cc_hist_code(p->hist[j]));
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

static void consumer_block(struct ctx *c, const char *title, int ssn_style)
{
	const struct cc_synth_report *r = c->r;
	char d[24], buf[160];

	cc_buf_addf(c->b, "<div id=\"consumer\"><h2>%s</h2><table class=\"kv\">\n", title);
	snprintf(buf, sizeof(buf), "%s %s %s", r->first, r->middle, r->last);
	row(c, "Name", buf);
	snprintf(buf, sizeof(buf), "%s, %s, %s %s", r->street, r->city, r->state, r->zip);
	row(c, "Current address", buf);
	snprintf(buf, sizeof(buf), "%s, %s, %s %s", r->prev_street, r->prev_city,
		 r->prev_state, r->prev_zip);
	row(c, "Previous address", buf);
	snprintf(buf, sizeof(buf), ssn_style ? "XXX-XX-%04d" : "***-**-%04d",
		 r->ssn_last4);
	row(c, "Social Security number", buf);
	snprintf(buf, sizeof(buf), "%d", r->birth_year);
	row(c, "Year of birth", buf);
	row(c, "Report number", r->report_number);
	snprintf(buf, sizeof(buf), "%02d/%02d/%04d", r->as_of.m, r->as_of.d, r->as_of.y);
	row(c, "Report date", buf);
	(void)d;
	cc_buf_adds(c->b, "</table></div>\n");
}

static void inquiries(struct ctx *c, const char *title, int bureau_col)
{
	const struct cc_synth_report *r = c->r;
	char d[24];
	int i;

	cc_buf_addf(c->b, "<h2>%s</h2>\n", title);
	if (!r->ninquiries) {
		cc_buf_adds(c->b, "<p>None reported</p>\n");
		return;
	}
	cc_buf_adds(c->b, "<table class=\"list\"><tr><th>Creditor</th><th>Date</th>");
	if (bureau_col)
		cc_buf_adds(c->b, "<th>Bureau</th>");
	cc_buf_adds(c->b, "</tr>\n");
	for (i = 0; i < r->ninquiries; i++) {
		struct cc_date when = r->inquiries[i].date;
		int b = r->inquiries[i].bureaus;

		cc_buf_addf(c->b, "<tr id=\"inq-%d\"><td>", i);
		H(c->b, r->inquiries[i].creditor);
		cc_buf_addf(c->b, "</td><td>%s</td>", date(c, when, d));
		if (bureau_col)
			cc_buf_addf(c->b, "<td>%s</td>", b == 1 ? "Experian" :
				    b == 2 ? "TransUnion" : "Equifax");
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

static const char *const public_labels[4] = {
	"Bankruptcy Chapter 7", "Bankruptcy Chapter 13", "Civil Judgment",
	"Tax Lien",
};

static void publics(struct ctx *c, const char *title)
{
	const struct cc_synth_report *r = c->r;
	char d[24], m[32];
	int i;

	cc_buf_addf(c->b, "<h2>%s</h2>\n", title);
	if (!r->npublic) {
		cc_buf_adds(c->b, "<p>None reported</p>\n");
		return;
	}
	for (i = 0; i < r->npublic; i++) {
		const struct synth_public *p = &r->publics[i];

		cc_buf_addf(c->b, "<div class=\"acct\" id=\"pub-%d\"><h3>", i);
		H(c->b, p->court);
		cc_buf_adds(c->b, "</h3><table class=\"kv\">\n");
		row(c, "Type", public_labels[p->type]);
		row(c, "Reference number", p->reference);
		row(c, "Date filed", date(c, p->filed, d));
		row(c, "Date resolved", p->resolved.y ? date(c, p->resolved, d) : "-");
		row(c, "Amount", p->amount >= 0 ? money(c, p->amount, m) : "-");
		cc_buf_adds(c->b, "</table></div>\n");
	}
}

/* --- Experian ------------------------------------------------------------- */

static void experian_account(struct ctx *c, int idx)
{
	const struct synth_account *a = &c->r->accounts[idx];
	struct synth_printed p;
	char d[24], m[32];

	synth_print(c->r, a, -1, &p);
	cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\"><h3>", idx);
	H(c->b, p.creditor);
	cc_buf_adds(c->b, "</h3><table class=\"kv\">\n");
	row(c, "Account name", p.creditor);
	row(c, "Account number", p.mask);
	if (c->r->order_variant) {
		row(c, "Date opened", date(c, p.opened, d));
		row(c, "Account type", p.loan_label);
		row(c, "Responsibility", p.resp_label);
	} else {
		row(c, "Account type", p.loan_label);
		row(c, "Responsibility", p.resp_label);
		row(c, "Date opened", date(c, p.opened, d));
	}
	if (p.original_creditor)
		row(c, "Original creditor", p.original_creditor);
	row(c, "Status", p.status);
	row(c, "Status updated", date(c, p.reported, d));
	row(c, "Balance", money(c, p.balance, m));
	row(c, "Balance updated", date(c, p.reported, d));
	if (p.limit >= 0)
		row(c, "Credit limit", money(c, p.limit, m));
	row(c, "High balance", money(c, p.high, m));
	if (p.payment >= 0)
		row(c, "Monthly payment", money(c, p.payment, m));
	if (p.last_payment.y)
		row(c, "Recent payment", date(c, p.last_payment, d));
	if (p.removal.y) {
		snprintf(d, sizeof(d), "%s %d", mon[p.removal.m - 1], p.removal.y);
		row(c, "On record until", d);
	}
	cc_buf_adds(c->b, "</table>\n");
	year_grid(c, &p, "Payment history");
	if (p.remark) {
		cc_buf_adds(c->b, "<p class=\"rm\">Comment: ");
		H(c->b, p.remark);
		cc_buf_adds(c->b, "</p>\n");
	}
	cc_buf_adds(c->b, "</div>\n");
}

static void experian(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	int i, neg;

	cc_buf_adds(c->b, "<h1>Experian Credit Report</h1>\n"
		    "<p>Prepared for the consumer named below. This report is for "
		    "the consumer's own use.</p>\n");
	consumer_block(c, "Personal information", 1);
	for (neg = 1; neg >= 0; neg--) {
		cc_buf_addf(c->b, "<h2>%s</h2>\n", neg ? "Potentially negative items" :
			    "Accounts in good standing");
		for (i = 0; i < r->naccounts; i++)
			if (is_negative(r, &r->accounts[i]) == neg)
				experian_account(c, i);
	}
	publics(c, "Public records");
	inquiries(c, "Hard inquiries", 0);
}

/* --- Equifax ----------------------------------------------------------------- */

static void equifax_account(struct ctx *c, int idx)
{
	const struct synth_account *a = &c->r->accounts[idx];
	struct synth_printed p;
	char d[24], m[32];

	synth_print(c->r, a, -1, &p);
	cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\"><h3>", idx);
	H(c->b, p.creditor);
	cc_buf_adds(c->b, "</h3><table class=\"kv\">\n");
	row(c, "Account Number", p.mask);
	row(c, "Account Status", p.status);
	row(c, "Date Opened", date(c, p.opened, d));
	row(c, "Date Reported", date(c, p.reported, d));
	row(c, "Balance", money(c, p.balance, m));
	if (p.limit >= 0)
		row(c, "Credit Limit", money(c, p.limit, m));
	row(c, "High Credit", money(c, p.high, m));
	row(c, "Owner", p.resp_label);
	row(c, "Loan/Account Type", p.loan_label);
	row(c, "Terms Frequency", "Monthly");
	if (p.payment >= 0)
		row(c, "Scheduled Payment Amount", money(c, p.payment, m));
	if (p.last_payment.y)
		row(c, "Date of Last Payment", date(c, p.last_payment, d));
	if (p.dofd.y)
		row(c, "Date of First Delinquency", date(c, p.dofd, d));
	row(c, "Amount Past Due", money(c, p.past_due, m));
	if (p.charge_off >= 0)
		row(c, "Charge Off Amount", money(c, p.charge_off, m));
	if (p.closed.y)
		row(c, "Date Closed", date(c, p.closed, d));
	if (p.original_creditor)
		row(c, "Original Creditor Name", p.original_creditor);
	cc_buf_adds(c->b, "</table>\n");
	year_grid(c, &p, "81-Month Payment History");
	if (p.remark) {
		cc_buf_adds(c->b, "<p class=\"rm\">Comments: ");
		H(c->b, p.remark);
		cc_buf_adds(c->b, "</p>\n");
	}
	cc_buf_adds(c->b, "</div>\n");
}

static void equifax(struct ctx *c)
{
	static const char *const sections[5] = {
		"Revolving Accounts", "Mortgage Accounts", "Installment Accounts",
		"Other Accounts", "Collection Accounts",
	};
	const struct cc_synth_report *r = c->r;
	int s, i;

	cc_buf_adds(c->b, "<h1>Equifax Credit Report</h1>\n");
	consumer_block(c, "Personal Information", 0);
	for (s = 0; s < 5; s++) {
		cc_buf_addf(c->b, "<h2>%s</h2>\n", sections[s]);
		for (i = 0; i < r->naccounts; i++) {
			struct synth_printed p;
			int sec;

			synth_print(r, &r->accounts[i], -1, &p);
			sec = !strcmp(p.type, "revolving") ? 0 :
			      !strcmp(p.type, "mortgage") ? 1 :
			      !strcmp(p.type, "installment") ? 2 :
			      !strcmp(p.type, "collection") ? 4 : 3;
			if (sec == s)
				equifax_account(c, i);
		}
	}
	publics(c, "Public Records");
	inquiries(c, "Hard Inquiries", 0);
}

/* --- TransUnion --------------------------------------------------------------- */

static void transunion_account(struct ctx *c, int idx)
{
	const struct synth_account *a = &c->r->accounts[idx];
	struct synth_printed p;
	char d[24], m[32], buf[160];

	synth_print(c->r, a, -1, &p);
	cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\"><h3>", idx);
	H(c->b, p.creditor);
	cc_buf_adds(c->b, " #");
	H(c->b, p.mask);
	cc_buf_adds(c->b, "</h3><table class=\"kv\">\n");
	row(c, "Date Opened", date(c, p.opened, d));
	row(c, "Responsibility", p.resp_label);
	row(c, "Account Type", !strcmp(p.type, "revolving") ? "Revolving Account" :
	    !strcmp(p.type, "installment") ? "Installment Account" :
	    !strcmp(p.type, "mortgage") ? "Mortgage Account" :
	    !strcmp(p.type, "open") ? "Open Account" : "Collection Account");
	row(c, "Loan Type", p.loan_label);
	row(c, "Balance", money(c, p.balance, m));
	row(c, "Date Updated", date(c, p.reported, d));
	snprintf(buf, sizeof(buf), p.adverse ? ">%s<" : "%s", p.status);
	row(c, "Pay Status", buf);
	if (p.payment >= 0) {
		if (a->term_months)
			snprintf(buf, sizeof(buf), "%s per month, paid Monthly for %d months",
				 money(c, p.payment, m), a->term_months);
		else
			snprintf(buf, sizeof(buf), "%s per month", money(c, p.payment, m));
		row(c, "Terms", buf);
	}
	row(c, "High Balance", money(c, p.high, m));
	if (p.limit >= 0)
		row(c, "Credit Limit", money(c, p.limit, m));
	if (p.closed.y)
		row(c, "Date Closed", date(c, p.closed, d));
	row(c, "Past Due", money(c, p.past_due, m));
	if (p.original_creditor)
		row(c, "Original Creditor", p.original_creditor);
	if (p.removal.y)
		row(c, "Estimated month and year this item will be removed",
		    date(c, p.removal, d));
	if (p.remark)
		row(c, "Remarks", p.remark);
	cc_buf_adds(c->b, "</table>\n");
	strip_grid(c, &p, "Rating");
	cc_buf_adds(c->b, "</div>\n");
}

static void transunion(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	int i, neg;

	cc_buf_adds(c->b, "<h1>TransUnion Personal Credit Report</h1>\n");
	consumer_block(c, "Personal Information", 1);
	for (neg = 1; neg >= 0; neg--) {
		cc_buf_addf(c->b, "<h2>%s</h2>\n", neg ? "Adverse Accounts" :
			    "Satisfactory Accounts");
		for (i = 0; i < r->naccounts; i++)
			if (is_negative(r, &r->accounts[i]) == neg)
				transunion_account(c, i);
	}
	publics(c, "Public Records");
	inquiries(c, "Regular Inquiries", 0);
}

/* --- three-bureau merged -------------------------------------------------------- */

static const int m3_order[SB_COUNT] = { SB_TU, SB_XP, SB_EF };

static void m3_row(struct ctx *c, const char *label, const char *vals[SB_COUNT])
{
	int b;

	cc_buf_adds(c->b, "<tr><td class=\"l\">");
	H(c->b, label);
	cc_buf_adds(c->b, "</td>");
	for (b = 0; b < SB_COUNT; b++) {
		cc_buf_adds(c->b, "<td>");
		H(c->b, vals[b] && *vals[b] ? vals[b] : "-");
		cc_buf_adds(c->b, "</td>");
	}
	cc_buf_adds(c->b, "</tr>\n");
}

static void merged3_account(struct ctx *c, int idx)
{
	const struct synth_account *a = &c->r->accounts[idx];
	struct synth_printed p[SB_COUNT];
	char d[SB_COUNT][24], m[SB_COUNT][32], t[SB_COUNT][16];
	const char *v[SB_COUNT];
	int b, on[SB_COUNT];

	for (b = 0; b < SB_COUNT; b++) {
		synth_print(c->r, a, m3_order[b], &p[b]);
		on[b] = (a->bureaus >> m3_order[b]) & 1;
	}
#define EACH(expr) do { for (b = 0; b < SB_COUNT; b++) v[b] = on[b] ? (expr) : NULL; } while (0)
	cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\"><h3>", idx);
	H(c->b, a->creditor);
	cc_buf_adds(c->b, "</h3><table class=\"m3\"><tr><th></th><th>TransUnion</th>"
		    "<th>Experian</th><th>Equifax</th></tr>\n");
	EACH(p[b].mask);
	m3_row(c, "Account #", v);
	EACH(!strcmp(p[b].type, "revolving") ? "Revolving" :
	     !strcmp(p[b].type, "installment") ? "Installment" :
	     !strcmp(p[b].type, "mortgage") ? "Mortgage" :
	     !strcmp(p[b].type, "open") ? "Open" : "Collection");
	m3_row(c, "Account Type", v);
	EACH(p[b].loan_label);
	m3_row(c, "Account Type - Detail", v);
	EACH(p[b].resp_label);
	m3_row(c, "Bureau Code", v);
	EACH(a->closed.y ? "Closed" :
	     is_negative(c->r, a) ? "Derogatory" : "Open");
	m3_row(c, "Account Status", v);
	EACH(p[b].payment >= 0 ? money(c, p[b].payment, m[b]) : "-");
	m3_row(c, "Monthly Payment", v);
	EACH(date(c, p[b].opened, d[b]));
	m3_row(c, "Date Opened", v);
	EACH(money(c, p[b].balance, m[b]));
	m3_row(c, "Balance", v);
	for (b = 0; b < SB_COUNT; b++)
		snprintf(t[b], sizeof(t[b]), "%d", a->term_months);
	EACH(a->term_months ? t[b] : "-");
	m3_row(c, "No. of Months (terms)", v);
	EACH(money(c, p[b].high, m[b]));
	m3_row(c, "High Credit", v);
	EACH(p[b].limit >= 0 ? money(c, p[b].limit, m[b]) : "-");
	m3_row(c, "Credit Limit", v);
	EACH(money(c, p[b].past_due, m[b]));
	m3_row(c, "Past Due", v);
	EACH(p[b].status);
	m3_row(c, "Payment Status", v);
	EACH(date(c, p[b].reported, d[b]));
	m3_row(c, "Last Reported", v);
	EACH(p[b].remark ? p[b].remark : "-");
	m3_row(c, "Comments", v);
	EACH(p[b].original_creditor ? p[b].original_creditor : "-");
	m3_row(c, "Original Creditor", v);
	EACH(p[b].dofd.y ? date(c, p[b].dofd, d[b]) : "-");
	m3_row(c, "Date of First Delinquency", v);
	EACH(p[b].last_payment.y ? date(c, p[b].last_payment, d[b]) : "-");
	m3_row(c, "Date of Last Payment", v);
	cc_buf_adds(c->b, "</table>\n");
#undef EACH
	for (b = 0; b < SB_COUNT; b++)
		if (on[b] && p[b].nhist)
			strip_grid(c, &p[b], m3_order[b] == SB_TU ? "TransUnion" :
				   m3_order[b] == SB_XP ? "Experian" : "Equifax");
	cc_buf_adds(c->b, "</div>\n");
}

static void merged3(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	char buf[160];
	const char *v[SB_COUNT];
	int i;

	cc_buf_adds(c->b, "<h1>Three Bureau Credit Report</h1>\n"
		    "<p>TransUnion | Experian | Equifax</p>\n");
	cc_buf_adds(c->b, "<div id=\"consumer\"><h2>Personal Information</h2>"
		    "<table class=\"m3\"><tr><th></th><th>TransUnion</th>"
		    "<th>Experian</th><th>Equifax</th></tr>\n");
	snprintf(buf, sizeof(buf), "%s %s %s", r->first, r->middle, r->last);
	v[0] = v[1] = v[2] = buf;
	m3_row(c, "Name", v);
	{
		char cur[160], prev[160], ssn[24], yob[8], date_s[16];

		snprintf(cur, sizeof(cur), "%s, %s, %s %s", r->street, r->city, r->state, r->zip);
		v[0] = v[1] = v[2] = cur;
		m3_row(c, "Current Address", v);
		snprintf(prev, sizeof(prev), "%s, %s, %s %s", r->prev_street,
			 r->prev_city, r->prev_state, r->prev_zip);
		v[0] = v[1] = v[2] = prev;
		m3_row(c, "Previous Address", v);
		snprintf(ssn, sizeof(ssn), "XXX-XX-%04d", r->ssn_last4);
		v[0] = v[1] = v[2] = ssn;
		m3_row(c, "SSN", v);
		snprintf(yob, sizeof(yob), "%d", r->birth_year);
		v[0] = v[1] = v[2] = yob;
		m3_row(c, "Year of Birth", v);
		v[0] = v[1] = v[2] = r->report_number;
		m3_row(c, "Report Number", v);
		snprintf(date_s, sizeof(date_s), "%02d/%02d/%04d", r->as_of.m,
			 r->as_of.d, r->as_of.y);
		v[0] = v[1] = v[2] = date_s;
		m3_row(c, "Credit Report Date", v);
	}
	cc_buf_adds(c->b, "</table></div>\n<h2>Account History</h2>\n");
	for (i = 0; i < r->naccounts; i++)
		merged3_account(c, i);
	publics(c, "Public Information");
	inquiries(c, "Inquiries", 1);
}

/* --- lender tri-merge ------------------------------------------------------------ */

static char lender_code(int c)
{
	switch (c) {
	case HC_OK: return '0';
	case HC_30: return '1';
	case HC_60: return '2';
	case HC_90: return '3';
	case HC_120: return '4';
	case HC_150: return '5';
	case HC_180: return '6';
	case HC_CO: return 'L';
	case HC_C: return 'G';
	case HC_F: return 'H';
	case HC_VS: return 'J';
	case HC_R: return 'K';
	case HC_B: return 'B';
	}
	return '-';
}

static void lender(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	char d[24], d2[24], m[32], m2[32], m3[32], hist[SYNTH_MAX_HIST + 1];
	int i, j;

	cc_buf_adds(c->b, "<h1>MERGED INFILE CREDIT REPORT</h1>\n");
	cc_buf_addf(c->b, "<p>FILE #: %s &#160; DATE: %d/%d/%04d &#160; "
		    "REPOSITORIES: XP/TU/EF</p>\n", r->report_number, r->as_of.m,
		    r->as_of.d, r->as_of.y);
	cc_buf_adds(c->b, "<div id=\"consumer\"><h2>APPLICANT INFORMATION</h2><table class=\"kv\">\n");
	{
		char buf[160];

		snprintf(buf, sizeof(buf), "%s, %s %s", r->last, r->first, r->middle);
		row(c, "APPLICANT", buf);
		snprintf(buf, sizeof(buf), "XXX-XX-%04d", r->ssn_last4);
		row(c, "SSN", buf);
		snprintf(buf, sizeof(buf), "%d", r->birth_year);
		row(c, "YEAR OF BIRTH", buf);
		snprintf(buf, sizeof(buf), "%s, %s, %s %s", r->street, r->city, r->state, r->zip);
		row(c, "CURRENT ADDRESS", buf);
		snprintf(buf, sizeof(buf), "%s, %s, %s %s", r->prev_street,
			 r->prev_city, r->prev_state, r->prev_zip);
		row(c, "PREVIOUS ADDRESS", buf);
	}
	cc_buf_adds(c->b, "</table></div>\n<h2>TRADELINES</h2>\n");
	if (!r->naccounts)
		cc_buf_adds(c->b, "<p>*** NONE ***</p>\n");
	for (i = 0; i < r->naccounts; i++) {
		const struct synth_account *a = &r->accounts[i];
		struct synth_printed p;
		char reps[16] = "";

		synth_print(r, a, -1, &p);
		for (j = 0; j < SB_COUNT; j++)
			if (a->bureaus & (1 << j)) {
				size_t n = strlen(reps);

				snprintf(reps + n, sizeof(reps) - n, "%s%s",
					 n ? "/" : "", j == SB_XP ? "XP" :
					 j == SB_TU ? "TU" : "EF");
			}
		for (j = 0; j < p.nhist; j++)
			hist[j] = lender_code(p.hist[j]);
		hist[p.nhist] = '\0';
		cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\">"
			    "<table class=\"ln\"><tr><th>%03d</th><th class=\"w3\">",
			    i, i + 1);
		H(c->b, p.creditor);
		cc_buf_adds(c->b, "</th><th class=\"w2\">");
		H(c->b, p.mask);
		cc_buf_adds(c->b, "</th></tr>\n<tr><td class=\"l\">ECOA</td>"
			    "<td class=\"l\">ACCT TYPE</td><td class=\"l\">REPORTED</td>"
			    "<td class=\"l\">HI CREDIT</td><td class=\"l\">PAYMENT</td>"
			    "<td class=\"l\">30/60/90+</td><td class=\"l\">STATUS</td></tr>\n");
		cc_buf_addf(c->b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
			    "<td>%s</td><td>%d/%d/%d</td><td>", p.resp[0] == 'i' ? "I" :
			    p.resp[0] == 'j' ? "J" : p.resp[0] == 'a' ? "A" : "S",
			    !strcmp(p.type, "revolving") ? "REV" :
			    !strcmp(p.type, "installment") ? "INST" :
			    !strcmp(p.type, "mortgage") ? "MTG" :
			    !strcmp(p.type, "open") ? "OPEN" : "COLL",
			    date(c, p.reported, d), money(c, p.high, m),
			    p.payment >= 0 ? money(c, p.payment, m2) : "-",
			    p.late30, p.late60, p.late90);
		H(c->b, p.status);
		cc_buf_adds(c->b, "</td></tr>\n<tr><td class=\"l\">SOURCE</td>"
			    "<td class=\"l\">LOAN</td><td class=\"l\">OPENED</td>"
			    "<td class=\"l\">BALANCE</td><td class=\"l\">PAST DUE</td>"
			    "<td class=\"l\">DOFD</td><td class=\"l\">CLOSED</td></tr>\n");
		cc_buf_addf(c->b, "<tr><td>%s</td><td>", reps);
		H(c->b, p.loan_label);
		cc_buf_addf(c->b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>-</td></tr>\n",
			    date(c, p.opened, d2), money(c, p.balance, m3),
			    money(c, p.past_due, m), p.dofd.y ? date(c, p.dofd, d) : "--/--");
		cc_buf_adds(c->b, "</table>\n");
		if (p.nhist)
			cc_buf_addf(c->b, "<p class=\"hist\">History: %02d/%02d; %s</p>\n",
				    p.hist_month[0].m, p.hist_month[0].y % 100, hist);
		if (p.remark) {
			cc_buf_adds(c->b, "<p class=\"rm\">");
			H(c->b, p.remark);
			cc_buf_adds(c->b, "</p>\n");
		}
		cc_buf_adds(c->b, "</div>\n");
	}
	publics(c, "PUBLIC RECORDS");
	inquiries(c, "INQUIRIES", 1);
}

/*
 * Cut the printed report into the blocks the page layout moves as one:
 * each heading, paragraph, and each table row (as a one-row table of the
 * same class; the CSS gives columns fixed widths, so rows still line up).
 * A block belongs to the element with an id around it (an account, a
 * public record, the consumer) or on its row (an inquiry).  mupdf (1.19
 * and 1.21 alike) loses the rows of a table it splits across pages, so
 * no table ever spans two blocks; an account still breaks across pages,
 * between its rows.
 */
#define ROWS_PER_BLOCK 16   /* the fixed designs' */

static char *attr(const char *tag, const char *end, const char *name)
{
	char pat[16];
	const char *a, *q;

	snprintf(pat, sizeof(pat), "%s=\"", name);
	a = strstr(tag, pat);
	if (!a || a > end)
		return NULL;
	a += strlen(pat);
	q = strchr(a, '"');
	return q ? cc_xstrndup(a, (size_t)(q - a)) : NULL;
}

static int count_rows(const char *s)
{
	int n = 0;

	while ((s = strstr(s, "<tr")) != NULL) {
		n++;
		s += 3;
	}
	return n;
}

/*
 * Add a block, or join it to the one before when both belong to the same
 * account and together they stay within ROWS_PER_BLOCK rows: an account
 * breaks across pages between such groups of rows only.
 */
static void add_block(struct cc_synth_blocks *bl, const char *html, size_t n,
		      const char *owner, int rows_per_block)
{
	struct cc_pdf_block *last = bl->n ? &bl->v[bl->n - 1] : NULL;

	if (last && owner && last->owner && !strcmp(owner, last->owner) &&
	    (!strncmp(owner, "acct", 4) || !strcmp(owner, "heads"))) {
		char *part = cc_xstrndup(html, n);

		if (count_rows(last->html) + count_rows(part) <= rows_per_block) {
			char *joined = cc_xasprintf("%s%s", last->html, part);

			free(last->html);
			last->html = joined;
			free(part);
			return;
		}
		free(part);
	}
	CC_GROW(bl->v, bl->alloc, bl->n + 1);
	bl->v[bl->n].html = cc_xstrndup(html, n);
	bl->v[bl->n].owner = owner ? cc_xstrdup(owner) : NULL;
	bl->n++;
}


void synth_split_blocks(const char *html, struct cc_synth_blocks *bl,
			int rows_per_block)
{
	const char *p = html, *gt, *end;
	char *owner = NULL, *cls, *rid;
	struct cc_buf row = { 0 };

	while (*p) {
		if (*p == '\n' || *p == ' ') {
			p++;
		} else if (!strncmp(p, "<html>", 6) || !strncmp(p, "<body>", 6)) {
			p += 6;
		} else if (!strncmp(p, "</body>", 7)) {
			p += 7;
		} else if (!strncmp(p, "</html>", 7)) {
			p += 7;
		} else if (!strncmp(p, "<div", 4)) {
			gt = strchr(p, '>');
			free(owner);
			owner = attr(p, gt, "id");
			p = gt + 1;
		} else if (!strncmp(p, "</div>", 6)) {
			free(owner);
			owner = NULL;
			p += 6;
		} else if (!strncmp(p, "<table", 6)) {
			gt = strchr(p, '>');
			cls = attr(p, gt, "class");
			end = strstr(p, "</table>");
			p = gt + 1;
			/* rows in groups of up to ROWS_PER_BLOCK (a row with its
			 * own id, an inquiry, alone) */
			while (p < end) {
				const char *tr = strstr(p, "<tr"), *etr;
				int rows = 0;

				if (!tr || tr > end)
					break;
				cc_buf_addf(&row, "<table class=\"%s\">", cls ? cls : "");
				rid = NULL;
				while (tr && tr < end && rows < rows_per_block) {
					gt = strchr(tr, '>');
					rid = attr(tr, gt, "id");
					if (rid && rows) {
						free(rid);
						rid = NULL;
						break;
					}
					etr = strstr(tr, "</tr>") + 5;
					cc_buf_add(&row, tr, (size_t)(etr - tr));
					rows++;
					p = etr;
					if (rid)
						break;
					tr = strstr(p, "<tr");
				}
				cc_buf_adds(&row, "</table>");
				add_block(bl, row.s, row.len, rid ? rid : owner,
					  rows_per_block);
				row.len = 0;
				free(rid);
			}
			free(cls);
			p = end + 8;
		} else if (*p == '<') {
			/* <h1>..</h1>, <h2>, <h3>, <p ...>..</p>: up to its end tag */
			char close[8];
			const char *name = p + 1;
			size_t nl = strcspn(name, " >");

			snprintf(close, sizeof(close), "</%.*s>", (int)nl, name);
			end = strstr(p, close);
			end = end ? end + strlen(close) : p + strlen(p);
			add_block(bl, p, (size_t)(end - p), owner,
				  rows_per_block);
			p = end;
		} else {
			p++;
		}
	}
	cc_buf_release(&row);
	free(owner);
}

void cc_synth_blocks_release(struct cc_synth_blocks *bl)
{
	size_t i;

	for (i = 0; i < bl->n; i++) {
		free(bl->v[i].html);
		free(bl->v[i].owner);
	}
	free(bl->v);
	memset(bl, 0, sizeof(*bl));
}

/* --- entry ---------------------------------------------------------------------------- */

static const char *const fonts[3] = { "sans-serif", "serif", "monospace" };

const char *cc_synth_font_family(const struct cc_synth_report *r)
{
	/* a random design's: Helvetica, Times, Courier, then two serifs */
	static const char *const design[5] = {
		"sans-serif", "serif", "monospace", "serif", "serif",
	};

	if (r->design == CC_SYNTH_RANDOM)
		return design[r->d.font];
	return fonts[r->font];
}

void cc_synth_html(const struct cc_synth_report *r,
		   struct cc_synth_blocks *blocks, char **css)
{
	struct cc_buf b = { 0 }, s = { 0 };
	struct ctx c = { r, &b };
	double pt = r->font_pt;

	if (r->design == CC_SYNTH_RANDOM) {
		cc_buf_adds(&b, "<html><body>\n");
		synth_design_html(r, &b);
		cc_buf_adds(&b, "</body></html>\n");
		memset(blocks, 0, sizeof(*blocks));
		synth_split_blocks(b.s, blocks, r->d.rows_per_block);
		cc_buf_release(&b);
		*css = r->d.tabular ? synth_tab_css(r) : synth_design_css(r);
		return;
	}
	cc_buf_adds(&b, "<html><body>\n");
	switch (r->layout) {
	case CC_LAYOUT_EXPERIAN: experian(&c); break;
	case CC_LAYOUT_EQUIFAX: equifax(&c); break;
	case CC_LAYOUT_TRANSUNION: transunion(&c); break;
	case CC_LAYOUT_MERGED3: merged3(&c); break;
	case CC_LAYOUT_LENDER: lender(&c); break;
	}
	cc_buf_adds(&b, "</body></html>\n");
	memset(blocks, 0, sizeof(*blocks));
	synth_split_blocks(b.s, blocks, ROWS_PER_BLOCK);
	cc_buf_release(&b);

	cc_buf_addf(&s, "body { font-family: %s; font-size: %.2fpt; }\n"
		    "table { margin: 0; border-spacing: 0; }\n"
		    "h1 { font-size: %.2fpt; margin: 0 0 6pt 0; }\n"
		    "h2 { font-size: %.2fpt; margin: %dpt 0 4pt 0; border-bottom: 1px solid black; }\n"
		    "h3 { font-size: %.2fpt; margin: 4pt 0 2pt 0; width: %dpt; }\n"
		    "td.l { font-weight: bold; padding-right: 8pt; }\n"
		    "table.kv td.l { width: %dpt; }\n"
		    "table.grid td, table.grid th { padding: 0 2pt; font-size: %.2fpt; "
		    "text-align: center; font-weight: normal; width: 26pt; }\n"
		    "table.m3 td, table.m3 th { padding: 1pt 4pt; text-align: left; "
		    "width: 122pt; }\n"
		    "table.m3 td.l { width: 110pt; }\n"
		    "table.list td, table.list th { text-align: left; width: 150pt; }\n"
		    "table.ln td, table.ln th { padding: 1pt 6pt 1pt 0; text-align: left; "
		    "width: 66pt; }\n"
		    "table.ln th.w3 { width: 210pt; }\n"
		    "p.gt { margin: 2pt 0 0 0; }\n"
		    "table.ln th.w2 { width: 144pt; }\n"
		    ".acct { margin-bottom: %dpt; }\n"
		    "p.rm { margin: 2pt 0; }\n",
		    fonts[r->font], pt, pt + 6, pt + 2, 6 + r->order_variant * 4,
		    pt + 1, 160 + r->order_variant * 80, 100 + r->date_style * 30,
		    pt - 1, 6 + r->date_style * 6);
	*css = cc_buf_detach(&s);
}
