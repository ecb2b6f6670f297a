#include "base/cc.h"
#include "base/hash.h"
#include "ingest/ingest.h"
#include "pdf/pdf.h"
#include "record/record.h"

#include <fcntl.h>
#include <sys/stat.h>

struct cc_ingest_ctx {
	struct cc_ingest_opts opts;
	json_t *seen;          /* sha256 hex -> first document record */
	struct cc_ingest_stats stats;
};

struct cc_ingest_ctx *cc_ingest_ctx_new(const struct cc_ingest_opts *opts)
{
	struct cc_ingest_ctx *x = cc_xcalloc(1, sizeof(*x));

	x->opts = *opts;
	x->opts.store = opts->store ? cc_xstrdup(opts->store) : NULL;
	x->opts.owner = opts->owner ? cc_xstrdup(opts->owner) : NULL;
	x->seen = json_object();
	return x;
}

void cc_ingest_ctx_free(struct cc_ingest_ctx *x)
{
	if (!x)
		return;
	json_decref(x->seen);
	free((char *)x->opts.store);
	free((char *)x->opts.owner);
	free(x);
}

void cc_ingest_ctx_stats(const struct cc_ingest_ctx *x,
			 struct cc_ingest_stats *s)
{
	cc_counts_read(&x->stats, s, sizeof(*s));
}

/* Read the whole of fd (size bytes expected) into a new buffer. */
static int read_all(int fd, size_t size, char **out,
		    struct cc_error *e)
{
	char *buf = size < SIZE_MAX ? malloc(size + 1) : NULL;
	size_t got = 0;
	ssize_t n;

	/* a file too big for memory is that file's problem, not the run's */
	if (!buf)
		return cc_error_set(e, CC_ERR_DATA, "file.too_large",
				    "%zu bytes, too large to read into memory",
				    size);

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

int cc_store_put(const char *dir, const char *hex, const void *data,
		 size_t len, char **stored, struct cc_error *e)
{
	char *sub = cc_xasprintf("%s/%.2s", dir, hex);
	char *final = cc_xasprintf("%s/%s.pdf", sub, hex);
	int rc = 0;

	if (access(final, F_OK) != 0) {
		if (cc_mkdir_p(sub) != 0) {
			rc = cc_error_set(e, CC_ERR_IO, "store.write",
					  "cannot create store directory "
					  "'%s': %s", sub, strerror(errno));
		} else {
			rc = cc_write_file_atomic(final, data, len, 0444, e);
			if (rc < 0)
				snprintf(e->id, sizeof(e->id), "store.write");
		}
	}
	free(sub);
	if (rc < 0) {
		free(final);
		return rc;
	}
	*stored = final;
	return 0;
}

static json_t *int_array(const int *v, int n)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v[i]));
	return a;
}

static json_t *make_record(const struct cc_ingest_opts *opts, const char *hex,
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
	json_object_set_new(o, "owner", cc_json_str(opts->owner));
	json_object_set_new(o, "ingested_at", json_string(when));
	json_object_set_new(o, "stored", cc_json_str(stored));
	json_object_set_new(o, "duplicate_of", json_null());
	return o;
}

/* Returns the sha256 of the file in hex and its bytes, or an error. */
static int load_file(const struct cc_ingest_opts *o, const char *path, char **data,
		     size_t *len, struct cc_error *e)
{
	struct stat st;
	int fd, rc;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return cc_error_set(e, CC_ERR_NOINPUT, "file.unreadable", "%s",
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
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (st.st_size == 0) {
		rc = cc_error_set(e, CC_ERR_DATA, "file.empty",
				  "empty file");
		goto out_close;
	}
	if (o->max_bytes && (uint64_t)st.st_size > o->max_bytes) {
		rc = cc_error_set(e, CC_ERR_DATA, "file.too_large",
				  "%lld bytes, more than the limit of %llu",
				  (long long)st.st_size,
				  (unsigned long long)o->max_bytes);
		goto out_close;
	}
	rc = read_all(fd, (size_t)st.st_size, data, e);
	if (rc == 0)
		*len = (size_t)st.st_size;
out_close:
	close(fd);
	return rc;
}

/*
 * The work on one file that needs nothing shared: load, check, hash,
 * inspect, store, build the record.
 */
static int ingest_one(const struct cc_ingest_opts *o, struct cc_pdf *pdf,
		      const char *path, json_t **rec, struct cc_error *e)
{
	struct cc_pdf_info info;
	char hex[CC_SHA256_HEX];
	char *data = NULL, *stored = NULL;
	size_t len = 0;
	int rc;

	*rec = NULL;
	cc_error_clear(e);
	rc = load_file(o, path, &data, &len, e);
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

	rc = cc_pdf_inspect(pdf, data, len, o->max_pages, &info, e);
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
	if (o->store) {
		rc = cc_store_put(o->store, hex, data, len, &stored, e);
		if (rc < 0) {
			cc_pdf_info_release(&info);
			goto out_free;
		}
	}
	*rec = make_record(o, hex, path, len, &info, stored);
	cc_pdf_info_release(&info);
out_free:
	if (rc < 0)
		cc_error_at(e, path, 0);
	free(stored);
	free(data);
	return rc;
}

/*
 * In list order: the first record of a hash is remembered; a later one
 * becomes a copy of the first with its own path and duplicate_of set.
 * Takes rec, returns the record to write.
 */
static json_t *w_settle(void *ctx, json_t *rec)
{
	struct cc_ingest_ctx *x = ctx;
	const char *hex = json_string_value(json_object_get(rec, "doc"));
	json_t *first = hex ? json_object_get(x->seen, hex) : NULL;
	json_t *dup;

	if (!hex)
		return rec;
	if (!first) {
		json_object_set(x->seen, hex, rec);
		return rec;
	}
	cc_count(&x->stats.duplicates, 1);
	dup = json_deep_copy(first);
	json_object_set(dup, "path", json_object_get(rec, "path"));
	json_object_set(dup, "duplicate_of", json_object_get(first, "path"));
	json_decref(rec);
	return dup;
}

/* A worker is a mupdf context (cc_pdf_worker_new()). */
static int w_record(void *ctx, void *w, const struct cc_record *rec,
		    int part, struct cc_out *out)
{
	struct cc_ingest_ctx *x = ctx;
	const char *path = json_string_value(json_object_get(rec->obj, "path"));
	struct cc_error e;
	json_t *doc = NULL;
	int rc;

	(void)part;
	if (strcmp(rec->kind, "path") != 0 || !path)
		return 0;
	rc = ingest_one(&x->opts, w, path, &doc, &e);
	cc_out_tick(out);
	if (rc < 0) {
		cc_count(&x->stats.rejected, 1);
		return cc_out_reject(out, &e, NULL);
	}
	cc_count(&x->stats.files, 1);
	return cc_out_record(out, doc);
}

const struct cc_stage cc_ingest_stage = {
	.name = "ingest", .group = CC_GROUP_NONE, .unit = "files",
	.effects = 1, .new = cc_pdf_worker_new, .free = cc_pdf_worker_free,
	.record = w_record, .settle = w_settle,
};

json_t *cc_ingest_item(const char *path)
{
	json_t *o = json_object();

	json_object_set_new(o, "kind", json_string("path"));
	/* the name's bytes as they are, UTF-8 or not: it is opened, and
	 * never written as it is (document records sanitise it) */
	json_object_set_new(o, "path", json_stringn_nocheck(path, strlen(path)));
	return o;
}
