/*
 * run.h -- a record filter's run: its stage over the input, on --jobs
 * threads, with records on stdout and diagnostics on stderr.  The tool
 * layer: this prints.
 */
#ifndef CC_RUN_H
#define CC_RUN_H

#include "stage/stage.h"
#include "tool/opt.h"

struct cc_run_opts {
	const char *const *sources;  /* NDJSON input ("-" or none: stdin) */
	int nsources;
	json_t *const *items;        /* or, when not NULL, these records */
	size_t nitems;
	size_t max_record;           /* input.max_record */
	int jobs;                    /* threads; 0: one per CPU */
	int strict;                  /* stop at the first rejection */
	int unbuffered;              /* flush after each unit's output */
	int progress;                /* 1 on, 0 off, -1 when stderr is a tty */
	unsigned long total;         /* progress: how many units, 0 unknown */
	FILE *out;                   /* where the records go; NULL: stdout */
};

/*
 * Run stage over the input: records to stdout, each rejection as an
 * error record and a diagnostic ("prog: FILE:LINE: message"), warnings
 * and fatal errors as diagnostics, progress when asked.  Returns the
 * tool's exit status (exitcodes.h): 0, 1 when an input was rejected, the
 * status of a fatal error, 74 when the output failed; stdout is flushed
 * and closed (cc_finish_stdout) unless it failed, another output
 * flushed (its caller closes it).
 */
int cc_tool_run(const struct cc_stage *stage, void *ctx,
		const struct cc_run_opts *o);

/* The number of threads for jobs (0: one per CPU, at most 256). */
int cc_tool_jobs(long jobs);

/*
 * A filter's run options from its command line and configuration: the
 * operands as sources, input.max_record, -j, --strict, --unbuffered and
 * --progress, the same way in every tool.
 */
void cc_run_opts_init(struct cc_run_opts *ro, const struct cc_opts *opt);

#endif
