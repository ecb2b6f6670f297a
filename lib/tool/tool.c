#include "base/cc.h"
#include "tool/diag.h"
#include "tool/tool.h"
#include "tool/write.h"

#include <signal.h>

int cc_stream_run(const char *const *sources, int n,
		  const struct cc_stream_opts *o, cc_record_fn fn, void *arg)
{
	struct cc_reader *r = cc_reader_new(sources, n, o->max_record);
	struct cc_record rec;
	struct cc_error e;
	int status = CC_EXIT_OK, rc;

	cc_error_clear(&e);
	for (;;) {
		rc = cc_reader_next(r, &rec, &e);
		if (rc == 0)
			break;
		if (rc < 0) {
			if (cc_reject(o->stage, &e, NULL, &status) < 0)
				goto out_io;
			if (o->strict)
				break;
			continue;
		}
		rc = fn ? fn(&rec, arg, &status) :
			  cc_write_raw(rec.raw, rec.raw_len);
		if (rc == CC_ERR_IO)
			goto out_io;
		if (rc < 0) {
			/* the callback said why already: stop with its status */
			cc_reader_free(r);
			return cc_error_exit_status(rc);
		}
		if (o->strict && status != CC_EXIT_OK)
			break;
	}
	cc_reader_free(r);
	return status;

out_io:
	cc_reader_free(r);
	cc_warn("write error on standard output: %s", strerror(errno));
	return CC_EXIT_IOERR;
}

void cc_tool_config(struct cc_config *cfg, const char *config_path,
		    const struct cc_config_flags *flags)
{
	struct cc_error e;
	size_t i;

	cc_error_clear(&e);
	cc_config_init(cfg);
	if (cc_config_load(cfg, config_path, &e) < 0) {
		cc_warn_error(&e);
		exit(cc_error_exit_status(e.code));
	}
	for (i = 0; i < flags->n; i++) {
		const struct cc_config_flag *f = &flags->v[i];

		if (cc_config_set(cfg, f->key, f->value, f->name, &e) == 0)
			continue;
		/*
		 * Out of range: "--round: expected a round from 1 to 99, got
		 * 0", the flag alone naming the setting, as
		 * cc_tool_bad_setting() says it; of the wrong type, the key
		 * too, as the file and the environment say it.
		 */
		if (!strcmp(e.id, "config.range"))
			cc_config_check(cc_config_key_find(f->key), f->value, &e);
		cc_usage_error("%s: %s", f->name, e.msg);
	}
}

void cc_tool_bad_setting(const struct cc_config *cfg, const char *key,
			 const char *range)
{
	const char *origin = cc_config_origin(cfg, key);

	if (origin[0] == '-')
		cc_usage_error("%s: expected %s, got %s", origin, range,
			       cc_config_str(cfg, key));
	cc_die(CC_EXIT_DATAERR, "%s: '%s': expected %s, got %s", origin, key,
	       range, cc_config_str(cfg, key));
}

char *cc_tool_datafile(const char *sub)
{
	char exe[4096], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return cc_xasprintf("/usr/local/share/cc/%s", sub);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	return cc_xasprintf("%s/../share/cc/%s", exe, sub);
}

/* lib/ cannot go on (cc_fatal): say why, then it aborts. */
static void say_fatal(const char *msg)
{
	/* no stdio: the heap may be what ran out */
	const char *prog = cc_diag_prog();

	if (write(STDERR_FILENO, prog, strlen(prog)) < 0 ||
	    write(STDERR_FILENO, ": ", 2) < 0 ||
	    write(STDERR_FILENO, msg, strlen(msg)) < 0 ||
	    write(STDERR_FILENO, "\n", 1) < 0)
		return;
}

void cc_tool_init(int argc, char **argv)
{
	(void)argc;
	cc_diag_init(argv[0]);
	argv[0] = (char *)cc_diag_prog();
	cc_set_fatal_handler(say_fatal);
	/* a parent that ignored SIGPIPE must not make `| head` noisy */
	signal(SIGPIPE, SIG_DFL);
}
