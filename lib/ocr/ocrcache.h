/*
 * ocrcache.h -- a directory of OCR results, keyed by a hash of what was
 * recognised (the page's pixels, the engine, the language, the settings).
 *
 * One entry per key, in DIR/ab/<key>.z where ab are the key's first two
 * hex digits.  An entry is a 32-byte header and a zlib stream (RFC 1950,
 * as compress2 writes it), all integers little-endian:
 *
 *	offset  size
 *	     0     4  magic "CCOC"
 *	     4     1  version, 1
 *	     5     3  zero (reserved)
 *	     8     8  uncompressed length
 *	    16     8  compressed length (the file is exactly 32 + this long)
 *	    24     8  created: seconds since the epoch, from cc_now()
 *	    32     .  the zlib stream (its Adler-32 covers the data)
 *
 * Entries are written to a temporary file beside their final name and
 * renamed into place (cc_write_file_atomic), so a reader sees a whole old
 * entry, a whole new one or none; several threads and several processes
 * may share one directory.  Anything wrong with an entry (truncated,
 * trailing bytes, wrong magic or version, a stream that does not inflate
 * to the recorded length) makes it a miss; it is never an error.
 *
 * Age and use are kept apart: an entry expires ttl seconds after it was
 * written (the header's "created", compared with cc_now(), so $CC_NOW
 * moves time), however often it is read; a hit sets the file's mtime to
 * the real time, and cc_ocr_cache_prune() evicts the oldest mtime first.
 *
 * The cache holds text from credit reports: directories it creates are
 * mode 0700 and entries 0600.
 */
#ifndef CC_OCRCACHE_H
#define CC_OCRCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

#define CC_OCR_CACHE_KEY_LEN 64     /* lowercase hex digits */
#define CC_OCR_CACHE_TTL_DEFAULT (24L * 60 * 60)

struct cc_ocr_cache;

/*
 * Open a cache in dir, creating it (mode 0700) and its missing parents.
 * Entries older than ttl seconds are misses (0: never expire); max_bytes
 * caps the total size of the entries for cc_ocr_cache_prune (0: no cap).
 * Returns a new handle the caller frees with cc_ocr_cache_close(), or
 * NULL with e filled: CC_ERR_IO when dir cannot be made or is not a
 * directory, CC_ERR_USAGE for an empty dir or a negative ttl.
 * The handle keeps its own copy of dir.
 */
struct cc_ocr_cache *cc_ocr_cache_open(const char *dir, long ttl,
				       uint64_t max_bytes, struct cc_error *e);

/* Free the handle (NULL is allowed); the directory stays. */
void cc_ocr_cache_close(struct cc_ocr_cache *c);

/*
 * Look key up (64 lowercase hex digits; anything else is a miss).
 * 1 on a hit: *data is a new buffer the caller frees, holding the
 * uncompressed bytes and a NUL after them, and *len their number; the
 * entry's mtime is set to now.  0 on a miss (*data NULL, *len 0): absent,
 * expired, corrupt or truncated, or removed while being read.  An expired
 * or corrupt entry is removed (unless another writer replaced it
 * meanwhile).  Never an error; safe to call from several threads.
 */
int cc_ocr_cache_get(struct cc_ocr_cache *c, const char *key, char **data,
		     size_t *len);

/*
 * Store data[0..len) under key, replacing any entry, atomically.
 * 0, CC_ERR_IO (e filled) when the entry cannot be written, or
 * CC_ERR_USAGE when key is not 64 lowercase hex digits.  Safe to call
 * from several threads.
 */
int cc_ocr_cache_put(struct cc_ocr_cache *c, const char *key,
		     const char *data, size_t len, struct cc_error *e);

/*
 * Tidy the directory: remove expired entries and entries whose header is
 * unreadable, then, when max_bytes is not 0, the least recently used
 * entries (oldest mtime first) until the entries' total size is at most
 * max_bytes.  Also removes temporary files older than an hour (left by a
 * writer that died).  Files that are not the cache's are left alone.
 * 0, or CC_ERR_IO (e filled) when the directory cannot be read or a file
 * cannot be removed; the rest of the work is still done.
 */
int cc_ocr_cache_prune(struct cc_ocr_cache *c, struct cc_error *e);

/*
 * What this handle did since it was opened.  hits + misses is the number
 * of gets; expired and corrupt are entries found so (by get, counted in
 * misses too, or by prune) and removed; writes are successful puts;
 * pruned are entries prune removed for space.
 */
struct cc_ocr_cache_stats {
	unsigned long hits, misses, writes, expired, corrupt, pruned;
};
void cc_ocr_cache_get_stats(const struct cc_ocr_cache *c,
			    struct cc_ocr_cache_stats *s);

/*
 * The default directory: $XDG_CACHE_HOME/cc/ocr when XDG_CACHE_HOME is an
 * absolute path (the XDG spec ignores a relative one), else
 * $HOME/.cache/cc/ocr when HOME is set and not empty.  Written into buf
 * (len bytes) and returned; NULL when neither applies or buf is too small.
 */
const char *cc_ocr_cache_default_dir(char *buf, size_t len);

#endif
