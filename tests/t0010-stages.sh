#!/bin/sh
# The stages run in memory, one after the other, as a worker or a server
# runs them (cc_stage_apply, through cc-test-tool stages), give the same
# records, byte for byte, as the tools in a pipeline, on one thread and on
# several: a tool, a worker and a server run the same code.
. "$(dirname "$0")/test-lib.sh"

C=$SRCDIR/testdata/corpus/text

test_expect_success 'setup: the committed text reports' '
	cp "$C"/*.pdf . &&
	ls *.pdf >list &&
	test $(wc -l <list) -eq 10
'

test_expect_success 'ingest, ocr, extract, dispute in memory: the pipeline'"'"'s records' '
	cc-test-tool stages "$SRCDIR/layouts" "$SRCDIR/rules/dispute.yaml" $(cat list) >inproc &&
	cc-ingest $(cat list) | cc-ocr --no-ocr | cc-extract | cc-dispute >cli &&
	test_cmp cli inproc &&
	grep -c "\"kind\":\"dispute\"" inproc >n &&
	test $(cat n) -gt 10
'

test_expect_success 'the pipeline on one thread a stage: the same records' '
	cc-ingest -j 1 $(cat list) | cc-ocr -j 1 --no-ocr | cc-extract -j 1 |
		cc-dispute -j 1 >one &&
	test_cmp cli one
'

test_expect_success 'the pipeline on five threads a stage: the same records' '
	cc-ingest -j 5 $(cat list) | cc-ocr -j 5 --no-ocr | cc-extract -j 5 |
		cc-dispute -j 5 >five &&
	test_cmp cli five
'

test_done
