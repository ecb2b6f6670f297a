/*
 * cc-load -- store records in cc's PostgreSQL database for an owner.
 * Thin main: the options, the connection, one run of the load stage
 * (lib/load/stage.c) over the input, the summary.  The batches, the
 * staging tables and the upserts are lib/store's (load.c).  See
 * cc-load(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "load/stage.h"
#include "store/store.h"
#include "tool/diag.h"
#include "tool/opt.h"
#include "tool/run.h"
#include "tool/tool.h"

#include <time.h>

static void version(char *buf, size_t size)
{
	cc_store_version(buf, size);
}

/* tool, the command line: cc-load.opts, made C by scripts/gen-opts.sh */
#include "cc-load-opts.c"

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The summary: what was read, what each table got, how long it took. */
static void summary(const struct cc_load_info *in, double secs)
{
	struct cc_buf b = { 0 };
	int i;

	cc_buf_addf(&b, "%lu records stored, %lu refused, ", in->stored,
		    in->rejected);
	/* a load that stopped: what was read and is not stored */
	if (in->records > in->stored + in->rejected)
		cc_buf_addf(&b, "%lu not stored (the load stopped), ",
			    in->records - in->stored - in->rejected);
	cc_buf_addf(&b, "%lu passed over in %.2f s", in->skipped, secs);
	if (in->retries)
		cc_buf_addf(&b, " (%lu %s)", in->retries,
			    in->retries == 1 ? "retry" : "retries");
	cc_buf_adds(&b, "; rows written:");
	for (i = 0; i < CC_STORE_LOAD_TABLES; i++)
		cc_buf_addf(&b, " %s %ld", cc_store_load_tables[i], in->rows[i]);
	cc_warn("%s", b.s);
	cc_buf_release(&b);
}

int main(int argc, char **argv)
{
	struct cc_load_opts lo = { 0 };
	struct cc_load_info info;
	struct cc_run_opts ro;
	struct cc_config cfg;
	struct cc_opts opt;
	struct cc_store *st;
	struct cc_load_ctx *x;
	struct cc_error e;
	const char *url, *origin;
	double t0 = seconds();
	int status;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);
	lo.owner = cc_opts_get(&opt, "owner");
	if (!lo.owner)
		cc_usage_error("no owner (give --owner ID)");
	if (!*lo.owner || strlen(lo.owner) > 200)
		cc_usage_error("--owner: an owner is 1 to 200 bytes");
	lo.batch = (size_t)cc_config_int(&cfg, "load.batch");

	url = cc_config_str(&cfg, "database.url");
	origin = cc_config_origin(&cfg, "database.url");
	cc_error_clear(&e);
	if (cc_store_open(&st, url, "cc-load", &e) < 0) {
		if (e.code == CC_ERR_USAGE) {
			/* a flag's is a usage error; the environment's or the
			 * file's, a configuration error saying which */
			if (!strncmp(origin, "--", 2))
				cc_usage_error("%s: %s", origin, e.msg);
			cc_die(CC_EXIT_DATAERR, "%s: %s", origin, e.msg);
		}
		cc_warn_error(&e);
		status = cc_error_exit_status(e.code);
		goto out_config;
	}
	if (!(x = cc_load_ctx_new(st, &lo, &e))) {
		cc_warn_error(&e);
		status = cc_error_exit_status(e.code);
		goto out_store;
	}
	/* as cc_run_opts_init(), but on one thread: one stage worker, its
	 * batches committed in input order */
	memset(&ro, 0, sizeof(ro));
	ro.sources = (const char *const *)opt.args;
	ro.nsources = opt.nargs;
	ro.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	ro.jobs = 1;
	ro.progress = opt.progress;
	status = cc_tool_run(&cc_load_stage, x, &ro);
	cc_load_ctx_info(x, &info);
	summary(&info, seconds() - t0);
	cc_load_ctx_free(x);
out_store:
	cc_store_close(st);
out_config:
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return status;
}
