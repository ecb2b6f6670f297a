/*
 * cc-ocr -- every page's text with positions, from the text layer or by
 * OCR.  Thin main: options, config, one run of the ocr stage
 * (lib/ocr/stage.c; mupdf in lib/pdf, tesseract in lib/ocr/ocr.c, the
 * cache in lib/ocr/ocrcache.c).  See cc-ocr(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "ocr/ocr.h"
#include "ocr/ocrcache.h"
#include "ocr/stage.h"
#include "pdf/pdf.h"
#include "record/record.h"
#include "tool/run.h"
#include "tool/tool.h"

#include <getopt.h>

static const char usage_text[] =
"usage: cc-ocr [options] [FILE ...]\n"
"\n"
"Read `document' records (from cc-ingest) and write, after each, one `page'\n"
"record per page with its lines of text and their boxes: from the PDF's\n"
"text layer, or by OCR (tesseract) when a page has none.  Every record read\n"
"is passed through.\n"
"\n"
"  -j, --jobs=N           pages at once (default: one per CPU)\n"
"      --dpi=N            OCR resolution (default 300)\n"
"      --force-ocr        OCR every page, text layer or not\n"
"      --no-ocr           never OCR: every page read from its text layer\n"
"  -l, --lang=LANG        tesseract language (default eng)\n"
"      --psm=N            tesseract page segmentation mode (default 6)\n"
"      --no-deskew        do not straighten scanned pages\n"
"      --cache=DIR        OCR cache (default $XDG_CACHE_HOME/cc/ocr)\n"
"      --no-cache         do not read or write the OCR cache\n"
"      --cache-ttl=TIME   how long a cached page stays good (default 24h)\n"
"      --cache-max=SIZE   cap on the cache's size (default 1GiB)\n"
"      --stats            print page and cache counts on stderr at the end\n"
"      --strict           stop at the first bad record or page\n"
"      --unbuffered       flush stdout after every record\n"
"      --progress         show progress on stderr (default: when a terminal)\n"
"      --no-progress      never show progress\n"
"  -c, --config=FILE      read configuration from FILE\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Exit status: 0 all pages read, 1 some records or pages rejected, 2 usage,\n"
"65 bad config, 66 no input, 69 OCR language data missing, 74 I/O error.\n"
"See cc-ocr(1).\n";

enum {
	OPT_DPI = 256, OPT_FORCE, OPT_NO_OCR, OPT_PSM, OPT_NO_DESKEW, OPT_CACHE,
	OPT_NO_CACHE, OPT_TTL, OPT_CACHE_MAX, OPT_STATS, OPT_STRICT,
	OPT_UNBUFFERED, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "jobs", required_argument, NULL, 'j' },
	{ "dpi", required_argument, NULL, OPT_DPI },
	{ "force-ocr", no_argument, NULL, OPT_FORCE },
	{ "no-ocr", no_argument, NULL, OPT_NO_OCR },
	{ "lang", required_argument, NULL, 'l' },
	{ "psm", required_argument, NULL, OPT_PSM },
	{ "no-deskew", no_argument, NULL, OPT_NO_DESKEW },
	{ "cache", required_argument, NULL, OPT_CACHE },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "cache-ttl", required_argument, NULL, OPT_TTL },
	{ "cache-max", required_argument, NULL, OPT_CACHE_MAX },
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
	const char *config_path = NULL;
	struct cc_ocr_stage_opts po;
	struct cc_run_opts ro = { 0 };
	struct cc_ocr_cache *cache = NULL;
	struct cc_ocr_stats st;
	struct cc_ocr_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char ttl[32], dirbuf[4096];
	const char *dir;
	int c, progress = -1, stats = 0, status;
	long t;

	cc_tool_init(argc, argv);
	cc_ocr_prepare();
	while ((c = getopt_long(argc, argv, "j:l:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': cc_config_flag(&flags, "ocr.jobs", optarg, "--jobs"); break;
		case OPT_DPI: cc_config_flag(&flags, "ocr.dpi", optarg, "--dpi"); break;
		case OPT_FORCE: cc_config_flag(&flags, "ocr.force", "true", "--force-ocr"); break;
		case OPT_NO_OCR: cc_config_flag(&flags, "ocr.enabled", "false", "--no-ocr"); break;
		case 'l': cc_config_flag(&flags, "ocr.lang", optarg, "--lang"); break;
		case OPT_PSM: cc_config_flag(&flags, "ocr.psm", optarg, "--psm"); break;
		case OPT_NO_DESKEW: cc_config_flag(&flags, "ocr.deskew", "false", "--no-deskew"); break;
		case OPT_CACHE: cc_config_flag(&flags, "ocr.cache", optarg, "--cache"); break;
		case OPT_NO_CACHE: cc_config_flag(&flags, "ocr.use_cache", "false", "--no-cache"); break;
		case OPT_TTL:
			t = cc_parse_duration(optarg);
			if (t < 0)
				cc_usage_error("--cache-ttl: expected seconds or a number "
					       "with s, m, h or d, got '%s'", optarg);
			snprintf(ttl, sizeof(ttl), "%ld", t);
			cc_config_flag(&flags, "ocr.cache_ttl", ttl, "--cache-ttl");
			break;
		case OPT_CACHE_MAX: cc_config_flag(&flags, "ocr.cache_max", optarg, "--cache-max"); break;
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
			printf("cc-ocr %s (mupdf %s, %s)\n", CC_VERSION,
			       cc_pdf_engine_version(), cc_ocr_engine());
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

	memset(&po, 0, sizeof(po));
	po.dpi = (int)cc_config_int(&cfg, "ocr.dpi");
	if (po.dpi < 50 || po.dpi > 1200)
		cc_tool_bad_setting(&cfg, "ocr.dpi", "50 to 1200");
	po.force_ocr = cc_config_bool(&cfg, "ocr.force");
	po.no_ocr = !cc_config_bool(&cfg, "ocr.enabled");
	if (po.force_ocr && po.no_ocr)
		cc_usage_error("--force-ocr and --no-ocr exclude each other");
	po.ocr.lang = cc_config_str(&cfg, "ocr.lang");
	po.ocr.psm = (int)cc_config_int(&cfg, "ocr.psm");
	if (po.ocr.psm > 13)
		cc_tool_bad_setting(&cfg, "ocr.psm", "0 to 13");
	po.ocr.deskew = cc_config_bool(&cfg, "ocr.deskew");
	po.max_pages = (int)cc_config_int(&cfg, "ingest.max_pages");
	if (cc_config_bool(&cfg, "ocr.use_cache") && !po.no_ocr) {
		dir = cc_config_str(&cfg, "ocr.cache");
		if (!dir)
			dir = cc_ocr_cache_default_dir(dirbuf, sizeof(dirbuf));
		if (dir) {
			cache = cc_ocr_cache_open(dir, cc_config_duration(&cfg, "ocr.cache_ttl"),
						  cc_config_size(&cfg, "ocr.cache_max"), &e);
			/* without a cache OCR still works, only slower */
			if (!cache)
				cc_warn("OCR cache not used: %s", e.msg);
		}
	}
	po.cache = cache;
	x = cc_ocr_ctx_new(&po);
	ro.sources = (const char *const *)argv + optind;
	ro.nsources = argc - optind;
	ro.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	ro.jobs = (int)cc_config_int(&cfg, "ocr.jobs");
	ro.strict = cc_config_bool(&cfg, "input.strict");
	ro.unbuffered = cc_config_bool(&cfg, "output.unbuffered");
	ro.progress = progress;
	status = cc_tool_run(&cc_ocr_stage, x, &ro);
	cc_ocr_ctx_stats(x, &st);
	if (stats) {
		cc_warn("%lu pages: %lu from the text layer, %lu by OCR, %lu failed",
			st.text_pages + st.ocr_pages + st.errors, st.text_pages,
			st.ocr_pages, st.errors);
		if (cache)
			cc_warn("OCR cache %s: %lu hits, %lu misses",
				cc_config_str(&cfg, "ocr.cache") ?
				cc_config_str(&cfg, "ocr.cache") : dirbuf,
				st.cache_hits, st.cache_misses);
	}
	if (cache) {
		cc_ocr_cache_prune(cache, &e);
		cc_ocr_cache_close(cache);
	}
	cc_ocr_ctx_free(x);
	cc_config_release(&cfg);
	return status;
}
