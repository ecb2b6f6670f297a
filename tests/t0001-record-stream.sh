#!/bin/sh
# The record stream every tool reads and writes: pass-through, bad lines,
# --strict, gzip, the record size limit, several sources, write errors.
. "$(dirname "$0")/test-lib.sh"

rc() { cc-test-tool record-cat "$@"; }

test_expect_success 'good records pass through unchanged, blank lines and CR dropped' '
	printf "{\"kind\":\"a\",\"v\":1}\n\n  \n{\"kind\":\"b\", \"v\":1, \"x\":[1,2]}\r\n{\"kind\":\"c\",\"v\":1}" >in &&
	rc in >out 2>err &&
	printf "%s\n" "{\"kind\":\"a\",\"v\":1}" "{\"kind\":\"b\", \"v\":1, \"x\":[1,2]}" "{\"kind\":\"c\",\"v\":1}" >expect &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

cat >bad.ndjson <<'IN'
{"kind":"a","v":1}
{bad
[1]
{"x":1}
{"kind":"b","v":2}
{"kind":"c","v":1}
IN

cat >expect.bad.out <<'EOF'
{"kind":"a","v":1}
{"kind":"error","v":1,"stage":"test","doc":null,"path":"bad.ndjson","line":2,"code":"json.syntax","message":"invalid JSON: string or '}' expected near 'bad' at column 4"}
{"kind":"error","v":1,"stage":"test","doc":null,"path":"bad.ndjson","line":3,"code":"record.invalid","message":"record is not a JSON object"}
{"kind":"error","v":1,"stage":"test","doc":null,"path":"bad.ndjson","line":4,"code":"record.invalid","message":"record has no \"kind\""}
{"kind":"error","v":1,"stage":"test","doc":null,"path":"bad.ndjson","line":5,"code":"record.version","message":"unsupported record version (want \"v\":1)"}
{"kind":"c","v":1}
EOF
cat >expect.bad.err <<'EOF'
cc-test-tool: bad.ndjson:2: invalid JSON: string or '}' expected near 'bad' at column 4
cc-test-tool: bad.ndjson:3: record is not a JSON object
cc-test-tool: bad.ndjson:4: record has no "kind"
cc-test-tool: bad.ndjson:5: unsupported record version (want "v":1)
EOF

test_expect_success 'each bad line: a diagnostic, an error record, the rest kept, exit 1' '
	test_expect_code 1 rc bad.ndjson >out 2>err &&
	test_cmp expect.bad.out out &&
	test_cmp expect.bad.err err
'

test_expect_success '--strict stops at the first bad record' '
	test_expect_code 1 rc --strict bad.ndjson >out 2>err &&
	test $(wc -l <out) -eq 2 &&
	tail -n 1 out | grep -q "\"code\":\"json.syntax\"" &&
	test $(wc -l <err) -eq 1
'

cat >expect.stdin <<'EOF'
cc-test-tool: two:2: invalid JSON: '[' or '{' expected near 'nope' at column 4
cc-test-tool: <stdin>:1: invalid JSON: '[' or '{' expected near 'oops' at column 4
cc-test-tool: two:2: invalid JSON: '[' or '{' expected near 'nope' at column 4
EOF

test_expect_success 'stdin is <stdin>; "-" reads it among files, line numbers per source' '
	printf "{\"kind\":\"x\",\"v\":1}\nnope\n" >two &&
	printf "oops\n" | test_expect_code 1 rc two - two >out 2>err &&
	test_cmp expect.stdin err &&
	test $(grep -c "\"kind\":\"x\"" out) -eq 2
'

test_expect_success 'no operands reads stdin' '
	printf "{\"kind\":\"x\",\"v\":1}\n" | rc >out &&
	echo "{\"kind\":\"x\",\"v\":1}" >expect &&
	test_cmp expect out
'

test_expect_success 'gzip input is detected by its magic, whatever the name' '
	cp bad.ndjson plain &&
	gzip -c bad.ndjson >packed.ndjson &&
	test_expect_code 1 rc plain >expect 2>/dev/null &&
	test_expect_code 1 rc packed.ndjson >out 2>err &&
	sed "s/\"path\":\"plain\"/\"path\":\"packed.ndjson\"/" expect >expect2 &&
	test_cmp expect2 out &&
	grep -q "^cc-test-tool: packed.ndjson:2: invalid JSON" err &&
	gzip -c bad.ndjson | test_expect_code 1 rc >out2 2>/dev/null &&
	test $(wc -l <out2) -eq 6
'

test_expect_success 'a truncated gzip stream is an error, not a silent end' '
	seq 1 20000 | sed "s/.*/{\"kind\":\"n\",\"v\":1,\"n\":&}/" | gzip -c >full.gz &&
	head -c 20000 full.gz >cut.gz &&
	test_expect_code 1 rc cut.gz >out 2>err &&
	tail -n 1 out | grep -q "\"code\":\"input.truncated\"" &&
	grep -q "^cc-test-tool: cut.gz:[0-9]*: unexpected end of compressed input$" err
'

test_expect_success 'a record over the limit is rejected and the next one read' '
	head -c 5000 /dev/zero | tr "\0" "a" >long &&
	{ echo "{\"kind\":\"a\",\"v\":1}"; printf "{\"kind\":\"big\",\"v\":1,\"s\":\"%s\"}\n" "$(cat long)"; echo "{\"kind\":\"b\",\"v\":1}"; } >in &&
	test_expect_code 1 rc --max-record 1000 in >out 2>err &&
	cat >expect <<-\EOF &&
	{"kind":"a","v":1}
	{"kind":"error","v":1,"stage":"test","doc":null,"path":"in","line":2,"code":"record.too_large","message":"record longer than 1000 bytes"}
	{"kind":"b","v":1}
	EOF
	test_cmp expect out &&
	echo "cc-test-tool: in:2: record longer than 1000 bytes" >expect &&
	test_cmp expect err
'

test_expect_success 'the default limit is 16 MiB: a 17 MiB line is skipped, not loaded' '
	{ printf "{\"kind\":\"big\",\"v\":1,\"s\":\""; head -c 17825792 /dev/zero | tr "\0" "a"; printf "\"}\n{\"kind\":\"b\",\"v\":1}\n"; } >huge &&
	test_expect_code 1 rc huge >out 2>err &&
	echo "cc-test-tool: huge:1: record longer than 16777216 bytes" >expect &&
	test_cmp expect err &&
	tail -n 1 out >last &&
	echo "{\"kind\":\"b\",\"v\":1}" >expect &&
	test_cmp expect last
'

test_expect_success 'a missing source is reported and the others still read' '
	echo "{\"kind\":\"a\",\"v\":1}" >ok &&
	test_expect_code 1 rc missing ok >out 2>err &&
	echo "cc-test-tool: missing: No such file or directory" >expect &&
	test_cmp expect err &&
	head -n 1 out | grep -q "\"code\":\"input.open\"" &&
	tail -n 1 out | grep -q "\"kind\":\"a\""
'

test_expect_success DEVFULL 'a failed write to stdout exits 74' '
	echo "{\"kind\":\"a\",\"v\":1}" >ok &&
	test_expect_code 74 rc ok >/dev/full 2>err &&
	echo "cc-test-tool: write error on standard output: No space left on device" >expect &&
	test_cmp expect err
'

test_expect_success JQ 'hostile strings survive as valid JSON' '
	printf "{\"kind\":\"a\",\"v\":1,\"name\":\"<script>&\\\\u0000\\\\n\\\\\"\"}\n" >h &&
	rc h >out &&
	test_cmp h out &&
	jq -e ".name == \"<script>&\u0000\n\\\"\"" out >/dev/null
'

test_done
