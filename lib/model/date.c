/*
 * date.c -- the dates of date.h.
 */
#include "base/cc.h"
#include "model/date.h"

#include <ctype.h>

const char *cc_date_iso(struct cc_date d, char buf[16])
{
	if (!d.y)
		return NULL;
	if (d.d)
		snprintf(buf, 16, "%04d-%02d-%02d", d.y, d.m, d.d);
	else
		snprintf(buf, 16, "%04d-%02d", d.y, d.m);
	return buf;
}

struct cc_date cc_date_add_months(struct cc_date d, int n)
{
	int t;

	if (!d.y)
		return d;
	t = d.y * 12 + (d.m - 1) + n;
	d.y = t / 12;
	d.m = t % 12 + 1;
	if (d.d > cc_days_in_month(d.y, d.m))
		d.d = cc_days_in_month(d.y, d.m);
	return d;
}

int cc_days_in_month(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* H. Hinnant's days_from_civil and civil_from_days */
long cc_days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cc_civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void cc_iso_date(char out[11], int y, int m, int d)
{
	out[0] = '\0';
	if (y < 0 || y > 9999 || m < 1 || m > 12)
		return;
	if (d) {
		if (d > cc_days_in_month(y, m))
			d = cc_days_in_month(y, m);
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
			 (unsigned)m % 100u, (unsigned)d % 100u);
	} else {
		snprintf(out, 11, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
	}
}

void cc_removal_date(const char *dofd, int co, char out[11])
{
	size_t n = dofd ? strlen(dofd) : 0, i;
	int y, m, d = 1, t;

	out[0] = '\0';
	if (n != 7 && n != 10)
		return;
	for (i = 0; i < n; i++)
		if (i == 4 || i == 7 ? dofd[i] != '-' : !isdigit((unsigned char)dofd[i]))
			return;
	y = (dofd[0] - '0') * 1000 + (dofd[1] - '0') * 100 + (dofd[2] - '0') * 10 +
	    (dofd[3] - '0');
	m = (dofd[5] - '0') * 10 + (dofd[6] - '0');
	if (m < 1 || m > 12)
		return;
	if (n == 10) {
		d = (dofd[8] - '0') * 10 + (dofd[9] - '0');
		if (d < 1 || d > cc_days_in_month(y, m))
			return;
	}
	/* first the 180 days, then the seven years */
	if (co && n == 10) {
		cc_civil_from_days(cc_days_from_civil(y, m, d) + 180, &y, &m, &d);
	} else if (co) {
		t = y * 12 + (m - 1) + 6;
		y = t / 12;
		m = t % 12 + 1;
	}
	cc_iso_date(out, y + 7, m, n == 10 ? d : 0);
}

/* Read YYYY-MM or YYYY-MM-DD: 2 for a month, 3 for a day, 0 for neither
 * (or an impossible date). */
int cc_date_parse(const char *s, int *y, int *m, int *d)
{
	size_t n = s ? strlen(s) : 0, i;

	if (n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = 1;
	if (*m < 1 || *m > 12)
		return 0;
	if (n == 7)
		return 2;
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*d < 1 || *d > cc_days_in_month(*y, *m))
		return 0;
	return 3;
}

int cc_date_valid_day(const char *s)
{
	int y, m, d;

	return cc_date_parse(s, &y, &m, &d) == 3;
}

int cc_date_on_or_after(const char *as_of, const char *date)
{
	int y1, m1, d1, y2, m2, d2;

	if (cc_date_parse(as_of, &y1, &m1, &d1) != 3 || !cc_date_parse(date, &y2, &m2, &d2))
		return -1;
	return cc_days_from_civil(y1, m1, d1) >= cc_days_from_civil(y2, m2, d2);
}

void cc_date_words(const char *iso, char *out, size_t len)
{
	static const char *const months[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	int y, m, d, p = cc_date_parse(iso, &y, &m, &d);

	if (!p)
		snprintf(out, len, "%s", iso ? iso : "");
	else if (p == 2)
		snprintf(out, len, "%s %d", months[m - 1], y);
	else
		snprintf(out, len, "%s %d, %d", months[m - 1], d, y);
}

void cc_iso_add_months(const char *iso, int months, char out[11])
{
	int y = 0, m = 0, d = 0, t;

	out[0] = '\0';
	if (!iso || sscanf(iso, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return;
	if (strlen(iso) == 10)
		d = (int)strtol(iso + 8, NULL, 10);
	t = y * 12 + (m - 1) + months;
	cc_iso_date(out, t / 12, t % 12 + 1, d);
}
