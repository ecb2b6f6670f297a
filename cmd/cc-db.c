/*
 * cc-db -- keep cc's PostgreSQL database: migrate, status, purge,
 * dispute-status, overdue, vocabulary.  Thin main: the options, the
 * connection, one call of lib/store for the command, its output.  See
 * cc-db(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "model/date.h"
#include "model/model.h"
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
	{ "owner", " purge dispute-status overdue " },
	{ "json", " status " },
	{ "reason", " dispute-status " },
	{ "by", " dispute-status " },
	{ "more-info", " dispute-status " },
	{ "as-of", " overdue " },
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

static const char *owner_of(struct ctx *c, const char *command)
{
	const char *owner = cc_opts_get(c->opt, "owner");

	if (!owner)
		cc_usage_error("%s: no owner (give --owner ID)", command);
	if (!*owner)
		cc_usage_error("--owner: an empty owner");
	return owner;
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

static int cmd_purge(struct ctx *c)
{
	const char *owner = owner_of(c, "purge");
	long rows[CC_STORE_OWNER_TABLES];
	struct cc_store *st = connect_or_die(c);
	struct cc_error e;
	int i;

	cc_error_clear(&e);
	if (cc_store_purge(st, owner, rows, &e) < 0)
		return fail(st, &e);
	cc_store_close(st);
	for (i = 0; i < CC_STORE_OWNER_TABLES; i++)
		printf("%s %ld\n", cc_store_owner_tables[i], rows[i]);
	return 0;
}

/* The time now, as the other tools take it: $CC_NOW or the clock. */
static void now_iso(char *buf, size_t size)
{
	time_t now;

	if (cc_now(&now) < 0)
		cc_die(CC_EXIT_DATAERR, "environment CC_NOW: cannot be parsed");
	cc_time_iso(now, buf, size);
}

static int waiting(const char *status)
{
	return !strcmp(status, "sent") || !strcmp(status, "bureau_received") ||
	       !strcmp(status, "investigating");
}

static int cmd_dispute_status(struct ctx *c)
{
	const char *owner = owner_of(c, "dispute-status");
	struct cc_store_status_change ch;
	struct cc_store *st;
	struct cc_error e;
	char at[32];

	if (c->nargs != 2)
		cc_usage_error("dispute-status: give the dispute's ID and the new "
			       "STATUS");
	if (cc_dispute_status_of(c->args[1]) < 0)
		cc_usage_error("dispute-status: '%.40s' is no dispute status "
			       "(cc-db(1), DISPUTE STATUS)", c->args[1]);
	now_iso(at, sizeof(at));
	st = connect_or_die(c);
	cc_error_clear(&e);
	if (cc_store_dispute_status(st, owner, c->args[0], c->args[1],
				    cc_opts_get(c->opt, "by"),
				    cc_opts_get(c->opt, "reason"),
				    cc_opts_get(c->opt, "more-info") != NULL, at,
				    &ch, &e) < 0)
		return fail(st, &e);
	cc_store_close(st);
	if (strcmp(ch.previous, ch.status))
		printf("%s: %s -> %s", c->args[0], ch.previous, ch.status);
	else
		printf("%s: %s (unchanged)", c->args[0], ch.status);
	if (waiting(ch.status) && *ch.due_date)
		printf(", due %s", ch.due_date);
	printf("\n");
	return 0;
}

static int cmd_overdue(struct ctx *c)
{
	const char *owner = owner_of(c, "overdue");
	const char *as_of = cc_opts_get(c->opt, "as-of");
	struct cc_store_overdue *v;
	struct cc_store *st;
	struct cc_error e;
	char day[32];
	size_t n, i;

	if (as_of && !cc_date_valid_day(as_of))
		cc_usage_error("--as-of: expected a date YYYY-MM-DD, got %s", as_of);
	if (!as_of) {
		now_iso(day, sizeof(day));
		day[10] = '\0';
		as_of = day;
	}
	st = connect_or_die(c);
	cc_error_clear(&e);
	if (cc_store_overdue(st, owner, as_of, &v, &n, &e) < 0)
		return fail(st, &e);
	cc_store_close(st);
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%d\t%s\t%s\t%s\t%ld\n", v[i].id, v[i].bureau,
		       v[i].round, v[i].status, v[i].sent, v[i].due, v[i].days);
	free(v);
	return 0;
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
	{ "purge", 0, cmd_purge },
	{ "dispute-status", -1, cmd_dispute_status },
	{ "overdue", 0, cmd_overdue },
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
		cc_usage_error("no command (migrate, status, purge, "
			       "dispute-status, overdue or vocabulary)");
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
