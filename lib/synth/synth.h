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

#include "base/error.h"
#include "model/date.h"
#include "model/model.h"
#include "pdf/pdf.h"
#include "stage/stage.h"

/* The bureaus in the order the generator draws them (its seeds depend
 * on it); synth_bureau_id() names each as the model does. */
enum synth_bureau { SB_XP, SB_TU, SB_EF, SB_COUNT };
const char *synth_bureau_id(int b);   /* "experian", "transunion", "equifax" */
/* The model's bureau (enum cc_bureau) of a synth_bureau. */
int synth_bureau_model(int b);

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
	long balance_delta[SB_COUNT];  /* merged3: a bureau's balance error */
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

/* --- a run ------------------------------------------------------------------- */

/* What cc-synth makes: count reports of each of the layouts, numbered
 * from start, into dir. */
struct cc_synth_run {
	int layouts[CC_LAYOUT_COUNT];
	int nlayouts;
	struct cc_synth_opts so;
	unsigned long count, start;
	int scan;               /* also each report as an image-only scan */
	int noise;              /* the scan's degradation, 0 to 3 */
	int html;               /* also each report's HTML (NAME.html) */
	const char *dir;
};

/*
 * cc-synth as a stage (stage/stage.h), its context a struct
 * cc_synth_run: a record {"kind":"report","n":I} makes report I of the
 * run (cc_synth_items), with a mupdf context per worker, writes its
 * files into the run's directory, and gives its truth records; a report
 * that cannot be made stops the run (cc_out_fatal).  A tick per report.
 */
extern const struct cc_stage cc_synth_stage;

/* The input records of every report of r, *n of them; the caller
 * releases each and frees the array. */
json_t **cc_synth_items(const struct cc_synth_run *r, size_t *n);

#endif
