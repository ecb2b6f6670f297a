#!/bin/sh
# Configuration: file search order, precedence, errors with file and line.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

test_expect_success 'setup' '
	mkpdf three.pdf --pages 3
'

test_expect_success './cc.yaml is read: a limit from it rejects' '
	mkdir w && cp three.pdf w/ &&
	printf "# limits\ningest:\n  max_pages: 2\n" >w/cc.yaml &&
	(cd w && test_expect_code 1 cc-ingest three.pdf >out 2>err) &&
	jq -r .message w/out >got &&
	echo "3 pages, more than the limit of 2" >expect &&
	test_cmp expect got
'

test_expect_success 'the environment overrides the file, a flag overrides both' '
	(cd w && CC_INGEST_MAX_PAGES=3 cc-ingest three.pdf >out) &&
	(cd w && CC_INGEST_MAX_PAGES=3 test_expect_code 1 cc-ingest --max-pages 1 three.pdf >out 2>/dev/null) &&
	jq -r .message w/out >got &&
	echo "3 pages, more than the limit of 1" >expect &&
	test_cmp expect got
'

test_expect_success '--config and $CC_CONFIG choose the file' '
	printf "ingest:\n  max_pages: 1\n" >one.yaml &&
	test_expect_code 1 cc-ingest --config one.yaml three.pdf >out 2>/dev/null &&
	CC_CONFIG=one.yaml test_expect_code 1 cc-ingest three.pdf >out2 2>/dev/null &&
	test_cmp out out2 &&
	test "$(jq -r .code out)" = pdf.too_many_pages
'

test_expect_success 'resolved values and where each came from' '
	printf "input:\n  max_record: 1MiB\ningest:\n  owner: ~\n  max_bytes: 2M\n" >c.yaml &&
	CC_INGEST_MAX_PAGES=9 cc-test-tool config --config c.yaml \
		input.max_record ingest.max_bytes ingest.max_pages ingest.owner \
		ingest.store=/srv/st ingest.store >got &&
	cat >expect <<-\EOF &&
	input.max_record=1MiB (c.yaml:2)
	ingest.max_bytes=2M (c.yaml:5)
	ingest.max_pages=9 ($CC_INGEST_MAX_PAGES)
	ingest.owner=(unset) (default)
	ingest.store=/srv/st (flag)
	EOF
	test_cmp expect got
'

test_expect_success 'an unknown key: file, line and key, exit 65' '
	printf "ingest:\n  max_pages: 2\n  max_pagez: 3\n" >bad.yaml &&
	test_expect_code 65 cc-ingest --config bad.yaml three.pdf >out 2>err &&
	echo "cc-ingest: bad.yaml:3: unknown key '"'"'ingest.max_pagez'"'"'" >expect &&
	test_cmp expect err &&
	test_cmp /dev/null out
'

test_expect_success 'an unknown section: exit 65' '
	printf "ingest:\n  max_pages: 2\nfrobs:\n  x: 1\n" >bad.yaml &&
	test_expect_code 65 cc-ingest --config bad.yaml three.pdf 2>err &&
	echo "cc-ingest: bad.yaml:3: unknown key '"'"'frobs'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a value of the wrong type: file, line, key and value, exit 65' '
	printf "ingest:\n  max_bytes: lots\n" >bad.yaml &&
	test_expect_code 65 cc-ingest --config bad.yaml three.pdf 2>err &&
	echo "cc-ingest: bad.yaml:2: '"'"'ingest.max_bytes'"'"': expected a size in bytes (e.g. 10MiB), got '"'"'lots'"'"'" >expect &&
	test_cmp expect err &&
	printf "output:\n  unbuffered: maybe\n" >bad.yaml &&
	test_expect_code 65 cc-ingest --config bad.yaml three.pdf 2>err &&
	echo "cc-ingest: bad.yaml:2: '"'"'output.unbuffered'"'"': expected true or false, got '"'"'maybe'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a list where a value belongs: exit 65' '
	printf "ingest:\n  max_pages:\n    - 1\n    - 2\n" >bad.yaml &&
	test_expect_code 65 cc-ingest --config bad.yaml three.pdf 2>err &&
	echo "cc-ingest: bad.yaml:3: '"'"'ingest.max_pages'"'"': expected a non-negative integer, not a list" >expect &&
	test_cmp expect err
'

test_expect_success 'invalid YAML: exit 65 with a line' '
	printf "ingest:\n  max_pages: [1\n" >bad.yaml &&
	test_expect_code 65 cc-ingest --config bad.yaml three.pdf 2>err &&
	grep -q "^cc-ingest: bad.yaml:[0-9]*: invalid YAML: " err
'

test_expect_success 'a bad environment value: exit 65, naming the variable' '
	CC_INGEST_MAX_PAGES=x test_expect_code 65 cc-ingest three.pdf 2>err &&
	echo "cc-ingest: environment CC_INGEST_MAX_PAGES: '"'"'ingest.max_pages'"'"': expected a non-negative integer, got '"'"'x'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'an empty variable is unset; an unparsable CC_NOW exits 65' '
	CC_INGEST_MAX_PAGES= cc-ingest three.pdf >out &&
	test "$(jq -r .pages out)" = 3 &&
	CC_INGEST_OWNER= cc-ingest three.pdf >out &&
	test "$(jq -r .owner out)" = null &&
	CC_NOW=yesterday test_expect_code 65 cc-ingest three.pdf 2>err &&
	echo "cc-ingest: environment CC_NOW: expected seconds since the epoch or YYYY-MM-DDTHH:MM:SSZ, got '"'"'yesterday'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'an explicit config file that does not exist: exit 66' '
	test_expect_code 66 cc-ingest --config nope.yaml three.pdf 2>err &&
	echo "cc-ingest: cannot open config '"'"'nope.yaml'"'"': No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'an empty config file is fine' '
	: >empty.yaml &&
	cc-ingest --config empty.yaml three.pdf >out &&
	test "$(jq -r .pages out)" = 3
'

test_done
