#!/bin/sh
# cc-dispute: each reason on small hand-made records (the 1681c window to
# the day and the month, mismatches in a merged3 block and across two
# bureaus' reports of one owner, duplicates, paid with a balance, payment
# history, missing limits), the analyst's selection (NDJSON and YAML),
# round 2, the rules file and its errors, determinism, pass-through, bad
# input, and the committed corpus end to end.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

C=$SRCDIR/testdata/corpus
export C

# items <out: one line per item: bureau, tradeline, reason code, action
items() {
	jq -r 'select(.kind=="dispute") | .bureau as $b | .items[]
		| [$b, .tradeline, .reason_code, .action] | @tsv'
}

# consumer DOC BUREAU [OWNER]: a consumer record (and a document record
# when an owner is given)
consumer() {
	if [ $# -ge 3 ]; then
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"$1\",\"path\":\"$1.pdf\",\"owner\":\"$3\"}"
	fi
	echo "{\"kind\":\"consumer\",\"v\":1,\"doc\":\"$1\",\"layout\":\"$2\",\"bureau\":\"$2\",\"name\":\"JANE Q DOE\",\"addresses\":[\"1 MAIN ST, SPRINGFIELD, IL 62701\"],\"ssn_last4\":\"0417\",\"birth_year\":1980,\"report_date\":\"2026-01-15\",\"report_number\":\"R-$1\",\"src\":null,\"conf\":1}"
}

# tl ID DOC BUREAU JSON-MEMBERS: a tradeline record, negative unless the
# members say otherwise
tl() {
	echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"$1\",\"doc\":\"$2\",\"layout\":\"$3\",\"bureau\":\"$3\",\"negative\":true,\"reasons\":[\"collection\"],$4}" |
		jq -c .
}

test_expect_success 'setup: the rules are installed beside the program' '
	test_cmp "$SRCDIR/rules/dispute.yaml" "$CC_BUILD/share/cc/rules/dispute.yaml"
'

# --- one dispute, the whole record -------------------------------------------

test_expect_success 'one obsolete collection: the whole dispute record, its id as documented' '
	{
		consumer d1 experian 42 &&
		tl t1 d1 experian "\"creditor\":\"MIDLAND CREDIT MGMT\",\"account_mask\":\"851234XXXX\",\"type\":\"collection\",\"original_creditor\":\"COMENITY BANK\",\"balance\":41200,\"status\":\"Collection account\",\"status_code\":\"93\",\"dofd\":\"2018-03\",\"removal_date\":\"2025-09\",\"history\":[],\"src\":{\"page\":2,\"bbox\":[42,100,570,200]}"
	} >one &&
	cc-dispute --as-of 2026-01-15 one >out 2>err &&
	test_cmp /dev/null err &&
	grep -v "^{\"kind\":\"dispute\"" out >passed &&
	test_cmp one passed &&
	id=$(printf "%s\n" 42 experian 1 t1 | sha256sum | cut -c1-16) &&
	cat >expect <<-EOF &&
	{"kind":"dispute","v":1,"id":"$id","doc":"d1","owner":"42","applicant":1,"bureau":"experian","round":1,"status":"draft","consumer":{"name":"JANE Q DOE","addresses":["1 MAIN ST, SPRINGFIELD, IL 62701"],"ssn_last4":"0417","birth_year":1980,"report_number":"R-d1"},"bureau_address":{"name":"Experian","lines":["P.O. Box 4500","Allen, TX 75013"]},"items":[{"n":1,"tradeline":"t1","doc":"d1","creditor":"MIDLAND CREDIT MGMT","account_mask":"851234XXXX","reason_code":"obsolete","reason":"This item is too old to be reported: under 15 U.S.C. §1681c it had to leave my file by September 2025, yet it is still reported as of January 15, 2026. Please delete it.","action":"delete","evidence":{"dofd":"2018-03","removal_date":"2025-09","as_of":"2026-01-15"},"src":{"page":2,"bbox":[42,100,570,200]}}],"previous":null,"created_at":"2026-01-15T00:00:00Z"}
	EOF
	grep "^{\"kind\":\"dispute\"" out >got &&
	test_cmp expect got
'

test_expect_success 'created_at from CC_NOW without --as-of; the same bytes twice' '
	cc-dispute one >a &&
	cc-dispute one >b &&
	test_cmp a b &&
	jq -r "select(.kind==\"dispute\") | .created_at, .items[0].evidence.as_of" a >got &&
	printf "2026-01-02T03:04:05Z\n2026-01-02\n" >expect &&
	test_cmp expect got
'

# --- obsolete: the 15 U.S.C. 1681c window -------------------------------------

test_expect_success 'obsolete: on the removal date, not the day before; a month from its first day' '
	{
		consumer d1 experian &&
		tl oa d1 experian "\"creditor\":\"A DAY\",\"removal_date\":\"2026-01-15\",\"dofd\":null" &&
		tl ob d1 experian "\"creditor\":\"B MONTH\",\"removal_date\":\"2026-01\",\"dofd\":null" &&
		tl oc d1 experian "\"creditor\":\"C COLLECTION DAY\",\"removal_date\":null,\"dofd\":\"2018-07-20\"" &&
		tl od d1 experian "\"creditor\":\"D CHARGE OFF MONTH\",\"removal_date\":null,\"dofd\":\"2018-07\",\"reasons\":[\"charge_off\"]" &&
		tl oe d1 experian "\"creditor\":\"E LATE DAY\",\"removal_date\":null,\"dofd\":\"2019-01-16\",\"reasons\":[\"late_90\"]" &&
		tl of d1 experian "\"creditor\":\"F LEAP DAY\",\"removal_date\":null,\"dofd\":\"2016-02-29\",\"reasons\":[\"late_30\"]"
	} >window &&
	for d in 2025-12-31 2026-01-01 2026-01-14 2026-01-15 2026-01-16; do
		cc-dispute --as-of $d window |
			jq -r "select(.kind==\"dispute\") | [.items[] | [.tradeline, .reason_code[0:1]]]
				| sort | map(join(\"=\")) | \"$d \" + join(\" \")" || exit 1
	done >got &&
	cat >expect <<-\EOF &&
	2025-12-31 oa=u ob=u oc=u od=u oe=u of=o
	2026-01-01 oa=u ob=o oc=u od=o oe=u of=o
	2026-01-14 oa=u ob=o oc=u od=o oe=u of=o
	2026-01-15 oa=o ob=o oc=u od=o oe=u of=o
	2026-01-16 oa=o ob=o oc=o od=o oe=o of=o
	EOF
	test_cmp expect got
'

test_expect_success 'obsolete: the removal date worked out from dofd is in the evidence and the text' '
	cc-dispute --as-of 2026-01-16 window |
		jq -r "select(.kind==\"dispute\") | .items[] | select(.tradeline==\"oc\" or .tradeline==\"od\" or .tradeline==\"of\")
			| [.tradeline, (.evidence | tojson), .reason] | @tsv" >got &&
	cat >expect <<-\EOF &&
	oc	{"dofd":"2018-07-20","removal_date":"2026-01-16","as_of":"2026-01-16"}	This item is too old to be reported: under 15 U.S.C. §1681c it had to leave my file by January 16, 2026, yet it is still reported as of January 16, 2026. Please delete it.
	od	{"dofd":"2018-07","removal_date":"2026-01","as_of":"2026-01-16"}	This item is too old to be reported: under 15 U.S.C. §1681c it had to leave my file by January 2026, yet it is still reported as of January 16, 2026. Please delete it.
	of	{"dofd":"2016-02-29","removal_date":"2023-02-28","as_of":"2026-01-16"}	This item is too old to be reported: under 15 U.S.C. §1681c it had to leave my file by February 28, 2023, yet it is still reported as of January 16, 2026. Please delete it.
	EOF
	test_cmp expect got
'

# --- cross_bureau_mismatch ------------------------------------------------------

test_expect_success 'setup: a merged3 report, one account block differing between its columns' '
	for b in transunion experian equifax; do consumer m1 $b; done >merged3 &&
	M="\"creditor\":\"DISCOVER BANK\",\"type\":\"revolving\",\"limit\":150000,\"status\":\"Collection/Chargeoff\",\"status_code\":\"97\",\"reported\":\"2025-11-11\",\"dofd\":\"2022-09-19\",\"removal_date\":\"2030-03-18\",\"reasons\":[\"charge_off\"]" &&
	tl mx m1 experian "$M,\"account_group\":\"g-1\",\"account_mask\":\"627567XXXXXXXXXX\",\"balance\":74800,\"opened\":\"2014-10-17\",\"history\":[{\"m\":\"2022-09\",\"s\":\"60\"},{\"m\":\"2022-08\",\"s\":\"30\"}]" >>merged3 &&
	tl mq m1 equifax "$M,\"account_group\":\"g-1\",\"account_mask\":\"************5554\",\"balance\":74800,\"opened\":\"2014-10-17\",\"history\":[{\"m\":\"2022-09\",\"s\":\"60\"},{\"m\":\"2022-08\",\"s\":\"OK\"}]" >>merged3 &&
	tl mt m1 transunion "$M,\"account_group\":\"g-1\",\"account_mask\":\"6275670*********\",\"balance\":80000,\"opened\":\"2014-11-02\",\"history\":[]" >>merged3 &&
	tl nx m1 experian "$M,\"account_group\":\"g-2\",\"creditor\":\"US BANK\",\"account_mask\":\"692378XXXXXXXXXX\",\"balance\":1000,\"opened\":\"2014-10-17\",\"history\":[]" >>merged3 &&
	tl nq m1 equifax "$M,\"account_group\":\"g-2\",\"creditor\":\"US BANK\",\"account_mask\":\"************5554\",\"balance\":1000,\"opened\":\"2014-10-17\",\"history\":[]" >>merged3 &&
	test $(wc -l <merged3) -eq 8
'

test_expect_success 'cross_bureau_mismatch in a merged3 block: balance, month opened, a late one bureau shows' '
	cc-dispute --as-of 2026-01-15 merged3 >out &&
	items <out >got &&
	cat >expect <<-\EOF &&
	equifax	mq	cross_bureau_mismatch	correct
	equifax	nq	unverifiable	verify
	experian	mx	cross_bureau_mismatch	correct
	experian	nx	unverifiable	verify
	transunion	mt	cross_bureau_mismatch	correct
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[] | select(.reason_code==\"cross_bureau_mismatch\")
		| .tradeline, (.evidence.mismatches[] | [.field, .month // \"-\", .value, .bureau, .tradeline, .other_value] | @tsv)" out >got &&
	cat >expect <<-\EOF &&
	mq
	balance	-	74800	transunion	mt	80000
	opened	-	2014-10-17	transunion	mt	2014-11-02
	mx
	history	2022-08	30	equifax	mq	OK
	balance	-	74800	transunion	mt	80000
	opened	-	2014-10-17	transunion	mt	2014-11-02
	mt
	balance	-	80000	equifax	mq	74800
	opened	-	2014-11-02	equifax	mq	2014-10-17
	balance	-	80000	experian	mx	74800
	opened	-	2014-11-02	experian	mx	2014-10-17
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\" and .bureau==\"experian\") | .items[0].reason" out >got &&
	echo "The other credit bureaus report this account differently: the payment for August 2022 is 30 days late here but paid on time at Equifax; the balance is \$748.00 here but \$800.00 at TransUnion; the date opened is October 17, 2014 here but November 2, 2014 at TransUnion. These cannot all be accurate. Please verify the account with the furnisher and correct it, or delete it if it cannot be verified." >expect &&
	test_cmp expect got
'

test_expect_success 'setup: two bureaus'"'"' reports of one owner, and an older report of one of them' '
	{
		consumer e1 experian 7 &&
		consumer q1 equifax 7 &&
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"e0\",\"path\":\"e0.pdf\",\"owner\":\"7\"}" &&
		consumer e0 experian | sed "s/2026-01-15/2025-10-01/" &&
		tl xa e1 experian "\"creditor\":\"CAPITAL ONE\",\"account_mask\":\"517805XXXXXXXXXX\",\"opened\":\"2019-04\",\"reported\":\"2025-12\",\"balance\":120000,\"status\":\"Charged off\",\"status_code\":\"97\",\"reasons\":[\"charge_off\"],\"dofd\":\"2024-01\",\"removal_date\":\"2031-07\"" &&
		tl xc e1 experian "\"creditor\":\"AMEX\",\"account_mask\":\"349991XXXXX\",\"opened\":\"2020-02\",\"reported\":\"2025-11\",\"balance\":5000,\"status_code\":\"97\",\"dofd\":\"2024-01\",\"removal_date\":\"2031-07\"" &&
		tl qa q1 equifax "\"creditor\":\"CAPITAL ONE BANK USA NA\",\"account_mask\":\"*4421\",\"opened\":\"2019-04-15\",\"reported\":\"2025-12-03\",\"balance\":110000,\"status\":\"CHARGE_OFF\",\"status_code\":\"97\",\"reasons\":[\"charge_off\"],\"dofd\":\"2024-01-20\",\"removal_date\":\"2031-07-18\"" &&
		tl qb q1 equifax "\"creditor\":\"CAPITAL ONE BANK USA NA\",\"account_mask\":\"*9999\",\"opened\":\"2021-06-01\",\"reported\":\"2025-12-03\",\"balance\":1,\"status_code\":\"97\"" &&
		tl qc q1 equifax "\"creditor\":\"AMEX\",\"account_mask\":\"*1234\",\"opened\":\"2020-02-11\",\"reported\":\"2025-12-01\",\"balance\":7000,\"status_code\":\"93\",\"dofd\":\"2024-01-02\",\"removal_date\":\"2031-07-01\"" &&
		tl xo e0 experian "\"creditor\":\"CAPITAL ONE\",\"account_mask\":\"517805XXXXXXXXXX\",\"opened\":\"2019-04\",\"reported\":\"2025-09\",\"balance\":100000,\"status_code\":\"97\",\"reasons\":[\"charge_off\"]"
	} >owner7
'

test_expect_success 'cross_bureau_mismatch across one owner'"'"'s reports: the same account by creditor, mask and month opened' '
	cc-dispute --as-of 2026-01-15 owner7 >out &&
	items <out >got &&
	cat >expect <<-\EOF &&
	equifax	qa	cross_bureau_mismatch	correct
	equifax	qc	unverifiable	verify
	equifax	qb	unverifiable	verify
	experian	xa	cross_bureau_mismatch	correct
	experian	xc	unverifiable	verify
	EOF
	test_cmp expect got &&
	jq -c "select(.kind==\"dispute\") | [.bureau, .doc, .owner, .consumer.report_number] + [.items[] | .evidence | del(.reasons, .status)]" out >got &&
	cat >expect <<-\EOF &&
	["equifax","q1","7","R-q1",{"mismatches":[{"field":"balance","value":110000,"bureau":"experian","tradeline":"xa","other_value":120000}]},{},{}]
	["experian","e1","7","R-e1",{"mismatches":[{"field":"balance","value":120000,"bureau":"equifax","tradeline":"qa","other_value":110000}],"same_account":["xo"]},{}]
	EOF
	test_cmp expect got
'

test_expect_success 'without an owner each report is a consumer of its own: nothing compared, nothing merged' '
	grep -v "\"kind\":\"document\"" owner7 >noowner &&
	cc-dispute --as-of 2026-01-15 noowner >out &&
	jq -r "select(.kind==\"dispute\") | [.doc, .bureau, .owner, ([.items[] | .tradeline + \"=\" + .reason_code] | join(\" \"))] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	e1	experian	null	xc=unverifiable xa=unverifiable
	q1	equifax	null	qc=unverifiable qa=unverifiable qb=unverifiable
	e0	experian	null	xo=unverifiable
	EOF
	sed "s/	null	/		/" expect >expect2 &&
	test_cmp expect2 got
'

# --- two applicants ---------------------------------------------------------------

# applicant DOC N NAME SSN ADDRESS: a lender report's consumer record of
# applicant N
applicant() {
	echo "{\"kind\":\"consumer\",\"v\":1,\"doc\":\"$1\",\"layout\":\"lender\",\"bureau\":null,\"applicant\":$2,\"name\":\"$3\",\"addresses\":[\"$5\"],\"ssn_last4\":\"$4\",\"birth_year\":197$2,\"report_date\":\"2026-01-10\",\"report_number\":\"F-$1\",\"src\":null,\"conf\":1}"
}

# jtl ID DOC APPLICANTS CREDITOR: a lender line of the applicants, to
# Experian, negative
jtl() {
	echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"$1\",\"doc\":\"$2\",\"layout\":\"lender\",\"bureau\":null,\"repositories\":[\"experian\"],\"applicants\":$3,\"creditor\":\"$4\",\"account_mask\":\"XXXX$1\",\"opened\":\"2020-01\",\"negative\":true,\"reasons\":[\"collection\"]}"
}

test_expect_success 'setup: a lender report of two applicants, an account of each and a joint one' '
	{
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"j1\",\"path\":\"j1.pdf\",\"owner\":\"77\"}" &&
		applicant j1 1 "JANE Q DOE" 0417 "1 MAIN ST, SPRINGFIELD, IL 62701" &&
		applicant j1 2 "JOHN R ROE" 0588 "9 OAK AVE, PEORIA, IL 61602" &&
		jtl a1 j1 "[1]" "A BANK" &&
		jtl b2 j1 "[2]" "B BANK" &&
		jtl c12 j1 "[1,2]" "C JOINT"
	} >two
'

test_expect_success 'two applicants: an account to its applicant, a joint one to both, each dispute from its own consumer' '
	cc-dispute --as-of 2026-01-15 two >out 2>err &&
	test_cmp /dev/null err &&
	grep -v "^{\"kind\":\"dispute\"" out >passed &&
	test_cmp two passed &&
	jq -c "select(.kind==\"dispute\") | [.owner, .applicant, .bureau, .doc, .consumer, [.items[] | .tradeline]]" out >got &&
	cat >expect <<-\EOF &&
	["77",1,"experian","j1",{"name":"JANE Q DOE","addresses":["1 MAIN ST, SPRINGFIELD, IL 62701"],"ssn_last4":"0417","birth_year":1971,"report_number":"F-j1"},["a1","c12"]]
	["77",2,"experian","j1",{"name":"JOHN R ROE","addresses":["9 OAK AVE, PEORIA, IL 61602"],"ssn_last4":"0588","birth_year":1972,"report_number":"F-j1"},["b2","c12"]]
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .id" out >got &&
	{
		printf "%s\n" 77 experian 1 a1 c12 | sha256sum | cut -c1-16 &&
		printf "%s\n" 77 2 experian 1 b2 c12 | sha256sum | cut -c1-16
	} >expect &&
	test_cmp expect got
'

test_expect_success 'two applicants without an owner: the document'"'"'s two consumers; the same with --ungrouped' '
	grep -v "\"kind\":\"document\"" two >two.noowner &&
	cc-dispute --as-of 2026-01-15 two.noowner >out &&
	jq -r "select(.kind==\"dispute\") | [.owner, .applicant, .consumer.name, ([.items[] | .tradeline] | join(\" \"))] | @tsv" out >got &&
	printf "\t1\tJANE Q DOE\ta1 c12\n\t2\tJOHN R ROE\tb2 c12\n" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .id" out >got &&
	{
		printf "%s\n" j1 experian 1 a1 c12 | sha256sum | cut -c1-16 &&
		printf "%s\n" j1 2 experian 1 b2 c12 | sha256sum | cut -c1-16
	} >expect &&
	test_cmp expect got &&
	cc-dispute --as-of 2026-01-15 --ungrouped two.noowner >out2 &&
	test_cmp out out2
'

test_expect_success 'two applicants: only the joint account has a dispute of each; a co-applicant with none has no dispute' '
	grep -v "\"id\":\"[ab]" two >joint &&
	cc-dispute --as-of 2026-01-15 joint >out &&
	jq -r "select(.kind==\"dispute\") | [.applicant, .consumer.name, ([.items[] | .tradeline] | join(\" \")), .id] | @tsv" out >got &&
	printf "1\tJANE Q DOE\tc12\t%s\n2\tJOHN R ROE\tc12\t%s\n" \
		$(printf "%s\n" 77 experian 1 c12 | sha256sum | cut -c1-16) \
		$(printf "%s\n" 77 2 experian 1 c12 | sha256sum | cut -c1-16) >expect &&
	test_cmp expect got &&
	grep -v "\"id\":\"[bc]" two >only1 &&
	cc-dispute --as-of 2026-01-15 only1 >out &&
	jq -r "select(.kind==\"dispute\") | [.applicant, .consumer.name, ([.items[] | .tradeline] | join(\" \"))] | @tsv" out >got &&
	printf "1\tJANE Q DOE\ta1\n" >expect &&
	test_cmp expect got
'

test_expect_success 'two applicants in reports of one owner: a co-applicant is one consumer by name and SSN, another is another' '
	{
		cat two &&
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"j2\",\"path\":\"j2.pdf\",\"owner\":\"77\"}" &&
		applicant j2 1 "JANE Q DOE" 0417 "1 MAIN ST, SPRINGFIELD, IL 62701" &&
		applicant j2 2 "John R Roe" 0588 "9 OAK AVE, PEORIA, IL 61602" | sed "s/2026-01-10/2025-06-01/" &&
		jtl c12 j2 "[1,2]" "C JOINT" | sed "s/\"c12\"/\"d12\"/" &&
		jtl e2 j2 "[2]" "E BANK" &&
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"j3\",\"path\":\"j3.pdf\",\"owner\":\"77\"}" &&
		applicant j3 1 "JANE Q DOE" 0417 "1 MAIN ST, SPRINGFIELD, IL 62701" &&
		applicant j3 2 "MARK S POE" 0999 "5 ELM RD, JOLIET, IL 60431" &&
		jtl f2 j3 "[2]" "F BANK"
	} >owner77 &&
	cc-dispute --as-of 2026-01-15 owner77 >out 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"dispute\") | [.applicant, .doc, .consumer.name, ([.items[] | .tradeline + (.evidence.same_account // [] | map(\"=\" + .) | join(\"\"))] | join(\" \"))] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	1	j1	JANE Q DOE	a1 c12=d12
	2	j1	JOHN R ROE	b2 c12=d12 e2
	2	j3	MARK S POE	f2
	EOF
	test_cmp expect got
'

test_expect_success 'two applicants, round 2: each cites the earlier dispute of its own applicant, by owner, by report, by name and SSN' '
	cc-dispute --as-of 2025-11-20 two >round1.two &&
	cc-dispute --as-of 2026-01-15 --round 2 --previous round1.two two >out &&
	jq -r "select(.kind==\"dispute\") | [.id, .applicant] | @tsv" round1.two >r1 &&
	jq -r "select(.kind==\"dispute\") | [.previous.id, .applicant] | @tsv" out >got &&
	test_cmp r1 got &&
	grep -v "\"kind\":\"document\"" round1.two >round1.noowner &&
	cc-dispute --as-of 2026-01-15 --round 2 --previous round1.noowner two.noowner >out &&
	jq -r "select(.kind==\"dispute\") | [.previous.id, .applicant] | @tsv" out >got &&
	test_cmp r1 got &&
	cc-dispute --as-of 2025-11-20 two.noowner >round1.two.noowner &&
	jq -r "select(.kind==\"dispute\") | [.id, .applicant] | @tsv" round1.two.noowner >r1 &&
	cc-dispute --as-of 2026-01-15 --round 2 --previous round1.two.noowner two.noowner >out &&
	jq -r "select(.kind==\"dispute\") | [.previous.id, .applicant] | @tsv" out >got &&
	test_cmp r1 got &&
	sed "s/\"j1\"/\"j9\"/" two.noowner >j9 &&
	cc-dispute --as-of 2026-01-15 --round 2 --previous round1.two.noowner j9 >out &&
	jq -r "select(.kind==\"dispute\") | [.previous.id, .applicant] | @tsv" out >got &&
	test_cmp r1 got &&
	sed "s/0588/0589/" j9 >j9.other &&
	cc-dispute --as-of 2026-01-15 --round 2 --previous round1.two.noowner j9.other >out &&
	jq -r "select(.kind==\"dispute\") | [.previous.id // \"-\", .applicant] | @tsv" out >got &&
	{ head -n 1 r1 && printf "%s\t2\n" -; } >expect &&
	test_cmp expect got
'

test_expect_success 'a report of one applicant: applicant 1 and applicants null are what they were without them' '
	sed -e "s/\"kind\":\"consumer\",\"v\":1,/&\"applicant\":1,/" \
	    -e "s/\"kind\":\"tradeline\",\"v\":1,/&\"applicants\":null,/" owner7 >owner7.one &&
	! cmp -s owner7 owner7.one &&
	cc-dispute --as-of 2026-01-15 owner7 >a &&
	cc-dispute --as-of 2026-01-15 owner7.one | grep "^{\"kind\":\"dispute\"" >b &&
	grep "^{\"kind\":\"dispute\"" a >a.d &&
	test_cmp a.d b &&
	jq -r "select(.kind==\"dispute\") | .applicant" a | sort -u >got &&
	echo 1 >expect &&
	test_cmp expect got
'

test_expect_success 'two applicants: an applicant or applicants that is not 1 or 2 is rejected' '
	{
		applicant j1 3 "X" 0000 "Y" &&
		jtl a3 j1 "[3]" "A" &&
		jtl a4 j1 "\"J\"" "A" &&
		jtl a5 j1 "[]" "A" &&
		jtl a6 j1 "[\"1\"]" "A"
	} >bad.app &&
	test_expect_code 1 cc-dispute --as-of 2026-01-15 <bad.app >out 2>err &&
	cat >expect <<-\EOF &&
	cc-dispute: <stdin>:1: consumer record whose "applicant" is not 1 or 2
	cc-dispute: <stdin>:2: tradeline record whose "applicants" is not null or a list of 1 and 2
	cc-dispute: <stdin>:3: tradeline record whose "applicants" is not null or a list of 1 and 2
	cc-dispute: <stdin>:4: tradeline record whose "applicants" is not null or a list of 1 and 2
	cc-dispute: <stdin>:5: tradeline record whose "applicants" is not null or a list of 1 and 2
	EOF
	test_cmp expect err &&
	jq -r "select(.kind==\"error\") | .code" out | sort | uniq -c | sed "s/^ *//" >got &&
	echo "5 record.invalid" >expect &&
	test_cmp expect got
'

# --- duplicate, paid_with_balance, missing_limit -------------------------------

test_expect_success 'duplicate: a collection and its original creditor'"'"'s negative account, both with a balance' '
	{
		consumer d2 transunion &&
		tl ca d2 transunion "\"creditor\":\"LVNV FUNDING LLC\",\"account_mask\":\"7781****\",\"type\":\"collection\",\"original_creditor\":\"CREDIT ONE BANK\",\"balance\":50000" &&
		tl cb d2 transunion "\"creditor\":\"CREDIT ONE BANK NA\",\"account_mask\":\"444796******\",\"type\":\"revolving\",\"limit\":50000,\"balance\":45000,\"reasons\":[\"charge_off\"]" &&
		tl cc d2 transunion "\"creditor\":\"PORTFOLIO RECOVERY\",\"account_mask\":\"5652*****\",\"type\":\"collection\",\"original_creditor\":\"SYNCHRONY BANK\",\"balance\":30000" &&
		tl cd d2 transunion "\"creditor\":\"SYNCHRONY BANK\",\"account_mask\":\"6019****\",\"type\":\"revolving\",\"limit\":1000,\"balance\":0,\"reasons\":[\"charge_off\"]" &&
		tl ce d2 transunion "\"creditor\":\"MIDLAND CREDIT\",\"account_mask\":\"8512****\",\"type\":\"collection\",\"original_creditor\":\"CITIBANK\",\"balance\":100" &&
		tl cf d2 transunion "\"creditor\":\"CITIBANK NA\",\"account_mask\":\"5424****\",\"type\":\"revolving\",\"limit\":100000,\"balance\":500,\"negative\":false,\"reasons\":[]"
	} >dup &&
	cc-dispute --as-of 2026-01-15 dup >out &&
	items <out >got &&
	cat >expect <<-\EOF &&
	transunion	cb	duplicate	delete
	transunion	ca	duplicate	delete
	transunion	ce	unverifiable	verify
	transunion	cc	unverifiable	verify
	transunion	cd	unverifiable	verify
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[] | select(.reason_code==\"duplicate\") | [.tradeline, (.evidence | tojson), .reason] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	cb	{"original_creditor":"CREDIT ONE BANK","balance":45000,"duplicate_of":{"tradeline":"ca","creditor":"LVNV FUNDING LLC","account_mask":"7781****","balance":50000}}	This debt is reported twice with a balance: LVNV FUNDING LLC, a collection agency, reports the same debt with a balance of $500.00. A debt that was sold or placed for collection may be reported with a balance only once. Please delete this duplicate.
	ca	{"original_creditor":"CREDIT ONE BANK","balance":50000,"duplicate_of":{"tradeline":"cb","creditor":"CREDIT ONE BANK NA","account_mask":"444796******","balance":45000}}	This debt is reported twice with a balance: the original creditor, CREDIT ONE BANK NA, still reports it with a balance of $450.00. A debt that was sold or placed for collection may be reported with a balance only once. Please delete this duplicate.
	EOF
	test_cmp expect got
'

test_expect_success 'paid_with_balance: paid or settled by its status or code, yet a balance; not "paid or paying as agreed"' '
	{
		consumer d3 transunion &&
		tl pa d3 transunion "\"creditor\":\"A PAID COLLECTION\",\"status\":\"Paid Collection\",\"status_code\":\"62\",\"balance\":12300" &&
		tl pb d3 transunion "\"creditor\":\"B CURRENT\",\"status\":\"Current; Paid or paying as agreed\",\"status_code\":\"11\",\"balance\":5000,\"negative\":false,\"reasons\":[]" &&
		tl pc d3 transunion "\"creditor\":\"C SETTLED\",\"status\":\"SETTLED\",\"status_code\":\"13\",\"balance\":2000,\"reasons\":[\"settled\"]" &&
		tl pd d3 transunion "\"creditor\":\"D SETTLED ZERO\",\"status\":\"Account legally paid in full for less than the full balance.\",\"status_code\":\"13\",\"balance\":0,\"reasons\":[\"settled\"]" &&
		tl pe d3 transunion "\"creditor\":\"E PAID CLOSED\",\"status\":\"Paid, closed\",\"status_code\":\"13\",\"balance\":300,\"negative\":false,\"reasons\":[]" &&
		tl pf d3 transunion "\"creditor\":\"F UNPAID\",\"status\":\"UNPAID BALANCE\",\"balance\":100" &&
		tl pg d3 transunion "\"creditor\":\"G CODE ONLY\",\"status\":null,\"status_code\":\"62\",\"balance\":100"
	} >paid &&
	cc-dispute --as-of 2026-01-15 paid >out &&
	items <out >got &&
	cat >expect <<-\EOF &&
	transunion	pa	paid_with_balance	correct
	transunion	pc	paid_with_balance	correct
	transunion	pe	paid_with_balance	correct
	transunion	pg	paid_with_balance	correct
	transunion	pd	unverifiable	verify
	transunion	pf	unverifiable	verify
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[0] | (.evidence | tojson), .reason" out >got &&
	cat >expect <<-\EOF &&
	{"status":"Paid Collection","status_code":"62","balance":12300}
	This account is reported as paid or settled ("Paid Collection"), yet it still shows a balance of $123.00. Please correct the balance to $0.
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[] | select(.tradeline==\"pg\") | .reason" out >got &&
	echo "This account is reported as paid or settled (\"status code 62\"), yet it still shows a balance of \$1.00. Please correct the balance to \$0." >expect &&
	test_cmp expect got
'

test_expect_success 'missing_limit: a revolving account with a high balance and no limit, negative or not; not in a lender report' '
	{
		consumer d4 equifax &&
		tl la d4 equifax "\"creditor\":\"A NO LIMIT\",\"type\":\"revolving\",\"limit\":null,\"high_balance\":500000,\"balance\":100,\"negative\":false,\"reasons\":[]" &&
		tl lb d4 equifax "\"creditor\":\"B LIMIT\",\"type\":\"revolving\",\"limit\":300000,\"high_balance\":500000,\"negative\":false,\"reasons\":[]" &&
		tl ld d4 equifax "\"creditor\":\"D INSTALLMENT\",\"type\":\"installment\",\"high_balance\":500000,\"negative\":false,\"reasons\":[]" &&
		tl le d4 equifax "\"creditor\":\"E NEGATIVE\",\"type\":\"revolving\",\"high_balance\":80000,\"reasons\":[\"late_60\"]" &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"lc\",\"doc\":\"d4\",\"layout\":\"lender\",\"bureau\":null,\"creditor\":\"C LENDER\",\"type\":\"revolving\",\"limit\":null,\"high_balance\":500000,\"negative\":false,\"reasons\":[],\"repositories\":[\"equifax\"]}"
	} >limit &&
	cc-dispute --as-of 2026-01-15 limit >out &&
	items <out >got &&
	cat >expect <<-\EOF &&
	equifax	le	unverifiable	verify
	equifax	la	missing_limit	correct
	EOF
	test_cmp expect got &&
	jq -c "select(.kind==\"dispute\") | .items[] | [.tradeline, .evidence]" out >got &&
	cat >expect <<-\EOF &&
	["le",{"reasons":["late_60"],"status":null,"type":"revolving","limit":null,"high_balance":80000,"other_reasons":["missing_limit"]}]
	["la",{"type":"revolving","limit":null,"high_balance":500000}]
	EOF
	test_cmp expect got
'

# --- inaccurate_payment_history -------------------------------------------------

test_expect_success 'inaccurate_payment_history: each rule, and a history that is only late' '
	H="\"creditor\":\"X\",\"reasons\":[\"late_90\"],\"opened\":\"2020-01\",\"reported\":\"2025-10\"" &&
	{
		consumer d5 experian &&
		tl ha d5 experian "$H,\"creditor\":\"A\",\"history\":[{\"m\":\"2025-11\",\"s\":\"OK\"},{\"m\":\"2025-10\",\"s\":\"30\"}]" &&
		tl hb d5 experian "$H,\"creditor\":\"B\",\"opened\":\"2024-03-10\",\"history\":[{\"m\":\"2024-03\",\"s\":\"30\"},{\"m\":\"2024-02\",\"s\":\"OK\"}]" &&
		tl hc d5 experian "$H,\"creditor\":\"C\",\"status\":\"Open/Never late.\",\"history\":[{\"m\":\"2025-06\",\"s\":\"30\"},{\"m\":\"2025-05\",\"s\":\"OK\"}]" &&
		tl hd d5 experian "$H,\"creditor\":\"D\",\"history\":[{\"m\":\"2025-06\",\"s\":\"30\"},{\"m\":\"2025-05\",\"s\":\"CO\"}]" &&
		tl he d5 experian "$H,\"creditor\":\"E\",\"history\":[{\"m\":\"2025-06\",\"s\":\"90\"},{\"m\":\"2025-05\",\"s\":\"30\"}]" &&
		tl hf d5 experian "$H,\"creditor\":\"F\",\"history\":[{\"m\":\"2025-06\",\"s\":\"60\"},{\"m\":\"2025-05\",\"s\":\"30\"},{\"m\":\"2025-04\",\"s\":\"OK\"}]" &&
		tl hg d5 experian "$H,\"creditor\":\"G\",\"history\":[{\"m\":\"2025-06\",\"s\":\"90\"},{\"m\":\"2025-03\",\"s\":\"OK\"}]" &&
		tl hh d5 experian "$H,\"creditor\":\"H\",\"reported\":null,\"history\":[{\"m\":\"2026-02\",\"s\":\"OK\"}]"
	} >hist &&
	cc-dispute --as-of 2026-01-15 hist >out &&
	jq -r "select(.kind==\"dispute\") | .items[] | [.tradeline, .reason_code, (.evidence.history_problem | tojson)] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	ha	inaccurate_payment_history	{"rule":"after_report","month":"2025-11","code":"OK","reported":"2025-10"}
	hb	inaccurate_payment_history	{"rule":"before_opened","month":"2024-02","code":"OK","opened":"2024-03-10"}
	hc	inaccurate_payment_history	{"rule":"never_late","month":"2025-06","code":"30","status":"Open/Never late."}
	hd	inaccurate_payment_history	{"rule":"late_after_charge_off","month":"2025-06","code":"30","since":"2025-05","since_code":"CO"}
	he	inaccurate_payment_history	{"rule":"skipped_late","month":"2025-06","code":"90","previous_month":"2025-05","previous_code":"30"}
	hh	inaccurate_payment_history	{"rule":"after_report","month":"2026-02","code":"OK","reported":"2026-01-15"}
	hf	unverifiable	null
	hg	unverifiable	null
	EOF
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[] | select(.reason_code==\"inaccurate_payment_history\") | .reason" out |
		sed "s/ Please correct the payment history, or delete the account if it cannot be verified\.\$//" >got &&
	cat >expect <<-\EOF &&
	The payment history of this account is inaccurate: it reports a payment for November 2025, after the account'"'"'s last report in October 2025.
	The payment history of this account is inaccurate: it reports a payment for February 2024, before the account was opened on March 10, 2024.
	The payment history of this account is inaccurate: the status says the account was never late, yet the history shows it 30 days late in June 2025.
	The payment history of this account is inaccurate: it shows the account 30 days late in June 2025, after it was already charged off in May 2025.
	The payment history of this account is inaccurate: it shows the account 90 days late in June 2025, but 30 days late in May 2025, and an account cannot fall more than 30 days further behind in one month.
	The payment history of this account is inaccurate: it reports a payment for February 2026, after the date of this dispute.
	EOF
	test_cmp expect got
'

# --- the analyst's selection ----------------------------------------------------

test_expect_success 'setup: accounts to select' '
	{
		consumer d6 equifax &&
		tl s1 d6 equifax "\"creditor\":\"A COLLECTOR\",\"account_mask\":\"*0001\"" &&
		tl s2 d6 equifax "\"creditor\":\"B BANK\",\"account_mask\":\"*0002\",\"negative\":false,\"reasons\":[]" &&
		tl s3 d6 equifax "\"creditor\":\"C BANK\",\"account_mask\":\"*0003\",\"negative\":false,\"reasons\":[]" &&
		tl s4 d6 equifax "\"creditor\":\"D MEDICAL GROUP\",\"account_mask\":\"*0004\"" &&
		tl s5 d6 equifax "\"creditor\":\"E MEDICAL GROUP\",\"account_mask\":\"*0005\""
	} >sel.in &&
	cat >sel.ndjson <<-\EOF &&
	{"tradeline":"s1","reason_code":"not_mine"}

	{"tradeline":"s2","reason_code":"identity_theft","reason":"I reported the theft to the FTC, report 123456."}
	{"tradeline":"s3","reason_code":"other","reason":"I paid this account in full in March 2024.","action":"verify"}
	{"tradeline":"s4","reason_code":"not_mine","reason":null}
	EOF
	cat >sel.yaml <<-\EOF &&
	# the same choices, as YAML
	- tradeline: s1
	  reason_code: not_mine
	- {tradeline: s2, reason_code: identity_theft, reason: "I reported the theft to the FTC, report 123456."}
	- tradeline: s3
	  reason_code: other
	  reason: I paid this account in full in March 2024.
	  action: verify
	- tradeline: s4
	  reason_code: not_mine
	EOF
	printf "skip:\n  creditors: [medical]\n" >skipmed.yaml
'

test_expect_success 'selection: the consumer'"'"'s reason first, whatever the rules skip; NDJSON and YAML alike' '
	cc-dispute --as-of 2026-01-15 --rules skipmed.yaml --select sel.ndjson sel.in >out 2>err &&
	test_cmp /dev/null err &&
	cc-dispute --as-of 2026-01-15 --rules skipmed.yaml --select sel.yaml sel.in >out2 &&
	test_cmp out out2 &&
	jq -r "select(.kind==\"dispute\") | .items[] | [.n, .tradeline, .reason_code, .action, (.evidence | tojson), .reason] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	1	s1	not_mine	delete	{"selected":true,"reasons":["collection"],"status":null,"other_reasons":["unverifiable"]}	This account is not mine: I never opened it and never allowed anyone to open it for me. Please delete it from my file. I dispute the accuracy of this account as it is reported. Please verify it with the furnisher under 15 U.S.C. §1681i, and delete it if it cannot be verified as complete and accurate.
	2	s4	not_mine	delete	{"selected":true,"reasons":["collection"],"status":null,"other_reasons":["unverifiable"]}	This account is not mine: I never opened it and never allowed anyone to open it for me. Please delete it from my file. I dispute the accuracy of this account as it is reported. Please verify it with the furnisher under 15 U.S.C. §1681i, and delete it if it cannot be verified as complete and accurate.
	3	s2	identity_theft	delete	{"selected":true}	This account was opened by an identity thief, not by me. Please block it under 15 U.S.C. §1681c-2 and delete it from my file. I reported the theft to the FTC, report 123456.
	4	s3	other	verify	{"selected":true}	I paid this account in full in March 2024.
	EOF
	test_cmp expect got
'

test_expect_success 'selection: a tradeline not in the input is rejected at the end, naming the file and line' '
	{ cat sel.ndjson; echo "{\"tradeline\":\"nope\",\"reason_code\":\"not_mine\"}"; } >sel2.ndjson &&
	test_expect_code 1 cc-dispute --as-of 2026-01-15 --select sel2.ndjson sel.in >out 2>err &&
	echo "cc-dispute: sel2.ndjson:6: selected tradeline '"'"'nope'"'"' is not in the input" >expect &&
	test_cmp expect err &&
	tail -n 1 out >got &&
	echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"dispute\",\"doc\":null,\"path\":\"sel2.ndjson\",\"line\":6,\"code\":\"select.unknown\",\"message\":\"selected tradeline '"'"'nope'"'"' is not in the input\"}" >expect &&
	test_cmp expect got &&
	test $(grep -c "^{\"kind\":\"dispute\"" out) -eq 1
'

test_expect_success 'selection file errors: file and line, exit 65; a missing file, 66' '
	check() {
		printf "%b" "$1" >bad.sel &&
		test_expect_code $2 cc-dispute --select bad.sel sel.in >out 2>err &&
		test_cmp /dev/null out &&
		echo "cc-dispute: $3" >expect &&
		test_cmp expect err
	} &&
	check "{\"tradeline\":\"s1\",\"reason_code\":\"not_mine\"}\n{oops\n" 65 \
		"bad.sel:2: invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"'" &&
	check "{\"tradeline\":\"s1\",\"reason_code\":\"mistake\"}\n" 65 \
		"bad.sel:1: unknown reason_code '"'"'mistake'"'"': expected not_mine, identity_theft or other" &&
	check "{\"tradeline\":\"s1\",\"reason_code\":\"other\"}\n" 65 \
		"bad.sel:1: reason_code \"other\" without a \"reason\"" &&
	check "{\"tradeline\":\"s1\",\"reason_code\":\"not_mine\"}\n{\"tradeline\":\"s1\",\"reason_code\":\"other\",\"reason\":\"x\"}\n" 65 \
		"bad.sel:2: tradeline '"'"'s1'"'"' is selected twice" &&
	check "{\"tradeline\":\"s1\",\"reason_code\":\"not_mine\",\"note\":\"x\"}\n" 65 \
		"bad.sel:1: unknown key '"'"'note'"'"'" &&
	check "{\"tradeline\":\"s1\",\"reason_code\":\"not_mine\",\"action\":\"erase\"}\n" 65 \
		"bad.sel:1: \"action\": expected delete, correct or verify" &&
	check "{\"tradeline\":1,\"reason_code\":\"not_mine\"}\n" 65 \
		"bad.sel:1: \"tradeline\": expected a string" &&
	check "tradeline: s1\n" 65 \
		"bad.sel:1: expected a list of selections" &&
	check "- tradeline: s1\n  reason_code: [not_mine]\n" 65 \
		"bad.sel:2: \"reason_code\": expected a string" &&
	check "- reason_code: not_mine\n" 65 \
		"bad.sel:1: a selection without a \"tradeline\"" &&
	check "- tradeline: s1\n  reason_code: not_mine\n - x: [\n" 65 \
		"bad.sel:3: invalid YAML: did not find expected '"'"'-'"'"' indicator" &&
	test_expect_code 66 cc-dispute --select nosuch.sel sel.in >out 2>err &&
	echo "cc-dispute: cannot open selection '"'"'nosuch.sel'"'"': No such file or directory" >expect &&
	test_cmp expect err
'

# --- rounds ---------------------------------------------------------------------------

test_expect_success 'setup: round 1 on 2025-11-20' '
	{
		consumer d7 transunion 99 &&
		tl r1 d7 transunion "\"creditor\":\"A ONE\",\"account_mask\":\"1111****\",\"remarks\":null" &&
		tl r2 d7 transunion "\"creditor\":\"B TWO\",\"account_mask\":\"2222****\",\"remarks\":\"CONSUMER DISPUTES THIS ACCOUNT INFORMATION\""
	} >round1.in &&
	cc-dispute --as-of 2025-11-20 round1.in >round1.out &&
	{ cat round1.in; tl r3 d7 transunion "\"creditor\":\"C THREE\",\"account_mask\":\"3333****\""; } >round2.in &&
	R1=$(jq -r "select(.kind==\"dispute\") | .id" round1.out) &&
	test $(printf "%s\n" 99 transunion 1 r1 r2 | sha256sum | cut -c1-16) = "$R1"
'

test_expect_success 'round 2 with the earlier disputes: their date and id; not marked disputed only for what they held' '
	cc-dispute --as-of 2026-01-15 --round 2 --previous round1.out round2.in >out &&
	R1=$(jq -r "select(.kind==\"dispute\") | .id" round1.out) &&
	jq -c "select(.kind==\"dispute\") | [.round, .previous, .id]" out >got &&
	echo "[2,{\"date\":\"2025-11-20\",\"id\":\"$R1\"},\"$(printf "%s\n" 99 transunion 2 r1 r2 r3 | sha256sum | cut -c1-16)\"]" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[] | [.tradeline, .reason_code, (.evidence.other_reasons // [] | join(\",\")), .reason] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	r1	unverifiable	not_marked_disputed	I dispute the accuracy of this account as it is reported. Please verify it with the furnisher under 15 U.S.C. §1681i, and delete it if it cannot be verified as complete and accurate. I disputed this account before, yet it is not reported as disputed, as 15 U.S.C. §1681s-2(a)(3) requires. Please report it as disputed. I disputed this item with you on November 20, 2025, and it is still on my report. Under 15 U.S.C. §1681i(a)(7), please send me a description of the procedure you used to verify it, with the name, address and telephone number of each furnisher you contacted.
	r2	unverifiable		I dispute the accuracy of this account as it is reported. Please verify it with the furnisher under 15 U.S.C. §1681i, and delete it if it cannot be verified as complete and accurate. I disputed this item with you on November 20, 2025, and it is still on my report. Under 15 U.S.C. §1681i(a)(7), please send me a description of the procedure you used to verify it, with the name, address and telephone number of each furnisher you contacted.
	r3	unverifiable		I dispute the accuracy of this account as it is reported. Please verify it with the furnisher under 15 U.S.C. §1681i, and delete it if it cannot be verified as complete and accurate. I disputed this item with you on November 20, 2025, and it is still on my report. Under 15 U.S.C. §1681i(a)(7), please send me a description of the procedure you used to verify it, with the name, address and telephone number of each furnisher you contacted.
	EOF
	test_cmp expect got
'

test_expect_success 'round 2 with --previous-date, or with no date: the undated follow-up' '
	cc-dispute --as-of 2026-01-15 --round 2 --previous-date 2025-12-01 round2.in >out &&
	jq -c "select(.kind==\"dispute\") | [.previous, (.items[] | .evidence.other_reasons)]" out >got &&
	echo "[{\"date\":\"2025-12-01\",\"id\":null},[\"not_marked_disputed\"],null,[\"not_marked_disputed\"]]" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[1].reason" out | grep -q "with you on December 1, 2025, and it is still" &&
	CC_DISPUTE_ROUND=2 cc-dispute --as-of 2026-01-15 round2.in >out &&
	jq -c "select(.kind==\"dispute\") | [.round, .previous]" out >got &&
	echo "[2,null]" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[1].reason" out >got &&
	echo "I dispute the accuracy of this account as it is reported. Please verify it with the furnisher under 15 U.S.C. §1681i, and delete it if it cannot be verified as complete and accurate. I disputed this item with you before, and it is still on my report. Under 15 U.S.C. §1681i(a)(7), please send me a description of the procedure you used to verify it, with the name, address and telephone number of each furnisher you contacted." >expect &&
	test_cmp expect got
'

test_expect_success 'rounds: usage errors and bad --previous files' '
	test_expect_code 2 cc-dispute --previous-date 2025-12-01 round2.in 2>err &&
	printf "cc-dispute: --previous-date: only for --round 2 or later\nTry '"'"'cc-dispute --help'"'"' for more information.\n" >expect &&
	test_cmp expect err &&
	test_expect_code 2 cc-dispute --previous round1.out round2.in 2>err &&
	head -n 1 err >got &&
	echo "cc-dispute: --previous: only for --round 2 or later" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-dispute --round 0 round2.in 2>err &&
	head -n 1 err >got &&
	echo "cc-dispute: --round: expected a round from 1 to 99, got 0" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-dispute --round 2 --as-of 2025-11-31 round2.in 2>err &&
	head -n 1 err >got &&
	echo "cc-dispute: --as-of: expected a date YYYY-MM-DD, got 2025-11-31" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-dispute --round 2 --as-of 2025-11-01 --previous-date 2025-12-01 round2.in 2>err &&
	head -n 1 err >got &&
	echo "cc-dispute: --previous-date: 2025-12-01 is after the date of this dispute, 2025-11-01" >expect &&
	test_cmp expect got &&
	echo "{\"kind\":\"dispute\",\"v\":1,\"bureau\":\"equifax\",\"round\":1}" >badprev &&
	test_expect_code 65 cc-dispute --round 2 --previous badprev round2.in >out 2>err &&
	echo "cc-dispute: badprev:1: dispute record without a known \"bureau\", an integer \"round\" or \"created_at\"" >expect &&
	test_cmp expect err && test_cmp /dev/null out &&
	echo "{oops" >badprev &&
	test_expect_code 65 cc-dispute --round 2 --previous badprev round2.in >out 2>err &&
	echo "cc-dispute: badprev:1: invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"' at column 5" >expect &&
	test_cmp expect err &&
	test_expect_code 66 cc-dispute --round 2 --previous nosuch round2.in >out 2>err &&
	grep -q "nosuch" err
'

# --- rules --------------------------------------------------------------------------

test_expect_success 'rules: max_items splits a dispute into parts, strongest items first, each with its id' '
	printf "max_items: 2\n" >cap.yaml &&
	cc-dispute --as-of 2026-01-15 --rules cap.yaml window >out &&
	jq -r "select(.kind==\"dispute\") | [.id, ([.items[] | \"\(.n):\(.tradeline)\"] | join(\" \"))] | @tsv" out >got &&
	{
		printf "%s\t1:oa 2:ob\n" $(printf "%s\n" d1 experian 1 oa ob | sha256sum | cut -c1-16) &&
		printf "%s\t1:od 2:of\n" $(printf "%s\n" d1 experian 1 od of | sha256sum | cut -c1-16) &&
		printf "%s\t1:oc 2:oe\n" $(printf "%s\n" d1 experian 1 oc oe | sha256sum | cut -c1-16)
	} >expect &&
	test_cmp expect got
'

test_expect_success 'rules: overflow defer keeps the strongest items and warns about the rest' '
	printf "max_items: 2\noverflow: defer\n" >defer.yaml &&
	cc-dispute --as-of 2026-01-15 --rules defer.yaml --stats window >out 2>err &&
	items <out >got &&
	printf "experian\toa\tobsolete\tdelete\nexperian\tob\tobsolete\tdelete\n" >expect &&
	test_cmp expect got &&
	cat >expect <<-\EOF &&
	cc-dispute: document d1: 4 of 6 items to Experian left for another round (max_items 2)
	cc-dispute: 1 consumers: 1 disputes, 2 items (4 left for another round)
	EOF
	test_cmp expect err
'

test_expect_success 'rules: skip by creditor words and by negative reasons; a reason turned off' '
	printf "skip:\n  creditors: [leap, \"c collection\"]\n" >skip1.yaml &&
	cc-dispute --as-of 2026-01-15 --rules skip1.yaml window | items | cut -f2 | tr "\n" " " >got &&
	printf "oa ob od oe " >expect && test_cmp expect got &&
	printf "skip:\n  negative_reasons: [late_30, late_60, late_90]\n" >skip2.yaml &&
	cc-dispute --as-of 2026-01-15 --rules skip2.yaml window | items | cut -f2 | tr "\n" " " >got &&
	printf "oa ob od oc " >expect && test_cmp expect got &&
	printf "reasons:\n  unverifiable: {enabled: false}\n" >off.yaml &&
	cc-dispute --as-of 2026-01-15 --rules off.yaml window | items | cut -f2 | tr "\n" " " >got &&
	printf "oa ob od of " >expect && test_cmp expect got &&
	printf "reasons:\n  obsolete:\n    enabled: no\n  unverifiable:\n    enabled: off\n" >off2.yaml &&
	cc-dispute --as-of 2026-01-15 --rules off2.yaml window >out &&
	test $(grep -c "^{\"kind\":\"dispute\"" out) -eq 0
'

test_expect_success 'rules: addresses, actions and texts replaced; placeholders; the rest stays' '
	cat >site.yaml <<-\EOF &&
	bureaus:
	  experian:
	    name: Experian Disputes
	    lines:
	      - P.O. Box 9701
	      - Allen, TX 75013
	reasons:
	  obsolete:
	    action: verify
	    text: >-
	      Too old: {creditor} ({account_mask}, {bureau}) left by
	      {removal_date}, {{so}} delete it. {original_creditor} {balance}
	      {limit} {round}
	EOF
	CC_DISPUTE_RULES=site.yaml cc-dispute --as-of 2026-01-15 one >out &&
	jq -c "select(.kind==\"dispute\") | [.bureau_address, .items[0].action, .items[0].reason]" out >got &&
	echo "[{\"name\":\"Experian Disputes\",\"lines\":[\"P.O. Box 9701\",\"Allen, TX 75013\"]},\"verify\",\"Too old: MIDLAND CREDIT MGMT (851234XXXX, Experian) left by September 2025, {so} delete it. COMENITY BANK \$412.00 unknown 1\"]" >expect &&
	test_cmp expect got &&
	printf "dispute:\n  rules: site.yaml\n" >cc.yaml &&
	cc-dispute --as-of 2026-01-15 one >out2 &&
	rm cc.yaml &&
	test_cmp out out2 &&
	: >empty.yaml &&
	cc-dispute --as-of 2026-01-15 --rules empty.yaml one >out3 &&
	cc-dispute --as-of 2026-01-15 one >out4 &&
	test_cmp out4 out3
'

test_expect_success 'rules file errors: the file and line, exit 65; a file that cannot be opened, 66' '
	check() {
		printf "%b" "$1" >bad.yaml &&
		test_expect_code $2 cc-dispute --rules bad.yaml one >out 2>err &&
		test_cmp /dev/null out &&
		echo "cc-dispute: $3" >expect &&
		test_cmp expect err
	} &&
	check "max_items: 2\nreasons: [\n" 65 "bad.yaml:3: invalid YAML: did not find expected node content" &&
	check "max_items: 2\nmax_item: 3\n" 65 "bad.yaml:2: unknown key '"'"'max_item'"'"'" &&
	check "max_items: -1\n" 65 "bad.yaml:1: max_items: expected a non-negative integer" &&
	check "overflow: drop\n" 65 "bad.yaml:1: overflow: expected split or defer" &&
	check "version: 2\n" 65 "bad.yaml:1: version: expected 1" &&
	check "reasons:\n  obsolete:\n    action: erase\n" 65 "bad.yaml:3: reasons.obsolete.action: expected delete, correct or verify" &&
	check "reasons:\n  too_old:\n    action: delete\n" 65 "bad.yaml:2: unknown reason '"'"'too_old'"'"'" &&
	check "reasons:\n  obsolete:\n    enabled: maybe\n" 65 "bad.yaml:3: reasons.obsolete.enabled: expected true or false" &&
	check "reasons:\n  obsolete:\n    colour: red\n" 65 "bad.yaml:3: unknown key '"'"'colour'"'"'" &&
	check "reasons:\n  not_mine:\n    enabled: false\n" 65 "bad.yaml:3: reasons.not_mine.enabled: the consumer'"'"'s own reasons are always on" &&
	check "reasons:\n  obsolete:\n    text: \"gone by {removal}\"\n" 65 "bad.yaml:3: reasons.obsolete.text: unknown placeholder '"'"'{removal}'"'"'" &&
	check "reasons:\n  obsolete:\n    text: \"gone by {removal_date\"\n" 65 "bad.yaml:3: reasons.obsolete.text: a '"'"'{'"'"' without its '"'"'}'"'"'" &&
	check "reasons:\n  obsolete:\n    text: [a, b]\n" 65 "bad.yaml:3: reasons.obsolete.text: expected a string" &&
	check "bureaus:\n  innovis:\n    name: Innovis\n" 65 "bad.yaml:2: unknown bureau '"'"'innovis'"'"': expected equifax, experian or transunion" &&
	check "bureaus:\n  experian:\n    lines: {a: b}\n" 65 "bad.yaml:3: bureaus.experian.lines: expected a list of strings" &&
	check "skip:\n  negative_reasons: [late_45]\n" 65 "bad.yaml:2: skip.negative_reasons: '"'"'late_45'"'"' is not a reason of cc-records(5)" &&
	check "skip: [x]\n" 65 "bad.yaml:1: skip: expected a mapping" &&
	check "- a\n" 65 "bad.yaml:1: rules: expected a mapping" &&
	test_expect_code 66 cc-dispute --rules nosuch.yaml one >out 2>err &&
	echo "cc-dispute: cannot open rules '"'"'nosuch.yaml'"'"': No such file or directory" >expect &&
	test_cmp expect err &&
	test_expect_code 65 env CC_DISPUTE_ROUND=x cc-dispute one >out 2>err &&
	echo "cc-dispute: environment CC_DISPUTE_ROUND: '"'"'dispute.round'"'"': expected a non-negative integer, got '"'"'x'"'"'" >expect &&
	test_cmp expect err &&
	printf "dispute:\n  round: 100\n" >cfg.yaml &&
	test_expect_code 65 cc-dispute -c cfg.yaml one >out 2>err &&
	echo "cc-dispute: cfg.yaml:2: '"'"'dispute.round'"'"': expected a round from 1 to 99, got 100" >expect &&
	test_cmp expect err
'

# --- pass-through, bad input, privacy ---------------------------------------------------

test_expect_success 'every record passes through, in order, and the disputes come at the end' '
	{
		echo "{\"kind\":\"note\",\"v\":1,   \"z\": [1, 2.50, \"\\u00e9\"]}" &&
		tl t1 d1 experian "\"creditor\":\"Z\"" &&
		echo "{\"kind\":\"inquiry\",\"v\":1,\"doc\":\"d1\",\"bureau\":\"experian\",\"creditor\":\"Q\"}" &&
		consumer d1 experian
	} >mixed &&
	cc-dispute --as-of 2026-01-15 mixed >out 2>err &&
	test_cmp /dev/null err &&
	head -n 4 out >got && test_cmp mixed got &&
	tail -n +5 out | jq -r .kind >got && echo dispute >expect && test_cmp expect got &&
	gzip -c mixed >mixed.gz &&
	cc-dispute --as-of 2026-01-15 mixed.gz >out2 && test_cmp out out2 &&
	cc-dispute --as-of 2026-01-15 - <mixed >out3 && test_cmp out out3 &&
	cc-dispute --as-of 2026-01-15 --unbuffered <mixed >out4 && test_cmp out out4 &&
	if test -w /dev/full; then
		test_expect_code 74 cc-dispute mixed >/dev/full 2>err &&
		echo "cc-dispute: write error on standard output: No space left on device" >expect &&
		test_cmp expect err
	fi
'

test_expect_success 'bad records: passed through, an error record after each, a diagnostic, the rest disputed, exit 1' '
	{
		consumer d1 experian &&
		echo "{oops" &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"doc\":\"d1\",\"bureau\":\"experian\",\"negative\":true}" &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"t9\",\"bureau\":\"experian\",\"negative\":true}" &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"t8\",\"doc\":\"d1\",\"bureau\":\"innovis\",\"negative\":true}" &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"t7\",\"doc\":\"d1\",\"bureau\":null,\"repositories\":[\"experian\",\"XP\"],\"negative\":true}" &&
		echo "{\"kind\":\"consumer\",\"v\":1,\"doc\":\"d1\",\"bureau\":7}" &&
		echo "{\"kind\":\"consumer\",\"v\":1,\"bureau\":\"equifax\"}" &&
		tl t1 d1 experian "\"creditor\":\"GOOD\""
	} >bad &&
	test_expect_code 1 cc-dispute --as-of 2026-01-15 <bad >out 2>err &&
	cat >expect <<-\EOF &&
	cc-dispute: <stdin>:2: invalid JSON: string or '"'"'}'"'"' expected near '"'"'oops'"'"' at column 5
	cc-dispute: <stdin>:3: tradeline record without "id"
	cc-dispute: <stdin>:4: tradeline record without "doc"
	cc-dispute: <stdin>:5: tradeline record with an unknown bureau '"'"'innovis'"'"'
	cc-dispute: <stdin>:6: tradeline record with an unknown bureau '"'"'XP'"'"' in "repositories"
	cc-dispute: <stdin>:7: consumer record whose "bureau" is not a string
	cc-dispute: <stdin>:8: consumer record without "doc"
	EOF
	test_cmp expect err &&
	jq -r "[.kind, .code // \"-\", .line // \"-\", .doc // \"-\"] | @tsv" out >got &&
	cat >expect <<-\EOF &&
	consumer	-	-	d1
	error	json.syntax	2	-
	tradeline	-	-	d1
	error	record.invalid	3	d1
	tradeline	-	-	-
	error	record.invalid	4	-
	tradeline	-	-	d1
	error	record.invalid	5	d1
	tradeline	-	-	d1
	error	record.invalid	6	d1
	consumer	-	-	d1
	error	record.invalid	7	d1
	consumer	-	-	-
	error	record.invalid	8	-
	tradeline	-	-	d1
	dispute	-	-	d1
	EOF
	test_cmp expect got &&
	jq -c "select(.kind==\"error\" and .line==3)" out >got &&
	echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"dispute\",\"doc\":\"d1\",\"path\":\"<stdin>\",\"line\":3,\"code\":\"record.invalid\",\"message\":\"tradeline record without \\\"id\\\"\"}" >expect &&
	test_cmp expect got &&
	items <out >got &&
	printf "experian\tt1\tunverifiable\tverify\n" >expect &&
	test_cmp expect got
'

test_expect_success 'fields of the wrong type or form are taken as not known' '
	cat >weird <<-\EOF &&
	{"kind":"document","v":1,"doc":"w","owner":5}
	{"kind":"consumer","v":1,"doc":"w","bureau":"experian","name":7,"addresses":"x","ssn_last4":1234,"birth_year":"1980","report_date":12,"report_number":[1]}
	{"kind":"tradeline","v":1,"id":"a","doc":"w","bureau":"experian","creditor":5,"account_mask":{},"history":"x","reasons":"collection","negative":"yes","balance":"100","opened":"2","reported":"2025","removal_date":"x","dofd":"2019-13"}
	{"kind":"tradeline","v":1,"id":"b","doc":"w","bureau":"experian","creditor":"","account_mask":"","history":[1,{"m":5},{"m":"2025-01"},{"m":"2025-02","s":7},{"m":"20","s":"90"},{"m":"2025-03","s":"90"}],"reasons":[1,"collection"],"negative":true,"balance":-5,"original_creditor":"","type":"collection","opened":"2025-0x-01","status":"","remarks":5,"account_group":7}
	{"kind":"tradeline","v":1,"id":"c","doc":"w","bureau":"experian","creditor":"\u20ac Ünïcode","account_mask":"12345678901234567890","negative":true,"reasons":["late_30"],"balance":9223372036854775807,"status":"PAID","type":"revolving","high_balance":-1}
	EOF
	cc-dispute --as-of 2026-01-15 weird >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"dispute\") | [.owner, .consumer, (.items[] | [.tradeline, .creditor, .account_mask, .reason_code])]" out >got &&
	echo "[null,{\"name\":null,\"addresses\":[],\"ssn_last4\":null,\"birth_year\":null,\"report_number\":null},[\"c\",\"€ Ünïcode\",\"XXXXXXXXXXXXXXXX7890\",\"paid_with_balance\"],[\"b\",\"\",\"\",\"unverifiable\"]]" >expect &&
	test_cmp expect got
'

test_expect_success '--strict: stops at the first bad record, and writes no dispute' '
	test_expect_code 1 cc-dispute --strict --as-of 2026-01-15 <bad >out 2>err &&
	test $(wc -l <err) -eq 1 &&
	jq -r .kind out | tr "\n" " " >got &&
	printf "consumer error " >expect &&
	test_cmp expect got
'

test_expect_success 'privacy: an unmasked account number keeps its last four; an SSN longer than four digits is dropped' '
	{
		consumer d8 equifax | sed "s/\"0417\"/\"123456789\"/" &&
		tl t1 d8 equifax "\"creditor\":\"A\",\"account_mask\":\"4147-2024-1234-5678\"" &&
		tl t2 d8 equifax "\"creditor\":\"B\",\"account_mask\":\"1234\"" &&
		tl t3 d8 equifax "\"creditor\":\"C\",\"account_mask\":null" &&
		tl t4 d8 equifax "\"creditor\":\"D\",\"account_mask\":\"XXXX5678\"" &&
		tl t5 d8 equifax "\"creditor\":\"E\",\"type\":\"collection\",\"original_creditor\":\"A\",\"balance\":5,\"account_mask\":\"1\"" &&
		tl t6 d8 equifax "\"creditor\":\"A\",\"balance\":5,\"account_mask\":\"5500000000000004\",\"type\":\"revolving\",\"limit\":1"
	} >priv &&
	printf "reasons:\n  unverifiable:\n    text: \"verify {creditor} {account_mask}\"\n" >masktext.yaml &&
	cc-dispute --as-of 2026-01-15 --rules masktext.yaml priv >out &&
	jq -c "select(.kind==\"dispute\") | [.consumer.ssn_last4, (.items[] | .account_mask), (.items[] | .evidence.duplicate_of.account_mask // empty)]" out >got &&
	echo "[null,\"XXXXXXXXXXXX0004\",\"1\",\"XXXXXXXXXXXXXXX5678\",\"1234\",null,\"XXXX5678\",\"1\",\"XXXXXXXXXXXX0004\"]" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .items[] | select(.tradeline==\"t1\") | .reason" out >got &&
	echo "verify A XXXXXXXXXXXXXXX5678" >expect &&
	test_cmp expect got &&
	! grep "123456789\|5500000000000004\|4147-2024" out | grep -v "^{\"kind\":\"\(consumer\|tradeline\)\""
'

test_expect_success 'privacy: a whole account number with a mask character added is cut to its last four too' '
	{
		consumer d9 equifax &&
		tl u1 d9 equifax "\"creditor\":\"A\",\"account_mask\":\"4147123412341234X\"" &&
		tl u2 d9 equifax "\"creditor\":\"B\",\"account_mask\":\"*4147-1234-1234-1234\"" &&
		tl u3 d9 equifax "\"creditor\":\"C\",\"account_mask\":\"414712XXXXXX1234\"" &&
		tl u4 d9 equifax "\"creditor\":\"D\",\"account_mask\":\"5500000000000004*\",\"type\":\"collection\",\"original_creditor\":\"E\",\"balance\":5" &&
		tl u5 d9 equifax "\"creditor\":\"E\",\"account_mask\":\"5500000000000005**\",\"balance\":5"
	} >priv2 &&
	cc-dispute --as-of 2026-01-15 --rules masktext.yaml priv2 >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"dispute\") | [(.items[] | .account_mask), (.items[] | .evidence.duplicate_of.account_mask // empty)]" out >got &&
	echo "[\"XXXXXXXXXXXXX004*\",\"XXXXXXXXXXXXXX05**\",\"XXXXXXXXXXXXX234X\",\"XXXXXXXXXXXXXXXX1234\",\"414712XXXXXX1234\",\"XXXXXXXXXXXXXX05**\",\"XXXXXXXXXXXXX004*\"]" >expect &&
	test_cmp expect got &&
	! grep -v "^{\"kind\":\"\(consumer\|tradeline\)\"" out | grep -E "[0-9]{7,}"
'

test_expect_success 'a NUL in a field that names something: the record rejected, not cut short at it' '
	{
		consumer n1 equifax | sed "s/\"0417\"/\"1234\\\\u00005678\"/" &&
		tl "n\\u00001" n1 equifax "\"creditor\":\"A\"" &&
		tl n2 n1 equifax "\"creditor\":\"B\",\"account_mask\":\"4147\\u0000123412341234\"" &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"n3\",\"doc\":\"n1\",\"bureau\":\"equifax\\u0000\",\"negative\":true}" &&
		tl n4 n1 equifax "\"creditor\":\"C\",\"status\":\"Charged\\u0000off\""
	} >nul &&
	test_expect_code 1 cc-dispute --as-of 2026-01-15 nul >out 2>err &&
	cat >expect <<-\EOF &&
	cc-dispute: nul:1: consumer record whose "ssn_last4" holds a NUL character
	cc-dispute: nul:2: tradeline record whose "id" holds a NUL character
	cc-dispute: nul:3: tradeline record whose "account_mask" holds a NUL character
	cc-dispute: nul:4: tradeline record whose "bureau" holds a NUL character
	EOF
	test_cmp expect err &&
	jq -r "select(.kind==\"dispute\") | [.consumer.ssn_last4, (.items[] | .tradeline)] | @tsv" out >got &&
	printf "\tn4\n" >expect &&
	test_cmp expect got
'

test_expect_success 'a tradeline with no bureau to send it to: a warning, exit 0' '
	{
		consumer d9 experian &&
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"nb\",\"doc\":\"d9\",\"layout\":null,\"bureau\":null,\"repositories\":null,\"creditor\":\"N\",\"negative\":true,\"reasons\":[\"collection\"]}"
	} >nobureau &&
	cc-dispute --as-of 2026-01-15 nobureau >out 2>err &&
	echo "cc-dispute: tradeline nb: no bureau to dispute it with (its \"bureau\" and \"repositories\" are null)" >expect &&
	test_cmp expect err &&
	test $(grep -c "^{\"kind\":\"dispute\"" out) -eq 0
'

test_expect_success 'a lender line goes to each of its repositories; with --ungrouped, the same records in any order give the same disputes' '
	{
		echo "{\"kind\":\"tradeline\",\"v\":1,\"id\":\"ln\",\"doc\":\"d10\",\"layout\":\"lender\",\"bureau\":null,\"repositories\":[\"experian\",\"transunion\"],\"creditor\":\"L\",\"negative\":true,\"reasons\":[\"collection\"]}" &&
		consumer d10 experian | sed "s/\"bureau\":\"experian\"/\"bureau\":null/" &&
		cat owner7 merged3
	} >many &&
	cc-dispute --as-of 2026-01-15 many >a &&
	items <a | grep "	ln	" >got &&
	printf "experian\tln\tunverifiable\tverify\ntransunion\tln\tunverifiable\tverify\n" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"dispute\") | .consumer.report_number" a | sort | uniq -c | sed "s/^ *//" >got &&
	printf "2 R-d10\n1 R-e1\n3 R-m1\n1 R-q1\n" >expect &&
	test_cmp expect got &&
	tac many >many.rev &&
	cc-dispute --as-of 2026-01-15 --ungrouped many.rev >b 2>err &&
	test_cmp /dev/null err &&
	grep "^{\"kind\":\"dispute\"" a | sort >da &&
	grep "^{\"kind\":\"dispute\"" b | sort >db &&
	test_cmp da db &&
	cc-dispute --as-of 2026-01-15 many >a2 &&
	test_cmp a a2
'

test_expect_success 'a consumer'"'"'s disputes follow its records, before the next consumer'"'"'s records; -j 1 and -j 3 alike' '
	{
		consumer s1 experian &&
		tl s1a s1 experian "\"creditor\":\"A\"" &&
		consumer s2 equifax 9 &&
		tl s2a s2 equifax "\"creditor\":\"B\"" &&
		consumer s3 transunion &&
		tl s3a s3 transunion "\"creditor\":\"C\""
	} >three &&
	cc-dispute --as-of 2026-01-15 three >out 2>err &&
	test_cmp /dev/null err &&
	jq -r "[.kind, .doc] | @tsv" out >got &&
	printf "consumer\ts1\ntradeline\ts1\ndispute\ts1\ndocument\ts2\nconsumer\ts2\ntradeline\ts2\ndispute\ts2\nconsumer\ts3\ntradeline\ts3\ndispute\ts3\n" >expect &&
	test_cmp expect got &&
	CC_DISPUTE_JOBS=1 cc-dispute --as-of 2026-01-15 three >out1 &&
	test_cmp out out1 &&
	CC_DISPUTE_JOBS=3 cc-dispute --as-of 2026-01-15 three >out3 &&
	test_cmp out out3
'

test_expect_success 'a consumer whose records come again after its disputes: a warning, disputed apart; --ungrouped holds them all' '
	{
		consumer s1 experian &&
		tl s1a s1 experian "\"creditor\":\"A\"" &&
		consumer s3 transunion &&
		tl s1b s1 experian "\"creditor\":\"B\""
	} >apart &&
	cc-dispute --as-of 2026-01-15 apart >out 2>err &&
	echo "cc-dispute: records of document s1 come again after its group ended: they are worked on apart (give each one'"'"'s records together)" >expect &&
	test_cmp expect err &&
	items <out >got &&
	printf "experian\ts1a\tunverifiable\tverify\nexperian\ts1b\tunverifiable\tverify\n" >expect &&
	test_cmp expect got &&
	test $(grep -c "^{\"kind\":\"dispute\"" out) -eq 2 &&
	cc-dispute --as-of 2026-01-15 --ungrouped apart >out 2>err &&
	test_cmp /dev/null err &&
	items <out >got &&
	test_cmp expect got &&
	test $(grep -c "^{\"kind\":\"dispute\"" out) -eq 1 &&
	tail -1 out | jq -r .kind >got &&
	echo dispute >expect &&
	test_cmp expect got
'

# --- the committed corpus, end to end --------------------------------------------------

test_expect_success 'the corpus: ingest | ocr | extract | dispute; every negative tradeline disputed with each of its bureaus' '
	cc-ingest "$C/text" | cc-ocr --no-cache | cc-extract >records 2>err &&
	test_cmp /dev/null err &&
	cc-dispute --stats records >out 2>err &&
	echo "cc-dispute: 10 consumers: 18 disputes, 157 items (0 left for another round)" >expect &&
	test_cmp expect err &&
	grep -v "^{\"kind\":\"dispute\"" out >passed &&
	test_cmp records passed &&
	jq -r "select(.kind==\"tradeline\" and .negative) | (if .bureau then [.bureau] else .repositories end)[] as \$b | \"\(.id) \(\$b)\"" records | sort >want &&
	test $(wc -l <want) -eq 157 &&
	jq -r "select(.kind==\"dispute\") | .bureau as \$b | .items[] | \"\(.tradeline) \(\$b)\"" out | sort >got &&
	test_cmp want got &&
	jq -r "select(.kind==\"dispute\") | [.items[].reason_code] | .[]" out | sort | uniq -c | sed "s/^ *//" >got &&
	printf "20 obsolete\n137 unverifiable\n" >expect &&
	test_cmp expect got
'

test_expect_success 'the corpus: every dispute has the agreed fields in order; no full SSN or account number' '
	grep "^{\"kind\":\"dispute\"" out >disputes &&
	jq -c "[keys_unsorted, (.consumer | keys_unsorted), (.bureau_address | keys_unsorted), (.items | map(keys_unsorted) | unique)]" disputes | sort -u >got &&
	echo "[[\"kind\",\"v\",\"id\",\"doc\",\"owner\",\"applicant\",\"bureau\",\"round\",\"status\",\"consumer\",\"bureau_address\",\"items\",\"previous\",\"created_at\"],[\"name\",\"addresses\",\"ssn_last4\",\"birth_year\",\"report_number\"],[\"name\",\"lines\"],[[\"n\",\"tradeline\",\"doc\",\"creditor\",\"account_mask\",\"reason_code\",\"reason\",\"action\",\"evidence\",\"src\"]]]" >expect &&
	test_cmp expect got &&
	jq -c "[.. | strings | select(test(\"(^|[^0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}([^0-9]|\$)\") or
		test(\"(^|[^0-9a-f])[0-9]{9,}([^0-9a-f]|\$)\"))] | select(length > 0)" disputes >bad &&
	test_cmp /dev/null bad &&
	jq -r ".consumer.ssn_last4" disputes | sort -u >ssn &&
	{ grep -v -E "^[0-9]{4}\$" ssn || true; } >bad &&
	test_cmp /dev/null bad &&
	jq -r ".items[].account_mask // empty" disputes >dmasks &&
	{ grep -v "[Xx*]" dmasks | grep -E "[0-9]{5}" || true; } >bad &&
	test_cmp /dev/null bad &&
	jq -r "select(.kind==\"tradeline\") | .account_mask // empty" records | sort -u >masks &&
	sort -u dmasks >dmasks.u &&
	comm -13 masks dmasks.u >bad && test_cmp /dev/null bad &&
	cc-dispute records >again && test_cmp out again
'

test_expect_success 'the corpus: the example dispute of cc-records(5) is what cc-dispute writes' '
	grep "^{\"kind\":\"dispute\"" "$SRCDIR/man/cc-records.5" | sed "s/\\\\e/\\\\/g" >expect &&
	test $(wc -l <expect) -eq 1 &&
	cc-dispute --as-of 2026-01-15 records |
		jq -c "select(.kind==\"dispute\" and .consumer.name==\"OLIVIA F SAMPLE\") | .items |= .[0:1]" >got &&
	test_cmp expect got
'

test_expect_success MAKE 'make install puts the rules where the installed cc-dispute finds them' '
	make -s -C "$SRCDIR" install NOBUILD=1 O="$CC_BUILD" DESTDIR="$TRASH/root" PREFIX=/usr >log 2>&1 &&
	test_cmp "$SRCDIR/rules/dispute.yaml" root/usr/share/cc/rules/dispute.yaml &&
	test -f root/usr/share/man/man1/cc-dispute.1 &&
	root/usr/bin/cc-dispute --as-of 2026-01-15 one >out &&
	cc-dispute --as-of 2026-01-15 one >expect &&
	test_cmp expect out &&
	rm -rf root
'

test_expect_success '--help names every option; --version' '
	cc-dispute --help >help &&
	grep -q "^usage: cc-dispute" help &&
	cc-dispute --version >v &&
	grep -q "^cc-dispute [0-9]" v &&
	test_expect_code 2 cc-dispute --bogus 2>err &&
	grep -q "Try '"'"'cc-dispute --help'"'"'" err
'

test_done
