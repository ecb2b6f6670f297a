/*
 * stage.c -- cc-dispute as a stage (stage.h): a consumer's records are
 * one group, passed through as they come; at the group's end its
 * disputes are worked out and written.  So disputes follow the records
 * they rest on, and the next stage (cc-letter) starts on them while
 * the rest of the input is still being read; memory holds one consumer
 * per worker, not the input.
 */
#include "base/cc.h"
#include "dispute/stage.h"

/* A worker: the consumer being gathered, a run of its own. */
struct worker {
	struct cc_dispute *d;
};

static void *w_new(void *ctx, struct cc_error *e)
{
	(void)ctx; (void)e;
	return cc_xcalloc(1, sizeof(struct worker));
}

static void w_free(void *ctx, void *arg)
{
	struct worker *w = arg;

	(void)ctx;
	cc_dispute_free(w->d);
	free(w);
}

static int w_record(void *ctx, void *arg, const struct cc_record *rec,
		    int part, struct cc_out *out)
{
	struct worker *w = arg;
	struct cc_error e;
	int rc;

	(void)part;
	if ((rc = cc_out_pass(out, rec)) != 0)
		return rc;
	if (!w->d)
		w->d = cc_dispute_new(ctx);
	if (cc_dispute_add(w->d, rec->obj, &e) < 0) {
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, json_string_value(
					     json_object_get(rec->obj, "doc")));
	}
	return 0;
}

static int emit(json_t *rec, void *arg)
{
	return cc_out_record(arg, rec);
}

static int w_finish(void *ctx, void *arg, struct cc_out *out)
{
	struct worker *w = arg;
	const char *msg;
	size_t i;
	int rc;

	(void)ctx;
	if (!w->d)
		return 0;
	rc = cc_dispute_finish(w->d, emit, out, NULL);
	for (i = 0; rc == 0 && (msg = cc_dispute_warning(w->d, i)) != NULL; i++)
		cc_out_warn(out, "%s", msg);
	cc_out_tick(out);
	cc_dispute_free(w->d);
	w->d = NULL;
	return rc;
}

/* The selections of tradelines no consumer had. */
static int w_done(void *ctx, struct cc_out *out)
{
	struct cc_error e;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < cc_dispute_ctx_nselections(ctx); i++)
		if (cc_dispute_ctx_unused(ctx, i, &e))
			rc = cc_out_reject(out, &e, NULL);
	return rc;
}

const struct cc_stage cc_dispute_stage = {
	.name = "dispute", .group = CC_GROUP_CONSUMER, .unit = "consumers",
	.new = w_new, .free = w_free, .record = w_record, .finish = w_finish,
	.done = w_done,
};

/* the same, the whole input one group */
const struct cc_stage cc_dispute_stage_ungrouped = {
	.name = "dispute", .group = CC_GROUP_ALL, .unit = "inputs",
	.new = w_new, .free = w_free, .record = w_record, .finish = w_finish,
	.done = w_done,
};
