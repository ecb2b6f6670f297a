#!/bin/sh
# cc-ingest on good input: the document record, directories, lists,
# duplicates, owner, text-layer detection, usage.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

# docrec FILE PATH PAGES TEXT_PAGES ENCRYPTED PRODUCER [OWNER [DUP_OF]]
docrec() {
	printf '{"kind":"document","v":1,"doc":"%s","path":"%s","bytes":%d,"pages":%d,"text_pages":[%s],"encrypted":%s,"producer":%s,"owner":%s,"ingested_at":"2026-01-02T03:04:05Z","stored":null,"duplicate_of":%s}\n' \
		"$(sha "$1")" "$2" "$(wc -c <"$1")" "$3" "$4" "$5" "$6" "${7:-null}" "${8:-null}"
}

test_expect_success 'setup: test PDFs' '
	mkpdf text3.pdf --pages 3 --producer "cc test suite" &&
	mkpdf one.pdf --seed 7 &&
	mkpdf scan.pdf --kind image --pages 2 &&
	mkpdf ocrlayer.pdf --kind invisible &&
	mkpdf blank.pdf --kind blank &&
	mkpdf owner.pdf --owner-password s3cret
'

test_expect_success PDFTOTEXT 'the test PDF reads back as text with poppler' '
	pdftotext text3.pdf - | grep -q "SAMPLE CREDIT REPORT"
'

test_expect_success 'a text PDF gives one exact document record' '
	cc-ingest text3.pdf >out 2>err &&
	docrec text3.pdf text3.pdf 3 1,2,3 false "\"cc test suite\"" >expect &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'doc is the SHA-256 of the bytes, as sha256sum computes it' '
	cc-ingest one.pdf | jq -r .doc >got &&
	sha256sum one.pdf | cut -d" " -f1 >expect &&
	test_cmp expect got
'

test_expect_success 'image-only, invisible-text and blank pages have no text layer' '
	cc-ingest scan.pdf ocrlayer.pdf blank.pdf >out &&
	{
		docrec scan.pdf scan.pdf 2 "" false null &&
		docrec ocrlayer.pdf ocrlayer.pdf 1 "" false null &&
		docrec blank.pdf blank.pdf 1 "" false null
	} >expect &&
	test_cmp expect out
'

test_expect_success 'text_pages: 64 bytes of visible strings, or 16 letters or digits' '
	mkpdf short.pdf --line "OK 12" &&
	mkpdf sixteen.pdf --line "ABCDEFGHIJ 123456" &&
	mkpdf dots.pdf --line "................................................................." &&
	mkpdf fewdots.pdf --line "......................" &&
	cc-ingest short.pdf sixteen.pdf dots.pdf fewdots.pdf | jq -c "[.path, .text_pages]" >got &&
	cat >expect <<-\EOF &&
	["short.pdf",[]]
	["sixteen.pdf",[1]]
	["dots.pdf",[1]]
	["fewdots.pdf",[]]
	EOF
	test_cmp expect got
'

test_expect_success 'a PDF whose owner password only restricts use opens normally' '
	cc-ingest owner.pdf >out &&
	docrec owner.pdf owner.pdf 1 1 true null >expect &&
	test_cmp expect out
'

test_expect_success 'directories: *.pdf in any case, sorted, recursed, dot-files skipped' '
	mkdir -p in/sub in/.hidden &&
	cp one.pdf in/b.pdf && cp text3.pdf in/A.PDF && cp scan.pdf in/sub/c.pdf &&
	cp blank.pdf in/.dot.pdf && cp blank.pdf in/.hidden/h.pdf &&
	echo notes >in/notes.txt &&
	cc-ingest in >out &&
	jq -r .path out >paths &&
	printf "%s\n" in/A.PDF in/b.pdf in/sub/c.pdf >expect &&
	test_cmp expect paths
'

test_expect_success 'a trailing slash on a directory is not doubled' '
	cc-ingest in/ | jq -r .path >paths &&
	printf "%s\n" in/A.PDF in/b.pdf in/sub/c.pdf >expect &&
	test_cmp expect paths
'

test_expect_success '--files-from reads paths, one a line, - for stdin' '
	printf "%s\n" one.pdf "" scan.pdf >list &&
	cc-ingest --files-from list >out &&
	jq -r .path out >paths &&
	printf "%s\n" one.pdf scan.pdf >expect &&
	test_cmp expect paths &&
	printf "%s\n" scan.pdf one.pdf | cc-ingest -T - | jq -r .path >paths &&
	printf "%s\n" scan.pdf one.pdf >expect &&
	test_cmp expect paths
'

test_expect_success '--null reads NUL-separated paths, names with newlines included' '
	cp one.pdf "odd
name.pdf" &&
	printf "one.pdf\0odd\nname.pdf\0" | cc-ingest -0 -T - >out &&
	jq -r .path out >paths &&
	printf "one.pdf\nodd\nname.pdf\n" >expect &&
	test_cmp expect paths
'

test_expect_success 'operands and --files-from together: the list first' '
	echo scan.pdf >list &&
	cc-ingest -T list one.pdf | jq -r .path >paths &&
	printf "%s\n" scan.pdf one.pdf >expect &&
	test_cmp expect paths
'

test_expect_success 'a duplicate in one run is reported once and marked' '
	cp one.pdf again.pdf &&
	cc-ingest one.pdf again.pdf one.pdf >out &&
	{
		docrec one.pdf one.pdf 1 1 false null &&
		docrec one.pdf again.pdf 1 1 false null null "\"one.pdf\"" &&
		docrec one.pdf one.pdf 1 1 false null null "\"one.pdf\""
	} >expect &&
	test_cmp expect out
'

test_expect_success '--owner is recorded, from the flag or the environment' '
	cc-ingest --owner user-42 one.pdf >out &&
	docrec one.pdf one.pdf 1 1 false null "\"user-42\"" >expect &&
	test_cmp expect out &&
	CC_INGEST_OWNER=user-42 cc-ingest one.pdf >out &&
	test_cmp expect out
'

test_expect_success 'hostile file names come out as valid JSON strings' '
	cp one.pdf "q\"uote\\\\back<script>&.pdf" &&
	cp one.pdf "$(printf "bad\377byte.pdf")" &&
	cc-ingest "q\"uote\\\\back<script>&.pdf" "$(printf "bad\377byte.pdf")" >out &&
	jq -r .path out >paths &&
	printf "%s\n" "q\"uote\\\\back<script>&.pdf" "bad$(printf "\357\277\275")byte.pdf" >expect &&
	test_cmp expect paths
'

test_expect_success 'ingested_at is the time of the run (CC_NOW fixes it)' '
	CC_NOW=1700000000 cc-ingest one.pdf | jq -r .ingested_at >got &&
	echo 2023-11-14T22:13:20Z >expect &&
	test_cmp expect got &&
	env -u CC_NOW cc-ingest one.pdf | jq -r .ingested_at >now &&
	grep -q "^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]*Z$" now
'

test_expect_success '--unbuffered gives the same records' '
	cc-ingest --unbuffered one.pdf scan.pdf >out &&
	cc-ingest one.pdf scan.pdf >expect &&
	test_cmp expect out
'

test_expect_success '-j N: the same records in the same order as one at a time' '
	mkdir par &&
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do mkpdf par/f$i.pdf --seed $i --pages 2; done &&
	cp par/f3.pdf par/f99.pdf && echo junk >par/f5b.pdf && mkpdf par/f7b.pdf --user-password pw &&
	test_expect_code 1 cc-ingest -j 1 par one.pdf par >one 2>err1 &&
	test_expect_code 1 cc-ingest -j 2 par one.pdf par >two 2>err2 &&
	test_expect_code 1 cc-ingest --jobs 5 par one.pdf par >five 2>err5 &&
	test_cmp one two && test_cmp one five &&
	test_cmp err1 err2 && test_cmp err1 err5 &&
	test $(grep -c "\"duplicate_of\":\"par/f3.pdf\"" one) -eq 3 &&
	test $(grep -c "\"kind\":\"error\"" one) -eq 4
'

test_expect_success 'no operands is a usage error (exit 2)' '
	test_expect_code 2 cc-ingest >out 2>err &&
	cat >expect <<-\EOF &&
	cc-ingest: no input files (give FILE, DIR or --files-from)
	Try '"'"'cc-ingest --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	test_cmp /dev/null out
'

test_expect_success 'an unknown option is a usage error (exit 2)' '
	test_expect_code 2 cc-ingest --frobnicate one.pdf 2>err &&
	grep -q "unrecognized option" err &&
	grep -q "^Try '"'"'cc-ingest --help'"'"' for more information.$" err
'

test_expect_success 'a bad --max-pages value is a usage error (exit 2)' '
	test_expect_code 2 cc-ingest --max-pages many one.pdf 2>err &&
	head -n 1 err >first &&
	echo "cc-ingest: --max-pages: '"'"'ingest.max_pages'"'"': expected a non-negative integer, got '"'"'many'"'"'" >expect &&
	test_cmp expect first
'

test_expect_success '--help prints usage on stdout and exits 0; --version too' '
	cc-ingest --help >out &&
	head -n 1 out >first &&
	echo "usage: cc-ingest [options] [FILE|DIR ...]" >expect &&
	test_cmp expect first &&
	cc-ingest --version >v &&
	grep -q "^cc-ingest [0-9][0-9.]* (mupdf [0-9.]*)$" v
'

test_expect_success 'a missing --files-from list exits 66' '
	test_expect_code 66 cc-ingest -T nolist 2>err &&
	echo "cc-ingest: nolist: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'output to a closed pipe ends quietly' '
	for i in 1 2 3 4 5 6 7 8; do cp one.pdf p$i.pdf; done &&
	cc-ingest p*.pdf 2>err | head -n 1 >/dev/null &&
	test_cmp /dev/null err
'

test_done
