/* A storage backend on parallel NOR flash speaking the Intel/Sharp CFI command set (command set
 * 0x0001), memory-mapped and read in place: QEMU's pflash (the riscv `virt` machine's pflash0,
 * backed by a file) and the parallel flash of many boards. Two 16-bit chips side by side make a
 * 32-bit bus, so commands go to both halves and both report status. Erasing a block and
 * programming (through the chips' write buffer, whose size their CFI table gives) use the chips'
 * own commands and wait for their status; the NOR rules are
 * checked first (a word that is not erased is never programmed), so a store bug fails here as it
 * would corrupt a real chip. Portable C: it only touches the flash through volatile pointers. */
#ifndef EAVE_CFI_FLASH_STORAGE_H
#define EAVE_CFI_FLASH_STORAGE_H

#include "storage.h"

typedef struct {
  eave_storage storage;    /* pass &flash->storage to the store */
  volatile uint32_t *base; /* the first byte the store uses: a block boundary of the flash */
  uint32_t size;
  uint32_t buffer_words;   /* bus words one buffered program takes, aligned windows; 1: none */
  uint32_t status;         /* the status register after the last failed command, for reports */
} eave_cfi_flash_storage;

/* Uses `sector_count` erase blocks of `sector_size` bytes from `base` (the chip's block size, a
 * multiple of 4). Leaves the chip in read-array mode; its content is kept (a store opens it). */
void eave_cfi_flash_storage_init(eave_cfi_flash_storage *flash, uintptr_t base, uint32_t sector_size,
                                 uint32_t sector_count);

#endif
