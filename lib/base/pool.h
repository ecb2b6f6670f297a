/*
 * pool.h -- run n independent jobs on worker threads, and hand their
 * results back in job order, in the calling thread.
 *
 * Each worker gets its own state from init (a mupdf context, say), made
 * once and kept for the run.  At most a window of jobs runs ahead of the
 * one being emitted, so memory stays bounded however many jobs there are.
 */
#ifndef CC_POOL_H
#define CC_POOL_H

#include <stddef.h>

struct cc_pool_ops {
	/* per-worker state (may be NULL); called in the worker thread */
	void *(*init)(void *arg);
	void (*fini)(void *state, void *arg);
	/* do job i; the result is handed to emit (or to drop on a stop) */
	void *(*work)(size_t i, void *state, void *arg);
	/* called in job order in the calling thread; nonzero stops the run */
	int (*emit)(size_t i, void *result, void *arg);
	/* free a result that was never emitted (after a stop) */
	void (*drop)(void *result, void *arg);
};

/*
 * Run jobs 0..n-1 on `jobs` threads (1 or fewer: in the calling thread).
 * Returns 0, or the first nonzero value emit returned.
 */
int cc_pool_run(size_t n, int jobs, const struct cc_pool_ops *ops, void *arg);

#endif
