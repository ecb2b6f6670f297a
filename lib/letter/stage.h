/*
 * stage.h -- cc-letter as a stage of the pipeline (stage/stage.h).
 */
#ifndef CC_LETTER_STAGE_H
#define CC_LETTER_STAGE_H

#include "letter/letter.h"
#include "stage/stage.h"

/* What a run did, over all its workers. */
struct cc_letter_stats {
	unsigned long disputes, letters, pages, rejected;
};

struct cc_letter_ctx;

/*
 * The context of a run: the templates (borrowed: they must outlive it)
 * and the options (copied; o->dir must exist: cc_letter_output_dir()).
 * Free with cc_letter_ctx_free() after the run.
 */
struct cc_letter_ctx *cc_letter_ctx_new(const struct cc_letter_templates *T,
					const struct cc_letter_opts *o);
void cc_letter_ctx_free(struct cc_letter_ctx *x);
void cc_letter_ctx_stats(const struct cc_letter_ctx *x,
			 struct cc_letter_stats *s);

/* Ungrouped; a letter writer (mupdf context) per worker; a tick per
 * dispute. */
extern const struct cc_stage cc_letter_stage;

#endif
