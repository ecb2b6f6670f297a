#!/bin/sh
# The committed corpus (testdata/corpus) is what testdata/make-corpus.sh
# makes: its truth ties each PDF by hash, and regenerating gives the same
# truth values (doc, id, src and account_group, made from doc, may differ
# only with another mupdf).
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

C=$SRCDIR/testdata/corpus

test_expect_success 'every committed PDF is in its truth, by name and SHA-256' '
	for d in text scan; do
		jq -r "select(.kind==\"synth_report\") | \"\(.doc)  $C/$d/\(.file)\"" "$C/$d/truth.ndjson" >sums &&
		sha256sum -c --quiet sums &&
		ls "$C/$d" | grep -c "\.pdf$" >n && wc -l <sums >m && test_cmp n m
	done
'

test_expect_success 'every layout, text and scanned, is in the corpus' '
	jq -r "select(.kind==\"synth_report\") | \"\(.layout) \(.scanned)\"" "$C/text/truth.ndjson" "$C/scan/truth.ndjson" | sort -u >got &&
	cat >expect <<-\EOF &&
	equifax false
	equifax true
	experian false
	experian true
	lender false
	lender true
	merged3 false
	merged3 true
	transunion false
	transunion true
	EOF
	test_cmp expect got
'

strip() {
	jq -c "del(.doc, .id, .src, .account_group)" "$1"
}

test_expect_success 'regenerating the corpus gives the same truth values' '
	cc-synth -o text -n 2 -s 7 --no-progress &&
	cc-synth -o scan -n 1 -s 11 -a 2-5 --scan --no-progress &&
	for d in text scan; do
		strip "$C/$d/truth.ndjson" >expect &&
		strip "$d/truth.ndjson" >got &&
		test_cmp expect got
	done
'

test_done
