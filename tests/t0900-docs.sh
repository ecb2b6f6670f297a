#!/bin/sh
# The documentation stays true to the code: man pages lint clean, every
# tool has one, every error code is documented (the options and config
# keys: t0901-options.sh).
. "$(dirname "$0")/test-lib.sh"

M=$SRCDIR/man
test_need_prereq MANDOC

test_expect_success 'every man page passes mandoc -Tlint' '
	for m in "$M"/*.[157]; do
		mandoc -Tlint -W warning "$m" >lint 2>&1 || true
		test_cmp /dev/null lint
	done
'

test_expect_success 'every tool has a man page, and cc(7) names it' '
	for c in "$SRCDIR"/cmd/cc-*.c; do
		t=$(basename "$c" .c)
		test -f "$M/$t.1" || { echo "no man page for $t"; false; }
		grep -q "^\.Xr $t 1" "$M/cc.7" || { echo "cc.7 does not name $t"; false; }
	done
'

# The options and the config keys against the docs: t0901-options.sh.

test_expect_success 'every error code the code can emit is in cc-records(5)' '
	cat "$SRCDIR"/lib/*/*.c | grep -o "\"[a-z0-9]*\.[a-z_]*\"" | tr -d "\"" |
		grep -E "^(json|record|input|file|pdf|store)\.[a-z_]{2,}$" | sort -u >all &&
	cc-test-tool config-keys | cut -f1 | sort >keys &&
	comm -23 all keys >codes &&
	test -s codes &&
	while read -r c; do
		grep -q "$c" "$M/cc-records.5" || { echo "$c not in cc-records.5"; false; }
	done <codes
'

test_expect_success 'the repository stands alone: no file cites a design document outside it' '
	(cd "$SRCDIR" && grep -rlI --exclude-dir=.git --exclude-dir="build*" \
		-e "DESIGN\.md" -e "shared/DESIGN" . ) | grep -v "^\./tests/t0900-docs.sh$" >cites || true &&
	test_cmp /dev/null cites
'

test_expect_success 'HACKING.md names every folder of lib/' '
	for d in "$SRCDIR"/lib/*/; do
		d=${d%/}; d=${d##*/}
		grep -qE "(^    |, )$d/" "$SRCDIR/HACKING.md" ||
			{ echo "lib/$d is not in HACKING.md"; false; }
	done
'

test_expect_success 'README names the two quick-start commands' '
	grep -q "make demo" "$SRCDIR/README.md" &&
	grep -q "make check" "$SRCDIR/README.md"
'

test_done
