#!/bin/sh
# The options every tool shares, from one table (lib/tool/opt.c): the same
# flags in every filter, -j checked everywhere, durations and ranges the
# same from a flag, the environment and the file, cc-ingest --stats,
# cc-dispute --progress.
. "$(dirname "$0")/test-lib.sh"

FILTERS="cc-ingest cc-ocr cc-extract cc-dispute cc-letter"
C=$SRCDIR/testdata/corpus/text

# opts TOOL: the options of TOOL's --help, one a line ("-j --jobs")
opts() {
	"$1" --help | sed -n "s/^  \(-[^ -]\), \(--[a-z0-9-]*\).*/\1 \2/p; s/^      \(--[a-z0-9-]*\).*/\1/p" |
		sed "s/=.*//"
}

test_expect_success 'every filter takes every shared option' '
	cat >shared <<-\EOF &&
	-j --jobs
	--stats
	--strict
	--unbuffered
	--progress
	--no-progress
	-c --config
	-h --help
	--version
	EOF
	for t in $FILTERS; do
		opts $t >got &&
		grep -v -x -F -f got shared >missing || true
		test_cmp /dev/null missing || { echo "$t lacks the above"; false; }
	done
'

test_expect_success 'the shared options read the same in every filter' '
	for t in $FILTERS; do
		$t --help | grep -E "^      --(strict|unbuffered|progress|no-progress|version) |^  -[ch], " |
			sed "s/  */ /g" >$t.shared
	done &&
	for t in $FILTERS; do test_cmp cc-ingest.shared $t.shared; done &&
	test $(wc -l <cc-ingest.shared) -eq 7
'

test_expect_success 'cc-synth and cc-score take the shared options that mean something to them' '
	opts cc-synth | grep -E "^(-. )?--(jobs|stats|strict|unbuffered|progress|no-progress|config|help|version)$" >got &&
	printf "%s\n" "-j --jobs" --progress --no-progress "-h --help" --version >expect &&
	test_cmp expect got &&
	opts cc-score | grep -E "^(-. )?--(jobs|stats|strict|unbuffered|progress|no-progress|config|help|version)$" >got &&
	printf "%s\n" "-h --help" --version >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-synth --strict -o x 2>err &&
	head -n 1 err >got &&
	echo "cc-synth: unrecognized option '"'"'--strict'"'"'" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-score -j 2 -t x 2>err &&
	head -n 1 err >got &&
	echo "cc-score: invalid option -- '"'"'j'"'"'" >expect &&
	test_cmp expect got
'

test_expect_success '--version: every tool, name and version' '
	for t in $FILTERS cc-synth cc-score; do
		$t --version >v &&
		grep -q "^$t [0-9][0-9.]*\( (.*)\)\?$" v || { cat v; false; }
	done
'

test_expect_success '-j is checked by every filter: 0 to 256' '
	for t in $FILTERS; do
		test_expect_code 2 $t -j 257 </dev/null >out 2>err &&
		printf "%s: --jobs: expected 0 to 256, got 257\nTry '"'"'%s --help'"'"' for more information.\n" $t $t >expect &&
		test_cmp expect err &&
		test_expect_code 2 $t --jobs=many </dev/null 2>err &&
		head -n 1 err | grep -q "^$t: --jobs: '"'"'[a-z]*.jobs'"'"': expected a non-negative integer, got '"'"'many'"'"'$"
	done
'

test_expect_success '-j from the environment and the file: SECTION.jobs' '
	CC_EXTRACT_JOBS=300 test_expect_code 65 cc-extract </dev/null 2>err &&
	echo "cc-extract: \$CC_EXTRACT_JOBS: '"'"'extract.jobs'"'"': expected 0 to 256, got 300" >expect &&
	test_cmp expect err &&
	printf "letter:\n  output: out\n  jobs: 999\n" >bad.yaml &&
	test_expect_code 65 cc-letter -c bad.yaml </dev/null 2>err &&
	echo "cc-letter: bad.yaml:3: '"'"'letter.jobs'"'"': expected 0 to 256, got 999" >expect &&
	test_cmp expect err &&
	cc-test-tool config dispute.jobs=4 dispute.jobs >got &&
	echo "dispute.jobs=4 (flag)" >expect &&
	test_cmp expect got &&
	cc-extract -j 2 </dev/null &&
	cc-dispute -j 0 </dev/null
'

test_expect_success 'cc-synth: -j its own, checked the same way' '
	test_expect_code 2 cc-synth -o x -j 257 2>err &&
	head -n 1 err >got &&
	echo "cc-synth: --jobs: expected 0 to 256, got 257" >expect &&
	test_cmp expect got &&
	test_expect_code 2 cc-synth -o x --noise 4 2>err &&
	head -n 1 err >got &&
	echo "cc-synth: --noise: expected 0 to 3, got 4" >expect &&
	test_cmp expect got
'

# --- durations ----------------------------------------------------------------

test_expect_success 'CC_OCR_CACHE_TTL=24h and cache_ttl: 24h work as --cache-ttl=24h does' '
	CC_OCR_CACHE_TTL=24h cc-ocr </dev/null &&
	printf "ocr:\n  cache_ttl: 24h\n" >ttl.yaml &&
	cc-ocr -c ttl.yaml </dev/null &&
	cc-ocr --cache-ttl=24h </dev/null &&
	CC_OCR_CACHE_TTL=7d cc-test-tool config --config ttl.yaml ocr.cache_ttl >got &&
	echo "ocr.cache_ttl=7d (\$CC_OCR_CACHE_TTL)" >expect &&
	test_cmp expect got
'

test_expect_success 'a bad duration: exit 2 from a flag, 65 from the environment or the file' '
	test_expect_code 2 cc-ocr --cache-ttl=soon </dev/null 2>err &&
	cat >expect <<-\EOF &&
	cc-ocr: --cache-ttl: '"'"'ocr.cache_ttl'"'"': expected seconds or a number with s, m, h or d, got '"'"'soon'"'"'
	Try '"'"'cc-ocr --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	CC_OCR_CACHE_TTL=1w test_expect_code 65 cc-ocr </dev/null 2>err &&
	echo "cc-ocr: environment CC_OCR_CACHE_TTL: '"'"'ocr.cache_ttl'"'"': expected seconds or a number with s, m, h or d, got '"'"'1w'"'"'" >expect &&
	test_cmp expect err &&
	printf "ocr:\n  cache_ttl: 2 days\n" >bad.yaml &&
	test_expect_code 65 cc-ocr -c bad.yaml </dev/null 2>err &&
	echo "cc-ocr: bad.yaml:2: '"'"'ocr.cache_ttl'"'"': expected seconds or a number with s, m, h or d, got '"'"'2 days'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'every tool checks every variable: a bad duration stops cc-ingest too' '
	mkpdf one.pdf &&
	CC_OCR_CACHE_TTL=soon test_expect_code 65 cc-ingest one.pdf >out 2>/dev/null &&
	test_cmp /dev/null out
'

# --- ranges -------------------------------------------------------------------

test_expect_success 'out of range from a flag: a usage error naming the flag' '
	test_expect_code 2 cc-dispute --round 100 </dev/null 2>err &&
	cat >expect <<-\EOF &&
	cc-dispute: --round: expected a round from 1 to 99, got 100
	Try '"'"'cc-dispute --help'"'"' for more information.
	EOF
	test_cmp expect err &&
	test_expect_code 2 cc-ocr --dpi=1201 </dev/null 2>err &&
	head -n 1 err >got &&
	echo "cc-ocr: --dpi: expected 50 to 1200, got 1201" >expect &&
	test_cmp expect got
'

test_expect_success 'out of range from the environment: exit 65, the variable and the key' '
	CC_DISPUTE_ROUND=0 test_expect_code 65 cc-dispute </dev/null >out 2>err &&
	echo "cc-dispute: \$CC_DISPUTE_ROUND: '"'"'dispute.round'"'"': expected a round from 1 to 99, got 0" >expect &&
	test_cmp expect err &&
	test_cmp /dev/null out &&
	CC_OCR_DPI=49 test_expect_code 65 cc-ocr </dev/null 2>err &&
	echo "cc-ocr: \$CC_OCR_DPI: '"'"'ocr.dpi'"'"': expected 50 to 1200, got 49" >expect &&
	test_cmp expect err
'

test_expect_success 'out of range from the file: exit 65, FILE:LINE and the key' '
	printf "# rounds\ndispute:\n  round: 100\n" >bad.yaml &&
	test_expect_code 65 cc-dispute -c bad.yaml </dev/null 2>err &&
	echo "cc-dispute: bad.yaml:3: '"'"'dispute.round'"'"': expected a round from 1 to 99, got 100" >expect &&
	test_cmp expect err &&
	printf "ocr: {psm: 14}\n" >bad.yaml &&
	test_expect_code 65 cc-ocr -c bad.yaml </dev/null 2>err &&
	echo "cc-ocr: bad.yaml:1: '"'"'ocr.psm'"'"': expected 0 to 13, got 14" >expect &&
	test_cmp expect err
'

test_expect_success 'a value is checked when it is set, even one a flag then overrides' '
	CC_OCR_DPI=10 test_expect_code 65 cc-ocr --dpi 300 </dev/null 2>err &&
	grep -q "^cc-ocr: \$CC_OCR_DPI: " err
'

test_expect_success 'the bounds themselves are good' '
	cc-dispute --round 99 </dev/null &&
	CC_DISPUTE_ROUND=1 cc-dispute </dev/null &&
	cc-ocr --dpi 50 --psm 0 </dev/null &&
	cc-ocr --dpi 1200 --psm 13 </dev/null
'

# --- cc-ingest --stats, cc-dispute --progress ---------------------------------------

test_expect_success 'cc-ingest --stats: files ingested, duplicates, rejected' '
	mkpdf two.pdf --pages 2 &&
	cp one.pdf again.pdf &&
	: >empty.pdf &&
	test_expect_code 1 cc-ingest --stats one.pdf two.pdf again.pdf empty.pdf gone.pdf >out 2>err &&
	grep -v "^cc-ingest: [a-z]*.pdf: " err >got &&
	echo "cc-ingest: 5 files: 3 ingested (1 duplicates), 2 rejected" >expect &&
	test_cmp expect got &&
	test $(grep -c "\"kind\":\"document\"" out) -eq 3 &&
	cc-ingest one.pdf >out 2>err &&
	test_cmp /dev/null err
'

test_expect_success 'cc-dispute --progress: the consumers done; --no-progress wins when last' '
	jq -c "select(.kind==\"consumer\" or .kind==\"tradeline\")" "$C/truth.ndjson" >in &&
	cc-dispute --progress in >out 2>err &&
	tr "\r" "\n" <err | grep -v "^$" | tail -n 1 >got &&
	grep -q "^cc-dispute: [1-9][0-9]* consumers$" got &&
	cc-dispute --progress --no-progress in >out2 2>err &&
	test_cmp /dev/null err &&
	test_cmp out out2
'

test_done
