/*
 * design.c -- cc-synth --design random: a report's design drawn from its
 * seed, and the report printed in it (cc-synth(1), DESIGNS).
 *
 * The design is drawn on a stream of its own, seeded from the report's
 * seed, after the model is made: the model (consumer, accounts, values)
 * is the fixed design's for the same seed and number.  What the design
 * prints of an account is decided in synth_print() (synth.c) from the
 * design's parameters, so the page and the truth agree; this file draws
 * the parameters and prints.  Nothing of the parameters goes on the
 * page but what a reader sees: no marker, no hidden text.
 */
#include "base/cc.h"

#include <ctype.h>

#include "record/record.h"
#include "synth/impl.h"
#include "synth/data.h"

#define H(b, s) cc_buf_add_html((b), (s))

/* --- randomness: impl.h's, on the design's own stream ---------------------- */

#define DPICK(g, n) ((int)synth_between((g), 0, (long)(n) - 1))

/* --- the vocabulary ------------------------------------------------------ */

static const struct {
	const char *css;      /* font-family in the style sheet */
	const char *name;     /* as the design names it */
	const char *generic;  /* its generic family (running lines) */
	int radical;          /* has U+221A, the check-like glyph */
} dfonts[] = {
	{ "sans-serif", "Helvetica", "sans-serif", 1 },
	{ "serif", "Times", "serif", 1 },
	{ "monospace", "Courier", "monospace", 1 },
	{ "\"Charis SIL\"", "Charis SIL", "serif", 1 },
	{ "\"Noto Serif\"", "Noto Serif", "serif", 0 },
};

#define NLABELS 7
static const char *const labels[DF_COUNT][NLABELS] = {
	[DF_NAME] = { "Account name", "Creditor", "Company", "Creditor name",
		      "Furnisher" },
	[DF_NUMBER] = { "Account number", "Account #", "Acct #", "Account No.",
			"Number" },
	[DF_TYPE] = { "Account type", "Type", "Category", "Account category" },
	[DF_LOAN] = { "Loan type", "Kind of loan", "Account detail",
		      "Credit type", "Business type" },
	[DF_RESP] = { "Responsibility", "Owner", "Account owner", "Ownership",
		      "Whose account" },
	[DF_OPENED] = { "Date opened", "Opened", "Open date", "Date Opened",
			"Opened on", "Account opened" },
	[DF_REPORTED] = { "Date reported", "Last reported", "Reported",
			  "Date updated", "Status date", "As of",
			  "Balance date" },
	[DF_CLOSED] = { "Date closed", "Closed", "Closed on", "Closed date" },
	[DF_LAST_PAYMENT] = { "Date of last payment", "Last payment",
			      "Last payment date", "Recent payment",
			      "Last paid" },
	[DF_STATUS] = { "Status", "Account status", "Payment status",
			"Current status", "Pay status", "Condition" },
	[DF_BALANCE] = { "Balance", "Current balance", "Balance owed",
			 "Amount owed", "Current Balance", "Balance due" },
	[DF_LIMIT] = { "Credit limit", "Credit limit or original amount",
		       "Limit", "High Credit / Credit Limit", "Credit line" },
	[DF_HIGH] = { "High balance", "Highest balance", "High credit",
		      "Original amount", "Highest balance ever" },
	[DF_PAYMENT] = { "Monthly payment", "Payment", "Scheduled payment",
			 "Payment amount", "Monthly pay" },
	[DF_PAST_DUE] = { "Past due", "Amount past due", "Past due amount",
			  "Overdue" },
	[DF_CHARGE_OFF] = { "Charge-off amount", "Charged off",
			    "Amount charged off", "Written off" },
	[DF_ORIGINAL] = { "Original creditor", "Original creditor name",
			  "Sold by", "Original lender" },
	[DF_DOFD] = { "Date of first delinquency", "First delinquency",
		      "Delinquency date", "DOFD",
		      "Date of 1st delinquency" },
	[DF_REMOVAL] = { "On record until", "Estimated removal",
			 "Scheduled to be removed",
			 "Estimated month and year this item will be removed",
			 "Removal date", "Remains until" },
	[DF_REMARKS] = { "Remarks", "Comment", "Comments", "Creditor remarks",
			 "Notes" },
};

static const char *const field_names[DF_COUNT] = {
	"name", "number", "type", "loan_type", "responsibility", "opened",
	"reported", "closed", "last_payment", "status", "balance", "limit",
	"high_balance", "payment", "past_due", "charge_off_amount",
	"original_creditor", "dofd", "removal", "remarks",
};

static int nlabels(int f)
{
	int n = 0;

	while (n < NLABELS && labels[f][n])
		n++;
	return n;
}

/* the fields in three orders */
static const int orders[3][DF_COUNT] = {
	{ DF_NAME, DF_NUMBER, DF_TYPE, DF_LOAN, DF_RESP, DF_OPENED,
	  DF_REPORTED, DF_CLOSED, DF_LAST_PAYMENT, DF_STATUS, DF_BALANCE,
	  DF_LIMIT, DF_HIGH, DF_PAYMENT, DF_PAST_DUE, DF_CHARGE_OFF,
	  DF_ORIGINAL, DF_DOFD, DF_REMOVAL, DF_REMARKS },
	{ DF_NUMBER, DF_STATUS, DF_OPENED, DF_REPORTED, DF_BALANCE, DF_LIMIT,
	  DF_HIGH, DF_RESP, DF_LOAN, DF_TYPE, DF_PAYMENT, DF_LAST_PAYMENT,
	  DF_DOFD, DF_PAST_DUE, DF_CHARGE_OFF, DF_CLOSED, DF_ORIGINAL,
	  DF_NAME, DF_REMOVAL, DF_REMARKS },
	{ DF_NAME, DF_BALANCE, DF_STATUS, DF_NUMBER, DF_OPENED, DF_LIMIT,
	  DF_HIGH, DF_PAYMENT, DF_PAST_DUE, DF_TYPE, DF_LOAN, DF_RESP,
	  DF_REPORTED, DF_LAST_PAYMENT, DF_CLOSED, DF_DOFD, DF_CHARGE_OFF,
	  DF_ORIGINAL, DF_REMOVAL, DF_REMARKS },
};

/* date formats: the format's name, and whether it prints the day */
static const struct {
	const char *name;
	int days;
} date_formats[] = {
	{ "MM/YYYY", 0 }, { "MM/DD/YYYY", 1 }, { "Mon YYYY", 0 },
	{ "Month D, YYYY", 1 }, { "YYYY-MM", 0 }, { "Mon D, YYYY", 1 },
};

static const char *const mon_abbr[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};
static const char *const mon_full[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* section headings: negative, good, all, inquiries, public, personal */
#define NHEAD 5
static const char *const headings[6][NHEAD] = {
	{ "Potentially Negative Items", "Adverse Accounts",
	  "Accounts with negative information", "Negative Accounts",
	  "Accounts with Adverse Information" },
	{ "Accounts in Good Standing", "Satisfactory Accounts",
	  "Other accounts", "Accounts in good standing", "Positive accounts" },
	{ "Accounts", "Account History", "Credit Accounts", "Your accounts",
	  "Tradelines" },
	{ "Hard Inquiries", "Inquiries", "Requests for your credit history",
	  "Credit inquiries", "Regular Inquiries" },
	{ "Public Records", "Public records", "Public Information",
	  "Court records", "PUBLIC RECORDS" },
	{ "Personal Information", "Consumer information", "Identification",
	  "Personal information", "Your information" },
};

static const char *const by_type[5][2] = {
	{ "Revolving Accounts", "Revolving" },
	{ "Mortgage Accounts", "Real estate" },
	{ "Installment Accounts", "Installment loans" },
	{ "Other Accounts", "Open accounts" },
	{ "Collection Accounts", "Collections" },
};

static const char *const intros[6] = {
	"Creditors may view these items as potentially negative. An item "
	"stays on your report for up to seven years from the date of its "
	"first delinquency.",
	"These accounts are reported as paid or paying as agreed.",
	"The accounts below are listed as your creditors reported them.",
	"Companies that asked for your credit history when you applied for "
	"credit. Hard inquiries may affect your credit score.",
	"Public records come from federal, state and county courts.",
	"The information below identifies you in our files.",
};

/* report titles; %s the bureau's name */
static const char *const titles[5] = {
	"%s Credit Report", "Your %s Report", "%S", "Credit report from %s",
	"%s \xe2\x80\x94 Personal Credit Report",
};
static const char *const m3_titles[4] = {
	"Three Bureau Credit Report", "3-Bureau Credit Report",
	"Tri-Merge Credit Report", "Your credit report from all three bureaus",
};

static const char *const urls[3] = {
	"https://www.example-credit.com/report/print",
	"https://member.creditmonitor.example/reports/3b/print?view=full",
	"https://secure.example-bureau.com/consumer/report.html",
};

static const char *const counters[4] = {
	NULL, "Page %d of %d", "%d/%d", "Page %d",
};
static const char *const counter_names[4] = {
	NULL, "Page n of N", "n/N", "Page n",
};

int synth_design_days(const struct cc_synth_report *r)
{
	if (r->d.tabular)
		return 0;     /* months: MM/YY or MM/YYYY */
	return date_formats[r->d.date_fmt].days;
}

/* --- drawing the design ---------------------------------------------------- */

void synth_design_draw(struct cc_synth_report *r)
{
	struct synth_design *d = &r->d;
	struct synth_rng g;
	int f, avail;

	memset(d, 0, sizeof(*d));
	g.s = r->seed ^ 0x5eed0fde51a9e5ULL;
	g.s = synth_next64(&g);
	d->font = DPICK(&g, NELEM(dfonts));
	d->pairs = (int)synth_between(&g, 1, 3);
	/* smaller type for more pairs, so values fit their cells */
	d->pt = 7 + (double)synth_between(&g, 0, d->pairs == 3 ? 8 :
				    d->pairs == 2 ? 12 : 16) / 4.0;
	if (d->font == 2 && d->pairs == 3 && d->pt > 8.5)
		d->pt = 8.5;
	d->margin = (int)synth_between(&g, 36, 56);
	d->stacked = synth_chance(&g, 40);
	d->label_upper = synth_chance(&g, 25);
	d->colon = synth_chance(&g, 40);
	d->label_light = synth_chance(&g, 40);
	avail = 612 - 2 * d->margin;
	d->label_w = (int)(avail / d->pairs * (35 + synth_between(&g, 0, 10)) / 100);
	if (d->label_w > 170)
		d->label_w = 90 + (int)synth_between(&g, 0, 80);
	for (f = 0; f < DF_COUNT; f++)
		d->label[f] = DPICK(&g, nlabels(f));
	/* always: the number, loan type, responsibility, status, balance,
	 * opened; the rest mostly */
	d->show = (1u << DF_NUMBER) | (1u << DF_LOAN) | (1u << DF_RESP) |
		  (1u << DF_STATUS) | (1u << DF_BALANCE) | (1u << DF_OPENED);
	if (synth_chance(&g, 50)) d->show |= 1u << DF_NAME;
	if (synth_chance(&g, 60)) d->show |= 1u << DF_TYPE;
	if (synth_chance(&g, 85)) d->show |= 1u << DF_REPORTED;
	if (synth_chance(&g, 60)) d->show |= 1u << DF_CLOSED;
	if (synth_chance(&g, 60)) d->show |= 1u << DF_LAST_PAYMENT;
	if (synth_chance(&g, 85)) d->show |= 1u << DF_LIMIT;
	if (synth_chance(&g, 75)) d->show |= 1u << DF_HIGH;
	if (synth_chance(&g, 80)) d->show |= 1u << DF_PAYMENT;
	if (synth_chance(&g, 65)) d->show |= 1u << DF_PAST_DUE;
	if (synth_chance(&g, 40)) d->show |= 1u << DF_CHARGE_OFF;
	if (synth_chance(&g, 85)) d->show |= 1u << DF_ORIGINAL;
	if (synth_chance(&g, 45)) d->show |= 1u << DF_DOFD;
	if (synth_chance(&g, 40)) d->show |= 1u << DF_REMOVAL;
	if (synth_chance(&g, 80)) d->show |= 1u << DF_REMARKS;
	d->order = DPICK(&g, 3);
	d->head_bold = synth_chance(&g, 75);
	d->head_underline = synth_chance(&g, 30);
	d->head_scale = 1 + (double)synth_between(&g, 0, 4) / 10.0;
	d->head_caps = synth_chance(&g, 30);
	d->head_address = synth_chance(&g, 35);
	if (r->layout == CC_LAYOUT_MERGED3) {
		static const int g3[4] = { SG_NONE, SG_STRIP, SG_BUREAU_ROWS,
					   SG_BUREAU_ROWS };

		d->grid = g3[DPICK(&g, 4)];
	} else {
		static const int g1[5] = { SG_NONE, SG_YEARS, SG_YEARS,
					   SG_STRIP, SG_STRIP };

		d->grid = g1[DPICK(&g, 5)];
	}
	d->grid_months = d->grid == SG_NONE ? 0 :
			 d->grid == SG_YEARS ? 12 * (int)synth_between(&g, 2, 7) :
			 (int)synth_between(&g, 12, 24);
	d->grid_oldest_first = synth_chance(&g, 50);
	d->grid_symbol = d->grid != SG_NONE && dfonts[d->font].radical &&
			 synth_chance(&g, 35);
	d->status_codes = synth_chance(&g, 25);
	d->status_vocab = DPICK(&g, 3);
	d->bracket = synth_chance(&g, 30);
	d->intro = synth_chance(&g, 50);
	d->sections = DPICK(&g, 3);
	for (f = 0; f < 6; f++)
		d->heading[f] = DPICK(&g, NHEAD);
	d->running_head = synth_chance(&g, 45);
	d->counter = DPICK(&g, 4);
	d->counter_align = (int)synth_between(&g, -1, 1);
	d->print_chrome = synth_chance(&g, 35);
	{
		static const int rows[5] = { 6, 10, 16, 30, 30 };

		d->rows_per_block = rows[DPICK(&g, 5)];
	}
	d->money_cents = synth_chance(&g, 40);
	d->date_fmt = DPICK(&g, NELEM(date_formats));
	d->consumer = DPICK(&g, 3);
	d->name_last_first = synth_chance(&g, 25);
	d->mask = DPICK(&g, 5);
	d->title = DPICK(&g, NELEM(titles));
	d->remark_line = synth_chance(&g, 40);
	d->m3_columns = synth_chance(&g, 60);
	d->inq_list = synth_chance(&g, 40);
}

json_t *synth_design_json(const struct cc_synth_report *r)
{
	const struct synth_design *d = &r->d;
	static const char *const grids[4] = {
		"none", "years", "strip", "bureau_rows",
	};
	static const char *const consumers[3] = { "block", "band", "prepared_for" };
	static const char *const sections[3] = { "negative_first", "by_type", "one" };
	json_t *o, *l, *shown;
	int f;

	if (d->tabular)
		return synth_tab_json(r);
	o = json_object();
	l = json_object();
	shown = json_array();
	json_object_set_new(o, "family", json_string(cc_layout_name(r->layout)));
	json_object_set_new(o, "font", json_string(dfonts[d->font].name));
	json_object_set_new(o, "size", json_real(d->pt));
	json_object_set_new(o, "margin", json_integer(d->margin));
	json_object_set_new(o, "pairs_per_row", json_integer(d->pairs));
	json_object_set_new(o, "stacked_labels", json_boolean(d->stacked));
	json_object_set_new(o, "label_caps", json_boolean(d->label_upper));
	json_object_set_new(o, "label_colon", json_boolean(d->colon));
	json_object_set_new(o, "label_style", json_string(d->label_light ?
							 "light" : "bold"));
	json_object_set_new(o, "label_width", json_integer(d->label_w));
	for (f = 0; f < DF_COUNT; f++) {
		if (!(d->show & (1u << f)))
			continue;
		json_array_append_new(shown, json_string(field_names[f]));
		json_object_set_new(l, field_names[f],
				    json_string(labels[f][d->label[f]]));
	}
	json_object_set_new(o, "fields", shown);
	json_object_set_new(o, "labels", l);
	json_object_set_new(o, "field_order", json_integer(d->order));
	json_object_set_new(o, "heading_bold", json_boolean(d->head_bold));
	json_object_set_new(o, "heading_underline", json_boolean(d->head_underline));
	json_object_set_new(o, "heading_shaded", json_boolean(d->head_caps));
	json_object_set_new(o, "heading_scale", json_real(d->head_scale));
	json_object_set_new(o, "heading_address", json_boolean(d->head_address));
	json_object_set_new(o, "grid", json_string(grids[d->grid]));
	json_object_set_new(o, "grid_months", json_integer(d->grid_months));
	json_object_set_new(o, "grid_oldest_first", json_boolean(d->grid_oldest_first));
	json_object_set_new(o, "grid_cells", json_string(d->grid_symbol ?
							 "symbols" : "codes"));
	json_object_set_new(o, "statuses", json_string(d->status_codes ?
						       "codes" : "words"));
	json_object_set_new(o, "status_words", json_integer(d->status_vocab));
	json_object_set_new(o, "bracketed", json_boolean(d->bracket));
	json_object_set_new(o, "intros", json_boolean(d->intro));
	json_object_set_new(o, "sections", json_string(sections[d->sections]));
	json_object_set_new(o, "running_head", json_boolean(d->running_head));
	json_object_set_new(o, "page_counter", d->counter ?
			    json_string(counter_names[d->counter]) : json_null());
	json_object_set_new(o, "print_header", json_boolean(d->print_chrome));
	json_object_set_new(o, "rows_per_block", json_integer(d->rows_per_block));
	json_object_set_new(o, "cents", json_boolean(d->money_cents));
	json_object_set_new(o, "date_format",
			    json_string(date_formats[d->date_fmt].name));
	json_object_set_new(o, "consumer", json_string(consumers[d->consumer]));
	json_object_set_new(o, "name_last_first", json_boolean(d->name_last_first));
	json_object_set_new(o, "mask", json_integer(d->mask));
	json_object_set_new(o, "remarks_line", json_boolean(d->remark_line));
	if (r->layout == CC_LAYOUT_MERGED3)
		json_object_set_new(o, "bureau_columns", json_boolean(d->m3_columns));
	json_object_set_new(o, "inquiry_list", json_boolean(d->inq_list));
	return o;
}

/* --- formats ---------------------------------------------------------------- */

const char *synth_design_date(const struct cc_synth_report *r,
			      struct cc_date d, char *buf, size_t len)
{
	if (r->d.tabular)
		return synth_tab_date(r, d, buf, len);
	if (!d.y) {
		snprintf(buf, len, "-");
		return buf;
	}
	switch (r->d.date_fmt) {
	case 0: snprintf(buf, len, "%02d/%04d", d.m, d.y); break;
	case 1: snprintf(buf, len, "%02d/%02d/%04d", d.m, d.d, d.y); break;
	case 2: snprintf(buf, len, "%s %04d", mon_abbr[d.m - 1], d.y); break;
	case 3: snprintf(buf, len, "%s %d, %04d", mon_full[d.m - 1], d.d, d.y); break;
	case 4: snprintf(buf, len, "%04d-%02d", d.y, d.m); break;
	default: snprintf(buf, len, "%s %d, %04d", mon_abbr[d.m - 1], d.d, d.y); break;
	}
	return buf;
}

/* the report's own date, always with its day */
static const char *full_date(const struct cc_synth_report *r, char *buf,
			     size_t len)
{
	struct cc_date d = r->as_of;

	switch (r->d.date_fmt) {
	case 2:
	case 3: snprintf(buf, len, "%s %d, %04d", mon_full[d.m - 1], d.d, d.y); break;
	case 4: snprintf(buf, len, "%04d-%02d-%02d", d.y, d.m, d.d); break;
	case 5: snprintf(buf, len, "%s %d, %04d", mon_abbr[d.m - 1], d.d, d.y); break;
	default: snprintf(buf, len, "%02d/%02d/%04d", d.m, d.d, d.y); break;
	}
	return buf;
}

/* --- statuses -------------------------------------------------------------------- */

void synth_design_status(const struct cc_synth_report *r,
			 const struct synth_account *a, struct synth_printed *p)
{
	static const char *const codes[SS_COUNT] = {
		"PAYS_AS_AGREED", "PAYS_AS_AGREED", NULL, "CHARGE_OFF",
		"COLLECTION", "PAID_COLLECTION", "REPOSSESSION",
		"VOLUNTARY_SURRENDER", "FORECLOSURE", "SETTLED",
		"BANKRUPTCY_CHAPTER_7", "CLOSED", "CLOSED",
	};
	static const char *const words[3][SS_COUNT] = {
		{ "Pays as agreed", "Pays as agreed", "%d days late",
		  "Charge off", "Collection", "Paid collection", "Repossession",
		  "Voluntary surrender", "Foreclosure", "Settled",
		  "Included in bankruptcy", "Paid, closed",
		  "Closed at consumer's request" },
		{ "Current", "Current", "%d days past due", "Charged off",
		  "In collection", "Collection, paid", "Repossessed",
		  "Surrendered", "Foreclosed",
		  "Settled for less than full balance", "Bankruptcy", "Closed",
		  "Closed by consumer" },
		{ "Paid as agreed", "Paid as agreed", "Late %d days",
		  "Charge-off", "Collection account", "Paid collection",
		  "Repossession", "Voluntary surrender", "Foreclosure",
		  "Settled", "Bankruptcy", "Paid/Closed",
		  "Closed at consumer request" },
	};
	int late = a->worst_late;

	if (r->d.tabular) {
		synth_tab_status(r, a, p);
		return;
	}
	if (r->d.status_codes) {
		snprintf(p->status, sizeof(p->status), "%s",
			 a->story == SS_LATE_NOW ? synth_late_code(late) :
			 codes[a->story]);
	} else {
		snprintf(p->status, sizeof(p->status),
			 words[r->d.status_vocab][a->story], late);
	}
	p->adverse = r->d.bracket && a->story != SS_CURRENT &&
		     a->story != SS_LATE_PAST && a->story != SS_PAID_CLOSED &&
		     a->story != SS_CONSUMER_CLOSED;
}

/* --- printing ------------------------------------------------------------------------- */

struct ctx {
	const struct cc_synth_report *r;
	const struct synth_design *d;
	struct cc_buf *b;
};

static const char *date(const struct ctx *c, struct cc_date d, char *buf)
{
	return synth_design_date(c->r, d, buf, 32);
}

static const char *money(const struct ctx *c, long v, char *buf)
{
	if (v < 0) {
		snprintf(buf, 32, "-");
		return buf;
	}
	return synth_fmt_money(c->r, v, buf, 32);
}

/* a label as the design spells it */
static void label_text(const struct ctx *c, const char *l, char *buf,
		       size_t len)
{
	size_t i;

	snprintf(buf, len, "%s%s", l, c->d->colon ? ":" : "");
	if (c->d->label_upper)
		for (i = 0; buf[i]; i++)
			buf[i] = (char)toupper((unsigned char)buf[i]);
}

/* label/value pairs, laid out pairs a row, side by side or stacked */
struct pairs {
	const char *l[DF_COUNT + 8];
	char v[DF_COUNT + 8][200];
	int n;
};

static void pair(struct pairs *ps, const char *label, const char *value)
{
	if (ps->n >= (int)NELEM(ps->l))
		return;
	ps->l[ps->n] = label;
	snprintf(ps->v[ps->n], sizeof(ps->v[0]), "%s", value && *value ? value : "-");
	ps->n++;
}

static void put_pairs(struct ctx *c, const struct pairs *ps, const char *cls)
{
	char lb[96];
	int i, k, per = c->d->pairs;

	cc_buf_addf(c->b, "<table class=\"%s\">\n", cls);
	for (i = 0; i < ps->n; i += per) {
		cc_buf_adds(c->b, "<tr>");
		for (k = i; k < i + per; k++) {
			if (k >= ps->n) {
				cc_buf_adds(c->b, c->d->stacked ? "<td class=\"s\"></td>" :
					    "<td class=\"l\"></td><td class=\"v\"></td>");
				continue;
			}
			label_text(c, ps->l[k], lb, sizeof(lb));
			if (c->d->stacked) {
				cc_buf_adds(c->b, "<td class=\"s\"><span class=\"sl\">");
				H(c->b, lb);
				cc_buf_adds(c->b, "</span><br/>");
				H(c->b, ps->v[k]);
				cc_buf_adds(c->b, "</td>");
			} else {
				cc_buf_adds(c->b, "<td class=\"l\">");
				H(c->b, lb);
				cc_buf_adds(c->b, "</td><td class=\"v\">");
				H(c->b, ps->v[k]);
				cc_buf_adds(c->b, "</td>");
			}
		}
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

static void section(struct ctx *c, int which, const char *text)
{
	cc_buf_adds(c->b, "<h2>");
	H(c->b, text ? text : headings[which][c->d->heading[which]]);
	cc_buf_adds(c->b, "</h2>\n");
	if (c->d->intro) {
		cc_buf_adds(c->b, "<p class=\"intro\">");
		H(c->b, intros[which]);
		cc_buf_adds(c->b, "</p>\n");
	}
}

static const char *type_word(const char *type)
{
	return !strcmp(type, "revolving") ? "Revolving" :
	       !strcmp(type, "installment") ? "Installment" :
	       !strcmp(type, "mortgage") ? "Mortgage" :
	       !strcmp(type, "open") ? "Open" : "Collection";
}

/* The value of field f of a printed account; NULL when it has none. */
static const char *field_value(struct ctx *c, const struct synth_printed *p,
			       int f, char *buf)
{
	struct cc_date none = { 0, 0, 0 };

	(void)none;
	switch (f) {
	case DF_NAME: return p->creditor;
	case DF_NUMBER: return p->mask;
	case DF_TYPE: return type_word(p->type);
	case DF_LOAN: return p->loan_label;
	case DF_RESP: return p->resp_label;
	case DF_OPENED: return p->opened.y ? date(c, p->opened, buf) : NULL;
	case DF_REPORTED: return p->reported.y ? date(c, p->reported, buf) : NULL;
	case DF_CLOSED: return p->closed.y ? date(c, p->closed, buf) : NULL;
	case DF_LAST_PAYMENT:
		return p->last_payment.y ? date(c, p->last_payment, buf) : NULL;
	case DF_STATUS:
		snprintf(buf, 200, p->adverse ? ">%s<" : "%s", p->status);
		return buf;
	case DF_BALANCE: return p->balance >= 0 ? money(c, p->balance, buf) : NULL;
	case DF_LIMIT: return p->limit >= 0 ? money(c, p->limit, buf) : NULL;
	case DF_HIGH: return p->high >= 0 ? money(c, p->high, buf) : NULL;
	case DF_PAYMENT: return p->payment >= 0 ? money(c, p->payment, buf) : NULL;
	case DF_PAST_DUE: return p->past_due >= 0 ? money(c, p->past_due, buf) : NULL;
	case DF_CHARGE_OFF:
		return p->charge_off >= 0 ? money(c, p->charge_off, buf) : NULL;
	case DF_ORIGINAL: return p->original_creditor;
	case DF_DOFD: return p->dofd.y ? date(c, p->dofd, buf) : NULL;
	case DF_REMOVAL:
		if (!p->removal.y)
			return NULL;
		if (!p->removal.d && synth_design_days(c->r)) {
			/* an estimate, a month: as a month in the style */
			if (c->d->date_fmt == 1)
				snprintf(buf, 200, "%02d/%04d", p->removal.m,
					 p->removal.y);
			else
				snprintf(buf, 200, "%s %04d",
					 mon_abbr[p->removal.m - 1], p->removal.y);
			return buf;
		}
		return date(c, p->removal, buf);
	case DF_REMARKS: return c->d->remark_line ? NULL : p->remark;
	}
	return NULL;
}

/* the pairs of an account as the design shows them: a field with no
 * value is left out, but the status and balance, shown as a dash */
static void account_pairs(struct ctx *c, const struct synth_printed *p,
			  struct pairs *ps)
{
	char buf[200];
	int i, f;

	memset(ps, 0, sizeof(*ps));
	for (i = 0; i < DF_COUNT; i++) {
		const char *v;

		f = orders[c->d->order][i];
		if (!(c->d->show & (1u << f)))
			continue;
		v = field_value(c, p, f, buf);
		if (!v && f != DF_BALANCE && f != DF_STATUS)
			continue;
		pair(ps, labels[f][c->d->label[f]], v);
	}
}

/* a furnisher's address and phone, made up from the account */
static void address_line(struct ctx *c, int idx)
{
	static const char *const towns[6][3] = {
		{ "WILMINGTON", "DE", "198" }, { "SIOUX FALLS", "SD", "571" },
		{ "SALT LAKE CITY", "UT", "841" }, { "RICHMOND", "VA", "232" },
		{ "PHOENIX", "AZ", "850" }, { "COLUMBUS", "OH", "432" },
	};
	struct synth_rng g;
	int t;

	g.s = c->r->seed ^ (0xadd7e55ULL + (uint64_t)idx * 7919);
	g.s = synth_next64(&g);
	t = DPICK(&g, 6);
	cc_buf_addf(c->b, "<p class=\"addr\">PO BOX %ld %s %s %s%02ld (800) %03ld-%04ld</p>\n",
		    synth_between(&g, 100, 99999), towns[t][0], towns[t][1],
		    towns[t][2], synth_between(&g, 0, 99), synth_between(&g, 200, 999),
		    synth_between(&g, 0, 9999));
}

static const char *hist_cell(const struct ctx *c, int code)
{
	if (code == HC_OK && c->d->grid_symbol)
		return "\xe2\x88\x9a";   /* U+221A */
	return cc_hist_code(code);
}

/* The column of month i of the grid's n: newest first unless the design
 * puts the oldest first. */
static int col_month(const struct ctx *c, int i, int n)
{
	return c->d->grid_oldest_first ? n - 1 - i : i;
}

static void grid_legend(struct ctx *c)
{
	if (c->d->grid_symbol)
		cc_buf_adds(c->b, "<p class=\"gl\">\xe2\x88\x9a = paid as agreed "
			    "(OK)</p>\n");
}

/* rows of years, Jan..Dec columns */
static void grid_years(struct ctx *c, const struct synth_printed *p)
{
	int y, m, i, top, bottom, first, last, step;

	if (!p->nhist)
		return;
	top = p->hist_month[0].y;
	bottom = p->hist_month[p->nhist - 1].y;
	cc_buf_adds(c->b, "<p class=\"gt\">Payment history</p>\n");
	grid_legend(c);
	cc_buf_adds(c->b, "<table class=\"grid\"><tr><th></th>");
	for (m = 0; m < 12; m++)
		cc_buf_addf(c->b, "<th>%s</th>", mon_abbr[m]);
	cc_buf_adds(c->b, "</tr>\n");
	first = c->d->grid_oldest_first ? bottom : top;
	last = c->d->grid_oldest_first ? top : bottom;
	step = c->d->grid_oldest_first ? 1 : -1;
	for (y = first; ; y += step) {
		cc_buf_addf(c->b, "<tr><th>%d</th>", y);
		for (m = 1; m <= 12; m++) {
			const char *code = "";

			for (i = 0; i < p->nhist; i++)
				if (p->hist_month[i].y == y && p->hist_month[i].m == m)
					code = hist_cell(c, p->hist[i]);
			cc_buf_addf(c->b, "<td>%s</td>", code);
		}
		cc_buf_adds(c->b, "</tr>\n");
		if (y == last)
			break;
	}
	cc_buf_adds(c->b, "</table>\n");
}

/* a strip: a row of years ('23 over the first month of each), a row of
 * months, then a row of codes for each of rows[0..nrows) (a bureau's
 * name first when names) */
static void grid_strip(struct ctx *c, const struct synth_printed *const *rows,
		       const char *const *names, int nrows, const char *title)
{
	const struct synth_printed *p = rows[0];
	int i, k, n = p->nhist;

	if (!n)
		return;
	if (title)
		cc_buf_addf(c->b, "<p class=\"gt\">%s</p>\n", title);
	grid_legend(c);
	cc_buf_adds(c->b, "<table class=\"strip\"><tr>");
	if (names)
		cc_buf_adds(c->b, "<th class=\"bn\"></th>");
	for (i = 0; i < n; i++) {
		int j = col_month(c, i, n), prev = i ? col_month(c, i - 1, n) : -1;

		if (prev < 0 || p->hist_month[prev].y != p->hist_month[j].y)
			cc_buf_addf(c->b, "<th>'%02d</th>", p->hist_month[j].y % 100);
		else
			cc_buf_adds(c->b, "<th></th>");
	}
	cc_buf_adds(c->b, "</tr>\n<tr>");
	if (names)
		cc_buf_adds(c->b, "<th class=\"bn\"></th>");
	for (i = 0; i < n; i++)
		cc_buf_addf(c->b, "<th>%s</th>",
			    mon_abbr[p->hist_month[col_month(c, i, n)].m - 1]);
	cc_buf_adds(c->b, "</tr>\n");
	for (k = 0; k < nrows; k++) {
		cc_buf_adds(c->b, "<tr>");
		if (names)
			cc_buf_addf(c->b, "<th class=\"bn\">%s</th>", names[k]);
		for (i = 0; i < n; i++)
			cc_buf_addf(c->b, "<td>%s</td>",
				    hist_cell(c, rows[k]->hist[col_month(c, i, n)]));
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

static void heading(struct ctx *c, int idx, const char *creditor)
{
	cc_buf_addf(c->b, "<div class=\"acct\" id=\"acct-%d\"><h3>", idx);
	H(c->b, creditor);
	cc_buf_adds(c->b, "</h3>\n");
	if (c->d->head_address)
		address_line(c, idx);
}

static void remark_line(struct ctx *c, const char *remark)
{
	if (!remark || !c->d->remark_line)
		return;
	cc_buf_addf(c->b, "<p class=\"rm\">%s ", c->d->label_upper ? "COMMENT:" :
		    "Comment:");
	H(c->b, remark);
	cc_buf_adds(c->b, "</p>\n");
}

static void single_account(struct ctx *c, int idx)
{
	const struct synth_account *a = &c->r->accounts[idx];
	struct synth_printed p;
	struct pairs ps;
	const struct synth_printed *rows[1];

	synth_print(c->r, a, -1, &p);
	heading(c, idx, p.creditor);
	account_pairs(c, &p, &ps);
	put_pairs(c, &ps, "kv");
	rows[0] = &p;
	if (c->d->grid == SG_YEARS)
		grid_years(c, &p);
	else if (c->d->grid == SG_STRIP)
		grid_strip(c, rows, NULL, 1, "Payment history");
	remark_line(c, p.remark);
	cc_buf_adds(c->b, "</div>\n");
}

static const int m3_order[SB_COUNT] = { SB_TU, SB_XP, SB_EF };
static const char *const m3_names[SB_COUNT] = { "TransUnion", "Experian", "Equifax" };

static void merged3_account(struct ctx *c, int idx)
{
	const struct synth_account *a = &c->r->accounts[idx];
	struct synth_printed p[SB_COUNT];
	const struct synth_printed *rows[SB_COUNT];
	const char *names[SB_COUNT];
	char buf[SB_COUNT][200], lb[96];
	int b, i, f, on[SB_COUNT], nrows = 0;

	for (b = 0; b < SB_COUNT; b++) {
		synth_print(c->r, a, m3_order[b], &p[b]);
		on[b] = (a->bureaus >> m3_order[b]) & 1;
		if (on[b]) {
			rows[nrows] = &p[b];
			names[nrows++] = m3_names[b];
		}
	}
	heading(c, idx, a->creditor);
	if (c->d->m3_columns) {
		cc_buf_adds(c->b, "<table class=\"m3\"><tr><th></th>");
		for (b = 0; b < SB_COUNT; b++)
			cc_buf_addf(c->b, "<th>%s</th>", m3_names[b]);
		cc_buf_adds(c->b, "</tr>\n");
		for (i = 0; i < DF_COUNT; i++) {
			const char *v[SB_COUNT];
			int any = 0;

			f = orders[c->d->order][i];
			if (!(c->d->show & (1u << f)))
				continue;
			for (b = 0; b < SB_COUNT; b++) {
				v[b] = on[b] ? field_value(c, &p[b], f, buf[b]) : NULL;
				any |= v[b] != NULL;
			}
			if (!any && f != DF_BALANCE && f != DF_STATUS)
				continue;
			label_text(c, labels[f][c->d->label[f]], lb, sizeof(lb));
			cc_buf_adds(c->b, "<tr><td class=\"l\">");
			H(c->b, lb);
			cc_buf_adds(c->b, "</td>");
			for (b = 0; b < SB_COUNT; b++) {
				cc_buf_adds(c->b, "<td>");
				H(c->b, v[b] ? v[b] : "-");
				cc_buf_adds(c->b, "</td>");
			}
			cc_buf_adds(c->b, "</tr>\n");
		}
		cc_buf_adds(c->b, "</table>\n");
	} else {
		for (b = 0; b < SB_COUNT; b++) {
			struct pairs ps;

			if (!on[b])
				continue;
			cc_buf_addf(c->b, "<p class=\"bh\">%s</p>\n", m3_names[b]);
			account_pairs(c, &p[b], &ps);
			put_pairs(c, &ps, "kv");
		}
	}
	if (c->d->grid == SG_STRIP) {
		for (i = 0; i < nrows; i++)
			grid_strip(c, &rows[i], NULL, 1, names[i]);
	} else if (c->d->grid == SG_BUREAU_ROWS && nrows) {
		grid_strip(c, rows, names, nrows, "Payment history");
	}
	remark_line(c, p[0].remark);
	cc_buf_adds(c->b, "</div>\n");
}

static void account(struct ctx *c, int idx)
{
	if (c->r->layout == CC_LAYOUT_MERGED3)
		merged3_account(c, idx);
	else
		single_account(c, idx);
}

static int is_negative(const struct cc_synth_report *r,
		       const struct synth_account *a)
{
	struct synth_printed p;

	synth_print(r, a, -1, &p);
	return synth_reasons(a, &p) != 0;
}

static int type_section(const struct cc_synth_report *r,
			const struct synth_account *a)
{
	struct synth_printed p;

	synth_print(r, a, -1, &p);
	return !strcmp(p.type, "revolving") ? 0 :
	       !strcmp(p.type, "mortgage") ? 1 :
	       !strcmp(p.type, "installment") ? 2 :
	       !strcmp(p.type, "collection") ? 4 : 3;
}

static void accounts(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	int i, s, n;

	switch (c->d->sections) {
	case 0:
		for (s = 1; s >= 0; s--) {
			section(c, s ? 0 : 1, NULL);
			for (i = n = 0; i < r->naccounts; i++)
				if (is_negative(r, &r->accounts[i]) == s) {
					account(c, i);
					n++;
				}
			if (!n)
				cc_buf_adds(c->b, "<p>None reported</p>\n");
		}
		break;
	case 1:
		for (s = 0; s < 5; s++) {
			for (i = n = 0; i < r->naccounts; i++)
				n += type_section(r, &r->accounts[i]) == s;
			if (!n)
				continue;
			section(c, 2, by_type[s][c->d->heading[2] % 2]);
			for (i = 0; i < r->naccounts; i++)
				if (type_section(r, &r->accounts[i]) == s)
					account(c, i);
		}
		break;
	default:
		section(c, 2, NULL);
		for (i = 0; i < r->naccounts; i++)
			account(c, i);
		if (!r->naccounts)
			cc_buf_adds(c->b, "<p>None reported</p>\n");
		break;
	}
}

static void consumer_name(const struct cc_synth_report *r, char *buf,
			  size_t len)
{
	if (r->d.name_last_first)
		snprintf(buf, len, "%s, %s %s", r->last, r->first, r->middle);
	else
		snprintf(buf, len, "%s %s %s", r->first, r->middle, r->last);
}

static void consumer(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	char name[128], cur[160], prev[160], ssn[24], yob[8], when[40];
	struct pairs ps;

	consumer_name(r, name, sizeof(name));
	snprintf(cur, sizeof(cur), "%s, %s, %s %s", r->street, r->city, r->state, r->zip);
	snprintf(prev, sizeof(prev), "%s, %s, %s %s", r->prev_street, r->prev_city,
		 r->prev_state, r->prev_zip);
	snprintf(ssn, sizeof(ssn), c->d->mask % 2 ? "***-**-%04d" : "XXX-XX-%04d",
		 r->ssn_last4);
	snprintf(yob, sizeof(yob), "%d", r->birth_year);
	full_date(r, when, sizeof(when));
	cc_buf_adds(c->b, "<div id=\"consumer\">");
	if (c->d->consumer == 2) {
		cc_buf_adds(c->b, "<p class=\"pf\">Prepared for: <b>");
		H(c->b, name);
		cc_buf_adds(c->b, "</b></p>\n<p class=\"pf\">");
		H(c->b, cur);
		cc_buf_adds(c->b, "</p>\n<p class=\"pf\">Previous address: ");
		H(c->b, prev);
		cc_buf_addf(c->b, "</p>\n<p class=\"pf\">SSN: %s &#160; Year of birth: %s</p>\n"
			    "<p class=\"pf\">Report number: ", ssn, yob);
		H(c->b, r->report_number);
		cc_buf_addf(c->b, " &#160; Report date: %s</p>\n", when);
		cc_buf_adds(c->b, "</div>\n");
		return;
	}
	memset(&ps, 0, sizeof(ps));
	pair(&ps, c->d->heading[5] % 2 ? "Full name" : "Name", name);
	pair(&ps, c->d->heading[5] % 2 ? "Address" : "Current address", cur);
	pair(&ps, c->d->heading[5] % 2 ? "Former address" : "Previous address", prev);
	pair(&ps, c->d->heading[5] % 2 ? "SSN" : "Social Security number", ssn);
	pair(&ps, c->d->heading[5] % 2 ? "Born" : "Year of birth", yob);
	pair(&ps, "Report number", r->report_number);
	pair(&ps, c->d->heading[5] % 2 ? "Date generated" : "Report date", when);
	if (c->d->consumer == 0)
		section(c, 5, NULL);
	put_pairs(c, &ps, c->d->consumer == 1 ? "band" : "kv");
	cc_buf_adds(c->b, "</div>\n");
}

static void inquiries(struct ctx *c)
{
	const struct cc_synth_report *r = c->r;
	int i, m3 = r->layout == CC_LAYOUT_MERGED3;
	char d[32];

	section(c, 3, NULL);
	if (!r->ninquiries) {
		cc_buf_adds(c->b, "<p>None reported</p>\n");
		return;
	}
	cc_buf_adds(c->b, "<table class=\"list\">");
	if (!c->d->inq_list)
		cc_buf_addf(c->b, "<tr><th>%s</th><th>%s</th>%s</tr>\n",
			    c->d->heading[3] % 2 ? "Company" : "Creditor",
			    c->d->heading[3] % 2 ? "Date of inquiry" : "Date",
			    m3 ? "<th>Bureau</th>" : "");
	for (i = 0; i < r->ninquiries; i++) {
		int b = r->inquiries[i].bureaus;

		cc_buf_addf(c->b, "<tr id=\"inq-%d\"><td>", i);
		H(c->b, r->inquiries[i].creditor);
		cc_buf_addf(c->b, "</td><td>%s%s</td>", c->d->inq_list ?
			    "Inquired on " : "", date(c, r->inquiries[i].date, d));
		if (m3)
			cc_buf_addf(c->b, "<td>%s</td>", b == 1 ? "Experian" :
				    b == 2 ? "TransUnion" : "Equifax");
		cc_buf_adds(c->b, "</tr>\n");
	}
	cc_buf_adds(c->b, "</table>\n");
}

static void publics(struct ctx *c)
{
	static const char *const types[4] = {
		"Bankruptcy Chapter 7", "Bankruptcy Chapter 13",
		"Civil Judgment", "Tax Lien",
	};
	const struct cc_synth_report *r = c->r;
	char d1[32], d2[32], m[32];
	int i;

	section(c, 4, NULL);
	if (!r->npublic) {
		cc_buf_adds(c->b, "<p>None reported</p>\n");
		return;
	}
	for (i = 0; i < r->npublic; i++) {
		const struct synth_public *p = &r->publics[i];
		struct pairs ps;

		memset(&ps, 0, sizeof(ps));
		cc_buf_addf(c->b, "<div class=\"acct\" id=\"pub-%d\"><h3>", i);
		H(c->b, p->court);
		cc_buf_adds(c->b, "</h3>\n");
		pair(&ps, "Type", types[p->type]);
		pair(&ps, "Reference number", p->reference);
		pair(&ps, "Date filed", date(c, p->filed, d1));
		pair(&ps, "Date resolved", p->resolved.y ? date(c, p->resolved, d2) : "-");
		pair(&ps, "Amount", money(c, p->amount, m));
		put_pairs(c, &ps, "kv");
		cc_buf_adds(c->b, "</div>\n");
	}
}

static const char *family_bureau(int layout)
{
	return layout == CC_LAYOUT_EXPERIAN ? "Experian" :
	       layout == CC_LAYOUT_EQUIFAX ? "Equifax" : "TransUnion";
}

/* The report's title, as the design names it. */
static void title(const struct cc_synth_report *r, char *buf, size_t len)
{
	const char *t, *s;
	size_t o = 0, i;

	if (r->layout == CC_LAYOUT_MERGED3) {
		snprintf(buf, len, "%s", m3_titles[r->d.title % NELEM(m3_titles)]);
		return;
	}
	/* %s the bureau, %S in capitals */
	t = titles[r->d.title];
	for (; *t && o + 1 < len; t++) {
		if (t[0] == '%' && (t[1] == 's' || t[1] == 'S')) {
			for (s = family_bureau(r->layout), i = 0; s[i] && o + 1 < len; i++)
				buf[o++] = t[1] == 'S' ? (char)toupper((unsigned char)s[i]) : s[i];
			t++;
		} else {
			buf[o++] = *t;
		}
	}
	buf[o] = '\0';
}

void synth_design_html(const struct cc_synth_report *r, struct cc_buf *b)
{
	struct ctx c = { r, &r->d, b };
	char t[128];

	if (r->d.tabular) {
		synth_tab_html(r, b);
		return;
	}
	title(r, t, sizeof(t));
	cc_buf_adds(b, "<h1>");
	H(b, t);
	cc_buf_adds(b, "</h1>\n");
	if (r->layout == CC_LAYOUT_MERGED3)
		cc_buf_adds(b, "<p>TransUnion | Experian | Equifax</p>\n");
	consumer(&c);
	accounts(&c);
	publics(&c);
	inquiries(&c);
}

char *synth_design_css(const struct cc_synth_report *r)
{
	const struct synth_design *d = &r->d;
	struct cc_buf s = { 0 };
	double pt = d->pt, gpt = pt - 1 < 7.5 ? pt - 1 : 7.5;
	int avail = 612 - 2 * d->margin, w = avail / d->pairs;
	int ncols = d->grid_months ? d->grid_months : 24;
	int stripw = (avail - 64) / (ncols > 12 ? ncols : 12);

	if (gpt < 6)
		gpt = 6;
	cc_buf_addf(&s, "body { font-family: %s; font-size: %.2fpt; }\n"
		    "table { margin: 0; border-spacing: 0; }\n"
		    "h1 { font-size: %.2fpt; margin: 0 0 6pt 0; }\n"
		    "h2 { font-size: %.2fpt; margin: 8pt 0 3pt 0; %s }\n"
		    "h3 { font-size: %.2fpt; margin: 6pt 0 2pt 0; width: %dpt; "
		    "font-weight: %s;%s%s }\n"
		    "p { margin: 1pt 0; }\n"
		    "p.addr { margin: 0 0 2pt 0; font-size: %.2fpt; }\n"
		    "p.intro { margin: 0 0 4pt 0; font-style: italic; }\n"
		    "p.bh { margin: 3pt 0 1pt 0; font-weight: bold; }\n"
		    "p.gt { margin: 3pt 0 0 0; }\n"
		    "p.gl { margin: 0; font-size: %.2fpt; }\n"
		    "td.l { width: %dpt; padding-right: 4pt; %s }\n"
		    "td.v { width: %dpt; padding-right: 6pt; }\n"
		    "td.s { width: %dpt; padding: 1pt 6pt 2pt 0; }\n"
		    "span.sl { font-size: %.2fpt; %s }\n"
		    "table.band { background-color: #e4e4e4; }\n"
		    "table.grid td, table.grid th { padding: 0 2pt; font-size: %.2fpt; "
		    "text-align: center; font-weight: normal; width: 26pt; }\n"
		    "table.strip td, table.strip th { padding: 0; font-size: %.2fpt; "
		    "text-align: center; font-weight: normal; width: %dpt; }\n"
		    "table.strip th.bn { width: 62pt; text-align: left; }\n"
		    "table.m3 td, table.m3 th { padding: 1pt 4pt 1pt 0; text-align: left; "
		    "width: %dpt; }\n"
		    "table.m3 td.l { width: %dpt; }\n"
		    "table.list td, table.list th { text-align: left; width: %dpt; }\n"
		    ".acct { margin-bottom: 6pt; }\n"
		    "p.rm { margin: 2pt 0; }\n",
		    dfonts[d->font].css, pt, pt + 6, pt + 2,
		    d->head_underline ? "" : "border-bottom: 1px solid black;",
		    pt * d->head_scale, 150 + d->label_w, d->head_bold ? "bold" : "normal",
		    d->head_underline ? " text-decoration: underline;" : "",
		    d->head_caps ? " background-color: #dddddd;" : "",
		    pt - 1, gpt,
		    d->label_w, d->label_light ? "color: #666666;" : "font-weight: bold;",
		    w - d->label_w - 10, w - 6,
		    pt - 1.5 < 6 ? 6 : pt - 1.5,
		    d->label_light ? "color: #555555;" : "font-weight: bold;",
		    gpt, gpt, stripw, (avail - 110) / 3 - 4, 106, avail / 3);
	return cc_buf_detach(&s);
}

/* --- the page --------------------------------------------------------------------- */

/* text with each % doubled, for a running line's printf format */
static void literal(char *out, size_t len, const char *text)
{
	size_t o = 0;

	for (; *text && o + 2 < len; text++) {
		if (*text == '%')
			out[o++] = '%';
		out[o++] = *text;
	}
	out[o] = '\0';
}

static void run_line(struct cc_synth_page *pg, struct cc_pdf_html_opts *o,
		     const char *fmt, const char *family, float size, float x,
		     float y, int align)
{
	int n = o->nrunning;

	if (n >= (int)NELEM(pg->text))
		return;
	snprintf(pg->text[n], sizeof(pg->text[n]), "%s", fmt);
	pg->run[n].text = pg->text[n];
	pg->run[n].family = family;
	pg->run[n].size = size;
	pg->run[n].x = x;
	pg->run[n].y = y;
	pg->run[n].align = align;
	pg->run[n].first = pg->run[n].last = 0;
	o->nrunning = n + 1;
}

void cc_synth_page_opts(const struct cc_synth_report *r,
			struct cc_synth_page *pg, struct cc_pdf_html_opts *o)
{
	const struct synth_design *d = &r->d;
	char name[128], lit[192], t[128], when[40], line[256];
	const char *fam;
	float m, W = 612, Hh = 792;
	struct synth_rng g;

	memset(o, 0, sizeof(*o));
	o->width = W;
	o->height = Hh;
	o->margin = 42;
	o->family = cc_synth_font_family(r);
	if (r->design != CC_SYNTH_RANDOM) {
		snprintf(pg->footer, sizeof(pg->footer),
			 "%s \xe2\x80\x94 report %s \xe2\x80\x94 page %%d",
			 cc_layout_name(r->layout), r->report_number);
		o->footer = pg->footer;
		return;
	}
	if (d->tabular) {
		synth_tab_page_opts(r, pg, o);
		return;
	}
	m = (float)d->margin;
	o->margin = m;
	o->running = pg->run;
	fam = dfonts[d->font].generic;
	if (d->print_chrome) {
		g.s = r->seed ^ 0xc42013eULL;
		g.s = synth_next64(&g);
		title(r, t, sizeof(t));
		snprintf(line, sizeof(line), "%d/%d/%02d, %ld:%02ld %s",
			 r->as_of.m, r->as_of.d, r->as_of.y % 100,
			 synth_between(&g, 1, 12), synth_between(&g, 0, 59),
			 synth_chance(&g, 50) ? "AM" : "PM");
		run_line(pg, o, line, "sans-serif", 7, 18, 14, -1);
		literal(lit, sizeof(lit), t);
		run_line(pg, o, lit, "sans-serif", 7, W / 2, 14, 0);
		literal(lit, sizeof(lit), urls[DPICK(&g, NELEM(urls))]);
		run_line(pg, o, lit, "sans-serif", 7, 18, Hh - 10, -1);
		run_line(pg, o, "%d/%d", "sans-serif", 7, W - 18, Hh - 10, 1);
	}
	if (d->running_head) {
		consumer_name(r, name, sizeof(name));
		full_date(r, when, sizeof(when));
		snprintf(line, sizeof(line), "Prepared for: %s   Date generated: %s"
			 "   Report number: %s", name, when, r->report_number);
		literal(lit, sizeof(lit), line);
		run_line(pg, o, lit, fam, 7.5f, m, m - 12, -1);
	}
	if (d->counter)
		run_line(pg, o, counters[d->counter], fam, 7.5f,
			 d->counter_align < 0 ? m : d->counter_align > 0 ?
			 W - m : W / 2, Hh - m + 18, d->counter_align);
	if (!o->nrunning)
		o->running = NULL;
}

int cc_synth_page_again(const struct cc_synth_report *r,
			struct cc_synth_page *pg, struct cc_pdf_html_opts *o,
			const struct cc_pdf_pos *pos, int npos)
{
	if (r->design != CC_SYNTH_RANDOM || !r->d.tabular)
		return 0;
	return synth_tab_page_again(r, pg, o, pos, npos);
}
