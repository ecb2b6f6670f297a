/*
 * stage.h -- a stage of the pipeline (ingest, ocr, extract, dispute,
 * letter; load and export later), as a tool, a worker and a server all
 * run it: the same code, in-process, over records.
 *
 * A stage is a table of operations over two objects the stage defines:
 *
 *   the context, made once by the stage's own constructor (cc_extract_
 *   stage_new() ...) from its options: what every worker shares and only
 *   reads (layouts, rules, templates, the OCR cache), plus the run's
 *   counters.  Thread-safe.
 *
 *   a worker, made from the context by new(): what one thread needs for
 *   itself (a mupdf context, a tesseract handle, the pages of the
 *   document being read).  Never shared between threads.
 *
 * A worker is fed records with record() and told where a group ends with
 * finish(); everything it makes goes to a struct cc_out, in order: new
 * records, input records passed through, rejections (an error record and
 * a diagnostic), warnings.  Who runs the stage decides what the output
 * becomes: lines on stdout (tools, lib/stage/driver.c with the sink of
 * lib/tool/run.c), JSON objects in memory (cc_stage_apply() below: a
 * worker or a server).
 *
 * Groups.  A stage that works on groups of records says so, and whoever
 * runs it groups: CC_GROUP_DOCUMENT gathers consecutive records of one
 * document (cc-extract: a document's pages), CC_GROUP_CONSUMER
 * consecutive records of one consumer, that is of one owner when the
 * document record names one, else of one document (cc-dispute).  A record
 * without "doc" joins the group being gathered.  finish() is called at
 * the end of each group; an ungrouped stage (CC_GROUP_NONE) sees each
 * record alone and is never told of a group's end.  CC_GROUP_ALL makes
 * the whole input one group (input in no useful order: everything is
 * held until its end).
 *
 * Parts.  An ungrouped stage may ask for one record to be worked on in
 * parts that may run on different threads at once (cc-ocr: the pages of
 * a scanned document); record() is then called once per part, each on a
 * worker of its own, and the parts' output comes out in part order.  The
 * parts share the record at once: they read it, and take no reference
 * to it or to what it holds.
 */
#ifndef CC_STAGE_H
#define CC_STAGE_H

#include <jansson.h>

#include "base/error.h"
#include "record/record.h"

/* --- output ---------------------------------------------------------------- */

struct cc_out;

struct cc_out_ops {
	/* a new record (the reference is taken) */
	int (*record)(struct cc_out *o, json_t *rec);
	/* the input record as it came */
	int (*pass)(struct cc_out *o, const struct cc_record *rec);
	/* reject an input: an error record of the stage and a diagnostic
	 * (e's source and line say where); doc may be NULL */
	int (*reject)(struct cc_out *o, const struct cc_error *e,
		      const char *doc);
	/* a diagnostic only ("NAME: message", lowercase, nothing secret) */
	void (*warn)(struct cc_out *o, const char *msg);
	/* the run cannot go on (OCR data missing): stop after this */
	void (*fatal)(struct cc_out *o, const struct cc_error *e);
	/* one unit of progress done (a page, a document, a letter) */
	void (*tick)(struct cc_out *o);
	/* records already written as compact lines, the last without its
	 * newline (cc_out_line) */
	int (*line)(struct cc_out *o, const char *text, size_t len);
};

struct cc_out {
	const struct cc_out_ops *ops;
	const char *stage;           /* the stage of error records */
	/*
	 * 1 when the output is lines of text (a stream): a record a stage
	 * can write faster than jansson is best given as a line of its own
	 * (cc_out_line), byte for byte what cc_out_record() would write.
	 */
	int lines;
};

/* Each returns 0 or CC_ERR_IO when the output failed: stop then. */
static inline int cc_out_record(struct cc_out *o, json_t *rec)
{
	return o->ops->record(o, rec);
}

static inline int cc_out_pass(struct cc_out *o, const struct cc_record *rec)
{
	return o->ops->pass(o, rec);
}

static inline int cc_out_reject(struct cc_out *o, const struct cc_error *e,
				const char *doc)
{
	return o->ops->reject(o, e, doc);
}

void cc_out_warn(struct cc_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void cc_out_fatal(struct cc_out *o, const struct cc_error *e)
{
	o->ops->fatal(o, e);
}

/*
 * Records already written as compact JSON lines, newline-separated, the
 * last without its newline: as they are when the output is lines, else
 * parsed and given to cc_out_record().
 */
int cc_out_line(struct cc_out *o, const char *text, size_t len);

static inline void cc_out_tick(struct cc_out *o)
{
	if (o->ops->tick)
		o->ops->tick(o);
}

/* --- stages ---------------------------------------------------------------- */

enum cc_stage_group {
	CC_GROUP_NONE,
	CC_GROUP_DOCUMENT,
	CC_GROUP_CONSUMER,
	CC_GROUP_ALL,           /* the whole input is one group */
};

struct cc_stage {
	const char *name;            /* "extract": its error records' stage */
	enum cc_stage_group group;
	const char *unit;            /* what a tick counts: "documents" */
	/*
	 * 1 when working a record changes the world beyond the output
	 * (cc-letter writes letter files, cc-ingest --store copies PDFs):
	 * a run that must stop at the first rejection (--strict) then
	 * works one record at a time, so nothing is done past it.
	 */
	int effects;
	/*
	 * Ungrouped stages: how many records, at most, one unit of work
	 * takes; 0 for the driver's default (64).  A unit's output is held
	 * until it is written, and a few units per thread are held at
	 * once: a stage whose every record makes much output (cc-ocr, a
	 * document's pages) says 1, so what is held is a few documents'
	 * worth, however long the input.
	 */
	int run;

	/*
	 * A worker over ctx; NULL with e filled when one cannot be made.
	 * Every operation below gets the context and the worker.
	 */
	void *(*new)(void *ctx, struct cc_error *e);
	void (*free)(void *ctx, void *w);

	/*
	 * One input record (borrowed for the call), in input order within
	 * its group; part is 0, or which part (see parts).  Returns 0, or
	 * a negative cc_err to stop the run: CC_ERR_IO when out failed,
	 * another after cc_out_fatal() said why.
	 */
	int (*record)(void *ctx, void *w, const struct cc_record *rec,
		      int part, struct cc_out *out);

	/* The end of a group (grouped stages only).  As record(). */
	int (*finish)(void *ctx, void *w, struct cc_out *out);

	/*
	 * Optional, ungrouped stages only: in how many parts to work rec
	 * (1 or more, at most CC_STAGE_MAX_PARTS).  Called in input order
	 * by the thread that reads, before any part is worked on.
	 */
	int (*parts)(void *ctx, const struct cc_record *rec);

	/*
	 * Optional: every record, in input order, by the thread that reads,
	 * before the record is worked on (cc-letter learns where each
	 * document is).  ctx is shared with workers: lock what it writes.
	 */
	void (*observe)(void *ctx, const struct cc_record *rec);

	/*
	 * Optional: each record a worker made (cc_out_record), in output
	 * order, before it is written: it may return another in its place
	 * (cc-ingest marks a document seen before as a duplicate).  Takes
	 * and returns a reference.  Called by one thread at a time.
	 */
	json_t *(*settle)(void *ctx, json_t *rec);

	/*
	 * Optional: the end of the input, after every other output (cc-
	 * dispute rejects selections of tradelines it never saw).
	 */
	int (*done)(void *ctx, struct cc_out *out);
};

#define CC_STAGE_MAX_PARTS 100000

/* --- counts ------------------------------------------------------------------- */

/*
 * A stage's counts of a run (pages read, letters written) are structs of
 * unsigned longs in its context, added to by every worker at once.
 */
static inline void cc_count(unsigned long *n, unsigned long v)
{
	__atomic_fetch_add(n, v, __ATOMIC_RELAXED);
}

/* Copy counts (a struct of n unsigned longs) as they stand. */
static inline void cc_counts_read(const void *from, void *to, size_t size)
{
	const unsigned long *f = from;
	unsigned long *t = to;
	size_t i;

	for (i = 0; i < size / sizeof(unsigned long); i++)
		t[i] = __atomic_load_n(&f[i], __ATOMIC_RELAXED);
}

/* --- grouping ----------------------------------------------------------------- */

/*
 * What a stage's grouping makes of the records, one at a time in input
 * order: which group each record belongs to.  Used by every runner, so
 * that a tool and a server group alike.
 */
struct cc_grouper;

struct cc_grouper *cc_grouper_new(enum cc_stage_group g);
void cc_grouper_free(struct cc_grouper *gr);

/*
 * Place rec (NULL: a line that could not be read, which joins the open
 * group).  Returns 1 when rec begins a new group (the open one, if any,
 * ended before it), else 0.  For CC_GROUP_NONE every record is a group
 * of its own.
 */
int cc_grouper_place(struct cc_grouper *gr, const struct cc_record *rec);

/*
 * After a 1 from cc_grouper_place(): when the group it began is one
 * that ended before (its records are not together in the input), the
 * group's name ("owner 'x'", "document 0a1b..."), else NULL.  Borrowed
 * until the next call.
 */
const char *cc_grouper_again(const struct cc_grouper *gr);

/* --- running in memory ---------------------------------------------------- */

/*
 * Run stage over in[0..n) with one worker in the calling thread, as a
 * worker or a server does: grouped as the stage says, every part of
 * every record, finish() at the end of each group and done() at the end.
 * Records made are appended to out_records (new references); rejections
 * become error records there too, and warnings are appended to warnings
 * (JSON strings) when it is not NULL.  Returns 0, or the negative cc_err
 * that stopped the run, e filled.
 */
int cc_stage_apply(const struct cc_stage *stage, void *ctx,
		   json_t *const *in, size_t n, json_t *out_records,
		   json_t *warnings, struct cc_error *e);

#endif
