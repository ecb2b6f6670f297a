/*
 * layout.c -- load the layout files (the *.yaml of layouts/) that say
 * what each report family prints: section headings, labels,
 * vocabularies, history codes and status wording.  Their format is in
 * cc-extract(1).
 */
#include "base/cc.h"
#include "extract/impl.h"
#include "model/date.h"
#include "model/model.h"

#include <ctype.h>
#include <dirent.h>
#include <yaml.h>

char *x_norm(const char *s)
{
	size_t n = strlen(s), i, o = 0;
	char *r = cc_xmalloc(n + 1);
	int sp = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c)) {
			sp = o > 0;
			continue;
		}
		if (sp)
			r[o++] = ' ';
		sp = 0;
		r[o++] = (char)tolower(c);
	}
	while (o > 0 && (r[o - 1] == ':' || r[o - 1] == ' '))
		o--;
	r[o] = '\0';
	return r;
}

const char *x_lookup(const struct xlayout *L, size_t m, const char *key)
{
	const struct xlayout *l;
	char *k = x_norm(key);
	const char *r = NULL;
	size_t i;

	for (l = L; l && !r; l = l->common) {
		const struct xmap *map = (const struct xmap *)((const char *)l + m);

		for (i = 0; i < map->n; i++)
			if (strcmp(map->key[i], k) == 0) {
				r = map->val[i];
				break;
			}
	}
	free(k);
	return r;
}

/* --- reading the YAML tree ----------------------------------------------- */

struct ld {
	yaml_document_t doc;
	const char *path;
	struct cc_error *e;
	size_t entries;      /* strings, pairs, sections and rules read */
};

/* The most a layout file may hold: a file of a few kilobytes can name a
 * list again and again by an alias, and make millions of labels. */
#define X_MAX_ENTRIES 20000

static int bad(struct ld *d, yaml_node_t *n, const char *fmt, const char *what)
{
	cc_error_set(d->e, CC_ERR_CONFIG, "layout.invalid", fmt, what);
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

static yaml_node_t *get(struct ld *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(yaml_document_get_node(&d->doc, p->key));

		if (k && !strcmp(k, key))
			return yaml_document_get_node(&d->doc, p->value);
	}
	return NULL;
}

/* One more entry read from the file, at node n: -1 past the most. */
static int counted(struct ld *d, yaml_node_t *n)
{
	if (++d->entries > X_MAX_ENTRIES)
		return bad(d, n, "more than 20000 labels, list items and pairs%s", "");
	return 0;
}

/* Every key of map must be one of keys (NULL-terminated). */
static int only_keys(struct ld *d, yaml_node_t *map, const char *const *keys)
{
	yaml_node_pair_t *p;
	size_t i;

	if (!map)
		return 0;
	if (map->type != YAML_MAPPING_NODE)
		return bad(d, map, "expected a mapping%s", "");
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(&d->doc, p->key);
		const char *k = scalar(kn);

		if (!k)
			return bad(d, kn, "keys must be plain names%s", "");
		for (i = 0; keys[i]; i++)
			if (!strcmp(keys[i], k))
				break;
		if (!keys[i]) {
			char *shown = cc_utf8_sanitize(k, strlen(k));
			int rc = bad(d, kn, "unknown key '%.200s'", shown);

			free(shown);
			return rc;
		}
	}
	return 0;
}

/* A list of strings (or one string) into a new array of copies. */
static int strings(struct ld *d, yaml_node_t *n, char ***out, size_t *nout,
		   int normalise)
{
	yaml_node_item_t *it;
	const char *s;

	if (!n || is_null(n))
		return 0;
	if (n->type == YAML_SCALAR_NODE) {
		if (counted(d, n) < 0)
			return -1;
		*out = cc_xreallocarray(*out, *nout + 1, sizeof(char *));
		(*out)[(*nout)++] = normalise ? x_norm(scalar(n)) : cc_xstrdup(scalar(n));
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return bad(d, n, "expected a list of strings%s", "");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *v = yaml_document_get_node(&d->doc, *it);

		s = scalar(v);
		if (!s)
			return bad(d, v, "expected a string%s", "");
		if (counted(d, v) < 0)
			return -1;
		*out = cc_xreallocarray(*out, *nout + 1, sizeof(char *));
		(*out)[(*nout)++] = normalise ? x_norm(s) : cc_xstrdup(s);
	}
	return 0;
}

/* The phrases of detect from the before-th on make one group. */
static void detect_group(struct xlayout *L, size_t before)
{
	L->detect_group = cc_xreallocarray(L->detect_group, L->ndetect,
					   sizeof(*L->detect_group));
	while (before < L->ndetect)
		L->detect_group[before++] = L->ngroups;
	L->ngroups++;
}

/* detect: phrases, each a string or a list of strings that are
 * alternatives (any one of them found counts as the phrase found) */
static int detect_of(struct ld *d, struct xlayout *L, yaml_node_t *n)
{
	yaml_node_item_t *it, *jt;
	size_t before = L->ndetect;

	if (!n || is_null(n))
		return 0;
	if (n->type != YAML_SEQUENCE_NODE) {
		if (strings(d, n, &L->detect, &L->ndetect, 1) < 0)
			return -1;
		detect_group(L, before);
		return 0;
	}
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *v = yaml_document_get_node(&d->doc, *it);

		before = L->ndetect;
		if (v && v->type == YAML_SEQUENCE_NODE) {
			for (jt = v->data.sequence.items.start; jt < v->data.sequence.items.top; jt++) {
				yaml_node_t *w = yaml_document_get_node(&d->doc, *jt);

				if (!scalar(w))
					return bad(d, w, "detect: expected a phrase%s", "");
				if (strings(d, w, &L->detect, &L->ndetect, 1) < 0)
					return -1;
			}
			if (L->ndetect == before)
				return bad(d, v, "detect: an empty list of phrases%s", "");
		} else if (!scalar(v)) {
			return bad(d, v, "detect: expected a phrase or a list of phrases%s", "");
		} else if (strings(d, v, &L->detect, &L->ndetect, 1) < 0) {
			return -1;
		}
		if (L->ndetect == before)   /* ~: a phrase never found */
			return bad(d, v, "detect: an empty phrase%s", "");
		detect_group(L, before);
	}
	return 0;
}

static int map_of(struct ld *d, yaml_node_t *n, struct xmap *m)
{
	yaml_node_pair_t *p;

	if (!n || is_null(n))
		return 0;
	if (n->type != YAML_MAPPING_NODE)
		return bad(d, n, "expected a mapping%s", "");
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(&d->doc, p->value);

		if (!scalar(kn) || !scalar(vn))
			return bad(d, kn, "expected 'printed: value' pairs%s", "");
		if (counted(d, kn) < 0)
			return -1;
		m->key = cc_xreallocarray(m->key, m->n + 1, sizeof(char *));
		m->val = cc_xreallocarray(m->val, m->n + 1, sizeof(char *));
		m->key[m->n] = x_norm(scalar(kn));
		m->val[m->n] = cc_xstrdup(scalar(vn));
		m->n++;
	}
	return 0;
}

static const struct { const char *name; int field, group; } field_names[] = {
	{ "name", XC_NAME, XG_CONSUMER },
	{ "address", XC_ADDRESS, XG_CONSUMER },
	{ "previous_address", XC_PREV_ADDRESS, XG_CONSUMER },
	{ "ssn", XC_SSN, XG_CONSUMER },
	{ "birth_year", XC_BIRTH_YEAR, XG_CONSUMER },
	{ "report_number", XC_REPORT_NUMBER, XG_CONSUMER },
	{ "report_date", XC_REPORT_DATE, XG_CONSUMER },
	{ "co_applicant", XC_CO_NAME, XG_CONSUMER },
	{ "reference", XC_REFERENCE, XG_CONSUMER },
	{ "creditor", XF_CREDITOR, XG_ACCOUNT },
	{ "account_mask", XF_ACCOUNT_MASK, XG_ACCOUNT },
	{ "type", XF_TYPE, XG_ACCOUNT },
	{ "loan_type", XF_LOAN_TYPE, XG_ACCOUNT },
	{ "responsibility", XF_RESPONSIBILITY, XG_ACCOUNT },
	{ "opened", XF_OPENED, XG_ACCOUNT },
	{ "closed", XF_CLOSED, XG_ACCOUNT },
	{ "reported", XF_REPORTED, XG_ACCOUNT },
	{ "last_payment", XF_LAST_PAYMENT, XG_ACCOUNT },
	{ "dofd", XF_DOFD, XG_ACCOUNT },
	{ "balance", XF_BALANCE, XG_ACCOUNT },
	{ "limit", XF_LIMIT, XG_ACCOUNT },
	{ "high_balance", XF_HIGH_BALANCE, XG_ACCOUNT },
	{ "payment", XF_PAYMENT, XG_ACCOUNT },
	{ "past_due", XF_PAST_DUE, XG_ACCOUNT },
	{ "charge_off_amount", XF_CHARGE_OFF, XG_ACCOUNT },
	{ "original_creditor", XF_ORIGINAL_CREDITOR, XG_ACCOUNT },
	{ "status", XF_STATUS, XG_ACCOUNT },
	{ "remarks", XF_REMARKS, XG_ACCOUNT },
	{ "removal_date", XF_REMOVAL, XG_ACCOUNT },
	{ "history", XF_HISTORY, XG_ACCOUNT },
	{ "terms", XF_TERMS, XG_ACCOUNT },
	{ "account_status", XF_ACCOUNT_STATUS, XG_ACCOUNT },
	{ "repositories", XF_REPOSITORIES, XG_ACCOUNT },
	{ "late_counts", XF_LATES, XG_ACCOUNT },
	{ "rating", XF_RATING, XG_ACCOUNT },
	{ "whose", XF_WHOSE, XG_ACCOUNT },
	{ "ignore", XF_IGNORE, XG_ACCOUNT },
	{ "type", XP_TYPE, XG_PUBLIC },
	{ "reference", XP_REFERENCE, XG_PUBLIC },
	{ "filed", XP_FILED, XG_PUBLIC },
	{ "resolved", XP_RESOLVED, XG_PUBLIC },
	{ "amount", XP_AMOUNT, XG_PUBLIC },
	{ "creditor", XI_CREDITOR, XG_INQUIRY },
	{ "date", XI_DATE, XG_INQUIRY },
	{ "bureau", XI_BUREAU, XG_INQUIRY },
};

static size_t label_len(const char *t)
{
	size_t n = strlen(t);

	while (n > 1 && t[n - 1] == ':')
		n--;
	return n;
}

/* What row_section() looks at first: the headings' lengths and first
 * letters. */
static void index_sections(struct xlayout *L)
{
	size_t i, n, k;

	for (i = 0; i < L->nsect; i++) {
		n = strlen(L->sect[i].norm);
		if (n > L->sect_maxlen)
			L->sect_maxlen = n;
		k = strlen(L->sect_first);
		if (L->sect[i].norm[0] && !strchr(L->sect_first, L->sect[i].norm[0]) &&
		    k + 1 < sizeof(L->sect_first)) {
			L->sect_first[k] = L->sect[i].norm[0];
			L->sect_first[k + 1] = '\0';
		}
	}
}

/* The labels list of field key kn of group into L, each of the field's
 * type.  Returns the field, or -1. */
static int field_labels(struct ld *d, struct xlayout *L, yaml_node_t *kn,
			yaml_node_t *list, int group)
{
	const char *k = scalar(kn);
	char **texts = NULL;
	size_t nt = 0, i, j;
	int field = XF_NONE;

	if (!k)
		return bad(d, kn, "keys must be plain names%s", "");
	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++)
		if (field_names[i].group == group &&
		    (!strcmp(field_names[i].name, k) ||
		     (field_names[i].field == XF_IGNORE &&
		      !strncmp(k, "ignore", 6))))
			field = field_names[i].field;
	if (field == XF_NONE) {
		char *shown = cc_utf8_sanitize(k, strlen(k));
		int rc = bad(d, kn, "unknown field '%.200s'", shown);

		free(shown);
		return rc;
	}
	if (strings(d, list, &texts, &nt, 0) < 0) {
		for (j = 0; j < nt; j++)
			free(texts[j]);
		free(texts);
		return -1;
	}
	for (j = 0; j < nt; j++)
		if (!texts[j][0])
			break;
	if (j < nt) {
		for (j = 0; j < nt; j++)
			free(texts[j]);
		free(texts);
		return bad(d, list, "an empty label%s", "");
	}
	for (j = 0; j < nt; j++) {
		L->lab = cc_xreallocarray(L->lab, L->nlab + 1, sizeof(*L->lab));
		L->lab[L->nlab].text = texts[j];
		L->lab[L->nlab].norm = x_norm(texts[j]);
		L->lab[L->nlab].len = label_len(texts[j]);
		L->lab[L->nlab].field = field;
		L->lab[L->nlab].group = group;
		L->lab[L->nlab].type = x_field_type(field);
		L->nlab++;
	}
	free(texts);
	return field;
}

/* Each label's namesakes in the other groups ("Type" of an account and
 * of a public record). */
static void index_labels(struct xlayout *L)
{
	size_t i, j, c, k;
	int g;

	/* by first letter: a counting sort, stable */
	free(L->bylead);
	L->bylead = cc_xreallocarray(NULL, L->nlab ? L->nlab : 1, sizeof(int));
	memset(L->leadat, 0, sizeof(L->leadat));
	for (i = 0; i < L->nlab; i++)
		L->leadat[tolower((unsigned char)L->lab[i].text[0]) + 1]++;
	for (c = 1; c < 257; c++)
		L->leadat[c] += L->leadat[c - 1];
	for (c = 0; c < 256; c++)
		for (i = 0, k = L->leadat[c]; i < L->nlab; i++)
			if ((size_t)tolower((unsigned char)L->lab[i].text[0]) == c)
				L->bylead[k++] = (int)i;
	for (i = 0; i < L->nlab; i++)
		for (g = 0; g < 4; g++)
			L->lab[i].alt[g] = L->lab[i].group == g ? (int)i : -1;
	for (i = 0; i < L->nlab; i++)
		for (j = 0; j < L->nlab; j++)
			if (L->lab[j].group != L->lab[i].group &&
			    L->lab[i].alt[L->lab[j].group] < 0 &&
			    !strcmp(L->lab[i].norm, L->lab[j].norm))
				L->lab[i].alt[L->lab[j].group] = (int)j;
}

static int labels_of(struct ld *d, struct xlayout *L, yaml_node_t *map, int group)
{
	yaml_node_pair_t *p;

	if (!map || is_null(map))
		return 0;
	if (map->type != YAML_MAPPING_NODE)
		return bad(d, map, "expected a mapping of field: [labels]%s", "");
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		if (group == XG_INQUIRY &&
		    !strcmp(scalar(yaml_document_get_node(&d->doc, p->key)) ?
			    scalar(yaml_document_get_node(&d->doc, p->key)) : "", "type"))
			continue;
		if (field_labels(d, L, yaml_document_get_node(&d->doc, p->key),
				 yaml_document_get_node(&d->doc, p->value), group) < 0)
			return -1;
	}
	return 0;
}

int x_field_type(int f)
{
	switch (f) {
	case XF_BALANCE: case XF_LIMIT: case XF_HIGH_BALANCE: case XF_PAYMENT:
	case XF_PAST_DUE: case XF_CHARGE_OFF: case XP_AMOUNT:
		return XT_MONEY;
	case XF_OPENED: case XF_CLOSED: case XF_REPORTED: case XF_LAST_PAYMENT:
	case XF_DOFD: case XF_REMOVAL: case XP_FILED: case XP_RESOLVED:
	case XI_DATE: case XC_REPORT_DATE:
		return XT_DATE;
	case XF_ACCOUNT_MASK:
		return XT_MASK;
	case XC_BIRTH_YEAR:
		return XT_YEAR;
	case XC_SSN:
		return XT_SSN;
	case XF_STATUS: case XF_ACCOUNT_STATUS:
		return XT_STATUS;
	case XF_TYPE: case XF_LOAN_TYPE: case XF_RESPONSIBILITY:
		return XT_CODE;
	case XF_IGNORE:
		return XT_ANY;
	default:
		return XT_TEXT;
	}
}

static int reason_of(const char *s)
{
	int r;

	for (r = 0; r < RS_COUNT; r++)
		if (!strcmp(cc_reason_name(r), s))
			return r;
	return -1;
}

/* The digit of the first back reference ("\\1") in pattern p, or 0:
 * not POSIX extended syntax, and matched by glibc in exponential time.
 * A '\\' inside a bracket expression is itself. */
static int back_reference(const char *p)
{
	for (; *p; p++) {
		if (*p == '[') {
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			for (; *p && *p != ']'; p++)
				if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
					const char *e = strchr(p + 2, ']');

					if (!e)
						return 0;
					p = e;
				}
			if (!*p)
				return 0;
		} else if (*p == '\\') {
			if (p[1] >= '1' && p[1] <= '9')
				return p[1];
			if (p[1])
				p++;
		}
	}
	return 0;
}

/* A pattern of a layout file compiled into re (ERE, case ignored). */
static int pattern(struct ld *d, yaml_node_t *n, const char *m, regex_t *re,
		   int flags)
{
	int rc;

	if (back_reference(m)) {
		char br[3] = { '\\', (char)back_reference(m), '\0' };

		return bad(d, n, "bad pattern: a back reference (%s)", br);
	}
	rc = regcomp(re, m, REG_EXTENDED | REG_ICASE | flags);
	if (rc != 0) {
		char msg[200];

		regerror(rc, re, msg, sizeof(msg));
		return bad(d, n, "bad pattern: %s", msg);
	}
	return 0;
}

/* remarks: rules of match and reason, each matching one adding its reason */
static int remarks_of(struct ld *d, struct xlayout *L, yaml_node_t *seq)
{
	static const char *const keys[] = { "match", "unless", "reason", NULL };
	yaml_node_item_t *it;

	if (!seq || is_null(seq))
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return bad(d, seq, "remarks: expected a list of rules%s", "");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *r = yaml_document_get_node(&d->doc, *it);
		const char *m, *reason, *unless;
		struct xrule x;

		if (only_keys(d, r, keys) < 0)
			return -1;
		m = scalar(get(d, r, "match"));
		reason = scalar(get(d, r, "reason"));
		unless = scalar(get(d, r, "unless"));
		if (!r || r->type != YAML_MAPPING_NODE || !m || !reason)
			return bad(d, r, "a remarks rule needs 'match' and 'reason'%s", "");
		memset(&x, 0, sizeof(x));
		if ((x.reason = reason_of(reason)) < 0)
			return bad(d, r, "unknown reason '%.40s'", reason);
		if (counted(d, r) < 0 || pattern(d, r, m, &x.re, REG_NOSUB) < 0)
			return -1;
		if (unless && *unless) {
			if (pattern(d, r, unless, &x.unless, REG_NOSUB) < 0) {
				regfree(&x.re);
				return -1;
			}
			x.has_unless = 1;
		}
		L->remarks = cc_xreallocarray(L->remarks, L->nremarks + 1, sizeof(*L->remarks));
		L->remarks[L->nremarks++] = x;
	}
	return 0;
}

/* collectors: patterns of the names of collection agencies and debt
 * buyers, each checked alone, then joined in one pattern: one pass over
 * a creditor's name instead of one per pattern. */
static int collectors_of(struct ld *d, struct xlayout *L, yaml_node_t *seq)
{
	yaml_node_item_t *it;
	struct cc_buf all = { NULL, 0, 0 };
	int rc;

	if (!seq || is_null(seq))
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return bad(d, seq, "collectors: expected a list of patterns%s", "");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *v = yaml_document_get_node(&d->doc, *it);
		const char *m = scalar(v);
		regex_t re;

		if (!m || !*m) {
			cc_buf_release(&all);
			return bad(d, v, "expected a pattern%s", "");
		}
		if (counted(d, v) < 0 || pattern(d, v, m, &re, REG_NOSUB) < 0) {
			cc_buf_release(&all);
			return -1;
		}
		regfree(&re);
		cc_buf_addf(&all, "%s(%s)", all.len ? "|" : "", m);
	}
	if (all.len) {
		rc = regcomp(&L->collectors, all.s, REG_EXTENDED | REG_ICASE | REG_NOSUB);
		if (rc != 0) {
			char msg[200];

			regerror(rc, &L->collectors, msg, sizeof(msg));
			cc_buf_release(&all);
			return bad(d, seq, "collectors: bad patterns: %s", msg);
		}
		L->has_collectors = 1;
	}
	cc_buf_release(&all);
	return 0;
}

static int rules_of(struct ld *d, struct xlayout *L, yaml_node_t *seq)
{
	static const char *const keys[] = { "match", "code", "reason", "days", NULL };
	yaml_node_item_t *it;

	if (!seq || is_null(seq))
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return bad(d, seq, "status: expected a list of rules%s", "");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *r = yaml_document_get_node(&d->doc, *it);
		const char *m, *code, *reason, *days;
		struct xrule *x;

		if (only_keys(d, r, keys) < 0)
			return -1;
		m = scalar(get(d, r, "match"));
		code = scalar(get(d, r, "code"));
		reason = scalar(get(d, r, "reason"));
		days = scalar(get(d, r, "days"));
		if (!r || r->type != YAML_MAPPING_NODE || !m || (!code && !reason))
			return bad(d, r, "a status rule needs 'match', and 'code' or "
				   "'reason'%s", "");
		if (counted(d, r) < 0)
			return -1;
		L->rules = cc_xreallocarray(L->rules, L->nrules + 1, sizeof(*L->rules));
		x = &L->rules[L->nrules];
		memset(x, 0, sizeof(*x));
		if (pattern(d, r, m, &x->re, 0) < 0)
			return -1;
		L->nrules++;
		x->reason = -1;
		if (!code)
			x->kind = XR_FIXED;     /* no status code: the reason alone */
		else if (!strcmp(code, "late"))
			x->kind = XR_LATE;
		else if (!strcmp(code, "current"))
			x->kind = XR_CURRENT;
		else if (!strcmp(code, "co_coll"))
			x->kind = XR_CO_COLL;
		else if (!strcmp(code, "was_late"))
			x->kind = XR_WAS_LATE;
		else if (strlen(code) == 2 && isdigit((unsigned char)code[0]) &&
			 isdigit((unsigned char)code[1])) {
			x->kind = XR_FIXED;
			memcpy(x->code, code, 3);
		} else {
			return bad(d, r, "unknown code '%.40s'", code);
		}
		if (reason && (x->reason = reason_of(reason)) < 0)
			return bad(d, r, "unknown reason '%.40s'", reason);
		if (days)
			x->days = x_int(days);
		if (x->kind == XR_LATE && !x->days && x->re.re_nsub < 1)
			return bad(d, r, "a 'late' rule needs 'days' or a group "
				   "around the number of days%s", "");
	}
	return 0;
}

static int sections_of(struct ld *d, struct xlayout *L, yaml_node_t *seq)
{
	static const char *const keys[] = { "heading", "kind", "type", NULL };
	static const char *const kinds[] = { "", "consumer", "accounts",
		"public_records", "inquiries", "other" };
	yaml_node_item_t *it;
	size_t k;

	if (!seq || is_null(seq))
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return bad(d, seq, "sections: expected a list%s", "");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *r = yaml_document_get_node(&d->doc, *it);
		const char *h, *kind, *type;

		if (only_keys(d, r, keys) < 0)
			return -1;
		h = scalar(get(d, r, "heading"));
		kind = scalar(get(d, r, "kind"));
		type = scalar(get(d, r, "type"));
		if (!r || r->type != YAML_MAPPING_NODE || !h || !kind)
			return bad(d, r, "a section needs 'heading' and 'kind'%s", "");
		for (k = 1; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (!strcmp(kinds[k], kind))
				break;
		if (k == sizeof(kinds) / sizeof(kinds[0]))
			return bad(d, r, "unknown section kind '%.40s'", kind);
		if (type && strcmp(type, "revolving") && strcmp(type, "open") &&
		    strcmp(type, "installment") && strcmp(type, "mortgage") &&
		    strcmp(type, "collection") && strcmp(type, "other"))
			return bad(d, r, "unknown account type '%.40s'", type);
		if (counted(d, r) < 0)
			return -1;
		L->sect = cc_xreallocarray(L->sect, L->nsect + 1, sizeof(*L->sect));
		L->sect[L->nsect].norm = x_norm(h);
		L->sect[L->nsect].kind = (int)k;
		L->sect[L->nsect].type = type ? cc_xstrdup(type) : NULL;
		L->nsect++;
	}
	return 0;
}

/* --- the vocabulary of labels (labels.yaml) ----------------------------- */

static int type_of(const char *s)
{
	static const char *const names[] = {
		[XT_ANY] = "any", [XT_TEXT] = "text", [XT_MONEY] = "money",
		[XT_DATE] = "date", [XT_YEAR] = "year", [XT_MASK] = "mask",
		[XT_SSN] = "ssn", [XT_CODE] = "code", [XT_STATUS] = "status",
		[XT_COUNT] = "count",
	};
	size_t i;

	for (i = 0; s && i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], s))
			return (int)i;
	return -1;
}

/* A group of the vocabulary: field: {type: T, labels: [...]}, each label
 * of type T. */
static int vocab_group(struct ld *d, struct xlayout *L, yaml_node_t *map, int group)
{
	static const char *const keys[] = { "type", "labels", NULL };
	yaml_node_pair_t *p;

	if (!map || is_null(map))
		return 0;
	if (map->type != YAML_MAPPING_NODE)
		return bad(d, map, "expected a mapping of field: {type, labels}%s", "");
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *v = yaml_document_get_node(&d->doc, p->value), *t;
		size_t before = L->nlab, i;
		int type;

		if (!v || v->type != YAML_MAPPING_NODE)
			return bad(d, v, "expected {type: T, labels: [...]}%s", "");
		if (only_keys(d, v, keys) < 0)
			return -1;
		t = get(d, v, "type");
		type = type_of(scalar(t));
		if (type < 0)
			return bad(d, t ? t : v, "type: expected text, money, date, "
				   "year, mask, ssn, code, status, count or any%s", "");
		if (!get(d, v, "labels"))
			return bad(d, v, "no 'labels'%s", "");
		if (field_labels(d, L, yaml_document_get_node(&d->doc, p->key),
				 get(d, v, "labels"), group) < 0)
			return -1;
		for (i = before; i < L->nlab; i++)
			L->lab[i].type = type;
	}
	return 0;
}

/* The column headings of account tables: field: [headings], a field of
 * an account's, or one of the kinds of column that hold no field of
 * their own (late counts, one of them, the account's number). */
static int vocab_columns(struct ld *d, struct xlayout *L, yaml_node_t *map)
{
	static const struct { const char *name; int field, kind; } kinds[] = {
		{ "late_30", XF_LATES, XCOL_LATE30 },
		{ "late_60", XF_LATES, XCOL_LATE60 },
		{ "late_90", XF_LATES, XCOL_LATE90 },
		{ "late_counts", XF_LATES, XCOL_LATES },
		{ "index", XF_IGNORE, XCOL_INDEX },
	};
	yaml_node_pair_t *p;
	size_t i;

	if (!map || is_null(map))
		return 0;
	if (map->type != YAML_MAPPING_NODE)
		return bad(d, map, "columns: expected a mapping of field: [headings]%s", "");
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(yaml_document_get_node(&d->doc, p->key));
		int field = XF_NONE, kind = XCOL_FIELD;
		char **texts = NULL;
		size_t nt = 0;

		for (i = 0; k && i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (!strcmp(kinds[i].name, k)) {
				field = kinds[i].field;
				kind = kinds[i].kind;
			}
		for (i = 0; k && field == XF_NONE &&
			    i < sizeof(field_names) / sizeof(field_names[0]); i++)
			if (field_names[i].group == XG_ACCOUNT &&
			    !strcmp(field_names[i].name, k))
				field = field_names[i].field;
		if (field == XF_NONE) {
			char *shown = k ? cc_utf8_sanitize(k, strlen(k)) : NULL;
			int rc = bad(d, yaml_document_get_node(&d->doc, p->key),
				     "columns: unknown field '%.200s'", shown ? shown : "");

			free(shown);
			return rc;
		}
		if (strings(d, yaml_document_get_node(&d->doc, p->value), &texts, &nt, 1) < 0) {
			for (i = 0; i < nt; i++)
				free(texts[i]);
			free(texts);
			return -1;
		}
		L->cols = cc_xreallocarray(L->cols, L->ncols + nt + 1, sizeof(*L->cols));
		for (i = 0; i < nt; i++) {
			L->cols[L->ncols].norm = texts[i];
			L->cols[L->ncols].field = field;
			L->cols[L->ncols++].kind = kind;
		}
		free(texts);
	}
	return 0;
}

/* The vocabulary: its labels, its sections' headings by kind, the opening
 * words of sections' introductions and the furniture, normalised. */
static int vocab_of(struct ld *d, struct xlayout *L, yaml_node_t *root)
{
	static const char *const top[] = { "consumer", "account", "public_record",
		"inquiry", "sections", "section_intros", "furniture", "columns",
		NULL };
	static const struct { const char *name; int kind; } kinds[] = {
		{ "consumer", XK_CONSUMER }, { "accounts", XK_ACCOUNTS },
		{ "negative", XK_ACCOUNTS }, { "public_records", XK_PUBLIC },
		{ "inquiries", XK_INQUIRIES }, { "other", XK_OTHER },
	};
	yaml_node_t *sec;
	size_t k, j;

	if (!root || root->type != YAML_MAPPING_NODE)
		return bad(d, root, "expected a mapping%s", "");
	if (only_keys(d, root, top) < 0 ||
	    vocab_group(d, L, get(d, root, "consumer"), XG_CONSUMER) < 0 ||
	    vocab_group(d, L, get(d, root, "account"), XG_ACCOUNT) < 0 ||
	    vocab_group(d, L, get(d, root, "public_record"), XG_PUBLIC) < 0 ||
	    vocab_group(d, L, get(d, root, "inquiry"), XG_INQUIRY) < 0 ||
	    strings(d, get(d, root, "section_intros"), &L->intros, &L->nintros, 1) < 0 ||
	    strings(d, get(d, root, "furniture"), &L->furniture, &L->nfurniture, 1) < 0 ||
	    vocab_columns(d, L, get(d, root, "columns")) < 0)
		return -1;
	sec = get(d, root, "sections");
	if (sec && !is_null(sec)) {
		static const char *keys[sizeof(kinds) / sizeof(kinds[0]) + 1];

		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			keys[k] = kinds[k].name;
		if (sec->type != YAML_MAPPING_NODE)
			return bad(d, sec, "sections: expected a mapping of kind: "
				   "[headings]%s", "");
		if (only_keys(d, sec, keys) < 0)
			return -1;
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			char **h = NULL;
			size_t nh = 0;

			if (strings(d, get(d, sec, kinds[k].name), &h, &nh, 1) < 0)
				return -1;
			for (j = 0; j < nh; j++) {
				L->sect = cc_xreallocarray(L->sect, L->nsect + 1,
							   sizeof(*L->sect));
				L->sect[L->nsect].norm = h[j];
				L->sect[L->nsect].kind = kinds[k].kind;
				L->sect[L->nsect].type = NULL;
				L->nsect++;
			}
			free(h);
		}
	}
	return 0;
}

static int layout_of(struct ld *d, struct xlayout *L, yaml_node_t *root, int common)
{
	static const char *const top[] = { "layout", "bureau", "style", "detect",
		"sections", "consumer", "account", "public_record", "inquiry",
		"types", "loan_types", "responsibility", "bureaus",
		"public_types", "codes", "status", "statuses", "remarks",
		"collectors", NULL };
	static const char *const acct[] = { "heading", "labels", "grid", "skip", NULL };
	static const char *const lab[] = { "labels", NULL };
	static const char *const inq[] = { "type", "creditor", "date", "bureau", NULL };
	yaml_node_t *a, *n;
	const char *s;

	if (!root || root->type != YAML_MAPPING_NODE)
		return bad(d, root, "expected a mapping%s", "");
	if (only_keys(d, root, top) < 0)
		return -1;
	if (!common) {
		s = scalar(get(d, root, "layout"));
		if (!s || !*s)
			return bad(d, root, "no 'layout' name%s", "");
		L->name = cc_xstrdup(s);
		n = get(d, root, "bureau");
		L->bureau = n && !is_null(n) && scalar(n) ? cc_xstrdup(scalar(n)) : NULL;
		if (L->bureau && cc_bureau_of(L->bureau) < 0 &&
		    strcmp(L->bureau, "columns"))
			return bad(d, n, "bureau: expected experian, equifax, transunion, "
				   "columns or null, not '%.40s'", L->bureau);
		s = scalar(get(d, root, "style"));
		if (!s || !strcmp(s, "blocks"))
			L->style = XS_BLOCKS;
		else if (!strcmp(s, "columns"))
			L->style = XS_COLUMNS;
		else if (!strcmp(s, "generic") || !strcmp(s, "lender"))
			L->style = XS_GENERIC;
		else
			return bad(d, get(d, root, "style"), "unknown style '%.40s'", s);
	}
	if (detect_of(d, L, get(d, root, "detect")) < 0 ||
	    sections_of(d, L, get(d, root, "sections")) < 0 ||
	    labels_of(d, L, get(d, root, "consumer"), XG_CONSUMER) < 0)
		return -1;
	a = get(d, root, "account");
	if (only_keys(d, a, acct) < 0 ||
	    labels_of(d, L, get(d, a, "labels"), XG_ACCOUNT) < 0 ||
	    strings(d, get(d, a, "skip"), &L->skip, &L->nskip, 1) < 0)
		return -1;
	s = scalar(get(d, a, "heading"));
	if (s && !strcmp(s, "creditor_mask"))
		L->heading_mask = 1;
	else if (s && strcmp(s, "creditor") != 0)
		return bad(d, get(d, a, "heading"), "unknown heading '%.40s'", s);
	s = scalar(get(d, a, "grid"));
	L->grid = !s ? XG_NONE : !strcmp(s, "year_month") ? XG_YEAR_MONTH :
		  !strcmp(s, "strip") ? XG_STRIP : !strcmp(s, "pattern") ? XG_PATTERN : -1;
	if (L->grid < 0)
		return bad(d, get(d, a, "grid"), "unknown grid '%.40s'", s);
	a = get(d, root, "public_record");
	if (only_keys(d, a, lab) < 0 ||
	    labels_of(d, L, get(d, a, "labels"), XG_PUBLIC) < 0)
		return -1;
	a = get(d, root, "inquiry");
	if (only_keys(d, a, inq) < 0 || labels_of(d, L, a, XG_INQUIRY) < 0)
		return -1;
	s = scalar(get(d, a, "type"));
	if (s && strcmp(s, "hard") && strcmp(s, "soft"))
		return bad(d, get(d, a, "type"), "inquiry type: expected hard or soft, "
			   "not '%.40s'", s);
	L->inquiry_type = cc_xstrdup(s ? s : "hard");
	if (strings(d, get(d, root, "statuses"), &L->statuses, &L->nstatuses, 0) < 0 ||
	    map_of(d, get(d, root, "types"), &L->types) < 0 ||
	    map_of(d, get(d, root, "loan_types"), &L->loans) < 0 ||
	    map_of(d, get(d, root, "responsibility"), &L->resp) < 0 ||
	    map_of(d, get(d, root, "bureaus"), &L->bureaus) < 0 ||
	    map_of(d, get(d, root, "public_types"), &L->pubtypes) < 0 ||
	    map_of(d, get(d, root, "codes"), &L->codes) < 0 ||
	    rules_of(d, L, get(d, root, "status")) < 0 ||
	    remarks_of(d, L, get(d, root, "remarks")) < 0 ||
	    collectors_of(d, L, get(d, root, "collectors")) < 0)
		return -1;
	return 0;
}

static void free_map(struct xmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->key[i]);
		free(m->val[i]);
	}
	free(m->key);
	free(m->val);
}

static void free_layout(struct xlayout *L)
{
	size_t i;

	free(L->name);
	free(L->file);
	free(L->bureau);
	for (i = 0; i < L->ndetect; i++)
		free(L->detect[i]);
	free(L->detect);
	free(L->detect_group);
	for (i = 0; i < L->nsect; i++) {
		free(L->sect[i].norm);
		free(L->sect[i].type);
	}
	free(L->sect);
	for (i = 0; i < L->nlab; i++) {
		free(L->lab[i].text);
		free(L->lab[i].norm);
	}
	free(L->lab);
	for (i = 0; i < L->nskip; i++)
		free(L->skip[i]);
	free(L->skip);
	free(L->bylead);
	for (i = 0; i < L->nintros; i++)
		free(L->intros[i]);
	free(L->intros);
	for (i = 0; i < L->nfurniture; i++)
		free(L->furniture[i]);
	free(L->furniture);
	for (i = 0; i < L->ncols; i++)
		free(L->cols[i].norm);
	free(L->cols);
	for (i = 0; L->tight && i < L->ncols; i++)
		free(L->tight[i].norm);
	free(L->tight);
	free(L->inquiry_type);
	for (i = 0; i < L->nstatuses; i++)
		free(L->statuses[i]);
	free(L->statuses);
	free_map(&L->types);
	free_map(&L->loans);
	free_map(&L->resp);
	free_map(&L->bureaus);
	free_map(&L->pubtypes);
	free_map(&L->codes);
	for (i = 0; i < L->nrules; i++)
		regfree(&L->rules[i].re);
	free(L->rules);
	for (i = 0; i < L->nremarks; i++) {
		regfree(&L->remarks[i].re);
		if (L->remarks[i].has_unless)
			regfree(&L->remarks[i].unless);
	}
	free(L->remarks);
	if (L->has_collectors)
		regfree(&L->collectors);
}

/* The deepest nesting of lists and mappings a layout file may have: a
 * few; libyaml's scanner takes time quadratic in the depth. */
#define X_MAX_DEPTH 32

/*
 * Check that the first document of f nests no deeper than X_MAX_DEPTH,
 * by its events, before libyaml loads it whole; f is rewound.  -1 with e
 * set when it does; 0 otherwise, a YAML error left for the loader.
 */
static int check_depth(FILE *f, const char *path, struct cc_error *e)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, rc = 0, done = 0;

	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_file(&parser, f);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > X_MAX_DEPTH) {
				cc_error_set(e, CC_ERR_CONFIG, "layout.invalid",
					     "lists and mappings nested more than %d deep",
					     X_MAX_DEPTH);
				cc_error_at(e, path, (long)ev.start_mark.line + 1);
				rc = -1;
				done = 1;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	rewind(f);
	return rc;
}

/* Load the file at path into L: a layout (kind 0), common.yaml (1) or
 * labels.yaml (2). */
static int load_file(const char *path, struct xlayout *L, int kind,
		     struct cc_error *e)
{
	yaml_parser_t parser;
	struct ld d;
	FILE *f;
	int rc;

	memset(&d, 0, sizeof(d));
	d.path = path;
	d.e = e;
	f = fopen(path, "rb");
	if (!f)
		return cc_error_set(e, CC_ERR_NOINPUT, "layout.open",
				    "cannot open layout '%s': %s", path, strerror(errno));
	if (check_depth(f, path, e) < 0) {
		fclose(f);
		return e->code;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return cc_error_set(e, CC_ERR_CONFIG, "layout.invalid",
				    "cannot initialise the YAML parser");
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &d.doc)) {
		cc_error_set(e, CC_ERR_CONFIG, "layout.invalid", "invalid YAML: %s",
			     parser.problem ? parser.problem : "parse error");
		cc_error_at(e, path, (long)parser.problem_mark.line + 1);
		yaml_parser_delete(&parser);
		fclose(f);
		return e->code;
	}
	L->file = cc_xstrdup(path);
	rc = kind == 2 ? vocab_of(&d, L, yaml_document_get_root_node(&d.doc)) :
	     layout_of(&d, L, yaml_document_get_root_node(&d.doc), kind);
	yaml_document_delete(&d.doc);
	yaml_parser_delete(&parser);
	fclose(f);
	return rc < 0 ? e->code : 0;
}

static void make_generic(struct cc_extract_layouts *X, struct xlayout *G,
			 const struct xlayout *H);

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct cc_extract_layouts *cc_extract_load(const char *dir, struct cc_error *e)
{
	struct cc_extract_layouts *X = cc_xcalloc(1, sizeof(*X));
	char **names = NULL, *path;
	size_t nn = 0, i, j;
	struct dirent *de;
	DIR *dp;
	int rc = 0;

	cc_error_clear(e);
	dp = opendir(dir);
	if (!dp) {
		cc_error_set(e, CC_ERR_NOINPUT, "layout.open",
			     "cannot read layouts from '%s': %s", dir, strerror(errno));
		free(X);
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);

		if (n > 5 && !strcmp(de->d_name + n - 5, ".yaml") && de->d_name[0] != '.') {
			names = cc_xreallocarray(names, nn + 1, sizeof(char *));
			names[nn++] = cc_xstrdup(de->d_name);
		}
	}
	closedir(dp);
	if (nn)
		qsort(names, nn, sizeof(char *), cmp_str);
	for (i = 0; i < nn && rc == 0; i++) {
		path = cc_xasprintf("%s/%s", dir, names[i]);
		if (!strcmp(names[i], "common.yaml")) {
			rc = load_file(path, &X->common, 1, e);
		} else if (!strcmp(names[i], "labels.yaml")) {
			rc = load_file(path, &X->vocab, 2, e);
		} else {
			X->v = cc_xreallocarray(X->v, X->n + 1, sizeof(*X->v));
			memset(&X->v[X->n], 0, sizeof(X->v[0]));
			rc = load_file(path, &X->v[X->n], 0, e);
			X->n++;
			for (j = 0; rc == 0 && j + 1 < X->n; j++)
				if (!strcmp(X->v[j].name, X->v[X->n - 1].name)) {
					rc = cc_error_set(e, CC_ERR_CONFIG, "layout.invalid",
							  "layout '%s' defined twice, in %s and %s",
							  X->v[j].name, X->v[j].file, path);
				}
		}
		free(path);
	}
	for (i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	if (rc == 0 && X->n == 0)
		rc = cc_error_set(e, CC_ERR_CONFIG, "layout.invalid",
				  "no layout files (*.yaml) in '%s'", dir);
	if (rc < 0) {
		cc_extract_free(X);
		return NULL;
	}
	for (i = 0; i < X->n; i++) {
		X->v[i].common = &X->common;
		index_sections(&X->v[i]);
		index_labels(&X->v[i]);
	}
	make_generic(X, &X->generic, NULL);
	index_sections(&X->generic);
	index_labels(&X->generic);
	X->hinted = cc_xreallocarray(NULL, X->n, sizeof(*X->hinted));
	memset(X->hinted, 0, X->n * sizeof(*X->hinted));
	for (i = 0; i < X->n; i++) {
		make_generic(X, &X->hinted[i], &X->v[i]);
		index_sections(&X->hinted[i]);
		index_labels(&X->hinted[i]);
	}
	return X;
}

static void add_label(struct xlayout *G, const struct xlabel *b)
{
	G->lab = cc_xreallocarray(G->lab, G->nlab + 1, sizeof(*G->lab));
	G->lab[G->nlab] = *b;
	G->lab[G->nlab].text = cc_xstrdup(b->text);
	G->lab[G->nlab].norm = cc_xstrdup(b->norm);
	G->nlab++;
}

static void add_section(struct xlayout *G, const struct xsect *t)
{
	G->sect = cc_xreallocarray(G->sect, G->nsect + 1, sizeof(*G->sect));
	G->sect[G->nsect].norm = cc_xstrdup(t->norm);
	G->sect[G->nsect].kind = t->kind;
	G->sect[G->nsect].type = t->type ? cc_xstrdup(t->type) : NULL;
	G->nsect++;
}

static int cmp_col(const void *a, const void *b)
{
	const struct xcolname *x = a, *y = b;
	int c = strcmp(x->norm, y->norm);

	/* the vocabulary's order where two spell alike: the first wins */
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* G's column headings: the vocabulary's columns and its account labels,
 * sorted by their text for x_column(), each text once (the columns' first:
 * where a heading and a label spell alike, the heading says).  A label of
 * two joined by " / " ("ECOA / whose") is two headings in a table, not
 * one. */
static void make_columns(struct xlayout *G, const struct xlayout *V)
{
	size_t j, n = 0, o = 0;

	G->cols = cc_xreallocarray(NULL, V->ncols + V->nlab + 1, sizeof(*G->cols));
	for (j = 0; j < V->ncols; j++)
		G->cols[n++] = V->cols[j];
	for (j = 0; j < V->nlab; j++)
		if (V->lab[j].group == XG_ACCOUNT && !strstr(V->lab[j].norm, " / ")) {
			G->cols[n].norm = V->lab[j].norm;
			G->cols[n].field = V->lab[j].field;
			G->cols[n++].kind = XCOL_FIELD;
		}
	/* a stable sort: qsort is not, so order by position too */
	for (j = 0; j < n; j++)
		G->cols[j].order = j;
	qsort(G->cols, n, sizeof(*G->cols), cmp_col);
	for (j = 0; j < n; j++) {
		if (o && !strcmp(G->cols[o - 1].norm, G->cols[j].norm))
			continue;
		G->cols[o] = G->cols[j];
		G->cols[o++].norm = cc_xstrdup(G->cols[j].norm);
	}
	G->ncols = o;
	/* the headings without their spaces, for OCR's glued words; the
	 * first of two that glue alike */
	G->tight = cc_xreallocarray(NULL, o + 1, sizeof(*G->tight));
	for (j = 0; j < o; j++) {
		const char *p = G->cols[j].norm;
		char *t = cc_xmalloc(strlen(p) + 1), *q = t;

		for (; *p; p++)
			if (*p != ' ')
				*q++ = *p;
		*q = '\0';
		G->tight[j] = G->cols[j];
		G->tight[j].norm = t;
		G->tight[j].order = j;
	}
	qsort(G->tight, o, sizeof(*G->tight), cmp_col);
}

static const struct xcolname *find_col(const struct xcolname *v, size_t n,
				       const char *norm)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v[mid].norm, norm);

		if (c == 0) {
			/* the first of equals, the vocabulary's order */
			while (mid > 0 && !strcmp(v[mid - 1].norm, norm))
				mid--;
			return &v[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct xcolname *x_column(const struct xlayout *L, const char *norm)
{
	return find_col(L->cols, L->ncols, norm);
}

const struct xcolname *x_column_tight(const struct xlayout *L, const char *norm)
{
	return L->tight ? find_col(L->tight, L->ncols, norm) : NULL;
}

/*
 * The generic reader's layout G: the vocabulary's labels (labels.yaml) and
 * then every blocks layout's, matched in any case, so that a label both
 * have means what the vocabulary says; every blocks layout's section
 * headings (some give their accounts' type) and then the vocabulary's;
 * its introductions and furniture.  With a hint H, a layout the document
 * partly matches, H's labels and headings come first.
 */
static void make_generic(struct cc_extract_layouts *X, struct xlayout *G,
			 const struct xlayout *H)
{
	const struct xlayout *V = &X->vocab;
	size_t i, j;

	G->name = cc_xstrdup("generic");
	G->style = XS_GENERIC;
	G->nocase = 1;
	G->grid = XG_YEAR_MONTH;
	G->inquiry_type = cc_xstrdup("hard");
	G->common = &X->common;
	/* a hint's labels and headings first: where it and the vocabulary
	 * spell a label alike, the hint says what it means */
	if (H) {
		for (j = 0; j < H->nlab; j++)
			add_label(G, &H->lab[j]);
		for (j = 0; j < H->nsect; j++)
			add_section(G, &H->sect[j]);
	}
	for (j = 0; j < V->nlab; j++)
		add_label(G, &V->lab[j]);
	for (i = 0; i < X->n; i++) {
		const struct xlayout *L = &X->v[i];

		if (L->style != XS_BLOCKS || L == H)
			continue;
		for (j = 0; j < L->nlab; j++)
			add_label(G, &L->lab[j]);
		for (j = 0; j < L->nsect; j++)
			add_section(G, &L->sect[j]);
	}
	for (j = 0; j < V->nsect; j++)
		add_section(G, &V->sect[j]);
	G->intros = cc_xreallocarray(NULL, V->nintros + 1, sizeof(char *));
	for (j = 0; j < V->nintros; j++)
		G->intros[G->nintros++] = cc_xstrdup(V->intros[j]);
	G->furniture = cc_xreallocarray(NULL, V->nfurniture + 1, sizeof(char *));
	for (j = 0; j < V->nfurniture; j++)
		G->furniture[G->nfurniture++] = cc_xstrdup(V->furniture[j]);
	make_columns(G, V);
}

void cc_extract_free(struct cc_extract_layouts *X)
{
	size_t i;

	if (!X)
		return;
	for (i = 0; i < X->n; i++) {
		free_layout(&X->v[i]);
		if (X->hinted)
			free_layout(&X->hinted[i]);
	}
	free(X->v);
	free(X->hinted);
	free_layout(&X->common);
	free_layout(&X->vocab);
	free_layout(&X->generic);
	free(X);
}

size_t cc_extract_nlayouts(const struct cc_extract_layouts *X)
{
	return X->n;
}

const char *cc_extract_layout_name(const struct cc_extract_layouts *X, size_t i)
{
	return i < X->n ? X->v[i].name : NULL;
}
