/*
 * date.h -- dates as credit reports give them: to the day or only to the
 * month, written as ISO text ("2019-03-15", "2019-03") in records, and
 * the calendar arithmetic cc needs (15 U.S.C. 1681c's removal dates,
 * months added, days between).
 */
#ifndef CC_DATE_H
#define CC_DATE_H

#include <stddef.h>

struct cc_date {
	int y, m, d;   /* d == 0: month precision; y == 0: no date */
};

/* ISO form of d: "YYYY-MM-DD", "YYYY-MM", or NULL for no date. */
const char *cc_date_iso(struct cc_date d, char buf[16]);

/* d moved by n months (n may be negative), the day kept or the month's
 * last; no date stays no date. */
struct cc_date cc_date_add_months(struct cc_date d, int n);

/* Calendar arithmetic: the days of month m (1-12) of year y, and days
 * since 1970-01-01 of a civil date and back (proleptic Gregorian). */
int cc_days_in_month(int y, int m);
long cc_days_from_civil(int y, int m, int d);
void cc_civil_from_days(long z, int *y, int *m, int *d);

/*
 * Read an ISO date: 3 for a day YYYY-MM-DD, 2 for a month YYYY-MM (*d is
 * then 1), 0 for anything else, an impossible date included.
 */
int cc_date_parse(const char *s, int *y, int *m, int *d);

/* 1 when s is a valid YYYY-MM-DD date. */
int cc_date_valid_day(const char *s);

/* Write the date y-m-d (month m 1-12), or the month y-m when d is 0, as
 * ISO text; a day past the month's end is its last.  out is "" for a
 * year outside 0..9999. */
void cc_iso_date(char out[11], int y, int m, int d);

/* Add months to an ISO date at its precision: the day kept, or the
 * month's last day.  out is "" when iso is not a date. */
void cc_iso_add_months(const char *iso, int months, char out[11]);

/* 1 when the day as_of (YYYY-MM-DD) is on or after date (YYYY-MM-DD, or
 * YYYY-MM: its first day); 0 when before; -1 when either is not a date. */
int cc_date_on_or_after(const char *as_of, const char *date);

/* A date in words: "March 2030", "March 5, 2030"; the input as it is when
 * it is not an ISO date.  out holds at least 24 bytes. */
void cc_date_words(const char *iso, char *out, size_t len);

/*
 * The date an adverse account must leave a report under 15 U.S.C.
 * §1681c, from its date of first delinquency dofd (YYYY-MM or
 * YYYY-MM-DD): seven years after it, or, for a charge-off or a collection
 * (co), seven years after the end of the 180 days that begin at it (six
 * months for a month).  Adding years keeps the day, or takes the month's
 * last day.  out is "" when dofd is not a date.
 */
void cc_removal_date(const char *dofd, int co, char out[11]);

#endif
