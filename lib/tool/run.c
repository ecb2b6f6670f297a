/*
 * run.c -- the sink of a record filter's run (run.h): stdout for
 * records, stderr for diagnostics, the exit status.
 */
#include "base/cc.h"
#include "config/config.h"
#include "stage/driver.h"
#include "tool/diag.h"
#include "tool/run.h"
#include "tool/write.h"

struct sink {
	FILE *out;
	int status;
	int strict;
	int unbuffered;
	int io;                      /* stdout failed */
	struct cc_progress prog;
};

static int s_write(void *arg, const char *text, size_t len)
{
	struct sink *s = arg;

	if (fwrite(text, 1, len, s->out) != len || ferror(s->out)) {
		s->io = 1;
		return CC_ERR_IO;
	}
	return 0;
}

static int s_reject(void *arg, const char *stage, const struct cc_error *e,
		    const char *doc)
{
	struct sink *s = arg;

	if (cc_reject(stage, e, doc, &s->status) < 0) {
		s->io = 1;
		return CC_ERR_IO;
	}
	return s->strict ? 1 : 0;
}

static void s_warn(void *arg, const char *msg)
{
	(void)arg;
	cc_warn("%s", msg);
}

static void s_fatal(void *arg, const struct cc_error *e)
{
	struct sink *s = arg;
	int st = cc_error_exit_status(e->code);

	cc_warn_error(e);
	if (cc_exit_rank(st) > cc_exit_rank(s->status))
		s->status = st;
}

static void s_progress(void *arg, unsigned long n)
{
	struct sink *s = arg;

	cc_progress_tick(&s->prog, n);
}

static int s_flush(void *arg)
{
	struct sink *s = arg;

	if (s->unbuffered && fflush(s->out) != 0) {
		s->io = 1;
		return CC_ERR_IO;
	}
	return 0;
}

static const struct cc_sink_ops sink_ops = {
	s_write, s_reject, s_warn, s_fatal, s_progress, s_flush,
};

int cc_tool_jobs(long jobs)
{
	if (jobs <= 0)
		jobs = sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs < 1)
		jobs = 1;
	return jobs > 256 ? 256 : (int)jobs;
}

void cc_run_opts_init(struct cc_run_opts *ro, const struct cc_opts *opt)
{
	memset(ro, 0, sizeof(*ro));
	ro->sources = (const char *const *)opt->args;
	ro->nsources = opt->nargs;
	ro->max_record = (size_t)cc_config_size(opt->cfg, "input.max_record");
	ro->jobs = (int)cc_opts_jobs(opt);
	ro->strict = cc_config_bool(opt->cfg, "input.strict");
	ro->unbuffered = cc_config_bool(opt->cfg, "output.unbuffered");
	ro->progress = opt->progress;
}

int cc_tool_run(const struct cc_stage *st, void *ctx,
		const struct cc_run_opts *o)
{
	struct cc_driver_opts d;
	struct sink s;
	struct cc_error e;
	int rc;

	memset(&s, 0, sizeof(s));
	s.out = o->out ? o->out : stdout;
	s.strict = o->strict;
	s.unbuffered = o->unbuffered;
	cc_writer_init(o->unbuffered);
	cc_progress_init(&s.prog, o->progress, st->unit, o->total);
	memset(&d, 0, sizeof(d));
	d.sources = o->sources;
	d.nsources = o->nsources;
	d.items = o->items;
	d.nitems = o->nitems;
	d.max_record = o->max_record;
	d.jobs = cc_tool_jobs(o->jobs);
	/* what is done past a rejection cannot be undone */
	d.one_by_one = o->strict && st->effects;
	d.sink = &sink_ops;
	d.sink_arg = &s;
	rc = cc_driver_run(st, ctx, &d, &e);
	cc_progress_end(&s.prog);
	if (rc < 0 && rc != CC_ERR_IO) {
		/* no worker could be made: nothing was read */
		cc_warn_error(&e);
		return cc_error_exit_status(rc);
	}
	if (s.out != stdout) {
		if (s.io || rc == CC_ERR_IO || fflush(s.out) != 0)
			return CC_EXIT_IOERR;
		return s.status;
	}
	if (s.io || rc == CC_ERR_IO) {
		cc_warn("write error on standard output: %s", strerror(errno));
		return CC_EXIT_IOERR;
	}
	return cc_finish_stdout(s.status);
}
