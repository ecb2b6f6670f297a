#!/bin/sh
# Regenerate the sample PDFs in testdata/sample with the test helper
# (make tests-build first).  They are committed so `make demo` needs no
# generator; the output is deterministic, so a re-run changes nothing but
# report-owner-locked.pdf, whose AES encryption mupdf salts with random
# bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=${CC_BUILD:-$here/../build}/tests/cc-test-tool
out=$here/sample
mkdir -p "$out"
"$tool" mkpdf -o "$out/report-text.pdf" --pages 3 --seed 2026 \
	--producer "cc sample" \
	--line "SAMPLE CREDIT REPORT (fictional)  page %d" \
	--line "Consumer: JANE Q SAMPLE   SSN: XXX-XX-1234" \
	--line "ACME BANK CARD  Account 4147XXXXXXXX1111  Balance \$1,234.00" \
	--line "NORTHWIND AUTO  Account 5521XXXX2222  Status: Open/Never late" \
	--line "CONTOSO COLLECTIONS  Account XXXX3333  Status: Collection"
"$tool" mkpdf -o "$out/report-scan.pdf" --kind image --pages 2 --seed 7
"$tool" mkpdf -o "$out/report-owner-locked.pdf" --pages 1 --seed 11 \
	--owner-password sample-owner
