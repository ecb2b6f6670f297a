#!/bin/sh
# The option tables and the configuration table against the docs, both
# ways: every option of a tool's --help (made from its table) is in the
# OPTIONS of its man page, and every option there is in --help; every
# config key is in cc.yaml(5), with its type, default and range, and
# every key cc.yaml(5) documents is in the table.
. "$(dirname "$0")/test-lib.sh"

M=$SRCDIR/man

# help_opts TOOL: the options --help lists, "-x" and "--long", one a line
help_opts() {
	"$1" --help |
		sed -n "s/^  \(-[^ -]\), \(--[a-z0-9-]*\).*/\1\n\2/p; s/^      \(--[a-z0-9-]*\).*/\1/p" |
		sed "s/=.*//" | sort -u
}

# help_pairs TOOL: "-x --long" for each option with both
help_pairs() {
	"$1" --help | sed -n "s/^  \(-[^ -]\), \(--[a-z0-9-]*\).*/\1 \2/p" |
		sed "s/=.*//" | sort
}

# man_items PAGE: the .It lines of the OPTIONS section
man_items() {
	awk '/^\.Sh OPTIONS/ { p = 1; next } /^\.Sh / { p = 0 } p && /^\.It Fl /' "$1"
}

# man_opts PAGE: the options those .It lines name, "-x" and "--long"
man_opts() {
	man_items "$1" | grep -o "Fl -\{0,1\}[A-Za-z0-9][A-Za-z0-9-]*" |
		sed "s/^Fl /-/" | sort -u
}

# man_pairs PAGE: "-x --long" for each .It line naming both
man_pairs() {
	man_items "$1" | sed -n "s/^\.It Fl \([A-Za-z0-9]\)\( .*\)\{0,1\} , Fl -\([a-z0-9-]*\).*/-\1 --\3/p" | sort
}

test_expect_success 'every tool has a man page with an OPTIONS section' '
	for c in "$SRCDIR"/cmd/cc-*.c; do
		t=$(basename "$c" .c)
		grep -q "^\.Sh OPTIONS$" "$M/$t.1" || { echo "$t.1: no OPTIONS"; false; }
	done
'

for c in "$SRCDIR"/cmd/cc-*.c; do
	t=$(basename "$c" .c)
	test_expect_success "$t: every option of --help is in the OPTIONS of $t.1" '
		help_opts $t >help &&
		man_opts "$M/$t.1" >man &&
		test -s help &&
		comm -23 help man >missing &&
		test_cmp /dev/null missing
	'
	test_expect_success "$t: every option in the OPTIONS of $t.1 is in --help" '
		help_opts $t >help &&
		man_opts "$M/$t.1" >man &&
		comm -13 help man >extra &&
		test_cmp /dev/null extra
	'
	test_expect_success "$t: each short option goes with the same long one" '
		help_pairs $t >help &&
		man_pairs "$M/$t.1" >man &&
		test_cmp help man
	'
done

# --- the configuration --------------------------------------------------------

Y=$M/cc.yaml.5

# doc_keys: "KEY TYPE DEFAULT" of each key of cc.yaml(5), "-" for no default
doc_keys() {
	sed -n "s/^\.It Cm \([a-z_]*\.[a-z_.]*\) Pq \([a-z]*\), default \(.*\)$/\1 \2 \3/p
		s/^\.It Cm \([a-z_]*\.[a-z_.]*\) Pq \([a-z]*\), no default$/\1 \2 -/p" "$Y" | sort
}

test_expect_success 'setup: the keys of the table and of cc.yaml(5)' '
	cc-test-tool config-keys >table &&
	test $(wc -l <table) -ge 30 &&
	cut -f1-3 table | tr "\t" " " | sort >table.keys &&
	doc_keys >doc.keys &&
	test -s doc.keys
'

test_expect_success 'every config key is in cc.yaml(5)' '
	cut -d" " -f1 table.keys >t && cut -d" " -f1 doc.keys >d &&
	comm -23 t d >missing &&
	test_cmp /dev/null missing
'

test_expect_success 'every key cc.yaml(5) documents is in the table' '
	cut -d" " -f1 table.keys >t && cut -d" " -f1 doc.keys >d &&
	comm -13 t d >extra &&
	test_cmp /dev/null extra &&
	grep "^\.It Cm [a-z_]*\.[a-z_]" "$Y" | sed "s/^\.It Cm \([^ ]*\).*/\1/" | sort >listed &&
	test_cmp d listed
'

test_expect_success 'cc.yaml(5) gives each key its type and default' '
	test_cmp table.keys doc.keys
'

test_expect_success 'cc.yaml(5) gives each bounded key its range' '
	awk -F"\t" "\$4 != \"-\" { split(\$4, r, /\.\./); print \$1, r[1], r[2] }" table >ranges &&
	test -s ranges &&
	while read -r k lo hi; do
		awk -v k="$k" "/^\.It / { p = (\$3 == k) } p" "$Y" | tr "\n" " " >text &&
		grep -q "from $lo to $hi" text || { echo "$k: no \"from $lo to $hi\""; false; }
	done <ranges
'

test_expect_success 'the ENVIRONMENT of cc.yaml(5) names the variable of every key, and no other' '
	cut -d" " -f1 table.keys | tr "a-z." "A-Z_" | sed "s/^/CC_/" | sort >vars &&
	awk "/^\.Sh ENVIRONMENT/ { p = 1; next } /^\.Sh / { p = 0 } p" "$Y" |
		sed -n "s/^\.It Ev \(CC_[A-Z_]*\)$/\1/p" | grep -v "^CC_CONFIG$" | sort >listed &&
	test_cmp vars listed
'

test_expect_success 'every configuration key a tool'"'"'s man page names is in the table' '
	awk "/[Cc]onfiguration key\$/ { getline; print }" "$M"/cc-*.1 |
		sed -n "s/^\.Cm \([a-z_]*\.[a-z_]*\).*/\1/p" | sort -u >named &&
	test -s named &&
	cut -d" " -f1 table.keys >t &&
	comm -23 named t >unknown &&
	test_cmp /dev/null unknown
'

test_done
