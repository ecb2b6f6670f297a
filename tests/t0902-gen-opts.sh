#!/bin/sh
# scripts/gen-opts.sh, which makes each tool's command line C from its
# .opts file: every tool has one; a mistake in one is said as FILE:LINE,
# with exit 1 and nothing on stdout, so that the build stops there.  What
# it writes, read back as C: tests/unit/t-optgen.c.
. "$(dirname "$0")/test-lib.sh"

GEN=$SRCDIR/scripts/gen-opts.sh

test_expect_success 'every tool has its .opts, which names it' '
	for c in "$SRCDIR"/cmd/cc-*.c; do
		t=$(basename "$c" .c)
		grep -q "^name  *$t\$" "$SRCDIR/cmd/$t.opts" || { echo "$t.opts"; false; }
		grep -q "^#include \"$t-opts.c\"\$" "$c" || { echo "$t.c"; false; }
	done
'

test_expect_success 'every .opts makes C, as the build has it' '
	for o in "$SRCDIR"/cmd/cc-*.opts; do
		t=$(basename "$o" .opts)
		(cd "$SRCDIR" && sh scripts/gen-opts.sh cmd/$t.opts) >$t.c &&
		test_cmp "$CC_BUILD/gen/$t-opts.c" $t.c
	done
'

# gen_fails FILE: the generator on FILE (here) fails, writing nothing
gen_fails() {
	test_expect_code 1 sh "$GEN" "$1" >out 2>err &&
	test_cmp /dev/null out
}

test_expect_success 'a tool without name, synopsis or shared' '
	printf "# nothing\n" >empty.opts &&
	gen_fails empty.opts &&
	cat >expect <<-\EOT &&
	empty.opts: no name
	empty.opts: no synopsis
	empty.opts: no shared (filter, none, or the shared options taken)
	EOT
	test_cmp expect err
'

test_expect_success 'mistakes in the settings, each on its line' '
	cat >bad.opts <<-\EOT &&
	name cc-bad
	synopsis FILE
	shared filter jobs
	colour blue
	name cc-again
	about the text
	version not a name
	EOT
	gen_fails bad.opts &&
	cat >expect <<-\EOT &&
	bad.opts:3: shared: filter stands alone
	bad.opts:4: unknown setting "colour" (or an option, with -)
	bad.opts:5: name given twice
	bad.opts:6: about: its text goes on the lines after, each indented by a tab
	bad.opts:7: version: not a C function name: "not a name"
	EOT
	test_cmp expect err
'

test_expect_success 'mistakes in the options, each on its line' '
	printf "%s\n" "name cc-bad" "synopsis FILE" "shared none" \
		"--ok=N" "	type int" "	range 1..x" \
		"-xy, --two" "--ok" \
		"--flag" "	key ocr.force" "	help sets a key, without a value" \
		"--arg=A" "	value 1" "	type number" \
		"--local" "	range 1..3" "	key ocr.dpi" \
		"  --spaces" "	help one" "	help two" "	colour red" \
		"--deep=N" "	key ocr.psm" "		not after a help" >bad.opts &&
	gen_fails bad.opts &&
	cat >expect <<-\EOT &&
	bad.opts:6: range: a bound is a number or a C constant: "1..x"
	bad.opts:7: not an option: "-xy, --two" (-x, --long=ARG, or without -x, or =ARG)
	bad.opts:8: --ok defined twice
	bad.opts:14: type: one of string, path, int, size, bool, fraction, duration; not "number"
	bad.opts:18: indent with a tab
	bad.opts:20: help given twice
	bad.opts:21: unknown attribute "colour" (key, value, name, type, range, help)
	bad.opts:24: a deeper line goes on with a help text only
	bad.opts:9: --flag: a flag that sets a key needs a value
	bad.opts:12: --arg: value is for a flag (an option without =ARG)
	bad.opts:15: --local: type, range and name are for a local option (one without a key)
	bad.opts:15: --local: a flag that sets a key needs a value
	bad.opts:15: --local: type and range are for an option with =ARG
	bad.opts:15: --local: range goes with type int
	EOT
	test_cmp expect err
'

test_expect_success 'a file it cannot read; no file' '
	test_expect_code 1 sh "$GEN" missing.opts 2>err &&
	grep -q "cannot read .missing.opts.$" err &&
	test_expect_code 2 sh "$GEN" 2>err &&
	grep -q "^usage: " err
'

test_done
