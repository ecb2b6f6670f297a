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
	int owner;                       /* a joint report's: SO_* bits, whose
					    it is; 0 with one applicant */
};

/* Whose an account of a joint report is: the borrower's, the
 * co-borrower's, or both (a joint account). */
enum { SO_BORROWER = 1, SO_CO = 2, SO_JOINT = 3 };

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

/*
 * A report's design (cc-synth --design): CC_SYNTH_FIXED, the family's
 * own layout (html.c), or CC_SYNTH_RANDOM, a design drawn from the
 * report's seed on a stream of its own (design.c; lender's tabular one,
 * tabular.c), so that the model is the fixed design's; but a lender
 * report may have a co-applicant too, which makes some individual
 * accounts joint (synth.c, make_joint()).  What the drawn parameters
 * mean is in cc-synth(1), DESIGNS; the truth's synth_report gives them
 * (synth_design_json()).
 */
enum { CC_SYNTH_FIXED, CC_SYNTH_RANDOM };

/* The fields of an account block a random design labels. */
enum synth_dfield {
	DF_NAME, DF_NUMBER, DF_TYPE, DF_LOAN, DF_RESP, DF_OPENED, DF_REPORTED,
	DF_CLOSED, DF_LAST_PAYMENT, DF_STATUS, DF_BALANCE, DF_LIMIT, DF_HIGH,
	DF_PAYMENT, DF_PAST_DUE, DF_CHARGE_OFF, DF_ORIGINAL, DF_DOFD,
	DF_REMOVAL, DF_REMARKS, DF_COUNT,
};

/* Payment grids of a random design. */
enum { SG_NONE, SG_YEARS, SG_STRIP, SG_BUREAU_ROWS };

/*
 * The columns of a tabular design (lender, --design random; tabular.c):
 * an account is a group of one to three lines under as many lines of
 * column heads, each value under its head.
 */
enum synth_tcol {
	TC_INDEX, TC_CREDITOR, TC_NUMBER, TC_ECOA, TC_OPENED, TC_REPORTED,
	TC_HIGH, TC_LIMIT, TC_BALANCE, TC_PAST_DUE, TC_PAYMENT, TC_TERMS,
	TC_LATES, TC_L30, TC_L60, TC_L90, TC_RATE, TC_SOURCE, TC_XP, TC_TU,
	TC_EF, TC_STATUS, TC_TYPE, TC_LOAN, TC_CLOSED, TC_LAST_PAYMENT,
	TC_DOFD, TC_WHOSE, TC_COUNT,
};

#define SYNTH_TAB_SLOTS 24

struct synth_tabular {
	int lines;             /* lines of a group and of the heads, 1 to 3 */
	int nslots;            /* columns */
	int cell[3][SYNTH_TAB_SLOTS];  /* enum synth_tcol in column k of
					  line j, -1 empty */
	double width[SYNTH_TAB_SLOTS]; /* points, the gap after it included */
	int right[SYNTH_TAB_SLOTS];    /* its values end at its right */
	double gap;            /* points between columns */
	int label[TC_COUNT];   /* the spelling of each column's head */
	int used;              /* bit per enum synth_tcol shown */
	int creditor_chars;    /* names cut to this many characters */
	int dollar;            /* money with $ */
	int commas;            /* thousands with commas */
	int thousands;         /* high credit and limit in thousands ($5K) */
	int year4;             /* dates MM/YYYY, else MM/YY */
	int no_date;           /* a missing date: 0 blank, 1 --/--, 2 - */
	int dash;              /* an empty cell is -, else blank */
	int late_sep;          /* '/' or '-' between the counts of a triple */
	int late_pad;          /* counts as 00 */
	int cosigner_s;        /* a cosigner's ECOA code S, else C */
	int repos_style;       /* 0 codes joined (XP/TU), 1 MRG for two or
				  more, 2 a column of X a bureau */
	int repos_codes;       /* 0 XP TU EF, 1 EX TU EQ */
	int type_words;        /* REVOLVING, else REV */
	int loan_words;        /* the second vocabulary of loan types */
	int status_vocab;      /* 0 to 2 */
	int money_right;       /* money columns end at their right */
	int terms_zeros;       /* terms as 360, else 360M */
	int title, file_line, applicant, borrower, dob;
	int alerts, summary, factors, fine_print;
	int trades_heading, count_line;
	int rule;              /* a line of dashes under the heads */
	int pattern_label, pattern_codes;  /* the history line's */
	int remark_label, orig_label, co_label, dofd_label;
	int dofd_line;         /* the date of first delinquency a line */
	int inq_heading, pub_heading;
	int counter;           /* 0 none, 1 PAGE n OF N, 2 PAGE n, 3 n/N */
	int run_head;          /* file number and applicant atop each page */
	/* a joint report's (drawn on a stream of their own) */
	int whose_pair;        /* whose in the ECOA column, "J / B", else
				  a column of its own (TC_WHOSE) */
	int whose_legend;      /* 0 none, else which legend line */
	char pair_head[32];    /* the ECOA column's head, with whose */
};

struct synth_design {
	int font;            /* synth_design_font(): Helvetica, Times, ... */
	double pt;           /* body size, 7 to 11 points */
	int margin;          /* page margins, points */
	int pairs;           /* label/value pairs a row, 1 to 3 */
	int stacked;         /* label above its value, else left of it */
	int label_upper;     /* labels in capitals */
	int colon;           /* labels end with ':' */
	int label_light;     /* labels lighter (grey), else bold */
	int label_w;         /* width of a label column, points */
	int label[DF_COUNT]; /* the spelling of each field's label */
	unsigned show;       /* bit per enum synth_dfield printed */
	int order;           /* 0 to 2: the order of the fields */
	int head_bold, head_caps, head_underline;
	double head_scale;   /* creditor heading size over the body's */
	int head_address;    /* an address and phone line under it */
	int grid;            /* SG_*: the payment grid */
	int grid_months;     /* months it shows, 0 with SG_NONE */
	int grid_oldest_first;
	int grid_symbol;     /* OK months as 0 codes, 1 a check (\u221a) */
	int status_codes;    /* statuses as codes (PAYS_AS_AGREED) */
	int status_vocab;    /* which words, 0 to 2 */
	int bracket;         /* adverse statuses >bracketed< */
	int intro;           /* a paragraph under section headings */
	int sections;        /* 0 negative then others, 1 by type, 2 one */
	int heading[6];      /* spelling of each section heading */
	int running_head;    /* Prepared for: ... on every page */
	int counter;         /* 0 none, 1 Page n of N, 2 n/N, 3 Page n */
	int counter_align;   /* -1 left, 0 centre, 1 right */
	int print_chrome;    /* a browser's print header and footer */
	int rows_per_block;  /* an account breaks across pages between
				groups of this many rows (99: never) */
	int money_cents;
	int date_fmt;        /* synth_design_date_formats() */
	int consumer;        /* 0 a block, 1 a band, 2 Prepared for lines */
	int name_last_first; /* LAST, FIRST M */
	int mask;            /* account number masking, 0 to 4 */
	int title;           /* how the page names the report */
	int remark_line;     /* remarks as a line under the block */
	int m3_columns;      /* merged3: bureau columns, else a block each */
	int inq_list;        /* inquiries as lines, else a table */
	int tabular;         /* lender: the tabular family (tab), which
				sets the fields above synth_print() reads */
	struct synth_tabular tab;
};

/* A consumer the report names besides the first: a co-applicant. */
struct synth_person {
	char first[24], middle[4], last[32];
	char street[64], city[32], state[4], zip[8];
	char prev_street[64], prev_city[32], prev_state[4], prev_zip[8];
	int ssn_last4;
	int birth_year;
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
	/* a co-applicant (lender's tabular design only), drawn on a stream
	 * of its own; the accounts' owner says whose each is */
	int joint;
	struct synth_person co;
	/* print style, drawn from the seed */
	int font;               /* 0 sans-serif, 1 serif, 2 monospace */
	double font_pt;         /* 7.5 .. 10 */
	int date_style;         /* layout-specific variant */
	int order_variant;      /* field order variant */
	int money_cents;        /* print money with cents */
	int design;             /* CC_SYNTH_FIXED or CC_SYNTH_RANDOM */
	struct synth_design d;  /* a random design's parameters */
};

struct cc_synth_opts {
	uint64_t seed;          /* of the run */
	struct cc_date as_of;   /* the reports' "today" */
	int min_accounts;       /* 0: the natural spread, 1 to 60 */
	int max_accounts;
	int design;             /* CC_SYNTH_FIXED, CC_SYNTH_RANDOM */
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
 * The page options of a report (size, margins, its footer or running
 * lines), into *o; their text is kept in *page, which must outlive o.
 */
struct cc_synth_page {
	struct cc_pdf_running run[6 + 3 * SYNTH_TAB_SLOTS + 1];
	char text[6][256];
	char head[3 * SYNTH_TAB_SLOTS + 1][256];
	char footer[160];
};
void cc_synth_page_opts(const struct cc_synth_report *r,
			struct cc_synth_page *page,
			struct cc_pdf_html_opts *o);

/*
 * After a first layout (pos, npos): whether the report's page options
 * change with where things fell, as a tabular design's column heads,
 * repeated on the pages the accounts go on to.  When it returns 1, *o
 * has them and the report is laid out again (the same pages: running
 * lines move nothing).
 */
int cc_synth_page_again(const struct cc_synth_report *r,
			struct cc_synth_page *page,
			struct cc_pdf_html_opts *o,
			const struct cc_pdf_pos *pos, int npos);

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
