/*
 * apply.c -- a stage run in memory over JSON records, in the calling
 * thread (stage.h, cc_stage_apply): how a worker or a server runs a
 * stage, with no stream and no threads of its own.
 */
#include "base/cc.h"
#include "stage/stage.h"

struct mem_out {
	struct cc_out out;
	const struct cc_stage *st;
	void *ctx;
	json_t *records;
	json_t *warnings;
	struct cc_error *fatal;
};

static int mem_record(struct cc_out *o, json_t *rec)
{
	struct mem_out *m = (struct mem_out *)o;

	if (m->st->settle)
		rec = m->st->settle(m->ctx, rec);
	json_array_append_new(m->records, rec);
	return 0;
}

static int mem_pass(struct cc_out *o, const struct cc_record *rec)
{
	struct mem_out *m = (struct mem_out *)o;

	json_array_append(m->records, rec->obj);
	return 0;
}

static int mem_reject(struct cc_out *o, const struct cc_error *e,
		      const char *doc)
{
	struct mem_out *m = (struct mem_out *)o;

	json_array_append_new(m->records, cc_record_error(o->stage, e, doc, NULL));
	return 0;
}

static void mem_warn(struct cc_out *o, const char *msg)
{
	struct mem_out *m = (struct mem_out *)o;

	if (m->warnings)
		json_array_append_new(m->warnings, cc_json_str(msg));
}

static void mem_fatal(struct cc_out *o, const struct cc_error *e)
{
	struct mem_out *m = (struct mem_out *)o;

	*m->fatal = *e;
}

static const struct cc_out_ops mem_ops = {
	mem_record, mem_pass, mem_reject, mem_warn, mem_fatal, NULL, NULL,
};

int cc_stage_apply(const struct cc_stage *st, void *ctx, json_t *const *in,
		   size_t n, json_t *out_records, json_t *warnings,
		   struct cc_error *e)
{
	struct mem_out m = { { &mem_ops, st->name, 0 }, st, ctx, out_records,
			     warnings, e };
	struct cc_grouper *gr;
	struct cc_record rec;
	void *w;
	size_t i;
	int rc = 0, open = 0, part, parts;

	cc_error_clear(e);
	w = st->new(ctx, e);
	if (!w)
		return e->code ? e->code : CC_ERR_UNAVAILABLE;
	gr = cc_grouper_new(st->group);
	for (i = 0; i < n && rc == 0; i++) {
		memset(&rec, 0, sizeof(rec));
		rec.obj = in[i];
		rec.kind = json_string_value(json_object_get(in[i], "kind"));
		if (!json_is_object(in[i]) || !rec.kind)
			continue;
		rec.source = "<memory>";
		rec.line = (long)i + 1;
		if (st->observe)
			st->observe(ctx, &rec);
		if (cc_grouper_place(gr, &rec) && open && st->finish &&
		    st->group != CC_GROUP_NONE)
			rc = st->finish(ctx, w, &m.out);
		open = 1;
		parts = st->parts ? st->parts(ctx, &rec) : 1;
		for (part = 0; rc == 0 && part < parts; part++)
			rc = st->record(ctx, w, &rec, part, &m.out);
	}
	if (rc == 0 && open && st->finish && st->group != CC_GROUP_NONE)
		rc = st->finish(ctx, w, &m.out);
	if (rc == 0 && st->done)
		rc = st->done(ctx, &m.out);
	cc_grouper_free(gr);
	st->free(ctx, w);
	if (rc < 0 && !e->code)
		cc_error_set(e, rc, "stage.stopped", "the %s stage stopped",
			     st->name);
	return rc;
}
