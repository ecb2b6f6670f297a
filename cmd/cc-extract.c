/*
 * cc-extract -- the consumer, tradelines, inquiries and public records of
 * each report, from its page records.  Thin main: options, config, one
 * run of the extract stage (lib/extract/stage.c); the reading is in
 * lib/extract, the layouts' knowledge in the YAML files of layouts/.  See
 * cc-extract(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "extract/stage.h"
#include "record/record.h"
#include "tool/run.h"
#include "tool/tool.h"

#include <getopt.h>

/*
 * jemalloc's options, read from this symbol when cc-extract is linked with
 * it (see the Makefile): freed pages given back within a second, so that
 * memory stays that of the documents being read however long the stream.
 * Unused without jemalloc.
 */
extern const char *malloc_conf;
const char *malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";

static const char usage_text[] =
"usage: cc-extract [options] [FILE ...]\n"
"\n"
"Read `page' records (from cc-ocr), and after each document's pages write\n"
"its `consumer', `tradeline', `inquiry' and `public_record' records, with\n"
"negative items flagged and the reasons why.  Every other record is passed\n"
"through; `page' records are dropped unless --keep-pages.\n"
"\n"
"  -L, --layout=NAME      read every document as this layout (default:\n"
"                         detect: experian, equifax, transunion, merged3,\n"
"                         lender)\n"
"      --layouts=DIR      the layout files (default: the installed ones)\n"
"      --list-layouts     print the layouts known and exit\n"
"      --min-conf=X       list fields read with a confidence below X (0 to\n"
"                         1) in \"uncertain\" (default 0.6)\n"
"      --keep-pages       pass the page records through too\n"
"      --stats            print document and record counts on stderr\n"
"      --strict           stop at the first bad record\n"
"      --unbuffered       flush stdout after every record\n"
"      --progress         show progress on stderr (default: when a terminal)\n"
"      --no-progress      never show progress\n"
"  -c, --config=FILE      read configuration from FILE\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Exit status: 0 all documents read, 1 some records rejected, 2 usage,\n"
"65 bad config or layout file, 66 no input, 74 I/O error.  See cc-extract(1).\n";

enum {
	OPT_LAYOUTS = 256, OPT_LIST, OPT_MIN_CONF, OPT_KEEP, OPT_STATS,
	OPT_STRICT, OPT_UNBUFFERED, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "layout", required_argument, NULL, 'L' },
	{ "layouts", required_argument, NULL, OPT_LAYOUTS },
	{ "list-layouts", no_argument, NULL, OPT_LIST },
	{ "min-conf", required_argument, NULL, OPT_MIN_CONF },
	{ "keep-pages", no_argument, NULL, OPT_KEEP },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "unbuffered", no_argument, NULL, OPT_UNBUFFERED },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "config", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	struct cc_config_flags flags = { 0 };
	const char *config_path = NULL, *s;
	struct cc_extract_opts eo = { NULL, 0 };
	struct cc_run_opts ro = { 0 };
	struct cc_extract_layouts *L;
	struct cc_extract_stats st;
	struct cc_extract_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char *dir;
	int c, progress = -1, stats = 0, list = 0, status;
	size_t i;

	cc_tool_init(argc, argv);
	while ((c = getopt_long(argc, argv, "L:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'L': cc_config_flag(&flags, "extract.layout", optarg, "--layout"); break;
		case OPT_LAYOUTS: cc_config_flag(&flags, "extract.layouts", optarg, "--layouts"); break;
		case OPT_LIST: list = 1; break;
		case OPT_MIN_CONF: cc_config_flag(&flags, "extract.min_conf", optarg, "--min-conf"); break;
		case OPT_KEEP: cc_config_flag(&flags, "extract.keep_pages", "true", "--keep-pages"); break;
		case OPT_STATS: stats = 1; break;
		case OPT_STRICT: cc_config_flag(&flags, "input.strict", "true", "--strict"); break;
		case OPT_UNBUFFERED: cc_config_flag(&flags, "output.unbuffered", "true", "--unbuffered"); break;
		case OPT_PROGRESS: progress = 1; break;
		case OPT_NO_PROGRESS: progress = 0; break;
		case 'c': config_path = optarg; break;
		case 'h':
			fputs(usage_text, stdout);
			cc_config_flags_release(&flags);
			return cc_finish_stdout(CC_EXIT_OK);
		case OPT_VERSION:
			printf("cc-extract %s\n", CC_VERSION);
			cc_config_flags_release(&flags);
			return cc_finish_stdout(CC_EXIT_OK);
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n",
				cc_diag_prog());
			cc_config_flags_release(&flags);
			return CC_EXIT_USAGE;
		}
	}
	cc_tool_config(&cfg, config_path, &flags);
	cc_config_flags_release(&flags);

	eo.min_conf = cc_config_fraction(&cfg, "extract.min_conf");
	dir = cc_config_str(&cfg, "extract.layouts") ?
	      cc_xstrdup(cc_config_str(&cfg, "extract.layouts")) : cc_tool_datafile("layouts");
	L = cc_extract_load(dir, &e);
	if (!L) {
		cc_warn_error(&e);
		free(dir);
		cc_config_release(&cfg);
		return e.code == CC_ERR_NOINPUT ? CC_EXIT_NOINPUT : CC_EXIT_DATAERR;
	}
	free(dir);
	if (list) {
		for (i = 0; i < cc_extract_nlayouts(L); i++)
			printf("%s\n", cc_extract_layout_name(L, i));
		cc_extract_free(L);
		cc_config_release(&cfg);
		return cc_finish_stdout(CC_EXIT_OK);
	}
	s = cc_config_str(&cfg, "extract.layout");
	if (s && *s) {
		for (i = 0; i < cc_extract_nlayouts(L); i++)
			if (!strcmp(cc_extract_layout_name(L, i), s))
				break;
		if (i == cc_extract_nlayouts(L))
			cc_tool_bad_setting(&cfg, "extract.layout", "a layout of --list-layouts");
		eo.layout = s;
	}
	x = cc_extract_ctx_new(L, &eo, cc_config_bool(&cfg, "extract.keep_pages"));
	ro.sources = (const char *const *)argv + optind;
	ro.nsources = argc - optind;
	ro.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	ro.jobs = (int)cc_config_int(&cfg, "extract.jobs");
	ro.strict = cc_config_bool(&cfg, "input.strict");
	ro.unbuffered = cc_config_bool(&cfg, "output.unbuffered");
	ro.progress = progress;
	status = cc_tool_run(&cc_extract_stage, x, &ro);
	cc_extract_ctx_stats(x, &st);
	if (stats)
		cc_warn("%lu documents (%lu of unknown layout): %lu tradelines, "
			"%lu inquiries, %lu public records, %lu uncertain fields",
			st.docs, st.unknown, st.tradelines, st.inquiries,
			st.public_records, st.uncertain);
	cc_extract_ctx_free(x);
	cc_extract_free(L);
	cc_config_release(&cfg);
	return status;
}
