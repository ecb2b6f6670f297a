/*
 * records.h -- a document being read (extract.c, the readers and what
 * they share: reader.h) and what was read from it, and the making of
 * records from that (records.c).
 */
#ifndef CC_EXTRACT_REC_H
#define CC_EXTRACT_REC_H

#include "extract/impl.h"

struct xcell {
	char *t;
	double x0, y0, x1, y1;
	double conf;         /* 0..1 */
	int page;
	int lab;             /* index in the layout's labels, or -1 */
	int est;             /* x0/x1 estimated: cut from a longer line */
	float size;          /* its line's font size, 0 unknown */
	int bold;            /* its line is bold */
	int dead;            /* generic: the end of a label that wrapped,
				joined to the cell above it */
};

struct xrow {
	int page;
	double y0, y1;
	size_t first, n;     /* its cells, left to right */
	char *text;          /* the cells joined by spaces */
	char *norm;          /* x_norm(text) */
};

struct xhist {
	int y, m;
	char s[4];
};

/* An account, a public record, or a consumer: text per field as read. */
struct xacct {
	char *f[XF_COUNT];
	size_t flen[XF_COUNT];    /* strlen(f[k]) */
	size_t fcap[XF_COUNT];    /* the room f[k] has */
	double fconf[XF_COUNT];   /* lowest confidence of what was read */
	char *heading;            /* creditor (or court), as printed */
	const char *bureau;       /* merged3: the column's */
	const char *sect_type;    /* the section's account type */
	struct xhist *hist;
	size_t nhist;
	int has_grid;
	int page;                 /* src: the first page and the box on it */
	double bb[4];
	double conf_sum;
	int conf_n;
	int group_index;          /* merged3: the account block's number */
	int tabled;               /* read from a table's row (table.c): its
				     name may be cut short at any letter */
};

struct xcons {
	const char *bureau;
	int applicant;            /* 2: the co-applicant; else the applicant */
	struct xacct a;
};

struct xinq {
	char *creditor, *date, *bureau;
	int page;
	double bb[4];
	double conf;
};

struct xdoc {
	const struct xlayout *L;
	int unknown;              /* L is the generic reader */
	const char *bureau;       /* unknown: the one bureau its first
				     pages name, or NULL */
	double body;              /* generic: the body text's font size,
				     0 unknown */
	int accounts_page;        /* the page of its first accounts
				     section's heading, 0 none */
	int accounts_none;        /* an accounts section says it has none
				     ("None reported", "*** NONE ***") */
	int prints_dofd;          /* generic: its pages label a date of
				     first delinquency */
	int check_ok;             /* generic: a grid legend says a check
				     mark is "paid as agreed (OK)" */
	double layout_conf;
	const char *doc;
	char **raw;               /* first pages' lines, normalised: detection */
	size_t nraw;
	struct xcell *c;
	size_t nc, ac;
	struct xrow *r;
	size_t nr;
	int npages;
	int applicant;            /* whose consumer pairs are read now: 2
				     after a co-applicant's label, else 1 */
	double pitch;             /* the usual height of a row */
	char report_date[11];
	struct xacct *acct;
	size_t nacct;
	struct xacct *pub;
	size_t npub;
	struct xcons cons[3];
	size_t ncons;
	struct xinq *inq;
	size_t ninq;
};

/* Whose an account is, as a table's WHOSE column says: 1 the borrower
 * (B, BORROWER, APPLICANT), 2 the co-borrower (C, CO-BORROWER), 3 both
 * (J, JOINT); 0 when s says none of these. */
int x_whose(const char *s);
/* The year of a date of birth printed with its day and month masked or
 * not ("XX/XX/1980", "01/1980"), or 0 (read_generic.c). */
int x_masked_year(const char *s);

/* The late counts of "30/60/90" text s ("02/01/00", "0-0-0") into n[]:
 * how many of the three lead it (records.c). */
int x_late_counts(const char *s, int n[3]);
/* Whether account a gives a tradeline record: a name, and two fields or
 * a history (records.c). */
int x_acct_recorded(const struct xacct *a);

int x_emit(struct xdoc *d, const struct cc_extract_opts *o,
	   cc_extract_emit_fn emit, void *arg, struct cc_extract_info *info);
void x_doc_release(struct xdoc *d);

#endif
