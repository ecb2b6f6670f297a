#!/bin/sh
# cc-db against a throwaway PostgreSQL cluster (lib-pg.sh): migrations
# from empty, again, twice at once, changed; status; connection errors
# that never show the password; the schema's enumerations against cc's
# vocabulary; dates, owners; purge; dispute status through the database's
# own trigger, its history and due dates; overdue.
. "$(dirname "$0")/test-lib.sh"
. "$SRCDIR/tests/lib-pg.sh"
test_need_prereq PG,JQ

pg_start || { echo "Bail out! cannot start a PostgreSQL cluster"; exit 1; }

# the checksum of the one migration, as sha256sum sees the file
SUM=$(sha "$SRCDIR/lib/store/migrations/0001-init.sql")
export SUM

# the tables of an owner's rows, in the order purge deletes and says
TABLES="letters dispute_status_history dispute_items disputes tradelines
inquiries public_records consumers jobs report_uploads users"
export TABLES

# seed OWNER C: an owner's rows in every table; C, a hexadecimal digit,
# makes its document's hash and its dispute's id
seed() {
	pg_psql <<-EOF
	INSERT INTO users (id) VALUES ('$1');
	INSERT INTO report_uploads (owner_id, doc, path, processing_status)
		VALUES ('$1', repeat('$2', 64), 'store/$1.pdf', 'complete');
	INSERT INTO consumers (owner_id, doc, seq, layout, bureau, name, report_date)
		VALUES ('$1', repeat('$2', 64), 1, 'experian', 'experian', 'JANE DOE', '2026-01-15');
	INSERT INTO tradelines (owner_id, doc, seq, id, layout, bureau, creditor,
			type, opened, dofd, balance, negative, reasons, removal_date)
		VALUES ('$1', repeat('$2', 64), 1, repeat('$2', 16), 'experian', 'experian',
			'MIDLAND', 'collection', '2017-05', '2018-03', 41200, true,
			'{collection}', '2025-09'),
		       ('$1', repeat('$2', 64), 2, repeat('1', 16), 'experian', 'experian',
			'CHASE', 'revolving', '2011-06-14', NULL, 0, false, '{}', NULL);
	INSERT INTO inquiries (owner_id, doc, seq, bureau, creditor, date)
		VALUES ('$1', repeat('$2', 64), 1, 'experian', 'ACME AUTO', '2025-11-02');
	INSERT INTO public_records (owner_id, doc, seq, type, filed, amount)
		VALUES ('$1', repeat('$2', 64), 1, 'judgment', '2019-04', 120000);
	INSERT INTO disputes (owner_id, id, doc, bureau)
		VALUES ('$1', repeat('$2', 16), repeat('$2', 64), 'experian');
	INSERT INTO dispute_items (owner_id, dispute_id, n, tradeline_id, doc,
			reason_code, reason, action)
		VALUES ('$1', repeat('$2', 16), 1, repeat('$2', 16), repeat('$2', 64),
			'obsolete', 'too old', 'delete');
	INSERT INTO letters (owner_id, dispute_id, bureau, path, sha256, bytes, pages)
		VALUES ('$1', repeat('$2', 16), 'experian', 'letters/$1.pdf',
			repeat('0', 64), 1234, 3);
	INSERT INTO jobs (owner_id, kind, payload, dedup_key)
		VALUES ('$1', 'render_letters', '{"dispute":"x"}', 'letters-$1');
	EOF
}

# rows OWNER: "TABLE N" for each table, the owner's rows in it
rows() {
	for t in $TABLES; do
		col=owner_id
		[ "$t" != users ] || col=id
		echo "$t $(pg_psql -c "SELECT count(*) FROM $t WHERE $col = '$1'")"
	done
}

# hist ID: the history of a dispute, oldest first
hist() {
	pg_psql -F " " -c "SELECT coalesce(previous_status, '-'), new_status,
		changed_by, coalesce(reason, '-'),
		to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')
		FROM dispute_status_history WHERE dispute_id = '$1' ORDER BY id"
}

# --- the command line ----------------------------------------------------------

test_expect_success 'cc-db --help and --version' '
	cc-db --help >out 2>err &&
	test_cmp /dev/null err &&
	head -n 1 out >got &&
	echo "usage: cc-db [options] COMMAND [ARG ...]" >expect &&
	test_cmp expect got &&
	cc-db --version >out &&
	grep -q "^cc-db [0-9.]* (libpq [0-9]*\.[0-9]*)$" out
'

test_expect_success 'usage errors: exit 2, before any connection' '
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" 2>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" frob 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" migrate now 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" purge 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" purge --owner "" 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" status --owner 1 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" migrate --json 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" vocabulary extra 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" dispute-status x --owner 1 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" dispute-status x lost --owner 1 2>>err &&
	test_expect_code 2 cc-db --db "postgresql://nowhere:1/x" overdue --owner 1 --as-of 2026-13-01 2>>err &&
	test_expect_code 2 cc-db --bogus 2>>err &&
	grep -v "^Try '"'"'cc-db --help'"'"' for more information\.$" err >got &&
	cat >expect <<-\EOF &&
	cc-db: no command (migrate, status, purge, dispute-status, overdue or vocabulary)
	cc-db: '"'"'frob'"'"' is not a command
	cc-db: migrate: unexpected operand '"'"'now'"'"'
	cc-db: purge: no owner (give --owner ID)
	cc-db: --owner: an empty owner
	cc-db: --owner: not an option of status
	cc-db: --json: not an option of migrate
	cc-db: vocabulary: unexpected operand '"'"'extra'"'"'
	cc-db: dispute-status: give the dispute'"'"'s ID and the new STATUS
	cc-db: dispute-status: '"'"'lost'"'"' is no dispute status (cc-db(1), DISPUTE STATUS)
	cc-db: --as-of: expected a date YYYY-MM-DD, got 2026-13-01
	cc-db: unrecognized option '"'"'--bogus'"'"'
	EOF
	test_cmp expect got &&
	test $(grep -c "^Try" err) -eq 12
'

# --- connections, and the password --------------------------------------------

test_expect_success 'a server that is not there: exit 69, and no password in the message' '
	test_expect_code 69 cc-db --db "postgresql://alice:s3cret@/cc?host=$TRASH/nowhere&port=5" status >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-db: cannot connect to the database '"'"'postgresql://alice:***@/cc?host=$TRASH/nowhere&port=5'"'"': connection to server on socket \"$TRASH/nowhere/.s.PGSQL.5\" failed: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'the password as a URL parameter, and in key=value strings, is never shown' '
	test_expect_code 69 cc-db --db "postgresql:///cc?host=$TRASH/nowhere&password=s3cret&port=5" migrate 2>err &&
	test_expect_code 69 cc-db --db "host=$TRASH/nowhere port=5 password=s3cret dbname=cc" migrate 2>>err &&
	test_expect_code 69 cc-db --db "host=$TRASH/nowhere port=5 password = '"'"'s3 cr\\'"'"'et'"'"' dbname=cc" migrate 2>>err &&
	CC_DATABASE_URL="postgresql://alice:s3cret@/cc?host=$TRASH/nowhere&port=5" \
		test_expect_code 69 cc-db purge --owner x 2>>err &&
	! grep -e s3 -e cret err &&
	sed "s/: connection to server.*//" err >got &&
	cat >expect <<-EOF &&
	cc-db: cannot connect to the database '"'"'postgresql:///cc?host=$TRASH/nowhere&password=***&port=5'"'"'
	cc-db: cannot connect to the database '"'"'host=$TRASH/nowhere port=5 password=*** dbname=cc'"'"'
	cc-db: cannot connect to the database '"'"'host=$TRASH/nowhere port=5 password='"'"'***'"'"' dbname=cc'"'"'
	cc-db: cannot connect to the database '"'"'postgresql://alice:***@/cc?host=$TRASH/nowhere&port=5'"'"'
	EOF
	test_cmp expect got
'

test_expect_success 'a URL libpq cannot read: usage error from --db, config error from the environment' '
	test_expect_code 2 cc-db --db "postgresql://alice:s3%zzcret@/cc" status 2>err &&
	CC_DATABASE_URL="postgresql://alice:s3%zzcret@/cc" test_expect_code 65 cc-db status 2>>err &&
	! grep -e s3 -e cret err &&
	cat >expect <<-\EOF &&
	cc-db: --db: bad database URL '"'"'postgresql://alice:***@/cc'"'"': invalid percent-encoded token: "***"
	Try '"'"'cc-db --help'"'"' for more information.
	cc-db: $CC_DATABASE_URL: bad database URL '"'"'postgresql://alice:***@/cc'"'"': invalid percent-encoded token: "***"
	EOF
	test_cmp expect err
'

test_expect_success 'the URL from the configuration file, under --db and $CC_DATABASE_URL' '
	printf "database:\n  url: \"%s\"\n" "$CC_DATABASE_URL" >db.yaml &&
	(unset CC_DATABASE_URL && cc-db -c db.yaml status >out) &&
	echo "version 0 of 1" >expect &&
	head -n 1 out >got &&
	test_cmp expect got &&
	test_expect_code 69 cc-db -c db.yaml --db "postgresql:///cc?host=$TRASH/nowhere" status 2>err
'

# --- migrations ---------------------------------------------------------------

test_expect_success 'status before any migration' '
	cc-db status >out 2>err &&
	test_cmp /dev/null err &&
	printf "%s\n" "version 0 of 1" "pending 0001-init" >expect &&
	test_cmp expect out &&
	cc-db status --json >out &&
	echo "{\"version\":0,\"latest\":1,\"migrations\":[{\"version\":1,\"name\":\"init\",\"state\":\"pending\",\"checksum\":\"$SUM\",\"applied_at\":null}]}" >expect &&
	test_cmp expect out
'

test_expect_success 'migrate from empty, then again: nothing to do' '
	cc-db migrate >out 2>err &&
	test_cmp /dev/null err &&
	echo "applied 0001-init" >expect &&
	test_cmp expect out &&
	cc-db migrate >out 2>err &&
	test_cmp /dev/null err &&
	echo "nothing to migrate: the schema is at version 1, the latest" >expect &&
	test_cmp expect out &&
	pg_psql -c "SELECT version, name, checksum FROM schema_migrations" >got &&
	echo "1|init|$SUM" >expect &&
	test_cmp expect got
'

test_expect_success 'status after: the version, when, and the same as JSON' '
	cc-db status >out &&
	at=$(pg_psql -c "SELECT to_char(applied_at AT TIME ZONE '"'"'UTC'"'"', '"'"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'"'"') FROM schema_migrations") &&
	printf "%s\n" "version 1 of 1" "applied 0001-init $at" >expect &&
	test_cmp expect out &&
	cc-db status --json | jq -c "[.version, .latest, .migrations[].state, .migrations[].applied_at]" >got &&
	echo "[1,1,\"applied\",\"$at\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'four hosts migrating one database at once: all succeed, the schema is applied once' '
	"$PG_BINDIR/createdb" race &&
	url="postgresql:///race?host=$PGHOST&port=$PGPORT&user=cc_test" &&
	for i in 1 2 3 4; do
		{ cc-db --db "$url" migrate >out.$i 2>err.$i; echo $? >rc.$i; } &
	done &&
	wait &&
	cat rc.1 rc.2 rc.3 rc.4 >got &&
	printf "0\n0\n0\n0\n" >expect &&
	test_cmp expect got &&
	cat out.1 out.2 out.3 out.4 | sort >got &&
	printf "%s\n" "applied 0001-init" \
		"nothing to migrate: the schema is at version 1, the latest" \
		"nothing to migrate: the schema is at version 1, the latest" \
		"nothing to migrate: the schema is at version 1, the latest" >expect &&
	test_cmp expect got &&
	cat err.1 err.2 err.3 err.4 >err &&
	test_cmp /dev/null err &&
	PGDATABASE=race pg_psql -c "SELECT count(*) FROM schema_migrations" >got &&
	echo 1 >expect &&
	test_cmp expect got
'

test_expect_success 'a migration changed after it was applied is refused, by migrate and status' '
	url="postgresql:///race?host=$PGHOST&port=$PGPORT&user=cc_test" &&
	PGDATABASE=race pg_psql -c "UPDATE schema_migrations SET checksum = repeat('"'"'0'"'"', 64)" &&
	at=$(PGDATABASE=race pg_psql -c "SELECT to_char(applied_at AT TIME ZONE '"'"'UTC'"'"', '"'"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'"'"') FROM schema_migrations") &&
	test_expect_code 65 cc-db --db "$url" migrate >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-db: migration 0001-init was changed after it was applied ($at): its checksum in the database is not that of its SQL here" >expect &&
	test_cmp expect err &&
	test_expect_code 65 cc-db --db "$url" status >out 2>err &&
	printf "%s\n" "version 1 of 1" "changed 0001-init $at" >expect &&
	test_cmp expect out &&
	echo "cc-db: migration 0001-init was changed after it was applied" >expect &&
	test_cmp expect err
'

test_expect_success 'a database newer than the program is refused' '
	url="postgresql:///race?host=$PGHOST&port=$PGPORT&user=cc_test" &&
	PGDATABASE=race pg_psql -c "UPDATE schema_migrations SET checksum = '"'"'$SUM'"'"';
		INSERT INTO schema_migrations (version, name, checksum) VALUES (2, '"'"'later'"'"', '"'"'x'"'"')" &&
	test_expect_code 65 cc-db --db "$url" migrate 2>err &&
	echo "cc-db: the database has migration 0002-later, which this program does not know: it is older than the schema" >expect &&
	test_cmp expect err &&
	test_expect_code 65 cc-db --db "$url" status >out 2>err &&
	sed "s/ [0-9-]*T[0-9:]*Z$//" out >got &&
	printf "%s\n" "version 2 of 1" "applied 0001-init" "unknown 0002-later" >expect &&
	test_cmp expect got
'

# --- the schema ------------------------------------------------------------------

test_expect_success 'every enumeration of the schema allows the values of cc'"'"'s vocabulary, and no other' '
	pg_psql -F " " -c "SELECT c.conrelid::regclass || '"'"'.'"'"' || a.attname,
			pg_get_constraintdef(c.oid)
		FROM pg_constraint c JOIN pg_attribute a
			ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.contype = '"'"'c'"'"' AND cardinality(c.conkey) = 1
			AND pg_get_constraintdef(c.oid) LIKE '"'"'%ARRAY[%::text%'"'"'" >defs &&
	test $(wc -l <defs) -ge 20 &&
	sed "s/^\([^ ]*\) .*ARRAY\[\([^]]*\)\].*/\1 \2/; s/'"'"'\([^'"'"']*\)'"'"'::text/\1/g; s/,//g" defs >schema.raw &&
	cc-db vocabulary >vocab.raw &&
	for f in schema vocab; do
		while read -r col vals; do
			echo "$col $(printf "%s\n" $vals | sort | tr "\n" " ")"
		done <$f.raw | sort >$f
	done &&
	test_cmp vocab schema
'

test_expect_success 'the vocabulary is lib/model'"'"'s: bureaus in their order, every dispute status' '
	cc-db vocabulary >v &&
	grep "^disputes\.bureau " v >got &&
	echo "disputes.bureau equifax experian transunion" >expect &&
	test_cmp expect got &&
	grep "^disputes\.status " v >got &&
	echo "disputes.status draft ready sent bureau_received investigating verified updated deleted rejected escalated expired" >expect &&
	test_cmp expect got
'

test_expect_success 'dates at their printed precision: a month or a day, nothing else' '
	seed alice a &&
	for d in 2019-03 2019-03-14 2020-02-29; do
		pg_psql -c "UPDATE tradelines SET opened = '"'"'$d'"'"' WHERE owner_id = '"'"'alice'"'"' AND seq = 1" || exit 1
	done &&
	for d in 2019 2019-13 2019-3 2019-03-1 2019-02-30 03/2019 ""; do
		if pg_psql -c "UPDATE tradelines SET opened = '"'"'$d'"'"' WHERE owner_id = '"'"'alice'"'"'" 2>/dev/null; then
			echo "$d was taken"; exit 1
		fi
	done &&
	pg_psql -c "SELECT opened FROM tradelines WHERE owner_id = '"'"'alice'"'"' ORDER BY seq" >got &&
	printf "%s\n" 2020-02-29 2011-06-14 >expect &&
	test_cmp expect got
'

test_expect_success 'an enumeration refuses what is not in it; no row points at another owner'"'"'s' '
	seed bob b &&
	test_must_fail() { if "$@" 2>err; then return 1; fi; }  &&
	test_must_fail pg_psql -c "UPDATE tradelines SET bureau = '"'"'innovis'"'"' WHERE owner_id = '"'"'bob'"'"'" &&
	grep -q "violates check constraint \"tradelines_bureau_check\"" err &&
	test_must_fail pg_psql -c "UPDATE tradelines SET reasons = '"'"'{late_30,late_45}'"'"' WHERE owner_id = '"'"'bob'"'"'" &&
	grep -q "tradelines_reasons_check" err &&
	test_must_fail pg_psql -c "INSERT INTO disputes (owner_id, id, doc, bureau) VALUES ('"'"'bob'"'"', repeat('"'"'c'"'"', 16), repeat('"'"'a'"'"', 64), '"'"'equifax'"'"')" &&
	grep -q "violates foreign key constraint \"disputes_owner_id_doc_fkey\"" err &&
	test_must_fail pg_psql -c "INSERT INTO dispute_items (owner_id, dispute_id, n, tradeline_id, doc, reason_code, reason, action) VALUES ('"'"'bob'"'"', repeat('"'"'a'"'"', 16), 2, repeat('"'"'a'"'"', 16), repeat('"'"'b'"'"', 64), '"'"'obsolete'"'"', '"'"'x'"'"', '"'"'delete'"'"')" &&
	grep -q "dispute_items_owner_id_dispute_id_fkey" err
'

test_expect_success 'one live job of an owner and kind per dedup key' '
	test_must_fail() { if "$@" 2>err; then return 1; fi; }  &&
	test_must_fail pg_psql -c "INSERT INTO jobs (owner_id, kind, dedup_key) VALUES ('"'"'bob'"'"', '"'"'render_letters'"'"', '"'"'letters-bob'"'"')" &&
	grep -q "jobs_dedup" err &&
	pg_psql -c "UPDATE jobs SET state = '"'"'done'"'"' WHERE owner_id = '"'"'bob'"'"';
		INSERT INTO jobs (owner_id, kind, dedup_key) VALUES ('"'"'bob'"'"', '"'"'render_letters'"'"', '"'"'letters-bob'"'"')" &&
	pg_psql -c "SELECT state FROM jobs WHERE owner_id = '"'"'bob'"'"' ORDER BY id" >got &&
	printf "%s\n" done queued >expect &&
	test_cmp expect got &&
	pg_psql -c "DELETE FROM jobs WHERE owner_id = '"'"'bob'"'"' AND state = '"'"'queued'"'"'"
'

# --- dispute status ----------------------------------------------------------

test_expect_success 'a new dispute is in its history, as a draft' '
	hist aaaaaaaaaaaaaaaa | cut -d" " -f1-4 >got &&
	echo "- draft cc_test -" >expect &&
	test_cmp expect got
'

test_expect_success 'the database refuses a change of status it does not allow, whoever asks' '
	echo "UPDATE disputes SET status = '"'"'sent'"'"' WHERE owner_id = '"'"'alice'"'"'" >sql &&
	test_expect_code 3 pg_psql -f sql 2>err &&
	cat >expect <<-\EOF &&
	psql:sql:1: ERROR:  dispute '"'"'aaaaaaaaaaaaaaaa'"'"': '"'"'draft'"'"' cannot become '"'"'sent'"'"'
	HINT:  the allowed changes are in dispute_transitions
	CONTEXT:  PL/pgSQL function cc_disputes_status() line 12 at RAISE
	EOF
	test_cmp expect err &&
	test_expect_code 1 cc-db dispute-status aaaaaaaaaaaaaaaa sent --owner alice >out 2>err &&
	test_cmp /dev/null out &&
	echo "cc-db: dispute-status: dispute '"'"'aaaaaaaaaaaaaaaa'"'"': '"'"'draft'"'"' cannot become '"'"'sent'"'"'" >expect &&
	test_cmp expect err &&
	pg_psql -c "SELECT status FROM disputes WHERE owner_id = '"'"'alice'"'"'" >got &&
	echo draft >expect &&
	test_cmp expect got &&
	hist aaaaaaaaaaaaaaaa | wc -l >got &&
	echo 1 >expect &&
	test_cmp expect got
'

test_expect_success 'draft to ready to sent: the history says who, why and when; the due date is 30 days on' '
	cc-db dispute-status aaaaaaaaaaaaaaaa ready --owner alice --by analyst7 \
		--reason "checked against the report" >out 2>err &&
	test_cmp /dev/null err &&
	cc-db dispute-status aaaaaaaaaaaaaaaa sent --owner alice >>out &&
	cat >expect <<-\EOF &&
	aaaaaaaaaaaaaaaa: draft -> ready
	aaaaaaaaaaaaaaaa: ready -> sent, due 2026-02-01
	EOF
	test_cmp expect out &&
	hist aaaaaaaaaaaaaaaa | sed 1d >got &&
	cat >expect <<-\EOF &&
	draft ready analyst7 checked against the report 2026-01-02T03:04:05
	ready sent cc_test - 2026-01-02T03:04:05
	EOF
	test_cmp expect got &&
	pg_psql -c "SELECT status, sent_at AT TIME ZONE '"'"'UTC'"'"', due_date FROM disputes WHERE owner_id = '"'"'alice'"'"'" >got &&
	echo "sent|2026-01-02 03:04:05|2026-02-01" >expect &&
	test_cmp expect got
'

test_expect_success 'more information from the consumer: 45 days; the same status again changes nothing else' '
	cc-db dispute-status aaaaaaaaaaaaaaaa sent --more-info --owner alice >out &&
	echo "aaaaaaaaaaaaaaaa: sent (unchanged), due 2026-02-16" >expect &&
	test_cmp expect out &&
	hist aaaaaaaaaaaaaaaa | wc -l >got &&
	echo 3 >expect &&
	test_cmp expect got
'

test_expect_success 'a change made with psql goes through the trigger too: history, by the database user' '
	pg_psql -c "UPDATE disputes SET status = '"'"'investigating'"'"' WHERE owner_id = '"'"'alice'"'"'" &&
	hist aaaaaaaaaaaaaaaa | sed -n 4p | cut -d" " -f1-4 >got &&
	echo "sent investigating cc_test -" >expect &&
	test_cmp expect got
'

test_expect_success 'a change rolled back leaves no history' '
	pg_psql -c "BEGIN; UPDATE disputes SET status = '"'"'verified'"'"' WHERE owner_id = '"'"'alice'"'"'; ROLLBACK" &&
	hist aaaaaaaaaaaaaaaa | wc -l >got &&
	echo 4 >expect &&
	test_cmp expect got
'

test_expect_success 'no such dispute of the owner: exit 66; another owner'"'"'s is not found either' '
	test_expect_code 66 cc-db dispute-status aaaaaaaaaaaaaaaa ready --owner bob 2>err &&
	echo "cc-db: owner '"'"'bob'"'"' has no dispute '"'"'aaaaaaaaaaaaaaaa'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'overdue: the disputes waiting past their due date, as of a day' '
	cc-db dispute-status bbbbbbbbbbbbbbbb ready --owner bob >/dev/null &&
	cc-db dispute-status bbbbbbbbbbbbbbbb sent --owner bob >/dev/null &&
	cc-db overdue --owner alice --as-of 2026-02-16 >out &&
	test_cmp /dev/null out &&
	cc-db overdue --owner alice --as-of 2026-02-20 >out &&
	printf "aaaaaaaaaaaaaaaa\texperian\t1\tinvestigating\t2026-01-02\t2026-02-16\t4\n" >expect &&
	test_cmp expect out &&
	cc-db overdue --owner bob >out &&
	test_cmp /dev/null out &&
	CC_NOW=2026-03-01T00:00:00Z cc-db overdue --owner bob >out &&
	printf "bbbbbbbbbbbbbbbb\texperian\t1\tsent\t2026-01-02\t2026-02-01\t28\n" >expect &&
	test_cmp expect out &&
	pg_psql -c "UPDATE disputes SET status = '"'"'deleted'"'"' WHERE owner_id = '"'"'bob'"'"'" &&
	CC_NOW=2026-03-01T00:00:00Z cc-db overdue --owner bob >out &&
	test_cmp /dev/null out
'

# --- purge -----------------------------------------------------------------------

test_expect_success 'purge: every row of the owner goes, in one transaction, and each table says how many' '
	seed carol c &&
	rows bob >bob.before &&
	rows carol >carol.before &&
	cc-db purge --owner alice >out 2>err &&
	test_cmp /dev/null err &&
	cat >expect <<-\EOF &&
	letters 1
	dispute_status_history 4
	dispute_items 1
	disputes 1
	tradelines 2
	inquiries 1
	public_records 1
	consumers 1
	jobs 1
	report_uploads 1
	users 1
	EOF
	test_cmp expect out &&
	rows alice | sed "s/ .*/ 0/" >expect &&
	rows alice >got &&
	test_cmp expect got &&
	rows bob >got &&
	test_cmp bob.before got &&
	rows carol >got &&
	test_cmp carol.before got
'

test_expect_success 'purge again, or of an owner never seen: nothing to delete, every count 0' '
	cc-db purge --owner alice >out &&
	for t in $TABLES; do echo "$t 0"; done >expect &&
	test_cmp expect out
'

test_done
