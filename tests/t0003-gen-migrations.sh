#!/bin/sh
# scripts/gen-migrations.sh: the schema's migrations as C, byte for byte
# (quotes, backslashes, trigraphs, UTF-8), and its refusals.
. "$(dirname "$0")/test-lib.sh"

GEN=$SRCDIR/scripts/gen-migrations.sh
SQ="'"
export GEN SQ

test_lazy_prereq CC 'command -v "${CC:-cc}"'

test_expect_success CC 'the SQL comes back byte for byte, in version order' '
	mkdir m &&
	printf "%s\n" "-- a \"quoted\" \\\\ backslash, a trigraph ??= and ??/" \
		"SELECT '"'"'§ 1681i'"'"', E'"'"'\\t'"'"';" "	tab" >m/0001-first.sql &&
	printf "CREATE TABLE x (y int);\n" >m/0002-second-one.sql &&
	sh "$GEN" m/0001-first.sql m/0002-second-one.sql >gen.c &&
	cat >main.c <<-\EOF &&
	#include <stdio.h>
	#include <string.h>
	struct migration { int version; const char *name; const char *sql; };
	#include "gen.c"
	int main(void)
	{
		size_t i;

		for (i = 0; i < sizeof(migrations) / sizeof(migrations[0]); i++) {
			printf("%d %s\n", migrations[i].version, migrations[i].name);
			fwrite(migrations[i].sql, 1, strlen(migrations[i].sql), stdout);
		}
		return 0;
	}
	EOF
	${CC:-cc} -std=c11 -Wall -Werror -o main main.c &&
	./main >got &&
	{ echo "1 first" && cat m/0001-first.sql &&
	  echo "2 second-one" && cat m/0002-second-one.sql; } >expect &&
	test_cmp expect got
'

test_expect_success 'what is not a migration is refused, exit 1, naming the file' '
	mkdir bad &&
	echo "SELECT 1;" >bad/0001-a.sql &&
	echo "SELECT 1;" >bad/0003-c.sql &&
	echo "SELECT 1;" >bad/0002-Upper.sql &&
	echo "SELECT 1;" >bad/1-short.sql &&
	: >bad/0002-empty.sql &&
	printf "SELECT 1;" >bad/0002-nonl.sql &&
	test_expect_code 1 sh "$GEN" bad/0001-a.sql bad/0003-c.sql >out 2>err &&
	test_expect_code 1 sh "$GEN" bad/0001-a.sql bad/0002-Upper.sql >>out 2>>err &&
	test_expect_code 1 sh "$GEN" bad/1-short.sql >>out 2>>err &&
	test_expect_code 1 sh "$GEN" bad/0001-a.sql bad/0002-empty.sql >>out 2>>err &&
	test_expect_code 1 sh "$GEN" bad/0001-a.sql bad/0002-nonl.sql >>out 2>>err &&
	test_expect_code 2 sh "$GEN" 2>>err &&
	cat >expect <<-EOF &&
	bad/0003-c.sql: version 0003 after 0001: versions go 0001, 0002, ...
	bad/0002-Upper.sql: not a migration${SQ}s name: NNNN-name.sql, lower case
	bad/1-short.sql: not a migration${SQ}s name: NNNN-name.sql, lower case
	bad/0002-empty.sql: empty
	bad/0002-nonl.sql: the last line has no newline
	usage: sh $GEN NNNN-name.sql ... >FILE.c
	EOF
	test_cmp expect err
'

test_done
