/*
 * driver.h -- run a stage over a stream of records on N threads, its
 * output in input order: what every record filter runs (cc-ocr,
 * cc-extract, ...).
 *
 * The calling thread reads the input and cuts it into lines; worker
 * threads parse the lines and work the stage's groups, parts and records
 * (each worker with one worker object of the stage, stage.h); one writer
 * thread hands each unit's output, in input order, to a sink.  At most a
 * few units per thread are held at once, so memory stays that of the
 * largest group (a document's pages, a consumer's records) times the
 * threads, however long the input.  With one job, everything happens in
 * the calling thread, in order, with no thread started (the mode to use
 * under GNU parallel, which runs one process per core).
 *
 * The driver never prints: what it writes goes to the sink (lib/tool/
 * run.c writes records to stdout and diagnostics to stderr).
 */
#ifndef CC_DRIVER_H
#define CC_DRIVER_H

#include "stage/stage.h"

struct cc_sink_ops {
	/* record lines, newline-terminated */
	int (*write)(void *arg, const char *text, size_t len);
	/* reject an input (an error record and a diagnostic); 0 to go
	 * on, 1 to stop (--strict), CC_ERR_IO */
	int (*reject)(void *arg, const char *stage, const struct cc_error *e,
		      const char *doc);
	void (*warn)(void *arg, const char *msg);
	/* the run stops (after this) */
	void (*fatal)(void *arg, const struct cc_error *e);
	/* n units of progress done so far */
	void (*progress)(void *arg, unsigned long n);
	/* after each unit's output (--unbuffered flushes); 0 or CC_ERR_IO */
	int (*flush)(void *arg);
};

struct cc_driver_opts {
	/* the input: NDJSON from sources[0..nsources) ("-" or none: stdin) */
	const char *const *sources;
	int nsources;
	size_t max_record;          /* longest line (0: the default) */
	/* or, when items is not NULL, these records, in this order */
	json_t *const *items;
	size_t nitems;
	int jobs;                   /* worker threads; 1 or less: none */
	int one_by_one;             /* no threads, and each record worked
				     * and written before the next is */
	const struct cc_sink_ops *sink;
	void *sink_arg;
};

/*
 * Run stage (with its context ctx) over the input.  Returns 0 when the
 * input was read to its end, 1 when the sink or the stage stopped the
 * run, CC_ERR_IO when the sink's output failed, or the negative cc_err
 * of a worker that could not be made (e filled).
 */
int cc_driver_run(const struct cc_stage *stage, void *ctx,
		  const struct cc_driver_opts *o, struct cc_error *e);

#endif
