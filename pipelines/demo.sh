#!/bin/sh
# The demo: run the pipeline on the bundled sample reports and show the
# records.  Today the pipeline is cc-ingest; the later stages (cc-ocr,
# cc-extract, cc-dispute, cc-letter) join here as they land.
#
#   sh pipelines/demo.sh [BINDIR]        (make demo runs it)
set -eu
bindir=${1:-build/bin}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/demo-out
mkdir -p "$out"
PATH=$bindir:$PATH

status=0
cc-ingest --store "$out/store" "$here/testdata/sample" \
	>"$out/records.ndjson" || status=$?

cat "$out/records.ndjson"
docs=$(grep -c '"kind":"document"' "$out/records.ndjson" || true)
errs=$(grep -c '"kind":"error"' "$out/records.ndjson" || true)
echo >&2
echo "demo: $docs documents, $errs errors (exit $status)" >&2
echo "demo: records in $out/records.ndjson, PDFs stored in $out/store" >&2
exit $status
