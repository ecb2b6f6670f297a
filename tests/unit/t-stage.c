/*
 * t-stage.c -- lib/stage: grouping (by document, by consumer, all,
 * none), parts, cc_stage_apply() in memory, and the driver over a file
 * on 1 to 8 threads: the output in input order whatever the threads do,
 * the same as with none, rejections and warnings in their places, the
 * settle hook in order, --strict and a fatal error stopping the run,
 * and a failed write.  The stages here are toys that make their output
 * from their input, so what each thread did shows.
 */
#include "base/cc.h"
#include "stage/driver.h"
#include "stage/stage.h"

#include "tap.h"
#include "tmp.h"

/* --- a toy stage -------------------------------------------------------------- */

/*
 * For each record: its "n" passed through as {"kind":"seen","n":N,
 * "part":P}; at a group's end {"kind":"group","of":[N...]}; a record
 * with "bad" is rejected, one with "warn" warned about, one with
 * "fatal" stops the run.  A record with "parts":K is worked in K parts.
 */
struct toy {
	int settled;                 /* settle calls, in order */
	long last_settled;
	int out_of_order;
};

/* A worker is the array of its group's numbers (a JSON array). */
static void *toy_new(void *ctx, struct cc_error *e)
{
	(void)ctx; (void)e;
	return json_array();
}

static void toy_free(void *ctx, void *w)
{
	(void)ctx;
	json_decref(w);
}

static int toy_record(void *ctx, void *group, const struct cc_record *rec,
		      int part, struct cc_out *out)
{
	json_t *n = json_object_get(rec->obj, "n");
	struct cc_error e;

	(void)ctx;
	if (json_object_get(rec->obj, "bad")) {
		cc_error_set(&e, CC_ERR_DATA, "toy.bad", "bad record %lld",
			     (long long)json_integer_value(n));
		cc_error_at(&e, rec->source, rec->line);
		return cc_out_reject(out, &e, NULL);
	}
	if (json_object_get(rec->obj, "fatal")) {
		cc_error_set(&e, CC_ERR_UNAVAILABLE, "toy.fatal", "cannot go on");
		cc_out_fatal(out, &e);
		return CC_ERR_UNAVAILABLE;
	}
	if (json_object_get(rec->obj, "warn"))
		cc_out_warn(out, "warning %lld", (long long)json_integer_value(n));
	/* the parts of a record run at once and share it: read only */
	json_array_append_new(group, json_integer(json_integer_value(n)));
	cc_out_tick(out);
	return cc_out_record(out, json_pack("{s:s,s:I,s:i}", "kind", "seen",
					    "n", json_integer_value(n), "part", part));
}

static int toy_finish(void *ctx, void *group, struct cc_out *out)
{
	json_t *g = json_deep_copy(group);

	(void)ctx;
	json_array_clear(group);
	return cc_out_record(out, json_pack("{s:s,s:o}", "kind", "group", "of", g));
}

static int toy_parts(void *ctx, const struct cc_record *rec)
{
	json_t *k = json_object_get(rec->obj, "parts");

	(void)ctx;
	return k ? (int)json_integer_value(k) : 1;
}

static json_t *toy_settle(void *ctx, json_t *rec)
{
	struct toy *t = ctx;
	json_int_t n = json_integer_value(json_object_get(rec, "n"));

	if (n < t->last_settled)
		t->out_of_order = 1;
	t->last_settled = n;
	t->settled++;
	json_object_set_new(rec, "settled", json_integer(t->settled));
	return rec;
}

static int toy_done(void *ctx, struct cc_out *out)
{
	(void)ctx;
	return cc_out_record(out, json_pack("{s:s}", "kind", "done"));
}

static struct cc_stage stage_of(enum cc_stage_group g)
{
	struct cc_stage s = {
		.name = "toy", .group = g, .unit = "records", .new = toy_new,
		.free = toy_free, .record = toy_record, .finish = toy_finish,
		.parts = toy_parts, .done = toy_done,
	};

	return s;
}

/* --- a sink in memory -------------------------------------------------------- */

struct sink {
	struct cc_buf out;           /* the records, then "E:..." and "W:..." */
	int rejects, strict, fail_after;
	unsigned long progress;
	int writes;
	int flushes;                 /* units written */
};

static int s_write(void *arg, const char *text, size_t len)
{
	struct sink *s = arg;

	if (s->fail_after && ++s->writes > s->fail_after)
		return CC_ERR_IO;
	cc_buf_add(&s->out, text, len);
	return 0;
}

static int s_reject(void *arg, const char *stage, const struct cc_error *e,
		    const char *doc)
{
	struct sink *s = arg;

	(void)doc;
	s->rejects++;
	cc_buf_addf(&s->out, "E:%s:%s:%ld:%s\n", stage, e->id, e->line, e->msg);
	return s->strict ? 1 : 0;
}

static void s_warn(void *arg, const char *msg)
{
	cc_buf_addf(&((struct sink *)arg)->out, "W:%s\n", msg);
}

static void s_fatal(void *arg, const struct cc_error *e)
{
	cc_buf_addf(&((struct sink *)arg)->out, "F:%s\n", e->msg);
}

static void s_progress(void *arg, unsigned long n)
{
	((struct sink *)arg)->progress = n;
}

static int s_flush(void *arg)
{
	((struct sink *)arg)->flushes++;
	return 0;
}

static const struct cc_sink_ops sink_ops = {
	s_write, s_reject, s_warn, s_fatal, s_progress, s_flush,
};

/* Run stage over the file at path on jobs threads; the sink's text. */
static char *run(const struct cc_stage *st, void *ctx, const char *path,
		 int jobs, struct sink *s, int *rc)
{
	const char *src[1] = { path };
	struct cc_driver_opts o;
	struct cc_error e;

	memset(&o, 0, sizeof(o));
	o.sources = src;
	o.nsources = 1;
	o.jobs = jobs;
	o.sink = &sink_ops;
	o.sink_arg = s;
	*rc = cc_driver_run(st, ctx, &o, &e);
	return cc_buf_detach(&s->out);
}

static char *run_simple(const struct cc_stage *st, const char *path, int jobs)
{
	struct toy t = { 0 };
	struct sink s = { 0 };
	int rc;
	char *out = run(st, &t, path, jobs, &s, &rc);

	if (rc != 0)
		tap_diag("the run returned %d", rc);
	return out;
}

/* --- tests -------------------------------------------------------------------- */

static void test_grouper(void)
{
	struct cc_grouper *gr = cc_grouper_new(CC_GROUP_CONSUMER);
	struct cc_record r = { 0 };
	json_t *o;
	int got[8], i = 0;

#define PLACE(json) (o = json_loads(json, 0, NULL), r.obj = o, \
	r.kind = json_string_value(json_object_get(o, "kind")), \
	got[i++] = cc_grouper_place(gr, &r), json_decref(o))
	PLACE("{\"kind\":\"document\",\"doc\":\"a\",\"owner\":\"7\"}");
	PLACE("{\"kind\":\"tradeline\",\"doc\":\"a\"}");
	PLACE("{\"kind\":\"document\",\"doc\":\"b\",\"owner\":\"7\"}");
	PLACE("{\"kind\":\"letter\"}");
	PLACE("{\"kind\":\"tradeline\",\"doc\":\"c\"}");
	PLACE("{\"kind\":\"tradeline\",\"doc\":\"b\"}");
	ok(got[0] == 1 && got[1] == 0 && got[2] == 0 && got[3] == 0 &&
	   got[4] == 1 && got[5] == 1,
	   "consumers: one owner's two documents one group, a record "
	   "without doc joins it, another document another group");
	is_str(cc_grouper_again(gr), "owner '7'", "an owner's records again: named");
	cc_grouper_free(gr);

	gr = cc_grouper_new(CC_GROUP_DOCUMENT);
	i = 0;
	PLACE("{\"kind\":\"page\",\"doc\":\"a\",\"page\":1}");
	PLACE("{\"kind\":\"page\",\"doc\":\"x\",\"page\":\"2\"}");
	PLACE("{\"kind\":\"page\",\"doc\":\"a\",\"page\":2}");
	PLACE("{\"kind\":\"page\",\"doc\":\"b\",\"page\":1}");
	ok(got[0] == 1 && got[1] == 0 && got[2] == 0 && got[3] == 1,
	   "documents: a page record without a page number joins the group");
	ok(cc_grouper_again(gr) == NULL, "documents: nothing named");
	cc_grouper_free(gr);
#undef PLACE
}

/* n records, every k-th of doc d(n/k); extra JSON members at some. */
static char *write_input(const char *name, int n, int k)
{
	struct cc_buf b = { 0 };
	char *path;
	int i;

	for (i = 0; i < n; i++) {
		cc_buf_addf(&b, "{\"kind\":\"r\",\"v\":1,\"n\":%d,\"doc\":\"d%d\"", i, i / k);
		if (i % 37 == 5)
			cc_buf_adds(&b, ",\"bad\":1");
		if (i % 41 == 7)
			cc_buf_adds(&b, ",\"warn\":1");
		if (i % 53 == 11)
			cc_buf_adds(&b, ",\"parts\":3");
		cc_buf_adds(&b, "}\n");
		if (i % 29 == 3)
			cc_buf_adds(&b, "{not json\n\n");
	}
	path = tmp_write(name, b.s, b.len);
	cc_buf_release(&b);
	return path;   /* kept to the end, as the directory is */
}

static void test_driver_order(void)
{
	static const enum cc_stage_group groups[] = {
		CC_GROUP_NONE, CC_GROUP_DOCUMENT, CC_GROUP_ALL,
	};
	char *path = write_input("in.ndjson", 2000, 7);
	size_t g;
	int j;

	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		struct cc_stage st = stage_of(groups[g]);
		char *one = run_simple(&st, path, 1), *many;

		ok(one && strstr(one, "E:toy:json.syntax:") &&
		   strstr(one, "E:toy:toy.bad:") && strstr(one, "W:warning 7\n") &&
		   strstr(one, "{\"kind\":\"done\"}\n"),
		   "grouping %d, no thread: rejections, warnings, done", (int)groups[g]);
		for (j = 2; j <= 8; j *= 2) {
			many = run_simple(&st, path, j);
			ok(one && many && !strcmp(one, many),
			   "grouping %d, %d threads: the same output as none",
			   (int)groups[g], j);
			free(many);
		}
		free(one);
	}
	free(path);
}

static void test_driver_details(void)
{
	struct cc_stage st = stage_of(CC_GROUP_DOCUMENT);
	char *path;
	struct toy t = { 0 };
	struct sink s = { 0 };
	char *out;
	int rc;

	path = tmp_write_str("small.ndjson",
			 "{\"kind\":\"r\",\"n\":1,\"doc\":\"a\"}\n"
			 "{\"kind\":\"r\",\"n\":2,\"doc\":\"a\"}\n"
			 "oops\n"
			 "{\"kind\":\"r\",\"n\":3,\"doc\":\"a\"}\n"
			 "{\"kind\":\"r\",\"n\":4,\"doc\":\"b\",\"parts\":2}\n");
	out = run(&st, &t, path, 3, &s, &rc);
	is_str(out,
	       "{\"kind\":\"seen\",\"n\":1,\"part\":0}\n"
	       "{\"kind\":\"seen\",\"n\":2,\"part\":0}\n"
	       "E:toy:json.syntax:3:invalid JSON: '[' or '{' expected near 'oops' at column 4\n"
	       "{\"kind\":\"seen\",\"n\":3,\"part\":0}\n"
	       "{\"kind\":\"group\",\"of\":[1,2,3]}\n"
	       "{\"kind\":\"seen\",\"n\":4,\"part\":0}\n"
	       "{\"kind\":\"group\",\"of\":[4]}\n"
	       "{\"kind\":\"done\"}\n",
	       "a bad line inside a document stays in its place; a grouped "
	       "stage gets no parts");
	is_int(rc, 0, "the run read its input to the end");
	is_int((long long)s.progress, 4, "a tick per record, counted in order");
	free(out);

	/* parts of an ungrouped stage, in order */
	st = stage_of(CC_GROUP_NONE);
	memset(&s, 0, sizeof(s));
	out = run(&st, &t, path, 4, &s, &rc);
	ok(out && strstr(out, "{\"kind\":\"seen\",\"n\":4,\"part\":0}\n"
			 "{\"kind\":\"seen\",\"n\":4,\"part\":1}\n"
			 "{\"kind\":\"done\"}\n"),
	   "a record in two parts: both, in part order, on 4 threads");
	free(out);

	/* --strict: nothing after the first rejection, no done */
	st = stage_of(CC_GROUP_NONE);
	memset(&s, 0, sizeof(s));
	s.strict = 1;
	out = run(&st, &t, path, 2, &s, &rc);
	is_str(out,
	       "{\"kind\":\"seen\",\"n\":1,\"part\":0}\n"
	       "{\"kind\":\"seen\",\"n\":2,\"part\":0}\n"
	       "E:toy:json.syntax:3:invalid JSON: '[' or '{' expected near 'oops' at column 4\n",
	       "strict: the output stops at the first rejection");
	is_int(rc, 1, "strict: the run says it stopped");
	free(out);

	/* a fatal error stops the run after what came before it */
	free(path);
	path = tmp_write_str("fatal.ndjson",
			 "{\"kind\":\"r\",\"n\":1}\n"
			 "{\"kind\":\"r\",\"n\":2,\"fatal\":1}\n"
			 "{\"kind\":\"r\",\"n\":3}\n");
	memset(&s, 0, sizeof(s));
	out = run(&st, &t, path, 2, &s, &rc);
	is_str(out, "{\"kind\":\"seen\",\"n\":1,\"part\":0}\nF:cannot go on\n",
	       "fatal: what came before, the error, nothing after");
	is_int(rc, 1, "fatal: the run says it stopped");
	free(out);

	/* a failed write */
	free(path);
	path = write_input("io.ndjson", 500, 3);
	memset(&s, 0, sizeof(s));
	s.fail_after = 2;
	out = run(&st, &t, path, 2, &s, &rc);
	is_int(rc, CC_ERR_IO, "a failed write stops the run: CC_ERR_IO");
	free(out);
	free(path);
}

/* The units an ungrouped toy of the given run makes of 4 records. */
static int units_of(int run_size, int jobs, char **out)
{
	static char *path;
	struct cc_stage st = stage_of(CC_GROUP_NONE);
	struct toy t = { 0 };
	struct sink s = { 0 };
	int rc;

	if (!path)
		path = tmp_write_str("run.ndjson",
				     "{\"kind\":\"r\",\"n\":1}\n{\"kind\":\"r\",\"n\":2}\n"
				     "{\"kind\":\"r\",\"n\":3}\n{\"kind\":\"r\",\"n\":4}\n");
	st.run = run_size;
	*out = run(&st, &t, path, jobs, &s, &rc);
	return s.flushes;
}

/* .run: how many ungrouped records a unit takes (cc-ocr's 1) */
static void test_driver_run(void)
{
	char *whole, *each;
	int jobs;

	for (jobs = 0; jobs <= 3; jobs += 3) {
		int n64 = units_of(0, jobs, &whole), n1 = units_of(1, jobs, &each);

		is_int(n1 - n64, 3, jobs ?
		       "run 1, 3 threads: a unit for each of 4 records, not one for all" :
		       "run 1, no thread: a unit for each of 4 records, not one for all");
		is_str(each, whole, "run 1: the same output");
		free(whole);
		free(each);
	}
}

static void test_settle(void)
{
	struct cc_stage st = stage_of(CC_GROUP_NONE);
	char *path = write_input("settle.ndjson", 600, 1);
	struct toy t = { 0 };
	struct sink s = { 0 };
	char *out;
	int rc;

	st.settle = toy_settle;
	t.last_settled = -1;
	out = run(&st, &t, path, 4, &s, &rc);
	ok(t.settled > 600 && !t.out_of_order,
	   "settle: every record made, in input order, on 4 threads (%d)",
	   t.settled);
	ok(out && strstr(out, "\"settled\":1}") != NULL,
	   "settle: what it returns is written");
	free(out);
	free(path);
}

static void test_apply(void)
{
	struct cc_stage st = stage_of(CC_GROUP_DOCUMENT);
	json_t *in[4], *out = json_array(), *warn = json_array();
	struct toy t = { 0 };
	struct cc_error e;
	char *s;
	int i;

	in[0] = json_pack("{s:s,s:i,s:s}", "kind", "r", "n", 1, "doc", "a");
	in[1] = json_pack("{s:s,s:i,s:s,s:b}", "kind", "r", "n", 2, "doc", "a", "warn", 1);
	in[2] = json_pack("{s:s,s:i,s:s,s:b}", "kind", "r", "n", 3, "doc", "b", "bad", 1);
	in[3] = json_pack("{s:s,s:i,s:s}", "kind", "r", "n", 4, "doc", "b");
	is_int(cc_stage_apply(&st, &t, in, 4, out, warn, &e), 0,
	       "apply: runs to the end");
	s = json_dumps(out, JSON_COMPACT);
	is_str(s, "[{\"kind\":\"seen\",\"n\":1,\"part\":0},"
		  "{\"kind\":\"seen\",\"n\":2,\"part\":0},"
		  "{\"kind\":\"group\",\"of\":[1,2]},"
		  "{\"kind\":\"error\",\"v\":1,\"stage\":\"toy\",\"doc\":null,"
		  "\"path\":\"<memory>\",\"line\":3,\"code\":\"toy.bad\","
		  "\"message\":\"bad record 3\"},"
		  "{\"kind\":\"seen\",\"n\":4,\"part\":0},"
		  "{\"kind\":\"group\",\"of\":[4]},{\"kind\":\"done\"}]",
	       "apply: grouped by document, records, error records, done");
	free(s);
	s = json_dumps(warn, JSON_COMPACT);
	is_str(s, "[\"warning 2\"]", "apply: the warnings");
	free(s);
	for (i = 0; i < 4; i++)
		json_decref(in[i]);
	json_decref(out);
	json_decref(warn);
}

int main(void)
{
	test_grouper();
	test_driver_order();
	test_driver_details();
	test_driver_run();
	test_settle();
	test_apply();
	return tap_done();
}
