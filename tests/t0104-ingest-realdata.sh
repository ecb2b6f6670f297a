#!/bin/sh
# cc-ingest on real third-party reports from ../shared/realdata (never
# copied into the repository; skipped when absent).
. "$(dirname "$0")/test-lib.sh"

ML=$REALDATA/meridianlink
test_need_prereq JQ,REALDATA

test_expect_success 'ml06: owner-password RC4 report opens, 18 text pages' '
	cc-ingest "$ML/ml06_report.pdf" >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "{pages, text_pages, encrypted, producer, bytes}" out >got &&
	echo "{\"pages\":18,\"text_pages\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18],\"encrypted\":true,\"producer\":\"iTextSharp 4.1.6 by 1T3XT\",\"bytes\":$(wc -c <"$ML/ml06_report.pdf")}" >expect &&
	test_cmp expect got &&
	test "$(jq -r .doc out)" = "$(sha "$ML/ml06_report.pdf")"
'

test_expect_success 'ml08: the empty report, 2 text pages' '
	cc-ingest "$ML/ml08_empty_report.pdf" >out &&
	jq -c "{pages, text_pages, encrypted}" out >got &&
	echo "{\"pages\":2,\"text_pages\":[1,2],\"encrypted\":true}" >expect &&
	test_cmp expect got
'

test_expect_success 'the realdata directory walk finds both PDFs, sorted' '
	cc-ingest "$ML" | jq -r .path >got &&
	printf "%s\n" "$ML/ml06_report.pdf" "$ML/ml08_empty_report.pdf" >expect &&
	test_cmp expect got
'

test_done
