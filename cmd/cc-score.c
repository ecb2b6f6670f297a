/*
 * cc-score -- score extracted records against cc-synth's truth.
 *
 * Thin main: options, the two record loops, the output.  The matching
 * and counting are in lib/score.c.  See cc-score(1).
 */
#include "base/cc.h"
#include "tool/diag.h"
#include "record/record.h"
#include "score/score.h"
#include "tool/tool.h"

#include <fcntl.h>
#include <getopt.h>
#include <sys/stat.h>

static const char usage_text[] =
"usage: cc-score --truth=TRUTH [options] [EXTRACTED ...]\n"
"\n"
"Score extracted records (files, or standard input) against the truth that\n"
"cc-synth wrote: tradeline recall and precision, field accuracy, negative\n"
"items, inquiries and public records, per layout and overall.  A `score'\n"
"record on stdout, a table on stderr.\n"
"\n"
"  -t, --truth=FILE             the truth (cc-synth's truth.ndjson); required\n"
"  -a, --all                    score every document of the truth, not only\n"
"                               those in the extracted input\n"
"  -d, --details                after the summary, a `score_miss' record for\n"
"                               every miss\n"
"      --min-field-accuracy=X   exit 1 when the field accuracy is below X (0..1)\n"
"      --min-recall=X           exit 1 when the tradeline recall is below X\n"
"      --min-precision=X        exit 1 when the tradeline precision is below X\n"
"  -h, --help                   show this help and exit\n"
"      --version                show the version and exit\n"
"\n"
"Inputs may be gzip-compressed.\n"
"Exit status: 0 scored, 1 bad input lines or a score below a bar, 2 usage,\n"
"65 not a truth file, 66 no truth, 74 I/O error.  See cc-score(1).\n";

enum {
	OPT_MIN_FIELD = 256, OPT_MIN_RECALL, OPT_MIN_PRECISION, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "truth", required_argument, NULL, 't' },
	{ "all", no_argument, NULL, 'a' },
	{ "details", no_argument, NULL, 'd' },
	{ "min-field-accuracy", required_argument, NULL, OPT_MIN_FIELD },
	{ "min-recall", required_argument, NULL, OPT_MIN_RECALL },
	{ "min-precision", required_argument, NULL, OPT_MIN_PRECISION },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static double parse_bar(const char *opt, const char *v)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(v, &end);
	if (!*v || *end || errno || !(x >= 0 && x <= 1))
		cc_usage_error("%s: expected a number from 0 to 1, got '%s'", opt, v);
	return x;
}

static int add_truth(struct cc_record *rec, void *arg, int *status)
{
	(void)status;
	cc_score_add_truth(arg, rec->obj);
	return 0;
}

static int add_extracted(struct cc_record *rec, void *arg, int *status)
{
	(void)status;
	cc_score_add_extracted(arg, rec->obj);
	return 0;
}

static int write_miss(json_t *miss, void *arg)
{
	(void)arg;
	return cc_write_json(miss);
}

static int worse(int a, int b)
{
	return cc_exit_rank(b) > cc_exit_rank(a) ? b : a;
}

/* 1 (and a diagnostic) when value is below the bar; undefined is below. */
static int below(const char *what, double value, const char *opt, double bar)
{
	if (bar < 0 || value >= bar)
		return 0;
	if (value < 0)
		cc_warn("%s undefined (nothing to count), below %s %g", what, opt, bar);
	else
		cc_warn("%s %g is below %s %g", what, value, opt, bar);
	return 1;
}

/* The truth must be a file that can be opened (or -); else exit 66. */
static void check_truth(const char *path)
{
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		cc_die(CC_EXIT_NOINPUT, "cannot read the truth '%s': %s", path,
		       strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		cc_die(CC_EXIT_NOINPUT, "cannot read the truth '%s': %s", path,
		       strerror(EISDIR));
	}
	close(fd);
}

int main(int argc, char **argv)
{
	struct cc_stream_opts so = { "score", 0, 0 };
	struct cc_score_opts opts = { 0 };
	struct cc_score_totals tot;
	double min_field = -1, min_recall = -1, min_precision = -1;
	const char *truth = NULL;
	struct cc_score *s;
	int c, i, details = 0, status;
	json_t *summary;
	char *table;

	cc_tool_init(argc, argv);
	while ((c = getopt_long(argc, argv, "t:adh", longopts, NULL)) != -1) {
		switch (c) {
		case 't': truth = optarg; break;
		case 'a': opts.all = 1; break;
		case 'd': details = 1; break;
		case OPT_MIN_FIELD:
			min_field = parse_bar("--min-field-accuracy", optarg);
			break;
		case OPT_MIN_RECALL:
			min_recall = parse_bar("--min-recall", optarg);
			break;
		case OPT_MIN_PRECISION:
			min_precision = parse_bar("--min-precision", optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return cc_finish_stdout(CC_EXIT_OK);
		case OPT_VERSION:
			printf("cc-score %s\n", CC_VERSION);
			return cc_finish_stdout(CC_EXIT_OK);
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n",
				cc_diag_prog());
			return CC_EXIT_USAGE;
		}
	}
	if (!truth)
		cc_usage_error("no truth file (give --truth FILE)");
	if (strcmp(truth, "-") == 0) {
		if (optind == argc)
			cc_usage_error("--truth -: the extracted records are on "
				       "standard input too (give them as files)");
		for (i = optind; i < argc; i++)
			if (strcmp(argv[i], "-") == 0)
				cc_usage_error("--truth - and '-' both read standard input");
	}
	check_truth(truth);
	cc_writer_init(0);

	s = cc_score_new(&opts);
	/* a rejected line or file is reported, and the score made all the same */
	status = cc_stream_run(&truth, 1, &so, add_truth, s);
	if (!cc_score_truth_usable(s)) {
		cc_warn("'%s' holds no synth_report or tradeline record: not a "
			"truth file", strcmp(truth, "-") ? truth : "<stdin>");
		status = worse(status, CC_EXIT_DATAERR);
		goto out;
	}
	status = worse(status, cc_stream_run((const char *const *)argv + optind,
					     argc - optind, &so, add_extracted, s));

	cc_score_compute(s);
	summary = cc_score_summary(s);
	if (cc_write_json(summary) < 0 ||
	    (details && cc_score_misses(s, write_miss, NULL) < 0)) {
		json_decref(summary);
		cc_warn("write error on standard output: %s", strerror(errno));
		status = CC_EXIT_IOERR;
		goto out;
	}
	json_decref(summary);
	table = cc_score_table(s);
	fputs(table, stderr);
	free(table);

	cc_score_totals(s, &tot);
	if (tot.unknown_docs)
		cc_warn("%ld document%s of the extracted input %s not in the "
			"truth (not scored)", tot.unknown_docs,
			tot.unknown_docs == 1 ? "" : "s",
			tot.unknown_docs == 1 ? "is" : "are");
	if (below("field accuracy", tot.field_accuracy, "--min-field-accuracy",
		  min_field) |
	    below("tradeline recall", tot.recall, "--min-recall", min_recall) |
	    below("tradeline precision", tot.precision, "--min-precision",
		  min_precision))
		status = worse(status, CC_EXIT_REJECTED);
out:
	cc_score_free(s);
	return cc_finish_stdout(status);
}
