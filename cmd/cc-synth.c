/*
 * cc-synth -- fictional credit reports as PDFs, with their truth.
 *
 * Thin main: options and the job loop.  The reports are modelled in
 * lib/synth.c, printed as HTML in lib/synth_html.c and laid out by
 * lib/pdf.c.  See cc-synth(1).
 */
#include "base/cc.h"
#include "tool/diag.h"
#include "pdf/pdf.h"
#include "record/record.h"
#include "tool/opt.h"
#include "tool/tool.h"
#include "synth/synth.h"
#include "tool/run.h"

#include <sys/stat.h>

static void version(char *buf, size_t size)
{
	snprintf(buf, size, "mupdf %s", cc_pdf_engine_version());
}

/* tool, the command line: cc-synth.opts, made C by scripts/gen-opts.sh */
#include "cc-synth-opts.c"

struct run {
	struct cc_synth_run r;
	FILE *truth;
};

static unsigned long number(const char *v)
{
	long n = 0;

	cc_parse_long(v, &n);
	return (unsigned long)n;
}

int main(int argc, char **argv)
{
	struct cc_opts opt;
	struct run run;
	const char *layout, *truth_path, *v;
	char *truth_default = NULL;
	struct cc_run_opts ro;
	json_t **items;
	size_t i;
	long jobs;
	int l, status;
	time_t t;

	cc_opts_parse(&opt, &tool, argc, argv, NULL);
	memset(&run, 0, sizeof(run));
	run.r.so.seed = 1;
	run.r.count = 1;
	run.r.noise = 1;
	run.r.so.as_of = (struct cc_date){ 2026, 1, 15 };
	layout = cc_opts_get(&opt, "layout");
	if (!layout)
		layout = "all";
	if ((v = cc_opts_get(&opt, "seed")) != NULL)
		run.r.so.seed = number(v);
	if ((v = cc_opts_get(&opt, "count")) != NULL)
		run.r.count = number(v);
	if ((v = cc_opts_get(&opt, "start")) != NULL)
		run.r.start = number(v);
	if ((v = cc_opts_get(&opt, "accounts")) != NULL) {
		char *min = cc_xstrdup(v), *dash = strchr(min, '-');
		long lo, hi;

		if (dash)
			*dash = '\0';
		if (cc_parse_long(min, &lo) < 0 ||
		    (dash && cc_parse_long(dash + 1, &hi) < 0))
			lo = -1;
		if (!dash)
			hi = lo;
		free(min);
		if (lo < 1 || hi < lo || hi > 60)
			cc_usage_error("--accounts: expected MIN or MIN-MAX "
				       "from 1 to 60, got '%s'", v);
		run.r.so.min_accounts = (int)lo;
		run.r.so.max_accounts = (int)hi;
	}
	if ((v = cc_opts_get(&opt, "design")) != NULL) {
		if (strcmp(v, "random") == 0)
			run.r.so.design = CC_SYNTH_RANDOM;
		else if (strcmp(v, "fixed") != 0)
			cc_usage_error("--design: unknown design '%s' (fixed, "
				       "random)", v);
	}
	run.r.scan = cc_opts_get(&opt, "scan") != NULL;
	run.r.html = cc_opts_get(&opt, "html") != NULL;
	if ((v = cc_opts_get(&opt, "noise")) != NULL)
		run.r.noise = (int)number(v);
	if ((v = cc_opts_get(&opt, "as-of")) != NULL) {
		struct tm tm;
		char *end, full[40];

		memset(&tm, 0, sizeof(tm));

		end = strptime(v, "%Y-%m-%d", &tm);
		snprintf(full, sizeof(full), "%.20sT00:00:00Z", v);
		if (!end || *end || cc_time_parse(full, &t) < 0)
			cc_usage_error("--as-of: expected YYYY-MM-DD, got '%s'", v);
		run.r.so.as_of = (struct cc_date){ tm.tm_year + 1900, tm.tm_mon + 1,
						tm.tm_mday };
	}
	run.r.dir = cc_opts_get(&opt, "output");
	truth_path = cc_opts_get(&opt, "truth");
	jobs = cc_opts_jobs(&opt);
	if (optind < argc)
		cc_usage_error("unexpected argument '%s'", argv[optind]);
	if (!run.r.dir || !*run.r.dir)
		cc_usage_error("no output directory (give -o DIR)");
	if (strcmp(layout, "all") == 0) {
		for (l = 0; l < CC_LAYOUT_COUNT; l++)
			run.r.layouts[run.r.nlayouts++] = l;
	} else if ((l = cc_layout_from_name(layout)) >= 0) {
		run.r.layouts[run.r.nlayouts++] = l;
	} else {
		cc_usage_error("--layout: unknown layout '%s' (experian, equifax, "
			       "transunion, merged3, lender, all)", layout);
	}

	if (cc_mkdir_p(run.r.dir) != 0)
		cc_die(CC_EXIT_IOERR, "cannot create '%s': %s", run.r.dir,
		       strerror(errno));
	if (truth_path && strcmp(truth_path, "-") == 0) {
		run.truth = stdout;
	} else {
		if (!truth_path)
			truth_path = truth_default = cc_xasprintf("%s/truth.ndjson",
								  run.r.dir);
		run.truth = fopen(truth_path, "w");
		if (!run.truth)
			cc_die(CC_EXIT_IOERR, "cannot write '%s': %s", truth_path,
			       strerror(errno));
	}
	memset(&ro, 0, sizeof(ro));
	ro.items = items = cc_synth_items(&run.r, &ro.nitems);
	ro.total = (unsigned long)ro.nitems;
	ro.jobs = (int)jobs;
	ro.progress = opt.progress;
	ro.out = run.truth;
	status = cc_tool_run(&cc_synth_stage, &run.r, &ro);
	if (run.truth != stdout) {
		if (fclose(run.truth) != 0 && status != CC_EXIT_IOERR)
			status = CC_EXIT_IOERR;
		if (status == CC_EXIT_IOERR)
			cc_warn("cannot write '%s': %s", truth_path, strerror(errno));
		status = cc_finish_stdout(status);
	}
	for (i = 0; i < ro.nitems; i++)
		json_decref(items[i]);
	free(items);
	free(truth_default);
	cc_opts_release(&opt);
	return status;
}
