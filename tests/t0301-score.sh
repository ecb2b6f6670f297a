#!/bin/sh
# cc-score: hand-made truth/extraction pairs scored exactly (perfect, a
# missing tradeline, a wrong balance, a wrong negative flag, masks, extras,
# unknown documents, thresholds, gzip, bad lines, usage), then the truth of
# every cc-synth layout scored against itself, and random designs as
# "generic".
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

D=$SRCDIR/testdata/score
A=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
B=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
C=cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
export D A B C

# part JQ-PATH <out: the part of the score record, as jq prints it compactly
part() {
	jq -c "select(.kind==\"score\") | $1"
}

# edit JQ-FILTER: the extraction with the tradelines changed by the filter
edit() {
	jq -c "if .kind==\"tradeline\" then $1 else . end" "$D/extracted.ndjson"
}

# tl DOC BUREAU CREDITOR MASK BALANCE: a tradeline with those fields
tl() {
	jq -n -c --arg doc "$1" --argjson bureau "$2" --arg cred "$3" \
		--arg mask "$4" --argjson bal "$5" '{kind:"tradeline",v:1,
		doc:$doc,layout:"experian",bureau:$bureau,creditor:$cred,
		account_mask:$mask,balance:$bal,negative:false,reasons:[]}'
}

# the table line of a layout
row() {
	grep "^$1 " err
}

test_expect_success 'a perfect extraction scores 1 everywhere, exactly' '
	cc-score --truth "$D/truth.ndjson" "$D/extracted.ndjson" >out 2>err &&
	test_cmp "$D/perfect.out" out &&
	cat >expect <<-\EOF &&
	layout      docs  truth   extr  match  recall    prec  fields   neg-P   neg-R   inq-R   pub-R
	experian       1      3      3      3  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%
	lender         1      2      2      2  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%       -
	overall        2      5      5      5  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%
	EOF
	test_cmp expect err
'

test_expect_success 'the extracted records may come on standard input' '
	cc-score -t "$D/truth.ndjson" <"$D/extracted.ndjson" >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out &&
	cc-score -t "$D/truth.ndjson" - <"$D/extracted.ndjson" >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out
'

test_expect_success 'the truth may come on standard input when the extraction is a file' '
	cc-score --truth - "$D/extracted.ndjson" <"$D/truth.ndjson" >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out
'

test_expect_success 'unscored fields (id, layout, src, conf, ...) and record order do not matter' '
	edit ".id=\"x\" | .src=null | .conf=0.5 | .layout=\"zzz\" | .account_group=\"g\" | .repositories=[]" |
		sort -r >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out
'

test_expect_success 'numbers compare by value, a missing field as null' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .balance=123400.0 | del(.closed) else . end" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out
'

test_expect_success 'only documents seen in the extraction are scored; --all scores every one' '
	grep -v "\"doc\":\"$B\"" "$D/extracted.ndjson" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>err &&
	part "[.overall.docs, .overall.tradelines, (.layouts|keys)]" <out >got &&
	echo "[1,{\"truth\":3,\"extracted\":3,\"matched\":3,\"recall\":1,\"precision\":1},[\"experian\"]]" >expect &&
	test_cmp expect got &&
	cc-score --all --truth "$D/truth.ndjson" "$D/extracted.ndjson" >out 2>err &&
	part "[.overall.docs, .overall.tradelines, (.layouts|keys_unsorted)]" <out >got &&
	echo "[3,{\"truth\":6,\"extracted\":5,\"matched\":5,\"recall\":0.833333,\"precision\":1},[\"experian\",\"equifax\",\"lender\"]]" >expect &&
	test_cmp expect got &&
	cat >expect <<-\EOF &&
	equifax        1      1      0      0    0.0%       -       -       -       -       -       -
	overall        3      6      5      5   83.3%  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%
	EOF
	{ row equifax && row overall; } >got &&
	test_cmp expect got
'

test_expect_success 'a document with no extracted record at all still counts' '
	grep "\"doc\":\"$A\"" "$D/extracted.ndjson" >ext &&
	grep "\"kind\":\"document\".*\"doc\":\"$B\"" "$D/extracted.ndjson" >>ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.tradelines, .layouts.lender.tradelines" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":5,"extracted":3,"matched":3,"recall":0.6,"precision":1}
	{"truth":2,"extracted":0,"matched":0,"recall":0,"precision":null}
	EOF
	test_cmp expect got &&
	echo "lender         1      2      0      0    0.0%       -       -       -       -    0.0%       -" >expect &&
	row lender >got &&
	test_cmp expect got
'

test_expect_success 'one missing tradeline: recall 2/3, and --details names it' '
	grep "\"doc\":\"$A\"" "$D/extracted.ndjson" | grep -v 8455XXXXX >ext &&
	cc-score --details --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.tradelines, .overall.negative" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":3,"extracted":2,"matched":2,"recall":0.666667,"precision":1}
	{"truth":1,"extracted":1,"true_positive":1,"recall":1,"precision":1,"missed_tradelines":1}
	EOF
	test_cmp expect got &&
	grep "\"recall\":0.666667,\"precision\":1.0}" out >/dev/null &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$A","layout":"experian","bureau":"experian","what":"tradeline","id":"2222222222222222","creditor":"MIDLAND CREDIT MANAGEMENT","account_mask":"8455XXXXX"}
	EOF
	test_cmp expect misses &&
	echo "experian       1      3      2      2   66.7%  100.0%  100.0%  100.0%  100.0%  100.0%  100.0%" >expect &&
	row experian >got &&
	test_cmp expect got
'

test_expect_success 'one wrong balance: field accuracy 129/130, the field shown with --details' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .balance=123500 else . end" >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part "[.overall.fields.compared, .overall.fields.correct, .overall.fields.accuracy, .overall.fields.by_field.balance, .overall.fields.by_field.limit, .layouts.experian.fields.accuracy, .layouts.lender.fields.accuracy, .overall.tradelines.recall]" <out >got &&
	echo "[130,129,0.992308,0.8,1,0.987179,1,1]" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$A","layout":"experian","bureau":"experian","what":"field","id":"1111111111111111","creditor":"CAPITAL ONE","account_mask":"517805XXXXXXXXXX","field":"balance","expected":123400,"got":123500}
	EOF
	test_cmp expect misses &&
	cat >expect <<-\EOF &&
	experian       1      3      3      3  100.0%  100.0%   98.7%  100.0%  100.0%  100.0%  100.0%
	overall        2      5      5      5  100.0%  100.0%   99.2%  100.0%  100.0%  100.0%  100.0%
	fields below 100%: balance 80.0%
	EOF
	{ row experian && row overall && grep "^fields" err; } >got &&
	test_cmp expect got
'

test_expect_success 'a wrong negative flag: a false positive lowers precision' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .negative=true else . end" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.negative, .overall.fields.by_field.negative" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":3,"extracted":4,"true_positive":3,"recall":1,"precision":0.75,"missed_tradelines":0}
	0.8
	EOF
	test_cmp expect got &&
	echo "overall        2      5      5      5  100.0%  100.0%   99.2%   75.0%  100.0%  100.0%  100.0%" >expect &&
	row overall >got &&
	test_cmp expect got
'

test_expect_success 'a wrong negative flag: a false negative lowers recall' '
	edit "if .account_mask==\"XXXXXXXXXXXX8220\" then .negative=false else . end" >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.negative, .layouts.lender.negative" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":3,"extracted":2,"true_positive":2,"recall":0.666667,"precision":1,"missed_tradelines":0}
	{"truth":1,"extracted":0,"true_positive":0,"recall":0,"precision":null,"missed_tradelines":0}
	EOF
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$B","layout":"lender","bureau":null,"what":"field","id":"4444444444444444","creditor":"DISCOVER BANK","account_mask":"XXXXXXXXXXXX8220","field":"negative","expected":true,"got":false}
	EOF
	test_cmp expect misses
'

# joint: the lender report of two applicants, its accounts the first's,
# the second's, or both's
joint() {
	jq -c "if .kind==\"tradeline\" and .doc==\"$B\" then
		(if .account_mask==\"XXXXXXXXXXXX8220\" then .applicants=[1,2] else .applicants=[2] end)
	       else . end" "$1"
}

test_expect_success 'applicants: every account tied to the right applicant, null only to null' '
	joint "$D/truth.ndjson" >truth &&
	joint "$D/extracted.ndjson" >ext &&
	cc-score --truth truth ext >out 2>err &&
	part ".overall.fields.by_field.applicants" <out >got &&
	echo 1 >expect && test_cmp expect got &&
	test_cmp "$D/perfect.out" out &&
	cc-score -d --truth truth "$D/extracted.ndjson" >out 2>err &&
	part "[.overall.fields.by_field.applicants, .layouts.lender.fields.by_field.applicants, .layouts.experian.fields.by_field.applicants, .overall.fields.correct]" <out >got &&
	echo "[0.6,0,1,128]" >expect &&
	test_cmp expect got &&
	jq -c "select(.kind==\"score_miss\") | [.what, .account_mask, .field, .expected, .got]" out >got &&
	cat >expect <<-\EOF &&
	["field","XXXXXXXXXXXX8220","applicants",[1,2],null]
	["field","XXXXXXXXX1130","applicants",[2],null]
	EOF
	test_cmp expect got &&
	cat >expect <<-\EOF &&
	lender         1      2      2      2  100.0%  100.0%   96.2%  100.0%  100.0%  100.0%       -
	overall        2      5      5      5  100.0%  100.0%   98.5%  100.0%  100.0%  100.0%  100.0%
	fields below 100%: applicants 60.0%
	EOF
	{ row lender && row overall && grep "^fields" err; } >got &&
	test_cmp expect got &&
	jq -c "if .account_mask==\"XXXXXXXXXXXX8220\" then .applicants=[2,1]
	       elif .account_mask==\"517805XXXXXXXXXX\" then .applicants=[1]
	       else . end" ext >ext2 &&
	cc-score -d --truth truth ext2 >out 2>err &&
	jq -c "select(.kind==\"score_miss\") | [.what, .account_mask, .field, .expected, .got]" out >got &&
	cat >expect <<-\EOF &&
	["field","517805XXXXXXXXXX","applicants",null,[1]]
	["field","XXXXXXXXXXXX8220","applicants",[1,2],[2,1]]
	EOF
	test_cmp expect got &&
	grep "^fields" err >got &&
	echo "fields below 100%: applicants 60.0%" >expect &&
	test_cmp expect got
'

# co DOC-FILE: the co-applicant of the lender report after its borrower
co() {
	jq -c "., if .kind==\"consumer\" and .doc==\"$B\" then
		.applicant=2 | .name=\"DOEMAN, MARIA L\" | .ssn_last4=\"7012\" | .birth_year=1986
	       else empty end" "$1"
}

test_expect_success 'consumers: paired on bureau and applicant, their fields scored' '
	co "$D/truth.ndjson" >truth &&
	co "$D/extracted.ndjson" >ext &&
	cc-score --truth truth ext >out 2>err &&
	part ".overall.consumers | [.truth, .extracted, .matched, .recall, .fields.compared, .fields.accuracy]" <out >got &&
	echo "[3,3,3,1,18,1]" >expect &&
	test_cmp expect got &&
	! grep "^consumers" err &&
	cc-score -d --truth truth "$D/extracted.ndjson" >out 2>err &&
	part "[.overall.consumers.recall, .layouts.lender.consumers.recall, .layouts.experian.consumers.recall]" <out >got &&
	echo "[0.666667,0.5,1]" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$B","layout":"lender","bureau":null,"what":"consumer","applicant":2,"name":"DOEMAN, MARIA L"}
	EOF
	test_cmp expect misses &&
	grep "^consumers" err >got &&
	echo "consumers below 100%: recall 66.7%" >expect &&
	test_cmp expect got &&
	jq -c "if .kind==\"consumer\" and .applicant==2 then .birth_year=1968 else . end" ext >ext2 &&
	cc-score -d --truth truth ext2 >out 2>err &&
	part ".overall.consumers.fields | [.compared, .correct, .by_field.birth_year, .by_field.name]" <out >got &&
	echo "[18,17,0.666667,1]" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$B","layout":"lender","bureau":null,"what":"consumer_field","applicant":2,"name":"DOEMAN, MARIA L","field":"birth_year","expected":1986,"got":1968}
	EOF
	test_cmp expect misses &&
	grep "^consumers" err >got &&
	echo "consumers below 100%: birth_year 66.7%" >expect &&
	test_cmp expect got
'

test_expect_success 'consumers: an applicant missing or wrong pairs with nobody' '
	co "$D/truth.ndjson" >truth &&
	co "$D/extracted.ndjson" | jq -c "if .kind==\"consumer\" and .applicant==2 then del(.applicant) else . end" >ext &&
	cc-score -d --truth truth ext >out 2>err &&
	part ".overall.consumers | [.truth, .extracted, .matched]" <out >got &&
	echo "[3,3,2]" >expect &&
	test_cmp expect got &&
	jq -c "select(.kind==\"score_miss\") | [.what, .applicant, .name]" out >got &&
	cat >expect <<-\EOF &&
	["consumer",2,"DOEMAN, MARIA L"]
	["extra_consumer",null,"DOEMAN, MARIA L"]
	EOF
	test_cmp expect got &&
	grep "^consumers" err >got &&
	echo "consumers below 100%: recall 66.7%, precision 66.7%" >expect &&
	test_cmp expect got &&
	jq -c "if .kind==\"consumer\" and .doc==\"$A\" then .applicant=2 else . end" "$D/extracted.ndjson" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>/dev/null &&
	part ".layouts.experian.consumers | [.truth, .extracted, .matched]" <out >got &&
	echo "[1,1,0]" >expect &&
	test_cmp expect got
'

test_expect_success 'masks and creditors match through case, punctuation and masking' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .account_mask=\"517805**********\" | .creditor=\"Capital One,\"
	      elif .account_mask==\"8455XXXXX\" then .account_mask=\"8455xxxxx\" | .creditor=\"MIDLAND   CREDIT-MANAGEMENT\"
	      elif .account_mask==\"XXXXXXXXXXXX8220\" then .account_mask=\"************8220\"
	      elif .account_mask==\"XXXXXXXXX1130\" then .account_mask=\"1130\"
	      else . end" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.tradelines, .overall.fields.by_field.creditor, .overall.fields.by_field.account_mask" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":5,"extracted":5,"matched":5,"recall":1,"precision":1}
	0.6
	0.2
	EOF
	test_cmp expect got
'

test_expect_success 'different digits, a different creditor or bureau do not match' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .account_mask=\"517806XXXXXXXXXX\"
	      elif .account_mask==\"8455XXXXX\" then .creditor=\"MIDLAND FUNDING\"
	      elif .account_mask==\"XXXXXXXXXXXX8220\" then .account_mask=\"XXXXXXXXXXXX8221\"
	      elif .account_mask==\"XXXXXXXXX1130\" then .bureau=\"equifax\"
	      else . end" >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.tradelines, .overall.negative" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":5,"extracted":5,"matched":1,"recall":0.2,"precision":0.2}
	{"truth":1,"extracted":1,"true_positive":1,"recall":1,"precision":1,"missed_tradelines":2}
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"score_miss\") | [.what, .creditor, .account_mask, .bureau] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	tradeline	CAPITAL ONE	517805XXXXXXXXXX	experian
	tradeline	MIDLAND CREDIT MANAGEMENT	8455XXXXX	experian
	extra	CAPITAL ONE	517806XXXXXXXXXX	experian
	extra	MIDLAND FUNDING	8455XXXXX	experian
	tradeline	DISCOVER BANK	XXXXXXXXXXXX8220	
	tradeline	ONEMAIN FINANCIAL	XXXXXXXXX1130	
	extra	DISCOVER BANK	XXXXXXXXXXXX8221	
	extra	ONEMAIN FINANCIAL	XXXXXXXXX1130	equifax
	EOF
	test_cmp expect got
'

test_expect_success 'same creditor twice: paired by mask, whatever the order' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .account_mask=\"XXXXXXXXXX\"+\"XXXXXX\" else . end" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>/dev/null &&
	part ".layouts.experian.tradelines" <out >got &&
	echo "{\"truth\":3,\"extracted\":3,\"matched\":2,\"recall\":0.666667,\"precision\":0.666667}" >expect &&
	test_cmp expect got &&
	tac "$D/extracted.ndjson" >ext &&
	cc-score --truth "$D/truth.ndjson" ext >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out
'

test_expect_success 'pairing: as many pairs as possible, even when the first choice blocks one' '
	{
		echo "{\"kind\":\"synth_report\",\"v\":1,\"doc\":\"$C\",\"layout\":\"experian\"}" &&
		tl "$C" "\"experian\"" SYNCB XXXXXX1234 100 &&
		tl "$C" "\"experian\"" SYNCB 987654XXXX 200
	} >truth &&
	{
		tl "$C" "\"experian\"" "SYNCB" 9876541234 100 &&
		tl "$C" "\"experian\"" "SYNCB" XXXXXX1234 300
	} >ext &&
	cc-score -d --truth truth ext >out 2>/dev/null &&
	part ".overall.tradelines, .overall.fields.by_field.balance" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":2,"extracted":2,"matched":2,"recall":1,"precision":1}
	0
	EOF
	test_cmp expect got &&
	jq -c "select(.kind==\"score_miss\") | [.what, .account_mask, .field, .expected, .got]" out >got &&
	cat >expect <<-\EOF &&
	["field","XXXXXX1234","balance",100,300]
	["field","987654XXXX","account_mask","987654XXXX","9876541234"]
	["field","987654XXXX","balance",200,100]
	EOF
	test_cmp expect got
'

test_expect_success 'null bureau matches only null (the lender layout)' '
	{
		echo "{\"kind\":\"synth_report\",\"v\":1,\"doc\":\"$C\",\"layout\":\"lender\"}" &&
		tl "$C" null "ALLY FINANCIAL" XXXX5678 100
	} >truth &&
	tl "$C" "\"experian\"" "ALLY FINANCIAL" XXXX5678 100 >ext &&
	tl "$C" null "Ally Financial" "****5678" 100 >>ext &&
	cc-score --truth truth ext >out 2>/dev/null &&
	part ".layouts.lender.tradelines" <out >got &&
	echo "{\"truth\":1,\"extracted\":2,\"matched\":1,\"recall\":1,\"precision\":0.5}" >expect &&
	test_cmp expect got
'

test_expect_success 'an extra tradeline lowers precision, and --details shows it' '
	{ cat "$D/extracted.ndjson" &&
	  tl "$B" null "SANTANDER CONSUMER USA" XXXXXXXX9911 550000; } >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.tradelines" <out >got &&
	echo "{\"truth\":5,\"extracted\":6,\"matched\":5,\"recall\":1,\"precision\":0.833333}" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$B","layout":"lender","bureau":null,"what":"extra","id":null,"creditor":"SANTANDER CONSUMER USA","account_mask":"XXXXXXXX9911"}
	EOF
	test_cmp expect misses &&
	echo "lender         1      2      3      2  100.0%   66.7%  100.0%  100.0%  100.0%  100.0%       -" >expect &&
	row lender >got &&
	test_cmp expect got
'

test_expect_success 'a document of the extraction not in the truth is counted apart' '
	E=eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee &&
	{ cat "$D/extracted.ndjson" && tl "$E" "\"experian\"" "NAVY FCU" 4321XXXX 100; } >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part "[.unknown_docs, .overall.docs, .overall.tradelines.precision]" <out >got &&
	echo "[1,2,1]" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	echo "{\"kind\":\"score_miss\",\"v\":1,\"doc\":\"$E\",\"layout\":null,\"bureau\":null,\"what\":\"unknown_doc\"}" >expect &&
	test_cmp expect misses &&
	tail -n 1 err >got &&
	echo "cc-score: 1 document of the extracted input is not in the truth (not scored)" >expect &&
	test_cmp expect got
'

test_expect_success 'inquiries and public records: matched on bureau, name and date' '
	jq -c "if .kind==\"inquiry\" and .creditor==\"SYNCB\" then .date=\"2025-02-18\"
	       elif .kind==\"inquiry\" then .creditor|=ascii_downcase
	       elif .kind==\"public_record\" then .reference=\"22 CV 45296\" | .court=null
	       else . end" "$D/extracted.ndjson" >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.inquiries, .overall.public_records" <out >got &&
	cat >expect <<-\EOF &&
	{"truth":3,"extracted":3,"matched":2,"recall":0.666667,"precision":0.666667}
	{"truth":1,"extracted":1,"matched":1,"recall":1,"precision":1}
	EOF
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	cat >expect <<-EOF &&
	{"kind":"score_miss","v":1,"doc":"$A","layout":"experian","bureau":"experian","what":"inquiry","creditor":"SYNCB","date":"2025-02-19"}
	{"kind":"score_miss","v":1,"doc":"$A","layout":"experian","bureau":"experian","what":"extra_inquiry","creditor":"SYNCB","date":"2025-02-18"}
	EOF
	test_cmp expect misses &&
	grep -v "\"kind\":\"public_record\"" "$D/extracted.ndjson" >ext &&
	cc-score -d --truth "$D/truth.ndjson" ext >out 2>err &&
	part ".overall.public_records" <out >got &&
	echo "{\"truth\":1,\"extracted\":0,\"matched\":0,\"recall\":0,\"precision\":null}" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >misses &&
	echo "{\"kind\":\"score_miss\",\"v\":1,\"doc\":\"$A\",\"layout\":\"experian\",\"bureau\":\"experian\",\"what\":\"public_record\",\"type\":\"judgment\",\"reference\":\"22-CV-45296\",\"filed\":\"2020-10-20\"}" >expect &&
	test_cmp expect misses
'

test_expect_success '--min-field-accuracy: exit 0 at or above the bar, 1 below' '
	edit "if .account_mask==\"517805XXXXXXXXXX\" then .balance=123500 else . end" >ext &&
	cc-score --min-field-accuracy 0.99 --truth "$D/truth.ndjson" ext >out 2>err &&
	cc-score --min-field-accuracy=0.992308 --truth "$D/truth.ndjson" ext >out 2>err &&
	test_expect_code 1 cc-score --min-field-accuracy 0.995 --truth "$D/truth.ndjson" ext >out2 2>err &&
	test_cmp out out2 &&
	tail -n 1 err >got &&
	echo "cc-score: field accuracy 0.992308 is below --min-field-accuracy 0.995" >expect &&
	test_cmp expect got &&
	cc-score --min-field-accuracy 1 --truth "$D/truth.ndjson" "$D/extracted.ndjson" >/dev/null 2>&1
'

test_expect_success '--min-recall and --min-precision likewise' '
	grep -v 8455XXXXX "$D/extracted.ndjson" >ext &&
	cc-score --min-recall 0.8 --min-precision 1 --truth "$D/truth.ndjson" ext >/dev/null 2>err &&
	test_expect_code 1 cc-score --min-recall 0.81 --truth "$D/truth.ndjson" ext >/dev/null 2>err &&
	tail -n 1 err >got &&
	echo "cc-score: tradeline recall 0.8 is below --min-recall 0.81" >expect &&
	test_cmp expect got &&
	grep -v "\"kind\":\"tradeline\"" "$D/extracted.ndjson" >ext &&
	test_expect_code 1 cc-score --min-field-accuracy 0 --truth "$D/truth.ndjson" ext >/dev/null 2>err &&
	tail -n 1 err >got &&
	echo "cc-score: field accuracy undefined (nothing to count), below --min-field-accuracy 0" >expect &&
	test_cmp expect got
'

test_expect_success 'a bad bar is a usage error (exit 2)' '
	test_expect_code 2 cc-score --min-field-accuracy 1.5 -t "$D/truth.ndjson" "$D/extracted.ndjson" >out 2>err &&
	cat >expect <<-\EOF &&
	cc-score: --min-field-accuracy: expected a number from 0 to 1, got '"'"'1.5'"'"'
	Try '"'"'cc-score --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	test_cmp /dev/null out &&
	test_expect_code 2 cc-score --min-recall x -t "$D/truth.ndjson" "$D/extracted.ndjson" 2>/dev/null &&
	test_expect_code 2 cc-score --min-precision "" -t "$D/truth.ndjson" "$D/extracted.ndjson" 2>/dev/null
'

test_expect_success 'gzip input, truth and extraction alike' '
	gzip -c "$D/truth.ndjson" >truth.gz &&
	gzip -c "$D/extracted.ndjson" >ext.gz &&
	cc-score --truth truth.gz ext.gz >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out &&
	cc-score --truth truth.gz <ext.gz >out 2>/dev/null &&
	test_cmp "$D/perfect.out" out
'

test_expect_success 'an invalid line: diagnostic, error record, exit 1, and the score all the same' '
	sed "3a\\
{\"kind\":\"tradeline\",\"v\":1,oops" "$D/extracted.ndjson" >bad.ndjson &&
	test_expect_code 1 cc-score --truth "$D/truth.ndjson" bad.ndjson >out 2>err &&
	head -n 1 err >got &&
	echo "cc-score: bad.ndjson:4: invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"' at column 30" >expect &&
	test_cmp expect got &&
	head -n 1 out >got &&
	echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"score\",\"doc\":null,\"path\":\"bad.ndjson\",\"line\":4,\"code\":\"json.syntax\",\"message\":\"invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"' at column 30\"}" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >got &&
	test_cmp "$D/perfect.out" got
'

test_expect_success 'an invalid line in the truth is rejected the same way' '
	{ cat "$D/truth.ndjson" && echo "not json"; } >truth &&
	test_expect_code 1 cc-score --truth truth "$D/extracted.ndjson" >out 2>err &&
	head -n 1 err >got &&
	echo "cc-score: truth:16: invalid JSON: '"'"'['"'"' or '"'"'{'"'"' expected near '"'"'not'"'"' at column 3" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >got &&
	test_cmp "$D/perfect.out" got
'

test_expect_success 'an extraction file that is missing (exit 1) or unreadable (74): the others are scored' '
	test_expect_code 1 cc-score --truth "$D/truth.ndjson" nothere.ndjson "$D/extracted.ndjson" >out 2>err &&
	head -n 1 err >got &&
	echo "cc-score: nothere.ndjson: No such file or directory" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >got &&
	test_cmp "$D/perfect.out" got &&
	mkdir dir &&
	test_expect_code 74 cc-score --truth "$D/truth.ndjson" dir "$D/extracted.ndjson" >out 2>err &&
	head -n 1 err >got &&
	echo "cc-score: dir:1: read error: Is a directory" >expect &&
	test_cmp expect got &&
	sed -n "2,\$p" out >got &&
	test_cmp "$D/perfect.out" got
'

test_expect_success 'no --truth is a usage error (exit 2)' '
	test_expect_code 2 cc-score "$D/extracted.ndjson" >out 2>err &&
	cat >expect <<-\EOF &&
	cc-score: no truth file (give --truth FILE)
	Try '"'"'cc-score --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	test_cmp /dev/null out
'

test_expect_success '--truth - needs the extraction in files (exit 2)' '
	test_expect_code 2 cc-score --truth - <"$D/truth.ndjson" >out 2>err &&
	head -n 1 err >got &&
	echo "cc-score: --truth -: the extracted records are on standard input too (give them as files)" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-score --truth - - <"$D/truth.ndjson" 2>/dev/null
'

test_expect_success 'an unknown option is a usage error (exit 2)' '
	test_expect_code 2 cc-score --frobnicate -t "$D/truth.ndjson" 2>err &&
	grep -q "unrecognized option" err &&
	grep -q "^Try '"'"'cc-score --help'"'"' for more information.$" err
'

test_expect_success 'a truth that cannot be read exits 66' '
	test_expect_code 66 cc-score --truth nothere.ndjson "$D/extracted.ndjson" >out 2>err &&
	echo "cc-score: cannot read the truth '"'"'nothere.ndjson'"'"': No such file or directory" >expect &&
	test_cmp expect err &&
	test_cmp /dev/null out &&
	mkdir -p dir &&
	test_expect_code 66 cc-score --truth dir "$D/extracted.ndjson" >out 2>err &&
	echo "cc-score: cannot read the truth '"'"'dir'"'"': Is a directory" >expect &&
	test_cmp expect err
'

test_expect_success 'a truth with no synth_report or tradeline exits 65' '
	: >empty &&
	test_expect_code 65 cc-score --truth empty "$D/extracted.ndjson" >out 2>err &&
	echo "cc-score: '"'"'empty'"'"' holds no synth_report or tradeline record: not a truth file" >expect &&
	test_cmp expect err &&
	test_cmp /dev/null out &&
	grep "\"kind\":\"document\"" "$D/extracted.ndjson" >docs &&
	test_expect_code 65 cc-score --truth docs "$D/extracted.ndjson" >out 2>err
'

test_expect_success '--help prints usage on stdout and exits 0; --version too' '
	cc-score --help >out &&
	head -n 1 out >first &&
	echo "usage: cc-score --truth=TRUTH [options] [EXTRACTED ...]" >expect &&
	test_cmp expect first &&
	cc-score --version >v &&
	grep -q "^cc-score [0-9][0-9.]*$" v
'

test_expect_success 'every cc-synth layout, its truth scored against itself: all 1' '
	cc-synth -o synth -n 1 --no-progress &&
	jq -c "select(.kind==\"consumer\" or .kind==\"tradeline\" or .kind==\"inquiry\" or .kind==\"public_record\")" \
		synth/truth.ndjson >ext &&
	cc-ingest synth >docs.ndjson &&
	cat docs.ndjson ext | cc-score --truth synth/truth.ndjson >out 2>err &&
	part "[.overall.docs, .overall.tradelines.recall, .overall.tradelines.precision, .overall.fields.accuracy, .overall.negative.recall, .overall.negative.precision, .overall.inquiries.recall, .overall.consumers.truth, .overall.consumers.recall, .overall.consumers.fields.accuracy, (.layouts|keys_unsorted)]" <out >got &&
	echo "[5,1,1,1,1,1,1,7,1,1,[\"experian\",\"equifax\",\"transunion\",\"merged3\",\"lender\"]]" >expect &&
	test_cmp expect got &&
	jq -e "select(.kind==\"score\") | [.layouts[].tradelines.truth] | all(. > 0)" out >/dev/null &&
	cc-score --truth synth/truth.ndjson docs.ndjson >out 2>/dev/null &&
	part "[.overall.docs, .overall.tradelines.extracted, .overall.tradelines.recall]" <out >got &&
	echo "[5,0,0]" >expect &&
	test_cmp expect got
'

test_expect_success 'random designs: a generic extraction scored against their truth' '
	cc-synth -o rsynth -n 2 --design random --no-progress &&
	# and a lender report with a co-applicant
	cc-synth -o rsynth -n 1 -s 4242 -a 8-12 -l lender --design random -t joint.ndjson --no-progress &&
	cat joint.ndjson >>rsynth/truth.ndjson &&
	jq -c "select(.kind==\"consumer\" or .kind==\"tradeline\" or .kind==\"inquiry\" or .kind==\"public_record\")" \
		rsynth/truth.ndjson >ext &&
	cc-ingest rsynth >docs.ndjson &&
	cat docs.ndjson ext | cc-score --truth rsynth/truth.ndjson >out 2>err &&
	part "[.overall.docs, .overall.tradelines.recall, .overall.tradelines.precision, .overall.fields.accuracy, .overall.consumers.truth, .overall.consumers.recall, .overall.consumers.fields.accuracy, (.layouts|keys_unsorted)]" <out >got &&
	echo "[11,1,1,1,16,1,1,[\"generic\"]]" >expect &&
	test_cmp expect got &&
	grep "^generic " err &&
	jq -c "if .kind==\"tradeline\" and .balance != null then .balance += 100 else . end" ext >worse &&
	cat docs.ndjson worse | cc-score --truth rsynth/truth.ndjson >out 2>/dev/null &&
	part ".layouts.generic.tradelines.recall" <out >got &&
	echo 1 >expect && test_cmp expect got &&
	part ".layouts.generic.fields.by_field.balance < 1" <out >got &&
	echo true >expect && test_cmp expect got &&
	jq -c "if .kind==\"tradeline\" and .applicants then .applicants = [1] else . end" ext >worse &&
	cat docs.ndjson worse | cc-score --truth rsynth/truth.ndjson >out 2>err &&
	part ".layouts.generic.fields.by_field.applicants < 1" <out >got &&
	echo true >expect && test_cmp expect got &&
	grep -q "^fields below 100%: applicants " err
'

test_done
