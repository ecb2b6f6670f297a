#!/bin/sh
# The EXAMPLES of every man page run as printed: each literal block of
# the section (.Bd -literal), with the tools on PATH, in a scratch
# directory of the page where the inputs the examples name are ready
# (reports/, records.ndjson, disputes.ndjson, c/ ...: see make_fixture).
# A page's examples run in order in one directory, as a reader would type
# them, but none needs the one before: run one alone with --run=N.
#
# Every block runs under bash -e -o pipefail, so that a tool failing in
# the middle of a pipe is not hidden by the jq at its end; it must exit
# 0.  A roff comment just before a block, `.\" example: WHAT', says
# otherwise:
#
#   not run (REASON)   it cannot run here (another host, a tool not yet
#                      written, not a command): skipped, saying why
#   expensive (REASON) too slow for every make check: runs only with
#                      CC_TEST_LONG=1 (the EXPENSIVE prerequisite)
#   exit N             it exits N
#   before: COMMAND    run first, in the same shell (to set a variable)
#   then: COMMAND      run after, in the same shell, and must succeed
#   output of: COMMAND the block is what COMMAND prints, line for line;
#                      "..." in a line stands for text the page leaves out
#   file PATH          the block is a file's text: written to PATH, then
#                      the `then:' commands read it
#
# An example that runs cc-db or psql needs PostgreSQL (the PG
# prerequisite): where it is, the script starts a throwaway cluster
# (lib-pg.sh) whose database every such example shares, CC_DATABASE_URL
# and PGHOST naming it.
#
# Absolute paths of an installed system are taken into the scratch
# directory, so that no example writes outside it: /usr/local/share/cc is
# the build's share/cc, and /etc/cc, /srv, /tmp and /var are directories
# of the page's scratch directory.  $EDITOR is true(1): the "edit" leaves
# the file as it was.  HOME and the OCR cache are in the trash directory.
. "$(dirname "$0")/test-lib.sh"
. "$SRCDIR/tests/lib-pg.sh"
test_need_prereq JQ,TESSERACT

test_lazy_prereq BASH 'command -v bash'

EX=$TRASH/examples
FIXTURE=$TRASH/fixture
export EX FIXTURE
# cc-ocr's default cache is in HOME: keep it, and every dot-file, here
HOME=$TRASH/home XDG_CACHE_HOME=$TRASH/home/.cache
export HOME XDG_CACHE_HOME
mkdir "$HOME" || exit 1

# --- reading the examples ---------------------------------------------------
#
# extract PAGE...: for each literal block of each page's EXAMPLES, in
# $EX: NAME.N.txt (the text as the reader sees it, roff escapes undone),
# NAME.N.dir (its directives) and NAME.N.err (what is wrong with the
# source, if anything); and a line "NAME.N PAGE LINE" in $EX/list.
extract() {
	awk -v ex="$EX" '
	function fail(msg) {
		err = err (err == "" ? "" : "\n") FILENAME ":" FNR ": " msg
	}
	# the text of a line of a literal block, as mandoc prints it;
	# cont is set when the line ends in an escaped newline, which
	# joins it to the next
	function unescape(s,    out, i, c, n) {
		out = ""
		cont = 0
		n = length(s)
		for (i = 1; i <= n; i++) {
			c = substr(s, i, 1)
			if (c != "\\") {
				out = out c
				continue
			}
			if (i == n) {
				cont = 1
				break
			}
			c = substr(s, ++i, 1)
			if (c == "e" || c == "\\")
				out = out "\\"
			else if (c == "-")
				out = out "-"
			else if (c == "&")
				;
			else if (c == " ")
				out = out " "
			else if (c == "\"")
				break
			else if (c == "(") {
				c = substr(s, i + 1, 2)
				i += 2
				if (c in named)
					out = out named[c]
				else
					fail("roff escape \\(" c " in an example")
			} else
				fail("roff escape \\" c " in an example")
		}
		return out
	}
	# open a new example; FILENAME and FNR say where
	function start(    d) {
		page = FILENAME
		sub(/.*\//, "", page)
		count[page]++
		name = page "." count[page]
		txt = ex "/" name ".txt"
		printf "" > txt
		printf "%s", dirs > (ex "/" name ".dir")
		close(ex "/" name ".dir")
		print name, FILENAME, FNR > (ex "/list")
		dirs = ""
		err = ""
		joined = ""
	}
	function finish() {
		if (joined != "")
			fail("a line of the block ends in an escaped newline")
		printf "%s", err > (ex "/" name ".err")
		close(ex "/" name ".err")
		close(txt)
		name = ""
	}
	BEGIN {
		named["aq"] = "\047"; named["dq"] = "\""; named["ga"] = "`"
		named["ti"] = "~"; named["ha"] = "^"; named["rs"] = "\\"
		named["em"] = "--"; named["en"] = "-"
	}
	FNR == 1 {
		insec = 0
		name = ""
		dirs = ""
	}
	/^\.Sh / {
		insec = $0 ~ /^\.Sh EXAMPLES[ \t]*$/
		next
	}
	!insec { next }
	name != "" {
		if ($0 ~ /^\.Ed([ \t]|$)/) {
			finish()
			next
		}
		if ($0 ~ /^[.\047][ \t]*\\"/)
			next
		if ($0 ~ /^[.\047]/) {
			fail("a macro in a literal block: " $0)
			next
		}
		line = unescape($0)
		if (cont) {
			joined = joined line
			next
		}
		print joined line > txt
		joined = ""
		next
	}
	/^\.\\" example: / {
		d = $0
		sub(/^\.\\" example: /, "", d)
		dirs = dirs d "\n"
		next
	}
	/^\.Bd[ \t]+-literal/ {
		start()
		next
	}
	dirs != "" {
		# a directive that is not just before a block: say so, on
		# an example of its own so that it fails
		start()
		fail("an example: comment that is not just before a .Bd -literal")
		finish()
	}
	' "$@"
}

mkdir "$EX" && : >"$EX/list" && extract "$SRCDIR"/man/*.[157] || exit 1

# a database for the examples of cc-db, when one can be had
if test_have_prereq PG; then
	pg_start || { echo "Bail out! cannot start a PostgreSQL cluster"; exit 1; }
fi

# --- the inputs -------------------------------------------------------------
#
# make_fixture: the directory each page's scratch directory starts as, in
# $FIXTURE, made once.  The reports are of the committed corpus, the
# samples an upload and a report of a layout to come; what the examples
# read (docs.ndjson, pages.ndjson, records.ndjson ...) is made from them
# by the tools.
make_fixture() {
	test -f "$FIXTURE/.done" && return 0
	rm -rf "$FIXTURE" &&
	mkdir -p "$FIXTURE" &&
	(
		cd "$FIXTURE" &&
		C=$SRCDIR/testdata/corpus/text &&
		SCAN=$SRCDIR/testdata/corpus/scan &&
		S=$SRCDIR/testdata/sample &&
		# the reports of a run: two with a text layer, a scan
		mkdir reports &&
		cp "$C/experian-7-00000.pdf" "$C/equifax-7-00000.pdf" \
			"$SCAN/lender-11-00000-scan.pdf" reports/ &&
		cc-ingest reports/ >docs.ndjson &&
		cc-ocr <docs.ndjson >pages.ndjson &&
		cc-extract pages.ndjson >records.ndjson 2>/dev/null &&
		cp records.ndjson new-records.ndjson &&
		cc-dispute records.ndjson >disputes.ndjson &&
		cc-letter -o letters disputes.ndjson >/dev/null &&
		# a corpus made by cc-synth, with its truth, and a reading
		# of it; a faxed report; a report of a layout to come; an
		# upload
		cp -R "$C" c &&
		cp -R "$C" corpus &&
		cp "$C/truth.ndjson" truth.ndjson &&
		cc-ingest c | cc-ocr | cc-extract | gzip >run.ndjson.gz &&
		mkdir faxes acme &&
		cp "$SCAN/transunion-11-00000-scan.pdf" faxes/ &&
		cp "$S/report-text.pdf" acme/ &&
		cp "$S/report-text.pdf" upload.pdf &&
		# a site: its configuration's layouts and rules, a nightly
		# job's inbox
		mkdir -p etc/cc srv/cc/inbox srv/cc/runs &&
		cp -R "$CC_BUILD/share/cc/layouts" etc/cc/layouts &&
		printf "max_items: 5\noverflow: defer\n" >etc/cc/dispute-rules.yaml &&
		cp "$C/lender-7-00000.pdf" srv/cc/inbox/ &&
		# a /tmp, as every system has
		mkdir tmp &&
		# the source tree's testdata, as in a checkout
		ln -s "$SRCDIR/testdata" testdata &&
		# a dispute of owner 42 in the database, made afresh (after
		# cc-db migrate): what the examples of cc-db change
		cat >dispute.sql <<-\EOF
		INSERT INTO users (id) VALUES ('42') ON CONFLICT DO NOTHING;
		INSERT INTO report_uploads (owner_id, doc)
			VALUES ('42', repeat('d', 64)) ON CONFLICT DO NOTHING;
		DELETE FROM dispute_status_history
			WHERE owner_id = '42' AND dispute_id = 'a1b2c3d4e5f60718';
		DELETE FROM disputes WHERE owner_id = '42' AND id = 'a1b2c3d4e5f60718';
		INSERT INTO disputes (owner_id, id, doc, bureau)
			VALUES ('42', 'a1b2c3d4e5f60718', repeat('d', 64), 'experian');
		EOF
	) &&
	touch "$FIXTURE/.done"
}

# --- running one ------------------------------------------------------------

# mapped: stdin with the absolute paths of an installed system taken into
# $DIR (see above); only where a path starts, not inside another.
mapped() {
	awk -v dir="$DIR" -v share="$CC_BUILD/share/cc" '
	BEGIN {
		n = split("/usr/local/share/cc /etc/cc /srv/ /tmp/ /var/", from, " ")
		to[1] = share; to[2] = dir "/etc/cc"; to[3] = dir "/srv/"
		to[4] = dir "/tmp/"; to[5] = dir "/var/"
	}
	{
		out = ""
		s = $0
		while (s != "") {
			best = 0
			for (i = 1; i <= n; i++) {
				p = index(s, from[i])
				while (p > 1 && substr(s, p - 1, 1) ~ /[A-Za-z0-9._~\/-]/) {
					q = index(substr(s, p + 1), from[i])
					p = q ? p + q : 0
				}
				if (p && (!best || p < best)) {
					best = p
					which = i
				}
			}
			if (!best) {
				out = out s
				break
			}
			out = out substr(s, 1, best - 1) to[which]
			s = substr(s, best + length(from[which]))
		}
		print out
	}'
}

# directive WORD: the rest of the example's directive lines that start
# with WORD, one a line
directive() {
	sed -n "s/^$1//p" "$EX/$ID.dir"
}

# matches EXPECTED ACTUAL: ACTUAL is EXPECTED line for line, where "..."
# in a line of EXPECTED stands for any text
matches() {
	if [ "$(wc -l <"$1")" -ne "$(wc -l <"$2")" ]; then
		diff -u "$1" "$2"
		echo "$(wc -l <"$2") lines of output, the page shows $(wc -l <"$1")"
		return 1
	fi
	awk '
	NR == FNR { want[FNR] = $0; next }
	{
		w = want[FNR]
		n = split(w, part, /\.\.\./)
		ok = 1
		s = $0
		if (n == 1)
			ok = s == w
		else if (substr(s, 1, length(part[1])) != part[1])
			ok = 0
		else {
			s = substr(s, length(part[1]) + 1)
			for (i = 2; i < n && ok; i++) {
				p = index(s, part[i])
				if (p)
					s = substr(s, p + length(part[i]))
				else
					ok = 0
			}
			if (ok)
				ok = length(s) >= length(part[n]) &&
					substr(s, length(s) - length(part[n]) + 1) == part[n]
		}
		if (!ok) {
			printf "line %d of the output is not the page'"'"'s:\n", FNR
			print "page:   " w
			print "output: " $0
			bad = 1
		}
	}
	END { exit bad }' "$1" "$2"
}

# run_example ID: run the example ID in its page's directory; the body
# of every example's test
run_example() {
	test -s "$EX/$ID.err" && { cat "$EX/$ID.err"; return 1; }
	make_fixture || { echo "the inputs could not be made"; return 1; }
	DIR=$TRASH/pages/${ID%.*}
	if ! test -d "$DIR"; then
		mkdir -p "$TRASH/pages" && cp -R "$FIXTURE" "$DIR" || return 1
	fi
	cd "$DIR" || return 1

	want=0
	output=
	file=
	while read -r d; do
		case $d in
		"exit "[0-9]*) want=${d#exit } ;;
		"output of: "*) output=${d#output of: } ;;
		"file "*) file=${d#file } ;;
		"before: "*|"then: "*|"not run ("*|"expensive ("*) ;;
		*) echo "$ID: unknown directive: $d"; return 1 ;;
		esac
	done <"$EX/$ID.dir"

	# the script: before, the block (or its command, or the writing of
	# its file), then
	{
		echo "set -e -o pipefail"
		directive "before: "
		if [ -n "$output" ]; then
			echo "$output"
		elif [ -n "$file" ]; then
			echo "mkdir -p \"\$(dirname '$file')\""
			echo "cat >'$file' <<'CC_EXAMPLE_EOF'"
			cat "$EX/$ID.txt"
			echo "CC_EXAMPLE_EOF"
		else
			cat "$EX/$ID.txt"
		fi
		directive "then: "
	} | mapped >"$DIR/.example.sh" || return 1
	echo "--- $ID, as run in $DIR:"
	cat "$DIR/.example.sh"
	echo "---"

	got=0
	EDITOR=true bash "$DIR/.example.sh" </dev/null >"$DIR/.out" 2>"$DIR/.err" ||
		got=$?
	echo "stdout:"; cat "$DIR/.out"
	echo "stderr:"; cat "$DIR/.err"
	if [ "$got" -ne "$want" ]; then
		echo "exit status $got, expected $want"
		return 1
	fi
	if [ -n "$output" ]; then
		matches "$EX/$ID.txt" "$DIR/.out" || return 1
	fi
	return 0
}

# --- the tests --------------------------------------------------------------

test_expect_success 'every man page has examples, each read whole' '
	for m in "$SRCDIR"/man/*.[157]; do
		grep -q "^\.Sh EXAMPLES" "$m" || { echo "$m: no EXAMPLES"; exit 1; }
		grep -q " $m " "$EX/list" || { echo "$m: no example read"; exit 1; }
	done &&
	test $(wc -l <"$EX/list") -eq $(cat "$SRCDIR"/man/*.[157] |
		awk "/^\.Sh /{ s = /^\.Sh EXAMPLES/ } s && /^\.Bd[ \t]+-literal/" | wc -l)
'

# what the test runs is what mandoc prints: each block's lines are
# lines of the formatted page, in a row
test_expect_success MANDOC 'each example is the text mandoc shows' '
	while read -r id page line; do
		test -s "$EX/$id.err" && continue
		mandoc -T utf8 "$page" | LC_ALL=C.UTF-8 col -bx |
			sed "s/^ *//; s/ *$//" >page.txt &&
		sed "s/^ *//; s/ *$//" "$EX/$id.txt" >block.txt &&
		awk "NR == FNR { b[++n] = \$0; next } { p[++m] = \$0 }
			END {
				for (i = 1; i + n - 1 <= m; i++) {
					for (j = 1; j <= n && p[i + j - 1] == b[j]; j++)
						;
					if (j > n)
						exit 0
				}
				exit 1
			}" block.txt page.txt ||
			{ echo "$id ($page:$line) is not as mandoc shows it:"; cat block.txt; exit 1; }
	done <"$EX/list"
'

test_expect_success 'setup: the inputs the examples name' '
	make_fixture &&
	cd "$FIXTURE" &&
	jq -r "select(.kind==\"document\") | .path" docs.ndjson >got &&
	printf "reports/%s\n" equifax-7-00000.pdf experian-7-00000.pdf \
		lender-11-00000-scan.pdf >expect &&
	test_cmp expect got &&
	ls letters | sed "s/-[0-9a-f]*\.pdf$//" >got &&
	printf "%s\n" equifax-round1 equifax-round1 experian-round1 experian-round1 \
		transunion-round1 >expect &&
	test_cmp expect got
'

# This test can fail: a page whose examples are wrong in each way it
# looks for, and some right ones.
test_expect_success 'wrong examples fail: status, output, escapes, directives' '
	mkdir -p self/man &&
	cat >self/man/x.1 <<-\EOF &&
	.Sh NAME
	.Bd -literal
	false
	.Ed
	.Sh EXAMPLES
	.Bd -literal
	false
	.Ed
	.\" example: output of: echo one; echo two
	.Bd -literal
	one
	t...o
	.Ed
	.\" example: output of: echo one
	.Bd -literal
	two
	.Ed
	.\" example: output of: echo one
	.Bd -literal
	one
	two
	.Ed
	.\" example: exit 3
	.Bd -literal
	(exit 3)
	.Ed
	.\" example: exit 3
	.Bd -literal
	true
	.Ed
	.Bd -literal
	false | cat
	.Ed
	.Bd -literal
	echo \fBbold
	.Ed
	.\" example: bogus
	.Bd -literal
	true
	.Ed
	.\" example: file /etc/cc/x.yaml
	.\" example: then: grep -q "^a: b$" /etc/cc/x.yaml
	.Bd -literal
	a: b
	.Ed
	.\" example: before: x=$(echo 4)
	.\" example: then: test "$x" = 4 && test "$(tr "\n" " " <y)" = "a b "
	.Bd -literal
	printf "%s\en" a \e
	  b > y
	.Ed
	.Bd -literal
	printf "%s" \
	  a > /tmp/z && test "$(cat tmp/z)" = a
	.Ed
	.\" example: then: true
	.Pp
	.Sh SEE ALSO
	EOF
	(
		EX=$TRASH/self/ex && mkdir "$EX" && : >"$EX/list" &&
		extract self/man/x.1 &&
		while read -r ID page line; do
			if (run_example) >out 2>&1; then
				echo "$ID $line pass"
			else
				printf "%s\n" "$ID $line fail: $(tail -n 1 out)"
			fi
		done <"$EX/list"
	) >got &&
	cat >expect <<-\EOF &&
	x.1.1 6 fail: exit status 1, expected 0
	x.1.2 10 pass
	x.1.3 15 fail: output: one
	x.1.4 19 fail: 1 lines of output, the page shows 2
	x.1.5 24 pass
	x.1.6 28 fail: exit status 0, expected 3
	x.1.7 31 fail: exit status 1, expected 0
	x.1.8 34 fail: self/man/x.1:35: roff escape \f in an example
	x.1.9 38 fail: x.1.9: unknown directive: bogus
	x.1.10 43 pass
	x.1.11 48 pass
	x.1.12 52 pass
	x.1.13 57 fail: self/man/x.1:57: an example: comment that is not just before a .Bd -literal
	EOF
	test_cmp expect got &&
	printf "%s\n" "printf \"%s\\n\" a \\" "  b > y" >expect &&
	test_cmp expect self/ex/x.1.11.txt &&
	echo "printf \"%s\"   a > /tmp/z && test \"\$(cat tmp/z)\" = a" >expect &&
	test_cmp expect self/ex/x.1.12.txt
'

test_expect_success 'installed paths are taken into the scratch directory' '
	cat >paths <<-\EOF &&
	cp -R /usr/local/share/cc/layouts x; cd /srv/cc && ls /etc/cc/cc.yaml
	cc-ingest -s /var/lib/cc/store a/var/x /tmp/doc:/tmp/doc "/var/y"
	EOF
	DIR=/D mapped <paths >got &&
	cat >expect <<-EOF &&
	cp -R $CC_BUILD/share/cc/layouts x; cd /D/srv/cc && ls /D/etc/cc/cc.yaml
	cc-ingest -s /D/var/lib/cc/store a/var/x /D/tmp/doc:/D/tmp/doc "/D/var/y"
	EOF
	test_cmp expect got
'

while read -r ID page line; do
	# the title: where, and the command (the first line of the block
	# that is not a comment, or the file or the output the block is);
	# "#" in a TAP description would begin a directive
	what=$(sed -n "s/^output of: /output of: /p; s/^file /file /p" "$EX/$ID.dir")
	[ -n "$what" ] || what=$(grep -v "^ *#" "$EX/$ID.txt" | head -n 1)
	title="${page##*/}:$line $(printf "%s" "$what" | cut -c1-60 | sed "s/#/\\\\#/g")"
	notrun=$(sed -n "s/^not run (\(.*\))$/\1/p" "$EX/$ID.dir")
	slow=$(sed -n "s/^expensive (\(.*\))$/\1/p" "$EX/$ID.dir")
	if [ -n "$notrun" ]; then
		test_skip "$title" "not run: $notrun"
		continue
	fi
	if [ -n "$slow" ] && ! test_have_prereq EXPENSIVE; then
		test_skip "$title" "expensive: $slow; CC_TEST_LONG=1 runs it"
		continue
	fi
	# what the example runs that this machine may lack
	prereq=BASH
	for w in jq:JQ parallel:PARALLEL pdftotext:PDFTOTEXT cc-db:PG psql:PG; do
		cat "$EX/$ID.txt" "$EX/$ID.dir" | grep -qw -- "${w%%:*}" &&
			prereq=$prereq,${w#*:}
	done
	test_expect_success "$prereq" "$title" 'run_example'
done <"$EX/list"

test_done
