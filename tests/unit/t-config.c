/*
 * t-config.c -- lib/config.c: the YAML file, the environment, flags.
 */
#include "base/cc.h"
#include "config/config.h"

#include <ctype.h>

#include "tap.h"
#include "tmp.h"

/* The environment a config test must not inherit. */
static void clear_env(void)
{
	char name[128];
	size_t j;
	int i;

	unsetenv("CC_CONFIG");
	for (i = 0; cc_config_keys[i].name; i++) {
		snprintf(name, sizeof(name), "CC_%s", cc_config_keys[i].name);
		for (j = 3; name[j]; j++)
			name[j] = name[j] == '.' ? '_' :
				  (char)toupper((unsigned char)name[j]);
		unsetenv(name);
	}
}

/* Origin "PATH:LINE" of a temporary file. */
static void is_origin(const struct cc_config *c, const char *key,
		      const char *path, long line)
{
	char *want = cc_xasprintf("%s:%ld", path, line);

	is_str(cc_config_origin(c, key), want, "origin of %s is FILE:%ld",
	       key, line);
	free(want);
}

/*
 * Load text as a config file; expect an error with exactly this code, id,
 * message and line, the file as its source, and the file not recorded.
 * A msg ending in "..." is a prefix (for libyaml's own wording).
 */
static void check_error(const char *desc, const char *text, int code,
			const char *id, const char *msg, long line)
{
	struct cc_config c;
	struct cc_error e;
	char *path = tmp_write_str("bad.yaml", text);
	size_t mlen;
	int rc;

	cc_config_init(&c);
	cc_error_clear(&e);
	rc = cc_config_load_file(&c, path, &e);
	is_int(rc, code, "%s: return code", desc);
	is_int(e.code, code, "%s: e.code", desc);
	is_str(e.id, id, "%s: id", desc);
	mlen = strlen(msg);
	if (mlen > 3 && strcmp(msg + mlen - 3, "...") == 0) {
		if (!ok(strncmp(e.msg, msg, mlen - 3) == 0,
			"%s: message starts with \"%.*s\"", desc,
			(int)(mlen - 3), msg))
			tap_diag("got: \"%s\"", e.msg);
	} else {
		is_str(e.msg, msg, "%s: message", desc);
	}
	is_str(e.source, path, "%s: source is the file", desc);
	is_int(e.line, line, "%s: line %ld", desc, line);
	ok(c.file == NULL, "%s: the file is not recorded as loaded", desc);
	cc_config_release(&c);
	unlink(path);
	free(path);
}

static void test_defaults(void)
{
	struct cc_config c;
	int i;

	cc_config_init(&c);
	is_int(cc_config_size(&c, "input.max_record"), 16777216,
	       "default input.max_record is 16MiB");
	is_int(cc_config_bool(&c, "input.strict"), 0, "default input.strict");
	is_int(cc_config_bool(&c, "output.unbuffered"), 0,
	       "default output.unbuffered");
	is_int(cc_config_size(&c, "ingest.max_bytes"), 10485760,
	       "default ingest.max_bytes is 10MiB");
	is_int(cc_config_int(&c, "ingest.max_pages"), 500,
	       "default ingest.max_pages");
	is_str(cc_config_str(&c, "ingest.store"), NULL,
	       "ingest.store has no default");
	is_str(cc_config_str(&c, "ingest.owner"), NULL,
	       "ingest.owner has no default");
	for (i = 0; cc_config_keys[i].name; i++)
		if (strcmp(cc_config_origin(&c, cc_config_keys[i].name),
			   "default") != 0)
			break;
	ok(!cc_config_keys[i].name, "every origin is \"default\"");
	ok(c.file == NULL, "no file loaded");
	cc_config_release(&c);
	cc_config_release(&c);
	ok(1, "cc_config_release twice is harmless");
}

static void test_values(void)
{
	struct cc_config c;
	struct cc_error e;
	char *path;

	path = tmp_write_str("values.yaml",
		"# cc.yaml for a test\n"              /* 1 */
		"ingest:\n"                           /* 2 */
		"  max_pages: 7        # a comment\n" /* 3 */
		"\n"                                  /* 4 */
		"  max_bytes: 2MiB\n"                 /* 5 */
		"  owner: \"user 42\"\n"              /* 6 */
		"output:\n"                           /* 7 */
		"  # unbuffered: no\n"                /* 8 */
		"  unbuffered: yes\n"                 /* 9 */
		"input: {strict: On, max_record: 1k}\n"); /* 10 */
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load_file(&c, path, &e), 0, "a good file loads");
	is_str(e.msg, "", "and sets no error");
	is_int(cc_config_int(&c, "ingest.max_pages"), 7, "ingest.max_pages: 7");
	is_origin(&c, "ingest.max_pages", path, 3);
	is_int(cc_config_size(&c, "ingest.max_bytes"), 2097152,
	       "ingest.max_bytes: 2MiB is 2097152");
	is_str(cc_config_str(&c, "ingest.max_bytes"), "2MiB",
	       "the value is kept as text");
	is_origin(&c, "ingest.max_bytes", path, 5);
	is_str(cc_config_str(&c, "ingest.owner"), "user 42",
	       "a quoted string");
	is_origin(&c, "ingest.owner", path, 6);
	is_int(cc_config_bool(&c, "output.unbuffered"), 1,
	       "output.unbuffered: yes is 1");
	is_origin(&c, "output.unbuffered", path, 9);
	is_int(cc_config_bool(&c, "input.strict"), 1,
	       "flow mapping: input.strict: On is 1");
	is_origin(&c, "input.strict", path, 10);
	is_int(cc_config_size(&c, "input.max_record"), 1024,
	       "flow mapping: input.max_record: 1k is 1024");
	is_str(cc_config_origin(&c, "ingest.store"), "default",
	       "a key not in the file keeps origin \"default\"");
	is_str(cc_config_str(&c, "ingest.store"), NULL,
	       "and its value");
	is_str(c.file, path, "c.file names the file loaded");
	cc_config_release(&c);
	unlink(path);
	free(path);
}

static void test_nulls(void)
{
	struct cc_config c;
	struct cc_error e;
	char *path;

	path = tmp_write_str("nulls.yaml",
		"ingest:\n"
		"  max_pages:\n"
		"  max_bytes: ~\n"
		"  store: null\n"
		"  owner: \"~\"\n"
		"output:\n"
		"  unbuffered: 'no'\n");
	cc_config_init(&c);
	cc_error_clear(&e);
	if (!is_int(cc_config_load_file(&c, path, &e), 0, "a file of nulls loads"))
		tap_diag("%s:%ld: %s", e.source, e.line, e.msg);
	is_int(cc_config_int(&c, "ingest.max_pages"), 500,
	       "`max_pages:` keeps the default");
	is_str(cc_config_origin(&c, "ingest.max_pages"), "default",
	       "`max_pages:` keeps origin \"default\"");
	is_int(cc_config_size(&c, "ingest.max_bytes"), 10485760,
	       "`max_bytes: ~` keeps the default");
	is_str(cc_config_origin(&c, "ingest.max_bytes"), "default",
	       "`max_bytes: ~` keeps origin \"default\"");
	is_str(cc_config_str(&c, "ingest.store"), NULL,
	       "`store: null` keeps the default");
	is_str(cc_config_str(&c, "ingest.owner"), "~",
	       "a quoted \"~\" is a string, not null");
	is_origin(&c, "ingest.owner", path, 5);
	is_int(cc_config_bool(&c, "output.unbuffered"), 0,
	       "a quoted 'no' is false");
	is_origin(&c, "output.unbuffered", path, 7);
	cc_config_release(&c);
	unlink(path);
	free(path);
}

static void test_empty(void)
{
	static const char *const texts[] = {
		"",
		"\n\n",
		"# only a comment\n",
		"---\n",
		"{}\n",
	};
	struct cc_config c;
	struct cc_error e;
	char *path;
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		path = tmp_write_str("empty.yaml", texts[i]);
		cc_config_init(&c);
		cc_error_clear(&e);
		if (!is_int(cc_config_load_file(&c, path, &e), 0,
			    "an empty file (case %zu) loads", i))
			tap_diag("%s:%ld: %s", e.source, e.line, e.msg);
		is_int(cc_config_int(&c, "ingest.max_pages"), 500,
		       "an empty file (case %zu) keeps the defaults", i);
		is_str(c.file, path, "an empty file (case %zu) is recorded", i);
		cc_config_release(&c);
		unlink(path);
		free(path);
	}

	/*
	 * A section whose keys are all commented out is `ingest:` with a
	 * null value: like `key:` for a single key, it must keep the
	 * defaults, not be an unknown key.
	 */
	path = tmp_write_str("empty-section.yaml",
		"ingest:\n"
		"#  max_pages: 7\n"
		"output:\n"
		"  unbuffered: true\n");
	cc_config_init(&c);
	cc_error_clear(&e);
	if (!is_int(cc_config_load_file(&c, path, &e), 0,
		    "a section with every key commented out loads"))
		tap_diag("%s:%ld: %s (%s)", e.source, e.line, e.msg, e.id);
	is_int(cc_config_int(&c, "ingest.max_pages"), 500,
	       "an empty section keeps the defaults");
	cc_config_release(&c);
	unlink(path);
	free(path);
}

static void test_errors(void)
{
	char *long_value, *text;
	struct cc_config c;
	struct cc_error e;
	char *path;
	size_t i;

	check_error("unknown key at top level",
		    "ingest:\n  max_pages: 3\nbogus: 1\n",
		    CC_ERR_CONFIG, "config.unknown_key",
		    "unknown key 'bogus'", 3);
	check_error("unknown key in a section",
		    "output:\n  unbuffered: no\ningest:\n  max_pages: 3\n"
		    "  max_pagez: 4\n",
		    CC_ERR_CONFIG, "config.unknown_key",
		    "unknown key 'ingest.max_pagez'", 5);
	check_error("unknown key: the line of the key, not of the value",
		    "ingest:\n  max_pagez:\n    4\n",
		    CC_ERR_CONFIG, "config.unknown_key",
		    "unknown key 'ingest.max_pagez'", 2);
	check_error("unknown section",
		    "# header\noutptu:\n  unbuffered: yes\n",
		    CC_ERR_CONFIG, "config.unknown_key",
		    "unknown key 'outptu'", 2);
	check_error("a prefix of a section is not a section",
		    "inges:\n  max_pages: 3\n",
		    CC_ERR_CONFIG, "config.unknown_key",
		    "unknown key 'inges'", 1);
	check_error("a key used as a section",
		    "ingest:\n  max_pages:\n    deep: 1\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_pages': expected a non-negative integer, "
		    "not a mapping", 3);
	check_error("wrong type, value on the key's line",
		    "ingest:\n  max_pages: lots\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_pages': expected a non-negative integer, "
		    "got 'lots'", 2);
	check_error("wrong type: the line of the value",
		    "ingest:\n  max_pages:\n\n    lots\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_pages': expected a non-negative integer, "
		    "got 'lots'", 4);
	check_error("negative integer",
		    "ingest:\n  max_pages: -1\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_pages': expected a non-negative integer, "
		    "got '-1'", 2);
	check_error("wrong type: size",
		    "ingest:\n  max_bytes: 10X\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_bytes': expected a size in bytes (e.g. 10MiB), "
		    "got '10X'", 2);
	check_error("wrong type: bool",
		    "output:\n  unbuffered: maybe\n",
		    CC_ERR_CONFIG, "config.type",
		    "'output.unbuffered': expected true or false, got 'maybe'", 2);
	check_error("wrong type: empty path",
		    "ingest:\n  store: ''\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.store': expected a path, got ''", 2);
	check_error("a list where a value is expected (block)",
		    "ingest:\n  max_pages:\n    - 1\n    - 2\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_pages': expected a non-negative integer, not a list", 3);
	check_error("a list where a value is expected (flow)",
		    "ingest:\n  max_pages: [1, 2]\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest.max_pages': expected a non-negative integer, not a list", 2);
	check_error("a scalar where a section is expected",
		    "output:\n  unbuffered: no\ningest: 5\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest' is a section: expected a mapping of keys", 3);
	check_error("a document that is a scalar",
		    "\nhello\n",
		    CC_ERR_CONFIG, "config.syntax",
		    "expected a mapping of keys", 2);
	check_error("a document that is a list",
		    "- ingest\n- output\n",
		    CC_ERR_CONFIG, "config.syntax",
		    "expected a mapping of keys", 1);
	check_error("a section that is a list",
		    "ingest:\n  - max_pages: 3\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ingest' is a section: expected a mapping of keys", 2);
	check_error("a key that is not a scalar",
		    "ingest:\n  ? [a, b]\n  : 1\n",
		    CC_ERR_CONFIG, "config.syntax",
		    "keys must be plain names", 2);
	check_error("invalid YAML: a tab",
		    "ingest:\n  max_pages: 3\n\tmax_bytes: 1\n",
		    CC_ERR_CONFIG, "config.syntax", "invalid YAML: ...", 3);
	check_error("invalid YAML: an unclosed flow list",
		    "ingest:\n  max_pages: [1,\n",
		    CC_ERR_CONFIG, "config.syntax", "invalid YAML: ...", 3);
	check_error("invalid YAML: a: b: c",
		    "# one\n# two\ningest: max_pages: 3\n",
		    CC_ERR_CONFIG, "config.syntax",
		    "invalid YAML: mapping values are not allowed in this context",
		    3);
	/*
	 * libyaml's reader errors (bad UTF-8, control characters) give
	 * problem_offset, not problem_mark: the line must still be right.
	 */
	check_error("invalid YAML: invalid UTF-8 on line 4",
		    "ingest:\n  max_pages: 3\n  max_bytes: 1M\n"
		    "  owner: \"a\xff\"\n",
		    CC_ERR_CONFIG, "config.syntax",
		    "invalid YAML: invalid leading UTF-8 octet", 4);

	/* the error message stays valid UTF-8 when a long value is cut */
	long_value = cc_xmalloc(1 + 2 * 200 + 1);
	long_value[0] = 'x';
	for (i = 0; i < 200; i++)
		memcpy(long_value + 1 + 2 * i, "\xc3\xa9", 2);
	long_value[1 + 2 * 200] = '\0';
	text = cc_xasprintf("ingest:\n  max_pages: %s\n", long_value);
	path = tmp_write_str("long.yaml", text);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load_file(&c, path, &e), CC_ERR_CONFIG,
	       "a long value of the wrong type is an error");
	is_str(e.id, "config.type", "a long value: config.type");
	ok(strlen(e.msg) < 200, "a long value is cut in the message");
	if (!ok(cc_utf8_valid(e.msg, strlen(e.msg)),
		"a message that cuts a long value is still valid UTF-8"))
		tap_diag("%s", e.msg);
	cc_config_release(&c);
	unlink(path);
	free(path);
	free(text);
	free(long_value);

	/* a missing file */
	path = tmp_path("does-not-exist.yaml");
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load_file(&c, path, &e), CC_ERR_NOINPUT,
	       "a missing file: CC_ERR_NOINPUT");
	is_int(e.code, CC_ERR_NOINPUT, "a missing file: e.code");
	is_str(e.id, "config.open", "a missing file: id config.open");
	text = cc_xasprintf("cannot open config '%s': No such file or directory",
			    path);
	is_str(e.msg, text, "a missing file: message");
	ok(c.file == NULL, "a missing file is not recorded");
	is_int(cc_config_int(&c, "ingest.max_pages"), 500,
	       "a missing file leaves the defaults");
	cc_config_release(&c);
	free(text);
	free(path);
}

static void test_set(void)
{
	struct cc_config c;
	struct cc_error e;

	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_set(&c, "ingest.max_pages", "12", "--max-pages", &e),
	       0, "cc_config_set");
	is_int(cc_config_int(&c, "ingest.max_pages"), 12, "the value is set");
	is_str(cc_config_origin(&c, "ingest.max_pages"), "--max-pages",
	       "the origin is the flag");

	is_int(cc_config_set(&c, "ingest.max_pagez", "12", "--x", &e),
	       CC_ERR_CONFIG, "cc_config_set of an unknown key");
	is_str(e.id, "config.unknown_key", "unknown key: id");
	is_str(e.msg, "unknown key 'ingest.max_pagez'", "unknown key: message");

	cc_error_clear(&e);
	is_int(cc_config_set(&c, "ingest.max_pages", "1e3", "--max-pages", &e),
	       CC_ERR_CONFIG, "cc_config_set of a bad value");
	is_str(e.id, "config.type", "bad value: id");
	is_str(e.msg, "'ingest.max_pages': expected a non-negative integer, "
	       "got '1e3'", "bad value: message");
	is_str(e.source, "", "bad value from a flag: no source");
	is_int(e.line, 0, "bad value from a flag: no line");
	is_int(cc_config_int(&c, "ingest.max_pages"), 12,
	       "a bad value leaves the old one");
	is_str(cc_config_origin(&c, "ingest.max_pages"), "--max-pages",
	       "and the old origin");

	cc_error_clear(&e);
	is_int(cc_config_set(&c, "ingest.owner", "a\xff" "b", "--owner", &e),
	       CC_ERR_CONFIG, "invalid UTF-8 in a string value is an error");
	is_str(e.msg, "'ingest.owner': expected a string, got 'a\xef\xbf\xbd" "b'",
	       "invalid UTF-8 is shown as U+FFFD");
	is_str(cc_config_str(&c, "ingest.owner"), NULL,
	       "and the value is not set");

	is_int(cc_config_set(&c, "output.unbuffered", "OFF", "--x", &e), 0,
	       "OFF is a bool");
	is_int(cc_config_bool(&c, "output.unbuffered"), 0, "OFF is false");
	is_int(cc_config_set(&c, "output.unbuffered", "1", "--x", &e), 0,
	       "1 is a bool");
	is_int(cc_config_bool(&c, "output.unbuffered"), 1, "1 is true");
	is_int(cc_config_set(&c, "input.max_record", "3G", "--x", &e), 0,
	       "3G is a size");
	is_int(cc_config_size(&c, "input.max_record"), 3221225472LL,
	       "3G is 3221225472");
	cc_config_release(&c);
}

static void test_load(void)
{
	struct cc_config c;
	struct cc_error e;
	char *path, *other, *missing, *want;
	int rc;

	clear_env();
	path = tmp_write_str("main.yaml",
		"ingest:\n"
		"  max_pages: 7\n"
		"  max_bytes: 1M\n");
	other = tmp_write_str("other.yaml",
		"ingest:\n"
		"\n"
		"  max_pages: 3\n");

	/* file only */
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, path, &e), 0, "cc_config_load, file only");
	is_int(cc_config_int(&c, "ingest.max_pages"), 7, "file: max_pages 7");
	is_origin(&c, "ingest.max_pages", path, 2);
	is_str(c.file, path, "file: c.file");
	cc_config_release(&c);

	/* file < environment < flag */
	setenv("CC_INGEST_MAX_PAGES", "8", 1);
	setenv("CC_OUTPUT_UNBUFFERED", "on", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, path, &e), 0, "cc_config_load, file and env");
	is_int(cc_config_int(&c, "ingest.max_pages"), 8,
	       "the environment beats the file");
	is_str(cc_config_origin(&c, "ingest.max_pages"), "$CC_INGEST_MAX_PAGES",
	       "origin $CC_INGEST_MAX_PAGES");
	is_int(cc_config_size(&c, "ingest.max_bytes"), 1048576,
	       "a key only in the file keeps the file's value");
	is_origin(&c, "ingest.max_bytes", path, 3);
	is_int(cc_config_bool(&c, "output.unbuffered"), 1,
	       "a key only in the environment");
	is_str(cc_config_origin(&c, "output.unbuffered"), "$CC_OUTPUT_UNBUFFERED",
	       "origin $CC_OUTPUT_UNBUFFERED");
	is_int(cc_config_set(&c, "ingest.max_pages", "9", "--max-pages", &e), 0,
	       "a flag after the environment");
	is_int(cc_config_int(&c, "ingest.max_pages"), 9,
	       "the flag beats the environment");
	is_str(cc_config_origin(&c, "ingest.max_pages"), "--max-pages",
	       "origin --max-pages");
	cc_config_release(&c);
	unsetenv("CC_OUTPUT_UNBUFFERED");

	/* a bad environment value */
	setenv("CC_INGEST_MAX_PAGES", "lots", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, path, &e), CC_ERR_CONFIG,
	       "a bad environment value is CC_ERR_CONFIG");
	is_str(e.id, "config.type", "a bad environment value: config.type");
	is_str(e.msg, "environment CC_INGEST_MAX_PAGES: 'ingest.max_pages': "
	       "expected a non-negative integer, got 'lots'",
	       "a bad environment value: message");
	ok(strncmp(e.msg, "environment CC_INGEST_MAX_PAGES: ", 33) == 0,
	   "the message starts with \"environment CC_INGEST_MAX_PAGES: \"");
	is_str(e.source, "", "a bad environment value has no file");
	is_int(e.line, 0, "a bad environment value has no line");
	cc_config_release(&c);

	setenv("CC_INGEST_MAX_PAGES", "", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, path, &e), 0,
	       "an empty environment variable counts as unset");
	ok(strncmp(cc_config_origin(&c, "ingest.max_pages"), path,
		   strlen(path)) == 0,
	   "an empty environment variable leaves the file's value alone");

	cc_config_release(&c);
	setenv("CC_NOW", "yesterday", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, path, &e), CC_ERR_CONFIG,
	       "an unparsable CC_NOW is a configuration error");
	is_str(e.msg, "environment CC_NOW: expected seconds since the epoch "
	       "or YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'",
	       "an unparsable CC_NOW: message");
	unsetenv("CC_NOW");
	cc_config_release(&c);
	unsetenv("CC_INGEST_MAX_PAGES");

	/* $CC_CONFIG selects the file; an explicit path beats it */
	setenv("CC_CONFIG", other, 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, NULL, &e), 0, "$CC_CONFIG");
	is_str(c.file, other, "$CC_CONFIG names the file loaded");
	is_int(cc_config_int(&c, "ingest.max_pages"), 3,
	       "the value from $CC_CONFIG's file");
	is_origin(&c, "ingest.max_pages", other, 3);
	cc_config_release(&c);

	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, "", &e), 0, "an empty explicit path");
	is_str(c.file, other, "an empty explicit path falls back on $CC_CONFIG");
	cc_config_release(&c);

	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, path, &e), 0, "explicit path and $CC_CONFIG");
	is_str(c.file, path, "the explicit path beats $CC_CONFIG");
	is_int(cc_config_int(&c, "ingest.max_pages"), 7,
	       "the value from the explicit file");
	cc_config_release(&c);

	missing = tmp_path("missing.yaml");
	setenv("CC_CONFIG", missing, 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, NULL, &e), CC_ERR_NOINPUT,
	       "$CC_CONFIG naming a missing file is CC_ERR_NOINPUT");
	is_str(e.id, "config.open", "$CC_CONFIG missing: config.open");
	cc_config_release(&c);

	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, missing, &e), CC_ERR_NOINPUT,
	       "an explicit missing file is CC_ERR_NOINPUT");
	cc_config_release(&c);
	unsetenv("CC_CONFIG");

	/* ./cc.yaml when nothing names a file */
	if (chdir(tmp_dir()) != 0) {
		ok(0, "chdir to the temporary directory");
	} else {
		want = tmp_write_str("cc.yaml", "output:\n  unbuffered: yes\n");
		cc_config_init(&c);
		cc_error_clear(&e);
		rc = cc_config_load(&c, NULL, &e);
		is_int(rc, 0, "./cc.yaml is found");
		is_str(c.file, "cc.yaml", "c.file is \"cc.yaml\"");
		is_str(cc_config_origin(&c, "output.unbuffered"), "cc.yaml:2",
		       "origin cc.yaml:2");
		cc_config_release(&c);
		unlink(want);
		free(want);

		if (access("/etc/cc/cc.yaml", F_OK) == 0) {
			ok(1, "# SKIP /etc/cc/cc.yaml exists");
		} else {
			setenv("CC_INGEST_MAX_PAGES", "4", 1);
			cc_config_init(&c);
			cc_error_clear(&e);
			is_int(cc_config_load(&c, NULL, &e), 0,
			       "no file at all is fine");
			ok(c.file == NULL, "no file at all: c.file is NULL");
			is_int(cc_config_int(&c, "ingest.max_pages"), 4,
			       "no file at all: the environment still applies");
			cc_config_release(&c);
			unsetenv("CC_INGEST_MAX_PAGES");
		}
		if (chdir("/") != 0)
			tap_diag("chdir /: %s", strerror(errno));
	}

	unlink(path);
	unlink(other);
	free(path);
	free(other);
	free(missing);
}

/* Durations: seconds, or a number with s, m, h or d, from every source. */
static void test_duration(void)
{
	struct cc_config c;
	struct cc_error e;
	char *path;

	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 86400,
	       "default ocr.cache_ttl is 24h, 86400 s");
	is_str(cc_config_str(&c, "ocr.cache_ttl"), "24h",
	       "and is kept as written");
	is_int(cc_config_set(&c, "ocr.cache_ttl", "90m", "--cache-ttl", &e), 0,
	       "90m is a duration");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 5400, "90m is 5400 s");
	is_int(cc_config_set(&c, "ocr.cache_ttl", "7d", "--x", &e), 0, "7d");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 604800, "7d is 604800 s");
	is_int(cc_config_set(&c, "ocr.cache_ttl", "45", "--x", &e), 0,
	       "a bare number is seconds");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 45, "45 is 45 s");
	is_int(cc_config_set(&c, "ocr.cache_ttl", "0", "--x", &e), 0, "0");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 0, "0 is 0 (for ever)");

	is_int(cc_config_set(&c, "ocr.cache_ttl", "soon", "--cache-ttl", &e),
	       CC_ERR_CONFIG, "'soon' is not a duration");
	is_str(e.id, "config.type", "a bad duration: config.type");
	is_str(e.msg, "'ocr.cache_ttl': expected seconds or a number with s, "
	       "m, h or d, got 'soon'", "a bad duration: message");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 0,
	       "a bad duration leaves the old value");
	ok(cc_config_set(&c, "ocr.cache_ttl", "1w", "--x", &e) < 0, "1w is not");
	ok(cc_config_set(&c, "ocr.cache_ttl", "-1h", "--x", &e) < 0, "-1h is not");
	ok(cc_config_set(&c, "ocr.cache_ttl", "2hh", "--x", &e) < 0, "2hh is not");
	ok(cc_config_set(&c, "ocr.cache_ttl", "h", "--x", &e) < 0, "h is not");
	ok(cc_config_set(&c, "ocr.cache_ttl", "999999999d", "--x", &e) < 0,
	   "a duration past INT_MAX seconds is not");
	cc_config_release(&c);

	path = tmp_write_str("ttl.yaml", "ocr:\n  cache_ttl: 24h\n");
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load_file(&c, path, &e), 0, "cache_ttl: 24h in a file");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 86400,
	       "cache_ttl: 24h is 86400 s");
	is_origin(&c, "ocr.cache_ttl", path, 2);
	cc_config_release(&c);
	unlink(path);
	free(path);
	check_error("a bad duration in a file",
		    "ocr:\n  cache_ttl: 3 weeks\n",
		    CC_ERR_CONFIG, "config.type",
		    "'ocr.cache_ttl': expected seconds or a number with s, m, "
		    "h or d, got '3 weeks'", 2);

	/* an empty file, so that no cc.yaml around has a say */
	clear_env();
	path = tmp_write_str("none.yaml", "");
	setenv("CC_CONFIG", path, 1);
	setenv("CC_OCR_CACHE_TTL", "24h", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, NULL, &e), 0, "CC_OCR_CACHE_TTL=24h");
	is_int(cc_config_duration(&c, "ocr.cache_ttl"), 86400,
	       "CC_OCR_CACHE_TTL=24h is 86400 s");
	cc_config_release(&c);
	setenv("CC_OCR_CACHE_TTL", "1y", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, NULL, &e), CC_ERR_CONFIG,
	       "CC_OCR_CACHE_TTL=1y is an error");
	is_str(e.msg, "environment CC_OCR_CACHE_TTL: 'ocr.cache_ttl': expected "
	       "seconds or a number with s, m, h or d, got '1y'",
	       "CC_OCR_CACHE_TTL=1y: message");
	cc_config_release(&c);
	unsetenv("CC_OCR_CACHE_TTL");
	unsetenv("CC_CONFIG");
	unlink(path);
	free(path);
}

/* Integer keys with bounds: checked when set, from every source. */
static void test_ranges(void)
{
	const struct cc_config_key *k;
	struct cc_config c;
	struct cc_error e;
	char *path;
	int i;

	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_set(&c, "ocr.dpi", "50", "--dpi", &e), 0,
	       "ocr.dpi 50, the least");
	is_int(cc_config_set(&c, "ocr.dpi", "1200", "--dpi", &e), 0,
	       "ocr.dpi 1200, the most");
	is_int(cc_config_set(&c, "ocr.dpi", "49", "--dpi", &e), CC_ERR_CONFIG,
	       "ocr.dpi 49 is out of range");
	is_str(e.id, "config.range", "out of range: config.range");
	is_str(e.msg, "'ocr.dpi': expected 50 to 1200, got 49",
	       "out of range: the key, the range, the value");
	is_int(cc_config_int(&c, "ocr.dpi"), 1200,
	       "a value out of range leaves the old one");
	is_str(cc_config_origin(&c, "ocr.dpi"), "--dpi", "and its origin");
	is_int(cc_config_set(&c, "ocr.dpi", "99999999999", "--dpi", &e),
	       CC_ERR_CONFIG, "a bounded key past INT_MAX");
	is_str(e.id, "config.range", "is out of range, not of the wrong type");
	is_int(cc_config_set(&c, "ocr.dpi", "lots", "--dpi", &e),
	       CC_ERR_CONFIG, "a bounded key: a word");
	is_str(e.id, "config.type", "is of the wrong type");
	is_str(e.msg, "'ocr.dpi': expected a non-negative integer, got 'lots'",
	       "as ever");

	is_int(cc_config_set(&c, "dispute.round", "0", "--round", &e),
	       CC_ERR_CONFIG, "dispute.round 0");
	is_str(e.msg, "'dispute.round': expected a round from 1 to 99, got 0",
	       "a range in words");
	is_int(cc_config_set(&c, "ocr.psm", "14", "--psm", &e), CC_ERR_CONFIG,
	       "ocr.psm 14");
	is_int(cc_config_set(&c, "ocr.psm", "0", "--psm", &e), 0, "ocr.psm 0");
	is_int(cc_config_set(&c, "ingest.max_pages", "2147483647", "--x", &e),
	       0, "an unbounded integer up to INT_MAX");
	is_int(cc_config_set(&c, "ingest.max_pages", "2147483648", "--x", &e),
	       CC_ERR_CONFIG, "but no further");
	is_str(e.id, "config.type", "as a value of the wrong type");
	cc_config_release(&c);

	/* every jobs key: 0 (one per processor) to CC_JOBS_MAX */
	for (i = 0; cc_config_keys[i].name; i++) {
		const char *dot = strrchr(cc_config_keys[i].name, '.');

		if (strcmp(dot, ".jobs"))
			continue;
		k = &cc_config_keys[i];
		ok(k->type == CC_CFG_INT && k->min == 0 && k->max == CC_JOBS_MAX &&
		   !strcmp(k->def, "0"), "%s: an integer from 0 to %d, default 0",
		   k->name, CC_JOBS_MAX);
	}
	ok(cc_config_key_find("extract.jobs") && cc_config_key_find("dispute.jobs") &&
	   cc_config_key_find("letter.jobs"), "extract, dispute and letter have jobs");
	ok(!cc_config_key_find("synth.jobs"), "cc_config_key_find: NULL for none");

	/* every default is a value its key accepts */
	for (i = 0; cc_config_keys[i].name; i++) {
		if (!cc_config_keys[i].def)
			continue;
		cc_error_clear(&e);
		if (!ok(cc_config_check(&cc_config_keys[i], cc_config_keys[i].def,
					&e) == 0, "the default of %s is good",
			cc_config_keys[i].name))
			tap_diag("%s", e.msg);
	}

	/* cc_config_check: the message without a key, for a tool's own option */
	{
		struct cc_config_key own = { NULL, CC_CFG_INT, NULL, 0, 3, NULL };
		struct cc_config_key frac = { NULL, CC_CFG_FRACTION, NULL, 0, 0,
					      NULL };
		struct cc_config_key big = { NULL, CC_CFG_INT, NULL, 0, LONG_MAX,
					     NULL };

		is_int(cc_config_check(&own, "3", &e), 0, "check: 3 in 0 to 3");
		is_int(cc_config_check(&own, "4", &e), CC_ERR_CONFIG, "check: 4");
		is_str(e.msg, "expected 0 to 3, got 4", "check: range message");
		is_int(cc_config_check(&own, "x", &e), CC_ERR_CONFIG, "check: x");
		is_str(e.msg, "expected a non-negative integer, got 'x'",
		       "check: type message");
		is_int(cc_config_check(&frac, "1.5", &e), CC_ERR_CONFIG,
		       "check: a fraction of 1.5");
		is_str(e.msg, "expected a number from 0 to 1, got '1.5'",
		       "check: fraction message");
		is_int(cc_config_check(&big, "9223372036854775807", &e), 0,
		       "check: bounds up to LONG_MAX allow more than INT_MAX");
	}

	/* from the file: FILE:LINE and the key */
	check_error("out of range in a file",
		    "ocr:\n  dpi: 300\n  psm: 20\n",
		    CC_ERR_CONFIG, "config.range",
		    "'ocr.psm': expected 0 to 13, got 20", 3);
	check_error("a jobs key out of range in a file",
		    "extract:\n  jobs: 257\n",
		    CC_ERR_CONFIG, "config.range",
		    "'extract.jobs': expected 0 to 256, got 257", 2);

	/* from the environment: $CC_X and the key, as a flag names itself */
	clear_env();
	path = tmp_write_str("none.yaml", "");
	setenv("CC_CONFIG", path, 1);
	setenv("CC_DISPUTE_ROUND", "100", 1);
	cc_config_init(&c);
	cc_error_clear(&e);
	is_int(cc_config_load(&c, NULL, &e), CC_ERR_CONFIG,
	       "CC_DISPUTE_ROUND=100 is an error");
	is_str(e.id, "config.range", "CC_DISPUTE_ROUND=100: config.range");
	is_str(e.msg, "$CC_DISPUTE_ROUND: 'dispute.round': expected a round "
	       "from 1 to 99, got 100", "CC_DISPUTE_ROUND=100: message");
	cc_config_release(&c);
	unsetenv("CC_DISPUTE_ROUND");
	unsetenv("CC_CONFIG");
	unlink(path);
	free(path);
}

int main(void)
{
	clear_env();
	test_defaults();
	test_values();
	test_nulls();
	test_empty();
	test_errors();
	test_set();
	test_load();
	test_duration();
	test_ranges();
	return tap_done();
}
