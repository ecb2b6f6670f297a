#include "base/cc.h"
#include "ingest/paths.h"

#include <dirent.h>
#include <sys/stat.h>

void cc_pathlist_release(struct cc_pathlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

static void push(struct cc_pathlist *l, char *path)
{
	CC_GROW(l->v, l->alloc, l->n + 1);
	l->v[l->n++] = path;
}

static int has_pdf_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(struct cc_pathlist *l, const char *dir, int depth,
		    struct cc_error *e)
{
	struct cc_pathlist names = { 0 };
	struct dirent *de;
	struct stat st;
	size_t i;
	int rc = 0, r;
	DIR *d;

	if (depth > 64)
		return cc_error_set(e, CC_ERR_IO, "file.unreadable",
				    "'%s': directories nested too deep", dir);
	d = opendir(dir);
	if (!d)
		return cc_error_set(e, CC_ERR_NOINPUT, "file.unreadable",
				    "cannot read directory '%s': %s", dir,
				    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		push(&names, cc_xstrdup(de->d_name));
	}
	closedir(d);
	qsort(names.v, names.n, sizeof(char *), cmp_names);
	for (i = 0; i < names.n; i++) {
		size_t dl = strlen(dir);
		char *path = cc_xasprintf("%s%s%s", dir,
					  dl && dir[dl - 1] == '/' ? "" : "/",
					  names.v[i]);

		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			r = walk_dir(l, path, depth + 1, e);
			if (r < 0 && rc == 0)
				rc = r;
			free(path);
		} else if (has_pdf_suffix(names.v[i]) &&
			   stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			push(l, path);
		} else {
			free(path);
		}
	}
	cc_pathlist_release(&names);
	return rc;
}

int cc_pathlist_add(struct cc_pathlist *l, const char *operand,
		    struct cc_error *e)
{
	struct stat st;

	if (stat(operand, &st) == 0 && S_ISDIR(st.st_mode))
		return walk_dir(l, operand, 0, e);
	push(l, cc_xstrdup(operand));
	return 0;
}

int cc_pathlist_read(struct cc_pathlist *l, FILE *f, int nul,
		     struct cc_error *e)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int sep = nul ? '\0' : '\n';

	while ((n = getdelim(&line, &cap, sep, f)) > 0) {
		if (line[n - 1] == sep)
			line[--n] = '\0';
		if (!nul && n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n)
			push(l, cc_xstrndup(line, (size_t)n));
	}
	free(line);
	if (ferror(f))
		return cc_error_set(e, CC_ERR_IO, "input.read",
				    "error reading the list of files: %s",
				    strerror(errno));
	return 0;
}
