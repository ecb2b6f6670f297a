#include "base/cc.h"
#include "base/hash.h"

#include <openssl/evp.h>

struct cc_sha256 {
	EVP_MD_CTX *md;
};

static void to_hex(const unsigned char *d, unsigned n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * n] = '\0';
}

int cc_sha256_hex(const void *data, size_t len, char hex[CC_SHA256_HEX],
		  struct cc_error *e)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	if (!EVP_Digest(data, len, d, &n, EVP_sha256(), NULL) || n != 32)
		return cc_error_set(e, CC_ERR_IO, "hash.sha256",
				    "SHA-256 failed in OpenSSL");
	to_hex(d, n, hex);
	return 0;
}

struct cc_sha256 *cc_sha256_new(void)
{
	struct cc_sha256 *h = cc_xcalloc(1, sizeof(*h));

	h->md = EVP_MD_CTX_new();
	if (!h->md || !EVP_DigestInit_ex(h->md, EVP_sha256(), NULL))
		cc_fatal("cannot initialise SHA-256 in OpenSSL");
	return h;
}

void cc_sha256_update(struct cc_sha256 *h, const void *data, size_t len)
{
	EVP_DigestUpdate(h->md, data, len);
}

void cc_sha256_final(struct cc_sha256 *h, char hex[CC_SHA256_HEX])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	EVP_DigestFinal_ex(h->md, d, &n);
	to_hex(d, n, hex);
}

void cc_sha256_free(struct cc_sha256 *h)
{
	if (!h)
		return;
	EVP_MD_CTX_free(h->md);
	free(h);
}

int cc_sha256_file(const char *path, char hex[CC_SHA256_HEX],
		   struct cc_error *e)
{
	struct cc_sha256 *h;
	char buf[1 << 16];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return cc_error_set(e, CC_ERR_NOINPUT, "file.unreadable", "%s",
				    strerror(errno));
	h = cc_sha256_new();
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		cc_sha256_update(h, buf, n);
	if (ferror(f)) {
		fclose(f);
		cc_sha256_free(h);
		return cc_error_set(e, CC_ERR_IO, "file.unreadable",
				    "read error: %s", strerror(errno));
	}
	fclose(f);
	cc_sha256_final(h, hex);
	cc_sha256_free(h);
	return 0;
}
