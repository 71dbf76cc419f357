/* Helpers shared by the store tests: expectations, deterministic images, a storage wrapper that
 * loses power after a budget of bytes, and logical snapshots of a store. Header-only, static. */
#ifndef EAVE_STORE_TESTING_H
#define EAVE_STORE_TESTING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crc32.h"
#include "ram_storage.h"
#include "store.h"

static int failures = 0;

#define EXPECT(cond, ...)                                          \
  do {                                                             \
    if (!(cond)) {                                                 \
      printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);       \
      printf(__VA_ARGS__);                                         \
      printf("\n");                                                \
      failures++;                                                  \
    }                                                              \
  } while (0)

#define EXPECT_STATUS(call, expected)                                                          \
  do {                                                                                         \
    eave_store_status got_ = (call);                                                           \
    EXPECT(got_ == (expected), "got %s, expected %s", eave_store_status_name(got_),           \
           eave_store_status_name(expected));                                                  \
  } while (0)

/* An image of `size` bytes from `seed`; bytes 16..31 (the id) depend on the seed. */
static inline void make_image(uint8_t *out, uint32_t size, uint32_t seed) {
  uint32_t x = seed * 2654435761u + 12345u;
  for (uint32_t i = 0; i < size; i++) {
    x = x * 1103515245u + 12345u;
    out[i] = (uint8_t)(x >> 16);
  }
}

/* Installs in chunks of `chunk` bytes; returns the first failure. */
static inline eave_store_status install(eave_store *store, const char *name, const uint8_t *image, uint32_t size,
                                 uint8_t flags, uint32_t chunk) {
  eave_store_status s = eave_store_install_begin(store, name, size, eave_crc32(image, size), flags);
  for (uint32_t off = 0; s == EAVE_STORE_OK && off < size; off += chunk) {
    uint32_t n = size - off < chunk ? size - off : chunk;
    s = eave_store_install_data(store, off, image + off, n);
  }
  if (s == EAVE_STORE_OK) s = eave_store_install_end(store);
  if (s == EAVE_STORE_OK) s = eave_store_install_commit(store, NULL);
  return s;
}

/* --- power cuts --- */

typedef struct {
  eave_storage storage;
  const eave_storage *inner;
  long budget;       /* bytes written + erases allowed before the power goes; < 0: unlimited */
  long spent;
  bool cut;
} cut_storage;

static inline bool cut_read(void *context, uint32_t offset, void *buffer, size_t length) {
  cut_storage *c = context;
  if (c->cut) return false;
  return c->inner->read(c->inner->context, offset, buffer, length);
}

/* Writes unit by unit in order; the unit where the budget ends is written up to the cut byte,
 * and that byte only half-programmed (some of its bits cleared), like a torn flash write. */
static inline bool cut_write(void *context, uint32_t offset, const void *data, size_t length) {
  cut_storage *c = context;
  if (c->cut) return false;
  long left = c->budget < 0 ? (long)length : c->budget - c->spent;
  if (left >= (long)length) {
    c->spent += (long)length;
    return c->inner->write(c->inner->context, offset, data, length);
  }
  /* Torn: program the prefix directly in the RAM underneath (NOR: AND). */
  eave_ram_storage *ram = c->inner->context;
  const uint8_t *d = data;
  for (long i = 0; i < left; i++) ram->bytes[offset + (uint32_t)i] &= d[i];
  ram->bytes[offset + (uint32_t)left] &= (uint8_t)(d[left] | 0xF0u);
  c->spent = c->budget;
  c->cut = true;
  return false;
}

/* An erase where the budget ends erases the sector's first half only. */
static inline bool cut_erase(void *context, uint32_t sector) {
  cut_storage *c = context;
  if (c->cut) return false;
  if (c->budget >= 0 && c->spent >= c->budget) {
    eave_ram_storage *ram = c->inner->context;
    uint32_t size = c->inner->sector_size;
    memset(ram->bytes + (size_t)sector * size, 0xFF, size / 2);
    c->cut = true;
    return false;
  }
  c->spent++;
  return c->inner->erase_sector(c->inner->context, sector);
}

static inline void cut_init(cut_storage *c, const eave_storage *inner, long budget) {
  memset(c, 0, sizeof *c);
  c->inner = inner;
  c->budget = budget;
  c->storage = *inner;
  c->storage.context = c;
  c->storage.mapped = NULL; /* images go through read: the unmapped path gets tested too */
  c->storage.read = cut_read;
  c->storage.write = cut_write;
  c->storage.erase_sector = cut_erase;
}

/* --- logical snapshots --- */

typedef struct {
  uint32_t count;
  struct {
    char name[EAVE_STORE_MAX_NAME + 1];
    uint8_t id[EAVE_STORE_ID_SIZE];
    uint32_t size, crc32, sequence;
    uint8_t flags;
  } e[EAVE_STORE_MAX_ENTRIES];
} snapshot;

/* Takes the store's logical state and checks every image's bytes against its CRC. */
static inline bool take_snapshot(const eave_store *store, snapshot *snap) {
  memset(snap, 0, sizeof *snap);
  snap->count = eave_store_count(store);
  bool intact = true;
  for (uint32_t i = 0; i < snap->count; i++) {
    const eave_store_entry *e = eave_store_entry_at(store, i);
    strcpy(snap->e[i].name, e->name);
    memcpy(snap->e[i].id, e->id, EAVE_STORE_ID_SIZE);
    snap->e[i].size = e->size;
    snap->e[i].crc32 = e->crc32;
    snap->e[i].sequence = e->sequence;
    snap->e[i].flags = e->flags;
    uint32_t crc = EAVE_CRC32_INIT;
    uint8_t buf[200];
    for (uint32_t off = 0; off < e->size; off += sizeof buf) {
      uint32_t n = e->size - off < sizeof buf ? e->size - off : (uint32_t)sizeof buf;
      if (eave_store_read(store, e->name, off, buf, n) != EAVE_STORE_OK) return false;
      crc = eave_crc32_update(crc, buf, n);
    }
    if (crc != e->crc32) intact = false;
  }
  return intact;
}

/* Equal in content; `sequences` also compares install sequences. */
static inline bool same_snapshot(const snapshot *a, const snapshot *b) {
  if (a->count != b->count) return false;
  for (uint32_t i = 0; i < a->count; i++) {
    if (strcmp(a->e[i].name, b->e[i].name) != 0 || memcmp(a->e[i].id, b->e[i].id, EAVE_STORE_ID_SIZE) != 0 ||
        a->e[i].size != b->e[i].size || a->e[i].crc32 != b->e[i].crc32 || a->e[i].flags != b->e[i].flags ||
        a->e[i].sequence != b->e[i].sequence) {
      return false;
    }
  }
  return true;
}

#endif
