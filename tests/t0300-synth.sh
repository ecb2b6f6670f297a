#!/bin/sh
# cc-synth: determinism, every layout readable by a second PDF
# implementation with the truth's names and balances in it, scans, usage.
. "$(dirname "$0")/test-lib.sh"

test_need_prereq JQ,PDFTOTEXT

test_expect_success 'one report per layout: five PDFs and their truth' '
	cc-synth -o a -n 1 -s 42 -j 2 &&
	ls a >files &&
	cat >expect <<-\EOF &&
	equifax-42-00000.pdf
	experian-42-00000.pdf
	lender-42-00000.pdf
	merged3-42-00000.pdf
	transunion-42-00000.pdf
	truth.ndjson
	EOF
	test_cmp expect files
'

test_expect_success 'the truth ties each PDF to its name and SHA-256' '
	jq -r "select(.kind==\"synth_report\") | \"\(.doc)  a/\(.file)\"" a/truth.ndjson >sums &&
	test $(wc -l <sums) -eq 5 &&
	sha256sum -c --quiet sums
'

test_expect_success 'same options and seed: byte-identical PDFs and truth' '
	cc-synth -o b -n 1 -s 42 -j 1 &&
	for f in a/*; do cmp "$f" "b/${f#a/}"; done
'

test_expect_success 'a different seed gives different reports' '
	cc-synth -o c -n 1 -s 43 -l experian &&
	! cmp -s a/experian-42-00000.pdf c/experian-43-00000.pdf
'

test_expect_success '--as-of moves "today"' '
	cc-synth -o d -l equifax -s 42 --as-of 2024-06-30 &&
	jq -r "select(.kind==\"synth_report\") | .as_of" d/truth.ndjson >got &&
	echo 2024-06-30 >expect && test_cmp expect got &&
	jq -r "select(.kind==\"consumer\") | .report_date" d/truth.ndjson >got &&
	test_cmp expect got
'

test_expect_success '--start and --count split a run without changing it' '
	cc-synth -o whole -l transunion -s 5 -n 4 &&
	cc-synth -o part -l transunion -s 5 --start 0 -n 2 -t part/t1.ndjson &&
	cc-synth -o part -l transunion -s 5 --start 2 -n 2 -t part/t2.ndjson &&
	cat part/t1.ndjson part/t2.ndjson >joined &&
	test_cmp whole/truth.ndjson joined &&
	for i in 0 1 2 3; do cmp whole/transunion-5-0000$i.pdf part/transunion-5-0000$i.pdf; done
'

test_expect_success '--truth - writes the truth on stdout' '
	cc-synth -o e -l lender -s 42 -t - >out &&
	grep "\"layout\":\"lender\"" a/truth.ndjson >expect &&
	test_cmp expect out &&
	test ! -e e/truth.ndjson
'

# Every creditor and balance of the truth appears in pdftotext's reading
# of the PDF, for every layout (poppler is not mupdf: a second reader).
check_text() {
	dir=$1
	for f in $(jq -r "select(.kind==\"synth_report\" and (.scanned|not)) | .file" "$dir/truth.ndjson"); do
		doc=$(jq -r "select(.kind==\"synth_report\" and .file==\"$f\") | .doc" "$dir/truth.ndjson")
		# a wrapped name in a table cell may have the account number of
		# the next cell between its lines: drop masked numbers
		pdftotext "$dir/$f" - | sed -E "s/(^| )[0-9]*[X*][X*0-9]*( |$)/ /g" |
			tr -s " \n\t" "   " | sed "s|/ |/|g" >text
		jq -r "select(.kind==\"tradeline\" and .doc==\"$doc\") | .creditor" "$dir/truth.ndjson" | sed "s|/ |/|g" | sort -u >names
		test -s names || { echo "$f: no tradelines in the truth"; return 1; }
		while read -r name; do
			grep -qF -- "$name" text || { echo "$f: creditor '$name' not in the text"; return 1; }
		done <names
		jq -r "select(.kind==\"tradeline\" and .doc==\"$doc\" and .balance != null) | .balance / 100" "$dir/truth.ndjson" | sort -u >balances
		while read -r b; do
			grouped=$(printf "%s" "$b" | sed -e :a -e "s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta")
			grep -qE "\\\$($b|$grouped)([^0-9,]|$)" text ||
				{ echo "$f: balance \$$b not in the text"; return 1; }
		done <balances
	done
}

test_expect_success 'every layout: truth creditors and balances are in the text (pdftotext)' '
	cc-synth -o many -n 3 -s 9 &&
	check_text many
'

test_expect_success 'hostile names print as written: & survives HTML and PDF' '
	grep -h "\"creditor\":\"[^\"]*&" many/truth.ndjson a/truth.ndjson >amp || true
	if test -s amp; then check_text many; fi
'

test_expect_success 'the story API embeds its fonts: every font embedded' '
	pdffonts a/experian-42-00000.pdf | tail -n +3 >fonts &&
	test -s fonts &&
	! awk "{ if (\$(NF-4) != \"yes\") bad=1 } END { exit !bad }" fonts
'

test_expect_success '--scan: image-only copies, same page count, no text layer' '
	cc-synth -o s -l experian -s 3 -a 2-3 --scan &&
	cc-ingest s/experian-3-00000.pdf s/experian-3-00000-scan.pdf >docs &&
	jq -c "[.pages, (.text_pages|length)]" docs >got &&
	p=$(jq -r "select(.path==\"s/experian-3-00000.pdf\") | .pages" docs) &&
	printf "[%s,%s]\n[%s,0]\n" "$p" "$p" "$p" >expect &&
	test_cmp expect got &&
	pdfimages -list s/experian-3-00000-scan.pdf | awk "NR>2 { print \$9 }" | sort -u >enc &&
	echo jpeg >expect && test_cmp expect enc
'

test_expect_success '--scan truth: one synth_report per file, the scan marked scanned' '
	jq -c "select(.kind==\"synth_report\") | [.file, .scanned]" s/truth.ndjson >got &&
	printf "%s\n" "[\"experian-3-00000.pdf\",false]" "[\"experian-3-00000-scan.pdf\",true]" >expect &&
	test_cmp expect got
'

test_expect_success '--scan is deterministic too, and --noise changes it' '
	cc-synth -o s2 -l experian -s 3 -a 2-3 --scan &&
	cmp s/experian-3-00000-scan.pdf s2/experian-3-00000-scan.pdf &&
	cc-synth -o s3 -l experian -s 3 -a 2-3 --scan --noise 3 &&
	! cmp -s s/experian-3-00000-scan.pdf s3/experian-3-00000-scan.pdf &&
	cmp s/experian-3-00000.pdf s3/experian-3-00000.pdf
'

test_expect_success '--accounts bounds the number of accounts' '
	cc-synth -o acc -n 6 -s 8 -a 2-3 -t - |
		jq -r "select(.kind==\"synth_report\") | .accounts" | sort -u >got &&
	awk "\$1 < 2 || \$1 > 3 { bad=1 } END { exit bad }" got
'

test_expect_success 'the natural spread: 1 to 60 accounts, every kind, negatives and not' '
	cc-synth -o big -n 30 -s 1 -l experian -t - >t &&
	jq -r "select(.kind==\"synth_report\") | .accounts" t | sort -n >n &&
	test "$(head -n 1 n)" -ge 1 && test "$(tail -n 1 n)" -le 60 &&
	test "$(tail -n 1 n)" -gt 30 &&
	jq -r "select(.kind==\"tradeline\") | .loan_type" t | sort -u >kinds &&
	printf "%s\n" auto charge_card collection credit_card heloc medical mortgage personal student >expect &&
	test_cmp expect kinds &&
	jq -r "select(.kind==\"tradeline\") | .reasons[]" t | sort -u >reasons &&
	for r in late_30 late_60 charge_off collection repossession settled; do
		grep -qx "$r" reasons || { echo "no $r"; false; }
	done &&
	jq -r "select(.kind==\"tradeline\" and .negative==false) | .status" t | sort -u >good &&
	grep -qx "Open/Never late." good &&
	grep -qx "Closed at consumer'"'"'s request/Never late." good
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 cc-synth -n 1 2>err &&
	grep -q "^cc-synth: no output directory (give -o DIR)$" err &&
	test_expect_code 2 cc-synth -o x -l bogus 2>err &&
	grep -q "^cc-synth: --layout: unknown layout '"'"'bogus'"'"'" err &&
	test_expect_code 2 cc-synth -o x --as-of 2026-13-01 2>err &&
	grep -q "^cc-synth: --as-of: expected YYYY-MM-DD, got '"'"'2026-13-01'"'"'$" err &&
	test_expect_code 2 cc-synth -o x -a 0-5 2>err &&
	test_expect_code 2 cc-synth -o x --noise 4 2>err
'

test_expect_success 'an output directory that cannot be made exits 74' '
	echo file >blocker &&
	test_expect_code 74 cc-synth -o blocker/sub 2>err &&
	grep -q "^cc-synth: cannot create '"'"'blocker/sub'"'"': Not a directory$" err
'

test_done
