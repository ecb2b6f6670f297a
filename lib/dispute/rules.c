/*
 * dispute_rules.c -- the rules of cc-dispute (YAML: which reasons are on,
 * the cap on items, what to skip, the bureaus' addresses, the wording of
 * each reason), the analyst's selection file (NDJSON or YAML), and the
 * text templates.  Their formats are in cc-dispute(1).
 */
#include "base/cc.h"
#include "dispute/impl.h"
#include "model/date.h"
#include "model/model.h"

#include <ctype.h>
#include <sys/stat.h>
#include <yaml.h>

const char *const d_action_names[3] = { "delete", "correct", "verify" };

static const char *const reason_names[CC_DR_COUNT] = {
	"not_mine", "identity_theft", "other", "obsolete", "duplicate",
	"cross_bureau_mismatch", "paid_with_balance",
	"inaccurate_payment_history", "unverifiable", "missing_limit",
	"not_marked_disputed",
};

/* The built-in action of each reason, and whether it also applies to a
 * tradeline that is not negative. */
static const struct { int action, positive; } reason_defaults[CC_DR_COUNT] = {
	[CC_DR_NOT_MINE] = { DA_DELETE, 1 },
	[CC_DR_IDENTITY_THEFT] = { DA_DELETE, 1 },
	[CC_DR_OTHER] = { DA_CORRECT, 1 },
	[CC_DR_OBSOLETE] = { DA_DELETE, 0 },
	[CC_DR_DUPLICATE] = { DA_DELETE, 0 },
	[CC_DR_MISMATCH] = { DA_CORRECT, 0 },
	[CC_DR_PAID_BALANCE] = { DA_CORRECT, 1 },
	[CC_DR_HISTORY] = { DA_CORRECT, 0 },
	[CC_DR_UNVERIFIABLE] = { DA_VERIFY, 0 },
	[CC_DR_MISSING_LIMIT] = { DA_CORRECT, 1 },
	[CC_DR_NOT_MARKED] = { DA_CORRECT, 0 },
};

static const char *const placeholders[] = {
	"creditor", "account_mask", "bureau", "original_creditor", "balance",
	"status", "removal_date", "dofd", "as_of", "limit", "high_balance",
	"detail", "reason", "previous_date", "round", NULL,
};

const char *cc_dispute_reason_name(int r)
{
	return r >= 0 && r < CC_DR_COUNT ? reason_names[r] : NULL;
}

const char *cc_dispute_action_name(int a)
{
	return a >= 0 && a < CC_DISPUTE_ACTION_COUNT ? d_action_names[a] : NULL;
}

int cc_dispute_reason_of(const char *name)
{
	return cc_name_index(reason_names, sizeof(char *), CC_DR_COUNT, name);
}

int d_action_of(const char *s)
{
	return cc_name_index(d_action_names, sizeof(char *), 3, s);
}

int d_placeholder_known(const char *name, size_t len)
{
	size_t i;

	for (i = 0; placeholders[i]; i++)
		if (strlen(placeholders[i]) == len && !memcmp(placeholders[i], name, len))
			return 1;
	return 0;
}

/* --- templates ------------------------------------------------------------ */

/* Where a template goes wrong: NULL when it is good, else a message. */
static const char *template_problem(const char *t, char *buf, size_t len)
{
	const char *p, *q;

	for (p = t; *p; p++) {
		if (*p != '{')
			continue;
		if (p[1] == '{') {
			p++;
			continue;
		}
		q = strchr(p + 1, '}');
		if (!q) {
			snprintf(buf, len, "a '{' without its '}'");
			return buf;
		}
		if (!d_placeholder_known(p + 1, (size_t)(q - p - 1))) {
			char *shown = cc_utf8_sanitize(p + 1, (size_t)(q - p - 1));

			snprintf(buf, len, "unknown placeholder '{%.100s}'", shown);
			free(shown);
			return buf;
		}
		p = q;
	}
	return NULL;
}

void d_render(struct cc_buf *b, const char *tpl, d_lookup_fn fn, void *arg)
{
	struct cc_buf raw = { 0 };
	const char *p, *q, *v;
	size_t i, start;
	int sp = 0;

	for (p = tpl; *p; p++) {
		if (p[0] == '{' && p[1] == '{') {
			cc_buf_add(&raw, "{", 1);
			p++;
		} else if (p[0] == '}' && p[1] == '}') {
			cc_buf_add(&raw, "}", 1);
			p++;
		} else if (p[0] == '{' && (q = strchr(p + 1, '}')) != NULL) {
			v = fn(p + 1, (size_t)(q - p - 1), arg);
			cc_buf_adds(&raw, v ? v : "unknown");
			p = q;
		} else {
			cc_buf_add(&raw, p, 1);
		}
	}
	/* one space for each run, none at the ends */
	start = b->len;
	for (i = 0; i < raw.len; i++) {
		unsigned char c = (unsigned char)raw.s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = 1;
			continue;
		}
		if (sp && b->len > start)
			cc_buf_add(b, " ", 1);
		sp = 0;
		cc_buf_add(b, raw.s + i, 1);
	}
	cc_buf_release(&raw);
}

/* --- rules ---------------------------------------------------------------- */

struct cc_dispute_rules *cc_dispute_rules_new(void)
{
	struct cc_dispute_rules *R = cc_xcalloc(1, sizeof(*R));
	int r;

	for (r = 0; r < CC_DR_COUNT; r++) {
		R->r[r].enabled = 1;
		R->r[r].positive = reason_defaults[r].positive;
		R->r[r].action = reason_defaults[r].action;
	}
	return R;
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void cc_dispute_rules_free(struct cc_dispute_rules *R)
{
	int i;

	if (!R)
		return;
	free_strings(R->skip_creditors, R->nskip_creditors);
	for (i = 0; i < CC_BUREAU_COUNT; i++) {
		free(R->bureau[i].name);
		free_strings(R->bureau[i].lines, R->bureau[i].nlines);
	}
	for (i = 0; i < CC_DR_COUNT; i++)
		free(R->r[i].text);
	free(R->followup);
	free(R->followup_undated);
	free(R->file);
	free(R);
}

struct ld {
	yaml_document_t doc;
	const char *path;
	const char *id;          /* "rules.invalid" or "select.invalid" */
	struct cc_error *e;
};

static int bad(struct ld *d, yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int bad(struct ld *d, yaml_node_t *n, const char *fmt, ...)
{
	char msg[sizeof(d->e->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cc_error_set(d->e, CC_ERR_CONFIG, d->id, "%s", msg);
	cc_error_at(d->e, d->path, n ? (long)n->start_mark.line + 1 : 0);
	return -1;
}

static const char *scalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int is_null(yaml_node_t *n)
{
	const char *s = scalar(n);

	return s && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*s || !strcmp(s, "~") || !strcmp(s, "null"));
}

static yaml_node_t *node(struct ld *d, int id)
{
	return yaml_document_get_node(&d->doc, id);
}

/* The key of a pair as a string, shown safely in messages. */
static int key_of(struct ld *d, yaml_node_pair_t *p, const char **k,
		  yaml_node_t **kn, yaml_node_t **vn)
{
	*kn = node(d, p->key);
	*vn = node(d, p->value);
	*k = scalar(*kn);
	if (!*k || !*vn)
		return bad(d, *kn, "keys must be plain names");
	return 0;
}

static int unknown_key(struct ld *d, yaml_node_t *kn, const char *k,
		       const char *where)
{
	char *shown = cc_utf8_sanitize(k, strlen(k));
	int rc = bad(d, kn, "unknown key '%.200s'%s", shown, where);

	free(shown);
	return rc;
}

/* A string with no NUL inside; a new copy in *out (replacing it). */
static int string_of(struct ld *d, yaml_node_t *n, const char *what, char **out)
{
	const char *s = scalar(n);

	if (!s || is_null(n))
		return bad(d, n, "%s: expected a string", what);
	if (strlen(s) != n->data.scalar.length)
		return bad(d, n, "%s: a NUL character in the value", what);
	if (!cc_utf8_valid(s, strlen(s)))
		return bad(d, n, "%s: not valid UTF-8", what);
	free(*out);
	*out = cc_xstrdup(s);
	return 0;
}

static int bool_of(struct ld *d, yaml_node_t *n, const char *what, int *out)
{
	static const char *yes[] = { "true", "yes", "on", NULL };
	static const char *no[] = { "false", "no", "off", NULL };
	const char *s = scalar(n);
	int i;

	for (i = 0; s && yes[i]; i++)
		if (!strcasecmp(s, yes[i]))
			return *out = 1, 0;
	for (i = 0; s && no[i]; i++)
		if (!strcasecmp(s, no[i]))
			return *out = 0, 0;
	return bad(d, n, "%s: expected true or false", what);
}

/* A list of strings (or one string); a new array, replacing *out. */
static int strings_of(struct ld *d, yaml_node_t *n, const char *what,
		      char ***out, size_t *nout)
{
	yaml_node_item_t *it;
	char **v = NULL, *s;
	size_t nv = 0;

	if (is_null(n)) {
		free_strings(*out, *nout);
		*out = NULL;
		*nout = 0;
		return 0;
	}
	if (n->type == YAML_SCALAR_NODE) {
		s = NULL;
		if (string_of(d, n, what, &s) < 0)
			return -1;
		v = cc_xmalloc(sizeof(char *));
		v[nv++] = s;
	} else if (n->type == YAML_SEQUENCE_NODE) {
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
			s = NULL;
			if (string_of(d, node(d, *it), what, &s) < 0) {
				free_strings(v, nv);
				return -1;
			}
			v = cc_xreallocarray(v, nv + 1, sizeof(char *));
			v[nv++] = s;
		}
	} else {
		return bad(d, n, "%s: expected a list of strings", what);
	}
	free_strings(*out, *nout);
	*out = v;
	*nout = nv;
	return 0;
}

static int text_of(struct ld *d, yaml_node_t *n, const char *what, char **out)
{
	char buf[200];
	const char *why;
	char *s = NULL;

	if (string_of(d, n, what, &s) < 0)
		return -1;
	if ((why = template_problem(s, buf, sizeof(buf))) != NULL) {
		free(s);
		return bad(d, n, "%s: %s", what, why);
	}
	free(*out);
	*out = s;
	return 0;
}

static int expect_map(struct ld *d, yaml_node_t *n, const char *what)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(d, n, "%s: expected a mapping", what);
	return 0;
}

static int skip_of(struct ld *d, struct cc_dispute_rules *R, yaml_node_t *n)
{
	yaml_node_pair_t *p;
	yaml_node_t *kn, *vn;
	const char *k;

	if (is_null(n))
		return 0;
	if (expect_map(d, n, "skip") < 0)
		return -1;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		if (key_of(d, p, &k, &kn, &vn) < 0)
			return -1;
		if (!strcmp(k, "creditors")) {
			if (strings_of(d, vn, "skip.creditors", &R->skip_creditors,
				       &R->nskip_creditors) < 0)
				return -1;
		} else if (!strcmp(k, "negative_reasons")) {
			char **v = NULL;
			size_t nv = 0, i;
			unsigned bits = 0;
			int r;

			if (strings_of(d, vn, "skip.negative_reasons", &v, &nv) < 0)
				return -1;
			for (i = 0; i < nv; i++) {
				for (r = 0; r < RS_COUNT; r++)
					if (!strcmp(cc_reason_name(r), v[i]))
						break;
				if (r == RS_COUNT) {
					char *shown = cc_utf8_sanitize(v[i], strlen(v[i]));

					bad(d, vn, "skip.negative_reasons: '%.100s' is not a "
					    "reason of cc-records(5)", shown);
					free(shown);
					free_strings(v, nv);
					return -1;
				}
				bits |= 1u << r;
			}
			free_strings(v, nv);
			R->skip_reasons = bits;
			R->skip_reasons_set = 1;
		} else {
			return unknown_key(d, kn, k, " in skip");
		}
	}
	return 0;
}

static int bureaus_of(struct ld *d, struct cc_dispute_rules *R, yaml_node_t *n)
{
	yaml_node_pair_t *p, *q;
	yaml_node_t *kn, *vn, *kn2, *vn2;
	const char *k, *k2;
	char what[64];
	int b;

	if (expect_map(d, n, "bureaus") < 0)
		return -1;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		if (key_of(d, p, &k, &kn, &vn) < 0)
			return -1;
		if ((b = cc_bureau_of(k)) < 0) {
			char *shown = cc_utf8_sanitize(k, strlen(k));

			bad(d, kn, "unknown bureau '%.100s': expected equifax, "
			    "experian or transunion", shown);
			free(shown);
			return -1;
		}
		snprintf(what, sizeof(what), "bureaus.%s", k);
		if (expect_map(d, vn, what) < 0)
			return -1;
		for (q = vn->data.mapping.pairs.start; q < vn->data.mapping.pairs.top; q++) {
			if (key_of(d, q, &k2, &kn2, &vn2) < 0)
				return -1;
			snprintf(what, sizeof(what), "bureaus.%s.%s", k, k2);
			if (!strcmp(k2, "name")) {
				if (string_of(d, vn2, what, &R->bureau[b].name) < 0)
					return -1;
			} else if (!strcmp(k2, "lines")) {
				if (strings_of(d, vn2, what, &R->bureau[b].lines,
					       &R->bureau[b].nlines) < 0)
					return -1;
			} else {
				return unknown_key(d, kn2, k2, "");
			}
		}
	}
	return 0;
}

static int reasons_of(struct ld *d, struct cc_dispute_rules *R, yaml_node_t *n)
{
	yaml_node_pair_t *p, *q;
	yaml_node_t *kn, *vn, *kn2, *vn2;
	const char *k, *k2;
	char what[80];
	int r, a;

	if (expect_map(d, n, "reasons") < 0)
		return -1;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		if (key_of(d, p, &k, &kn, &vn) < 0)
			return -1;
		if ((r = cc_dispute_reason_of(k)) < 0) {
			char *shown = cc_utf8_sanitize(k, strlen(k));

			bad(d, kn, "unknown reason '%.100s'", shown);
			free(shown);
			return -1;
		}
		snprintf(what, sizeof(what), "reasons.%s", k);
		if (expect_map(d, vn, what) < 0)
			return -1;
		for (q = vn->data.mapping.pairs.start; q < vn->data.mapping.pairs.top; q++) {
			if (key_of(d, q, &k2, &kn2, &vn2) < 0)
				return -1;
			snprintf(what, sizeof(what), "reasons.%s.%s", k, k2);
			if ((!strcmp(k2, "enabled") || !strcmp(k2, "positive")) &&
			    r <= CC_DR_OTHER)
				return bad(d, kn2, "%s: the consumer's own reasons are "
					   "always on", what);
			if (!strcmp(k2, "enabled")) {
				if (bool_of(d, vn2, what, &R->r[r].enabled) < 0)
					return -1;
			} else if (!strcmp(k2, "positive")) {
				if (bool_of(d, vn2, what, &R->r[r].positive) < 0)
					return -1;
			} else if (!strcmp(k2, "action")) {
				if ((a = d_action_of(scalar(vn2))) < 0)
					return bad(d, vn2, "%s: expected delete, correct "
						   "or verify", what);
				R->r[r].action = a;
			} else if (!strcmp(k2, "text")) {
				if (text_of(d, vn2, what, &R->r[r].text) < 0)
					return -1;
			} else {
				return unknown_key(d, kn2, k2, "");
			}
		}
	}
	return 0;
}

static int rules_of(struct ld *d, struct cc_dispute_rules *R, yaml_node_t *root)
{
	yaml_node_pair_t *p;
	yaml_node_t *kn, *vn;
	const char *k, *s;
	long l;

	if (!root || (root->type == YAML_SCALAR_NODE && is_null(root)))
		return 0;   /* an empty file sets nothing */
	if (expect_map(d, root, "rules") < 0)
		return -1;
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		if (key_of(d, p, &k, &kn, &vn) < 0)
			return -1;
		/* a section with all its keys commented out sets nothing */
		if ((!strcmp(k, "bureaus") || !strcmp(k, "reasons")) && is_null(vn))
			continue;
		if (!strcmp(k, "version")) {
			if (!(s = scalar(vn)) || strcmp(s, "1"))
				return bad(d, vn, "version: expected 1");
		} else if (!strcmp(k, "max_items")) {
			s = scalar(vn);
			if (!s || cc_parse_long(s, &l) < 0 || l > 1000000)
				return bad(d, vn, "max_items: expected a non-negative "
					   "integer");
			R->max_items = l;
		} else if (!strcmp(k, "overflow")) {
			s = scalar(vn);
			if (s && !strcmp(s, "split"))
				R->defer = 0;
			else if (s && !strcmp(s, "defer"))
				R->defer = 1;
			else
				return bad(d, vn, "overflow: expected split or defer");
		} else if (!strcmp(k, "skip")) {
			if (skip_of(d, R, vn) < 0)
				return -1;
		} else if (!strcmp(k, "bureaus")) {
			if (bureaus_of(d, R, vn) < 0)
				return -1;
		} else if (!strcmp(k, "followup")) {
			if (text_of(d, vn, k, &R->followup) < 0)
				return -1;
		} else if (!strcmp(k, "followup_undated")) {
			if (text_of(d, vn, k, &R->followup_undated) < 0)
				return -1;
		} else if (!strcmp(k, "reasons")) {
			if (reasons_of(d, R, vn) < 0)
				return -1;
		} else {
			return unknown_key(d, kn, k, "");
		}
	}
	return 0;
}

/* The 1-based line of byte offset off in the file (libyaml's reader
 * errors give an offset, not a line). */
static long line_of_offset(FILE *f, size_t off)
{
	long line = 1;
	size_t i;
	int ch;

	rewind(f);
	for (i = 0; i < off && (ch = getc(f)) != EOF; i++)
		if (ch == '\n')
			line++;
	return line;
}

/* Open path and parse it as one YAML document into d->doc.  0, or an
 * error with id_open / d->id. */
static int yaml_open(struct ld *d, const char *path, const char *id_open,
		     const char *what)
{
	yaml_parser_t parser;
	struct stat st;
	FILE *f;

	f = fopen(path, "rb");
	if (!f)
		return cc_error_set(d->e, CC_ERR_NOINPUT, id_open,
				    "cannot open %s '%s': %s", what, path,
				    strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return cc_error_set(d->e, CC_ERR_NOINPUT, id_open,
				    "cannot open %s '%s': not a regular file",
				    what, path);
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return cc_error_set(d->e, CC_ERR_CONFIG, d->id,
				    "cannot initialise the YAML parser");
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &d->doc)) {
		cc_error_set(d->e, CC_ERR_CONFIG, d->id, "invalid YAML: %s",
			     parser.problem ? parser.problem : "parse error");
		cc_error_at(d->e, path, parser.error == YAML_READER_ERROR ?
			    line_of_offset(f, parser.problem_offset) :
			    (long)parser.problem_mark.line + 1);
		yaml_parser_delete(&parser);
		fclose(f);
		return d->e->code;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return 0;
}

int cc_dispute_rules_load(struct cc_dispute_rules *R, const char *path,
			  struct cc_error *e)
{
	struct ld d = { .path = path, .id = "rules.invalid", .e = e };
	int rc;

	cc_error_clear(e);
	if ((rc = yaml_open(&d, path, "rules.open", "rules")) < 0)
		return rc;
	rc = rules_of(&d, R, yaml_document_get_root_node(&d.doc));
	yaml_document_delete(&d.doc);
	if (rc < 0)
		return e->code;
	free(R->file);
	R->file = cc_xstrdup(path);
	return 0;
}

struct cc_dispute_rules *cc_dispute_rules_read(const char *installed,
					       const char *site,
					       struct cc_error *e)
{
	struct cc_dispute_rules *R = cc_dispute_rules_new();

	if (cc_dispute_rules_load(R, installed, e) < 0 ||
	    (site && cc_dispute_rules_load(R, site, e) < 0) ||
	    cc_dispute_rules_check(R, e) < 0) {
		cc_dispute_rules_free(R);
		return NULL;
	}
	return R;
}

int cc_dispute_rules_check(const struct cc_dispute_rules *R, struct cc_error *e)
{
	const char *file = R->file ? R->file : "";
	int r, b;

	cc_error_clear(e);
	for (r = 0; r < CC_DR_COUNT; r++)
		if (!R->r[r].text) {
			cc_error_set(e, CC_ERR_CONFIG, "rules.invalid",
				     "no text for the reason '%s'", reason_names[r]);
			cc_error_at(e, file, 0);
			return e->code;
		}
	for (b = 0; b < CC_BUREAU_COUNT; b++)
		if (!R->bureau[b].name || !R->bureau[b].nlines) {
			cc_error_set(e, CC_ERR_CONFIG, "rules.invalid",
				     "no name or address lines for the bureau '%s'",
				     cc_bureaus[b].id);
			cc_error_at(e, file, 0);
			return e->code;
		}
	if (!R->followup || !R->followup_undated) {
		cc_error_set(e, CC_ERR_CONFIG, "rules.invalid",
			     "no followup or followup_undated text");
		cc_error_at(e, file, 0);
		return e->code;
	}
	return 0;
}

/* --- the selection file --------------------------------------------------- */

void d_select_release(struct d_selects *S)
{
	size_t i;

	for (i = 0; i < S->n; i++) {
		free(S->v[i].tradeline);
		free(S->v[i].text);
	}
	free(S->v);
	free(S->file);
	memset(S, 0, sizeof(*S));
}

static int sel_bad(struct d_selects *S, struct cc_error *e, long line,
		   const char *fmt, const char *arg)
{
	cc_error_set(e, CC_ERR_CONFIG, "select.invalid", fmt, arg);
	cc_error_at(e, S->file, line);
	return e->code;
}

/* Check and add one selection; the strings are copied. */
static int sel_add(struct d_selects *S, struct cc_error *e, long line,
		   const char *tl, const char *code, const char *text,
		   const char *action)
{
	struct d_select *s;
	size_t i;
	int r, a = -1;

	if (!tl || !*tl)
		return sel_bad(S, e, line, "a selection without a \"tradeline\"%s", "");
	if (!code)
		return sel_bad(S, e, line, "a selection without a \"reason_code\"%s", "");
	r = cc_dispute_reason_of(code);
	if (r != CC_DR_NOT_MINE && r != CC_DR_IDENTITY_THEFT && r != CC_DR_OTHER) {
		char *shown = cc_utf8_sanitize(code, strlen(code));
		int rc;

		rc = sel_bad(S, e, line, "unknown reason_code '%.100s': expected "
			     "not_mine, identity_theft or other", shown);
		free(shown);
		return rc;
	}
	if (r == CC_DR_OTHER && (!text || !*text))
		return sel_bad(S, e, line, "reason_code \"other\" without a "
			       "\"reason\"%s", "");
	if (action && (a = d_action_of(action)) < 0)
		return sel_bad(S, e, line, "\"action\": expected delete, correct "
			       "or verify%s", "");
	if (!cc_utf8_valid(tl, strlen(tl)) || (text && !cc_utf8_valid(text, strlen(text))))
		return sel_bad(S, e, line, "not valid UTF-8%s", "");
	for (i = 0; i < S->n; i++)
		if (!strcmp(S->v[i].tradeline, tl)) {
			char *shown = cc_utf8_sanitize(tl, strlen(tl));
			int rc;

			rc = sel_bad(S, e, line, "tradeline '%.100s' is selected twice",
				     shown);
			free(shown);
			return rc;
		}
	CC_GROW(S->v, S->alloc, S->n + 1);
	s = &S->v[S->n++];
	s->tradeline = cc_xstrdup(tl);
	s->reason = r;
	s->text = text && *text ? cc_xstrdup(text) : NULL;
	s->action = a;
	s->line = line;
	s->used = 0;
	return 0;
}

static const char *const sel_keys[] = { "tradeline", "reason_code", "reason", "action", NULL };

static int sel_key_known(const char *k)
{
	int i;

	for (i = 0; sel_keys[i]; i++)
		if (!strcmp(sel_keys[i], k))
			return 1;
	return 0;
}

static int select_ndjson(struct d_selects *S, FILE *f, struct cc_error *e)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = 0;

	while ((n = getline(&line, &cap, f)) >= 0) {
		json_error_t err;
		json_t *o, *v;
		const char *k, *str[4];
		int i;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		for (i = 0; i < n && isspace((unsigned char)line[i]); i++)
			;
		if (i == n)
			continue;
		o = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &err);
		if (!o) {
			rc = sel_bad(S, e, lineno, "invalid JSON: %s", err.text);
			break;
		}
		if (!json_is_object(o)) {
			json_decref(o);
			rc = sel_bad(S, e, lineno, "a selection is not a JSON object%s", "");
			break;
		}
		json_object_foreach(o, k, v) {
			if (!sel_key_known(k)) {
				char *shown = cc_utf8_sanitize(k, strlen(k));

				rc = sel_bad(S, e, lineno, "unknown key '%.100s'", shown);
				free(shown);
				break;
			}
			if (!json_is_string(v) && !json_is_null(v)) {
				rc = sel_bad(S, e, lineno, "\"%s\": expected a string", k);
				break;
			}
		}
		for (i = 0; rc == 0 && sel_keys[i]; i++)
			str[i] = json_string_value(json_object_get(o, sel_keys[i]));
		if (rc == 0)
			rc = sel_add(S, e, lineno, str[0], str[1], str[2], str[3]);
		json_decref(o);
		if (rc < 0)
			break;
	}
	free(line);
	if (rc == 0 && ferror(f)) {
		cc_error_set(e, CC_ERR_NOINPUT, "select.open", "cannot read '%s': %s",
			     S->file, strerror(errno));
		rc = e->code;
	}
	return rc;
}

static int select_yaml(struct d_selects *S, struct cc_error *e)
{
	struct ld d = { .path = S->file, .id = "select.invalid", .e = e };
	yaml_node_item_t *it;
	yaml_node_t *root;
	int rc;

	if ((rc = yaml_open(&d, S->file, "select.open", "selection")) < 0)
		return rc;
	root = yaml_document_get_root_node(&d.doc);
	if (!root || is_null(root)) {
		yaml_document_delete(&d.doc);
		return 0;
	}
	if (root->type != YAML_SEQUENCE_NODE) {
		bad(&d, root, "expected a list of selections");
		yaml_document_delete(&d.doc);
		return e->code;
	}
	for (it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++) {
		yaml_node_t *m = node(&d, *it), *kn, *vn;
		yaml_node_pair_t *p;
		const char *k, *str[4] = { NULL, NULL, NULL, NULL };
		int i;

		if (m->type != YAML_MAPPING_NODE) {
			rc = bad(&d, m, "a selection is not a mapping");
			break;
		}
		for (p = m->data.mapping.pairs.start; rc == 0 && p < m->data.mapping.pairs.top; p++) {
			if ((rc = key_of(&d, p, &k, &kn, &vn)) < 0)
				break;
			for (i = 0; sel_keys[i]; i++)
				if (!strcmp(sel_keys[i], k))
					break;
			if (!sel_keys[i]) {
				rc = unknown_key(&d, kn, k, "");
				break;
			}
			if (is_null(vn))
				continue;
			if (!scalar(vn) || strlen(scalar(vn)) != vn->data.scalar.length) {
				rc = bad(&d, vn, "\"%s\": expected a string", k);
				break;
			}
			str[i] = scalar(vn);
		}
		if (rc == 0)
			rc = sel_add(S, e, (long)m->start_mark.line + 1, str[0], str[1],
				     str[2], str[3]);
		if (rc < 0)
			break;
	}
	yaml_document_delete(&d.doc);
	return rc < 0 ? e->code : 0;
}

int d_select_load(struct d_selects *S, const char *path, struct cc_error *e)
{
	struct stat st;
	FILE *f;
	int c, rc;

	cc_error_clear(e);
	free(S->file);
	S->file = cc_xstrdup(path);
	f = fopen(path, "rb");
	if (!f)
		return cc_error_set(e, CC_ERR_NOINPUT, "select.open",
				    "cannot open selection '%s': %s", path,
				    strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return cc_error_set(e, CC_ERR_NOINPUT, "select.open",
				    "cannot open selection '%s': not a regular file",
				    path);
	}
	/* NDJSON when the first thing in it is a '{', else YAML */
	while ((c = getc(f)) != EOF && isspace(c))
		;
	if (c == '{') {
		rewind(f);
		rc = select_ndjson(S, f, e);
		fclose(f);
		return rc;
	}
	fclose(f);
	return select_yaml(S, e);
}
