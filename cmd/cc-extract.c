/*
 * cc-extract -- the consumer, tradelines, inquiries and public records of
 * each report, from its page records.  Thin main: options, config, the
 * record loop; the reading is in lib/extract*.c, the layouts' knowledge in
 * the YAML files of layouts/.  See cc-extract(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "extract/extract.h"
#include "record/record.h"
#include "tool/tool.h"

#include <getopt.h>

/*
 * jemalloc's options, read from this symbol when cc-extract is linked with
 * it (see the Makefile): one arena, as cc-extract has one thread, and freed
 * pages given back within a second, so that memory stays that of one
 * document however long the stream.  Unused without jemalloc.
 */
extern const char *malloc_conf;
const char *malloc_conf = "narenas:1,dirty_decay_ms:1000,muzzy_decay_ms:0";

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

struct run {
	const struct cc_extract_layouts *L;
	struct cc_extract_opts opts;
	int keep_pages, strict;
	json_t **pages;          /* the current document's */
	size_t npages, apages;
	char *doc;
	char *path;              /* of the last document record, for messages */
	char *path_doc;
	struct cc_progress prog;
	unsigned long docs, tradelines, inquiries, publics, unknown, uncertain;
};

static int emit(json_t *rec, void *arg)
{
	int rc = cc_write_json(rec);

	(void)arg;
	json_decref(rec);
	return rc < 0 ? CC_ERR_IO : 0;
}

static void drop_pages(struct run *run)
{
	size_t i;

	for (i = 0; i < run->npages; i++)
		json_decref(run->pages[i]);
	run->npages = 0;
	free(run->doc);
	run->doc = NULL;
}

/* Read the document whose pages are held. */
static int flush_doc(struct run *run, int *status)
{
	struct cc_extract_info info;
	struct cc_error e;
	const char *name;
	int rc;

	if (!run->npages)
		return 0;
	name = run->path && run->path_doc && !strcmp(run->path_doc, run->doc) ?
	       run->path : run->doc;
	cc_error_clear(&e);
	rc = cc_extract_document(run->L, run->pages, run->npages, &run->opts,
				 emit, run, &info, &e);
	run->docs++;
	run->prog.done = run->docs;
	cc_progress_tick(&run->prog, run->docs);
	if (rc == CC_ERR_IO) {
		drop_pages(run);
		return CC_ERR_IO;
	}
	if (rc < 0) {
		cc_error_at(&e, name, 0);
		rc = cc_reject("extract", &e, run->doc, status);
		drop_pages(run);
		if (rc < 0)
			return rc;
		return run->strict ? 1 : 0;
	}
	if (!info.layout) {
		run->unknown++;
		cc_warn("%s: not a layout cc-extract knows (best match %.0f%%); "
			"read as labels and values", name, info.layout_conf * 100);
	}
	run->tradelines += (unsigned long)info.tradelines;
	run->inquiries += (unsigned long)info.inquiries;
	run->publics += (unsigned long)info.public_records;
	run->uncertain += (unsigned long)info.uncertain;
	drop_pages(run);
	return 0;
}

static int on_record(struct cc_record *rec, void *arg, int *status)
{
	struct run *run = arg;
	const char *doc = json_string_value(json_object_get(rec->obj, "doc"));
	json_int_t pg;
	int rc;

	if (strcmp(rec->kind, "page") != 0) {
		/* cc-ocr's error record for one bad page of the document
		 * being read does not end it */
		if (!(run->doc && doc && !strcmp(rec->kind, "error") &&
		      !strcmp(doc, run->doc)) &&
		    (rc = flush_doc(run, status)) != 0)
			return rc;
		if (!strcmp(rec->kind, "document") && doc) {
			const char *p = json_string_value(json_object_get(rec->obj, "path"));

			free(run->path);
			free(run->path_doc);
			run->path = p ? cc_xstrdup(p) : NULL;
			run->path_doc = cc_xstrdup(doc);
		}
		return cc_write_raw(rec->raw, rec->raw_len) < 0 ? CC_ERR_IO : 0;
	}
	if (!doc || !json_is_integer(json_object_get(rec->obj, "page"))) {
		struct cc_error e;

		cc_error_set(&e, CC_ERR_DATA, "record.invalid",
			     "page record without \"doc\" or \"page\"");
		cc_error_at(&e, rec->source, rec->line);
		return cc_reject("extract", &e, doc, status);
	}
	pg = json_integer_value(json_object_get(rec->obj, "page"));
	if (pg < 1 || pg > INT_MAX) {
		struct cc_error e;

		cc_error_set(&e, CC_ERR_DATA, "record.invalid",
			     "page record with page number %" JSON_INTEGER_FORMAT
			     ", not from 1 to %d", pg, INT_MAX);
		cc_error_at(&e, rec->source, rec->line);
		return cc_reject("extract", &e, doc, status);
	}
	if (run->doc && strcmp(run->doc, doc) != 0 &&
	    (rc = flush_doc(run, status)) != 0)
		return rc;
	if (run->keep_pages && cc_write_raw(rec->raw, rec->raw_len) < 0)
		return CC_ERR_IO;
	if (!run->doc)
		run->doc = cc_xstrdup(doc);
	if (run->npages == run->apages) {
		run->apages = run->apages ? run->apages * 2 : 16;
		run->pages = cc_xreallocarray(run->pages, run->apages, sizeof(json_t *));
	}
	run->pages[run->npages++] = json_incref(rec->obj);
	return 0;
}

int main(int argc, char **argv)
{
	struct cc_config_flags flags = { 0 };
	const char *config_path = NULL, *s;
	struct cc_stream_opts so = { .stage = "extract" };
	struct cc_extract_layouts *L;
	struct cc_config cfg;
	struct cc_error e;
	struct run run;
	char *dir;
	int c, progress = -1, stats = 0, list = 0, status, rc;
	size_t i;

	cc_tool_init(argc, argv);
	memset(&run, 0, sizeof(run));
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

	run.opts.min_conf = cc_config_fraction(&cfg, "extract.min_conf");
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
		run.opts.layout = s;
	}
	run.L = L;
	run.keep_pages = cc_config_bool(&cfg, "extract.keep_pages");
	run.strict = cc_config_bool(&cfg, "input.strict");
	so.strict = run.strict;
	so.max_record = (size_t)cc_config_size(&cfg, "input.max_record");
	cc_writer_init(cc_config_bool(&cfg, "output.unbuffered"));
	cc_progress_init(&run.prog, progress, "documents", 0);

	status = cc_stream_run((const char *const *)argv + optind, argc - optind,
			       &so, on_record, &run);
	/* the last document's pages: read them unless the run broke off */
	if (status != CC_EXIT_IOERR && !(run.strict && status != CC_EXIT_OK)) {
		rc = flush_doc(&run, &status);
		if (rc == CC_ERR_IO)
			status = CC_EXIT_IOERR;
	}
	drop_pages(&run);
	cc_progress_end(&run.prog);
	if (stats)
		cc_warn("%lu documents (%lu of unknown layout): %lu tradelines, "
			"%lu inquiries, %lu public records, %lu uncertain fields",
			run.docs, run.unknown, run.tradelines, run.inquiries,
			run.publics, run.uncertain);
	free(run.pages);
	free(run.path);
	free(run.path_doc);
	cc_extract_free(L);
	cc_config_release(&cfg);
	return status == CC_EXIT_IOERR ? status : cc_finish_stdout(status);
}
