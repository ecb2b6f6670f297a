/*
 * t-letter.c -- lib/letter: the view of a dispute record (address
 * lines, masked SSN, dates, defaults, every rejection), and the choice
 * of templates by bureau and round, with their errors.  The template
 * language itself is lib/tmpl's, tested in t-tmpl.c.
 */
#include "base/cc.h"
#include "letter/letter.h"

#include "tap.h"
#include "tmp.h"

#include <ctype.h>
#include <sys/stat.h>

static const char dispute[] =
	"{\"kind\":\"dispute\",\"v\":1,\"id\":\"d1\",\"doc\":\"ab\",\"owner\":null,"
	"\"bureau\":\"transunion\",\"round\":2,\"status\":\"draft\","
	"\"consumer\":{\"name\":\"JANE Q DOE\",\"addresses\":["
	"\"12 ELM ST, APT 4, SPRINGFIELD, IL 62701\",\"9 OAK RD, PEORIA, IL 61602\"],"
	"\"ssn_last4\":\"0042\",\"birth_year\":1980,\"report_number\":\"TU-77\"},"
	"\"bureau_address\":null,"
	"\"items\":[{\"n\":3,\"tradeline\":\"t\",\"doc\":\"ab\",\"creditor\":\"ACME\","
	"\"account_mask\":\"414720XXXXXXXXXX\",\"reason_code\":\"obsolete\","
	"\"reason\":null,\"action\":\"delete\",\"evidence\":{},\"src\":null}],"
	"\"previous\":{\"date\":\"2025-12-01\",\"id\":\"d0\"},"
	"\"created_at\":\"2026-01-15T00:00:00Z\",\"extra\":[1,2]}";

/* The view of dispute with path set to value (JSON), or deleted when
 * value is NULL; *err gets the error's id and message. */
static json_t *view_with(const char *obj, const char *key, const char *value,
			 char *err, size_t len)
{
	json_t *rec = json_loads(dispute, 0, NULL), *o = rec, *v;
	struct cc_error e;
	char path[128], *dot, *k;

	snprintf(path, sizeof(path), "%s", obj ? obj : "");
	for (k = path; obj && *k; k = dot + 1) {
		dot = strchr(k, '.');
		if (dot)
			*dot = '\0';
		o = isdigit((unsigned char)*k) ?
		    json_array_get(o, (size_t)(*k - '0')) : json_object_get(o, k);
		if (!dot)
			break;
	}
	if (key && value) {
		v = json_loads(value, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
		json_object_set_new(o, key, v);
	} else if (key) {
		json_object_del(o, key);
	}
	cc_error_clear(&e);
	v = cc_letter_view(rec, &e);
	snprintf(err, len, "%s: %s", e.id, e.msg);
	json_decref(rec);
	return v;
}

static void test_view(void)
{
	char err[1200], *s;
	json_t *v = view_with(NULL, NULL, NULL, err, sizeof(err));

	if (!ok(v != NULL, "the view of a valid dispute (extra fields ignored)")) {
		tap_diag("%s", err);
		return;
	}
	s = json_dumps(json_object_get(v, "consumer"), JSON_PRESERVE_ORDER);
	is_str(s, "{\"name\": \"JANE Q DOE\", \"address\": [\"12 ELM ST, APT 4\", "
	       "\"SPRINGFIELD, IL 62701\"], \"address_line\": \"12 ELM ST, APT 4, "
	       "SPRINGFIELD, IL 62701\", \"previous_addresses\": [\"9 OAK RD, "
	       "PEORIA, IL 61602\"], \"ssn\": \"XXX-XX-0042\", \"birth_year\": 1980, "
	       "\"report_number\": \"TU-77\"}",
	       "consumer: address cut before town and state, SSN masked");
	free(s);
	s = json_dumps(json_object_get(v, "bureau"), JSON_PRESERVE_ORDER);
	is_str(s, "{\"address\": [\"P.O. Box 2000\", \"Chester, PA 19016-2000\"], "
	       "\"id\": \"transunion\", \"name\": \"TransUnion\", \"report_label\": "
	       "\"File number\", \"address_name\": \"TransUnion Consumer Solutions\"}",
	       "bureau: the default address when the record has none");
	free(s);
	s = json_dumps(json_object_get(v, "items"), JSON_PRESERVE_ORDER);
	is_str(s, "[{\"n\": 3, \"creditor\": \"ACME\", \"account\": "
	       "\"414720XXXXXXXXXX\", \"reason_code\": \"obsolete\", \"reason\": "
	       "\"This item is older than the reporting period the FCRA allows "
	       "(15 U.S.C. \xc2\xa7" "1681c) and must no longer be reported.\", "
	       "\"action\": \"delete\", \"delete\": true, \"correct\": false, "
	       "\"verify\": false, \"page\": null}]",
	       "items: the mask as given, the code's reason when none is given");
	free(s);
	is_str(json_string_value(json_object_get(v, "date")), "January 15, 2026",
	       "the letter's date is created_at's, written out");
	is_str(json_string_value(json_object_get(json_object_get(v, "previous"),
						 "date")), "December 1, 2025",
	       "the earlier dispute's date");
	ok(json_is_true(json_object_get(v, "followup")), "round 2 is a follow-up");
	is_str(json_string_value(json_object_get(v, "ordinal")), "Second",
	       "round 2 is the second dispute");
	json_decref(v);

	/* a record made by hand: never the whole account number */
	v = view_with("items.0", "account_mask", "\"4147123412341234\"", err,
		      sizeof(err));
	is_str(json_string_value(json_object_get(json_array_get(
		json_object_get(v, "items"), 0), "account")), "XXXXXXXXXXXX1234",
	       "a whole account number: its last four only");
	json_decref(v);
	v = view_with(NULL, "created_at", "\"2024-02-29\"", err, sizeof(err));
	is_str(json_string_value(json_object_get(v, "date")), "February 29, 2024",
	       "a leap day is a date");
	json_decref(v);

	v = view_with("consumer", "addresses", "[\"1 MAIN ST\"]", err, sizeof(err));
	s = json_dumps(json_object_get(json_object_get(v, "consumer"), "address"), 0);
	is_str(s, "[\"1 MAIN ST\"]", "an address without commas is one line");
	free(s);
	json_decref(v);
	v = view_with("consumer", "addresses", "[\"1 MAIN ST, TOWN ST 12345\"]",
		      err, sizeof(err));
	s = json_dumps(json_object_get(json_object_get(v, "consumer"), "address"), 0);
	is_str(s, "[\"1 MAIN ST, TOWN ST 12345\"]", "one comma: one line");
	free(s);
	json_decref(v);

	{
		static const struct {
			const char *obj, *key, *value, *want;
		} bad[] = {
			{ NULL, "bureau", "\"equifacks\"", "letter.bureau: unknown "
			  "bureau 'equifacks' (expected experian, equifax or transunion)" },
			{ NULL, "bureau", NULL, "record.invalid: dispute record: no \"bureau\"" },
			{ NULL, "id", NULL, "record.invalid: dispute record: no \"id\"" },
			{ NULL, "id", "\"../../etc/x\"", "record.invalid: dispute record: "
			  "\"id\" is not 1 to 128 letters, digits, '.', '_' or '-' "
			  "(it names the file)" },
			{ NULL, "round", "0", "record.invalid: dispute record: \"round\" "
			  "is not a number from 1 to 99" },
			{ NULL, "consumer", NULL, "record.invalid: dispute record: no "
			  "\"consumer\"" },
			{ "consumer", "name", "\"\"", "record.invalid: dispute record: "
			  "\"consumer.name\" is empty" },
			{ "consumer", "addresses", "[]", "record.invalid: dispute "
			  "record: no \"consumer.addresses\": the consumer's current "
			  "address is needed" },
			{ "consumer", "addresses", NULL, "record.invalid: dispute "
			  "record: no \"consumer.addresses\": the consumer's current "
			  "address is needed" },
			{ "consumer", "ssn_last4", "\"123456789\"", "record.invalid: "
			  "dispute record: \"consumer.ssn_last4\" is not 4 digits" },
			{ "consumer", "birth_year", "\"1980\"", "record.invalid: "
			  "dispute record: \"consumer.birth_year\" is not a year" },
			{ NULL, "items", "[]", "record.invalid: dispute record: no "
			  "\"items\" to dispute" },
			{ "items.0", "creditor", "7", "record.invalid: dispute "
			  "record: \"items[0].creditor\" is not a string" },
			{ "items.0", "action", NULL, "record.invalid: dispute "
			  "record: no \"items[0].action\"" },
			{ "items.0", "action", "\"burn\"", "record.invalid: dispute "
			  "record: \"items[0].action\" is not delete, correct or verify" },
			{ "items.0", "reason_code", "\"other\"", "record.invalid: "
			  "dispute record: item 1 has no \"reason\", and no "
			  "\"reason_code\" that says one" },
			{ "items.0", "account_mask", "4147", "record.invalid: dispute "
			  "record: \"items[0].account_mask\" is not a string" },
			{ NULL, "created_at", "\"yesterday\"", "record.invalid: "
			  "dispute record: \"created_at\" is not a date" },
			{ NULL, "bureau_address", "{\"name\":\"X\"}", "record.invalid: "
			  "dispute record: no \"bureau_address.lines\"" },
			{ NULL, "created_at", "\"2026-02-29T00:00:00Z\"", "record.invalid: "
			  "dispute record: \"created_at\" is not a date" },
			{ NULL, "created_at", "\"2026-04-31\"", "record.invalid: "
			  "dispute record: \"created_at\" is not a date" },
			{ "previous", "date", "\"2025-06-31\"", "record.invalid: "
			  "dispute record: \"previous.date\" is not a date" },
			{ "consumer", "name", "\"A\\u0000B\"", "record.invalid: "
			  "dispute record: \"consumer.name\" holds a NUL character" },
			{ "items.0", "reason", "\"a\\u0000 b\"", "record.invalid: "
			  "dispute record: \"items[0].reason\" holds a NUL character" },
		};
		size_t i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			v = view_with(bad[i].obj, bad[i].key, bad[i].value, err,
				      sizeof(err));
			ok(v == NULL, "rejected: %s.%s = %s", bad[i].obj ?
			   bad[i].obj : "", bad[i].key, bad[i].value ?
			   bad[i].value : "(absent)");
			is_str(err, bad[i].want, "  with its reason");
			json_decref(v);
		}
	}
}

static void put(const char *dir, const char *name, const char *text)
{
	char *rel = cc_xasprintf("%s/%s", dir, name);

	free(tmp_write_str(rel, text));
	free(rel);
}

static void test_templates_dir(void)
{
	struct cc_letter_templates *T;
	struct cc_error e;
	const char *cover, *letter, *css;
	char *dir = tmp_path("tpl");
	int rc;

	mkdir(dir, 0700);
	cc_error_clear(&e);
	rc = cc_letter_templates_load(dir, &T, &e);
	is_int(rc, CC_ERR_NOINPUT, "an empty directory: no templates");
	ok(!strncmp(e.msg, "no cover.html in the templates directory '", 42),
	   "  and cover.html is named first");
	put("tpl", "cover.html", "{{consumer.name}}");
	put("tpl", "letter.html", "{{date}}");
	put("tpl", "letter.css", "body{}");
	put("tpl", "letter-round2.html", "{{previous.date}}");
	put("tpl", "letter-experian.html", "{{bureau.name}}");
	put("tpl", "letter-equifax-round3.html", "{{round}}");
	put("tpl", "cover-transunion.html", "{{bureau.id}}");
	put("tpl", "letter-experian.css", "p{}");
	put("tpl", "README", "not a template");
	rc = cc_letter_templates_load(dir, &T, &e);
	if (!is_int(rc, 0, "the directory loads")) {
		tap_diag("%s", e.msg);
		free(dir);
		return;
	}
	{
		static const struct {
			const char *bureau;
			long round;
			const char *cover, *letter, *css;
		} want[] = {
			{ "experian", 1, "cover.html", "letter-experian.html", "letter-experian.css" },
			{ "experian", 2, "cover.html", "letter-round2.html", "letter-experian.css" },
			{ "equifax", 1, "cover.html", "letter.html", "letter.css" },
			{ "equifax", 2, "cover.html", "letter-round2.html", "letter.css" },
			{ "equifax", 3, "cover.html", "letter-equifax-round3.html", "letter.css" },
			{ "equifax", 9, "cover.html", "letter-equifax-round3.html", "letter.css" },
			{ "transunion", 3, "cover-transunion.html", "letter-round2.html", "letter.css" },
		};
		size_t i;

		for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
			cc_letter_templates_pick(T, want[i].bureau, want[i].round,
						 &cover, &letter, &css);
			is_str(letter, want[i].letter, "%s round %ld: letter",
			       want[i].bureau, want[i].round);
			is_str(cover, want[i].cover, "  cover");
			is_str(css, want[i].css, "  style");
		}
	}
	cc_letter_templates_free(T);

	put("tpl", "letter-experain.html", "x");
	rc = cc_letter_templates_load(dir, &T, &e);
	is_int(rc, CC_ERR_CONFIG, "a misspelt bureau in a template name");
	ok(strstr(e.msg, "letter-experain.html' is not a template name") != NULL,
	   "  names the file");
	{
		char *p = cc_xasprintf("%s/letter-experain.html", dir);

		remove(p);
		free(p);
	}
	put("tpl", "letter-round2.html", "<p>\n{{previous.dat}}</p>");
	rc = cc_letter_templates_load(dir, &T, &e);
	is_int(rc, CC_ERR_CONFIG, "a template with a misspelt name is found at load");
	ok(strstr(e.msg, "unknown name 'previous.dat'") && e.line == 2 &&
	   strstr(e.source, "letter-round2.html"),
	   "  with the file and line");
	is_str(e.id, "letter.template", "  as letter.template, not lib/tmpl's id");
	put("tpl", "letter-round2.html", "<p>\n\n{{#items}}</p>");
	rc = cc_letter_templates_load(dir, &T, &e);
	is_int(rc, CC_ERR_CONFIG, "a template that does not parse");
	ok(strstr(e.msg, "section 'items' is not closed") && e.line == 3 &&
	   strstr(e.source, "letter-round2.html"),
	   "  with the file and line");
	is_str(e.id, "letter.template", "  as letter.template too");
	free(dir);
}

int main(void)
{
	test_view();
	test_templates_dir();
	return tap_done();
}
