/*
 * group.c -- which group each record belongs to (stage.h, Groups), and
 * cc_out_warn() and cc_out_line().
 */
#include "base/cc.h"
#include "stage/stage.h"

struct cc_grouper {
	enum cc_stage_group g;
	int open;               /* a group is being gathered */
	char *key;              /* its key, NULL for one of records without doc */
	json_t *owners;         /* consumer: doc -> owner (string or null) */
	json_t *ended;          /* consumer: keys of groups that ended */
	char *again;            /* the name of a group seen again */
};

struct cc_grouper *cc_grouper_new(enum cc_stage_group g)
{
	struct cc_grouper *gr = cc_xcalloc(1, sizeof(*gr));

	gr->g = g;
	if (g == CC_GROUP_CONSUMER) {
		gr->owners = json_object();
		gr->ended = json_object();
	}
	return gr;
}

void cc_grouper_free(struct cc_grouper *gr)
{
	if (!gr)
		return;
	free(gr->key);
	free(gr->again);
	json_decref(gr->owners);
	json_decref(gr->ended);
	free(gr);
}

const char *cc_grouper_again(const struct cc_grouper *gr)
{
	return gr->again;
}

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/*
 * The key of rec's group, newly allocated, or NULL when rec has no doc.
 * A consumer's key is its owner's, when the first document record of its
 * doc named one, else its doc's.
 */
static char *key_of(struct cc_grouper *gr, const struct cc_record *rec)
{
	const char *doc = rec ? str(rec->obj, "doc") : NULL, *owner;
	json_t *o;

	if (!doc)
		return NULL;
	if (gr->g == CC_GROUP_DOCUMENT) {
		json_t *pg = json_object_get(rec->obj, "page");

		/* a page record that names no page is no document's page */
		if (!strcmp(rec->kind, "page") &&
		    (!json_is_integer(pg) || json_integer_value(pg) < 1 ||
		     json_integer_value(pg) > INT_MAX))
			return NULL;
		return cc_xasprintf("d\n%s", doc);
	}
	o = json_object_get(gr->owners, doc);
	if (!o && !strcmp(rec->kind, "document")) {
		owner = str(rec->obj, "owner");
		o = owner ? json_string(owner) : json_null();
		/* an owner that is not UTF-8 cannot be a key: its doc is */
		if (!o)
			o = json_null();
		json_object_set_new(gr->owners, doc, o);
	}
	owner = json_string_value(o);
	return owner ? cc_xasprintf("o\n%s", owner) : cc_xasprintf("d\n%s", doc);
}

/* "owner 'x'" or "document 0a1b...": a group's name for messages. */
static char *name_of(const char *key)
{
	char *shown = cc_utf8_sanitize(key + 2, strlen(key + 2)), *name;

	name = cc_xasprintf(key[0] == 'o' ? "owner '%.100s'" : "document %.64s",
			    shown);
	free(shown);
	return name;
}

int cc_grouper_place(struct cc_grouper *gr, const struct cc_record *rec)
{
	char *key;

	free(gr->again);
	gr->again = NULL;
	if (gr->g == CC_GROUP_NONE)
		return 1;
	if (gr->g == CC_GROUP_ALL) {
		if (gr->open)
			return 0;
		gr->open = 1;
		return 1;
	}
	key = key_of(gr, rec);
	/* a record without doc, or a line that could not be read, stays
	 * with the records around it */
	if (!key && gr->open) {
		return 0;
	}
	if (gr->open && key && gr->key && !strcmp(key, gr->key)) {
		free(key);
		return 0;
	}
	if (gr->open && gr->key && gr->ended)
		json_object_set_new(gr->ended, gr->key, json_true());
	if (key && gr->ended && json_object_get(gr->ended, key))
		gr->again = name_of(key);
	free(gr->key);
	gr->key = key;
	gr->open = 1;
	return 1;
}

void cc_out_warn(struct cc_out *o, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	o->ops->warn(o, msg);
}

int cc_out_line(struct cc_out *o, const char *text, size_t len)
{
	const char *end = text + len, *nl;
	json_t *rec;
	int rc = 0;

	if (o->lines && o->ops->line)
		return o->ops->line(o, text, len);
	for (; text < end && rc == 0; text = nl + 1) {
		nl = memchr(text, '\n', (size_t)(end - text));
		if (!nl)
			nl = end;
		rec = json_loadb(text, (size_t)(nl - text), JSON_ALLOW_NUL, NULL);
		if (rec)
			rc = cc_out_record(o, rec);
	}
	return rc;
}
