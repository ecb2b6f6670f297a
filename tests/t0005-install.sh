#!/bin/sh
# make install: the layout, a working relocatable install, and its size
# (mupdf linked once, not into every tool).
. "$(dirname "$0")/test-lib.sh"

test_need_prereq MAKE

test_expect_success 'make install DESTDIR=... PREFIX=/usr' '
	make -s -C "$SRCDIR" install NOBUILD=1 O="$CC_BUILD" DESTDIR="$TRASH/root" PREFIX=/usr >log 2>&1 &&
	test -x root/usr/bin/cc-ingest &&
	test -x root/usr/bin/cc-db &&
	test -f root/usr/share/man/man1/cc-db.1 &&
	test -x root/usr/bin/cc-load &&
	test -f root/usr/share/man/man1/cc-load.1 &&
	test -f root/usr/lib/cc/libccpdf.so &&
	test -f root/usr/share/man/man1/cc-ingest.1 &&
	test -f root/usr/share/man/man5/cc-records.5 &&
	test -f root/usr/share/man/man5/cc.yaml.5 &&
	test -f root/usr/share/man/man7/cc.7
'

test_expect_success 'the installed tools find their library wherever the tree is moved' '
	mv root moved &&
	moved/usr/bin/cc-ingest --version >v &&
	grep -q "^cc-ingest " v &&
	ldd moved/usr/bin/cc-ingest | grep libccpdf.so >lib &&
	grep -q "moved/usr/bin/../lib/cc/libccpdf.so" lib
'

test_expect_success JQ,TESSERACT 'the installed cc-ocr loads its OCR library from beside it' '
	moved/usr/bin/cc-ingest "$SRCDIR/testdata/corpus/scan/lender-11-00000-scan.pdf" |
		moved/usr/bin/cc-ocr --no-cache >out &&
	jq -r "select(.kind==\"page\") | .source" out | sort -u >got &&
	echo ocr >expect && test_cmp expect got &&
	test -f moved/usr/lib/cc/libccocr.so
'

test_expect_success 'a full install stays under 100 MB' '
	size=$(du -sk moved | cut -f1) &&
	echo "installed size: $size KiB" &&
	test "$size" -lt 102400
'

test_expect_success 'no tool links mupdf itself' '
	for b in moved/usr/bin/cc-*; do
		test $(stat -c %s "$b") -lt 10485760 || { echo "$b is large"; false; }
	done
'

test_expect_success 'no record filter links libpq, libmicrohttpd, libjwt or libxlsxwriter' '
	for t in cc-ingest cc-ocr cc-extract cc-dispute cc-letter; do
		ldd "$CC_BUILD/bin/$t" >libs &&
		test -s libs &&
		if grep -E "libpq|libmicrohttpd|libjwt|libxlsxwriter" libs; then
			echo "$t links a library of the store, export or http units"
			false
		fi
	done
'

test_expect_success 'of the installed tools, cc-db and cc-load alone link libpq, and run without the source tree' '
	for b in moved/usr/bin/cc-*; do
		ldd "$b" >libs &&
		test -s libs &&
		if grep -q "libpq\.so" libs; then basename "$b"; fi
	done >got &&
	printf "cc-db\ncc-load\n" >expect &&
	test_cmp expect got &&
	(cd / && "$TRASH/moved/usr/bin/cc-load" --version) >version &&
	grep -q "^cc-load .*libpq" version &&
	(cd / && "$TRASH/moved/usr/bin/cc-db" vocabulary) >vocab &&
	grep -q "^disputes\.status draft ready sent " vocab
'

test_expect_success 'the Makefile gives the store unit to cc-db and cc-load alone' '
	make -s -C "$SRCDIR" -pn O="$CC_BUILD" 2>/dev/null >db &&
	sed -n "s/^STORE_TOOLS := *//p; s/^STORE_TOOLS = *//p" db >got &&
	echo cc-db cc-load >expect &&
	test_cmp expect got
'

test_expect_success 'the filters link the units of the Makefile, the store, export and http units none' '
	make -s -C "$SRCDIR" -pn O="$CC_BUILD" 2>/dev/null >db &&
	sed -n "s/^COMMON_UNITS = //p" db >common &&
	test -s common &&
	for t in ingest ocr extract dispute letter; do
		sed -n "s/^UNITS_cc-$t *= *//p" db >units &&
		test -s units &&
		if grep -E "store|export|http" common units; then
			echo "cc-$t links the store, export or http unit"
			false
		fi
	done
'

test_done
