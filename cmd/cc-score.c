/*
 * cc-score -- score extracted records against cc-synth's truth.
 *
 * Thin main: options, the two record loops, the output.  The matching
 * and counting are in lib/score.c.  See cc-score(1).
 */
#include "base/cc.h"
#include "tool/diag.h"
#include "record/record.h"
#include "tool/write.h"
#include "score/score.h"
#include "tool/opt.h"
#include "tool/tool.h"

#include <fcntl.h>
#include <sys/stat.h>

/* tool, the command line: cc-score.opts, made C by scripts/gen-opts.sh */
#include "cc-score-opts.c"

/* A bar the table has checked, or -1 when not given. */
static double bar(const struct cc_opts *opt, const char *name)
{
	const char *v = cc_opts_get(opt, name);
	double x = -1;

	if (v)
		cc_parse_fraction(v, &x);
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
	double min_field, min_recall, min_precision;
	const char *truth;
	struct cc_opts opt;
	struct cc_score *s;
	int i, details, status;
	json_t *summary;
	char *table;

	cc_opts_parse(&opt, &tool, argc, argv, NULL);
	truth = cc_opts_get(&opt, "truth");
	opts.all = cc_opts_get(&opt, "all") != NULL;
	details = cc_opts_get(&opt, "details") != NULL;
	min_field = bar(&opt, "min-field-accuracy");
	min_recall = bar(&opt, "min-recall");
	min_precision = bar(&opt, "min-precision");
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
	cc_opts_release(&opt);
	return cc_finish_stdout(status);
}
