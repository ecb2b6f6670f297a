#!/bin/sh
# cc-letter: dispute records made by hand to PDF letters, read back with
# a second PDF implementation (poppler's pdftotext, pdfinfo) and checked
# by qpdf: the address block, each item, the masked numbers and nothing
# more, HTML in values, round 2's request, the enclosed report pages with
# their highlights, bad input, the output directory, determinism,
# templates and configuration.
. "$(dirname "$0")/test-lib.sh"

test_need_prereq JQ,QPDF,PDFTOTEXT

C=$SRCDIR/testdata/corpus/text
# experian-7-00000.pdf, whose truth gives the items' pages and boxes
D=0314dda60974213d6a1dd67d73b3d5520f1d9150cd110f437175b4246b55dff6
export C D

# text FILE [FIRST [LAST]]: a PDF's text by poppler, ligatures spelt out
text() {
	pdftotext ${2:+-f $2} ${3:+-l $3} "$1" - | sed 's/ﬁ/fi/g; s/ﬂ/fl/g' | tr -d '\f'
}

# dispute ID BUREAU ROUND ITEMS [EXTRA]: a dispute record as cc-dispute
# writes it, for PRIYA P PLACEHOLDER of the corpus report
dispute() {
	printf '{"kind":"dispute","v":1,"id":"%s","doc":"%s","owner":null,"bureau":"%s","round":%s,"status":"draft","consumer":{"name":"PRIYA P PLACEHOLDER","addresses":["4645 SUNSET BLVD, GREENVILLE, SC 44163","2881 WILLOW WAY, ATHENS, GA 33883"],"ssn_last4":"8219","birth_year":2001,"report_number":"1838-596826"},"bureau_address":{"name":"Experian","lines":["P.O. Box 4500","Allen, TX 75013"]},"items":[%s],"previous":null,"created_at":"2026-01-15T00:00:00Z"%s}\n' \
		"$1" "$D" "$2" "$3" "$4" "${5:-}"
}

ITEM1='{"n":1,"tradeline":"259402699b4707ea","doc":"'$D'","creditor":"TRANSWORLD SYSTEMS INC","account_mask":"2776XXXXX","reason_code":"paid_with_balance","reason":"The account is reported as paid but shows a balance.","action":"correct","evidence":{"balance":0},"src":{"page":1,"bbox":[42.0,282.7,570.0,494.6]}}'
ITEM2='{"n":2,"tradeline":"2ddcf25646f63783","doc":"'$D'","creditor":"<script>alert(1)</script> & Co","account_mask":"414720XXXXXXXXXX","reason_code":"not_mine","reason":"This account is not mine.","action":"delete","evidence":{},"src":{"page":4,"bbox":[42.0,204.6,570.0,508.3]}}'
ITEM3='{"n":3,"tradeline":"x3","doc":"'$D'","creditor":"MIDLAND CREDIT MGMT","account_mask":null,"reason_code":"unverifiable","reason":null,"action":"verify","evidence":{},"src":null}'
export ITEM1 ITEM2 ITEM3

test_expect_success 'setup: three disputes, the report they were read from' '
	{
		dispute exp1 experian 1 "$ITEM1,$ITEM2,$ITEM3"
		printf "%s\n" "{\"kind\":\"dispute\",\"v\":1,\"id\":\"eqf2\",\"doc\":\"$D\",\"owner\":\"u1\",\"bureau\":\"equifax\",\"round\":2,\"status\":\"draft\",\"consumer\":{\"name\":\"PRIYA P PLACEHOLDER\",\"addresses\":[\"4645 SUNSET BLVD, GREENVILLE, SC 44163\"],\"ssn_last4\":null,\"birth_year\":null,\"report_number\":null},\"bureau_address\":{\"name\":\"Equifax Information Services LLC\",\"lines\":[\"P.O. Box 740256\",\"Atlanta, GA 30374-0256\"]},\"items\":[{\"n\":1,\"tradeline\":\"t9\",\"doc\":\"$D\",\"creditor\":\"CAPITAL ONE\",\"account_mask\":\"5178XXXXXXXX1234\",\"reason_code\":\"inaccurate_payment_history\",\"reason\":\"The payment history shows a late payment that was paid on time.\",\"action\":\"correct\",\"evidence\":{},\"src\":null}],\"previous\":{\"date\":\"2025-11-20\",\"id\":\"eqf1\"},\"created_at\":\"2026-01-15T00:00:00Z\"}"
		printf "%s\n" "{\"kind\":\"dispute\",\"v\":1,\"id\":\"tu1\",\"bureau\":\"transunion\",\"round\":1,\"consumer\":{\"name\":\"JO O'"'"'NEIL-SMITH\",\"addresses\":[\"1 MAIN ST\"]},\"items\":[{\"creditor\":\"LVNV FUNDING\",\"account_mask\":\"XXXX9876\",\"reason_code\":\"obsolete\",\"action\":\"delete\"}],\"created_at\":\"2026-02-03\"}"
	} >disputes.ndjson &&
	jq -e . disputes.ndjson >/dev/null &&
	mkdir rep && cp "$C/experian-7-00000.pdf" rep/ &&
	cc-ingest rep >docs.ndjson &&
	test "$(jq -r .doc docs.ndjson)" = "$D"
'

test_expect_success 'a letter for each dispute, after it; every record passed through; exit 0' '
	cc-letter -o letters disputes.ndjson >out 2>err &&
	test_cmp /dev/null err &&
	jq -r .kind out | paste -sd" " >got &&
	echo "dispute letter dispute letter dispute letter" >expect &&
	test_cmp expect got &&
	grep -v "^{\"kind\":\"letter\"" out >passed &&
	test_cmp disputes.ndjson passed &&
	jq -c "select(.kind==\"letter\") | del(.bytes, .sha256)" out >got &&
	cat >expect <<-EOF &&
	{"kind":"letter","v":1,"dispute":"exp1","doc":"$D","bureau":"experian","round":1,"path":"letters/experian-round1-exp1.pdf","pages":3}
	{"kind":"letter","v":1,"dispute":"eqf2","doc":"$D","bureau":"equifax","round":2,"path":"letters/equifax-round2-eqf2.pdf","pages":3}
	{"kind":"letter","v":1,"dispute":"tu1","doc":null,"bureau":"transunion","round":1,"path":"letters/transunion-round1-tu1.pdf","pages":2}
	EOF
	test_cmp expect got &&
	ls -A letters >got &&
	printf "%s\n" equifax-round2-eqf2.pdf experian-round1-exp1.pdf transunion-round1-tu1.pdf >expect &&
	test_cmp expect got
'

test_expect_success 'each letter record: its file'"'"'s size, SHA-256 and pages; mode 600' '
	jq -r "select(.kind==\"letter\") | [.path, .bytes, .sha256, .pages] | @tsv" out >recs &&
	while read -r path bytes hash pages; do
		test "$(wc -c <"$path")" -eq "$bytes" &&
		test "$(sha "$path")" = "$hash" &&
		test "$(pdfinfo "$path" | sed -n "s/^Pages: *//p")" -eq "$pages" &&
		test "$(stat -c %a "$path")" = 600 || exit 1
	done <recs
'

test_expect_success 'qpdf --check passes every letter' '
	for f in letters/*.pdf; do
		qpdf --check "$f" >check || { cat check; exit 1; }
	done
'

test_expect_success 'the cover page: not to be mailed, how to send it, the clock' '
	text letters/experian-round1-exp1.pdf 1 1 >p1 &&
	sed -n "1,7p" p1 >got &&
	cat >expect <<-\EOF &&
	COVER SHEET — KEEP THIS PAGE, DO NOT MAIL IT

	Your dispute to Experian
	Prepared for PRIYA P PLACEHOLDER on January 15, 2026. This is the first letter of the dispute. The letter
	disputes 3 items:
	1. TRANSWORLD SYSTEMS INC, account 2776XXXXX: correction requested
	2. <script>alert(1)</script> & Co, account 414720XXXXXXXXXX: deletion requested
	EOF
	test_cmp expect got &&
	grep -q "^by USPS Certified Mail, Return Receipt Requested. Write the certified mail number here:$" p1 &&
	grep -q "^2. Make copies, never originals, of a government-issued photo ID" p1 &&
	grep -q "^4. Keep a complete copy of everything you send, with this sheet.$" p1 &&
	grep -q "Under section 611 of the Fair Credit Reporting Act, 15 U.S.C. §1681i(a)(1), Experian must reinvestigate$" p1 &&
	grep -q "^each item free of charge and finish within 30 days of receiving your dispute, or within 45 days if you send$" p1
'

test_expect_success 'the letter: sender, date, the bureau'"'"'s address, the report number' '
	text letters/experian-round1-exp1.pdf 2 2 >p2 &&
	sed -n "1,10p" p2 >got &&
	cat >expect <<-\EOF &&
	PRIYA P PLACEHOLDER
	4645 SUNSET BLVD
	GREENVILLE, SC 44163
	January 15, 2026
	Experian
	P.O. Box 4500
	Allen, TX 75013
	Re: Dispute of inaccurate information in my credit file — Report number 1838-596826
	To whom it may concern:
	I am writing to dispute the accuracy and completeness of the items listed below, which appear in my credit
	EOF
	test_cmp expect got &&
	grep -q "^Reporting Act (FCRA), 15 U.S.C. §1681i, you must conduct a reasonable reinvestigation of each disputed$" p2 &&
	grep -q "^letter.$" p2
'

test_expect_success 'the identification: name, addresses, year of birth, last 4 of the SSN' '
	sed -n "/^To identify me:$/,/^$/p" p2 >got &&
	cat >expect <<-\EOF &&
	To identify me:
	Name: PRIYA P PLACEHOLDER
	Current address: 4645 SUNSET BLVD, GREENVILLE, SC 44163
	Previous address: 2881 WILLOW WAY, ATHENS, GA 33883
	Year of birth: 2001
	SSN: XXX-XX-8219
	Report number: 1838-596826

	EOF
	test_cmp expect got
'

test_expect_success 'each item: creditor as written (HTML and all), masked account as given, what is wrong, what is asked' '
	sed -n "/^The items I dispute$/,/^$/p" p2 >got &&
	cat >expect <<-\EOF &&
	The items I dispute
	1. TRANSWORLD SYSTEMS INC
	Account number: 2776XXXXX
	What is wrong: The account is reported as paid but shows a balance.
	What I ask: Correct this item so that it is accurate and complete.
	2. <script>alert(1)</script> & Co
	Account number: 414720XXXXXXXXXX
	What is wrong: This account is not mine.
	What I ask: Delete this item from my credit file.
	3. MIDLAND CREDIT MGMT
	Account number: not shown on my report
	What is wrong: I do not believe this item can be verified as reported.
	What I ask: Verify this item with the company that reported it, and delete it if it cannot be verified.

	EOF
	test_cmp expect got
'

test_expect_success 'the closing: results, enclosures, signature; each page footed' '
	text letters/experian-round1-exp1.pdf 3 3 >p3 &&
	cat >expect <<-\EOF &&
	Please send me the results of your reinvestigation in writing, and a free copy of my credit report if it changes
	as a result (§1681i(a)(6)).
	Enclosures:
	• A copy of my government-issued photo identification
	• A copy of a document that shows my current address
	Sincerely,
	______________________________
	PRIYA P PLACEHOLDER

	PRIYA P PLACEHOLDER — dispute to Experian — page 2

	EOF
	test_cmp expect p3 &&
	grep -q "^PRIYA P PLACEHOLDER — dispute to Experian — page 1$" p2
'

test_expect_success 'no number in any letter beyond the records'"'"': no full account number, no SSN' '
	for f in letters/*.pdf; do text "$f"; done >all &&
	! grep -E "[0-9]{7,}" all &&
	! grep -E "[0-9]{3}-[0-9]{2}-[0-9]{4}" all &&
	grep -o "414720[0-9X]*" all | sort -u >got &&
	echo 414720XXXXXXXXXX >expect &&
	test_cmp expect got &&
	grep -o "XXX-XX-[0-9]*" all | sort -u >got &&
	echo XXX-XX-8219 >expect &&
	test_cmp expect got
'

test_expect_success 'round 2: the earlier dispute'"'"'s date and the method of verification (§1681i(a)(7))' '
	text letters/equifax-round2-eqf2.pdf 2 2 >e2 &&
	sed -n "/^Re:/,/^within 15 days/p" e2 >got &&
	cat >expect <<-\EOF &&
	Re: Second dispute of inaccurate information, and request for the method of verification
	To whom it may concern:
	On November 20, 2025 I disputed the items listed below with you, and they remain in my credit file as
	reported. I dispute them again: for each item I state what is wrong and what I ask you to do. Under section
	611 of the Fair Credit Reporting Act (FCRA), 15 U.S.C. §1681i, you must conduct a reasonable
	reinvestigation of each disputed item free of charge, and record its current status or delete it from my file,
	within 30 days of receiving this letter.
	Under 15 U.S.C. §1681i(a)(7), I also request a description of the procedure you used to determine the
	accuracy and completeness of each item (the method of verification), including the business name and
	address of any furnisher of information you contacted and its telephone number if reasonably available,
	within 15 days of receiving this request.
	EOF
	test_cmp expect got &&
	sed -n "/^To identify me:$/,/^$/p" e2 >got &&
	printf "%s\n" "To identify me:" "Name: PRIYA P PLACEHOLDER" \
		"Current address: 4645 SUNSET BLVD, GREENVILLE, SC 44163" "" >expect &&
	test_cmp expect got
'

test_expect_success 'round 3 and later: the letter says which dispute it is, not "Second"' '
	dispute r3 experian 3 "$ITEM3" >r3.ndjson &&
	dispute r12 experian 12 "$ITEM3" >>r3.ndjson &&
	cc-letter -o r3 r3.ndjson >/dev/null &&
	for f in r3/experian-round3-r3.pdf r3/experian-round12-r12.pdf; do
		text "$f" 2 2 | grep "^Re:" || exit 1
	done >got &&
	printf "%s\n" "Re: Third dispute of inaccurate information, and request for the method of verification — Report" \
		"Re: Renewed dispute of inaccurate information, and request for the method of verification — Report" >expect &&
	test_cmp expect got
'

test_expect_success 'the bureau'"'"'s default address, a default reason, a quote in a name' '
	text letters/transunion-round1-tu1.pdf 2 2 >t2 &&
	sed -n "1,8p" t2 >got &&
	cat >expect <<-\EOF &&
	JO O'"'"'NEIL-SMITH
	1 MAIN ST
	February 3, 2026
	TransUnion Consumer Solutions
	P.O. Box 2000
	Chester, PA 19016-2000
	Re: Dispute of inaccurate information in my credit file
	To whom it may concern:
	EOF
	test_cmp expect got &&
	grep -q "^What is wrong: This item is older than the reporting period the FCRA allows (15 U.S.C. §1681c) and must$" t2 &&
	grep -q "^no longer be reported.$" t2
'

test_expect_success '--enclose-pages: each item'"'"'s report page, after the letter, its box highlighted and labelled' '
	cat docs.ndjson disputes.ndjson | cc-letter -o enc --enclose-pages >eout 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"letter\") | \"\(.dispute) \(.pages)\"" eout >got &&
	printf "%s\n" "exp1 5" "eqf2 3" "tu1 2" >expect &&
	test_cmp expect got &&
	qpdf --check enc/experian-round1-exp1.pdf >/dev/null &&
	test "$(pdfinfo enc/experian-round1-exp1.pdf | sed -n "s/^Pages: *//p")" = 5 &&
	text enc/experian-round1-exp1.pdf 4 4 | grep -v "^Item 1$" | grep -v "^$" >got &&
	text rep/experian-7-00000.pdf 1 1 | grep -v "^$" >expect &&
	test_cmp expect got &&
	text enc/experian-round1-exp1.pdf 5 5 | grep -v "^Item 2$" | grep -v "^$" >got &&
	text rep/experian-7-00000.pdf 4 4 | grep -v "^$" >expect &&
	test_cmp expect got &&
	text enc/experian-round1-exp1.pdf 4 4 | grep -c "^Item 1$" >n && test "$(cat n)" = 1 &&
	text enc/experian-round1-exp1.pdf 5 5 | grep -c "^Item 2$" >n && test "$(cat n)" = 1
'

test_expect_success '--enclose-pages: the labels sit in the margin, at the top of the items'"'"' boxes (x0 42, y0 282.7 and 204.6)' '
	for p in 4 5; do
		pdftotext -bbox -f $p -l $p enc/experian-round1-exp1.pdf - |
			sed -n "s/.*xMin=\"\([0-9.]*\)\" yMin=\"\([0-9.]*\)\" xMax=\"[0-9.]*\" yMax=\"[0-9.]*\">Item<.*/\1 \2/p"
	done >got &&
	awk "NR == 1 { ok = \$1 < 42 && \$2 >= 282.7 && \$2 < 290 }
	     NR == 2 { ok = ok && \$1 < 42 && \$2 >= 204.6 && \$2 < 212 }
	     END { exit !(ok && NR == 2) }" got
'

test_expect_success '--enclose-pages: the letter lists the pages it encloses' '
	text enc/experian-round1-exp1.pdf 2 3 >l &&
	grep "^Enclosed: \|^highlighted.$\|^• " l >got &&
	cat >expect <<-\EOF &&
	Enclosed: page 1 of my credit report, with this item highlighted.
	Enclosed: page 4 of my credit report, with this item highlighted.
	• A copy of my government-issued photo identification
	• A copy of a document that shows my current address
	• Page 1 of my credit report, with item 1 highlighted
	• Page 4 of my credit report, with item 2 highlighted
	EOF
	test_cmp expect got
'

test_expect_success 'the same input gives the same bytes, with enclosures or without' '
	cc-letter -o again disputes.ndjson | sed "s|\"again/|\"letters/|" >out2 &&
	test_cmp out out2 &&
	for f in letters/*.pdf; do cmp "$f" "again/${f#letters/}" || exit 1; done &&
	cat docs.ndjson disputes.ndjson | cc-letter -o enc2 --enclose-pages >eout2 &&
	sed "s/enc2/enc/" eout2 >eout2.s && test_cmp eout eout2.s &&
	cmp enc/experian-round1-exp1.pdf enc2/experian-round1-exp1.pdf
'

test_expect_success 'bad disputes among good ones: error records, diagnostics, exit 1, no file for them' '
	{
		dispute ok1 experian 1 "$ITEM3"
		dispute noaddr experian 1 "$ITEM3" | jq -c ".consumer.addresses = []"
		dispute badbureau equifacks 1 "$ITEM3"
		echo "{\"kind\":\"dispute\",\"id\":"
		dispute noitems experian 1 ""
		dispute "../up" experian 1 "$ITEM3"
		dispute ok2 transunion 3 "$ITEM3"
	} >bad.ndjson &&
	test_expect_code 1 cc-letter -o badout bad.ndjson >out 2>err &&
	cat >expect <<-\EOF &&
	cc-letter: bad.ndjson:2: dispute record: no "consumer.addresses": the consumer'"'"'s current address is needed
	cc-letter: bad.ndjson:3: unknown bureau '"'"'equifacks'"'"' (expected experian, equifax or transunion)
	cc-letter: bad.ndjson:4: invalid JSON: unexpected token near end of file at column 23
	cc-letter: bad.ndjson:5: dispute record: no "items" to dispute
	cc-letter: bad.ndjson:6: dispute record: "id" is not 1 to 128 letters, digits, '"'"'.'"'"', '"'"'_'"'"' or '"'"'-'"'"' (it names the file)
	EOF
	test_cmp expect err &&
	jq -c "select(.kind==\"error\") | [.stage, .doc != null, .line, .code]" out >got &&
	cat >expect <<-\EOF &&
	["letter",true,2,"record.invalid"]
	["letter",true,3,"letter.bureau"]
	["letter",false,4,"json.syntax"]
	["letter",true,5,"record.invalid"]
	["letter",true,6,"record.invalid"]
	EOF
	test_cmp expect got &&
	jq -r .kind out | sort | uniq -c | sed "s/^ *//" >got &&
	printf "%s\n" "6 dispute" "5 error" "2 letter" >expect &&
	test_cmp expect got &&
	ls -A badout >got &&
	printf "%s\n" experian-round1-ok1.pdf transunion-round3-ok2.pdf >expect &&
	test_cmp expect got &&
	! ls -A . | grep "^up" &&
	! ls -A .. | grep "round1-\.\./up"
'

test_expect_success '--strict stops at the first bad record' '
	test_expect_code 1 cc-letter --strict -o strict bad.ndjson >out 2>err &&
	test $(wc -l <err) -eq 1 &&
	ls strict >got && echo experian-round1-ok1.pdf >expect && test_cmp expect got
'

test_expect_success '--enclose-pages: a report that is gone, changed, not in the stream, or without the page' '
	mkdir gone && cp rep/experian-7-00000.pdf gone/ &&
	cc-ingest gone >gone.docs && rm gone/experian-7-00000.pdf &&
	dispute e1 experian 1 "$ITEM1" >one.ndjson &&
	cat gone.docs one.ndjson | test_expect_code 1 cc-letter -o x1 --enclose-pages >out 2>err &&
	echo "cc-letter: <stdin>:2: item 1: cannot enclose a page of '"'"'gone/experian-7-00000.pdf'"'"': No such file or directory" >expect &&
	test_cmp expect err &&
	jq -r "select(.kind==\"error\") | .code" out >got && echo file.unreadable >expect && test_cmp expect got &&
	cp "$C/equifax-7-00000.pdf" gone/experian-7-00000.pdf &&
	cat gone.docs one.ndjson | test_expect_code 1 cc-letter -o x1 --enclose-pages >out 2>err &&
	echo "cc-letter: <stdin>:2: item 1: cannot enclose a page of '"'"'gone/experian-7-00000.pdf'"'"': the file is not the one ingested (its SHA-256 is not the record'"'"'s doc)" >expect &&
	test_cmp expect err &&
	jq -r "select(.kind==\"error\") | .code" out >got && echo file.changed >expect && test_cmp expect got &&
	test_expect_code 1 cc-letter -o x1 --enclose-pages one.ndjson >out 2>err &&
	echo "cc-letter: one.ndjson:1: item 1: no document record for its report (doc 0314dda60974) came before the dispute" >expect &&
	test_cmp expect err &&
	jq -r "select(.kind==\"error\") | .code" out >got && echo letter.enclosure >expect && test_cmp expect got &&
	dispute e1 experian 1 "$ITEM1" | sed "s/\"page\":1,/\"page\":99,/" >p99.ndjson &&
	cat docs.ndjson p99.ndjson | test_expect_code 1 cc-letter -o x1 --enclose-pages >out 2>err &&
	echo "cc-letter: <stdin>:2: item 1: its report '"'"'rep/experian-7-00000.pdf'"'"' has no page 99" >expect &&
	test_cmp expect err &&
	test ! -e x1/experian-round1-e1.pdf &&
	ls -A x1 >got && test_cmp /dev/null got &&
	cc-letter -o x1 one.ndjson >/dev/null &&
	ls x1 >got && echo experian-round1-e1.pdf >expect && test_cmp expect got
'

test_expect_success 'an output directory that cannot be made: exit 74 before any input; no -o: usage' '
	: >afile &&
	test_expect_code 74 cc-letter -o afile/sub disputes.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-letter: cannot create the output directory '"'"'afile/sub'"'"': Not a directory" >expect &&
	test_cmp expect err &&
	test_expect_code 2 cc-letter disputes.ndjson >out 2>err &&
	printf "%s\n" "cc-letter: no output directory: give -o DIR" \
		"Try '"'"'cc-letter --help'"'"' for more information." >expect &&
	test_cmp expect err &&
	test_expect_code 2 cc-letter --bogus 2>err &&
	mkdir made && cc-letter -o made/a/b disputes.ndjson >/dev/null && test -d made/a/b
'

test_expect_success 'a letter that cannot be written: file.write, the others written, no temporary file left, exit 74' '
	mkdir -p wr/experian-round1-exp1.pdf &&
	test_expect_code 74 cc-letter -o wr disputes.ndjson >out 2>err &&
	echo "cc-letter: disputes.ndjson:1: cannot write '"'"'wr/experian-round1-exp1.pdf'"'"': Is a directory" >expect &&
	test_cmp expect err &&
	jq -c "select(.kind==\"error\") | [.line, .code]" out >got &&
	echo "[1,\"file.write\"]" >expect && test_cmp expect got &&
	ls -A wr >got &&
	printf "%s\n" equifax-round2-eqf2.pdf experian-round1-exp1.pdf transunion-round1-tu1.pdf >expect &&
	test_cmp expect got
'

test_expect_success 'templates: a directory of one'"'"'s own, a per-bureau override, by option, variable or key' '
	mkdir tpl && cp "$CC_BUILD/share/cc/templates/"* tpl/ &&
	echo "<p>Custom letter for {{consumer.name}} to {{bureau.name}}.</p>" >tpl/letter-transunion.html &&
	cc-letter -t tpl -o custom disputes.ndjson >/dev/null &&
	text custom/transunion-round1-tu1.pdf 2 2 >got &&
	printf "%s\n" "Custom letter for JO O'"'"'NEIL-SMITH to TransUnion." "" \
		"JO O'"'"'NEIL-SMITH — dispute to TransUnion — page 1" "" >expect &&
	test_cmp expect got &&
	cmp custom/experian-round1-exp1.pdf letters/experian-round1-exp1.pdf &&
	CC_LETTER_TEMPLATES=tpl cc-letter -o custom2 disputes.ndjson >/dev/null &&
	cmp custom/transunion-round1-tu1.pdf custom2/transunion-round1-tu1.pdf &&
	printf "letter:\n  templates: tpl\n  output: custom3\n" >cc.yaml &&
	cc-letter disputes.ndjson >/dev/null &&
	rm cc.yaml &&
	cmp custom/transunion-round1-tu1.pdf custom3/transunion-round1-tu1.pdf
'

test_expect_success 'templates that cannot be used: no directory (66), a misspelt name (65), raw output (65)' '
	test_expect_code 66 cc-letter -t nodir -o x2 disputes.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-letter: cannot open the templates directory '"'"'nodir'"'"': No such file or directory" >expect &&
	test_cmp expect err &&
	printf "<p>\n{{consumer.nmae}}</p>\n" >tpl/letter-equifax.html &&
	test_expect_code 65 cc-letter -t tpl -o x2 disputes.ndjson >out 2>err &&
	echo "cc-letter: tpl/letter-equifax.html:2: unknown name '"'"'consumer.nmae'"'"'" >expect &&
	test_cmp expect err &&
	printf "{{{consumer.name}}}\n" >tpl/letter-equifax.html &&
	test_expect_code 65 cc-letter -t tpl -o x2 disputes.ndjson 2>err &&
	echo "cc-letter: tpl/letter-equifax.html:1: unescaped output '"'"'{{{'"'"' is not allowed: every value is escaped" >expect &&
	test_cmp expect err &&
	rm tpl/letter-equifax.html tpl/letter.css &&
	test_expect_code 66 cc-letter -t tpl -o x2 disputes.ndjson 2>err &&
	echo "cc-letter: no letter.css in the templates directory '"'"'tpl'"'"'" >expect &&
	test_cmp expect err &&
	test ! -e x2
'

test_expect_success 'two applicants: cc-dispute | cc-letter, a letter from each applicant, with their accounts and the joint one' '
	A="\"kind\":\"consumer\",\"v\":1,\"doc\":\"j1\",\"layout\":\"lender\",\"bureau\":null" &&
	T="\"kind\":\"tradeline\",\"v\":1,\"doc\":\"j1\",\"layout\":\"lender\",\"bureau\":null,\"repositories\":[\"transunion\"],\"opened\":\"2020-01\",\"negative\":true,\"reasons\":[\"collection\"]" &&
	cat >two.ndjson <<-EOF &&
	{$A,"applicant":1,"name":"JANE Q DOE","addresses":["1 MAIN ST, SPRINGFIELD, IL 62701"],"ssn_last4":"0417","birth_year":1971,"report_date":"2026-01-10","report_number":"F-1"}
	{$A,"applicant":2,"name":"JOHN R ROE","addresses":["9 OAK AVE, PEORIA, IL 61602"],"ssn_last4":"0588","birth_year":1968,"report_date":"2026-01-10","report_number":"F-1"}
	{$T,"id":"a1","applicants":[1],"creditor":"A BANK","account_mask":"XXXX1111"}
	{$T,"id":"b2","applicants":[2],"creditor":"B BANK","account_mask":"XXXX2222"}
	{$T,"id":"c12","applicants":[1,2],"creditor":"C JOINT","account_mask":"XXXX3333"}
	EOF
	cc-dispute --as-of 2026-01-15 two.ndjson | cc-letter -o two >out 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"dispute\") | [.applicant, .consumer.name] | @tsv" out >got &&
	printf "1\tJANE Q DOE\n2\tJOHN R ROE\n" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"letter\") | .path" out >paths &&
	test $(wc -l <paths) -eq 2 &&
	for p in $(cat paths); do
		text "$p" 2 >t &&
		{
			head -n 3 t &&
			grep -E "^(Name|Current address|Year of birth|SSN): |^[0-9]\. " t &&
			sed -n "/^______/{n;p;}" t
		} || exit 1
	done >got &&
	cat >expect <<-\EOF &&
	JANE Q DOE
	1 MAIN ST
	SPRINGFIELD, IL 62701
	Name: JANE Q DOE
	Current address: 1 MAIN ST, SPRINGFIELD, IL 62701
	Year of birth: 1971
	SSN: XXX-XX-0417
	1. A BANK
	2. C JOINT
	JANE Q DOE
	JOHN R ROE
	9 OAK AVE
	PEORIA, IL 61602
	Name: JOHN R ROE
	Current address: 9 OAK AVE, PEORIA, IL 61602
	Year of birth: 1968
	SSN: XXX-XX-0588
	1. B BANK
	2. C JOINT
	JOHN R ROE
	EOF
	test_cmp expect got &&
	text "$(sed -n 1p paths)" >t1 && text "$(sed -n 2p paths)" >t2 &&
	! grep -w -E "JOHN|ROE|0588|1968|PEORIA|B BANK" t1 &&
	! grep -w -E "JANE|DOE|0417|1971|SPRINGFIELD|A BANK" t2
'

test_expect_success 'an item whose creditor the report does not name' '
	dispute nocred experian 1 "$(echo "$ITEM3" | sed "s/\"MIDLAND CREDIT MGMT\"/null/")" >nc.ndjson &&
	cc-letter -o nc nc.ndjson >/dev/null &&
	text nc/experian-round1-nocred.pdf 2 2 | grep "^3\. " >got &&
	echo "3. Creditor not named on my report" >expect &&
	test_cmp expect got
'

test_expect_success 'a record made by hand with a whole account number: the letter shows its last four only' '
	FULL="{\"n\":1,\"creditor\":\"A\",\"account_mask\":\"4147123412341234\",\"reason_code\":\"not_mine\",\"action\":\"delete\"}" &&
	DRESSED="{\"n\":2,\"creditor\":\"B\",\"account_mask\":\"4147123412341234X\",\"reason_code\":\"not_mine\",\"action\":\"delete\"}" &&
	dispute full experian 1 "$FULL,$DRESSED" >full.ndjson &&
	cc-letter -o full full.ndjson >/dev/null &&
	text full/experian-round1-full.pdf >all &&
	! grep -E "[0-9]{7,}" all &&
	grep "^Account number:" all >got &&
	printf "%s\n" "Account number: XXXXXXXXXXXX1234" "Account number: XXXXXXXXXXXXX234X" >expect &&
	test_cmp expect got
'

test_expect_success 'a NUL, an overlong text or a day the month has not: an error record, fast; no control character echoed' '
	dispute nul experian 1 "$ITEM3" | jq -c ".consumer.name = \"A\u0000B\"" >hostile.ndjson &&
	dispute long experian 1 "$ITEM3" | jq -c ".consumer.name = (\"N\" * 200000)" >>hostile.ndjson &&
	dispute longline experian 1 "$ITEM3" | jq -c ".bureau_address.lines = [\"L\" * 1001]" >>hostile.ndjson &&
	dispute feb31 experian 1 "$ITEM3" | jq -c ".created_at = \"2026-02-31T00:00:00Z\"" >>hostile.ndjson &&
	dispute ctl "ex\\u001b[2Jp" 1 "$ITEM3" >>hostile.ndjson &&
	dispute leap experian 1 "$ITEM3" | jq -c ".created_at = \"2024-02-29\"" >>hostile.ndjson &&
	test_expect_code 1 cc-letter -o hostile hostile.ndjson >out 2>err &&
	cat >expect <<-\EOF &&
	cc-letter: hostile.ndjson:1: dispute record: "consumer.name" holds a NUL character
	cc-letter: hostile.ndjson:2: dispute record: "consumer.name" is longer than 1000 bytes
	cc-letter: hostile.ndjson:3: dispute record: "bureau_address.lines" is longer than 1000 bytes
	cc-letter: hostile.ndjson:4: dispute record: "created_at" is not a date
	cc-letter: hostile.ndjson:5: unknown bureau '"'"'ex?[2Jp'"'"' (expected experian, equifax or transunion)
	EOF
	test_cmp expect err &&
	ls -A hostile >got && echo experian-round1-leap.pdf >expect && test_cmp expect got
'

test_expect_success 'a file named like a template but with no extension: exit 65, not a crash' '
	mkdir tpl2 && cp "$CC_BUILD/share/cc/templates/"* tpl2/ &&
	: >tpl2/letter-draft &&
	test_expect_code 65 cc-letter -t tpl2 -o x3 disputes.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-letter: '"'"'tpl2/letter-draft'"'"' is not a template name: expected cover, letter (.html) or letter (.css), then -BUREAU, -roundN or both" >expect &&
	test_cmp expect err
'

test_expect_success '--html: a letter that cannot be written leaves no HTML of it behind' '
	mkdir -p hw/experian-round1-exp1.pdf &&
	test_expect_code 74 cc-letter --html -o hw disputes.ndjson >out 2>err &&
	ls -A hw >got &&
	printf "%s\n" equifax-round2-eqf2.html equifax-round2-eqf2.pdf experian-round1-exp1.pdf \
		transunion-round1-tu1.html transunion-round1-tu1.pdf >expect &&
	test_cmp expect got
'

test_expect_success MAKE 'make install: the templates where the installed cc-letter finds them' '
	make -s -C "$SRCDIR" install NOBUILD=1 O="$CC_BUILD" DESTDIR="$TRASH/root" PREFIX=/usr >log 2>&1 &&
	ls root/usr/share/cc/templates >got &&
	printf "%s\n" cover.html letter.css letter.html >expect &&
	test_cmp expect got &&
	test -f root/usr/share/man/man1/cc-letter.1 &&
	root/usr/bin/cc-letter -o inst disputes.ndjson >/dev/null &&
	cmp inst/experian-round1-exp1.pdf letters/experian-round1-exp1.pdf
'

test_expect_success 'other records pass through as they were, in order; --stats' '
	{ cat docs.ndjson; echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"t\"}"; sed -n 3p disputes.ndjson; } >mixed &&
	cc-letter --stats -o st mixed >out 2>err &&
	head -n 3 out >got && test_cmp mixed got &&
	echo "cc-letter: 1 disputes: 1 letters written (2 pages), 0 rejected" >expect &&
	test_cmp expect err
'

test_done
