# test-lib.sh -- the shell test harness, in the manner of git's t/test-lib.sh.
#
#   . ./test-lib.sh        (from tests/tNNNN-name.sh)
#   test_expect_success 'what it shows' '
#           command && command
#   '
#   test_expect_success QPDF 'what it shows, where qpdf is' '
#           qpdf --check out.pdf
#   '
#   test_done
#
# Each test body runs in a subshell with `set -e`, inside a fresh scratch
# directory for the script (the trash directory); the output is TAP for
# prove(1).  The tools are taken from $CC_BUILD/bin (default: build/
# beside this directory).  A script takes options, for a person at a
# terminal (sh tests/t0500-extract.sh --help); tests/README tells more.

set -u

TEST_NAME=$(basename "$0" .sh)
SRCDIR=$(cd "$(dirname "$0")/.." && pwd)
CC_BUILD=${CC_BUILD:-$SRCDIR/build}
REALDATA=${CC_REALDATA:-$SRCDIR/../shared/realdata}
PATH=$CC_BUILD/bin:$CC_BUILD/tests:$PATH
export PATH SRCDIR CC_BUILD REALDATA

test_usage() {
	cat <<EOF
usage: sh tests/$TEST_NAME.sh [options]

  -v, --verbose      show each test's commands and their output as it runs
                     (on stderr, so that stdout stays TAP)
  -x, --trace        trace each test's commands (set -x); with -v as they
                     run, otherwise with the output of a test that fails
  -i, --immediate    stop at the first failure, keeping the trash directory
  -d, --debug        keep the trash directory, and say where it is
  -r, --run=LIST     run only the tests of LIST, such as 3 or 1-4,7 or '!5'
                     (a leading ! leaves out; the last that matches wins;
                     the others print "ok N # skip ... (--run)")
  -h, --help         show this help and exit

Environment: CC_BUILD (the build to test, default build/), CC_REALDATA
(the real reports, default ../shared/realdata), CC_TEST_LONG (non-empty:
run the EXPENSIVE tests), CC_TEST_REQUIRE (prerequisites whose absence
fails a test instead of skipping it; as root, the tools make deps
installs).  See tests/README.
EOF
}

# The options, before anything else so that --help needs no scratch space.
test_verbose=
test_trace=
test_immediate=
test_debug=
test_run=
test_opt_next=
for test_arg in "$@"; do
	if [ -n "$test_opt_next" ]; then
		test_run=$test_arg
		test_opt_next=
		continue
	fi
	case $test_arg in
	-v|--verbose) test_verbose=t ;;
	-x|--trace) test_trace=t ;;
	-i|--immediate) test_immediate=t ;;
	-d|--debug) test_debug=t ;;
	-r|--run) test_opt_next=t ;;
	-r*) test_run=${test_arg#-r} ;;
	--run=*) test_run=${test_arg#--run=} ;;
	-h|--help) test_usage; exit 0 ;;
	*)
		echo "error: $TEST_NAME: unknown option '$test_arg'" >&2
		test_usage >&2
		exit 1
		;;
	esac
done
if [ -n "$test_opt_next" ]; then
	echo "error: $TEST_NAME: --run needs a list of tests" >&2
	exit 1
fi

# --- selecting tests (--run) --------------------------------------------

# test_selected N: --run names test N (git's rules: a list of numbers
# and ranges N-M, N- or -M, each one with ! to leave out; the last one
# that matches decides; a list that starts with ! starts from all).
test_selected() {
	[ -n "$test_run" ] || return 0
	test_include=
	case $test_run in
	!*) test_include=t ;;
	esac
	for test_sel in $(echo "$test_run" | tr ',' ' '); do
		test_positive=t
		case $test_sel in
		!*)
			test_positive=
			test_sel=${test_sel#!}
			;;
		esac
		case $test_sel in
		*[!0-9-]*|*-*-*|-|'')
			echo "error: $TEST_NAME: --run: '$test_sel' is not a number or a range" >&2
			exit 1
			;;
		*-*)
			test_min=${test_sel%-*} test_max=${test_sel#*-}
			[ "${test_min:-0}" -le "$1" ] &&
				{ [ -z "$test_max" ] || [ "$1" -le "$test_max" ]; } &&
				test_include=$test_positive
			;;
		*)
			[ "$test_sel" -eq "$1" ] && test_include=$test_positive
			;;
		esac
	done
	[ -n "$test_include" ]
}
# a bad list is an error now, not at the first test
test_selected 0 || :

# A clean environment: no config, a fixed clock, C locale.  The
# harness's own CC_TEST_* settings stay; no tool reads them.
for v in $(env | sed -n 's/^\(CC_[A-Z0-9_]*\)=.*/\1/p'); do
	case $v in CC_BUILD|CC_REALDATA|CC_TEST_*) ;; *) unset "$v" ;; esac
done
export CC_NOW=2026-01-02T03:04:05Z
export LC_ALL=C TZ=UTC
# ASan: fail on leaks; keep reports on stderr so exact-stderr tests catch them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/cc-$TEST_NAME.XXXXXX") || exit 1
# The trash directory goes at the end, unless asked to keep it (-d), or
# -i stopped at a failure to be looked at there.
test_keep_trash=$test_debug
test_cleanup() {
	if [ -n "$test_keep_trash" ]; then
		echo "# the trash directory is kept: $TRASH"
	else
		chmod -R u+w "$TRASH" 2>/dev/null
		rm -rf "$TRASH"
	fi
}
trap test_cleanup EXIT
# killed, or stdout closed under it (sh t.sh | head): still clean up
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM
cd "$TRASH" || exit 1

test_count=0
test_failed=0

# Titles are printed with printf: dash's echo would take a backslash in
# one for an escape.

# --- prerequisites ------------------------------------------------------
#
# A test that needs something this machine may lack names it first:
# test_expect_success QPDF,!ROOT 'title' 'body'.  Without it the test is
# counted as skipped, saying what is missing, unless the prerequisite is
# in $CC_TEST_REQUIRE: then its absence is a failure.  As root, make
# check has just installed every package the tests use (make deps), so
# there those are required: a missing one is a broken install, not a
# reason to skip.

# test_set_prereq NAME: NAME is there.
test_set_prereq() {
	test_prereq_yes="$test_prereq_yes $1 "
}

# test_lazy_prereq NAME 'script': NAME is there if the script, run in a
# subshell the first time NAME is asked for, succeeds.  The script must
# leave no files behind: it runs in the trash directory.
test_lazy_prereq() {
	test_prereq_lazy="$test_prereq_lazy $1 "
	eval "test_prereq_script_$1=\$2"
}

test_prereq_yes=
test_prereq_no=
test_prereq_lazy=

# test_have_prereq LIST: every prerequisite of LIST (NAME or !NAME,
# separated by commas) is met.  Those that are not are left, joined by
# commas, in $test_missing_prereq.
test_have_prereq() {
	test_missing_prereq=
	test_saved_ifs=$IFS
	IFS=,
	set -- $1
	IFS=$test_saved_ifs
	for test_p; do
		test_name=${test_p#!}
		case "$test_prereq_yes$test_prereq_no" in
		*" $test_name "*) ;;
		*)
			case $test_prereq_lazy in
			*" $test_name "*)
				eval "test_script=\$test_prereq_script_$test_name"
				if [ -n "$test_verbose" ]; then
					echo "checking prerequisite $test_name: $test_script" >&2
					( eval "$test_script" ) >&2 2>&1 </dev/null
				else
					( eval "$test_script" ) >/dev/null 2>&1 </dev/null
				fi
				if [ $? -eq 0 ]; then
					test_prereq_yes="$test_prereq_yes $test_name "
				else
					test_prereq_no="$test_prereq_no $test_name "
				fi
				;;
			*)
				# neither set nor lazy: missing (as in git,
				# for a test_set_prereq that did not happen)
				;;
			esac
			;;
		esac
		case $test_prereq_yes in
		*" $test_name "*) test_there=t ;;
		*) test_there= ;;
		esac
		# met: NAME there, or !NAME and NAME missing
		case $test_p in
		!*) [ -z "$test_there" ] ;;
		*) [ -n "$test_there" ] ;;
		esac ||
			test_missing_prereq=${test_missing_prereq:+$test_missing_prereq,}$test_p
	done
	[ -z "$test_missing_prereq" ]
}

# test_required_missing: the prerequisites of $test_missing_prereq that
# $CC_TEST_REQUIRE names (a !NAME never is), joined by commas.
test_required_missing() {
	test_req=
	test_saved_ifs=$IFS
	IFS=,
	set -- $test_missing_prereq
	IFS=$test_saved_ifs
	for test_p; do
		case " $CC_TEST_REQUIRE " in
		*" $test_p "*) test_req=${test_req:+$test_req,}$test_p ;;
		esac
	done
	echo "$test_req"
}

# test_need_prereq LIST: the whole script needs LIST; call it before the
# first test.  Skips the script if something is missing, or fails it if
# that is required.
test_need_prereq() {
	test_have_prereq "$1" && return 0
	test_req=$(test_required_missing)
	if [ -n "$test_req" ]; then
		echo "not ok 1 - $TEST_NAME needs $test_req"
		echo "# missing $test_req: required here (CC_TEST_REQUIRE=$CC_TEST_REQUIRE); make deps installs what the tests use"
		echo "1..1"
		exit 1
	fi
	test_skip_all "missing $test_missing_prereq"
}

# The standard prerequisites.  Tools by what they are called; TESSERACT
# is the English language data where cc-ocr looks for it (tesseract
# itself is a library cc-ocr loads, not a program the tests run).
test_lazy_prereq JQ 'command -v jq'
test_lazy_prereq QPDF 'command -v qpdf'
# poppler-utils: pdftotext, and pdfinfo, pdfimages and pdffonts beside it
test_lazy_prereq PDFTOTEXT '
	command -v pdftotext && command -v pdfinfo && command -v pdfimages &&
		command -v pdffonts
'
test_lazy_prereq MUTOOL 'command -v mutool'
test_lazy_prereq MANDOC 'command -v mandoc'
test_lazy_prereq PARALLEL 'parallel --version | grep -q "GNU parallel"'
test_lazy_prereq MAKE 'command -v make'
test_lazy_prereq TESSERACT '
	if [ -n "${TESSDATA_PREFIX:-}" ]; then
		test -r "$TESSDATA_PREFIX/eng.traineddata"
	else
		for d in /usr/share/tesseract-ocr/5/tessdata \
			/usr/share/tesseract-ocr/4.00/tessdata /usr/share/tessdata; do
			test -r "$d/eng.traineddata" && exit 0
		done
		exit 1
	fi
'
test_lazy_prereq ROOT 'test "$(id -u)" -eq 0'
test_lazy_prereq NOT_ROOT 'test "$(id -u)" -ne 0'
# a write to /dev/full fails with ENOSPC, for the write-error tests
test_lazy_prereq DEVFULL 'test -c /dev/full && test -w /dev/full'
# the real third-party reports, never in the repository
test_lazy_prereq REALDATA 'test -d "$REALDATA/meridianlink"'
# the tools built with SAN=1 (AddressSanitizer), from the flags stamp or
# the runtime linked in
test_lazy_prereq SANITIZED '
	grep -q -e -fsanitize=address "$CC_BUILD/CFLAGS" ||
		grep -q __asan_init "$CC_BUILD/bin/cc-ingest"
'
# tests too slow for every make check: CC_TEST_LONG=1 runs them
test_lazy_prereq EXPENSIVE 'test -n "${CC_TEST_LONG:-}"'

# Required unless said otherwise: as root, what scripts/deps.sh installs.
if [ -z "${CC_TEST_REQUIRE+set}" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		CC_TEST_REQUIRE="JQ QPDF PDFTOTEXT MUTOOL MANDOC PARALLEL MAKE TESSERACT PG"
	else
		CC_TEST_REQUIRE=
	fi
fi

# --- tests --------------------------------------------------------------

# test_expect_success [PREREQ] 'title' 'body'
test_expect_success() {
	if [ $# -eq 3 ]; then
		test_prereq=$1
		shift
	else
		test_prereq=
	fi
	test_count=$((test_count + 1))
	if ! test_selected "$test_count"; then
		printf '%s\n' "ok $test_count # skip $1 (--run)"
		return 0
	fi
	if [ -n "$test_prereq" ] && ! test_have_prereq "$test_prereq"; then
		test_req=$(test_required_missing)
		if [ -z "$test_req" ]; then
			printf '%s\n' "ok $test_count # skip $1 (missing $test_missing_prereq)"
			return 0
		fi
		printf '%s\n' "not ok $test_count - $1"
		echo "# missing $test_req: required here (CC_TEST_REQUIRE=$CC_TEST_REQUIRE); make deps installs what the tests use"
		test_failure
		return 0
	fi
	if [ -n "$test_verbose" ]; then
		printf '%s\n' "expecting success of $TEST_NAME.$test_count '$1': $2" >&2
		: >"$TRASH/.log"
		( set -e; [ -z "$test_trace" ] || set -x; eval "$2" ) >&2 2>&1 </dev/null
	else
		( set -e; [ -z "$test_trace" ] || set -x; eval "$2" ) >"$TRASH/.log" 2>&1 </dev/null
	fi
	if [ $? -eq 0 ]; then
		printf '%s\n' "ok $test_count - $1"
	else
		printf '%s\n' "not ok $test_count - $1"
		[ -n "$test_verbose" ] || sed 's/^/# /' "$TRASH/.log"
		test_failure
	fi
	[ -z "$test_verbose" ] || echo >&2
}

# After a failed test: count it; with -i, stop there.
test_failure() {
	test_failed=$((test_failed + 1))
	if [ -n "$test_immediate" ]; then
		test_keep_trash=t
		echo "# stopped at the first failure (-i)"
		echo "1..$test_count"
		exit 1
	fi
}

# test_skip 'what' 'why': count a test that cannot run here.
test_skip() {
	test_count=$((test_count + 1))
	printf '%s\n' "ok $test_count # skip $1 ($2)"
}

test_skip_all() {
	printf '%s\n' "1..0 # SKIP $1"
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
