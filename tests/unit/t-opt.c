/*
 * t-opt.c -- lib/tool/opt.c: a tool's command line from its table.
 *
 * What returns is checked in this process; what exits (--help,
 * --version, usage and config errors) in a child, its stdout, stderr
 * and exit status caught.
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/opt.h"

#include <ctype.h>
#include <signal.h>
#include <sys/wait.h>

#include "tap.h"
#include "tmp.h"

static void version(char *buf, size_t size)
{
	snprintf(buf, size, "engine %d.%d", 1, 2);
}

static const struct cc_opt test_options[] = {
	{ .short_name = 'd', .long_name = "dpi", .arg = "N", .key = "ocr.dpi",
	  .help = "OCR resolution (default 300)" },
	{ .long_name = "no-ocr", .key = "ocr.enabled", .value = "false",
	  .help = "never OCR" },
	{ .long_name = "cache-ttl", .arg = "TIME", .key = "ocr.cache_ttl",
	  .help = "how long a cached page stays good (default 24h)" },
	{ .long_name = "previous", .arg = "FILE",
	  .help = "earlier records (may be given more than once)" },
	{ .short_name = 'q', .long_name = "quiet", .value = "yes",
	  .help = "say less" },
	{ .long_name = "level", .arg = "N", .type = CC_CFG_INT,
	  .min = 1, .max = 5,
	  .help = "a level from 1 to 5, with a help line long enough that it "
		  "has to be wrapped, twice over, to stay within eighty "
		  "columns" },
	{ .long_name = "bar", .arg = "X", .type = CC_CFG_FRACTION,
	  .help = "a bar\nbroken where it stands" },
	{ .long_name = "a-very-long-option-name", .arg = "VALUE",
	  .help = "its help on a line of its own" },
	{ 0 },
};

static const struct cc_opt_tool test_tool = {
	.name = "cc-test",
	.synopsis = "[options] [FILE ...]",
	.about = "A tool for the tests.\nIt reads nothing.",
	.section = "ocr",
	.common = CC_OPT_FILTER,
	.jobs_what = "pages",
	.stats_what = "page counts",
	.opts = test_options,
	.epilogue = "Exit status: 0, or 2.\n",
	.version = version,
};

/* No configuration: -j is the tool's own. */
static const struct cc_opt bare_options[] = {
	{ .short_name = 'o', .long_name = "output", .arg = "DIR",
	  .help = "where to" },
	{ 0 },
};

static const struct cc_opt_tool bare_tool = {
	.name = "cc-bare",
	.synopsis = "-o DIR",
	.common = CC_OPT_JOBS | CC_OPT_PROGRESS,
	.jobs_what = "reports",
	.opts = bare_options,
};

/* Nothing shared but -h and --version. */
static const struct cc_opt_tool none_tool = {
	.name = "cc-none",
	.synopsis = "FILE",
	.opts = NULL,
};

static const char test_help_text[] =
"usage: cc-test [options] [FILE ...]\n"
"\n"
"A tool for the tests.\n"
"It reads nothing.\n"
"\n"
"  -d, --dpi=N           OCR resolution (default 300)\n"
"      --no-ocr          never OCR\n"
"      --cache-ttl=TIME  how long a cached page stays good (default 24h)\n"
"      --previous=FILE   earlier records (may be given more than once)\n"
"  -q, --quiet           say less\n"
"      --level=N         a level from 1 to 5, with a help line long enough that\n"
"                        it has to be wrapped, twice over, to stay within eighty\n"
"                        columns\n"
"      --bar=X           a bar\n"
"                        broken where it stands\n"
"      --a-very-long-option-name=VALUE\n"
"                        its help on a line of its own\n"
"  -j, --jobs=N          pages worked on at once (default: one per CPU)\n"
"      --stats           print page counts on stderr at the end\n"
"      --strict          stop at the first rejected input\n"
"      --unbuffered      flush stdout after every record\n"
"      --progress        show progress on stderr (default: when a terminal)\n"
"      --no-progress     never show progress\n"
"  -c, --config=FILE     read configuration from FILE\n"
"  -h, --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"Exit status: 0, or 2.\n";

static char *empty_config;

/* No CC_* variable but CC_CONFIG, naming an empty file. */
static void clean_env(void)
{
	char name[128];
	size_t j;
	int i;

	for (i = 0; cc_config_keys[i].name; i++) {
		snprintf(name, sizeof(name), "CC_%s", cc_config_keys[i].name);
		for (j = 3; name[j]; j++)
			name[j] = name[j] == '.' ? '_' :
				  (char)toupper((unsigned char)name[j]);
		unsetenv(name);
	}
	setenv("CC_CONFIG", empty_config, 1);
}

static int count(char **argv)
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

struct outcome {
	int status;              /* exit status, or -signal */
	char out[8192], err[8192];
};

static void read_all(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n + 1 < size && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(fd);
}

/* Parse argv in a child; what it printed and how it ended. */
static void run(const struct cc_opt_tool *tool, char **argv,
		struct outcome *r)
{
	int po[2], pe[2], st;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if (pipe(po) != 0 || pipe(pe) != 0) {
		printf("Bail out! pipe: %s\n", strerror(errno));
		exit(1);
	}
	pid = fork();
	if (pid == 0) {
		struct cc_config cfg;
		struct cc_opts o;

		/* the temporary directory is the parent's to remove */
		free(tmp_dir_path);
		tmp_dir_path = NULL;
		dup2(po[1], STDOUT_FILENO);
		dup2(pe[1], STDERR_FILENO);
		close(po[0]);
		close(pe[0]);
		close(po[1]);
		close(pe[1]);
		cc_opts_parse(&o, tool, count(argv), argv,
			      tool->common & CC_OPT_CONFIG ? &cfg : NULL);
		cc_opts_release(&o);
		if (tool->common & CC_OPT_CONFIG)
			cc_config_release(&cfg);
		exit(99);   /* it returned */
	}
	close(po[1]);
	close(pe[1]);
	read_all(po[0], r->out, sizeof(r->out));
	read_all(pe[0], r->err, sizeof(r->err));
	waitpid(pid, &st, 0);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
}

/* Run argv; expect this exit status and exactly this on stderr. */
static void expect_exit(const char *desc, const struct cc_opt_tool *tool,
			char **argv, int status, const char *err)
{
	struct outcome r;

	run(tool, argv, &r);
	is_int(r.status, status, "%s: exit %d", desc, status);
	is_str(r.err, err, "%s: stderr", desc);
	is_str(r.out, "", "%s: nothing on stdout", desc);
}

#define ARGV(...) ((char *[]){ __VA_ARGS__, NULL })

static void test_parse(void)
{
	struct cc_config cfg;
	struct cc_opts o;
	char **argv = ARGV("cc-test", "--dpi", "600", "-q", "file1",
			   "--previous=a", "--previous", "b", "--level", "3",
			   "--no-progress", "--progress", "--stats", "-j", "4",
			   "--no-ocr", "--cache-ttl=2h", "--strict", "file2");

	clean_env();
	cc_opts_parse(&o, &test_tool, count(argv), argv, &cfg);
	ok(o.cfg == &cfg, "the configuration is loaded into the caller's");
	is_int(cc_config_int(&cfg, "ocr.dpi"), 600, "--dpi 600 sets ocr.dpi");
	is_str(cc_config_origin(&cfg, "ocr.dpi"), "--dpi",
	       "its origin is the flag");
	is_int(cc_config_bool(&cfg, "ocr.enabled"), 0,
	       "--no-ocr sets ocr.enabled to its value, false");
	is_int(cc_config_duration(&cfg, "ocr.cache_ttl"), 7200,
	       "--cache-ttl=2h is 7200 s");
	is_int(cc_config_bool(&cfg, "input.strict"), 1,
	       "--strict sets input.strict");
	is_int(cc_config_bool(&cfg, "output.unbuffered"), 0,
	       "output.unbuffered keeps its default");
	is_int(cc_config_int(&cfg, "ocr.jobs"), 4, "-j 4 sets ocr.jobs");
	is_int(cc_opts_jobs(&o), 4, "cc_opts_jobs: 4");
	is_str(cc_opts_get(&o, "quiet"), "yes", "-q: the row's value");
	is_str(cc_opts_get(&o, "level"), "3", "--level 3");
	is_str(cc_opts_get(&o, "bar"), NULL, "an option not given: NULL");
	is_int(cc_opts_count(&o, "previous"), 2, "--previous twice");
	is_str(cc_opts_nth(&o, "previous", 0), "a", "the first, --previous=a");
	is_str(cc_opts_nth(&o, "previous", 1), "b", "the second, --previous b");
	is_str(cc_opts_nth(&o, "previous", 2), NULL, "no third");
	is_str(cc_opts_get(&o, "previous"), "b", "cc_opts_get: the last");
	is_int(o.progress, 1, "--no-progress then --progress: the last wins");
	is_int(o.stats, 1, "--stats");
	is_int(o.nargs, 2, "two operands, options among them");
	is_str(o.args[0], "file1", "the first operand");
	is_str(o.args[1], "file2", "the second operand");
	is_str(o.args[0], argv[optind], "optind is at the first operand");
	cc_opts_release(&o);
	cc_config_release(&cfg);

	argv = ARGV("cc-test");
	cc_opts_parse(&o, &test_tool, count(argv), argv, &cfg);
	is_int(o.progress, -1, "no --progress: -1, when a terminal");
	is_int(o.stats, 0, "no --stats");
	is_int(o.nargs, 0, "no operands");
	ok(cc_opts_jobs(&o) >= 1, "-j 0, the default: one per processor");
	is_int(cc_opts_count(&o, "previous"), 0, "no --previous");
	is_str(cc_config_origin(&cfg, "ocr.dpi"), "default", "defaults");
	cc_opts_release(&o);
	cc_opts_release(&o);
	ok(1, "cc_opts_release twice is harmless");
	cc_config_release(&cfg);
}

static void test_precedence(void)
{
	struct cc_config cfg;
	struct cc_opts o;
	char *path = tmp_write_str("prec.yaml",
				   "ocr:\n  dpi: 200\n  psm: 3\n  jobs: 2\n");
	char **argv = ARGV("cc-test", "-c", path, "--dpi=400");
	char *origin = cc_xasprintf("%s:3", path);

	clean_env();
	setenv("CC_OCR_DPI", "100", 1);
	setenv("CC_OCR_LANG", "deu", 1);
	cc_opts_parse(&o, &test_tool, count(argv), argv, &cfg);
	is_int(cc_config_int(&cfg, "ocr.dpi"), 400,
	       "a flag beats the environment and the file");
	is_str(cc_config_str(&cfg, "ocr.lang"), "deu",
	       "the environment beats the default");
	is_str(cc_config_origin(&cfg, "ocr.lang"), "$CC_OCR_LANG",
	       "origin $CC_OCR_LANG");
	is_int(cc_config_int(&cfg, "ocr.psm"), 3, "the file beats the default");
	is_str(cc_config_origin(&cfg, "ocr.psm"), origin, "origin FILE:3");
	is_int(cc_opts_jobs(&o), 2, "-j from the file: ocr.jobs 2");
	is_str(cfg.file, path, "-c names the file read");
	cc_opts_release(&o);
	cc_config_release(&cfg);
	unsetenv("CC_OCR_DPI");
	unsetenv("CC_OCR_LANG");

	/* the same value from each source */
	setenv("CC_OCR_CACHE_TTL", "24h", 1);
	argv = ARGV("cc-test");
	cc_opts_parse(&o, &test_tool, count(argv), argv, &cfg);
	is_int(cc_config_duration(&cfg, "ocr.cache_ttl"), 86400,
	       "CC_OCR_CACHE_TTL=24h");
	cc_opts_release(&o);
	cc_config_release(&cfg);
	unsetenv("CC_OCR_CACHE_TTL");
	free(origin);
	unlink(path);
	free(path);
}

static void test_bare(void)
{
	struct cc_opts o;
	char **argv = ARGV("cc-bare", "-j", "7", "-o", "out", "--no-progress");
	FILE *f;
	char *buf = NULL;
	size_t len = 0;

	cc_opts_parse(&o, &bare_tool, count(argv), argv, NULL);
	is_int(cc_opts_jobs(&o), 7, "a tool without a configuration: -j 7");
	is_str(cc_opts_get(&o, "jobs"), "7", "kept as its own option");
	is_str(cc_opts_get(&o, "output"), "out", "-o out");
	is_int(o.progress, 0, "--no-progress");
	ok(o.cfg == NULL, "no configuration");
	cc_opts_release(&o);

	f = open_memstream(&buf, &len);
	cc_opts_help(&bare_tool, f);
	fclose(f);
	is_str(buf,
	       "usage: cc-bare -o DIR\n"
	       "\n"
	       "  -o, --output=DIR   where to\n"
	       "  -j, --jobs=N       reports worked on at once (default: one per CPU)\n"
	       "      --progress     show progress on stderr (default: when a terminal)\n"
	       "      --no-progress  never show progress\n"
	       "  -h, --help         show this help and exit\n"
	       "      --version      show the version and exit\n",
	       "--help of a tool with neither paragraph nor epilogue");
	free(buf);
}

static void test_help(void)
{
	struct outcome r;

	run(&test_tool, ARGV("cc-test", "--help", "--bogus"), &r);
	is_int(r.status, 0, "--help: exit 0, before a bad option after it");
	is_str(r.out, test_help_text, "--help: usage, paragraph, options, epilogue");
	is_str(r.err, "", "--help: nothing on stderr");
	run(&test_tool, ARGV("cc-test", "-h"), &r);
	is_str(r.out, test_help_text, "-h is --help");

	run(&test_tool, ARGV("cc-test", "--version"), &r);
	is_int(r.status, 0, "--version: exit 0");
	is_str(r.out, "cc-test " CC_VERSION " (engine 1.2)\n",
	       "--version: name, version, and the tool's more");
	run(&none_tool, ARGV("cc-none", "--version"), &r);
	is_str(r.out, "cc-none " CC_VERSION "\n", "--version: nothing more");
	run(&none_tool, ARGV("cc-none", "--help"), &r);
	is_str(r.out,
	       "usage: cc-none FILE\n"
	       "\n"
	       "  -h, --help     show this help and exit\n"
	       "      --version  show the version and exit\n",
	       "--help of a tool with no options of its own");
}

static void test_errors(void)
{
	char *bad = tmp_write_str("bad.yaml", "ocr:\n  dpi: 10\n");
	char *want = cc_xasprintf("cc-test: %s:2: 'ocr.dpi': expected 50 to "
				  "1200, got 10\n", bad);
	char *missing = tmp_path("missing.yaml");
	char *want66 = cc_xasprintf("cc-test: cannot open config '%s': No "
				    "such file or directory\n", missing);

	clean_env();
	expect_exit("an unknown option", &test_tool, ARGV("cc-test", "--bogus"),
		    2, "cc-test: unrecognized option '--bogus'\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("an unknown short option", &test_tool,
		    ARGV("cc-test", "-x"), 2,
		    "cc-test: invalid option -- 'x'\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("a missing argument", &test_tool, ARGV("cc-test", "--dpi"),
		    2, "cc-test: option '--dpi' requires an argument\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("an argument to a flag that takes none", &test_tool,
		    ARGV("cc-test", "--strict=yes"), 2,
		    "cc-test: option '--strict' doesn't allow an argument\n"
		    "Try 'cc-test --help' for more information.\n");

	/* a flag: the flag names the setting */
	expect_exit("out of range from a flag", &test_tool,
		    ARGV("cc-test", "--dpi", "10"), 2,
		    "cc-test: --dpi: expected 50 to 1200, got 10\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("out of range from a short flag", &test_tool,
		    ARGV("cc-test", "-d10"), 2,
		    "cc-test: --dpi: expected 50 to 1200, got 10\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("-j out of range", &test_tool, ARGV("cc-test", "-j", "257"),
		    2, "cc-test: --jobs: expected 0 to 256, got 257\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("the wrong type from a flag", &test_tool,
		    ARGV("cc-test", "--dpi", "ten"), 2,
		    "cc-test: --dpi: 'ocr.dpi': expected a non-negative "
		    "integer, got 'ten'\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("a bad duration from a flag", &test_tool,
		    ARGV("cc-test", "--cache-ttl", "soon"), 2,
		    "cc-test: --cache-ttl: 'ocr.cache_ttl': expected seconds "
		    "or a number with s, m, h or d, got 'soon'\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("a local option out of range", &test_tool,
		    ARGV("cc-test", "--level=9"), 2,
		    "cc-test: --level: expected 1 to 5, got 9\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("a local option of the wrong type", &test_tool,
		    ARGV("cc-test", "--bar", "2"), 2,
		    "cc-test: --bar: expected a number from 0 to 1, got '2'\n"
		    "Try 'cc-test --help' for more information.\n");
	expect_exit("-j not a number, a tool's own", &bare_tool,
		    ARGV("cc-bare", "-j", "x"), 2,
		    "cc-bare: --jobs: expected a non-negative integer, got "
		    "'x'\nTry 'cc-bare --help' for more information.\n");
	expect_exit("a shared option the tool does not take", &bare_tool,
		    ARGV("cc-bare", "--strict"), 2,
		    "cc-bare: unrecognized option '--strict'\n"
		    "Try 'cc-bare --help' for more information.\n");
	expect_exit("-c in a tool without a configuration", &bare_tool,
		    ARGV("cc-bare", "-c", "x"), 2,
		    "cc-bare: invalid option -- 'c'\n"
		    "Try 'cc-bare --help' for more information.\n");

	/* the environment and the file: where, and the key */
	setenv("CC_OCR_DPI", "10", 1);
	expect_exit("out of range from the environment", &test_tool,
		    ARGV("cc-test", "--dpi=300"), 65,
		    "cc-test: $CC_OCR_DPI: 'ocr.dpi': expected 50 to 1200, "
		    "got 10\n");
	unsetenv("CC_OCR_DPI");
	setenv("CC_OCR_CACHE_TTL", "soon", 1);
	expect_exit("a bad duration from the environment", &test_tool,
		    ARGV("cc-test"), 65,
		    "cc-test: environment CC_OCR_CACHE_TTL: 'ocr.cache_ttl': "
		    "expected seconds or a number with s, m, h or d, got "
		    "'soon'\n");
	unsetenv("CC_OCR_CACHE_TTL");
	expect_exit("out of range from the file", &test_tool,
		    ARGV("cc-test", "-c", bad), 65, want);
	expect_exit("a config file that is not there", &test_tool,
		    ARGV("cc-test", "--config", missing), 66, want66);

	unlink(bad);
	free(bad);
	free(want);
	free(missing);
	free(want66);
}

/* Mistakes in a table are the programmer's: they abort. */
static const struct cc_opt twice_options[] = {
	{ .long_name = "strict", .value = "1", .help = "mine" },
	{ 0 },
};
static const struct cc_opt_tool twice_tool = {
	.name = "cc-twice", .synopsis = "", .common = CC_OPT_FILTER,
	.section = "ocr", .opts = twice_options,
};
static const struct cc_opt unknown_key_options[] = {
	{ .long_name = "frob", .arg = "N", .key = "ocr.frob", .help = "x" },
	{ 0 },
};
static const struct cc_opt_tool unknown_key_tool = {
	.name = "cc-frob", .synopsis = "", .common = CC_OPT_CONFIG,
	.opts = unknown_key_options,
};
static const struct cc_opt_tool no_jobs_key_tool = {
	.name = "cc-nojobs", .synopsis = "", .common = CC_OPT_FILTER,
	.section = "synth",
};

static void test_programming_errors(void)
{
	struct outcome r;

	run(&twice_tool, ARGV("cc-twice"), &r);
	is_int(r.status, -SIGABRT, "an option defined twice aborts");
	is_str(r.err, "cc: internal error: option defined twice: 'strict'\n",
	       "and says which");
	run(&unknown_key_tool, ARGV("cc-frob"), &r);
	is_int(r.status, -SIGABRT, "an option of an unknown key aborts");
	run(&no_jobs_key_tool, ARGV("cc-nojobs"), &r);
	is_int(r.status, -SIGABRT, "-j of a section without a jobs key aborts");
}

/* cc_opts_get of a name the tool has not: a child, as it aborts. */
static void test_unknown_name(void)
{
	pid_t pid;
	int st;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		struct cc_opts o;
		char **argv = ARGV("cc-bare");

		free(tmp_dir_path);
		tmp_dir_path = NULL;
		if (!freopen("/dev/null", "w", stderr))
			exit(98);
		cc_opts_parse(&o, &bare_tool, count(argv), argv, NULL);
		cc_opts_get(&o, "outptu");
		exit(99);
	}
	waitpid(pid, &st, 0);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT,
	   "cc_opts_get of an option the tool has not aborts");
}

int main(void)
{
	empty_config = tmp_write_str("empty.yaml", "");
	/* no ./cc.yaml of the test's directory to be found */
	if (chdir(tmp_dir()) != 0)
		tap_diag("chdir: %s", strerror(errno));
	clean_env();
	test_parse();
	test_precedence();
	test_bare();
	test_help();
	test_errors();
	test_programming_errors();
	test_unknown_name();
	free(empty_config);
	return tap_done();
}
