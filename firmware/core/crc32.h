/* CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the checksum of link frames and of
 * images in the program store. Incremental, so a frame can be checked as its bytes arrive. */
#ifndef EAVE_CRC32_H
#define EAVE_CRC32_H

#include <stddef.h>
#include <stdint.h>

#define EAVE_CRC32_INIT 0u

/* Continues `crc` (EAVE_CRC32_INIT for a fresh one) over `length` bytes and returns the result. */
uint32_t eave_crc32_update(uint32_t crc, const uint8_t *data, size_t length);

static inline uint32_t eave_crc32(const uint8_t *data, size_t length) {
  return eave_crc32_update(EAVE_CRC32_INIT, data, length);
}

#endif
