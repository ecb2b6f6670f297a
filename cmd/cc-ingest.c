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
#include "tool/write.h"
#include "tool/opt.h"
#include "tool/run.h"
#include "tool/tool.h"

static void version(char *buf, size_t size)
{
	snprintf(buf, size, "mupdf %s", cc_pdf_engine_version());
}

/* tool, the command line: cc-ingest.opts, made C by scripts/gen-opts.sh */
#include "cc-ingest-opts.c"

int main(int argc, char **argv)
{
	struct cc_opts opt;
	const char *files_from;
	int nul, i, rc, status = CC_EXIT_OK;
	struct cc_ingest_opts opts = { 0 };
	struct cc_ingest_stats st = { 0 };
	struct cc_pathlist paths = { 0 };
	struct cc_run_opts ro;
	struct cc_ingest_ctx *x;
	struct cc_config cfg;
	struct cc_error e;
	unsigned long refused = 0;   /* operands and listed paths rejected */
	json_t **items;
	size_t k;

	cc_opts_parse(&opt, &tool, argc, argv, &cfg);
	cc_error_clear(&e);
	files_from = cc_opts_get(&opt, "files-from");
	nul = cc_opts_get(&opt, "null") != NULL;
	if (optind == argc && !files_from)
		cc_usage_error("no input files (give FILE, DIR or --files-from)");

	opts.max_bytes = cc_config_size(&cfg, "ingest.max_bytes");
	opts.max_pages = (int)cc_config_int(&cfg, "ingest.max_pages");
	opts.store = cc_config_str(&cfg, "ingest.store");
	opts.owner = cc_config_str(&cfg, "ingest.owner");
	cc_run_opts_init(&ro, &opt);
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
				refused++;
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
			refused++;
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
	ro.sources = NULL;
	ro.nsources = 0;
	ro.items = items;
	ro.nitems = paths.n;
	ro.total = (unsigned long)paths.n;
	rc = cc_tool_run(&cc_ingest_stage, x, &ro);
	/* the worse of the operands' status and the run's */
	status = cc_exit_rank(rc) > cc_exit_rank(status) ? rc : status;
	cc_ingest_ctx_stats(x, &st);
	cc_ingest_ctx_free(x);
	for (k = 0; k < paths.n; k++)
		json_decref(items[k]);
	free(items);
out_paths:
	cc_pathlist_release(&paths);
	if (opt.stats)
		cc_warn("%lu files: %lu ingested (%lu duplicates), %lu rejected",
			st.files + st.rejected + refused, st.files,
			st.duplicates, st.rejected + refused);
out_cfg:
	cc_config_release(&cfg);
	cc_opts_release(&opt);
	return status;
}
