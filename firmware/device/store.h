/* The program store: installed program images, kept across reboots on a storage HAL
 * (storage.h). A log of records in one of two banks; every change is one record whose commit
 * marker is written last, and compaction copies the live entries into the other bank and
 * switches to it by a bank header with a higher generation, written last. Power lost at any
 * point leaves either the state before the change or the one after it. Format and reasoning:
 * docs/program-store.md.
 *
 * No allocation, no global state: the caller owns the eave_store (about 3 KB) and passes it
 * first to every function. One install at a time. */
#ifndef EAVE_STORE_H
#define EAVE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device_config.h"
#include "storage.h"

typedef enum {
  EAVE_STORE_OK = 0,
  EAVE_STORE_IO,          /* the storage reported a failed read, write or erase */
  EAVE_STORE_GEOMETRY,    /* sector size, count or write unit the store cannot use */
  EAVE_STORE_NAME,        /* empty, longer than EAVE_STORE_MAX_NAME, or holding a NUL */
  EAVE_STORE_NOT_FOUND,   /* no entry of that name */
  EAVE_STORE_FULL,        /* EAVE_STORE_MAX_ENTRIES entries already */
  EAVE_STORE_NO_SPACE,    /* not enough room even after compaction */
  EAVE_STORE_SIZE,        /* size 0, data beyond the announced size, or short of it at the end */
  EAVE_STORE_OFFSET,      /* data not at the next expected offset */
  EAVE_STORE_CRC,         /* the image read back does not have the announced CRC-32 */
  EAVE_STORE_STATE,       /* no install in progress, one already is, or not yet ended */
  EAVE_STORE_BUSY,        /* a change needs compaction while an install is in progress */
  EAVE_STORE_NOT_MAPPED,  /* the storage is not memory-mapped: use eave_store_read */
} eave_store_status;

/* Entry flags. */
#define EAVE_STORE_RUN_ON_BOOT 0x01u

#define EAVE_STORE_ID_SIZE 16u

/* What the store knows of one installed image. */
typedef struct {
  char name[EAVE_STORE_MAX_NAME + 1];  /* NUL-terminated */
  uint8_t id[EAVE_STORE_ID_SIZE];      /* bytes 16..31 of the image (docs/program-image.md) */
  uint32_t size;                       /* image bytes */
  uint32_t crc32;                      /* CRC-32 of all image bytes */
  uint32_t sequence;                   /* install sequence: grows with every change, never reused */
  uint8_t flags;                       /* EAVE_STORE_RUN_ON_BOOT */
  uint32_t record;                     /* storage offset of its record (internal) */
} eave_store_entry;

/* Optional: told before the store erases a range (compaction erases the inactive bank). Images
 * handed out as pointers (eave_store_image) before the previous compaction may lie there; the
 * manager stops and restarts the containers running from it. */
typedef struct {
  void *context;
  void (*before_erase)(void *context, uint32_t offset, uint32_t length);
} eave_store_hooks;

typedef struct {
  const eave_storage *storage;
  eave_store_hooks hooks;
  uint32_t bank_size;       /* bytes per bank */
  uint32_t active;          /* 0 or 1 */
  uint32_t generation;      /* of the active bank's header */
  uint32_t next_sequence;
  uint32_t head;            /* storage offset where the next record goes */
  bool dirty;               /* a torn record ends the log: compact before appending */
  uint32_t count;
  eave_store_entry entries[EAVE_STORE_MAX_ENTRIES];
  struct {                  /* the install in progress */
    bool active, ended;
    eave_store_entry entry; /* record, name, size, crc32, sequence, flags; id as received */
    uint32_t received;
    uint8_t pending[EAVE_STORE_ALIGN];  /* bytes waiting to fill a write unit */
    uint32_t pending_length;
  } install;
} eave_store;

const char *eave_store_status_name(eave_store_status status);

/* Opens the store on `storage`, formatting it when it holds no store yet, and recovers from a
 * torn change. `hooks` may be NULL. */
eave_store_status eave_store_open(eave_store *store, const eave_storage *storage,
                                  const eave_store_hooks *hooks);

/* Entries in install order of their names' first install. Valid until the next change. */
uint32_t eave_store_count(const eave_store *store);
const eave_store_entry *eave_store_entry_at(const eave_store *store, uint32_t index);
const eave_store_entry *eave_store_find(const eave_store *store, const char *name);

/* Streamed install of `size` bytes whose CRC-32 is `crc32` under `name` (replacing an entry of
 * that name at commit). Data must come in order: `offset` is the number of bytes sent before. */
eave_store_status eave_store_install_begin(eave_store *store, const char *name, uint32_t size,
                                           uint32_t crc32, uint8_t flags);
eave_store_status eave_store_install_data(eave_store *store, uint32_t offset, const uint8_t *data,
                                          size_t length);
/* All data is there: reads the image back and checks its CRC. On success the image is staged:
 * readable (eave_store_staged_image) for verification, but not installed until committed. Any
 * failure aborts the install. */
eave_store_status eave_store_install_end(eave_store *store);
/* Where the staged image is, when the storage is memory-mapped. */
eave_store_status eave_store_staged_image(const eave_store *store, const uint8_t **bytes,
                                          uint32_t *length);
/* Reads staged image bytes through the storage (for unmapped storage). */
eave_store_status eave_store_staged_read(const eave_store *store, uint32_t offset, void *buffer,
                                         size_t length);
/* Makes the staged image the entry of its name: one atomic write. `entry` may be NULL. */
eave_store_status eave_store_install_commit(eave_store *store, eave_store_entry *entry);
/* Forgets the install in progress (its partial record stays until the next compaction). */
void eave_store_install_abort(eave_store *store);
bool eave_store_installing(const eave_store *store);

eave_store_status eave_store_uninstall(eave_store *store, const char *name);
eave_store_status eave_store_set_flags(eave_store *store, const char *name, uint8_t flags);

/* The image of `name` in place when the storage is memory-mapped. The pointer stays valid until
 * the entry is replaced or uninstalled and then the store compacts (hooks.before_erase). */
eave_store_status eave_store_image(const eave_store *store, const char *name,
                                   const uint8_t **bytes, uint32_t *length);
/* Reads `length` bytes of the image of `name` from `offset`, through the storage. */
eave_store_status eave_store_read(const eave_store *store, const char *name, uint32_t offset,
                                  void *buffer, size_t length);

/* Copies the live entries into the other bank and switches to it (done by itself when a change
 * does not fit; exposed for tests). */
eave_store_status eave_store_compact(eave_store *store);

/* Bytes the live entries take (records included) and bytes a bank can hold. */
uint32_t eave_store_used(const eave_store *store);
uint32_t eave_store_capacity(const eave_store *store);
/* The largest image that could be installed now as a new name (after compaction). */
uint32_t eave_store_largest_image(const eave_store *store);

#endif
