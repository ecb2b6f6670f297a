/*
 * run.c -- cc-synth as a stage (synth.h): a report a record, each
 * written as a PDF (and a scan, and HTML, when asked) by a worker with
 * its own mupdf context, their truth the stage's output, in report
 * order, whatever the threads do.
 */
#include "base/cc.h"
#include "base/hash.h"
#include "pdf/pdf.h"
#include "record/record.h"
#include "synth/synth.h"

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

/* Report i of the run: its files written, its truth lines in *truth. */
static int make_report(const struct cc_synth_run *run, struct cc_pdf *pdf,
		       size_t i, struct cc_buf *lines, struct cc_error *e)
{
	struct cc_synth_report r;
	struct cc_pdf_html_opts ho;
	struct cc_synth_page page;
	struct cc_pdf_pos *pos = NULL;
	unsigned char *doc = NULL, *scan = NULL;
	size_t len = 0, slen = 0;
	int layout = run->layouts[i / run->count], npos = 0, pages = 0;
	unsigned long index = run->start + i % run->count;
	struct cc_synth_blocks blocks;
	char *css = NULL, name[128];
	int rc = 0;

	cc_synth_generate(&r, layout, &run->so, index);
	cc_synth_html(&r, &blocks, &css);
	cc_synth_page_opts(&r, &page, &ho);
	snprintf(name, sizeof(name), "%s-%llu-%05lu.pdf", cc_layout_name(layout),
		 (unsigned long long)run->so.seed, index);
	if (run->html)
		rc = put_html(run, name, &blocks, css, e);
	if (rc == 0)
		rc = cc_pdf_from_blocks(pdf, blocks.v, blocks.n, css, &ho,
					     &doc, &len, &pos, &npos, &pages,
					     e);
	if (rc == 0 && cc_synth_page_again(&r, &page, &ho, pos, npos)) {
		free(doc);
		free(pos);
		doc = NULL;
		pos = NULL;
		rc = cc_pdf_from_blocks(pdf, blocks.v, blocks.n, css, &ho,
					&doc, &len, &pos, &npos, &pages, e);
	}
	if (rc == 0)
		rc = put_pdf(run, &r, name, doc, len, 0, pos, npos, lines,
				  e);
	if (rc == 0 && run->scan) {
		static const int dpis[3] = { 200, 240, 300 };
		struct cc_pdf_scan_opts so;

		so.dpi = dpis[r.seed % 3];
		so.noise = run->noise;
		so.quality = 90 - 12 * run->noise;
		so.seed = r.seed;
		rc = cc_pdf_scan(pdf, doc, len, &so, &scan, &slen, e);
		snprintf(name, sizeof(name), "%s-%llu-%05lu-scan.pdf",
			 cc_layout_name(layout), (unsigned long long)run->so.seed, index);
		if (rc == 0)
			rc = put_pdf(run, &r, name, scan, slen, 1, pos, npos,
					  lines, e);
	}
	free(scan);
	free(doc);
	free(pos);
	cc_synth_blocks_release(&blocks);
	free(css);
	cc_synth_release(&r);
	return rc;
}

/* A worker is a mupdf context (cc_pdf_worker_new()). */
static int w_record(void *ctx, void *w, const struct cc_record *rec,
		    int part, struct cc_out *out)
{
	json_t *n = json_object_get(rec->obj, "n");
	struct cc_buf lines = { 0 };
	struct cc_error e;
	int rc;

	(void)part;
	if (strcmp(rec->kind, "report") != 0 || !json_is_integer(n))
		return 0;
	cc_error_clear(&e);
	rc = make_report(ctx, w, (size_t)json_integer_value(n), &lines, &e);
	cc_out_tick(out);
	if (rc < 0) {
		cc_buf_release(&lines);
		cc_out_fatal(out, &e);
		return rc;
	}
	if (lines.len)
		rc = cc_out_line(out, lines.s, lines.len - 1);
	cc_buf_release(&lines);
	return rc;
}

const struct cc_stage cc_synth_stage = {
	.name = "synth", .group = CC_GROUP_NONE, .unit = "reports",
	.new = cc_pdf_worker_new, .free = cc_pdf_worker_free,
	.record = w_record,
};

json_t **cc_synth_items(const struct cc_synth_run *r, size_t *n)
{
	json_t **v;
	size_t i;

	*n = (size_t)r->nlayouts * r->count;
	v = cc_xcalloc(*n + 1, sizeof(*v));
	for (i = 0; i < *n; i++)
		v[i] = json_pack("{s:s,s:I}", "kind", "report", "n", (json_int_t)i);
	return v;
}
