/* A storage backend in a caller's RAM buffer (tests; a simulator without a file). It enforces
 * the NOR rules strictly: a write to bytes that are not erased fails, so a store bug that would
 * reprogram flash shows up in tests instead of on a board. */
#ifndef EAVE_RAM_STORAGE_H
#define EAVE_RAM_STORAGE_H

#include "storage.h"

typedef struct {
  eave_storage storage;   /* pass &ram->storage to the store */
  uint8_t *bytes;
  uint32_t size;
  uint32_t writes, erases; /* counts, for tests and figures */
} eave_ram_storage;

/* Uses `bytes` (sector_size * sector_count of them) as storage; `erased` fills them with 0xFF
 * first (a fresh chip), otherwise their content is kept (a reopened one). */
void eave_ram_storage_init(eave_ram_storage *ram, uint8_t *bytes, uint32_t sector_size,
                           uint32_t sector_count, uint32_t write_unit, bool erased);

#endif
