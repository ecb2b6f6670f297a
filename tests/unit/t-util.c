/*
 * t-util.c -- lib/util.c (sizes, integers, times, UTF-8, CC_GROW, the
 * x* allocators) and lib/error.c.
 */
#include "base/cc.h"
#include "model/date.h"

#include "tap.h"

#define FFFD "\xef\xbf\xbd"

/* For descriptions: printf's %s must not see NULL. */
static const char *S(const char *s)
{
	return s ? s : "(NULL)";
}

static void check_size(const char *s, uint64_t want)
{
	uint64_t got = 12345;
	int rc = cc_parse_size(s, &got);

	if (is_int(rc, 0, "cc_parse_size(\"%s\") succeeds", S(s)) &&
	    !ok(got == want, "cc_parse_size(\"%s\") = %llu", S(s),
		(unsigned long long)want))
		tap_diag("got %llu", (unsigned long long)got);
}

static void check_size_bad(const char *s)
{
	uint64_t got = 12345;
	int rc = cc_parse_size(s, &got);

	is_int(rc, -1, "cc_parse_size(\"%s\") fails", S(s));
	is_int(got, 12345, "cc_parse_size(\"%s\") leaves *out alone", S(s));
}

static void test_parse_size(void)
{
	check_size("0", 0);
	check_size("1048576", 1048576);
	check_size("512K", 512 * 1024);
	check_size("512k", 512 * 1024);
	check_size("10M", 10 * 1048576);
	check_size("16MiB", 16 * 1048576);
	check_size("10MB", 10 * 1048576);
	check_size("1G", 1073741824);
	check_size("3gib", 3ULL << 30);
	check_size("2T", 2ULL << 40);
	check_size("100B", 100);
	check_size("007K", 7 * 1024);
	check_size("18446744073709551615", UINT64_MAX);
	check_size("16777215T", 16777215ULL << 40);

	check_size_bad("");
	check_size_bad(NULL);
	check_size_bad("-1");
	check_size_bad("+1");
	check_size_bad(" 1");
	check_size_bad("1 ");
	check_size_bad("10X");
	check_size_bad("M");
	check_size_bad("1.5M");
	check_size_bad("10 M");
	check_size_bad("10MiBs");
	check_size_bad("10iB");
	check_size_bad("0x10");
	check_size_bad("99999999999999999999");
	check_size_bad("18446744073709551616");
	check_size_bad("16777216T");
	check_size_bad("20000000000T");
	check_size_bad("17179869184G");
}

static void check_long(const char *s, int want_rc, long want)
{
	long got = -42;
	int rc = cc_parse_long(s, &got);

	is_int(rc, want_rc, "cc_parse_long(\"%s\") returns %d", S(s), want_rc);
	is_int(got, want_rc == 0 ? want : -42, "cc_parse_long(\"%s\") value", S(s));
}

static void test_parse_long(void)
{
	char buf[64];

	check_long("0", 0, 0);
	check_long("7", 0, 7);
	check_long("0042", 0, 42);
	check_long("9223372036854775807", 0, LONG_MAX);
	check_long("9223372036854775808", -1, 0);
	check_long("", -1, 0);
	check_long(NULL, -1, 0);
	check_long("-1", -1, 0);
	check_long("+1", -1, 0);
	check_long(" 1", -1, 0);
	check_long("1 ", -1, 0);
	check_long("12a", -1, 0);
	check_long("1.0", -1, 0);
	check_long("lots", -1, 0);
	snprintf(buf, sizeof(buf), "%ld", LONG_MAX);
	check_long(buf, 0, LONG_MAX);
}

static void check_time(const char *s, long long want, const char *iso)
{
	time_t t = (time_t)-7;
	char buf[32];

	if (!is_int(cc_time_parse(s, &t), 0, "cc_time_parse(\"%s\")", S(s)))
		return;
	is_int(t, want, "cc_time_parse(\"%s\") = %lld", S(s), want);
	cc_time_iso(t, buf, sizeof(buf));
	is_str(buf, iso, "cc_time_iso(%lld) = %s", want, iso);
}

static void check_time_bad(const char *s)
{
	time_t t = (time_t)-7;

	is_int(cc_time_parse(s, &t), -1, "cc_time_parse(\"%s\") fails", S(s));
	is_int(t, -7, "cc_time_parse(\"%s\") leaves *t alone", S(s));
}

static void test_time(void)
{
	char buf[32], small[21];
	time_t t;

	check_time("0", 0, "1970-01-01T00:00:00Z");
	check_time("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z");
	check_time("2026-01-02T03:04:05Z", 1767323045LL,
		   "2026-01-02T03:04:05Z");
	check_time("1767323045", 1767323045LL, "2026-01-02T03:04:05Z");
	check_time("2000-02-29T23:59:59Z", 951868799LL,
		   "2000-02-29T23:59:59Z");
	check_time("2147483648", 2147483648LL, "2038-01-19T03:14:08Z");

	/* round trip: iso -> parse -> iso */
	cc_time_iso((time_t)1767323045, buf, sizeof(buf));
	t = 0;
	is_int(cc_time_parse(buf, &t), 0, "round trip: parse what cc_time_iso wrote");
	is_int(t, 1767323045LL, "round trip gives the same time");

	/* exactly 21 bytes is enough */
	cc_time_iso((time_t)86399, small, sizeof(small));
	is_str(small, "1970-01-01T23:59:59Z", "cc_time_iso fits in 21 bytes");

	check_time_bad("");
	check_time_bad(NULL);
	check_time_bad("yesterday");
	check_time_bad("-1");
	check_time_bad("2026-01-02");
	check_time_bad("2026-01-02T03:04");
	check_time_bad("2026-01-02T03:04:05Zjunk");
	check_time_bad("2026-01-02T03:04:05+01:00");
	check_time_bad("2026-13-02T03:04:05Z");
	check_time_bad("2026-01-02T25:04:05Z");
	/*
	 * A date that does not exist must not be accepted and silently
	 * normalised (timegm would make it 2026-03-02).
	 */
	check_time_bad("2026-02-30T00:00:00Z");
}

static void test_now(void)
{
	time_t t, before, after;
	char buf[32];

	setenv("CC_NOW", "2026-01-02T03:04:05Z", 1);
	t = 0;
	is_int(cc_now(&t), 0, "cc_now with CC_NOW=ISO time");
	is_int(t, 1767323045LL, "cc_now returns $CC_NOW (ISO)");

	setenv("CC_NOW", "86400", 1);
	t = 0;
	is_int(cc_now(&t), 0, "cc_now with CC_NOW=epoch");
	is_int(t, 86400, "cc_now returns $CC_NOW (epoch)");
	cc_time_iso(t, buf, sizeof(buf));
	is_str(buf, "1970-01-02T00:00:00Z", "and it formats as 1970-01-02");

	setenv("CC_NOW", "garbage", 1);
	t = (time_t)99;
	is_int(cc_now(&t), -1, "cc_now with CC_NOW=garbage fails");
	is_int(t, 99, "cc_now with a bad CC_NOW leaves *t alone");

	setenv("CC_NOW", "12abc", 1);
	t = (time_t)99;
	is_int(cc_now(&t), -1, "cc_now with CC_NOW=12abc fails");
	is_int(t, 99, "cc_now with CC_NOW=12abc leaves *t alone");

	setenv("CC_NOW", "", 1);
	before = time(NULL);
	is_int(cc_now(&t), 0, "cc_now with an empty CC_NOW uses the clock");
	after = time(NULL);
	ok(t >= before && t <= after, "empty CC_NOW: the current time");

	unsetenv("CC_NOW");
	before = time(NULL);
	is_int(cc_now(&t), 0, "cc_now without CC_NOW");
	after = time(NULL);
	ok(t >= before && t <= after, "no CC_NOW: the current time");
}

static void test_removal_date(void)
{
	static const struct { const char *dofd; int co; const char *want; } t[] = {
		{ "2019-01-16", 0, "2026-01-16" },
		{ "2018-07-20", 1, "2026-01-16" },      /* 180 days, 7 years */
		{ "2018-07", 0, "2025-07" },
		{ "2018-07", 1, "2026-01" },            /* 6 months */
		{ "2018-08", 1, "2026-02" },
		{ "2018-12", 1, "2026-06" },
		{ "2018-06", 1, "2025-12" },
		{ "2016-02-29", 0, "2023-02-28" },      /* the month's last day */
		{ "2016-02-29", 1, "2023-08-27" },
		{ "2017-09-01", 1, "2025-02-28" },
		{ "2017-09-02", 1, "2025-03-01" },
		/* the order of the statute: the 180 days run over 2020-02-29 */
		{ "2019-09-15", 1, "2027-03-13" },      /* not 2027-03-14 */
		{ "2019-09-02", 1, "2027-02-28" },      /* 2020-02-29, then 7 years */
		{ "2024-03", 0, "2031-03" },
		{ "9992-12", 0, "9999-12" },
		{ "9993-01", 0, "" },                   /* past year 9999 */
		{ "9992-07", 1, "" },
		{ "2024-13", 0, "" },
		{ "2024-00", 0, "" },
		{ "2023-02-29", 0, "" },
		{ "2023-04-31", 0, "" },
		{ "2024-1-01", 0, "" },
		{ "2024/01/01", 0, "" },
		{ "2024", 0, "" },
		{ "", 1, "" },
		{ NULL, 1, "" },
	};
	char out[11];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cc_removal_date(t[i].dofd, t[i].co, out);
		is_str(out, t[i].want, "removal date of %s%s", t[i].dofd ? t[i].dofd : "NULL",
		       t[i].co ? " (charge-off)" : "");
	}
}

/* valid: cc_utf8_valid says 1 and sanitize returns the bytes unchanged */
static void check_utf8_ok(const char *s, size_t n, const char *desc)
{
	char *out;

	is_int(cc_utf8_valid(s, n), 1, "cc_utf8_valid: %s", desc);
	/* the output may hold a NUL: compare n bytes and the terminator */
	out = cc_utf8_sanitize(s, n);
	is_mem(out, n + 1, s, n + 1, "cc_utf8_sanitize keeps %s", desc);
	free(out);
}

static void check_utf8_bad(const char *s, size_t n, const char *want,
			   const char *desc)
{
	char *out;

	is_int(cc_utf8_valid(s, n), 0, "cc_utf8_valid rejects %s", desc);
	out = cc_utf8_sanitize(s, n);
	is_str(out, want, "cc_utf8_sanitize: %s", desc);
	ok(cc_utf8_valid(out, strlen(out)), "sanitized %s is valid", desc);
	free(out);
}

#define OK8(lit, desc) check_utf8_ok(lit, sizeof(lit) - 1, desc)
#define BAD8(lit, want, desc) check_utf8_bad(lit, sizeof(lit) - 1, want, desc)

/*
 * The rule util.c implements (utf8_seq): at each position, a complete
 * well-formed sequence (Unicode Table 3-7) is copied; otherwise exactly
 * ONE byte is replaced by U+FFFD and scanning resumes at the next byte.
 * So an ill-formed sequence gives one U+FFFD per byte, not one per
 * "maximal subpart" (Unicode ch. 3, "U+FFFD Substitution of Maximal
 * Subparts", which WHATWG's decoder follows).  The two rules agree for
 * lone continuation bytes, C0/C1/F5..FF, overlongs, surrogates and code
 * points above U+10FFFF (the second byte is already out of range there),
 * and differ only for a truncated multi-byte prefix: "\xe2\x82" is two
 * U+FFFD here and one under maximal subparts.  Both are conformant
 * (Unicode requires only that no well-formed sequence be swallowed),
 * and the tests pin the per-byte rule.
 */
static void test_utf8(void)
{
	char *out;

	OK8("", "the empty string");
	OK8("plain ascii", "ASCII");
	OK8("caf\xc3\xa9", "2-byte U+00E9");
	OK8("\xe2\x82\xac", "3-byte U+20AC");
	OK8("\xf0\x9f\x98\x80", "4-byte U+1F600");
	OK8("\xc2\x80", "U+0080, the smallest 2-byte");
	OK8("\xe0\xa0\x80", "U+0800, the smallest 3-byte");
	OK8("\xed\x9f\xbf", "U+D7FF, just below the surrogates");
	OK8("\xee\x80\x80", "U+E000, just above the surrogates");
	OK8("\xef\xbf\xbf", "U+FFFF");
	OK8("\xf0\x90\x80\x80", "U+10000, the smallest 4-byte");
	OK8("\xf4\x8f\xbf\xbf", "U+10FFFF, the largest");
	check_utf8_ok("a\0b", 3, "an embedded NUL");

	BAD8("\x80", FFFD, "a lone continuation byte");
	BAD8("a\xbfz", "a" FFFD "z", "a continuation byte between ASCII");
	BAD8("\xc0\xaf", FFFD FFFD, "overlong \"\\xc0\\xaf\"");
	BAD8("\xe0\x80\xaf", FFFD FFFD FFFD, "3-byte overlong of '/'");
	BAD8("\xf0\x80\x80\xaf", FFFD FFFD FFFD FFFD, "4-byte overlong of '/'");
	BAD8("\xc1\xbf", FFFD FFFD, "overlong \"\\xc1\\xbf\"");
	BAD8("\xed\xa0\x80", FFFD FFFD FFFD, "surrogate U+D800");
	BAD8("\xed\xbf\xbf", FFFD FFFD FFFD, "surrogate U+DFFF");
	BAD8("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD, "U+110000, above U+10FFFF");
	BAD8("\xf5\x80\x80\x80", FFFD FFFD FFFD FFFD, "lead byte F5");
	BAD8("\xff", FFFD, "byte FF");
	BAD8("\xfe\xfe", FFFD FFFD, "bytes FE FE");
	BAD8("ok\xe2\x82", "ok" FFFD FFFD,
	     "a 3-byte sequence truncated at the end (per byte)");
	BAD8("\xf0\x9f\x98", FFFD FFFD FFFD,
	     "a 4-byte sequence truncated at the end (per byte)");
	BAD8("\xc3", FFFD, "a 2-byte lead byte at the end");
	BAD8("\xe2\x82" "A", FFFD FFFD "A",
	     "a truncated sequence before ASCII keeps the ASCII");
	BAD8("\xe2\x82\xc3\xa9", FFFD FFFD "\xc3\xa9",
	     "a truncated sequence does not swallow the next character");
	BAD8("\xc3\xa9\x80\xc3\xa9", "\xc3\xa9" FFFD "\xc3\xa9",
	     "good, bad, good");

	/* every byte bad: the output is 3 times as long, and fits */
	out = cc_utf8_sanitize("\x80\x80\x80\x80", 4);
	is_str(out, FFFD FFFD FFFD FFFD, "four bad bytes, four U+FFFD");
	free(out);

	/* only n bytes are looked at */
	out = cc_utf8_sanitize("ab\xff", 2);
	is_str(out, "ab", "cc_utf8_sanitize stops at n");
	free(out);
	is_int(cc_utf8_valid("\xe2\x82\xac", 2), 0,
	       "cc_utf8_valid: a sequence cut by n is not valid");
}

static void test_grow(void)
{
	int *p = NULL;
	size_t alloc = 0, i;
	int good = 1;

	CC_GROW(p, alloc, 0);
	ok(p == NULL && alloc == 0, "CC_GROW to 0 does nothing");
	CC_GROW(p, alloc, 1);
	ok(p != NULL, "CC_GROW allocates");
	is_int(alloc, 8, "CC_GROW starts at 8 elements");
	CC_GROW(p, alloc, 8);
	is_int(alloc, 8, "CC_GROW to the current size keeps it");
	CC_GROW(p, alloc, 9);
	is_int(alloc, 16, "CC_GROW doubles");
	CC_GROW(p, alloc, 3);
	is_int(alloc, 16, "CC_GROW never shrinks");
	for (i = 0; i < 16; i++)
		p[i] = (int)i * 3;
	CC_GROW(p, alloc, 1000);
	is_int(alloc, 1024, "CC_GROW doubles until it fits (1000 -> 1024)");
	for (i = 0; i < 16; i++)
		if (p[i] != (int)i * 3)
			good = 0;
	ok(good, "CC_GROW keeps the elements");
	for (i = 0; i < alloc; i++)
		p[i] = -1;   /* ASan: the whole allocation is usable */
	is_int(p[1023], -1, "the last element is writable");
	free(p);
}

static void test_strings(void)
{
	char *s;

	s = cc_xstrndup("abcdef", 3);
	is_str(s, "abc", "cc_xstrndup copies n bytes and terminates");
	free(s);
	s = cc_xstrdup("");
	is_str(s, "", "cc_xstrdup of the empty string");
	free(s);
	s = cc_xasprintf("%s:%d", "file", 42);
	is_str(s, "file:42", "cc_xasprintf");
	free(s);
}

static void test_error(void)
{
	struct cc_error e;
	char big[2000];

	memset(&e, 'Z', sizeof(e));
	cc_error_clear(&e);
	ok(e.code == 0 && !e.id[0] && !e.source[0] && e.line == 0 && !e.msg[0],
	   "cc_error_clear clears every field");
	cc_error_clear(NULL);
	ok(1, "cc_error_clear(NULL) is harmless");

	is_int(cc_error_set(&e, CC_ERR_DATA, "json.syntax", "bad '%s' at %d",
			    "x", 3), CC_ERR_DATA, "cc_error_set returns the code");
	is_int(e.code, CC_ERR_DATA, "cc_error_set sets the code");
	is_str(e.id, "json.syntax", "cc_error_set sets the id");
	is_str(e.msg, "bad 'x' at 3", "cc_error_set formats the message");
	is_str(e.source, "", "cc_error_set leaves the source");
	cc_error_at(&e, "in.ndjson", 42);
	is_str(e.source, "in.ndjson", "cc_error_at sets the source");
	is_int(e.line, 42, "cc_error_at sets the line");
	cc_error_at(&e, NULL, 0);
	is_str(e.source, "", "cc_error_at(NULL) clears the source");
	is_int(cc_error_set(NULL, CC_ERR_IO, "x", "y"), CC_ERR_IO,
	       "cc_error_set(NULL, ...) still returns the code");
	cc_error_set(&e, CC_ERR_IO, NULL, "m");
	is_str(e.id, "", "a NULL id is empty");

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	cc_error_set(&e, CC_ERR_IO, big, "%s", big);
	is_int(strlen(e.id), sizeof(e.id) - 1, "a long id is cut to fit");
	is_int(strlen(e.msg), sizeof(e.msg) - 1, "a long message is cut to fit");
	cc_error_at(&e, big, 1);
	is_int(strlen(e.source), sizeof(e.source) - 1, "a long source is cut");

	is_int(cc_error_exit_status(0), 0, "exit status of 0");
	is_int(cc_error_exit_status(CC_ERR_DATA), 1, "CC_ERR_DATA exits 1");
	is_int(cc_error_exit_status(CC_ERR_IO), 74, "CC_ERR_IO exits 74");
	is_int(cc_error_exit_status(CC_ERR_CONFIG), 65, "CC_ERR_CONFIG exits 65");
	is_int(cc_error_exit_status(CC_ERR_USAGE), 2, "CC_ERR_USAGE exits 2");
	is_int(cc_error_exit_status(CC_ERR_UNAVAILABLE), 69,
	       "CC_ERR_UNAVAILABLE exits 69");
	is_int(cc_error_exit_status(CC_ERR_NOINPUT), 66, "CC_ERR_NOINPUT exits 66");
	is_int(cc_error_exit_status(CC_ERR_TEMP), 75, "CC_ERR_TEMP exits 75");
	is_int(cc_error_exit_status(-99), 1, "an unknown code exits 1");
}

int main(void)
{
	test_parse_size();
	test_parse_long();
	test_time();
	test_now();
	test_removal_date();
	test_utf8();
	test_grow();
	test_strings();
	test_error();
	return tap_done();
}
