#include "base/cc.h"
#include "base/pool.h"

#include <pthread.h>

struct slot {
	int done;
	void *result;
};

struct pool {
	const struct cc_pool_ops *ops;
	void *arg;
	size_t n, next, emitted, window;
	struct slot *slots;
	int stop;
	pthread_mutex_t lock;
	pthread_cond_t ready, room;
};

static void *worker(void *data)
{
	struct pool *p = data;
	void *state = p->ops->init ? p->ops->init(p->arg) : NULL;
	void *result;
	size_t i;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stop && p->next < p->n &&
		       p->next >= p->emitted + p->window)
			pthread_cond_wait(&p->room, &p->lock);
		if (p->stop || p->next >= p->n)
			break;
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		result = p->ops->work(i, state, p->arg);
		pthread_mutex_lock(&p->lock);
		p->slots[i % p->window].result = result;
		p->slots[i % p->window].done = 1;
		pthread_cond_broadcast(&p->ready);
	}
	pthread_mutex_unlock(&p->lock);
	if (p->ops->fini)
		p->ops->fini(state, p->arg);
	return NULL;
}

static int run_here(size_t n, const struct cc_pool_ops *ops, void *arg)
{
	void *state = ops->init ? ops->init(arg) : NULL;
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		rc = ops->emit(i, ops->work(i, state, arg), arg);
	if (ops->fini)
		ops->fini(state, arg);
	return rc;
}

int cc_pool_run(size_t n, int jobs, const struct cc_pool_ops *ops, void *arg)
{
	struct pool p;
	pthread_t *tids;
	struct slot got;
	size_t i;
	int t, started = 0, rc = 0;

	if (jobs <= 1 || n <= 1)
		return run_here(n, ops, arg);
	memset(&p, 0, sizeof(p));
	p.ops = ops;
	p.arg = arg;
	p.n = n;
	p.window = (size_t)jobs * 4;
	p.slots = cc_xcalloc(p.window, sizeof(*p.slots));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.room, NULL);
	tids = cc_xcalloc((size_t)jobs, sizeof(*tids));
	for (t = 0; t < jobs; t++)
		if (pthread_create(&tids[started], NULL, worker, &p) == 0)
			started++;
	if (!started) {
		free(tids);
		free(p.slots);
		return run_here(n, ops, arg);
	}

	pthread_mutex_lock(&p.lock);
	while (p.emitted < n && rc == 0) {
		struct slot *s = &p.slots[p.emitted % p.window];

		while (!s->done)
			pthread_cond_wait(&p.ready, &p.lock);
		got = *s;
		memset(s, 0, sizeof(*s));
		i = p.emitted++;
		pthread_cond_broadcast(&p.room);
		pthread_mutex_unlock(&p.lock);
		rc = ops->emit(i, got.result, arg);
		pthread_mutex_lock(&p.lock);
	}
	p.stop = 1;
	pthread_cond_broadcast(&p.room);
	pthread_mutex_unlock(&p.lock);
	for (t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	for (i = 0; i < p.window; i++)
		if (p.slots[i].done && ops->drop)
			ops->drop(p.slots[i].result, arg);
	free(tids);
	free(p.slots);
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.ready);
	pthread_cond_destroy(&p.room);
	return rc;
}
