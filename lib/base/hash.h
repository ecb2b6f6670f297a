/*
 * hash.h -- SHA-256 through OpenSSL's EVP interface.
 */
#ifndef CC_HASH_H
#define CC_HASH_H

#include <stddef.h>

#include "base/error.h"

#define CC_SHA256_HEX 65   /* 64 hex digits and a NUL */

/* hex receives 64 lowercase hex digits.  0, or CC_ERR_IO (e filled). */
int cc_sha256_hex(const void *data, size_t len, char hex[CC_SHA256_HEX],
		  struct cc_error *e);

/*
 * The SHA-256 of the file at path.  0, or CC_ERR_NOINPUT / CC_ERR_IO
 * ("file.unreadable") with e filled.
 */
int cc_sha256_file(const char *path, char hex[CC_SHA256_HEX],
		   struct cc_error *e);

/* Incremental form for streams. */
struct cc_sha256;
struct cc_sha256 *cc_sha256_new(void);
void cc_sha256_update(struct cc_sha256 *h, const void *data, size_t len);
void cc_sha256_final(struct cc_sha256 *h, char hex[CC_SHA256_HEX]);
void cc_sha256_free(struct cc_sha256 *h);

#endif
