/*
 * stage.h -- cc-dispute as a stage of the pipeline (stage/stage.h).
 */
#ifndef CC_DISPUTE_STAGE_H
#define CC_DISPUTE_STAGE_H

#include "dispute/dispute.h"
#include "stage/stage.h"

/*
 * Its context is a struct cc_dispute_ctx.  Grouped by consumer: at the
 * end of a consumer's records, its disputes (a tick per consumer); at
 * the end of the input, a rejection for each selection of a tradeline
 * that was not in it.
 */
extern const struct cc_stage cc_dispute_stage;

/* The same over input in no useful order: every record held, every
 * dispute worked out at its end, on one thread (--ungrouped). */
extern const struct cc_stage cc_dispute_stage_ungrouped;

#endif
