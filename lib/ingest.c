#include "cc.h"
#include "hash.h"
#include "ingest.h"
#include "pdf.h"
#include "record.h"

#include <fcntl.h>
#include <sys/stat.h>

struct cc_ingest {
	struct cc_ingest_opts opts;
	struct cc_pdf *pdf;
	json_t *seen;          /* sha256 hex -> first document record */
};

struct cc_ingest *cc_ingest_new(const struct cc_ingest_opts *opts,
				struct cc_error *e)
{
	struct cc_ingest *ig;
	struct cc_pdf *pdf = cc_pdf_new(e);

	if (!pdf)
		return NULL;
	ig = cc_xcalloc(1, sizeof(*ig));
	ig->opts = *opts;
	ig->opts.store = opts->store ? cc_xstrdup(opts->store) : NULL;
	ig->opts.owner = opts->owner ? cc_xstrdup(opts->owner) : NULL;
	ig->pdf = pdf;
	ig->seen = json_object();
	return ig;
}

void cc_ingest_free(struct cc_ingest *ig)
{
	if (!ig)
		return;
	cc_pdf_free(ig->pdf);
	json_decref(ig->seen);
	free((char *)ig->opts.store);
	free((char *)ig->opts.owner);
	free(ig);
}

/* Read the whole of fd (size bytes expected) into a new buffer. */
static int read_all(int fd, size_t size, char **out,
		    struct cc_error *e)
{
	char *buf = cc_xmalloc(size + 1);
	size_t got = 0;
	ssize_t n;

	while (got < size) {
		n = read(fd, buf + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return cc_error_set(e, CC_ERR_IO, "file.unreadable",
					    "cannot read: %s", strerror(errno));
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	if (got != size) {
		free(buf);
		return cc_error_set(e, CC_ERR_IO, "file.unreadable",
				    "changed size while being read");
	}
	*out = buf;
	return 0;
}

static int has_magic(const char *data, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	return memmem(data, n, "%PDF-", 5) != NULL;
}

/* A file that began as a PDF (it has objects) but lost its end. */
static int looks_truncated(const char *data, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	return memmem(data + len - n, n, "%%EOF", 5) == NULL &&
	       memmem(data, len, " obj", 4) != NULL;
}

static int mkdir_p(const char *dir)
{
	char *p = cc_xstrdup(dir), *s;
	int rc = 0;

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

int cc_store_put(const char *dir, const char *hex, const void *data,
		 size_t len, char **stored, struct cc_error *e)
{
	char *sub = cc_xasprintf("%s/%.2s", dir, hex);
	char *final = cc_xasprintf("%s/%s.pdf", sub, hex);
	char *tmp = cc_xasprintf("%s/.%s.XXXXXX", sub, hex);
	const char *p = data;
	size_t left = len;
	ssize_t n;
	int fd = -1;

	if (access(final, F_OK) == 0)
		goto out_done;
	if (mkdir_p(sub) != 0) {
		cc_error_set(e, CC_ERR_IO, "store.write",
			     "cannot create store directory '%s': %s", sub,
			     strerror(errno));
		goto out_fail;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		cc_error_set(e, CC_ERR_IO, "store.write",
			     "cannot create a file in '%s': %s", sub,
			     strerror(errno));
		goto out_fail;
	}
	while (left) {
		n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto out_write;
		p += n;
		left -= (size_t)n;
	}
	if (fchmod(fd, 0444) != 0 || fsync(fd) != 0)
		goto out_write;
	if (close(fd) != 0) {
		fd = -1;
		goto out_write;
	}
	fd = -1;
	if (rename(tmp, final) != 0)
		goto out_write;
out_done:
	*stored = final;
	free(sub);
	free(tmp);
	return 0;

out_write:
	cc_error_set(e, CC_ERR_IO, "store.write", "cannot write '%s': %s",
		     final, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
out_fail:
	free(sub);
	free(final);
	free(tmp);
	return e->code;
}

static json_t *int_array(const int *v, int n)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v[i]));
	return a;
}

static json_t *make_record(struct cc_ingest *ig, const char *hex,
			   const char *path, size_t bytes,
			   const struct cc_pdf_info *info, const char *stored)
{
	json_t *o = cc_record_new("document");
	char when[32];
	time_t now;

	cc_now(&now);
	cc_time_iso(now, when, sizeof(when));
	json_object_set_new(o, "doc", json_string(hex));
	json_object_set_new(o, "path", cc_json_str(path));
	json_object_set_new(o, "bytes", json_integer((json_int_t)bytes));
	json_object_set_new(o, "pages", json_integer(info->pages));
	json_object_set_new(o, "text_pages",
			    int_array(info->text_pages, info->ntext));
	json_object_set_new(o, "encrypted", json_boolean(info->encrypted));
	json_object_set_new(o, "producer", cc_json_str(info->producer));
	json_object_set_new(o, "owner", cc_json_str(ig->opts.owner));
	json_object_set_new(o, "ingested_at", json_string(when));
	json_object_set_new(o, "stored", cc_json_str(stored));
	json_object_set_new(o, "duplicate_of", json_null());
	return o;
}

/* Returns the sha256 of the file in hex and its bytes, or an error. */
static int load_file(struct cc_ingest *ig, const char *path, char **data,
		     size_t *len, struct cc_error *e)
{
	struct stat st;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return cc_error_set(e, errno == ENOENT ? CC_ERR_NOINPUT :
				    CC_ERR_IO, "file.unreadable", "%s",
				    strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = cc_error_set(e, CC_ERR_IO, "file.unreadable",
				  "cannot stat: %s", strerror(errno));
		goto out_close;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = cc_error_set(e, CC_ERR_DATA, "file.not_regular",
				  "not a regular file");
		goto out_close;
	}
	if (st.st_size == 0) {
		rc = cc_error_set(e, CC_ERR_DATA, "file.empty",
				  "empty file");
		goto out_close;
	}
	if (ig->opts.max_bytes && (uint64_t)st.st_size > ig->opts.max_bytes) {
		rc = cc_error_set(e, CC_ERR_DATA, "file.too_large",
				  "%lld bytes, more than the limit of %llu",
				  (long long)st.st_size,
				  (unsigned long long)ig->opts.max_bytes);
		goto out_close;
	}
	rc = read_all(fd, (size_t)st.st_size, data, e);
	if (rc == 0)
		*len = (size_t)st.st_size;
out_close:
	close(fd);
	return rc;
}

int cc_ingest_file(struct cc_ingest *ig, const char *path, json_t **rec,
		   struct cc_error *e)
{
	struct cc_pdf_info info;
	char hex[CC_SHA256_HEX];
	char *data = NULL, *stored = NULL;
	json_t *first;
	size_t len = 0;
	int rc;

	*rec = NULL;
	cc_error_clear(e);
	rc = load_file(ig, path, &data, &len, e);
	if (rc < 0)
		goto out_free;
	if (!has_magic(data, len)) {
		rc = cc_error_set(e, CC_ERR_DATA, "pdf.not_pdf",
				  "not a PDF (no %%PDF- header)");
		goto out_free;
	}
	rc = cc_sha256_hex(data, len, hex, e);
	if (rc < 0)
		goto out_free;

	first = json_object_get(ig->seen, hex);
	if (first) {
		*rec = json_deep_copy(first);
		json_object_set_new(*rec, "path", cc_json_str(path));
		json_object_set(*rec, "duplicate_of",
				json_object_get(first, "path"));
		goto out_free;
	}

	rc = cc_pdf_inspect(ig->pdf, data, len, ig->opts.max_pages, &info, e);
	if (rc < 0) {
		if (strcmp(e->id, "pdf.damaged") == 0 &&
		    looks_truncated(data, len)) {
			char why[sizeof(e->msg)];

			memcpy(why, e->msg, sizeof(why));
			cc_error_set(e, rc, "pdf.truncated",
				     "truncated (no %%%%EOF); %s", why);
		}
		goto out_free;
	}
	if (ig->opts.store) {
		rc = cc_store_put(ig->opts.store, hex, data, len, &stored, e);
		if (rc < 0) {
			cc_pdf_info_release(&info);
			goto out_free;
		}
	}
	*rec = make_record(ig, hex, path, len, &info, stored);
	json_object_set(ig->seen, hex, *rec);
	cc_pdf_info_release(&info);
out_free:
	if (rc < 0)
		cc_error_at(e, path, 0);
	free(stored);
	free(data);
	return rc;
}
