/*
 * letter_tmpl.c -- the letter templates: a small Mustache without
 * unescaped output, and the directory of templates by bureau and round.
 *
 * No template library in Debian 12 is a C library that renders from
 * jansson (mustach is not packaged), and the subset needed is small: a
 * template is parsed once into a tree, then printed for each letter.
 */
#include "base/cc.h"
#include "letter/letter.h"
#include "letter/impl.h"
#include "model/model.h"

#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>

enum { T_TEXT, T_VAR, T_SECTION, T_INVERTED };

struct tnode {
	int type;
	char *s;                 /* the text, or the name */
	size_t len;
	int line;
	struct tnode *kids;      /* a section's */
	size_t nkids, akids;
};

struct cc_tmpl {
	char *name;
	struct tnode root;
};

static void node_release(struct tnode *n)
{
	size_t i;

	for (i = 0; i < n->nkids; i++)
		node_release(&n->kids[i]);
	free(n->kids);
	free(n->s);
}

void cc_tmpl_free(struct cc_tmpl *t)
{
	if (!t)
		return;
	node_release(&t->root);
	free(t->name);
	free(t);
}

static struct tnode *add_kid(struct tnode *parent, int type, const char *s,
			     size_t len, int line)
{
	struct tnode *n;

	CC_GROW(parent->kids, parent->akids, parent->nkids + 1);
	n = &parent->kids[parent->nkids++];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->s = cc_xstrndup(s, len);
	n->len = len;
	n->line = line;
	return n;
}

static int count_lines(const char *s, const char *end)
{
	int n = 0;

	for (; s < end; s++)
		if (*s == '\n')
			n++;
	return n;
}

static int valid_name(const char *s, size_t len)
{
	size_t i;

	if (len == 1 && s[0] == '.')
		return 1;
	if (!len || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
		    !(s[i] == '.' && s[i + 1] != '.'))
			return 0;
	return 1;
}

#define MAX_DEPTH 16

int cc_tmpl_parse(const char *name, const char *src, size_t len,
		  struct cc_tmpl **out, struct cc_error *e)
{
	struct cc_tmpl *t = cc_xcalloc(1, sizeof(*t));
	struct tnode *stack[MAX_DEPTH + 1];
	const char *p = src, *end = src + len, *open, *close, *a, *b;
	int depth = 0, line = 1;
	char kind;

	*out = NULL;
	t->name = cc_xstrdup(name);
	stack[0] = &t->root;
	if (memchr(src, '\0', len)) {
		cc_error_set(e, CC_ERR_CONFIG, "letter.template",
			     "a NUL byte in the template");
		goto out_bad;
	}
	while (p < end) {
		open = memmem(p, (size_t)(end - p), "{{", 2);
		if (!open) {
			add_kid(stack[depth], T_TEXT, p, (size_t)(end - p), line);
			break;
		}
		if (open > p)
			add_kid(stack[depth], T_TEXT, p, (size_t)(open - p), line);
		line += count_lines(p, open);
		close = memmem(open + 2, (size_t)(end - open - 2), "}}", 2);
		if (!close) {
			cc_error_set(e, CC_ERR_CONFIG, "letter.template",
				     "'{{' without '}}'");
			goto out_bad;
		}
		a = open + 2;
		b = close;
		kind = *a;
		if (kind == '!') {
			/* a comment, which may span lines */
			line += count_lines(open, close);
			p = close + 2;
			continue;
		}
		if (kind == '{' || kind == '&') {
			cc_error_set(e, CC_ERR_CONFIG, "letter.template",
				     "unescaped output '{{%c' is not allowed: "
				     "every value is escaped", kind);
			goto out_bad;
		}
		if (kind == '>' || kind == '=') {
			cc_error_set(e, CC_ERR_CONFIG, "letter.template",
				     "'{{%c' (%s) is not supported", kind,
				     kind == '>' ? "partials" : "new delimiters");
			goto out_bad;
		}
		if (kind == '#' || kind == '^' || kind == '/')
			a++;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (!valid_name(a, (size_t)(b - a))) {
			cc_error_set(e, CC_ERR_CONFIG, "letter.template",
				     "'%.*s' is not a name", (int)(close - open + 2),
				     open);
			goto out_bad;
		}
		switch (kind) {
		case '#':
		case '^':
			if (depth == MAX_DEPTH) {
				cc_error_set(e, CC_ERR_CONFIG, "letter.template",
					     "sections nested more than %d deep",
					     MAX_DEPTH);
				goto out_bad;
			}
			stack[depth + 1] = add_kid(stack[depth], kind == '#' ?
						   T_SECTION : T_INVERTED, a,
						   (size_t)(b - a), line);
			depth++;
			break;
		case '/':
			if (!depth || stack[depth]->len != (size_t)(b - a) ||
			    memcmp(stack[depth]->s, a, (size_t)(b - a)) != 0) {
				if (depth)
					cc_error_set(e, CC_ERR_CONFIG, "letter.template",
						     "'{{/%.*s}}' closes section '%s' "
						     "of line %d", (int)(b - a), a,
						     stack[depth]->s, stack[depth]->line);
				else
					cc_error_set(e, CC_ERR_CONFIG, "letter.template",
						     "'{{/%.*s}}' closes no section",
						     (int)(b - a), a);
				goto out_bad;
			}
			depth--;
			break;
		default:
			add_kid(stack[depth], T_VAR, a, (size_t)(b - a), line);
			break;
		}
		line += count_lines(open, close);
		p = close + 2;
	}
	if (depth) {
		line = stack[depth]->line;
		cc_error_set(e, CC_ERR_CONFIG, "letter.template",
			     "section '%s' is not closed", stack[depth]->s);
		goto out_bad;
	}
	*out = t;
	return 0;

out_bad:
	cc_error_at(e, name, line);
	cc_tmpl_free(t);
	return CC_ERR_CONFIG;
}

/* --- printing ----------------------------------------------------------- */

struct render {
	const struct cc_tmpl *t;
	json_t *ctx[MAX_DEPTH + 2];
	int depth;
	struct cc_buf *out;
	struct cc_error *e;
};

/*
 * The value of name: its first part looked up from the innermost
 * context out, the rest walked into objects.  A null on the way gives
 * null.  NULL when no context has it.
 */
static json_t *lookup(const struct render *r, const char *name, int *found)
{
	const char *dot = strchr(name, '.');
	size_t first = dot ? (size_t)(dot - name) : strlen(name);
	json_t *v = NULL;
	char key[128];
	int i;

	*found = 0;
	if (!strcmp(name, "."))  {
		*found = 1;
		return r->ctx[r->depth];
	}
	if (first >= sizeof(key))
		return NULL;
	memcpy(key, name, first);
	key[first] = '\0';
	for (i = r->depth; i >= 0; i--) {
		if (json_is_object(r->ctx[i]) &&
		    (v = json_object_get(r->ctx[i], key)) != NULL)
			break;
	}
	if (i < 0)
		return NULL;
	while (dot) {
		const char *part = dot + 1;

		dot = strchr(part, '.');
		first = dot ? (size_t)(dot - part) : strlen(part);
		if (first >= sizeof(key))
			return NULL;
		memcpy(key, part, first);
		key[first] = '\0';
		if (json_is_null(v)) {
			*found = 1;
			return v;
		}
		if (!json_is_object(v) || !(v = json_object_get(v, key)))
			return NULL;
	}
	*found = 1;
	return v;
}

static int falsy(json_t *v)
{
	return !v || json_is_null(v) || json_is_false(v) ||
	       (json_is_string(v) && !json_string_length(v)) ||
	       (json_is_array(v) && !json_array_size(v));
}

static int fail(struct render *r, const struct tnode *n, const char *fmt,
		const char *name)
{
	cc_error_set(r->e, CC_ERR_CONFIG, "letter.template", fmt, name);
	cc_error_at(r->e, r->t->name, n->line);
	return CC_ERR_CONFIG;
}

static int render_nodes(struct render *r, const struct tnode *parent);

static int render_section(struct render *r, const struct tnode *n, json_t *v)
{
	size_t i;
	json_t *el;
	int rc;

	if (r->depth >= MAX_DEPTH)
		return fail(r, n, "section '%s' nested too deep", n->s);
	if (json_is_array(v)) {
		json_array_foreach(v, i, el) {
			r->ctx[++r->depth] = el;
			rc = render_nodes(r, n);
			r->depth--;
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	r->ctx[++r->depth] = v;
	rc = render_nodes(r, n);
	r->depth--;
	return rc;
}

static int render_nodes(struct render *r, const struct tnode *parent)
{
	const struct tnode *n;
	json_t *v;
	size_t i;
	int found, rc;

	for (i = 0; i < parent->nkids; i++) {
		n = &parent->kids[i];
		if (n->type == T_TEXT) {
			cc_buf_add(r->out, n->s, n->len);
			continue;
		}
		v = lookup(r, n->s, &found);
		if (!found)
			return fail(r, n, "unknown name '%s'", n->s);
		switch (n->type) {
		case T_VAR:
			if (json_is_string(v))
				cc_buf_add_html(r->out, json_string_value(v));
			else if (json_is_integer(v))
				cc_buf_addf(r->out, "%" JSON_INTEGER_FORMAT,
					    json_integer_value(v));
			else if (json_is_real(v))
				cc_buf_addf(r->out, "%g", json_real_value(v));
			else if (json_is_true(v))
				cc_buf_adds(r->out, "true");
			else if (!json_is_null(v) && !json_is_false(v))
				return fail(r, n, "'%s' is a list or an object, "
					    "not a value: use a section", n->s);
			break;
		case T_SECTION:
			if (!falsy(v) && (rc = render_section(r, n, v)) < 0)
				return rc;
			break;
		case T_INVERTED:
			if (falsy(v) && (rc = render_nodes(r, n)) < 0)
				return rc;
			break;
		}
	}
	return 0;
}

int cc_tmpl_render(const struct cc_tmpl *t, json_t *view, struct cc_buf *out,
		   struct cc_error *e)
{
	struct render r;

	memset(&r, 0, sizeof(r));
	r.t = t;
	r.ctx[0] = view;
	r.out = out;
	r.e = e;
	return render_nodes(&r, &t->root);
}

/* --- the directory ------------------------------------------------------ */

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
			rc = cc_tmpl_parse(path, data, len, &f.t, e);
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
