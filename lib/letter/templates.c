/*
 * templates.c -- the directory of letter templates: which file is the
 * template of which part (cover, letter, style) for which bureau and
 * round, and each loaded, parsed (lib/tmpl) and checked against the
 * example views (letter_check_template()) before any input is read.
 */
#include "base/cc.h"
#include "letter/letter.h"
#include "letter/impl.h"
#include "model/model.h"
#include "tmpl/tmpl.h"

#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>

enum { F_COVER, F_LETTER, F_CSS, F_KINDS };

static const char *const kind_base[F_KINDS] = { "cover", "letter", "letter" };
static const char *const kind_ext[F_KINDS] = { ".html", ".html", ".css" };

struct tfile {
	char *name;              /* the file name */
	int kind;
	int bureau;              /* enum cc_bureau, -1 for all */
	long round;              /* 0 for every round */
	struct cc_tmpl *t;       /* the HTML templates' */
	char *css;               /* the style sheet's */
};

struct cc_letter_templates {
	char *dir;
	struct tfile *v;
	size_t n, alloc;
};

void cc_letter_templates_free(struct cc_letter_templates *T)
{
	size_t i;

	if (!T)
		return;
	for (i = 0; i < T->n; i++) {
		free(T->v[i].name);
		cc_tmpl_free(T->v[i].t);
		free(T->v[i].css);
	}
	free(T->v);
	free(T->dir);
	free(T);
}

/*
 * Which template a file name is: 1 and *f filled, 0 for a file that is
 * no template, -1 for a cover-* or letter-* name that fits no pattern.
 */
static int parse_name(const char *name, struct tfile *f)
{
	const char *p, *ext;
	size_t blen;
	int k, b;
	long round;

	for (k = 0; k < F_KINDS; k++) {
		blen = strlen(kind_base[k]);
		if (strncmp(name, kind_base[k], blen) != 0 ||
		    (name[blen] != '.' && name[blen] != '-'))
			continue;
		ext = strrchr(name, '.');
		if (!ext || strcmp(ext, kind_ext[k]) != 0)
			continue;
		f->kind = k;
		f->bureau = -1;
		f->round = 0;
		p = name + blen;
		if (*p == '-') {
			for (b = 0; b < CC_BUREAU_COUNT; b++) {
				size_t n = strlen(cc_bureaus[b].id);

				if (!strncmp(p + 1, cc_bureaus[b].id, n) &&
				    (p[1 + n] == '-' || p + 1 + n == ext)) {
					f->bureau = b;
					p += 1 + n;
					break;
				}
			}
		}
		if (*p == '-' && !strncmp(p + 1, "round", 5) &&
		    isdigit((unsigned char)p[6]) && p[6] != '0') {
			round = 0;
			for (p += 6; isdigit((unsigned char)*p) && round < 1000; p++)
				round = round * 10 + (*p - '0');
			f->round = round;
		}
		return p == ext ? 1 : -1;
	}
	for (k = 0; k < F_KINDS; k++) {
		blen = strlen(kind_base[k]);
		if (!strncmp(name, kind_base[k], blen) && name[blen] == '-')
			return -1;
	}
	return 0;
}

int letter_template_error(int rc, struct cc_error *e)
{
	if (rc < 0)
		snprintf(e->id, sizeof(e->id), "%s", "letter.template");
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct tfile *)a)->name,
		      ((const struct tfile *)b)->name);
}

static const struct tfile *pick(const struct cc_letter_templates *T, int kind,
				int bureau, long round)
{
	const struct tfile *best = NULL;
	size_t i;

	for (i = 0; i < T->n; i++) {
		const struct tfile *f = &T->v[i];

		if (f->kind != kind || f->round > round ||
		    (f->bureau >= 0 && f->bureau != bureau))
			continue;
		if (!best || f->round > best->round ||
		    (f->round == best->round && f->bureau > best->bureau))
			best = f;
	}
	return best;
}

void cc_letter_templates_pick(const struct cc_letter_templates *T,
			      const char *bureau, long round,
			      const char **cover, const char **letter,
			      const char **css)
{
	int b = cc_bureau_of(bureau);

	*cover = pick(T, F_COVER, b, round)->name;
	*letter = pick(T, F_LETTER, b, round)->name;
	*css = pick(T, F_CSS, b, round)->name;
}

void letter_templates_choose(const struct cc_letter_templates *T, int bureau,
			     long round, const struct cc_tmpl **cover,
			     const struct cc_tmpl **letter, const char **css)
{
	*cover = pick(T, F_COVER, bureau, round)->t;
	*letter = pick(T, F_LETTER, bureau, round)->t;
	*css = pick(T, F_CSS, bureau, round)->css;
}

static int read_file(const char *path, char **data, size_t *len,
		     struct cc_error *e)
{
	FILE *f = fopen(path, "rb");
	struct cc_buf b = { 0 };
	char chunk[8192];
	size_t n;

	if (!f)
		return cc_error_set(e, CC_ERR_NOINPUT, "letter.template",
				    "cannot open '%s': %s", path,
				    strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		cc_buf_add(&b, chunk, n);
		if (b.len > (4u << 20)) {
			fclose(f);
			cc_buf_release(&b);
			return cc_error_set(e, CC_ERR_CONFIG, "letter.template",
					    "'%s' is larger than 4 MiB", path);
		}
	}
	if (ferror(f)) {
		fclose(f);
		cc_buf_release(&b);
		return cc_error_set(e, CC_ERR_NOINPUT, "letter.template",
				    "cannot read '%s': %s", path,
				    strerror(errno));
	}
	fclose(f);
	*len = b.len;
	*data = cc_buf_detach(&b);
	return 0;
}

int cc_letter_templates_load(const char *dir,
			     struct cc_letter_templates **out,
			     struct cc_error *e)
{
	struct cc_letter_templates *T = cc_xcalloc(1, sizeof(*T));
	struct dirent *de;
	struct tfile f;
	DIR *d;
	char *path, *data;
	size_t len, i;
	int rc = 0, k, r;

	*out = NULL;
	T->dir = cc_xstrdup(dir);
	d = opendir(dir);
	if (!d) {
		rc = cc_error_set(e, CC_ERR_NOINPUT, "letter.template",
				  "cannot open the templates directory '%s': %s",
				  dir, strerror(errno));
		goto out_free;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		memset(&f, 0, sizeof(f));
		r = parse_name(de->d_name, &f);
		if (r == 0)
			continue;
		path = cc_xasprintf("%s/%s", dir, de->d_name);
		if (r < 0) {
			rc = cc_error_set(e, CC_ERR_CONFIG, "letter.template",
					  "'%s' is not a template name: expected "
					  "cover, letter (.html) or letter (.css), "
					  "then -BUREAU, -roundN or both", path);
			free(path);
			break;
		}
		rc = read_file(path, &data, &len, e);
		if (rc == 0 && f.kind == F_CSS) {
			f.css = data;
		} else if (rc == 0) {
			rc = letter_template_error(cc_tmpl_parse(path, data,
							len, &f.t, e), e);
			free(data);
		}
		free(path);
		if (rc < 0)
			break;
		f.name = cc_xstrdup(de->d_name);
		CC_GROW(T->v, T->alloc, T->n + 1);
		T->v[T->n++] = f;
	}
	closedir(d);
	if (rc < 0)
		goto out_free;
	/* the order of readdir() is the file system's: make it ours */
	if (T->n > 1)
		qsort(T->v, T->n, sizeof(*T->v), by_name);
	for (k = 0; k < F_KINDS; k++) {
		if (pick(T, k, -1, 0))
			continue;
		rc = cc_error_set(e, CC_ERR_NOINPUT, "letter.template",
				  "no %s%s in the templates directory '%s'",
				  kind_base[k], kind_ext[k], dir);
		goto out_free;
	}
	/* print each once with example views: a misspelt name shows now */
	for (i = 0; i < T->n; i++) {
		if (T->v[i].t && (rc = letter_check_template(T->v[i].t, e)) < 0)
			goto out_free;
	}
	*out = T;
	return 0;

out_free:
	cc_letter_templates_free(T);
	return rc;
}
