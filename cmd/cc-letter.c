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

static const struct cc_opt options[] = {
	{ .short_name = 'o', .long_name = "output", .arg = "DIR",
	  .key = "letter.output",
	  .help = "where the letters go (created if missing)" },
	{ .short_name = 't', .long_name = "template", .arg = "DIR",
	  .key = "letter.templates",
	  .help = "the letter templates (default: the installed ones)" },
	{ .long_name = "enclose-pages", .key = "letter.enclose_pages",
	  .value = "true",
	  .help = "append the report page of each item, the item "
		  "highlighted (needs the `document' records)" },
	{ .long_name = "html", .value = "1",
	  .help = "also write each letter's HTML and CSS, as the layout "
		  "engine gets them (NAME.html)" },
	{ 0 },
};

static const struct cc_opt_tool tool = {
	.name = "cc-letter",
	.synopsis = "-o DIR [options] [FILE ...]",
	.about =
"Read `dispute' records (from cc-dispute) and write a dispute letter for\n"
"each into DIR as a PDF file, BUREAU-roundN-ID.pdf: a cover page with the\n"
"mailing instructions, not to be mailed, then the letter.  After each\n"
"dispute record, write a `letter' record, or an `error' record when no\n"
"letter could be made.  Every record read is passed through.\n",
	.section = "letter",
	.common = CC_OPT_FILTER,
	.jobs_what = "disputes",
	.stats_what = "dispute and letter counts",
	.opts = options,
	.epilogue =
"Exit status: 0 a letter for every dispute, 1 some records rejected,\n"
"2 usage, 65 bad config or template, 66 no templates, 74 I/O error.\n"
"See cc-letter(1).\n",
};

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
