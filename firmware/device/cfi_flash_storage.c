/* The CFI (Intel command set) flash backend: block erase and buffered program through the chips'
 * command interface, reads from the memory-mapped array. */
#include "cfi_flash_storage.h"

#include <string.h>

/* A command goes to both 16-bit chips of the 32-bit bus; their status comes back the same way. */
#define BOTH_CHIPS(byte) ((uint32_t)(byte) * 0x00010001u)
#define CMD_READ_ARRAY BOTH_CHIPS(0xFF)
#define CMD_CLEAR_STATUS BOTH_CHIPS(0x50)
#define CMD_BLOCK_ERASE BOTH_CHIPS(0x20)
#define CMD_CONFIRM BOTH_CHIPS(0xD0)
#define CMD_WORD_PROGRAM BOTH_CHIPS(0x40)
#define CMD_BUFFERED_PROGRAM BOTH_CHIPS(0xE8)
#define CMD_QUERY BOTH_CHIPS(0x98)
#define STATUS_READY BOTH_CHIPS(0x80)
/* Erase error, program error, low programming voltage, block locked. */
#define STATUS_ERRORS BOTH_CHIPS(0x3A)

/* Status polls before a command counts as hung: QEMU finishes at once, a real chip erases a block
 * in well under a second, and a bus that is not flash must not hang the firmware. */
#define POLL_LIMIT 10000000u

#define WORD 4u
#define CHIPS 2u

/* CFI query table offsets, one table byte per bus word (both chips answer in their low byte). */
#define CFI_QUERY_ADDRESS 0x55u
#define CFI_SIGNATURE 0x10u     /* "QRY" */
#define CFI_WRITE_BUFFER 0x2Au  /* n: 2^n bytes of write buffer per chip */
/* Words a buffered program may take at most: the count is 16 bits per chip. */
#define MAX_BUFFER_WORDS 0x8000u

/* Waits until both chips are ready; true when neither reported an error. Leaves read-array mode. */
static bool finish(eave_cfi_flash_storage *flash, volatile uint32_t *at) {
  uint32_t status = 0;
  for (uint32_t polls = 0; polls < POLL_LIMIT; polls++) {
    status = *at;
    if ((status & STATUS_READY) == STATUS_READY) break;
  }
  bool ok = (status & STATUS_READY) == STATUS_READY && (status & STATUS_ERRORS) == 0;
  if (!ok) {
    flash->status = status;
    *at = CMD_CLEAR_STATUS;
  }
  *at = CMD_READ_ARRAY; /* images run in place: the array must read as memory again */
  return ok;
}

static bool cfi_read(void *context, uint32_t offset, void *buffer, size_t length) {
  eave_cfi_flash_storage *flash = context;
  if (offset > flash->size || length > flash->size - offset) return false;
  memcpy(buffer, (const uint8_t *)flash->base + offset, length);
  return true;
}

/* Programs `count` words at `at`, all inside one write-buffer window: one buffered program (the
 * chips program the buffer as a unit, QEMU writes it to its file in one go), or word by word on
 * a chip without a buffer. */
static bool program(eave_cfi_flash_storage *flash, volatile uint32_t *at, const uint8_t *bytes, uint32_t count) {
  if (flash->buffer_words <= 1) {
    for (uint32_t i = 0; i < count; i++) {
      uint32_t word;
      memcpy(&word, bytes + i * WORD, WORD);
      at[i] = CMD_WORD_PROGRAM;
      at[i] = word;
      if (!finish(flash, &at[i])) return false;
    }
    return true;
  }
  *at = CMD_BUFFERED_PROGRAM;
  uint32_t polls = 0;
  while ((*at & STATUS_READY) != STATUS_READY) { /* the buffer is free */
    if (++polls == POLL_LIMIT) return finish(flash, at);
  }
  *at = BOTH_CHIPS(count - 1u);
  for (uint32_t i = 0; i < count; i++) {
    uint32_t word;
    memcpy(&word, bytes + i * WORD, WORD);
    at[i] = word;
  }
  *at = CMD_CONFIRM;
  return finish(flash, at);
}

static bool cfi_write(void *context, uint32_t offset, const void *data, size_t length) {
  eave_cfi_flash_storage *flash = context;
  if (offset > flash->size || length > flash->size - offset) return false;
  if (offset % WORD != 0 || length % WORD != 0) return false;
  volatile uint32_t *at = flash->base + offset / WORD;
  for (size_t i = 0; i < length / WORD; i++) {
    if (at[i] != 0xFFFFFFFFu) return false; /* programming a word twice */
  }
  const uint8_t *bytes = data;
  uint32_t word = offset / WORD;
  uint32_t end = (uint32_t)(offset + length) / WORD;
  while (word < end) {
    /* Up to the end of this write-buffer window: a buffer never spans two. */
    uint32_t window_end = (word / flash->buffer_words + 1u) * flash->buffer_words;
    uint32_t count = (window_end < end ? window_end : end) - word;
    if (!program(flash, flash->base + word, bytes, count)) return false;
    bytes += count * WORD;
    word += count;
  }
  return true;
}

static bool cfi_erase(void *context, uint32_t sector) {
  eave_cfi_flash_storage *flash = context;
  if (sector >= flash->storage.sector_count) return false;
  volatile uint32_t *block = flash->base + (size_t)sector * (flash->storage.sector_size / WORD);
  *block = CMD_BLOCK_ERASE;
  *block = CMD_CONFIRM;
  return finish(flash, block);
}

/* Bus words of the chips' write buffer, from their CFI table; 1 (word programming) when they do
 * not answer the query. */
static uint32_t query_buffer_words(volatile uint32_t *base) {
  base[CFI_QUERY_ADDRESS] = CMD_QUERY;
  bool cfi = (base[CFI_SIGNATURE] & 0xFFu) == 'Q' && (base[CFI_SIGNATURE + 1u] & 0xFFu) == 'R' &&
             (base[CFI_SIGNATURE + 2u] & 0xFFu) == 'Y';
  uint32_t n = base[CFI_WRITE_BUFFER] & 0xFFu;
  *base = CMD_READ_ARRAY;
  if (!cfi || n < 2u || n > 16u) return 1;
  uint32_t words = ((1u << n) * CHIPS) / WORD;
  return words > MAX_BUFFER_WORDS ? MAX_BUFFER_WORDS : words;
}

void eave_cfi_flash_storage_init(eave_cfi_flash_storage *flash, uintptr_t base, uint32_t sector_size,
                                 uint32_t sector_count) {
  memset(flash, 0, sizeof *flash);
  flash->base = (volatile uint32_t *)base;
  flash->size = sector_size * sector_count;
  *flash->base = CMD_READ_ARRAY; /* whatever state a reset left the chip in */
  flash->buffer_words = query_buffer_words(flash->base);
  flash->storage = (eave_storage){
      .context = flash,
      .sector_size = sector_size,
      .sector_count = sector_count,
      .write_unit = WORD,
      .mapped = (const uint8_t *)base,
      .read = cfi_read,
      .write = cfi_write,
      .erase_sector = cfi_erase,
  };
}
