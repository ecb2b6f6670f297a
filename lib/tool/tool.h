/*
 * stream.h -- the record loop every filter runs (cmd/ side: it prints).
 *
 * Reads records from the sources, hands each good one to a callback, and
 * rejects each bad line the same way in every tool: a diagnostic
 * "prog: FILE:N: message" on stderr, an `error` record on stdout, and
 * exit status 1 at the end (or a stop at the first one with strict).
 */
#ifndef CC_STREAM_H
#define CC_STREAM_H

#include "config/config.h"
#include "record/record.h"

struct cc_stream_opts {
	const char *stage;     /* "ocr", "extract", ... for error records */
	int strict;            /* stop at the first bad record */
	size_t max_record;     /* 0: CC_RECORD_MAX_DEFAULT */
};

/*
 * Called for every good record.  The callback writes what it emits
 * (passing the record through with cc_write_raw() is its job, so it can
 * choose the order); it may raise *status with cc_reject().  Returns 0 to
 * go on, CC_ERR_IO to stop because stdout failed, or another negative
 * cc_err to stop with its exit status (the callback has said why).  A NULL callback passes
 * every record through unchanged.
 */
typedef int (*cc_record_fn)(struct cc_record *rec, void *arg, int *status);

/* Run the loop; returns the tool's exit status (exitcodes.h). */
int cc_stream_run(const char *const *sources, int n,
		  const struct cc_stream_opts *o, cc_record_fn fn, void *arg);

/*
 * Set up a tool's configuration: defaults, the config file (config_path,
 * or the search of cc.yaml(5)), CC_* variables, then the flags.  On an
 * error it prints the diagnostic and exits: 65 for a bad file or
 * variable, 66 for a file that cannot be opened, 2 for a bad flag.
 */
void cc_tool_config(struct cc_config *cfg, const char *config_path,
		    const struct cc_config_flags *flags);

/*
 * A setting out of range: a usage error (exit 2) when it came from a
 * flag, else a config error (exit 65) naming where it came from.
 */
void cc_tool_bad_setting(const struct cc_config *cfg, const char *key,
			 const char *range) __attribute__((noreturn));

/* A file the program ships, BIN/../share/cc/SUB (newly allocated). */
char *cc_tool_datafile(const char *sub);

/* Make argv[0] the bare tool name, so getopt's messages match ours. */
void cc_tool_init(int argc, char **argv);

#endif
