/*
 * t-optgen.c -- scripts/gen-opts.sh: what it makes of t-optgen.opts, read
 * back as C.  Every string is checked against the C literal it must be,
 * written here by hand, so that an escape the generator gets wrong (a
 * quote, a backslash, a "??" trigraph, a tab, a control byte) shows; and
 * the --help the engine prints of it, as a tool's would be.
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/opt.h"

#include "tap.h"

static void version(char *buf, size_t size)
{
	snprintf(buf, size, "gen");
}

/* tool and tool_opts, from tests/unit/t-optgen.opts */
#include "t-optgen-opts.c"

static size_t nrows(const struct cc_opt *r)
{
	size_t n = 0;

	while (r[n].long_name)
		n++;
	return n;
}

static void test_tool(void)
{
	is_str(tool.name, "cc-gen", "name");
	is_str(tool.synopsis, "[options] \"FILE\" \\ `x' 100%s",
	       "synopsis: quotes, a backslash, a backquote, %% as they are");
	is_str(tool.about,
	       "A \"quoted\" `word', a back\\slash, 50% and %s, ?\?/ and ?\?\? "
	       "and ?,\n"
	       "a\ttab and   spaces kept.\n"
	       "\n"
	       "  After an empty line, indented.\n",
	       "about: the text as it stands, its empty line kept, those "
	       "after it not; no trigraph");
	is_str(tool.section, "ocr", "section");
	is_int(tool.common,
	       CC_OPT_JOBS | CC_OPT_STATS | CC_OPT_PROGRESS | CC_OPT_CONFIG,
	       "shared: the bits named");
	is_str(tool.jobs_what, "pages", "jobs-what");
	is_str(tool.stats_what, "100% of \"counts\"", "stats-what");
	is_str(tool.epilogue,
	       "A control byte \001 then a digit: \0011; 100% done.\n"
	       "\\n is not a newline, nor \\\\ one backslash.\n",
	       "epilogue: a control byte, a digit after it, backslashes");
	ok(tool.version == version, "version: the function named");
	ok(tool.opts == tool_opts, "opts: the rows");
}

static void test_rows(void)
{
	const struct cc_opt *r = tool_opts;

	if (!is_int(nrows(r), 6, "six options, then the end"))
		return;

	is_int(r[0].short_name, 'd', "-d");
	is_str(r[0].long_name, "dpi", "--dpi");
	is_str(r[0].arg, "N", "=N");
	is_str(r[0].key, "ocr.dpi", "key");
	is_str(r[0].value, NULL, "no value");
	is_str(r[0].help, "OCR resolution (default 300)",
	       "help: its lines joined by a space");

	is_int(r[1].short_name, '0', "-0: a digit");
	is_str(r[1].arg, NULL, "a flag: no argument");
	is_str(r[1].key, NULL, "no key: local");
	is_str(r[1].value, "\"1\" \\0", "value: quotes and a backslash");
	is_str(r[1].help, "ends in a backslash \\", "a backslash at the end");

	is_int(r[2].short_name, 0, "no short name");
	is_int(r[2].type, CC_CFG_INT, "type int");
	ok(r[2].min == 0 && r[2].max == LONG_MAX, "range 0..LONG_MAX");
	is_str(r[2].name, NULL, "no name: its long name");
	is_str(r[2].help,
	       "a level, \"?\?=\" and ?\?/ wrapped\nand broken where the empty "
	       "line was", "help: an empty line breaks it there");

	is_str(r[3].name, "level", "name");
	is_int(r[3].type, CC_CFG_FRACTION, "type fraction");
	ok(r[3].min == 0 && r[3].max == 0, "no range");

	is_str(r[4].arg, "S", "an option with no attribute");
	is_int(r[4].type, CC_CFG_STRING, "type: string by default");
	is_str(r[4].help, NULL, "no help");
	is_str(r[5].long_name, "flag", "a flag with no attribute");
	is_str(r[5].value, NULL, "no value");
}

static void test_help(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cc_opts_help(&tool, f);
	fclose(f);
	is_str(buf,
	       "usage: cc-gen [options] \"FILE\" \\ `x' 100%s\n"
	       "\n"
	       "A \"quoted\" `word', a back\\slash, 50% and %s, ?\?/ and ?\?\? "
	       "and ?,\n"
	       "a\ttab and   spaces kept.\n"
	       "\n"
	       "  After an empty line, indented.\n"
	       "\n"
	       "  -d, --dpi=N        OCR resolution (default 300)\n"
	       "  -0, --null         ends in a backslash \\\n"
	       "      --level=N      a level, \"?\?=\" and ?\?/ wrapped\n"
	       "                     and broken where the empty line was\n"
	       "      --bar=X        sets level too\n"
	       "      --plain=S      \n"
	       "      --flag         \n"
	       "  -j, --jobs=N       pages worked on at once (default: one "
	       "per CPU)\n"
	       "      --stats        print 100% of \"counts\" on stderr at "
	       "the end\n"
	       "      --progress     show progress on stderr (default: when a "
	       "terminal)\n"
	       "      --no-progress  never show progress\n"
	       "  -c, --config=FILE  read configuration from FILE\n"
	       "  -h, --help         show this help and exit\n"
	       "      --version      show the version and exit\n"
	       "\n"
	       "A control byte \001 then a digit: \0011; 100% done.\n"
	       "\\n is not a newline, nor \\\\ one backslash.\n",
	       "--help of the generated tool");
	free(buf);
}

int main(void)
{
	test_tool();
	test_rows();
	test_help();
	return tap_done();
}
