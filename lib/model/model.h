/*
 * model.h -- the credit vocabulary every part of cc shares: the bureaus,
 * the report layouts, the negative reasons, the payment history codes,
 * the Metro 2 account statuses, account masks and the tradeline id.
 *
 * One table of each, in one order.  Records (cc-records(5)), the dispute
 * rules, the letters and, later, the database's enumerations, the export
 * columns and the service's JSON take their names from here; no other
 * file spells a list of them again.  Dates are in model/date.h, the
 * normalisers of printed values in model/normalize.h.
 */
#ifndef CC_MODEL_H
#define CC_MODEL_H

#include <stddef.h>

/* --- bureaus ------------------------------------------------------------- */

/*
 * The three nationwide consumer reporting agencies, in the one order cc
 * lists them in everywhere: a tradeline's repositories, the disputes of
 * a consumer, the letters.
 */
enum cc_bureau { CC_EQUIFAX, CC_EXPERIAN, CC_TRANSUNION, CC_BUREAU_COUNT };

struct cc_bureau_info {
	const char *id;            /* "equifax", as records write it */
	const char *name;          /* "Equifax", as people write it */
	const char *report_label;  /* what its report calls its number */
	/* where disputes go (15 U.S.C. 1681i), NULL-ended: the built-in
	 * default; cc-dispute's rules file may give another */
	const char *address[4];
};

extern const struct cc_bureau_info cc_bureaus[CC_BUREAU_COUNT];

/* The bureau of an id ("experian"), or -1. */
int cc_bureau_of(const char *id);
/* The id of bureau b, or NULL out of range. */
const char *cc_bureau_id(int b);

/* --- report layouts ------------------------------------------------------ */

/* The report families cc-synth draws and cc-extract knows by name. */
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
/* The name of a layout, "unknown" out of range. */
const char *cc_layout_name(int layout);

/* --- negative reasons ---------------------------------------------------- */

/* Why a tradeline is negative, in the order of a record's "reasons". */
enum cc_reason {
	RS_LATE_30, RS_LATE_60, RS_LATE_90, RS_LATE_120, RS_LATE_150,
	RS_LATE_180, RS_CHARGE_OFF, RS_COLLECTION, RS_REPOSSESSION,
	RS_SURRENDER, RS_FORECLOSURE, RS_SETTLED, RS_BANKRUPTCY, RS_DEFAULT,
	RS_GOVERNMENT_CLAIM, RS_COUNT,
};

/* "late_30", ...; "unknown" out of range. */
const char *cc_reason_name(int r);
/* The reason of a name, or -1. */
int cc_reason_of(const char *name);
/* The bits (1 << reason) of the reasons whose removal date runs from
 * 180 days after the date of first delinquency: charge-off, collection. */
#define CC_REASONS_180_DAYS ((1u << RS_CHARGE_OFF) | (1u << RS_COLLECTION))

/* --- payment history codes ----------------------------------------------- */

/* A month of a payment history, as a record's "history" writes it. */
enum cc_hist {
	HC_OK, HC_30, HC_60, HC_90, HC_120, HC_150, HC_180, HC_CO, HC_C,
	HC_F, HC_VS, HC_R, HC_B, HC_ND, HC_COUNT,
};

/* "OK", "30", ..., "ND"; "ND" out of range. */
const char *cc_hist_code(int c);
/* The code of a name, or -1. */
int cc_hist_of(const char *s);

/* --- Metro 2 account statuses -------------------------------------------- */

/*
 * The Metro 2 account status of an account now delinquent days days
 * (30 to 180 and over): "71", "78", "80", "82", "83" or "84".
 */
const char *cc_metro2_late(int days);

/* --- the enumerations of records --------------------------------------- */

/*
 * The values a field of a record may take (cc-records(5)), each table in
 * its order; the database's CHECK constraints list the same values
 * (lib/store, tests/t1000-db.sh holds them to these tables).
 */

/* A tradeline's "type": what kind of credit the account is. */
enum cc_account_type {
	CC_AT_REVOLVING, CC_AT_OPEN, CC_AT_INSTALLMENT, CC_AT_MORTGAGE,
	CC_AT_COLLECTION, CC_AT_OTHER, CC_AT_COUNT,
};
extern const char *const cc_account_types[CC_AT_COUNT];

/* A tradeline's "loan_type": its detailed type. */
enum cc_loan_type {
	CC_LT_CREDIT_CARD, CC_LT_CHARGE_CARD, CC_LT_AUTO, CC_LT_STUDENT,
	CC_LT_MORTGAGE, CC_LT_HELOC, CC_LT_PERSONAL, CC_LT_COLLECTION,
	CC_LT_MEDICAL, CC_LT_COUNT,
};
extern const char *const cc_loan_types[CC_LT_COUNT];

/* A tradeline's "responsibility": who owes the account. */
enum cc_responsibility {
	CC_RESP_INDIVIDUAL, CC_RESP_JOINT, CC_RESP_AUTHORIZED_USER,
	CC_RESP_COSIGNER, CC_RESP_COUNT,
};
extern const char *const cc_responsibilities[CC_RESP_COUNT];

/* An inquiry's "type". */
enum cc_inquiry_type { CC_INQ_HARD, CC_INQ_SOFT, CC_INQ_COUNT };
extern const char *const cc_inquiry_types[CC_INQ_COUNT];

/* A public_record's "type". */
enum cc_public_record_type {
	CC_PR_BANKRUPTCY_7, CC_PR_BANKRUPTCY_13, CC_PR_JUDGMENT,
	CC_PR_TAX_LIEN, CC_PR_COUNT,
};
extern const char *const cc_public_record_types[CC_PR_COUNT];

/* --- dispute status -------------------------------------------------------- */

/*
 * Where a dispute stands, from its draft to the bureau's answer: the
 * "status" of a dispute record (cc-dispute writes "draft") and of the
 * database's disputes, whose allowed changes the database itself
 * enforces (cc-db(1), DISPUTE STATUS).
 */
enum cc_dispute_status {
	CC_DS_DRAFT, CC_DS_READY, CC_DS_SENT, CC_DS_BUREAU_RECEIVED,
	CC_DS_INVESTIGATING, CC_DS_VERIFIED, CC_DS_UPDATED, CC_DS_DELETED,
	CC_DS_REJECTED, CC_DS_ESCALATED, CC_DS_EXPIRED, CC_DS_COUNT,
};
extern const char *const cc_dispute_statuses[CC_DS_COUNT];
/* The status of a name ("bureau_received"), or -1. */
int cc_dispute_status_of(const char *name);

/* --- accounts ------------------------------------------------------------- */

/*
 * An account mask as cc shows it in disputes and letters, newly
 * allocated (NULL for NULL): as printed when it shows four digits at
 * most, or is a real mask (four characters masked or more) that shows
 * no more than ten digits; else every character but the last four
 * becomes X.
 */
char *cc_mask_shown(const char *mask);

/*
 * 1 when two account masks may be the same account: the digits they both
 * show agree at the start and at the end (and, when of one length, at
 * every place); a NULL mask agrees with any.
 */
int cc_mask_compatible(const char *a, const char *b);

/*
 * The stable tradeline id: the first 16 hex digits of the SHA-256 of doc,
 * bureau, creditor, account_mask and opened, each followed by a newline
 * (a null as the empty string).
 */
void cc_tradeline_id(const char *doc, const char *bureau, const char *creditor,
		     const char *account_mask, const char *opened,
		     char id[17]);

#endif
