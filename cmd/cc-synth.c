/*
 * cc-synth -- fictional credit reports as PDFs, with their truth.
 *
 * Thin main: options and the job loop.  The reports are modelled in
 * lib/synth.c, printed as HTML in lib/synth_html.c and laid out by
 * lib/pdf.c.  See cc-synth(1).
 */
#include "base/cc.h"
#include "tool/diag.h"
#include "base/hash.h"
#include "pdf/pdf.h"
#include "base/pool.h"
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
	int layouts[CC_LAYOUT_COUNT];
	int nlayouts;
	struct cc_synth_opts so;
	unsigned long count, start;
	int scan, noise, html;
	struct cc_date as_of;
	const char *dir;
	FILE *truth;
	struct cc_progress prog;
	int status;
};

struct result {
	int rc;
	struct cc_error err;
	char *truth;           /* NDJSON lines */
};

static void *job_init(void *arg)
{
	struct cc_error e;

	(void)arg;
	return cc_pdf_new(&e);
}

static void job_fini(void *state, void *arg)
{
	(void)arg;
	cc_pdf_free(state);
}

/* Write one PDF, add its truth records to lines. */
static int put_pdf(const struct run *run, const struct cc_synth_report *r,
		   const char *name, const unsigned char *pdf, size_t len,
		   int scanned, const struct cc_pdf_pos *pos, int npos,
		   struct cc_buf *lines, struct cc_error *e)
{
	char hex[CC_SHA256_HEX];
	char *path = cc_xasprintf("%s/%s", run->dir, name);
	json_t *out = json_array(), *rec;
	size_t i;
	int rc;

	rc = cc_sha256_hex(pdf, len, hex, e);
	if (rc == 0)
		rc = cc_write_file_atomic(path, pdf, len, 0644, e);
	if (rc == 0) {
		cc_synth_truth(r, hex, name, scanned, pos, npos, out);
		json_array_foreach(out, i, rec) {
			char *s = json_dumps(rec, CC_JSON_FLAGS);

			cc_buf_adds(lines, s);
			cc_buf_adds(lines, "\n");
			free(s);
		}
	}
	json_decref(out);
	free(path);
	return rc;
}

/* NAME.html: one document of all the blocks, with the CSS in it. */
static int put_html(const struct run *run, const char *pdfname,
		    const struct cc_synth_blocks *blocks, const char *css,
		    struct cc_error *e)
{
	struct cc_buf b = { 0 };
	char *path;
	size_t i;
	int rc;

	cc_buf_addf(&b, "<html><head><style>\n%s</style></head><body>\n", css);
	for (i = 0; i < blocks->n; i++) {
		cc_buf_adds(&b, blocks->v[i].html);
		cc_buf_adds(&b, "\n");
	}
	cc_buf_adds(&b, "</body></html>\n");
	path = cc_xasprintf("%s/%.*s.html", run->dir,
			    (int)(strlen(pdfname) - 4), pdfname);
	rc = cc_write_file_atomic(path, b.s, b.len, 0644, e);
	free(path);
	cc_buf_release(&b);
	return rc;
}

static void *job_work(size_t i, void *state, void *arg)
{
	const struct run *run = arg;
	struct result *res = cc_xcalloc(1, sizeof(*res));
	struct cc_pdf *pdf = state;
	struct cc_synth_report r;
	struct cc_pdf_html_opts ho = { 612, 792, 42, NULL, NULL };
	struct cc_pdf_pos *pos = NULL;
	struct cc_buf lines = { 0 };
	unsigned char *doc = NULL, *scan = NULL;
	size_t len = 0, slen = 0;
	int layout = run->layouts[i / run->count], npos = 0, pages = 0;
	unsigned long index = run->start + i % run->count;
	struct cc_synth_blocks blocks;
	char *css = NULL, name[128], footer[160];

	if (!pdf) {
		res->rc = cc_error_set(&res->err, CC_ERR_UNAVAILABLE, "pdf.init",
				       "cannot create a mupdf context");
		return res;
	}
	cc_synth_generate(&r, layout, &run->so, index);
	cc_synth_html(&r, &blocks, &css);
	ho.family = cc_synth_font_family(&r);
	snprintf(footer, sizeof(footer), "%s \xe2\x80\x94 report %s \xe2\x80\x94 page %%d",
		 cc_layout_name(layout), r.report_number);
	ho.footer = footer;
	snprintf(name, sizeof(name), "%s-%llu-%05lu.pdf", cc_layout_name(layout),
		 (unsigned long long)run->so.seed, index);
	if (run->html)
		res->rc = put_html(run, name, &blocks, css, &res->err);
	if (res->rc == 0)
		res->rc = cc_pdf_from_blocks(pdf, blocks.v, blocks.n, css, &ho,
					     &doc, &len, &pos, &npos, &pages,
					     &res->err);
	if (res->rc == 0)
		res->rc = put_pdf(run, &r, name, doc, len, 0, pos, npos, &lines,
				  &res->err);
	if (res->rc == 0 && run->scan) {
		static const int dpis[3] = { 200, 240, 300 };
		struct cc_pdf_scan_opts so;

		so.dpi = dpis[r.seed % 3];
		so.noise = run->noise;
		so.quality = 90 - 12 * run->noise;
		so.seed = r.seed;
		res->rc = cc_pdf_scan(pdf, doc, len, &so, &scan, &slen, &res->err);
		snprintf(name, sizeof(name), "%s-%llu-%05lu-scan.pdf",
			 cc_layout_name(layout), (unsigned long long)run->so.seed, index);
		if (res->rc == 0)
			res->rc = put_pdf(run, &r, name, scan, slen, 1, pos, npos,
					  &lines, &res->err);
	}
	res->truth = cc_buf_detach(&lines);
	free(scan);
	free(doc);
	free(pos);
	cc_synth_blocks_release(&blocks);
	free(css);
	cc_synth_release(&r);
	return res;
}

static int job_emit(size_t i, void *result, void *arg)
{
	struct run *run = arg;
	struct result *res = result;
	int rc = 0;

	if (res->rc < 0) {
		cc_warn("%s", res->err.msg);
		run->status = cc_error_exit_status(res->rc);
		rc = 1;
	} else if (fputs(res->truth, run->truth) == EOF) {
		cc_warn("cannot write the truth: %s", strerror(errno));
		run->status = CC_EXIT_IOERR;
		rc = 1;
	}
	cc_progress_tick(&run->prog, (unsigned long)i + 1);
	free(res->truth);
	free(res);
	return rc;
}

static void job_drop(void *result, void *arg)
{
	struct result *res = result;

	(void)arg;
	free(res->truth);
	free(res);
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
	static const struct cc_pool_ops ops = {
		job_init, job_fini, job_work, job_emit, job_drop,
	};
	struct run run;
	const char *layout = "all", *truth_path = NULL;
	char *truth_default = NULL;
	long jobs = 0;
	int c, progress = -1, l;
	time_t t;

	cc_tool_init(argc, argv);
	memset(&run, 0, sizeof(run));
	run.so.seed = 1;
	run.count = 1;
	run.noise = 1;
	run.so.as_of = (struct cc_date){ 2026, 1, 15 };
	while ((c = getopt_long(argc, argv, "l:s:n:a:o:t:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': layout = optarg; break;
		case 's': run.so.seed = parse_count("--seed", optarg, LONG_MAX); break;
		case 'n': run.count = parse_count("--count", optarg, 10000000); break;
		case OPT_START: run.start = parse_count("--start", optarg, 99999999); break;
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
			run.so.min_accounts = (int)lo;
			run.so.max_accounts = (int)hi;
			break;
		}
		case OPT_SCAN: run.scan = 1; break;
		case OPT_HTML: run.html = 1; break;
		case OPT_NOISE: run.noise = (int)parse_count("--noise", optarg, 3); break;
		case OPT_AS_OF: {
			struct tm tm;
			char *end, full[40];

			memset(&tm, 0, sizeof(tm));

			end = strptime(optarg, "%Y-%m-%d", &tm);
			snprintf(full, sizeof(full), "%.20sT00:00:00Z", optarg);
			if (!end || *end || cc_time_parse(full, &t) < 0)
				cc_usage_error("--as-of: expected YYYY-MM-DD, got '%s'",
					       optarg);
			run.so.as_of = (struct cc_date){ tm.tm_year + 1900, tm.tm_mon + 1,
						      tm.tm_mday };
			break;
		}
		case 'o': run.dir = optarg; break;
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
	if (!run.dir || !*run.dir)
		cc_usage_error("no output directory (give -o DIR)");
	if (strcmp(layout, "all") == 0) {
		for (l = 0; l < CC_LAYOUT_COUNT; l++)
			run.layouts[run.nlayouts++] = l;
	} else if ((l = cc_layout_from_name(layout)) >= 0) {
		run.layouts[run.nlayouts++] = l;
	} else {
		cc_usage_error("--layout: unknown layout '%s' (experian, equifax, "
			       "transunion, merged3, lender, all)", layout);
	}
	if (jobs <= 0)
		jobs = sysconf(_SC_NPROCESSORS_ONLN);

	if (cc_mkdir_p(run.dir) != 0)
		cc_die(CC_EXIT_IOERR, "cannot create '%s': %s", run.dir,
		       strerror(errno));
	if (truth_path && strcmp(truth_path, "-") == 0) {
		run.truth = stdout;
	} else {
		if (!truth_path)
			truth_path = truth_default = cc_xasprintf("%s/truth.ndjson",
								  run.dir);
		run.truth = fopen(truth_path, "w");
		if (!run.truth)
			cc_die(CC_EXIT_IOERR, "cannot write '%s': %s", truth_path,
			       strerror(errno));
	}
	cc_progress_init(&run.prog, progress, "reports",
			 (unsigned long)run.nlayouts * run.count);
	cc_pool_run((size_t)run.nlayouts * run.count, (int)jobs, &ops, &run);
	cc_progress_end(&run.prog);
	if (run.truth != stdout && fclose(run.truth) != 0 && !run.status) {
		cc_warn("cannot write '%s': %s", truth_path, strerror(errno));
		run.status = CC_EXIT_IOERR;
	}
	free(truth_default);
	return cc_finish_stdout(run.status);
}
