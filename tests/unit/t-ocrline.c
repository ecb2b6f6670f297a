/*
 * t-ocrline.c -- lib/ocr/pageline.c: a text page's record written
 * straight as a line is byte for byte the record built with jansson and
 * dumped as cc-ocr writes records: numbers of every size and sign
 * (tenths, whole, past a million, not finite), strings with quotes,
 * backslashes, control characters, invalid UTF-8, NULs, none at all.
 */
#include "base/cc.h"
#include "ocr/pageline.h"
#include "record/record.h"

#include <math.h>

#include "tap.h"

static json_t *num(double v)
{
	return json_real(floor(v * 10 + 0.5) / 10);
}

/* The record as jansson writes it: the oracle. */
static char *with_jansson(const char *doc, int page,
			  const struct cc_page_text *t)
{
	json_t *o = cc_record_new("page"), *a = json_array(), *l, *b;
	char *s;
	int i, k;

	json_object_set_new(o, "doc", json_string(doc));
	json_object_set_new(o, "page", json_integer(page));
	json_object_set_new(o, "source", json_string("text"));
	json_object_set_new(o, "width", num(t->width));
	json_object_set_new(o, "height", num(t->height));
	json_object_set_new(o, "dpi", json_null());
	json_object_set_new(o, "conf", json_null());
	for (i = 0; i < t->n; i++) {
		l = json_object();
		b = json_array();
		json_object_set_new(l, "t", cc_json_str(t->lines[i].t));
		for (k = 0; k < 4; k++)
			json_array_append_new(b, num(t->lines[i].b[k]));
		json_object_set_new(l, "b", b);
		if (t->lines[i].size > 0 && isfinite(t->lines[i].size))
			json_object_set_new(l, "s", num(t->lines[i].size));
		if (t->lines[i].bold || t->lines[i].italic)
			json_object_set_new(l, "f", json_string(
				t->lines[i].bold && t->lines[i].italic ? "bi" :
				t->lines[i].bold ? "b" : "i"));
		json_array_append_new(a, l);
	}
	json_object_set_new(o, "lines", a);
	s = json_dumps(o, CC_JSON_FLAGS);
	json_decref(o);
	return s;
}

static char *direct(const char *doc, int page, const struct cc_page_text *t)
{
	struct cc_buf b = { 0 };

	cc_ocr_page_line(&b, doc, page, t);
	return cc_buf_detach(&b);
}

static void same(const char *doc, int page, const struct cc_page_text *t,
		 const char *what)
{
	char *want = with_jansson(doc, page, t), *got = direct(doc, page, t);

	is_str(got, want, "%s", what);
	free(want);
	free(got);
}

static void line(struct cc_page_text *t, const char *s, float x0, float y0,
		 float x1, float y1)
{
	CC_GROW(t->lines, t->alloc, (size_t)t->n + 1);
	t->lines[t->n].t = s ? cc_xstrdup(s) : NULL;
	t->lines[t->n].b[0] = x0;
	t->lines[t->n].b[1] = y0;
	t->lines[t->n].b[2] = x1;
	t->lines[t->n].b[3] = y1;
	t->lines[t->n].conf = -1;
	t->lines[t->n].size = 0;
	t->lines[t->n].bold = 0;
	t->lines[t->n].italic = 0;
	t->n++;
}

static void test_numbers(void)
{
	struct cc_page_text t = { 612, 792, NULL, 0, 0 };
	static const float v[] = {
		0, 0.04f, 0.05f, 0.06f, 0.15f, 1, 41.95f, 42.049999f, 99.95f,
		612, 791.96f, -0.04f, -0.05f, -0.06f, -12.55f, -1, 999999.9f,
		1000000, 1234567.8f, 3e9f, -3e9f, 1e-30f, 123.44999f, 570.0f,
	};
	size_t i;

	for (i = 0; i + 3 < sizeof(v) / sizeof(v[0]); i++)
		line(&t, "X", v[i], v[i + 1], v[i + 2], v[i + 3]);
	same("abc", 1, &t, "numbers: tenths, whole, negative, past a million");
	cc_pdf_page_text_release(&t);

	t.width = NAN;
	t.height = INFINITY;
	line(&t, "nan", NAN, 1, -INFINITY, 2);
	line(&t, "inf", INFINITY, NAN, NAN, NAN);
	same("abc", 2, &t, "numbers that are not: left out, as jansson does");
	cc_pdf_page_text_release(&t);
}

static void test_strings(void)
{
	struct cc_page_text t = { 612, 792, NULL, 0, 0 };
	static const char *const s[] = {
		"", "plain", "quote \" and back\\slash", "tab\there\nnewline",
		"\x01\x1f control", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
		"bad \xff byte", "cut \xe2\x82", "\x7f del", "slash / stays",
		"</script>", "\xef\xbf\xbd",
	};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		line(&t, s[i], 10, 20.5f, 30, 40.25f);
	line(&t, NULL, 1, 2, 3, 4);
	same("0123abcd", 7, &t, "strings that need escapes, or repair, and none");
	cc_pdf_page_text_release(&t);

	same("d\"oc", 1, &t, "a page of no lines; a doc that needs an escape");
}

static void test_many(void)
{
	struct cc_page_text t = { 595.3f, 841.9f, NULL, 0, 0 };
	unsigned long long x = 88172645463325252ULL;
	char buf[64];
	int i, k;

	for (i = 0; i < 3000; i++) {
		for (k = 0; k < (int)sizeof(buf) - 1; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[k] = (char)(32 + x % 95);
		}
		buf[x % 63] = '\0';
		line(&t, buf, (float)(x % 6000) / 7.0f, (float)(x % 9000) / 11.0f,
		     (float)(x % 60000) / 9.0f, (float)(x % 800) - 400.0f / 3.0f);
	}
	same("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	     12, &t, "3000 lines of printable text at odd coordinates");
	cc_pdf_page_text_release(&t);
}

/* "s" and "f": a size when there is one, the style letters when any */
static void test_style(void)
{
	struct cc_page_text t = { 612, 792, NULL, 0, 0 };
	static const float sz[] = { 0, 9, 9.96f, 10.04f, 11.5f, -1, NAN, 72 };
	size_t i;

	for (i = 0; i < sizeof(sz) / sizeof(sz[0]); i++) {
		line(&t, "Balance", 10, 20, 30, 40);
		t.lines[t.n - 1].size = sz[i];
		t.lines[t.n - 1].bold = i % 2;
		t.lines[t.n - 1].italic = (i / 2) % 2;
	}
	same("abc", 3, &t, "sizes and bold and italic");
	cc_pdf_page_text_release(&t);
}

int main(void)
{
	test_style();
	test_numbers();
	test_strings();
	test_many();
	return tap_done();
}
