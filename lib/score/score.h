/*
 * score.h -- how well extracted records match the truth (cc-score(1)).
 *
 * The truth is what cc-synth(1) writes beside its reports: one
 * `synth_report` record per PDF, then the `consumer`, `tradeline`,
 * `inquiry` and `public_record` records a perfect cc-extract would emit.
 * The caller feeds every truth record, then every extracted record, then
 * asks for the score: tradelines are paired per document (same bureau,
 * same creditor up to case and punctuation, compatible account masks),
 * the scored fields of each pair compared as JSON values, and the counts
 * summed per layout and overall.  Consumers are paired on their bureau
 * and applicant, and their fields compared likewise; inquiries and
 * public records are matched on a key.  The rules are in cc-score(1).
 *
 * Nothing here prints: the summary and the misses are JSON records, the
 * table a string, all for the caller to write.
 */
#ifndef CC_SCORE_H
#define CC_SCORE_H

#include <jansson.h>

/* The tradeline fields scored, in the order of the summary's by_field. */
#define CC_SCORE_NFIELDS 26
extern const char *const cc_score_fields[CC_SCORE_NFIELDS];

/* The consumer fields scored, in the order of consumers.fields.by_field. */
#define CC_SCORE_NCFIELDS 6
extern const char *const cc_score_consumer_fields[CC_SCORE_NCFIELDS];

struct cc_score_opts {
	int all;        /* score every document of the truth, not only
			   those seen in the extracted input */
};

/* The counts of one layout, or of all. */
struct cc_score_sum {
	long docs;
	long tl_truth, tl_extracted, tl_matched;
	long field_correct[CC_SCORE_NFIELDS];  /* out of tl_matched each */
	long neg_truth, neg_extracted, neg_tp;  /* over matched pairs */
	long neg_missed;   /* negative truth tradelines left unmatched */
	long inq_truth, inq_extracted, inq_matched;
	long pub_truth, pub_extracted, pub_matched;
	long con_truth, con_extracted, con_matched;
	long con_field_correct[CC_SCORE_NCFIELDS];  /* out of con_matched */
};

struct cc_score;

/* A new, empty scorer; the caller frees it with cc_score_free(). */
struct cc_score *cc_score_new(const struct cc_score_opts *o);
void cc_score_free(struct cc_score *s);

/*
 * Feed one record (borrowed; what is needed is copied).  Every truth
 * record must come before the first extracted one.  Records without a
 * string "doc" are ignored, and so are kinds that are not scored, except
 * that in the extracted input any record with a doc (a `document` or an
 * `error`, say) marks that document as one to score.
 */
void cc_score_add_truth(struct cc_score *s, json_t *rec);
void cc_score_add_extracted(struct cc_score *s, json_t *rec);

/* 1 when the truth held a synth_report or a tradeline record, else 0. */
int cc_score_truth_usable(const struct cc_score *s);

/* Pair and count; call once, after the last record. */
void cc_score_compute(struct cc_score *s);

/*
 * The headline figures after cc_score_compute(), rounded to 6 decimals
 * as the summary prints them; -1 when undefined (a zero denominator).
 */
struct cc_score_totals {
	long docs;            /* documents scored */
	long unknown_docs;    /* documents of the extraction not in the truth */
	double field_accuracy, recall, precision;
};
void cc_score_totals(const struct cc_score *s, struct cc_score_totals *t);

/* The summary, a `score` record; a new reference. */
json_t *cc_score_summary(const struct cc_score *s);

/*
 * Call fn for every miss, a `score_miss` record (borrowed: fn must take a
 * reference to keep it), in document order.  Stops and returns what fn
 * returned when that is not 0; else 0.
 */
typedef int (*cc_score_miss_fn)(json_t *miss, void *arg);
int cc_score_misses(const struct cc_score *s, cc_score_miss_fn fn, void *arg);

/* The readable table, lines ending in newlines; the caller frees it. */
char *cc_score_table(const struct cc_score *s);

/* Exposed for tests and for cc-extract's own checks. */
/* A creditor or reference for comparison: upper case, each run of
 * blanks and ASCII punctuation one space, trimmed.  Caller frees. */
char *cc_score_norm_name(const char *s);
/* 1 when two account masks can be the same account (cc-score(1)). */
int cc_score_mask_compatible(const char *a, const char *b);

#endif
