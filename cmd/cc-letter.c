/*
 * cc-letter -- a PDF dispute letter for each dispute record.  Thin main:
 * options, config, one run of the letter stage (lib/letter/stage.c); the
 * letters are made in lib/letter, their words are the templates of
 * templates/ (printed by lib/tmpl), and mupdf lays them out in lib/pdf.
 * See cc-letter(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "letter/stage.h"
#include "record/record.h"
#include "tool/opt.h"
#include "tool/run.h"
#include "tool/tool.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* tool, the command line: cc-letter.opts, made C by scripts/gen-opts.sh */
#include "cc-letter-opts.c"

int main(int argc, char **argv)
{
	struct cc_opts opt;
	const char *dir;
	struct cc_run_opts ro;
	struct cc_letter_templates *T;
	struct cc_letter_stats st;
	struct cc_letter_opts lo;
	struct cc_letter_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	char *tdir;
	int status;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);
#ifdef __GLIBC__
	/*
	 * Every letter allocates and frees the same large blocks (zlib's
	 * state, fonts, the PDF): keep them in the heap rather than give
	 * them back to the kernel and fault them in again, a fifth of the
	 * time of a letter.
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif

	dir = cc_config_str(&cfg, "letter.output");
	if (!dir || !*dir) {
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		cc_usage_error("no output directory: give -o DIR");
	}
	tdir = cc_config_str(&cfg, "letter.templates") ?
	       cc_xstrdup(cc_config_str(&cfg, "letter.templates")) :
	       cc_tool_datafile("templates");
	cc_error_clear(&e);
	if (cc_letter_templates_load(tdir, &T, &e) < 0) {
		cc_warn_error(&e);
		free(tdir);
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		return cc_error_exit_status(e.code);
	}
	free(tdir);
	if (cc_letter_output_dir(dir, &e) < 0) {
		cc_warn_error(&e);
		cc_letter_templates_free(T);
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		return cc_error_exit_status(e.code);
	}

	lo.dir = dir;
	lo.enclose_pages = cc_config_bool(&cfg, "letter.enclose_pages");
	/* letters hold personal data: readable by their owner only */
	lo.mode = 0600;
	lo.html = cc_opts_get(&opt, "html") != NULL;
	x = cc_letter_ctx_new(T, &lo);
	cc_run_opts_init(&ro, &opt);
	status = cc_tool_run(&cc_letter_stage, x, &ro);
	cc_letter_ctx_stats(x, &st);
	if (opt.stats)
		cc_warn("%lu disputes: %lu letters written (%lu pages), %lu "
			"rejected", st.disputes, st.letters, st.pages,
			st.rejected);
	cc_letter_ctx_free(x);
	cc_letter_templates_free(T);
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return status;
}
