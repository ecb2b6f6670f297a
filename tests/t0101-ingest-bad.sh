#!/bin/sh
# cc-ingest on bad input: each rejection has its own code and message,
# and the rest of the batch is still processed.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

# errrec PATH CODE MESSAGE
errrec() {
	printf '{"kind":"error","v":1,"stage":"ingest","doc":null,"path":"%s","line":null,"code":"%s","message":"%s"}\n' "$1" "$2" "$3"
}

test_expect_success 'setup: good and bad PDFs' '
	mkpdf good.pdf &&
	mkpdf three.pdf --pages 3 &&
	mkpdf forty.pdf --pages 40 &&
	mkpdf locked.pdf --user-password open-sesame &&
	echo "just text" >notes.pdf &&
	: >empty.pdf &&
	printf "%%PDF-1.4\ngarbage that is no PDF at all\n" >garbage.pdf &&
	head -c 300 forty.pdf >trunc-head.pdf &&
	head -c 6000 forty.pdf >trunc-pages.pdf &&
	mkdir adir.pdf
'

test_expect_success 'not a PDF: pdf.not_pdf' '
	test_expect_code 1 cc-ingest notes.pdf good.pdf >out 2>err &&
	errrec notes.pdf pdf.not_pdf "not a PDF (no %PDF- header)" >expect &&
	head -n 1 out >first && test_cmp expect first &&
	tail -n 1 out | jq -e ".kind == \"document\" and .path == \"good.pdf\"" >/dev/null &&
	echo "cc-ingest: notes.pdf: not a PDF (no %PDF- header)" >expect &&
	test_cmp expect err
'

test_expect_success 'empty file: file.empty' '
	test_expect_code 1 cc-ingest empty.pdf >out 2>err &&
	errrec empty.pdf file.empty "empty file" >expect &&
	test_cmp expect out &&
	echo "cc-ingest: empty.pdf: empty file" >expect &&
	test_cmp expect err
'

test_expect_success 'damaged beyond repair: pdf.damaged' '
	test_expect_code 1 cc-ingest garbage.pdf >out 2>err &&
	errrec garbage.pdf pdf.damaged "damaged beyond repair: no objects found" >expect &&
	test_cmp expect out &&
	echo "cc-ingest: garbage.pdf: damaged beyond repair: no objects found" >expect &&
	test_cmp expect err
'

test_expect_success 'truncated, mupdf cannot open it: pdf.truncated' '
	test_expect_code 1 cc-ingest trunc-head.pdf >out 2>err &&
	jq -r .code out >code && echo pdf.truncated >expect && test_cmp expect code &&
	grep -q "^cc-ingest: trunc-head.pdf: truncated (no %%EOF); damaged beyond repair: " err
'

test_expect_success 'truncated, mupdf repairs it but pages are gone: pdf.truncated' '
	test_expect_code 1 cc-ingest trunc-pages.pdf >out 2>err &&
	jq -r .code out >code && echo pdf.truncated >expect && test_cmp expect code &&
	grep -q "^cc-ingest: trunc-pages.pdf: truncated (no %%EOF); page [0-9]* cannot be read: object out of range" err
'

test_expect_success 'encrypted with a user password: pdf.encrypted' '
	test_expect_code 1 cc-ingest locked.pdf >out 2>err &&
	errrec locked.pdf pdf.encrypted "encrypted with a user password" >expect &&
	test_cmp expect out &&
	echo "cc-ingest: locked.pdf: encrypted with a user password" >expect &&
	test_cmp expect err
'

test_expect_success 'larger than --max-bytes: file.too_large' '
	test_expect_code 1 cc-ingest --max-bytes 100 good.pdf >out 2>err &&
	size=$(wc -c <good.pdf) &&
	errrec good.pdf file.too_large "$size bytes, more than the limit of 100" >expect &&
	test_cmp expect out
'

test_expect_success 'huge: the default limit is 10 MiB, and the file is not read' '
	{ cat good.pdf; head -c 11000000 /dev/zero; } >huge.pdf &&
	size=$(wc -c <huge.pdf) &&
	test_expect_code 1 cc-ingest huge.pdf >out 2>err &&
	errrec huge.pdf file.too_large "$size bytes, more than the limit of 10485760" >expect &&
	test_cmp expect out &&
	truncate -s 100G sparse.pdf &&
	test_expect_code 1 cc-ingest sparse.pdf >out 2>err &&
	errrec sparse.pdf file.too_large "107374182400 bytes, more than the limit of 10485760" >expect &&
	test_cmp expect out
'

test_expect_success 'more pages than --max-pages: pdf.too_many_pages' '
	test_expect_code 1 cc-ingest --max-pages 2 three.pdf good.pdf >out 2>err &&
	errrec three.pdf pdf.too_many_pages "3 pages, more than the limit of 2" >expect &&
	head -n 1 out >first && test_cmp expect first &&
	test $(jq -r .path out | tail -n 1) = good.pdf &&
	echo "cc-ingest: three.pdf: 3 pages, more than the limit of 2" >expect &&
	test_cmp expect err
'

test_expect_success 'the default page limit is 500' '
	mkpdf many.pdf --pages 501 &&
	test_expect_code 1 cc-ingest many.pdf >out &&
	errrec many.pdf pdf.too_many_pages "501 pages, more than the limit of 500" >expect &&
	test_cmp expect out
'

test_expect_success 'unreadable path: file.unreadable' '
	test_expect_code 1 cc-ingest missing.pdf >out 2>err &&
	errrec missing.pdf file.unreadable "No such file or directory" >expect &&
	test_cmp expect out &&
	echo "cc-ingest: missing.pdf: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'not a regular file: file.not_regular' '
	test_expect_code 1 cc-ingest /dev/null >out 2>err &&
	errrec /dev/null file.not_regular "not a regular file" >expect &&
	test_cmp expect out
'

test_expect_success 'a FIFO is rejected at once, not waited on' '
	mkfifo pipe.pdf &&
	test_expect_code 1 timeout 10 cc-ingest pipe.pdf >out 2>err &&
	errrec pipe.pdf file.not_regular "not a regular file" >expect &&
	test_cmp expect out
'

test_expect_success 'a directory named *.pdf inside a walked directory is walked, not read' '
	mkdir -p d/x.pdf && cp good.pdf d/x.pdf/in.pdf &&
	cc-ingest d | jq -r .path >paths &&
	echo d/x.pdf/in.pdf >expect &&
	test_cmp expect paths
'

test_expect_success 'one batch of every bad input: each rejected, every good one kept' '
	test_expect_code 1 cc-ingest good.pdf notes.pdf empty.pdf garbage.pdf \
		trunc-head.pdf locked.pdf missing.pdf three.pdf --max-pages 2 \
		huge.pdf forty.pdf >out 2>err &&
	jq -r "[.kind, .path, (.code // \"-\")] | join(\" \")" out >got &&
	cat >expect <<-\EOF &&
	document good.pdf -
	error notes.pdf pdf.not_pdf
	error empty.pdf file.empty
	error garbage.pdf pdf.damaged
	error trunc-head.pdf pdf.truncated
	error locked.pdf pdf.encrypted
	error missing.pdf file.unreadable
	error three.pdf pdf.too_many_pages
	error huge.pdf file.too_large
	error forty.pdf pdf.too_many_pages
	EOF
	test_cmp expect got &&
	test $(wc -l <err) -eq 9
'

test_expect_success '--strict stops at the first rejected file' '
	test_expect_code 1 cc-ingest --strict good.pdf notes.pdf three.pdf >out 2>err &&
	jq -r .path out >paths &&
	printf "%s\n" good.pdf notes.pdf >expect &&
	test_cmp expect paths
'

test_expect_success DEVFULL 'a failed write to stdout exits 74' '
	test_expect_code 74 cc-ingest good.pdf >/dev/full 2>err &&
	echo "cc-ingest: write error on standard output: No space left on device" >expect &&
	test_cmp expect err
'

test_done
