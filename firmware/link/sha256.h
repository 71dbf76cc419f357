/* SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104): the device proves nothing with them, it
 * checks that a host knows the device's secret (docs/link-protocol.md, section 4). */
#ifndef EAVE_LINK_SHA256_H
#define EAVE_LINK_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define EAVE_SHA256_SIZE 32u
#define EAVE_SHA256_BLOCK 64u

typedef struct {
  uint32_t state[8];
  uint64_t length; /* bytes hashed so far */
  uint8_t block[EAVE_SHA256_BLOCK];
  size_t used; /* bytes waiting in `block` */
} eave_sha256;

void eave_sha256_init(eave_sha256 *sha);
void eave_sha256_update(eave_sha256 *sha, const uint8_t *data, size_t length);
void eave_sha256_final(eave_sha256 *sha, uint8_t digest[EAVE_SHA256_SIZE]);

typedef struct {
  eave_sha256 inner;
  eave_sha256 outer;
} eave_hmac_sha256;

void eave_hmac_sha256_init(eave_hmac_sha256 *hmac, const uint8_t *key, size_t key_length);
void eave_hmac_sha256_update(eave_hmac_sha256 *hmac, const uint8_t *data, size_t length);
void eave_hmac_sha256_final(eave_hmac_sha256 *hmac, uint8_t mac[EAVE_SHA256_SIZE]);

/* 1 when the two byte strings are equal; takes the same time wherever they differ. */
int eave_equal_constant_time(const uint8_t *a, const uint8_t *b, size_t length);

#endif
