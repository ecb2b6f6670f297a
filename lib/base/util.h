/*
 * util.h -- small helpers shared by lib/ and cmd/.
 *
 * The x* allocators abort() on out-of-memory, as git's do: there is no
 * useful recovery in a record filter, and every caller stays simple.
 */
#ifndef CC_UTIL_H
#define CC_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

void *cc_xmalloc(size_t n);
void *cc_xcalloc(size_t nmemb, size_t size);
void *cc_xrealloc(void *p, size_t n);
/* realloc to nmemb * size bytes; dies on overflow as on no memory. */
void *cc_xreallocarray(void *p, size_t nmemb, size_t size);
char *cc_xstrdup(const char *s);
char *cc_xstrndup(const char *s, size_t n);
/* Returns a new string the caller frees. */
char *cc_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The index of the name s among n names, each a const char * stride
 * bytes after the last, from names (a table of strings, or the first
 * name member of a table of structs); -1 when none is s (or s is NULL).
 */
int cc_name_index(const char *const *names, size_t stride, int n,
		  const char *s);

/* Grow *p (of *alloc elements of size sz) to hold at least n elements. */
void cc_grow(void **p, size_t *alloc, size_t n, size_t sz);
#define CC_GROW(p, alloc, n) \
	cc_grow((void **)&(p), &(alloc), (n), sizeof(*(p)))

/*
 * "Now" for every record's timestamp.  $CC_NOW (seconds since the epoch,
 * or YYYY-MM-DDTHH:MM:SSZ) fixes it, for reproducible runs and tests.
 * Returns -1 and leaves *t alone when $CC_NOW is set but unparsable.
 */
int cc_now(time_t *t);

/* Format t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into buf (at least 21 bytes). */
void cc_time_iso(time_t t, char *buf, size_t len);

/* Parse "YYYY-MM-DDTHH:MM:SSZ" (UTC) or a decimal epoch. 0 or -1. */
int cc_time_parse(const char *s, time_t *t);

/*
 * Parse a byte size: "1048576", "512K", "10M", "16MiB", "1G" (powers of
 * 1024; a trailing "B" or "iB" is accepted).  0 or -1.
 */
int cc_parse_size(const char *s, uint64_t *out);

/* Parse a non-negative decimal integer that fits in a long.  0 or -1. */
int cc_parse_long(const char *s, long *out);

/*
 * The digit OCR means by c in an account number: c itself when a digit,
 * else the digit a letter stands for there (O o Q D 0, I l | i 1, S s 5,
 * B 8, Z z 2, G 6, T 7); 0 for any other character.
 */
char cc_ocr_digit(char c);

/* Parse a decimal number from 0 to 1 ("0.6", "1", ".5").  0 or -1. */
int cc_parse_fraction(const char *s, double *out);

/* 1 when s[0..n) is well-formed UTF-8, else 0. */
int cc_utf8_valid(const char *s, size_t n);

/*
 * The length of the longest prefix of the valid UTF-8 string s that is at
 * most max bytes and does not split a character.
 */
size_t cc_utf8_prefix(const char *s, size_t max);

/*
 * A copy of s[0..n) with every ill-formed UTF-8 sequence replaced by
 * U+FFFD, NUL-terminated; the caller frees it.
 */
char *cc_utf8_sanitize(const char *s, size_t n);

/*
 * Write data to path by way of a temporary file in the same directory and
 * a rename, so no reader ever sees half a file.  mode is the new file's
 * permission bits.  0, or CC_ERR_IO with e filled.
 */
struct cc_error;
int cc_write_file_atomic(const char *path, const void *data, size_t len,
			 int mode, struct cc_error *e);

/*
 * A file about to be read whole: it must exist and be readable
 * ("file.unreadable", CC_ERR_NOINPUT), be a regular file, not a FIFO or a
 * device ("file.not_regular"), and be at most max bytes ("file.too_large",
 * both CC_ERR_DATA).  0 when it may be read.
 */
int cc_check_file(const char *path, uint64_t max, struct cc_error *e);

/* "90", "90s", "15m", "24h", "7d" in seconds, at most INT_MAX; -1 if not. */
long cc_parse_duration(const char *s);

/* mkdir -p: create dir and its missing parents.  0, or -1 with errno. */
int cc_mkdir_p(const char *dir);

/* A growable string.  Zero-initialise; cc_buf_release() frees. */
struct cc_buf {
	char *s;
	size_t len, alloc;
};
void cc_buf_add(struct cc_buf *b, const char *s, size_t n);
void cc_buf_adds(struct cc_buf *b, const char *s);
void cc_buf_addf(struct cc_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* s with &, <, >, " and ' escaped for HTML text and attributes. */
void cc_buf_add_html(struct cc_buf *b, const char *s);
/* Take the string (NUL-terminated, never NULL); b is empty after. */
char *cc_buf_detach(struct cc_buf *b);
void cc_buf_release(struct cc_buf *b);

#endif
