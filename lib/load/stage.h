/*
 * stage.h -- cc-load as a stage of the pipeline (stage/stage.h): records
 * stored in PostgreSQL, in batches (lib/store, load.c).
 */
#ifndef CC_LOAD_STAGE_H
#define CC_LOAD_STAGE_H

#include "stage/stage.h"
#include "store/store.h"

struct cc_load_opts {
	const char *owner;     /* whose rows (1 to 200 bytes) */
	size_t batch;          /* records a transaction, at least 1 */
};

struct cc_load_info {
	unsigned long records;   /* of the kinds stored, read */
	unsigned long stored;    /* of those, committed */
	unsigned long rejected;  /* of those, refused (by cc or the database) */
	unsigned long skipped;   /* of other kinds (page, error ...), passed over */
	unsigned long batches;   /* committed */
	unsigned long retries;   /* attempts made again (a lost connection) */
	long rows[CC_STORE_LOAD_TABLES];   /* written, per table */
};

struct cc_load_ctx;

/*
 * A load's context over st (borrowed; the context must be freed before
 * it is closed).  NULL with e filled for an owner that cannot be one
 * (CC_ERR_USAGE, "store.owner").
 */
struct cc_load_ctx *cc_load_ctx_new(struct cc_store *st,
				    const struct cc_load_opts *o,
				    struct cc_error *e);
/* Rolls back a batch not committed (a run that stopped). */
void cc_load_ctx_free(struct cc_load_ctx *x);
void cc_load_ctx_info(const struct cc_load_ctx *x, struct cc_load_info *out);

/*
 * Its context is a struct cc_load_ctx.  Ungrouped, on one worker (a
 * second is refused: the batches are the context's, committed in input
 * order, on the two connections lib/store takes turns on).  Each record of a kind stored is checked (its doc, the values
 * of its enumerations) and added to the batch, a batch committed when it
 * is full and at the end of the input; a record refused, here or by the
 * database, is rejected (an error record naming its line).  Writes no
 * other record.  A tick per record stored.
 */
extern const struct cc_stage cc_load_stage;

#endif
