/*
 * t-tmpl.c -- lib/tmpl, the template engine: values escaped, dotted
 * names, sections over lists, objects and other values, inverted
 * sections, comments; every error with its id, file and line; the
 * limits on nesting; one template printed with several views.
 */
#include "base/cc.h"
#include "tmpl/tmpl.h"

#include "tap.h"

/* Print src with the view given as JSON text; the output, or the error
 * as "ERR id file:line: message". */
static char *render(const char *src, size_t len, const char *view_json)
{
	struct cc_tmpl *t;
	struct cc_error e;
	struct cc_buf b = { 0 };
	json_t *view = json_loads(view_json, 0, NULL);
	int rc;

	cc_error_clear(&e);
	rc = cc_tmpl_parse("t.html", src, len, &t, &e);
	if (rc == 0) {
		rc = cc_tmpl_render(t, view, &b, &e);
		cc_tmpl_free(t);
	}
	json_decref(view);
	if (rc < 0) {
		cc_buf_release(&b);
		cc_buf_addf(&b, "ERR %s %s:%ld: %s", e.id, e.source, e.line,
			    e.msg);
		if (rc != CC_ERR_CONFIG || e.code != CC_ERR_CONFIG)
			cc_buf_addf(&b, " (code %d, returned %d)", e.code, rc);
	}
	return cc_buf_detach(&b);
}

#define RENDER(src, view, want, desc) do { \
	char *got_ = render((src), strlen(src), (view)); \
	is_str(got_, (want), "%s", (desc)); \
	free(got_); \
} while (0)

static void test_values(void)
{
	RENDER("Hello {{name}}!", "{\"name\":\"<script>alert(1)</script> & Co\"}",
	       "Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co!",
	       "a value is HTML-escaped");
	RENDER("{{ a.b.c }}|{{n}}|{{t}}|{{f}}|{{z}}|{{r}}",
	       "{\"a\":{\"b\":{\"c\":\"'\\\"\"}},"
	       "\"n\":42,\"t\":true,\"f\":false,\"z\":null,\"r\":0.5}",
	       "&#39;&quot;|42|true|||0.5",
	       "dotted names, numbers, booleans, null");
	RENDER("no tags at all", "{}", "no tags at all", "text alone");
	RENDER("", "{}", "", "an empty template");
	RENDER("{{! a\ncomment }}x", "{}", "x", "a comment, over lines");
	RENDER("{a} {{x}}}", "{\"x\":1}", "{a} 1}",
	       "braces that are no tag are text");
}

static void test_sections(void)
{
	RENDER("{{#l}}[{{.}}]{{/l}}", "{\"l\":[\"a\",\"<b>\"]}",
	       "[a][&lt;b&gt;]", "a section over a list, {{.}} the element");
	RENDER("{{#o}}{{x}}-{{y}}{{/o}}", "{\"o\":{\"x\":1},\"y\":2}", "1-2",
	       "a section over an object; names not in it found outside");
	RENDER("{{#s}}<{{.}}>{{/s}}", "{\"s\":\"v\"}", "<v>",
	       "a section over a string: once, the string the context");
	RENDER("{{#a}}A{{/a}}{{^a}}not A{{/a}}{{#b}}B{{/b}}{{^b}}not B{{/b}}"
	       "{{#c}}C{{/c}}{{#d}}D{{/d}}{{^e}}E{{/e}}",
	       "{\"a\":false,\"b\":\"x\",\"c\":[],\"d\":0,\"e\":null}",
	       "not ABDE", "falsy: false, \"\", [], null; 0 is not");
	RENDER("{{#x.y}}in{{/x.y}}", "{\"x\":null}", "",
	       "a name through a null is null");
	RENDER("{{#l}}{{#m}}{{n}}{{k}}{{/m}};{{/l}}",
	       "{\"k\":\"K\",\"l\":[{\"m\":[{\"n\":1},{\"n\":2}]},"
	       "{\"m\":[{\"n\":3,\"k\":\"k\"}]}]}",
	       "1K2K;3k;",
	       "nested sections: the innermost context first, then outwards");
}

static void test_errors(void)
{
	RENDER("a\n{{{raw}}}", "{}",
	       "ERR template.syntax t.html:2: unescaped output '{{{' is not "
	       "allowed: every value is escaped", "{{{ is refused");
	RENDER("{{&raw}}", "{}",
	       "ERR template.syntax t.html:1: unescaped output '{{&' is not "
	       "allowed: every value is escaped", "{{& is refused");
	RENDER("{{> part}}", "{}",
	       "ERR template.syntax t.html:1: '{{>' (partials) is not supported",
	       "partials are refused");
	RENDER("{{=<% %>=}}", "{}",
	       "ERR template.syntax t.html:1: '{{=' (new delimiters) is not "
	       "supported", "new delimiters are refused");
	RENDER("{{#a}}\n{{/b}}", "{}",
	       "ERR template.syntax t.html:2: '{{/b}}' closes section 'a' of "
	       "line 1", "a section closed by another name");
	RENDER("x\n{{#a}}", "{}",
	       "ERR template.syntax t.html:2: section 'a' is not closed",
	       "a section never closed");
	RENDER("{{/a}}", "{}",
	       "ERR template.syntax t.html:1: '{{/a}}' closes no section",
	       "a close without an open");
	RENDER("{{a b}}", "{}",
	       "ERR template.syntax t.html:1: '{{a b}}' is not a name",
	       "a name with a space");
	RENDER("{{a..b}}", "{}",
	       "ERR template.syntax t.html:1: '{{a..b}}' is not a name",
	       "two dots in a row");
	RENDER("{{}}", "{}", "ERR template.syntax t.html:1: '{{}}' is not a name",
	       "no name");
	RENDER("{{a", "{}", "ERR template.syntax t.html:1: '{{' without '}}'",
	       "no }}");
	RENDER("{{! x\n\n}}\n{{nmae}}", "{\"name\":1}",
	       "ERR template.render t.html:4: unknown name 'nmae'",
	       "an unknown name, its line after a comment of lines");
	RENDER("{{o}}", "{\"o\":{}}",
	       "ERR template.render t.html:1: 'o' is a list or an object, not a "
	       "value: use a section", "an object as a value");
	RENDER("{{#l}}{{x}}{{/l}}", "{\"l\":[{\"x\":1},{}]}",
	       "ERR template.render t.html:1: unknown name 'x'",
	       "a name missing from one element of a list");
	{
		char *got = render("a\0b", 3, "{}");

		is_str(got, "ERR template.syntax t.html:1: a NUL byte in the "
		       "template", "a NUL byte");
		free(got);
	}
}

/* Sections nested n deep around {{x}}. */
static char *nested(int n)
{
	struct cc_buf b = { 0 };
	int i;

	for (i = 0; i < n; i++)
		cc_buf_adds(&b, "{{#o}}");
	cc_buf_adds(&b, "{{x}}");
	for (i = 0; i < n; i++)
		cc_buf_adds(&b, "{{/o}}");
	return cc_buf_detach(&b);
}

static void test_limits(void)
{
	char *src = nested(16);

	RENDER(src, "{\"o\":true,\"x\":\"deep\"}", "deep",
	       "sections 16 deep, over true: the value found outside");
	free(src);
	src = nested(17);
	RENDER(src, "{}",
	       "ERR template.syntax t.html:1: sections nested more than 16 deep",
	       "17 deep do not parse");
	free(src);
}

static void test_reuse(void)
{
	static const char src[] = "{{#items}}{{n}}. {{name}}\n{{/items}}"
				  "{{^items}}none\n{{/items}}";
	struct cc_tmpl *t;
	struct cc_error e;
	struct cc_buf b = { 0 };
	json_t *v1 = json_loads("{\"items\":[{\"n\":1,\"name\":\"a\"},"
				"{\"n\":2,\"name\":\"b\"}]}", 0, NULL);
	json_t *v2 = json_loads("{\"items\":[]}", 0, NULL);

	cc_error_clear(&e);
	if (!is_int(cc_tmpl_parse("list", src, strlen(src), &t, &e), 0,
		    "a template parses")) {
		tap_diag("%s", e.msg);
		return;
	}
	is_int(cc_tmpl_render(t, v1, &b, &e), 0, "printed once");
	is_int(cc_tmpl_render(t, v2, &b, &e), 0, "printed again, another view");
	is_int(cc_tmpl_render(t, v1, &b, &e), 0, "and the first again");
	is_str(b.s, "1. a\n2. b\nnone\n1. a\n2. b\n",
	       "each print appended, the template unchanged by printing");
	cc_buf_release(&b);
	json_decref(v1);
	json_decref(v2);
	cc_tmpl_free(t);
	cc_tmpl_free(NULL);
	ok(1, "cc_tmpl_free(NULL) does nothing");
}

int main(void)
{
	test_values();
	test_sections();
	test_errors();
	test_limits();
	test_reuse();
	return tap_done();
}
