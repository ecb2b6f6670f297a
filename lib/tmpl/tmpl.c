/*
 * tmpl.c -- the template engine (tmpl.h): a template parsed into a tree
 * of text, values and sections, then printed from a JSON view.
 */
#include "base/cc.h"
#include "tmpl/tmpl.h"

#include <ctype.h>

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
		cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
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
			cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
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
			cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
				     "unescaped output '{{%c' is not allowed: "
				     "every value is escaped", kind);
			goto out_bad;
		}
		if (kind == '>' || kind == '=') {
			cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
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
			cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
				     "'%.*s' is not a name", (int)(close - open + 2),
				     open);
			goto out_bad;
		}
		switch (kind) {
		case '#':
		case '^':
			if (depth == MAX_DEPTH) {
				cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
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
					cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
						     "'{{/%.*s}}' closes section '%s' "
						     "of line %d", (int)(b - a), a,
						     stack[depth]->s, stack[depth]->line);
				else
					cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
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
		cc_error_set(e, CC_ERR_CONFIG, "template.syntax",
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
	cc_error_set(r->e, CC_ERR_CONFIG, "template.render", fmt, name);
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
