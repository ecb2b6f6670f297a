#!/bin/sh
# cc-load against a throwaway PostgreSQL cluster (lib-pg.sh): the records
# of the pipeline stored, and stored again the same; batches of any size;
# records refused (by cc or by the database) become error records naming
# their line while the rest is stored; hostile strings through COPY;
# owners apart, and purged apart; a connection killed in the middle of a
# batch: nothing of the batch is there, and after the retry everything is,
# once.
. "$(dirname "$0")/test-lib.sh"
. "$SRCDIR/tests/lib-pg.sh"
test_need_prereq PG,JQ

pg_start || { echo "Bail out! cannot start a PostgreSQL cluster"; exit 1; }

# the tables a load writes, and the history its disputes start
TABLES="report_uploads consumers tradelines inquiries public_records disputes
dispute_items dispute_status_history letters"
export TABLES

# dump OWNER: every row of the owner, every column, each table sorted
dump() {
	for t in users $TABLES; do
		col=owner_id
		[ "$t" != users ] || col=id
		echo "# $t"
		pg_psql -c "SELECT x::text FROM $t x WHERE $col = '$1' ORDER BY 1"
	done
}

# content OWNER: the same without the owner, the history's serial id and
# the times the database sets: what two owners' loads of one stream share
content() {
	for t in $TABLES; do
		echo "# $t"
		pg_psql -c "SELECT (to_jsonb(x) - 'owner_id' - 'created_at' -
			'updated_at' - 'status_changed_at' - 'changed_at' -
			'$([ "$t" = dispute_status_history ] && echo id)')::text
			FROM $t x WHERE owner_id = '$1' ORDER BY 1"
	done
}

# the summary, its time made N
summary() {
	sed 's/ in [0-9]*\.[0-9][0-9] s/ in N s/' "$@"
}

test_expect_success 'the records of the pipeline: three reports, their disputes and letters' '
	C=$SRCDIR/testdata/corpus/text &&
	mkdir reports &&
	cp "$C/experian-7-00000.pdf" "$C/equifax-7-00000.pdf" \
		"$C/lender-7-00000.pdf" reports/ &&
	cc-ingest reports | cc-ocr --no-cache | cc-extract |
		cc-dispute --as-of 2026-01-15 | cc-letter -o letters >stream.ndjson &&
	jq -r .kind stream.ndjson | sort | uniq -c | awk "{print \$2, \$1}" >got &&
	cat >expect <<-\EOF &&
	consumer 3
	dispute 5
	document 3
	inquiry 15
	letter 5
	tradeline 32
	EOF
	test_cmp expect got
'

# --- the command line -----------------------------------------------------------

test_expect_success 'usage errors: exit 2, before any connection' '
	test_expect_code 2 cc-load --db "postgresql://nowhere:1/x" </dev/null 2>err &&
	test_expect_code 2 cc-load --owner "" </dev/null 2>>err &&
	test_expect_code 2 cc-load --owner a --batch 0 </dev/null 2>>err &&
	test_expect_code 2 cc-load --owner a --bogus </dev/null 2>>err &&
	grep "^cc-load" err >got &&
	cat >expect <<-\EOF &&
	cc-load: no owner (give --owner ID)
	cc-load: --owner: an owner is 1 to 200 bytes
	cc-load: --batch: expected a batch of 1 to 1000000 records, got 0
	cc-load: unrecognized option '"'"'--bogus'"'"'
	EOF
	test_cmp expect got
'

test_expect_success 'cc-load --help and --version' '
	cc-load --help >out 2>err &&
	test_cmp /dev/null err &&
	head -n 1 out >got &&
	echo "usage: cc-load [options] --owner ID [FILE ...]" >expect &&
	test_cmp expect got &&
	cc-load --version >out &&
	grep -q "^cc-load .*libpq [0-9]" out
'

test_expect_success 'a server that is not there: exit 69, and no password in the message' '
	test_expect_code 69 cc-load --owner a \
		--db "postgresql://alice:s3cret@/cc?host=$TRASH/nowhere&port=5" \
		stream.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-load: cannot connect to the database '"'"'postgresql://alice:***@/cc?host=$TRASH/nowhere&port=5'"'"': connection to server on socket \"$TRASH/nowhere/.s.PGSQL.5\" failed: No such file or directory" >expect &&
	test_cmp expect err &&
	CC_DATABASE_URL="host=$TRASH/nowhere port=5 password=s3cret dbname=cc" \
		test_expect_code 69 cc-load --owner a stream.ndjson 2>err &&
	! grep s3cret err
'

test_expect_success 'a database without the schema: exit 65, nothing stored' '
	test_expect_code 65 cc-load --owner a stream.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	head -n 1 err >got &&
	echo "cc-load: load: relation \"users\" does not exist (has cc-db migrate been run?)" >expect &&
	test_cmp expect got &&
	cc-db migrate >/dev/null &&
	pg_psql -c "SELECT count(*) FROM users" >got &&
	echo 0 >expect &&
	test_cmp expect got
'

# --- storing --------------------------------------------------------------------

test_expect_success 'the stream stored: a row for each record, the owner made' '
	cc-load --owner alice stream.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	summary err >got &&
	echo "cc-load: 63 records stored, 0 refused, 0 passed over in N s; rows written: report_uploads 3 consumers 3 tradelines 32 inquiries 15 public_records 0 disputes 5 dispute_items 24 letters 5" >expect &&
	test_cmp expect got &&
	jq -s "[.[] | select(.kind == \"dispute\") | .items | length] | add" \
		stream.ndjson >items &&
	echo 24 >expect &&
	test_cmp expect items &&
	for t in users report_uploads consumers tradelines inquiries disputes \
		dispute_items dispute_status_history letters; do
		col=owner_id
		[ $t != users ] || col=id
		echo "$t $(pg_psql -c "SELECT count(*) FROM $t WHERE $col = '"'"'alice'"'"'")"
	done >got &&
	cat >expect <<-\EOF &&
	users 1
	report_uploads 3
	consumers 3
	tradelines 32
	inquiries 15
	disputes 5
	dispute_items 24
	dispute_status_history 5
	letters 5
	EOF
	test_cmp expect got
'

test_expect_success 'the fields are the records'"'"': a tradeline, its place, its money' '
	jq -c "select(.kind == \"tradeline\") | [.doc, .id, .creditor, .balance, .limit, .reasons, .history[0]]" \
		stream.ndjson | sort >expect &&
	pg_psql -c "SELECT json_build_array(doc, id, creditor, balance,
		credit_limit, reasons, history->0) FROM tradelines
		WHERE owner_id = '"'"'alice'"'"'" | jq -c . | sort >got &&
	test_cmp expect got &&
	jq -r "select(.kind == \"tradeline\") | .doc" stream.ndjson | uniq -c |
		awk "{print \$2, \$1}" >expect &&
	pg_psql -F " " -c "SELECT doc, count(*) FROM tradelines
		WHERE owner_id = '"'"'alice'"'"' AND seq BETWEEN 1 AND 100
		GROUP BY doc HAVING max(seq) = count(*)" | sort >got &&
	sort expect >expect.sorted &&
	test_cmp expect.sorted got
'

test_expect_success 'loaded again: the same rows, nothing written' '
	dump alice >before &&
	cc-load --owner alice <stream.ndjson >out 2>err &&
	test_cmp /dev/null out &&
	summary err >got &&
	echo "cc-load: 63 records stored, 0 refused, 0 passed over in N s; rows written: report_uploads 0 consumers 0 tradelines 0 inquiries 0 public_records 0 disputes 0 dispute_items 0 letters 0" >expect &&
	test_cmp expect got &&
	dump alice >after &&
	test_cmp before after
'

test_expect_success 'batches of any size store the same rows' '
	cc-load --owner bob --batch 7 stream.ndjson 2>err &&
	cc-load --owner carol --batch 1 stream.ndjson 2>>err &&
	CC_LOAD_BATCH=63 cc-load --owner dave stream.ndjson 2>>err &&
	content alice >expect &&
	for o in bob carol dave; do
		content $o >got &&
		test_cmp expect got || return 1
	done
'

test_expect_success 'a dispute'"'"'s status is the database'"'"'s: a load leaves it' '
	id=$(jq -r "select(.kind == \"dispute\") | .id" stream.ndjson | head -n 1) &&
	cc-db dispute-status --owner alice "$id" ready >/dev/null &&
	cc-load --owner alice stream.ndjson 2>/dev/null &&
	pg_psql -F " " -c "SELECT status FROM disputes WHERE owner_id = '"'"'alice'"'"' AND id = '"'"'$id'"'"';
		SELECT count(*) FROM dispute_status_history WHERE owner_id = '"'"'alice'"'"' AND dispute_id = '"'"'$id'"'"'" >got &&
	printf "ready\n2\n" >expect &&
	test_cmp expect got
'

# --- refusals ---------------------------------------------------------------------
#
# No message says a value: a balance that is an account number is not
# shown.

D=$(printf "%064d" 0 | tr 0 e)
F=$(printf "%064d" 0 | tr 0 f)
export D F

test_expect_success 'records refused become error records at their line; the rest is stored' '
	T=$(grep -m1 "\"kind\":\"tradeline\"" stream.ndjson) &&
	{
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"$D\",\"path\":\"x.pdf\",\"bytes\":10,\"pages\":1}" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | .type = \"bogus\"" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | .creditor = \"GOOD ONE\"" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | del(.creditor)" &&
		echo "{\"kind\":\"document\",\"v\":1,\"doc\":\"$F\",\"path\":\"y.pdf\",\"bytes\":-5,\"pages\":1}" &&
		echo "{\"kind\":\"letter\",\"v\":1,\"dispute\":\"0123456789abcdef\",\"doc\":null,\"bureau\":\"experian\",\"round\":1,\"path\":\"l.pdf\",\"pages\":2,\"bytes\":3,\"sha256\":\"$D\"}" &&
		echo "{not json" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | .reasons = [\"late_30\", \"late_45\"]" &&
		echo "$T" | jq -c ".doc = \"E$D\"" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | .balance = \"4147201234567890 1\"" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | .creditor = \"GOOD TWO\" | .balance = -100"
	} >bad.ndjson &&
	test_expect_code 1 cc-load --owner erin --batch 100 bad.ndjson >out 2>err &&
	jq -r "[.line, .code, .doc // \"-\" | tostring] | join(\" \")" out >got &&
	cat >expect <<-EOF &&
	2 store.constraint $D
	7 json.syntax -
	8 store.constraint $D
	9 store.constraint -
	4 store.constraint $D
	5 store.constraint $F
	6 store.constraint -
	10 store.value $D
	EOF
	test_cmp expect got &&
	jq -c "select(.stage != \"load\" or .path != \"bad.ndjson\" or .kind != \"error\")" out >stray &&
	test_cmp /dev/null stray &&
	cat >expect <<-EOF &&
	cc-load: bad.ndjson:2: tradeline: type is none of cc'"'"'s values (cc-records(5))
	cc-load: bad.ndjson:7: invalid JSON: string or '"'"'}'"'"' expected near '"'"'not'"'"' at column 4
	cc-load: bad.ndjson:8: tradeline: item 2 of reasons is none of cc'"'"'s values (cc-records(5))
	cc-load: bad.ndjson:9: tradeline: no doc, or not a SHA-256 hash (64 lower-case hexadecimal digits)
	cc-load: bad.ndjson:4: tradeline: null value in column "creditor" of relation "tradelines" violates not-null constraint
	cc-load: bad.ndjson:5: document: new row for relation "report_uploads" violates check constraint "report_uploads_bytes_check"
	cc-load: bad.ndjson:6: letter: insert or update on table "letters" violates foreign key constraint "letters_owner_id_dispute_id_fkey"
	cc-load: bad.ndjson:10: tradeline: invalid input syntax for type bigint
	cc-load: 3 records stored, 7 refused, 0 passed over in N s; rows written: report_uploads 1 consumers 0 tradelines 2 inquiries 0 public_records 0 disputes 0 dispute_items 0 letters 0
	EOF
	summary err >got &&
	test_cmp expect got &&
	! grep 4147201234567890 out err &&
	pg_psql -F " " -c "SELECT doc, seq, creditor, balance FROM tradelines
		WHERE owner_id = '"'"'erin'"'"' ORDER BY seq" >got &&
	cat >expect <<-EOF &&
	$D 2 GOOD ONE $(echo "$T" | jq .balance)
	$D 6 GOOD TWO -100
	EOF
	test_cmp expect got &&
	pg_psql -c "SELECT doc FROM report_uploads WHERE owner_id = '"'"'erin'"'"'" >got &&
	echo $D >expect &&
	test_cmp expect got
'

test_expect_success 'records of other kinds are passed over' '
	{
		echo "{\"kind\":\"page\",\"v\":1,\"doc\":\"$D\",\"page\":1}" &&
		echo "{\"kind\":\"warning\",\"v\":1,\"stage\":\"extract\"}" &&
		echo "{\"kind\":\"error\",\"v\":1,\"stage\":\"extract\"}" &&
		echo "{\"kind\":\"synth_report\",\"v\":1}"
	} | cc-load --owner frank >out 2>err &&
	test_cmp /dev/null out &&
	summary err >got &&
	echo "cc-load: 0 records stored, 0 refused, 4 passed over in N s; rows written: report_uploads 0 consumers 0 tradelines 0 inquiries 0 public_records 0 disputes 0 dispute_items 0 letters 0" >expect &&
	test_cmp expect got
'

# a string COPY's text format would make something else of, unescaped:
# quotes, a tab, \N (its null), a backslash before a newline, a carriage
# return, \. (its end of data), and UTF-8 of two, three and four bytes
printf 'O'\''Brien "Q"\ttab\\N \\back\\\nnew line\r\303\251 \342\200\250 \360\237\230\200 {a,b} \\.' >hostile.txt

test_expect_success 'hostile strings go through COPY and come back as they were' '
	T=$(grep -m1 "\"kind\":\"tradeline\"" stream.ndjson) &&
	Cn=$(grep -m1 "\"kind\":\"consumer\"" stream.ndjson) &&
	{
		echo "$Cn" | jq -c --rawfile h hostile.txt --arg d $D \
			".doc = \$d | .name = \$h | .addresses = [\$h, \"{}\", \"NULL\", \"\\\\\", \"a,b\"]" &&
		echo "$T" | jq -c --rawfile h hostile.txt --arg d $D \
			".doc = \$d | .creditor = \$h | .remarks = \"\\\\N\" | .status = \"\"" &&
		echo "$T" | jq -c --arg d $D ".doc = \$d | .creditor = \"\\\\.\""
	} >hostile.ndjson &&
	cc-load --owner grace hostile.ndjson 2>err &&
	jq -j "select(.kind == \"consumer\") | .name, \"\u0001\", (.addresses | join(\"\u0001\"))" hostile.ndjson >expect &&
	pg_psql -c "SELECT name || chr(1) || array_to_string(addresses, chr(1)) FROM consumers WHERE owner_id = '"'"'grace'"'"'" | head -c -1 >got &&
	cmp expect got &&
	jq -j "select(.kind == \"tradeline\") | .creditor, \"\u0001\", (.remarks // \"-\"), \"\u0001\", (.status // \"-\"), \"\u0002\"" hostile.ndjson >expect &&
	pg_psql -c "SELECT string_agg(creditor || chr(1) || coalesce(remarks, '"'"'-'"'"') || chr(1) || coalesce(status, '"'"'-'"'"') || chr(2), '"'"''"'"' ORDER BY seq) FROM tradelines WHERE owner_id = '"'"'grace'"'"'" | head -c -1 >got &&
	cmp expect got
'

# --- owners ----------------------------------------------------------------------

test_expect_success 'owners apart: a load for one leaves the other'"'"'s rows, a purge of one too' '
	dump alice >alice.before &&
	cc-load --owner heidi stream.ndjson 2>/dev/null &&
	dump alice >alice.after &&
	test_cmp alice.before alice.after &&
	content bob >expect &&
	content heidi >got &&
	test_cmp expect got &&
	cc-db purge --owner heidi >purged &&
	grep "^tradelines 32$" purged &&
	dump alice >alice.after &&
	test_cmp alice.before alice.after &&
	dump heidi >got &&
	for t in users $TABLES; do echo "# $t"; done >expect &&
	test_cmp expect got
'

# --- a connection lost ------------------------------------------------------------

# done_rc: wait for the cc-load in the background to end (its status
# in rc), 30 s at most
done_rc() {
	i=0
	while [ ! -s rc ]; do
		i=$((i + 1))
		[ $i -lt 300 ] || return 1
		sleep 0.1
	done
}

# midbatch OWNER: wait until cc-load, loading stream.ndjson for OWNER in
# batches of 40, has committed the first (its 26 tradelines are there)
# and is COPYing the second
midbatch() {
	i=0
	while [ "$(pg_psql -c "SELECT (SELECT count(*) FROM pg_stat_activity
		WHERE application_name = 'cc-load' AND query LIKE 'COPY%') || ' ' ||
		(SELECT count(*) FROM tradelines WHERE owner_id = '$1')")" != "1 26" ]; do
		i=$((i + 1))
		[ $i -lt 300 ] || return 1
		sleep 0.1
	done
}

test_expect_success 'a connection killed in the middle of a batch: nothing of it, then all of it, once' '
	rm -f rc && mkfifo fifo || return 1
	# (set -e holds in the background too: the status is kept so)
	{ st=0; cc-load --owner ivan --batch 40 <fifo >out 2>err || st=$?; echo $st >rc; } &
	exec 3>fifo &&
	head -n 50 stream.ndjson >&3 &&
	# blank lines (skipped) so that the reader, however much it asks
	# for, has had the 50 records: batch 1 committed, batch 2 copying
	head -c 300000 /dev/zero | tr "\0" "\n" >&3 &&
	midbatch ivan &&
	# both of its connections: the one copying, the one that committed
	pg_psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"'"'cc-load'"'"'" >killed &&
	printf "t\nt\n" >expect &&
	test_cmp expect killed &&
	head -n 40 stream.ndjson | grep -c "\"kind\":\"tradeline\"" >expect &&
	pg_psql -c "SELECT count(*) FROM tradelines WHERE owner_id = '"'"'ivan'"'"'" >got &&
	test_cmp expect got &&
	tail -n +51 stream.ndjson >&3 &&
	exec 3>&- &&
	done_rc &&
	echo 0 >expect &&
	test_cmp expect rc &&
	test_cmp /dev/null out &&
	summary err >got &&
	echo "cc-load: 63 records stored, 0 refused, 0 passed over in N s (1 retry); rows written: report_uploads 3 consumers 3 tradelines 32 inquiries 15 public_records 0 disputes 5 dispute_items 24 letters 5" >expect &&
	test_cmp expect got &&
	content bob >expect &&
	content ivan >got &&
	test_cmp expect got
'

test_expect_success 'a database gone for good: the batches before stored, then exit 69' '
	rm -f rc && mkfifo fifo2 || return 1
	{ st=0; cc-load --owner judy --batch 40 <fifo2 >out 2>err || st=$?; echo $st >rc; } &
	exec 3>fifo2 &&
	head -n 50 stream.ndjson >&3 &&
	head -c 300000 /dev/zero | tr "\0" "\n" >&3 &&
	midbatch judy &&
	pg_psql -d postgres -c "ALTER DATABASE cc ALLOW_CONNECTIONS false" &&
	pg_psql -d postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"'"'cc-load'"'"'" >killed &&
	tail -n +51 stream.ndjson >&3 &&
	exec 3>&- &&
	done_rc &&
	pg_psql -d postgres -c "ALTER DATABASE cc ALLOW_CONNECTIONS true" &&
	echo 69 >expect &&
	test_cmp expect rc &&
	test_cmp /dev/null out &&
	summary err >got &&
	cat >expect <<-EOF &&
	cc-load: load: reconnecting: lost the connection to the database: connection to server on socket "$PG_DIR/.s.PGSQL.$PG_PORT" failed: FATAL:  database "cc" is not currently accepting connections
	cc-load: 40 records stored, 0 refused, 23 not stored (the load stopped), 0 passed over in N s (5 retries); rows written: report_uploads 2 consumers 2 tradelines 26 inquiries 8 public_records 0 disputes 1 dispute_items 6 letters 1
	EOF
	test_cmp expect got &&
	pg_psql -c "SELECT count(*) FROM tradelines WHERE owner_id = '"'"'judy'"'"'" >got &&
	echo 26 >expect &&
	test_cmp expect got
'

test_done
