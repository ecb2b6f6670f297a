/*
 * ingest.h -- validate and fingerprint PDF files (cc-ingest(1)).
 *
 * One struct cc_ingest per run: it holds the mupdf context (opened once)
 * and the hashes seen so far, so a file that repeats another in the same
 * run is reported once and marked.
 */
#ifndef CC_INGEST_H
#define CC_INGEST_H

#include <stdint.h>
#include <jansson.h>

#include "base/error.h"
#include "stage/stage.h"

struct cc_ingest_opts {
	uint64_t max_bytes;  /* larger files are rejected (0: no limit) */
	int max_pages;       /* documents with more pages are rejected (0: none) */
	const char *store;   /* content-addressed store directory, or NULL */
	const char *owner;   /* recorded as "owner", or NULL */
};

/* What a run did. */
struct cc_ingest_stats {
	unsigned long files;       /* documents ingested, duplicates among them */
	unsigned long duplicates;  /* files whose bytes came before in the run */
	unsigned long rejected;    /* files rejected */
};

struct cc_ingest_ctx;

/* The context of a run (copies opts' strings).  Free it after the run. */
struct cc_ingest_ctx *cc_ingest_ctx_new(const struct cc_ingest_opts *opts);
void cc_ingest_ctx_free(struct cc_ingest_ctx *x);
void cc_ingest_ctx_stats(const struct cc_ingest_ctx *x,
			 struct cc_ingest_stats *s);

/*
 * cc-ingest as a stage (stage/stage.h).  Its input is a record of kind
 * "path" per file (cc_ingest_item()), which it never writes; for each it
 * writes a `document` record (cc-records(5)) or rejects the file:
 * CC_ERR_DATA (bad file), CC_ERR_NOINPUT (cannot be opened) or CC_ERR_IO
 * (read or store failure), with an id: "file.unreadable",
 * "file.not_regular", "file.empty", "file.too_large", "pdf.not_pdf",
 * "pdf.truncated", "pdf.damaged", "pdf.encrypted", "pdf.no_pages",
 * "pdf.too_many_pages", "store.write".  A file whose bytes came before in
 * the run is written as a copy of the first one's record with its own
 * path and duplicate_of, in input order whatever the threads do.  A
 * tick per file.
 */
extern const struct cc_stage cc_ingest_stage;

/* The input record of one file: {"kind":"path","path":PATH}, new. */
json_t *cc_ingest_item(const char *path);

/*
 * Copy data (whose sha256 is hex) into the store as DIR/ab/<hex>.pdf, by
 * way of a temporary file and a rename, so that no reader ever sees half a
 * file.  An existing entry is kept.  *stored receives the path (the
 * caller frees it).  0 or CC_ERR_IO.
 */
int cc_store_put(const char *dir, const char *hex, const void *data,
		 size_t len, char **stored, struct cc_error *e);

#endif
