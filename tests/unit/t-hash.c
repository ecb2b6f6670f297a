/*
 * t-hash.c -- lib/hash.c: SHA-256 against the FIPS 180-2 vectors, one-shot
 * and incremental.
 */
#include "base/cc.h"
#include "base/hash.h"

#include "tap.h"

#define ABC448 "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define ABC896 "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn" \
	       "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

static const struct {
	const char *msg, *hex;
} vectors[] = {
	{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ ABC448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ ABC896, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

#define MILLION_A "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

/* Odd chunk sizes, crossing the 64-byte block boundary every which way. */
static const size_t chunks[] = { 1, 3, 0, 7, 63, 64, 65, 127, 1000, 4093, 2 };

static void test_one_shot(void)
{
	struct cc_error e;
	char hex[CC_SHA256_HEX];
	size_t i;

	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		size_t n = strlen(vectors[i].msg);

		memset(hex, 'X', sizeof(hex));
		cc_error_clear(&e);
		is_int(cc_sha256_hex(vectors[i].msg, n, hex, &e), 0,
		       "cc_sha256_hex of a %zu-byte message succeeds", n);
		is_str(hex, vectors[i].hex, "cc_sha256_hex of a %zu-byte message",
		       n);
		is_int(e.code, 0, "no error is set (%zu bytes)", n);
	}
}

static void test_incremental(void)
{
	char hex[CC_SHA256_HEX], one[CC_SHA256_HEX];
	struct cc_sha256 *h;
	char *a;
	size_t i, k, done, len;

	/* every vector fed a byte at a time */
	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		len = strlen(vectors[i].msg);
		h = cc_sha256_new();
		for (k = 0; k < len; k++)
			cc_sha256_update(h, vectors[i].msg + k, 1);
		memset(hex, 'X', sizeof(hex));
		cc_sha256_final(h, hex);
		cc_sha256_free(h);
		is_str(hex, vectors[i].hex,
		       "incremental, byte by byte, %zu bytes", len);
	}

	/* one million 'a' in chunks of odd sizes */
	a = cc_xmalloc(1000000);
	memset(a, 'a', 1000000);
	h = cc_sha256_new();
	for (done = 0, k = 0; done < 1000000; k++) {
		len = chunks[k % (sizeof(chunks) / sizeof(chunks[0]))];
		if (len > 1000000 - done)
			len = 1000000 - done;
		cc_sha256_update(h, a + done, len);
		done += len;
	}
	memset(hex, 'X', sizeof(hex));
	cc_sha256_final(h, hex);
	cc_sha256_free(h);
	is_str(hex, MILLION_A, "one million 'a', incremental in odd chunks");

	memset(one, 'X', sizeof(one));
	is_int(cc_sha256_hex(a, 1000000, one, NULL), 0,
	       "one million 'a', one shot, succeeds");
	is_str(one, MILLION_A, "one million 'a', one shot");
	free(a);

	/* no update at all is the empty message */
	h = cc_sha256_new();
	cc_sha256_final(h, hex);
	cc_sha256_free(h);
	is_str(hex, vectors[0].hex, "new + final is SHA-256 of \"\"");

	/* zero-length updates change nothing */
	h = cc_sha256_new();
	cc_sha256_update(h, "", 0);
	cc_sha256_update(h, "ab", 2);
	cc_sha256_update(h, "", 0);
	cc_sha256_update(h, "c", 1);
	cc_sha256_final(h, hex);
	cc_sha256_free(h);
	is_str(hex, vectors[1].hex, "\"ab\" + \"\" + \"c\" is SHA-256 of \"abc\"");

	cc_sha256_free(NULL);
	ok(1, "cc_sha256_free(NULL) is harmless");
}

/* Around the padding boundaries: 55, 56, 63, 64, 65 ... bytes. */
static void test_boundaries(void)
{
	unsigned char buf[300];
	char hex[CC_SHA256_HEX], one[CC_SHA256_HEX];
	struct cc_sha256 *h;
	size_t n, k, all_ok = 1, len_ok = 1;

	for (k = 0; k < sizeof(buf); k++)
		buf[k] = (unsigned char)(k * 7 + 1);
	for (n = 0; n <= sizeof(buf); n++) {
		cc_sha256_hex(buf, n, one, NULL);
		h = cc_sha256_new();
		cc_sha256_update(h, buf, n / 3);
		cc_sha256_update(h, buf + n / 3, n - n / 3);
		cc_sha256_final(h, hex);
		cc_sha256_free(h);
		if (strcmp(hex, one) != 0) {
			all_ok = 0;
			tap_diag("length %zu: %s != %s", n, hex, one);
		}
		if (strlen(one) != 64 || strspn(one, "0123456789abcdef") != 64)
			len_ok = 0;
	}
	ok(all_ok, "incremental equals one-shot for every length 0..300");

	memset(buf, 'a', 64);
	cc_sha256_hex(buf, 55, hex, NULL);
	is_str(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
	       "55 'a' (padding fits in one block)");
	cc_sha256_hex(buf, 56, hex, NULL);
	is_str(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
	       "56 'a' (padding needs a second block)");
	cc_sha256_hex(buf, 64, hex, NULL);
	is_str(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
	       "64 'a' (one full block)");
	ok(len_ok, "every digest is 64 lowercase hex digits");
}

int main(void)
{
	test_one_shot();
	test_incremental();
	test_boundaries();
	return tap_done();
}
