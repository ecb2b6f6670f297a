/*
 * t-pdf.c -- lib/pdf's page layout (cc_pdf_from_blocks): the blocks
 * laid out in one story give the pages a story for each block gave (the
 * layout falls back to that for blocks that cannot share a story, which
 * is how these tests get both); blocks taller than a page go on over the
 * next, whole or after what is left of another; positions; HTML that
 * closes what it did not open; the faces embedded; no blocks at all;
 * the same bytes twice.  And lib/pdf's errors: mupdf running out of
 * memory in any of the functions is "resource.memory", a damaged file
 * is still "pdf.damaged".  And html.c: the HTML it writes as XML for
 * mupdf's XML parser gives the tree mupdf's HTML5 parser gives, for the
 * letters' kind of HTML and for thousands made at random.
 */
#include "base/cc.h"
#include <math.h>
#include "pdf/pdf.h"
#include "pdf/testhook.h"

#include "tap.h"
#include "tmp.h"

/* An empty style sheet in a block: nothing to see, but the blocks can no
 * longer share a story. */
#define APART "<style></style>"

static const char css[] =
	"body { font-family: sans-serif; font-size: 9pt; }\n"
	"h2 { font-size: 12pt; margin: 10pt 0 4pt 0; "
	"border-bottom: 1px solid black; }\n"
	"h3 { margin: 4pt 0 2pt 0; }\n"
	"p.rm { margin: 2pt 0; }\n"
	"table { margin: 0; border-spacing: 0; }\n"
	"td.l { font-weight: bold; width: 120pt; }\n";

struct blocks {
	struct cc_pdf_block *v;
	size_t n, alloc;
};

/* Add a block: html is the block's, owner what it belongs to or NULL. */
static void add(struct blocks *b, const char *owner, char *html)
{
	CC_GROW(b->v, b->alloc, b->n + 1);
	b->v[b->n].html = html;
	b->v[b->n].owner = owner ? cc_xstrdup(owner) : NULL;
	b->n++;
}

static void release(struct blocks *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].html);
		free(b->v[i].owner);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}

/*
 * An account: its name (wrapping when long), a table of rows, and for
 * lines > 0 a history of that many lines (no table: mupdf mislays the
 * rows of a table it goes on with in a new area, so the blocks that can
 * be cut short are not tables).
 */
static void account(struct blocks *b, int k, int rows, int longname,
		    int lines)
{
	struct cc_buf s = { 0 };
	char owner[24];
	int i;

	snprintf(owner, sizeof(owner), "acct-%d", k);
	cc_buf_addf(&s, "<h3>ACCOUNT %d%s</h3><table>", k, longname ?
		    " OF A CREDITOR WHOSE NAME IS FAR TOO LONG FOR ONE LINE OF "
		    "THE PAGE AND WRAPS ONTO A SECOND LINE, AND A THIRD" : "");
	for (i = 0; i < rows; i++)
		cc_buf_addf(&s, "<tr><td class=\"l\">Field %d.%d</td>"
			    "<td>value %d</td></tr>", k, i, i * 37 % 1000);
	cc_buf_adds(&s, "</table>");
	if (lines) {
		cc_buf_adds(&s, "<p>");
		for (i = 0; i < lines; i++)
			cc_buf_addf(&s, "History %d.%d: paid as agreed<br/>",
				    k, i);
		cc_buf_adds(&s, "</p>");
	}
	add(b, owner, cc_buf_detach(&s));
	if (k % 3 == 0)
		add(b, owner, cc_xasprintf("<p class=\"rm\">Remark on account "
					   "%d: the consumer disputes this "
					   "account.</p>", k));
}

/*
 * Blocks for every path of the layout: headings, accounts of every
 * size at every height of the page, accounts taller than a page (split
 * where they start a page, and after the rest of another), and one
 * taller than two pages.  apart: make the blocks unable to share a
 * story.
 */
static void report(struct blocks *b, int apart)
{
	int k;

	add(b, "consumer", cc_xasprintf("%s<h2>Personal Information</h2>",
					apart ? APART : ""));
	for (k = 0; k < 60; k++) {
		if (k % 9 == 0)
			add(b, NULL, cc_xasprintf("<h2>Accounts, part %d</h2>",
						  k / 9 + 1));
		account(b, k, 3 + k * 7 % 17, k % 5 == 2, 0);
		if (k == 20 || k == 21)
			account(b, 100 + k, 4, 0, 90);
		if (k == 40)
			account(b, 140, 4, 1, 150);
	}
	add(b, NULL, cc_xstrdup("<p>End of report.</p>"));
}

struct laid {
	unsigned char *pdf;
	size_t len;
	struct cc_pdf_pos *pos;
	int npos, pages;
	char *text;            /* every line: page, box, text */
};

static void laid_release(struct laid *l)
{
	free(l->pdf);
	free(l->pos);
	free(l->text);
	memset(l, 0, sizeof(*l));
}

static int lay_opts(struct cc_pdf *p, const struct blocks *b,
		    struct laid *l, const struct cc_pdf_html_opts *op);

static int lay(struct cc_pdf *p, const struct blocks *b, struct laid *l)
{
	struct cc_pdf_html_opts o = { 612, 792, 42, "t \xe2\x80\x94 page %d",
				      "sans-serif", NULL, 0, 0 };

	return lay_opts(p, b, l, &o);
}

static int lay_opts(struct cc_pdf *p, const struct blocks *b,
		    struct laid *l, const struct cc_pdf_html_opts *op)
{
	struct cc_pdf_html_opts o = *op;
	struct cc_pdf_doc *d;
	struct cc_page_text t;
	struct cc_error e;
	struct cc_buf s = { 0 };
	char *path;
	int pages, i, j, rc;

	memset(l, 0, sizeof(*l));
	cc_error_clear(&e);
	rc = cc_pdf_from_blocks(p, b->v, b->n, css, &o, &l->pdf, &l->len,
				&l->pos, &l->npos, &l->pages, &e);
	if (rc < 0) {
		tap_diag("cc_pdf_from_blocks: %s", e.msg);
		return rc;
	}
	path = tmp_write("laid.pdf", l->pdf, l->len);
	rc = cc_pdf_open(p, path, &d, &pages, &e);
	free(path);
	if (rc < 0) {
		tap_diag("cc_pdf_open: %s", e.msg);
		return rc;
	}
	for (i = 0; i < pages && rc == 0; i++) {
		rc = cc_pdf_page_text(p, d, i, &t, &e);
		for (j = 0; rc == 0 && j < t.n; j++)
			cc_buf_addf(&s, "%d %.2f %.2f %.2f %.2f %s\n", i + 1,
				    t.lines[j].b[0], t.lines[j].b[1],
				    t.lines[j].b[2], t.lines[j].b[3],
				    t.lines[j].t);
		if (rc == 0)
			cc_pdf_page_text_release(&t);
	}
	cc_pdf_close(p, d);
	l->text = cc_buf_detach(&s);
	return rc;
}

static char *positions(const struct laid *l)
{
	struct cc_buf s = { 0 };
	int i;

	for (i = 0; i < l->npos; i++)
		cc_buf_addf(&s, "%s %d %.3f %.3f %.3f %.3f\n", l->pos[i].id,
			    l->pos[i].page, l->pos[i].bbox[0],
			    l->pos[i].bbox[1], l->pos[i].bbox[2],
			    l->pos[i].bbox[3]);
	return cc_buf_detach(&s);
}

/* The line of text that starts with prefix: its page, or 0. */
static int page_of(const char *text, const char *prefix)
{
	const char *p = text;
	size_t n = strlen(prefix);
	int page;

	while (p && *p) {
		const char *t = p;
		int k;

		for (k = 0; k < 5 && t; k++) {
			t = strchr(t, ' ');
			if (t)
				t++;
		}
		if (t && !strncmp(t, prefix, n) && sscanf(p, "%d", &page) == 1)
			return page;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

static void test_same_pages(struct cc_pdf *p)
{
	struct blocks one = { 0 }, each = { 0 };
	struct laid a, b;
	char *pa, *pb;

	report(&one, 0);
	report(&each, 1);
	if (!ok(lay(p, &one, &a) == 0 && lay(p, &each, &b) == 0,
		"the report is laid out in one story and a story a block")) {
		laid_release(&a);
		laid_release(&b);
		goto out;
	}
	ok(a.pages >= 20, "it takes %d pages", a.pages);
	/* a story draws a clip and its text for each area it fills */
	ok(a.len < b.len, "one story makes a smaller file (%zu bytes, a story "
	   "a block %zu)", a.len, b.len);
	is_int(a.pages, b.pages, "one story: as many pages as a story a block");
	is_str(a.text, b.text, "one story: every line where a story a block "
	       "put it, on the same page");
	pa = positions(&a);
	pb = positions(&b);
	is_str(pa, pb, "one story: the same positions");
	free(pa);
	free(pb);

	/* the tall ones: taller than a page, and than two */
	ok(page_of(a.text, "History 120.89") > page_of(a.text, "ACCOUNT 120"),
	   "an account taller than a page goes on over the next");
	ok(page_of(a.text, "ACCOUNT 21") == page_of(a.text, "History 120.89"),
	   "the next starts on the page where the rest of the tall one ends");
	ok(page_of(a.text, "History 121.89") > page_of(a.text, "ACCOUNT 121"),
	   "and goes on over the next page in turn");
	ok(page_of(a.text, "History 140.149") >=
	   page_of(a.text, "ACCOUNT 140") + 2,
	   "an account taller than two pages takes three");
	ok(page_of(a.text, "End of report.") == a.pages,
	   "the last block is on the last page");
	laid_release(&a);
	laid_release(&b);
out:
	release(&one);
	release(&each);
}

static void test_positions(struct cc_pdf *p)
{
	struct blocks b = { 0 };
	struct laid l;
	int i, acct5 = -1, cons = -1;

	report(&b, 0);
	if (lay(p, &b, &l) < 0) {
		ok(0, "the report is laid out");
		release(&b);
		return;
	}
	for (i = 0; i < l.npos; i++) {
		if (!strcmp(l.pos[i].id, "acct-5"))
			acct5 = i;
		if (!strcmp(l.pos[i].id, "consumer"))
			cons = i;
	}
	if (ok(cons >= 0 && acct5 >= 0, "positions of the consumer and "
	       "an account")) {
		is_int(l.pos[cons].page, 1, "the consumer is on page 1");
		ok(l.pos[cons].bbox[0] == 42 && l.pos[cons].bbox[1] == 42 &&
		   l.pos[cons].bbox[2] == 570, "from the top left of the area");
		is_int(l.pos[acct5].page, page_of(l.text, "ACCOUNT 5"),
		       "an account's page is where its name is");
		ok(l.pos[acct5].bbox[1] < l.pos[acct5].bbox[3] &&
		   l.pos[acct5].bbox[3] <= 750, "its box is in the area");
	}
	/* the remark joins its account's box */
	for (i = 0; i < l.npos; i++)
		if (!strcmp(l.pos[i].id, "acct-0"))
			break;
	ok(i < l.npos && l.pos[i].bbox[3] - l.pos[i].bbox[1] > 40,
	   "an account's box holds all its blocks on its page");
	laid_release(&l);
	release(&b);
}

/* text (lay()'s lines) without the lines that hold drop */
static char *without(const char *text, const char *drop)
{
	struct cc_buf s = { 0 };
	const char *p = text, *nl;
	char *line;

	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		line = cc_xstrndup(p, (size_t)(nl - p));
		if (!strstr(line, drop))
			cc_buf_addf(&s, "%s\n", line);
		free(line);
		p = *nl ? nl + 1 : nl;
	}
	return s.s ? cc_buf_detach(&s) : cc_xstrdup("");
}

/* The box of the line of text that is exactly t on page: 1, or 0. */
static int line_box(const char *text, int page, const char *t, float b[4])
{
	const char *p = text, *nl;
	char line[256];
	int pg;

	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		snprintf(line, sizeof(line), "%.*s", (int)(nl - p), p);
		if (sscanf(line, "%d %f %f %f %f", &pg, &b[0], &b[1], &b[2],
			   &b[3]) == 5 && pg == page) {
			const char *q = line;
			int k;

			for (k = 0; k < 5 && q; k++) {
				q = strchr(q, ' ');
				if (q)
					q++;
			}
			if (q && !strcmp(q, t))
				return 1;
		}
		p = *nl ? nl + 1 : nl;
	}
	return 0;
}

static void test_running(struct cc_pdf *p)
{
	static const struct cc_pdf_running run[4] = {
		{ "Prepared for: SAMPLE 100%% RUNHEAD", "serif", 8, 42, 24, -1,
		  0, 0 },
		{ "RUNFOOT Page %d of %d", "sans-serif", 7, 306, 775, 0, 0, 0 },
		{ "RUNFOOT %d/%d", "monospace", 7, 570, 775, 1, 0, 0 },
		{ "RUNHEAD ON %d", "monospace", 7, 300, 34, -1, 2, 3 },
	};
	struct cc_pdf_html_opts o = { 612, 792, 42, NULL, "sans-serif",
				      run, 4, 0 };
	struct cc_pdf_html_opts none = { 612, 792, 42, NULL, "sans-serif",
					 NULL, 0, 0 };
	struct blocks b = { 0 };
	struct laid a, z;
	char want[64], *ta, *tb;
	float box[4];

	report(&b, 0);
	if (!ok(lay_opts(p, &b, &a, &o) == 0 && lay_opts(p, &b, &z, &none) == 0,
		"the report is laid out with running lines and without")) {
		release(&b);
		return;
	}
	is_int(a.pages, z.pages, "as many pages with running lines (%d)",
	       a.pages);
	ta = without(a.text, "RUNFOOT");
	tb = without(ta, "RUNHEAD");
	is_str(tb, z.text, "the body is where it was without them");
	free(ta);
	free(tb);
	ok(line_box(a.text, 1, "Prepared for: SAMPLE 100% RUNHEAD", box) &&
	   box[0] >= 41 && box[0] < 43 && box[3] < 42,
	   "a head on page 1, from its x, in the top margin");
	snprintf(want, sizeof(want), "RUNFOOT Page %d of %d", a.pages, a.pages);
	ok(line_box(a.text, a.pages, want, box) &&
	   fabsf((box[0] + box[2]) / 2 - 306) < 1 && box[1] > 750,
	   "the last page's counter, centred, in the bottom margin");
	snprintf(want, sizeof(want), "RUNFOOT 2/%d", a.pages);
	ok(line_box(a.text, 2, want, box) && fabsf(box[2] - 570) < 1,
	   "page 2 of the count, ending at its x");
	ok(a.pages > 4 && !strstr(a.text, "RUNHEAD ON 1") &&
	   strstr(a.text, "RUNHEAD ON 2") && strstr(a.text, "RUNHEAD ON 3") &&
	   !strstr(a.text, "RUNHEAD ON 4"),
	   "a line with pages 2 to 3 on those pages only");
	{
		int i, ordered = 1, across = 0;

		for (i = 0; i < z.npos; i++) {
			ordered &= z.pos[i].last_page >= z.pos[i].page;
			across += z.pos[i].last_page > z.pos[i].page;
		}
		ok(ordered && across > 0,
		   "positions give the last page of owners that go on (%d)",
		   across);
	}
	laid_release(&a);
	none.margin_top = 130;
	if (ok(lay_opts(p, &b, &a, &none) == 0, "laid out with a top margin")) {
		int pg = 0;

		ok(sscanf(a.text, "%d %f %f", &pg, &box[0], &box[1]) == 3 &&
		   pg == 1 && box[1] >= 129 && a.pages > z.pages,
		   "the body starts below it (%.1f), on more pages", box[1]);
		laid_release(&a);
	}
	laid_release(&z);
	release(&b);
}

static void test_unbalanced(struct cc_pdf *p)
{
	struct blocks b = { 0 }, c = { 0 };
	struct laid l, m;

	add(&b, "a", cc_xstrdup("<div><p>opened here</p>"));
	add(&b, "b", cc_xstrdup("<p>closed here</p></div></div>"));
	add(&b, NULL, cc_xstrdup("<table><tr><td>cell</td>"));
	add(&b, NULL, cc_xstrdup("<p>after</p>"));
	add(&c, "a", cc_xstrdup("<div><p>opened here</p></div>"));
	add(&c, "b", cc_xstrdup("<p>closed here</p>"));
	add(&c, NULL, cc_xstrdup("<table><tr><td>cell</td></tr></table>"));
	add(&c, NULL, cc_xstrdup("<p>after</p>"));
	if (ok(lay(p, &b, &l) == 0 && lay(p, &c, &m) == 0,
	       "blocks that close what they did not open are laid out")) {
		is_str(l.text, m.text, "as each block alone, closed");
		is_int(l.npos, 2, "with their positions");
	}
	laid_release(&l);
	laid_release(&m);
	release(&b);
	release(&c);
}

/* Occurrences of s in the n bytes at data. */
static int count(const unsigned char *data, size_t n, const char *s)
{
	size_t k = strlen(s), i;
	int c = 0;

	for (i = 0; i + k <= n; i++)
		if (!memcmp(data + i, s, k))
			c++;
	return c;
}

static void test_fonts(struct cc_pdf *p)
{
	struct blocks b = { 0 };
	struct laid l;

	report(&b, 0);
	if (ok(lay(p, &b, &l) == 0, "the report"))
		is_int(count(l.pdf, l.len, "/Type0"), 2,
		       "the report embeds the two faces of its family");
	laid_release(&l);
	release(&b);
	add(&b, NULL, cc_xstrdup("<p>Not a word in bold.</p>"));
	if (ok(lay(p, &b, &l) == 0, "a page without bold text")) {
		is_int(count(l.pdf, l.len, "/Type0"), 1,
		       "without bold text, one face");
		is_int(count(l.pdf, l.len, "/FontFile3"), 1,
		       "and one font file");
		ok(strstr(l.text, "Not a word in bold.") != NULL,
		   "its text reads back");
	}
	laid_release(&l);
	release(&b);
}

static void test_edges(struct cc_pdf *p)
{
	struct blocks b = { 0 };
	struct laid l, m;

	if (ok(lay(p, &b, &l) == 0, "no blocks: laid out")) {
		is_int(l.pages, 1, "no blocks: one page, its footer");
		ok(strstr(l.text, "t \xe2\x80\x94 page 1") != NULL,
		   "no blocks: the footer is there");
	}
	laid_release(&l);
	report(&b, 0);
	if (ok(lay(p, &b, &l) == 0 && lay(p, &b, &m) == 0,
	       "the report twice"))
		ok(l.len == m.len && !memcmp(l.pdf, m.pdf, l.len),
		   "the same bytes twice");
	laid_release(&l);
	laid_release(&m);
	release(&b);
}

/*
 * Under the sanitizers (make SAN=1): mupdf 1.21's pdf_add_cid_font()
 * leaks the ToUnicode table it was making when memory runs out, as
 * test_memory() makes it.  That leak is mupdf's, and LeakSanitizer is
 * told so; to see that it is in pdf_add_to_unicode(), it must unwind the
 * stack through mupdf, which keeps no frame pointers.  The hooks are
 * the sanitizers' own, unused in other builds.
 */
const char *__asan_default_options(void);
const char *__lsan_default_options(void);
const char *__lsan_default_suppressions(void);

const char *__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}

const char *__lsan_default_suppressions(void)
{
	return "leak:pdf_add_to_unicode\n";
}

/*
 * What the functions of pdf.h do when mupdf runs out of memory
 * (cc_pdf_test_fail_allocs()): one step each, tried with a budget of
 * allocations that grows until the step succeeds.
 */
enum { M_OPEN, M_TEXT, M_RENDER, M_INSPECT, M_LAYOUT, M_COMPOSE, M_SCAN,
       M_STEPS };

static const char *const step_name[M_STEPS] = {
	"cc_pdf_open", "cc_pdf_page_text", "cc_pdf_page_render",
	"cc_pdf_inspect", "cc_pdf_from_blocks", "cc_pdf_compose",
	"cc_pdf_scan",
};

/* The bytes of the small PDF the steps read, and where they are. */
struct small {
	unsigned char *pdf;
	size_t len;
	char *path;
};

/* Step k with n allocations to spend: its return, or 1 when the
 * document could not be opened for it. */
static int step(struct cc_pdf *p, int k, const struct small *sm, long n,
		struct cc_error *e)
{
	static struct cc_pdf_block block = { "<p>Out of <b>memory</b>.</p>",
					     "m" };
	struct cc_pdf_html_opts o = { 612, 792, 42, "page %d", "sans-serif",
				      NULL, 0, 0 };
	struct cc_pdf_scan_opts so = { 72, 1, 50, 7 };
	struct cc_pdf_mark mark = { { 40, 40, 200, 60 }, "1" };
	struct cc_pdf_part parts[2];
	struct cc_pdf_doc *d = NULL;
	struct cc_page_text t;
	struct cc_pdf_info info;
	struct cc_pdf_pos *pos = NULL;
	unsigned char *out = NULL;
	int pages, npos, w, h, rc;
	float pw, ph;
	size_t len;

	cc_error_clear(e);
	/* the steps that read an open document get it for free */
	if ((k == M_TEXT || k == M_RENDER || k == M_COMPOSE) &&
	    cc_pdf_open(p, sm->path, &d, &pages, e) < 0)
		return 1;
	cc_pdf_test_fail_allocs(p, n);
	if (k == M_INSPECT) {
		rc = cc_pdf_inspect(p, sm->pdf, sm->len, 0, &info, e);
		if (rc == 0)
			cc_pdf_info_release(&info);
		goto out;
	}
	if (k == M_LAYOUT) {
		rc = cc_pdf_from_blocks(p, &block, 1, css, &o, &out, &len,
					&pos, &npos, &pages, e);
		free(out);
		free(pos);
		goto out;
	}
	if (k == M_SCAN) {
		rc = cc_pdf_scan(p, sm->pdf, sm->len, &so, &out, &len, e);
		free(out);
		goto out;
	}
	switch (k) {
	case M_OPEN:
		rc = cc_pdf_open(p, sm->path, &d, &pages, e);
		break;
	case M_TEXT:
		rc = cc_pdf_page_text(p, d, 0, &t, e);
		if (rc == 0)
			cc_pdf_page_text_release(&t);
		break;
	case M_RENDER:
		rc = cc_pdf_page_render(p, d, 0, 72, &out, &w, &h, &pw, &ph, e);
		free(out);
		break;
	default:
		memset(parts, 0, sizeof(parts));
		parts[0].blocks = &block;
		parts[0].nblocks = 1;
		parts[0].footer = "page %d";
		parts[1].doc = d;
		parts[1].marks = &mark;
		parts[1].nmarks = 1;
		rc = cc_pdf_compose(p, parts, 2, css, &o, &out, &len, &pages,
				    e);
		free(out);
		break;
	}
out:
	cc_pdf_test_fail_allocs(p, -1);
	cc_pdf_close(p, d);
	return rc;
}

static void test_memory(struct cc_pdf *p)
{
	struct blocks b = { 0 };
	struct laid l, m;
	struct small sm;
	struct cc_error e;
	struct cc_pdf_doc *d;
	long n;
	int k, rc, tries, pages;

	add(&b, NULL, cc_xstrdup("<p>A page to read back.</p>"));
	if (!ok(lay(p, &b, &l) == 0, "a small PDF to read"))
		return;
	sm.pdf = l.pdf;
	sm.len = l.len;
	sm.path = tmp_write("small.pdf", l.pdf, l.len);
	for (k = 0; k < M_STEPS; k++) {
		int bad = 0;

		/* every budget up to 64, then a quarter more each time: the
		 * failure comes at every depth of the first steps, and at
		 * many of the rest */
		for (n = 0, tries = 0, rc = -1; rc != 0 && tries < 400;
		     n = n < 64 ? n + 1 : n + n / 4, tries++) {
			rc = step(p, k, &sm, n, &e);
			if (rc == 1) {
				tap_diag("%s: cannot open: %s", step_name[k],
					 e.msg);
				break;
			}
			if (rc < 0 && (rc != CC_ERR_RESOURCE ||
				       e.code != CC_ERR_RESOURCE ||
				       strcmp(e.id, "resource.memory") != 0)) {
				if (!bad++)
					tap_diag("%s with %ld allocations: "
						 "%d %s: %s", step_name[k], n,
						 rc, e.id, e.msg);
			}
			if (n == 0)
				is_str(e.id, "resource.memory",
				       "%s: no memory at all: resource.memory",
				       step_name[k]);
		}
		is_int(rc, 0, "%s: succeeds with memory enough (%d tries)",
		       step_name[k], tries);
		is_int(bad, 0, "%s: every failure before is "
		       "CC_ERR_RESOURCE, resource.memory", step_name[k]);
	}
	/* nothing kept for the run was left half made */
	if (ok(lay(p, &b, &m) == 0, "after all that, the PDF again"))
		ok(l.len == m.len && !memcmp(l.pdf, m.pdf, l.len),
		   "the same bytes as before");
	laid_release(&m);

	/* a damaged file is still the call site's error */
	free(sm.path);
	sm.path = tmp_write_str("damaged.pdf", "%PDF-1.4\nnot a PDF at all\n");
	cc_error_clear(&e);
	rc = cc_pdf_open(p, sm.path, &d, &pages, &e);
	is_int(rc, CC_ERR_DATA, "a damaged file: CC_ERR_DATA");
	is_str(e.id, "pdf.damaged", "  pdf.damaged");
	ok(!strncmp(e.msg, "damaged beyond repair: ", 23),
	   "  the call site's words, then mupdf's (%s)", e.msg);
	if (rc == 0)
		cc_pdf_close(p, d);
	free(sm.path);
	laid_release(&l);
	release(&b);
}


/* --- html.c: the same tree from HTML and from the XML made of it ---- */

/* The trees of html: 1 when html.c takes it and they are the same, 0
 * when it leaves it to the HTML5 parser, -1 when they differ or mupdf
 * failed. */
static int same_tree(struct cc_pdf *p, const char *html, int verbose)
{
	char *gumbo, *fast;
	int rc = cc_pdf_test_html_trees(p, html, &gumbo, &fast);

	if (rc == 1 && strcmp(gumbo, fast) != 0) {
		if (verbose)
			tap_diag("html:  %s\ngumbo: %s\nxml:   %s", html, gumbo,
			     fast);
		rc = -1;
	}
	free(gumbo);
	free(fast);
	return rc;
}

/* What the letters' templates print, and text that tries them. */
static const char *const plain_html[] = {
	"<ccpdf-o id=\"ccpdf-o0\"><ccpdf-b id=\"ccpdf-b0\">\n"
	"<p class=\"stamp\">COVER SHEET &#8212; KEEP THIS PAGE</p>\n"
	"<h1>Your dispute to Experian</h1>\n<p>Prepared for JANE Q DOE "
	"on January 2, 2026.\nThe letter disputes 2 items:</p>\n"
	"<ol><li>&lt;b&gt;PORTFOLIO&lt;/b&gt; RECOVERY &amp; CO, account "
	"XXXX1234:\ndeletion\nrequested</li><li>O&#39;BRIEN &amp; SONS, "
	"account not shown:\nverification\nrequested</li></ol>\n"
	"<h2>How to send it</h2>\n<ol>\n<li>Mail it to<br/>\nP.O. Box "
	"4500<br/>Allen, TX 75013<br/>\n</li>\n</ol>\n<p>(&#167;1681i(a)"
	"(6)).</p>\n</ccpdf-b></ccpdf-o>",
	"<ccpdf-o id=\"ccpdf-o0\"><ccpdf-b id=\"ccpdf-b0\"><div "
	"class=\"address\"><p>JANE<br/>\n1 MAIN ST<br/>\n</p></div>\n"
	"<div class=\"item\">\n<p class=\"h\">1. A&amp;lt;B &amp;amp; "
	"&amp;#60;C&amp;gt;</p>\n<p>What is wrong: \xe2\x80\x9cquoted\xe2"
	"\x80\x9d &quot;too&quot; &apos;and&apos; &#x3C;this&#62; & that"
	"</p>\n</div>\n</ccpdf-b></ccpdf-o><ccpdf-o id=\"ccpdf-o1\">"
	"<ccpdf-b id=\"ccpdf-b1\"><ul><li>A copy</li></ul><p class=\"blank\">"
	"____<br>\nJANE</p></ccpdf-b></ccpdf-o>",
	"<div title='a &quot;b&quot; &amp;lt; <c>' id=\"x\"><span>s</span>"
	"<b><i><em><strong>x</strong></em></i></b><sub>1</sub><sup>2</sup>"
	"<blockquote><ul><li><ol><li>nested</li></ol></li></ul></blockquote>"
	"<h3><b>h</b></h3><div><li>loose</li></div>\t\f</div>",
};

/* What it must leave to the HTML5 parser, which reads it otherwise. */
static const char *const other_html[] = {
	"<p>a<div>b</div></p>",          /* the p ends before the div */
	"<ul><li>a<li>b</li></ul>",      /* the first li ends */
	"<h1><h2>x</h2></h1>",           /* the h1 ends */
	"<b><b><b><b>x</b></b></b></b>", /* the fourth b is forgotten */
	"<p>a</b></p>", "<p>a", "<P>a</P>", "<p CLASS=\"x\">a</p>",
	"<p class=x>a</p>", "<p class>a</p>", "<p a=\"1\" a=\"2\">a</p>",
	"<p>&copy; &amp &lt</p>", "<p>&#128; &#0; &#xD800;</p>",
	"<p>&#1114112;</p>", "<p>&#65</p>", "<p>\x7f</p>", "<p>a\rb</p>",
	"<p>\xff</p>", "<p>\xc0\x80</p>", "<p>\xef\xb7\x90</p>",
	"<p><!-- c --></p>", "<p>a < b</p>", "<table><tr><td>x</td></tr>"
	"</table>", "<p><a href=\"x\">a</a></p>", "<pre>\nx</pre>",
	"<p><img src=\"x\"/></p>", "<p/>", "<br></br>", " <p>x</p>",
	"<p title=\"<?xml encoding='latin1'\">x</p>",
};

/* A number below n, from *seed. */
static unsigned rnd(unsigned long *seed, size_t n)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((*seed >> 33) % n);
}

/* A document made at random from pieces of what html.c takes and what
 * it does not, mostly well nested when tidy. */
static void random_html(unsigned long *seed, int tidy, struct cc_buf *b)
{
	static const char *const tag[] = {
		"b", "i", "em", "strong", "u", "s", "small", "big", "code",
		"tt", "span", "sub", "sup", "div", "p", "ol", "ul", "li",
		"blockquote", "h1", "h3", "br", "ccpdf-o", "ccpdf-b",
		/* not taken */
		"table", "td", "a", "img", "pre", "font", "dl", "dd", "hr",
		"B", "body", "title", "textarea", "button", "wbr", "q",
	};
	static const char *const text[] = {
		"word", " ", "\n", "\t", "x y", "&amp;", "&lt;", "&gt;",
		"&quot;", "&apos;", "&#60;", "&#x3C;", "&#38;", "&#8212;",
		"&#x1F600;", "&#128;", "&#0;", "&#13;", "&#xD800;", "&copy;",
		"&amp", "& ", "&", "&;", "&#", "&#65", "AT&T", "&amp;lt;",
		"&amp;amp;", "&amp;#60;", "&#x26;lt;", "\xc3\xa9",
		"\xf0\x9f\x98\x80", "\xff", "\xed\xa0\x80", "\r\n",
		"\f", "<", ">", "\"", "'", "<!-- c -->", "&notit;",
		"&amp;notit;", "\x01", "\x7f", "&#x7F;", "&#xFFFE;", "&#9;",
		"&#34;", "&#39;",
	};
	static const char *const value[] = {
		"x", "a b", "&amp;", "&lt;", "&quot;", "'", "\"", "<", ">",
		"&#60;", "&#34;", "&amp;quot;", "&=", "&1", "&x", "", "&amp;lt;",
	};
	static const char *const attr[] = { "class", "id", "title", "a-1",
					    "ID", "x:y" };
	const char *stack[64], *t, *q;
	int depth = 0, n, i, k;

#define RND(n) rnd(seed, (n))
#define NEL(a) (sizeof(a) / sizeof((a)[0]))
	b->len = 0;
	n = 1 + (int)RND(40);
	for (i = 0; i < n; i++) {
		unsigned r = RND(100);

		if (r < 40 || i == 0) {
			t = tag[RND(RND(tidy ? 30 : 3) ? 24 : NEL(tag))];
			cc_buf_addf(b, "<%s", t);
			for (k = RND(4) ? 0 : 1 + (int)RND(3); k > 0; k--) {
				cc_buf_addf(b, "%s%s", RND(8) ? " " : "\n",
					    attr[RND(NEL(attr))]);
				if (!RND(15))
					continue;
				q = RND(4) ? "\"" : RND(5) ? "'" : "";
				cc_buf_addf(b, "=%s%s%s%s", q,
					    value[RND(NEL(value))],
					    value[RND(NEL(value))], q);
			}
			if (!strcmp(t, "br") || !strcmp(t, "img") ||
			    !strcmp(t, "hr") || !strcmp(t, "wbr")) {
				cc_buf_adds(b, RND(2) ? "/>" : ">");
			} else if (!RND(30)) {
				cc_buf_adds(b, "/>");
			} else {
				cc_buf_adds(b, ">");
				if (depth < 64)
					stack[depth++] = t;
			}
		} else if (r < 65) {
			for (k = 1 + (int)RND(3); k > 0; k--)
				cc_buf_adds(b, RND(tidy ? 10 : 3) ?
					    text[RND(6)] :
					    text[RND(NEL(text))]);
		} else if (r < 95) {
			if (depth > 0 && RND(tidy ? 200 : 12))
				cc_buf_addf(b, "</%s>", stack[--depth]);
			else
				cc_buf_addf(b, "</%s>", tag[RND(NEL(tag))]);
		}
	}
	while (depth > 0 && RND(tidy ? 200 : 8))
		cc_buf_addf(b, "</%s>", stack[--depth]);
#undef RND
#undef NEL
}

static void test_html(struct cc_pdf *p)
{
	struct cc_buf b = { 0 };
	unsigned long seed = 1;
	int i, rc, taken = 0, differ = 0;
	size_t k;

	for (k = 0; k < sizeof(plain_html) / sizeof(plain_html[0]); k++)
		is_int(same_tree(p, plain_html[k], 1), 1,
		       "plain HTML %zu: written as XML, the same tree", k + 1);
	for (k = 0; k < sizeof(other_html) / sizeof(other_html[0]); k++)
		is_int(same_tree(p, other_html[k], 1), 0,
		       "other HTML %zu: left to the HTML5 parser", k + 1);
	for (i = 0; i < 4000; i++) {
		random_html(&seed, i & 1, &b);
		rc = same_tree(p, b.s, differ < 3);
		taken += rc == 1;
		differ += rc == -1;
	}
	is_int(differ, 0, "4000 documents made at random: no tree differs");
	ok(taken >= 200, "and %d of them were written as XML", taken);
	cc_buf_release(&b);
}

int main(void)
{
	struct cc_error e;
	struct cc_pdf *p = cc_pdf_new(&e);

	if (!ok(p != NULL, "a mupdf context"))
		return tap_done();
	test_same_pages(p);
	test_positions(p);
	test_running(p);
	test_unbalanced(p);
	test_fonts(p);
	test_edges(p);
	test_memory(p);
	test_html(p);
	cc_pdf_free(p);
	return tap_done();
}
