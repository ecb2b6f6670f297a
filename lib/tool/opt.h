/*
 * opt.h -- a tool's command line, from one table (cmd/ side: it prints
 * and exits).
 *
 * A tool describes itself once, in a struct cc_opt_tool: its name, its
 * usage, its own options as rows of struct cc_opt, and which of the
 * options every tool shares it takes.  cc_opts_parse() makes getopt_long's
 * tables from that, prints --help and --version, sends every option that
 * has a config key to the configuration as a flag (so flags beat the
 * environment, which beats the file, which beats the defaults), checks
 * and keeps the values of the others for the tool, and loads the
 * configuration.  The shared options are defined once, in opt.c, so
 * they read and behave the same in every tool.
 */
#ifndef CC_OPT_H
#define CC_OPT_H

#include <stdio.h>

#include "config/config.h"

/* One option: a row of a tool's table. */
struct cc_opt {
	int short_name;          /* 'j', or 0 for a long option only */
	const char *long_name;   /* "jobs"; NULL ends a table */
	const char *arg;         /* its argument's name in --help ("N");
				  * NULL: it takes none */
	const char *key;         /* the config key it sets; NULL: a local
				  * option, whose value the tool asks for */
	const char *value;       /* what it sets when it takes no argument
				  * ("true" for a key, anything for a local
				  * option: the tool sees it given) */
	const char *help;        /* its line in --help, wrapped to fit; a
				  * '\n' breaks it where it stands */
	/* a local option only */
	const char *name;        /* its value is kept under name, so that two
				  * options can set one value (--progress,
				  * --no-progress); NULL: long_name */
	enum cc_cfg_type type;   /* its argument must be of type, as a config
				  * value (CC_CFG_STRING: anything) */
	long min, max;           /* CC_CFG_INT: and from min to max, when
				  * max > 0 */
};

/*
 * The shared options a tool takes.  -h, --help and --version every tool
 * takes; the rest every record filter takes (CC_OPT_FILTER), and a tool
 * that is not one, those that mean something for it.
 */
enum {
	CC_OPT_JOBS = 1 << 0,       /* -j, --jobs=N: SECTION.jobs, 0 to
				     * CC_JOBS_MAX, 0 one per CPU */
	CC_OPT_STATS = 1 << 1,      /* --stats: counts on stderr at the end */
	CC_OPT_STRICT = 1 << 2,     /* --strict: input.strict */
	CC_OPT_UNBUFFERED = 1 << 3, /* --unbuffered: output.unbuffered */
	CC_OPT_PROGRESS = 1 << 4,   /* --progress, --no-progress */
	CC_OPT_CONFIG = 1 << 5,     /* -c, --config=FILE; the tool reads the
				     * configuration */
	CC_OPT_FILTER = CC_OPT_JOBS | CC_OPT_STATS | CC_OPT_STRICT |
			CC_OPT_UNBUFFERED | CC_OPT_PROGRESS | CC_OPT_CONFIG,
};

/* A tool, as its --help shows it and cc_opts_parse() reads it. */
struct cc_opt_tool {
	const char *name;        /* "cc-ocr" */
	const char *synopsis;    /* after "usage: NAME ": "[options] [FILE ...]" */
	const char *about;       /* the paragraph under the usage line */
	const char *section;     /* its config section: -j sets SECTION.jobs;
				  * NULL: -j's value is the tool's own */
	unsigned common;         /* the shared options it takes, CC_OPT_* */
	const char *jobs_what;   /* -j: "pages" worked on at once */
	const char *stats_what;  /* --stats: print "page and cache counts" */
	const struct cc_opt *opts;  /* its own, ended by a NULL long_name */
	const char *epilogue;    /* after the options: notes, exit statuses */
	/* more for --version, written into buf ("mupdf 1.21.1"); NULL: none */
	void (*version)(char *buf, size_t size);
};

/* What cc_opts_parse() found. */
struct cc_opts {
	struct cc_config *cfg;   /* CC_OPT_CONFIG: the settings, loaded (the
				  * caller's), NULL without */
	int progress;            /* CC_OPT_PROGRESS: 1 --progress, 0
				  * --no-progress, -1 neither (when stderr
				  * is a terminal) */
	int stats;               /* CC_OPT_STATS: 1 with --stats */
	char **args;             /* the operands (optind is at the first) */
	int nargs;

	/* the engine's own */
	const struct cc_opt_tool *tool;
	struct cc_opt_table {
		struct cc_opt *rows;   /* the tool's, then the shared ones */
		char **flags;          /* "--LONG" of each row: config origins */
		size_t n;
		char *jobs_key, *jobs_help, *stats_help;
	} table;
	struct cc_opt_value {
		const char *name, *value;
	} *values;               /* the local options given, in order */
	size_t nvalues, avalues;
};

/*
 * Set up the tool (cc_tool_init()), parse argv by the tool's table, and,
 * for a tool that takes -c, load the configuration into cfg (defaults,
 * file, environment, then the options': release it with
 * cc_config_release()); cfg is NULL for a tool without one.  It does not
 * return after --help or --version (exit 0), a bad option or a bad value
 * given to one (usage error, exit 2: "Try 'NAME --help' for more
 * information."), or a bad configuration (exit 65; 66 when the file
 * cannot be opened).  Release o with cc_opts_release().
 */
void cc_opts_parse(struct cc_opts *o, const struct cc_opt_tool *tool,
		   int argc, char **argv, struct cc_config *cfg);
void cc_opts_release(struct cc_opts *o);

/*
 * A local option's value: the last given, or NULL when it was not;
 * name must be one of the tool's (anything else aborts).
 */
const char *cc_opts_get(const struct cc_opts *o, const char *name);
/* Every value of an option that may be given more than once. */
size_t cc_opts_count(const struct cc_opts *o, const char *name);
const char *cc_opts_nth(const struct cc_opts *o, const char *name,
			size_t i);

/* -j's value, 0 made the number of online processors. */
long cc_opts_jobs(const struct cc_opts *o);

/* Print the tool's --help to f. */
void cc_opts_help(const struct cc_opt_tool *tool, FILE *f);

#endif
