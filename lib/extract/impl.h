/*
 * impl.h -- what the files of lib/extract share: the loaded layouts.
 */
#ifndef CC_EXTRACT_IMPL_H
#define CC_EXTRACT_IMPL_H

#include <regex.h>
#include <stdlib.h>

#include "extract/extract.h"
#include "base/util.h"

/* What a label stands for.  Consumer, tradeline and public record fields
 * share one space so that one table holds a layout's labels. */
enum xfield {
	XF_NONE = -1,
	/* consumer */
	XC_NAME, XC_ADDRESS, XC_PREV_ADDRESS, XC_SSN, XC_BIRTH_YEAR,
	XC_REPORT_NUMBER, XC_REPORT_DATE,
	XC_CO_NAME,          /* the co-applicant's name: the consumer pairs
				after it are the co-applicant's */
	XC_REFERENCE,        /* an orderer's reference ("REF #"): the report
				number where the report prints no other */
	/* tradeline */
	XF_CREDITOR, XF_ACCOUNT_MASK, XF_TYPE, XF_LOAN_TYPE, XF_RESPONSIBILITY,
	XF_OPENED, XF_CLOSED, XF_REPORTED, XF_LAST_PAYMENT, XF_DOFD,
	XF_BALANCE, XF_LIMIT, XF_HIGH_BALANCE, XF_PAYMENT, XF_PAST_DUE,
	XF_CHARGE_OFF, XF_ORIGINAL_CREDITOR, XF_STATUS, XF_REMARKS,
	XF_REMOVAL, XF_HISTORY, XF_TERMS, XF_ACCOUNT_STATUS, XF_REPOSITORIES,
	XF_LATES,      /* late counts "30/60/90": "02/01/00" (tables) */
	XF_RATING,     /* a rating or manner of payment: "R1", "I9" */
	XF_WHOSE,      /* whose account: B borrower, C co-borrower, J joint */
	XF_IGNORE,
	/* public record */
	XP_TYPE, XP_REFERENCE, XP_FILED, XP_RESOLVED, XP_AMOUNT,
	/* inquiry table columns */
	XI_CREDITOR, XI_DATE, XI_BUREAU,
	XF_COUNT,
};

enum xgroup { XG_CONSUMER, XG_ACCOUNT, XG_PUBLIC, XG_INQUIRY };
enum xstyle { XS_BLOCKS, XS_COLUMNS, XS_GENERIC };
/* What a label's value must be (x_value_fits()). */
enum xtype { XT_ANY, XT_TEXT, XT_MONEY, XT_DATE, XT_YEAR, XT_MASK, XT_SSN,
	     XT_CODE, XT_STATUS, XT_COUNT };
enum xsection { XK_NONE, XK_CONSUMER, XK_ACCOUNTS, XK_PUBLIC, XK_INQUIRIES,
		XK_OTHER };
enum xgrid { XG_NONE, XG_YEAR_MONTH, XG_STRIP, XG_PATTERN };
enum xrule_kind { XR_FIXED, XR_LATE, XR_CURRENT, XR_CO_COLL, XR_WAS_LATE };

struct xlabel {
	char *text;          /* as written in the layout file */
	char *norm;          /* lower case, spaces collapsed, no final ':' */
	size_t len;          /* of text, without a final ':' */
	int field;           /* enum xfield */
	int group;           /* enum xgroup */
	int type;            /* enum xtype of its value */
	int alt[4];          /* the label of the same text in each group
				(enum xgroup), or -1 (index_labels()) */
};

struct xmap {
	char **key;          /* normalised as xlabel.norm */
	char **val;
	size_t n;
};

struct xrule {
	regex_t re;
	int kind;            /* enum xrule_kind */
	char code[4];        /* XR_FIXED; "" for none */
	int days;            /* XR_LATE with a fixed number of days */
	int reason;          /* enum cc_reason, or -1 */
	regex_t unless;      /* remarks rules: not when this matches, */
	int has_unless;      /* when this is 1 */
};

/* A column heading of an account table (labels.yaml's columns:): what
 * the values under it are. */
enum xcolkind {
	XCOL_FIELD,      /* the field's value */
	XCOL_LATES,      /* three late counts, "02/01/00" */
	XCOL_LATE30, XCOL_LATE60, XCOL_LATE90,   /* one of them */
	XCOL_INDEX,      /* the account's number on the report, "001" */
};

struct xcolname {
	char *norm;          /* as xlabel.norm */
	int field;           /* enum xfield (XCOL_FIELD), else XF_IGNORE */
	int kind;            /* enum xcolkind */
	size_t order;        /* make_columns()'s, while it sorts */
};

struct xsect {
	char *norm;          /* the heading, normalised */
	int kind;            /* enum xsection */
	char *type;          /* accounts: their "type", or NULL */
};

struct xlayout {
	char *name;
	char *file;
	char *bureau;        /* "experian"..., "columns", or NULL */
	int style;
	int heading_mask;    /* the heading is "CREDITOR #MASK" */
	int nocase;          /* labels match in any case (generic) */
	int grid;
	char **detect;       /* normalised */
	size_t *detect_group;/* of each phrase: phrases of a group are alternatives */
	size_t ndetect, ngroups;
	struct xsect *sect;
	size_t nsect;
	size_t sect_maxlen;  /* the longest heading */
	char sect_first[64]; /* the headings' first letters */
	struct xlabel *lab;
	size_t nlab;
	/* the labels by their first letter, lower case: bylead[at[c] ..
	 * at[c + 1]) are the indices of those that start with c, in order
	 * (index_labels()) */
	int *bylead;
	size_t leadat[257];
	char **skip;         /* normalised prefixes of lines to pass over */
	size_t nskip;
	char **intros;       /* generic: normalised openings of sections'
				introductions (labels.yaml) */
	size_t nintros;
	char **furniture;    /* generic: of running heads and feet */
	size_t nfurniture;
	struct xcolname *cols;  /* generic: account tables' column headings */
	size_t ncols;
	struct xcolname *tight; /* the same, their spaces taken out (OCR's
				   "BALDUE" for "BAL DUE"), sorted */
	char *inquiry_type;
	char **statuses;     /* the statuses the layout prints, for OCR */
	size_t nstatuses;
	struct xmap types, loans, resp, bureaus, pubtypes, codes;
	struct xrule *rules;
	size_t nrules;
	struct xrule *remarks;  /* reason rules for the remarks */
	size_t nremarks;
	regex_t collectors;     /* creditors that are collectors, */
	int has_collectors;     /* when this is 1 */
	const struct xlayout *common;   /* NULL for common.yaml itself */
};

struct cc_extract_layouts {
	struct xlayout common;
	struct xlayout vocab;     /* labels.yaml: the vocabulary of labels */
	struct xlayout generic;   /* the vocabulary's labels and every blocks
				     layout's: unknown reports */
	struct xlayout *v;
	struct xlayout *hinted;   /* generic with each of v[] as a hint */
	size_t n;
};

/* The column heading of an account table that norm (x_norm()'d) is,
 * or NULL (the generic layouts' only). */
const struct xcolname *x_column(const struct xlayout *L, const char *norm);
/* The same, norm with its spaces taken out, as OCR may read a heading. */
const struct xcolname *x_column_tight(const struct xlayout *L, const char *norm);

/* The type (enum xtype) of field f's values (layout.c). */
int x_field_type(int f);

/* The leading decimal number of s (atoi is banned: it cannot fail). */
static inline int x_int(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

/*
 * Room for one more element in the array p of n elements of size bytes,
 * grown only by x_grow: its room is the power of two from n up, doubled
 * when full, so that n appends cost O(n) with any allocator.
 */
static inline void *x_grow(void *p, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		p = cc_xreallocarray(p, n ? 2 * n : 1, size);
	return p;
}

/* Lower case ASCII, white space runs made one space, trimmed, a final ':'
 * and the spaces before it dropped.  Returns a new string. */
char *x_norm(const char *s);

/* Look key up in the layout's map m (offset of the xmap in struct
 * xlayout), then in common.yaml's.  NULL when absent. */
const char *x_lookup(const struct xlayout *L, size_t m, const char *key);
#define X_LOOKUP(L, member, key) \
	x_lookup((L), offsetof(struct xlayout, member), (key))

#endif
