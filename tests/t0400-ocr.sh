#!/bin/sh
# cc-ocr: page records from the text layer and by OCR, pass-through,
# the cache, bad input, missing language data.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ,QPDF

C=$SRCDIR/testdata/corpus/scan
TEXT=$C/lender-11-00000.pdf
SCAN=$C/lender-11-00000-scan.pdf

test_expect_success 'setup: a text PDF, and the first page of a report as text and as a scan' '
	mkpdf two.pdf --pages 2 --line "ACME BANK  Balance \$1,234  page %d" --line "Second  line" &&
	cc-ingest two.pdf >two.docs &&
	qpdf --empty --pages "$SCAN" 1 -- scan1.pdf &&
	qpdf --empty --pages "$TEXT" 1 -- text1.pdf &&
	cc-ingest scan1.pdf >scan.docs &&
	cc-ingest text1.pdf >text.docs
'

test_expect_success 'a text PDF: the document record, then one page record a page' '
	cc-ocr --no-cache <two.docs >out &&
	jq -r .kind out | tr "\n" " " >kinds &&
	printf "document page page " >expect && test_cmp expect kinds &&
	head -n 1 out >first && test_cmp two.docs first &&
	jq -c "select(.kind==\"page\") | [.page, .source, .width, .height, .dpi, .conf, [.lines[].t]]" out >got &&
	cat >expect <<-\EOF &&
	[1,"text",612,792,null,null,["ACME BANK Balance $1,234 page 1","Second line"]]
	[2,"text",612,792,null,null,["ACME BANK Balance $1,234 page 2","Second line"]]
	EOF
	test_cmp expect got
'

test_expect_success 'line boxes are in points, on the page, top to bottom' '
	cc-ocr --no-cache <two.docs |
		jq -r "select(.kind==\"page\") | .lines[] | .b | @tsv" >boxes &&
	awk -F"\t" "{ if (!(\$1 >= 0 && \$1 < \$3 && \$3 <= 612 && \$2 >= 0 && \$2 < \$4 && \$4 <= 792)) bad = 1 }
		NR % 2 == 0 { if (\$2 <= prev) bad = 1 } { prev = \$2 } END { exit bad }" boxes
'

test_expect_success 'each line has its font size, and "f" when most of it is bold or italic' '
	mkpdf styled.pdf --kind styled &&
	cc-ingest styled.pdf | cc-ocr --no-cache |
		jq -c "select(.kind==\"page\") | .lines[] | [.t, .s, .f]" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK CARD",16,"b"]
	["Balance $1,234",11,null]
	["Creditors may view these items",9,"i"]
	["PAYS_AS_AGREED",8,"bi"]
	["Name JOHN Q SAMPLE",10,null]
	["MIDLAND CREDIT MGMT",10,null]
	["Acct #",10,"b"]
	["7205103***",10,null]
	["TYPE",10,"b"]
	["Paid as agreed OK",10,null]
	["Months (terms)",10,"b"]
	["120",10,null]
	EOF
	test_cmp expect got
'

test_expect_success TESSERACT 'an OCR line has an estimated size, no style; a line of marks none' '
	cc-ocr --no-cache <scan.docs >out &&
	jq -r "select(.kind==\"page\") | .lines[] | select(.f != null)" out >styled &&
	! test -s styled &&
	jq -r "select(.kind==\"page\") | .lines[] | select(.t == \"MERGED INFILE CREDIT REPORT\" or .t == \"-\") | [.t, .s] | @tsv" out |
		sort -u >got &&
	printf "%s\t\n" - >expect &&
	printf "MERGED INFILE CREDIT REPORT\t17\n" >>expect &&
	test_cmp expect got &&
	cc-ingest text1.pdf | cc-ocr --no-cache |
		jq -r "select(.kind==\"page\") | .lines[0] | [.t, .s] | @tsv" >text.size &&
	printf "MERGED INFILE CREDIT REPORT\t15.5\n" >expect &&
	test_cmp expect text.size
'

test_expect_success 'the document record says which pages have text; a doc field is required' '
	doc=$(jq -r .doc two.docs) &&
	cc-ocr --no-cache <two.docs | jq -r "select(.kind==\"page\") | .doc" | sort -u >docs &&
	echo "$doc" >expect && test_cmp expect docs
'

test_expect_success 'other records pass through unchanged, in order' '
	{ echo "{\"kind\":\"note\",\"v\":1,\"x\":[1, 2]}"; cat two.docs; echo "{\"kind\":\"error\",\"v\":1}"; } >mixed &&
	cc-ocr --no-cache <mixed >out &&
	jq -r .kind out | tr "\n" " " >kinds &&
	printf "note document page page error " >expect && test_cmp expect kinds &&
	head -n 1 out >first && head -n 1 mixed >expect && test_cmp expect first
'

test_expect_success 'a duplicate document gets no pages of its own' '
	cp two.pdf again.pdf &&
	cc-ingest two.pdf again.pdf | cc-ocr --no-cache >out &&
	test $(grep -c "\"kind\":\"page\"" out) -eq 2
'

test_expect_success TESSERACT 'a scanned page is read by OCR, with confidences' '
	cc-ocr --no-cache <scan.docs >out 2>err &&
	test_cmp /dev/null err &&
	jq -c "select(.kind==\"page\") | [.page, .source, .dpi]" out >got &&
	echo "[1,\"ocr\",300]" >expect && test_cmp expect got &&
	jq -e "select(.kind==\"page\") | .conf > 80 and (.lines | length) > 20 and all(.lines[]; .c >= 0 and .c <= 100)" out >/dev/null &&
	jq -r "select(.kind==\"page\") | .lines[0].t" out >title &&
	echo "MERGED INFILE CREDIT REPORT" >expect && test_cmp expect title
'

test_expect_success TESSERACT 'stars masking account numbers are read as stars, and flat marks as dashes' '
	qpdf --empty --pages "$C/merged3-11-00000-scan.pdf" 1 -- m3.pdf &&
	cc-ingest m3.pdf | cc-ocr --no-cache >m3.out &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"[*]\"))" m3.out >got &&
	printf "%s\n" "8689804****" "*******6639" "******4951" >expect &&
	test_cmp expect got &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(length == 1)" m3.out | sort | uniq -c >got &&
	echo "     30 -" >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'a name, a gap and an account number with stars: two lines, as the text layer has them' '
	cc-synth -o rnd -n 6 -s 606 -l transunion --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages rnd/transunion-606-00005-scan.pdf 4 -- name.pdf &&
	cc-ingest name.pdf | cc-ocr --no-cache >name.out &&
	jq -r "select(.kind==\"page\") | .lines[] | select(.b[1] > 250 and .b[1] < 258) | .t" name.out >got &&
	printf "%s\n" "COMENITY BANK/VICTORIAS SECRET" "9018395*********" "Revolving" >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'a table'"'"'s row: the words of a name read apart, not run together by the wide gaps between columns' '
	cc-synth -o tab -n 7 -s 5353 -l lender --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages tab/lender-5353-00000-scan.pdf 1 -- glued.pdf &&
	cc-ingest glued.pdf | cc-ocr --no-cache >glued.out &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"^0[0-9][0-9] \"))" glued.out >got &&
	cat >expect <<-\EOF &&
	001 SOFI LENDING CORP
	002 COMENITY CAPITAL BAN
	003 PORTFOLIO RECOVERY A J
	004 CAPITAL ONE
	005 ONEMAIN FINANCIAL
	006 CAPITAL ONE AUTO FIN
	EOF
	test_cmp expect got
'

test_expect_success TESSERACT 'a line of stars that tesseract'"'"'s layout passes over is read by its stars'"'"' shapes: the masks the text layer has' '
	qpdf --empty --pages tab/lender-5353-00006-scan.pdf 3 -- missed.pdf &&
	qpdf --empty --pages tab/lender-5353-00006.pdf 3 -- missed-text.pdf &&
	cc-ingest missed.pdf | cc-ocr --no-cache | jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"[*]\"))" | sort >got &&
	cc-ingest missed-text.pdf | cc-ocr | jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"[*]\"))" | sort >expect &&
	test $(wc -l <expect) -eq 6 &&
	test_cmp expect got
'

test_expect_success TESSERACT 'what follows a mask'"'"'s stars a space away is words of its own, read as tesseract read them' '
	cc-synth -o tab2 -n 20 -s 5353 -l lender --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages tab2/lender-5353-00019-scan.pdf 1 -- after.pdf &&
	cc-ingest after.pdf | cc-ocr --no-cache >after.out &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"[*]\"))" after.out >got &&
	printf "%s\n" "2615012******" "4850******" "6719******" "1583187********* REV" "8794******" >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'the words after a mask'"'"'s stars that one word of tesseract'"'"'s runs into are read on their own' '
	cc-synth -o tab3 -n 4 -s 8484 -l lender --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages tab3/lender-8484-00003-scan.pdf 1 -- into.pdf &&
	cc-ingest into.pdf | cc-ocr --no-cache >into.out &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"6022\"))" into.out >got &&
	echo "************6022 07/18" >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'a word tesseract could hardly read in its reading of the page ("TYPE" as "Idd =") is read again alone' '
	cc-synth -o tab4 -n 12 -s 4747 -l lender --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages tab4/lender-4747-00011-scan.pdf 2 -- unsure.pdf &&
	cc-ingest unsure.pdf | cc-ocr --no-cache >unsure.out &&
	jq -r "select(.kind==\"page\") | .lines[] | select(.b[1] < 70) | .t" unsure.out >got &&
	printf "%s\n" CREDITOR "ACCT NO" ECOA/WHOSE "OPEN DT HI CRDT" TYPE "DATE CLOSED" \
		BALANCE RATE BUR STATUS >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'a long word of letters no dictionary has ("TOYOTAMOTORCREDIT") is read again however sure tesseract was, and cut at the spaces that gives where most pieces are words ("EDFINANCIAL" is not cut)' '
	cc-synth -o tab5 -n 10 -s 3434 -l lender --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages tab5/lender-3434-00009-scan.pdf 2-3 -- long.pdf &&
	cc-ingest long.pdf | cc-ocr --no-cache >long.out &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"TOYOTA|ACCEPTANCE|DATA ?SYSTEMS\"))" long.out >got &&
	printf "%s\n" "CREDIT ACCEPTANCE CO" "MEDICAL DATA SYSTEMS" "TOYOTA MOTOR CREDIT" >expect &&
	test_cmp expect got &&
	cc-synth -o tab6 -n 1 -s 8484 -l lender --design random --scan --no-progress >/dev/null &&
	qpdf --empty --pages tab6/lender-8484-00000-scan.pdf 2 -- edf.pdf &&
	cc-ingest edf.pdf | cc-ocr --no-cache >edf.out &&
	jq -r "select(.kind==\"page\") | .lines[].t | select(test(\"INANCIAL S\"))" edf.out >got &&
	printf "%s\n" "CMRE FINANCIAL SERVICES" "EDFINANCIAL SERVICES" >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'a title much larger than the text, which tesseract'"'"'s layout passes over, is read too' '
	qpdf --empty --pages rnd/transunion-606-00004-scan.pdf 1 -- title.pdf &&
	cc-ingest title.pdf | cc-ocr --no-cache >title.out &&
	jq -r "select(.kind==\"page\") | .lines[] | select(.b[1] < 80) | .t" title.out >got &&
	printf "%s\n" "Prepared for: SAMPLE, TYRONE A" "Date generated: January 15, 2026" \
		"Report number: 2305-888937" "TRANSUNION" >expect &&
	test_cmp expect got
'

test_expect_success TESSERACT 'OCR agrees with the text layer of the same report' '
	cc-ocr --no-cache <text.docs | jq -r "select(.kind==\"page\") | .lines[].t" | tr -s " " "\n" | sort >words.text &&
	cc-ocr --no-cache <scan.docs | jq -r "select(.kind==\"page\") | .lines[].t" | tr -s " " "\n" | sort >words.ocr &&
	all=$(wc -l <words.text) &&
	same=$(comm -12 words.text words.ocr | wc -l) &&
	echo "words in common: $same of $all" &&
	test $((same * 100)) -ge $((all * 85))
'

test_expect_success TESSERACT '--force-ocr reads a text page by OCR; --no-ocr never OCRs' '
	cc-ocr --no-cache --force-ocr <text.docs | jq -r "select(.kind==\"page\") | .source" >got &&
	echo ocr >expect && test_cmp expect got &&
	cc-ocr --no-ocr <scan.docs | jq -c "select(.kind==\"page\") | [.source, .lines]" >got &&
	echo "[\"text\",[]]" >expect && test_cmp expect got
'

test_expect_success TESSERACT 'the cache: a second run reads every page from it, same records' '
	cc-ocr --cache cache --stats <scan.docs >first 2>err1 &&
	cat >expect <<-\EOF &&
	cc-ocr: 1 pages: 0 from the text layer, 1 by OCR, 0 failed
	cc-ocr: OCR cache cache: 0 hits, 1 misses
	EOF
	test_cmp expect err1 &&
	cc-ocr --cache cache --stats <scan.docs >second 2>err2 &&
	cat >expect <<-\EOF &&
	cc-ocr: 1 pages: 0 from the text layer, 1 by OCR, 0 failed
	cc-ocr: OCR cache cache: 1 hits, 0 misses
	EOF
	test_cmp expect err2 &&
	test_cmp first second
'

test_expect_success TESSERACT 'the cache: the same page in another file is found by its pixels' '
	{ cat scan1.pdf; echo "%another file"; } >copy.pdf &&
	cc-ingest copy.pdf >copy.docs &&
	cc-ocr --cache cache --stats <copy.docs >third 2>err3 &&
	grep -q "^cc-ocr: OCR cache cache: 1 hits, 0 misses$" err3 &&
	jq -c "select(.kind==\"page\") | del(.doc)" first >expect &&
	jq -c "select(.kind==\"page\") | del(.doc)" third >got &&
	test_cmp expect got
'

test_expect_success TESSERACT 'the cache: entries expire after --cache-ttl' '
	CC_NOW=2099-01-01T00:00:00Z cc-ocr --cache cache --cache-ttl 1h --stats <scan.docs >/dev/null 2>err &&
	grep -q "^cc-ocr: OCR cache cache: 0 hits, 1 misses$" err
'

test_expect_success 'the cache TTL from the file and the environment is a duration too' '
	printf "ocr:\n  cache_ttl: 1h\n" >ttl.yaml &&
	CC_NOW=2099-01-01T12:00:00Z cc-ocr -c ttl.yaml --cache cache --stats <scan.docs >/dev/null 2>err &&
	grep -q "^cc-ocr: OCR cache cache: 0 hits, 1 misses$" err &&
	CC_NOW=2099-01-02T06:00:00Z CC_OCR_CACHE_TTL=24h cc-ocr --cache cache --stats <scan.docs >/dev/null 2>err &&
	grep -q "^cc-ocr: OCR cache cache: 1 hits, 0 misses$" err
'

test_expect_success 'a bad --cache-ttl or --dpi is a usage error' '
	test_expect_code 2 cc-ocr --cache-ttl soon </dev/null 2>err &&
	grep -q "^cc-ocr: --cache-ttl: '"'"'ocr.cache_ttl'"'"': expected seconds or a number with s, m, h or d, got '"'"'soon'"'"'$" err &&
	test_expect_code 2 cc-ocr --dpi 10 </dev/null 2>err &&
	grep -q "^cc-ocr: --dpi: expected 50 to 1200, got 10$" err
'

test_expect_success '-j 1 and -j 3 give the same records' '
	{ cat text.docs two.docs; } >both &&
	cc-ocr --no-cache -j 1 <both >j1 &&
	cc-ocr --no-cache -j 3 <both >j3 &&
	test_cmp j1 j3
'

# A context keeps the fonts it has read and gives them to the next
# documents that embed the same bytes (lib/pdf/fontreuse.c).
test_expect_success 'fonts read before: a document with the same font programs but its own ToUnicode maps is read by its own' '
	qpdf --qdf --object-streams=disable text1.pdf q.pdf &&
	fix-qdf <q.pdf >lower.pdf &&
	sed "s/<0042> <005f> <0061>/<0042> <005f> <0041>/" q.pdf | fix-qdf >upper.pdf &&
	cc-ingest lower.pdf upper.pdf >two-maps.docs &&
	up=$(jq -r "select(.path==\"upper.pdf\") | .doc" two-maps.docs) &&
	cc-ocr --no-cache <text.docs | jq -c "select(.kind==\"page\") | [.lines[].t]" >lower &&
	tr a-z A-Z <lower >expect-upper &&
	! test_cmp lower expect-upper >/dev/null &&
	for order in "1p;2p" "2p;1p"; do
		sed -n "$order" two-maps.docs | cc-ocr --no-cache -j 1 >out &&
		jq -c --arg d "$up" "select(.kind==\"page\" and .doc!=\$d) | [.lines[].t]" out >got &&
		test_cmp lower got &&
		jq -c --arg d "$up" "select(.kind==\"page\" and .doc==\$d) | [.lines[].t]" out >got &&
		test_cmp expect-upper got || return 1
	done
'

test_expect_success 'a font whose objects make a wide graph is read, and soon' '
	cat >junk.awk <<-\EOF &&
	# a /Junk entry in each Type0 font: a chain of six arrays, each
	# fifty references to the next, 50^5 paths to its end
	/^  \/Subtype \/Type0$/ { print "  /Junk 1000 0 R" }
	/^xref$/ {
		for (k = 0; k < 6; k++) {
			printf "%d 0 obj\n[", 1000 + k
			for (i = 0; i < 50; i++)
				printf (k < 5 ? " %d 0 R" : " %d"), 1001 + k
			print " ]\nendobj\n"
		}
	}
	{ print }
	EOF
	awk -f junk.awk q.pdf >junk0.pdf &&
	test_expect_code 3 qpdf junk0.pdf junk.pdf 2>/dev/null &&
	cc-ingest text1.pdf junk.pdf >junk.docs &&
	timeout 60 cc-ocr --no-cache -j 1 <junk.docs >out &&
	jq -c "select(.kind==\"page\") | [.lines[].t]" out >got &&
	cat lower lower >expect &&
	test_cmp expect got
'

test_expect_success 'a document whose file is gone: an error record, the rest goes on, exit 1' '
	sed "s/two.pdf/gone.pdf/g" two.docs >gone.docs &&
	cat gone.docs two.docs | test_expect_code 1 cc-ocr --no-cache >out 2>err &&
	jq -r "select(.kind==\"error\") | [.stage, .code, .path] | @tsv" out >got &&
	printf "ocr\tfile.unreadable\tgone.pdf\n" >expect && test_cmp expect got &&
	test $(grep -c "\"kind\":\"page\"" out) -eq 2 &&
	echo "cc-ocr: gone.pdf: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'a page that cannot be read: its own error record, the other pages go on' '
	mkpdf forty.pdf --pages 40 &&
	head -c 6000 forty.pdf >cut.pdf &&
	printf "{\"kind\":\"document\",\"v\":1,\"doc\":\"%s\",\"path\":\"cut.pdf\"}\n" "$(sha cut.pdf)" >cut.docs &&
	test_expect_code 1 cc-ocr --no-cache --no-ocr <cut.docs >out 2>err &&
	jq -r "select(.kind==\"page\") | .page" out | tr "\n" " " >pages &&
	printf "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 " >expect && test_cmp expect pages &&
	test $(jq -r "select(.kind==\"error\") | .code" out | sort -u) = pdf.damaged &&
	test $(grep -c "\"kind\":\"error\"" out) -eq 25 &&
	head -n 1 err | grep -q "^cc-ocr: cut.pdf: page 16: cannot be read: "
'

test_expect_success 'a file replaced since cc-ingest is not read (file.changed)' '
	cp two.pdf moving.pdf &&
	cc-ingest moving.pdf >moving.docs &&
	cp text1.pdf moving.pdf &&
	test_expect_code 1 cc-ocr --no-cache <moving.docs >out 2>err &&
	jq -r "select(.kind==\"error\") | .code" out >got &&
	echo file.changed >expect && test_cmp expect got &&
	test $(grep -c "\"kind\":\"page\"" out) -eq 0 &&
	echo "cc-ocr: moving.pdf: the file is not the one ingested (its SHA-256 is not the record'"'"'s doc)" >expect &&
	test_cmp expect err
'

test_expect_success 'more pages than ingest.max_pages: the document is rejected' '
	CC_INGEST_MAX_PAGES=1 test_expect_code 1 cc-ocr --no-cache <two.docs >out 2>err &&
	jq -r "select(.kind==\"error\") | [.code, .message] | @tsv" out >got &&
	printf "pdf.too_many_pages\t2 pages, more than the limit of 1\n" >expect &&
	test_cmp expect got
'

test_expect_success 'a path that is a FIFO or a device is rejected, not read' '
	mkfifo fifo.pdf &&
	doc=$(jq -r .doc two.docs) &&
	for p in fifo.pdf /dev/zero; do
		printf "{\"kind\":\"document\",\"v\":1,\"doc\":\"%s\",\"path\":\"%s\"}\n" "$doc" "$p"
	done >dev.docs &&
	test_expect_code 1 timeout 20 cc-ocr --no-cache <dev.docs >out 2>/dev/null &&
	jq -r "select(.kind==\"error\") | .code" out >got &&
	printf "file.not_regular\nfile.not_regular\n" >expect && test_cmp expect got
'

test_expect_success 'invalid JSON among the records: reported, the rest goes on' '
	{ echo "{oops"; cat two.docs; } | test_expect_code 1 cc-ocr --no-cache >out 2>err &&
	grep -q "^cc-ocr: <stdin>:1: invalid JSON" err &&
	test $(grep -c "\"kind\":\"page\"" out) -eq 2
'

test_expect_success 'missing language data exits 69, naming the package' '
	test_expect_code 69 cc-ocr --no-cache --lang xyz <scan.docs >out 2>err &&
	echo "cc-ocr: OCR language data '"'"'xyz'"'"' not found (install the Debian package tesseract-ocr-xyz)" >expect &&
	test_cmp expect err
'

test_expect_success 'out-of-range settings: 2 from a flag, 65 from config' '
	CC_OCR_PSM=20 test_expect_code 65 cc-ocr </dev/null 2>err &&
	echo "cc-ocr: \$CC_OCR_PSM: '"'"'ocr.psm'"'"': expected 0 to 13, got 20" >expect &&
	test_cmp expect err &&
	test_expect_code 2 cc-ocr --psm 20 </dev/null 2>err &&
	grep -q "^cc-ocr: --psm: expected 0 to 13, got 20$" err
'

test_expect_success TESSERACT 'languages joined with + are each looked for' '
	test_expect_code 69 cc-ocr --no-cache --lang eng+xyz <scan.docs >out 2>err &&
	echo "cc-ocr: OCR language data '"'"'xyz'"'"' not found (install the Debian package tesseract-ocr-xyz)" >expect &&
	test_cmp expect err
'

test_expect_success DEVFULL 'a failed write to stdout exits 74' '
	test_expect_code 74 cc-ocr --no-cache <two.docs >/dev/full 2>err &&
	grep -q "^cc-ocr: write error on standard output" err
'

test_done
