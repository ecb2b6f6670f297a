/*
 * synth_impl.h -- what synth.c and synth_html.c share: the printed view of
 * an account, the single place that decides what a layout prints, so the
 * page and the truth cannot disagree.
 */
#ifndef CC_SYNTH_IMPL_H
#define CC_SYNTH_IMPL_H

#include "synth/synth.h"

struct synth_printed {
	const char *creditor;
	char mask[32];             /* account number as printed */
	char last4[5];             /* "" when the mask hides the last digits */
	const char *type;          /* revolving|installment|mortgage|open|collection */
	const char *loan_type;     /* credit_card, auto, ... */
	const char *loan_label;    /* as printed: "Credit card" */
	const char *resp;          /* individual|joint|authorized_user|cosigner */
	const char *resp_label;    /* as printed */
	struct cc_date opened, closed, reported, last_payment, dofd, removal;
	long balance, limit, high, payment, past_due, charge_off; /* -1: none */
	char status[128];          /* as printed (no TransUnion >< marks) */
	const char *status_code;   /* Metro 2 account status */
	int adverse;               /* TransUnion marks the status >like this< */
	int nhist;                 /* printed months, newest first */
	struct cc_date hist_month[SYNTH_MAX_HIST];
	int hist[SYNTH_MAX_HIST];
	const char *remark;
	const char *original_creditor;
	int late30, late60, late90;  /* counts in the printed history */
	int worst_shown;           /* lates a tabular design prints besides
				      the history (counts, a status that
				      was late), in 30 days: 1 to 6 */
	int repos;                 /* bureaus printed as reporting it
				      (bit per enum synth_bureau) */
	char name[64];             /* the creditor as printed, when cut */
};

/*
 * The account as layout prints it for bureau (merged3: one column; other
 * layouts: bureau is ignored).
 */
void synth_print(const struct cc_synth_report *r,
		 const struct synth_account *a, int bureau,
		 struct synth_printed *p);

/* Dates and money as a layout prints them, into buf. */
const char *synth_fmt_date(const struct cc_synth_report *r, struct cc_date d,
			   char *buf, size_t len);
const char *synth_fmt_money(const struct cc_synth_report *r, long dollars,
			    char *buf, size_t len);

/* The months a layout's history shows (newest first). */
int synth_hist_months(int layout);

/* Removal date (FCRA 1681c) from a printed view; {0} when not negative. */
struct cc_date synth_removal(const struct synth_printed *p, unsigned reasons);
/* Reasons bitmask (1 << enum cc_reason) from a printed view. */
unsigned synth_reasons(const struct synth_account *a,
		       const struct synth_printed *p);

struct cc_date cc_date_add_months(struct cc_date d, int n);

/* The report's first applicant, as a synth_person, into p. */
void synth_borrower(const struct cc_synth_report *r, struct synth_person *p);

/* --- design.c: --design random ------------------------------------------- */

/* Draw r's design from its seed, on a stream of its own. */
void synth_design_draw(struct cc_synth_report *r);
/* The design's parameters, for the truth's synth_report. */
json_t *synth_design_json(const struct cc_synth_report *r);
/* 1 when the design's dates give the day. */
int synth_design_days(const struct cc_synth_report *r);
/* A date as the design prints it ("-" for none). */
const char *synth_design_date(const struct cc_synth_report *r,
			      struct cc_date d, char *buf, size_t len);
/* The status of a as the design prints it, into p (status, adverse). */
void synth_design_status(const struct cc_synth_report *r,
			 const struct synth_account *a,
			 struct synth_printed *p);
/* The report in its design, as HTML into b, and its style sheet. */
void synth_design_html(const struct cc_synth_report *r, struct cc_buf *b);
char *synth_design_css(const struct cc_synth_report *r);

/* --- tabular.c: the lender family's random design -------------------------- */

/* Draw r's tabular design from its seed, on a stream of its own. */
void synth_tab_draw(struct cc_synth_report *r);
json_t *synth_tab_json(const struct cc_synth_report *r);
const char *synth_tab_date(const struct cc_synth_report *r,
			   struct cc_date d, char *buf, size_t len);
void synth_tab_status(const struct cc_synth_report *r,
		      const struct synth_account *a, struct synth_printed *p);
/* What the design prints of a differently from a random design's
 * defaults, into p (synth_print()). */
void synth_tab_print(const struct cc_synth_report *r,
		     const struct synth_account *a, struct synth_printed *p);
void synth_tab_html(const struct cc_synth_report *r, struct cc_buf *b);
char *synth_tab_css(const struct cc_synth_report *r);
void synth_tab_page_opts(const struct cc_synth_report *r,
			 struct cc_synth_page *pg, struct cc_pdf_html_opts *o);
int synth_tab_page_again(const struct cc_synth_report *r,
			 struct cc_synth_page *pg, struct cc_pdf_html_opts *o,
			 const struct cc_pdf_pos *pos, int npos);

/* html.c: cut printed HTML into the page layout's blocks, an account's
 * rows in groups of up to rows (cc_synth_html()). */
void synth_split_blocks(const char *html, struct cc_synth_blocks *bl,
			int rows);

/* "30_59_DAYS_PAST_DUE" ... "OVER_120_DAYS_PAST_DUE": the status code
 * of an account late now by late days (synth.c). */
const char *synth_late_code(int late);

/*
 * The generator's randomness: splitmix64, seeded per report (the design
 * on a stream of its own), so that the same seed gives the same draws on
 * any machine.
 */
struct synth_rng {
	uint64_t s;
};

static inline uint64_t synth_next64(struct synth_rng *g)
{
	uint64_t z = (g->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static inline long synth_between(struct synth_rng *g, long lo, long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long)(synth_next64(g) % (uint64_t)(hi - lo + 1));
}

static inline int synth_chance(struct synth_rng *g, int percent)
{
	return synth_between(g, 1, 100) <= percent;
}

#endif
