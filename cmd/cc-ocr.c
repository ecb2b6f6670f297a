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
#include "tool/opt.h"
#include "tool/run.h"
#include "tool/tool.h"

static void version(char *buf, size_t size)
{
	snprintf(buf, size, "mupdf %s, %s", cc_pdf_engine_version(),
		 cc_ocr_engine());
}

static const struct cc_opt options[] = {
	{ .long_name = "dpi", .arg = "N", .key = "ocr.dpi",
	  .help = "OCR resolution (default 300)" },
	{ .long_name = "force-ocr", .key = "ocr.force", .value = "true",
	  .help = "OCR every page, text layer or not" },
	{ .long_name = "no-ocr", .key = "ocr.enabled", .value = "false",
	  .help = "never OCR: every page read from its text layer" },
	{ .short_name = 'l', .long_name = "lang", .arg = "LANG",
	  .key = "ocr.lang",
	  .help = "tesseract language (default eng)" },
	{ .long_name = "psm", .arg = "N", .key = "ocr.psm",
	  .help = "tesseract page segmentation mode (default 6)" },
	{ .long_name = "no-deskew", .key = "ocr.deskew", .value = "false",
	  .help = "do not straighten scanned pages" },
	{ .long_name = "cache", .arg = "DIR", .key = "ocr.cache",
	  .help = "OCR cache (default $XDG_CACHE_HOME/cc/ocr)" },
	{ .long_name = "no-cache", .key = "ocr.use_cache", .value = "false",
	  .help = "do not read or write the OCR cache" },
	{ .long_name = "cache-ttl", .arg = "TIME", .key = "ocr.cache_ttl",
	  .help = "how long a cached page stays good (default 24h)" },
	{ .long_name = "cache-max", .arg = "SIZE", .key = "ocr.cache_max",
	  .help = "cap on the cache's size (default 1GiB)" },
	{ 0 },
};

static const struct cc_opt_tool tool = {
	.name = "cc-ocr",
	.synopsis = "[options] [FILE ...]",
	.about =
"Read `document' records (from cc-ingest) and write, after each, one `page'\n"
"record per page with its lines of text and their boxes: from the PDF's\n"
"text layer, or by OCR (tesseract) when a page has none.  Every record read\n"
"is passed through.\n",
	.section = "ocr",
	.common = CC_OPT_FILTER,
	.jobs_what = "pages",
	.stats_what = "page and cache counts",
	.opts = options,
	.epilogue =
"Exit status: 0 all pages read, 1 some records or pages rejected, 2 usage,\n"
"65 bad config, 66 no input, 69 OCR language data missing, 74 I/O error.\n"
"See cc-ocr(1).\n",
	.version = version,
};

int main(int argc, char **argv)
{
	struct cc_opts opt;
	struct cc_ocr_stage_opts po;
	struct cc_run_opts ro;
	struct cc_ocr_cache *cache = NULL;
	struct cc_ocr_stats st;
	struct cc_ocr_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char dirbuf[4096];
	const char *dir;
	int status;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);
	cc_ocr_prepare();

	memset(&po, 0, sizeof(po));
	po.dpi = (int)cc_config_int(&cfg, "ocr.dpi");
	po.force_ocr = cc_config_bool(&cfg, "ocr.force");
	po.no_ocr = !cc_config_bool(&cfg, "ocr.enabled");
	if (po.force_ocr && po.no_ocr)
		cc_usage_error("--force-ocr and --no-ocr exclude each other");
	po.ocr.lang = cc_config_str(&cfg, "ocr.lang");
	po.ocr.psm = (int)cc_config_int(&cfg, "ocr.psm");
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
	cc_run_opts_init(&ro, &opt);
	status = cc_tool_run(&cc_ocr_stage, x, &ro);
	cc_ocr_ctx_stats(x, &st);
	if (opt.stats) {
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
	cc_opts_release(&opt);
	return status;
}
