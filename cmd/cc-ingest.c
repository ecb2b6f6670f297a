/*
 * cc-ingest -- validate and fingerprint credit report PDFs.
 *
 * Thin main: options, config, the list of files, one run of the ingest
 * stage (lib/ingest/ingest.c).  See cc-ingest(1).
 */
#include "base/cc.h"
#include "config/config.h"
#include "tool/diag.h"
#include "ingest/ingest.h"
#include "ingest/paths.h"
#include "pdf/pdf.h"
#include "record/record.h"
#include "tool/run.h"
#include "tool/tool.h"

#include <getopt.h>

static const char usage_text[] =
"usage: cc-ingest [options] [FILE|DIR ...]\n"
"\n"
"Validate and fingerprint PDF credit reports: one `document' record per\n"
"PDF on stdout, an `error' record for each file rejected.\n"
"\n"
"  -T, --files-from=FILE  read paths from FILE, one per line (- for stdin)\n"
"  -0, --null             paths in --files-from are NUL-separated\n"
"  -s, --store=DIR        copy each PDF into the content-addressed store DIR\n"
"  -u, --owner=ID         record ID as the documents' owner\n"
"      --max-bytes=SIZE   reject files larger than SIZE (default 10MiB)\n"
"      --max-pages=N      reject documents of more than N pages (default 500)\n"
"  -j, --jobs=N           work on N files at once (default: one per CPU)\n"
"      --strict           stop at the first rejected file\n"
"      --unbuffered       flush stdout after every record\n"
"      --progress         show progress on stderr (default: when a terminal)\n"
"      --no-progress      never show progress\n"
"  -c, --config=FILE      read configuration from FILE\n"
"  -h, --help             show this help and exit\n"
"      --version          show the version and exit\n"
"\n"
"Directories are searched for *.pdf files, in sorted order.\n"
"Exit status: 0 all ingested, 1 some rejected, 2 usage, 65 bad config,\n"
"66 no input, 74 I/O error.  See cc-ingest(1).\n";

enum {
	OPT_MAX_BYTES = 256, OPT_MAX_PAGES, OPT_STRICT, OPT_UNBUFFERED,
	OPT_PROGRESS, OPT_NO_PROGRESS, OPT_VERSION,
};

static const struct option longopts[] = {
	{ "files-from", required_argument, NULL, 'T' },
	{ "null", no_argument, NULL, '0' },
	{ "store", required_argument, NULL, 's' },
	{ "owner", required_argument, NULL, 'u' },
	{ "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
	{ "max-pages", required_argument, NULL, OPT_MAX_PAGES },
	{ "jobs", required_argument, NULL, 'j' },
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
	const char *config_path = NULL, *files_from = NULL;
	int nul = 0, progress = -1, c, i, rc, status = CC_EXIT_OK;
	struct cc_ingest_opts opts = { 0 };
	struct cc_pathlist paths = { 0 };
	struct cc_run_opts ro = { 0 };
	struct cc_ingest_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	json_t **items;
	size_t k;

	cc_tool_init(argc, argv);
	cc_error_clear(&e);
	while ((c = getopt_long(argc, argv, "T:0s:u:j:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'T': files_from = optarg; break;
		case '0': nul = 1; break;
		case 's': cc_config_flag(&flags, "ingest.store", optarg, "--store"); break;
		case 'u': cc_config_flag(&flags, "ingest.owner", optarg, "--owner"); break;
		case 'j': cc_config_flag(&flags, "ingest.jobs", optarg, "--jobs"); break;
		case OPT_MAX_BYTES:
			cc_config_flag(&flags, "ingest.max_bytes", optarg, "--max-bytes");
			break;
		case OPT_MAX_PAGES:
			cc_config_flag(&flags, "ingest.max_pages", optarg, "--max-pages");
			break;
		case OPT_STRICT:
			cc_config_flag(&flags, "input.strict", "true", "--strict");
			break;
		case OPT_UNBUFFERED:
			cc_config_flag(&flags, "output.unbuffered", "true", "--unbuffered");
			break;
		case OPT_PROGRESS: progress = 1; break;
		case OPT_NO_PROGRESS: progress = 0; break;
		case 'c': config_path = optarg; break;
		case 'h':
			fputs(usage_text, stdout);
			status = cc_finish_stdout(CC_EXIT_OK);
			goto out_flags;
		case OPT_VERSION:
			printf("cc-ingest %s (mupdf %s)\n", CC_VERSION,
			       cc_pdf_engine_version());
			status = cc_finish_stdout(CC_EXIT_OK);
			goto out_flags;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n",
				cc_diag_prog());
			status = CC_EXIT_USAGE;
			goto out_flags;
		}
	}
	if (optind == argc && !files_from)
		cc_usage_error("no input files (give FILE, DIR or --files-from)");

	cc_tool_config(&cfg, config_path, &flags);
	opts.max_bytes = cc_config_size(&cfg, "ingest.max_bytes");
	opts.max_pages = (int)cc_config_int(&cfg, "ingest.max_pages");
	opts.store = cc_config_str(&cfg, "ingest.store");
	opts.owner = cc_config_str(&cfg, "ingest.owner");
	ro.strict = cc_config_bool(&cfg, "input.strict");
	ro.unbuffered = cc_config_bool(&cfg, "output.unbuffered");
	ro.jobs = (int)cc_config_int(&cfg, "ingest.jobs");
	ro.progress = progress;
	/* the operands' and the list's errors come before any record */
	cc_writer_init(ro.unbuffered);

	if (files_from) {
		FILE *f = strcmp(files_from, "-") == 0 ? stdin :
			  fopen(files_from, "r");
		struct cc_pathlist listed = { 0 };

		if (!f) {
			cc_warn("%s: %s", files_from, strerror(errno));
			status = CC_EXIT_NOINPUT;
			goto out_cfg;
		}
		rc = cc_pathlist_read(&listed, f, nul, &e);
		if (f != stdin)
			fclose(f);
		for (k = 0; rc == 0 && k < listed.n; k++)
			if (cc_pathlist_add(&paths, listed.v[k], &e) < 0) {
				cc_error_at(&e, listed.v[k], 0);
				if (cc_reject("ingest", &e, NULL, &status) < 0)
					rc = CC_ERR_IO;
			}
		cc_pathlist_release(&listed);
		if (rc < 0) {
			if (strcmp(e.id, "input.read") == 0)
				cc_warn("%s: %s", files_from, e.msg);
			status = CC_EXIT_IOERR;
			goto out_paths;
		}
	}
	for (i = optind; i < argc; i++)
		if (cc_pathlist_add(&paths, argv[i], &e) < 0) {
			cc_error_at(&e, argv[i], 0);
			if (cc_reject("ingest", &e, NULL, &status) < 0) {
				status = CC_EXIT_IOERR;
				goto out_paths;
			}
		}

	if (ro.strict && status != CC_EXIT_OK) {
		status = cc_finish_stdout(status);
		goto out_paths;
	}
	items = cc_xcalloc(paths.n + 1, sizeof(*items));
	for (k = 0; k < paths.n; k++)
		items[k] = cc_ingest_item(paths.v[k]);
	x = cc_ingest_ctx_new(&opts);
	ro.items = items;
	ro.nitems = paths.n;
	ro.total = (unsigned long)paths.n;
	rc = cc_tool_run(&cc_ingest_stage, x, &ro);
	/* the worse of the operands' status and the run's */
	status = cc_exit_rank(rc) > cc_exit_rank(status) ? rc : status;
	cc_ingest_ctx_free(x);
	for (k = 0; k < paths.n; k++)
		json_decref(items[k]);
	free(items);
	cc_pathlist_release(&paths);
	goto out_cfg;
out_paths:
	cc_pathlist_release(&paths);
out_cfg:
	cc_config_release(&cfg);
out_flags:
	cc_config_flags_release(&flags);
	return status;
}
