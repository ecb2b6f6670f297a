/*
 * config.h -- configuration: YAML file, CC_* environment, flags.
 *
 * Precedence: flags > environment > config file > defaults.  The file is
 * the first of --config, $CC_CONFIG, ./cc.yaml, /etc/cc/cc.yaml that is
 * given or exists.  Keys are dotted paths ("ingest.max_pages" is
 * `ingest: {max_pages: ...}` in YAML and $CC_INGEST_MAX_PAGES in the
 * environment).  Every key is declared in the table in config.c, with its
 * type and default, and documented in cc.yaml(5); an unknown key or a
 * value of the wrong type is an error naming the file, line and key.
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
};

struct cc_config_key {
	const char *name;
	enum cc_cfg_type type;
	const char *def;       /* default as text, NULL for none */
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

/* Set key from a flag or the environment; origin names it.  Type-checked. */
int cc_config_set(struct cc_config *c, const char *key, const char *value,
		  const char *origin, struct cc_error *e);

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

/* Values; key must be in the table (an unknown key is a programming error). */
const char *cc_config_str(const struct cc_config *c, const char *key);
long cc_config_int(const struct cc_config *c, const char *key);
double cc_config_fraction(const struct cc_config *c, const char *key);
uint64_t cc_config_size(const struct cc_config *c, const char *key);
int cc_config_bool(const struct cc_config *c, const char *key);
const char *cc_config_origin(const struct cc_config *c, const char *key);

#endif
