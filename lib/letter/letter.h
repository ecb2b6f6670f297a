/*
 * letter.h -- dispute letters as PDF files (cc-letter(1)).
 *
 * A dispute record (cc-records(5)) is checked, turned into a view: a JSON
 * object of every value a letter prints, already worded (dates written
 * out, the address cut into lines, the SSN masked), and the view is
 * printed through HTML templates (lib/tmpl) and laid out by mupdf
 * (cc_pdf_compose()).  The words of the letter are the templates'; the
 * facts are the record's; nothing from a record reaches the HTML without
 * being escaped.
 *
 * lib/ only: nothing here prints or exits.
 */
#ifndef CC_LETTER_H
#define CC_LETTER_H

#include <stddef.h>
#include <jansson.h>

#include "base/error.h"
#include "base/util.h"

/* --- templates ---------------------------------------------------------- */

/*
 * A directory of templates: cover.html (the page that is not mailed),
 * letter.html (the letter) and letter.css (the style of both), each
 * with optional overrides NAME-BUREAU.EXT, NAME-roundN.EXT and
 * NAME-BUREAU-roundN.EXT.  For a letter to BUREAU in round R, the
 * template used is the one with the highest round N <= R (a file
 * without a round counts as round 0), and of those the bureau's own
 * before the one for every bureau.  Other files are ignored, but a file
 * named cover-* or letter-* that fits no pattern is an error.  The HTML
 * templates are in the language of lib/tmpl (tmpl/tmpl.h); the view
 * they are printed with is cc_letter_view()'s.
 */
struct cc_letter_templates;

/*
 * Load and check every template of dir: each is printed once with a
 * full and once with a sparse example view, so a misspelt name is found
 * before any input is read.  0, or CC_ERR_NOINPUT ("letter.template": a
 * directory or required file that cannot be read) or CC_ERR_CONFIG (a
 * template that is not valid).  Free with cc_letter_templates_free().
 */
int cc_letter_templates_load(const char *dir,
			     struct cc_letter_templates **out,
			     struct cc_error *e);
void cc_letter_templates_free(struct cc_letter_templates *T);

/* The file names of the templates chosen for a bureau and round (for
 * tests and messages): borrowed, valid while T is. */
void cc_letter_templates_pick(const struct cc_letter_templates *T,
			      const char *bureau, long round,
			      const char **cover, const char **letter,
			      const char **css);

/* --- letters ------------------------------------------------------------ */

struct cc_letter_opts {
	const char *dir;        /* where the PDF files go (must exist) */
	int enclose_pages;      /* append the report pages of the items */
	int mode;               /* permission bits of the files, e.g. 0600 */
	int html;               /* also write each letter's HTML, NAME.html */
};

/*
 * Where the reports are, for the pages to enclose: a table of doc ->
 * path that several letter writers (threads) share.  Thread-safe.
 */
struct cc_letter_docs;

struct cc_letter_docs *cc_letter_docs_new(void);
void cc_letter_docs_free(struct cc_letter_docs *D);

/*
 * Note a `document' record: where the report whose hash is doc is (its
 * "stored" copy, else its "path").  The first record of a doc wins.  0,
 * or CC_ERR_DATA ("record.invalid": no doc or path).
 */
int cc_letter_docs_note(struct cc_letter_docs *D, json_t *rec,
			struct cc_error *e);

struct cc_letter;

/*
 * A letter writer, for one thread: the templates (borrowed; they must
 * outlive it), the options (copied), where the reports are (docs,
 * borrowed and shared; NULL: a table of its own) and a PDF context.
 * NULL, with e filled ("pdf.init"), when mupdf cannot be set up.  Free
 * with cc_letter_free().
 */
struct cc_letter *cc_letter_new(const struct cc_letter_templates *T,
				const struct cc_letter_opts *o,
				struct cc_letter_docs *docs,
				struct cc_error *e);
void cc_letter_free(struct cc_letter *L);

/* cc_letter_docs_note() into the writer's table. */
int cc_letter_note_document(struct cc_letter *L, json_t *rec,
			    struct cc_error *e);

/*
 * The output directory, made with its missing parents when it is not
 * there; it must be a directory the process can write.  0, or CC_ERR_IO
 * ("letter.output") with e saying why.
 */
int cc_letter_output_dir(const char *dir, struct cc_error *e);

/*
 * Write the letter of a `dispute' record: check it, print it, lay it
 * out and write DIR/BUREAU-roundN-ID.pdf by way of a temporary file and
 * a rename, so no half-written file is ever seen.  On success *letter
 * is the new `letter' record (the caller owns it).  On failure no file
 * is left and e says why: CC_ERR_DATA ("record.invalid",
 * "letter.bureau", "letter.enclosure", "pdf.write", "pdf.damaged",
 * "pdf.encrypted", "file.changed", "file.not_regular",
 * "file.too_large"), CC_ERR_NOINPUT ("file.unreadable": a report to
 * enclose), CC_ERR_IO ("file.write"), or CC_ERR_RESOURCE
 * ("resource.memory": mupdf ran out of memory).
 */
int cc_letter_write(struct cc_letter *L, json_t *dispute, json_t **letter,
		    struct cc_error *e);

/*
 * The view of a dispute record, as the templates see it (a new
 * reference), without enclosures.  For tests and for checking templates.
 * NULL with e filled when the record is not a valid dispute.
 */
json_t *cc_letter_view(json_t *dispute, struct cc_error *e);

#endif
