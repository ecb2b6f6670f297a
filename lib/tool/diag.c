#include "base/cc.h"
#include "tool/diag.h"
#include "record/record.h"
#include "tool/write.h"

static const char *prog = "cc";

void cc_diag_init(const char *argv0)
{
	const char *s;

	if (!argv0 || !*argv0)
		return;
	s = strrchr(argv0, '/');
	prog = s ? s + 1 : argv0;
}

const char *cc_diag_prog(void)
{
	return prog;
}

static void vwarn_at(const char *source, long line, const char *fmt,
		     va_list ap)
{
	char msg[2048];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (source && *source && line > 0)
		fprintf(stderr, "%s: %s:%ld: %s\n", prog, source, line, msg);
	else if (source && *source)
		fprintf(stderr, "%s: %s: %s\n", prog, source, msg);
	else
		fprintf(stderr, "%s: %s\n", prog, msg);
}

void cc_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
}

void cc_warn_at(const char *source, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(source, line, fmt, ap);
	va_end(ap);
}

void cc_warn_error(const struct cc_error *e)
{
	cc_warn_at(e->source, e->line, "%s", e->msg);
}

void cc_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void cc_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	exit(CC_EXIT_USAGE);
}

static double now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void cc_progress_init(struct cc_progress *p, int enabled, const char *what,
		      unsigned long total)
{
	p->on = enabled < 0 ? isatty(STDERR_FILENO) : enabled;
	p->what = what;
	p->done = 0;
	p->total = total;
	p->last = 0;
}

void cc_progress_tick(struct cc_progress *p, unsigned long done)
{
	double t;

	p->done = done;
	if (!p->on)
		return;
	t = now_sec();
	if (t - p->last < 0.1)
		return;
	p->last = t;
	if (p->total)
		fprintf(stderr, "\r%s: %lu/%lu %s", prog, done, p->total, p->what);
	else
		fprintf(stderr, "\r%s: %lu %s", prog, done, p->what);
}

void cc_progress_end(struct cc_progress *p)
{
	if (!p->on)
		return;
	p->last = 0;
	if (p->total)
		fprintf(stderr, "\r%s: %lu/%lu %s\n", prog, p->done, p->total,
			p->what);
	else
		fprintf(stderr, "\r%s: %lu %s\n", prog, p->done, p->what);
}

int cc_finish_stdout(int status)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);

	if (fclose(stdout) != 0)
		bad = 1;
	if (bad) {
		cc_warn("write error on standard output: %s", strerror(errno));
		return CC_EXIT_IOERR;
	}
	return status;
}

int cc_exit_rank(int status)
{
	switch (status) {
	case CC_EXIT_OK: return 0;
	case CC_EXIT_REJECTED: return 1;
	case CC_EXIT_TEMPFAIL: return 2;
	case CC_EXIT_UNAVAILABLE: return 3;
	case CC_EXIT_IOERR: return 4;
	}
	return 5;
}

int cc_reject(const char *stage, const struct cc_error *e, const char *doc,
	      int *status)
{
	json_t *rec = cc_record_error(stage, e, doc, NULL);
	int st = cc_error_exit_status(e->code), rc;

	cc_warn_error(e);
	rc = cc_write_json(rec);
	json_decref(rec);
	if (st == CC_EXIT_NOINPUT)
		st = CC_EXIT_REJECTED;
	if (cc_exit_rank(st) > cc_exit_rank(*status))
		*status = st;
	return rc;
}
