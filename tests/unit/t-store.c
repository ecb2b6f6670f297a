/*
 * t-store.c -- lib/store without a server: connection strings shown with
 * their password hidden, in every form libpq reads; a string libpq
 * cannot parse, and a server that is not there, are errors that do not
 * show it either; the vocabulary's lines.
 */
#include "base/cc.h"
#include "store/store.h"

#include "tap.h"

static const struct {
	const char *in, *out;
} redactions[] = {
	{ "", "" },
	{ "postgresql:///cc", "postgresql:///cc" },
	{ "postgresql://alice@db.example/cc", "postgresql://alice@db.example/cc" },
	{ "postgresql://alice:s3cret@db.example:5432/cc",
	  "postgresql://alice:***@db.example:5432/cc" },
	{ "postgres://alice:s3:cr?et@db/cc", "postgres://alice:***@db/cc" },
	{ "postgresql://alice:s3cret@h1:5432,h2:5433/cc?sslmode=require",
	  "postgresql://alice:***@h1:5432,h2:5433/cc?sslmode=require" },
	{ "postgresql:///cc?host=/tmp&password=s3cret&user=alice",
	  "postgresql:///cc?host=/tmp&password=***&user=alice" },
	{ "postgresql:///cc?pass%77ord=s3cret", "postgresql:///cc?pass%77ord=***" },
	{ "postgresql:///cc?password=s3cret", "postgresql:///cc?password=***" },
	/* no user information before the path: the '@' is the path's */
	{ "postgresql://db/cc@x:y", "postgresql://db/cc@x:y" },
	{ "host=db password=s3cret dbname=cc", "host=db password=*** dbname=cc" },
	{ "host=db password = s3cret", "host=db password=***" },
	{ "password='s3 cr\\'et' host=db", "password='***' host=db" },
	{ "password=s3\\ cret host=db", "password=*** host=db" },
	{ "dbname='postgresql://alice:s3cret@db/cc' connect_timeout=5",
	  "dbname='postgresql://alice:***@db/cc' connect_timeout=5" },
	{ "dbname='user=alice password=s3cret'",
	  "dbname='user=alice password=***'" },
	{ "password='s3cret", "password=..." },
	{ "host=db oops", "host=db oops" },
	{ "host=db oops password=s3cret", "host=db oops ..." },
};

static void test_redact(void)
{
	size_t i;

	for (i = 0; i < sizeof(redactions) / sizeof(redactions[0]); i++) {
		char *r = cc_store_redact(redactions[i].in);

		is_str(r, redactions[i].out, "redact %s", redactions[i].in);
		free(r);
	}
}

static void test_open_errors(void)
{
	struct cc_store *st = (struct cc_store *)1;
	struct cc_error e;

	cc_error_clear(&e);
	is_int(cc_store_open(&st, "postgresql://alice:s3%zzcret@db/cc", "t", &e),
	       CC_ERR_USAGE, "a bad percent-encoding is a usage error");
	ok(st == NULL, "and gives no connection");
	is_str(e.id, "store.url", "its id");
	is_str(e.msg, "bad database URL 'postgresql://alice:***@db/cc': "
	       "invalid percent-encoded token: \"***\"", "its message");

	cc_error_clear(&e);
	is_int(cc_store_open(&st, "host=/nonexistent port=5 password=s3cret", "t",
			     &e), CC_ERR_UNAVAILABLE,
	       "a server that is not there is unavailable");
	is_str(e.id, "store.unavailable", "its id");
	ok(!strstr(e.msg, "s3cret"), "no password in: %s", e.msg);
	ok(!strncmp(e.msg, "cannot connect to the database 'host=/nonexistent "
		    "port=5 password=***': ", 69), "the message: %s", e.msg);
	cc_store_close(NULL);
}

static void test_vocabulary(void)
{
	struct cc_buf b = { 0 };

	cc_store_vocabulary(&b);
	cc_buf_add(&b, "", 0);
	ok(strstr(b.s, "\ntradelines.type revolving open installment mortgage "
		  "collection other\n") != NULL, "the account types");
	ok(strstr(b.s, "\njobs.state queued running done dead\n") != NULL,
	   "the job states");
	ok(!strncmp(b.s, "report_uploads.processing_status queued processing "
		    "complete failed\n", 66), "the first line");
	cc_buf_release(&b);
	ok(cc_store_latest() >= 1, "the program carries its migrations");
}

int main(void)
{
	test_redact();
	test_open_errors();
	test_vocabulary();
	return tap_done();
}
