#!/bin/sh
# Regenerate the small committed corpus in testdata/corpus with cc-synth:
# two text reports per layout, and one short report per layout both as
# text and scanned.  tests/t0302-corpus.sh checks that the committed truth
# is what these commands give.  Bigger corpora: `make corpus`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
synth=${CC_BUILD:-$here/../build}/bin/cc-synth
rm -rf "$here/corpus"
"$synth" -o "$here/corpus/text" -n 2 -s 7 --no-progress
"$synth" -o "$here/corpus/scan" -n 1 -s 11 -a 2-5 --scan --no-progress
