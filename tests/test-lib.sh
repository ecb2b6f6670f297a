# test-lib.sh -- the shell test harness, in the manner of git's t/test-lib.sh.
#
#   . ./test-lib.sh        (from tests/tNNNN-name.sh)
#   test_expect_success 'what it shows' '
#           command && command
#   '
#   test_done
#
# Each test body runs in a subshell with `set -e`, inside a fresh scratch
# directory for the script; the output is TAP for prove(1).  The tools are
# taken from $CC_BUILD/bin (default: build/ beside this directory).

set -u

TEST_NAME=$(basename "$0" .sh)
SRCDIR=$(cd "$(dirname "$0")/.." && pwd)
CC_BUILD=${CC_BUILD:-$SRCDIR/build}
REALDATA=${CC_REALDATA:-$SRCDIR/../shared/realdata}
PATH=$CC_BUILD/bin:$CC_BUILD/tests:$PATH
export PATH SRCDIR CC_BUILD REALDATA

# A clean environment: no config, a fixed clock, C locale.
for v in $(env | sed -n 's/^\(CC_[A-Z0-9_]*\)=.*/\1/p'); do
	case $v in CC_BUILD|CC_REALDATA) ;; *) unset "$v" ;; esac
done
export CC_NOW=2026-01-02T03:04:05Z
export LC_ALL=C TZ=UTC
# ASan: fail on leaks; keep reports on stderr so exact-stderr tests catch them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/cc-$TEST_NAME.XXXXXX") || exit 1
trap 'chmod -R u+w "$TRASH" 2>/dev/null; rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1

test_count=0
test_failed=0

test_expect_success() {
	test_count=$((test_count + 1))
	( set -e; eval "$2" ) >"$TRASH/.log" 2>&1
	if [ $? -eq 0 ]; then
		echo "ok $test_count - $1"
	else
		echo "not ok $test_count - $1"
		sed 's/^/# /' "$TRASH/.log"
		test_failed=$((test_failed + 1))
	fi
}

# test_skip 'what' 'why': count a test that cannot run here.
test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # skip $1 ($2)"
}

test_skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
	exit $?
}

# test_cmp EXPECTED ACTUAL
test_cmp() {
	diff -u "$1" "$2"
}

# test_expect_code CODE command...: run it, insist on the exit status.
test_expect_code() {
	want=$1
	shift
	set +e
	"$@"
	got=$?
	set -e
	if [ "$got" -ne "$want" ]; then
		echo "exit status $got, expected $want: $*" >&2
		return 1
	fi
}

# sha256 of a file by an implementation that is not ours.
sha() {
	sha256sum "$1" | cut -d' ' -f1
}

# mkpdf OUT [options]: a small test PDF made by our test helper.
mkpdf() {
	out=$1
	shift
	cc-test-tool mkpdf -o "$out" "$@"
}
