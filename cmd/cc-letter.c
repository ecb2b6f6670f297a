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
#include "tool/tool.h"

#include <getopt.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static const char usage_text[] =
"usage: cc-letter -o DIR [options] [FILE ...]\n"
"\n"
"Read `dispute' records (from cc-dispute) and write a dispute letter for\n"
"each into DIR as a PDF file, BUREAU-roundN-ID.pdf: a cover page with the\n"
"mailing instructions, not to be mailed, then the letter.  After each\n"
"dispute record, write a `letter' record, or an `error' record when no\n"
"letter could be made.  Every record read is passed through.\n"
"\n"
"  -o, --output=DIR       where the letters go (created if missing)\n"
"  -t, --template=DIR     the letter templates (default: the installed\n"
"                         ones)\n"
"      --enclose-pages    append the report page of each item, the item\n"
"                         highlighted (needs the `document' records)\n"
"      --html             also write each letter's HTML and CSS, as the\n"
"                         layout engine gets them (NAME.html)\n"
"      --stats            print dispute and letter counts on stderr\n"
"      --strict           stop at the first bad record\n"
"      --unbuffered       flush stdout after every record\n"
"      --progress         show progress on stderr (default: when a terminal)\n"
"      --no-progress      never show progress\n"
"  -c, --config=FILE      read configuration from FILE\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Exit status: 0 a letter for every dispute, 1 some records rejected,\n"
"2 usage, 65 bad config or template, 66 no templates, 74 I/O error.\n"
"See cc-letter(1).\n";

enum {
	OPT_ENCLOSE = 256, OPT_HTML, OPT_STATS, OPT_STRICT, OPT_UNBUFFERED, OPT_PROGRESS,
	OPT_NO_PROGRESS, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "template", required_argument, NULL, 't' },
	{ "enclose-pages", no_argument, NULL, OPT_ENCLOSE },
	{ "html", no_argument, NULL, OPT_HTML },
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
	struct cc_config_flags flags = { 0 };
	const char *config_path = NULL, *dir;
	struct cc_stream_opts so = { .stage = "letter" };
	struct cc_letter_templates *T;
	struct cc_letter_opts lo;
	struct cc_config cfg;
	struct cc_error e;
	struct run run;
	char *tdir;
	int c, progress = -1, stats = 0, html = 0, status;

	cc_tool_init(argc, argv);
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
	while ((c = getopt_long(argc, argv, "o:t:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': cc_config_flag(&flags, "letter.output", optarg, "--output"); break;
		case 't': cc_config_flag(&flags, "letter.templates", optarg, "--template"); break;
		case OPT_ENCLOSE: cc_config_flag(&flags, "letter.enclose_pages", "true", "--enclose-pages"); break;
		case OPT_HTML: html = 1; break;
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
			printf("cc-letter %s\n", CC_VERSION);
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

	dir = cc_config_str(&cfg, "letter.output");
	if (!dir || !*dir) {
		cc_config_release(&cfg);
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
		return e.code == CC_ERR_NOINPUT ? CC_EXIT_NOINPUT : CC_EXIT_DATAERR;
	}
	free(tdir);
	output_dir(dir);

	lo.dir = dir;
	lo.enclose_pages = cc_config_bool(&cfg, "letter.enclose_pages");
	/* letters hold personal data: readable by their owner only */
	lo.mode = 0600;
	lo.html = html;
	run.enclose = lo.enclose_pages;
	run.L = cc_letter_new(T, &lo, &e);
	if (!run.L) {
		cc_warn_error(&e);
		cc_letter_templates_free(T);
		cc_config_release(&cfg);
		return CC_EXIT_UNAVAILABLE;
	}
	so.strict = cc_config_bool(&cfg, "input.strict");
	so.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	cc_writer_init(cc_config_bool(&cfg, "output.unbuffered"));
	cc_progress_init(&run.prog, progress, "disputes", 0);

	status = cc_stream_run((const char *const *)argv + optind, argc - optind,
			       &so, on_record, &run);
	cc_progress_end(&run.prog);
	if (stats)
		cc_warn("%lu disputes: %lu letters written (%lu pages), %lu "
			"rejected", run.disputes, run.letters, run.pages,
			run.rejected);
	cc_letter_free(run.L);
	cc_letter_templates_free(T);
	cc_config_release(&cfg);
	return status == CC_EXIT_IOERR ? status : cc_finish_stdout(status);
}
