/*
 * record.h -- the NDJSON record stream (cc-records(5)).
 *
 * Reading: a cc_reader walks its sources in order (files, "-" for stdin,
 * stdin when there are none), gzip detected by its magic and inflated
 * with zlib, and hands out one record at a time with the source name and
 * line number it came from.  A line longer than the record limit is
 * skipped without being held in memory whole.
 *
 * Writing them out is the tool layer's (tool/write.h): lib/ never prints.
 */
#ifndef CC_RECORD_H
#define CC_RECORD_H

#include <stddef.h>
#include <jansson.h>

#include "base/error.h"

#define CC_RECORD_VERSION 1
/* How records are written: compact, fields in order, reals to 7 digits. */
#define CC_JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(7))
#define CC_RECORD_MAX_DEFAULT ((size_t)16 << 20)

struct cc_reader;

struct cc_record {
	json_t *obj;          /* borrowed: valid until the next call */
	const char *kind;     /* borrowed from obj */
	const char *raw;      /* the line as read, without its newline */
	size_t raw_len;
	const char *source;   /* "<stdin>" or the path given */
	long line;            /* 1-based line number in source */
};

/*
 * A new reader over sources[0..n) ("-" is stdin); n == 0 reads stdin.
 * max_record is the longest line accepted, in bytes (0: the default).
 * The caller owns the reader and frees it with cc_reader_free().
 */
struct cc_reader *cc_reader_new(const char *const *sources, int n,
				size_t max_record);
void cc_reader_free(struct cc_reader *r);

/*
 * Next record.  Returns 1 and fills rec; 0 at the end of every source;
 * CC_ERR_DATA for a bad line (e: "json.syntax", "record.too_large",
 * "record.invalid", with source and line) or CC_ERR_NOINPUT / CC_ERR_IO
 * for a source that cannot be opened or read (e: "input.open",
 * "input.read").  After an error the next call carries on with the next
 * line or source, so a caller may report and continue.
 */
int cc_reader_next(struct cc_reader *r, struct cc_record *rec,
		   struct cc_error *e);

/*
 * One line, as read: the text without its newline (valid until the next
 * call), and where it came from (source valid until the reader moves to
 * the next source).  Returns 1; 0 at the end of every source; a negative
 * cc_err as cc_reader_next() does for a line over the limit or a source
 * that cannot be read.  The line is not parsed: see cc_record_parse().
 */
struct cc_line {
	const char *text;
	size_t len;
	const char *source;
	long line;
};
int cc_reader_line(struct cc_reader *r, struct cc_line *ln, struct cc_error *e);

/*
 * fn(arg) is called each time the reader is about to read from its
 * source, which may block (a pipe): a threaded caller hands out what it
 * holds before it waits.
 */
void cc_reader_before_read(struct cc_reader *r, void (*fn)(void *), void *arg);

/*
 * Parse one line s[0..n) (a final CR is dropped) into rec: 1 and
 * rec->obj a new reference the caller owns (rec->kind borrowed from it,
 * rec->raw and raw_len the line; source and line are left alone); 0 for
 * a blank line; CC_ERR_DATA for a bad one, e filled ("json.syntax",
 * "record.invalid", "record.version") without a place.  Safe to call
 * from several threads at once.
 */
int cc_record_parse(const char *s, size_t n, struct cc_record *rec,
		    struct cc_error *e);

/* Lines read so far over all sources (for progress). */
unsigned long cc_reader_lines(const struct cc_reader *r);

/* --- building records -------------------------------------------------- */

/* A new object {"kind":kind,"v":1}; the caller owns the reference. */
json_t *cc_record_new(const char *kind);

/*
 * A JSON string from a C string: NULL gives null, ill-formed UTF-8 is
 * replaced by U+FFFD.  A new reference.
 */
json_t *cc_json_str(const char *s);
json_t *cc_json_strn(const char *s, size_t n);

/*
 * An error record (cc-records(5)): stage, doc, path (e->source when
 * path is NULL), line (null when e->line is 0), code (e->id), message.
 */
json_t *cc_record_error(const char *stage, const struct cc_error *e,
			const char *doc, const char *path);

#endif
