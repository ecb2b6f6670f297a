/*
 * run.c -- a run of cc-synth: reports made on several threads, each
 * written as a PDF (and a scan, and HTML, when asked), their truth handed
 * back in report order (synth.h, cc_synth_run).
 */
#include "base/cc.h"
#include "base/hash.h"
#include "base/pool.h"
#include "pdf/pdf.h"
#include "record/record.h"
#include "synth/synth.h"

struct run {
	const struct cc_synth_run *r;
	cc_synth_emit_fn emit;
	void *arg;
};

struct result {
	int rc;
	struct cc_error err;
	char *truth;           /* NDJSON lines */
};

static void *job_init(void *arg)
{
	struct cc_error e;

	(void)arg;
	return cc_pdf_new(&e);
}

static void job_fini(void *state, void *arg)
{
	(void)arg;
	cc_pdf_free(state);
}

/* Write one PDF, add its truth records to lines. */
static int put_pdf(const struct cc_synth_run *run, const struct cc_synth_report *r,
		   const char *name, const unsigned char *pdf, size_t len,
		   int scanned, const struct cc_pdf_pos *pos, int npos,
		   struct cc_buf *lines, struct cc_error *e)
{
	char hex[CC_SHA256_HEX];
	char *path = cc_xasprintf("%s/%s", run->dir, name);
	json_t *out = json_array(), *rec;
	size_t i;
	int rc;

	rc = cc_sha256_hex(pdf, len, hex, e);
	if (rc == 0)
		rc = cc_write_file_atomic(path, pdf, len, 0644, e);
	if (rc == 0) {
		cc_synth_truth(r, hex, name, scanned, pos, npos, out);
		json_array_foreach(out, i, rec) {
			char *s = json_dumps(rec, CC_JSON_FLAGS);

			cc_buf_adds(lines, s);
			cc_buf_adds(lines, "\n");
			free(s);
		}
	}
	json_decref(out);
	free(path);
	return rc;
}

/* NAME.html: one document of all the blocks, with the CSS in it. */
static int put_html(const struct cc_synth_run *run, const char *pdfname,
		    const struct cc_synth_blocks *blocks, const char *css,
		    struct cc_error *e)
{
	struct cc_buf b = { 0 };
	char *path;
	size_t i;
	int rc;

	cc_buf_addf(&b, "<html><head><style>\n%s</style></head><body>\n", css);
	for (i = 0; i < blocks->n; i++) {
		cc_buf_adds(&b, blocks->v[i].html);
		cc_buf_adds(&b, "\n");
	}
	cc_buf_adds(&b, "</body></html>\n");
	path = cc_xasprintf("%s/%.*s.html", run->dir,
			    (int)(strlen(pdfname) - 4), pdfname);
	rc = cc_write_file_atomic(path, b.s, b.len, 0644, e);
	free(path);
	cc_buf_release(&b);
	return rc;
}

static void *job_work(size_t i, void *state, void *arg)
{
	const struct cc_synth_run *run = ((const struct run *)arg)->r;
	struct result *res = cc_xcalloc(1, sizeof(*res));
	struct cc_pdf *pdf = state;
	struct cc_synth_report r;
	struct cc_pdf_html_opts ho = { 612, 792, 42, NULL, NULL };
	struct cc_pdf_pos *pos = NULL;
	struct cc_buf lines = { 0 };
	unsigned char *doc = NULL, *scan = NULL;
	size_t len = 0, slen = 0;
	int layout = run->layouts[i / run->count], npos = 0, pages = 0;
	unsigned long index = run->start + i % run->count;
	struct cc_synth_blocks blocks;
	char *css = NULL, name[128], footer[160];

	if (!pdf) {
		res->rc = cc_error_set(&res->err, CC_ERR_UNAVAILABLE, "pdf.init",
				       "cannot create a mupdf context");
		return res;
	}
	cc_synth_generate(&r, layout, &run->so, index);
	cc_synth_html(&r, &blocks, &css);
	ho.family = cc_synth_font_family(&r);
	snprintf(footer, sizeof(footer), "%s \xe2\x80\x94 report %s \xe2\x80\x94 page %%d",
		 cc_layout_name(layout), r.report_number);
	ho.footer = footer;
	snprintf(name, sizeof(name), "%s-%llu-%05lu.pdf", cc_layout_name(layout),
		 (unsigned long long)run->so.seed, index);
	if (run->html)
		res->rc = put_html(run, name, &blocks, css, &res->err);
	if (res->rc == 0)
		res->rc = cc_pdf_from_blocks(pdf, blocks.v, blocks.n, css, &ho,
					     &doc, &len, &pos, &npos, &pages,
					     &res->err);
	if (res->rc == 0)
		res->rc = put_pdf(run, &r, name, doc, len, 0, pos, npos, &lines,
				  &res->err);
	if (res->rc == 0 && run->scan) {
		static const int dpis[3] = { 200, 240, 300 };
		struct cc_pdf_scan_opts so;

		so.dpi = dpis[r.seed % 3];
		so.noise = run->noise;
		so.quality = 90 - 12 * run->noise;
		so.seed = r.seed;
		res->rc = cc_pdf_scan(pdf, doc, len, &so, &scan, &slen, &res->err);
		snprintf(name, sizeof(name), "%s-%llu-%05lu-scan.pdf",
			 cc_layout_name(layout), (unsigned long long)run->so.seed, index);
		if (res->rc == 0)
			res->rc = put_pdf(run, &r, name, scan, slen, 1, pos, npos,
					  &lines, &res->err);
	}
	res->truth = cc_buf_detach(&lines);
	free(scan);
	free(doc);
	free(pos);
	cc_synth_blocks_release(&blocks);
	free(css);
	cc_synth_release(&r);
	return res;
}

static int job_emit(size_t i, void *result, void *arg)
{
	struct run *run = arg;
	struct result *res = result;
	int rc;

	rc = run->emit((unsigned long)i, res->rc < 0 ? NULL : res->truth,
		       res->rc < 0 ? &res->err : NULL, run->arg);
	free(res->truth);
	free(res);
	return rc;
}

static void job_drop(void *result, void *arg)
{
	struct result *res = result;

	(void)arg;
	free(res->truth);
	free(res);
}

int cc_synth_run(const struct cc_synth_run *r, int jobs,
		 cc_synth_emit_fn emit, void *arg)
{
	static const struct cc_pool_ops ops = {
		job_init, job_fini, job_work, job_emit, job_drop,
	};
	struct run run = { r, emit, arg };

	return cc_pool_run((size_t)r->nlayouts * r->count, jobs, &ops, &run);
}
