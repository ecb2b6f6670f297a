/*
 * t-normalize.c -- lib/normalize.c: money, dates, account masks, OCR'd
 * digit fields and white space.
 */
#include "base/cc.h"
#include "model/normalize.h"

#include "tap.h"

/*
 * For descriptions: printf's %s must not see NULL, and a TAP line must
 * not hold a newline.  Control and non-ASCII bytes are shown as \xNN.
 */
static const char *S(const char *s)
{
	static char bufs[4][256];
	static int next;
	char *b = bufs[next++ % 4];
	size_t n = 0;

	if (!s)
		return "(NULL)";
	for (; *s && n + 5 < sizeof(bufs[0]); s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c < 0x7f)
			b[n++] = (char)c;
		else
			n += (size_t)snprintf(b + n, 5, "\\x%02x", c);
	}
	b[n] = '\0';
	return b;
}

/* ---- money ---- */

static void money(const char *s, int64_t want)
{
	int64_t got = 4242;
	int rc = cc_norm_money(s, &got);

	if (is_int(rc, 0, "money \"%s\" parses", S(s)))
		is_int(got, want, "money \"%s\" = %lld cents", S(s),
		       (long long)want);
}

static void money_bad(const char *s)
{
	int64_t got = 4242;
	int rc = cc_norm_money(s, &got);

	ok(rc == -1 && got == 4242, "money \"%s\" rejected, *cents alone",
	   S(s));
}

static void test_money(void)
{
	/* The brief's and the man page's examples. */
	money("$1,234", 123400);
	money("$1,234.00", 123400);
	money("1234.00", 123400);
	money("$1,234.56", 123456);
	money("($50)", -5000);
	money("-$50", -5000);
	money("$0", 0);
	money("1 234", 123400);
	money("$2,030", 203000);	/* a year-like amount is money */
	money("2030", 203000);

	/* Signs and shapes. */
	money("$-50", -5000);
	money("-50.25", -5025);
	money("( $1,000.10 )", -100010);
	money("$0.00", 0);
	money("-$0", 0);
	money(".50", 50);
	money("$12.5", 1250);
	money("$ 1,234", 123400);
	money("$1, 234", 123400);

	/* Trailing/leading space and stray punctuation. */
	money("  $1,234  ", 123400);
	money("$50.", 5000);
	money("$50,", 5000);
	money("$1,234.56.", 123456);
	money(": $75", 7500);
	money("$75;", 7500);
	money("\t$9\n", 900);

	/* Large amounts: int64 cents. */
	money("$2,500,000,000", 250000000000LL);
	money("$3,000,000,000.99", 300000000099LL);
	money("-$2,147,483,648", -214748364800LL);
	money("$92,233,720,368,547,758.07", INT64_MAX);
	money("-$92,233,720,368,547,758.07", -INT64_MAX);

	/* OCR repairs inside the number. */
	money("$1,2O0", 120000);
	money("$I00", 10000);
	money("$l,5OO.00", 150000);
	money("$1S0", 15000);
	money("$B5", 8500);
	money("1O4", 10400);
	money("$1,0o0.50", 100050);
	money("12 3O4", 1230400);
	money_bad("$5,OOO");		/* run at the end: not repaired */

	/* Not amounts: null, never 0. */
	money_bad("");
	money_bad(NULL);
	money_bad("-");
	money_bad("--");
	money_bad("N/A");
	money_bad("None");
	money_bad("$");
	money_bad("$-");
	money_bad("()");
	money_bad("($50");
	money_bad("(-$50)");
	money_bad("$1O");		/* letter at the end: not repaired */
	money_bad("$OO");		/* no real digit */
	money_bad("BOB");
	money_bad("1.234");	/* three decimals */
	money_bad("1.2.3");
	money_bad("1,,234");
	money_bad("$,5");
	money_bad("$12.5O");
	money_bad("$1 O5");
	money_bad("$O");
	money_bad("$50 CR");
	money_bad("$5x0");
	money_bad("$92,233,720,368,547,758.08");	/* past int64 */
	money_bad("99999999999999999999999");
	money_bad("$1,234,567,890,123,456,789,012,345,678,901,234,567,890,123,456,789");
}

/* ---- dates ---- */

static void date(const char *s, const char *want)
{
	char out[11] = "garbage";
	int rc = cc_norm_date(s, out);

	if (is_int(rc, 0, "date \"%s\" parses", S(s)))
		is_str(out, want, "date \"%s\" = %s", S(s), want);
}

static void date_bad(const char *s)
{
	char out[11] = "garbage";
	int rc = cc_norm_date(s, out);

	ok(rc == -1 && out[0] == '\0', "date \"%s\" rejected, out \"\"", S(s));
}

static void test_date(void)
{
	date("03/2019", "2019-03");
	date("03/15/2019", "2019-03-15");
	date("3/5/2019", "2019-03-05");
	date("Mar 2019", "2019-03");
	date("March 2019", "2019-03");
	date("Mar 15, 2019", "2019-03-15");
	date("2019-03", "2019-03");
	date("2019-03-15", "2019-03-15");
	date("07/18", "2018-07");
	date("09/14/2025", "2025-09-14");
	date("09/25", "2025-09");
	date("Sep 14, 2025", "2025-09-14");
	date("Sep 2025", "2025-09");

	/* Two-digit years: 00-69 -> 20YY, 70-99 -> 19YY. */
	date("01/00", "2000-01");
	date("12/69", "2069-12");
	date("01/70", "1970-01");
	date("12/99", "1999-12");
	date("07/15/18", "2018-07-15");

	/* Other shapes. */
	date("3/2019", "2019-03");
	date("03-15-2019", "2019-03-15");
	date("03-2019", "2019-03");
	date("03 / 2019", "2019-03");
	date("  03/2019.", "2019-03");
	date("MARCH 15 2019", "2019-03-15");
	date("mar. 2019", "2019-03");
	date("Sept 2019", "2019-09");
	date("Dec 1,2020", "2020-12-01");
	date("May 2021", "2021-05");
	date("Feb 29, 2020", "2020-02-29");
	date("02/29/2000", "2000-02-29");
	date("12/31/2099", "2099-12-31");
	date("01/1900", "1900-01");

	/* OCR repairs. */
	date("O3/2O19", "2019-03");
	date("1l/2019", "2019-11");
	date("O3/l5/2OI9", "2019-03-15");
	date("Mar 2O19", "2019-03");
	date("2OI9-O3", "2019-03");

	/* Rejections. */
	date_bad("");
	date_bad(NULL);
	date_bad("-");
	date_bad("--/--");
	date_bad("--/--/----");
	date_bad("N/A");
	date_bad("13/2019");
	date_bad("00/2019");
	date_bad("02/30/2019");
	date_bad("02/29/2019");
	date_bad("02/29/1900");
	date_bad("04/31/2019");
	date_bad("2019-13");
	date_bad("2019-02-30");
	date_bad("OO/2019");		/* no real digit in the month */
	date_bad("3/5");		/* a one-digit year */
	date_bad("03/15-2019");	/* mixed separators */
	date_bad("2019/03");
	date_bad("03/019");
	date_bad("03/12345");
	date_bad("03/1850");
	date_bad("Mar 15");
	date_bad("Mar 32, 2019");
	date_bad("Marc 2019");
	date_bad("Smarch 2019");
	date_bad("2019");
	date_bad("03/15/2019/1");
	date_bad("03 2019");
}

/* ---- masks ---- */

static void mask(const char *s, const char *want, const char *want4)
{
	char out[32] = "garbage", l4[5] = "junk";
	int rc = cc_norm_mask(s, out, sizeof(out), l4);

	if (is_int(rc, 0, "mask \"%s\" accepted", S(s))) {
		is_str(out, want, "mask \"%s\" = \"%s\"", S(s), want);
		is_str(l4, want4, "mask \"%s\" last4 \"%s\"", S(s), want4);
	}
}

static void mask_bad(const char *s)
{
	char out[32] = "garbage", l4[5] = "junk";
	int rc = cc_norm_mask(s, out, sizeof(out), l4);

	ok(rc == -1 && !out[0] && !l4[0], "mask \"%s\" rejected", S(s));
}

static void test_mask(void)
{
	char out[9], l4[5];

	mask("4147XXXXXXXX", "4147XXXXXXXX", "");
	mask("XXXX1234", "XXXX1234", "1234");
	mask("*1234", "*1234", "1234");
	mask("414720XXXXXXXXXX", "414720XXXXXXXXXX", "");
	mask("5997*****", "5997*****", "");
	mask("XXXXXX2163", "XXXXXX2163", "2163");
	mask("  xxxx 1234  ", "xxxx1234", "1234");
	mask("4147 20XX XXXX", "414720XXXXXX", "");
	mask("XXXX-1234", "XXXX-1234", "1234");
	mask("XXXX", "XXXX", "");
	mask("123", "123", "");
	mask("1234", "1234", "1234");
	mask("12345678", "12345678", "5678");
	mask("XXXX123X", "XXXX123X", "");

	mask_bad("");
	mask_bad(NULL);
	mask_bad("   ");
	mask_bad("N/A");
	mask_bad("None");
	mask_bad("--");

	/* Buffer sizes: exactly enough, one short, none. */
	is_int(cc_norm_mask("XXXX1234", out, 9, l4), 0, "mask fits 9 bytes");
	is_str(out, "XXXX1234", "mask in 9 bytes");
	is_str(l4, "1234", "mask in 9 bytes: last4");
	is_int(cc_norm_mask("XXXX12345", out, sizeof(out), l4), -1,
	       "mask one byte too long for 9");
	is_str(out, "", "too long mask: out \"\"");
	is_str(l4, "", "too long mask: last4 \"\"");
	is_int(cc_norm_mask("X 1", out, 4, l4), 0,
	       "inner space does not count against len");
	is_str(out, "X1", "inner space removed in a small buffer");
	is_int(cc_norm_mask("1", out, 0, l4), -1, "mask len 0");
	is_int(cc_norm_mask("1", out, 1, l4), -1, "mask len 1");
	is_str(out, "", "mask len 1: out \"\"");
}

/* ---- digits ---- */

static void digits(const char *s, const char *want)
{
	char out[16] = "garbage";
	int rc = cc_norm_digits(s, out, sizeof(out));

	if (is_int(rc, 0, "digits \"%s\" accepted", S(s)))
		is_str(out, want, "digits \"%s\" = \"%s\"", S(s), want);
}

static void digits_bad(const char *s)
{
	char out[16] = "garbage";
	int rc = cc_norm_digits(s, out, sizeof(out));

	ok(rc == -1 && !out[0], "digits \"%s\" rejected", S(s));
}

static void test_digits(void)
{
	char out[5];

	digits("0417", "0417");
	digits("O4l7", "0417");
	digits("04 17", "0417");
	digits(" 1985 ", "1985");
	digits("I9B5", "1985");
	digits("|9S6", "1956");
	digits("s0Z1", "5021");
	digits("G6o", "660");
	digits("2030", "2030");

	digits_bad("");
	digits_bad(NULL);
	digits_bad("   ");
	digits_bad("04-17");
	digits_bad("XXXX");
	digits_bad("N/A");
	digits_bad("12a4");

	is_int(cc_norm_digits("0417", out, sizeof(out)), 0, "digits in 5 bytes");
	is_str(out, "0417", "digits exactly fit");
	is_int(cc_norm_digits("04170", out, sizeof(out)), -1,
	       "digits one too many for 5 bytes");
	is_str(out, "", "digits too long: out \"\"");
	is_int(cc_norm_digits("1", out, 0), -1, "digits len 0");
}

/* ---- white space and ligatures ---- */

static void space(const char *s, size_t len, const char *want)
{
	char out[64];

	memset(out, 'Z', sizeof(out));
	cc_norm_space(s, out, len);
	is_str(out, want, "space \"%s\" in %zu = \"%s\"", S(s), len, S(want));
	ok(len >= sizeof(out) || out[len] == 'Z',
	   "space \"%s\" in %zu: nothing past len", S(s), len);
}

static void test_space(void)
{
	char out[4] = "ABC";

	space("  CAPITAL   ONE  ", 64, "CAPITAL ONE");
	space("a\tb\r\nc", 64, "a b c");
	space("", 64, "");
	space(NULL, 64, "");
	space(" \t\n ", 64, "");
	space("no\xc2\xa0" "break", 64, "no break");
	space("\xef\xac\x80", 64, "ff");
	space("\xef\xac\x81nance", 64, "finance");
	space("\xef\xac\x82ow", 64, "flow");
	space("o\xef\xac\x83" "ce", 64, "office");
	space("ba\xef\xac\x84" "e", 64, "baffle");
	space("\xef\xac\x85op", 64, "stop");
	space("\xef\xac\x86" "ate", 64, "state");
	space("Caf\xc3\xa9  Credit", 64, "Caf\xc3\xa9 Credit");
	space("\xef\xac\x87x", 64, "\xef\xac\x87x");	/* U+FB07: not a ligature */

	/* Truncation: at a character boundary, no trailing space. */
	space("abcdef", 4, "abc");
	space("ab cd", 4, "ab");
	space("ab   cd", 5, "ab c");
	space("a\xc3\xa9", 3, "a");
	space("a\xc3\xa9", 4, "a\xc3\xa9");
	space("o\xef\xac\x83", 3, "o");
	space("o\xef\xac\x83", 5, "offi");
	space("abc", 1, "");

	cc_norm_space("abc", out, 0);
	is_str(out, "ABC", "space len 0 writes nothing");
}

int main(void)
{
	test_money();
	test_date();
	test_mask();
	test_digits();
	test_space();
	return tap_done();
}
