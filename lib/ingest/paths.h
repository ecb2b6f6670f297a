/*
 * paths.h -- the PDF files a run is given: operands, directories walked
 * for *.pdf files, and lists of paths (--files-from).
 */
#ifndef CC_PATHS_H
#define CC_PATHS_H

#include <stdio.h>

#include "base/error.h"

struct cc_pathlist {
	char **v;
	size_t n, alloc;
};

void cc_pathlist_release(struct cc_pathlist *l);

/*
 * Add an operand: a directory is walked for *.pdf files (any case), depth
 * first, each directory's entries in byte order of their names, skipping
 * names that begin with "." and symbolic links to directories; anything
 * else is added as given (ingesting it reports what is wrong with it).
 * 0, or CC_ERR_NOINPUT / CC_ERR_IO when a directory cannot be read (the
 * entries read before the failure are kept).
 */
int cc_pathlist_add(struct cc_pathlist *l, const char *operand,
		    struct cc_error *e);

/*
 * Append the paths listed in f, one per line (NUL-separated when nul is
 * set), as they are: the caller passes each to cc_pathlist_add().  Empty
 * lines are skipped.  0 or CC_ERR_IO.
 */
int cc_pathlist_read(struct cc_pathlist *l, FILE *f, int nul,
		     struct cc_error *e);

#endif
