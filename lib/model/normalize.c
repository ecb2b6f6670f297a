/*
 * normalize.c -- field normalisers (see normalize.h).
 */
#include "base/cc.h"
#include "model/normalize.h"

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The digit an OCR'd letter inside a number stands for, or 0. */
static char ocr_digit(int c)
{
	switch (c) {
	case 'O': case 'o':
		return '0';
	case 'l': case 'I':
		return '1';
	case 'S':
		return '5';
	case 'B':
		return '8';
	default:
		return 0;
	}
}

/* Trim white space at both ends of [*b, *e). */
static void trim(const char **b, const char **e)
{
	while (*b < *e && is_space((unsigned char)**b))
		(*b)++;
	while (*e > *b && is_space((unsigned char)(*e)[-1]))
		(*e)--;
}

/* ---- money ---- */

int cc_norm_money(const char *s, int64_t *cents)
{
	char buf[64];
	size_t n = 0, i;
	const char *p, *e;
	int neg = 0, paren = 0, dollar = 0, seen = 0, frac_digits = 0;
	int64_t whole = 0, frac = 0, v;

	if (!s)
		return -1;
	p = s;
	e = s + strlen(s);
	trim(&p, &e);
	while (e > p && (strchr(".,;:", e[-1]) || is_space((unsigned char)e[-1])))
		e--;
	while (p < e && (strchr(",;:", *p) || is_space((unsigned char)*p)))
		p++;
	if (p < e && *p == '(') {
		if (e[-1] != ')')
			return -1;
		paren = 1;
		p++;
		e--;
		trim(&p, &e);
	}
	if (p < e && *p == '-') {
		neg = 1;
		p++;
		trim(&p, &e);
	}
	if (p < e && *p == '$') {
		dollar = 1;
		p++;
		trim(&p, &e);
	}
	if (!neg && p < e && *p == '-') {
		neg = 1;
		p++;
		trim(&p, &e);
	}
	if (paren && neg)
		return -1;

	/* Copy the number into buf, repairing OCR'd letters. */
	for (i = 0; p + i < e; i++) {
		unsigned char c = (unsigned char)p[i];

		if (n + 1 >= sizeof(buf))
			return -1;
		if (is_digit(c) || c == ',' || c == '.') {
			buf[n++] = (char)c;
		} else if (is_space(c)) {
			buf[n++] = ' ';
		} else if (ocr_digit(c)) {
			size_t j = i;
			int before, after, ok;

			while (p + j < e && ocr_digit((unsigned char)p[j]))
				j++;
			before = i ? (unsigned char)p[i - 1] : dollar ? '$' : 0;
			after = p + j < e ? (unsigned char)p[j] : 0;
			/* A "," or "." next to the run needs a digit beyond. */
			if ((before == ',' || before == '.') &&
			    (i < 2 || !is_digit((unsigned char)p[i - 2])))
				before = 0;
			if ((after == ',' || after == '.') &&
			    (p + j + 1 >= e ||
			     !is_digit((unsigned char)p[j + 1])))
				after = 0;
			ok = (is_digit(before) || before == '$' ||
			      before == ',' || before == '.') &&
			     (is_digit(after) || after == ',' || after == '.');
			if (!ok || n + (j - i) + 1 >= sizeof(buf))
				return -1;
			for (; i < j; i++)
				buf[n++] = ocr_digit((unsigned char)p[i]);
			i--;
		} else {
			return -1;
		}
	}
	buf[n] = '\0';

	/* Parse: digit groups split by "," or spaces, then ".dd". */
	for (i = 0; i < n; i++) {
		char c = buf[i];

		if (is_digit(c)) {
			int d = c - '0';

			if (whole > (INT64_MAX - d) / 10)
				return -1;
			whole = whole * 10 + d;
			seen = 1;
		} else if (c == ',' || c == ' ') {
			size_t j = i + 1;

			/* Inside the number only: a digit before, one after. */
			if (!i || !(is_digit(buf[i - 1]) ||
				    (c == ' ' && buf[i - 1] == ',')))
				return -1;
			while (j < n && buf[j] == ' ')
				j++;
			if (j >= n || !(is_digit(buf[j]) ||
					(c == ' ' && buf[j] == ',')))
				return -1;
		} else { /* '.' */
			for (i++; i < n && is_digit(buf[i]); i++) {
				frac = frac * 10 + (buf[i] - '0');
				frac_digits++;
			}
			if (i != n || frac_digits < 1 || frac_digits > 2)
				return -1;
			if (frac_digits == 1)
				frac *= 10;
			seen = 1;
		}
	}
	if (!seen || whole > (INT64_MAX - frac) / 100)
		return -1;
	v = whole * 100 + frac;
	*cents = neg || paren ? -v : v;
	return 0;
}

/* ---- dates ---- */

static const struct {
	const char *name;
	size_t len;
} months[] = {
	{ "january", 7 }, { "february", 8 }, { "march", 5 }, { "april", 5 },
	{ "may", 3 }, { "june", 4 }, { "july", 4 }, { "august", 6 },
	{ "september", 9 }, { "october", 7 }, { "november", 8 },
	{ "december", 8 },
};

/*
 * Match an English month name, full, as three letters, or "sept", at
 * [*pp, e), followed by an optional "." and not by another letter.
 * Returns the month 1-12 and advances *pp, or 0.
 */
static int month_name(const char **pp, const char *e)
{
	const char *p = *pp;
	size_t w = 0, m;

	while (p + w < e && lower((unsigned char)p[w]) >= 'a' &&
	       lower((unsigned char)p[w]) <= 'z')
		w++;
	if (w < 3)
		return 0;
	for (m = 0; m < 12; m++) {
		size_t k;

		if (w > months[m].len)
			continue;
		if (w != 3 && w != months[m].len && !(m == 8 && w == 4))
			continue;
		for (k = 0; k < w; k++)
			if (lower((unsigned char)p[k]) != months[m].name[k])
				break;
		if (k == w) {
			p += w;
			if (p < e && *p == '.')
				p++;
			*pp = p;
			return (int)m + 1;
		}
	}
	return 0;
}

/*
 * Read a numeric group of up to 4 digits or OCR'd letters at [*pp, e)
 * into *val, repairing the letters when the group holds a real digit.
 * Returns its length (0 when there is none) and advances *pp, or -1.
 */
static int num_group(const char **pp, const char *e, int *val)
{
	const char *p = *pp;
	int len = 0, real = 0, v = 0;

	while (p < e && (is_digit((unsigned char)*p) ||
			 ocr_digit((unsigned char)*p))) {
		char d = is_digit((unsigned char)*p) ? *p :
			 ocr_digit((unsigned char)*p);

		if (is_digit((unsigned char)*p))
			real = 1;
		if (++len > 4)
			return -1;
		v = v * 10 + (d - '0');
		p++;
	}
	if (len && !real)
		return -1;
	*pp = p;
	*val = v;
	return len;
}

static void skip_spaces(const char **pp, const char *e)
{
	while (*pp < e && is_space((unsigned char)**pp))
		(*pp)++;
}

static int year_of(int y, int len)
{
	if (len == 2)
		return y < 70 ? 2000 + y : 1900 + y;
	if (len == 4)
		return y >= 1900 && y <= 2099 ? y : -1;
	return -1;
}

static int days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* Write y-m or y-m-d (d 0: no day) into out; 0, or -1 if impossible. */
static int put_date(char out[11], int y, int m, int d)
{
	if (y < 1900 || y > 2099 || m < 1 || m > 12)
		return -1;
	if (d && (d < 1 || d > days_in(y, m)))
		return -1;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
	if (d) {
		out[7] = '-';
		out[8] = (char)('0' + d / 10);
		out[9] = (char)('0' + d % 10);
		out[10] = '\0';
	}
	return 0;
}

static int parse_date(const char *s, char out[11])
{
	const char *p, *e;
	int g[3], len[3], ng = 0, m, y;
	char sep = 0;

	p = s;
	e = s + strlen(s);
	trim(&p, &e);
	while (e > p && (e[-1] == '.' || e[-1] == ','))
		e--;
	trim(&p, &e);
	if (p == e)
		return -1;

	m = month_name(&p, e);
	if (m) {
		/* "Mar 2019", "Mar 15, 2019", "Mar-2019" */
		while (p < e && (is_space((unsigned char)*p) || *p == '-' ||
				 *p == '/'))
			p++;
		len[0] = num_group(&p, e, &g[0]);
		if (len[0] == 4 && p == e)
			return put_date(out, year_of(g[0], 4), m, 0);
		if (len[0] < 1 || len[0] > 2)
			return -1;
		if (p < e && *p == ',')
			p++;
		if (p == e || !is_space((unsigned char)*p))
			if (p[-1] != ',')
				return -1;
		skip_spaces(&p, e);
		len[1] = num_group(&p, e, &g[1]);
		if (len[1] != 4 || p != e)
			return -1;
		return put_date(out, year_of(g[1], 4), m, g[0]);
	}

	/* Numeric: groups split by one kind of separator, "/" or "-". */
	for (;;) {
		if (ng == 3)
			return -1;
		len[ng] = num_group(&p, e, &g[ng]);
		if (len[ng] < 1)
			return -1;
		ng++;
		skip_spaces(&p, e);
		if (p == e)
			break;
		if ((*p != '/' && *p != '-') || (sep && *p != sep))
			return -1;
		sep = *p++;
		skip_spaces(&p, e);
	}
	if (ng < 2)
		return -1;
	if (len[0] == 4) {
		/* ISO: YYYY-MM or YYYY-MM-DD, two-digit fields */
		if (sep != '-' || len[1] != 2 || (ng == 3 && len[2] != 2))
			return -1;
		return put_date(out, year_of(g[0], 4), g[1], ng == 3 ? g[2] : 0);
	}
	if (len[0] > 2)
		return -1;
	if (ng == 2) {
		y = year_of(g[1], len[1]);
		return put_date(out, y, g[0], 0);
	}
	if (len[1] > 2)
		return -1;
	y = year_of(g[2], len[2]);
	return put_date(out, y, g[0], g[1]);
}

int cc_norm_date(const char *s, char out[11])
{
	out[0] = '\0';
	if (!s || parse_date(s, out) < 0) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* ---- account masks ---- */

int cc_norm_mask(const char *s, char *out, size_t len, char last4[5])
{
	size_t n = 0, k;
	int any = 0;
	const char *p, *e;

	last4[0] = '\0';
	if (len)
		out[0] = '\0';
	if (!s)
		return -1;
	p = s;
	e = s + strlen(s);
	trim(&p, &e);
	for (; p < e; p++) {
		unsigned char c = (unsigned char)*p;

		if (is_space(c))
			continue;
		if (is_digit(c) || c == 'X' || c == 'x' || c == '*')
			any = 1;
		if (n + 1 >= len) {
			if (len)
				out[0] = '\0';
			return -1;
		}
		out[n++] = (char)c;
	}
	if (!any) {
		if (len)
			out[0] = '\0';
		return -1;
	}
	out[n] = '\0';
	if (n >= 4) {
		for (k = n - 4; k < n && is_digit((unsigned char)out[k]); k++)
			;
		if (k == n)
			memcpy(last4, out + n - 4, 5);
	}
	return 0;
}

/* ---- numeric fields ---- */

int cc_norm_digits(const char *s, char *out, size_t len)
{
	size_t n = 0;

	if (len)
		out[0] = '\0';
	if (!s)
		return -1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char d;

		if (is_space(c))
			continue;
		switch (c) {
		case 'O': case 'o': d = '0'; break;
		case 'l': case 'I': case '|': d = '1'; break;
		case 'S': case 's': d = '5'; break;
		case 'B': d = '8'; break;
		case 'Z': d = '2'; break;
		case 'G': d = '6'; break;
		default:
			d = is_digit(c) ? (char)c : 0;
		}
		if (!d || n + 1 >= len) {
			if (len)
				out[0] = '\0';
			return -1;
		}
		out[n++] = d;
	}
	if (!n)
		return -1;
	out[n] = '\0';
	return 0;
}

/* ---- white space and ligatures ---- */

static const char *const ligatures[] = {
	"ff", "fi", "fl", "ffi", "ffl", "st", "st",
};

/* The length of the UTF-8 sequence led by c (1 for a stray byte). */
static size_t utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

void cc_norm_space(const char *s, char *out, size_t len)
{
	size_t n = 0;
	int pending = 0;

	if (!len)
		return;
	out[0] = '\0';
	if (!s)
		return;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		const char *add = s;
		size_t alen, k;

		if (is_space(c) || (c == 0xc2 && (unsigned char)s[1] == 0xa0)) {
			s += c == 0xc2 ? 2 : 1;
			pending = n > 0;
			continue;
		}
		if (c == 0xef && (unsigned char)s[1] == 0xac &&
		    (unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x86) {
			add = ligatures[(unsigned char)s[2] - 0x80];
			alen = strlen(add);
			s += 3;
		} else {
			alen = utf8_len(c);
			for (k = 1; k < alen; k++)
				if (((unsigned char)s[k] & 0xc0) != 0x80)
					break;
			alen = k;
			s += alen;
		}
		if (n + (size_t)pending + alen + 1 > len)
			break;
		if (pending)
			out[n++] = ' ';
		pending = 0;
		memcpy(out + n, add, alen);
		n += alen;
	}
	out[n] = '\0';
}
