/*
 * normalize.h -- field normalisers for cc-extract: money, dates, account
 * masks, OCR'd digit fields and white space, as printed on credit reports,
 * into the forms cc-records(5) requires.
 *
 * Every function here is pure: no allocation, no printing, no global
 * state; each writes only to the buffers it is given and never past their
 * stated size.  A NULL input string is treated as unparsable (or, for
 * cc_norm_space, as empty).
 *
 * OCR repair.  Text read by OCR confuses some letters with digits.  Money
 * and dates repair O and o to 0, l and I to 1, S to 5 and B to 8, but only
 * inside a number, as the functions below describe; cc_norm_digits, for a
 * field known to be all digits, repairs more (|, s, Z, G too).
 */
#ifndef CC_NORMALIZE_H
#define CC_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse an amount of money as printed into integer cents in *cents.
 *
 * Accepted: an optional sign, an optional "$", then digits with optional
 * "," thousands separators and an optional "." with one or two digits of
 * cents: "$1,234" and "1234.00" are 123400, "$1,234.56" is 123456, "$0"
 * is 0, ".50" is 50.  Negative amounts: "-$50", "$-50" and "($50)" are
 * -5000.  Spaces at either end, after the sign and after "$" are
 * ignored, as are spaces between digits ("1 234", OCR splitting a number,
 * is 123400).  Stray punctuation at the ends is dropped: trailing ".",
 * ",", ";", ":" and leading ",", ";", ":" ("$50." is 5000).
 *
 * OCR repair: a run of the letters O o l I S B is read as digits when
 * it stands between "$" and a digit, or between digits; a "," or "."
 * with a digit beyond it counts as a digit here: "$1,2O0" is 120000,
 * "$I00" is 10000, "$l,5OO.00" is 150000.  A letter at the end of the
 * number ("$1O", "$12.5O") or next to a space is not repaired, and the
 * text is rejected.
 *
 * Returns 0, or -1 for text that is not an amount ("", "-", "N/A",
 * "None", "$", "1.234" with three decimals, an amount beyond int64 cents);
 * the caller stores null then, never 0.  *cents is written only on
 * success.
 */
int cc_norm_money(const char *s, int64_t *cents);

/*
 * Write the date s as ISO at the precision printed into out, always 11
 * bytes: "YYYY-MM-DD" for a date printed with its day, "YYYY-MM" for a
 * month.
 *
 * Accepted (spaces at either end, and a trailing "." or ",", ignored):
 *	"03/15/2019", "3/5/2019", "03-15-2019"   -> "2019-03-15"
 *	"03/2019", "3/2019", "03-2019"           -> "2019-03"
 *	"07/18" (MM/YY), "07/15/18" (MM/DD/YY)   -> "2018-07", "2018-07-15"
 *	"Mar 2019", "March 2019", "Mar. 2019"    -> "2019-03"
 *	"Mar 15, 2019", "March 15 2019"          -> "2019-03-15"
 *	"2019-03", "2019-03-15"                  -> unchanged
 * Month names are English, any case, full or in three letters ("Sept"
 * too).  Spaces around the "/" or "-" separators are allowed.
 *
 * A two-digit year is a fixed window: 00-69 are 2000-2069, 70-99 are
 * 1970-1999.  (cc-records(5) asks for 20YY unless that is after the
 * report date; a caller that knows the report date should correct a
 * result later than it by subtracting 100 years.)  Four-digit years must
 * be 1900-2099.
 *
 * OCR repair: in each numeric group the letters O o l I S B are read as
 * digits, provided the group also holds at least one real digit
 * ("O3/2O19" is "2019-03"; "OO/2019" is rejected).
 *
 * Returns 0, or -1 for impossible dates (month 13, Feb 30, Feb 29 outside
 * a leap year), "--/--", "-", "" and any other text; on -1 out is "".
 */
int cc_norm_date(const char *s, char out[11]);

/*
 * Write the account number s as printed into out (len bytes): trimmed,
 * with every space inside removed, every other byte kept as printed
 * (X, x and * stay as they are; no OCR repair, since a mask shows what
 * the report shows and no more).
 *
 * last4 (5 bytes) gets the last four characters of the result when they
 * are all digits, else "": "4147XXXXXXXX" gives "", "XXXX1234" and
 * "*1234" give "1234", "123" gives "".
 *
 * Returns 0, or -1 when s holds no digit and no mask character (X, x, *)
 * at all ("", "N/A", "None"), or when out is too small for the result and
 * its NUL; on -1 out (when len > 0) and last4 are "".
 */
int cc_norm_mask(const char *s, char *out, size_t len, char last4[5]);

/*
 * OCR repair for a field known to be numeric (an SSN's last four, a
 * year): O and o become 0, l, I and | become 1, S and s become 5, B
 * becomes 8, Z becomes 2, G becomes 6; spaces at either end and between
 * characters are dropped.  "O4l7" and "04 17" give "0417".
 *
 * Returns 0 when the result is one or more digits and fits in out (len
 * bytes, with its NUL), else -1 with out "" (when len > 0).
 */
int cc_norm_digits(const char *s, char *out, size_t len);

/*
 * Copy the UTF-8 text s into out (len bytes), with every run of white
 * space (space, tab, CR, LF, FF, VT and U+00A0 NO-BREAK SPACE) made one
 * space, spaces at either end removed, and the ligatures U+FB00..U+FB06
 * written as their letters: ff, fi, fl, ffi, ffl, st (U+FB05, long s t)
 * and st.  Other bytes are copied as they are.
 *
 * When out is too small the result is truncated to fit (with its NUL),
 * never inside a UTF-8 character or a ligature's expansion, and without
 * a trailing space.  len 0 writes nothing.
 */
void cc_norm_space(const char *s, char *out, size_t len);

#endif
