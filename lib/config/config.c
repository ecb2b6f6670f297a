#include "base/cc.h"
#include "config/config.h"

#include <ctype.h>
#include <sys/stat.h>
#include <yaml.h>

/*
 * Every key cc knows; cc.yaml(5) documents each.  Name, type, default,
 * and for an integer its range (min, max, in words) when it has one.
 */
const struct cc_config_key cc_config_keys[] = {
	{ "input.max_record", CC_CFG_SIZE, "16MiB", 0, 0, NULL },
	{ "input.strict", CC_CFG_BOOL, "false", 0, 0, NULL },
	{ "output.unbuffered", CC_CFG_BOOL, "false", 0, 0, NULL },
	{ "ingest.max_bytes", CC_CFG_SIZE, "10MiB", 0, 0, NULL },
	{ "ingest.max_pages", CC_CFG_INT, "500", 0, 0, NULL },
	{ "ingest.jobs", CC_CFG_INT, "0", 0, CC_JOBS_MAX, NULL },
	{ "ingest.store", CC_CFG_PATH, NULL, 0, 0, NULL },
	{ "ingest.owner", CC_CFG_STRING, NULL, 0, 0, NULL },
	{ "ocr.jobs", CC_CFG_INT, "0", 0, CC_JOBS_MAX, NULL },
	{ "ocr.dpi", CC_CFG_INT, "300", 50, 1200, NULL },
	{ "ocr.enabled", CC_CFG_BOOL, "true", 0, 0, NULL },
	{ "ocr.force", CC_CFG_BOOL, "false", 0, 0, NULL },
	{ "ocr.lang", CC_CFG_STRING, "eng", 0, 0, NULL },
	{ "ocr.psm", CC_CFG_INT, "6", 0, 13, NULL },
	{ "ocr.deskew", CC_CFG_BOOL, "true", 0, 0, NULL },
	{ "ocr.use_cache", CC_CFG_BOOL, "true", 0, 0, NULL },
	{ "ocr.cache", CC_CFG_PATH, NULL, 0, 0, NULL },
	{ "ocr.cache_ttl", CC_CFG_DURATION, "24h", 0, 0, NULL },
	{ "ocr.cache_max", CC_CFG_SIZE, "1GiB", 0, 0, NULL },
	{ "extract.layouts", CC_CFG_PATH, NULL, 0, 0, NULL },
	{ "extract.layout", CC_CFG_STRING, NULL, 0, 0, NULL },
	{ "extract.min_conf", CC_CFG_FRACTION, "0.6", 0, 0, NULL },
	{ "extract.keep_pages", CC_CFG_BOOL, "false", 0, 0, NULL },
	{ "extract.jobs", CC_CFG_INT, "0", 0, CC_JOBS_MAX, NULL },
	/* dispute.* (cc-dispute) */
	{ "dispute.rules", CC_CFG_PATH, NULL, 0, 0, NULL },
	{ "dispute.round", CC_CFG_INT, "1", 1, 99, "a round from 1 to 99" },
	{ "dispute.jobs", CC_CFG_INT, "0", 0, CC_JOBS_MAX, NULL },
	{ "dispute.grouped", CC_CFG_BOOL, "true", 0, 0, NULL },
	/* letter.* (cc-letter) */
	{ "letter.output", CC_CFG_PATH, NULL, 0, 0, NULL },
	{ "letter.templates", CC_CFG_PATH, NULL, 0, 0, NULL },
	{ "letter.enclose_pages", CC_CFG_BOOL, "false", 0, 0, NULL },
	{ "letter.jobs", CC_CFG_INT, "0", 0, CC_JOBS_MAX, NULL },
	/* load.* (cc-load) */
	{ "load.batch", CC_CFG_INT, "1000", 1, 1000000, "a batch of 1 to 1000000 records" },
	/* database.* (cc-db, cc-load): $CC_DATABASE_URL is database.url */
	{ "database.url", CC_CFG_STRING, NULL, 0, 0, NULL },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static int key_index(const char *name)
{
	int i;

	for (i = 0; cc_config_keys[i].name; i++)
		if (strcmp(cc_config_keys[i].name, name) == 0)
			return i;
	return -1;
}

static int nkeys(void)
{
	int i;

	for (i = 0; cc_config_keys[i].name; i++)
		;
	return i;
}

void cc_config_init(struct cc_config *c)
{
	int i, n = nkeys();

	c->values = cc_xcalloc((size_t)n, sizeof(char *));
	c->origins = cc_xcalloc((size_t)n, sizeof(char *));
	c->file = NULL;
	for (i = 0; i < n; i++) {
		if (cc_config_keys[i].def)
			c->values[i] = cc_xstrdup(cc_config_keys[i].def);
		c->origins[i] = cc_xstrdup("default");
	}
}

void cc_config_release(struct cc_config *c)
{
	int i, n = nkeys();

	if (!c->values)
		return;
	for (i = 0; i < n; i++) {
		free(c->values[i]);
		free(c->origins[i]);
	}
	free(c->values);
	free(c->origins);
	free(c->file);
	c->values = c->origins = NULL;
	c->file = NULL;
}

static int parse_bool(const char *s, int *out)
{
	static const char *yes[] = { "true", "yes", "on", "1", NULL };
	static const char *no[] = { "false", "no", "off", "0", NULL };
	int i;

	for (i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return *out = 1, 0;
	for (i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return *out = 0, 0;
	return -1;
}

static const char *type_name(enum cc_cfg_type t)
{
	switch (t) {
	case CC_CFG_STRING: return "a string";
	case CC_CFG_PATH: return "a path";
	case CC_CFG_INT: return "a non-negative integer";
	case CC_CFG_SIZE: return "a size in bytes (e.g. 10MiB)";
	case CC_CFG_BOOL: return "true or false";
	case CC_CFG_FRACTION: return "a number from 0 to 1";
	case CC_CFG_DURATION: return "seconds or a number with s, m, h or d";
	}
	return "a value";
}

static int bounded(const struct cc_config_key *k)
{
	return k->type == CC_CFG_INT && k->max > 0;
}

static int check_type(const struct cc_config_key *k, const char *v)
{
	uint64_t sz;
	double f;
	long l;
	int b;

	switch (k->type) {
	case CC_CFG_STRING:
		return 0;
	case CC_CFG_PATH:
		return *v ? 0 : -1;
	case CC_CFG_INT:
		/* a bounded key says itself how big it may be */
		return cc_parse_long(v, &l) == 0 &&
		       (bounded(k) || l <= INT_MAX) ? 0 : -1;
	case CC_CFG_SIZE:
		return cc_parse_size(v, &sz);
	case CC_CFG_BOOL:
		return parse_bool(v, &b);
	case CC_CFG_FRACTION:
		return cc_parse_fraction(v, &f);
	case CC_CFG_DURATION:
		return cc_parse_duration(v) < 0 ? -1 : 0;
	}
	return -1;
}

int cc_config_check(const struct cc_config_key *k, const char *value,
		    struct cc_error *e)
{
	long l = 0;

	if (!cc_utf8_valid(value, strlen(value)) || check_type(k, value) != 0) {
		char *shown = cc_utf8_sanitize(value, strlen(value));

		cc_error_set(e, CC_ERR_CONFIG, "config.type",
			     "expected %s, got '%.*s'", type_name(k->type),
			     (int)cc_utf8_prefix(shown, 100), shown);
		free(shown);
		return e->code;
	}
	if (!bounded(k))
		return 0;
	cc_parse_long(value, &l);
	if (l >= k->min && l <= k->max)
		return 0;
	/* the value is all digits: shown as it is, as a number */
	if (k->range)
		return cc_error_set(e, CC_ERR_CONFIG, "config.range",
				    "expected %s, got %s", k->range, value);
	return cc_error_set(e, CC_ERR_CONFIG, "config.range",
			    "expected %ld to %ld, got %s", k->min, k->max,
			    value);
}

const struct cc_config_key *cc_config_key_find(const char *name)
{
	int i = key_index(name);

	return i < 0 ? NULL : &cc_config_keys[i];
}

int cc_config_set(struct cc_config *c, const char *key, const char *value,
		  const char *origin, struct cc_error *e)
{
	int i = key_index(key);

	if (i < 0)
		return cc_error_set(e, CC_ERR_CONFIG, "config.unknown_key",
				    "unknown key '%s'", key);
	if (cc_config_check(&cc_config_keys[i], value, e) < 0) {
		char *m = cc_xasprintf("'%s': %s", key, e->msg);

		snprintf(e->msg, sizeof(e->msg), "%s", m);
		free(m);
		return e->code;
	}
	free(c->values[i]);
	free(c->origins[i]);
	c->values[i] = cc_xstrdup(value);
	c->origins[i] = cc_xstrdup(origin);
	return 0;
}

/* --- YAML --------------------------------------------------------------- */

static int walk(struct cc_config *c, yaml_document_t *doc, yaml_node_t *node,
		const char *prefix, const char *path, struct cc_error *e);

static int set_from_yaml(struct cc_config *c, const char *key,
			 yaml_node_t *val, const char *path,
			 struct cc_error *e)
{
	char origin[600];
	long line = (long)val->start_mark.line + 1;
	const char *v = (const char *)val->data.scalar.value;
	int rc;

	if (strlen(v) != val->data.scalar.length) {
		cc_error_set(e, CC_ERR_CONFIG, "config.type",
			     "'%s': a NUL character in the value", key);
		cc_error_at(e, path, line);
		return e->code;
	}
	/* `key:` or `key: ~` leaves the default */
	if (val->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (!*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0))
		return 0;
	snprintf(origin, sizeof(origin), "%s:%ld", path, line);
	rc = cc_config_set(c, key, v, origin, e);
	if (rc < 0)
		cc_error_at(e, path, line);
	return rc;
}

/* 1 when some key in the table lies under the section name. */
static int is_section(const char *name)
{
	size_t n = strlen(name);
	int i;

	for (i = 0; cc_config_keys[i].name; i++)
		if (strncmp(cc_config_keys[i].name, name, n) == 0 &&
		    cc_config_keys[i].name[n] == '.')
			return 1;
	return 0;
}

static int is_null_scalar(yaml_node_t *v)
{
	const char *s = (const char *)v->data.scalar.value;

	return v->type == YAML_SCALAR_NODE &&
	       v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0);
}

static int walk(struct cc_config *c, yaml_document_t *doc, yaml_node_t *node,
		const char *prefix, const char *path, struct cc_error *e)
{
	yaml_node_pair_t *pair;
	yaml_node_t *k, *v;
	char key[256];
	int rc, idx;

	if (node->type != YAML_MAPPING_NODE) {
		cc_error_set(e, CC_ERR_CONFIG, "config.syntax",
			     "expected a mapping of keys");
		cc_error_at(e, path, (long)node->start_mark.line + 1);
		return e->code;
	}
	for (pair = node->data.mapping.pairs.start;
	     pair < node->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(doc, pair->key);
		v = yaml_document_get_node(doc, pair->value);
		if (!k || !v || k->type != YAML_SCALAR_NODE) {
			cc_error_set(e, CC_ERR_CONFIG, "config.syntax",
				     "keys must be plain names");
			cc_error_at(e, path, k ? (long)k->start_mark.line + 1 : 0);
			return e->code;
		}
		snprintf(key, sizeof(key), "%s%s%s", prefix,
			 prefix[0] ? "." : "", (char *)k->data.scalar.value);
		idx = key_index(key);
		if (idx >= 0 && v->type == YAML_SCALAR_NODE) {
			rc = set_from_yaml(c, key, v, path, e);
		} else if (idx >= 0) {
			cc_error_set(e, CC_ERR_CONFIG, "config.type",
				     "'%s': expected %s, not a %s", key,
				     type_name(cc_config_keys[idx].type),
				     v->type == YAML_MAPPING_NODE ? "mapping" :
				     "list");
			cc_error_at(e, path, (long)v->start_mark.line + 1);
			rc = e->code;
		} else if (is_section(key) && v->type == YAML_MAPPING_NODE) {
			rc = walk(c, doc, v, key, path, e);
		} else if (is_section(key) && is_null_scalar(v)) {
			rc = 0;   /* `section:` with every key commented out */
		} else if (is_section(key)) {
			cc_error_set(e, CC_ERR_CONFIG, "config.type",
				     "'%s' is a section: expected a mapping of "
				     "keys", key);
			cc_error_at(e, path, (long)v->start_mark.line + 1);
			rc = e->code;
		} else {
			char *shown = cc_utf8_sanitize(key, strlen(key));

			cc_error_set(e, CC_ERR_CONFIG, "config.unknown_key",
				     "unknown key '%.*s'",
				     (int)cc_utf8_prefix(shown, 200), shown);
			free(shown);
			cc_error_at(e, path, (long)k->start_mark.line + 1);
			rc = e->code;
		}
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* The 1-based line of byte offset off in the file (libyaml's reader
 * errors give an offset, not a line). */
static long line_of_offset(const char *path, size_t off)
{
	FILE *f = fopen(path, "rb");
	long line = 1;
	size_t i;
	int ch;

	if (!f)
		return 0;
	for (i = 0; i < off && (ch = getc(f)) != EOF; i++)
		if (ch == '\n')
			line++;
	fclose(f);
	return line;
}

int cc_config_load_file(struct cc_config *c, const char *path,
			struct cc_error *e)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	struct stat st;
	FILE *f;
	int rc = 0;

	f = fopen(path, "rb");
	if (!f) {
		cc_error_set(e, CC_ERR_NOINPUT, "config.open",
			     "cannot open config '%s': %s", path,
			     strerror(errno));
		return e->code;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		cc_error_set(e, CC_ERR_NOINPUT, "config.open",
			     "cannot open config '%s': not a regular file", path);
		return e->code;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return cc_error_set(e, CC_ERR_CONFIG, "config.syntax",
				    "cannot initialise the YAML parser");
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		cc_error_set(e, CC_ERR_CONFIG, "config.syntax",
			     "invalid YAML: %s",
			     parser.problem ? parser.problem : "parse error");
		cc_error_at(e, path, parser.error == YAML_READER_ERROR ?
			    line_of_offset(path, parser.problem_offset) :
			    (long)parser.problem_mark.line + 1);
		yaml_parser_delete(&parser);
		fclose(f);
		return e->code;
	}
	root = yaml_document_get_root_node(&doc);
	if (root && !(root->type == YAML_SCALAR_NODE &&
		      !*(char *)root->data.scalar.value))
		rc = walk(c, &doc, root, "", path, e);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
	if (rc == 0) {
		free(c->file);
		c->file = cc_xstrdup(path);
	}
	return rc;
}

static int load_env(struct cc_config *c, struct cc_error *e)
{
	char name[128], origin[140];
	const char *v;
	size_t j;
	int i, rc;

	for (i = 0; cc_config_keys[i].name; i++) {
		j = (size_t)snprintf(name, sizeof(name), "CC_%s",
				     cc_config_keys[i].name);
		for (j = 3; name[j]; j++)
			name[j] = name[j] == '.' ? '_' :
				  (char)toupper((unsigned char)name[j]);
		v = getenv(name);
		if (!v || !*v)
			continue;   /* an empty variable is an unset one */
		snprintf(origin, sizeof(origin), "$%s", name);
		rc = cc_config_set(c, cc_config_keys[i].name, v, origin, e);
		if (rc < 0) {
			/*
			 * A value out of range names its variable as a flag
			 * is named, "$CC_X: 'key': expected 1 to 99, got 0",
			 * as cc_tool_bad_setting() words a setting the tool
			 * refuses; a value of the wrong type says where the
			 * variable is from.
			 */
			char *m = cc_xasprintf(strcmp(e->id, "config.range") ?
					       "environment %s: %s" : "$%s: %s",
					       name, e->msg);

			snprintf(e->msg, sizeof(e->msg), "%s", m);
			free(m);
			return rc;
		}
	}
	v = getenv("CC_NOW");
	if (v && *v && cc_time_parse(v, &(time_t){ 0 }) < 0) {
		char *shown = cc_utf8_sanitize(v, strlen(v));

		cc_error_set(e, CC_ERR_CONFIG, "config.type",
			     "environment CC_NOW: expected seconds since the "
			     "epoch or YYYY-MM-DDTHH:MM:SSZ, got '%.*s'",
			     (int)cc_utf8_prefix(shown, 100), shown);
		free(shown);
		return e->code;
	}
	return 0;
}

int cc_config_load(struct cc_config *c, const char *explicit_path,
		   struct cc_error *e)
{
	const char *path = explicit_path;
	int rc;

	if (!path || !*path)
		path = getenv("CC_CONFIG");
	if (!path || !*path) {
		if (access("cc.yaml", F_OK) == 0)
			path = "cc.yaml";
		else if (access("/etc/cc/cc.yaml", F_OK) == 0)
			path = "/etc/cc/cc.yaml";
		else
			path = NULL;
	}
	if (path) {
		rc = cc_config_load_file(c, path, e);
		if (rc < 0)
			return rc;
	}
	return load_env(c, e);
}

static int must_index(const char *key)
{
	int i = key_index(key);

	if (i < 0)
		cc_fatal("internal error: config key '%s' is not declared", key);
	return i;
}

/* The value of key, which must be of type t. */
static const char *typed_value(const struct cc_config *c, const char *key,
			       enum cc_cfg_type t)
{
	int i = must_index(key);

	/* read as another type, a value would quietly be 0 */
	if (cc_config_keys[i].type != t)
		cc_fatal("internal error: config key '%s' is not %s", key,
			 type_name(t));
	return c->values[i];
}

const char *cc_config_str(const struct cc_config *c, const char *key)
{
	return c->values[must_index(key)];
}

const char *cc_config_origin(const struct cc_config *c, const char *key)
{
	return c->origins[must_index(key)];
}

double cc_config_fraction(const struct cc_config *c, const char *key)
{
	const char *v = typed_value(c, key, CC_CFG_FRACTION);
	double f = 0;

	if (v)
		cc_parse_fraction(v, &f);
	return f;
}

long cc_config_int(const struct cc_config *c, const char *key)
{
	const char *v = typed_value(c, key, CC_CFG_INT);
	long l = 0;

	if (v)
		cc_parse_long(v, &l);
	return l;
}

uint64_t cc_config_size(const struct cc_config *c, const char *key)
{
	const char *v = typed_value(c, key, CC_CFG_SIZE);
	uint64_t s = 0;

	if (v)
		cc_parse_size(v, &s);
	return s;
}

int cc_config_bool(const struct cc_config *c, const char *key)
{
	const char *v = typed_value(c, key, CC_CFG_BOOL);
	int b = 0;

	if (v)
		parse_bool(v, &b);
	return b;
}

long cc_config_duration(const struct cc_config *c, const char *key)
{
	const char *v = typed_value(c, key, CC_CFG_DURATION);
	long d;

	if (!v)
		return 0;
	d = cc_parse_duration(v);
	return d < 0 ? 0 : d;
}

void cc_config_flag(struct cc_config_flags *f, const char *key,
		    const char *value, const char *name)
{
	CC_GROW(f->v, f->alloc, f->n + 1);
	f->v[f->n].key = key;
	f->v[f->n].value = value;
	f->v[f->n].name = name;
	f->n++;
}

void cc_config_flags_release(struct cc_config_flags *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->alloc = 0;
}
