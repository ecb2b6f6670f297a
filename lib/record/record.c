#include "base/cc.h"
#include "record/record.h"

#include <fcntl.h>
#include <zlib.h>

#define CHUNK ((size_t)1 << 16)

struct cc_reader {
	const char *const *sources;
	int nsources;
	int next_source;         /* index of the next source to open */
	int use_stdin;           /* no sources: read stdin once */

	gzFile gz;               /* current source, NULL between sources */
	char *name;              /* its display name */
	long line;               /* lines of the current source so far */
	unsigned long total_lines;

	char *buf;               /* bytes read, not yet returned */
	size_t alloc, start, end, scan;
	int eof;                 /* current source has no more bytes */
	int skipping;            /* inside an over-long line */
	size_t max_record;

	json_t *obj;             /* the last record handed out */
	void (*before_read)(void *);  /* called before a read may block */
	void *before_read_arg;
};

struct cc_reader *cc_reader_new(const char *const *sources, int n,
				size_t max_record)
{
	struct cc_reader *r = cc_xcalloc(1, sizeof(*r));

	r->sources = sources;
	r->nsources = n;
	r->use_stdin = n == 0;
	r->max_record = max_record ? max_record : CC_RECORD_MAX_DEFAULT;
	r->alloc = CHUNK * 2;
	r->buf = cc_xmalloc(r->alloc);
	return r;
}

static void close_source(struct cc_reader *r)
{
	if (r->gz)
		gzclose(r->gz);
	r->gz = NULL;
	free(r->name);
	r->name = NULL;
}

void cc_reader_free(struct cc_reader *r)
{
	if (!r)
		return;
	close_source(r);
	json_decref(r->obj);
	free(r->buf);
	free(r);
}

unsigned long cc_reader_lines(const struct cc_reader *r)
{
	return r->total_lines;
}

/* Open the next source: 1 opened, 0 none left, <0 error (e filled). */
static int open_next(struct cc_reader *r, struct cc_error *e)
{
	const char *path;
	int fd;

	if (r->use_stdin) {
		r->use_stdin = 0;
		path = "-";
	} else if (r->next_source < r->nsources) {
		path = r->sources[r->next_source++];
	} else {
		return 0;
	}

	r->start = r->end = r->scan = 0;
	r->eof = 0;
	r->skipping = 0;
	r->line = 0;
	if (strcmp(path, "-") == 0) {
		r->name = cc_xstrdup("<stdin>");
		fd = dup(STDIN_FILENO);
	} else {
		r->name = cc_xstrdup(path);
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		cc_error_set(e, errno == ENOENT ? CC_ERR_NOINPUT : CC_ERR_IO,
			     "input.open", "%s", strerror(errno));
		cc_error_at(e, r->name, 0);
		free(r->name);
		r->name = NULL;
		return e->code;
	}
	r->gz = gzdopen(fd, "rb");
	if (!r->gz) {
		close(fd);
		cc_error_set(e, CC_ERR_IO, "input.open", "cannot read");
		cc_error_at(e, r->name, 0);
		free(r->name);
		r->name = NULL;
		return e->code;
	}
	gzbuffer(r->gz, CHUNK * 2);
	return 1;
}

/* gzerror()'s text without the "<fd:3>: " zlib puts in front of it. */
static const char *gz_message(gzFile gz, int *errnum)
{
	const char *msg = gzerror(gz, errnum);
	const char *p;

	if (msg && strncmp(msg, "<fd:", 4) == 0 && (p = strstr(msg, ">: ")))
		return p + 3;
	return msg ? msg : "unknown error";
}

/* Read more bytes into the buffer.  1 read, 0 eof, <0 error. */
static int fill(struct cc_reader *r, struct cc_error *e)
{
	int n, errnum;
	const char *msg;

	if (r->start > 0 && (r->start == r->end || r->alloc - r->end < CHUNK)) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->scan -= r->start;
		r->start = 0;
	}
	if (r->alloc - r->end < CHUNK) {
		r->alloc = r->end + CHUNK * 2;
		r->buf = cc_xrealloc(r->buf, r->alloc);
	}
	n = gzread(r->gz, r->buf + r->end, (unsigned)(r->alloc - r->end));
	if (n < 0) {
		msg = gz_message(r->gz, &errnum);
		cc_error_set(e, CC_ERR_IO, "input.read", "read error: %s",
			     errnum == Z_ERRNO ? strerror(errno) : msg);
		cc_error_at(e, r->name, r->line + 1);
		return e->code;
	}
	if (n == 0) {
		/* a truncated gzip stream ends without an error from gzread */
		msg = gz_message(r->gz, &errnum);
		if (errnum != Z_OK && errnum != Z_BUF_ERROR) {
			cc_error_set(e, CC_ERR_IO, "input.read",
				     "read error: %s", msg);
			cc_error_at(e, r->name, r->line + 1);
			return e->code;
		}
		if (errnum == Z_BUF_ERROR) {
			cc_error_set(e, CC_ERR_DATA, "input.truncated",
				     "unexpected end of compressed input");
			cc_error_at(e, r->name, r->line + 1);
			return e->code;
		}
		return 0;
	}
	r->end += (size_t)n;
	return 1;
}

static int is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int cc_record_parse(const char *s, size_t n, struct cc_record *rec,
		    struct cc_error *e)
{
	json_error_t jerr;
	json_t *obj, *kind, *v;

	if (n && s[n - 1] == '\r')
		n--;
	if (is_blank(s, n))
		return 0;
	obj = json_loadb(s, n, JSON_ALLOW_NUL, &jerr);
	if (!obj)
		return cc_error_set(e, CC_ERR_DATA, "json.syntax",
				    "invalid JSON: %s at column %d", jerr.text,
				    jerr.column);
	if (!json_is_object(obj)) {
		json_decref(obj);
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "record is not a JSON object");
	}
	kind = json_object_get(obj, "kind");
	if (!json_is_string(kind) || !*json_string_value(kind)) {
		json_decref(obj);
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "record has no \"kind\"");
	}
	v = json_object_get(obj, "v");
	if (v && !(json_is_integer(v) &&
		   json_integer_value(v) == CC_RECORD_VERSION)) {
		json_decref(obj);
		return cc_error_set(e, CC_ERR_DATA, "record.version",
				    "unsupported record version (want \"v\":%d)",
				    CC_RECORD_VERSION);
	}
	rec->obj = obj;
	rec->kind = json_string_value(kind);
	rec->raw = s;
	rec->raw_len = n;
	return 1;
}

int cc_reader_line(struct cc_reader *r, struct cc_line *ln, struct cc_error *e)
{
	char *nl, *line;
	size_t len;
	int rc;

	for (;;) {
		if (!r->gz) {
			rc = open_next(r, e);
			if (rc <= 0)
				return rc;
		}
		nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
		if (!nl) {
			if (r->end - r->start > r->max_record + 1 &&
			    !r->skipping) {
				r->skipping = 1;
				r->start = r->scan = r->end;
			} else if (r->skipping) {
				r->start = r->scan = r->end;
			} else {
				r->scan = r->end;
			}
			if (!r->eof) {
				if (r->before_read)
					r->before_read(r->before_read_arg);
				rc = fill(r, e);
				if (rc < 0) {
					r->eof = 1;
					close_source(r);
					return rc;
				}
				if (rc > 0)
					continue;
				r->eof = 1;
			}
			/* end of this source: a last line without newline */
			if (r->start == r->end && !r->skipping) {
				close_source(r);
				continue;
			}
			nl = r->buf + r->end;
		}
		len = (size_t)(nl - (r->buf + r->start));
		line = r->buf + r->start;
		/* consume the line and its newline, if it has one */
		r->start = r->scan = (size_t)(nl - r->buf) +
				     (nl < r->buf + r->end);
		r->line++;
		r->total_lines++;
		if (r->skipping ||
		    len - (len && line[len - 1] == '\r') > r->max_record) {
			r->skipping = 0;
			cc_error_set(e, CC_ERR_DATA, "record.too_large",
				     "record longer than %zu bytes",
				     r->max_record);
			cc_error_at(e, r->name, r->line);
			return e->code;
		}
		ln->text = line;
		ln->len = len;
		ln->source = r->name;
		ln->line = r->line;
		return 1;
	}
}

int cc_reader_next(struct cc_reader *r, struct cc_record *rec,
		   struct cc_error *e)
{
	struct cc_line ln;
	int rc;

	json_decref(r->obj);
	r->obj = NULL;
	for (;;) {
		rc = cc_reader_line(r, &ln, e);
		if (rc <= 0)
			return rc;
		rc = cc_record_parse(ln.text, ln.len, rec, e);
		if (rc < 0)
			cc_error_at(e, ln.source, ln.line);
		if (rc == 0)
			continue;
		if (rc > 0) {
			r->obj = rec->obj;
			rec->source = ln.source;
			rec->line = ln.line;
		}
		return rc;
	}
}

void cc_reader_before_read(struct cc_reader *r, void (*fn)(void *), void *arg)
{
	r->before_read = fn;
	r->before_read_arg = arg;
}

/* --- building records -------------------------------------------------- */

json_t *cc_record_new(const char *kind)
{
	json_t *o = json_object();

	json_object_set_new(o, "kind", json_string(kind));
	json_object_set_new(o, "v", json_integer(CC_RECORD_VERSION));
	return o;
}

json_t *cc_json_strn(const char *s, size_t n)
{
	json_t *j;
	char *fixed;

	if (!s)
		return json_null();
	if (cc_utf8_valid(s, n) && !memchr(s, '\0', n))
		return json_stringn(s, n);
	fixed = cc_utf8_sanitize(s, n);
	j = json_string(fixed);
	free(fixed);
	return j;
}

json_t *cc_json_str(const char *s)
{
	return s ? cc_json_strn(s, strlen(s)) : json_null();
}

json_t *cc_record_error(const char *stage, const struct cc_error *e,
			const char *doc, const char *path)
{
	json_t *o = cc_record_new("error");

	json_object_set_new(o, "stage", cc_json_str(stage));
	json_object_set_new(o, "doc", cc_json_str(doc));
	json_object_set_new(o, "path",
			    cc_json_str(path ? path :
					(e->source[0] ? e->source : NULL)));
	json_object_set_new(o, "line",
			    e->line > 0 ? json_integer(e->line) : json_null());
	json_object_set_new(o, "code", cc_json_str(e->id));
	json_object_set_new(o, "message", cc_json_str(e->msg));
	return o;
}
