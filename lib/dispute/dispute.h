/*
 * dispute.h -- decide what to dispute, and why, under the FCRA: the
 * `dispute` records of cc-dispute(1) (cc-records(5)) from the `consumer`
 * and `tradeline` records of cc-extract.
 *
 * Two objects.  The rules (struct cc_dispute_rules) say which reasons are
 * on, how many items a dispute may hold, which negatives to skip, the
 * bureaus' addresses and the wording of each reason: YAML files, the
 * installed default and optionally a site's file read over it.  A run
 * (struct cc_dispute) holds every document, consumer and tradeline record
 * it is given, the analyst's selections and the earlier disputes, and at
 * the end hands out the dispute records.
 *
 * Nothing here prints or exits: errors come back in struct cc_error, and
 * what the caller should warn about is kept for it to print.
 */
#ifndef CC_DISPUTE_H
#define CC_DISPUTE_H

#include <jansson.h>

#include "base/error.h"

/* The reasons, strongest first: an item's reason_code is the strongest of
 * its reasons, the consumer's own (the first three) before any other. */
enum cc_dispute_reason {
	CC_DR_NOT_MINE,
	CC_DR_IDENTITY_THEFT,
	CC_DR_OTHER,
	CC_DR_OBSOLETE,
	CC_DR_DUPLICATE,
	CC_DR_MISMATCH,
	CC_DR_PAID_BALANCE,
	CC_DR_HISTORY,
	CC_DR_UNVERIFIABLE,
	CC_DR_MISSING_LIMIT,
	CC_DR_NOT_MARKED,
	CC_DR_COUNT
};

/* "not_mine", "cross_bureau_mismatch", ...; NULL out of range. */
const char *cc_dispute_reason_name(int r);
/* The reason of a name, or -1. */
int cc_dispute_reason_of(const char *name);

/* What an item asks the bureau to do, as its "action" writes it. */
#define CC_DISPUTE_ACTION_COUNT 3
/* "delete", "correct", "verify"; NULL out of range. */
const char *cc_dispute_action_name(int a);

/* --- rules --------------------------------------------------------------- */

struct cc_dispute_rules;

/*
 * New rules holding the built-in settings only: every reason on, the
 * actions of cc-dispute(1), no cap on items, nothing skipped, and no
 * texts or addresses (which the installed rules file gives).  The caller
 * owns them; free with cc_dispute_rules_free().
 */
struct cc_dispute_rules *cc_dispute_rules_new(void);
void cc_dispute_rules_free(struct cc_dispute_rules *R);

/*
 * Read the rules file at path over R: what it sets replaces what R had.
 * 0; CC_ERR_NOINPUT ("rules.open") when it cannot be opened; CC_ERR_CONFIG
 * ("rules.invalid") with the file and line when it is not valid YAML or
 * not valid rules.  On an error R is left partly read: free it.
 */
int cc_dispute_rules_load(struct cc_dispute_rules *R, const char *path,
			  struct cc_error *e);

/*
 * The rules of a run: the file at installed (the defaults cc ships),
 * then, when site is not NULL, the site's file over it, then checked
 * (cc_dispute_rules_check).  NULL with e filled as those say.
 */
struct cc_dispute_rules *cc_dispute_rules_read(const char *installed,
					       const char *site,
					       struct cc_error *e);

/*
 * Check that R is complete, once every file is read: a text for every
 * reason and a name and address lines for every bureau.  0, or
 * CC_ERR_CONFIG ("rules.invalid") naming what is missing and the file
 * last read.
 */
int cc_dispute_rules_check(const struct cc_dispute_rules *R, struct cc_error *e);

/* --- a run --------------------------------------------------------------- */

struct cc_dispute_opts {
	int round;               /* 1, 2, ... */
	char as_of[11];          /* "today", YYYY-MM-DD */
	char created_at[21];     /* YYYY-MM-DDThh:mm:ssZ */
	const char *previous_date; /* YYYY-MM-DD of the earlier dispute, or NULL */
};

/*
 * What every run of cc-dispute shares: the rules (borrowed: R must
 * outlive it), the options, the analyst's selections and the earlier
 * disputes, and the counts of every run.  Read-only while runs work
 * (they may be on several threads).  Free with cc_dispute_ctx_free().
 */
struct cc_dispute_ctx;

struct cc_dispute_ctx *cc_dispute_ctx_new(const struct cc_dispute_rules *R,
					  const struct cc_dispute_opts *o);
void cc_dispute_ctx_free(struct cc_dispute_ctx *x);

/*
 * Read the analyst's selection file: NDJSON lines, or a YAML list, of
 * {"tradeline": ID, "reason_code": "not_mine"|"identity_theft"|"other",
 * "reason": TEXT, "action": "delete"|"correct"|"verify"}.  0;
 * CC_ERR_NOINPUT ("select.open"); CC_ERR_CONFIG ("select.invalid") with
 * the file and line.  Before any run.
 */
int cc_dispute_ctx_select_load(struct cc_dispute_ctx *x, const char *path,
			       struct cc_error *e);

/*
 * An earlier dispute record (from --previous; the context takes its own
 * reference).  0, or CC_ERR_CONFIG ("previous.invalid") when it has no
 * known bureau, no integer round or no created_at date, or an applicant
 * other than 1 or 2.  Before any run.
 */
int cc_dispute_ctx_previous_add(struct cc_dispute_ctx *x, json_t *rec,
				struct cc_error *e);

/*
 * Read the earlier dispute records of the NDJSON file at path (other
 * kinds are passed over) with cc_dispute_ctx_previous_add().  0;
 * CC_ERR_NOINPUT ("input.open") when it cannot be opened;
 * CC_ERR_CONFIG ("previous.invalid") for a line that is not a record or
 * a dispute record that cannot be used, with the file and line.
 */
int cc_dispute_ctx_previous_load(struct cc_dispute_ctx *x, const char *path,
				 struct cc_error *e);

/*
 * After every run: when the i-th selection (of cc_dispute_ctx_
 * nselections()) is of a tradeline no run was given, the error to reject
 * it with, in e ("select.unknown", the selection file and line); else
 * NULL.
 */
size_t cc_dispute_ctx_nselections(const struct cc_dispute_ctx *x);
const struct cc_error *cc_dispute_ctx_unused(const struct cc_dispute_ctx *x,
					     size_t i, struct cc_error *e);

struct cc_dispute_info {
	size_t groups;           /* consumers (owners or documents) seen */
	size_t disputes;         /* dispute records handed out */
	size_t items;            /* items in them */
	size_t deferred;         /* items left out by the cap ("defer") */
};

/* The counts of every run finished so far. */
void cc_dispute_ctx_info(struct cc_dispute_ctx *x, struct cc_dispute_info *info);

/*
 * A run: the records of one consumer or more, and their disputes.  A new
 * run over the context x (borrowed: x must outlive it).  Free with
 * cc_dispute_free().
 */
struct cc_dispute;

struct cc_dispute *cc_dispute_new(struct cc_dispute_ctx *x);
void cc_dispute_free(struct cc_dispute *d);

/*
 * Give the run one input record (the run takes its own reference).
 * "document", "consumer" and "tradeline" records are kept; others are
 * ignored.  0, or CC_ERR_DATA ("record.invalid") for a consumer or
 * tradeline that cannot be used: without a string "doc" (and, for a
 * tradeline, "id"), naming a bureau that is not one of the three, a
 * consumer's "applicant" not 1 or 2 (or null), a tradeline's
 * "applicants" not null or a list of 1 and 2, or with a NUL character in a field that names something (id, doc,
 * owner, bureau, creditor, account_mask, name, ssn_last4, ...; a
 * document record too).
 */
int cc_dispute_add(struct cc_dispute *d, json_t *rec, struct cc_error *e);

typedef int (*cc_dispute_emit_fn)(json_t *rec, void *arg);

/*
 * Work out every dispute and hand each record to emit, which takes the
 * reference, in a fixed order: consumers in the order their first record
 * came (a co-applicant right after the applicant of the report that first
 * names them), bureaus equifax, experian, transunion, then parts.  Returns 0 or
 * the first negative value emit returned.
 */
int cc_dispute_finish(struct cc_dispute *d, cc_dispute_emit_fn emit, void *arg,
		      struct cc_dispute_info *info);

/*
 * After cc_dispute_finish(): the problems found, for the caller to
 * report: warnings (a tradeline with no bureau to send it to, items left
 * for another round).  NULL past the end.
 */
const char *cc_dispute_warning(const struct cc_dispute *d, size_t i);

/* --- pieces exposed for the unit tests ----------------------------------- */

/*
 * Do two creditor names as printed name the same creditor?  Their words
 * (runs of letters and digits, in any case) are compared: the shorter
 * list must be the start of the longer, its last word possibly cut short
 * (a name truncated by the report).
 */
int cc_dispute_same_creditor(const char *a, const char *b);

#endif
