/*
 * extract.c -- read a report's consumer, tradelines, inquiries and public
 * records from its page records, by geometry: which layout the report
 * is, and the walk over its rows.
 *
 * The lines of every page become cells, the cells rows (rows.c), and the
 * rows are walked in reading order: section headings switch what is
 * read; within the consumer's and the accounts' sections, the reader of
 * the layout's style takes the rows (reader.h):
 *   blocks   label/value rows, a heading per account (the three bureaus'
 *            own reports, and any unknown layout; read_blocks.c)
 *   columns  a column per bureau under a header row (merged3;
 *            read_columns.c)
 *   generic  any report, by its labels: pairs, tables, accounts under
 *            rows of their own labels (read_generic.c, table.c,
 *            headed.c); a layout of this style (the lender's) names the
 *            labels, and with none the vocabulary does
 * Public records are read as blocks and inquiries as a table
 * (inquiry.c), whatever the style.  What is read stays text here;
 * records.c makes it records.
 */
#include "base/cc.h"
#include "extract/impl.h"
#include "extract/reader.h"
#include "model/normalize.h"

#include <ctype.h>

/* --- which layout ------------------------------------------------------- */

/*
 * The layout whose detect phrases are found most (as a share of its own)
 * in the first pages' text: *share gets that share, which must be half
 * or more; *conf how sure the choice is, the best share over the best
 * and second best together (1 when no other layout comes near).
 */
static void detect(const struct cc_extract_layouts *X, struct xdoc *d,
		   const char *force, const struct xlayout **L, double *share,
		   double *conf)
{
	size_t i, j, k;
	double best = 0, second = 0, sh;

	*L = NULL;
	*conf = 0;
	for (i = 0; i < X->n; i++) {
		const struct xlayout *l = &X->v[i];
		size_t hit = 0, found = (size_t)-1;

		if (force) {
			if (!strcmp(force, l->name)) {
				*L = l;
				*share = 1;
				*conf = 1;
				return;
			}
			continue;
		}
		/* a group's phrases are alternatives: found once, the group
		 * is found (they are in order of group) */
		for (j = 0; j < l->ndetect; j++) {
			if (j > 0 && l->detect_group[j] == l->detect_group[j - 1] &&
			    found == l->detect_group[j])
				continue;
			for (k = 0; k < d->nraw; k++)
				if (strstr(d->raw[k], l->detect[j])) {
					hit++;
					found = l->detect_group[j];
					break;
				}
		}
		sh = l->ngroups ? (double)hit / (double)l->ngroups : 0;
		if (sh > best) {
			second = best;
			best = sh;
			*L = l;
		} else if (sh > second) {
			second = sh;
		}
	}
	*share = best;
	*conf = best >= 0.5 ? best / (best + second) : best;
}

/*
 * The bureau a report of no known layout is from: the one bureau whose
 * name its first pages' lines hold, or the only one named in its first
 * five lines when they name others further on; NULL for none or several
 * (a three-bureau report).
 */
static const char *name_bureau(const struct xdoc *d)
{
	static const struct { const char *name, *id; } b[] = {
		{ "experian", "experian" }, { "equifax", "equifax" },
		{ "transunion", "transunion" }, { "trans union", "transunion" },
	};
	const char *all = NULL, *top = NULL;
	int nall = 0, ntop = 0;
	size_t i, k;

	for (k = 0; k < sizeof(b) / sizeof(b[0]); k++) {
		int seen = 0, early = 0;

		for (i = 0; i < d->nraw; i++)
			if (strstr(d->raw[i], b[k].name)) {
				seen = 1;
				early |= i < 5;
			}
		if (seen && (!all || strcmp(all, b[k].id) != 0)) {
			nall++;
			all = b[k].id;
		}
		if (early && (!top || strcmp(top, b[k].id) != 0)) {
			ntop++;
			top = b[k].id;
		}
	}
	if (nall == 1)
		return all;
	return ntop == 1 ? top : NULL;
}

/* --- the walk ----------------------------------------------------------- */

/* The readers, one per style of layout. */
static const struct xreader *const readers[] = {
	&x_read_blocks, &x_read_columns, &x_read_generic,
};

static const struct xreader *reader_for(int style)
{
	size_t i;

	for (i = 0; i < sizeof(readers) / sizeof(readers[0]); i++)
		if (readers[i]->style == style)
			return readers[i];
	/* layout.c knows no style without a reader */
	cc_fatal("internal error: no reader for style %d", style);
}

/* Whether name s holds a telephone number ("(800) 992-6058"): the
 * address line under a creditor's heading, read as part of it. */
static int has_phone(const char *s)
{
	const char *p;

	for (p = s; (p = strchr(p, '(')) != NULL; p++)
		if (isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) && p[4] == ')' && p[5] == ' ' &&
		    isdigit((unsigned char)p[6]) && isdigit((unsigned char)p[7]) &&
		    isdigit((unsigned char)p[8]) && p[9] == '-')
			return 1;
	return 0;
}

/* How many of d's accounts are read well: a name, with no telephone
 * number in it, a balance that is money, and an account number or an
 * opening date. */
static size_t well_read(const struct xdoc *d)
{
	size_t i, n = 0;
	int64_t cents;
	char buf[128], last4[5];

	for (i = 0; i < d->nacct; i++) {
		const struct xacct *a = &d->acct[i];

		if ((a->heading || a->f[XF_CREDITOR]) &&
		    !(a->heading && has_phone(a->heading)) &&
		    !(a->f[XF_CREDITOR] && has_phone(a->f[XF_CREDITOR])) &&
		    a->f[XF_BALANCE] &&
		    cc_norm_money(a->f[XF_BALANCE], &cents) == 0 &&
		    ((a->f[XF_ACCOUNT_MASK] &&
		      cc_norm_mask(a->f[XF_ACCOUNT_MASK], buf, sizeof(buf), last4) == 0) ||
		     (a->f[XF_OPENED] && cc_norm_date(a->f[XF_OPENED], buf) == 0)))
			n++;
	}
	return n;
}

/* How many of d's accounts give a record. */
static size_t named(const struct xdoc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nacct; i++)
		n += x_acct_recorded(&d->acct[i]);
	return n;
}

/* Whether row r says a section holds nothing: "None reported", "***
 * NONE ***", "No accounts". */
static int none_row(const struct xrow *r)
{
	return strstr(r->norm, "none reported") || strstr(r->norm, "*** none") ||
	       !strcmp(r->norm, "none") || !strncmp(r->norm, "no accounts", 11) ||
	       strstr(r->norm, "no tradelines");
}

/*
 * Read the rows of d, loaded from its pages, as layout L (unknown: the
 * generic reader's).  d->raw and d->doc are set; the rest is read here.
 */
static int read_as(const struct xlayout *L, int unknown, double lconf,
		   json_t *const *pages, size_t n, struct xdoc *d,
		   struct cc_error *e)
{
	const struct xreader *R;
	void *st;
	size_t i, j;
	int section = XK_NONE, rc;
	const char *sect_type = NULL;
	struct xblocks pub;
	struct xinqcols ic;

	d->L = L;
	d->unknown = unknown;
	d->bureau = unknown ? name_bureau(d) : NULL;
	/* a record's confidence is its text's times the layout's: a
	 * forced layout counts as sure, an unknown one as its best match */
	d->layout_conf = lconf;

	rc = x_load_cells(d, pages, n, e);
	if (rc < 0)
		return rc;
	x_build_rows(d);

	R = reader_for(d->L->style);
	st = R->begin(d);
	x_blocks_init(&pub, XG_PUBLIC, &d->pub, &d->npub);
	memset(&ic, 0, sizeof(ic));

	/* the consumer's data comes first: the report date dates the rest */
	for (i = 0; i < d->nr; i = j) {
		const struct xrow *r = &d->r[i];
		const char *t;
		int k = x_row_section(d, r, &t);

		j = i + 1;
		/* a section's heading again on the next page: go on */
		if (k >= 0 && k == section && t == sect_type && k != XK_CONSUMER)
			continue;
		if (k >= 0) {
			if (k == XK_ACCOUNTS && !d->accounts_page)
				d->accounts_page = r->page;
			R->section(st, d, i, section, k, t);
			if (section == XK_PUBLIC)
				x_blocks_end(d, &pub);
			section = k;
			sect_type = t;
			pub.prev_row = i;
			memset(&ic, 0, sizeof(ic));
			continue;
		}
		switch (section) {
		case XK_NONE:
		case XK_CONSUMER:
			j = R->row(st, d, i, section);
			if (!d->report_date[0]) {
				struct xcons *cs = d->ncons ? &d->cons[0] : NULL;

				if (cs && cs->a.f[XC_REPORT_DATE])
					cc_norm_date(cs->a.f[XC_REPORT_DATE], d->report_date);
			}
			break;
		case XK_ACCOUNTS:
			if (none_row(r))
				d->accounts_none = 1;
			if (!x_row_is_skip(d, r))
				j = R->row(st, d, i, section);
			break;
		case XK_PUBLIC:
			if (strstr(r->norm, "none reported") || strstr(r->norm, "*** none"))
				break;
			j = R->public_row && d->unknown ? R->public_row(st, d, i) :
			    x_blocks_row(d, &pub, i);
			break;
		case XK_INQUIRIES:
			if (d->unknown)
				x_generic_inquiry(d, i, &ic);
			else
				x_inquiry_row(d, r, &ic);
			break;
		default:
			/* a table of accounts under a heading of no accounts'
			 * ("CREDIT SCORES" above it, its own unknown): its
			 * header opens them */
			if (d->unknown && section == XK_OTHER &&
			    x_table_head(d, XG_ACCOUNT, i, NULL) > 0) {
				R->section(st, d, i, section, XK_ACCOUNTS, NULL);
				if (!d->accounts_page)
					d->accounts_page = r->page;
				section = XK_ACCOUNTS;
				sect_type = NULL;
				j = R->row(st, d, i, section);
			}
			break;
		}
	}
	R->end(st, d, section);
	x_blocks_end(d, &pub);
	x_blocks_release(&pub);
	return 0;
}

int cc_extract_document(const struct cc_extract_layouts *X, json_t *const *pages,
			size_t n, const struct cc_extract_opts *o,
			cc_extract_emit_fn emit, void *arg,
			struct cc_extract_info *info, struct cc_error *e)
{
	struct xdoc d, g;
	const struct xlayout *L, *G;
	double lconf, lshare;
	size_t i, j, wd;
	int rc, unknown;

	memset(&d, 0, sizeof(d));
	memset(info, 0, sizeof(*info));
	if (n == 0)
		return 0;
	d.doc = json_string_value(json_object_get(pages[0], "doc"));
	if (!d.doc)
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "page record without \"doc\"");

	/* the text of the first pages, for detection */
	for (i = 0; i < n; i++) {
		json_t *lines = json_object_get(pages[i], "lines"), *ln;
		json_int_t pg = json_integer_value(json_object_get(pages[i], "page"));

		if (pg > 2 || !json_is_array(lines))
			continue;
		json_array_foreach(lines, j, ln) {
			const char *t = json_string_value(json_object_get(ln, "t"));
			char buf[1024];

			if (!t)
				continue;
			cc_norm_space(t, buf, sizeof(buf));
			d.raw = x_grow(d.raw, d.nraw, sizeof(char *));
			d.raw[d.nraw++] = x_norm(buf);
		}
	}
	detect(X, &d, o->layout, &L, &lshare, &lconf);
	unknown = !L || (!o->layout && lshare < 0.5);
	/* asked for: as sure as a layout asked for */
	if (o->layout && !strcmp(o->layout, "generic")) {
		lshare = lconf = 1;
		info->forced = 1;
	}
	/* a layout the document partly matches is a hint to the generic
	 * reader: its labels and headings first */
	G = L && lshare > 0 && !info->forced ? &X->hinted[L - X->v] : &X->generic;
	rc = read_as(unknown ? G : L, unknown, lconf, pages, n, &d, e);
	if (rc < 0)
		goto out;
	/*
	 * A layout is a hint: the document may be another design that
	 * shares some of its phrases, or all; when the layout's reading
	 * holds no account or leaves a tenth or more of its accounts not
	 * read well, the generic reader reads it too, and
	 * its reading wins when it holds more accounts read well (a design
	 * the layout's reader cannot follow gives accounts without a
	 * balance, or none).  A document the layout reads well is read
	 * once: the cost of the fixed layouts stays theirs.
	 */
	if (!unknown && !o->layout &&
	    10 * well_read(&d) < 9 * d.nacct + 1) {
		memset(&g, 0, sizeof(g));
		g.doc = d.doc;
		g.raw = d.raw;
		g.nraw = d.nraw;
		rc = read_as(G, 1, lshare, pages, n, &g, e);
		g.raw = NULL;
		g.nraw = 0;
		if (rc < 0) {
			x_doc_release(&g);
			goto out;
		}
		wd = well_read(&d);
		/* the generic reading wins with more accounts read well, or
		 * with any when the layout's read none (none that gives a
		 * record) where the report does not say it has none */
		if (well_read(&g) > wd || (!named(&d) && !d.accounts_none && named(&g))) {
			g.raw = d.raw;
			g.nraw = d.nraw;
			d.raw = NULL;
			d.nraw = 0;
			x_doc_release(&d);
			d = g;
			unknown = 1;
			lconf = lshare;
		} else {
			x_doc_release(&g);
		}
	}
	/* a section of accounts that gave none, and says not that it has
	 * none: a design read wrong, said so (cc-extract(1), DIAGNOSTICS) */
	info->unread_page = d.accounts_page && !d.nacct && !d.accounts_none ?
			    d.accounts_page : 0;
	info->layout = unknown ? NULL : d.L->name;
	info->hint = unknown && G != &X->generic ? L->name : NULL;
	info->layout_conf = unknown ? lshare : lconf;
	rc = x_emit(&d, o, emit, arg, info);
out:
	x_doc_release(&d);
	return rc;
}
