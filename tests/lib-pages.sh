# lib-pages.sh -- page records made by hand, for the tests of the readers
# (t0510-generic.sh, t0520-tables.sh): sourced after test-lib.sh.

# page DOC [HEIGHT] <SPEC: the page records of document DOC, from lines of
# SPEC "X0 Y0 X1 Y1 SIZE FONT TEXT" (SIZE the font size, FONT b, i or bi;
# "-" for none), on a page of 612 by HEIGHT (default 792); a line "--"
# starts the next page
page() {
	jq -R -n -c --arg d "$1" --argjson h "${2:-792}" '
	[inputs] | reduce .[] as $l ([[]];
		if $l == "--" then . + [[]]
		else ($l | capture("^\\s*(?<x0>[-0-9.]+) +(?<y0>[-0-9.]+) +(?<x1>[-0-9.]+) +(?<y1>[-0-9.]+) +(?<s>[-0-9.]+) +(?<f>[-bi]+) (?<t>.*)$")) as $m |
			.[-1] += [{t: $m.t, b: ([$m.x0, $m.y0, $m.x1, $m.y1] | map(tonumber))}
				+ (if $m.s == "-" then {} else {s: ($m.s | tonumber)} end)
				+ (if $m.f == "-" then {} else {f: $m.f} end)]
		end) |
	to_entries[] | {kind: "page", v: 1, doc: $d, page: (.key + 1), source: "text",
		width: 612, height: $h, dpi: null, conf: null, lines: .value}'
}

# tradelines FIELDS <records: FIELDS (jq, comma-separated) of each
# tradeline, one JSON array a line
tradelines() {
	jq -c "select(.kind==\"tradeline\") | [$1]"
}

# history <records: each tradeline's history as "YYYY-MM=CODE ..."
history() {
	jq -r "select(.kind==\"tradeline\") | [.bureau // \"-\", (.history | map(\"\(.m)=\(.s)\") | join(\" \"))] | join(\": \")"
}

# ocr <page records: the same read by OCR (source "ocr", each line a
# confidence of 90, no style)
ocr() {
	jq -c '.source = "ocr" | .lines |= map(. + {c: 90} | del(.f))'
}
