/*
 * cc-test-tool -- what the tests need that no cc tool does, in the spirit
 * of git's t/helper/test-tool.  Never installed.
 *
 *   cc-test-tool mkpdf [options] -o OUT   make a small test PDF (--kind
 *                                          text, image, invisible, blank,
 *                                          styled)
 *   cc-test-tool record-cat [--strict] [--max-record SIZE] [FILE...]
 *                                          run the shared record loop
 *   cc-test-tool config [--config FILE] [KEY=VALUE...] KEY...
 *                                          print resolved config values
 *   cc-test-tool config-keys               every config key: name, type
 *                                          (as cc.yaml(5) words it),
 *                                          default, range, tab-separated
 *   cc-test-tool sha256 FILE               SHA-256 of a file through lib/
 *   cc-test-tool stages LAYOUTS RULES PDF...
 *                                          the stages ingest, ocr, extract
 *                                          and dispute run in memory, one
 *                                          after the other, as a worker or
 *                                          a server runs them
 *                                          (cc_stage_apply): every record
 *                                          of the last, as lines
 */
#include "base/cc.h"
#include "config/config.h"
#include "dispute/stage.h"
#include "extract/stage.h"
#include "ingest/ingest.h"
#include "ocr/stage.h"
#include "tool/diag.h"
#include "base/hash.h"
#include "record/record.h"
#include "tool/write.h"
#include "tool/tool.h"

#include <getopt.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

/* --- mkpdf ------------------------------------------------------------- */

struct mkpdf {
	int pages;
	const char *kind;        /* text, image, invisible, blank */
	const char *producer;
	const char *user_pw, *owner_pw;
	const char *lines[32];
	int nlines;
	long seed;
};

static void put_pdf_string(fz_context *ctx, fz_buffer *b, const char *s)
{
	fz_append_byte(ctx, b, '(');
	for (; *s; s++) {
		if (*s == '(' || *s == ')' || *s == '\\')
			fz_append_byte(ctx, b, '\\');
		fz_append_byte(ctx, b, *s);
	}
	fz_append_byte(ctx, b, ')');
}

static fz_image *noise_image(fz_context *ctx, long seed)
{
	fz_pixmap *pix = fz_new_pixmap(ctx, fz_device_gray(ctx), 170, 220,
				       NULL, 0);
	fz_image *img;
	unsigned long x = (unsigned long)seed * 2654435761u + 1;
	int i, n = pix->w * pix->h;

	for (i = 0; i < n; i++) {
		x = x * 6364136223846793005ul + 1442695040888963407ul;
		pix->samples[i] = (unsigned char)(200 + (x >> 59));
	}
	img = fz_new_image_from_pixmap(ctx, pix, NULL);
	fz_drop_pixmap(ctx, pix);
	return img;
}

/*
 * --kind styled: lines in the base-14 faces at other sizes, for the
 * style of page records' lines: a bold heading, plain text, italic,
 * bold italic, and a line whose bold label is shorter than its plain
 * value (so it is not bold).
 */
static const char *const styled_faces[4] = {
	"Helvetica-Bold", "Times-Italic", "Courier-BoldOblique", "Times-Roman",
};

static const char styled_page[] =
	"BT /S1 16 Tf 72 720 Td (ACME BANK CARD) Tj ET\n"
	"BT /F1 11 Tf 72 690 Td (Balance $1,234) Tj ET\n"
	"BT /S2 9 Tf 72 670 Td (Creditors may view these items) Tj ET\n"
	"BT /S3 8 Tf 72 650 Td (PAYS_AS_AGREED) Tj ET\n"
	"BT /S1 10 Tf 72 630 Td (Name) Tj /S4 10 Tf ( JOHN Q SAMPLE) Tj ET\n"
	"BT /S4 10 Tf 72 610 Td (MIDLAND CREDIT MGMT ) Tj /S1 10 Tf (Acct #) Tj ET\n"
	"BT /S4 10 Tf 72 590 Td (7205103***) Tj /S1 10 Tf (TYPE) Tj ET\n"
	"BT /S4 10 Tf 72 570 Td (Paid as agreed ) Tj /S1 10 Tf (OK) Tj ET\n"
	"BT /S1 10 Tf 72 550 Td (Months \\(terms\\)) Tj /S4 10 Tf (120) Tj ET\n";

static pdf_obj *styled_font(fz_context *ctx, pdf_document *doc, const char *name)
{
	fz_font *f = fz_new_base14_font(ctx, name);
	pdf_obj *ref = NULL;

	fz_try(ctx)
		ref = pdf_add_simple_font(ctx, doc, f, PDF_SIMPLE_ENCODING_LATIN);
	fz_always(ctx)
		fz_drop_font(ctx, f);
	fz_catch(ctx)
		fz_rethrow(ctx);
	return ref;
}

static void styled_fonts(fz_context *ctx, pdf_document *doc, pdf_obj *ref[4])
{
	int i;

	for (i = 0; i < 4; i++)
		ref[i] = styled_font(ctx, doc, styled_faces[i]);
}

static int mkpdf(const struct mkpdf *m, const char *out)
{
	fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	pdf_document *doc = NULL;
	fz_font *font = NULL;
	fz_image *img = NULL;
	pdf_obj *fref = NULL, *iref = NULL, *res, *page, *info;
	pdf_obj *sref[4] = { NULL, NULL, NULL, NULL };
	int si;      /* the cleanup's own: i changes inside fz_try */
	fz_buffer *contents;
	pdf_write_options opts;
	char optstr[512], line[256];
	int i, j, rc = 0;

	if (!ctx)
		return 1;
	fz_var(doc);
	fz_var(font);
	fz_var(img);
	fz_var(fref);
	fz_var(iref);
	fz_try(ctx) {
		doc = pdf_create_document(ctx);
		font = fz_new_base14_font(ctx, "Helvetica");
		fref = pdf_add_simple_font(ctx, doc, font,
					   PDF_SIMPLE_ENCODING_LATIN);
		if (strcmp(m->kind, "styled") == 0)
			styled_fonts(ctx, doc, sref);
		if (strcmp(m->kind, "image") == 0 ||
		    strcmp(m->kind, "invisible") == 0) {
			img = noise_image(ctx, m->seed);
			iref = pdf_add_image(ctx, doc, img);
		}
		for (i = 0; i < m->pages; i++) {
			res = pdf_new_dict(ctx, doc, 2);
			pdf_dict_putp_drop(ctx, res, "Font/F1",
					   pdf_keep_obj(ctx, fref));
			for (j = 0; j < 4 && sref[j]; j++) {
				char key[16];

				snprintf(key, sizeof(key), "Font/S%d", j + 1);
				pdf_dict_putp_drop(ctx, res, key,
						   pdf_keep_obj(ctx, sref[j]));
			}
			if (iref)
				pdf_dict_putp_drop(ctx, res, "XObject/Im1",
						   pdf_keep_obj(ctx, iref));
			contents = fz_new_buffer(ctx, 1024);
			if (iref)
				fz_append_string(ctx, contents,
						 "q 612 0 0 792 0 0 cm /Im1 Do Q\n");
			if (strcmp(m->kind, "styled") == 0) {
				fz_append_string(ctx, contents, styled_page);
			} else if (strcmp(m->kind, "blank") != 0 &&
			    strcmp(m->kind, "image") != 0) {
				fz_append_printf(ctx, contents, "BT %s/F1 11 Tf 72 720 Td 14 TL\n",
						 strcmp(m->kind, "invisible") == 0 ? "3 Tr " : "");
				for (j = 0; j < (m->nlines ? m->nlines : 4); j++) {
					if (m->nlines)
						snprintf(line, sizeof(line), m->lines[j], i + 1);
					else if (j == 0)
						snprintf(line, sizeof(line),
							 "SAMPLE CREDIT REPORT  page %d of %d",
							 i + 1, m->pages);
					else
						snprintf(line, sizeof(line),
							 "ACME BANK  Account 4147XXXX%04ld  Balance $%ld.00",
							 (m->seed + j) % 10000,
							 (m->seed * 37 + j * 101) % 100000);
					put_pdf_string(ctx, contents, line);
					fz_append_string(ctx, contents, " '\n");
				}
				fz_append_string(ctx, contents, "ET\n");
			}
			page = pdf_add_page(ctx, doc, fz_make_rect(0, 0, 612, 792),
					    0, res, contents);
			pdf_insert_page(ctx, doc, -1, page);
			pdf_drop_obj(ctx, page);
			pdf_drop_obj(ctx, res);
			fz_drop_buffer(ctx, contents);
		}
		if (m->producer) {
			info = pdf_new_dict(ctx, doc, 1);
			pdf_dict_put_text_string(ctx, info, PDF_NAME(Producer),
						 m->producer);
			pdf_dict_put_drop(ctx, pdf_trailer(ctx, doc),
					  PDF_NAME(Info),
					  pdf_add_object_drop(ctx, doc, info));
		}
		snprintf(optstr, sizeof(optstr), "compress");
		if (m->user_pw || m->owner_pw) {
			size_t k = strlen(optstr);

			snprintf(optstr + k, sizeof(optstr) - k,
				 ",encrypt=aes-128,user-password=%s,"
				 "owner-password=%s,permissions=-3904",
				 m->user_pw ? m->user_pw : "",
				 m->owner_pw ? m->owner_pw : "owner");
		}
		pdf_parse_write_options(ctx, &opts, optstr);
		pdf_save_document(ctx, doc, out, &opts);
	}
	fz_always(ctx) {
		pdf_drop_obj(ctx, fref);
		pdf_drop_obj(ctx, iref);
		for (si = 0; si < 4; si++)
			pdf_drop_obj(ctx, sref[si]);
		fz_drop_image(ctx, img);
		fz_drop_font(ctx, font);
		pdf_drop_document(ctx, doc);
	}
	fz_catch(ctx) {
		fprintf(stderr, "cc-test-tool: mkpdf: %s\n",
			fz_caught_message(ctx));
		rc = 1;
	}
	fz_drop_context(ctx);
	return rc;
}

static int cmd_mkpdf(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "pages", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "producer", required_argument, NULL, 'p' },
		{ "user-password", required_argument, NULL, 'U' },
		{ "owner-password", required_argument, NULL, 'O' },
		{ "line", required_argument, NULL, 'l' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct mkpdf m = { .pages = 1, .kind = "text" };
	const char *out = NULL;
	long v;
	int c;

	while ((c = getopt_long(argc, argv, "o:", lo, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'n':
			if (cc_parse_long(optarg, &v) < 0 || v < 1 || v > 100000)
				cc_usage_error("bad --pages");
			m.pages = (int)v;
			break;
		case 'k': m.kind = optarg; break;
		case 'p': m.producer = optarg; break;
		case 'U': m.user_pw = optarg; break;
		case 'O': m.owner_pw = optarg; break;
		case 'l':
			if (m.nlines < 32)
				m.lines[m.nlines++] = optarg;
			break;
		case 's':
			if (cc_parse_long(optarg, &v) < 0)
				cc_usage_error("bad --seed");
			m.seed = v;
			break;
		default:
			return 2;
		}
	}
	if (!out)
		cc_usage_error("mkpdf: -o OUT is required");
	return mkpdf(&m, out);
}

/* --- record-cat -------------------------------------------------------- */

static int cmd_record_cat(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "max-record", required_argument, NULL, 'm' },
		{ "unbuffered", no_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	struct cc_stream_opts o = { .stage = "test" };
	uint64_t sz;
	int c, unbuffered = 0;

	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 's': o.strict = 1; break;
		case 'u': unbuffered = 1; break;
		case 'm':
			if (cc_parse_size(optarg, &sz) < 0)
				cc_usage_error("bad --max-record");
			o.max_record = (size_t)sz;
			break;
		default:
			return 2;
		}
	}
	cc_writer_init(unbuffered);
	return cc_finish_stdout(cc_stream_run((const char *const *)argv + optind,
					      argc - optind, &o, NULL, NULL));
}

/* --- config ------------------------------------------------------------ */

static int cmd_config(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	struct cc_config cfg;
	struct cc_error e;
	int c, i;

	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		if (c != 'c')
			return 2;
		path = optarg;
	}
	cc_config_init(&cfg);
	if (cc_config_load(&cfg, path, &e) < 0) {
		cc_warn_error(&e);
		return cc_error_exit_status(e.code);
	}
	for (i = optind; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (eq) {
			char *key = cc_xstrndup(argv[i], (size_t)(eq - argv[i]));

			if (cc_config_set(&cfg, key, eq + 1, "flag", &e) < 0) {
				cc_warn_error(&e);
				return CC_EXIT_USAGE;
			}
			free(key);
			continue;
		}
		printf("%s=%s (%s)\n", argv[i],
		       cc_config_str(&cfg, argv[i]) ?
		       cc_config_str(&cfg, argv[i]) : "(unset)",
		       cc_config_origin(&cfg, argv[i]));
	}
	cc_config_release(&cfg);
	return cc_finish_stdout(0);
}

/* The type as cc.yaml(5) names it. */
static const char *doc_type(enum cc_cfg_type t)
{
	switch (t) {
	case CC_CFG_STRING: return "string";
	case CC_CFG_PATH: return "path";
	case CC_CFG_INT: return "integer";
	case CC_CFG_SIZE: return "size";
	case CC_CFG_BOOL: return "boolean";
	case CC_CFG_FRACTION: return "number";
	case CC_CFG_DURATION: return "duration";
	}
	return "?";
}

static int cmd_config_keys(int argc, char **argv)
{
	const struct cc_config_key *k;

	(void)argv;
	if (argc != 1)
		cc_usage_error("config-keys takes no arguments");
	for (k = cc_config_keys; k->name; k++) {
		printf("%s\t%s\t%s\t", k->name, doc_type(k->type),
		       k->def ? k->def : "-");
		if (k->type == CC_CFG_INT && k->max > 0)
			printf("%ld..%ld\n", k->min, k->max);
		else
			printf("-\n");
	}
	return cc_finish_stdout(0);
}

/* --- sha256 ------------------------------------------------------------ */

/* Run stage over in (an array), into a new array; exits on a failure. */
static json_t *apply(const struct cc_stage *st, void *ctx, json_t *in)
{
	json_t *out = json_array(), *warn = json_array(), *w;
	size_t i, n = json_array_size(in);
	json_t **v = cc_xcalloc(n + 1, sizeof(*v));
	struct cc_error e;

	for (i = 0; i < n; i++)
		v[i] = json_array_get(in, i);
	if (cc_stage_apply(st, ctx, v, n, out, warn, &e) < 0)
		cc_die(1, "%s: %s", st->name, e.msg);
	free(v);
	json_array_foreach(warn, i, w)
		cc_warn("%s", json_string_value(w));
	json_decref(warn);
	json_decref(in);
	return out;
}

static int cmd_stages(int argc, char **argv)
{
	struct cc_ingest_opts io = { 0 };
	struct cc_ocr_stage_opts oo = { 0 };
	struct cc_extract_opts eo = { NULL, 0.6 };
	struct cc_dispute_opts dop = { 0 };
	struct cc_extract_layouts *L;
	struct cc_dispute_rules *R;
	struct cc_ingest_ctx *ix;
	struct cc_ocr_ctx *ox;
	struct cc_extract_ctx *ex;
	struct cc_dispute_ctx *dx;
	struct cc_error e;
	json_t *recs = json_array(), *r;
	time_t now;
	size_t i;
	int k;

	if (argc < 4)
		cc_usage_error("stages LAYOUTS RULES PDF...");
	L = cc_extract_load(argv[1], &e);
	R = cc_dispute_rules_read(argv[2], NULL, &e);
	if (!L || !R)
		cc_die(1, "%s", e.msg);
	for (k = 3; k < argc; k++)
		json_array_append_new(recs, cc_ingest_item(argv[k]));
	io.max_bytes = 10 << 20;
	ix = cc_ingest_ctx_new(&io);
	recs = apply(&cc_ingest_stage, ix, recs);
	oo.dpi = 300;
	oo.no_ocr = 1;
	ox = cc_ocr_ctx_new(&oo);
	recs = apply(&cc_ocr_stage, ox, recs);
	ex = cc_extract_ctx_new(L, &eo, 0);
	recs = apply(&cc_extract_stage, ex, recs);
	dop.round = 1;
	cc_now(&now);
	cc_time_iso(now, dop.created_at, sizeof(dop.created_at));
	memcpy(dop.as_of, dop.created_at, 10);
	dx = cc_dispute_ctx_new(R, &dop);
	recs = apply(&cc_dispute_stage, dx, recs);
	cc_writer_init(0);
	json_array_foreach(recs, i, r)
		if (cc_write_json(r) < 0)
			break;
	json_decref(recs);
	cc_dispute_ctx_free(dx);
	cc_extract_ctx_free(ex);
	cc_ocr_ctx_free(ox);
	cc_ingest_ctx_free(ix);
	cc_dispute_rules_free(R);
	cc_extract_free(L);
	return cc_finish_stdout(0);
}

static int cmd_sha256(int argc, char **argv)
{
	struct cc_sha256 *h;
	char hex[CC_SHA256_HEX], buf[65536];
	size_t n;
	FILE *f;

	if (argc != 2)
		cc_usage_error("sha256 FILE");
	f = fopen(argv[1], "rb");
	if (!f)
		cc_die(66, "%s: %s", argv[1], strerror(errno));
	h = cc_sha256_new();
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		cc_sha256_update(h, buf, n);
	fclose(f);
	cc_sha256_final(h, hex);
	cc_sha256_free(h);
	printf("%s\n", hex);
	return cc_finish_stdout(0);
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	{ "mkpdf", cmd_mkpdf }, { "record-cat", cmd_record_cat },
	{ "config", cmd_config }, { "config-keys", cmd_config_keys },
	{ "stages", cmd_stages }, { "sha256", cmd_sha256 },
};

int main(int argc, char **argv)
{
	size_t i;

	cc_diag_init("cc-test-tool");
	if (argc < 2)
		cc_usage_error("usage: cc-test-tool mkpdf|record-cat|config|"
			       "config-keys|stages|sha256 ...");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	cc_usage_error("unknown command '%s'", argv[1]);
}
