#!/bin/sh
# Regenerate the sample PDFs of testdata/sample, which `make demo` reads:
# three fictional reports drawn by cc-synth in random designs (make
# first), so that the demo reads a consumer and tradelines from each, as
# it would a report in a design no layout describes:
#   report-text.pdf          an Experian-style report with a text layer
#   report-scan.pdf          a TransUnion-style report as a noisy scan
#   report-owner-locked.pdf  an Equifax-style report with an owner
#                            password (no user password), made by qpdf
# They are committed so `make demo` needs no generator.  A re-run gives the
# same text and scan; qpdf salts the encryption of the third with random
# bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${CC_BUILD:-$here/../build}/bin
out=$here/sample
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cc-samples.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
command -v qpdf >/dev/null || { echo "make-samples.sh: qpdf is needed" >&2; exit 2; }
mkdir -p "$out"
synth() { "$bin/cc-synth" --design random -n 1 --no-progress "$@"; }
synth -o "$tmp/x" -l experian -s 2026 -a 6-8
synth -o "$tmp/t" -l transunion -s 7 -a 4-6 --scan --noise 1
synth -o "$tmp/e" -l equifax -s 11 -a 4-6
cp "$tmp/x/experian-2026-00000.pdf" "$out/report-text.pdf"
cp "$tmp/t/transunion-7-00000-scan.pdf" "$out/report-scan.pdf"
qpdf --encrypt "" sample-owner 256 -- "$tmp/e/equifax-11-00000.pdf" \
	"$out/report-owner-locked.pdf"
