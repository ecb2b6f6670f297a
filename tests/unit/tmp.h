/*
 * tmp.h -- a private temporary directory for one unit test program.
 *
 * tmp_dir() creates it on first use (mkdtemp under $TMPDIR, or /tmp),
 * as an absolute path, and registers its removal, contents and all, with
 * atexit(); tmp_path() names a file in it; tmp_write() creates one.
 * Include after "cc.h" and "tap.h".
 */
#ifndef CC_TMP_H
#define CC_TMP_H

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>

static char *tmp_dir_path;

static inline int tmp_rm_one(const char *path, const struct stat *st,
			     int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) != 0)
		fprintf(stderr, "# cannot remove '%s': %s\n", path,
			strerror(errno));
	return 0;
}

static inline void tmp_cleanup(void)
{
	if (!tmp_dir_path)
		return;
	nftw(tmp_dir_path, tmp_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(tmp_dir_path);
	tmp_dir_path = NULL;
}

static inline const char *tmp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char *templ, *abs;

	if (tmp_dir_path)
		return tmp_dir_path;
	if (!base || !*base)
		base = "/tmp";
	templ = cc_xasprintf("%s/cc-unit-XXXXXX", base);
	if (!mkdtemp(templ)) {
		fprintf(stderr, "# mkdtemp '%s': %s\n", templ,
			strerror(errno));
		printf("Bail out! cannot create a temporary directory\n");
		exit(1);
	}
	abs = realpath(templ, NULL);
	tmp_dir_path = abs ? abs : cc_xstrdup(templ);
	free(templ);
	atexit(tmp_cleanup);
	return tmp_dir_path;
}

/* A new string the caller frees: the path of name in the directory. */
static inline char *tmp_path(const char *name)
{
	return cc_xasprintf("%s/%s", tmp_dir(), name);
}

/* Create name with data[0..len); returns its path, the caller frees it. */
static inline char *tmp_write(const char *name, const void *data, size_t len)
{
	char *path = tmp_path(name);
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "# cannot write '%s': %s\n", path,
			strerror(errno));
		printf("Bail out! cannot write a temporary file\n");
		exit(1);
	}
	return path;
}

static inline char *tmp_write_str(const char *name, const char *text)
{
	return tmp_write(name, text, strlen(text));
}

#endif
