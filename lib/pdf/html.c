/*
 * html.c -- HTML that mupdf's XML parser reads as its HTML5 parser does.
 *
 * A story parses its HTML with gumbo (fz_parse_xml_from_html5()), a
 * tenth of the time of a letter; mupdf's own XML parser (fz_parse_xml())
 * takes a fraction of that.  The two read the same text differently in
 * general, but not the plain, well-formed HTML the letters' templates
 * print.  ccpdf_html_xml() says whether HTML is of that kind, and writes
 * the XML from which fz_parse_xml() makes the tree that gumbo's parse
 * makes of it, node for node: the same elements, attributes and text.
 * HTML of any other kind is left to gumbo.
 *
 * The kind, as gumbo (the HTML5 tree construction, "in body") reads it:
 *
 *  - elements among b, i, em, strong, u, s, small, big, code, tt, span,
 *    sub, sup, div, p, ol, ul, li, blockquote, h1 to h6 and br, their
 *    names in lower case, and any name starting with "ccpdf-" (which
 *    gumbo does not know, and so treats as an ordinary element);
 *  - each closed by its own end tag, in order, but br, which has none;
 *  - nothing gumbo would close by itself: no div, p, list, blockquote,
 *    heading or li inside an open p, no heading right inside another,
 *    no li inside an li without a list between them, and no more than
 *    three of a formatting element (b, i ...) open at once;
 *  - attributes in lower case, each once, their values quoted;
 *  - character references &amp; &lt; &gt; &quot; &apos; and numeric
 *    ones that gumbo does not replace, all ended by ';'; an '&' before
 *    what cannot start a reference (a space, a digit, '&', '<' ...) is
 *    an '&';
 *  - valid UTF-8 without a carriage return; no comments, no doctype,
 *    no '<' but that of a tag.
 *
 * The document is then the html element, an empty head and a body
 * holding the HTML, as gumbo makes it.  Gumbo gives mupdf each text and
 * attribute value with its character references replaced, and mupdf
 * replaces what then looks like one again (xml.c's xml_emit_text()): the
 * XML holds the text gumbo gave, with only '<' (and '"' in values)
 * written as a reference, so that fz_parse_xml() makes the same text of
 * it.
 */
#include "pdf/impl.h"
#include "pdf/testhook.h"

#define MAX_DEPTH 100

enum kind {
	K_FORMAT,    /* a formatting element: b, i ... */
	K_INLINE,    /* span, sub, sup, and ccpdf-* */
	K_DIV,
	K_QUOTE,     /* blockquote */
	K_LIST,      /* ol, ul */
	K_P,
	K_HEADING,
	K_LI,
	K_VOID,      /* br */
};

static const struct {
	const char *name;
	enum kind kind;
} tags[] = {
	{ "b", K_FORMAT }, { "i", K_FORMAT }, { "em", K_FORMAT },
	{ "strong", K_FORMAT }, { "u", K_FORMAT }, { "s", K_FORMAT },
	{ "small", K_FORMAT }, { "big", K_FORMAT }, { "code", K_FORMAT },
	{ "tt", K_FORMAT },
	{ "span", K_INLINE }, { "sub", K_INLINE }, { "sup", K_INLINE },
	{ "div", K_DIV }, { "blockquote", K_QUOTE },
	{ "ol", K_LIST }, { "ul", K_LIST },
	{ "p", K_P }, { "li", K_LI },
	{ "h1", K_HEADING }, { "h2", K_HEADING }, { "h3", K_HEADING },
	{ "h4", K_HEADING }, { "h5", K_HEADING }, { "h6", K_HEADING },
	{ "br", K_VOID },
};

struct open {
	const char *name;    /* the source's, not ended */
	size_t len;
	enum kind kind;
};

struct state {
	const char *s;       /* where the parse is */
	struct cc_buf *out;
	struct open stack[MAX_DEPTH];
	int depth;
};

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The white space gumbo allows between attributes. */
static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

/* The kind of the element name[0..len), or -1 for none of ours. */
static int tag_kind(const char *name, size_t len)
{
	size_t i;

	if (len > 6 && !strncmp(name, "ccpdf-", 6))
		return K_INLINE;
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strlen(tags[i].name) == len &&
		    !strncmp(tags[i].name, name, len))
			return (int)tags[i].kind;
	return -1;
}

/* Append code point c as UTF-8. */
static void put_rune(struct cc_buf *b, unsigned long c)
{
	char u[4];

	if (c < 0x80) {
		u[0] = (char)c;
		cc_buf_add(b, u, 1);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		cc_buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		cc_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		cc_buf_add(b, u, 4);
	}
}

/* Whether gumbo replaces code point c with U+FFFD (its utf8.c's
 * utf8_is_invalid_code_point(): controls, noncharacters), or does not
 * keep it as it is (a carriage return, which it makes a line feed). */
static int replaced(unsigned long c)
{
	return (c >= 0x1 && c <= 0x8) || c == 0xb || c == '\r' ||
	       (c >= 0xe && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) ||
	       (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe ||
	       (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff || c == 0;
}

/* The code point of the UTF-8 sequence of n bytes at s. */
static unsigned long utf8_rune(const unsigned char *s, size_t n)
{
	if (n == 2)
		return ((unsigned long)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
	if (n == 3)
		return ((unsigned long)(s[0] & 0x0f) << 12) |
		       ((unsigned long)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
	return ((unsigned long)(s[0] & 0x07) << 18) |
	       ((unsigned long)(s[1] & 0x3f) << 12) |
	       ((unsigned long)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
}

/* The length of the valid UTF-8 sequence at s (a lead byte of 0x80 or
 * more), or 0: no overlong form, no surrogate, nothing past U+10FFFF. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xe0 && s[0] <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (s[0] == 0xe0 && s[1] < 0xa0)
			return 0;
		if (s[0] == 0xed && s[1] >= 0xa0)
			return 0;
		return 3;
	}
	if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (s[0] == 0xf0 && s[1] < 0x90)
			return 0;
		if (s[0] == 0xf4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/*
 * Text (or an attribute value, up to quote) from st->s as gumbo gives it
 * to mupdf, written for fz_parse_xml(): '<', and in a value '"', as
 * references.  0, or -1 when it is not of our kind.
 */
static int text(struct state *st, int quote)
{
	const unsigned char *p = (const unsigned char *)st->s, *run;
	unsigned long c;
	size_t n;
	int k, digits;

	for (;;) {
		/* a run of what is written as it is */
		for (run = p;; p += n) {
			n = 1;
			if (*p >= 0x20 && *p < 0x7f) {
				if (*p == '&' || *p == '<' || *p == '"' ||
				    *p == '\'')
					break;
			} else if (*p >= 0x80) {
				n = utf8_len(p);
				if (!n || replaced(utf8_rune(p, n)))
					return -1;
			} else if (*p == 0 || replaced(*p)) {
				break;
			}
		}
		if (p > run)
			cc_buf_add(st->out, (const char *)run,
				   (size_t)(p - run));
		if (*p == 0 || (quote ? *p == quote : *p == '<'))
			break;
		if (replaced(*p))
			return -1;
		if (*p == '\'' || (*p == '"' && !quote)) {
			cc_buf_add(st->out, (const char *)p, 1);
			p++;
			continue;
		}
		if (*p == '<' || *p == '"') {
			/* in a value: as a reference */
			cc_buf_adds(st->out, *p == '<' ? "&lt;" : "&quot;");
			p++;
			continue;
		}
		/* a character reference, or an '&' */
		if (!strncmp((const char *)p, "&amp;", 5)) {
			cc_buf_adds(st->out, "&");
			p += 5;
		} else if (!strncmp((const char *)p, "&lt;", 4)) {
			cc_buf_adds(st->out, "&lt;");
			p += 4;
		} else if (!strncmp((const char *)p, "&gt;", 4)) {
			cc_buf_adds(st->out, ">");
			p += 4;
		} else if (!strncmp((const char *)p, "&quot;", 6)) {
			cc_buf_adds(st->out, quote ? "&quot;" : "\"");
			p += 6;
		} else if (!strncmp((const char *)p, "&apos;", 6)) {
			cc_buf_adds(st->out, "'");
			p += 6;
		} else if (p[1] == '#') {
			int hex = p[2] == 'x' || p[2] == 'X';

			p += hex ? 3 : 2;
			c = 0;
			for (digits = 0;; digits++, p++) {
				if (is_digit(*p))
					k = *p - '0';
				else if (hex && *p >= 'a' && *p <= 'f')
					k = *p - 'a' + 10;
				else if (hex && *p >= 'A' && *p <= 'F')
					k = *p - 'A' + 10;
				else
					break;
				c = c * (hex ? 16 : 10) + (unsigned long)k;
				if (c > 0x10ffff)
					return -1;
			}
			/* gumbo replaces 0, the C1 controls (as
			 * windows-1252), surrogates and the rest */
			if (!digits || *p != ';' || replaced(c))
				return -1;
			p++;
			if (c == '<')
				cc_buf_adds(st->out, "&lt;");
			else if (c == '"' && quote)
				cc_buf_adds(st->out, "&quot;");
			else
				put_rune(st->out, c);
		} else if (is_lower(p[1]) || (p[1] >= 'A' && p[1] <= 'Z')) {
			/* a name: gumbo knows two thousand of them, with
			 * and without ';' */
			return -1;
		} else if (quote && (p[1] == '=' || is_digit(p[1]))) {
			/* "&=" and "&1" in a value: an '&', but not to be
			 * thought about */
			return -1;
		} else {
			cc_buf_adds(st->out, "&");
			p++;
		}
	}
	st->s = (const char *)p;
	return 0;
}

/* Whether a formatting element named name[0..len) may open: gumbo
 * forgets the fourth of a kind open at once (its "Noah's Ark"). */
static int format_ok(const struct state *st, const char *name, size_t len)
{
	int i, same = 0;

	for (i = 0; i < st->depth; i++)
		if (st->stack[i].kind == K_FORMAT && st->stack[i].len == len &&
		    !strncmp(st->stack[i].name, name, len))
			same++;
	return same < 3;
}

/* Whether an element of kind k may open where gumbo would not close any
 * element first. */
static int open_ok(const struct state *st, enum kind k)
{
	int i;

	if (k == K_DIV || k == K_QUOTE || k == K_LIST || k == K_P ||
	    k == K_HEADING || k == K_LI)
		/* an open p is closed: in "button scope", which nothing of
		 * ours ends */
		for (i = 0; i < st->depth; i++)
			if (st->stack[i].kind == K_P)
				return 0;
	if (k == K_HEADING && st->depth > 0 &&
	    st->stack[st->depth - 1].kind == K_HEADING)
		return 0;
	if (k == K_LI)
		/* an open li is closed, unless a list, a blockquote or a
		 * heading (special, but not div or p) comes first */
		for (i = st->depth - 1; i >= 0; i--) {
			if (st->stack[i].kind == K_LI)
				return 0;
			if (st->stack[i].kind == K_LIST ||
			    st->stack[i].kind == K_QUOTE ||
			    st->stack[i].kind == K_HEADING)
				break;
		}
	return 1;
}

/* A start tag at st->s, after its '<'.  0 or -1. */
static int start_tag(struct state *st)
{
	const char *p = st->s, *name = p, *att[64];
	size_t len, alen[64];
	int kind, natt = 0, i;

	while (is_lower(*p) || is_digit(*p) || *p == '-')
		p++;
	len = (size_t)(p - name);
	kind = tag_kind(name, len);
	if (kind < 0 || !open_ok(st, (enum kind)kind) ||
	    (kind == K_FORMAT && !format_ok(st, name, len)))
		return -1;
	cc_buf_adds(st->out, "<");
	cc_buf_add(st->out, name, len);
	for (;;) {
		if (!is_space(*p))
			break;
		while (is_space(*p))
			p++;
		if (!is_lower(*p))
			break;
		/* an attribute: name="value" */
		att[natt] = p;
		while (is_lower(*p) || is_digit(*p) || *p == '-')
			p++;
		alen[natt] = (size_t)(p - att[natt]);
		for (i = 0; i < natt; i++)
			if (alen[i] == alen[natt] &&
			    !strncmp(att[i], att[natt], alen[i]))
				return -1;
		if (*p != '=' || (p[1] != '"' && p[1] != '\'') ||
		    ++natt == 64)
			return -1;
		cc_buf_adds(st->out, " ");
		cc_buf_add(st->out, att[natt - 1], alen[natt - 1]);
		cc_buf_adds(st->out, "=\"");
		st->s = p + 2;
		if (text(st, p[1]) < 0 || *st->s != p[1])
			return -1;
		cc_buf_adds(st->out, "\"");
		p = st->s + 1;
	}
	if (*p == '/' && p[1] == '>' && kind == K_VOID) {
		p += 2;
	} else if (*p == '>') {
		p++;
	} else {
		return -1;
	}
	st->s = p;
	if (kind == K_VOID) {
		cc_buf_adds(st->out, "/>");
		return 0;
	}
	cc_buf_adds(st->out, ">");
	if (st->depth == MAX_DEPTH)
		return -1;
	st->stack[st->depth].name = name;
	st->stack[st->depth].len = len;
	st->stack[st->depth].kind = (enum kind)kind;
	st->depth++;
	return 0;
}

/* An end tag at st->s, after its "</": the open element's.  0 or -1. */
static int end_tag(struct state *st)
{
	const char *p = st->s, *name = p;
	size_t len;

	while (is_lower(*p) || is_digit(*p) || *p == '-')
		p++;
	len = (size_t)(p - name);
	while (is_space(*p))
		p++;
	if (*p != '>' || st->depth == 0 ||
	    st->stack[st->depth - 1].len != len ||
	    strncmp(st->stack[st->depth - 1].name, name, len) != 0)
		return -1;
	st->depth--;
	cc_buf_adds(st->out, "</");
	cc_buf_add(st->out, name, len);
	cc_buf_adds(st->out, ">");
	st->s = p + 1;
	return 0;
}

int ccpdf_html_xml(const char *html, struct cc_buf *out)
{
	struct state st;
	const char *end;

	memset(&st, 0, sizeof(st));
	st.s = html;
	st.out = out;
	out->len = 0;
	/* what gumbo passes over before the first element; and mupdf
	 * reads "<?xml ... encoding=" before the first '>' */
	if (*html != '<' || !is_lower(html[1]))
		return 0;
	end = strchr(html, '>');
	if (end && memmem(html, (size_t)(end - html), "<?xml", 5))
		return 0;
	cc_buf_adds(out, "<html><head></head><body>");
	while (*st.s) {
		if (*st.s != '<') {
			if (text(&st, 0) < 0)
				return 0;
			continue;
		}
		st.s++;
		if (is_lower(*st.s)) {
			if (start_tag(&st) < 0)
				return 0;
		} else if (*st.s == '/' && is_lower(st.s[1])) {
			st.s++;
			if (end_tag(&st) < 0)
				return 0;
		} else {
			return 0;
		}
	}
	if (st.depth)
		return 0;
	cc_buf_adds(out, "</body></html>");
	return 1;
}

/* --- the trees, for the unit tests (testhook.h) ---------------------- */

/* node and what follows it, as text: <tag name="value">...</tag>, and
 * text as [text]. */
static void dump(fz_context *ctx, fz_xml *node, struct cc_buf *b)
{
	const char *name, *value;
	int i;

	for (; node; node = fz_xml_next(node)) {
		if (!fz_xml_tag(node)) {
			cc_buf_addf(b, "[%s]", fz_xml_text(node));
			continue;
		}
		cc_buf_addf(b, "<%s", fz_xml_tag(node));
		for (i = 0; (value = fz_dom_get_attribute(ctx, node, i,
							  &name)); i++)
			cc_buf_addf(b, " %s=\"%s\"", name, value);
		cc_buf_adds(b, ">");
		dump(ctx, fz_xml_down(node), b);
		cc_buf_addf(b, "</%s>", fz_xml_tag(node));
	}
}

int cc_pdf_test_html_trees(struct cc_pdf *p, const char *html, char **gumbo,
			   char **fast)
{
	fz_context *ctx = p->ctx;
	struct cc_buf xml = { 0 }, g = { 0 }, f = { 0 };
	fz_buffer *buf = NULL;
	fz_xml *doc = NULL;
	int rc = 0, ok;

	*gumbo = *fast = NULL;
	ok = ccpdf_html_xml(html, &xml);
	fz_var(buf);
	fz_var(doc);
	fz_var(rc);
	fz_try(ctx) {
		buf = fz_new_buffer_from_copied_data(ctx,
			(const unsigned char *)html, strlen(html));
		doc = fz_parse_xml_from_html5(ctx, buf);
		dump(ctx, fz_xml_down(doc), &g);
		fz_drop_xml(ctx, doc);
		doc = NULL;
		fz_drop_buffer(ctx, buf);
		buf = NULL;
		if (ok) {
			buf = fz_new_buffer_from_copied_data(ctx,
				(const unsigned char *)xml.s, xml.len);
			doc = fz_parse_xml(ctx, buf, 1);
			dump(ctx, fz_xml_down(doc), &f);
			rc = 1;
		}
	}
	fz_always(ctx) {
		fz_drop_xml(ctx, doc);
		fz_drop_buffer(ctx, buf);
	}
	fz_catch(ctx)
		rc = -1;
	cc_buf_release(&xml);
	if (rc < 0) {
		cc_buf_release(&g);
		cc_buf_release(&f);
		return rc;
	}
	*gumbo = cc_buf_detach(&g);
	if (rc == 1)
		*fast = cc_buf_detach(&f);
	else
		cc_buf_release(&f);
	return rc;
}
