#include "base/cc.h"

#include <ctype.h>
#include <sys/stat.h>

static void *oom(size_t n)
{
	cc_fatal("out of memory allocating %zu bytes", n);
}

void *cc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	return p ? p : oom(n);
}

void *cc_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	return p ? p : oom(nmemb * size);
}

void *cc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	return q ? q : oom(n);
}

void *cc_xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		return oom(SIZE_MAX);
	return cc_xrealloc(p, nmemb * size);
}

char *cc_xstrdup(const char *s)
{
	return cc_xstrndup(s, strlen(s));
}

char *cc_xstrndup(const char *s, size_t n)
{
	char *p = cc_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *cc_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom(0);
	return p;
}

int cc_name_index(const char *const *names, size_t stride, int n,
		  const char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (!strcmp(*(const char *const *)((const char *)names +
						   (size_t)i * stride), s))
			return i;
	return -1;
}

void cc_grow(void **p, size_t *alloc, size_t n, size_t sz)
{
	size_t na;

	if (n <= *alloc)
		return;
	na = *alloc ? *alloc : 8;
	while (na < n) {
		if (na > SIZE_MAX / 2 / sz)
			oom(SIZE_MAX);
		na *= 2;
	}
	*p = cc_xrealloc(*p, na * sz);
	*alloc = na;
}

int cc_time_parse(const char *s, time_t *t)
{
	struct tm tm, want, back;
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	if (cc_parse_long(s, &v) == 0) {
		*t = (time_t)v;
		return 0;
	}
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!end || (strcmp(end, "Z") != 0 && strcmp(end, "") != 0))
		return -1;
	want = tm;
	v = (long)timegm(&tm);
	/* timegm normalises 2026-02-30 to March: refuse what does not exist */
	if (!gmtime_r(&(time_t){ (time_t)v }, &back) || back.tm_year != want.tm_year ||
	    back.tm_mon != want.tm_mon || back.tm_mday != want.tm_mday ||
	    back.tm_hour != want.tm_hour || back.tm_min != want.tm_min ||
	    back.tm_sec != want.tm_sec)
		return -1;
	*t = (time_t)v;
	return 0;
}

int cc_now(time_t *t)
{
	const char *s = getenv("CC_NOW");

	if (s && *s)
		return cc_time_parse(s, t);
	*t = time(NULL);
	return 0;
}

void cc_time_iso(time_t t, char *buf, size_t len)
{
	struct tm tm;

	if (!gmtime_r(&t, &tm) || !strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, len, "1970-01-01T00:00:00Z");
}

int cc_parse_long(const char *s, long *out)
{
	char *end;
	long v;

	if (!s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

int cc_parse_fraction(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !(isdigit((unsigned char)*s) || *s == '.'))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !(v >= 0 && v <= 1))
		return -1;
	*out = v;
	return 0;
}

int cc_parse_size(const char *s, uint64_t *out)
{
	unsigned long long v;
	uint64_t mul = 1;
	char *end;

	if (!s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case 'k': case 'K': mul = 1ULL << 10; end++; break;
	case 'm': case 'M': mul = 1ULL << 20; end++; break;
	case 'g': case 'G': mul = 1ULL << 30; end++; break;
	case 't': case 'T': mul = 1ULL << 40; end++; break;
	}
	if (mul > 1 && *end == 'i')
		end++;
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end)
		return -1;
	if (v > UINT64_MAX / mul)
		return -1;
	*out = v * mul;
	return 0;
}

/* Length of the well-formed UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len, i;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

int cc_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		k = utf8_seq(p + i, n - i);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

char *cc_utf8_sanitize(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = cc_xmalloc(n * 3 + 1);
	size_t i = 0, o = 0, k;

	while (i < n) {
		k = utf8_seq(p + i, n - i);
		if (k) {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		} else {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		}
	}
	out[o] = '\0';
	return out;
}

size_t cc_utf8_prefix(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	n = max;
	/* back up over continuation bytes to the start of a character */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

void cc_buf_add(struct cc_buf *b, const char *s, size_t n)
{
	CC_GROW(b->s, b->alloc, b->len + n + 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void cc_buf_adds(struct cc_buf *b, const char *s)
{
	cc_buf_add(b, s, strlen(s));
}

void cc_buf_addf(struct cc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	CC_GROW(b->s, b->alloc, b->len + (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void cc_buf_add_html(struct cc_buf *b, const char *s)
{
	const char *p;

	for (p = s; *p; p++) {
		switch (*p) {
		case '&': cc_buf_adds(b, "&amp;"); break;
		case '<': cc_buf_adds(b, "&lt;"); break;
		case '>': cc_buf_adds(b, "&gt;"); break;
		case '"': cc_buf_adds(b, "&quot;"); break;
		case '\'': cc_buf_adds(b, "&#39;"); break;
		default: cc_buf_add(b, p, 1); break;
		}
	}
}

char *cc_buf_detach(struct cc_buf *b)
{
	char *s = b->s ? b->s : cc_xstrdup("");

	b->s = NULL;
	b->len = b->alloc = 0;
	return s;
}

void cc_buf_release(struct cc_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->alloc = 0;
}

int cc_write_file_atomic(const char *path, const void *data, size_t len,
			 int mode, struct cc_error *e)
{
	const char *slash = strrchr(path, '/');
	char *tmp;
	const char *p = data;
	size_t left = len;
	ssize_t n;
	int fd, saved;

	if (slash)
		tmp = cc_xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path,
				   slash + 1);
	else
		tmp = cc_xasprintf(".%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto out_fail;
	while (left) {
		n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto out_close;
		p += n;
		left -= (size_t)n;
	}
	if (fchmod(fd, (mode_t)mode) != 0 || fsync(fd) != 0)
		goto out_close;
	if (close(fd) != 0) {
		fd = -1;
		goto out_close;
	}
	if (rename(tmp, path) != 0) {
		fd = -1;
		goto out_close;
	}
	free(tmp);
	return 0;

out_close:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
out_fail:
	free(tmp);
	return cc_error_set(e, CC_ERR_IO, "file.write", "cannot write '%s': %s",
			    path, strerror(errno));
}

int cc_mkdir_p(const char *dir)
{
	char *p, *s;
	int rc = 0;

	if (!*dir) {
		errno = ENOENT;
		return -1;
	}
	p = cc_xstrdup(dir);
	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

int cc_check_file(const char *path, uint64_t max, struct cc_error *e)
{
	struct stat st;

	if (stat(path, &st) != 0 || access(path, R_OK) != 0)
		return cc_error_set(e, CC_ERR_NOINPUT, "file.unreadable", "%s",
				    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return cc_error_set(e, CC_ERR_DATA, "file.not_regular",
				    "not a regular file");
	if ((uint64_t)st.st_size > max)
		return cc_error_set(e, CC_ERR_DATA, "file.too_large",
				    "%lld bytes, more than %llu",
				    (long long)st.st_size,
				    (unsigned long long)max);
	return 0;
}

long cc_parse_duration(const char *s)
{
	char *end;
	long v, mult = 1;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || v < 0)
		return -1;
	switch (*end) {
	case '\0': case 's': break;
	case 'm': mult = 60; break;
	case 'h': mult = 3600; break;
	case 'd': mult = 86400; break;
	default: return -1;
	}
	if (*end && end[1])
		return -1;
	if (v > INT_MAX / mult)
		return -1;
	return v * mult;
}

char cc_ocr_digit(char c)
{
	static const char from[] = "OoQDIl|iSsBZzGT", to[] = "000011115582267";
	const char *p;

	if (c >= '0' && c <= '9')
		return c;
	p = c ? strchr(from, c) : NULL;
	return p ? to[p - from] : 0;
}
