/*
 * extract.h -- read a credit report's records (consumer, tradeline,
 * inquiry, public_record; cc-records(5)) from its page records.
 *
 * What each report family prints, and how, is data: the layout files
 * (YAML, one per family, plus common.yaml) that cc_extract_load() reads.
 * How a family is read (label/value blocks, bureau columns, a lender's
 * numbered tradelines) is code, in lib/extract.c.  See cc-extract(1).
 */
#ifndef CC_EXTRACT_H
#define CC_EXTRACT_H

#include <jansson.h>

#include "base/error.h"

struct cc_extract_layouts;

/*
 * Load every *.yaml file of dir: common.yaml and one file per layout.
 * NULL on failure, with e saying which file and line (CC_ERR_CONFIG), or
 * that dir cannot be read (CC_ERR_NOINPUT).
 */
struct cc_extract_layouts *cc_extract_load(const char *dir, struct cc_error *e);
void cc_extract_free(struct cc_extract_layouts *L);

/* The names of the layouts loaded, NULL-terminated, in load order. */
size_t cc_extract_nlayouts(const struct cc_extract_layouts *L);
const char *cc_extract_layout_name(const struct cc_extract_layouts *L, size_t i);

struct cc_extract_opts {
	const char *layout;     /* force this layout; NULL: detect */
	double min_conf;        /* fields read with less are listed in
				 * "uncertain" (0..1) */
};

/* What the reader found in one document, for the caller's diagnostics. */
struct cc_extract_info {
	const char *layout;     /* the layout used; NULL when unknown */
	double layout_conf;     /* how sure the detection is, 0..1 */
	int tradelines, inquiries, public_records, consumers;
	int uncertain;          /* fields listed as uncertain */
	int forced;             /* read as --layout generic asked */
	const char *hint;       /* read generically, this layout's labels
				   first; or NULL */
	int unread_page;        /* the page of an accounts section that
				   gave no account and does not say it has
				   none; 0 */
};

typedef int (*cc_extract_emit_fn)(json_t *rec, void *arg);

/*
 * Read one document from its page records (pages[0..n), one document's,
 * in any order) and hand each record made to emit, which takes the
 * reference.  Returns 0, the first negative value emit returned, or
 * CC_ERR_DATA with e set when the pages are not usable (no "lines").
 */
int cc_extract_document(const struct cc_extract_layouts *L, json_t *const *pages,
			size_t n, const struct cc_extract_opts *o,
			cc_extract_emit_fn emit, void *arg,
			struct cc_extract_info *info, struct cc_error *e);

/* --- pieces exposed for the unit tests ----------------------------------- */

/*
 * Write a tradeline record's "reasons" and "negative" (cc-records(5)):
 * status_reasons (a bit per enum cc_reason, what its status says) with
 * what its "history" and "type" say; then, when dofd_from_history and
 * "dofd" is null, its "dofd" read off the history; then its
 * "removal_date" from "dofd", unless it holds one already.
 */
void cc_extract_negatives(json_t *tl, unsigned status_reasons,
			  int dofd_from_history);

/*
 * Set a tradeline record's "status_code" from its "status" (and "type",
 * "closed", "balance", "remarks") by the status rules of the layout named
 * (NULL: common.yaml's alone), as cc_extract_document() does; returns the
 * status's reasons, a bit per enum cc_reason, for
 * cc_extract_negatives().
 */
unsigned cc_extract_status(const struct cc_extract_layouts *L, const char *layout,
			   json_t *tl);

#endif
