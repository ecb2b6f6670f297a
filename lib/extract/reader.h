/*
 * reader.h -- the readers of a document's rows, one per style of layout
 * (read_blocks.c, read_columns.c, read_generic.c), and what the files
 * that read share: its cells and rows (rows.c), its running heads and
 * feet (furniture.c), the accounts being read (acct.c), payment grids
 * (grid.c), the consumer (consumer.c) and the inquiry table
 * (inquiry.c).
 */
#ifndef CC_EXTRACT_READER_H
#define CC_EXTRACT_READER_H

#include "extract/records.h"

/* --- the readers -------------------------------------------------------- */

/*
 * How the layouts of one style (struct xlayout.style) are read.
 * cc_extract_document() walks a document's rows in reading order and
 * hands a reader the rows before the first heading and those of the
 * consumer's and the accounts' sections; the public records and the
 * inquiries read alike in every style (as blocks, and by inquiry.c).
 * A reader's state is its own, one per document: several documents may
 * be read at once, on as many threads, with the same layouts.
 */
struct xreader {
	int style;    /* enum xstyle */
	/* A new state for reading d. */
	void *(*begin)(struct xdoc *d);
	/* Row i heads a section of kind k (enum xsection; type: its
	 * accounts' type, or NULL), any kind: the section above, of kind
	 * prev, ends there. */
	void (*section)(void *st, struct xdoc *d, size_t i, int prev, int k,
			const char *type);
	/* Read row i, in a section of kind k: XK_NONE (before any heading),
	 * XK_CONSUMER or XK_ACCOUNTS, not a row the layout passes over.
	 * Returns the row to read next, after i. */
	size_t (*row)(void *st, struct xdoc *d, size_t i, int k);
	/* Read row i of the public records' section, when the reader
	 * reads them (NULL: they are read as blocks). */
	size_t (*public_row)(void *st, struct xdoc *d, size_t i);
	/* The rows have ended, in a section of kind k: finish, free st. */
	void (*end)(void *st, struct xdoc *d, int k);
};

extern const struct xreader x_read_blocks, x_read_columns, x_read_generic;

/* The generic reader's (read_generic.c): whether v is a value of type
 * (enum xtype; a dash or "N/A" fits any). */
int x_value_fits(int type, const char *v);


/* --- cells and rows (rows.c) -------------------------------------------- */

/* Cell k of row r. */
#define CELL(d, r, k) (&(d)->c[(r)->first + (k)])

/* The field of a label cell, or XF_NONE. */
static inline int x_cell_field(const struct xdoc *d, const struct xcell *c,
			       int group)
{
	int l = c->lab;

	if (l >= 0 && d->L->lab[l].group != group)
		l = d->L->lab[l].alt[group];
	return l < 0 ? XF_NONE : d->L->lab[l].field;
}

/* The lines of the pages into d->c, cells cut at labels, the running
 * heads and feet left out; CC_ERR_DATA when a page has no "lines". */
int x_load_cells(struct xdoc *d, json_t *const *pages, size_t npages,
		 struct cc_error *e);
/* The cells into rows, d->r, in reading order; d->pitch. */
void x_build_rows(struct xdoc *d);

/* A word of a cell: the cell cut at its spaces, x estimated by character
 * count. */
struct xword {
	char t[64];
	double x0, x1;
	double conf;
};

/* Append the words of c to (*w)[0..nw), room *aw: the new count. */
/* Characters, not bytes, of UTF-8 t[0..n). */
size_t x_u8len(const char *t, size_t n);
/* Whether row r holds a live cell that is a label. */
int x_row_labelled(const struct xdoc *d, const struct xrow *r);
size_t x_cell_words(const struct xcell *c, struct xword **w, size_t *aw,
		    size_t nw);
/* The words of row r into *w (room *aw): their count. */
size_t x_row_words(const struct xdoc *d, const struct xrow *r,
		   struct xword **w, size_t *aw);
char *x_join_cells(const struct xdoc *d, const struct xrow *r, size_t k,
		   double *conf);
/* How many letters and digits s holds. */
int x_alnums(const char *s);

/* Whether r is a line the layout says to pass over. */
int x_row_is_skip(const struct xdoc *d, const struct xrow *r);
/* The section (enum xsection) row r heads, *type its accounts' type; or
 * -1 when it heads none. */
int x_row_section(const struct xdoc *d, const struct xrow *r,
		  const char **type);
int x_stacked_value(const struct xdoc *d, size_t i, int g,
		    const struct xacct *cur);

/* --- running heads and feet (furniture.c) ------------------------------- */

/* A line of a page, as the page record gives it. */
struct xline {
	const char *t;
	double b[4];
	double conf;
	int page;
	double height;    /* of its page */
	float size;       /* font size, 0 unknown ("s") */
	int bold;         /* "f" holds a b */
	int furniture;    /* set by x_mark_furniture() */
	/* x_mark_furniture()'s, while it runs */
	char *key;
	uint64_t hash;    /* of key: the sorts compare it, not the text */
	double yc;
	int count;        /* pages with this key */
};

void x_mark_furniture(struct xline *fl, size_t n, int npages);
/* Mark, as furniture, the lines the generic reader takes for no data: a
 * browser's print header and foot, L's furniture and introductions, and
 * paragraphs of prose (read_generic.c). */
void x_generic_marks(const struct xlayout *L, struct xline *fl, size_t n);

/* --- what is read (acct.c) ---------------------------------------------- */

void x_acct_box(struct xacct *a, const struct xrow *r);
void x_acct_cell(struct xacct *a, const struct xcell *c);
void x_acct_set(struct xacct *a, int f, const char *t, double conf, int append);
void x_acct_cat(struct xacct *a, int f, const char *sep, const char *t);
struct xacct *x_new_acct(struct xacct **v, size_t *n);
void x_buf_wrap(struct cc_buf *b, const char *t);
/* Whether field f holds free text, which may wrap onto the rows under
 * it. */
int x_text_field(int f);

/* --- payment grids (grid.c) --------------------------------------------- */

/* The grid that starts at row i, into a's history: returns the row
 * after it. */
size_t x_grid_year_month(struct xdoc *d, size_t i, struct xacct *a);
size_t x_grid_strip(struct xdoc *d, size_t i, struct xacct *a);
/*
 * Any grid that starts at row i (x_grid_starts()): a legend line or two
 * ("√ = paid as agreed (OK)"), then MM/YY headers (a strip), or a row of
 * month names under an optional row of year marks ('25, 2025) over rows
 * of codes (a strip, newest or oldest first: each code the month over
 * it, a row that starts with a bureau's name that bureau's), or month
 * names Jan..Dec over rows of a year and its codes.  A row's account is
 * pick(d, arg, bureau), bureau NULL for a row that names none.  Returns
 * the row after the grid (i when none starts there).
 */
int x_grid_starts(const struct xdoc *d, size_t i);
/* A grid's legend row r: when it says a mark other than "OK" means
 * "paid as agreed (OK)", the report marks OK with a check, and its
 * grids' cells that OCR read as v, V, \ are OK (d->check_ok). */
void x_grid_legend(struct xdoc *d, const struct xrow *r);
size_t x_grid_any(struct xdoc *d, size_t i,
		  struct xacct *(*pick)(struct xdoc *, void *, const char *),
		  void *arg);
/* The month (1..12) a word names ("Jan", "Sept"), or 0. */
int x_month_of_word(const char *w);
/* A payment grid cell's code (layouts' "codes"; a check mark where the
 * report's legend says one is OK), or NULL. */
const char *x_grid_code(const struct xdoc *d, const char *w);
/* The bureau that s names and nothing more ("TransUnion", "Trans Union",
 * "EXPERIAN:": case, runs of spaces and a final ':' ignored), or NULL. */
const char *x_bureau_named(const char *s);
/* "History: 12/25; L65432100", the text s, into a's history. */
void x_grid_pattern(struct xdoc *d, const char *s, struct xacct *a);
/* Month y-m of a's history is code (the first one read of a month
 * stays). */
void x_hist_add(struct xacct *a, int y, int m, const char *code);

/* --- the consumer (consumer.c) ------------------------------------------ */

struct xcons *x_consumer_for(struct xdoc *d, const char *bureau);
/* The consumer whose field *f is to be set (the report's, or, from a
 * co-applicant's label on, the co-applicant's; *f the name for that
 * label). */
struct xacct *x_consumer_field(struct xdoc *d, const char *bureau, int *f);
/* Set field f of consumer a from v, cut before a label of the
 * consumer's run into it, whose value is set too. */
void x_consumer_value(struct xdoc *d, struct xacct *a, int f, const char *v,
		      double conf);
size_t x_consumer_rows(struct xdoc *d, size_t i, int in_section);

/* --- the inquiry table (inquiry.c) -------------------------------------- */

struct xinqcols {
	double x[3];     /* left edges of creditor, date, bureau; 0: none */
	int have;
	size_t pend;     /* generic: a row of a creditor alone, */
	int has_pend;    /* its date on the rows under it */
};

void x_inquiry_row(struct xdoc *d, const struct xrow *r, struct xinqcols *ic);
/* Add the inquiry of row r: creditor and bureau (or NULL) are taken, the
 * date copied. */
void x_add_inquiry(struct xdoc *d, const struct xrow *r, char *creditor,
		   const char *date, char *bureau);
/* The generic reader's: any row of an inquiry, its creditor, a date and
 * perhaps a bureau, labels passed over, in any order; a creditor alone
 * on its row takes the date on the rows under it (read_generic.c). */
void x_generic_inquiry(struct xdoc *d, size_t i, struct xinqcols *ic);

/* --- accounts under rows of their own labels (headed.c) ------------------ */

/* Whether rows from i, in a layout's report, are a run of numbered
 * accounts each under rows of its own labels: read them (their
 * section's type sect_type) and return the row after the run, the next
 * section's heading; else i. */
size_t x_headed_run(struct xdoc *d, size_t i, const char *sect_type);
/* Read rows [s, e) as one account under its rows of labels: the
 * account. */
struct xacct *x_headed_block(struct xdoc *d, size_t s, size_t e);
/* Whether row r starts with an account's number ("001"), or is OCR's
 * number and name in one line. */
int x_headed_number(const struct xdoc *d, const struct xrow *r);

/* --- account tables (table.c) ------------------------------------------- */


#define X_TAB_COLS 32

/* A column of a table's header line: its heading's extent, and the x
 * its values take (halfway to the headings beside it). */
struct xtcol {
	int field;             /* enum xfield */
	int kind;              /* enum xcolkind; XCOL_FIELD with bureau: */
	const char *bureau;    /* a column of marks, one bureau's */
	int joined;            /* shares its heading's cell with the one
				  before, "CREDITOR / ACCT #" */
	int known;             /* its heading is the vocabulary's */
	double x0, x1, lo, hi;
};

struct xtline {
	struct xtcol c[X_TAB_COLS];
	size_t n;
	char *norm;            /* the heading row, to know it again */
};

struct xtpat {
	size_t acct;           /* in d->acct */
	char *s;               /* the pattern's line, after its label */
	double conf;           /* its label's: below 1, read by OCR */
};

/*
 * A table being read: its header's lines, the account of the group
 * being read and the line of the group the next row is.  Payment
 * patterns are decoded when the table ends: whether "1" is paid as
 * agreed or 30 days late is what all of the document's say together.
 */
struct xtable {
	struct xtline line[3];
	size_t nlines;
	int group;              /* XG_ACCOUNT, or XG_PUBLIC */
	int starter;            /* the field of line 0 a new group gives */
	int on;
	const char *sect_type;  /* the section's accounts' type */
	int have;               /* cur is the group's account */
	size_t cur;
	size_t next;            /* the group's line the next row would be */
	int late[3];            /* counts from columns of one each, -1 */
	int strays;             /* rows of none of its lines since the last */
	int labelled;           /* a labelled line since the group's last
				   line: its lines are over */
	int wrap_field;         /* the text field a labelled line set, and */
	size_t wrap_row;        /* its last row */
	struct xtpat *pat;
	size_t npat;
};

/* Whether rows i.. are the header of a table of group's rows
 * (XG_ACCOUNT, XG_PUBLIC) and a group under it: the number of its
 * lines, t (unless NULL) ready to read the rows after them; else 0. */
size_t x_table_head(struct xdoc *d, int group, size_t i, struct xtable *t);
/* Row i as a row of table t: the row after it; i when it is none of
 * the table's, which ends there (x_table_end()). */
size_t x_table_row(struct xdoc *d, struct xtable *t, size_t i);
/* The table has ended: its last group finished, its patterns read. */
void x_table_end(struct xdoc *d, struct xtable *t);

/* --- label/value blocks (read_blocks.c) --------------------------------- */

/* Accounts (or public records) being read as blocks: x_blocks_row()'s
 * state, from one section to the next. */
struct xblocks {
	int group;                  /* XG_ACCOUNT or XG_PUBLIC */
	struct xacct **v;
	size_t *n;
	struct xacct *cur;
	int last_field;
	size_t *pending;            /* rows not yet placed */
	size_t npending, apending;
	size_t prev_row;            /* the last row placed */
	double value_x;             /* left edge of the value column */
	char tail[64];              /* the rest of a label cut short, normalised */
	const char *sect_type;
	int left_wraps;             /* values wrap onto rows in the labels'
	                             * column: stacked values, inline pairs */
};

/* Read the rows of group (XG_ACCOUNT or XG_PUBLIC) into the array *v of
 * *n elements. */
void x_blocks_init(struct xblocks *B, int group, struct xacct **v, size_t *n);
/* Read row i: returns the row to read next, after i. */
size_t x_blocks_row(struct xdoc *d, struct xblocks *B, size_t i);
/* The rows of a section have ended: place those pending. */
void x_blocks_end(struct xdoc *d, struct xblocks *B);
void x_blocks_release(struct xblocks *B);

#endif
