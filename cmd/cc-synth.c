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
#include "tool/tool.h"
#include "synth/synth.h"

#include <getopt.h>
#include <sys/stat.h>

static const char usage_text[] =
"usage: cc-synth -o DIR [options]\n"
"\n"
"Write fictional credit reports as PDFs into DIR, and the records a perfect\n"
"cc-extract would read from them (the truth) as NDJSON.\n"
"\n"
"  -l, --layout=L       experian, equifax, transunion, merged3, lender or\n"
"                       all (default all)\n"
"  -s, --seed=N         seed of the run (default 1)\n"
"  -n, --count=K        reports per layout (default 1)\n"
"      --start=I        number of the first report (default 0), to split a\n"
"                       big corpus over several runs\n"
"  -a, --accounts=MIN[-MAX]  accounts per report (default: 1 to 60, most\n"
"                       between 5 and 30)\n"
"      --scan           also write each report as an image-only scan\n"
"      --html           also write each report's HTML blocks and CSS\n"
"                       (NAME.html), as the layout engine gets them\n"
"      --noise=LEVEL    scan degradation, 0 (clean) to 3 (rough); default 1\n"
"      --as-of=DATE     the reports' \"today\", YYYY-MM-DD (default 2026-01-15)\n"
"  -o, --output=DIR     where the PDFs go (created if missing)\n"
"  -t, --truth=FILE     the truth file (default DIR/truth.ndjson; - for stdout)\n"
"  -j, --jobs=N         reports made at once (default: one per CPU)\n"
"      --progress       show progress on stderr (default: when a terminal)\n"
"      --no-progress    never show progress\n"
"  -h, --help           show this help and exit\n"
"      --version        show the version and exit\n"
"\n"
"The same options and seed give byte-identical PDFs and truth.\n"
"Exit status: 0 done, 2 usage, 74 I/O error.  See cc-synth(1).\n";

enum {
	OPT_START = 256, OPT_SCAN, OPT_HTML, OPT_NOISE, OPT_AS_OF, OPT_PROGRESS,
	OPT_NO_PROGRESS, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "layout", required_argument, NULL, 'l' },
	{ "seed", required_argument, NULL, 's' },
	{ "count", required_argument, NULL, 'n' },
	{ "start", required_argument, NULL, OPT_START },
	{ "accounts", required_argument, NULL, 'a' },
	{ "scan", no_argument, NULL, OPT_SCAN },
	{ "html", no_argument, NULL, OPT_HTML },
	{ "noise", required_argument, NULL, OPT_NOISE },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "output", required_argument, NULL, 'o' },
	{ "truth", required_argument, NULL, 't' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

struct run {
	struct cc_synth_run r;
	FILE *truth;
	struct cc_progress prog;
	int status;
};

/* Each report's truth, in order, into the truth file. */
static int put_truth(unsigned long i, const char *truth,
		     const struct cc_error *e, void *arg)
{
	struct run *run = arg;
	int rc = 0;

	if (e) {
		cc_warn("%s", e->msg);
		run->status = cc_error_exit_status(e->code);
		rc = 1;
	} else if (fputs(truth, run->truth) == EOF) {
		cc_warn("cannot write the truth: %s", strerror(errno));
		run->status = CC_EXIT_IOERR;
		rc = 1;
	}
	cc_progress_tick(&run->prog, i + 1);
	return rc;
}

static unsigned long parse_count(const char *opt, const char *v, long max)
{
	long n;

	if (cc_parse_long(v, &n) < 0 || n > max)
		cc_usage_error("%s: expected a number from 0 to %ld, got '%s'",
			       opt, max, v);
	return (unsigned long)n;
}

int main(int argc, char **argv)
{
	struct run run;
	const char *layout = "all", *truth_path = NULL;
	char *truth_default = NULL;
	long jobs = 0;
	int c, progress = -1, l;
	time_t t;

	cc_tool_init(argc, argv);
	memset(&run, 0, sizeof(run));
	run.r.so.seed = 1;
	run.r.count = 1;
	run.r.noise = 1;
	run.r.so.as_of = (struct cc_date){ 2026, 1, 15 };
	while ((c = getopt_long(argc, argv, "l:s:n:a:o:t:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': layout = optarg; break;
		case 's': run.r.so.seed = parse_count("--seed", optarg, LONG_MAX); break;
		case 'n': run.r.count = parse_count("--count", optarg, 10000000); break;
		case OPT_START: run.r.start = parse_count("--start", optarg, 99999999); break;
		case 'a': {
			char *dash = strchr(optarg, '-');
			long lo, hi;

			if (dash)
				*dash = '\0';
			if (cc_parse_long(optarg, &lo) < 0 ||
			    (dash && cc_parse_long(dash + 1, &hi) < 0))
				lo = -1;
			if (!dash)
				hi = lo;
			if (dash)
				*dash = '-';
			if (lo < 1 || hi < lo || hi > 60)
				cc_usage_error("--accounts: expected MIN or MIN-MAX "
					       "from 1 to 60, got '%s'", optarg);
			run.r.so.min_accounts = (int)lo;
			run.r.so.max_accounts = (int)hi;
			break;
		}
		case OPT_SCAN: run.r.scan = 1; break;
		case OPT_HTML: run.r.html = 1; break;
		case OPT_NOISE: run.r.noise = (int)parse_count("--noise", optarg, 3); break;
		case OPT_AS_OF: {
			struct tm tm;
			char *end, full[40];

			memset(&tm, 0, sizeof(tm));

			end = strptime(optarg, "%Y-%m-%d", &tm);
			snprintf(full, sizeof(full), "%.20sT00:00:00Z", optarg);
			if (!end || *end || cc_time_parse(full, &t) < 0)
				cc_usage_error("--as-of: expected YYYY-MM-DD, got '%s'",
					       optarg);
			run.r.so.as_of = (struct cc_date){ tm.tm_year + 1900, tm.tm_mon + 1,
						      tm.tm_mday };
			break;
		}
		case 'o': run.r.dir = optarg; break;
		case 't': truth_path = optarg; break;
		case 'j': jobs = (long)parse_count("--jobs", optarg, 256); break;
		case OPT_PROGRESS: progress = 1; break;
		case OPT_NO_PROGRESS: progress = 0; break;
		case 'h':
			fputs(usage_text, stdout);
			return cc_finish_stdout(CC_EXIT_OK);
		case OPT_VERSION:
			printf("cc-synth %s (mupdf %s)\n", CC_VERSION,
			       cc_pdf_engine_version());
			return cc_finish_stdout(CC_EXIT_OK);
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n",
				cc_diag_prog());
			return CC_EXIT_USAGE;
		}
	}
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
	if (jobs <= 0)
		jobs = sysconf(_SC_NPROCESSORS_ONLN);

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
	cc_progress_init(&run.prog, progress, "reports",
			 (unsigned long)run.r.nlayouts * run.r.count);
	cc_synth_run(&run.r, (int)jobs, put_truth, &run);
	cc_progress_end(&run.prog);
	if (run.truth != stdout && fclose(run.truth) != 0 && !run.status) {
		cc_warn("cannot write '%s': %s", truth_path, strerror(errno));
		run.status = CC_EXIT_IOERR;
	}
	free(truth_default);
	return cc_finish_stdout(run.status);
}
