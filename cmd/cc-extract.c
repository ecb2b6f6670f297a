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
#include "tool/opt.h"
#include "tool/run.h"
#include "tool/tool.h"

/*
 * jemalloc's options, read from this symbol when cc-extract is linked with
 * it (see the Makefile): freed pages given back within a second, so that
 * memory stays that of the documents being read however long the stream.
 * Unused without jemalloc.
 */
extern const char *malloc_conf;
const char *malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";

/* tool, the command line: cc-extract.opts, made C by scripts/gen-opts.sh */
#include "cc-extract-opts.c"

int main(int argc, char **argv)
{
	struct cc_opts opt;
	const char *s;
	struct cc_extract_opts eo = { NULL, 0 };
	struct cc_run_opts ro;
	struct cc_extract_layouts *L;
	struct cc_extract_stats st;
	struct cc_extract_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char *dir;
	int status;
	size_t i;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);

	eo.min_conf = cc_config_fraction(&cfg, "extract.min_conf");
	dir = cc_config_str(&cfg, "extract.layouts") ?
	      cc_xstrdup(cc_config_str(&cfg, "extract.layouts")) : cc_tool_datafile("layouts");
	L = cc_extract_load(dir, &e);
	if (!L) {
		cc_warn_error(&e);
		free(dir);
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		return cc_error_exit_status(e.code);
	}
	free(dir);
	if (cc_opts_get(&opt, "list-layouts")) {
		for (i = 0; i < cc_extract_nlayouts(L); i++)
			printf("%s\n", cc_extract_layout_name(L, i));
		printf("generic\n");
		cc_extract_free(L);
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		return cc_finish_stdout(CC_EXIT_OK);
	}
	s = cc_config_str(&cfg, "extract.layout");
	if (s && *s) {
		for (i = 0; i < cc_extract_nlayouts(L); i++)
			if (!strcmp(cc_extract_layout_name(L, i), s))
				break;
		if (i == cc_extract_nlayouts(L) && strcmp(s, "generic") != 0)
			cc_tool_bad_setting(&cfg, "extract.layout", "a layout of --list-layouts");
		eo.layout = s;
	}
	x = cc_extract_ctx_new(L, &eo, cc_config_bool(&cfg, "extract.keep_pages"));
	cc_run_opts_init(&ro, &opt);
	status = cc_tool_run(&cc_extract_stage, x, &ro);
	cc_extract_ctx_stats(x, &st);
	if (opt.stats)
		cc_warn("%lu documents (%lu of unknown layout): %lu tradelines, "
			"%lu inquiries, %lu public records, %lu uncertain fields",
			st.docs, st.unknown, st.tradelines, st.inquiries,
			st.public_records, st.uncertain);
	cc_extract_ctx_free(x);
	cc_extract_free(L);
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return status;
}
