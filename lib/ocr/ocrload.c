/*
 * ocrload.c -- cc_ocr_* (ocr.h) by way of libccocr.so, opened with
 * dlopen() the first time OCR is wanted, so that a run that needs none
 * never loads tesseract.
 */
#include "base/cc.h"
#include "ocr/ocr.h"

#include <dlfcn.h>
#include <pthread.h>

static struct {
	void *lib;
	const char *(*engine)(void);
	struct cc_ocr *(*make)(const struct cc_ocr_opts *, struct cc_error *);
	void (*free)(struct cc_ocr *);
	int (*page)(struct cc_ocr *, const unsigned char *, int, int, int,
		    struct cc_page_text *, double *, struct cc_error *);
	char why[512];
} ocr;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	const char *err;

	char exe[4096], *slash, *path;
	ssize_t n;

	/*
	 * Beside libccpdf.so, in ../lib/cc from the tool: by the tool's own
	 * path (a sanitizer's dlopen() does not look at the tool's run path),
	 * else by the run path.
	 */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			path = cc_xasprintf("%s/../lib/cc/libccocr.so", exe);
			ocr.lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
			free(path);
		}
	}
	if (!ocr.lib)
		ocr.lib = dlopen("libccocr.so", RTLD_NOW | RTLD_LOCAL);
	if (!ocr.lib) {
		err = dlerror();
		snprintf(ocr.why, sizeof(ocr.why), "cannot load the OCR engine: %s",
			 err ? err : "unknown error");
		return;
	}
	*(void **)&ocr.engine = dlsym(ocr.lib, "ccocr_engine");
	*(void **)&ocr.make = dlsym(ocr.lib, "ccocr_new");
	*(void **)&ocr.free = dlsym(ocr.lib, "ccocr_free");
	*(void **)&ocr.page = dlsym(ocr.lib, "ccocr_page");
	if (!ocr.engine || !ocr.make || !ocr.free || !ocr.page) {
		snprintf(ocr.why, sizeof(ocr.why),
			 "cannot load the OCR engine: libccocr.so is incomplete");
		dlclose(ocr.lib);
		ocr.lib = NULL;
	}
}

static int ready(struct cc_error *e)
{
	pthread_once(&once, load);
	if (ocr.lib)
		return 1;
	if (e)
		cc_error_set(e, CC_ERR_UNAVAILABLE, "ocr.init", "%s", ocr.why);
	return 0;
}

void cc_ocr_prepare(void)
{
	const char *v = getenv("OMP_THREAD_LIMIT");

	if (!v || !*v)
		setenv("OMP_THREAD_LIMIT", "1", 1);
}

const char *cc_ocr_engine(void)
{
	return ready(NULL) ? ocr.engine() : "tesseract (not loaded)";
}

struct cc_ocr *cc_ocr_new(const struct cc_ocr_opts *o, struct cc_error *e)
{
	return ready(e) ? ocr.make(o, e) : NULL;
}

void cc_ocr_free(struct cc_ocr *o)
{
	if (o && ready(NULL))
		ocr.free(o);
}

int cc_ocr_page(struct cc_ocr *o, const unsigned char *pix, int w, int h,
		int dpi, struct cc_page_text *out, double *mean,
		struct cc_error *e)
{
	if (!ready(e))
		return e->code;
	return ocr.page(o, pix, w, h, dpi, out, mean, e);
}
