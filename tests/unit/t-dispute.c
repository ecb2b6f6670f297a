/*
 * t-dispute.c -- lib/dispute*.c: the 15 U.S.C. 1681c window around its
 * boundaries (cc_dispute_on_or_after), dates in
 * words, matching creditors and account masks, the rules files (read
 * over each other, their errors with file and line), templates, the
 * selection file, and each reason on records made here; cc-dispute(1).
 *
 * The installed rules are those of the source tree, rules/dispute.yaml:
 * found from $SRCDIR when it is set, else from the working directory
 * (make check runs prove at the top of the tree), else from the
 * program's own path, O/tests/t-dispute with O a directory of the tree.
 */
#include "base/cc.h"
#include "dispute/impl.h"
#include "model/date.h"
#include "base/hash.h"

#include <sys/stat.h>

#include "tap.h"
#include "tmp.h"

static char *rules_path;

static int is_srcdir(const char *dir)
{
	char *p = cc_xasprintf("%s/rules/dispute.yaml", dir);
	char *q = cc_xasprintf("%s/tests/unit/t-dispute.c", dir);
	struct stat st;
	int yes = stat(p, &st) == 0 && stat(q, &st) == 0;

	free(p);
	free(q);
	return yes;
}

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
	for (up = 0; up < 3; up++) {
		if (!(s = strrchr(exe, '/')))
			return NULL;
		*s = '\0';
	}
	return is_srcdir(exe) ? cc_xstrdup(exe) : NULL;
}

/* JSON written with ' for " (an apostrophe in a value is \u0027). */
static json_t *js(const char *text)
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

/* --- dates ------------------------------------------------------------------ */

static void test_on_or_after(void)
{
	static const struct { const char *as_of, *date; int want; } t[] = {
		{ "2026-01-14", "2026-01-15", 0 },   /* the day before */
		{ "2026-01-15", "2026-01-15", 1 },   /* the day itself */
		{ "2026-01-16", "2026-01-15", 1 },
		{ "2025-12-31", "2026-01", 0 },      /* a month: its first day */
		{ "2026-01-01", "2026-01", 1 },
		{ "2026-01-31", "2026-01", 1 },
		{ "2024-02-28", "2024-02-29", 0 },
		{ "2024-02-29", "2024-02-29", 1 },
		{ "2026-01", "2026-01", -1 },        /* today must be a day */
		{ "2026-01-15", "2026-02-30", -1 },
		{ "2026-01-15", "soon", -1 },
		{ "2026-01-15", NULL, -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		is_int(cc_date_on_or_after(t[i].as_of, t[i].date), t[i].want,
		       "%s on or after %s", t[i].as_of, t[i].date ? t[i].date : "NULL");
}

static void test_dates(void)
{
	char w[40];

	cc_date_words("2030-03", w, sizeof(w));
	is_str(w, "March 2030", "a month in words");
	cc_date_words("2030-03-05", w, sizeof(w));
	is_str(w, "March 5, 2030", "a day in words");
	cc_date_words("2030-12-31", w, sizeof(w));
	is_str(w, "December 31, 2030", "the last day of the year");
	cc_date_words("03/2030", w, sizeof(w));
	is_str(w, "03/2030", "not ISO: as it is");
	ok(cc_date_valid_day("2024-02-29"), "2024-02-29 is a day");
	ok(!cc_date_valid_day("2025-02-29"), "2025-02-29 is not");
	ok(!cc_date_valid_day("2025-02"), "a month is not a day");
	ok(!cc_date_valid_day("2025-2-01"), "digits in their places");
}

/* --- names and masks --------------------------------------------------------- */

static void test_masks(void)
{
	static const struct { const char *a, *b; int want; } t[] = {
		{ "251556XXXXX", "2515566****", 1 },
		{ "251556XXXXX", "*******8756", 1 },
		{ "2515566****", "*******8756", 1 },
		{ "4147XXXX", "4148XXXX", 0 },
		{ "XXXX1234", "*1234", 1 },
		{ "XXXX1234", "*1235", 0 },
		{ "517805XXXXXXXXXX", "*4421", 1 },
		{ "12XX56", "13XX56", 0 },
		{ "1X3X", "1Y4Y", 0 },          /* as long: every digit shown by both */
		{ "1X3X", "1YYY", 1 },
		{ "XXXX", "1234", 1 },
		{ NULL, "1234", 1 },
		{ "", "1234", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		is_int(cc_mask_compatible(t[i].a, t[i].b), t[i].want,
		       "masks %s and %s", t[i].a ? t[i].a : "NULL", t[i].b);
		is_int(cc_mask_compatible(t[i].b, t[i].a), t[i].want,
		       "masks %s and %s", t[i].b, t[i].a ? t[i].a : "NULL");
	}
}

/* What a dispute may show of an account number: the masks reports
 * print as they are; a whole number, or one dressed up as a mask, cut
 * to its last four characters. */
static void test_account_mask(void)
{
	static const struct { const char *in, *want; } t[] = {
		{ "251556XXXXX", "251556XXXXX" },
		{ "2515566****", "2515566****" },
		{ "517805XXXXXXXXXX", "517805XXXXXXXXXX" },
		{ "517805XXXXXX4421", "517805XXXXXX4421" },   /* first 6, last 4 */
		{ "*******8756", "*******8756" },
		{ "1234", "1234" },
		{ "", "" },
		{ "4147123412341234", "XXXXXXXXXXXX1234" },
		{ "4147-1234-1234-1234", "XXXXXXXXXXXXXXX1234" },
		{ "4147123412341234X", "XXXXXXXXXXXXX234X" },
		{ "*4147123412341234", "XXXXXXXXXXXXX1234" },
		{ "41471234123XXXXX", "XXXXXXXXXXXXXXXX" },   /* 11 digits shown */
		{ "AB12345678", "XXXXXX5678" },
		{ "12345X", "XX345X" },                       /* one X masks nothing */
	};
	size_t i;
	char *m;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		m = cc_mask_shown(t[i].in);
		is_str(m, t[i].want, "account mask %s", t[i].in);
		free(m);
	}
	ok(cc_mask_shown(NULL) == NULL, "account mask of NULL");
}

static void test_creditors(void)
{
	static const struct { const char *a, *b; int want; } t[] = {
		{ "CAPITAL ONE", "Capital One Bank USA NA", 1 },
		{ "CAPITAL ONE AUTO FINAN", "CAPITAL ONE AUTO FINANCE", 1 },
		{ "SYNCB/AMAZON", "SYNCB AMAZON", 1 },
		{ "AMEX", "AMERICAN EXPRESS", 0 },
		{ "CAPITAL", "CAPITAL ONE", 1 },
		{ "CAP", "CAPITAL ONE", 1 },          /* a word cut to 3 letters */
		{ "CA", "CAPITAL ONE", 0 },
		{ "CREDIT ONE BANK", "CREDIT COLLECTION SERVICES", 0 },
		{ "US BANK", "US BANK NA", 1 },
		{ "US BANK", "USAA", 0 },
		{ "", "X", 0 },
		{ "--", "X", 0 },
		{ NULL, "X", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		is_int(cc_dispute_same_creditor(t[i].a, t[i].b), t[i].want,
		       "'%s' and '%s'", t[i].a ? t[i].a : "NULL", t[i].b);
		is_int(cc_dispute_same_creditor(t[i].b, t[i].a), t[i].want,
		       "'%s' and '%s'", t[i].b, t[i].a ? t[i].a : "NULL");
	}
	for (i = 0; i < CC_DR_COUNT; i++)
		is_int(cc_dispute_reason_of(cc_dispute_reason_name((int)i)), (long long)i,
		       "reason %s by its name", cc_dispute_reason_name((int)i));
	is_int(cc_dispute_reason_of("late_30"), -1, "late_30 is not a dispute reason");
	ok(cc_dispute_reason_name(CC_DR_COUNT) == NULL, "no name past the end");
}

/* --- templates --------------------------------------------------------------- */

static const char *fake_lookup(const char *name, size_t len, void *arg)
{
	(void)arg;
	if (len == 8 && !memcmp(name, "creditor", 8))
		return "ACME";
	if (len == 6 && !memcmp(name, "reason", 6))
		return "";
	return NULL;
}

static void test_render(void)
{
	struct cc_buf b = { 0 };

	d_render(&b, "  {creditor} owes {{nothing}}.\n  {reason}  ", fake_lookup, NULL);
	is_str(b.s, "ACME owes {nothing}.", "placeholders, braces, spaces");
	cc_buf_release(&b);
	d_render(&b, "{balance} }", fake_lookup, NULL);
	is_str(b.s, "unknown }", "a value not known; a lone }");
	cc_buf_release(&b);
	ok(d_placeholder_known("removal_date", 12), "removal_date is a placeholder");
	ok(!d_placeholder_known("removal", 7), "removal is not");
}

/* --- rules ---------------------------------------------------------------------- */

static struct cc_dispute_rules *load(const char *site, struct cc_error *e, int *rc)
{
	struct cc_dispute_rules *R = cc_dispute_rules_new();
	char *p = NULL;

	*rc = cc_dispute_rules_load(R, rules_path, e);
	if (*rc == 0 && site) {
		p = tmp_write_str("site.yaml", site);
		*rc = cc_dispute_rules_load(R, p, e);
	}
	if (*rc == 0)
		*rc = cc_dispute_rules_check(R, e);
	free(p);
	return R;
}

static void test_rules(void)
{
	static const struct { const char *text, *msg; long line; } bad[] = {
		{ "reasons:\n  obsolete:\n    text: '{creditor'\n",
		  "reasons.obsolete.text: a '{' without its '}'", 3 },
		{ "bureaus:\n  experian:\n    name: [a]\n",
		  "bureaus.experian.name: expected a string", 3 },
		{ "reasons:\n  identity_theft:\n    positive: true\n",
		  "reasons.identity_theft.positive: the consumer's own reasons are always on", 3 },
		{ "skip:\n  creditors: {a: 1}\n",
		  "skip.creditors: expected a list of strings", 2 },
		{ "\n\nmax_items: 1e3\n", "max_items: expected a non-negative integer", 3 },
		{ "followup: '{previous}'\n", "followup: unknown placeholder '{previous}'", 1 },
	};
	struct cc_dispute_rules *R, *E;
	struct cc_error e;
	char *p;
	size_t i;
	int rc;

	R = load(NULL, &e, &rc);
	if (!is_int(rc, 0, "the installed rules load and are complete"))
		tap_diag("%s:%ld: %s", e.source, e.line, e.msg);
	is_str(R->bureau[CC_EQUIFAX].name, "Equifax Information Services LLC", "Equifax's name");
	is_int(R->bureau[CC_EQUIFAX].nlines, 2, "two lines");
	is_str(R->bureau[CC_EQUIFAX].lines[1], "Atlanta, GA 30374-0256", "Equifax's city");
	is_str(R->bureau[CC_EXPERIAN].lines[0], "P.O. Box 4500", "Experian's box");
	is_str(R->bureau[CC_TRANSUNION].lines[1], "Chester, PA 19016-2000", "TransUnion's city");
	is_int(R->max_items, 0, "no cap by default");
	is_int(R->r[CC_DR_OBSOLETE].action, DA_DELETE, "obsolete: delete");
	is_int(R->r[CC_DR_UNVERIFIABLE].action, DA_VERIFY, "unverifiable: verify");
	ok(R->r[CC_DR_MISSING_LIMIT].positive && !R->r[CC_DR_MISMATCH].positive,
	   "missing_limit for any tradeline, mismatches for negative ones");
	cc_dispute_rules_free(R);

	R = load("max_items: 3\noverflow: defer\nskip:\n  creditors: MEDICAL\n"
		 "  negative_reasons: [late_30]\nreasons:\n  obsolete:\n"
		 "    enabled: false\n", &e, &rc);
	is_int(rc, 0, "a site file over the installed rules");
	ok(R->max_items == 3 && R->defer && R->nskip_creditors == 1 &&
	   R->skip_reasons_set && !R->r[CC_DR_OBSOLETE].enabled &&
	   R->r[CC_DR_OBSOLETE].text && R->bureau[CC_EXPERIAN].name,
	   "what it sets replaces, the rest stays");
	cc_dispute_rules_free(R);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		R = load(bad[i].text, &e, &rc);
		is_int(rc, CC_ERR_CONFIG, "bad rules %zu: a config error", i);
		is_str(e.id, "rules.invalid", "bad rules %zu: rules.invalid", i);
		is_str(e.msg, bad[i].msg, "bad rules %zu: message", i);
		is_int(e.line, bad[i].line, "bad rules %zu: line", i);
		cc_dispute_rules_free(R);
	}

	/* rules alone, without the installed file: incomplete */
	E = cc_dispute_rules_new();
	p = tmp_write_str("alone.yaml", "max_items: 1\n");
	is_int(cc_dispute_rules_load(E, p, &e), 0, "a file alone loads");
	is_int(cc_dispute_rules_check(E, &e), CC_ERR_CONFIG, "but is not complete");
	is_str(e.msg, "no text for the reason 'not_mine'", "it says what is missing");
	is_str(e.source, p, "and names the file");
	free(p);
	p = tmp_path("nope.yaml");
	is_int(cc_dispute_rules_load(E, p, &e), CC_ERR_NOINPUT, "a missing file: no input");
	is_str(e.id, "rules.open", "rules.open");
	free(p);
	cc_dispute_rules_free(E);
}

/* --- a run --------------------------------------------------------------------------- */

static struct cc_dispute_rules *rules;

struct got {
	json_t *recs;
};

static int collect(json_t *rec, void *arg)
{
	struct got *g = arg;

	json_array_append_new(g->recs, rec);
	return 0;
}

/* Run over the records of text (one per line, ' for "); the dispute
 * records in a new array. */
static json_t *run(const char *text, const struct cc_dispute_opts *o,
		   struct cc_dispute_info *info)
{
	struct cc_dispute_ctx *x = cc_dispute_ctx_new(rules, o);
	struct cc_dispute *d = cc_dispute_new(x);
	struct got g = { json_array() };
	struct cc_error e;
	char *copy = cc_xstrdup(text), *line, *save = NULL;

	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_t *r = js(line);

		if (cc_dispute_add(d, r, &e) < 0)
			tap_diag("rejected: %s", e.msg);
		json_decref(r);
	}
	free(copy);
	cc_dispute_finish(d, collect, &g, info);
	cc_dispute_free(d);
	cc_dispute_ctx_free(x);
	return g.recs;
}

/* "tradeline=reason_code[+other,...]" of every item, space-separated. */
static char *summary(json_t *recs)
{
	struct cc_buf b = { 0 };
	json_t *r, *it, *x;
	size_t i, j, k;

	json_array_foreach(recs, i, r)
		json_array_foreach(json_object_get(r, "items"), j, it) {
			cc_buf_addf(&b, "%s%s=%s", b.len ? " " : "",
				    json_string_value(json_object_get(it, "tradeline")),
				    json_string_value(json_object_get(it, "reason_code")));
			json_array_foreach(json_object_get(json_object_get(it, "evidence"),
							   "other_reasons"), k, x)
				cc_buf_addf(&b, "+%s", json_string_value(x));
		}
	return cc_buf_detach(&b);
}

static const struct cc_dispute_opts opts1 = { 1, "2026-01-15", "2026-01-15T00:00:00Z", NULL };

#define CONS "{'kind':'consumer','v':1,'doc':'d','bureau':'experian','name':'A B','report_date':'2026-01-10'}\n"
/* a negative tradeline (a later member wins over these) */
#define TL(id, rest) "{'kind':'tradeline','v':1,'id':'" id "','doc':'d','bureau':'experian'," \
		     "'negative':true,'reasons':['collection']," rest "}\n"

static void expect_run(const char *text, const char *want, const char *what)
{
	json_t *recs = run(text, &opts1, NULL);
	char *s = summary(recs);

	is_str(s, want, "%s", what);
	free(s);
	json_decref(recs);
}

static void test_paid(void)
{
	expect_run(CONS
		   TL("a", "'creditor':'A','negative':false,'status':'Paid in full','balance':1")
		   TL("b", "'creditor':'B','negative':false,'status':'Pays as agreed','balance':1")
		   TL("c", "'creditor':'C','negative':false,'status':'Paid as agreed','balance':1")
		   TL("d", "'creditor':'D','negative':false,'status':'Not paid','balance':1")
		   TL("e", "'creditor':'E','negative':false,'status':'Settlement accepted','balance':1")
		   TL("f", "'creditor':'F','negative':false,'status':'PAID_COLLECTION','balance':1")
		   TL("g", "'creditor':'G','negative':false,'status':'Paid in full','balance':0")
		   TL("h", "'creditor':'H','negative':false,'status':'Paid in full','balance':null")
		   TL("i", "'creditor':'I','negative':false,'status':'Unpaid; paid-off soon','balance':5")
		   TL("j", "'creditor':'J','negative':false,'reasons':[],'status':'Paid','balance':5"),
		   "a=paid_with_balance e=paid_with_balance f=paid_with_balance "
		   "i=paid_with_balance j=paid_with_balance",
		   "paid or settled, by the words of the status");
}

static void test_precedence(void)
{
	/* obsolete, mismatch-free history problem and missing limit at once */
	expect_run(CONS
		   TL("x", "'creditor':'X','reasons':['late_90'],'type':'revolving',"
		      "'high_balance':100,'removal_date':'2026-01-15','reported':'2025-10',"
		      "'history':[{'m':'2025-10','s':'90'},{'m':'2025-09','s':'OK'}]")
		   TL("y", "'creditor':'Y','reasons':['late_90'],'removal_date':'2026-01-16'"),
		   "x=obsolete+inaccurate_payment_history+missing_limit y=unverifiable",
		   "the strongest reason first, the others listed");
	/* the same tradeline twice in the stream counts once */
	expect_run(CONS TL("y", "'creditor':'Y'") TL("y", "'creditor':'Y'"),
		   "y=unverifiable", "a tradeline read twice is one item");
	/* not negative, nothing wrong: no dispute at all */
	expect_run(CONS TL("z", "'creditor':'Z','negative':false,'reasons':[]"),
		   "", "nothing to dispute: no record");
	/* negative from its reasons when "negative" is absent */
	expect_run(CONS "{'kind':'tradeline','v':1,'id':'w','doc':'d','bureau':'experian','reasons':['late_30']}\n",
		   "w=unverifiable", "negative by its reasons");
	expect_run(CONS "{'kind':'tradeline','v':1,'id':'v','doc':'d','bureau':'experian','reasons':[]}\n",
		   "", "not negative without reasons");
}

static void test_round2(void)
{
	struct cc_dispute_opts o = { 2, "2026-01-15", "2026-01-15T00:00:00Z", "2025-12-01" };
	json_t *recs = run(CONS TL("r", "'creditor':'R','remarks':'Account disputed by consumer'")
			   TL("s", "'creditor':'S','remarks':null"), &o, NULL);
	char *s = summary(recs);
	const char *reason;

	is_str(s, "r=unverifiable s=unverifiable+not_marked_disputed",
	       "round 2: not marked disputed unless a remark says disputed");
	reason = json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(recs, 0), "items"), 0), "reason"));
	ok(reason && strstr(reason, "on December 1, 2025") &&
	   strstr(reason, "§1681i(a)(7)"), "round 2 cites the date and §1681i(a)(7)");
	is_str(json_string_value(json_object_get(json_object_get(json_array_get(recs, 0),
		"previous"), "date")), "2025-12-01", "previous.date");
	free(s);
	json_decref(recs);
}

static void test_ids(void)
{
	struct cc_dispute_info info;
	json_t *recs = run("{'kind':'document','v':1,'doc':'d','owner':'u1'}\n" CONS
			   TL("b", "'creditor':'B'") TL("a", "'creditor':'A'"), &opts1, &info);
	char hex[CC_SHA256_HEX];
	struct cc_error e;
	const char *in = "u1\nexperian\n1\na\nb\n";

	cc_sha256_hex(in, strlen(in), hex, &e);
	hex[16] = '\0';
	is_str(json_string_value(json_object_get(json_array_get(recs, 0), "id")), hex,
	       "the id: owner, bureau, round and the items' tradelines");
	is_str(json_string_value(json_object_get(json_array_get(recs, 0), "owner")), "u1",
	       "the owner");
	ok(info.groups == 1 && info.disputes == 1 && info.items == 2 && info.deferred == 0,
	   "the counts");
	json_decref(recs);
}

static void test_previous_and_bad(void)
{
	struct cc_dispute_ctx *x = cc_dispute_ctx_new(rules, &opts1);
	struct cc_dispute *d = cc_dispute_new(x);
	struct cc_error e;
	json_t *r;

	r = js("{'kind':'dispute','bureau':'experian','round':1,'created_at':'2025-13-01T00:00:00Z'}");
	is_int(cc_dispute_ctx_previous_add(x, r, &e), CC_ERR_CONFIG, "a previous dispute of no real date");
	is_str(e.id, "previous.invalid", "previous.invalid");
	json_decref(r);
	r = js("{'kind':'dispute','bureau':'innovis','round':1,'created_at':'2025-12-01T00:00:00Z'}");
	is_int(cc_dispute_ctx_previous_add(x, r, &e), CC_ERR_CONFIG, "a previous dispute to no bureau");
	json_decref(r);
	r = js("{'kind':'tradeline','id':'t','doc':'d','bureau':null,'repositories':'experian'}");
	is_int(cc_dispute_add(d, r, &e), CC_ERR_DATA, "repositories not a list");
	is_str(e.msg, "tradeline record whose \"repositories\" is not a list", "its message");
	json_decref(r);
	r = js("{'kind':'tradeline','id':'','doc':'d'}");
	is_int(cc_dispute_add(d, r, &e), CC_ERR_DATA, "an empty id");
	json_decref(r);
	r = js("{'kind':'inquiry','doc':'d','bureau':'nowhere'}");
	is_int(cc_dispute_add(d, r, &e), 0, "other kinds are not looked at");
	json_decref(r);
	cc_dispute_free(d);
	cc_dispute_ctx_free(x);
}

int main(void)
{
	char *src = find_srcdir();
	struct cc_error e;
	int rc;

	if (!src) {
		printf("Bail out! cannot find the source tree (set SRCDIR)\n");
		return 1;
	}
	rules_path = cc_xasprintf("%s/rules/dispute.yaml", src);
	free(src);
	test_on_or_after();
	test_dates();
	test_masks();
	test_account_mask();
	test_creditors();
	test_render();
	test_rules();
	rules = load(NULL, &e, &rc);
	if (rc < 0) {
		printf("Bail out! the rules do not load: %s\n", e.msg);
		return 1;
	}
	test_paid();
	test_precedence();
	test_round2();
	test_ids();
	test_previous_and_bad();
	cc_dispute_rules_free(rules);
	free(rules_path);
	return tap_done();
}
