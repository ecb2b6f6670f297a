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
#include "tool/opt.h"
#include "tool/run.h"
#include "tool/tool.h"

/*
 * jemalloc's options, read from this symbol when cc-dispute is linked with
 * it (see the Makefile): freed pages given back within a second.  Unused
 * without jemalloc.
 */
extern const char *malloc_conf;
const char *malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";

/* tool, the command line: cc-dispute.opts, made C by scripts/gen-opts.sh */
#include "cc-dispute-opts.c"

int main(int argc, char **argv)
{
	struct cc_opts opt;
	const char *as_of, *select, *prev_date;
	struct cc_dispute_opts o = { 0 };
	struct cc_dispute_info info = { 0 };
	struct cc_run_opts ro;
	struct cc_dispute_rules *R;
	struct cc_dispute_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char *installed;
	size_t nprevs, i;
	int status;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);
	as_of = cc_opts_get(&opt, "as-of");
	select = cc_opts_get(&opt, "select");
	prev_date = cc_opts_get(&opt, "previous-date");
	nprevs = cc_opts_count(&opt, "previous");

	o.round = (int)cc_config_int(&cfg, "dispute.round");
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
		if (!strcmp(cc_opts_nth(&opt, "previous", i), "-"))
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
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		return cc_error_exit_status(e.code);
	}
	x = cc_dispute_ctx_new(R, &o);
	/* a bad selection or previous file: nothing is read */
	if (select && cc_dispute_ctx_select_load(x, select, &e) < 0)
		goto out_setup;
	for (i = 0; i < nprevs; i++)
		if (cc_dispute_ctx_previous_load(x, cc_opts_nth(&opt, "previous", i),
						 &e) < 0)
			goto out_setup;

	cc_run_opts_init(&ro, &opt);
	status = cc_tool_run(cc_config_bool(&cfg, "dispute.grouped") ?
			     &cc_dispute_stage : &cc_dispute_stage_ungrouped, x, &ro);
	cc_dispute_ctx_info(x, &info);
	if (opt.stats)
		cc_warn("%zu consumers: %zu disputes, %zu items (%zu left "
			"for another round)", info.groups, info.disputes,
			info.items, info.deferred);
out:
	cc_dispute_ctx_free(x);
	cc_dispute_rules_free(R);
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return status;
out_setup:
	cc_warn_error(&e);
	status = cc_error_exit_status(e.code);
	goto out;
}
