/*
 * stage.h -- cc-extract as a stage of the pipeline (stage/stage.h): its
 * context and the counts of a run.
 */
#ifndef CC_EXTRACT_STAGE_H
#define CC_EXTRACT_STAGE_H

#include "extract/extract.h"
#include "stage/stage.h"

/* What a run read, over all its workers. */
struct cc_extract_stats {
	unsigned long docs;          /* documents read */
	unsigned long unknown;       /* of them, of no layout known */
	unsigned long tradelines, inquiries, public_records;
	unsigned long uncertain;     /* fields listed as uncertain */
};

struct cc_extract_ctx;

/*
 * The context of a run over the layouts L (borrowed: they must outlive
 * it) and the options o (copied); keep_pages passes page records
 * through.  Free with cc_extract_ctx_free() after the run.
 */
struct cc_extract_ctx *cc_extract_ctx_new(const struct cc_extract_layouts *L,
					  const struct cc_extract_opts *o,
					  int keep_pages);
void cc_extract_ctx_free(struct cc_extract_ctx *x);

/* The counts so far (complete once the run's workers are freed). */
void cc_extract_ctx_stats(struct cc_extract_ctx *x, struct cc_extract_stats *s);

/* Grouped by document; a tick per document read. */
extern const struct cc_stage cc_extract_stage;

#endif
