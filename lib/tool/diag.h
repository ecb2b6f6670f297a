/*
 * diag.h -- diagnostics on stderr, for cmd/ only.
 *
 * The one part of lib/ that prints, kept apart so the rest of lib/ can
 * stay silent.  Format (HACKING.md, Diagnostics): "prog: source:line: message",
 * lowercase, no trailing period, the subject quoted.  Nothing secret ever
 * goes through here: callers pass masked values only.
 */
#ifndef CC_DIAG_H
#define CC_DIAG_H

#include <stdio.h>

#include "base/error.h"

/* Set the program name used as the prefix (basename of argv[0]). */
void cc_diag_init(const char *argv0);
const char *cc_diag_prog(void);

void cc_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cc_warn_at(const char *source, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print e as "prog: source:line: msg". */
void cc_warn_error(const struct cc_error *e);
/* Print and exit with status. */
void cc_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
/* "prog: msg\nTry 'prog --help' for more information.\n", exit 2. */
void cc_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/*
 * Progress on stderr: shown when enabled is 1, or when it is -1 (auto) and
 * stderr is a terminal.  Updates at most ten times a second.
 */
struct cc_progress {
	int on;
	const char *what;
	unsigned long done, total;
	double last;
};
void cc_progress_init(struct cc_progress *p, int enabled, const char *what,
		      unsigned long total);
void cc_progress_tick(struct cc_progress *p, unsigned long done);
void cc_progress_end(struct cc_progress *p);

/*
 * How bad an exit status is, to keep the worst of several: 0 < 1 < 75
 * (retry) < 69 (unavailable) < 74 (I/O error) < the rest.
 */
int cc_exit_rank(int status);

/*
 * Reject one input: print the diagnostic, write an `error` record for
 * stage to stdout, and raise *status to the input's exit status (the worst
 * by cc_exit_rank(); input that cannot be opened counts as rejected).  0, or CC_ERR_IO when stdout fails.
 */
int cc_reject(const char *stage, const struct cc_error *e, const char *doc,
	      int *status);

/*
 * Flush and close stdout; on failure print a diagnostic and return
 * CC_EXIT_IOERR, else status unchanged.  Every tool ends with it.
 */
int cc_finish_stdout(int status);

#endif
