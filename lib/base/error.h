/*
 * error.h -- how lib/ reports failure.
 *
 * lib/ never prints and never exits.  An action function returns 0 on
 * success or a negative enum cc_err value, and fills the caller's
 * struct cc_error with a machine-readable id ("pdf.encrypted"), a message
 * for people, and where the problem was (source and line) when known.
 * The tool turns that into a diagnostic, an error record, an exit status.
 */
#ifndef CC_ERROR_H
#define CC_ERROR_H

#include <stddef.h>

enum cc_err {
	CC_ERR_DATA = -1,        /* this input is bad; reject it, go on */
	CC_ERR_IO = -2,          /* reading or writing failed */
	CC_ERR_CONFIG = -3,      /* configuration unusable */
	CC_ERR_USAGE = -4,       /* caller passed something meaningless */
	CC_ERR_UNAVAILABLE = -5, /* a service or data set is missing */
	CC_ERR_NOINPUT = -6,     /* an input could not be found or opened */
	CC_ERR_TEMP = -7,        /* temporary; retry may succeed */
	CC_ERR_RESOURCE = -8,    /* out of memory or another resource: this
				  * input could not be finished here, a retry
				  * with more may succeed ("resource.memory") */
};

struct cc_error {
	int code;           /* an enum cc_err, 0 when clear */
	char id[48];        /* e.g. "json.syntax", "pdf.encrypted" */
	char source[512];   /* file or stream name, "" when not known */
	long line;          /* 1-based line in source, 0 when not known */
	char msg[1024];     /* lowercase, no trailing period */
};

void cc_error_clear(struct cc_error *e);

/* Fill e and return code, so callers can write `return cc_error_set(...)`. */
int cc_error_set(struct cc_error *e, int code, const char *id,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Record where the error happened (source may be NULL). */
void cc_error_at(struct cc_error *e, const char *source, long line);

/*
 * The exit status (exitcodes.h) that matches an enum cc_err: the one
 * mapping every tool uses.  DATA 1, IO 74, CONFIG 65, USAGE 2,
 * UNAVAILABLE 69, NOINPUT 66, TEMP and RESOURCE 75.
 */
int cc_error_exit_status(int code);

/*
 * lib/ cannot go on: out of memory in a cc_x* allocator, or a
 * programming error (a config key not declared...).  The message goes to
 * the handler the tool layer installed (which says so on stderr), then
 * the process aborts; lib/ itself never prints.
 */
void cc_fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
void cc_set_fatal_handler(void (*handler)(const char *msg));

#endif
