#!/bin/sh
# Install the Debian packages cc needs to build, test and run its demo.
# As root it calls apt-get; otherwise it prints the exact command to run.
# Used by `make deps`, which `make check` and `make demo` run first.

# Build: compiler, pkg-config, and every library lib/ links (libpq: lib/store).
BUILD="gcc make pkg-config libc6-dev
libjansson-dev libyaml-dev zlib1g-dev libssl-dev
libmupdf-dev libopenjp2-7-dev libjbig2dec0-dev libgumbo-dev libmujs-dev
libharfbuzz-dev libfreetype-dev libjpeg-dev libbrotli-dev libpng-dev
libtesseract-dev libleptonica-dev tesseract-ocr-eng libjemalloc-dev
libpq-dev"
# Tests and benchmarks: TAP runner, man page lint, a second PDF
# implementation to read our output back, reference tools, and the
# PostgreSQL server the database tests start a throwaway cluster of
# (tests/lib-pg.sh; psql comes with it).
TEST="perl mandoc poppler-utils qpdf jq mupdf-tools parallel postgresql"

missing=""
for p in $BUILD $TEST; do
	s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)
	[ "$s" = installed ] || missing="$missing $p"
done

if [ -z "$missing" ]; then
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing \
		>/dev/null || { echo "deps: apt-get failed" >&2; exit 1; }
else
	echo "deps: missing packages:$missing" >&2
	echo "deps: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
