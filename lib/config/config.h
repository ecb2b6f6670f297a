/*
 * config.h -- configuration: YAML file, CC_* environment, flags.
 *
 * Precedence: flags > environment > config file > defaults.  The file is
 * the first of --config, $CC_CONFIG, ./cc.yaml, /etc/cc/cc.yaml that is
 * given or exists.  Keys are dotted paths ("ingest.max_pages" is
 * `ingest: {max_pages: ...}` in YAML and $CC_INGEST_MAX_PAGES in the
 * environment).  Every key is declared in the table in config.c, with its
 * type, default and, for an integer, the range it must fall in, and
 * documented in cc.yaml(5); an unknown key, a value of the wrong type or
 * out of range is an error naming the file and line, or the variable,
 * and the key.  Values are checked when they are set, whatever sets
 * them, so a bad one is the same error from every source.
 */
#ifndef CC_CONFIG_H
#define CC_CONFIG_H

#include <stdint.h>

#include "base/error.h"

enum cc_cfg_type {
	CC_CFG_STRING,
	CC_CFG_PATH,
	CC_CFG_INT,   /* non-negative integer */
	CC_CFG_SIZE,  /* bytes, with K/M/G suffixes */
	CC_CFG_BOOL,  /* true/false, yes/no, on/off, 1/0 */
	CC_CFG_FRACTION, /* a number from 0 to 1 */
	CC_CFG_DURATION, /* seconds, or a number with s, m, h or d */
};

/* The most threads a jobs key (ingest.jobs, ...) may ask for. */
#define CC_JOBS_MAX 256

struct cc_config_key {
	const char *name;
	enum cc_cfg_type type;
	const char *def;       /* default as text, NULL for none */
	/*
	 * CC_CFG_INT only: when max > 0, the value must be from min to max
	 * (and may then be up to LONG_MAX; without bounds, up to INT_MAX).
	 * range says so in words ("a round from 1 to 99"); NULL: "MIN to MAX".
	 */
	long min, max;
	const char *range;
};

struct cc_config {
	char **values;         /* per key, NULL when unset */
	char **origins;        /* "default", "FILE:LINE", "$CC_X", "--flag" */
	char *file;            /* the file loaded, NULL for none */
};

/* The table of keys, terminated by a NULL name. */
extern const struct cc_config_key cc_config_keys[];

/* Defaults only.  Release with cc_config_release(). */
void cc_config_init(struct cc_config *c);
void cc_config_release(struct cc_config *c);

/*
 * Load the config file (explicit: --config, or NULL) and then the
 * environment over it.  0, or CC_ERR_CONFIG (e names file, line and key)
 * or CC_ERR_NOINPUT (an explicit file that cannot be opened).
 */
int cc_config_load(struct cc_config *c, const char *explicit_path,
		   struct cc_error *e);

/* Load one YAML file over c.  0 or CC_ERR_CONFIG / CC_ERR_NOINPUT. */
int cc_config_load_file(struct cc_config *c, const char *path,
			struct cc_error *e);

/*
 * Set key from a flag or the environment; origin names it.  Checked
 * against the key's type and range: CC_ERR_CONFIG with e->id
 * "config.type" or "config.range" and e->msg "'KEY': expected ..., got
 * ...", the value left as it was.
 */
int cc_config_set(struct cc_config *c, const char *key, const char *value,
		  const char *origin, struct cc_error *e);

/* The key named so in the table, or NULL. */
const struct cc_config_key *cc_config_key_find(const char *name);

/*
 * Check value against k's type and range, as cc_config_set() does, for
 * a value that is not stored (a tool's own option: k->name may be NULL).
 * 0, or CC_ERR_CONFIG with e->id "config.type" (e->msg "expected TYPE,
 * got 'VALUE'") or "config.range" (e->msg "expected RANGE, got VALUE").
 */
int cc_config_check(const struct cc_config_key *k, const char *value,
		    struct cc_error *e);

/* Settings from the command line, applied after the file and environment. */
struct cc_config_flags {
	struct cc_config_flag {
		const char *key, *value, *name;  /* borrowed (argv) */
	} *v;
	size_t n, alloc;
};

/* Remember `--name value` as key=value (value and name are borrowed). */
void cc_config_flag(struct cc_config_flags *f, const char *key,
		    const char *value, const char *name);
void cc_config_flags_release(struct cc_config_flags *f);

/*
 * Values; key must be in the table and, but for cc_config_str(), of the
 * getter's type (anything else is a programming error, and aborts).
 */
const char *cc_config_str(const struct cc_config *c, const char *key);
long cc_config_int(const struct cc_config *c, const char *key);
double cc_config_fraction(const struct cc_config *c, const char *key);
uint64_t cc_config_size(const struct cc_config *c, const char *key);
int cc_config_bool(const struct cc_config *c, const char *key);
long cc_config_duration(const struct cc_config *c, const char *key); /* s */
const char *cc_config_origin(const struct cc_config *c, const char *key);

#endif
