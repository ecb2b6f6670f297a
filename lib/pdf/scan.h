/*
 * scan.h -- make a clean page image look like a fax or a scanner's:
 * a grey background, a slight rotation, blur, noise, specks, and JPEG
 * compression.  Deterministic for a given seed.
 */
#ifndef CC_SCAN_H
#define CC_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

struct cc_scan_opts {
	int noise;          /* 0 clean .. 3 rough; 1 is the default */
	uint64_t seed;
};

/*
 * Degrade the 8-bit grey image pix (w x h, rows of stride bytes) in place;
 * the rotation angle used, in degrees, is stored in *angle.
 */
void cc_scan_degrade(unsigned char *pix, int w, int h, int stride,
		     const struct cc_scan_opts *o, double *angle);

/*
 * Encode a grey image as a baseline JPEG at quality (1..100), in DPI
 * dpi.  *out is malloc'd (the caller frees).  0 or CC_ERR_IO.
 */
int cc_jpeg_encode(const unsigned char *pix, int w, int h, int stride,
		   int quality, int dpi, unsigned char **out, size_t *len,
		   struct cc_error *e);

#endif
