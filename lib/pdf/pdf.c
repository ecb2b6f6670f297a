/*
 * pdf.c -- the mupdf context cc keeps, the one way mupdf's errors
 * become cc's (ccpdf_error()), and the version.  lib/pdf is the only
 * part of lib/ that includes mupdf (impl.h says which file does what).
 */
#include "pdf/impl.h"
#include "pdf/testhook.h"

static void quiet(void *user, const char *message)
{
	(void)user;
	(void)message;
}

/* 1 when s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/*
 * Whether a message mupdf 1.21 throws with says it ran out of memory:
 * its allocators' ("malloc of N bytes failed", "calloc (N x M bytes)
 * failed", "realloc (N bytes) failed"), its hash table's, FreeType's
 * and zlib's (Z_MEM_ERROR, -4, "insufficient memory", and zlib failing
 * to start, which it does for want of memory alone).  Anchored at the
 * start or the end, where mupdf puts them: what a file names (a font,
 * say) comes in between.
 */
static int memory_message(const char *m)
{
	return !strncmp(m, "malloc of ", 10) || !strncmp(m, "calloc (", 8) ||
	       !strncmp(m, "realloc (", 9) ||
	       !strncmp(m, "hash table resize failed; out of memory", 39) ||
	       !strncmp(m, "cannot allocate jbig2 ", 22) ||
	       ends_with(m, ": out of memory") ||
	       ends_with(m, ": insufficient memory") ||
	       !strcmp(m, "zlib error: inflateInit2 failed") ||
	       (!strncasecmp(m, "zlib ", 5) && ends_with(m, ": -4"));
}

/*
 * mupdf reports every error it throws here, those it recovers from (a
 * missing object, say) too.  Those that say it ran out of memory are
 * counted apart, in p->nomem (ccpdf_error()).
 */
static void count_error(void *user, const char *message)
{
	struct cc_pdf *p = user;

	if (memory_message(message))
		p->nomem++;
	if (p->nerrors++ == 0)
		snprintf(p->first_error, sizeof(p->first_error), "%s", message);
}

struct cc_pdf *cc_pdf_new(struct cc_error *e)
{
	struct cc_pdf *p;
	fz_context *ctx;

	/*
	 * mupdf's own allocator, not one of cc's: mupdf 1.21's HTML layout
	 * reads a variable it never set, left on the stack (valgrind shows
	 * it), and whether a list item gets its bullet depends on what an
	 * allocator left there before.  The pages are the same from run
	 * to run only as long as the calls under mupdf are.
	 */
	ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!ctx) {
		cc_error_set(e, CC_ERR_UNAVAILABLE, "pdf.init",
			     "cannot create a mupdf context");
		return NULL;
	}
	p = cc_xcalloc(1, sizeof(*p));
	p->ctx = ctx;
	p->allocs = -1;
	fz_set_warning_callback(ctx, quiet, NULL);
	fz_set_error_callback(ctx, count_error, p);
	return p;
}

/*
 * The allocator cc_pdf_test_fail_allocs() puts in mupdf's context: the
 * default one's calls, but p->allocs, when not negative, is how many
 * more allocations succeed before every one fails.
 */
static void *test_malloc(void *user, size_t size)
{
	struct cc_pdf *p = user;

	if (p->allocs == 0)
		return NULL;
	if (p->allocs > 0)
		p->allocs--;
	return malloc(size);
}

static void *test_realloc(void *user, void *old, size_t size)
{
	struct cc_pdf *p = user;

	if (size && p->allocs == 0)
		return NULL;
	if (size && p->allocs > 0)
		p->allocs--;
	return realloc(old, size);
}

static void test_free(void *user, void *ptr)
{
	(void)user;
	free(ptr);
}

void cc_pdf_test_fail_allocs(struct cc_pdf *p, long n)
{
	/*
	 * mupdf has no call to change a context's allocator, but struct
	 * fz_context is in its headers.  Blocks of the default allocator
	 * and of this one are both malloc's, so either frees the other's.
	 */
	if (p->ctx->alloc.malloc != test_malloc) {
		p->ctx->alloc.user = p;
		p->ctx->alloc.malloc = test_malloc;
		p->ctx->alloc.realloc = test_realloc;
		p->ctx->alloc.free = test_free;
	}
	p->allocs = n < 0 ? -1 : n;
}

/*
 * The one place where what mupdf threw becomes a cc error.  The message
 * is the call site's (fmt), then mupdf's; mupdf's class of error says
 * what it was about, and so the code and id:
 *
 *	FZ_ERROR_MEMORY      CC_ERR_RESOURCE, "resource.memory": nothing
 *	                     is known to be wrong with the input, there was
 *	                     not memory enough for it here, and a retry
 *	                     with more may do
 *	FZ_ERROR_GENERIC     code and id, the call site's ("pdf.damaged",
 *	FZ_ERROR_SYNTAX      "pdf.write", ...): the file is damaged, or
 *	FZ_ERROR_MINOR       mupdf cannot do with it what was asked
 *	FZ_ERROR_REPAIRED
 *	FZ_ERROR_TRYLATER    the call site's too, though neither should
 *	FZ_ERROR_ABORT       come: "later" is for a file still arriving,
 *	                     and cc gives mupdf whole files; an abort is
 *	                     asked for through a cookie, and cc's one
 *	                     cookie (read.c's count_dev) stops a page it
 *	                     has seen enough of, which mupdf does quietly
 *
 * The class is not all there is to go by.  mupdf 1.21 loses it when it
 * cleans up with a fz_try of its own before it rethrows (fz_rethrow()
 * throws the class of the last fz_catch run, FZ_ERROR_NONE after one
 * that caught nothing), and some of its readers catch a memory error
 * and go on without what they could not load (pdf_count_pages() then
 * counts no pages).  So an error is CC_ERR_RESOURCE too, whatever its
 * class, when mupdf threw a memory error in the call (p->nomem, counted
 * by count_error() and set to 0 at the start of each function of
 * pdf.h).
 *
 * mupdf 1.21 has no class for a limit reached (later versions have
 * FZ_ERROR_LIMIT, and FZ_ERROR_FORMAT): when it has, give it a row here.
 */
int ccpdf_out_of_memory(struct cc_pdf *p)
{
	return fz_caught(p->ctx) == FZ_ERROR_MEMORY || p->nomem;
}

int ccpdf_error(struct cc_pdf *p, struct cc_error *e, int code,
		const char *id, const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (ccpdf_out_of_memory(p))
		return cc_error_set(e, CC_ERR_RESOURCE, "resource.memory",
				    "%s: out of memory (%s)", what,
				    fz_caught_message(p->ctx));
	return cc_error_set(e, code, id, "%s: %s", what,
			    fz_caught_message(p->ctx));
}

void ccpdf_check_memory(struct cc_pdf *p)
{
	if (p->nomem)
		fz_throw(p->ctx, FZ_ERROR_MEMORY, "mupdf went on without what "
			 "it had no memory for, %u times", p->nomem);
}

void *cc_pdf_worker_new(void *ctx, struct cc_error *e)
{
	(void)ctx;
	return cc_pdf_new(e);
}

void cc_pdf_worker_free(void *ctx, void *w)
{
	(void)ctx;
	cc_pdf_free(w);
}

void cc_pdf_free(struct cc_pdf *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; i < p->nfonts; i++) {
		free(p->fonts[i].raw);
		free(p->fonts[i].z);
	}
	for (i = 0; i < 3; i++)
		fz_drop_font(p->ctx, p->foot[i]);
	ccpdf_faces_free(p);
	for (i = 0; i < 6; i++)
		fz_drop_font(p->ctx, p->face[i]);
	ccpdf_fonts_free(p->ctx, p->reuse);
	fz_drop_context(p->ctx);
	free(p);
}

const char *cc_pdf_engine_version(void)
{
	return FZ_VERSION;
}

/* Copy a fz_buffer's bytes into a malloc'd block. */
void ccpdf_take_buffer(fz_context *ctx, fz_buffer *buf, unsigned char **out,
		       size_t *len)
{
	unsigned char *data;
	size_t n = fz_buffer_storage(ctx, buf, &data);

	*out = cc_xmalloc(n ? n : 1);
	memcpy(*out, data, n);
	*len = n;
}
