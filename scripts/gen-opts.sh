#!/bin/sh
# gen-opts.sh -- a tool's command line, from its .opts file, as C.
#
#   sh scripts/gen-opts.sh cmd/cc-ocr.opts >build/gen/cc-ocr-opts.c
#
# The Makefile runs it for every cmd/TOOL.opts; cmd/TOOL.c includes what
# it writes, which defines `tool_opts', the tool's own options, and
# `tool', its struct cc_opt_tool (lib/tool/opt.h), for cc_opts_parse().
# A tool's command line is data, not code: written, read and diffed as
# its --help shows it, and not seven tables of C initializers alike.
#
# The format.  One thing a line; a line is either
#
#   # ...               a comment (a '#' at the start of the line)
#   (empty)             nothing, but inside a text (below); white space
#                       alone is an empty line too
#   KEYWORD VALUE       a setting of the tool: VALUE is the rest of the
#                       line, the white space around it trimmed
#   -x, --long=ARG      an option of the tool, as --help shows it: the
#   --long              short name (one letter or digit) and ARG are
#                       optional; an option without ARG is a flag
#   <TAB>...            part of the block the last unindented line began
#
# The tool's settings, each at most once:
#
#   name NAME           the tool's name, "cc-ocr" (required)
#   synopsis TEXT       what follows "usage: NAME " (required)
#   section NAME        its configuration section: -j sets NAME.jobs
#                       (none: -j's value is the tool's own)
#   shared WORD ...     the shared options it takes (lib/tool/opt.c):
#                       filter (all of them), or some of jobs, stats,
#                       strict, unbuffered, progress, config; or none.
#                       -h, --help and --version every tool takes.
#   jobs-what TEXT      -j's help: "TEXT worked on at once ..."
#   stats-what TEXT     --stats's help: "print TEXT on stderr at the end"
#   version FUNCTION    a function of the tool's source, defined before
#                       the #include, that adds to --version's line:
#                       void FUNCTION(char *buf, size_t size)
#   about               the paragraph under the usage line, and
#   epilogue            the text after the options: both are the lines
#                       that follow, each indented by one tab, which is
#                       removed; the rest of the line is kept as it is.
#                       Empty lines among them are kept too; those
#                       after the last one are not.
#
# An option's attributes follow it, one a line, each indented by a tab:
#
#   key KEY             the config key it sets, "ocr.dpi"; without one it
#                       is a local option, whose value the tool asks for
#                       with cc_opts_get(), and may be given more than
#                       once (cc_opts_count(), cc_opts_nth())
#   value TEXT          a flag's value: what it sets the key to ("true"),
#                       or, for a local flag, what the tool sees given
#   name NAME           a local option's value kept under NAME, so that
#                       two options set one value (default: its long name)
#   type TYPE           a local option's argument must be a TYPE: string
#                       (the default: anything), path, int, size, bool,
#                       fraction or duration, as config values are
#   range MIN..MAX      type int: and from MIN to MAX (a number, or a C
#                       constant the tool's source has, as LONG_MAX)
#   help TEXT           its line in --help, which wraps it to fit.  A
#                       line indented deeper than the attributes (a tab,
#                       then more white space) goes on with it; an empty
#                       line in its midst breaks the line there.
#
# Text is written as it stands: quotes, backslashes, backquotes and '%'
# are not special (none of it goes through printf).  A mistake is said
# as FILE:LINE: and nothing is written; the C it writes points back to
# the .opts file's lines (#line), so the compiler's errors do too.
#
# An example (cmd/*.opts are the real ones):
#
#   name       cc-ocr
#   synopsis   [options] [FILE ...]
#   section    ocr
#   shared     filter
#   jobs-what  pages
#   version    version
#   about
#   	Read `document' records (from cc-ingest) and write, after each, ...
#   	is passed through.
#   --force-ocr
#   	key    ocr.force
#   	value  true
#   	help   OCR every page, text layer or not
#   -l, --lang=LANG
#   	key    ocr.lang
#   	help   tesseract language (default eng)
#   epilogue
#   	Exit status: 0 all pages read, 1 some records or pages rejected, ...

if [ $# -ne 1 ]; then
	echo "usage: sh $0 FILE.opts >FILE.c" >&2
	exit 2
fi
if [ ! -r "$1" ] || [ -d "$1" ]; then
	echo "$0: cannot read '$1'" >&2
	exit 1
fi

# LC_ALL=C: bytes, in every awk, whatever the encoding of the text.  The path
# goes through the environment, where awk -v would read its backslashes.
OPTS_FILE=$1 LC_ALL=C awk '
function fail(msg) {
	fail_at(FNR, msg)
}

# line 0: the file as a whole
function fail_at(line, msg) {
	if (line)
		printf "%s:%d: %s\n", src, line, msg >"/dev/stderr"
	else
		printf "%s: %s\n", src, msg >"/dev/stderr"
	failed = 1
}

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# s as the body of a C string literal.  A "?" after a "?" is escaped, so
# that no trigraph (C11 has them: "??/" is a backslash) can form.
function cstr(s,    out, i, c, n) {
	out = ""
	n = length(s)
	for (i = 1; i <= n; i++) {
		c = substr(s, i, 1)
		if (c == "\\")
			out = out "\\\\"
		else if (c == "\"")
			out = out "\\\""
		else if (c == "\n")
			out = out "\\n"
		else if (c == "\t")
			out = out "\\t"
		else if (c == "?" && substr(out, length(out)) == "?")
			out = out "\\?"
		else if (c in ctrl)
			out = out sprintf("\\%03o", ctrl[c])
		else
			out = out c
	}
	return out
}

# A quoted C string of s, or NULL when unset.
function cval(s, set) {
	return set ? "\"" cstr(s) "\"" : "NULL"
}

# A text block: its lines, each ending in a newline, split after each
# newline so that the C reads as the text does.
function ctext(s,    out, rest, k) {
	out = ""
	rest = s
	while ((k = index(rest, "\n")) > 0) {
		out = out "\n\"" cstr(substr(rest, 1, k)) "\""
		rest = substr(rest, k + 1)
	}
	if (rest != "")
		out = out "\n\"" cstr(rest) "\""
	return out
}

# The setting or attribute word w, given once.
function once(what, w) {
	if ((what, w) in seen) {
		fail(w " given twice")
		return 0
	}
	seen[what, w] = 1
	return 1
}

# The block being read ends: a text keeps no empty line at its end.
function end_block() {
	pending = 0
	block = ""
}

# An option line: "-x, --long=ARG", "--long=ARG", "-x, --long", "--long".
function option(line,    m, spec) {
	nopts++
	o_line[nopts] = FNR
	o_short[nopts] = ""
	spec = line
	if (spec ~ /^-[A-Za-z0-9],[ \t]+--/) {
		o_short[nopts] = substr(spec, 2, 1)
		spec = trim(substr(spec, 4))
	}
	if (spec !~ /^--[a-z0-9][a-z0-9-]*(=[^ \t=]+)?$/) {
		fail("not an option: \"" line "\" (-x, --long=ARG, " \
		     "or without -x, or =ARG)")
		return
	}
	m = index(spec, "=")
	o_long[nopts] = m ? substr(spec, 3, m - 3) : substr(spec, 3)
	o_arg[nopts] = m ? substr(spec, m + 1) : ""
	o_hasarg[nopts] = m > 0
	if (("long", o_long[nopts]) in names)
		fail("--" o_long[nopts] " defined twice")
	names["long", o_long[nopts]] = 1
	if (o_short[nopts] != "") {
		if (("short", o_short[nopts]) in names)
			fail("-" o_short[nopts] " defined twice")
		names["short", o_short[nopts]] = 1
	}
	block = "option"
}

# An attribute of the last option.
function attribute(line,    w, v) {
	w = line
	sub(/[ \t].*/, "", w)
	v = trim(substr(line, length(w) + 1))
	if (!(w in attrs)) {
		fail("unknown attribute \"" w "\" (key, value, name, type, " \
		     "range, help)")
		return
	}
	if (!once("opt" nopts, w))
		return
	if (v == "") {
		fail(w ": no value")
		return
	}
	o_has[nopts, w] = 1
	if (w == "key" && v !~ /^[a-z_]+\.[a-z_.]+$/)
		fail("key: not a config key: \"" v "\"")
	if (w == "name" && v !~ /^[a-z0-9][a-z0-9-]*$/)
		fail("name: not a name: \"" v "\"")
	if (w == "type" && !(v in types))
		fail("type: one of string, path, int, size, bool, " \
		     "fraction, duration; not \"" v "\"")
	if (w == "range") {
		if (v !~ /^[-]?[A-Za-z0-9_]+\.\.[-]?[A-Za-z0-9_]+$/) {
			fail("range: MIN..MAX, not \"" v "\"")
		} else {
			o_min[nopts] = substr(v, 1, index(v, "..") - 1)
			o_max[nopts] = substr(v, index(v, "..") + 2)
			if (!bound(o_min[nopts]) || !bound(o_max[nopts]))
				fail("range: a bound is a number or a C " \
				     "constant: \"" v "\"")
		}
	}
	o_attr[nopts, w] = v
	last_attr = w
}

function bound(s) {
	return s ~ /^-?[0-9]+$/ || s ~ /^[A-Z_][A-Z0-9_]*$/
}

# What is wrong with an option as a whole, once all of it is read.
function check_option(i,    where) {
	where = "--" o_long[i] ": "
	FNR = o_line[i]
	if ((i, "key") in o_has) {
		if ((i, "type") in o_has || (i, "range") in o_has || \
		    (i, "name") in o_has)
			fail(where "type, range and name are for a local " \
			     "option (one without a key)")
		if (!o_hasarg[i] && !((i, "value") in o_has))
			fail(where "a flag that sets a key needs a value")
	}
	if (o_hasarg[i] && (i, "value") in o_has)
		fail(where "value is for a flag (an option without =ARG)")
	if (!o_hasarg[i] && ((i, "type") in o_has || (i, "range") in o_has))
		fail(where "type and range are for an option with =ARG")
	if ((i, "range") in o_has && o_attr[i, "type"] != "int")
		fail(where "range goes with type int")
}

# A field, after a "#line": errors in it are put on the .opts line
function field(w, name, value) {
	printf "#line %d %s\n\t.%s =%s%s,\n", at[w], q, name, \
		substr(value, 1, 1) == "\n" ? "" : " ", value
}

BEGIN {
	src = ENVIRON["OPTS_FILE"]
	# the bytes a C string writes in octal
	for (i = 1; i < 32; i++)
		ctrl[sprintf("%c", i)] = i
	ctrl[sprintf("%c", 127)] = 127
	delete ctrl["\t"]
	delete ctrl["\n"]
	split("name synopsis section shared jobs-what stats-what version " \
	      "about epilogue", words)
	for (i in words)
		settings[words[i]] = 1
	split("key value name type range help", words)
	for (i in words)
		attrs[words[i]] = 1
	split("string path int size bool fraction duration", words)
	for (i in words)
		types[words[i]] = "CC_CFG_" toupper(words[i])
	split("jobs stats strict unbuffered progress config", words)
	for (i in words)
		shared_bit[words[i]] = "CC_OPT_" toupper(words[i])
	nopts = 0
	block = ""
	pending = 0
}

/^#/ { next }

/^[ \t]*$/ {
	# kept only inside a text, and only if the text goes on
	if (block == "about" || block == "epilogue" || \
	    (block == "option" && last_attr == "help"))
		pending++
	next
}

/^\t/ {
	line = substr($0, 2)
	if (block == "about" || block == "epilogue") {
		for (; pending > 0; pending--)
			text[block] = text[block] "\n"
		text[block] = text[block] line "\n"
	} else if (block == "option" && line ~ /^[ \t]/) {
		if (last_attr != "help") {
			fail("a deeper line goes on with a help text only")
			next
		}
		o_attr[nopts, "help"] = o_attr[nopts, "help"] \
			(pending ? "\n" : " ") trim(line)
		pending = 0
	} else if (block == "option") {
		pending = 0
		attribute(line)
	} else {
		fail("an indented line, but no option, about or epilogue " \
		     "above it")
	}
	next
}

/^[ ]/ {
	fail("indent with a tab")
	next
}

/^-/ {
	end_block()
	last_attr = ""
	option(trim($0))
	next
}

{
	end_block()
	w = $1
	v = trim(substr($0, length(w) + 1))
	if (!(w in settings)) {
		fail("unknown setting \"" w "\" (or an option, with -)")
		next
	}
	if (!once("tool", w))
		next
	at[w] = FNR
	if (w == "about" || w == "epilogue") {
		if (v != "")
			fail(w ": its text goes on the lines after, " \
			     "each indented by a tab")
		block = w
		text[w] = ""
		has[w] = 1
		next
	}
	if (v == "") {
		fail(w ": no value")
		next
	}
	has[w] = 1
	set[w] = v
	if (w == "name" && v !~ /^[a-z0-9][a-z0-9-]*$/)
		fail("name: not a tool name: \"" v "\"")
	if (w == "section" && v !~ /^[a-z_]+$/)
		fail("section: not a config section: \"" v "\"")
	if (w == "version" && v !~ /^[A-Za-z_][A-Za-z0-9_]*$/)
		fail("version: not a C function name: \"" v "\"")
	if (w == "shared") {
		n = split(v, s, /[ \t]+/)
		common = ""
		for (i = 1; i <= n; i++) {
			if (s[i] == "filter" || s[i] == "none") {
				if (n > 1)
					fail("shared: " s[i] " stands alone")
				common = s[i] == "filter" ? "CC_OPT_FILTER" : "0"
			} else if (s[i] in shared_bit) {
				common = common (common == "" ? "" : " | ") \
					 shared_bit[s[i]]
			} else {
				fail("shared: filter, none, or some of jobs, " \
				     "stats, strict, unbuffered, progress, " \
				     "config; not \"" s[i] "\"")
			}
		}
	}
}

END {
	if (!("name" in has))
		fail_at(0, "no name")
	if (!("synopsis" in has))
		fail_at(0, "no synopsis")
	if (!("shared" in has))
		fail_at(0, "no shared (filter, none, or the shared options " \
			"taken)")
	for (i = 1; i <= nopts; i++)
		check_option(i)
	if (failed)
		exit 1

	q = "\"" cstr(src) "\""
	printf "/*\n * The command line of %s, made from %s by\n", \
		set["name"], src
	printf " * scripts/gen-opts.sh: edit that, not this.\n */\n"
	if (nopts) {
		print "static const struct cc_opt tool_opts[] = {"
		for (i = 1; i <= nopts; i++) {
			printf "#line %d %s\n\t{ ", o_line[i], q
			if (o_short[i] != "")
				printf ".short_name = %c%s%c, ", 39, o_short[i], 39
			printf ".long_name = \"%s\"", o_long[i]
			if (o_hasarg[i])
				printf ", .arg = %s", cval(o_arg[i], 1)
			for (k = 1; k <= 3; k++) {
				a = k == 1 ? "key" : k == 2 ? "value" : "name"
				if ((i, a) in o_has)
					printf ", .%s = %s", a, cval(o_attr[i, a], 1)
			}
			if ((i, "type") in o_has)
				printf ", .type = %s", types[o_attr[i, "type"]]
			if ((i, "range") in o_has)
				printf ", .min = %s, .max = %s", o_min[i], o_max[i]
			if ((i, "help") in o_has)
				printf ", .help = %s", cval(o_attr[i, "help"], 1)
			print " },"
		}
		print "\t{ 0 },"
		print "};"
		print ""
	}
	print "static const struct cc_opt_tool tool = {"
	field("name", "name", cval(set["name"], 1))
	field("synopsis", "synopsis", cval(set["synopsis"], 1))
	if ("about" in has)
		field("about", "about", ctext(text["about"]))
	if ("section" in has)
		field("section", "section", cval(set["section"], 1))
	field("shared", "common", common)
	if ("jobs-what" in has)
		field("jobs-what", "jobs_what", cval(set["jobs-what"], 1))
	if ("stats-what" in has)
		field("stats-what", "stats_what", cval(set["stats-what"], 1))
	if (nopts) {
		at["opts"] = o_line[1]
		field("opts", "opts", "tool_opts")
	}
	if ("epilogue" in has)
		field("epilogue", "epilogue", ctext(text["epilogue"]))
	if ("version" in has)
		field("version", "version", set["version"])
	print "};"
}
' "$1"
