#!/bin/sh
# cc-extract: the committed corpus read back and scored against its truth
# (text exactly, scans for their layouts), pass-through, bad input,
# unknown layouts, hostile text, boxes, page numbers and sizes, options,
# configuration and layout files (hostile ones too),
# and the MeridianLink sample reports of ../shared/realdata when present.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

C=$SRCDIR/testdata/corpus
ML=$REALDATA/meridianlink
export C ML

# The records cc-extract makes, as against those it passes through.
MADE='^{"kind":"\(consumer\|tradeline\|inquiry\|public_record\)"'
export MADE

# doc_of FILE: the doc hash of a corpus file, by its truth
doc_of() {
	jq -r "select(.kind==\"synth_report\" and .file==\"$1\") | .doc" \
		"$C/text/truth.ndjson" "$C/scan/truth.ndjson"
}

# made <out: the records cc-extract made, without where they were read
made() {
	grep "$MADE" | jq -c "del(.src, .conf)"
}

test_expect_success 'setup: the text corpus, ingested and read into pages' '
	mkdir text &&
	cp "$C"/text/*.pdf text/ &&
	cc-ingest text >text.docs &&
	cc-ocr --no-cache <text.docs >text.pages 2>err &&
	test_cmp /dev/null err &&
	test $(grep -c "^{\"kind\":\"document\"" text.pages) -eq 10
'

test_expect_success 'the text corpus: every document read, exit 0, nothing on stderr' '
	cc-extract --stats <text.pages >text.out 2>err &&
	echo "cc-extract: 10 documents (0 of unknown layout): 245 tradelines, 50 inquiries, 3 public records, 0 uncertain fields" >expect &&
	test_cmp expect err &&
	jq -r .kind text.out | sort | uniq -c | sed "s/^ *//" >got &&
	cat >expect <<-\EOF &&
	14 consumer
	10 document
	50 inquiry
	3 public_record
	245 tradeline
	EOF
	test_cmp expect got
'

test_expect_success 'the text corpus scores: every tradeline, negative, inquiry and public record' '
	cc-score --truth "$C/text/truth.ndjson" --min-field-accuracy 0.995 text.out >score 2>table &&
	jq -c "select(.kind==\"tradeline\") | .negative" "$C/text/truth.ndjson" | sort | uniq -c >neg &&
	grep -q "^ *132 true$" neg &&
	jq -c ".overall | [.docs,
		(.tradelines | [.truth, .extracted, .matched, .recall == 1, .precision == 1]),
		(.negative | [.truth, .extracted, .true_positive, .recall == 1, .precision == 1, .missed_tradelines]),
		(.inquiries | [.truth, .matched, .recall == 1, .precision == 1]),
		(.public_records | [.truth, .matched, .recall == 1, .precision == 1]),
		.fields.accuracy >= 0.995]" score >got &&
	echo "[10,[245,245,245,true,true],[132,132,132,true,true,0],[50,50,true,true],[3,3,true,true],true]" >expect &&
	test_cmp expect got
'

test_expect_success 'the text corpus scores: each of the five layouts, all its tradelines' '
	cc-score --truth "$C/text/truth.ndjson" text.out 2>/dev/null |
		jq -r ".layouts | to_entries[] | [.key, .value.docs, .value.tradelines.truth,
			.value.tradelines.recall == 1, .value.tradelines.precision == 1,
			.value.negative.recall == 1, .value.negative.precision == 1] | @tsv" >got &&
	cat >expect <<-\EOF &&
	experian	2	32	true	true	true	true
	equifax	2	35	true	true	true	true
	transunion	2	48	true	true	true	true
	merged3	2	102	true	true	true	true
	lender	2	28	true	true	true	true
	EOF
	test_cmp expect got
'

test_expect_success 'the text corpus: the layout of every record of every document is right' '
	jq -r "select(.kind==\"synth_report\") | \"\(.doc) \(.layout)\"" "$C/text/truth.ndjson" | sort >expect &&
	grep "$MADE" text.out | jq -r "\"\(.doc) \(.layout)\"" | sort -u >got &&
	test_cmp expect got
'

test_expect_success 'the text corpus: every tradeline id is the truth'"'"'s (by doc, creditor, account)' '
	key="select(.kind==\"tradeline\") | [.doc, .creditor, .account_mask, .id] | @tsv" &&
	jq -r "$key" "$C/text/truth.ndjson" | sort >expect &&
	cut -f1-3 expect | sort | uniq -d >dups &&
	test_cmp /dev/null dups &&
	jq -r "$key" text.out | sort >got &&
	test_cmp expect got &&
	test $(wc -l <got) -eq 245
'

test_expect_success 'the text corpus: consumers, inquiries and public records are the truth'"'"'s, field for field' '
	for k in consumer inquiry public_record; do
		jq -c "select(.kind==\"$k\") | del(.src, .conf)" "$C/text/truth.ndjson" | sort >expect &&
		jq -c "select(.kind==\"$k\") | del(.src, .conf)" text.out | sort >got &&
		test_cmp expect got || exit 1
	done
'

test_expect_success 'the same records from a file, from -, from gzip, unbuffered, and again' '
	grep -v "^{\"kind\":\"document\"" text.pages >pages.only &&
	cc-extract pages.only >a &&
	cc-extract - <pages.only >b && test_cmp a b &&
	gzip -c pages.only >pages.gz &&
	cc-extract pages.gz >c && test_cmp a c &&
	cc-extract --unbuffered <pages.only >d && test_cmp a d &&
	grep -v "^{\"kind\":\"document\"" text.out >e && test_cmp a e
'

test_expect_success TESSERACT 'the scanned corpus: runs clean, and each document'"'"'s layout is found' '
	mkdir scan &&
	cp "$C"/scan/*-scan.pdf scan/ &&
	cc-ingest scan | cc-ocr --no-cache >scan.pages 2>err &&
	test_cmp /dev/null err &&
	cc-extract <scan.pages >scan.out 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"synth_report\" and .scanned) | \"\(.doc) \(.layout)\"" "$C/scan/truth.ndjson" | sort >expect &&
	test $(wc -l <expect) -eq 5 &&
	jq -r "select(.kind==\"consumer\") | \"\(.doc) \(.layout)\"" scan.out | sort -u >got &&
	test_cmp expect got &&
	grep "$MADE" scan.out | jq -r "\"\(.doc) \(.layout)\"" | sort -u >got &&
	test_cmp expect got
'

test_expect_success TESSERACT 'the scanned corpus: every tradeline found, masks of stars read as printed' '
	cc-score --truth "$C/scan/truth.ndjson" scan.out >score 2>/dev/null &&
	jq -c ".overall.tradelines | [.truth, .extracted, .matched]" score >got &&
	echo "[24,24,24]" >expect &&
	test_cmp expect got &&
	jq -c ".overall.fields | [.compared, .correct]" score >got &&
	echo "[624,619]" >expect &&
	test_cmp expect got &&
	M=$(jq -r "select(.kind==\"consumer\" and .layout==\"merged3\") | .doc" scan.out | sort -u) &&
	jq -r --arg d "$M" "select(.kind==\"tradeline\" and .doc==\$d) | .account_mask" \
		"$C/scan/truth.ndjson" >expect &&
	grep -c "[*]" expect >n && test $(cat n) -eq 9 &&
	jq -r --arg d "$M" "select(.kind==\"tradeline\" and .doc==\$d) | .account_mask" \
		scan.out >got &&
	test_cmp expect got
'

# --- other editions of the reports -------------------------------------------

# tests/data/editions.pages: page records made by hand, in what real
# editions print and cc-synth does not: an Experian annual report
# (title-case labels, each value on the line under its label, on a page
# 1008 points long) and an
# Equifax current report ("Label: value | Label: value" rows, a closed
# account's heading "NAME - Closed", "Date of 1st Delinquency").
test_expect_success 'other editions: an Experian annual report, an Equifax current report' '
	cc-extract "$SRCDIR/tests/data/editions.pages" >ed.out 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"tradeline\") | [.layout, .creditor, .account_mask, .opened, .reported,
		.balance, .limit, .high_balance, .payment, .past_due, .dofd, .original_creditor,
		.status_code, (.reasons | join(\",\")), .removal_date] | map(tostring) | @tsv" ed.out >got &&
	cat >expect <<-\EOF &&
	experian	CAPITAL ONE BANK USA NA	517805XXXXXX	2016-03-15	2023-06	123400	150000	150000	null	null	null	null	97	charge_off	2029-12
	experian	DISCOVER BANK	601100XXXXXX	2012-08-01	2025-07	25000	500000	310000	3500	null	null	null	11		null
	equifax	MIDLAND CREDIT MANAGEMENT	*3883	2021-09-21	2024-05	255100	null	255100	null	255100	2020-11-28	SPECTRUM	93	collection	2028-05-27
	equifax	CAPITAL ONE	*2339	2013-04-14	2025-11	0	2460000	1859500	0	0	null	null	13		null
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"consumer\") | [.layout, .name, .report_number] | @tsv" ed.out >got &&
	printf "%s\t%s\t%s\n" experian "JANE Q CONSUMER" 1234-5678-90 \
		equifax "JOHN R SAMPLE" 5586-599086 >expect &&
	test_cmp expect got
'

# tests/data/editions-traps.pages: the same editions' traps: a stacked
# value wrapped onto a second line, an empty last label right above the
# next account's heading (a collector's name), free text with "Label:"
# words in it that is not pairs, and remarks wrapped onto the next rows.
test_expect_success 'other editions: wrapped values, an empty last label, free text with labels in it' '
	cc-extract "$SRCDIR/tests/data/editions-traps.pages" >edt.out 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"tradeline\") | [.creditor, .account_mask, .reported, .balance,
		.status, .status_code, .original_creditor, .remarks, (.reasons | join(\",\"))]
		| map(tostring) | @tsv" edt.out >got &&
	cat >expect <<-\EOF &&
	CAPITAL ONE BANK USA NA	517805XXXXXX	2023-06	123400	Account charged off. $1,234 written off.	97	null	null	charge_off
	CREDIT COLLECTION SERVICES	XXXX4411	null	31000	Collection account. $310 past due as of Jul 2025.	93	COMCAST CABLE	null	collection
	WELLS FARGO CARD SER	*1111	2024-05	0	Pays As Agreed	13	null	Account closed by credit grantor. Original Creditor: ABC BANK. Balance: $0 ACCOUNT CLOSED AT CONSUMER'"'"'S REQUEST	
	SYNCB/AMAZON	*2222	2025-11	12000	Pays As Agreed	11	null	Amount in h/c column is credit limit and the balance is $120	
	EOF
	test_cmp expect got
'

# relabel: the page records on stdin with each line's text "FROM" made
# "TO", for each FROM=TO argument
relabel() {
	f=""
	for a in "$@"; do
		f="$f | if .t == \"${a%%=*}\" then .t = \"${a#*=}\" else . end"
	done
	jq -c "if .kind == \"page\" then .lines |= map(. $f) else . end"
}

test_expect_success 'other editions: Experian'"'"'s labels in title case read as in sentence case' '
	E=$(doc_of experian-7-00000.pdf) &&
	grep "\"doc\":\"$E\"" text.pages >e7.pages &&
	relabel "Date opened=Date Opened" "Account name=Account Name" \
		"Account number=Account Number" "Account type=Account Type" \
		"Status updated=Status Updated" "Credit limit=Credit Limit" \
		"High balance=Highest Balance" "Monthly payment=Monthly Payment" \
		"Recent payment=Last Payment Date" "Balance updated=Balance Updated" \
		"Potentially negative items=POTENTIALLY NEGATIVE" <e7.pages >e7t.pages &&
	! cmp -s e7.pages e7t.pages &&
	test $(grep -c "\"Date Opened\"" e7t.pages) -gt 5 &&
	cc-extract e7.pages | made >expect &&
	cc-extract e7t.pages | made >got &&
	test $(grep -c "\"kind\":\"tradeline\"" got) -gt 5 &&
	test_cmp expect got
'

test_expect_success 'other editions: a three-bureau report with MyFreeScoreNow'"'"'s labels' '
	M=$(doc_of merged3-7-00000.pdf) &&
	grep "\"doc\":\"$M\"" text.pages >m7.pages &&
	relabel "High Credit=High Balance" "Last Reported=Date Reported" \
		"Comments=Creditor Remarks" "Balance=Balance Owed" \
		"Past Due=Past Due Amount" "Monthly Payment=Payment Amount" \
		"Three Bureau Credit Report=3 Bureau Credit Report" <m7.pages >m7t.pages &&
	! cmp -s m7.pages m7t.pages &&
	cc-extract m7.pages | made >expect &&
	cc-extract m7t.pages | made >got &&
	test $(grep -c "\"kind\":\"tradeline\"" got) -gt 10 &&
	test_cmp expect got
'

# --- pass-through -----------------------------------------------------------

test_expect_success 'setup: two documents'"'"' pages' '
	E=$(doc_of experian-7-00000.pdf) && L=$(doc_of lender-7-00000.pdf) &&
	grep "\"doc\":\"$E\"" text.pages >exp.pages &&
	grep "\"doc\":\"$L\"" text.pages >lend.pages &&
	test $(grep -c "\"kind\":\"page\"" exp.pages) -eq 7 &&
	test $(grep -c "\"kind\":\"page\"" lend.pages) -eq 2 &&
	cc-extract exp.pages >exp.out &&
	cc-extract lend.pages >lend.out &&
	test $(grep -c "$MADE" exp.out) -eq 18 &&
	test $(grep -c "$MADE" lend.out) -eq 13
'

test_expect_success 'other records pass through unchanged and in order; pages are dropped' '
	{
		echo "{\"kind\":\"note\",\"v\":1}" &&
		cat exp.pages &&
		echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"ocr\",\"doc\":\"0000\",\"path\":\"x.pdf\",\"code\":\"pdf.damaged\",\"message\":\"a  b\"}" &&
		cat lend.pages &&
		echo "{\"kind\":\"note\",\"v\":1,   \"z\": [1, 2.50, \"\\u00e9\"]}"
	} >mixed &&
	cc-extract mixed >out 2>err &&
	test_cmp /dev/null err &&
	grep -v "^{\"kind\":\"page\"" mixed >expect &&
	grep -v "$MADE" out >got &&
	test_cmp expect got &&
	jq -r .kind out | uniq -c | sed "s/^ *//" >got &&
	cat >expect <<-\EOF &&
	1 note
	1 document
	1 consumer
	14 tradeline
	3 inquiry
	1 error
	1 document
	1 consumer
	6 tradeline
	6 inquiry
	1 note
	EOF
	test_cmp expect got &&
	{ grep -v "^{\"kind\":\"document\"" exp.out; grep -v "^{\"kind\":\"document\"" lend.out; } >expect &&
	grep "$MADE" out >got &&
	test_cmp expect got
'

test_expect_success '--keep-pages: the page records too, byte for byte, before their document'"'"'s records' '
	cc-extract --keep-pages mixed >out &&
	grep -v "$MADE" out >got &&
	test_cmp mixed got &&
	jq -r .kind out | uniq -c | sed "s/^ *//" | head -n 5 >got &&
	cat >expect <<-\EOF &&
	1 note
	1 document
	7 page
	1 consumer
	14 tradeline
	EOF
	test_cmp expect got &&
	CC_EXTRACT_KEEP_PAGES=true cc-extract mixed >out2 &&
	test_cmp out out2
'

test_expect_success 'an error record of cc-ocr for a page of the document read does not end it' '
	L=$(doc_of lender-7-00000.pdf) &&
	{
		sed -n "1,2p" lend.pages &&
		echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"ocr\",\"doc\":\"$L\",\"path\":\"text/lender-7-00000.pdf\",\"code\":\"pdf.damaged\",\"message\":\"page 3: cannot be read\"}" &&
		sed -n "3,\$p" lend.pages
	} >witherr &&
	cc-extract witherr >out 2>err &&
	test_cmp /dev/null err &&
	jq -r .kind out | uniq -c | sed "s/^ *//" >got &&
	printf "1 document\n1 error\n1 consumer\n6 tradeline\n6 inquiry\n" >expect &&
	test_cmp expect got &&
	grep "$MADE" lend.out >expect &&
	grep "$MADE" out >got &&
	test_cmp expect got
'

# --- bad input ----------------------------------------------------------------

test_expect_success 'invalid JSON: an error record and a diagnostic, the document still read, exit 1' '
	{ sed -n "1,2p" lend.pages; echo "{oops"; sed -n "3,\$p" lend.pages; } >bad &&
	test_expect_code 1 cc-extract <bad >out 2>err &&
	echo "cc-extract: <stdin>:3: invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"' at column 5" >expect &&
	test_cmp expect err &&
	grep "^{\"kind\":\"error\"" out >got &&
	echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"extract\",\"doc\":null,\"path\":\"<stdin>\",\"line\":3,\"code\":\"json.syntax\",\"message\":\"invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"' at column 5\"}" >expect &&
	test_cmp expect got &&
	grep "$MADE" lend.out >expect &&
	grep "$MADE" out >got &&
	test_cmp expect got
'

test_expect_success 'records that are not objects, or have no kind: rejected with their line' '
	printf "[1]\n\n{\"v\":1}\n" | test_expect_code 1 cc-extract >out 2>err &&
	cat >expect <<-\EOF &&
	cc-extract: <stdin>:1: record is not a JSON object
	cc-extract: <stdin>:3: record has no "kind"
	EOF
	test_cmp expect err &&
	jq -r "[.code, .line] | @tsv" out >got &&
	printf "record.invalid\t1\nrecord.invalid\t3\n" >expect &&
	test_cmp expect got
'

test_expect_success 'a page without "lines": the document is rejected, the next one read, exit 1' '
	E=$(doc_of experian-7-00000.pdf) &&
	jq -c "if .kind==\"page\" and .page==2 then del(.lines) else . end" exp.pages >nolines &&
	cat nolines lend.pages | test_expect_code 1 cc-extract >out 2>err &&
	echo "cc-extract: text/experian-7-00000.pdf: page 2 of $E has no \"lines\"" >expect &&
	test_cmp expect err &&
	grep "^{\"kind\":\"error\"" out >got &&
	echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"extract\",\"doc\":\"$E\",\"path\":\"text/experian-7-00000.pdf\",\"line\":null,\"code\":\"record.invalid\",\"message\":\"page 2 of $E has no \\\"lines\\\"\"}" >expect &&
	test_cmp expect got &&
	test $(grep -c "\"doc\":\"$E\"" out) -eq 2 &&
	grep "$MADE" lend.out >expect &&
	grep "$MADE" out >got &&
	test_cmp expect got
'

test_expect_success 'a page record without a doc, or a page number: rejected alone, exit 1' '
	{
		sed -n "1,2p" lend.pages &&
		echo "{\"kind\":\"page\",\"v\":1,\"page\":1,\"lines\":[]}" &&
		echo "{\"kind\":\"page\",\"v\":1,\"doc\":\"abc\",\"page\":\"2\",\"lines\":[]}" &&
		sed -n "3,\$p" lend.pages
	} >nodoc &&
	test_expect_code 1 cc-extract <nodoc >out 2>err &&
	cat >expect <<-\EOF &&
	cc-extract: <stdin>:3: page record without "doc" or "page"
	cc-extract: <stdin>:4: page record without "doc" or "page"
	EOF
	test_cmp expect err &&
	grep "^{\"kind\":\"error\"" out >got &&
	cat >expect <<-\EOF &&
	{"kind":"error","v":1,"stage":"extract","doc":null,"path":"<stdin>","line":3,"code":"record.invalid","message":"page record without \"doc\" or \"page\""}
	{"kind":"error","v":1,"stage":"extract","doc":"abc","path":"<stdin>","line":4,"code":"record.invalid","message":"page record without \"doc\" or \"page\""}
	EOF
	test_cmp expect got &&
	grep "$MADE" lend.out >expect &&
	grep "$MADE" out >got &&
	test_cmp expect got
'

test_expect_success '--strict: stops at the first bad record, the document held not read' '
	test_expect_code 1 cc-extract --strict <nodoc >out 2>err &&
	echo "cc-extract: <stdin>:3: page record without \"doc\" or \"page\"" >expect &&
	test_cmp expect err &&
	jq -r "[.kind, .line] | @tsv" out >got &&
	printf "document\t\nerror\t3\n" >expect &&
	test_cmp expect got &&
	test_expect_code 1 cc-extract --strict <bad >out 2>err &&
	test $(wc -l <err) -eq 1 &&
	jq -r "[.kind, .code] | @tsv" out >got &&
	printf "document\t\nerror\tjson.syntax\n" >expect &&
	test_cmp expect got &&
	cat nolines lend.pages | CC_INPUT_STRICT=true test_expect_code 1 cc-extract >out 2>/dev/null &&
	jq -r .kind out >got &&
	printf "document\nerror\n" >expect &&
	test_cmp expect got
'

test_expect_success 'an empty input: no output, exit 0' '
	cc-extract </dev/null >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp /dev/null err &&
	printf "\n  \n" | cc-extract >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp /dev/null err
'

test_expect_success 'an input file that is not there: input.open, the others read, exit 1' '
	test_expect_code 1 cc-extract nosuch.ndjson lend.pages >out 2>err &&
	echo "cc-extract: nosuch.ndjson: No such file or directory" >expect &&
	test_cmp expect err &&
	head -n 1 out | jq -r "[.code, .path, .message] | @tsv" >got &&
	printf "input.open\tnosuch.ndjson\tNo such file or directory\n" >expect &&
	test_cmp expect got &&
	test $(grep -c "$MADE" out) -eq 13
'

test_expect_success DEVFULL 'a failed write to standard output exits 74' '
	test_expect_code 74 cc-extract lend.pages >/dev/full 2>err &&
	grep -q "^cc-extract: write error on standard output" err
'

# --- documents made by hand -------------------------------------------------

test_expect_success 'setup: pages made by hand' '
	cat >unknown.jq <<-\EOF &&
	{kind: "document", v: 1, doc: $d, path: "scans/0317.pdf"},
	{kind: "page", v: 1, doc: $d, page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "ZORBLAX CONSUMER DOSSIER", b: [50, 40, 300, 60]},
	  {t: "Name", b: [50, 70, 150, 82]}, {t: "JANE Q PUBLIC", b: [200, 70, 300, 82]},
	  {t: "Revolving Accounts", b: [50, 90, 200, 104]},
	  {t: "ACME BANK", b: [50, 110, 150, 122]},
	  {t: "Account number", b: [50, 125, 150, 137]}, {t: "1234XXXX", b: [200, 125, 260, 137]},
	  {t: "Balance", b: [50, 140, 150, 152]}, {t: "$100", b: [200, 140, 240, 152]},
	  {t: "Status", b: [50, 155, 150, 167]}, {t: "Charged off", b: [200, 155, 280, 167]}]}
	EOF
	jq -n -c --arg d dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd -f unknown.jq >unknown &&
	cat >hostile.jq <<-\EOF &&
	{kind: "page", v: 1, doc: $d, page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "Experian Credit Report", b: [50, 40, 300, 60]},
	  {t: "Accounts in good standing", b: [50, 90, 250, 104]},
	  {t: "<script>alert(1)</script> & \"quoted\" \u0000", b: [50, 110, 300, 122]},
	  {t: "Account number", b: [50, 125, 150, 137]}, {t: "1234XXXX", b: [200, 125, 260, 137]},
	  {t: "Balance", b: [50, 140, 150, 152]}, {t: "$100", b: [200, 140, 240, 152]},
	  {t: "Status", b: [50, 155, 150, 167]}, {t: "Open/Never late.", b: [200, 155, 280, 167]},
	  {t: "Hard inquiries", b: [50, 300, 250, 314]}]}
	EOF
	jq -n -c --arg d eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee -f hostile.jq >hostile &&
	cat >long.jq <<-\EOF &&
	("\u00e9" * 50000) as $e | ("X" * 100000) as $x |
	{kind: "page", v: 1, doc: $d, page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "Experian Credit Report", b: [50, 20, 300, 30]},
	  {t: "Accounts in good standing", b: [50, 40, 250, 52]},
	  {t: ("BANK " + $e), b: [50, 60, 560, 70]},
	  {t: "Account number", b: [50, 72, 150, 82]}, {t: "1234XXXX", b: [200, 72, 260, 82]},
	  {t: "Balance", b: [50, 84, 150, 94]}, {t: "$100", b: [200, 84, 260, 94]},
	  {t: ("Comment " + $x), b: [50, 96, 560, 106]}]}
	EOF
	jq -n -c --arg d fefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefe -f long.jq >long &&
	cat >many.jq <<-\EOF &&
	{kind: "page", v: 1, doc: $d, page: 1, source: "text", width: 612, height: 40000,
	 dpi: null, conf: null, lines: ([
	  {t: "Experian Credit Report", b: [50, 20, 300, 30]},
	  {t: "Accounts in good standing", b: [50, 40, 250, 52]}] +
	  [range(999) | . as $i | (60 + $i * 36) as $y |
	   {t: "CREDITOR \($i)", b: [50, $y, 150, $y + 10]},
	   {t: "Account number", b: [50, $y + 12, 150, $y + 22]},
	   {t: "\(1000 + $i)XXXX", b: [200, $y + 12, 260, $y + 22]},
	   {t: "Balance", b: [50, $y + 24, 150, $y + 34]},
	   {t: "$\($i)", b: [200, $y + 24, 260, $y + 34]}] +
	  [{t: "Soft inquiries", b: [50, 36030, 250, 36042]},
	   {t: "ZETA BANK 01/02/2025", b: [50, 36050, 250, 36062]},
	   {t: "end", b: [50, 36070, 250, 36082]}])}
	EOF
	jq -n -c --arg d abababababababababababababababababababababababababababababababab -f many.jq >many &&
	test $(jq ".lines | length" many) -eq 5000 &&
	cat >conf.jq <<-\EOF &&
	{kind: "page", v: 1, doc: $d, page: 1, source: "ocr", width: 612, height: 792,
	 dpi: 300, conf: 80, lines: [
	  {t: "Experian Credit Report", b: [50, 40, 300, 60], c: 95},
	  {t: "Accounts in good standing", b: [50, 90, 250, 104], c: 95},
	  {t: "ACME BANK", b: [50, 110, 300, 122], c: 95},
	  {t: "Account number", b: [50, 125, 150, 137], c: 95}, {t: "1234XXXX", b: [200, 125, 260, 137], c: 50},
	  {t: "Balance", b: [50, 140, 150, 152], c: 95}, {t: "$100", b: [200, 140, 240, 152], c: 85},
	  {t: "Status", b: [50, 155, 150, 167], c: 95}, {t: "Open/Never late.", b: [200, 155, 280, 167], c: 95}]}
	EOF
	jq -n -c --arg d cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc -f conf.jq >conf
'

test_expect_success 'a document of no known layout: a warning, read as labels and values, layout null, exit 0' '
	cc-extract --stats unknown >out 2>err &&
	cat >expect <<-\EOF &&
	cc-extract: scans/0317.pdf: not a layout cc-extract knows (best match 25%, equifax); read as labels and values, equifax'"'"'s first
	cc-extract: 1 documents (1 of unknown layout): 1 tradelines, 0 inquiries, 0 public records, 0 uncertain fields
	EOF
	test_cmp expect err &&
	jq -r .kind out | tr "\n" " " >got &&
	printf "document consumer tradeline " >expect && test_cmp expect got &&
	grep "$MADE" out | jq -c "[.layout, .bureau]" | sort -u >got &&
	echo "[null,null]" >expect && test_cmp expect got &&
	jq -c "select(.kind==\"consumer\") | .name" out >got &&
	echo "\"JANE Q PUBLIC\"" >expect && test_cmp expect got &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .account_mask, .type, .balance, .status, .status_code, .negative, .reasons]" out >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",\"revolving\",10000,\"Charged off\",\"97\",true,[\"charge_off\"]]" >expect &&
	test_cmp expect got
'

test_expect_success 'without its document record, the warning names the document by its hash' '
	grep -v "\"kind\":\"document\"" unknown | cc-extract >/dev/null 2>err &&
	echo "cc-extract: dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd: not a layout cc-extract knows (best match 25%, equifax); read as labels and values, equifax'"'"'s first" >expect &&
	test_cmp expect err
'

test_expect_success 'pages without text (a scan read with cc-ocr --no-ocr): a consumer with nothing in it' '
	mkdir notext && cp "$C/scan/lender-11-00000-scan.pdf" notext/ &&
	cc-ingest notext | cc-ocr --no-ocr >notext.pages &&
	test $(jq -c "select(.kind==\"page\") | .lines" notext.pages | sort -u) = "[]" &&
	cc-extract notext.pages >out 2>err &&
	echo "cc-extract: notext/lender-11-00000-scan.pdf: not a layout cc-extract knows (best match 0%); read as labels and values" >expect &&
	test_cmp expect err &&
	made <out | jq -c "del(.doc)" >got &&
	echo "{\"kind\":\"consumer\",\"v\":1,\"layout\":null,\"bureau\":null,\"applicant\":1,\"name\":null,\"addresses\":[],\"ssn_last4\":null,\"birth_year\":null,\"report_date\":null,\"report_number\":null}" >expect &&
	test_cmp expect got
'

test_expect_success 'lines without a string t or a box of four numbers are skipped' '
	for l in "{\"t\":\"Name JANE DOE\"}" "{\"t\":\"Name JANE DOE\",\"b\":[50,70,300]}" \
		"{\"t\":\"Name JANE DOE\",\"b\":[50,70,300,82,90]}" "{\"t\":\"Name JANE DOE\",\"b\":{}}" \
		"{\"t\":[\"Name JANE DOE\"],\"b\":[50,70,300,82]}" "{\"b\":[50,70,300,82]}" \
		"{\"t\":\"Name JANE DOE\",\"b\":[50,70,300,82]}"; do
		n=$((${n:-0} + 1)) &&
		echo "{\"kind\":\"page\",\"v\":1,\"doc\":\"d$n\",\"page\":1,\"lines\":[$l]}"
	done >skipped &&
	cc-extract skipped >out 2>err &&
	test $(grep -c "^cc-extract: d[1-7]: not a layout cc-extract knows (best match 0%); read as labels and values$" err) -eq 7 &&
	jq -r "[.kind, .doc, .name] | @tsv" out >got &&
	printf "consumer\td%s\t\n" 1 2 3 4 5 6 >expect &&
	printf "consumer\td7\tJANE DOE\n" >>expect &&
	test_cmp expect got
'

test_expect_success 'hostile text: the creditor as read, valid JSON out' '
	cc-extract hostile >out 2>err &&
	test_cmp /dev/null err &&
	jq -e . out >/dev/null &&
	jq -r "select(.kind==\"tradeline\") | [.layout, .creditor, .account_mask, .status_code] | @tsv" out >got &&
	printf "experian\t<script>alert(1)</script> & \"quoted\"\t1234XXXX\t11\n" >expect &&
	test_cmp expect got
'

test_expect_success 'lines of 100 KB: no crash, valid JSON and UTF-8 out' '
	cc-extract long >out 2>err &&
	test_cmp /dev/null err &&
	jq -e . out >/dev/null &&
	iconv -f UTF-8 -t UTF-8 out >/dev/null &&
	jq -c "select(.kind==\"tradeline\") | [(.creditor | test(\"^BANK (\u00e9)+$\")), (.remarks | test(\"^X+$\")), .account_mask, .balance]" out >got &&
	echo "[true,true,\"1234XXXX\",10000]" >expect &&
	test_cmp expect got
'

test_expect_success '5000 lines on a page: every account read' '
	cc-extract many >out 2>err &&
	test_cmp /dev/null err &&
	test $(grep -c "^{\"kind\":\"tradeline\"" out) -eq 999 &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .account_mask, .balance]" out | sed -n "1p;\$p" >got &&
	cat >expect <<-\EOF &&
	["CREDITOR 0","1000XXXX",0]
	["CREDITOR 998","1998XXXX",99800]
	EOF
	test_cmp expect got &&
	for l in equifax transunion merged3 lender; do
		cc-extract -L $l many long hostile unknown >out 2>err &&
		test_cmp /dev/null err &&
		jq -e . out >/dev/null || exit 1
	done
'

test_expect_success 'OCR: a label read a letter off is the label, a date'"'"'s slash read as 7 a slash, a K among X'"'"'s an X; the text layer is taken as printed' '
	cat >fuzzy.jq <<-\EOF &&
	{kind: "page", v: 1, doc: $d, page: 1, source: $s, width: 612, height: 792,
	 dpi: 300, conf: 90, lines: [
	  {t: "Experian Credit Report", b: [50, 40, 200, 48], c: $c},
	  {t: "Accounts in good standing", b: [50, 90, 180, 97], c: $c},
	  {t: "ACME BANK", b: [50, 110, 100, 117], c: $c},
	  {t: "Account number", b: [50, 125, 118, 131], c: $c},
	  {t: "1234XXKX", b: [200, 125, 240, 131], c: $c},
	  {t: "Status updatd", b: [50, 140, 110, 146], c: $c},
	  {t: "03/2025", b: [200, 140, 235, 146], c: $c},
	  {t: "Balance", b: [50, 155, 84, 161], c: $c}, {t: "$100", b: [200, 155, 221, 161], c: $c},
	  {t: "Status", b: [50, 170, 74, 176], c: $c}, {t: "Open", b: [200, 170, 220, 176], c: $c},
	  {t: "Date opened", b: [50, 185, 100, 191], c: $c},
	  {t: "12/2772019", b: [200, 185, 245, 191], c: $c}]}
	EOF
	D=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff &&
	jq -n -c --arg d $D --arg s ocr --argjson c 90 -f fuzzy.jq | cc-extract >out &&
	jq -c "select(.kind==\"tradeline\") | [.account_mask, .reported, .balance, .status, .opened]" out >got &&
	echo "[\"1234XXXX\",\"2025-03\",10000,\"Open\",\"2019-12-27\"]" >expect &&
	test_cmp expect got &&
	jq -n -c --arg d $D --arg s text --argjson c null -f fuzzy.jq | jq -c "del(.lines[].c)" | cc-extract >out &&
	jq -c "select(.kind==\"tradeline\") | [.account_mask, .reported, .balance, .status]" out >got &&
	echo "[\"1234XXKX\",null,10000,\"updatd 03/2025\"]" >expect &&
	test_cmp expect got
'

# --- hostile pages ------------------------------------------------------------

# page_json DOC PAGE HEIGHT LINES_FILE: a page record whose lines are those
# of the file, one JSON object a line
page_json() {
	printf '{"kind":"page","v":1,"doc":"%s","page":%s,"source":"text","width":612,"height":%s,"dpi":null,"conf":null,"lines":[' "$1" "$2" "$3" &&
	paste -s -d, "$4" | tr -d "\n" &&
	printf ']}\n'
}

test_expect_success 'boxes beyond any page, reversed, or not of numbers: no hang, such lines skipped' '
	cat >boxes.lines <<-\EOF &&
	{"t":"Experian Credit Report","b":[50,20,300,30]}
	{"t":"SPECK","b":[1e300,1.7e308,1.7e308,1.7e308]}
	{"t":"SPECK","b":[-1.7e308,-1.7e308,-1e300,1.7e308]}
	{"t":"Accounts in good standing","b":[50,300,250,312]}
	{"t":"ACME BANK","b":[50,320,150,330]}
	{"t":"Account number","b":[50,332,150,342]}
	{"t":"1234XXXX","b":[200,332,260,342]}
	{"t":"Balance","b":[150,354,50,344]}
	{"t":"$100","b":[260,354,200,344]}
	{"t":"Status","b":["50","356","150","366"]}
	{"t":"Charged off","b":[200,356,280,"366"]}
	{"t":"Comment","b":[-1.7e308,368,1.7e308,378]}
	{"t":"too far","b":[200,368,1000001,378]}
	EOF
	{
		page_json bx 1 792 boxes.lines &&
		page_json bx 2 1.7e308 boxes.lines &&
		page_json bx 3 -5 boxes.lines
	} >boxes &&
	timeout 60 cc-extract boxes >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .account_mask, .balance, .status, .remarks, .src.page]" out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",10000,null,null,1]
	["ACME BANK","1234XXXX",10000,null,null,2]
	["ACME BANK","1234XXXX",10000,null,null,3]
	EOF
	test_cmp expect got
'

test_expect_success 'a page number below 1 or beyond 2147483647: the page rejected alone, exit 1' '
	for p in 0 -1 2147483648 -9223372036854775808 2147483647; do
		echo "{\"kind\":\"page\",\"v\":1,\"doc\":\"pn\",\"page\":$p,\"lines\":[]}"
	done >pagenums &&
	test_expect_code 1 cc-extract pagenums >out 2>err &&
	cat >expect <<-\EOF &&
	cc-extract: pagenums:1: page record with page number 0, not from 1 to 2147483647
	cc-extract: pagenums:2: page record with page number -1, not from 1 to 2147483647
	cc-extract: pagenums:3: page record with page number 2147483648, not from 1 to 2147483647
	cc-extract: pagenums:4: page record with page number -9223372036854775808, not from 1 to 2147483647
	cc-extract: pn: not a layout cc-extract knows (best match 0%); read as labels and values
	EOF
	test_cmp expect err &&
	jq -r "[.kind, .code, .line] | @tsv" out >got &&
	printf "error\trecord.invalid\t%s\n" 1 2 3 4 >expect &&
	printf "consumer\t\t\n" >>expect &&
	test_cmp expect got
'

test_expect_success 'a running head 450000 times, a value wrapped over 300000 lines: no slower than their length' '
	awk "BEGIN { for (i = 0; i < 150000; i++) print \"{\\\"t\\\":\\\"RUNNING HEAD\\\",\\\"b\\\":[50,5,150,15]}\" }" >head.lines &&
	cat >body.lines <<-\EOF &&
	{"t":"Experian Credit Report","b":[50,20,300,30]}
	{"t":"Accounts in good standing","b":[50,40,250,52]}
	{"t":"ACME BANK","b":[50,60,150,70]}
	{"t":"Account number","b":[50,72,150,82]}
	{"t":"1234XXXX","b":[200,72,260,82]}
	{"t":"Comment","b":[50,84,150,94]}
	{"t":"first","b":[200,84,260,94]}
	EOF
	cat head.lines body.lines >page.lines &&
	{
		page_json rh 1 792 page.lines &&
		page_json rh 2 792 page.lines &&
		page_json rh 3 792 page.lines
	} >heads &&
	timeout 60 cc-extract heads >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .account_mask, .remarks]" out >got &&
	printf "[\"ACME BANK\",\"1234XXXX\",\"first\"]\n" >expect &&
	test_cmp expect got &&
	awk "BEGIN { for (i = 0; i < 300000; i++) printf \"{\\\"t\\\":\\\"and more\\\",\\\"b\\\":[200,%d,260,%d]}\n\", 96 + 3 * i, 98 + 3 * i }" >more.lines &&
	cat body.lines more.lines >wrap.lines &&
	page_json wr 1 1000000 wrap.lines >wrapped &&
	timeout 60 cc-extract wrapped >out 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"tradeline\") | .remarks | [length, .[0:18]] | @tsv" out >got &&
	printf "2700005\tfirst and more and\n" >expect &&
	test_cmp expect got
'

test_expect_success 'a lender header row of 150000 labels, a row of 200000 History labels: no slower than their length' '
	cat >lhead.lines <<-\EOF &&
	{"t":"MERGED INFILE CREDIT REPORT","b":[50,5,300,12]}
	{"t":"TRADELINES","b":[50,20,300,30]}
	{"t":"001","b":[20,40,40,50]}
	{"t":"ACME BANK","b":[50,40,120,50]}
	EOF
	awk "BEGIN { for (i = 0; i < 150000; i++) printf \"{\\\"t\\\":\\\"BALANCE\\\",\\\"b\\\":[%.3f,60,%.3f,70]}\n{\\\"t\\\":\\\"%d\\\",\\\"b\\\":[%.3f,72,%.3f,82]}\n\", 50 + i / 1000, 50.5 + i / 1000, i, 50 + i / 1000, 50.5 + i / 1000 }" >wide.lines &&
	cat lhead.lines wide.lines >lw.lines &&
	page_json lw 1 792 lw.lines >lwide &&
	timeout 60 cc-extract -L lender lwide >out 2>err &&
	test_cmp /dev/null err &&
	test $(grep -c "^{\"kind\":\"consumer\"" out) -eq 1 &&
	awk "BEGIN { for (i = 0; i < 200000; i++) printf \"{\\\"t\\\":\\\"History: 12/25; 0000\\\",\\\"b\\\":[%.2f,60,%.2f,70]}\n\", 50 + i / 100, 60 + i / 100 }" >hist.lines &&
	cat lhead.lines hist.lines >lh.lines &&
	page_json lh 1 792 lh.lines >lhist &&
	timeout 60 cc-extract -L lender lhist >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .history]" out >got &&
	echo "[\"ACME BANK\",[{\"m\":\"2025-12\",\"s\":\"OK\"},{\"m\":\"2025-11\",\"s\":\"OK\"},{\"m\":\"2025-10\",\"s\":\"OK\"},{\"m\":\"2025-09\",\"s\":\"OK\"}]]" >expect &&
	test_cmp expect got
'

test_expect_success 'a word cut short, or a value cut into columns, inside a character: the account number kept' '
	cat >cut.jq <<-\EOF &&
	{kind: "page", v: 1, doc: "cl", page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "MERGED INFILE CREDIT REPORT", b: [50, 5, 300, 12]},
	  {t: "TRADELINES", b: [50, 20, 300, 30]},
	  {t: "001", b: [20, 40, 40, 50]},
	  {t: ("ACME BANK " + ("1234567890" * 3) + "12" + ("\u00e9" * 20)), b: [50, 40, 300, 50]},
	  {t: "OPENED", b: [310, 40, 350, 50]}, {t: "BALANCE", b: [360, 40, 400, 50]},
	  {t: "PAYMENT", b: [410, 40, 450, 50]},
	  {t: "01/20", b: [310, 52, 350, 62]}, {t: "$100", b: [360, 52, 400, 62]},
	  {t: "$10", b: [410, 52, 450, 62]}]},
	{kind: "page", v: 1, doc: "cm", page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "Three Bureau Credit Report", b: [50, 5, 300, 15]},
	  {t: "Account History", b: [50, 16, 300, 24]},
	  {t: "ACME BANK", b: [50, 30, 150, 38]},
	  {t: "TransUnion", b: [200, 40, 260, 48]}, {t: "Experian", b: [300, 40, 360, 48]},
	  {t: "Equifax", b: [400, 40, 460, 48]},
	  {t: "Account #:", b: [50, 50, 100, 58]}, {t: ("A" + ("\u00e9" * 11) + "1234"), b: [200, 50, 500, 58]},
	  {t: "Balance:", b: [50, 60, 100, 68]}, {t: "$1", b: [200, 60, 260, 68]},
	  {t: "$2", b: [300, 60, 360, 68]}, {t: "$3", b: [400, 60, 460, 68]}]}
	EOF
	jq -n -c -f cut.jq >cut &&
	cc-extract -L lender cut >out 2>err &&
	cc-extract -L merged3 cut >>out 2>>err &&
	test_cmp /dev/null err &&
	iconv -f UTF-8 -t UTF-8 out >/dev/null &&
	jq -c "select(.kind==\"tradeline\") | [.layout, .bureau, has(\"account_mask\"), .account_mask]" out >got &&
	cat >expect <<-\EOF &&
	["lender",null,true,"12345678901234567890123456789012\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"]
	["merged3","transunion",true,null]
	["merged3","equifax",true,"\u00e9\u00e91234"]
	EOF
	jq -c . expect >want &&
	test_cmp want got
'

test_expect_success 'a full SSN printed where a name, an address or a remark is read: in no record' '
	cat >ssn.jq <<-\EOF &&
	{kind: "page", v: 1, doc: "ss", page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "Experian Credit Report", b: [50, 20, 300, 30]},
	  {t: "Personal information", b: [50, 40, 300, 50]},
	  {t: "Name JANE DOE SSN 123-45-6789", b: [50, 60, 400, 70]},
	  {t: "Current address 1 MAIN ST 123 45 6789", b: [50, 72, 400, 82]},
	  {t: "Report number 123-45-6789", b: [50, 84, 400, 94]},
	  {t: "Social Security number 123-45-6789", b: [50, 96, 400, 106]},
	  {t: "Accounts in good standing", b: [50, 120, 250, 132]},
	  {t: "ACME BANK 123-45-6789", b: [50, 140, 150, 150]},
	  {t: "Account number", b: [50, 152, 150, 162]}, {t: "1234XXXX", b: [200, 152, 260, 162]},
	  {t: "Status", b: [50, 164, 150, 174]}, {t: "Open, SSN 123-45-6789", b: [200, 164, 280, 174]},
	  {t: "Comment", b: [50, 176, 150, 186]}, {t: "SSN 123-45-6789 ok; 1123-45-67890 is not one", b: [200, 176, 280, 186]}]}
	EOF
	jq -n -c -f ssn.jq >ssn &&
	cc-extract ssn >out 2>err &&
	! grep -E "(^|[^0-9])123[- ]45[- ]6789([^0-9]|\$)" out err &&
	jq -c "select(.kind!=\"document\") | del(.kind, .v, .doc, .layout, .bureau, .src, .conf, .id, .history, .uncertain) | with_entries(select(.value != null and .value != [] and .value != false))" out >got &&
	cat >expect <<-\EOF &&
	{"applicant":1,"name":"JANE DOE SSN XXX-XX-6789","addresses":["1 MAIN ST XXX XX 6789"],"ssn_last4":"6789","report_number":"XXX-XX-6789"}
	{"creditor":"ACME BANK XXX-XX-6789","account_mask":"1234XXXX","status":"Open, SSN XXX-XX-6789","status_code":"11","remarks":"SSN XXX-XX-6789 ok; 1123-45-67890 is not one"}
	EOF
	test_cmp expect got
'

test_expect_success 'merged3: a block header read as one line ends the heading above it (no heading of every row before)' '
	cat >hdr.jq <<-\EOF &&
	{kind: "page", v: 1, doc: "hd", page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "Three Bureau Credit Report", b: [50, 2, 300, 10]},
	  {t: "Account History", b: [50, 12, 300, 20]},
	  {t: "EMPTY BANK", b: [200, 30, 300, 38]},
	  {t: "TransUnion Experian Equifax", b: [200, 39, 470, 47]},
	  {t: "ACME BANK", b: [200, 48, 300, 56]},
	  {t: "TransUnion Experian Equifax", b: [200, 57, 470, 65]},
	  {t: "Account #:", b: [50, 66, 100, 74]}, {t: "1111", b: [200, 66, 260, 74]},
	  {t: "2222", b: [310, 66, 370, 74]}, {t: "3333", b: [400, 66, 460, 74]},
	  {t: "Balance:", b: [50, 75, 100, 83]}, {t: "$1", b: [200, 75, 260, 83]},
	  {t: "$2", b: [310, 75, 370, 83]}, {t: "$3", b: [400, 75, 460, 83]}]}
	EOF
	jq -n -c -f hdr.jq >hdr &&
	cc-extract hdr >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"tradeline\") | [.layout, .bureau, .creditor, .account_mask, .balance]" out >got &&
	cat >expect <<-\EOF &&
	["merged3","transunion","ACME BANK","1111",100]
	["merged3","experian","ACME BANK","2222",200]
	["merged3","equifax","ACME BANK","3333",300]
	EOF
	test_cmp expect got
'

# --- options ------------------------------------------------------------------

test_expect_success '--help: the usage on standard output, exit 0; --version' '
	cc-extract --help >out 2>err &&
	test_cmp /dev/null err &&
	head -n 1 out >got &&
	echo "usage: cc-extract [options] [FILE ...]" >expect &&
	test_cmp expect got &&
	grep -q "^  -L, --layout=NAME " out &&
	cc-extract -h >out2 && test_cmp out out2 &&
	cc-extract --version >got &&
	grep -q "^cc-extract [0-9][0-9.]*$" got
'

test_expect_success 'an unknown option: exit 2' '
	test_expect_code 2 cc-extract --bogus </dev/null >out 2>err &&
	test_cmp /dev/null out &&
	cat >expect <<-\EOF &&
	cc-extract: unrecognized option '"'"'--bogus'"'"'
	Try '"'"'cc-extract --help'"'"' for more information.
	EOF
	test_cmp expect err
'

test_expect_success '--list-layouts: the five, in the order they are tried, then generic' '
	cc-extract --list-layouts >got 2>err &&
	test_cmp /dev/null err &&
	printf "equifax\nexperian\nlender\nmerged3\ntransunion\ngeneric\n" >expect &&
	test_cmp expect got
'

test_expect_success '--layout=nosuch: a usage error (2) from a flag, 65 from the environment' '
	test_expect_code 2 cc-extract --layout=nosuch <lend.pages >out 2>err &&
	test_cmp /dev/null out &&
	cat >expect <<-\EOF &&
	cc-extract: --layout: expected a layout of --list-layouts, got nosuch
	Try '"'"'cc-extract --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	CC_EXTRACT_LAYOUT=nosuch test_expect_code 65 cc-extract <lend.pages >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: \$CC_EXTRACT_LAYOUT: '"'"'extract.layout'"'"': expected a layout of --list-layouts, got nosuch" >expect &&
	test_cmp expect err
'

test_expect_success '--layout=experian: every document read as experian, no warning' '
	cc-extract --layout=experian lend.pages unknown >out 2>err &&
	test_cmp /dev/null err &&
	grep "$MADE" out | jq -r "[.doc[0:4], .kind, .layout, .bureau] | @tsv" | uniq >got &&
	printf "71c9\tconsumer\texperian\texperian\ndddd\tconsumer\texperian\texperian\n" >expect &&
	test_cmp expect got &&
	cc-extract -L lender lend.pages >got && test_cmp lend.out got &&
	CC_EXTRACT_LAYOUT=experian cc-extract -L "" lend.pages >got && test_cmp lend.out got
'

test_expect_success '--min-conf out of range or not a number: exit 2' '
	test_expect_code 2 cc-extract --min-conf=2 </dev/null 2>err &&
	cat >expect <<-\EOF &&
	cc-extract: --min-conf: '"'"'extract.min_conf'"'"': expected a number from 0 to 1, got '"'"'2'"'"'
	Try '"'"'cc-extract --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	test_expect_code 2 cc-extract --min-conf=abc </dev/null 2>err &&
	head -n 1 err >got &&
	echo "cc-extract: --min-conf: '"'"'extract.min_conf'"'"': expected a number from 0 to 1, got '"'"'abc'"'"'" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-extract --min-conf=-0.1 </dev/null 2>/dev/null
'

# uncertain FILE...: the "uncertain" field of each tradeline cc-extract made
uncertain() {
	jq -c "select(.kind==\"tradeline\") | .uncertain" "$@"
}

test_expect_success 'min_conf: the default 0.6, the config file, the environment, the flag' '
	mkdir w && cp conf w/ &&
	(cd w && cc-extract conf >out) && uncertain w/out >got &&
	echo "[\"account_mask\"]" >expect && test_cmp expect got &&
	printf "extract: {min_conf: 0.9}\n" >w/cc.yaml &&
	(cd w && cc-extract conf >out) && uncertain w/out >got &&
	echo "[\"account_mask\",\"balance\"]" >expect && test_cmp expect got &&
	(cd w && CC_EXTRACT_MIN_CONF=0 cc-extract conf >out) && uncertain w/out >got &&
	echo "[]" >expect && test_cmp expect got &&
	(cd w && CC_EXTRACT_MIN_CONF=0 cc-extract --min-conf 1 conf >out) && uncertain w/out >got &&
	echo "[\"account_mask\",\"balance\",\"status\"]" >expect && test_cmp expect got &&
	CC_CONFIG=w/cc.yaml cc-extract conf >out && uncertain out >got &&
	echo "[\"account_mask\",\"balance\"]" >expect && test_cmp expect got &&
	cc-extract -c w/cc.yaml --stats conf >out 2>err &&
	echo "cc-extract: 1 documents (0 of unknown layout): 1 tradelines, 0 inquiries, 0 public records, 2 uncertain fields" >expect &&
	test_cmp expect err
'

test_expect_success 'min_conf out of range in the config file or the environment: exit 65' '
	printf "extract:\n  min_conf: 2\n" >bad.yaml &&
	test_expect_code 65 cc-extract -c bad.yaml <conf >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: bad.yaml:2: '"'"'extract.min_conf'"'"': expected a number from 0 to 1, got '"'"'2'"'"'" >expect &&
	test_cmp expect err &&
	: >empty.yaml &&
	CC_EXTRACT_MIN_CONF=2 test_expect_code 65 cc-extract -c empty.yaml <conf >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: environment CC_EXTRACT_MIN_CONF: '"'"'extract.min_conf'"'"': expected a number from 0 to 1, got '"'"'2'"'"'" >expect &&
	test_cmp expect err
'

# --- layout files -------------------------------------------------------------

# layouts DIR: a copy of the installed layout files
layouts() {
	mkdir "$1" && cp "$SRCDIR"/layouts/*.yaml "$1"/
}

test_expect_success '--layouts=/nonexistent: exit 66 before reading input' '
	test_expect_code 66 cc-extract --layouts=/nonexistent <lend.pages >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: cannot read layouts from '"'"'/nonexistent'"'"': No such file or directory" >expect &&
	test_cmp expect err &&
	CC_EXTRACT_LAYOUTS=/nonexistent test_expect_code 66 cc-extract --list-layouts >out 2>err2 &&
	test_cmp expect err2
'

test_expect_success 'a copy of the layouts directory reads the same' '
	layouts same &&
	cc-extract --layouts=same lend.pages >got &&
	test_cmp lend.out got
'

test_expect_success 'the lender'"'"'s layout is hints to the generic reader (style: generic); style: lender, its old name, reads the same; another style: exit 65' '
	grep -x "style: generic" "$SRCDIR/layouts/lender.yaml" &&
	layouts old &&
	sed "s/^style: generic\$/style: lender/" "$SRCDIR/layouts/lender.yaml" >old/lender.yaml &&
	cc-extract --layouts=old lend.pages >got &&
	test_cmp lend.out got &&
	layouts oddstyle &&
	sed "s/^style: generic\$/style: tabular/" "$SRCDIR/layouts/lender.yaml" >oddstyle/lender.yaml &&
	test_expect_code 65 cc-extract --layouts=oddstyle --list-layouts >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: oddstyle/lender.yaml:7: unknown style '"'"'tabular'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a layout file that is not valid YAML: exit 65, the file and line named' '
	layouts broken &&
	printf "layout: acme\nstyle: blocks\ndetect: [ACME\n  - x: [\n" >broken/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=broken <lend.pages >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: broken/acme.yaml:4: invalid YAML: did not find expected '"'"','"'"' or '"'"']'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a layout file with an unknown key, or an unknown field: exit 65' '
	layouts key &&
	printf "# acme\nlayout: acme\nstyle: blocks\nbalnce: 3\n" >key/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=key --list-layouts >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: key/acme.yaml:4: unknown key '"'"'balnce'"'"'" >expect &&
	test_cmp expect err &&
	layouts field &&
	printf "layout: acme\naccount:\n  labels:\n    balnce: [Balance]\n" >field/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=field --list-layouts 2>err &&
	echo "cc-extract: field/acme.yaml:4: unknown field '"'"'balnce'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a status rule with a bad regular expression: exit 65' '
	layouts regex &&
	printf "layout: acme\nstyle: blocks\nstatus:\n  - {match: \"open\", code: current}\n  - {match: \"sold to (\", code: \"93\"}\n" >regex/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=regex <lend.pages >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: regex/acme.yaml:5: bad pattern: Unmatched ( or \\(" >expect &&
	test_cmp expect err
'

test_expect_success 'a layout named twice, or no layout file: exit 65' '
	mkdir twice && cp "$SRCDIR/layouts/experian.yaml" twice/a.yaml &&
	cp "$SRCDIR/layouts/experian.yaml" twice/b.yaml &&
	test_expect_code 65 cc-extract --layouts=twice --list-layouts >out 2>err &&
	echo "cc-extract: layout '"'"'experian'"'"' defined twice, in twice/a.yaml and twice/b.yaml" >expect &&
	test_cmp expect err &&
	mkdir none && touch none/.hidden.yaml none/notes.yml &&
	test_expect_code 65 cc-extract --layouts=none --list-layouts >out 2>err &&
	echo "cc-extract: no layout files (*.yaml) in '"'"'none'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a layout file with an empty label: exit 65 (it would match without end)' '
	layouts empty &&
	printf "layout: acme\nstyle: blocks\ndetect: [ACME]\nconsumer:\n  name: [\"\"]\n" >empty/acme.yaml &&
	test_expect_code 65 timeout 20 cc-extract --layouts=empty --layout=acme <lend.pages >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: empty/acme.yaml:5: an empty label" >expect &&
	test_cmp expect err
'

test_expect_success 'a bad account type of a section, a list in a list of labels: exit 65, nothing leaked' '
	layouts lists &&
	printf "layout: acme\nsections:\n  - {heading: Foo, kind: accounts, type: bogus}\n" >lists/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=lists --list-layouts >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: lists/acme.yaml:3: unknown account type '"'"'bogus'"'"'" >expect &&
	test_cmp expect err &&
	printf "layout: acme\naccount:\n  labels:\n    balance: [Balance, [x]]\n" >lists/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=lists --list-layouts >out 2>err &&
	echo "cc-extract: lists/acme.yaml:4: expected a string" >expect &&
	test_cmp expect err
'

test_expect_success 'a status rule with a back reference: exit 65 (glibc may take exponential time)' '
	layouts backref &&
	cat >backref/acme.yaml <<-\EOF &&
	layout: acme
	status:
	  - {match: "[\\1] ok", code: "11"}
	  - {match: "^(a+)+\\1b", code: "93"}
	EOF
	test_expect_code 65 cc-extract --layouts=backref --list-layouts >out 2>err &&
	test_cmp /dev/null out &&
	printf "%s\n" "cc-extract: backref/acme.yaml:4: bad pattern: a back reference (\\1)" >expect &&
	test_cmp expect err
'

test_expect_success 'a layout'"'"'s own remarks rules and collectors add to common.yaml'"'"'s' '
	layouts own &&
	cat >>own/experian.yaml <<-\EOF &&
	remarks:
	  - {match: "medical payment", reason: default}
	collectors:
	  - "^discover bank$"
	EOF
	cc-extract --layouts=own exp.pages >own.out &&
	jq -r "select(.kind==\"tradeline\") | [.creditor, .negative, (.reasons | join(\",\"))] | @tsv" \
		own.out >got &&
	grep -e "^DISCOVER BANK" -e "^HARRIS" -e "^GOLDMAN" -e "^TRANSWORLD" got >got.some &&
	printf "%s\t%s\t%s\n" \
		"TRANSWORLD SYSTEMS INC" true collection \
		"HARRIS & HARRIS LTD" true collection,default \
		"GOLDMAN SACHS BANK USA" false "" \
		"DISCOVER BANK" true collection >expect &&
	test_cmp expect got.some &&
	jq -r "select(.kind==\"tradeline\") | [.creditor, .negative, (.reasons | join(\",\"))] | @tsv" \
		exp.out | grep -e "^DISCOVER BANK" -e "^HARRIS" >got &&
	printf "%s\t%s\t%s\n" "HARRIS & HARRIS LTD" true collection \
		"DISCOVER BANK" false "" >expect &&
	test_cmp expect got
'

test_expect_success 'bad remarks rules, collectors, status rules and detect phrases: exit 65, where and why' '
	layouts rm &&
	check_layout() {
		printf "layout: acme\n%b" "$1" >rm/acme.yaml &&
		test_expect_code 65 cc-extract --layouts=rm --list-layouts >out 2>err &&
		test_cmp /dev/null out &&
		printf "%s\n" "cc-extract: rm/acme.yaml:$2" >expect &&
		test_cmp expect err
	} &&
	check_layout "remarks:\n  - {match: \"loss\"}\n" \
		"3: a remarks rule needs '"'"'match'"'"' and '"'"'reason'"'"'" &&
	check_layout "remarks:\n  - {match: \"loss\", reason: lost}\n" \
		"3: unknown reason '"'"'lost'"'"'" &&
	check_layout "remarks:\n  - {match: \"loss\", reason: charge_off, code: \"97\"}\n" \
		"3: unknown key '"'"'code'"'"'" &&
	check_layout "remarks: loss\n" "2: remarks: expected a list of rules" &&
	check_layout "collectors:\n  - \"acme (\"\n" "3: bad pattern: Unmatched ( or \\(" &&
	check_layout "collectors:\n  - \"\"\n" "3: expected a pattern" &&
	check_layout "collectors: {a: b}\n" "2: collectors: expected a list of patterns" &&
	check_layout "status:\n  - {match: \"lost\"}\n" \
		"3: a status rule needs '"'"'match'"'"', and '"'"'code'"'"' or '"'"'reason'"'"'" &&
	check_layout "detect:\n  - []\n" "3: detect: an empty list of phrases" &&
	check_layout "detect:\n  - {a: b}\n" "3: detect: expected a phrase or a list of phrases" &&
	check_layout "detect:\n  - [A, [B]]\n" "3: detect: expected a phrase" &&
	check_layout "detect:\n  - A\n  - ~\n" "4: detect: an empty phrase" &&
	check_layout "remarks:\n  - {match: \"loss\", unless: \"(\", reason: charge_off}\n" \
		"3: bad pattern: Unmatched ( or \\("
'

test_expect_success 'a layout file that names a list again and again: exit 65, not millions of labels' '
	layouts alias &&
	{
		printf "layout: acme\naccount:\n  labels:\n" &&
		printf "    ignore: &a [%s]\n" "$(seq -s, 1000 | sed "s/[0-9][0-9]*/L&/g")" &&
		seq 1 5000 | sed "s/.*/    ignore&: *a/"
	} >alias/acme.yaml &&
	test_expect_code 65 cc-extract --layouts=alias --list-layouts >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: alias/acme.yaml:4: more than 20000 labels, list items and pairs" >expect &&
	test_cmp expect err
'

test_expect_success 'a layout file of lists nested 200000 deep: exit 65 at once' '
	layouts deep &&
	{
		echo "layout: acme" && printf "detect: " &&
		awk "BEGIN { for (i = 0; i < 200000; i++) printf \"[\"; for (i = 0; i < 200000; i++) printf \"]\"; print \"\" }"
	} >deep/acme.yaml &&
	test_expect_code 65 timeout 20 cc-extract --layouts=deep --list-layouts >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-extract: deep/acme.yaml:2: lists and mappings nested more than 32 deep" >expect &&
	test_cmp expect err
'

test_expect_success 'the example layout file of cc-extract(1) loads and reads its report' '
	layouts acme &&
	sed -n "/^\.Ss Example/,/^\.Sh/p" "$SRCDIR/man/cc-extract.1" |
		sed "1,/^\.Bd -literal/d; /^\.Ed/,\$d" >acme/acme.yaml &&
	grep -q "^layout: acme$" acme/acme.yaml &&
	cc-extract --layouts=acme --list-layouts >got &&
	printf "acme\nequifax\nexperian\nlender\nmerged3\ntransunion\ngeneric\n" >expect &&
	test_cmp expect got &&
	cat >acme.jq <<-\EOF &&
	{kind: "page", v: 1, doc: $d, page: 1, source: "text", width: 612, height: 792,
	 dpi: null, conf: null, lines: [
	  {t: "ACME Credit Report", b: [50, 20, 300, 34]},
	  {t: "About You", b: [50, 40, 250, 52]},
	  {t: "Name", b: [50, 56, 150, 66]}, {t: "JANE Q PUBLIC", b: [200, 56, 300, 66]},
	  {t: "SSN", b: [50, 68, 150, 78]}, {t: "XXX-XX-1234", b: [200, 68, 300, 78]},
	  {t: "Report date", b: [50, 80, 150, 90]}, {t: "01/15/2026", b: [200, 80, 300, 90]},
	  {t: "Your Accounts", b: [50, 100, 250, 112]},
	  {t: "ACME BANK", b: [50, 116, 150, 126]},
	  {t: "Account", b: [50, 128, 150, 138]}, {t: "1234XXXX", b: [200, 128, 260, 138]},
	  {t: "Opened", b: [50, 140, 150, 150]}, {t: "03/2019", b: [200, 140, 260, 150]},
	  {t: "Balance:", b: [50, 152, 150, 162]}, {t: "$1,234", b: [200, 152, 260, 162]},
	  {t: "Status", b: [50, 164, 150, 174]}, {t: "Sold to ABC collections", b: [200, 164, 360, 174]},
	  {t: "Credit Checks", b: [50, 190, 250, 202]},
	  {t: "Company", b: [50, 206, 150, 216]}, {t: "Date", b: [300, 206, 360, 216]},
	  {t: "ZETA LENDING", b: [50, 218, 150, 228]}, {t: "12/01/2025", b: [300, 218, 360, 228]}]}
	EOF
	jq -n -c --arg d acacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacac -f acme.jq >acme.pages &&
	cc-extract --layouts=acme acme.pages >out 2>err &&
	test_cmp /dev/null err &&
	made <out >got &&
	cat >expect <<-\EOF &&
	{"kind":"consumer","v":1,"doc":"acacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacac","layout":"acme","bureau":"equifax","applicant":1,"name":"JANE Q PUBLIC","addresses":[],"ssn_last4":"1234","birth_year":null,"report_date":"2026-01-15","report_number":null}
	{"kind":"tradeline","v":1,"id":"38d33f585dbc923b","doc":"acacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacac","layout":"acme","bureau":"equifax","account_group":null,"creditor":"ACME BANK","account_mask":"1234XXXX","account_last4":null,"type":null,"loan_type":null,"responsibility":null,"applicants":null,"opened":"2019-03","closed":null,"reported":null,"last_payment":null,"dofd":null,"balance":123400,"limit":null,"high_balance":null,"payment":null,"past_due":null,"charge_off_amount":null,"original_creditor":null,"status":"Sold to ABC collections","status_code":"93","history":[],"remarks":null,"negative":true,"reasons":["collection"],"removal_date":null,"repositories":null,"uncertain":[]}
	{"kind":"inquiry","v":1,"doc":"acacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacac","layout":"acme","bureau":"equifax","creditor":"ZETA LENDING","date":"2025-12-01","type":"hard"}
	EOF
	test_cmp expect got
'

# --- real reports -------------------------------------------------------------

test_expect_success REALDATA 'ml06: the MeridianLink sample, 41 tradelines, exit 0' '
	cc-ingest "$ML/ml06_report.pdf" | cc-ocr --no-cache >ml06.pages &&
	cc-extract ml06.pages >ml06.out 2>err &&
	test_cmp /dev/null err &&
	jq -r .kind ml06.out | sort | uniq -c | sed "s/^ *//" >got &&
	printf "1 consumer\n1 document\n17 inquiry\n41 tradeline\n" >expect &&
	test_cmp expect got &&
	grep "$MADE" ml06.out | jq -r .layout | sort -u >got &&
	echo lender >expect && test_cmp expect got
'

test_expect_success REALDATA 'ml06: the tradelines are the MISMO XML'"'"'s, but for its one known discrepancy' '
	jq -n -r --slurpfile x ml06.out --slurpfile e "$ML/ml06_expected.json" \
		-f "$SRCDIR/tests/data/ml06-check.jq" >check &&
	test $(wc -l <check) -eq 41 &&
	test $(grep -c "^ok " check) -eq 40 &&
	grep -v "^ok " check >got &&
	echo "MISMATCH Account373737 3737373737375699 high_credit=0.00/80000" >expect &&
	test_cmp expect got
'

test_expect_success REALDATA 'ml06: three tradelines negative, each for its printed 30-day lates' '
	jq -c "select(.kind==\"tradeline\" and .negative) | [.creditor, .reasons]" ml06.out | sort >got &&
	cat >expect <<-\EOF &&
	["Accoun6",["late_30"]]
	["Account1313",["late_30"]]
	["Account22B22B22B22",["late_30"]]
	EOF
	test_cmp expect got
'

test_expect_success REALDATA 'ml06: the negatives agree with the report'"'"'s own DEROGATORY SUMMARY' '
	jq -r "select(.kind==\"page\") | .lines[].t" ml06.pages >ml06.txt &&
	summary() {
		awk -v l="$1:" "\$0 == l { getline; print; exit }" ml06.txt
	} &&
	count() {
		jq -r "select(.kind==\"tradeline\" and (.reasons | index(\"$1\"))) | .id" ml06.out | wc -l
	} &&
	test "$(summary "30 DAYS")" = 3 && test "$(count late_30)" -eq 3 &&
	test "$(summary "60 DAYS")" = 0 && test "$(count late_60)" -eq 0 &&
	test "$(summary "CHARGE OFFS")" = 0 && test "$(count charge_off)" -eq 0 &&
	test "$(summary "COLLECTIONS")" = 0 && test "$(count collection)" -eq 0 &&
	last=$(summary "MOST RECENT LATE") && test "$last" = 11/19 &&
	jq -r "select(.kind==\"tradeline\") | .history[] | select(.s != \"OK\" and .s != \"ND\") | .m" \
		ml06.out | sort | tail -n 1 >got &&
	echo "20${last#*/}-${last%/*}" >expect && test_cmp expect got
'

test_expect_success REALDATA 'ml06: the consumer' '
	jq -c "select(.kind==\"consumer\") | [.layout, .bureau, .name, .ssn_last4, .birth_year, .report_date, .report_number]" ml06.out >got &&
	echo "[\"lender\",null,\"TESTCASE, BILL C\",\"0015\",1983,\"2020-01-27\",\"815868\"]" >expect &&
	test_cmp expect got
'

test_expect_success REALDATA 'ml06: the full SSN printed on the report is in no record' '
	grep -q "000-00-0015" ml06.pages &&
	! grep "000-00-0015" ml06.out &&
	! grep "000000015" ml06.out
'

test_expect_success REALDATA 'ml08: the empty report, one consumer and no tradeline, exit 0' '
	cc-ingest "$ML/ml08_empty_report.pdf" | cc-ocr --no-cache | cc-extract >ml08.out 2>err &&
	test_cmp /dev/null err &&
	jq -r .kind ml08.out | tr "\n" " " >got &&
	printf "document consumer " >expect &&
	test_cmp expect got &&
	jq -c "select(.kind==\"consumer\") | [.layout, .name, .ssn_last4, .report_number]" ml08.out >got &&
	echo "[\"lender\",\"TESTCASE, BILL C\",\"0015\",\"815871\"]" >expect &&
	test_cmp expect got &&
	! grep "000-00-0015" ml08.out
'

test_done
