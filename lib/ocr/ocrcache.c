/*
 * ocrcache.c -- the OCR result cache (format and rules in ocrcache.h).
 */
#include "base/cc.h"
#include "ocr/ocrcache.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <zlib.h>

#define MAGIC "CCOC"
#define VERSION 1
#define HDR 32
/* A temporary file untouched this long belongs to a writer that died. */
#define TEMP_STALE_SECONDS 3600
/* a page's lines are kilobytes: a bigger entry is damaged or hostile */
#define MAX_ENTRY ((uint64_t)64 << 20)
/* deflate never compresses better than 1032:1: a bound on a sane header */
#define MAX_RATIO 1032

struct cc_ocr_cache {
	char *dir;
	long ttl;
	uint64_t max_bytes;
	atomic_ulong hits, misses, writes, expired, corrupt, pruned;
};

struct header {
	uint64_t ulen, clen;
	int64_t created;
};

static void count(atomic_ulong *n)
{
	atomic_fetch_add_explicit(n, 1, memory_order_relaxed);
}

static int is_hex(int ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
}

static int hex_run(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_hex((unsigned char)s[i]))
			return 0;
	return 1;
}

static int key_ok(const char *key)
{
	return key && hex_run(key, CC_OCR_CACHE_KEY_LEN) &&
	       key[CC_OCR_CACHE_KEY_LEN] == '\0';
}

/* "<key>.z" */
static int entry_name_ok(const char *name)
{
	return hex_run(name, CC_OCR_CACHE_KEY_LEN) &&
	       strcmp(name + CC_OCR_CACHE_KEY_LEN, ".z") == 0;
}

/* ".<key>.z.XXXXXX", as cc_write_file_atomic names its temporary file */
static int temp_name_ok(const char *name)
{
	const char *p;
	int i;

	if (name[0] != '.' || !hex_run(name + 1, CC_OCR_CACHE_KEY_LEN))
		return 0;
	p = name + 1 + CC_OCR_CACHE_KEY_LEN;
	if (strncmp(p, ".z.", 3) != 0)
		return 0;
	for (i = 0, p += 3; p[i]; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		      (p[i] >= 'A' && p[i] <= 'Z') ||
		      (p[i] >= '0' && p[i] <= '9')))
			return 0;
	return i == 6;
}

static void put_le64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/*
 * Check a header against the file's size.  0, or -1 when it is not a
 * header of ours or does not match (a truncated or padded file).
 */
static int header_parse(const unsigned char *p, uint64_t size,
			struct header *h)
{
	if (memcmp(p, MAGIC, 4) != 0 || p[4] != VERSION || p[5] || p[6] ||
	    p[7])
		return -1;
	h->ulen = get_le64(p + 8);
	h->clen = get_le64(p + 16);
	h->created = (int64_t)get_le64(p + 24);
	if (size < HDR || h->clen != size - HDR || h->clen < 7)
		return -1;
	if (h->ulen >= SIZE_MAX || h->ulen >= ULONG_MAX ||
	    h->clen >= ULONG_MAX || h->ulen / MAX_RATIO > h->clen ||
	    h->ulen > MAX_ENTRY || h->clen > MAX_ENTRY)
		return -1;
	return 0;
}

static time_t cache_now(void)
{
	time_t t;

	if (cc_now(&t) != 0)
		t = time(NULL);
	return t;
}

static int is_expired(const struct cc_ocr_cache *c, const struct header *h,
		      time_t now)
{
	return c->ttl > 0 && (int64_t)now - h->created > (int64_t)c->ttl;
}

/*
 * Remove path if it is still the file (dev, ino): another writer may have
 * renamed a fresh entry over it since it was looked at.  1 removed, 0 gone
 * or replaced already, -1 with errno.
 */
static int remove_if_same(const char *path, dev_t dev, ino_t ino)
{
	struct stat now;

	if (lstat(path, &now) != 0)
		return errno == ENOENT ? 0 : -1;
	if (now.st_dev != dev || now.st_ino != ino)
		return 0;
	if (unlink(path) != 0)
		return errno == ENOENT ? 0 : -1;
	return 1;
}

/* Read exactly n bytes at offset off.  0, or -1 (error or end of file). */
static int read_full(int fd, void *buf, size_t n, off_t off)
{
	char *p = buf;
	ssize_t r;

	while (n) {
		r = pread(fd, p, n, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		off += r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * mkdir dir with mode 0700, making missing parents the ordinary way.
 * 0 when dir is (now) a directory, else -1 with errno.
 */
static int make_dir(const char *dir)
{
	struct stat st;
	char *parent, *slash;

	if (mkdir(dir, 0700) != 0 && errno == ENOENT) {
		parent = cc_xstrdup(dir);
		slash = strrchr(parent, '/');
		if (slash && slash != parent) {
			*slash = '\0';
			cc_mkdir_p(parent);
		}
		free(parent);
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
	}
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

struct cc_ocr_cache *cc_ocr_cache_open(const char *dir, long ttl,
				       uint64_t max_bytes, struct cc_error *e)
{
	struct cc_ocr_cache *c;
	size_t n;

	if (!dir || !*dir) {
		cc_error_set(e, CC_ERR_USAGE, "cache.dir",
			     "no cache directory given");
		return NULL;
	}
	if (ttl < 0) {
		cc_error_set(e, CC_ERR_USAGE, "cache.ttl",
			     "negative cache ttl %ld", ttl);
		return NULL;
	}
	c = cc_xcalloc(1, sizeof(*c));
	n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	c->dir = cc_xstrndup(dir, n);
	c->ttl = ttl;
	c->max_bytes = max_bytes;
	if (make_dir(c->dir) != 0) {
		cc_error_set(e, CC_ERR_IO, "cache.dir",
			     "cannot create cache directory '%s': %s", c->dir,
			     strerror(errno));
		cc_error_at(e, c->dir, 0);
		cc_ocr_cache_close(c);
		return NULL;
	}
	atomic_init(&c->hits, 0);
	atomic_init(&c->misses, 0);
	atomic_init(&c->writes, 0);
	atomic_init(&c->expired, 0);
	atomic_init(&c->corrupt, 0);
	atomic_init(&c->pruned, 0);
	return c;
}

void cc_ocr_cache_close(struct cc_ocr_cache *c)
{
	if (!c)
		return;
	free(c->dir);
	free(c);
}

static char *entry_path(const struct cc_ocr_cache *c, const char *key)
{
	return cc_xasprintf("%s/%.2s/%s.z", c->dir, key, key);
}

/*
 * Inflate the entry open on fd (h its header) into a new
 * NUL-terminated buffer.  0, or -1 when the stream is damaged.
 */
static int inflate_entry(int fd, const struct header *h, char **out)
{
	unsigned char *src = malloc((size_t)h->clen ? (size_t)h->clen : 1);
	char *dst = malloc((size_t)h->ulen + 1);
	uLong dlen = (uLong)h->ulen, slen = (uLong)h->clen;
	int zr = Z_DATA_ERROR;

	if (!src || !dst) {
		free(src);
		free(dst);
		return -1;
	}
	if (read_full(fd, src, (size_t)h->clen, HDR) == 0)
		zr = uncompress2((Bytef *)dst, &dlen, src, &slen);
	free(src);
	if (zr != Z_OK || dlen != h->ulen || slen != h->clen) {
		free(dst);
		return -1;
	}
	dst[h->ulen] = '\0';
	*out = dst;
	return 0;
}

int cc_ocr_cache_get(struct cc_ocr_cache *c, const char *key, char **data,
		     size_t *len)
{
	static const struct timespec touch[2] = {
		{ .tv_nsec = UTIME_NOW }, { .tv_nsec = UTIME_NOW }
	};
	unsigned char hdr[HDR];
	struct header h;
	struct stat st;
	char *path = NULL, *out = NULL;
	int fd = -1;

	*data = NULL;
	*len = 0;
	if (!key_ok(key))
		goto miss;
	path = entry_path(c, key);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		goto miss;
	if (st.st_size < HDR || read_full(fd, hdr, HDR, 0) != 0 ||
	    header_parse(hdr, (uint64_t)st.st_size, &h) != 0)
		goto corrupt;
	if (is_expired(c, &h, cache_now())) {
		remove_if_same(path, st.st_dev, st.st_ino);
		count(&c->expired);
		goto miss;
	}
	if (inflate_entry(fd, &h, &out) != 0)
		goto corrupt;
	/* least recently used goes first in prune; best effort */
	futimens(fd, touch);
	close(fd);
	free(path);
	*data = out;
	*len = (size_t)h.ulen;
	count(&c->hits);
	return 1;

corrupt:
	remove_if_same(path, st.st_dev, st.st_ino);
	count(&c->corrupt);
miss:
	if (fd >= 0)
		close(fd);
	free(path);
	count(&c->misses);
	return 0;
}

int cc_ocr_cache_put(struct cc_ocr_cache *c, const char *key,
		     const char *data, size_t len, struct cc_error *e)
{
	unsigned char *buf;
	char *sub, *path;
	uLong clen;
	int rc, zr;

	if (!key_ok(key))
		return cc_error_set(e, CC_ERR_USAGE, "cache.key",
				    "invalid cache key '%.80s'",
				    key ? key : "(null)");
	if (len > (SIZE_MAX - HDR) / 2 || len >= ULONG_MAX / 2)
		return cc_error_set(e, CC_ERR_IO, "cache.write",
				    "cache entry too large (%zu bytes)", len);
	clen = compressBound((uLong)len);
	buf = cc_xmalloc(HDR + (size_t)clen);
	zr = compress2(buf + HDR, &clen, (const Bytef *)(data ? data : ""),
		       (uLong)len, Z_DEFAULT_COMPRESSION);
	if (zr != Z_OK) {
		free(buf);
		return cc_error_set(e, CC_ERR_IO, "cache.write",
				    "cannot compress cache entry: %s",
				    zError(zr));
	}
	memcpy(buf, MAGIC, 4);
	buf[4] = VERSION;
	buf[5] = buf[6] = buf[7] = 0;
	put_le64(buf + 8, (uint64_t)len);
	put_le64(buf + 16, (uint64_t)clen);
	put_le64(buf + 24, (uint64_t)(int64_t)cache_now());

	/* the directory may have been removed under us: make it again */
	sub = cc_xasprintf("%s/%.2s", c->dir, key);
	if (mkdir(sub, 0700) != 0 && errno == ENOENT && make_dir(c->dir) == 0)
		mkdir(sub, 0700);
	path = entry_path(c, key);
	rc = cc_write_file_atomic(path, buf, HDR + (size_t)clen, 0600, e);
	if (rc == 0)
		count(&c->writes);
	free(path);
	free(sub);
	free(buf);
	return rc;
}

struct entry {
	char *path;
	struct timespec mtime;
	uint64_t size;
	dev_t dev;
	ino_t ino;
};

struct prune {
	struct cc_ocr_cache *c;
	struct cc_error *e;
	int rc;
	time_t now, real_now;
	struct entry *v;
	size_t n, alloc;
	uint64_t total;
};

static void prune_fail(struct prune *p, int code, const char *fmt,
		       const char *path)
{
	if (p->rc)
		return;
	p->rc = cc_error_set(p->e, code, "cache.prune", fmt, path,
			     strerror(errno));
	cc_error_at(p->e, path, 0);
}

static void prune_temp(struct prune *p, const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	if (p->real_now - st.st_mtime <= TEMP_STALE_SECONDS)
		return;
	if (unlink(path) != 0 && errno != ENOENT)
		prune_fail(p, CC_ERR_IO, "cannot remove '%s': %s", path);
}

/* Drop a bad or expired entry now, or keep it as a candidate for size. */
static void prune_entry(struct prune *p, char *path)
{
	unsigned char hdr[HDR];
	struct header h;
	struct stat st;
	atomic_ulong *why = NULL;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		free(path);    /* vanished, or not ours to judge */
		return;
	}
	if (st.st_size < HDR || read_full(fd, hdr, HDR, 0) != 0 ||
	    header_parse(hdr, (uint64_t)st.st_size, &h) != 0)
		why = &p->c->corrupt;
	else if (is_expired(p->c, &h, p->now))
		why = &p->c->expired;
	close(fd);
	if (why) {
		if (remove_if_same(path, st.st_dev, st.st_ino) < 0)
			prune_fail(p, CC_ERR_IO, "cannot remove '%s': %s",
				   path);
		else
			count(why);
		free(path);
		return;
	}
	CC_GROW(p->v, p->alloc, p->n + 1);
	p->v[p->n].path = path;
	p->v[p->n].mtime = st.st_mtim;
	p->v[p->n].size = (uint64_t)st.st_size;
	p->v[p->n].dev = st.st_dev;
	p->v[p->n].ino = st.st_ino;
	p->n++;
	p->total += (uint64_t)st.st_size;
}

static void prune_subdir(struct prune *p, const char *sub, const char *ab)
{
	struct dirent *de;
	DIR *d = opendir(sub);

	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR)
			prune_fail(p, CC_ERR_IO, "cannot read '%s': %s", sub);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		const char *name = de->d_name;

		if (temp_name_ok(name)) {
			char *path = cc_xasprintf("%s/%s", sub, name);

			prune_temp(p, path);
			free(path);
		} else if (entry_name_ok(name) && name[0] == ab[0] &&
			   name[1] == ab[1]) {
			prune_entry(p, cc_xasprintf("%s/%s", sub, name));
		}
	}
	closedir(d);
}

static int cmp_lru(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->path, y->path);
}

int cc_ocr_cache_prune(struct cc_ocr_cache *c, struct cc_error *e)
{
	struct prune p = { .c = c, .e = e };
	struct dirent *de;
	size_t i;
	DIR *d;

	p.now = cache_now();
	p.real_now = time(NULL);
	d = opendir(c->dir);
	if (!d) {
		prune_fail(&p, CC_ERR_IO,
			   "cannot read cache directory '%s': %s", c->dir);
		return p.rc;
	}
	while ((de = readdir(d)) != NULL) {
		char *sub;

		if (!is_hex((unsigned char)de->d_name[0]) ||
		    !is_hex((unsigned char)de->d_name[1]) || de->d_name[2])
			continue;
		sub = cc_xasprintf("%s/%s", c->dir, de->d_name);
		prune_subdir(&p, sub, de->d_name);
		free(sub);
	}
	closedir(d);

	if (c->max_bytes && p.total > c->max_bytes) {
		qsort(p.v, p.n, sizeof(*p.v), cmp_lru);
		/* an entry replaced since the scan is new: leave it */
		for (i = 0; i < p.n && p.total > c->max_bytes; i++) {
			int r = remove_if_same(p.v[i].path, p.v[i].dev,
					       p.v[i].ino);

			if (r < 0) {
				prune_fail(&p, CC_ERR_IO,
					   "cannot remove '%s': %s",
					   p.v[i].path);
				continue;
			}
			if (r > 0)
				count(&c->pruned);
			p.total -= p.v[i].size;
		}
	}
	for (i = 0; i < p.n; i++)
		free(p.v[i].path);
	free(p.v);
	return p.rc;
}

void cc_ocr_cache_get_stats(const struct cc_ocr_cache *c,
			    struct cc_ocr_cache_stats *s)
{
	struct cc_ocr_cache *m = (struct cc_ocr_cache *)c;

	s->hits = atomic_load_explicit(&m->hits, memory_order_relaxed);
	s->misses = atomic_load_explicit(&m->misses, memory_order_relaxed);
	s->writes = atomic_load_explicit(&m->writes, memory_order_relaxed);
	s->expired = atomic_load_explicit(&m->expired, memory_order_relaxed);
	s->corrupt = atomic_load_explicit(&m->corrupt, memory_order_relaxed);
	s->pruned = atomic_load_explicit(&m->pruned, memory_order_relaxed);
}

const char *cc_ocr_cache_default_dir(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;

	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/cc/ocr", xdg);
	else if (home && *home)
		n = snprintf(buf, len, "%s/.cache/cc/ocr", home);
	else
		return NULL;
	if (n < 0 || (size_t)n >= len)
		return NULL;
	return buf;
}
