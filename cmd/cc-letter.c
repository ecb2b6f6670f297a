/*
 * cc-letter -- a PDF dispute letter for each dispute record.  Thin main:
 * options, config, the record loop; the letters are made in
 * lib/letter*.c, their words are the templates of templates/, and mupdf
 * lays them out in lib/pdf.c.  See cc-letter(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "letter/letter.h"
#include "record/record.h"
#include "tool/opt.h"
#include "tool/tool.h"

#include <sys/stat.h>
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

/* -j is taken, checked and kept (letter.jobs) for the threaded driver
 * to come; cc-letter writes one letter at a time until then */
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

struct run {
	struct cc_letter *L;
	int enclose;
	struct cc_progress prog;
	unsigned long disputes, letters, pages, rejected;
};

static int on_record(struct cc_record *rec, void *arg, int *status)
{
	struct run *run = arg;
	const char *doc;
	struct cc_error e;
	json_t *letter;
	int rc;

	if (cc_write_raw(rec->raw, rec->raw_len) < 0)
		return CC_ERR_IO;
	if (!strcmp(rec->kind, "document")) {
		/* a document without a path gives no pages: a dispute that
		 * needs them says so */
		if (run->enclose)
			cc_letter_note_document(run->L, rec->obj, &e);
		return 0;
	}
	if (strcmp(rec->kind, "dispute") != 0)
		return 0;
	run->disputes++;
	cc_error_clear(&e);
	rc = cc_letter_write(run->L, rec->obj, &letter, &e);
	cc_progress_tick(&run->prog, run->disputes);
	if (rc < 0) {
		run->rejected++;
		doc = json_string_value(json_object_get(rec->obj, "doc"));
		cc_error_at(&e, rec->source, rec->line);
		return cc_reject("letter", &e, doc, status);
	}
	run->letters++;
	run->pages += (unsigned long)json_integer_value(json_object_get(letter, "pages"));
	rc = cc_write_json(letter);
	json_decref(letter);
	return rc < 0 ? CC_ERR_IO : 0;
}

/* The output directory, made if missing; it must be one we can write. */
static void output_dir(const char *dir)
{
	struct stat st;

	if (cc_mkdir_p(dir) != 0)
		cc_die(CC_EXIT_IOERR, "cannot create the output directory "
		       "'%s': %s", dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		cc_die(CC_EXIT_IOERR, "'%s' is not a directory", dir);
	if (access(dir, W_OK | X_OK) != 0)
		cc_die(CC_EXIT_IOERR, "cannot write to the output directory "
		       "'%s': %s", dir, strerror(errno));
}

int main(int argc, char **argv)
{
	struct cc_opts opt;
	const char *dir;
	struct cc_stream_opts so = { .stage = "letter" };
	struct cc_letter_templates *T;
	struct cc_letter_opts lo;
	struct cc_config cfg;
	struct cc_error e;
	struct run run;
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
	memset(&run, 0, sizeof(run));

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
		return e.code == CC_ERR_NOINPUT ? CC_EXIT_NOINPUT : CC_EXIT_DATAERR;
	}
	free(tdir);
	output_dir(dir);

	lo.dir = dir;
	lo.enclose_pages = cc_config_bool(&cfg, "letter.enclose_pages");
	/* letters hold personal data: readable by their owner only */
	lo.mode = 0600;
	lo.html = cc_opts_get(&opt, "html") != NULL;
	run.enclose = lo.enclose_pages;
	run.L = cc_letter_new(T, &lo, &e);
	if (!run.L) {
		cc_warn_error(&e);
		cc_letter_templates_free(T);
		cc_config_release(&cfg);
		cc_opts_release(&opt);
		return CC_EXIT_UNAVAILABLE;
	}
	so.strict = cc_config_bool(&cfg, "input.strict");
	so.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	cc_writer_init(cc_config_bool(&cfg, "output.unbuffered"));
	cc_progress_init(&run.prog, opt.progress, "disputes", 0);

	status = cc_stream_run((const char *const *)argv + optind, argc - optind,
			       &so, on_record, &run);
	cc_progress_end(&run.prog);
	if (opt.stats)
		cc_warn("%lu disputes: %lu letters written (%lu pages), %lu "
			"rejected", run.disputes, run.letters, run.pages,
			run.rejected);
	cc_letter_free(run.L);
	cc_letter_templates_free(T);
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return status == CC_EXIT_IOERR ? status : cc_finish_stdout(status);
}
