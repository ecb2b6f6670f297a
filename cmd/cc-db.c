/*
 * cc-db -- keep cc's PostgreSQL database: migrate, status, vocabulary.  Thin main: the options, the
 * connection, one call of lib/store for the command, its output.  See
 * cc-db(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "store/store.h"
#include "tool/diag.h"
#include "tool/opt.h"
#include "tool/tool.h"

#include <jansson.h>

static void version(char *buf, size_t size)
{
	cc_store_version(buf, size);
}

/* tool, the command line: cc-db.opts, made C by scripts/gen-opts.sh */
#include "cc-db-opts.c"

struct ctx {
	struct cc_opts *opt;
	struct cc_config *cfg;
	char **args;           /* the command's operands */
	int nargs;
};

/* The local options, and the commands that take each. */
static const struct {
	const char *name, *commands;
} option_of[] = {
	{ "json", " status " },
};

/* The database, or the diagnostic and the exit. */
static struct cc_store *connect_or_die(struct ctx *c)
{
	const char *url = cc_config_str(c->cfg, "database.url");
	const char *origin = cc_config_origin(c->cfg, "database.url");
	struct cc_store *st;
	struct cc_error e;

	cc_error_clear(&e);
	if (cc_store_open(&st, url, "cc-db", &e) == 0)
		return st;
	if (e.code == CC_ERR_USAGE) {
		/* a flag's is a usage error; the environment's or the
		 * file's, a configuration error saying which */
		if (!strncmp(origin, "--", 2))
			cc_usage_error("%s: %s", origin, e.msg);
		cc_die(CC_EXIT_DATAERR, "%s: %s", origin, e.msg);
	}
	cc_warn_error(&e);
	exit(cc_error_exit_status(e.code));
}

static int fail(struct cc_store *st, const struct cc_error *e)
{
	cc_store_close(st);
	if (e->code == CC_ERR_USAGE)
		cc_usage_error("%s", e->msg);
	cc_warn_error(e);
	return cc_error_exit_status(e->code);
}

/* Each migration as it is committed: a later one may fail. */
static void applied(int version, const char *name, void *arg)
{
	(*(int *)arg)++;
	printf("applied %04d-%s\n", version, name);
	fflush(stdout);
}

static int cmd_migrate(struct ctx *c)
{
	struct cc_store *st = connect_or_die(c);
	struct cc_error e;
	int count = 0, version;

	cc_error_clear(&e);
	if (cc_store_migrate(st, applied, &count, &version, &e) < 0)
		return fail(st, &e);
	if (!count)
		printf("nothing to migrate: the schema is at version %d, the "
		       "latest\n", version);
	cc_store_close(st);
	return 0;
}

/* --json: one line. */
static void status_json(const struct cc_store_status *s)
{
	json_t *o = json_object(), *a = json_array();
	char *line;
	size_t i;

	json_object_set_new(o, "version", json_integer(s->version));
	json_object_set_new(o, "latest", json_integer(s->latest));
	for (i = 0; i < s->n; i++) {
		const struct cc_store_migration *m = &s->v[i];

		json_array_append_new(a, json_pack("{s:i, s:s, s:s, s:s, s:o}",
			"version", m->version, "name", m->name,
			"state", cc_store_migration_state_name(m->state),
			"checksum", m->checksum,
			"applied_at", *m->applied_at ? json_string(m->applied_at) :
			json_null()));
	}
	json_object_set_new(o, "migrations", a);
	line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!line)
		cc_fatal("out of memory");
	printf("%s\n", line);
	free(line);
	json_decref(o);
}

static int cmd_status(struct ctx *c)
{
	struct cc_store *st = connect_or_die(c);
	struct cc_store_status s;
	struct cc_error e;
	int status = 0;
	size_t i;

	cc_error_clear(&e);
	if (cc_store_status(st, &s, &e) < 0)
		return fail(st, &e);
	cc_store_close(st);
	if (cc_opts_get(c->opt, "json")) {
		status_json(&s);
	} else {
		printf("version %d of %d\n", s.version, s.latest);
		for (i = 0; i < s.n; i++)
			printf("%s %04d-%s%s%s\n",
			       cc_store_migration_state_name(s.v[i].state),
			       s.v[i].version, s.v[i].name,
			       *s.v[i].applied_at ? " " : "", s.v[i].applied_at);
	}
	for (i = 0; i < s.n; i++) {
		if (s.v[i].state == CC_MIGRATION_CHANGED)
			cc_warn("migration %04d-%s was changed after it was applied",
				s.v[i].version, s.v[i].name);
		else if (s.v[i].state == CC_MIGRATION_UNKNOWN)
			cc_warn("the database has migration %04d-%s, which cc-db "
				"does not know", s.v[i].version, s.v[i].name);
		else
			continue;
		status = CC_EXIT_DATAERR;
	}
	cc_store_status_release(&s);
	return status;
}

static int cmd_vocabulary(struct ctx *c)
{
	struct cc_buf b = { 0 };

	(void)c;
	cc_store_vocabulary(&b);
	if (b.len)
		fwrite(b.s, 1, b.len, stdout);
	cc_buf_release(&b);
	return 0;
}

static const struct {
	const char *name;
	int nargs;             /* its operands; -1: checked by the command */
	int (*run)(struct ctx *c);
} commands[] = {
	{ "migrate", 0, cmd_migrate },
	{ "status", 0, cmd_status },
	{ "vocabulary", 0, cmd_vocabulary },
};

int main(int argc, char **argv)
{
	struct cc_config cfg;
	struct cc_opts opt;
	struct ctx c;
	size_t i, k;
	int status;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);
	if (opt.nargs < 1)
		cc_usage_error("no command (migrate, status or vocabulary)");
	for (k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (!strcmp(commands[k].name, opt.args[0]))
			break;
	if (k == sizeof(commands) / sizeof(commands[0]))
		cc_usage_error("'%.40s' is not a command", opt.args[0]);
	if (commands[k].nargs >= 0 && opt.nargs - 1 > commands[k].nargs)
		cc_usage_error("%s: unexpected operand '%.80s'", commands[k].name,
			       opt.args[1 + commands[k].nargs]);
	for (i = 0; i < sizeof(option_of) / sizeof(option_of[0]); i++) {
		char word[48];

		snprintf(word, sizeof(word), " %s ", commands[k].name);
		if (cc_opts_get(&opt, option_of[i].name) &&
		    !strstr(option_of[i].commands, word))
			cc_usage_error("--%s: not an option of %s", option_of[i].name,
				       commands[k].name);
	}
	c.opt = &opt;
	c.cfg = &cfg;
	c.args = opt.args + 1;
	c.nargs = opt.nargs - 1;
	status = commands[k].run(&c);
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return cc_finish_stdout(status);
}
