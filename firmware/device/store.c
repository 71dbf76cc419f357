/* The program store: a log of records in one of two banks (docs/program-store.md).
 *
 * Bank:   [bank header, 32 bytes][record][record]...[erased]
 * Record: [fixed header, 64 bytes, CRC-checked][image id, 16][commit unit, 16][data, padded to 16]
 *
 * A record counts only once its commit marker is there, and the marker is the last thing written
 * for it. A record whose fixed header is valid but not committed (an interrupted or aborted
 * install) is skipped by its length. A fixed header that is torn ends the log: the store then
 * compacts before it appends anything. Compaction erases the other bank, copies the live entries
 * into it and writes that bank's header (generation + 1) last. */
#include "store.h"

#include <string.h>

#include "crc32.h"

#define BANK_MAGIC 0x53564145u    /* "EAVS" */
#define BANK_VERSION 1u
#define BANK_HEADER_SIZE 32u
#define RECORD_MAGIC 0x52564145u  /* "EAVR" */
#define RECORD_FIXED 64u
#define RECORD_ID_AT 64u
#define RECORD_COMMIT_AT 80u
#define RECORD_HEADER 96u
#define COMMIT_MARK 0x54494D43u   /* "CMIT" */

enum { RECORD_INSTALL = 1, RECORD_DELETE = 2, RECORD_FLAGS = 3 };

_Static_assert(RECORD_HEADER % EAVE_STORE_ALIGN == 0, "images start aligned");
_Static_assert(BANK_HEADER_SIZE % EAVE_STORE_ALIGN == 0, "records start aligned");
_Static_assert(20u + EAVE_STORE_MAX_NAME + 1u <= 52u, "the name fits the fixed header");
_Static_assert(EAVE_STORE_COPY_CHUNK % EAVE_STORE_ALIGN == 0, "copies write whole units");

static uint32_t align_up(uint32_t n) { return (n + EAVE_STORE_ALIGN - 1u) & ~(EAVE_STORE_ALIGN - 1u); }
static uint32_t record_extent(uint32_t size) { return RECORD_HEADER + align_up(size); }

static void put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}
static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

const char *eave_store_status_name(eave_store_status status) {
  switch (status) {
    case EAVE_STORE_OK: return "ok";
    case EAVE_STORE_IO: return "storage failure";
    case EAVE_STORE_GEOMETRY: return "unusable storage geometry";
    case EAVE_STORE_NAME: return "invalid name";
    case EAVE_STORE_NOT_FOUND: return "not found";
    case EAVE_STORE_FULL: return "too many entries";
    case EAVE_STORE_NO_SPACE: return "no space";
    case EAVE_STORE_SIZE: return "size mismatch";
    case EAVE_STORE_OFFSET: return "unexpected offset";
    case EAVE_STORE_CRC: return "CRC mismatch";
    case EAVE_STORE_STATE: return "wrong install state";
    case EAVE_STORE_BUSY: return "busy installing";
    case EAVE_STORE_NOT_MAPPED: return "storage not memory-mapped";
  }
  return "unknown";
}

/* --- storage access --- */

static uint32_t bank_base(const eave_store *store, uint32_t bank) { return bank * store->bank_size; }
static uint32_t bank_end(const eave_store *store) { return bank_base(store, store->active) + store->bank_size; }

static eave_store_status st_read(const eave_store *store, uint32_t offset, void *buffer, size_t length) {
  const eave_storage *s = store->storage;
  return s->read(s->context, offset, buffer, length) ? EAVE_STORE_OK : EAVE_STORE_IO;
}

/* Writes whole aligned units; a failure leaves the log's tail unknown, so the next change
 * compacts first. */
static eave_store_status st_write(eave_store *store, uint32_t offset, const void *data, size_t length) {
  const eave_storage *s = store->storage;
  if (s->write(s->context, offset, data, length)) return EAVE_STORE_OK;
  store->dirty = true;
  return EAVE_STORE_IO;
}

static bool name_valid(const char *name) {
  if (name == NULL) return false;
  size_t n = 0;
  while (n <= EAVE_STORE_MAX_NAME && name[n] != 0) n++;
  return n >= 1 && n <= EAVE_STORE_MAX_NAME;
}

static int find_index(const eave_store *store, const char *name) {
  for (uint32_t i = 0; i < store->count; i++) {
    if (strcmp(store->entries[i].name, name) == 0) return (int)i;
  }
  return -1;
}

/* --- headers --- */

static void encode_bank_header(uint8_t h[BANK_HEADER_SIZE], uint32_t generation, uint32_t next_sequence,
                               uint32_t bank_size) {
  memset(h, 0, BANK_HEADER_SIZE);
  put32(h, BANK_MAGIC);
  put32(h + 4, BANK_VERSION);
  put32(h + 8, generation);
  put32(h + 12, next_sequence);
  put32(h + 16, bank_size);
  put32(h + 28, eave_crc32(h, 28));
}

static bool decode_bank_header(const uint8_t h[BANK_HEADER_SIZE], uint32_t bank_size, uint32_t *generation,
                               uint32_t *next_sequence) {
  if (get32(h) != BANK_MAGIC || get32(h + 4) != BANK_VERSION || get32(h + 16) != bank_size) return false;
  if (get32(h + 28) != eave_crc32(h, 28)) return false;
  *generation = get32(h + 8);
  *next_sequence = get32(h + 12);
  return true;
}

static void encode_fixed(uint8_t h[RECORD_FIXED], uint8_t type, const eave_store_entry *e) {
  size_t n = strlen(e->name);
  memset(h, 0, RECORD_FIXED);
  put32(h, RECORD_MAGIC);
  h[4] = type;
  h[5] = e->flags;
  h[6] = (uint8_t)n;
  put32(h + 8, e->sequence);
  put32(h + 12, type == RECORD_INSTALL ? e->size : 0);
  put32(h + 16, type == RECORD_INSTALL ? e->crc32 : 0);
  memcpy(h + 20, e->name, n);
  put32(h + 60, eave_crc32(h, 60));
}

/* Decodes a fixed header at `offset`; false when it is not a whole, valid one that fits. */
static bool decode_fixed(const eave_store *store, const uint8_t h[RECORD_FIXED], uint32_t offset, uint8_t *type,
                         eave_store_entry *e) {
  if (get32(h) != RECORD_MAGIC || get32(h + 60) != eave_crc32(h, 60)) return false;
  *type = h[4];
  if (*type < RECORD_INSTALL || *type > RECORD_FLAGS) return false;
  uint8_t n = h[6];
  if (n < 1 || n > EAVE_STORE_MAX_NAME || memchr(h + 20, 0, n) != NULL) return false;
  memset(e, 0, sizeof *e);
  memcpy(e->name, h + 20, n);
  e->flags = h[5];
  e->sequence = get32(h + 8);
  e->size = get32(h + 12);
  e->crc32 = get32(h + 16);
  e->record = offset;
  uint32_t room = bank_end(store) - offset;
  return e->size <= room && record_extent(e->size) <= room;
}

/* --- opening: replay the log --- */

static void apply(eave_store *store, uint8_t type, const eave_store_entry *e) {
  int i = find_index(store, e->name);
  switch (type) {
    case RECORD_INSTALL:
      if (i >= 0) {
        store->entries[i] = *e;
      } else if (store->count < EAVE_STORE_MAX_ENTRIES) {
        store->entries[store->count++] = *e;
      }
      break;
    case RECORD_DELETE:
      if (i >= 0) {
        memmove(&store->entries[i], &store->entries[i + 1], (store->count - (uint32_t)i - 1u) * sizeof *e);
        store->count--;
      }
      break;
    case RECORD_FLAGS:
      if (i >= 0) store->entries[i].flags = e->flags;
      break;
  }
}

/* True when [offset, end) reads as erased. */
static eave_store_status all_erased(const eave_store *store, uint32_t offset, uint32_t end, bool *erased) {
  uint8_t buf[EAVE_STORE_COPY_CHUNK];
  *erased = true;
  while (offset < end) {
    uint32_t n = end - offset < sizeof buf ? end - offset : (uint32_t)sizeof buf;
    if (st_read(store, offset, buf, n) != EAVE_STORE_OK) return EAVE_STORE_IO;
    for (uint32_t i = 0; i < n; i++) {
      if (buf[i] != 0xFF) { *erased = false; return EAVE_STORE_OK; }
    }
    offset += n;
  }
  return EAVE_STORE_OK;
}

static eave_store_status replay(eave_store *store) {
  uint32_t end = bank_end(store);
  uint32_t p = bank_base(store, store->active) + BANK_HEADER_SIZE;
  store->count = 0;
  while (end - p >= RECORD_HEADER) {
    uint8_t h[RECORD_HEADER];
    if (st_read(store, p, h, sizeof h) != EAVE_STORE_OK) return EAVE_STORE_IO;
    uint8_t type;
    eave_store_entry e;
    if (!decode_fixed(store, h, p, &type, &e)) break;
    if (e.sequence >= store->next_sequence) store->next_sequence = e.sequence + 1u;
    if (get32(h + RECORD_COMMIT_AT) == COMMIT_MARK) {
      if (type == RECORD_INSTALL) memcpy(e.id, h + RECORD_ID_AT, EAVE_STORE_ID_SIZE);
      apply(store, type, &e);
    }
    p += record_extent(e.size);
  }
  store->head = p;
  bool erased;
  if (all_erased(store, p, end, &erased) != EAVE_STORE_OK) return EAVE_STORE_IO;
  store->dirty = !erased;
  return EAVE_STORE_OK;
}

static eave_store_status erase_bank(eave_store *store, uint32_t bank) {
  const eave_storage *s = store->storage;
  uint32_t sectors = store->bank_size / s->sector_size;
  if (store->hooks.before_erase != NULL) {
    store->hooks.before_erase(store->hooks.context, bank_base(store, bank), store->bank_size);
  }
  for (uint32_t i = 0; i < sectors; i++) {
    if (!s->erase_sector(s->context, bank * sectors + i)) return EAVE_STORE_IO;
  }
  return EAVE_STORE_OK;
}

eave_store_status eave_store_open(eave_store *store, const eave_storage *storage, const eave_store_hooks *hooks) {
  memset(store, 0, sizeof *store);
  store->storage = storage;
  if (hooks != NULL) store->hooks = *hooks;
  uint32_t unit = storage->write_unit;
  if (storage->sector_count < 2 || storage->sector_size == 0 || storage->sector_size % EAVE_STORE_ALIGN != 0 ||
      (unit != 1 && unit != 2 && unit != 4 && unit != 8 && unit != 16) ||
      (uint64_t)storage->sector_size * storage->sector_count > UINT32_MAX) {
    return EAVE_STORE_GEOMETRY;
  }
  store->bank_size = storage->sector_size * (storage->sector_count / 2u);
  if (store->bank_size < BANK_HEADER_SIZE + 2u * RECORD_HEADER) return EAVE_STORE_GEOMETRY;

  bool valid[2];
  uint32_t generation[2], next[2];
  for (uint32_t b = 0; b < 2; b++) {
    uint8_t h[BANK_HEADER_SIZE];
    if (st_read(store, bank_base(store, b), h, sizeof h) != EAVE_STORE_OK) return EAVE_STORE_IO;
    valid[b] = decode_bank_header(h, store->bank_size, &generation[b], &next[b]);
  }
  if (!valid[0] && !valid[1]) {
    /* A fresh storage (or one never formatted to the end): bank 0, generation 1. */
    eave_store_status status = erase_bank(store, 0);
    if (status != EAVE_STORE_OK) return status;
    uint8_t h[BANK_HEADER_SIZE];
    encode_bank_header(h, 1, 1, store->bank_size);
    if ((status = st_write(store, 0, h, sizeof h)) != EAVE_STORE_OK) return status;
    valid[0] = true;
    generation[0] = 1;
    next[0] = 1;
  }
  /* Generations only grow (2^32 compactions outlast any flash), so the larger one is newer. */
  store->active = (valid[1] && (!valid[0] || generation[1] > generation[0])) ? 1u : 0u;
  store->generation = generation[store->active];
  store->next_sequence = next[store->active];
  return replay(store);
}

/* --- queries --- */

uint32_t eave_store_count(const eave_store *store) { return store->count; }

const eave_store_entry *eave_store_entry_at(const eave_store *store, uint32_t index) {
  return index < store->count ? &store->entries[index] : NULL;
}

const eave_store_entry *eave_store_find(const eave_store *store, const char *name) {
  if (!name_valid(name)) return NULL;
  int i = find_index(store, name);
  return i < 0 ? NULL : &store->entries[i];
}

uint32_t eave_store_used(const eave_store *store) {
  uint32_t used = 0;
  for (uint32_t i = 0; i < store->count; i++) used += record_extent(store->entries[i].size);
  return used;
}

uint32_t eave_store_capacity(const eave_store *store) { return store->bank_size - BANK_HEADER_SIZE; }

uint32_t eave_store_largest_image(const eave_store *store) {
  uint32_t free_bytes = eave_store_capacity(store) - eave_store_used(store);
  return free_bytes < RECORD_HEADER ? 0 : (free_bytes - RECORD_HEADER) & ~(EAVE_STORE_ALIGN - 1u);
}

static uint32_t data_offset(const eave_store_entry *e) { return e->record + RECORD_HEADER; }

eave_store_status eave_store_image(const eave_store *store, const char *name, const uint8_t **bytes,
                                   uint32_t *length) {
  const eave_store_entry *e = eave_store_find(store, name);
  if (e == NULL) return EAVE_STORE_NOT_FOUND;
  if (store->storage->mapped == NULL) return EAVE_STORE_NOT_MAPPED;
  *bytes = store->storage->mapped + data_offset(e);
  *length = e->size;
  return EAVE_STORE_OK;
}

eave_store_status eave_store_read(const eave_store *store, const char *name, uint32_t offset, void *buffer,
                                  size_t length) {
  const eave_store_entry *e = eave_store_find(store, name);
  if (e == NULL) return EAVE_STORE_NOT_FOUND;
  if (offset > e->size || length > e->size - offset) return EAVE_STORE_SIZE;
  return st_read(store, data_offset(e) + offset, buffer, length);
}

/* --- compaction --- */

/* Writes a record's fixed header, its id (installs) and its commit unit at `at`, data excluded. */
static eave_store_status write_header(eave_store *store, uint32_t at, uint8_t type, const eave_store_entry *e) {
  uint8_t h[RECORD_FIXED];
  encode_fixed(h, type, e);
  return st_write(store, at, h, sizeof h);
}

static eave_store_status write_commit(eave_store *store, uint32_t at, uint8_t type, const eave_store_entry *e) {
  eave_store_status status;
  if (type == RECORD_INSTALL) {
    status = st_write(store, at + RECORD_ID_AT, e->id, EAVE_STORE_ID_SIZE);
    if (status != EAVE_STORE_OK) return status;
  }
  uint8_t unit[EAVE_STORE_ALIGN];
  memset(unit, 0xFF, sizeof unit);
  put32(unit, COMMIT_MARK);
  return st_write(store, at + RECORD_COMMIT_AT, unit, sizeof unit);
}

eave_store_status eave_store_compact(eave_store *store) {
  if (store->install.active) return EAVE_STORE_BUSY;
  uint32_t other = 1u - store->active;
  eave_store_status status = erase_bank(store, other);
  if (status != EAVE_STORE_OK) return status;
  uint32_t p = bank_base(store, other) + BANK_HEADER_SIZE;
  uint32_t moved[EAVE_STORE_MAX_ENTRIES];
  for (uint32_t i = 0; i < store->count; i++) {
    const eave_store_entry *e = &store->entries[i];
    if ((status = write_header(store, p, RECORD_INSTALL, e)) != EAVE_STORE_OK) return status;
    uint8_t buf[EAVE_STORE_COPY_CHUNK];
    for (uint32_t done = 0; done < e->size;) {
      uint32_t n = e->size - done < sizeof buf ? e->size - done : (uint32_t)sizeof buf;
      if ((status = st_read(store, data_offset(e) + done, buf, n)) != EAVE_STORE_OK) return status;
      uint32_t padded = align_up(n);
      memset(buf + n, 0xFF, padded - n);
      if ((status = st_write(store, p + RECORD_HEADER + done, buf, padded)) != EAVE_STORE_OK) return status;
      done += n;
    }
    if ((status = write_commit(store, p, RECORD_INSTALL, e)) != EAVE_STORE_OK) return status;
    moved[i] = p;
    p += record_extent(e->size);
  }
  uint8_t h[BANK_HEADER_SIZE];
  encode_bank_header(h, store->generation + 1u, store->next_sequence, store->bank_size);
  if ((status = st_write(store, bank_base(store, other), h, sizeof h)) != EAVE_STORE_OK) return status;
  /* The switch: from here on the other bank is the store. */
  store->active = other;
  store->generation++;
  store->head = p;
  store->dirty = false;
  for (uint32_t i = 0; i < store->count; i++) store->entries[i].record = moved[i];
  return EAVE_STORE_OK;
}

/* Makes room for a record of `extent` bytes at the head, compacting when needed. `extra` is
 * live data that stays until the record commits (the entry an install replaces). */
static eave_store_status make_room(eave_store *store, uint32_t extent) {
  if (!store->dirty && bank_end(store) - store->head >= extent) return EAVE_STORE_OK;
  if (store->install.active) return EAVE_STORE_BUSY;
  if (eave_store_used(store) + extent > eave_store_capacity(store)) return EAVE_STORE_NO_SPACE;
  return eave_store_compact(store);
}

/* --- changes --- */

eave_store_status eave_store_install_begin(eave_store *store, const char *name, uint32_t size, uint32_t crc32,
                                           uint8_t flags) {
  if (store->install.active) return EAVE_STORE_STATE;
  if (!name_valid(name)) return EAVE_STORE_NAME;
  if (size == 0) return EAVE_STORE_SIZE;
  if (find_index(store, name) < 0 && store->count >= EAVE_STORE_MAX_ENTRIES) return EAVE_STORE_FULL;
  if (size > eave_store_capacity(store) - RECORD_HEADER) return EAVE_STORE_NO_SPACE;
  uint32_t extent = record_extent(size);
  eave_store_status status = make_room(store, extent);
  if (status != EAVE_STORE_OK) return status;
  eave_store_entry *e = &store->install.entry;
  memset(e, 0, sizeof *e);
  strcpy(e->name, name);
  e->size = size;
  e->crc32 = crc32;
  e->flags = flags;
  e->sequence = store->next_sequence;
  e->record = store->head;
  if ((status = write_header(store, e->record, RECORD_INSTALL, e)) != EAVE_STORE_OK) return status;
  store->next_sequence++;
  store->head += extent;  /* an abandoned record is skipped by its length */
  store->install.active = true;
  store->install.ended = false;
  store->install.received = 0;
  store->install.pending_length = 0;
  return EAVE_STORE_OK;
}

/* Writes the whole units gathered so far; `last` pads the final one with 0xFF. */
static eave_store_status flush_units(eave_store *store, const uint8_t **data, size_t *length, bool last) {
  uint32_t unit = store->storage->write_unit;
  uint32_t base = data_offset(&store->install.entry);
  eave_store_status status;
  /* Complete a pending partial unit first. */
  if (store->install.pending_length > 0) {
    /* unit <= EAVE_STORE_ALIGN (checked at open); the second bound says so to the optimiser. */
    while (store->install.pending_length < unit && store->install.pending_length < sizeof store->install.pending &&
           *length > 0) {
      store->install.pending[store->install.pending_length++] = **data;
      (*data)++;
      (*length)--;
    }
    if (store->install.pending_length < unit && !last) return EAVE_STORE_OK;
    uint32_t at = base + store->install.received - (uint32_t)*length - store->install.pending_length;
    memset(store->install.pending + store->install.pending_length, 0xFF, unit - store->install.pending_length);
    if ((status = st_write(store, at, store->install.pending, unit)) != EAVE_STORE_OK) return status;
    store->install.pending_length = 0;
  }
  size_t whole = *length - *length % unit;
  if (whole > 0) {
    uint32_t at = base + store->install.received - (uint32_t)*length;
    if ((status = st_write(store, at, *data, whole)) != EAVE_STORE_OK) return status;
    *data += whole;
    *length -= whole;
  }
  if (*length > 0) {
    memcpy(store->install.pending, *data, *length);
    store->install.pending_length = (uint32_t)*length;
    *length = 0;
    if (last) return flush_units(store, data, length, true);
  }
  return EAVE_STORE_OK;
}

eave_store_status eave_store_install_data(eave_store *store, uint32_t offset, const uint8_t *data, size_t length) {
  if (!store->install.active || store->install.ended) return EAVE_STORE_STATE;
  eave_store_entry *e = &store->install.entry;
  if (offset != store->install.received) return EAVE_STORE_OFFSET;
  if (length > e->size - offset) return EAVE_STORE_SIZE;
  /* The image id is bytes 16..31 of the image. */
  for (size_t i = 0; i < length; i++) {
    uint32_t at = offset + (uint32_t)i;
    if (at >= 16 && at < 16 + EAVE_STORE_ID_SIZE) e->id[at - 16] = data[i];
  }
  store->install.received += (uint32_t)length;
  /* `received` now counts the bytes below; flush_units computes each write's place from it. */
  size_t rest = length;
  const uint8_t *p = data;
  eave_store_status status = flush_units(store, &p, &rest, false);
  if (status != EAVE_STORE_OK) eave_store_install_abort(store);
  return status;
}

eave_store_status eave_store_install_end(eave_store *store) {
  if (!store->install.active || store->install.ended) return EAVE_STORE_STATE;
  eave_store_entry *e = &store->install.entry;
  eave_store_status status = EAVE_STORE_OK;
  if (store->install.received != e->size) status = EAVE_STORE_SIZE;
  if (status == EAVE_STORE_OK && store->install.pending_length > 0) {
    size_t none = 0;
    const uint8_t *p = NULL;
    status = flush_units(store, &p, &none, true);
  }
  /* Read back what the flash holds: catches a corrupt transfer and a bad write alike. */
  uint32_t crc = EAVE_CRC32_INIT;
  uint8_t buf[EAVE_STORE_COPY_CHUNK];
  for (uint32_t done = 0; status == EAVE_STORE_OK && done < e->size;) {
    uint32_t n = e->size - done < sizeof buf ? e->size - done : (uint32_t)sizeof buf;
    status = st_read(store, data_offset(e) + done, buf, n);
    crc = eave_crc32_update(crc, buf, n);
    done += n;
  }
  if (status == EAVE_STORE_OK && crc != e->crc32) status = EAVE_STORE_CRC;
  if (status != EAVE_STORE_OK) {
    eave_store_install_abort(store);
    return status;
  }
  store->install.ended = true;
  return EAVE_STORE_OK;
}

eave_store_status eave_store_staged_image(const eave_store *store, const uint8_t **bytes, uint32_t *length) {
  if (!store->install.active || !store->install.ended) return EAVE_STORE_STATE;
  if (store->storage->mapped == NULL) return EAVE_STORE_NOT_MAPPED;
  *bytes = store->storage->mapped + data_offset(&store->install.entry);
  *length = store->install.entry.size;
  return EAVE_STORE_OK;
}

eave_store_status eave_store_staged_read(const eave_store *store, uint32_t offset, void *buffer, size_t length) {
  if (!store->install.active || !store->install.ended) return EAVE_STORE_STATE;
  const eave_store_entry *e = &store->install.entry;
  if (offset > e->size || length > e->size - offset) return EAVE_STORE_SIZE;
  return st_read(store, data_offset(e) + offset, buffer, length);
}

eave_store_status eave_store_install_commit(eave_store *store, eave_store_entry *entry) {
  if (!store->install.active || !store->install.ended) return EAVE_STORE_STATE;
  eave_store_entry *e = &store->install.entry;
  eave_store_status status = write_commit(store, e->record, RECORD_INSTALL, e);
  store->install.active = false;
  if (status != EAVE_STORE_OK) return status;
  apply(store, RECORD_INSTALL, e);
  if (entry != NULL) *entry = *e;
  return EAVE_STORE_OK;
}

void eave_store_install_abort(eave_store *store) { store->install.active = false; }

bool eave_store_installing(const eave_store *store) { return store->install.active; }

/* Appends a header-only record (uninstall, flags) and commits it. */
static eave_store_status append_small(eave_store *store, uint8_t type, const eave_store_entry *e) {
  eave_store_status status = make_room(store, RECORD_HEADER);
  if (status != EAVE_STORE_OK) return status;
  uint32_t at = store->head;
  store->head += RECORD_HEADER;
  if ((status = write_header(store, at, type, e)) != EAVE_STORE_OK) return status;
  if ((status = write_commit(store, at, type, e)) != EAVE_STORE_OK) return status;
  store->next_sequence++;
  apply(store, type, e);
  return EAVE_STORE_OK;
}

eave_store_status eave_store_uninstall(eave_store *store, const char *name) {
  if (!name_valid(name)) return EAVE_STORE_NAME;
  int i = find_index(store, name);
  if (i < 0) return EAVE_STORE_NOT_FOUND;
  eave_store_entry e = store->entries[i];
  e.sequence = store->next_sequence;
  return append_small(store, RECORD_DELETE, &e);
}

eave_store_status eave_store_set_flags(eave_store *store, const char *name, uint8_t flags) {
  if (!name_valid(name)) return EAVE_STORE_NAME;
  int i = find_index(store, name);
  if (i < 0) return EAVE_STORE_NOT_FOUND;
  if (store->entries[i].flags == flags) return EAVE_STORE_OK;
  eave_store_entry e = store->entries[i];
  e.flags = flags;
  e.sequence = store->next_sequence;
  return append_small(store, RECORD_FLAGS, &e);
}
