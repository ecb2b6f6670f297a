#include "cc.h"
#include "diag.h"
#include "stream.h"

int cc_stream_run(const char *const *sources, int n,
		  const struct cc_stream_opts *o, cc_record_fn fn, void *arg)
{
	struct cc_reader *r = cc_reader_new(sources, n, o->max_record);
	struct cc_record rec;
	struct cc_error e;
	int status = CC_EXIT_OK, rc;

	cc_error_clear(&e);
	for (;;) {
		rc = cc_reader_next(r, &rec, &e);
		if (rc == 0)
			break;
		if (rc < 0) {
			if (cc_reject(o->stage, &e, NULL, &status) < 0)
				goto out_io;
			if (o->strict)
				break;
			continue;
		}
		rc = fn ? fn(&rec, arg, &status) :
			  cc_write_raw(rec.raw, rec.raw_len);
		if (rc < 0)
			goto out_io;
		if (o->strict && status != CC_EXIT_OK)
			break;
	}
	cc_reader_free(r);
	return status;

out_io:
	cc_reader_free(r);
	cc_warn("write error on standard output: %s", strerror(errno));
	return CC_EXIT_IOERR;
}
