/*
 * t-ocrcache.c -- lib/ocrcache.c: round trips, the on-disk layout,
 * expiry, corrupt entries, pruning, counters, threads, default_dir.
 */
#include "base/cc.h"
#include "base/hash.h"
#include "ocr/ocrcache.h"

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>

#include "tap.h"
#include "tmp.h"

#define T0 1700000000L
#define HDR 32

static void set_now(long t)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", t);
	setenv("CC_NOW", buf, 1);
}

static void make_key(const char *seed, char key[CC_SHA256_HEX])
{
	struct cc_error e;

	if (cc_sha256_hex(seed, strlen(seed), key, &e) != 0) {
		printf("Bail out! sha256: %s\n", e.msg);
		exit(1);
	}
}

/* A key whose first two hex digits are ab. */
static void make_key_in(const char *ab, const char *seed,
			char key[CC_SHA256_HEX])
{
	make_key(seed, key);
	key[0] = ab[0];
	key[1] = ab[1];
}

static char *entry_file(const char *dir, const char *key)
{
	return cc_xasprintf("%s/%.2s/%s.z", dir, key, key);
}

static long long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static int file_mode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static void set_mtime(const char *path, time_t t)
{
	struct timespec ts[2] = { { .tv_sec = t }, { .tv_sec = t } };

	if (utimensat(AT_FDCWD, path, ts, 0) != 0)
		tap_diag("utimensat '%s': %s", path, strerror(errno));
}

static time_t file_mtime(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_mtime : 0;
}

/* xorshift: the same bytes for the same seed, incompressible. */
static void fill_random(char *buf, size_t n, uint64_t seed)
{
	uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;
	size_t i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[i] = (char)(x >> 24);
	}
}

/* Lines like an OCR'd report page: compresses well. */
static char *report_text(size_t n)
{
	static const char line[] =
		"ACME BANK USA   #4147XXXXXXXX   Balance $1,234   "
		"Status: Pays as agreed\n";
	char *s = cc_xmalloc(n + 1);
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = line[i % (sizeof(line) - 1)];
	s[n] = '\0';
	return s;
}

static void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		tap_diag("cannot write '%s'", path);
}

static char *read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct cc_buf b = { 0 };
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		cc_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return cc_buf_detach(&b);
}

static struct cc_ocr_cache *open_or_bail(const char *dir, long ttl,
					 uint64_t max)
{
	struct cc_error e;
	struct cc_ocr_cache *c;

	cc_error_clear(&e);
	c = cc_ocr_cache_open(dir, ttl, max, &e);
	if (!c) {
		printf("Bail out! cannot open cache '%s': %s\n", dir, e.msg);
		exit(1);
	}
	return c;
}

static int put(struct cc_ocr_cache *c, const char *key, const char *data,
	       size_t len)
{
	struct cc_error e;
	int rc;

	cc_error_clear(&e);
	rc = cc_ocr_cache_put(c, key, data, len, &e);
	if (rc)
		tap_diag("put: %s", e.msg);
	return rc;
}

static void check_stats(struct cc_ocr_cache *c, unsigned long hits,
			unsigned long misses, unsigned long writes,
			unsigned long expired, unsigned long corrupt,
			unsigned long pruned, const char *what)
{
	struct cc_ocr_cache_stats s;

	cc_ocr_cache_get_stats(c, &s);
	is_int(s.hits, hits, "%s: hits", what);
	is_int(s.misses, misses, "%s: misses", what);
	is_int(s.writes, writes, "%s: writes", what);
	is_int(s.expired, expired, "%s: expired", what);
	is_int(s.corrupt, corrupt, "%s: corrupt", what);
	is_int(s.pruned, pruned, "%s: pruned", what);
}

static void test_open(void)
{
	struct cc_ocr_cache *c;
	struct cc_error e;
	char *dir = tmp_path("open/a/b/cache"), *file, *under;
	char *slashed = cc_xasprintf("%s//", dir);

	c = cc_ocr_cache_open(dir, 60, 0, &e);
	ok(c != NULL, "open creates the directory and its parents");
	is_int(file_mode(dir), 0700, "the cache directory is mode 0700");
	cc_ocr_cache_close(c);

	c = cc_ocr_cache_open(slashed, 60, 0, &e);
	ok(c != NULL, "open takes an existing directory, trailing slashes");
	cc_ocr_cache_close(c);
	cc_ocr_cache_close(NULL);

	file = tmp_write_str("plain", "not a directory\n");
	under = cc_xasprintf("%s/sub/cache", file);
	cc_error_clear(&e);
	c = cc_ocr_cache_open(under, 60, 0, &e);
	ok(c == NULL, "open under a regular file fails");
	is_int(e.code, CC_ERR_IO, "open under a regular file: CC_ERR_IO");
	is_str(e.id, "cache.dir", "open under a regular file: error id");
	ok(strstr(e.msg, "cannot create cache directory") != NULL,
	   "open under a regular file: message says what (%s)", e.msg);

	cc_error_clear(&e);
	c = cc_ocr_cache_open(file, 60, 0, &e);
	ok(c == NULL, "open on a regular file fails");
	is_int(e.code, CC_ERR_IO, "open on a regular file: CC_ERR_IO");

	cc_error_clear(&e);
	ok(cc_ocr_cache_open("", 60, 0, &e) == NULL, "open \"\" fails");
	is_int(e.code, CC_ERR_USAGE, "open \"\": CC_ERR_USAGE");
	cc_error_clear(&e);
	ok(cc_ocr_cache_open(dir, -1, 0, &e) == NULL,
	   "open with a negative ttl fails");
	is_int(e.code, CC_ERR_USAGE, "negative ttl: CC_ERR_USAGE");

	free(dir);
	free(slashed);
	free(file);
	free(under);
}

static void round_trip(struct cc_ocr_cache *c, const char *what,
		       const char *data, size_t len)
{
	char key[CC_SHA256_HEX], *got = NULL;
	size_t glen = 12345;

	make_key(what, key);
	is_int(put(c, key, data, len), 0, "put %s", what);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1, "get %s: a hit",
	       what);
	is_mem(got, glen, data, len, "get %s: the same bytes", what);
	ok(got && got[glen] == '\0', "get %s: NUL-terminated", what);
	free(got);
}

static void test_round_trip(void)
{
	char *dir = tmp_path("rt");
	struct cc_ocr_cache *c = open_or_bail(dir, 0, 0);
	char key[CC_SHA256_HEX], *got = (char *)"x", *big;
	size_t glen = 99, mib = 1 << 20;
	struct cc_error e;

	round_trip(c, "empty data", "", 0);
	round_trip(c, "one byte", "x", 1);
	round_trip(c, "one NUL byte", "\0", 1);
	big = cc_xmalloc(mib);
	fill_random(big, mib, 42);
	round_trip(c, "1 MiB of random bytes", big, mib);
	free(big);

	make_key("never stored", key);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 0, "absent key: a miss");
	ok(got == NULL, "absent key: *data is NULL");
	is_int(glen, 0, "absent key: *len is 0");

	/* a new put replaces the entry */
	make_key("replaced", key);
	put(c, key, "first", 5);
	put(c, key, "second", 6);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1, "replaced: a hit");
	is_mem(got, glen, "second", 6, "replaced: the newer data");
	free(got);

	/* malformed keys: a miss, a usage error, no files */
	is_int(cc_ocr_cache_get(c, "ABCDEF", &got, &glen), 0,
	       "a short key is a miss");
	for (size_t i = 0; key[i]; i++)
		if (key[i] >= 'a' && key[i] <= 'f')
			key[i] = (char)(key[i] - 'a' + 'A');
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 0,
	       "an uppercase key is a miss");
	cc_error_clear(&e);
	is_int(cc_ocr_cache_put(c, key, "x", 1, &e), CC_ERR_USAGE,
	       "put with an uppercase key: CC_ERR_USAGE");
	is_str(e.id, "cache.key", "put with a bad key: error id");
	cc_error_clear(&e);
	is_int(cc_ocr_cache_put(c, "../../etc/passwd", "x", 1, &e),
	       CC_ERR_USAGE, "put with a path for a key: CC_ERR_USAGE");

	/* 4 round trips and 2 puts under one key: 5 hits, 3 misses */
	check_stats(c, 5, 3, 6, 0, 0, 0, "round trips");
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_layout(void)
{
	char *dir = tmp_path("layout");
	struct cc_ocr_cache *c = open_or_bail(dir, 0, 0);
	char key[CC_SHA256_HEX], *path, *sub, *text, *raw;
	size_t n = 100000, rawlen = 0;
	struct dirent *de;
	int names = 0;
	DIR *d;

	make_key("layout", key);
	text = report_text(n);
	put(c, key, text, n);
	path = entry_file(dir, key);
	sub = cc_xasprintf("%s/%.2s", dir, key);
	ok(file_size(path) > HDR, "the entry is DIR/%.2s/<key>.z", key);
	ok(file_size(path) < (long long)n / 10,
	   "compressible data is stored compressed (%lld bytes for %zu)",
	   file_size(path), n);
	is_int(file_mode(path), 0600, "the entry is mode 0600");
	is_int(file_mode(sub), 0700, "the subdirectory is mode 0700");

	raw = read_bytes(path, &rawlen);
	if (ok(raw && rawlen > HDR, "the entry can be read")) {
		is_mem(raw, 5, "CCOC\1", 5, "header: magic and version 1");
		ok((unsigned char)raw[8] == (n & 0xff) &&
		   (unsigned char)raw[9] == ((n >> 8) & 0xff) &&
		   (unsigned char)raw[10] == ((n >> 16) & 0xff) &&
		   !raw[11] && !raw[15],
		   "header: uncompressed length, little-endian");
		ok((unsigned char)raw[16] + 256 * (unsigned char)raw[17] ==
		   (int)(rawlen - HDR), "header: compressed length");
		is_int((unsigned char)raw[HDR], 0x78,
		       "a zlib stream follows the header");
	}
	free(raw);

	d = opendir(sub);
	while (d && (de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			names++;
	if (d)
		closedir(d);
	is_int(names, 1, "no temporary file is left beside the entry");

	free(text);
	free(path);
	free(sub);
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_expiry(void)
{
	char *dir = tmp_path("expiry");
	struct cc_ocr_cache *c = open_or_bail(dir, 60, 0);
	struct cc_ocr_cache *forever;
	char key[CC_SHA256_HEX], key2[CC_SHA256_HEX], *got, *path;
	size_t glen;

	make_key("expiry", key);
	path = entry_file(dir, key);
	set_now(T0);
	put(c, key, "page text", 9);
	set_now(T0 + 60);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1,
	       "60 s old, ttl 60: a hit");
	free(got);
	set_now(T0 - 3600);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1,
	       "written in the future: a hit");
	free(got);
	set_now(T0 + 10000);
	/* reading does not make it young again */
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 0,
	       "61+ s old, ttl 60: a miss");
	ok(got == NULL, "expired: *data is NULL");
	is_int(file_size(path), -1, "an expired entry is removed");
	check_stats(c, 2, 1, 1, 1, 0, 0, "expiry");

	/* ttl 0 never expires */
	forever = open_or_bail(dir, 0, 0);
	make_key("forever", key2);
	set_now(T0);
	put(forever, key2, "kept", 4);
	set_now(T0 + 20L * 365 * 86400);
	is_int(cc_ocr_cache_get(forever, key2, &got, &glen), 1,
	       "ttl 0: a hit 20 years later");
	is_mem(got, glen, "kept", 4, "ttl 0: the data");
	free(got);
	cc_ocr_cache_close(forever);

	/* an unparsable CC_NOW falls back to the clock */
	setenv("CC_NOW", "yesterday", 1);
	put(c, key, "again", 5);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1,
	       "a bad CC_NOW: the real clock, a hit");
	free(got);
	unsetenv("CC_NOW");

	free(path);
	cc_ocr_cache_close(c);
	free(dir);
}

/* Damage an entry of `len` stored bytes, as `how` says. */
enum damage { GARBAGE, TRUNC_STREAM, TRUNC_HEADER, EMPTY, MAGIC,
	      VERSION, PADDED, FLIPPED, LENGTH, HUGE, NDAMAGE };
static const char *damage_name[] = {
	"overwritten with garbage", "truncated in the stream",
	"truncated in the header", "empty", "wrong magic", "wrong version",
	"with a byte appended", "with a byte of the stream flipped",
	"with the wrong uncompressed length",
	"claiming an impossible uncompressed length",
};

static void damage(const char *path, enum damage how)
{
	size_t len = 0;
	char *raw = read_bytes(path, &len);

	if (!raw || len < HDR + 8) {
		tap_diag("cannot read '%s'", path);
		free(raw);
		return;
	}
	switch (how) {
	case GARBAGE: fill_random(raw, len, 7); break;
	case TRUNC_STREAM: len--; break;
	case TRUNC_HEADER: len = 10; break;
	case EMPTY: len = 0; break;
	case MAGIC: raw[0] = 'X'; break;
	case VERSION: raw[4] = 2; break;
	case PADDED: raw = cc_xrealloc(raw, len + 1); raw[len++] = 0; break;
	case FLIPPED: raw[HDR + (len - HDR) / 2] ^= 0x10; break;
	case LENGTH: raw[8]++; break;
	case HUGE: raw[14] = 0x7f; break;
	case NDAMAGE: break;
	}
	write_bytes(path, raw, len);
	free(raw);
}

static void test_corrupt(void)
{
	char *dir = tmp_path("corrupt");
	struct cc_ocr_cache *c = open_or_bail(dir, 0, 0);
	char key[CC_SHA256_HEX], *got, *path, *text = report_text(5000);
	size_t glen;
	int i;

	make_key("corrupt", key);
	path = entry_file(dir, key);
	for (i = 0; i < NDAMAGE; i++) {
		put(c, key, text, 5000);
		damage(path, (enum damage)i);
		got = (char *)"x";
		is_int(cc_ocr_cache_get(c, key, &got, &glen), 0,
		       "an entry %s is a miss", damage_name[i]);
		ok(got == NULL && glen == 0, "... with no data");
		is_int(file_size(path), -1, "... and is removed");
	}
	check_stats(c, 0, NDAMAGE, NDAMAGE, 0, NDAMAGE, 0, "corrupt entries");

	put(c, key, text, 5000);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1,
	       "a put after the corruption: a hit");
	is_mem(got, glen, text, 5000, "... with the data");
	free(got);

	/* a directory in an entry's place is a miss, and left alone */
	make_key("a directory", key);
	free(path);
	path = entry_file(dir, key);
	cc_mkdir_p(path);
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 0,
	       "a directory named like an entry is a miss");
	ok(file_mode(path) >= 0, "... and is not removed");

	free(text);
	free(path);
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_put_error(void)
{
	char *dir = tmp_path("puterr");
	struct cc_ocr_cache *c = open_or_bail(dir, 0, 0);
	char key[CC_SHA256_HEX], *sub, *got;
	struct cc_error e;
	size_t glen;

	make_key_in("ab", "put error", key);
	sub = cc_xasprintf("%s/ab", dir);
	write_bytes(sub, "in the way\n", 11);
	cc_error_clear(&e);
	is_int(cc_ocr_cache_put(c, key, "x", 1, &e), CC_ERR_IO,
	       "put where the subdirectory is a file: CC_ERR_IO");
	ok(strstr(e.msg, key) != NULL, "... the message names the entry");
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 0,
	       "... and a get misses");
	check_stats(c, 0, 1, 0, 0, 0, 0, "a failed put");

	/* the cache directory removed under a running cache: made again */
	make_key("removed dir", key);
	unlink(sub);
	rmdir(dir);
	is_int(put(c, key, "y", 1), 0,
	       "put after the cache directory was removed: made again");
	is_int(cc_ocr_cache_get(c, key, &got, &glen), 1, "... and a hit");
	free(got);

	free(sub);
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_prune_size(void)
{
	char *dir = tmp_path("prune-size");
	struct cc_ocr_cache *c = open_or_bail(dir, 0, 0), *small;
	char key[5][CC_SHA256_HEX], *path[5], seed[32], data[2000], *got;
	struct cc_error e;
	time_t base = time(NULL);
	size_t glen;
	long long sz;
	int i;

	for (i = 0; i < 5; i++) {
		snprintf(seed, sizeof(seed), "prune %d", i);
		make_key(seed, key[i]);
		fill_random(data, sizeof(data), (uint64_t)i);
		put(c, key[i], data, sizeof(data));
		path[i] = entry_file(dir, key[i]);
		/* 0 is the oldest; older than the other subtest's */
		set_mtime(path[i], base - 1000 + 100 * i);
	}
	sz = file_size(path[3]) + file_size(path[4]);

	small = open_or_bail(dir, 0, (uint64_t)sz);
	cc_error_clear(&e);
	is_int(cc_ocr_cache_prune(small, &e), 0, "prune by size succeeds");
	for (i = 0; i < 3; i++)
		is_int(file_size(path[i]), -1, "old entry %d removed", i);
	for (i = 3; i < 5; i++)
		ok(file_size(path[i]) > 0, "new entry %d kept", i);
	check_stats(small, 0, 0, 0, 0, 0, 3, "prune by size");

	is_int(cc_ocr_cache_prune(small, &e), 0, "prune again");
	check_stats(small, 0, 0, 0, 0, 0, 3, "prune again removes nothing");

	/* a hit makes an entry the most recently used */
	set_mtime(path[3], base - 600);
	set_mtime(path[4], base - 500);
	is_int(cc_ocr_cache_get(c, key[3], &got, &glen), 1, "hit the older");
	free(got);
	ok(file_mtime(path[3]) >= base, "a hit sets the mtime to now");
	cc_ocr_cache_close(small);
	small = open_or_bail(dir, 0, (uint64_t)file_size(path[3]));
	is_int(cc_ocr_cache_prune(small, &e), 0, "prune to one entry");
	ok(file_size(path[3]) > 0, "the entry just read is kept");
	is_int(file_size(path[4]), -1, "the one not read is removed");
	check_stats(small, 0, 0, 0, 0, 0, 1, "prune after a hit");

	/* a cap of 0 is no cap */
	is_int(cc_ocr_cache_prune(c, &e), 0, "prune with no cap");
	ok(file_size(path[3]) > 0, "... keeps everything");

	for (i = 0; i < 5; i++)
		free(path[i]);
	cc_ocr_cache_close(small);
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_prune_expired(void)
{
	char *dir = tmp_path("prune-exp");
	struct cc_ocr_cache *c = open_or_bail(dir, 100, 0);
	char a[CC_SHA256_HEX], b[CC_SHA256_HEX], bad[CC_SHA256_HEX];
	char other[CC_SHA256_HEX];
	char *pa, *pb, *pbad, *stale, *fresh, *notes, *readme, *misplaced;
	struct cc_error e;

	make_key_in("5e", "expired a", a);
	make_key_in("5e", "live b", b);
	make_key_in("5e", "bad", bad);
	make_key_in("aa", "misplaced", other);
	pa = entry_file(dir, a);
	pb = entry_file(dir, b);
	pbad = entry_file(dir, bad);
	set_now(T0);
	put(c, a, "old", 3);
	set_now(T0 + 150);
	put(c, b, "new", 3);
	put(c, bad, "bad", 3);
	damage(pbad, GARBAGE);

	stale = cc_xasprintf("%s/5e/.%s.z.Ab12Cd", dir, a);
	fresh = cc_xasprintf("%s/5e/.%s.z.Zz9900", dir, b);
	notes = cc_xasprintf("%s/notes.txt", dir);
	readme = cc_xasprintf("%s/5e/readme", dir);
	misplaced = cc_xasprintf("%s/5e/%s.z", dir, other);
	write_bytes(stale, "half", 4);
	write_bytes(fresh, "half", 4);
	write_bytes(notes, "mine", 4);
	write_bytes(readme, "mine", 4);
	write_bytes(misplaced, "not an entry", 12);
	set_mtime(stale, time(NULL) - 2 * 3600);
	set_mtime(fresh, time(NULL) - 1800);

	set_now(T0 + 200);
	cc_error_clear(&e);
	is_int(cc_ocr_cache_prune(c, &e), 0, "prune succeeds");
	is_int(file_size(pa), -1, "the expired entry is removed");
	ok(file_size(pb) > 0, "the live entry is kept");
	is_int(file_size(pbad), -1, "the corrupt entry is removed");
	is_int(file_size(stale), -1, "a temporary file 2 h old is removed");
	ok(file_size(fresh) > 0, "a temporary file 30 min old is kept");
	ok(file_size(notes) > 0 && file_size(readme) > 0,
	   "files that are not the cache's are kept");
	ok(file_size(misplaced) > 0,
	   "an entry-like file in the wrong subdirectory is kept");
	check_stats(c, 0, 0, 3, 1, 1, 0, "prune expired");
	unsetenv("CC_NOW");

	free(pa);
	free(pb);
	free(pbad);
	free(stale);
	free(fresh);
	free(notes);
	free(readme);
	free(misplaced);
	cc_ocr_cache_close(c);

	/* a directory that went away */
	cc_error_clear(&e);
	c = open_or_bail(dir, 100, 0);
	pa = cc_xasprintf("rm -rf '%s'", dir);
	if (system(pa) != 0)
		tap_diag("%s failed", pa);
	is_int(cc_ocr_cache_prune(c, &e), CC_ERR_IO,
	       "prune of a removed directory: CC_ERR_IO");
	is_str(e.id, "cache.prune", "... error id");
	free(pa);
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_stats(void)
{
	char *dir = tmp_path("stats");
	struct cc_ocr_cache *c = open_or_bail(dir, 10, 0);
	char k[4][CC_SHA256_HEX], *got, *path;
	size_t glen;
	int i;

	for (i = 0; i < 4; i++) {
		char seed[16];

		snprintf(seed, sizeof(seed), "stats %d", i);
		make_key(seed, k[i]);
	}
	check_stats(c, 0, 0, 0, 0, 0, 0, "a new cache");
	set_now(T0);
	put(c, k[0], "zero", 4);
	put(c, k[1], "one", 3);
	set_now(T0 + 5);
	put(c, k[2], "two", 3);
	cc_ocr_cache_get(c, k[0], &got, &glen);	/* hit */
	free(got);
	cc_ocr_cache_get(c, k[2], &got, &glen);	/* hit */
	free(got);
	cc_ocr_cache_get(c, k[3], &got, &glen);	/* miss: absent */
	path = entry_file(dir, k[2]);
	damage(path, MAGIC);
	cc_ocr_cache_get(c, k[2], &got, &glen);	/* miss: corrupt */
	set_now(T0 + 12);
	cc_ocr_cache_get(c, k[0], &got, &glen);	/* miss: expired */
	cc_ocr_cache_get(c, k[0], &got, &glen);	/* miss: absent now */
	unsetenv("CC_NOW");
	check_stats(c, 2, 4, 3, 1, 1, 0, "a mixed run");
	free(path);
	cc_ocr_cache_close(c);
	free(dir);
}

/* --- threads ------------------------------------------------------------ */

#define NTHREADS 4
#define NOPS 200
#define NKEYS 16

struct worker {
	struct cc_ocr_cache *c;
	int id;
	pthread_t tid;
	int bad, put_errors, gets;
};

static char thread_keys[NKEYS][CC_SHA256_HEX];
static atomic_int pruning;

/* What writer w stores under key k: its own bytes, of its own length. */
static char *payload(int k, int w, size_t *len)
{
	struct cc_buf b = { 0 };
	int i, n = 50 + (k * 37 + w * 11) % 120;

	for (i = 0; i < n; i++)
		cc_buf_addf(&b, "key %d writer %d line %d\n", k, w, i);
	*len = b.len;
	return cc_buf_detach(&b);
}

static int matches_a_writer(int k, const char *got, size_t glen)
{
	int w, same = 0;

	for (w = 0; w < NTHREADS && !same; w++) {
		size_t len;
		char *want = payload(k, w, &len);

		same = len == glen && memcmp(want, got, len) == 0;
		free(want);
	}
	return same;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct cc_error e;
	int i;

	for (i = 0; i < NOPS; i++) {
		int pk = (i * 3 + w->id) % NKEYS;
		int gk = (i * 5 + w->id + 1) % NKEYS;
		size_t len, glen;
		char *data = payload(pk, w->id, &len), *got;

		if (cc_ocr_cache_put(w->c, thread_keys[pk], data, len, &e))
			w->put_errors++;
		free(data);
		w->gets++;
		if (cc_ocr_cache_get(w->c, thread_keys[gk], &got, &glen) &&
		    !matches_a_writer(gk, got, glen))
			w->bad++;
		free(got);
	}
	return NULL;
}

struct pruner {
	struct cc_ocr_cache *c;
	int rounds, errors;
};

static void *prune_loop(void *arg)
{
	struct pruner *p = arg;
	struct cc_error e;

	while (pruning) {
		if (cc_ocr_cache_prune(p->c, &e) != 0) {
			p->errors++;
			tap_diag("prune: %s", e.msg);
		}
		p->rounds++;
	}
	return NULL;
}

static void test_threads(void)
{
	char *dir = tmp_path("threads");
	struct cc_ocr_cache *c = open_or_bail(dir, 0, 0);
	/* room for about 4 entries: prune races the readers */
	struct pruner p = { open_or_bail(dir, 0, 1000), 0, 0 };
	struct worker w[NTHREADS];
	struct cc_ocr_cache_stats s, ps;
	pthread_t ptid;
	int i, bad = 0, errors = 0, gets = 0;

	for (i = 0; i < NKEYS; i++) {
		char seed[16];

		snprintf(seed, sizeof(seed), "thread key %d", i);
		make_key(seed, thread_keys[i]);
	}
	pruning = 1;
	if (pthread_create(&ptid, NULL, prune_loop, &p) != 0) {
		printf("Bail out! pthread_create\n");
		exit(1);
	}
	for (i = 0; i < NTHREADS; i++) {
		w[i] = (struct worker){ .c = c, .id = i };
		if (pthread_create(&w[i].tid, NULL, work, &w[i]) != 0) {
			printf("Bail out! pthread_create\n");
			exit(1);
		}
	}
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(w[i].tid, NULL);
		bad += w[i].bad;
		errors += w[i].put_errors;
		gets += w[i].gets;
	}
	pruning = 0;
	pthread_join(ptid, NULL);

	cc_ocr_cache_get_stats(c, &s);
	cc_ocr_cache_get_stats(p.c, &ps);
	is_int(bad, 0, "threads: every hit is exactly what a writer put");
	is_int(errors, 0, "threads: every put succeeds");
	tap_diag("threads: %lu hits, %lu misses; prune removed %lu "
		 "in %d rounds", s.hits, s.misses, ps.pruned, p.rounds);
	is_int(p.errors, 0, "threads: every concurrent prune succeeds (%d)",
	       p.rounds);
	is_int(s.hits + s.misses, gets, "threads: hits + misses = gets");
	is_int(s.writes, NTHREADS * NOPS, "threads: writes = puts");
	ok(s.hits > 0, "threads: some gets hit (%lu)", s.hits);
	is_int(s.corrupt + ps.corrupt, 0, "threads: nothing seen corrupt");
	is_int(s.expired + ps.expired + s.pruned, 0,
	       "threads: nothing expired, no pruning by the workers");

	cc_ocr_cache_close(p.c);
	cc_ocr_cache_close(c);
	free(dir);
}

static void test_default_dir(void)
{
	char buf[256], tiny[8];

	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	setenv("HOME", "/home/u", 1);
	is_str(cc_ocr_cache_default_dir(buf, sizeof(buf)), "/x/cache/cc/ocr",
	       "default_dir: $XDG_CACHE_HOME/cc/ocr");
	ok(cc_ocr_cache_default_dir(tiny, sizeof(tiny)) == NULL,
	   "default_dir: NULL when the buffer is too small");
	setenv("XDG_CACHE_HOME", "relative", 1);
	is_str(cc_ocr_cache_default_dir(buf, sizeof(buf)),
	       "/home/u/.cache/cc/ocr",
	       "default_dir: a relative XDG_CACHE_HOME is ignored");
	setenv("XDG_CACHE_HOME", "", 1);
	is_str(cc_ocr_cache_default_dir(buf, sizeof(buf)),
	       "/home/u/.cache/cc/ocr",
	       "default_dir: an empty XDG_CACHE_HOME is ignored");
	unsetenv("XDG_CACHE_HOME");
	is_str(cc_ocr_cache_default_dir(buf, sizeof(buf)),
	       "/home/u/.cache/cc/ocr", "default_dir: only HOME");
	setenv("HOME", "", 1);
	ok(cc_ocr_cache_default_dir(buf, sizeof(buf)) == NULL,
	   "default_dir: NULL with HOME empty");
	unsetenv("HOME");
	ok(cc_ocr_cache_default_dir(buf, sizeof(buf)) == NULL,
	   "default_dir: NULL with neither");
}

int main(void)
{
	unsetenv("CC_NOW");
	test_open();
	test_round_trip();
	test_layout();
	test_expiry();
	test_corrupt();
	test_put_error();
	test_prune_size();
	test_prune_expired();
	test_stats();
	test_threads();
	test_default_dir();
	return tap_done();
}
