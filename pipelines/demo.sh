#!/bin/sh
# The demo: run the pipeline on the bundled sample reports and show the
# records and the dispute letters: cc-ingest | cc-ocr | cc-extract |
# cc-dispute | cc-letter.  The letters go to demo-out/letters.
#
#   sh pipelines/demo.sh [BINDIR]        (make demo runs it)
set -eu
bindir=${1:-build/bin}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/demo-out
mkdir -p "$out"
PATH=$bindir:$PATH

# the samples, and a fictional lender report as text and as a fax
inputs="$here/testdata/sample $here/testdata/corpus/scan/lender-11-00000.pdf
$here/testdata/corpus/scan/lender-11-00000-scan.pdf"

status=0
# shellcheck disable=SC2086
rm -rf "$out/letters"
cc-ingest --store "$out/store" $inputs 2>"$out/errors.txt" |
	cc-ocr --cache "$out/ocr-cache" 2>>"$out/errors.txt" |
	cc-extract 2>>"$out/errors.txt" |
	cc-dispute 2>>"$out/errors.txt" |
	cc-letter -o "$out/letters" --enclose-pages >"$out/records.ndjson" \
		2>>"$out/errors.txt" ||
	status=$?

# one line per record, the tradelines shortened to what an analyst reads
jq -c 'if .kind == "tradeline" then {kind, layout, bureau, creditor,
	account_mask, balance, status, negative, reasons, removal_date}
	elif .kind == "document" then {kind, doc: .doc[0:12], path, pages,
	text_pages}
	elif .kind == "dispute" then {kind, id, bureau, round,
	consumer: .consumer.name, items: [.items[] | {n, creditor,
	account_mask, reason_code, action}]}
	else . end' \
	"$out/records.ndjson" 2>/dev/null || cat "$out/records.ndjson"
cat "$out/errors.txt" >&2
for k in document consumer tradeline inquiry public_record dispute letter error; do
	printf '%s %s\n' "$(grep -c "\"kind\":\"$k\"" "$out/records.ndjson" || true)" "$k"
done | sed 's/^/demo: /' >&2
echo "demo: records in $out/records.ndjson (shortened above)" >&2
echo "demo: letters in $out/letters:" >&2
ls "$out/letters" 2>/dev/null | sed 's/^/demo:   /' >&2
exit $status
