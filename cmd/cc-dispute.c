/*
 * cc-dispute -- what to dispute with each bureau, and why, under the
 * FCRA: `dispute` records from the `consumer` and `tradeline` records of
 * cc-extract.  Thin main: options, config, one run of the dispute stage
 * (lib/dispute/stage.c); the reasons are in lib/dispute, the rules and
 * their wording in rules/dispute.yaml.  See cc-dispute(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "dispute/stage.h"
#include "model/date.h"
#include "record/record.h"
#include "tool/run.h"
#include "tool/tool.h"

#include <getopt.h>

static const char usage_text[] =
"usage: cc-dispute [options] [FILE ...]\n"
"\n"
"Read `consumer' and `tradeline' records (from cc-extract), pass every\n"
"record through, and at the end write a `dispute' record for each consumer\n"
"and bureau with something to dispute: the items, each with a reason code,\n"
"a plain-language reason, the action asked for and the evidence.\n"
"\n"
"      --rules=FILE       rules read over the installed ones (reasons on or\n"
"                         off, items per dispute, skips, addresses, texts)\n"
"      --as-of=DATE       take DATE (YYYY-MM-DD) as today (default: $CC_NOW\n"
"                         or the clock)\n"
"      --round=N          the dispute round, 1 or more (default 1); round 2\n"
"                         and later ask for the method of verification\n"
"      --previous=FILE    earlier dispute records, to cite their date\n"
"      --previous-date=DATE  the date of the earlier dispute (round 2+)\n"
"      --select=FILE      the analyst's choices: NDJSON or YAML of\n"
"                         {tradeline, reason_code, reason, action}\n"
"      --ungrouped        the input does not give each consumer's records\n"
"                         together: hold them all, dispute at the end\n"
"      --stats            print consumer, dispute and item counts on stderr\n"
"      --strict           stop at the first bad record\n"
"      --unbuffered       flush stdout after every record\n"
"  -c, --config=FILE      read configuration from FILE\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Exit status: 0 all records used, 1 some records rejected, 2 usage,\n"
"65 bad config, rules, selection or previous file, 66 a file that cannot\n"
"be opened, 74 I/O error.  See cc-dispute(1).\n";

enum {
	OPT_RULES = 256, OPT_AS_OF, OPT_ROUND, OPT_PREVIOUS, OPT_PREVIOUS_DATE,
	OPT_SELECT, OPT_UNGROUPED, OPT_STATS, OPT_STRICT, OPT_UNBUFFERED, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "previous", required_argument, NULL, OPT_PREVIOUS },
	{ "previous-date", required_argument, NULL, OPT_PREVIOUS_DATE },
	{ "select", required_argument, NULL, OPT_SELECT },
	{ "ungrouped", no_argument, NULL, OPT_UNGROUPED },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "unbuffered", no_argument, NULL, OPT_UNBUFFERED },
	{ "config", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	struct cc_config_flags flags = { 0 };
	const char *config_path = NULL, *as_of = NULL, *select = NULL;
	const char *prev_date = NULL, **prevs = NULL;
	struct cc_dispute_opts o = { 0 };
	struct cc_dispute_info info = { 0 };
	struct cc_run_opts ro = { 0 };
	struct cc_dispute_rules *R;
	struct cc_dispute_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char *installed;
	size_t nprevs = 0, i;
	int c, stats = 0, status;
	long round;

	cc_tool_init(argc, argv);
	while ((c = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_RULES: cc_config_flag(&flags, "dispute.rules", optarg, "--rules"); break;
		case OPT_AS_OF: as_of = optarg; break;
		case OPT_ROUND: cc_config_flag(&flags, "dispute.round", optarg, "--round"); break;
		case OPT_PREVIOUS:
			prevs = cc_xreallocarray(prevs, nprevs + 1, sizeof(*prevs));
			prevs[nprevs++] = optarg;
			break;
		case OPT_PREVIOUS_DATE: prev_date = optarg; break;
		case OPT_SELECT: select = optarg; break;
		case OPT_UNGROUPED: cc_config_flag(&flags, "dispute.grouped", "false", "--ungrouped"); break;
		case OPT_STATS: stats = 1; break;
		case OPT_STRICT: cc_config_flag(&flags, "input.strict", "true", "--strict"); break;
		case OPT_UNBUFFERED: cc_config_flag(&flags, "output.unbuffered", "true", "--unbuffered"); break;
		case 'c': config_path = optarg; break;
		case 'h':
			fputs(usage_text, stdout);
			cc_config_flags_release(&flags);
			free(prevs);
			return cc_finish_stdout(CC_EXIT_OK);
		case OPT_VERSION:
			printf("cc-dispute %s\n", CC_VERSION);
			cc_config_flags_release(&flags);
			free(prevs);
			return cc_finish_stdout(CC_EXIT_OK);
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n",
				cc_diag_prog());
			cc_config_flags_release(&flags);
			free(prevs);
			return CC_EXIT_USAGE;
		}
	}
	cc_tool_config(&cfg, config_path, &flags);
	cc_config_flags_release(&flags);

	round = cc_config_int(&cfg, "dispute.round");
	if (round < 1 || round > 99)
		cc_tool_bad_setting(&cfg, "dispute.round", "a round from 1 to 99");
	o.round = (int)round;
	if (as_of) {
		if (!cc_date_valid_day(as_of))
			cc_usage_error("--as-of: expected a date YYYY-MM-DD, got %s", as_of);
		snprintf(o.as_of, sizeof(o.as_of), "%s", as_of);
		snprintf(o.created_at, sizeof(o.created_at), "%sT00:00:00Z", as_of);
	} else {
		time_t now;

		if (cc_now(&now) < 0)
			cc_die(CC_EXIT_DATAERR, "environment CC_NOW: cannot be parsed");
		cc_time_iso(now, o.created_at, sizeof(o.created_at));
		memcpy(o.as_of, o.created_at, 10);
		o.as_of[10] = '\0';
	}
	if (prev_date) {
		if (!cc_date_valid_day(prev_date))
			cc_usage_error("--previous-date: expected a date YYYY-MM-DD, "
				       "got %s", prev_date);
		if (o.round < 2)
			cc_usage_error("--previous-date: only for --round 2 or later");
		if (strcmp(prev_date, o.as_of) > 0)
			cc_usage_error("--previous-date: %s is after the date of this "
				       "dispute, %s", prev_date, o.as_of);
		o.previous_date = prev_date;
	}
	if (nprevs && o.round < 2)
		cc_usage_error("--previous: only for --round 2 or later");
	for (i = 0; i < nprevs; i++)
		if (!strcmp(prevs[i], "-"))
			cc_usage_error("--previous: standard input is the records' "
				       "input; give a file");
	if (select && !strcmp(select, "-"))
		cc_usage_error("--select: standard input is the records' input; "
			       "give a file");

	installed = cc_tool_datafile("rules/dispute.yaml");
	R = cc_dispute_rules_read(installed, cc_config_str(&cfg, "dispute.rules"), &e);
	free(installed);
	if (!R) {
		cc_warn_error(&e);
		exit(cc_error_exit_status(e.code));
	}
	x = cc_dispute_ctx_new(R, &o);
	if (select && cc_dispute_ctx_select_load(x, select, &e) < 0) {
		cc_warn_error(&e);
		exit(cc_error_exit_status(e.code));
	}
	for (i = 0; i < nprevs; i++)
		if (cc_dispute_ctx_previous_load(x, prevs[i], &e) < 0) {
			cc_warn_error(&e);
			exit(cc_error_exit_status(e.code));
		}
	free(prevs);

	ro.sources = (const char *const *)argv + optind;
	ro.nsources = argc - optind;
	ro.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	ro.jobs = (int)cc_config_int(&cfg, "dispute.jobs");
	ro.strict = cc_config_bool(&cfg, "input.strict");
	ro.unbuffered = cc_config_bool(&cfg, "output.unbuffered");
	ro.progress = 0;
	status = cc_tool_run(cc_config_bool(&cfg, "dispute.grouped") ?
			     &cc_dispute_stage : &cc_dispute_stage_ungrouped, x, &ro);
	cc_dispute_ctx_info(x, &info);
	if (stats)
		cc_warn("%zu consumers: %zu disputes, %zu items (%zu left "
			"for another round)", info.groups, info.disputes,
			info.items, info.deferred);
	cc_dispute_ctx_free(x);
	cc_dispute_rules_free(R);
	cc_config_release(&cfg);
	return status;
}
