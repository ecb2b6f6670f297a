/*
 * t-extract.c -- lib/extract_rec.c: the status rules of the installed
 * layouts (cc_extract_status) on the wordings that trap a careless
 * reader, the negative reasons from status, history and type, the date
 * of first delinquency off the history, and the removal date
 * (cc_extract_negatives, cc_iso_add_months); cc-extract(1), NEGATIVE
 * ITEMS, and cc-records(5).
 *
 * The layouts are those of the source tree, layouts/ beside tests/: found
 * from $SRCDIR when it is set, else from the working directory (make
 * check runs prove at the top of the tree), else from the program's own
 * path, O/tests/t-extract with O a directory of the tree.
 */
#include "base/cc.h"
#include "extract/extract.h"
#include "model/date.h"

#include <sys/stat.h>

#include "tap.h"
#include "tmp.h"

static struct cc_extract_layouts *L;

/* Is dir the top of the source tree? */
static int is_srcdir(const char *dir)
{
	char *p = cc_xasprintf("%s/layouts/common.yaml", dir);
	char *q = cc_xasprintf("%s/tests/unit/t-extract.c", dir);
	struct stat st;
	int yes = stat(p, &st) == 0 && stat(q, &st) == 0;

	free(p);
	free(q);
	return yes;
}

/* The top of the source tree, a new string; NULL when not found. */
static char *find_srcdir(void)
{
	const char *env = getenv("SRCDIR");
	char exe[4096], *s;
	ssize_t n;
	int up;

	if (env && *env && is_srcdir(env))
		return cc_xstrdup(env);
	if (is_srcdir("."))
		return realpath(".", NULL);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (up = 0; up < 3; up++) {     /* O/tests/t-extract -> top */
		if (!(s = strrchr(exe, '/')))
			return NULL;
		*s = '\0';
	}
	return is_srcdir(exe) ? cc_xstrdup(exe) : NULL;
}

/*
 * A tradeline object from JSON written with ' for " (an apostrophe in a
 * value is \u0027).
 */
static json_t *tl_new(const char *text)
{
	char *s = cc_xstrdup(text), *p;
	json_error_t err;
	json_t *o;

	for (p = s; *p; p++)
		if (*p == '\'')
			*p = '"';
	o = json_loads(s, 0, &err);
	if (!o) {
		printf("Bail out! bad test JSON: %s: %s\n", text, err.text);
		exit(1);
	}
	free(s);
	return o;
}

/* A field as compact JSON, a new string ("(absent)" when missing). */
static char *field(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!v)
		return cc_xstrdup("(absent)");
	return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
}

static void is_field(json_t *o, const char *key, const char *want,
		     const char *what)
{
	char *got = field(o, key);

	is_str(got, want, "%s: %s %s", what, key, want);
	free(got);
}

/*
 * The status rules of layout, then the negatives as cc-extract makes
 * them (the dofd read off the history): status_code, negative and
 * reasons, each as compact JSON.
 */
static void status_is(const char *layout, const char *tl, const char *code,
		      const char *negative, const char *reasons)
{
	json_t *o = tl_new(tl);
	unsigned rs = cc_extract_status(L, layout, o);

	cc_extract_negatives(o, rs, 1);
	is_field(o, "status_code", code, tl);
	is_field(o, "negative", negative, tl);
	is_field(o, "reasons", reasons, tl);
	json_decref(o);
}

/* cc_extract_negatives alone: dofd read off the history when from_hist. */
static json_t *negatives(const char *tl, const char *status_reasons,
			 int from_hist)
{
	json_t *o = tl_new(tl), *sr = tl_new(status_reasons), *v;
	unsigned rs = 0;
	size_t i;

	/* the bits of enum synth_reason, by name, as the records say */
	json_array_foreach(sr, i, v) {
		static const char *const names[] = {
			"late_30", "late_60", "late_90", "late_120", "late_150",
			"late_180", "charge_off", "collection", "repossession",
			"voluntary_surrender", "foreclosure", "settled",
			"bankruptcy", "default", "government_claim",
		};
		size_t k;

		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (!strcmp(json_string_value(v), names[k]))
				rs |= 1u << k;
	}
	json_decref(sr);
	cc_extract_negatives(o, rs, from_hist);
	return o;
}

/* ---- the status wordings ---- */

static void test_current(void)
{
	/* "never late" wins over "open", "paid", "closed" */
	status_is("experian", "{'status':'Open/Never late.'}",
		  "\"11\"", "false", "[]");
	status_is("experian", "{'status':'Paid, Closed/Never late.'}",
		  "\"13\"", "false", "[]");
	status_is("experian",
		  "{'status':'Closed at consumer\\u0027s request/Never late.'}",
		  "\"13\"", "false", "[]");
	/* closed by its closing date */
	status_is("experian",
		  "{'status':'Open/Never late.','closed':'2024-05-01'}",
		  "\"13\"", "false", "[]");

	/* a year is not a number of days late */
	status_is("experian", "{'status':'Updated Dec 2030'}",
		  "null", "false", "[]");
	status_is("experian", "{'status':'Open. Updated Dec 2030'}",
		  "\"11\"", "false", "[]");
	status_is("experian", "{'status':'Open/Never late. Updated Dec 2030'}",
		  "\"11\"", "false", "[]");

	/* merged3's codes */
	status_is("merged3", "{'status':'PAYS_AS_AGREED'}",
		  "\"11\"", "false", "[]");
	status_is("merged3", "{'status':'Current'}", "\"11\"", "false", "[]");
	status_is("merged3",
		  "{'status':'Current','account_status':'Closed'}",
		  "\"13\"", "false", "[]");

	/* a late month in the past: current, or closed when paid; the
	 * late is its reason */
	status_is("lender", "{'status':'CUR WAS 30'}", "\"11\"", "true", "[\"late_30\"]");
	status_is("lender", "{'status':'PD WAS 30'}", "\"13\"", "true", "[\"late_30\"]");
	status_is("lender", "{'status':'CURRENT WAS 90'}", "\"11\"", "true", "[\"late_90\"]");
	status_is("lender", "{'status':'AS AGREED'}", "\"11\"", "false", "[]");
	/* cc-extract(1), CAVEATS: the printed history is taken at its word */
	status_is("lender",
		  "{'status':'CUR WAS 30','dofd':null,'history':[{'m':'2019-12','s':'OK'},{'m':'2019-11','s':'30'},{'m':'2019-10','s':'OK'}]}",
		  "\"11\"", "true", "[\"late_30\"]");
	status_is("experian", "{'status':'Paid, was 30 days late'}",
		  "\"13\"", "true", "[\"late_30\"]");

	/* TransUnion: closed by its remarks or closing date */
	status_is("transunion", "{'status':'Paid or paying as agreed'}",
		  "\"11\"", "false", "[]");
	status_is("transunion",
		  "{'status':'Paid or paying as agreed','remarks':'Closed'}",
		  "\"13\"", "false", "[]");
	status_is("transunion",
		  "{'status':'Paid or paying as agreed','closed':'2023-04'}",
		  "\"13\"", "false", "[]");

	/* no status: no code, nothing said */
	status_is("experian", "{'status':null}", "null", "false", "[]");
	status_is(NULL, "{}", "null", "false", "[]");
}

static void test_derogatory(void)
{
	status_is("experian",
		  "{'status':'Account charged off. $2,345 written off.'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("experian", "{'status':'Paid. Was a collection account.'}",
		  "\"62\"", "true", "[\"collection\"]");
	status_is("experian", "{'status':'Collection account.'}",
		  "\"93\"", "true", "[\"collection\"]");
	status_is("lender", "{'status':'CHARGE OFF'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("experian", "{'status':'Repossession.'}",
		  "\"96\"", "true", "[\"repossession\"]");
	status_is("experian", "{'status':'Voluntary surrender.'}",
		  "\"95\"", "true", "[\"voluntary_surrender\"]");
	status_is("experian", "{'status':'Foreclosure proceedings started.'}",
		  "\"94\"", "true", "[\"foreclosure\"]");
	status_is("experian",
		  "{'status':'Account legally paid in full for less than the full balance.'}",
		  "\"13\"", "true", "[\"settled\"]");

	/* merged3: a charge-off, or a collection by the account's type */
	status_is("merged3",
		  "{'status':'Collection/Chargeoff','type':'collection','balance':12345}",
		  "\"93\"", "true", "[\"collection\"]");
	status_is("merged3",
		  "{'status':'Collection/Chargeoff','type':'collection','balance':0}",
		  "\"62\"", "true", "[\"collection\"]");
	status_is("merged3",
		  "{'status':'Collection/Chargeoff','type':'collection','balance':500,'remarks':'PAID COLLECTION'}",
		  "\"62\"", "true", "[\"collection\"]");
	status_is("merged3",
		  "{'status':'Collection/Chargeoff','type':'revolving','balance':0}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("merged3", "{'status':'Collection/Chargeoff'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	/* a collection account is negative whatever its status says */
	status_is("experian",
		  "{'status':'Open/Never late.','type':'collection'}",
		  "\"11\"", "true", "[\"collection\"]");
}

/* cc-extract(1), NEGATIVE ITEMS: the wordings of a default, a government claim, a
 * loss written off and a deed in lieu */
static void test_more_derogatory(void)
{
	status_is("experian", "{'status':'Defaulted'}", "null", "true", "[\"default\"]");
	status_is("transunion", "{'status':'In default'}", "null", "true", "[\"default\"]");
	status_is("experian",
		  "{'status':'Claim filed with government for insured portion of balance'}",
		  "\"88\"", "true", "[\"government_claim\"]");
	status_is("merged3", "{'status':'Government claim'}",
		  "\"88\"", "true", "[\"government_claim\"]");
	status_is("experian", "{'status':'$2,345 written off.'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("lender", "{'status':'PROFIT AND LOSS WRITE-OFF'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("experian",
		  "{'status':'Unpaid balance reported as a loss by the credit grantor.'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("experian", "{'status':'Deed received in lieu of foreclosure.'}",
		  "\"89\"", "true", "[\"foreclosure\"]");
	status_is("experian", "{'status':'Account charged-off. $1,234 written-off.'}",
		  "\"97\"", "true", "[\"charge_off\"]");
	status_is("experian", "{'status':'Settlement accepted on this account'}",
		  "\"13\"", "true", "[\"settled\"]");
	/* how late wins over a default; "not in default" is not one */
	status_is("experian", "{'status':'Defaulted. 90 days past due.'}",
		  "\"80\"", "true", "[\"late_90\"]");
	status_is("experian", "{'status':'Open. Not in default.'}",
		  "\"11\"", "false", "[]");
	/* "deferred" is not "default" */
	status_is("experian", "{'status':'Open. Payment deferred.'}",
		  "\"11\"", "false", "[]");

	/* Experian's payment statuses, as lender reports print them */
	status_is("lender", "{'status':'CUR ACCT'}", "\"11\"", "false", "[]");
	status_is("lender", "{'status':'CUR WAS 60 - 2X'}", "\"11\"", "true", "[\"late_60\"]");
	status_is("lender", "{'status':'CUR WAS COLL'}", "\"11\"", "true", "[\"collection\"]");
	status_is("lender", "{'status':'CUR WAS FORE'}", "\"11\"", "true", "[\"foreclosure\"]");
	status_is("lender", "{'status':'REDMD REPO'}", "\"11\"", "true", "[\"repossession\"]");
	status_is("lender", "{'status':'CO NOW PAY'}", "\"97\"", "true", "[\"charge_off\"]");
	status_is("lender", "{'status':'CO'}", "\"97\"", "true", "[\"charge_off\"]");
	status_is("lender", "{'status':'CO MAKER'}", "null", "false", "[]");
	status_is("lender", "{'status':'30 DAY DEL'}", "\"71\"", "true", "[\"late_30\"]");
	status_is("lender", "{'status':'90 DAY DEL - 2X'}", "\"80\"", "true", "[\"late_90\"]");
	status_is("lender", "{'status':'DEL 60'}", "\"78\"", "true", "[\"late_60\"]");
	status_is("lender", "{'status':'90 WAS 120+'}", "\"80\"", "true", "[\"late_90\"]");
	status_is("lender", "{'status':'30-59'}", "\"71\"", "true", "[\"late_30\"]");
	status_is("lender", "{'status':'120+ LATES'}", "\"82\"", "true", "[\"late_120\"]");
	status_is("lender", "{'status':'2030'}", "null", "false", "[]");
	/* "current" in a status that says how late the account is now */
	status_is("experian", "{'status':'Current balance past due. 120 days past due.'}",
		  "\"82\"", "true", "[\"late_120\"]");
	/* under 30 days past due: current */
	status_is("experian", "{'status':'Current; 0 days past due'}",
		  "\"11\"", "false", "[]");
	status_is("experian", "{'status':'15 days past due'}", "null", "false", "[]");
}

/* the remarks and the creditor, whatever the status says */
static void test_remarks(void)
{
	status_is("transunion",
		  "{'status':'Paid or paying as agreed','remarks':'Charged off account'}",
		  "\"11\"", "true", "[\"charge_off\"]");
	status_is("experian",
		  "{'status':'Closed.','remarks':'Unpaid balance reported as a loss by the credit grantor; consumer disputes this account information'}",
		  "\"13\"", "true", "[\"charge_off\"]");
	status_is("merged3",
		  "{'status':'Current','remarks':'Placed for collection'}",
		  "\"11\"", "true", "[\"collection\"]");
	status_is("experian",
		  "{'status':'Paid, Closed.','remarks':'Account legally paid in full for less than the full balance'}",
		  "\"13\"", "true", "[\"settled\"]");
	status_is("experian",
		  "{'status':'Closed.','remarks':'Account included in bankruptcy chapter 7; repossession'}",
		  "\"13\"", "true", "[\"repossession\",\"bankruptcy\"]");
	status_is("lender",
		  "{'status':'CUR WAS 30','remarks':'STUDENT LOAN - DEFAULTED; CLAIM FILED WITH GOVERNMENT'}",
		  "\"11\"", "true", "[\"late_30\",\"default\",\"government_claim\"]");
	status_is("transunion",
		  "{'status':'Paid or paying as agreed','remarks':'Paid in full, was a voluntary surrender'}",
		  "\"11\"", "true", "[\"voluntary_surrender\"]");
	status_is("experian",
		  "{'status':'Paid, Closed.','remarks':'Foreclosure was started'}",
		  "\"13\"", "true", "[\"foreclosure\"]");
	status_is("experian",
		  "{'status':'Paid, Closed.','remarks':'Account charged-off; balance written-off'}",
		  "\"13\"", "true", "[\"charge_off\"]");
	/* remarks that name nothing derogatory */
	status_is("experian",
		  "{'status':'Open/Never late.','remarks':'Student loan, not in default'}",
		  "\"11\"", "false", "[]");
	status_is("experian",
		  "{'status':'Open/Never late.','remarks':'Account closed at consumer\\u0027s request'}",
		  "\"13\"", "false", "[]");
	status_is("lender",
		  "{'status':'AS AGREED','remarks':'CHARGE; PURCHASED BY ANOTHER LENDER; Late Dates from Repository: 11/19-30'}",
		  "\"11\"", "false", "[]");
	status_is("experian",
		  "{'status':'Open/Never late.','remarks':'Student loan - payment deferred'}",
		  "\"11\"", "false", "[]");
	status_is("experian",
		  "{'status':'Open/Never late.','remarks':'Consumer disputes this account information'}",
		  "\"11\"", "false", "[]");

	/* a collection agency or debt buyer as creditor */
	status_is("experian",
		  "{'status':'Open.','creditor':'PORTFOLIO RECOVERY ASSOCIATES'}",
		  "\"11\"", "true", "[\"collection\"]");
	status_is("transunion", "{'status':'Open','creditor':'Lvnv Funding Llc'}",
		  "\"11\"", "true", "[\"collection\"]");
	status_is("merged3", "{'status':'Open','creditor':'CAVALRY SPVI LLC'}",
		  "\"11\"", "true", "[\"collection\"]");
	status_is("experian", "{'status':'Open.','creditor':'CREDIT COLLECTION SERVICES'}",
		  "\"11\"", "true", "[\"collection\"]");
	status_is("experian", "{'status':'Open.','creditor':'I.C. SYSTEM INC'}",
		  "\"11\"", "true", "[\"collection\"]");
	status_is("experian", "{'status':'Open.','creditor':'CROWN ASSET MANAGEMENT LLC'}",
		  "\"11\"", "true", "[\"collection\"]");
	/* banks and servicers that share a word with a collector */
	status_is("experian", "{'status':'Open/Never late.','creditor':'MIDLAND MORTGAGE CO'}",
		  "\"11\"", "false", "[]");
	status_is("experian",
		  "{'status':'Open/Never late.','creditor':'SELECT PORTFOLIO SERVICING'}",
		  "\"11\"", "false", "[]");
	status_is("experian", "{'status':'Open/Never late.','creditor':'MIDLAND STATES BANK'}",
		  "\"11\"", "false", "[]");
}

static void test_late(void)
{
	status_is("merged3", "{'status':'90_119_DAYS_PAST_DUE'}",
		  "\"80\"", "true", "[\"late_90\"]");
	status_is("merged3", "{'status':'30_59_DAYS_PAST_DUE'}",
		  "\"71\"", "true", "[\"late_30\"]");
	status_is("experian", "{'status':'60 days past due'}",
		  "\"78\"", "true", "[\"late_60\"]");
	status_is("lender", "{'status':'30 DAYS LATE'}",
		  "\"71\"", "true", "[\"late_30\"]");
	status_is("equifax", "{'status':'120 - 149 Days Past Due'}",
		  "\"82\"", "true", "[\"late_120\"]");
	/* "over 120": the newest month of the history says how late */
	status_is("merged3",
		  "{'status':'OVER_120_DAYS_PAST_DUE','history':[{'m':'2025-11','s':'150'},{'m':'2025-10','s':'120'}]}",
		  "\"83\"", "true", "[\"late_150\"]");
	status_is("merged3",
		  "{'status':'OVER_120_DAYS_PAST_DUE','history':[{'m':'2025-11','s':'180'}]}",
		  "\"84\"", "true", "[\"late_180\"]");
	status_is("merged3", "{'status':'OVER_120_DAYS_PAST_DUE'}",
		  "\"82\"", "true", "[\"late_120\"]");
	/* a newer month less late than 120 does not lower it */
	status_is("merged3",
		  "{'status':'OVER_120_DAYS_PAST_DUE','history':[{'m':'2025-11','s':'30'}]}",
		  "\"82\"", "true", "[\"late_120\"]");
}

/* ---- negatives from the history and the type ---- */

static void test_history_negatives(void)
{
	json_t *o;

	o = negatives("{'status':'Open','history':[{'m':'2025-03','s':'OK'},{'m':'2025-02','s':'CO'},{'m':'2025-01','s':'OK'}]}", "[]", 0);
	is_field(o, "negative", "true", "a CO month");
	is_field(o, "reasons", "[\"charge_off\"]", "a CO month");
	json_decref(o);

	o = negatives("{'history':[{'m':'2025-03','s':'OK'},{'m':'2025-02','s':'30'},{'m':'2025-01','s':'OK'}]}", "[]", 0);
	is_field(o, "negative", "true", "a 30 month");
	is_field(o, "reasons", "[\"late_30\"]", "a 30 month");
	json_decref(o);

	o = negatives("{'history':[{'m':'2025-04','s':'30'},{'m':'2025-03','s':'90'},{'m':'2025-02','s':'60'},{'m':'2025-01','s':'30'}]}", "[]", 0);
	is_field(o, "reasons", "[\"late_90\"]", "30, 90, 60, 30: the worst late only");
	json_decref(o);

	o = negatives("{'history':[{'m':'2025-02','s':'30'}]}", "[\"late_60\"]", 0);
	is_field(o, "reasons", "[\"late_60\"]", "a status 60 late, a 30 month");
	json_decref(o);

	o = negatives("{'history':[{'m':'2025-02','s':'120'}]}", "[\"late_30\"]", 0);
	is_field(o, "reasons", "[\"late_120\"]", "a status 30 late, a 120 month");
	json_decref(o);

	o = negatives("{'type':'collection','history':[{'m':'2025-03','s':'60'},{'m':'2025-02','s':'CO'},{'m':'2025-01','s':'C'}]}", "[\"charge_off\"]", 0);
	is_field(o, "reasons", "[\"late_60\",\"charge_off\",\"collection\"]",
		 "late, charge-off, collection: in cc-records(5) order, each once");
	json_decref(o);

	o = negatives("{'history':[{'m':'2025-03','s':'R'},{'m':'2025-02','s':'VS'},{'m':'2025-01','s':'F'},{'m':'2024-12','s':'B'}]}", "[]", 0);
	is_field(o, "reasons",
		 "[\"repossession\",\"voluntary_surrender\",\"foreclosure\",\"bankruptcy\"]",
		 "R, VS, F and B months");
	json_decref(o);

	o = negatives("{'dofd':null,'history':[{'m':'2025-03','s':'OK'},{'m':'2025-02','s':'ND'}]}", "[]", 1);
	is_field(o, "negative", "false", "OK and ND months");
	is_field(o, "reasons", "[]", "OK and ND months");
	is_field(o, "dofd", "null", "OK and ND months: no dofd");
	is_field(o, "removal_date", "null", "OK and ND months");
	json_decref(o);

	o = negatives("{'type':'collection','history':[]}", "[]", 1);
	is_field(o, "reasons", "[\"collection\"]", "a collection account");
	json_decref(o);
}

/* ---- the date of first delinquency ---- */

static void test_dofd(void)
{
	json_t *o;

	/* newest first: the newest run is 2025-05..2025-04, its oldest 04 */
	o = negatives("{'opened':'2020-01-10','history':[{'m':'2025-06','s':'OK'},{'m':'2025-05','s':'30'},{'m':'2025-04','s':'60'},{'m':'2025-03','s':'OK'},{'m':'2025-02','s':'30'},{'m':'2025-01','s':'OK'}]}", "[]", 1);
	is_field(o, "dofd", "\"2025-04\"", "dofd: the newest run's oldest month");
	is_field(o, "reasons", "[\"late_60\"]", "dofd case");
	is_field(o, "removal_date", "\"2032-04\"", "late only: dofd + 7 years");
	json_decref(o);

	/* an ND month ends the run too */
	o = negatives("{'history':[{'m':'2025-03','s':'90'},{'m':'2025-02','s':'ND'},{'m':'2025-01','s':'30'}]}", "[]", 1);
	is_field(o, "dofd", "\"2025-03\"", "dofd: ND ends the run");
	json_decref(o);

	/* the run reaches the oldest month printed */
	o = negatives("{'opened':'2019-12-31','dofd':null,'history':[{'m':'2020-03','s':'30'},{'m':'2020-02','s':'60'},{'m':'2020-01','s':'90'}]}", "[]", 1);
	is_field(o, "dofd", "null", "run to the oldest month, opened before it: null");
	is_field(o, "removal_date", "null", "no dofd: no removal date");
	is_field(o, "negative", "true", "still negative");
	json_decref(o);

	o = negatives("{'opened':'2020-01-20','history':[{'m':'2020-03','s':'30'},{'m':'2020-02','s':'60'},{'m':'2020-01','s':'90'}]}", "[]", 1);
	is_field(o, "dofd", "\"2020-01\"", "run to the oldest month, opened in it");
	is_field(o, "removal_date", "\"2027-01\"", "opened in it: removal date");
	json_decref(o);

	o = negatives("{'opened':null,'history':[{'m':'2020-03','s':'30'},{'m':'2020-02','s':'60'}]}", "[]", 1);
	is_field(o, "dofd", "\"2020-02\"", "run to the oldest month, opened unknown");
	json_decref(o);

	/* a printed dofd is kept */
	o = negatives("{'dofd':'2019-03-15','history':[{'m':'2025-02','s':'30'}]}", "[]", 1);
	is_field(o, "dofd", "\"2019-03-15\"", "a printed dofd is kept");
	is_field(o, "removal_date", "\"2026-03-15\"", "late: dofd + 7 years, to the day");
	json_decref(o);

	/* not read off the history when the layout prints a dofd */
	o = negatives("{'dofd':null,'history':[{'m':'2025-02','s':'30'}]}", "[]", 0);
	is_field(o, "dofd", "null", "not from the history: stays null");
	is_field(o, "removal_date", "null", "not from the history: no removal date");
	json_decref(o);
}

/* ---- the removal date ---- */

static void test_removal(void)
{
	json_t *o;
	char out[11];

	/*
	 * 2019-03-15 + 7 years = 2026-03-15; + 180 days: 16 to 03-31, 30 in
	 * April (46), 31 in May (77), 30 in June (107), 31 in July (138), 31
	 * in August (169), 11 in September (180): 2026-09-11.
	 */
	o = negatives("{'dofd':'2019-03-15'}", "[\"charge_off\"]", 1);
	is_field(o, "removal_date", "\"2026-09-11\"", "charge-off, day dofd: + 7 years + 180 days");
	json_decref(o);

	o = negatives("{'dofd':'2019-03-15','type':'collection'}", "[]", 1);
	is_field(o, "removal_date", "\"2026-09-11\"", "collection account, day dofd");
	json_decref(o);

	/*
	 * The statute's order, 15 U.S.C. 1681c(c)(1): the 180 days first,
	 * then seven years.  2019-10-01 + 180 days: 30 to 10-31, 30 in
	 * November (60), 31 in December (91), 31 in January (122), 29 in
	 * February 2020 (151), 29 into March: 2020-03-29; + 7 years:
	 * 2027-03-29 (the other order, through February 2027, would give
	 * 2027-03-30).
	 */
	o = negatives("{'dofd':'2019-10-01'}", "[\"collection\"]", 1);
	is_field(o, "removal_date", "\"2027-03-29\"", "collection, 2019-10-01: days, then years");
	json_decref(o);

	/* a month dofd: + 6 months for the 180 days */
	o = negatives("{'dofd':'2019-03'}", "[\"charge_off\"]", 1);
	is_field(o, "removal_date", "\"2026-09\"", "charge-off, month dofd: + 7 years + 6 months");
	json_decref(o);

	o = negatives("{'dofd':'2019-09'}", "[\"collection\"]", 1);
	is_field(o, "removal_date", "\"2027-03\"", "collection, month dofd, over a year end");
	json_decref(o);

	o = negatives("{'dofd':'2019-03'}", "[\"late_90\"]", 1);
	is_field(o, "removal_date", "\"2026-03\"", "late, month dofd: + 7 years");
	json_decref(o);

	o = negatives("{'dofd':'2024-02-29'}", "[\"late_30\"]", 1);
	is_field(o, "removal_date", "\"2031-02-28\"", "2024-02-29 + 7 years: the month's last day");
	json_decref(o);

	/* a charge-off read off the history: month dofd, + 6 months */
	o = negatives("{'opened':'2015-06-01','history':[{'m':'2022-10','s':'CO'},{'m':'2022-09','s':'CO'},{'m':'2022-08','s':'120'},{'m':'2022-07','s':'OK'}]}", "[\"charge_off\"]", 1);
	is_field(o, "dofd", "\"2022-08\"", "charge-off history: dofd");
	is_field(o, "reasons", "[\"late_120\",\"charge_off\"]", "charge-off history: reasons");
	is_field(o, "removal_date", "\"2030-02\"", "charge-off history: removal date");
	json_decref(o);

	/* a printed removal date is kept */
	o = negatives("{'dofd':'2019-03-15','removal_date':'2027-05'}", "[\"charge_off\"]", 1);
	is_field(o, "removal_date", "\"2027-05\"", "a printed removal date is kept");
	json_decref(o);

	/* not negative: none, even with a dofd */
	o = negatives("{'dofd':'2019-03-15','status':'Open/Never late.'}", "[]", 1);
	is_field(o, "negative", "false", "not negative");
	is_field(o, "removal_date", "null", "not negative: no removal date");
	json_decref(o);

	/* cc_extract_add_months at the precision given */
	cc_iso_add_months("2024-02-29", 84, out);
	is_str(out, "2031-02-28", "add_months 2024-02-29 + 84 = 2031-02-28");
	cc_iso_add_months("2024-02-29", 48, out);
	is_str(out, "2028-02-29", "add_months 2024-02-29 + 48 = 2028-02-29");
	cc_iso_add_months("2019-01-31", 1, out);
	is_str(out, "2019-02-28", "add_months 2019-01-31 + 1 = 2019-02-28");
	cc_iso_add_months("2019-08-31", 6, out);
	is_str(out, "2020-02-29", "add_months 2019-08-31 + 6 = 2020-02-29");
	cc_iso_add_months("2019-11", 2, out);
	is_str(out, "2020-01", "add_months 2019-11 + 2 = 2020-01 (a month stays a month)");
	cc_iso_add_months("2020-03-31", -1, out);
	is_str(out, "2020-02-29", "add_months 2020-03-31 - 1 = 2020-02-29");
	cc_iso_add_months("2019", 84, out);
	is_str(out, "", "add_months of a bare year: empty");
	cc_iso_add_months("2019-13", 1, out);
	is_str(out, "", "add_months of month 13: empty");
	cc_iso_add_months(NULL, 84, out);
	is_str(out, "", "add_months of NULL: empty");
	cc_iso_add_months("9999-12", 1, out);
	is_str(out, "", "add_months past 9999: empty");
}

/* ---- loading ---- */

static void test_load(void)
{
	struct cc_extract_layouts *X;
	struct cc_error e;
	char *bad, *path;
	size_t i;
	static const char *const names[] = {
		"equifax", "experian", "lender", "merged3", "transunion",
	};

	if (is_int(cc_extract_nlayouts(L), 5, "five layouts loaded"))
		for (i = 0; i < 5; i++)
			is_str(cc_extract_layout_name(L, i), names[i],
			       "layout %zu is %s, in file name order", i, names[i]);

	cc_error_clear(&e);
	X = cc_extract_load("/nonexistent/layouts", &e);
	ok(!X, "a missing directory is not loaded");
	is_int(e.code, CC_ERR_NOINPUT, "  CC_ERR_NOINPUT");
	cc_extract_free(X);

	/* a layout with a bad pattern (common.yaml is optional) */
	bad = tmp_path("bad");
	if (mkdir(bad, 0700) != 0) {
		ok(0, "mkdir %s: %s", bad, strerror(errno));
		free(bad);
		return;
	}
	path = tmp_write_str("bad/acme.yaml",
			     "layout: acme\nstatus:\n  - {match: \"sold to (\", code: \"93\"}\n");
	cc_error_clear(&e);
	X = cc_extract_load(bad, &e);
	ok(!X, "a layout with a bad pattern is not loaded");
	is_int(e.code, CC_ERR_CONFIG, "  CC_ERR_CONFIG");
	ok(strstr(e.source, "acme.yaml") != NULL, "  the file is named: %s", e.source);
	is_int(e.line, 3, "  at the rule's line");
	cc_extract_free(X);
	free(path);
	free(bad);
}

int main(void)
{
	char *dir = find_srcdir(), *layouts;
	struct cc_error e;

	if (!dir) {
		printf("Bail out! cannot find the source tree (set SRCDIR)\n");
		return 1;
	}
	layouts = cc_xasprintf("%s/layouts", dir);
	cc_error_clear(&e);
	L = cc_extract_load(layouts, &e);
	if (!L) {
		printf("Bail out! cannot load %s: %s:%ld: %s\n", layouts,
		       e.source, e.line, e.msg);
		return 1;
	}
	test_current();
	test_derogatory();
	test_more_derogatory();
	test_remarks();
	test_late();
	test_history_negatives();
	test_dofd();
	test_removal();
	test_load();
	cc_extract_free(L);
	free(layouts);
	free(dir);
	return tap_done();
}
