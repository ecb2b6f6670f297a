/*
 * synth.h -- fictional credit reports with their truth (cc-synth(1)).
 *
 * A report is first a model (struct cc_synth_report): the consumer, the
 * accounts with their whole story, inquiries and public records, drawn
 * from a seeded generator, so the same seed gives the same report on any
 * machine.  A layout then prints the model as HTML (synth_html.c) in the
 * manner of one bureau or reseller, choosing what to print and how; the
 * truth records are what a perfect cc-extract would read from that print,
 * so every truth field is derivable from the page.
 */
#ifndef CC_SYNTH_H
#define CC_SYNTH_H

#include <stdint.h>
#include <jansson.h>

#include "error.h"
#include "pdf.h"

enum cc_layout {
	CC_LAYOUT_EXPERIAN,
	CC_LAYOUT_EQUIFAX,
	CC_LAYOUT_TRANSUNION,
	CC_LAYOUT_MERGED3,
	CC_LAYOUT_LENDER,
	CC_LAYOUT_COUNT,
};

/* "experian" ... ; -1 for an unknown name. */
int cc_layout_from_name(const char *name);
const char *cc_layout_name(int layout);

enum cc_bureau { CC_XP, CC_TU, CC_EF, CC_BUREAUS };
const char *cc_bureau_name(int b);   /* "experian", "transunion", "equifax" */

struct cc_date {
	int y, m, d;   /* d == 0: month precision; y == 0: no date */
};

/* Account kinds (what the account is) and stories (what happened). */
enum synth_kind {
	SK_CARD, SK_CHARGE_CARD, SK_AUTO, SK_STUDENT, SK_MORTGAGE, SK_HELOC,
	SK_PERSONAL, SK_COLLECTION, SK_MEDICAL, SK_COUNT,
};

enum synth_story {
	SS_CURRENT,        /* open, never late */
	SS_LATE_PAST,      /* open, current now, lates in the history */
	SS_LATE_NOW,       /* open, delinquent now */
	SS_CHARGE_OFF,
	SS_COLLECTION,     /* a collection account (kind collection/medical) */
	SS_PAID_COLLECTION,
	SS_REPOSSESSION,
	SS_SURRENDER,      /* voluntary surrender */
	SS_FORECLOSURE,
	SS_SETTLED,        /* settled for less than the full balance */
	SS_BANKRUPTCY,     /* included in bankruptcy */
	SS_PAID_CLOSED,    /* paid, closed, never late */
	SS_CONSUMER_CLOSED,/* closed at consumer's request, never late */
	SS_COUNT,
};

enum synth_resp { SR_INDIVIDUAL, SR_JOINT, SR_AUTHORIZED, SR_COSIGNER };

/* Negative reasons, in their canonical order (cc-records(5)). */
enum synth_reason {
	RS_LATE_30, RS_LATE_60, RS_LATE_90, RS_LATE_120, RS_LATE_150,
	RS_LATE_180, RS_CHARGE_OFF, RS_COLLECTION, RS_REPOSSESSION,
	RS_SURRENDER, RS_FORECLOSURE, RS_SETTLED, RS_BANKRUPTCY, RS_DEFAULT,
	RS_GOVERNMENT_CLAIM, RS_COUNT,
};
const char *cc_reason_name(int r);

/* Payment history codes, as cc-records(5) writes them. */
enum synth_code {
	HC_OK, HC_30, HC_60, HC_90, HC_120, HC_150, HC_180, HC_CO, HC_C,
	HC_F, HC_VS, HC_R, HC_B, HC_ND, HC_COUNT,
};
const char *cc_hist_code(int c);

#define SYNTH_MAX_HIST 84

struct synth_account {
	int kind, story, resp;
	const char *creditor;
	const char *original_creditor;   /* collections: who sold the debt */
	char number[24];                 /* the full number, never printed whole */
	struct cc_date opened, closed, reported, last_payment, dofd;
	/* dollars; -1 when the account has none */
	long balance, limit, high, payment, past_due, charge_off;
	int term_months;                 /* installment term, 0 revolving */
	int nhist;                       /* months of history, newest first */
	struct cc_date hist_month[SYNTH_MAX_HIST];
	int hist[SYNTH_MAX_HIST];
	int worst_late;                  /* 0, 30, 60, ... 180 */
	const char *remark;              /* a comment, or NULL */
	int bureaus;                     /* bit per enum cc_bureau reporting it */
	long balance_delta[CC_BUREAUS];  /* merged3: a bureau's balance error */
};

struct synth_inquiry {
	const char *creditor;
	struct cc_date date;
	int bureaus;
};

struct synth_public {
	int type;              /* 0 bankruptcy 7, 1 bankruptcy 13, 2 judgment, 3 tax lien */
	const char *court;
	char reference[24];
	struct cc_date filed, resolved;
	long amount;           /* dollars, -1 none */
	int bureaus;
};

struct cc_synth_report {
	int layout;
	uint64_t seed;          /* the report's own seed */
	struct cc_date as_of;   /* "today" of the report */
	char first[24], middle[4], last[32];
	char street[64], city[32], state[4], zip[8];
	char prev_street[64], prev_city[32], prev_state[4], prev_zip[8];
	int ssn_last4;
	int birth_year;
	char report_number[24];
	int naccounts;
	struct synth_account *accounts;
	int ninquiries;
	struct synth_inquiry inquiries[12];
	int npublic;
	struct synth_public publics[3];
	/* print style, drawn from the seed */
	int font;               /* 0 sans-serif, 1 serif, 2 monospace */
	double font_pt;         /* 7.5 .. 10 */
	int date_style;         /* layout-specific variant */
	int order_variant;      /* field order variant */
	int money_cents;        /* print money with cents */
};

struct cc_synth_opts {
	uint64_t seed;          /* of the run */
	struct cc_date as_of;   /* the reports' "today" */
	int min_accounts;       /* 0: the natural spread, 1 to 60 */
	int max_accounts;
};

/* The model of report number index of a run. */
void cc_synth_generate(struct cc_synth_report *r, int layout,
		       const struct cc_synth_opts *o, unsigned long index);
void cc_synth_release(struct cc_synth_report *r);

/*
 * The report printed as HTML blocks (each moved as one by the page
 * layout, each with the id of what it belongs to) and the CSS for all of
 * them.  The caller releases the blocks and frees the CSS.
 */
struct cc_synth_blocks {
	struct cc_pdf_block *v;
	size_t n, alloc;
};
void cc_synth_html(const struct cc_synth_report *r,
		   struct cc_synth_blocks *blocks, char **css);
void cc_synth_blocks_release(struct cc_synth_blocks *bl);

/* The generic font family the report is printed in ("sans-serif", ...). */
const char *cc_synth_font_family(const struct cc_synth_report *r);

/*
 * Where the layout placed each element with an id ("acct-3", "inq-1",
 * "pub-0", "consumer"): from the PDF writer, used for `src`.
 */
#define cc_synth_pos cc_pdf_pos

/*
 * The truth records of a printed report: one `synth_report` record, then
 * consumer, tradeline, inquiry and public_record records as cc-records(5)
 * describes them, appended to out.  doc is the PDF's sha256 and file its
 * name; pos the positions the writer reported (may be NULL).
 */
void cc_synth_truth(const struct cc_synth_report *r, const char *doc,
		    const char *file, int scanned,
		    const struct cc_synth_pos *pos, int npos, json_t *out);

/* --- shared with cc-extract and cc-score --------------------------------- */

/* ISO form of d: "YYYY-MM-DD", "YYYY-MM", or NULL for no date. */
const char *cc_date_iso(struct cc_date d, char buf[16]);

/*
 * The stable tradeline id: the first 16 hex digits of the SHA-256 of doc,
 * bureau, creditor, account_mask and opened, each followed by a newline
 * (a null as the empty string).
 */
void cc_tradeline_id(const char *doc, const char *bureau, const char *creditor,
		     const char *account_mask, const char *opened,
		     char id[17]);

#endif
