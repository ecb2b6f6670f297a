/*
 * driver.c -- a stage over a stream, on N threads, in input order
 * (driver.h).
 *
 * The input is read in chunks of lines (a chunk: up to CHUNK_LINES lines
 * or CHUNK_BYTES bytes, or what there is when a read would wait); each
 * chunk is parsed by a worker; the calling thread then takes the parsed
 * chunks in order and makes units of work of their records: a group (a
 * document's records, a consumer's), a run of ungrouped records, or one
 * part of a record.  Workers work the units with their own worker of the
 * stage, each unit's output kept in a buffer; the writer thread hands
 * the buffers to the sink in the order the units were made.
 *
 * One lock guards the queue, the chunks' and units' states and the
 * counters; work is done outside it.  At most `window` units are between
 * being made and being written, and at most PEND_CHUNKS chunks between
 * being read and being grouped: that bounds memory.
 */
#include "base/cc.h"
#include "stage/driver.h"

#include <pthread.h>

#define CHUNK_LINES 256
#define CHUNK_BYTES ((size_t)256 << 10)
#define RUN_RECORDS 64          /* ungrouped records worked as one unit */
#define PEND_CHUNKS 2           /* per thread, read but not yet grouped */

/* --- a unit's output ------------------------------------------------------- */

enum { IT_TEXT, IT_OBJ, IT_REJECT, IT_WARN, IT_FATAL, IT_TICK };

struct item {
	int type;
	size_t off, len;             /* IT_TEXT: a span of the buffer's text */
	json_t *obj;                 /* IT_OBJ: a record to settle, then write */
	struct cc_error *err;        /* IT_REJECT, IT_FATAL */
	char *s;                     /* IT_REJECT: its doc; IT_WARN: message */
};

struct obuf {
	struct cc_out out;           /* first: what the stage writes to */
	int keep;                    /* records kept as JSON (stage settles) */
	struct cc_buf text;
	struct item *v;
	size_t n, alloc;
};

static struct item *add_item(struct obuf *b, int type)
{
	struct item *it;

	CC_GROW(b->v, b->alloc, b->n + 1);
	it = &b->v[b->n++];
	memset(it, 0, sizeof(*it));
	it->type = type;
	return it;
}

static void add_text(struct obuf *b, const char *s, size_t n)
{
	struct item *it;

	if (b->n && b->v[b->n - 1].type == IT_TEXT) {
		it = &b->v[b->n - 1];
	} else {
		it = add_item(b, IT_TEXT);
		it->off = b->text.len;
	}
	cc_buf_add(&b->text, s, n);
	it->len += n;
}

/* rec as a compact line at the end of the buffer's text.  0 or CC_ERR_IO. */
static int dump_json(struct obuf *b, json_t *rec)
{
	struct cc_buf *t = &b->text;
	size_t room, n;

	for (;;) {
		CC_GROW(t->s, t->alloc, t->len + 256);
		room = t->alloc - t->len;
		n = json_dumpb(rec, t->s + t->len, room - 1, CC_JSON_FLAGS);
		if (n == 0)
			return CC_ERR_IO;
		if (n < room - 1)
			break;
		CC_GROW(t->s, t->alloc, t->len + n + 2);
	}
	t->len += n;
	t->s[t->len++] = '\n';
	return 0;
}

static int ob_record(struct cc_out *o, json_t *rec)
{
	struct obuf *b = (struct obuf *)o;
	struct item *it;
	size_t start;
	int rc;

	if (b->keep) {
		add_item(b, IT_OBJ)->obj = rec;
		return 0;
	}
	if (b->n && b->v[b->n - 1].type == IT_TEXT) {
		it = &b->v[b->n - 1];
	} else {
		it = add_item(b, IT_TEXT);
		it->off = b->text.len;
	}
	start = b->text.len;
	rc = dump_json(b, rec);
	json_decref(rec);
	if (rc < 0)
		return rc;
	it->len += b->text.len - start;
	return 0;
}

static int ob_pass(struct cc_out *o, const struct cc_record *rec)
{
	struct obuf *b = (struct obuf *)o;

	if (!rec->raw)
		return ob_record(o, json_incref(rec->obj));
	add_text(b, rec->raw, rec->raw_len);
	add_text(b, "\n", 1);
	return 0;
}

static struct cc_error *copy_error(const struct cc_error *e)
{
	struct cc_error *c = cc_xmalloc(sizeof(*c));

	*c = *e;
	return c;
}

static int ob_reject(struct cc_out *o, const struct cc_error *e, const char *doc)
{
	struct item *it = add_item((struct obuf *)o, IT_REJECT);

	it->err = copy_error(e);
	it->s = doc ? cc_xstrdup(doc) : NULL;
	return 0;
}

static void ob_warn(struct cc_out *o, const char *msg)
{
	add_item((struct obuf *)o, IT_WARN)->s = cc_xstrdup(msg);
}

static void ob_fatal(struct cc_out *o, const struct cc_error *e)
{
	add_item((struct obuf *)o, IT_FATAL)->err = copy_error(e);
}

static void ob_tick(struct cc_out *o)
{
	add_item((struct obuf *)o, IT_TICK);
}

static int ob_line(struct cc_out *o, const char *text, size_t len)
{
	struct obuf *b = (struct obuf *)o;

	add_text(b, text, len);
	add_text(b, "\n", 1);
	return 0;
}

static const struct cc_out_ops ob_ops = {
	ob_record, ob_pass, ob_reject, ob_warn, ob_fatal, ob_tick, ob_line,
};

static void ob_init(struct obuf *b, const struct cc_stage *st)
{
	memset(b, 0, sizeof(*b));
	b->out.ops = &ob_ops;
	b->out.stage = st->name;
	b->keep = st->settle != NULL;
	b->out.lines = !b->keep;
}

static void ob_release(struct obuf *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		json_decref(b->v[i].obj);
		free(b->v[i].err);
		free(b->v[i].s);
	}
	free(b->v);
	cc_buf_release(&b->text);
}

/* --- the input: chunks of lines -------------------------------------------- */

struct entry {
	json_t *obj;                 /* NULL: a bad line (err), or a blank one */
	const char *kind;
	struct cc_error *err;        /* the line's rejection */
	size_t off, len;             /* the line, in the chunk's text */
	const char *raw;             /* the line, once the chunk is whole */
	const char *source;          /* interned by the driver */
	long line;
};

struct chunk {
	struct chunk *next;          /* read, not yet grouped, in order */
	struct cc_buf text;
	struct entry *v;
	size_t n, alloc;
	int refs;                    /* the reader's, and a unit's each */
	int parsed;
};

static void chunk_free(struct chunk *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		json_decref(c->v[i].obj);
		free(c->v[i].err);
	}
	free(c->v);
	cc_buf_release(&c->text);
	free(c);
}

static void parse_chunk(struct chunk *c)
{
	struct cc_record rec;
	struct cc_error e;
	size_t i;
	int rc;

	for (i = 0; i < c->n; i++) {
		struct entry *en = &c->v[i];

		if (en->obj || en->err)
			continue;
		en->raw = c->text.s + en->off;
		cc_error_clear(&e);
		rc = cc_record_parse(c->text.s + en->off, en->len, &rec, &e);
		if (rc > 0) {
			en->obj = rec.obj;
			en->kind = rec.kind;
		} else if (rc < 0) {
			cc_error_at(&e, en->source, en->line);
			en->err = copy_error(&e);
		}
	}
}

/* --- units of work ---------------------------------------------------------- */

struct unit {
	size_t seq;
	struct entry **v;            /* borrowed from the chunks held */
	size_t n, alloc;
	struct chunk **ch;           /* held: one reference each */
	size_t nch, ach;
	int part;
	int finish;                  /* a group: finish() after its records */
	char *again;                 /* a group seen before: its name */
	int done;
	int rc;
	struct obuf ob;
};

struct job {
	struct job *next;
	struct chunk *chunk;         /* to parse, or */
	struct unit *unit;           /* to work */
};

struct drv {
	const struct cc_stage *st;
	void *ctx;
	const struct cc_driver_opts *o;
	int threads;                 /* worker threads; 0: all in the caller */
	void **w;                    /* the stage's workers, one per thread */

	pthread_mutex_t lock;
	pthread_cond_t cv_work, cv_parsed, cv_done, cv_room;
	struct job *qhead, *qtail;
	struct chunk *pend, *pend_tail;
	size_t npend, max_pend;
	struct unit **ring;
	size_t window;
	size_t made, written;        /* units */
	int eof;                     /* every unit is made */
	int quit;                    /* workers: no more jobs will come */
	int stop;                    /* the sink or the stage stopped the run */
	int result;

	/* the reading side, the calling thread's only */
	struct cc_reader *r;
	char **src;                  /* source names, interned */
	size_t nsrc, asrc;
	struct chunk *cur;
	struct cc_grouper *gr;
	struct unit *open;
	size_t run_records;          /* ungrouped records a unit takes */
	unsigned long ticks;         /* the writer's */
};

/* The stop flag, read without the lock by the reader and the workers. */
static int stopped(struct drv *d)
{
	return __atomic_load_n(&d->stop, __ATOMIC_ACQUIRE);
}

static void set_stop(struct drv *d, int result)
{
	if (!stopped(d))
		d->result = result;
	__atomic_store_n(&d->stop, 1, __ATOMIC_RELEASE);
}

static void lock(struct drv *d)
{
	if (d->threads)
		pthread_mutex_lock(&d->lock);
}

static void unlock(struct drv *d)
{
	if (d->threads)
		pthread_mutex_unlock(&d->lock);
}

static void push_job(struct drv *d, struct chunk *c, struct unit *u)
{
	struct job *j = cc_xcalloc(1, sizeof(*j));

	j->chunk = c;
	j->unit = u;
	if (d->qtail)
		d->qtail->next = j;
	else
		d->qhead = j;
	d->qtail = j;
	pthread_cond_signal(&d->cv_work);
}

/* Drop a unit's hold on its chunks; with the lock held. */
static void unit_free(struct unit *u)
{
	size_t i;

	for (i = 0; i < u->nch; i++)
		if (--u->ch[i]->refs == 0)
			chunk_free(u->ch[i]);
	free(u->ch);
	free(u->v);
	free(u->again);
	ob_release(&u->ob);
	free(u);
}

static void unit_add(struct unit *u, struct chunk *c, struct entry *en)
{
	CC_GROW(u->v, u->alloc, u->n + 1);
	u->v[u->n++] = en;
	if (!u->nch || u->ch[u->nch - 1] != c) {
		CC_GROW(u->ch, u->ach, u->nch + 1);
		u->ch[u->nch++] = c;
		c->refs++;
	}
}

static void run_unit(struct drv *d, void *w, struct unit *u)
{
	const struct cc_stage *st = d->st;
	struct cc_record rec;
	size_t i;
	int rc = 0;

	ob_init(&u->ob, st);
	if (u->again)
		cc_out_warn(&u->ob.out, "records of %s come again after its "
			    "group ended: they are worked on apart (give each "
			    "one's records together)", u->again);
	for (i = 0; i < u->n && rc == 0; i++) {
		struct entry *en = u->v[i];

		if (en->err) {
			rc = cc_out_reject(&u->ob.out, en->err, NULL);
			continue;
		}
		rec.obj = en->obj;
		rec.kind = en->kind;
		rec.raw = en->raw;
		rec.raw_len = en->len;
		rec.source = en->source;
		rec.line = en->line;
		rc = st->record(d->ctx, w, &rec, u->part, &u->ob.out);
	}
	if (rc == 0 && u->finish && st->finish)
		rc = st->finish(d->ctx, w, &u->ob.out);
	u->rc = rc;
}

/* Hand one unit's output to the sink: 0, 1 to stop, or CC_ERR_IO. */
static int write_out(struct drv *d, struct obuf *b, int unit_rc)
{
	const struct cc_sink_ops *s = d->o->sink;
	void *arg = d->o->sink_arg;
	struct obuf tmp;
	size_t i;
	int rc = 0;

	for (i = 0; i < b->n && rc == 0; i++) {
		struct item *it = &b->v[i];

		switch (it->type) {
		case IT_TEXT:
			rc = s->write(arg, b->text.s + it->off, it->len);
			break;
		case IT_OBJ:
			it->obj = d->st->settle(d->ctx, it->obj);
			memset(&tmp, 0, sizeof(tmp));
			rc = dump_json(&tmp, it->obj);
			if (rc == 0)
				rc = s->write(arg, tmp.text.s, tmp.text.len);
			cc_buf_release(&tmp.text);
			break;
		case IT_REJECT:
			rc = s->reject(arg, d->st->name, it->err, it->s);
			break;
		case IT_WARN:
			s->warn(arg, it->s);
			break;
		case IT_FATAL:
			s->fatal(arg, it->err);
			rc = 1;
			break;
		case IT_TICK:
			if (s->progress)
				s->progress(arg, ++d->ticks);
			break;
		}
	}
	if (rc == 0 && s->flush)
		rc = s->flush(arg);
	if (rc == 0 && unit_rc < 0)
		rc = unit_rc == CC_ERR_IO ? CC_ERR_IO : 1;
	return rc;
}

/* --- threads ------------------------------------------------------------------ */

struct worker_arg {
	struct drv *d;
	void *w;
};

static void *worker_main(void *arg)
{
	struct worker_arg *wa = arg;
	struct drv *d = wa->d;
	struct job *j;

	pthread_mutex_lock(&d->lock);
	for (;;) {
		while (!d->qhead && !d->quit)
			pthread_cond_wait(&d->cv_work, &d->lock);
		if (!d->qhead)
			break;
		j = d->qhead;
		d->qhead = j->next;
		if (!d->qhead)
			d->qtail = NULL;
		pthread_mutex_unlock(&d->lock);
		if (j->chunk && !stopped(d))
			parse_chunk(j->chunk);
		else if (j->unit && !stopped(d))
			run_unit(d, wa->w, j->unit);
		pthread_mutex_lock(&d->lock);
		if (j->chunk) {
			j->chunk->parsed = 1;
			pthread_cond_broadcast(&d->cv_parsed);
		} else {
			j->unit->done = 1;
			pthread_cond_broadcast(&d->cv_done);
		}
		free(j);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

static void *writer_main(void *arg)
{
	struct drv *d = arg;
	struct unit *u;
	int rc;

	pthread_mutex_lock(&d->lock);
	for (;;) {
		while (d->written < d->made &&
		       d->ring[d->written % d->window]->done) {
			u = d->ring[d->written % d->window];
			d->ring[d->written % d->window] = NULL;
			pthread_mutex_unlock(&d->lock);
			rc = stopped(d) ? 0 : write_out(d, &u->ob, u->rc);
			pthread_mutex_lock(&d->lock);
			if (rc != 0 && !stopped(d))
				set_stop(d, rc);
			unit_free(u);
			d->written++;
			pthread_cond_broadcast(&d->cv_room);
		}
		if (d->eof && d->written == d->made)
			break;
		pthread_cond_wait(&d->cv_done, &d->lock);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

/* Make u the next unit: work it now, or queue it for the workers. */
static void submit_unit(struct drv *d, struct unit *u)
{
	int rc;

	if (!d->threads) {
		u->seq = d->made++;
		if (!stopped(d)) {
			run_unit(d, d->w[0], u);
			rc = write_out(d, &u->ob, u->rc);
			if (rc != 0)
				set_stop(d, rc);
		}
		unit_free(u);
		d->written++;
		return;
	}
	pthread_mutex_lock(&d->lock);
	while (d->made - d->written >= d->window && !stopped(d))
		pthread_cond_wait(&d->cv_room, &d->lock);
	if (stopped(d)) {
		unit_free(u);
		pthread_mutex_unlock(&d->lock);
		return;
	}
	u->seq = d->made++;
	d->ring[u->seq % d->window] = u;
	push_job(d, NULL, u);
	pthread_mutex_unlock(&d->lock);
}

static struct unit *new_unit(int part, int finish)
{
	struct unit *u = cc_xcalloc(1, sizeof(*u));

	u->part = part;
	u->finish = finish;
	return u;
}

static void close_open(struct drv *d)
{
	struct unit *u = d->open;

	d->open = NULL;
	if (!u)
		return;
	if (u->n || u->finish)
		submit_unit(d, u);
	else
		unit_free(u);
}

/* Make the units of a parsed chunk's records, in order. */
static void group_chunk(struct drv *d, struct chunk *c)
{
	const struct cc_stage *st = d->st;
	struct cc_record rec;
	size_t i;
	int k, parts;

	for (i = 0; i < c->n && !stopped(d); i++) {
		struct entry *en = &c->v[i];

		if (!en->obj && !en->err)
			continue;       /* a blank line */
		memset(&rec, 0, sizeof(rec));
		rec.obj = en->obj;
		rec.kind = en->kind;
		rec.source = en->source;
		rec.line = en->line;
		if (en->obj && st->observe)
			st->observe(d->ctx, &rec);
		if (st->group == CC_GROUP_NONE) {
			parts = en->obj && st->parts ? st->parts(d->ctx, &rec) : 1;
			if (parts < 1)
				parts = 1;
			if (parts > CC_STAGE_MAX_PARTS)
				parts = CC_STAGE_MAX_PARTS;
			if (parts > 1) {
				close_open(d);
				for (k = 0; k < parts && !stopped(d); k++) {
					struct unit *u = new_unit(k, 0);

					lock(d);
					unit_add(u, c, en);
					unlock(d);
					submit_unit(d, u);
				}
				continue;
			}
			if (!d->open)
				d->open = new_unit(0, 0);
			lock(d);
			unit_add(d->open, c, en);
			unlock(d);
			if (d->open->n >= d->run_records)
				close_open(d);
			continue;
		}
		if (cc_grouper_place(d->gr, en->obj ? &rec : NULL)) {
			close_open(d);
			d->open = new_unit(0, 1);
			if (cc_grouper_again(d->gr) && st->group == CC_GROUP_CONSUMER)
				d->open->again = cc_xstrdup(cc_grouper_again(d->gr));
		}
		lock(d);
		unit_add(d->open, c, en);
		unlock(d);
	}
	/* a run of ungrouped records goes out with its chunk */
	if (st->group == CC_GROUP_NONE)
		close_open(d);
}

/* Group the chunks that are parsed, in order; wait for the first when
 * wait is set.  Drops the reader's hold on each. */
static void drain(struct drv *d, int wait)
{
	struct chunk *c;

	for (;;) {
		lock(d);
		while (wait && d->pend && !d->pend->parsed)
			pthread_cond_wait(&d->cv_parsed, &d->lock);
		c = d->pend;
		if (!c || !c->parsed) {
			unlock(d);
			return;
		}
		d->pend = c->next;
		if (!d->pend)
			d->pend_tail = NULL;
		d->npend--;
		unlock(d);
		if (!stopped(d))
			group_chunk(d, c);
		lock(d);
		if (--c->refs == 0)
			chunk_free(c);
		unlock(d);
		wait = 0;
	}
}

/* Queue the chunk being filled for parsing, and group what is parsed. */
static void submit_chunk(struct drv *d)
{
	struct chunk *c = d->cur;

	d->cur = NULL;
	if (!c)
		return;
	c->refs = 1;
	c->next = NULL;
	lock(d);
	if (d->pend_tail)
		d->pend_tail->next = c;
	else
		d->pend = c;
	d->pend_tail = c;
	d->npend++;
	if (d->threads && !c->parsed) {
		push_job(d, c, NULL);
	} else if (!c->parsed) {
		parse_chunk(c);
		c->parsed = 1;
	}
	unlock(d);
	drain(d, d->npend > d->max_pend);
}

/* Before a read that may wait: let the workers have what is read. */
static void before_read(void *arg)
{
	struct drv *d = arg;

	submit_chunk(d);
	drain(d, 0);
}

static const char *intern(struct drv *d, const char *name)
{
	if (d->nsrc && !strcmp(d->src[d->nsrc - 1], name))
		return d->src[d->nsrc - 1];
	CC_GROW(d->src, d->asrc, d->nsrc + 1);
	d->src[d->nsrc] = cc_xstrdup(name);
	return d->src[d->nsrc++];
}

static struct entry *new_entry(struct drv *d)
{
	struct chunk *c = d->cur;

	if (!c)
		c = d->cur = cc_xcalloc(1, sizeof(*c));
	CC_GROW(c->v, c->alloc, c->n + 1);
	memset(&c->v[c->n], 0, sizeof(c->v[0]));
	return &c->v[c->n++];
}

static int chunk_full(const struct chunk *c)
{
	return c && (c->n >= CHUNK_LINES || c->text.len >= CHUNK_BYTES);
}

static void read_stream(struct drv *d)
{
	struct cc_line ln;
	struct cc_error e;
	struct entry *en;
	int rc;

	d->r = cc_reader_new(d->o->sources, d->o->nsources, d->o->max_record);
	cc_reader_before_read(d->r, before_read, d);
	while (!stopped(d)) {
		cc_error_clear(&e);
		rc = cc_reader_line(d->r, &ln, &e);
		if (rc == 0)
			break;
		en = new_entry(d);
		if (rc < 0) {
			en->err = copy_error(&e);
		} else {
			en->source = intern(d, ln.source);
			en->line = ln.line;
			en->off = d->cur->text.len;
			en->len = ln.len;
			cc_buf_add(&d->cur->text, ln.text, ln.len);
		}
		if (chunk_full(d->cur))
			submit_chunk(d);
	}
	submit_chunk(d);
	cc_reader_free(d->r);
	d->r = NULL;
}

static void read_items(struct drv *d)
{
	const struct cc_driver_opts *o = d->o;
	struct entry *en;
	size_t i;

	for (i = 0; i < o->nitems && !stopped(d); i++) {
		en = new_entry(d);
		en->obj = json_incref(o->items[i]);
		en->kind = json_string_value(json_object_get(en->obj, "kind"));
		en->source = "<arguments>";
		en->line = (long)i + 1;
		if (!en->kind) {
			json_decref(en->obj);
			en->obj = NULL;
		}
		if (d->cur->n >= CHUNK_LINES) {
			d->cur->parsed = 1;
			submit_chunk(d);
		}
	}
	if (d->cur)
		d->cur->parsed = 1;
	submit_chunk(d);
}

int cc_driver_run(const struct cc_stage *st, void *ctx,
		  const struct cc_driver_opts *o, struct cc_error *e)
{
	struct drv d;
	pthread_t *tids = NULL, writer;
	struct worker_arg *wa = NULL;
	int i, started = 0, nw, rc;

	memset(&d, 0, sizeof(d));
	d.st = st;
	d.ctx = ctx;
	d.o = o;
	d.threads = o->jobs > 1 && !o->one_by_one ? o->jobs : 0;
	d.run_records = o->one_by_one ? 1 : st->run > 0 ? (size_t)st->run : RUN_RECORDS;
	nw = d.threads ? d.threads : 1;
	d.w = cc_xcalloc((size_t)nw, sizeof(void *));
	cc_error_clear(e);
	for (i = 0; i < nw; i++) {
		d.w[i] = st->new(ctx, e);
		if (!d.w[i]) {
			rc = e->code ? e->code : CC_ERR_UNAVAILABLE;
			goto out_workers;
		}
	}
	d.gr = cc_grouper_new(st->group);
	d.window = (size_t)nw * 2 + 2;
	d.max_pend = (size_t)nw * PEND_CHUNKS;
	if (d.threads) {
		pthread_mutex_init(&d.lock, NULL);
		pthread_cond_init(&d.cv_work, NULL);
		pthread_cond_init(&d.cv_parsed, NULL);
		pthread_cond_init(&d.cv_done, NULL);
		pthread_cond_init(&d.cv_room, NULL);
		d.ring = cc_xcalloc(d.window, sizeof(*d.ring));
		tids = cc_xcalloc((size_t)d.threads, sizeof(*tids));
		wa = cc_xcalloc((size_t)d.threads, sizeof(*wa));
		for (i = 0; i < d.threads; i++) {
			wa[i].d = &d;
			wa[i].w = d.w[i];
			if (pthread_create(&tids[started], NULL, worker_main, &wa[i]) == 0)
				started++;
		}
		if (!started || pthread_create(&writer, NULL, writer_main, &d) != 0) {
			rc = cc_error_set(e, CC_ERR_TEMP, "run.threads",
					  "cannot start threads: %s",
					  strerror(errno));
			d.quit = 1;
			pthread_cond_broadcast(&d.cv_work);
			for (i = 0; i < started; i++)
				pthread_join(tids[i], NULL);
			goto out_threads;
		}
	}

	if (o->items)
		read_items(&d);
	else
		read_stream(&d);
	/* what is left: every chunk grouped, the last group made a unit */
	while (d.pend)
		drain(&d, 1);
	if (!stopped(&d))
		close_open(&d);
	else if (d.open) {
		lock(&d);
		unit_free(d.open);
		unlock(&d);
		d.open = NULL;
	}

	if (d.threads) {
		pthread_mutex_lock(&d.lock);
		d.eof = 1;
		pthread_cond_broadcast(&d.cv_done);
		pthread_mutex_unlock(&d.lock);
		pthread_join(writer, NULL);
		pthread_mutex_lock(&d.lock);
		d.quit = 1;
		pthread_cond_broadcast(&d.cv_work);
		pthread_mutex_unlock(&d.lock);
		for (i = 0; i < started; i++)
			pthread_join(tids[i], NULL);
	}
	/* the end of the input */
	if (!stopped(&d) && st->done) {
		struct obuf b;

		ob_init(&b, st);
		b.keep = 0;
		b.out.lines = 1;
		rc = st->done(ctx, &b.out);
		rc = write_out(&d, &b, rc);
		if (rc != 0)
			set_stop(&d, rc);
		ob_release(&b);
	}
	rc = stopped(&d) ? (d.result ? d.result : 1) : 0;

out_threads:
	if (d.threads) {
		pthread_mutex_destroy(&d.lock);
		pthread_cond_destroy(&d.cv_work);
		pthread_cond_destroy(&d.cv_parsed);
		pthread_cond_destroy(&d.cv_done);
		pthread_cond_destroy(&d.cv_room);
	}
	free(d.ring);
	free(tids);
	free(wa);
	cc_grouper_free(d.gr);
	for (i = 0; i < (int)d.nsrc; i++)
		free(d.src[i]);
	free(d.src);
out_workers:
	for (i = 0; i < nw; i++)
		if (d.w[i])
			st->free(ctx, d.w[i]);
	free(d.w);
	return rc;
}
