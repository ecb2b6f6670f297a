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

struct cc_ingest_opts {
	uint64_t max_bytes;  /* larger files are rejected (0: no limit) */
	int max_pages;       /* documents with more pages are rejected (0: none) */
	const char *store;   /* content-addressed store directory, or NULL */
	const char *owner;   /* recorded as "owner", or NULL */
};

struct cc_ingest;

/* A new ingester (copies opts' strings).  NULL on failure, e filled. */
struct cc_ingest *cc_ingest_new(const struct cc_ingest_opts *opts,
				struct cc_error *e);
void cc_ingest_free(struct cc_ingest *ig);

/*
 * Ingest the file at path.  On success returns 0 and *rec is a new
 * `document` record (cc-records(5)) the caller owns.  On rejection
 * returns CC_ERR_DATA (bad file), CC_ERR_NOINPUT (cannot be opened) or
 * CC_ERR_IO (read or store failure), e filled with an id:
 * "file.unreadable", "file.not_regular", "file.empty", "file.too_large",
 * "pdf.not_pdf", "pdf.truncated", "pdf.damaged", "pdf.encrypted",
 * "pdf.no_pages", "pdf.too_many_pages", "store.write"; *rec is NULL.
 */
int cc_ingest_file(struct cc_ingest *ig, const char *path, json_t **rec,
		   struct cc_error *e);

/*
 * Called once per path, in list order, in the thread that called
 * cc_ingest_run(): rc is 0 with rec a new `document` record the callee
 * owns, or negative with rec NULL and e the rejection.  Return 0 to go
 * on, anything else to stop the run (cc_ingest_run() returns it).
 */
typedef int (*cc_ingest_emit_fn)(size_t index, int rc, json_t *rec,
				 const struct cc_error *e, void *arg);

/*
 * Ingest paths[0..n) with jobs worker threads, each with its own mupdf
 * context (jobs <= 1: in the calling thread).  Output order is the list
 * order whatever the threads do; duplicates are decided in that order.
 */
int cc_ingest_run(struct cc_ingest *ig, char *const *paths, size_t n,
		  int jobs, cc_ingest_emit_fn emit, void *arg);

/*
 * Copy data (whose sha256 is hex) into the store as DIR/ab/<hex>.pdf, by
 * way of a temporary file and a rename, so that no reader ever sees half a
 * file.  An existing entry is kept.  *stored receives the path (the
 * caller frees it).  0 or CC_ERR_IO.
 */
int cc_store_put(const char *dir, const char *hex, const void *data,
		 size_t len, char **stored, struct cc_error *e);

#endif
