#include "base/cc.h"
#include "tool/diag.h"
#include "tool/opt.h"
#include "tool/tool.h"

#include <getopt.h>

/*
 * The shared options, in the order --help lists them, after the tool's
 * own, each with the CC_OPT_* bit that brings it in (0: every tool).
 * -j's key and help, and --stats's help, are the tool's: filled in by
 * table_build().  -c, -h and --version the engine acts on itself.
 */
static const struct shared {
	unsigned bit;
	struct cc_opt row;
} shared[] = {
	{ CC_OPT_JOBS, { .short_name = 'j', .long_name = "jobs", .arg = "N",
			 .type = CC_CFG_INT, .min = 0, .max = CC_JOBS_MAX } },
	{ CC_OPT_STATS, { .long_name = "stats", .value = "1" } },
	{ CC_OPT_STRICT, { .long_name = "strict", .key = "input.strict",
			   .value = "true",
			   .help = "stop at the first rejected input" } },
	{ CC_OPT_UNBUFFERED, { .long_name = "unbuffered",
			       .key = "output.unbuffered", .value = "true",
			       .help = "flush stdout after every record" } },
	{ CC_OPT_PROGRESS, { .long_name = "progress", .value = "1",
			     .name = "progress",
			     .help = "show progress on stderr (default: when "
				     "a terminal)" } },
	{ CC_OPT_PROGRESS, { .long_name = "no-progress", .value = "0",
			     .name = "progress",
			     .help = "never show progress" } },
	{ CC_OPT_CONFIG, { .short_name = 'c', .long_name = "config",
			   .arg = "FILE",
			   .help = "read configuration from FILE" } },
	{ 0, { .short_name = 'h', .long_name = "help",
	       .help = "show this help and exit" } },
	{ 0, { .long_name = "version",
	       .help = "show the version and exit" } },
};

#define NSHARED (sizeof(shared) / sizeof(shared[0]))

/* --help's lines end before this column */
#define HELP_WIDTH 80
/* an option wider than this has its help on the next line */
#define OPT_WIDTH_MAX 30

static void internal_error(const char *what, const char *name)
{
	fprintf(stderr, "cc: internal error: %s '%s'\n", what, name);
	abort();
}

static const char *local_name(const struct cc_opt *r)
{
	return r->name ? r->name : r->long_name;
}

static void table_add(struct cc_opt_table *t, const struct cc_opt *r)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (!strcmp(t->rows[i].long_name, r->long_name))
			internal_error("option defined twice:", r->long_name);
		if (r->short_name && t->rows[i].short_name == r->short_name)
			internal_error("short option defined twice, for",
				       r->long_name);
	}
	t->rows[t->n] = *r;
	t->flags[t->n] = cc_xasprintf("--%s", r->long_name);
	t->n++;
}

/* The tool's rows, then the shared ones it takes. */
static void table_build(struct cc_opt_table *t, const struct cc_opt_tool *tool)
{
	const struct cc_opt *own = tool->opts;
	struct cc_opt r;
	size_t n = 0, i;

	memset(t, 0, sizeof(*t));
	while (own && own[n].long_name)
		n++;
	t->rows = cc_xcalloc(n + NSHARED, sizeof(*t->rows));
	t->flags = cc_xcalloc(n + NSHARED, sizeof(*t->flags));
	for (i = 0; i < n; i++) {
		if (own[i].key && !cc_config_key_find(own[i].key))
			internal_error("option sets an unknown key:",
				       own[i].long_name);
		if (own[i].key && !(tool->common & CC_OPT_CONFIG))
			internal_error("option sets a key of a tool without "
				       "a configuration:", own[i].long_name);
		table_add(t, &own[i]);
	}
	for (i = 0; i < NSHARED; i++) {
		if (shared[i].bit && !(tool->common & shared[i].bit))
			continue;
		r = shared[i].row;
		if (!strcmp(r.long_name, "jobs")) {
			/* SECTION.jobs; a tool without one keeps -j itself */
			if (tool->section && (tool->common & CC_OPT_CONFIG)) {
				t->jobs_key = cc_xasprintf("%s.jobs",
							   tool->section);
				if (!cc_config_key_find(t->jobs_key))
					internal_error("no config key",
						       t->jobs_key);
				r.key = t->jobs_key;
			}
			t->jobs_help = cc_xasprintf("%s worked on at once "
						    "(default: one per CPU)",
						    tool->jobs_what ?
						    tool->jobs_what : "jobs");
			r.help = t->jobs_help;
		} else if (!strcmp(r.long_name, "stats")) {
			t->stats_help = cc_xasprintf("print %s on stderr at "
						     "the end",
						     tool->stats_what ?
						     tool->stats_what :
						     "counts");
			r.help = t->stats_help;
		}
		table_add(t, &r);
	}
}

static void table_release(struct cc_opt_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->flags[i]);
	free(t->flags);
	free(t->rows);
	free(t->jobs_key);
	free(t->jobs_help);
	free(t->stats_help);
	memset(t, 0, sizeof(*t));
}

/* "  -j, --jobs=N" or "      --stats": the option as --help shows it. */
static char *entry_text(const struct cc_opt *r)
{
	char sh[8] = "    ";

	if (r->short_name)
		snprintf(sh, sizeof(sh), "-%c, ", r->short_name);
	return cc_xasprintf("  %s--%s%s%s", sh, r->long_name,
			    r->arg ? "=" : "", r->arg ? r->arg : "");
}

/* text, word-wrapped to end before HELP_WIDTH, lines after the first
 * indented to col; a '\n' in text breaks the line there. */
static void put_wrapped(FILE *f, const char *text, size_t col)
{
	size_t room = HELP_WIDTH - 1 > col + 20 ? HELP_WIDTH - 1 - col : 20;
	size_t used = 0, w;
	const char *p = text;

	while (*p) {
		if (*p == '\n' || *p == ' ') {
			if (*p == '\n') {
				fprintf(f, "\n%*s", (int)col, "");
				used = 0;
			}
			p++;
			continue;
		}
		w = strcspn(p, " \n");
		if (used && used + 1 + w > room) {
			fprintf(f, "\n%*s", (int)col, "");
			used = 0;
		} else if (used) {
			fputc(' ', f);
			used++;
		}
		fwrite(p, 1, w, f);
		used += w;
		p += w;
	}
	fputc('\n', f);
}

/* A paragraph as it is, with a newline at its end. */
static void put_text(FILE *f, const char *text)
{
	size_t n = strlen(text);

	fputs(text, f);
	if (n && text[n - 1] != '\n')
		fputc('\n', f);
}

static void help_print(const struct cc_opt_tool *tool,
		       const struct cc_opt_table *t, FILE *f)
{
	size_t i, w, width = 0;
	char *e;

	fprintf(f, "usage: %s %s\n", tool->name, tool->synopsis);
	if (tool->about) {
		fputc('\n', f);
		put_text(f, tool->about);
	}
	fputc('\n', f);
	for (i = 0; i < t->n; i++) {
		e = entry_text(&t->rows[i]);
		w = strlen(e);
		if (w > width && w <= OPT_WIDTH_MAX)
			width = w;
		free(e);
	}
	for (i = 0; i < t->n; i++) {
		e = entry_text(&t->rows[i]);
		w = strlen(e);
		fputs(e, f);
		if (w > width)
			fprintf(f, "\n%*s", (int)width + 2, "");
		else
			fprintf(f, "%*s", (int)(width + 2 - w), "");
		put_wrapped(f, t->rows[i].help ? t->rows[i].help : "",
			    width + 2);
		free(e);
	}
	if (tool->epilogue) {
		fputc('\n', f);
		put_text(f, tool->epilogue);
	}
}

void cc_opts_help(const struct cc_opt_tool *tool, FILE *f)
{
	struct cc_opt_table t;

	table_build(&t, tool);
	help_print(tool, &t, f);
	table_release(&t);
}

static void version_print(const struct cc_opt_tool *tool)
{
	char more[256] = "";

	if (tool->version)
		tool->version(more, sizeof(more));
	if (*more)
		printf("%s %s (%s)\n", tool->name, CC_VERSION, more);
	else
		printf("%s %s\n", tool->name, CC_VERSION);
}

/* The row of a local value name, or NULL. */
static const struct cc_opt *local_row(const struct cc_opts *o,
				      const char *name)
{
	size_t i;

	for (i = 0; i < o->table.n; i++)
		if (!o->table.rows[i].key &&
		    !strcmp(local_name(&o->table.rows[i]), name))
			return &o->table.rows[i];
	return NULL;
}

/* The last value given of name, without checking that it is one. */
static const char *value_of(const struct cc_opts *o, const char *name)
{
	size_t i;

	for (i = o->nvalues; i-- > 0;)
		if (!strcmp(o->values[i].name, name))
			return o->values[i].value;
	return NULL;
}

/* Check a local option's argument as its row says; usage error if bad. */
static void check_local(const struct cc_opt *r, const char *flag,
			const char *value)
{
	struct cc_config_key k = { r->long_name, r->type, NULL, r->min,
				   r->max, NULL };
	struct cc_error e;

	if (r->type == CC_CFG_STRING && !(r->max > 0))
		return;
	cc_error_clear(&e);
	if (cc_config_check(&k, value, &e) < 0)
		cc_usage_error("%s: %s", flag, e.msg);
}

void cc_opts_parse(struct cc_opts *o, const struct cc_opt_tool *tool,
		   int argc, char **argv, struct cc_config *cfg)
{
	struct cc_config_flags flags = { 0 };
	struct cc_opt_table *t = &o->table;
	struct option *longopts;
	const struct cc_opt *r;
	const char *value, *v;
	char *shorts, *s;
	size_t i;
	int c;

	memset(o, 0, sizeof(*o));
	o->tool = tool;
	o->progress = -1;
	cc_tool_init(argc, argv);
	/* a tool reads a configuration if and only if it takes -c */
	if (!cfg != !(tool->common & CC_OPT_CONFIG))
		internal_error("a configuration to load, or none, against "
			       "CC_OPT_CONFIG, for", tool->name);
	table_build(t, tool);

	longopts = cc_xcalloc(t->n + 1, sizeof(*longopts));
	s = shorts = cc_xmalloc(2 * t->n + 1);
	for (i = 0; i < t->n; i++) {
		r = &t->rows[i];
		longopts[i].name = r->long_name;
		longopts[i].has_arg = r->arg ? required_argument : no_argument;
		longopts[i].val = 256 + (int)i;
		if (r->short_name) {
			*s++ = (char)r->short_name;
			if (r->arg)
				*s++ = ':';
		}
	}
	*s = '\0';

	optind = 0;   /* start afresh: a test may parse more than once */
	while ((c = getopt_long(argc, argv, shorts, longopts, NULL)) != -1) {
		if (c >= 256) {
			i = (size_t)c - 256;
		} else {
			for (i = 0; i < t->n; i++)
				if (c != '?' && t->rows[i].short_name == c)
					break;
		}
		if (i >= t->n) {
			/* getopt_long has said what is wrong */
			fprintf(stderr, "Try '%s --help' for more "
				"information.\n", cc_diag_prog());
			exit(CC_EXIT_USAGE);
		}
		r = &t->rows[i];
		value = r->arg ? optarg : r->value;
		/* names are unique: these are the shared rows */
		if (!strcmp(r->long_name, "help")) {
			help_print(tool, t, stdout);
			exit(cc_finish_stdout(CC_EXIT_OK));
		}
		if (!strcmp(r->long_name, "version")) {
			version_print(tool);
			exit(cc_finish_stdout(CC_EXIT_OK));
		}
		if (r->key) {
			cc_config_flag(&flags, r->key, value, t->flags[i]);
			continue;
		}
		if (r->arg)
			check_local(r, t->flags[i], value);
		CC_GROW(o->values, o->avalues, o->nvalues + 1);
		o->values[o->nvalues].name = local_name(r);
		o->values[o->nvalues].value = value ? value : "";
		o->nvalues++;
	}
	free(longopts);
	free(shorts);
	o->args = argv + optind;
	o->nargs = argc - optind;

	if (tool->common & CC_OPT_PROGRESS) {
		v = value_of(o, "progress");
		o->progress = v ? !strcmp(v, "1") : -1;
	}
	if (tool->common & CC_OPT_STATS)
		o->stats = value_of(o, "stats") != NULL;
	if (cfg) {
		o->cfg = cfg;
		cc_tool_config(cfg, value_of(o, "config"), &flags);
	}
	cc_config_flags_release(&flags);
}

void cc_opts_release(struct cc_opts *o)
{
	o->cfg = NULL;
	table_release(&o->table);
	free(o->values);
	o->values = NULL;
	o->nvalues = o->avalues = 0;
}

/* name must be the value name of one of the tool's local options. */
static void must_be_local(const struct cc_opts *o, const char *name)
{
	if (!local_row(o, name))
		internal_error("no such option of the tool:", name);
}

const char *cc_opts_get(const struct cc_opts *o, const char *name)
{
	must_be_local(o, name);
	return value_of(o, name);
}

size_t cc_opts_count(const struct cc_opts *o, const char *name)
{
	size_t i, n = 0;

	must_be_local(o, name);
	for (i = 0; i < o->nvalues; i++)
		n += !strcmp(o->values[i].name, name);
	return n;
}

const char *cc_opts_nth(const struct cc_opts *o, const char *name, size_t k)
{
	size_t i;

	must_be_local(o, name);
	for (i = 0; i < o->nvalues; i++)
		if (!strcmp(o->values[i].name, name) && k-- == 0)
			return o->values[i].value;
	return NULL;
}

long cc_opts_jobs(const struct cc_opts *o)
{
	const char *v;
	long n = 0;

	if (!(o->tool->common & CC_OPT_JOBS))
		internal_error("the tool takes no -j:", o->tool->name);
	if (o->table.jobs_key) {
		n = cc_config_int(o->cfg, o->table.jobs_key);
	} else if ((v = value_of(o, "jobs")) != NULL) {
		cc_parse_long(v, &n);
	}
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n;
}
