#!/bin/sh
# The demo: run the pipeline on the bundled sample reports and show the
# records.  Today the pipeline is cc-ingest | cc-ocr; the later stages
# (cc-extract, cc-dispute, cc-letter) join here as they land.
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
cc-ingest --store "$out/store" $inputs 2>"$out/errors.txt" |
	cc-ocr --cache "$out/ocr-cache" >"$out/records.ndjson" 2>>"$out/errors.txt" ||
	status=$?

jq -c 'if .kind == "page" then {kind, doc: .doc[0:12], page, source, conf,
	lines: (.lines | length), first: (.lines[0].t // null)} else . end' \
	"$out/records.ndjson" 2>/dev/null || cat "$out/records.ndjson"
cat "$out/errors.txt" >&2
for k in document page error; do
	printf '%s %s\n' "$(grep -c "\"kind\":\"$k\"" "$out/records.ndjson" || true)" "$k"
done | sed 's/^/demo: /' >&2
echo "demo: records in $out/records.ndjson (page records shortened above)" >&2
exit $status
