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

/* tool, the command line: cc-ocr.opts, made C by scripts/gen-opts.sh */
#include "cc-ocr-opts.c"

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
