#!/bin/sh
# cc-ingest --store: the content-addressed store.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

test_expect_success 'setup' '
	mkpdf a.pdf --seed 1 &&
	mkpdf b.pdf --seed 2 --pages 2 &&
	ha=$(sha a.pdf) && hb=$(sha b.pdf) &&
	echo "$ha" >ha && echo "$hb" >hb
'

test_expect_success '--store copies each PDF to DIR/ab/<sha256>.pdf and records it' '
	ha=$(cat ha) && hb=$(cat hb) &&
	cc-ingest --store st a.pdf b.pdf >out &&
	sa=st/$(echo $ha | cut -c1-2)/$ha.pdf &&
	sb=st/$(echo $hb | cut -c1-2)/$hb.pdf &&
	cmp a.pdf "$sa" && cmp b.pdf "$sb" &&
	jq -r .stored out >got &&
	printf "%s\n" "$sa" "$sb" >expect &&
	test_cmp expect got
'

test_expect_success 'stored files are read-only and no temporary file is left' '
	ha=$(cat ha) &&
	test "$(stat -c %a st/$(echo $ha | cut -c1-2)/$ha.pdf)" = 444 &&
	find st -type f | wc -l >n && echo 2 >expect && test_cmp expect n
'

test_expect_success 'a second run finds the entries and keeps them' '
	ha=$(cat ha) &&
	f=st/$(echo $ha | cut -c1-2)/$ha.pdf &&
	before=$(stat -c %Y.%i "$f") &&
	cc-ingest --store st a.pdf >out &&
	test "$(stat -c %Y.%i "$f")" = "$before" &&
	test "$(jq -r .stored out)" = "$f"
'

test_expect_success 'the store directory is created, nested, when missing' '
	cc-ingest --store deep/er/store a.pdf >out &&
	test -f "$(jq -r .stored out)"
'

test_expect_success 'a store that cannot be written: store.write, exit 74, nothing half-written' '
	echo "not a directory" >blocker &&
	test_expect_code 74 cc-ingest --store blocker/st a.pdf >out 2>err &&
	jq -r .code out >code && echo store.write >expect && test_cmp expect code &&
	grep -q "^cc-ingest: a.pdf: cannot create store directory '"'"'blocker/st/..'"'"': Not a directory$" err
'

test_expect_success 'rejected files are not stored' '
	echo junk >junk.pdf &&
	test_expect_code 1 cc-ingest --store st2 junk.pdf >out 2>/dev/null &&
	test ! -e st2 || test -z "$(find st2 -type f)"
'

test_expect_success 'the store from config and environment' '
	CC_INGEST_STORE=envstore cc-ingest a.pdf >out &&
	test -f "$(jq -r .stored out)" &&
	case $(jq -r .stored out) in envstore/*) ;; *) false ;; esac
'

test_done
