/* The storage HAL under the program store: a byte range with NOR-flash rules. Erasing a sector
 * sets its bytes to 0xFF; a write may only clear bits (the store never writes a byte twice, so
 * flash that cannot reprogram a unit works too). Boards implement it on their flash (usually
 * memory-mapped), the host simulator on a file (host_file_storage.h), tests in RAM
 * (ram_storage.h). Every callback takes the backend's context first and returns false on a
 * failure it could not complete (the store then treats the written range as torn). */
#ifndef EAVE_STORAGE_H
#define EAVE_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  void *context;
  uint32_t sector_size;   /* bytes of one erase sector; a multiple of 16 */
  uint32_t sector_count;  /* at least 2: the store uses two banks of sector_count / 2 sectors */
  uint32_t write_unit;    /* smallest programmable unit: 1, 2, 4, 8 or 16 bytes */
  /* The whole storage as memory when it is memory-mapped (boards' flash, the host file's mmap),
   * NULL otherwise: images are then read through `read` only. */
  const uint8_t *mapped;
  bool (*read)(void *context, uint32_t offset, void *buffer, size_t length);
  /* `offset` and `length` are multiples of write_unit; the range was erased and not written. */
  bool (*write)(void *context, uint32_t offset, const void *data, size_t length);
  bool (*erase_sector)(void *context, uint32_t sector);
} eave_storage;

#endif
