/*
 * letter.c -- a dispute record to a PDF letter: check the record, make
 * its view, print the templates, enclose the report pages, lay it out,
 * write the file.
 */
#include "base/cc.h"
#include "dispute/dispute.h"
#include "base/hash.h"
#include "letter/letter.h"
#include "letter/impl.h"
#include "model/date.h"
#include "model/model.h"
#include "pdf/pdf.h"
#include "record/record.h"
#include "tmpl/tmpl.h"

#include <sys/stat.h>

#include <ctype.h>
#include <pthread.h>

/* What a reason code says when the record gives no sentence of its own. */
static const struct {
	const char *code, *reason;
} default_reasons[] = {
	{ "obsolete", "This item is older than the reporting period the "
	  "FCRA allows (15 U.S.C. \xc2\xa7" "1681c) and must no longer be "
	  "reported." },
	{ "cross_bureau_mismatch", "This account is reported differently "
	  "by the credit bureaus, so at least one report of it is "
	  "inaccurate." },
	{ "duplicate", "This debt is reported more than once, by the "
	  "original creditor and by a collector, both with a balance." },
	{ "paid_with_balance", "This account is reported as paid, but "
	  "still shows a balance." },
	{ "inaccurate_status", "The status reported for this account is "
	  "inaccurate." },
	{ "inaccurate_payment_history", "The payment history reported "
	  "for this account is inaccurate." },
	{ "missing_limit", "This account is reported without its credit "
	  "limit, which misstates how much of my credit I use." },
	{ "not_marked_disputed", "I disputed this item before, and it is "
	  "not reported as disputed." },
	{ "unverifiable", "I do not believe this item can be verified as "
	  "reported." },
	{ "not_mine", "This account is not mine." },
	{ "identity_theft", "This account was opened through identity "
	  "theft; I did not open it or authorize it." },
};

static const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* --- the view -------------------------------------------------------------- */

static int invalid(struct cc_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int invalid(struct cc_error *e, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return cc_error_set(e, CC_ERR_DATA, "record.invalid",
			    "dispute record: %s", msg);
}

/*
 * The longest value a letter prints: a name, an address line, a
 * creditor, a number; and the longest reason.  More is no report's, and
 * mupdf lays out a long word in a time that grows with its square.
 */
#define MAX_VALUE  1000
#define MAX_REASON 10000

/* A string value that can be printed: 0, or CC_ERR_DATA for one with a
 * NUL inside (its text would be cut short) or longer than max bytes. */
static int printable(json_t *v, const char *what, size_t max,
		     struct cc_error *e)
{
	size_t len = json_string_length(v);

	if (strlen(json_string_value(v)) != len)
		return invalid(e, "\"%s\" holds a NUL character", what);
	if (len > max)
		return invalid(e, "\"%s\" is longer than %zu bytes", what, max);
	return 0;
}

/* A string field: 1 with *out (borrowed), 0 when absent or null, or
 * CC_ERR_DATA for another type, one that printable() refuses or, when
 * nonempty is set, "". */
static int get_str(json_t *o, const char *key, const char *what,
		   int nonempty, const char **out, struct cc_error *e)
{
	json_t *v = json_object_get(o, key);
	int rc;

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return invalid(e, "\"%s\" is not a string", what);
	if ((rc = printable(v, what, strcmp(key, "reason") ? MAX_VALUE :
			    MAX_REASON, e)) < 0)
		return rc;
	if (nonempty && !json_string_length(v))
		return invalid(e, "\"%s\" is empty", what);
	*out = json_string_value(v);
	return 1;
}

/* "2026-01-15" (or the date of "2026-01-15T00:00:00Z") written out, as
 * "January 15, 2026".  0, or -1 when s does not start with a date. */
static int long_date(const char *s, char *buf, size_t len)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				       31, 30, 31 };
	int y, m, d, i;

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    (s[10] && s[10] != 'T'))
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	/* a day the month has: no February 31 */
	if (d > mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
					   y % 400 == 0)))
		return -1;
	snprintf(buf, len, "%s %d, %d", months[m - 1], d, y);
	return 0;
}

/* An address as one line ("1 MAIN ST, TOWN, ST 12345") cut into the
 * lines of an envelope: the street, and the town, state and ZIP code
 * (its last two comma-separated parts). */
static json_t *address_lines(const char *a)
{
	json_t *lines = json_array();
	const char *comma[2] = { NULL, NULL }, *p, *cut;

	for (p = a; *p; p++)
		if (*p == ',') {
			comma[0] = comma[1];
			comma[1] = p;
		}
	if (!comma[0]) {
		json_array_append_new(lines, cc_json_str(a));
		return lines;
	}
	cut = comma[0];
	json_array_append_new(lines, cc_json_strn(a, (size_t)(cut - a)));
	for (p = cut + 1; *p == ' '; p++)
		;
	json_array_append_new(lines, cc_json_str(p));
	return lines;
}

/* "1", "1 and 2", "1, 2 and 3" */
static void list_numbers(struct cc_buf *b, const long *n, int count)
{
	int i;

	for (i = 0; i < count; i++) {
		if (i)
			cc_buf_adds(b, i == count - 1 ? " and " : ", ");
		cc_buf_addf(b, "%ld", n[i]);
	}
}

static int check_consumer(json_t *c, json_t *view, struct cc_error *e)
{
	json_t *v, *out = json_object(), *prev, *addrs;
	const char *name, *s;
	size_t i;
	int rc;

	json_object_set_new(view, "consumer", out);
	if (!json_is_object(c))
		return invalid(e, "no \"consumer\"");
	if ((rc = get_str(c, "name", "consumer.name", 1, &name, e)) <= 0)
		return rc < 0 ? rc : invalid(e, "no \"consumer.name\"");
	json_object_set_new(out, "name", json_string(name));
	addrs = json_object_get(c, "addresses");
	if (!json_is_array(addrs) || !json_array_size(addrs) ||
	    !json_is_string(json_array_get(addrs, 0)) ||
	    !json_string_length(json_array_get(addrs, 0)))
		return invalid(e, "no \"consumer.addresses\": the consumer's "
			       "current address is needed");
	json_array_foreach(addrs, i, v)
		if (json_is_string(v) &&
		    (rc = printable(v, "consumer.addresses", MAX_VALUE, e)) < 0)
			return rc;
	json_object_set_new(out, "address", address_lines(
		json_string_value(json_array_get(addrs, 0))));
	json_object_set(out, "address_line", json_array_get(addrs, 0));
	prev = json_array();
	json_object_set_new(out, "previous_addresses", prev);
	json_array_foreach(addrs, i, v) {
		if (!json_is_string(v))
			return invalid(e, "\"consumer.addresses\" holds a "
				       "value that is not a string");
		if (i > 0 && json_string_length(v))
			json_array_append(prev, v);
	}
	/* at most the last four digits, and never the digits in a message */
	if ((rc = get_str(c, "ssn_last4", "consumer.ssn_last4", 0, &s, e)) < 0)
		return rc;
	if (s && (strlen(s) != 4 || strspn(s, "0123456789") != 4))
		return invalid(e, "\"consumer.ssn_last4\" is not 4 digits");
	json_object_set_new(out, "ssn", s ? json_sprintf("XXX-XX-%s", s) :
			    json_null());
	v = json_object_get(c, "birth_year");
	if (v && !json_is_null(v) && (!json_is_integer(v) ||
	    json_integer_value(v) < 1850 || json_integer_value(v) > 2200))
		return invalid(e, "\"consumer.birth_year\" is not a year");
	json_object_set_new(out, "birth_year", v && !json_is_null(v) ?
			    json_integer(json_integer_value(v)) : json_null());
	if ((rc = get_str(c, "report_number", "consumer.report_number", 0,
			  &s, e)) < 0)
		return rc;
	json_object_set_new(out, "report_number", s && *s ? json_string(s) :
			    json_null());
	return 0;
}

static int check_bureau(json_t *rec, json_t *view, int *index,
			struct cc_error *e)
{
	json_t *out = json_object(), *lines = json_array(), *ba, *l, *v;
	const struct cc_bureau_info *b;
	const char *id, *name;
	size_t i;
	int rc;

	json_object_set_new(view, "bureau", out);
	json_object_set_new(out, "address", lines);
	if ((rc = get_str(rec, "bureau", "bureau", 1, &id, e)) <= 0)
		return rc < 0 ? rc : invalid(e, "no \"bureau\"");
	*index = cc_bureau_of(id);
	if (*index < 0) {
		char shown[40];
		size_t k, n = cc_utf8_prefix(id, sizeof(shown) - 1);

		/* the name as given, cut short, with no control character
		 * to play with the terminal */
		for (k = 0; k < n; k++)
			shown[k] = (unsigned char)id[k] < 32 || id[k] == 0x7f ?
				   '?' : id[k];
		shown[n] = '\0';
		return cc_error_set(e, CC_ERR_DATA, "letter.bureau",
				    "unknown bureau '%s' (expected experian, "
				    "equifax or transunion)", shown);
	}
	b = &cc_bureaus[*index];
	json_object_set_new(out, "id", json_string(b->id));
	json_object_set_new(out, "name", json_string(b->name));
	json_object_set_new(out, "report_label", json_string(b->report_label));
	ba = json_object_get(rec, "bureau_address");
	if (!ba || json_is_null(ba)) {
		for (i = 1; b->address[i]; i++)
			json_array_append_new(lines, json_string(b->address[i]));
		json_object_set_new(out, "address_name", json_string(b->address[0]));
		return 0;
	}
	if (!json_is_object(ba))
		return invalid(e, "\"bureau_address\" is not an object");
	if ((rc = get_str(ba, "name", "bureau_address.name", 1, &name, e)) <= 0)
		return rc < 0 ? rc : invalid(e, "no \"bureau_address.name\"");
	json_object_set_new(out, "address_name", json_string(name));
	l = json_object_get(ba, "lines");
	if (!json_is_array(l) || !json_array_size(l))
		return invalid(e, "no \"bureau_address.lines\"");
	json_array_foreach(l, i, v) {
		if (!json_is_string(v) || !json_string_length(v))
			return invalid(e, "\"bureau_address.lines\" holds a "
				       "value that is not a line of text");
		if ((rc = printable(v, "bureau_address.lines", MAX_VALUE, e)) < 0)
			return rc;
		json_array_append(lines, v);
	}
	return 0;
}

static int check_items(json_t *rec, json_t *view, struct cc_error *e)
{
	json_t *items = json_object_get(rec, "items"), *out = json_array(), *it,
	       *o, *v;
	const char *s, *code, *action;
	size_t i, k;
	int rc;

	json_object_set_new(view, "items", out);
	if (!json_is_array(items) || !json_array_size(items))
		return invalid(e, "no \"items\" to dispute");
	json_object_set_new(view, "count", json_integer((json_int_t)json_array_size(items)));
	json_object_set_new(view, "several", json_boolean(json_array_size(items) > 1));
	json_array_foreach(items, i, it) {
		char what[64];

		if (!json_is_object(it))
			return invalid(e, "item %zu is not an object", i + 1);
		o = json_object();
		json_array_append_new(out, o);
		v = json_object_get(it, "n");
		json_object_set_new(o, "n", json_integer(json_is_integer(v) &&
				    json_integer_value(v) > 0 ?
				    json_integer_value(v) : (json_int_t)i + 1));
		/* a report may not name the creditor: the mask says which */
		snprintf(what, sizeof(what), "items[%zu].creditor", i);
		if ((rc = get_str(it, "creditor", what, 0, &s, e)) < 0)
			return rc;
		json_object_set_new(o, "creditor", s && *s ? json_string(s) :
				    json_null());
		/* the account number as masked on the report, but never
		 * more of it than cc-dispute would write (a record made by
		 * hand may hold the whole number) */
		snprintf(what, sizeof(what), "items[%zu].account_mask", i);
		if ((rc = get_str(it, "account_mask", what, 0, &s, e)) < 0)
			return rc;
		if (s && *s) {
			char *mask = cc_mask_shown(s);

			json_object_set_new(o, "account", json_string(mask));
			free(mask);
		} else {
			json_object_set_new(o, "account", json_null());
		}
		snprintf(what, sizeof(what), "items[%zu].reason_code", i);
		if ((rc = get_str(it, "reason_code", what, 1, &code, e)) < 0)
			return rc;
		json_object_set_new(o, "reason_code", code ? json_string(code) :
				    json_null());
		snprintf(what, sizeof(what), "items[%zu].reason", i);
		if ((rc = get_str(it, "reason", what, 0, &s, e)) < 0)
			return rc;
		for (k = 0; (!s || !*s) && code &&
		     k < sizeof(default_reasons) / sizeof(default_reasons[0]); k++)
			if (!strcmp(default_reasons[k].code, code))
				s = default_reasons[k].reason;
		if (!s || !*s)
			return invalid(e, "item %zu has no \"reason\", and no "
				       "\"reason_code\" that says one", i + 1);
		json_object_set_new(o, "reason", json_string(s));
		snprintf(what, sizeof(what), "items[%zu].action", i);
		if ((rc = get_str(it, "action", what, 1, &action, e)) <= 0)
			return rc < 0 ? rc : invalid(e, "no \"%s\"", what);
		if (strcmp(action, "delete") && strcmp(action, "correct") &&
		    strcmp(action, "verify"))
			return invalid(e, "\"%s\" is not delete, correct or "
				       "verify", what);
		json_object_set_new(o, "action", json_string(action));
		json_object_set_new(o, "delete", json_boolean(!strcmp(action, "delete")));
		json_object_set_new(o, "correct", json_boolean(!strcmp(action, "correct")));
		json_object_set_new(o, "verify", json_boolean(!strcmp(action, "verify")));
		json_object_set_new(o, "page", json_null());
	}
	return 0;
}

/* Check the record and make its view (without enclosed pages). */
static json_t *make_view(json_t *rec, int *bureau, long *round,
			 struct cc_error *e)
{
	json_t *view = json_object(), *v, *prev;
	const char *id, *s;
	char date[40], iso[11];
	time_t now;
	struct tm tm;
	int rc;

	*round = 1;
	if (!json_is_object(rec)) {
		invalid(e, "not an object");
		goto out_bad;
	}
	if ((rc = get_str(rec, "id", "id", 1, &id, e)) <= 0) {
		if (rc == 0)
			invalid(e, "no \"id\"");
		goto out_bad;
	}
	/* the id names the file: no way out of the directory */
	if (strlen(id) > 128 || id[0] == '.' ||
	    strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		   "0123456789._-") != strlen(id)) {
		invalid(e, "\"id\" is not 1 to 128 letters, digits, '.', '_' "
			"or '-' (it names the file)");
		goto out_bad;
	}
	json_object_set_new(view, "id", json_string(id));
	if (check_bureau(rec, view, bureau, e) < 0)
		goto out_bad;
	v = json_object_get(rec, "round");
	if (v && !json_is_null(v)) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > 99) {
			invalid(e, "\"round\" is not a number from 1 to 99");
			goto out_bad;
		}
		*round = (long)json_integer_value(v);
	}
	json_object_set_new(view, "round", json_integer(*round));
	json_object_set_new(view, "followup", json_boolean(*round > 1));
	{
		static const char *const ordinals[] = {
			"First", "Second", "Third", "Fourth", "Fifth", "Sixth",
			"Seventh", "Eighth", "Ninth", "Tenth",
		};

		json_object_set_new(view, "ordinal", json_string(*round <= 10 ?
				    ordinals[*round - 1] : "Renewed"));
	}
	if (check_consumer(json_object_get(rec, "consumer"), view, e) < 0 ||
	    check_items(rec, view, e) < 0)
		goto out_bad;
	if (get_str(rec, "created_at", "created_at", 0, &s, e) < 0)
		goto out_bad;
	if (s) {
		if (long_date(s, date, sizeof(date)) < 0) {
			invalid(e, "\"created_at\" is not a date");
			goto out_bad;
		}
		snprintf(iso, sizeof(iso), "%.10s", s);
	} else {
		if (cc_now(&now) < 0)
			now = time(NULL);
		gmtime_r(&now, &tm);
		strftime(iso, sizeof(iso), "%Y-%m-%d", &tm);
		long_date(iso, date, sizeof(date));
	}
	json_object_set_new(view, "date", json_string(date));
	json_object_set_new(view, "date_iso", json_string(iso));
	prev = json_object_get(rec, "previous");
	if (prev && !json_is_null(prev)) {
		json_t *p = json_object();

		json_object_set_new(view, "previous", p);
		if (!json_is_object(prev)) {
			invalid(e, "\"previous\" is not an object");
			goto out_bad;
		}
		if (get_str(prev, "date", "previous.date", 0, &s, e) < 0)
			goto out_bad;
		if (s && long_date(s, date, sizeof(date)) < 0) {
			invalid(e, "\"previous.date\" is not a date");
			goto out_bad;
		}
		json_object_set_new(p, "date", s ? json_string(date) : json_null());
		if (get_str(prev, "id", "previous.id", 0, &s, e) < 0)
			goto out_bad;
		json_object_set_new(p, "id", cc_json_str(s));
	} else {
		json_object_set_new(view, "previous", json_null());
	}
	json_object_set_new(view, "enclosed_pages", json_array());
	json_object_set_new(view, "enclosing", json_false());
	return view;

out_bad:
	json_decref(view);
	return NULL;
}

json_t *cc_letter_view(json_t *dispute, struct cc_error *e)
{
	int bureau;
	long round;

	return make_view(dispute, &bureau, &round, e);
}

/* --- checking templates ------------------------------------------------- */

static const char example_full[] =
	"{\"kind\":\"dispute\",\"v\":1,\"id\":\"example\",\"doc\":\"d\","
	"\"bureau\":\"experian\",\"round\":2,\"consumer\":{\"name\":\"A B\","
	"\"addresses\":[\"1 A ST, B, CD 12345\",\"2 B ST, C, DE 23456\"],"
	"\"ssn_last4\":\"1234\",\"birth_year\":1980,\"report_number\":\"1\"},"
	"\"bureau_address\":{\"name\":\"X\",\"lines\":[\"Y\"]},"
	"\"items\":[{\"n\":1,\"creditor\":\"C\",\"account_mask\":\"12XX\","
	"\"reason_code\":\"obsolete\",\"reason\":\"r\",\"action\":\"delete\"},"
	"{\"n\":2,\"creditor\":\"D\",\"account_mask\":null,\"reason_code\":"
	"\"other\",\"reason\":\"s\",\"action\":\"verify\"}],"
	"\"previous\":{\"date\":\"2025-01-01\",\"id\":\"p\"},"
	"\"created_at\":\"2026-01-15T00:00:00Z\"}";
static const char example_sparse[] =
	"{\"kind\":\"dispute\",\"v\":1,\"id\":\"example\",\"bureau\":\"equifax\","
	"\"round\":1,\"consumer\":{\"name\":\"A\",\"addresses\":[\"1 A ST\"]},"
	"\"items\":[{\"creditor\":\"C\",\"reason_code\":\"not_mine\","
	"\"action\":\"correct\"}],\"created_at\":\"2026-01-15\"}";

static void add_enclosed(json_t *view, long page, const char *items,
			 int plural, long report)
{
	json_t *o = json_object();

	json_object_set_new(o, "page", json_integer(page));
	json_object_set_new(o, "items", json_string(items));
	json_object_set_new(o, "plural", json_boolean(plural));
	json_object_set_new(o, "report", report ? json_integer(report) :
			    json_null());
	json_array_append_new(json_object_get(view, "enclosed_pages"), o);
	json_object_set_new(view, "enclosing", json_true());
}

int letter_check_template(const struct cc_tmpl *t, struct cc_error *e)
{
	const char *const examples[2] = { example_full, example_sparse };
	struct cc_buf b = { 0 };
	json_t *rec, *view;
	int i, rc = 0;

	for (i = 0; i < 2 && rc == 0; i++) {
		struct cc_error ve;

		rec = json_loads(examples[i], 0, NULL);
		view = rec ? cc_letter_view(rec, &ve) : NULL;
		json_decref(rec);
		if (!view)
			return cc_error_set(e, CC_ERR_CONFIG, "letter.template",
					    "the example dispute is not valid");
		if (i == 0) {
			add_enclosed(view, 3, "1 and 2", 1, 1);
			add_enclosed(view, 1, "2", 0, 2);
			json_object_set_new(json_array_get(json_object_get(view,
				"items"), 0), "page", json_integer(3));
		}
		rc = letter_template_error(cc_tmpl_render(t, view, &b, e), e);
		json_decref(view);
	}
	cc_buf_release(&b);
	return rc;
}

/* --- the reports to enclose ------------------------------------------------ */

#define MAX_OPEN 4

struct docent {
	char *doc;               /* the hash */
	char *path;              /* where it is */
	int checked;             /* its hash was found to be doc */
	struct cc_pdf_doc *pd;   /* open, or NULL */
	int pages;
	int pinned;              /* a page of it is in the letter being made */
	unsigned long used;
};

struct cc_letter_docs {
	pthread_mutex_t lock;
	json_t *path;            /* doc -> where it is */
};

struct cc_letter_docs *cc_letter_docs_new(void)
{
	struct cc_letter_docs *D = cc_xcalloc(1, sizeof(*D));

	pthread_mutex_init(&D->lock, NULL);
	D->path = json_object();
	return D;
}

void cc_letter_docs_free(struct cc_letter_docs *D)
{
	if (!D)
		return;
	json_decref(D->path);
	pthread_mutex_destroy(&D->lock);
	free(D);
}

int cc_letter_docs_note(struct cc_letter_docs *D, json_t *rec,
			struct cc_error *e)
{
	const char *doc = json_string_value(json_object_get(rec, "doc"));
	const char *path = json_string_value(json_object_get(rec, "stored"));

	if (!path)
		path = json_string_value(json_object_get(rec, "path"));
	if (!doc || !*doc || !path || !*path)
		return cc_error_set(e, CC_ERR_DATA, "record.invalid",
				    "document record without \"doc\" or a path");
	pthread_mutex_lock(&D->lock);
	if (!json_object_get(D->path, doc))
		json_object_set_new(D->path, doc, json_string(path));
	pthread_mutex_unlock(&D->lock);
	return 0;
}

/* Where doc is, a new string, or NULL when no record said. */
static char *docs_path(struct cc_letter_docs *D, const char *doc)
{
	const char *p;
	char *path = NULL;

	pthread_mutex_lock(&D->lock);
	p = json_string_value(json_object_get(D->path, doc));
	if (p)
		path = cc_xstrdup(p);
	pthread_mutex_unlock(&D->lock);
	return path;
}

struct cc_letter {
	const struct cc_letter_templates *T;
	struct cc_letter_opts o;
	char *dir;
	struct cc_pdf *pdf;
	struct cc_letter_docs *shared;   /* where documents are */
	struct cc_letter_docs *own;      /* shared, when made here */
	struct docent **docs;            /* those this letter writer used */
	size_t ndocs, adocs;
	unsigned long clock;
};

struct cc_letter *cc_letter_new(const struct cc_letter_templates *T,
				const struct cc_letter_opts *o,
				struct cc_letter_docs *docs,
				struct cc_error *e)
{
	struct cc_letter *L;
	struct cc_pdf *pdf = cc_pdf_new(e);

	if (!pdf)
		return NULL;
	L = cc_xcalloc(1, sizeof(*L));
	L->T = T;
	L->o = *o;
	L->dir = cc_xstrdup(o->dir);
	L->o.dir = L->dir;
	L->pdf = pdf;
	L->shared = docs;
	if (!docs)
		L->shared = L->own = cc_letter_docs_new();
	return L;
}

void cc_letter_free(struct cc_letter *L)
{
	size_t i;

	if (!L)
		return;
	for (i = 0; i < L->ndocs; i++) {
		cc_pdf_close(L->pdf, L->docs[i]->pd);
		free(L->docs[i]->doc);
		free(L->docs[i]->path);
		free(L->docs[i]);
	}
	free(L->docs);
	cc_pdf_free(L->pdf);
	cc_letter_docs_free(L->own);
	free(L->dir);
	free(L);
}

/* The document doc, as this writer knows it: found among those it used,
 * or where the documents' table says it is; NULL when it does not say. */
static struct docent *find_doc(struct cc_letter *L, const char *doc)
{
	struct docent *d;
	char *path;
	size_t i;

	for (i = 0; i < L->ndocs; i++)
		if (!strcmp(L->docs[i]->doc, doc))
			return L->docs[i];
	path = docs_path(L->shared, doc);
	if (!path)
		return NULL;
	d = cc_xcalloc(1, sizeof(*d));
	d->doc = cc_xstrdup(doc);
	d->path = path;
	CC_GROW(L->docs, L->adocs, L->ndocs + 1);
	L->docs[L->ndocs++] = d;
	return d;
}

int cc_letter_note_document(struct cc_letter *L, json_t *rec,
			    struct cc_error *e)
{
	return cc_letter_docs_note(L->shared, rec, e);
}

/* The open document of d: opened (and its hash checked, the first time)
 * unless it is; the least recently used of MAX_OPEN is closed. */
static int open_doc(struct cc_letter *L, struct docent *d, struct cc_error *e)
{
	char hex[CC_SHA256_HEX];
	struct docent *lru = NULL;
	size_t i, nopen = 0;
	int rc;

	d->used = ++L->clock;
	if (d->pd)
		return 0;
	for (i = 0; i < L->ndocs; i++) {
		if (!L->docs[i]->pd)
			continue;
		nopen++;
		if (!L->docs[i]->pinned && (!lru || L->docs[i]->used < lru->used))
			lru = L->docs[i];
	}
	/* the documents of the letter being made stay open */
	if (nopen >= MAX_OPEN && lru) {
		cc_pdf_close(L->pdf, lru->pd);
		lru->pd = NULL;
	}
	if (!d->checked) {
		/* the page must be the one the item was read from */
		rc = cc_check_file(d->path, CC_PDF_MAX_FILE, e);
		if (rc == 0)
			rc = cc_sha256_file(d->path, hex, e);
		if (rc < 0)
			return rc;
		if (strcmp(hex, d->doc) != 0)
			return cc_error_set(e, CC_ERR_DATA, "file.changed",
					    "the file is not the one ingested "
					    "(its SHA-256 is not the record's doc)");
		d->checked = 1;
	}
	return cc_pdf_open(L->pdf, d->path, &d->pd, &d->pages, e);
}

/* A page of a report to enclose, and the items marked on it. */
struct enc_page {
	struct docent *d;
	int page;                /* 1-based */
	struct cc_pdf_mark *marks;
	long *items;
	int n, alloc;
};

struct plan {
	struct enc_page *v;
	size_t n, alloc;
};

static void plan_release(struct plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].marks);
		free(p->v[i].items);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}

static int enclosure_error(struct cc_error *e, long n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int enclosure_error(struct cc_error *e, long n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return cc_error_set(e, CC_ERR_DATA, "letter.enclosure",
			    "item %ld: %s", n, msg);
}

/*
 * The pages to enclose: for each item with a src, the page of its
 * report (item.doc, or the dispute's doc), with a mark over the item's
 * box; a page once, with the marks of all its items, in the order of
 * the items.  The items' views get their page.
 */
static int plan_pages(struct cc_letter *L, json_t *rec, json_t *view,
		      struct plan *p, struct cc_error *e)
{
	json_t *items = json_object_get(rec, "items"), *vitems, *it, *src, *b;
	const char *ddoc = json_string_value(json_object_get(rec, "doc"));
	const char *doc;
	struct docent *d, *reports[64];
	size_t i, j, nreports = 0;
	int k, rc;

	vitems = json_object_get(view, "items");
	json_array_foreach(items, i, it) {
		struct enc_page *pg = NULL;
		struct cc_pdf_mark *m;
		long n = (long)json_integer_value(json_object_get(
				json_array_get(vitems, i), "n"));
		long page;
		float box[4];

		src = json_object_get(it, "src");
		if (!src || json_is_null(src))
			continue;
		b = json_object_get(src, "bbox");
		if (!json_is_object(src) ||
		    !json_is_integer(json_object_get(src, "page")) ||
		    !json_is_array(b) || json_array_size(b) != 4)
			return invalid(e, "item %ld: \"src\" is not "
				       "{\"page\":N,\"bbox\":[x0,y0,x1,y1]}", n);
		page = (long)json_integer_value(json_object_get(src, "page"));
		for (k = 0; k < 4; k++) {
			if (!json_is_number(json_array_get(b, (size_t)k)))
				return invalid(e, "item %ld: \"src.bbox\" is "
					       "not four numbers", n);
			box[k] = (float)json_number_value(json_array_get(b, (size_t)k));
		}
		if (box[2] < box[0] || box[3] < box[1])
			return invalid(e, "item %ld: \"src.bbox\" is not "
				       "[x0,y0,x1,y1]", n);
		doc = json_string_value(json_object_get(it, "doc"));
		if (!doc)
			doc = ddoc;
		if (!doc)
			return enclosure_error(e, n, "no \"doc\": which report "
					       "its page is from is not known");
		d = find_doc(L, doc);
		if (!d)
			return enclosure_error(e, n, "no document record for "
					       "its report (doc %.12s) came "
					       "before the dispute", doc);
		rc = open_doc(L, d, e);
		d->pinned = 1;
		if (rc < 0) {
			char *msg = cc_xasprintf("item %ld: cannot enclose a "
						 "page of '%s': %s", n, d->path,
						 e->msg);

			snprintf(e->msg, sizeof(e->msg), "%s", msg);
			free(msg);
			return rc;
		}
		if (page < 1 || page > d->pages)
			return enclosure_error(e, n, "its report '%s' has no "
					       "page %ld", d->path, page);
		for (j = 0; j < p->n; j++)
			if (p->v[j].d == d && p->v[j].page == page)
				pg = &p->v[j];
		if (!pg) {
			CC_GROW(p->v, p->alloc, p->n + 1);
			pg = &p->v[p->n++];
			memset(pg, 0, sizeof(*pg));
			pg->d = d;
			pg->page = (int)page;
		}
		if (pg->n == pg->alloc) {
			pg->alloc = pg->alloc ? pg->alloc * 2 : 4;
			pg->marks = cc_xreallocarray(pg->marks, (size_t)pg->alloc,
						     sizeof(*pg->marks));
			pg->items = cc_xreallocarray(pg->items, (size_t)pg->alloc,
						     sizeof(*pg->items));
		}
		m = &pg->marks[pg->n];
		memcpy(m->bbox, box, sizeof(box));
		snprintf(m->label, sizeof(m->label), "Item %ld", n);
		pg->items[pg->n++] = n;
		json_object_set_new(json_array_get(vitems, i), "page",
				    json_integer(page));
	}
	/* the reports are numbered when there are several */
	for (i = 0; i < p->n; i++) {
		for (j = 0; j < nreports && reports[j] != p->v[i].d; j++)
			;
		if (j == nreports && nreports < 64)
			reports[nreports++] = p->v[i].d;
	}
	for (i = 0; i < p->n; i++) {
		struct cc_buf list = { 0 };

		for (j = 0; j < nreports && reports[j] != p->v[i].d; j++)
			;
		list_numbers(&list, p->v[i].items, p->v[i].n);
		add_enclosed(view, p->v[i].page, list.s, p->v[i].n > 1,
			     nreports > 1 ? (long)j + 1 : 0);
		cc_buf_release(&list);
	}
	return 0;
}

/* --- printing and laying out ---------------------------------------------- */

#define BLOCK_MARK "<!--block-->"

/* Cut HTML at every <!--block--> into blocks (blank ones dropped). */
static void cut_blocks(const char *html, struct cc_pdf_block **v, size_t *n,
		       size_t *alloc)
{
	const char *p = html, *next, *q;
	size_t len;

	for (;;) {
		next = strstr(p, BLOCK_MARK);
		len = next ? (size_t)(next - p) : strlen(p);
		for (q = p; q < p + len && isspace((unsigned char)*q); q++)
			;
		if (q < p + len) {
			CC_GROW(*v, *alloc, *n + 1);
			(*v)[*n].html = cc_xstrndup(p, len);
			(*v)[*n].owner = NULL;
			++*n;
		}
		if (!next)
			break;
		p = next + strlen(BLOCK_MARK);
	}
}

static void free_blocks(struct cc_pdf_block *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].html);
	free(v);
}

/* The generic family the style sheet sets, so its faces load once. */
static const char *css_family(const char *css)
{
	if (strstr(css, "sans-serif"))
		return "sans-serif";
	if (strstr(css, "serif"))
		return "serif";
	if (strstr(css, "monospace"))
		return "monospace";
	return NULL;
}

/* The foot of each page of the letter, plain text: who, to whom, the
 * page.  A printf format: a '%' of the name is doubled. */
static char *footer_text(json_t *view)
{
	json_t *c = json_object_get(view, "consumer");
	const char *name = json_string_value(json_object_get(c, "name"));
	const char *bureau = json_string_value(json_object_get(
		json_object_get(view, "bureau"), "name"));
	struct cc_buf b = { 0 };
	size_t i, n = cc_utf8_prefix(name, 80);

	for (i = 0; i < n; i++) {
		/* a control character has no place in a line of text */
		if ((unsigned char)name[i] < 32) {
			cc_buf_add(&b, " ", 1);
			continue;
		}
		if (name[i] == '%')
			cc_buf_add(&b, "%", 1);
		cc_buf_add(&b, &name[i], 1);
	}
	cc_buf_addf(&b, " \xe2\x80\x94 dispute to %s \xe2\x80\x94 page %%d",
		    bureau);
	return cc_buf_detach(&b);
}

/* The letter's HTML as one document (--html): the style sheet, the
 * cover, a page break, the letter. */
static char *whole_html(const char *css, const char *cover, const char *letter)
{
	struct cc_buf b = { 0 };

	cc_buf_adds(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
		    "<style>\n");
	cc_buf_adds(&b, css);
	cc_buf_adds(&b, "</style></head><body>\n");
	cc_buf_adds(&b, cover);
	cc_buf_adds(&b, "\n<div style=\"page-break-before:always\"></div>\n");
	cc_buf_adds(&b, letter);
	cc_buf_adds(&b, "</body></html>\n");
	return cc_buf_detach(&b);
}

static int make_pdf(struct cc_letter *L, json_t *view, int bureau, long round,
		    const struct plan *plan, unsigned char **pdf, size_t *len,
		    int *pages, char **whole, struct cc_error *e)
{
	const struct cc_tmpl *cover, *letter;
	const char *css;
	struct cc_buf html = { 0 };
	struct cc_pdf_block *cb = NULL, *lb = NULL;
	size_t ncb = 0, acb = 0, nlb = 0, alb = 0, i, nparts;
	struct cc_pdf_part *parts;
	struct cc_pdf_html_opts ho = { 612, 792, 54, NULL, NULL, NULL, 0, 0 };
	char *footer = footer_text(view);
	int rc;

	char *chtml = NULL;

	letter_templates_choose(L->T, bureau, round, &cover, &letter, &css);
	rc = letter_template_error(cc_tmpl_render(cover, view, &html, e), e);
	if (rc == 0) {
		chtml = cc_buf_detach(&html);
		cut_blocks(chtml, &cb, &ncb, &acb);
		rc = letter_template_error(cc_tmpl_render(letter, view, &html,
							  e), e);
	}
	if (rc == 0) {
		cut_blocks(html.s ? html.s : "", &lb, &nlb, &alb);
		if (whole)
			*whole = whole_html(css, chtml, html.s ? html.s : "");
	}
	free(chtml);
	cc_buf_release(&html);
	if (rc < 0)
		goto out;
	nparts = 2 + plan->n;
	parts = cc_xcalloc(nparts, sizeof(*parts));
	parts[0].blocks = cb;
	parts[0].nblocks = ncb;
	parts[1].blocks = lb;
	parts[1].nblocks = nlb;
	parts[1].footer = footer;
	for (i = 0; i < plan->n; i++) {
		parts[2 + i].doc = plan->v[i].d->pd;
		parts[2 + i].page = plan->v[i].page - 1;
		parts[2 + i].marks = plan->v[i].marks;
		parts[2 + i].nmarks = plan->v[i].n;
	}
	ho.family = css_family(css);
	rc = cc_pdf_compose(L->pdf, parts, nparts, css, &ho, pdf, len, pages, e);
	free(parts);
out:
	free_blocks(cb, ncb);
	free_blocks(lb, nlb);
	free(footer);
	return rc;
}

int cc_letter_write(struct cc_letter *L, json_t *rec, json_t **letter,
		    struct cc_error *e)
{
	struct plan plan = { 0 };
	unsigned char *pdf = NULL;
	size_t len = 0;
	char hex[CC_SHA256_HEX], *path = NULL, *html = NULL, *hpath = NULL;
	json_t *view, *out;
	int bureau, pages = 0, rc;
	long round;
	size_t i;

	*letter = NULL;
	view = make_view(rec, &bureau, &round, e);
	if (!view)
		return CC_ERR_DATA;
	if (L->o.enclose_pages && (rc = plan_pages(L, rec, view, &plan, e)) < 0)
		goto out;
	rc = make_pdf(L, view, bureau, round, &plan, &pdf, &len, &pages,
		      L->o.html ? &html : NULL, e);
	if (rc < 0)
		goto out;
	rc = cc_sha256_hex(pdf, len, hex, e);
	if (rc < 0)
		goto out;
	path = cc_xasprintf("%s/%s-round%ld-%s.pdf", L->dir,
			    cc_bureaus[bureau].id, round,
			    json_string_value(json_object_get(view, "id")));
	if (html) {
		hpath = cc_xasprintf("%.*s.html", (int)strlen(path) - 4, path);
		rc = cc_write_file_atomic(hpath, html, strlen(html), L->o.mode, e);
		if (rc < 0)
			goto out;
	}
	rc = cc_write_file_atomic(path, pdf, len, L->o.mode, e);
	if (rc < 0) {
		/* no letter: no HTML of it either */
		if (hpath)
			unlink(hpath);
		goto out;
	}
	out = cc_record_new("letter");
	json_object_set(out, "dispute", json_object_get(view, "id"));
	json_object_set_new(out, "doc", cc_json_str(json_string_value(
		json_object_get(rec, "doc"))));
	json_object_set_new(out, "bureau", json_string(cc_bureaus[bureau].id));
	json_object_set_new(out, "round", json_integer(round));
	json_object_set_new(out, "path", cc_json_str(path));
	json_object_set_new(out, "pages", json_integer(pages));
	json_object_set_new(out, "bytes", json_integer((json_int_t)len));
	json_object_set_new(out, "sha256", json_string(hex));
	*letter = out;
out:
	for (i = 0; i < L->ndocs; i++)
		L->docs[i]->pinned = 0;
	free(path);
	free(hpath);
	free(html);
	free(pdf);
	plan_release(&plan);
	json_decref(view);
	return rc;
}

int cc_letter_output_dir(const char *dir, struct cc_error *e)
{
	struct stat st;

	if (cc_mkdir_p(dir) != 0)
		return cc_error_set(e, CC_ERR_IO, "letter.output",
				    "cannot create the output directory "
				    "'%s': %s", dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cc_error_set(e, CC_ERR_IO, "letter.output",
				    "'%s' is not a directory", dir);
	if (access(dir, W_OK | X_OK) != 0)
		return cc_error_set(e, CC_ERR_IO, "letter.output",
				    "cannot write to the output directory "
				    "'%s': %s", dir, strerror(errno));
	return 0;
}
