/*
 * t-record.c -- lib/record.c: the NDJSON reader over files, gzip and
 * stdin; error records; JSON strings; the writer.
 */
#include "base/cc.h"
#include "record/record.h"
#include "tool/write.h"

#include <zlib.h>

#include "tap.h"
#include "tmp.h"

#define FFFD "\xef\xbf\xbd"

/* --- helpers ------------------------------------------------------------ */

/* Expect the next record: source, line, kind and the exact raw line. */
static int expect_rec(struct cc_reader *r, const char *source, long line,
		      const char *kind, const char *raw, size_t raw_len)
{
	struct cc_record rec;
	struct cc_error e;
	int rc, pass = 1;

	memset(&rec, 0, sizeof(rec));
	cc_error_clear(&e);
	rc = cc_reader_next(r, &rec, &e);
	if (!is_int(rc, 1, "record at %s:%ld is read", source, line)) {
		tap_diag("error: %s:%ld: %s (%s)", e.source, e.line, e.msg,
			 e.id);
		return 0;
	}
	pass &= is_str(rec.source, source, "record %s:%ld: source", source, line);
	pass &= is_int(rec.line, line, "record %s:%ld: line", source, line);
	pass &= is_str(rec.kind, kind, "record %s:%ld: kind %s", source, line,
		       kind);
	if (raw)
		pass &= is_mem(rec.raw, rec.raw_len, raw, raw_len,
			       "record %s:%ld: raw is the line", source, line);
	pass &= ok(rec.obj && json_is_object(rec.obj),
		   "record %s:%ld: obj is an object", source, line);
	pass &= is_str(json_string_value(json_object_get(rec.obj, "kind")),
		       kind, "record %s:%ld: obj's kind", source, line);
	return pass;
}

#define EXPECT_REC(r, src, line, kind, raw) \
	expect_rec(r, src, line, kind, raw, sizeof(raw) - 1)

/* Expect an error: code, id, source and line (msg checked when non-NULL). */
static int expect_err(struct cc_reader *r, int code, const char *id,
		      const char *source, long line, const char *msg)
{
	struct cc_record rec;
	struct cc_error e;
	int rc, pass = 1;

	cc_error_clear(&e);
	/* a stale location must not survive into the new error */
	snprintf(e.source, sizeof(e.source), "stale");
	e.line = 999;
	rc = cc_reader_next(r, &rec, &e);
	pass &= is_int(rc, code, "%s at %s:%ld: return code", id, source, line);
	pass &= is_int(e.code, code, "%s at %s:%ld: e.code", id, source, line);
	pass &= is_str(e.id, id, "%s at %s:%ld: id", id, source, line);
	pass &= is_str(e.source, source, "%s at %s:%ld: source", id, source,
		       line);
	pass &= is_int(e.line, line, "%s at %s:%ld: line", id, source, line);
	if (msg)
		pass &= is_str(e.msg, msg, "%s at %s:%ld: message", id, source,
			       line);
	return pass;
}

static int expect_end(struct cc_reader *r, const char *desc)
{
	struct cc_record rec;
	struct cc_error e;
	int rc;

	cc_error_clear(&e);
	rc = cc_reader_next(r, &rec, &e);
	if (!is_int(rc, 0, "%s: end of input", desc)) {
		if (rc < 0)
			tap_diag("error: %s:%ld: %s (%s)", e.source, e.line,
				 e.msg, e.id);
		return 0;
	}
	return is_int(cc_reader_next(r, &rec, &e), 0,
		      "%s: still the end when asked again", desc);
}

/* Write data as a gzip file with zlib; returns the path (caller frees). */
static char *gz_write(const char *name, const char *data, size_t len)
{
	char *path = tmp_path(name);
	gzFile gz = gzopen(path, "wb9");

	if (!gz || (len && gzwrite(gz, data, (unsigned)len) != (int)len) ||
	    gzclose(gz) != Z_OK) {
		printf("Bail out! cannot write gzip file '%s'\n", path);
		exit(1);
	}
	return path;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t alloc = 0, n = 0, k;

	if (!f)
		return NULL;
	for (;;) {
		CC_GROW(buf, alloc, n + 4096);
		k = fread(buf + n, 1, 4096, f);
		n += k;
		if (k < 4096)
			break;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* A record line of exactly len bytes: {"kind":"k","p":"xxx..."} */
static char *make_line(const char *kind, size_t len)
{
	char *head = cc_xasprintf("{\"kind\":\"%s\",\"p\":\"", kind);
	size_t hl = strlen(head);
	char *s;

	if (len < hl + 2) {
		printf("Bail out! make_line: %zu is too short\n", len);
		exit(1);
	}
	s = cc_xmalloc(len + 1);
	memcpy(s, head, hl);
	memset(s + hl, 'x', len - hl - 2);
	memcpy(s + len - 2, "\"}", 3);
	free(head);
	return s;
}

/* A growing byte buffer for building test files. */
struct buf {
	char *p;
	size_t n, alloc;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	CC_GROW(b->p, b->alloc, b->n + n + 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_fill(struct buf *b, int c, size_t n)
{
	CC_GROW(b->p, b->alloc, b->n + n + 1);
	memset(b->p + b->n, c, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* --- the reader ---------------------------------------------------------- */

static void test_basic(void)
{
	struct cc_reader *r;
	struct cc_record rec;
	struct cc_error e;
	const char *srcs[1];
	char *path;

	path = tmp_write_str("basic.ndjson",
		"{\"kind\":\"a\",\"v\":1,\"n\":1}\n"         /* 1 */
		"\n"                                         /* 2 */
		"{\"kind\":\"b\"}\r\n"                       /* 3 */
		" \t\r\n"                                    /* 4 */
		"  {\"kind\":\"c\", \"s\":\"caf\xc3\xa9\"} \n" /* 5 */
		"\r\n"                                       /* 6 */
		"{\"kind\":\"d\",\"v\":1}");                 /* 7, no newline */
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 0);
	cc_error_clear(&e);
	if (is_int(cc_reader_next(r, &rec, &e), 1, "the first record")) {
		is_str(rec.source, path, "source is the path given");
		is_int(rec.line, 1, "line 1");
		is_str(rec.kind, "a", "kind a");
		is_int(json_integer_value(json_object_get(rec.obj, "n")), 1,
		       "obj holds the fields");
		is_mem(rec.raw, rec.raw_len, "{\"kind\":\"a\",\"v\":1,\"n\":1}", 24,
		       "raw is the line without its newline");
	}
	is_int(cc_reader_lines(r), 1, "one line read so far");
	EXPECT_REC(r, path, 3, "b", "{\"kind\":\"b\"}");
	EXPECT_REC(r, path, 5, "c", "  {\"kind\":\"c\", \"s\":\"caf\xc3\xa9\"} ");
	EXPECT_REC(r, path, 7, "d", "{\"kind\":\"d\",\"v\":1}");
	expect_end(r, "basic");
	is_int(cc_reader_lines(r), 7, "seven lines read, blank ones included");
	cc_reader_free(r);
	unlink(path);
	free(path);

	/* an empty file, a file of blank lines */
	path = tmp_write_str("empty.ndjson", "");
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 0);
	expect_end(r, "an empty file");
	is_int(cc_reader_lines(r), 0, "an empty file has no lines");
	cc_reader_free(r);
	unlink(path);
	free(path);

	path = tmp_write_str("blank.ndjson", "\n\r\n  \n\t");
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 0);
	expect_end(r, "blank lines only");
	is_int(cc_reader_lines(r), 4, "blank lines are counted");
	cc_reader_free(r);
	unlink(path);
	free(path);

	cc_reader_free(NULL);
	ok(1, "cc_reader_free(NULL) is harmless");
}

static void test_bad_lines(void)
{
	struct cc_reader *r;
	const char *srcs[1];
	char *path;

	path = tmp_write_str("bad.ndjson",
		"{\"kind\":\"a\"}\n"                 /* 1 */
		"{not json\n"                        /* 2 json.syntax */
		"{\"kind\":\"b\"}\n"                 /* 3 */
		"[1,2]\n"                            /* 4 record.invalid */
		"\"str\"\n"                          /* 5 json.syntax */
		"{\"v\":1}\n"                        /* 6 no kind */
		"{\"kind\":\"\"}\n"                  /* 7 empty kind */
		"{\"kind\":5}\n"                     /* 8 kind not a string */
		"{\"kind\":\"a\",\"v\":2}\n"         /* 9 record.version */
		"{\"kind\":\"a\",\"v\":\"1\"}\n"     /* 10 record.version */
		"{\"kind\":\"a\"} x\n"               /* 11 json.syntax */
		"{\"kind\":\"e\",\"v\":1}\n"         /* 12 */
		"{\"kind\":");                       /* 13 json.syntax, no nl */
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 0);
	EXPECT_REC(r, path, 1, "a", "{\"kind\":\"a\"}");
	expect_err(r, CC_ERR_DATA, "json.syntax", path, 2,
		   "invalid JSON: string or '}' expected near 'not' at column 4");
	EXPECT_REC(r, path, 3, "b", "{\"kind\":\"b\"}");
	expect_err(r, CC_ERR_DATA, "record.invalid", path, 4,
		   "record is not a JSON object");
	expect_err(r, CC_ERR_DATA, "json.syntax", path, 5, NULL);
	expect_err(r, CC_ERR_DATA, "record.invalid", path, 6,
		   "record has no \"kind\"");
	expect_err(r, CC_ERR_DATA, "record.invalid", path, 7,
		   "record has no \"kind\"");
	expect_err(r, CC_ERR_DATA, "record.invalid", path, 8,
		   "record has no \"kind\"");
	expect_err(r, CC_ERR_DATA, "record.version", path, 9,
		   "unsupported record version (want \"v\":1)");
	expect_err(r, CC_ERR_DATA, "record.version", path, 10,
		   "unsupported record version (want \"v\":1)");
	expect_err(r, CC_ERR_DATA, "json.syntax", path, 11, NULL);
	EXPECT_REC(r, path, 12, "e", "{\"kind\":\"e\",\"v\":1}");
	expect_err(r, CC_ERR_DATA, "json.syntax", path, 13, NULL);
	expect_end(r, "bad lines");
	is_int(cc_reader_lines(r), 13, "13 lines read");
	cc_reader_free(r);
	unlink(path);
	free(path);
}

static void test_too_large(void)
{
	struct cc_reader *r;
	const char *srcs[2];
	char *path, *l1000, *l1001, *l999;
	struct buf b = { 0 };

	/* a long line in the middle, the limit exactly, one past it */
	l999 = make_line("k999", 999);
	l1000 = make_line("k1000", 1000);
	l1001 = make_line("k1001", 1001);
	buf_adds(&b, "{\"kind\":\"a\"}\n");        /* 1 */
	buf_fill(&b, 'x', 1500);                     /* 2 too large */
	buf_adds(&b, "\n{\"kind\":\"b\"}\n");      /* 3 */
	buf_adds(&b, l1000);                         /* 4 exactly 1000 */
	buf_adds(&b, "\n");
	buf_adds(&b, l1001);                         /* 5 too large */
	buf_adds(&b, "\n");
	buf_adds(&b, l999);                          /* 6 */
	buf_adds(&b, "\n");
	buf_fill(&b, 'y', 3000);                     /* 7 too large, at end */
	path = tmp_write("long.ndjson", b.p, b.n);
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 1000);
	EXPECT_REC(r, path, 1, "a", "{\"kind\":\"a\"}");
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 2,
		   "record longer than 1000 bytes");
	EXPECT_REC(r, path, 3, "b", "{\"kind\":\"b\"}");
	expect_rec(r, path, 4, "k1000", l1000, 1000);
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 5,
		   "record longer than 1000 bytes");
	expect_rec(r, path, 6, "k999", l999, 999);
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 7,
		   "record longer than 1000 bytes");
	expect_end(r, "a long last line without a newline");
	is_int(cc_reader_lines(r), 7, "7 lines read");
	cc_reader_free(r);
	unlink(path);
	free(path);

	/* a long last line with its newline; a file that is one long line */
	b.n = 0;
	buf_adds(&b, "{\"kind\":\"a\"}\n");
	buf_fill(&b, 'z', 5000);
	buf_adds(&b, "\n");
	path = tmp_write("long-nl.ndjson", b.p, b.n);
	b.n = 0;
	buf_fill(&b, 'z', 1001);
	srcs[0] = path;
	srcs[1] = tmp_write("one-long.ndjson", b.p, b.n);
	r = cc_reader_new(srcs, 2, 1000);
	EXPECT_REC(r, path, 1, "a", "{\"kind\":\"a\"}");
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 2, NULL);
	expect_err(r, CC_ERR_DATA, "record.too_large", srcs[1], 1, NULL);
	expect_end(r, "long last lines");
	cc_reader_free(r);
	unlink(path);
	unlink(srcs[1]);
	free(path);
	free((char *)srcs[1]);

	/* 1 MiB lines, far longer than the 64 KiB chunk */
	b.n = 0;
	buf_adds(&b, "{\"kind\":\"a\"}\n");         /* 1 */
	buf_fill(&b, 'x', 1 << 20);                  /* 2 */
	buf_adds(&b, "\n{\"kind\":\"b\"}\n");       /* 3 */
	buf_fill(&b, '\n', 3);                       /* 4, 5, 6 blank */
	buf_adds(&b, "{\"kind\":\"c\"}\n");         /* 7 */
	buf_adds(&b, l1000);                          /* 8 */
	buf_adds(&b, "\n");
	buf_fill(&b, 'w', (1 << 20) + 17);           /* 9, at the end */
	path = tmp_write("mib.ndjson", b.p, b.n);
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 1000);
	EXPECT_REC(r, path, 1, "a", "{\"kind\":\"a\"}");
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 2,
		   "record longer than 1000 bytes");
	EXPECT_REC(r, path, 3, "b", "{\"kind\":\"b\"}");
	EXPECT_REC(r, path, 7, "c", "{\"kind\":\"c\"}");
	expect_rec(r, path, 8, "k1000", l1000, 1000);
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 9,
		   "record longer than 1000 bytes");
	expect_end(r, "1 MiB lines");
	is_int(cc_reader_lines(r), 9, "9 lines read");
	cc_reader_free(r);
	unlink(path);
	free(path);

	/* the same through gzip */
	path = gz_write("mib.ndjson.gz", b.p, b.n);
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 1000);
	EXPECT_REC(r, path, 1, "a", "{\"kind\":\"a\"}");
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 2, NULL);
	EXPECT_REC(r, path, 3, "b", "{\"kind\":\"b\"}");
	EXPECT_REC(r, path, 7, "c", "{\"kind\":\"c\"}");
	expect_rec(r, path, 8, "k1000", l1000, 1000);
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 9, NULL);
	expect_end(r, "1 MiB lines, gzip");
	cc_reader_free(r);
	unlink(path);
	free(path);

	free(l999);
	free(l1000);
	free(l1001);
	free(b.p);
}

/*
 * Lines that straddle the reader's buffer (two 64 KiB chunks) at every
 * awkward place, under the default limit: each must come back whole.
 */
static void test_buffer_edges(void)
{
	static const size_t lens[] = {
		65535, 65536, 65537, 131071, 131072, 131073, 20, 200000, 21,
		65536 * 3 - 1, 300001,
	};
	const size_t nlens = sizeof(lens) / sizeof(lens[0]);
	char *lines[sizeof(lens) / sizeof(lens[0])];
	struct cc_reader *r;
	struct buf b = { 0 };
	const char *srcs[1];
	char *path, kind[32];
	size_t i;
	int good = 1;

	for (i = 0; i < nlens; i++) {
		snprintf(kind, sizeof(kind), "k%zu", i);
		lines[i] = make_line(kind, lens[i]);
		buf_adds(&b, lines[i]);
		if (i + 1 < nlens)
			buf_adds(&b, "\n");
	}
	path = tmp_write("edges.ndjson", b.p, b.n);
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 0);
	for (i = 0; i < nlens; i++) {
		snprintf(kind, sizeof(kind), "k%zu", i);
		good &= expect_rec(r, path, (long)i + 1, kind, lines[i], lens[i]);
	}
	expect_end(r, "lines across buffer edges");
	ok(good, "every line across the buffer edges is whole");
	cc_reader_free(r);
	unlink(path);
	free(path);

	/* a limit above the chunk size: 100000 accepted, 100001 not */
	b.n = 0;
	free(lines[0]);
	free(lines[1]);
	lines[0] = make_line("big", 100000);
	lines[1] = make_line("bigger", 100001);
	buf_adds(&b, lines[1]);
	buf_adds(&b, "\n");
	buf_adds(&b, lines[0]);
	buf_adds(&b, "\n");
	buf_adds(&b, lines[1]);
	buf_adds(&b, "\n");
	buf_adds(&b, lines[0]);
	path = tmp_write("limit.ndjson", b.p, b.n);
	srcs[0] = path;
	r = cc_reader_new(srcs, 1, 100000);
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 1,
		   "record longer than 100000 bytes");
	expect_rec(r, path, 2, "big", lines[0], 100000);
	expect_err(r, CC_ERR_DATA, "record.too_large", path, 3, NULL);
	expect_rec(r, path, 4, "big", lines[0], 100000);
	expect_end(r, "a limit above the chunk size");
	cc_reader_free(r);
	unlink(path);
	free(path);

	for (i = 0; i < nlens; i++)
		free(lines[i]);
	free(b.p);
}

static void test_sources(void)
{
	static const char text_b[] =
		"{\"kind\":\"b1\"}\n"
		"\n"
		"{\"kind\":\"b3\"}\r\n"
		"{\"kind\":\"b4\"}";
	struct cc_reader *r;
	const char *srcs[5];
	char *a, *missing, *bgz, *c;

	a = tmp_write_str("a.ndjson", "{\"kind\":\"a1\"}\n{\"kind\":\"a2\"}\n");
	missing = tmp_path("missing.ndjson");
	bgz = gz_write("b.ndjson.gz", text_b, sizeof(text_b) - 1);
	c = tmp_write_str("c.ndjson", "{bad\n{\"kind\":\"c2\"}\n");
	srcs[0] = a;
	srcs[1] = missing;
	srcs[2] = bgz;
	srcs[3] = c;
	srcs[4] = a;
	r = cc_reader_new(srcs, 5, 0);
	EXPECT_REC(r, a, 1, "a1", "{\"kind\":\"a1\"}");
	EXPECT_REC(r, a, 2, "a2", "{\"kind\":\"a2\"}");
	expect_err(r, CC_ERR_NOINPUT, "input.open", missing, 0,
		   "No such file or directory");
	EXPECT_REC(r, bgz, 1, "b1", "{\"kind\":\"b1\"}");
	EXPECT_REC(r, bgz, 3, "b3", "{\"kind\":\"b3\"}");
	EXPECT_REC(r, bgz, 4, "b4", "{\"kind\":\"b4\"}");
	expect_err(r, CC_ERR_DATA, "json.syntax", c, 1, NULL);
	EXPECT_REC(r, c, 2, "c2", "{\"kind\":\"c2\"}");
	EXPECT_REC(r, a, 1, "a1", "{\"kind\":\"a1\"}");
	EXPECT_REC(r, a, 2, "a2", "{\"kind\":\"a2\"}");
	expect_end(r, "several sources");
	is_int(cc_reader_lines(r), 10, "lines over every source");
	cc_reader_free(r);

	/* a missing source last, and alone */
	srcs[0] = missing;
	r = cc_reader_new(srcs, 1, 0);
	expect_err(r, CC_ERR_NOINPUT, "input.open", missing, 0, NULL);
	expect_end(r, "after a missing last source");
	cc_reader_free(r);

	/* a directory opens but cannot be read */
	srcs[0] = tmp_dir();
	srcs[1] = a;
	r = cc_reader_new(srcs, 2, 0);
	expect_err(r, CC_ERR_IO, "input.read", tmp_dir(), 1,
		   "read error: Is a directory");
	EXPECT_REC(r, a, 1, "a1", "{\"kind\":\"a1\"}");
	EXPECT_REC(r, a, 2, "a2", "{\"kind\":\"a2\"}");
	expect_end(r, "after a directory");
	cc_reader_free(r);

	unlink(a);
	unlink(bgz);
	unlink(c);
	free(a);
	free(missing);
	free(bgz);
	free(c);
}

/* Read fd 0 from path for the time of one reader. */
static void test_stdin(void)
{
	struct cc_reader *r;
	const char *srcs[2];
	char *path, *gz;
	int saved, fd;

	path = tmp_write_str("stdin.ndjson", "\n{\"kind\":\"s\"}\n");
	gz = gz_write("stdin.ndjson.gz", "{\"kind\":\"g\"}\n", 13);
	fflush(stdout);
	saved = dup(STDIN_FILENO);
	fd = open(path, O_RDONLY);
	if (saved < 0 || fd < 0 || dup2(fd, STDIN_FILENO) < 0) {
		ok(0, "redirect stdin");
		return;
	}
	close(fd);
	r = cc_reader_new(NULL, 0, 0);
	EXPECT_REC(r, "<stdin>", 2, "s", "{\"kind\":\"s\"}");
	expect_end(r, "no sources reads stdin");
	cc_reader_free(r);

	fd = open(gz, O_RDONLY);
	if (fd < 0 || dup2(fd, STDIN_FILENO) < 0) {
		ok(0, "redirect stdin to gzip");
	} else {
		close(fd);
		srcs[0] = "-";
		srcs[1] = path;
		r = cc_reader_new(srcs, 2, 0);
		EXPECT_REC(r, "<stdin>", 1, "g", "{\"kind\":\"g\"}");
		EXPECT_REC(r, path, 2, "s", "{\"kind\":\"s\"}");
		expect_end(r, "\"-\" is stdin, gzip detected");
		cc_reader_free(r);
	}
	dup2(saved, STDIN_FILENO);
	close(saved);
	unlink(path);
	unlink(gz);
	free(path);
	free(gz);
}

static void test_gzip(void)
{
	struct cc_reader *r;
	struct buf b = { 0 };
	const char *srcs[2];
	char *plain, *gz, *data, *cut, *cat, *want, line[64];
	size_t len, i, got;
	struct cc_record rec;
	struct cc_error e;
	int rc;

	/* the same bytes, plain and gzip, give the same records and lines */
	for (i = 1; i <= 3000; i++) {
		if (i % 7 == 0) {
			buf_adds(&b, "\n");
			continue;
		}
		if (i % 11 == 0) {
			buf_adds(&b, "{oops}\n");
			continue;
		}
		snprintf(line, sizeof(line), "{\"kind\":\"n\",\"i\":%zu}%s\n", i,
			 i % 5 ? "" : "\r");
		buf_adds(&b, line);
	}
	plain = tmp_write("same.ndjson", b.p, b.n);
	gz = gz_write("same.ndjson.gz", b.p, b.n);
	srcs[0] = plain;
	srcs[1] = gz;
	{
		long lines[2][3000];
		size_t count[2] = { 0, 0 };
		int errors[2] = { 0, 0 }, k;

		for (k = 0; k < 2; k++) {
			r = cc_reader_new(srcs + k, 1, 0);
			while ((rc = cc_reader_next(r, &rec, &e)) != 0) {
				if (rc < 0) {
					errors[k]++;
					continue;
				}
				if (count[k] < 3000)
					lines[k][count[k]] = rec.line;
				count[k]++;
			}
			cc_reader_free(r);
		}
		/* 428 blank (i % 7), 272 - 38 bad (i % 11 but not % 77) */
		is_int(count[0], 2338, "plain: the good records");
		is_int(count[1], count[0], "gzip: as many records as plain");
		is_int(errors[0], 234, "plain: the bad lines");
		is_int(errors[1], errors[0], "gzip: as many errors as plain");
		ok(count[0] == count[1] && count[0] <= 3000 &&
		   memcmp(lines[0], lines[1], count[0] * sizeof(long)) == 0,
		   "gzip: the same line numbers as plain");
	}
	unlink(plain);
	free(plain);

	/* a gzip file cut short: an error, not silence */
	data = slurp(gz, &len);
	if (!ok(data && len > 1000, "read back the gzip file (%zu bytes)", len))
		return;
	cut = tmp_write("cut.ndjson.gz", data, len / 2);
	srcs[0] = cut;
	srcs[1] = gz;
	r = cc_reader_new(srcs, 2, 0);
	got = 0;
	while ((rc = cc_reader_next(r, &rec, &e)) == 1 ||
	       (rc < 0 && strcmp(e.id, "json.syntax") == 0))
		got += rc == 1;
	is_int(rc, CC_ERR_DATA, "a gzip file cut in half: an error, not silence");
	is_str(e.id, "input.truncated", "a gzip file cut in half: input.truncated");
	is_str(e.msg, "unexpected end of compressed input",
	       "a gzip file cut in half: message");
	is_str(e.source, cut, "the error names the cut file");
	is_int(e.line, (long)cc_reader_lines(r) + 1,
	       "the error is on the line after the last one read");
	ok(got > 0 && got < 2338, "the records before the cut are read (%zu)",
	   got);
	is_int(cc_reader_next(r, &rec, &e), 1,
	       "the next source is read after a truncated one");
	is_str(rec.source, gz, "the next source after the cut");
	is_int(rec.line, 1, "line numbers restart");
	cc_reader_free(r);
	unlink(cut);
	free(cut);

	/* cut inside the gzip header */
	cut = tmp_write("header.ndjson.gz", data, 5);
	srcs[0] = cut;
	r = cc_reader_new(srcs, 1, 0);
	expect_err(r, CC_ERR_DATA, "input.truncated", cut, 1,
		   "unexpected end of compressed input");
	expect_end(r, "a gzip file cut inside its header");
	cc_reader_free(r);
	unlink(cut);
	free(cut);

	/* only the gzip trailer (CRC and length) missing */
	cut = tmp_write("notrailer.ndjson.gz", data, len - 4);
	srcs[0] = cut;
	r = cc_reader_new(srcs, 1, 0);
	got = 0;
	while ((rc = cc_reader_next(r, &rec, &e)) == 1 ||
	       (rc < 0 && strcmp(e.id, "json.syntax") == 0))
		got += rc == 1;
	is_int(got, 2338, "without the gzip trailer: every record is read");
	is_int(rc, CC_ERR_DATA, "without the gzip trailer: then an error");
	is_str(e.id, "input.truncated", "without the trailer: input.truncated");
	is_int(e.line, 3001, "without the trailer: after the last line");
	expect_end(r, "a gzip file without its trailer");
	cc_reader_free(r);
	unlink(cut);
	free(cut);

	/* a wrong CRC: a read error, worded without zlib's "<fd:N>: " */
	data[len - 6] ^= 1;
	cut = tmp_write("crc.ndjson.gz", data, len);
	srcs[0] = cut;
	r = cc_reader_new(srcs, 1, 0);
	while ((rc = cc_reader_next(r, &rec, &e)) == 1 ||
	       (rc < 0 && strcmp(e.id, "json.syntax") == 0))
		;
	is_int(rc, CC_ERR_IO, "a gzip file with a wrong CRC: CC_ERR_IO");
	is_str(e.id, "input.read", "a wrong CRC: input.read");
	is_str(e.source, cut, "a wrong CRC: the error names the file");
	is_str(e.msg, "read error: incorrect data check",
	       "a wrong CRC: message (no internal \"<fd:N>\" name)");
	expect_end(r, "a gzip file with a wrong CRC");
	cc_reader_free(r);
	unlink(cut);
	free(cut);
	data[len - 6] ^= 1;

	/* damaged bytes in the middle: a read error too */
	data[len / 2] ^= 0x55;
	data[len / 2 + 1] ^= 0xaa;
	cut = tmp_write("damaged.ndjson.gz", data, len);
	srcs[0] = cut;
	r = cc_reader_new(srcs, 1, 0);
	while ((rc = cc_reader_next(r, &rec, &e)) == 1 ||
	       (rc < 0 && strcmp(e.id, "json.syntax") == 0))
		;
	is_int(rc, CC_ERR_IO, "a damaged gzip file: CC_ERR_IO");
	is_str(e.id, "input.read", "a damaged gzip file: input.read");
	expect_end(r, "a damaged gzip file");
	cc_reader_free(r);
	unlink(cut);
	free(cut);
	free(data);

	/* two gzip members one after the other, and an empty gzip file */
	data = slurp(gz, &len);
	b.n = 0;
	buf_add(&b, data, len);
	buf_add(&b, data, len);
	cat = tmp_write("twice.ndjson.gz", b.p, b.n);
	free(data);
	srcs[0] = cat;
	r = cc_reader_new(srcs, 1, 0);
	got = 0;
	while ((rc = cc_reader_next(r, &rec, &e)) != 0)
		got += rc == 1;
	is_int(got, 2 * 2338,
	       "concatenated gzip members are all read");
	is_int(cc_reader_lines(r), 6000, "and their lines counted");
	cc_reader_free(r);
	unlink(cat);
	free(cat);

	want = gz_write("empty.gz", "", 0);
	srcs[0] = want;
	r = cc_reader_new(srcs, 1, 0);
	expect_end(r, "an empty gzip file");
	cc_reader_free(r);
	unlink(want);
	free(want);

	unlink(gz);
	free(gz);
	free(b.p);
}

/* --- building records ------------------------------------------------- */

static void is_json(json_t *j, const char *want, const char *desc)
{
	char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
				 JSON_ENCODE_ANY) : NULL;

	is_str(s, want, "%s", desc);
	free(s);
	json_decref(j);
}

static void test_build(void)
{
	struct cc_error e;
	json_t *j;

	is_json(cc_record_new("page"), "{\"kind\":\"page\",\"v\":1}",
		"cc_record_new");

	cc_error_clear(&e);
	cc_error_set(&e, CC_ERR_DATA, "json.syntax", "invalid JSON: %s", "x");
	cc_error_at(&e, "in.ndjson", 3);
	is_json(cc_record_error("extract", &e, NULL, NULL),
		"{\"kind\":\"error\",\"v\":1,\"stage\":\"extract\",\"doc\":null,"
		"\"path\":\"in.ndjson\",\"line\":3,\"code\":\"json.syntax\","
		"\"message\":\"invalid JSON: x\"}",
		"cc_record_error: fields in order, path from e->source");

	is_json(cc_record_error("ingest", &e, "ab12", "given.pdf"),
		"{\"kind\":\"error\",\"v\":1,\"stage\":\"ingest\",\"doc\":\"ab12\","
		"\"path\":\"given.pdf\",\"line\":3,\"code\":\"json.syntax\","
		"\"message\":\"invalid JSON: x\"}",
		"cc_record_error: doc and an explicit path");

	cc_error_clear(&e);
	cc_error_set(&e, CC_ERR_DATA, "pdf.encrypted", "'%s' is encrypted",
		     "a\xff.pdf");
	is_json(cc_record_error("ingest", &e, NULL, NULL),
		"{\"kind\":\"error\",\"v\":1,\"stage\":\"ingest\",\"doc\":null,"
		"\"path\":null,\"line\":null,\"code\":\"pdf.encrypted\","
		"\"message\":\"'a" FFFD ".pdf' is encrypted\"}",
		"cc_record_error: line 0 and no source are null, bad UTF-8 fixed");

	is_json(cc_json_str(NULL), "null", "cc_json_str(NULL) is null");
	is_json(cc_json_str(""), "\"\"", "cc_json_str(\"\")");
	is_json(cc_json_str("caf\xc3\xa9"), "\"caf\xc3\xa9\"",
		"cc_json_str keeps valid UTF-8");
	is_json(cc_json_str("a\xc0\xaf" "b"), "\"a" FFFD FFFD "b\"",
		"cc_json_str replaces an overlong with U+FFFD");
	is_json(cc_json_str("\xed\xa0\x80"), "\"" FFFD FFFD FFFD "\"",
		"cc_json_str replaces a surrogate with U+FFFD");
	is_json(cc_json_strn("abc\xff", 3), "\"abc\"", "cc_json_strn stops at n");
	is_json(cc_json_strn("x\xe2\x82", 3), "\"x" FFFD FFFD "\"",
		"cc_json_strn: a truncated sequence");
	is_json(cc_json_strn(NULL, 0), "null", "cc_json_strn(NULL) is null");
	j = cc_json_str("\xff");
	ok(json_is_string(j), "cc_json_str of garbage is still a string");
	json_decref(j);
}

/* cc_write_json and cc_write_raw, with stdout sent to a file. */
static void test_write(void)
{
	static const char want[] =
		"{\"kind\":\"a\",\"v\":1,\"s\":\"\xc3\xa9\\n\\\"\",\"n\":-3}\n"
		"{\"kind\":\"raw\"}\n";
	char *path = tmp_path("out.ndjson"), *got;
	json_t *o;
	size_t len;
	int saved, fd, rc1, rc2;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		ok(0, "redirect stdout");
		free(path);
		return;
	}
	close(fd);
	cc_writer_init(1);
	o = cc_record_new("a");
	json_object_set_new(o, "s", cc_json_str("\xc3\xa9\n\""));
	json_object_set_new(o, "n", json_integer(-3));
	rc1 = cc_write_json(o);
	json_decref(o);
	rc2 = cc_write_raw("{\"kind\":\"raw\"}xyz", 14);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);

	is_int(rc1, 0, "cc_write_json");
	is_int(rc2, 0, "cc_write_raw");
	got = slurp(path, &len);
	is_mem(got, len, want, sizeof(want) - 1,
	       "compact lines, in insertion order, one per record");
	free(got);
	unlink(path);
	free(path);
}

int main(void)
{
	test_basic();
	test_bad_lines();
	test_too_large();
	test_buffer_edges();
	test_sources();
	test_stdin();
	test_gzip();
	test_build();
	test_write();
	return tap_done();
}
