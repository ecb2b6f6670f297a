/*
 * pageline.c -- a text-layer page's record as a line of JSON, written
 * straight from the page's lines (pageline.h).
 *
 * Why: page records are most of what flows between cc-ocr and cc-extract
 * (about 10 kB a page), and building each as jansson objects only to
 * dump them, every coordinate through printf's floating point, took a
 * fifth of cc-ocr's time.  This writes the same bytes directly: the
 * structure and the numbers here, each string through jansson's own
 * escaping unless it has nothing to escape.  The numbers are rounded to
 * tenths, as the record's always were, and written as jansson writes
 * them (JSON_REAL_PRECISION(7), a ".0" on a whole number); a number
 * beyond a million, or not finite, goes through jansson itself.
 * tests/unit/t-ocrline.c holds the two ways to the same bytes.
 */
#include "base/cc.h"
#include "ocr/pageline.h"
#include "record/record.h"

#include <math.h>

/* s as a JSON string: as it is when it needs no escape (and is UTF-8
 * without NUL, as jansson's strings are), else as jansson writes it. */
static void put_str(struct cc_buf *b, const char *s)
{
	size_t n = strlen(s), i, need;
	json_t *j;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == '"' || c == '\\')
			break;
	}
	if (i == n && cc_utf8_valid(s, n)) {
		cc_buf_add(b, "\"", 1);
		cc_buf_add(b, s, n);
		cc_buf_add(b, "\"", 1);
		return;
	}
	j = cc_json_str(s);
	for (;;) {
		CC_GROW(b->s, b->alloc, b->len + 64);
		need = json_dumpb(j, b->s + b->len, b->alloc - b->len,
				  CC_JSON_FLAGS | JSON_ENCODE_ANY);
		if (need <= b->alloc - b->len)
			break;
		CC_GROW(b->s, b->alloc, b->len + need + 1);
	}
	b->len += need;
	json_decref(j);
}

/* v to the tenth, as a JSON real; 0 when it is not a number (jansson
 * has no real for it: the member or element is left out). */
static int put_num(struct cc_buf *b, double v)
{
	double r = floor(v * 10 + 0.5) / 10;
	char tmp[64];
	long long k;
	size_t n;
	json_t *j;

	if (!isfinite(r))
		return 0;
	if (fabs(r) < 1e6) {
		k = llround(r * 10);
		n = (size_t)snprintf(tmp, sizeof(tmp), "%s%lld.%lld",
				     k < 0 ? "-" : "", llabs(k) / 10, llabs(k) % 10);
		cc_buf_add(b, tmp, n);
		return 1;
	}
	j = json_real(r);
	n = json_dumpb(j, tmp, sizeof(tmp), CC_JSON_FLAGS | JSON_ENCODE_ANY);
	json_decref(j);
	if (n == 0 || n >= sizeof(tmp))
		return 0;
	cc_buf_add(b, tmp, n);
	return 1;
}

/* "key":number, when the number is one */
static void put_member_num(struct cc_buf *b, const char *key, double v)
{
	size_t at = b->len;

	cc_buf_addf(b, ",\"%s\":", key);
	if (!put_num(b, v))
		b->len = at;
}

void cc_ocr_page_line(struct cc_buf *b, const char *doc, int page,
		      const struct cc_page_text *t)
{
	int i, k, first;

	cc_buf_adds(b, "{\"kind\":\"page\",\"v\":1,\"doc\":");
	put_str(b, doc);
	cc_buf_addf(b, ",\"page\":%d,\"source\":\"text\"", page);
	put_member_num(b, "width", t->width);
	put_member_num(b, "height", t->height);
	cc_buf_adds(b, ",\"dpi\":null,\"conf\":null,\"lines\":[");
	for (i = 0; i < t->n; i++) {
		cc_buf_adds(b, i ? ",{\"t\":" : "{\"t\":");
		if (t->lines[i].t)
			put_str(b, t->lines[i].t);
		else
			cc_buf_adds(b, "null");
		cc_buf_adds(b, ",\"b\":[");
		for (k = 0, first = 1; k < 4; k++) {
			size_t at = b->len;

			if (!first)
				cc_buf_add(b, ",", 1);
			if (put_num(b, t->lines[i].b[k]))
				first = 0;
			else
				b->len = at;
		}
		cc_buf_adds(b, "]");
		if (t->lines[i].size > 0)
			put_member_num(b, "s", t->lines[i].size);
		if (t->lines[i].bold || t->lines[i].italic)
			cc_buf_addf(b, ",\"f\":\"%s%s\"",
				    t->lines[i].bold ? "b" : "",
				    t->lines[i].italic ? "i" : "");
		cc_buf_adds(b, "}");
	}
	cc_buf_adds(b, "]}");
}
