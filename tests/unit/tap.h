/*
 * tap.h -- a tiny header-only TAP producer for the C unit tests.
 *
 * Plan at the end: every check prints "ok N - desc" or "not ok N - desc"
 * on stdout, and tap_done() prints "1..N" and returns the exit status
 * (0 when every check passed, 1 otherwise), so a test's main() ends with
 * `return tap_done();`.  A failed check prints "#   got: ..." and
 * "#  want: ..." diagnostics on stderr (as Test::More does, so prove
 * shows them), non-printable bytes escaped as \xNN.
 *
 *	ok(cond, fmt, ...)                    a condition
 *	is_int(got, want, fmt, ...)           integers (as long long)
 *	is_str(got, want, fmt, ...)           C strings, NULL-safe
 *	is_mem(got, glen, want, wlen, fmt, ...) byte strings
 *	tap_diag(fmt, ...)                    a "# ..." line on stderr
 *
 * Each returns 1 when the check passed, so a test can stop early on a
 * failure that would make the rest meaningless.  Include "cc.h" first.
 */
#ifndef CC_TAP_H
#define CC_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failures;

static inline void tap_vline(int pass, const char *file, int line,
			     const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failures++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
	if (!pass) {
		fprintf(stderr, "#   Failed test %d at %s line %d.\n",
			tap_count, file, line);
		fflush(stderr);
	}
}

static inline __attribute__((format(printf, 1, 2)))
void tap_diag(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("# ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

/* Print label and s[0..n) quoted, escaping what is not printable ASCII. */
static inline void tap_show(const char *label, const char *s, size_t n)
{
	size_t i, shown = n > 2000 ? 2000 : n;

	fprintf(stderr, "# %6s: ", label);
	if (!s) {
		fputs("NULL\n", stderr);
		return;
	}
	fputc('"', stderr);
	for (i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(stderr, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, stderr);
		else if (c == '\n')
			fputs("\\n", stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('"', stderr);
	if (shown < n)
		fprintf(stderr, "... (%zu bytes)", n);
	fputc('\n', stderr);
}

static inline __attribute__((format(printf, 4, 5)))
int tap_ok_(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vline(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

static inline __attribute__((format(printf, 5, 6)))
int tap_is_int_(long long got, long long want, const char *file, int line,
		const char *fmt, ...)
{
	int pass = got == want;
	va_list ap;

	va_start(ap, fmt);
	tap_vline(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass) {
		fprintf(stderr, "#    got: %lld\n#   want: %lld\n", got, want);
		fflush(stderr);
	}
	return pass;
}

static inline __attribute__((format(printf, 7, 8)))
int tap_is_mem_(const char *got, size_t glen, const char *want, size_t wlen,
		const char *file, int line, const char *fmt, ...)
{
	int pass;
	va_list ap;

	if (!got || !want)
		pass = !got && !want;
	else
		pass = glen == wlen && memcmp(got, want, glen) == 0;
	va_start(ap, fmt);
	tap_vline(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass) {
		tap_show("got", got, glen);
		tap_show("want", want, wlen);
		fflush(stderr);
	}
	return pass;
}

/* Each argument evaluated once, so is_str(f(), ...) calls f once. */
static inline __attribute__((format(printf, 5, 6)))
int tap_is_str_(const char *got, const char *want, const char *file,
		int line, const char *fmt, ...)
{
	int pass = got && want ? strcmp(got, want) == 0 : !got && !want;
	va_list ap;

	va_start(ap, fmt);
	tap_vline(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass) {
		tap_show("got", got, got ? strlen(got) : 0);
		tap_show("want", want, want ? strlen(want) : 0);
		fflush(stderr);
	}
	return pass;
}

#define ok(cond, ...) tap_ok_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) \
	tap_is_int_((long long)(got), (long long)(want), __FILE__, __LINE__, \
		    __VA_ARGS__)
#define is_str(got, want, ...) \
	tap_is_str_((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_mem(got, glen, want, wlen, ...) \
	tap_is_mem_((const char *)(got), (glen), (const char *)(want), (wlen), \
		    __FILE__, __LINE__, __VA_ARGS__)

/* Print the plan; the exit status for main(). */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	fflush(stdout);
	if (tap_failures) {
		fprintf(stderr, "# Looks like you failed %d test%s of %d.\n",
			tap_failures, tap_failures == 1 ? "" : "s", tap_count);
		fflush(stderr);
	}
	return tap_failures ? 1 : 0;
}

#endif
