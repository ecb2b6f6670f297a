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

# --design random (cc-synth(1), DESIGNS)

test_expect_success '--design fixed is the default, byte for byte' '
	cc-synth -o fx -n 1 -s 42 --design fixed &&
	for f in a/*; do cmp "$f" "fx/${f#a/}"; done
'

test_expect_success '--design random: the same options give the same bytes' '
	cc-synth -o r1 -n 2 -s 11 --design random -j 2 &&
	cc-synth -o r2 -n 2 -s 11 --design random -j 1 &&
	ls r1 >files && test $(wc -l <files) -eq 11 &&
	for f in r1/*; do cmp "$f" "r2/${f#r1/}"; done &&
	jq -r "select(.kind==\"synth_report\") | \"\(.doc)  r1/\(.file)\"" r1/truth.ndjson >sums &&
	sha256sum -c --quiet sums
'

test_expect_success '--design random: the model is the fixed design'"'"'s, the print is not' '
	cc-synth -o f1 -n 2 -s 11 &&
	for d in f1 r1; do
		jq -c "select(.kind==\"tradeline\" and .bureau != null) | [.bureau, .creditor, .loan_type, .responsibility]" $d/truth.ndjson >$d.model &&
		# lender (no bureau): a tabular design cuts names, leaves out columns
		jq -c "select(.kind==\"tradeline\" and .bureau == null) | [.opened, .balance, .status_code]" $d/truth.ndjson >$d.lender
	done &&
	test_cmp f1.model r1.model &&
	test_cmp f1.lender r1.lender &&
	! cmp -s f1/experian-11-00000.pdf r1/experian-11-00000.pdf &&
	! cmp -s f1/merged3-11-00001.pdf r1/merged3-11-00001.pdf &&
	! cmp -s f1/lender-11-00000.pdf r1/lender-11-00000.pdf
'

test_expect_success '--design: an unknown design is a usage error' '
	test_expect_code 2 cc-synth -o x --design wild 2>err &&
	cat >expect <<-\EOF &&
	cc-synth: --design: unknown design '"'"'wild'"'"' (fixed, random)
	Try '"'"'cc-synth --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	test ! -e x
'

test_expect_success '--design random: the truth is generic and gives the design' '
	jq -r "select(.kind==\"synth_report\") | [.file, .layout, (.design|type)] | @tsv" r1/truth.ndjson >got &&
	cat >expect <<-\EOF &&
	experian-11-00000.pdf	generic	object
	experian-11-00001.pdf	generic	object
	equifax-11-00000.pdf	generic	object
	equifax-11-00001.pdf	generic	object
	transunion-11-00000.pdf	generic	object
	transunion-11-00001.pdf	generic	object
	merged3-11-00000.pdf	generic	object
	merged3-11-00001.pdf	generic	object
	lender-11-00000.pdf	generic	object
	lender-11-00001.pdf	generic	object
	EOF
	test_cmp expect got &&
	jq -e -s "[.[] | select(.kind==\"synth_report\" and .layout==\"generic\" and .design.style != \"tabular\") | .design
		| (.family|type==\"string\") and (.font|type==\"string\") and (.size >= 7 and .size <= 11)
		and (.pairs_per_row >= 1 and .pairs_per_row <= 3) and (.stacked_labels|type==\"boolean\")
		and (.labels.balance|type==\"string\") and (.fields|index(\"balance\") != null)
		and (.grid|type==\"string\") and (.date_format|type==\"string\")
		and (.print_header|type==\"boolean\") and (.running_head|type==\"boolean\")]
		| length == 8 and all" r1/truth.ndjson &&
	jq -r "select(.kind!=\"synth_report\" and .doc != null) | .layout" r1/truth.ndjson | sort -u >layouts &&
	echo generic >expect && test_cmp expect layouts &&
	jq -r "select(.kind==\"synth_report\" and .design) | .design.family" r1/truth.ndjson | sort -u >fams &&
	printf "%s\n" equifax experian lender merged3 transunion >expect && test_cmp expect fams
'

test_expect_success '--design random: sixty reports cover the space' '
	cc-synth -o cov -n 15 -s 3 -a 2-4 --design random -l experian -t cov.ndjson &&
	cc-synth -o cov -n 15 -s 3 -a 2-4 --design random -l equifax -t cov2.ndjson &&
	cc-synth -o cov -n 15 -s 3 -a 2-4 --design random -l transunion -t cov3.ndjson &&
	cc-synth -o cov -n 15 -s 3 -a 2-4 --design random -l merged3 -t cov4.ndjson &&
	cat cov.ndjson cov2.ndjson cov3.ndjson cov4.ndjson |
		jq -c "select(.kind==\"synth_report\") | .design" >designs &&
	test $(wc -l <designs) -eq 60 &&
	distinct() { jq -r "$1" designs | sort -u | wc -l; } &&
	test $(distinct .font) -ge 4 &&
	test "$(jq -r .pairs_per_row designs | sort -u | tr "\n" " ")" = "1 2 3 " &&
	test "$(jq -r .stacked_labels designs | sort -u | tr "\n" " ")" = "false true " &&
	test "$(jq -r .grid designs | sort -u | tr "\n" " ")" = "bureau_rows none strip years " &&
	test "$(jq -r .grid_cells designs | sort -u | tr "\n" " ")" = "codes symbols " &&
	test "$(jq -r .statuses designs | sort -u | tr "\n" " ")" = "codes words " &&
	test "$(jq -r .bracketed designs | sort -u | tr "\n" " ")" = "false true " &&
	test "$(jq -r .running_head designs | sort -u | tr "\n" " ")" = "false true " &&
	test "$(jq -r .print_header designs | sort -u | tr "\n" " ")" = "false true " &&
	test "$(jq -r .intros designs | sort -u | tr "\n" " ")" = "false true " &&
	test "$(jq -r .cents designs | sort -u | tr "\n" " ")" = "false true " &&
	test "$(jq -r .consumer designs | sort -u | tr "\n" " ")" = "band block prepared_for " &&
	test "$(jq -r .sections designs | sort -u | tr "\n" " ")" = "by_type negative_first one " &&
	test "$(jq -r ".page_counter // \"none\"" designs | sort -u | tr "\n" " ")" = "Page n Page n of N n/N none " &&
	test $(distinct .date_format) -eq 6 &&
	test $(distinct .labels.balance) -ge 5 &&
	test $(distinct .labels.status) -ge 5 &&
	test $(distinct .rows_per_block) -ge 3
'

# text DIR TRUTH: for each text PDF of TRUTH in DIR, its page text as
# cc-ocr reads it, in DIR/DOC.txt, whitespace made single spaces
page_texts() {
	cc-ingest "$1" | cc-ocr >"$1.pages" &&
	jq -r "select(.kind==\"page\") | .doc" "$1.pages" | sort -u >"$1.docs" &&
	while read -r doc; do
		jq -r "select(.kind==\"page\" and .doc==\"$doc\") | .lines[].t" "$1.pages" |
			tr -s " \n\t" "   " | sed "s|/ |/|g" >"$1/$doc.txt" || return 1
	done <"$1.docs"
}

# every truth tradeline's creditor and money in its page text
check_design_text() {
	dir=$1 truth=$2
	jq -r "select(.kind==\"tradeline\") | [.doc, .creditor] | @tsv" "$truth" | sed "s|/ |/|g" | sort -u >names &&
	test -s names &&
	while IFS="	" read -r doc name; do
		grep -qF -- "$name" "$dir/$doc.txt" ||
			{ echo "$doc: creditor '$name' not in the text"; return 1; }
	done <names &&
	jq -r "select(.kind==\"tradeline\") | .doc as \$d | (.balance, .limit, .high_balance, .payment, .past_due, .charge_off_amount)
		| select(. != null) | [\$d, (. / 100 | tostring)] | @tsv" "$truth" | sort -u >money &&
	test -s money &&
	while IFS="	" read -r doc b; do
		grouped=$(printf "%s" "$b" | sed -e :a -e "s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta")
		grep -qE "\\\$($b|$grouped)(\.00)?([^0-9,]|$)" "$dir/$doc.txt" ||
			{ echo "$doc: \$$b not in the text"; return 1; }
	done <money
}

test_expect_success '--design random: truth creditors and money are in the page text (cc-ocr)' '
	cc-synth -o rt -n 3 -s 9 --design random -l experian -t rt1.ndjson &&
	cc-synth -o rt -n 3 -s 9 --design random -l equifax -t rt2.ndjson &&
	cc-synth -o rt -n 3 -s 9 --design random -l transunion -t rt3.ndjson &&
	cc-synth -o rt -n 3 -s 9 --design random -l merged3 -t rt4.ndjson &&
	cat rt1.ndjson rt2.ndjson rt3.ndjson rt4.ndjson >rt.ndjson &&
	page_texts rt &&
	check_design_text rt rt.ndjson
'

test_expect_success '--design random: the bureau and the consumer are on the page' '
	jq -r "select(.kind==\"synth_report\") | [.doc, .design.family] | @tsv" rt.ndjson >fam &&
	while IFS="	" read -r doc fam; do
		case $fam in
		experian) grep -qi "experian" rt/$doc.txt ;;
		equifax) grep -qi "equifax" rt/$doc.txt ;;
		transunion) grep -qi "transunion" rt/$doc.txt ;;
		merged3) grep -q "TransUnion" rt/$doc.txt && grep -q "Experian" rt/$doc.txt &&
			grep -q "Equifax" rt/$doc.txt ;;
		esac || { echo "$doc: no $fam"; return 1; }
	done <fam &&
	jq -r "select(.kind==\"consumer\") | [.doc, .name, .ssn_last4, .report_number, (.birth_year|tostring)] | @tsv" rt.ndjson |
		sort -u >who &&
	while IFS="	" read -r doc name ssn num yob; do
		# a name in a narrow cell wraps, its lines between others
		for w in $(echo "$name" | tr -d ,) "$ssn" "$num" "$yob"; do
			grep -qF -- "$w" rt/$doc.txt || { echo "$doc: no $w"; return 1; }
		done
	done <who
'

test_expect_success '--design random: bracketed adverse statuses, page counters and print headers' '
	jq -r "select(.kind==\"synth_report\") | .doc as \$d | .design
		| select(.print_header) | \$d" cov.ndjson cov2.ndjson >chrome &&
	test -s chrome &&
	doc=$(head -n 1 chrome) &&
	f=$(jq -r "select(.kind==\"synth_report\" and .doc==\"$doc\") | .file" cov.ndjson cov2.ndjson) &&
	pages=$(cc-ingest "cov/$f" | jq -r .pages) &&
	pdftotext "cov/$f" - | grep -q "^https://" &&
	pdftotext "cov/$f" - | grep -qx "1/$pages" &&
	jq -r "select(.kind==\"synth_report\" and .design.bracketed) | .file" cov.ndjson cov2.ndjson cov3.ndjson >br &&
	test -s br &&
	for f in $(cat br); do pdftotext "cov/$f" -; done | grep -qE "^>[A-Za-z0-9_ ,]+<$"
'

test_expect_success '--scan works with --design random' '
	cc-synth -o rs -l transunion -s 3 -a 2-3 --design random --scan &&
	cc-ingest rs/transunion-3-00000.pdf rs/transunion-3-00000-scan.pdf >docs &&
	p=$(jq -r "select(.path==\"rs/transunion-3-00000.pdf\") | .pages" docs) &&
	jq -c "[.pages, (.text_pages|length)]" docs >got &&
	printf "[%s,%s]\n[%s,0]\n" "$p" "$p" "$p" >expect &&
	test_cmp expect got &&
	for k in synth_report tradeline consumer; do
		jq -c "select(.kind==\"$k\") | del(.doc, .file, .scanned, .id, .account_group)" rs/truth.ndjson |
			uniq | wc -l >n && echo 1 >one &&
		if test $k = tradeline; then :; else test_cmp one n; fi
	done &&
	cc-synth -o rs2 -l transunion -s 3 -a 2-3 --design random --scan &&
	cmp rs/transunion-3-00000-scan.pdf rs2/transunion-3-00000-scan.pdf
'

# the tabular design of lender (cc-synth(1), DESIGNS)

test_expect_success '--design random -l lender: a tabular design, named in the truth' '
	cc-synth -o tb -n 4 -s 4242 -a 28-34 --design random -l lender -j 2 &&
	cc-synth -o tb2 -n 4 -s 4242 -a 28-34 --design random -l lender -j 1 &&
	for f in tb/*; do cmp "$f" "tb2/${f#tb/}"; done &&
	jq -r "select(.kind==\"synth_report\") | [.layout, .design.family, .design.style,
		(.design.lines|tostring), (.design.columns[0]|index(\"creditor\") != null|tostring)] | @tsv" tb/truth.ndjson |
		sort -u >got &&
	cut -f 1-3 got | sort -u >kinds &&
	printf "generic\tlender\ttabular\n" >expect && test_cmp expect kinds &&
	cut -f 5 got | sort -u >cred && echo true >expect && test_cmp expect cred &&
	jq -s "[.[] | select(.kind==\"synth_report\") | .accounts] | add" tb/truth.ndjson >n &&
	jq -s "[.[] | select(.kind==\"tradeline\")] | length" tb/truth.ndjson >m &&
	test_cmp n m &&
	jq -e -s "[.[] | select(.kind==\"tradeline\") | .negative == (.reasons|length > 0)] | all" tb/truth.ndjson
'

test_expect_success '--design random -l lender: the page shows the heads and the groups, the heads again on the next page' '
	page_texts tb &&
	jq -r "select(.kind==\"tradeline\") | [.doc, .creditor, .account_mask, .status] | @tsv" tb/truth.ndjson >rows &&
	while IFS="	" read -r doc name mask status; do
		for w in "$name" "$mask" "$status"; do
			grep -qF -- "$w" "tb/$doc.txt" || { echo "$doc: no $w"; return 1; }
		done
	done <rows &&
	jq -r "select(.kind==\"synth_report\") | [.doc, .design.heads.creditor, .design.heads.status] | @tsv" tb/truth.ndjson >heads &&
	while IFS="	" read -r doc cred stat; do
		grep -qF -- "$stat" "tb/$doc.txt" || { echo "$doc: no head $stat"; return 1; }
		# the heads on page 1 and again at the top of page 2, at one x
		jq -r "select(.kind==\"page\" and .doc==\"$doc\" and .page <= 2)
			| [.page, ([.lines[] | select(.t | startswith(\"$cred\") or contains(\" $cred\"))][0].b[0])] | @tsv" tb.pages >x &&
		test $(wc -l <x) -eq 2 &&
		awk "{ x[NR] = \$2 } END { d = x[1] - x[2]; exit !(x[1] != \"\" && d < 1 && d > -1) }" x ||
			{ echo "$doc: heads"; cat x; return 1; }
	done <heads
'

# a co-applicant: two consumers, whose each account is (cc-synth(1),
# Tabular designs)

test_expect_success '--design random -l lender: joint reports, two consumers, whose each account is' '
	cc-synth -o jt -n 6 -s 4242 -a 8-12 --design random -l lender -j 2 &&
	cc-synth -o jt2 -n 6 -s 4242 -a 8-12 --design random -l lender -j 1 &&
	for f in jt/*; do cmp "$f" "jt2/${f#jt/}"; done &&
	jq -r "select(.kind==\"synth_report\") | [.file, .design.joint, .design.whose,
		.design.whose_legend, .design.heads.whose, .design.heads.ecoa] | @tsv" jt/truth.ndjson >got &&
	cat >expect <<-\EOF &&
	lender-4242-00000.pdf	true	column		WHO	
	lender-4242-00001.pdf	false				
	lender-4242-00002.pdf	false				ECOA CD
	lender-4242-00003.pdf	true	ecoa_pair	OWNER: B=BORROWER C=CO-BORROWER J=JOINT		ECOA CD/OWNER
	lender-4242-00004.pdf	false				
	lender-4242-00005.pdf	false				RESP
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"synth_report\") | \"\(.doc)\t\(.design.joint)\"" jt/truth.ndjson >docs &&
	while IFS="	" read -r doc joint; do
		jq -s -c "map(select(.doc==\"$doc\" and .kind==\"consumer\") | .applicant)" jt/truth.ndjson >n &&
		jq -s -c "map(select(.doc==\"$doc\" and .kind==\"tradeline\") | .applicants) | unique" jt/truth.ndjson >w &&
		case $joint in
		true) echo "[1,2]" >expect && test_cmp expect n &&
			echo "[[1],[1,2],[2]]" >expect && test_cmp expect w ;;
		*) echo "[1]" >expect && test_cmp expect n &&
			echo "[null]" >expect && test_cmp expect w ;;
		esac || return 1
	done <docs &&
	# both accounts are joint ones, and only they, where ECOA shows it
	jq -r "select(.kind==\"tradeline\" and .applicants and .responsibility)
		| [(.applicants == [1,2]), (.responsibility == \"joint\")] | @tsv" jt/truth.ndjson | sort -u >j &&
	printf "false\tfalse\ntrue\ttrue\n" >expect && test_cmp expect j &&
	jq -c "select(.kind==\"consumer\" and .applicant==2) | del(.doc, .src)" jt/truth.ndjson >got &&
	cat >expect <<-\EOF &&
	{"kind":"consumer","v":1,"layout":"generic","bureau":null,"applicant":2,"name":"IMAGINARY, FATIMA P","addresses":["9769 SUNSET BLVD, ARLINGTON, VA 21973","2296 ELM DR, CLINTON, MO 64554"],"ssn_last4":"6787","birth_year":1994,"report_date":"2026-01-15","report_number":"8924-043287","conf":1}
	{"kind":"consumer","v":1,"layout":"generic","bureau":null,"applicant":2,"name":"PLACEHOLDER, PRIYA R","addresses":["89 MAPLE AVE, RIVERSIDE, CA 92450","7459 WILLOW WAY, RIVERSIDE, CA 98386"],"ssn_last4":"9509","birth_year":1950,"report_date":"2026-01-15","report_number":"2568-357695","conf":1}
	EOF
	test_cmp expect got
'

test_expect_success '--design random -l lender: the co-applicant and whose each account is are on the page' '
	page_texts jt &&
	jq -r "select(.kind==\"consumer\" and .applicant==2) | [.doc, .name, .ssn_last4, (.birth_year|tostring)] | @tsv" jt/truth.ndjson >who &&
	test $(wc -l <who) -eq 2 &&
	while IFS="	" read -r doc name ssn yob; do
		grep -qE "CO-(BORROWER|APPLICANT)" "jt/$doc.txt" || { echo "$doc: no co-applicant"; return 1; }
		for w in "$name" "XXX-XX-$ssn" "$yob"; do
			grep -qF -- "$w" "jt/$doc.txt" || { echo "$doc: no $w"; return 1; }
		done
	done <who &&
	jq -r "select(.kind==\"synth_report\" and .design.joint) | [.doc, .design.whose,
		(.design.heads.whose // \"-\"), (.design.whose_legend // \"-\")] | @tsv" jt/truth.ndjson >joint &&
	while IFS="	" read -r doc style head legend; do
		test "$legend" = - || grep -qF -- "$legend" "jt/$doc.txt" || { echo "$doc: no legend"; return 1; }
		# the codes in print order: the truth tradelines are the model
		# order, the groups too
		jq -r "select(.kind==\"tradeline\" and .doc==\"$doc\") | .applicants
			| if . == [1] then \"B\" elif . == [2] then \"C\" else \"J\" end" jt/truth.ndjson >expect &&
		if test $style = column; then
			# the cells under the head, at its x
			jq -r "select(.kind==\"page\" and .doc==\"$doc\") | .lines[]
				| select(.t == \"$head\") | .b[0]" jt.pages | sort -u >x &&
			test $(wc -l <x) -eq 1 &&
			jq -r --argjson x "$(cat x)" "select(.kind==\"page\" and .doc==\"$doc\") | .lines[]
				| select((.b[0] - \$x | fabs) < 0.5 and (.t | test(\"^[BCJ]\$\"))) | .t" jt.pages >got
		else
			jq -r "select(.kind==\"page\" and .doc==\"$doc\") | .lines[]
				| select(.t | test(\"^[IJACS] / [BCJ]\$\")) | .t[-1:]" jt.pages >got
		fi &&
		test_cmp expect got || return 1
	done <joint
'

test_expect_success '--scan works with the tabular design' '
	cc-synth -o ts -l lender -s 3 -a 2-3 --design random --scan &&
	cc-ingest ts/lender-3-00000-scan.pdf | jq -c "[.pages > 0, (.text_pages|length)]" >got &&
	echo "[true,0]" >expect && test_cmp expect got
'

test_expect_success 'an output directory that cannot be made exits 74' '
	echo file >blocker &&
	test_expect_code 74 cc-synth -o blocker/sub 2>err &&
	grep -q "^cc-synth: cannot create '"'"'blocker/sub'"'"': Not a directory$" err
'

test_done
