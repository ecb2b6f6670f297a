/*
 * write.c -- records on stdout (write.h): the tool layer's, as a
 * record filter's output is.
 */
#include "base/cc.h"
#include "record/record.h"
#include "tool/write.h"

static int unbuffered_out;

void cc_writer_init(int unbuffered)
{
	static char buf[1 << 16];
	static int done;

	unbuffered_out = unbuffered;
	/* setvbuf() only before the first output */
	if (!unbuffered && !done)
		setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	done = 1;
}

static int flush_maybe(void)
{
	if (unbuffered_out && fflush(stdout) != 0)
		return CC_ERR_IO;
	return ferror(stdout) ? CC_ERR_IO : 0;
}

int cc_write_json(json_t *rec)
{
	/* one buffer, reused (jansson's own file output writes token by
	 * token): stdout has one writer at a time, the calling thread or
	 * the driver's writer (lib/stage/driver.c) */
	static char *buf;
	static size_t size;
	size_t n = json_dumpb(rec, buf, size, CC_JSON_FLAGS);

	if (n == 0)
		return CC_ERR_IO;
	if (n + 1 > size) {
		size = n + 1 > 2 * size ? n + 1 : 2 * size;
		buf = cc_xrealloc(buf, size);
		n = json_dumpb(rec, buf, size, CC_JSON_FLAGS);
		if (n == 0 || n + 1 > size)
			return CC_ERR_IO;
	}
	buf[n] = '\n';
	if (fwrite(buf, 1, n + 1, stdout) != n + 1)
		return CC_ERR_IO;
	return flush_maybe();
}

int cc_write_raw(const char *line, size_t len)
{
	if (fwrite(line, 1, len, stdout) != len || putchar('\n') == EOF)
		return CC_ERR_IO;
	return flush_maybe();
}

