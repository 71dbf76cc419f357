/* The program store: install, list, replace, uninstall, flags, reopening after every step,
 * refusals (names, sizes, offsets, CRC), compaction, write units 1..16, mapped and unmapped
 * reads. Power cuts: test_store_powercut.c. */
#include "store_testing.h"

#define SECTOR 512u
#define SECTORS 8u  /* two banks of 2 KB */

static uint8_t flash[SECTOR * SECTORS];
static uint8_t big_flash[SECTOR * 32u]; /* 8 KB banks: room for EAVE_STORE_MAX_ENTRIES small entries */
static uint8_t image_a[600], image_b[300], image_c[1000];

static void reopen(eave_store *store, eave_ram_storage *ram) {
  EXPECT_STATUS(eave_store_open(store, &ram->storage, NULL), EAVE_STORE_OK);
}

static void expect_entry(const eave_store *store, const char *name, const uint8_t *image, uint32_t size,
                         uint8_t flags) {
  const eave_store_entry *e = eave_store_find(store, name);
  EXPECT(e != NULL, "entry %s", name);
  if (e == NULL) return;
  EXPECT(e->size == size, "%s size %u", name, (unsigned)e->size);
  EXPECT(e->flags == flags, "%s flags %u", name, (unsigned)e->flags);
  EXPECT(e->crc32 == eave_crc32(image, size), "%s crc", name);
  EXPECT(memcmp(e->id, image + 16, 16) == 0, "%s id", name);
  const uint8_t *bytes;
  uint32_t length;
  EXPECT_STATUS(eave_store_image(store, name, &bytes, &length), EAVE_STORE_OK);
  EXPECT(length == size && memcmp(bytes, image, size) == 0, "%s bytes in place", name);
  EXPECT(((uintptr_t)bytes - (uintptr_t)flash) % 16 == 0, "%s aligned", name);
  uint8_t copy[1000];
  EXPECT_STATUS(eave_store_read(store, name, 0, copy, size), EAVE_STORE_OK);
  EXPECT(memcmp(copy, image, size) == 0, "%s bytes read", name);
}

static void basics(uint32_t unit, uint32_t chunk) {
  eave_ram_storage ram;
  eave_ram_storage_init(&ram, flash, SECTOR, SECTORS, unit, true);
  eave_store store;
  reopen(&store, &ram);
  EXPECT(eave_store_count(&store) == 0, "fresh store is empty");
  EXPECT(eave_store_capacity(&store) == 2048 - 32, "capacity %u", (unsigned)eave_store_capacity(&store));

  EXPECT_STATUS(install(&store, "a", image_a, sizeof image_a, 0, chunk), EAVE_STORE_OK);
  expect_entry(&store, "a", image_a, sizeof image_a, 0);
  reopen(&store, &ram);
  expect_entry(&store, "a", image_a, sizeof image_a, 0);

  EXPECT_STATUS(install(&store, "b", image_b, sizeof image_b, EAVE_STORE_RUN_ON_BOOT, chunk), EAVE_STORE_OK);
  reopen(&store, &ram);
  EXPECT(eave_store_count(&store) == 2, "two entries");
  EXPECT(strcmp(eave_store_entry_at(&store, 0)->name, "a") == 0, "a first");
  expect_entry(&store, "b", image_b, sizeof image_b, EAVE_STORE_RUN_ON_BOOT);
  uint32_t seq_a = eave_store_find(&store, "a")->sequence, seq_b = eave_store_find(&store, "b")->sequence;
  EXPECT(seq_b > seq_a, "sequences grow");

  /* Replace a with a smaller image: needs compaction in a 2 KB bank. */
  EXPECT_STATUS(install(&store, "a", image_b, sizeof image_b, 0, chunk), EAVE_STORE_OK);
  expect_entry(&store, "a", image_b, sizeof image_b, 0);
  reopen(&store, &ram);
  expect_entry(&store, "a", image_b, sizeof image_b, 0);
  EXPECT(eave_store_find(&store, "a")->sequence > seq_b, "replace has a newer sequence");
  EXPECT(eave_store_count(&store) == 2, "replace keeps the count");

  EXPECT_STATUS(eave_store_set_flags(&store, "a", EAVE_STORE_RUN_ON_BOOT), EAVE_STORE_OK);
  reopen(&store, &ram);
  expect_entry(&store, "a", image_b, sizeof image_b, EAVE_STORE_RUN_ON_BOOT);

  EXPECT_STATUS(eave_store_uninstall(&store, "b"), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_uninstall(&store, "b"), EAVE_STORE_NOT_FOUND);
  reopen(&store, &ram);
  EXPECT(eave_store_count(&store) == 1 && eave_store_find(&store, "b") == NULL, "b is gone");

  /* Many replaces force repeated compactions; the state survives each. */
  for (uint32_t i = 0; i < 12; i++) {
    make_image(image_c, sizeof image_c, 100 + i);
    EXPECT_STATUS(install(&store, "c", image_c, 500 + i * 10, 0, chunk), EAVE_STORE_OK);
    reopen(&store, &ram);
    expect_entry(&store, "c", image_c, 500 + i * 10, 0);
    expect_entry(&store, "a", image_b, sizeof image_b, EAVE_STORE_RUN_ON_BOOT);
  }
}

static void refusals(void) {
  eave_ram_storage ram;
  eave_ram_storage_init(&ram, big_flash, SECTOR, 32, 4, true);
  eave_store store;
  reopen(&store, &ram);
  uint32_t crc = eave_crc32(image_a, sizeof image_a);
  EXPECT_STATUS(eave_store_install_begin(&store, "", 10, 0, 0), EAVE_STORE_NAME);
  EXPECT_STATUS(eave_store_install_begin(&store, "12345678901234567890123456789012", 10, 0, 0), EAVE_STORE_NAME);
  EXPECT_STATUS(eave_store_install_begin(&store, "1234567890123456789012345678901", 10, 0, 0), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_begin(&store, "x", 10, 0, 0), EAVE_STORE_STATE);
  eave_store_install_abort(&store);
  EXPECT_STATUS(eave_store_install_begin(&store, "x", 0, 0, 0), EAVE_STORE_SIZE);
  EXPECT_STATUS(eave_store_install_begin(&store, "x", 50000, 0, 0), EAVE_STORE_NO_SPACE);
  EXPECT_STATUS(eave_store_install_data(&store, 0, image_a, 10), EAVE_STORE_STATE);
  EXPECT_STATUS(eave_store_install_end(&store), EAVE_STORE_STATE);

  /* Wrong offset, data past the size, short data, bad CRC: each leaves no entry. */
  EXPECT_STATUS(eave_store_install_begin(&store, "x", sizeof image_a, crc, 0), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_data(&store, 0, image_a, 100), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_data(&store, 99, image_a + 99, 100), EAVE_STORE_OFFSET);
  EXPECT_STATUS(eave_store_install_data(&store, 100, image_a + 100, sizeof image_a), EAVE_STORE_SIZE);
  EXPECT_STATUS(eave_store_install_end(&store), EAVE_STORE_SIZE);
  EXPECT(!eave_store_installing(&store), "short install aborted");
  EXPECT_STATUS(eave_store_install_begin(&store, "x", sizeof image_a, crc ^ 1u, 0), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_data(&store, 0, image_a, sizeof image_a), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_end(&store), EAVE_STORE_CRC);
  EXPECT_STATUS(eave_store_install_commit(&store, NULL), EAVE_STORE_STATE);
  EXPECT(eave_store_find(&store, "x") == NULL, "no entry after a bad CRC");

  /* A staged image is readable but invisible until committed, and gone after an abort. */
  EXPECT_STATUS(eave_store_install_begin(&store, "x", sizeof image_a, crc, 0), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_data(&store, 0, image_a, sizeof image_a), EAVE_STORE_OK);
  EXPECT_STATUS(eave_store_install_end(&store), EAVE_STORE_OK);
  const uint8_t *bytes;
  uint32_t length;
  EXPECT_STATUS(eave_store_staged_image(&store, &bytes, &length), EAVE_STORE_OK);
  EXPECT(length == sizeof image_a && memcmp(bytes, image_a, length) == 0, "staged bytes");
  EXPECT(eave_store_find(&store, "x") == NULL, "staged is not installed");
  reopen(&store, &ram);
  EXPECT(eave_store_find(&store, "x") == NULL, "staged is not installed after a reopen");

  /* Entry slots run out. */
  for (uint32_t i = 0; i < EAVE_STORE_MAX_ENTRIES; i++) {
    char name[8];
    snprintf(name, sizeof name, "n%u", (unsigned)i);
    EXPECT_STATUS(install(&store, name, image_a, 16, 0, 16), EAVE_STORE_OK);
  }
  EXPECT_STATUS(eave_store_install_begin(&store, "more", 16, 0, 0), EAVE_STORE_FULL);
  EXPECT_STATUS(install(&store, "n3", image_b, 32, 0, 16), EAVE_STORE_OK);
  reopen(&store, &ram);
  EXPECT(eave_store_count(&store) == EAVE_STORE_MAX_ENTRIES, "count %u", (unsigned)eave_store_count(&store));
  EXPECT(eave_store_find(&store, "n3")->size == 32, "n3 replaced");
}

static void no_space(void) {
  eave_ram_storage ram;
  eave_ram_storage_init(&ram, flash, SECTOR, SECTORS, 1, true);
  eave_store store;
  reopen(&store, &ram);
  EXPECT_STATUS(install(&store, "c", image_c, sizeof image_c, 0, 333), EAVE_STORE_OK);
  EXPECT(eave_store_largest_image(&store) == 2016 - 1104 - 96, "largest %u", (unsigned)eave_store_largest_image(&store));
  EXPECT_STATUS(eave_store_install_begin(&store, "d", 1000, 0, 0), EAVE_STORE_NO_SPACE);
  /* Replacing c with 1000 bytes needs both copies until the commit: no room either. */
  EXPECT_STATUS(eave_store_install_begin(&store, "c", 1000, 0, 0), EAVE_STORE_NO_SPACE);
  EXPECT_STATUS(install(&store, "d", image_a, eave_store_largest_image(&store), 0, 496), EAVE_STORE_OK);
  reopen(&store, &ram);
  EXPECT(eave_store_count(&store) == 2, "c and d");
  EXPECT(eave_store_largest_image(&store) == 0, "full");
}

int main(void) {
  make_image(image_a, sizeof image_a, 1);
  make_image(image_b, sizeof image_b, 2);
  const uint32_t units[] = {1, 2, 4, 8, 16};
  const uint32_t chunks[] = {496, 1, 7, 64, 250};
  for (uint32_t u = 0; u < 5; u++) {
    for (uint32_t c = 0; c < 5; c++) basics(units[u], chunks[c]);
  }
  refusals();
  no_space();
  if (failures == 0) printf("store: all tests passed\n");
  return failures == 0 ? 0 : 1;
}
