#include "base/cc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cc_error_clear(struct cc_error *e)
{
	if (!e)
		return;
	e->code = 0;
	e->id[0] = '\0';
	e->source[0] = '\0';
	e->line = 0;
	e->msg[0] = '\0';
}

int cc_error_set(struct cc_error *e, int code, const char *id,
		 const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	snprintf(e->id, sizeof(e->id), "%s", id ? id : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void cc_error_at(struct cc_error *e, const char *source, long line)
{
	if (!e)
		return;
	snprintf(e->source, sizeof(e->source), "%s", source ? source : "");
	e->line = line;
}

int cc_error_exit_status(int code)
{
	switch (code) {
	case 0:
		return CC_EXIT_OK;
	case CC_ERR_DATA:
		return CC_EXIT_REJECTED;
	case CC_ERR_IO:
		return CC_EXIT_IOERR;
	case CC_ERR_CONFIG:
		return CC_EXIT_DATAERR;
	case CC_ERR_USAGE:
		return CC_EXIT_USAGE;
	case CC_ERR_UNAVAILABLE:
		return CC_EXIT_UNAVAILABLE;
	case CC_ERR_NOINPUT:
		return CC_EXIT_NOINPUT;
	case CC_ERR_TEMP:
	case CC_ERR_RESOURCE:
		return CC_EXIT_TEMPFAIL;
	}
	return CC_EXIT_REJECTED;
}

static void (*fatal_handler)(const char *msg);

void cc_set_fatal_handler(void (*handler)(const char *msg))
{
	fatal_handler = handler;
}

void cc_fatal(const char *fmt, ...)
{
	static char msg[512];   /* no allocating: memory may be what ran out */
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (fatal_handler)
		fatal_handler(msg);
	abort();
}
