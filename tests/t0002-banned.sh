#!/bin/sh
# banned.h: every banned function fails to compile, naming itself.
. "$(dirname "$0")/test-lib.sh"

CC=${CC:-cc}
command -v "$CC" >/dev/null || test_skip_all "no C compiler"

for f in 'strcpy(b, "x")' 'strcat(b, "x")' 'sprintf(b, "%d", 1)' \
	 'strtok(b, ",")' 'atoi(b)' 'gmtime(&t)' 'localtime(&t)' 'strncpy(b, "x", 1)'; do
	name=${f%%(*}
	test_expect_success "banned: $name" '
		printf "#include \"base/cc.h\"\nvoid f(char *b, time_t t);\nvoid f(char *b, time_t t) { (void)t; (void)(%s); }\n" "$f" >t.c &&
		test_expect_code 1 $CC -std=c11 -D_GNU_SOURCE -I"$SRCDIR/lib" -c t.c -o t.o 2>err &&
		grep -q "sorry_${name}_is_a_banned_function" err
	'
done

test_expect_success 'the allowed replacements compile' '
	printf "#include \"base/cc.h\"\nvoid f(char *b, time_t t);\nvoid f(char *b, time_t t) { struct tm tm; snprintf(b, 4, \"%%d\", 1); gmtime_r(&t, &tm); }\n" >ok.c &&
	$CC -std=c11 -D_GNU_SOURCE -I"$SRCDIR/lib" -c ok.c -o ok.o
'

test_done
