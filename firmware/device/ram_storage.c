/* The RAM storage backend: NOR-flash rules checked on every write. */
#include "ram_storage.h"

#include <string.h>

static bool ram_read(void *context, uint32_t offset, void *buffer, size_t length) {
  eave_ram_storage *ram = context;
  if (offset > ram->size || length > ram->size - offset) return false;
  memcpy(buffer, ram->bytes + offset, length);
  return true;
}

static bool ram_write(void *context, uint32_t offset, const void *data, size_t length) {
  eave_ram_storage *ram = context;
  uint32_t unit = ram->storage.write_unit;
  if (offset > ram->size || length > ram->size - offset) return false;
  if (offset % unit != 0 || length % unit != 0) return false;
  for (size_t i = 0; i < length; i++) {
    if (ram->bytes[offset + i] != 0xFF) return false; /* programming a unit twice */
  }
  memcpy(ram->bytes + offset, data, length);
  ram->writes++;
  return true;
}

static bool ram_erase(void *context, uint32_t sector) {
  eave_ram_storage *ram = context;
  if (sector >= ram->storage.sector_count) return false;
  memset(ram->bytes + (size_t)sector * ram->storage.sector_size, 0xFF, ram->storage.sector_size);
  ram->erases++;
  return true;
}

void eave_ram_storage_init(eave_ram_storage *ram, uint8_t *bytes, uint32_t sector_size,
                           uint32_t sector_count, uint32_t write_unit, bool erased) {
  memset(ram, 0, sizeof *ram);
  ram->bytes = bytes;
  ram->size = sector_size * sector_count;
  if (erased) memset(bytes, 0xFF, ram->size);
  ram->storage = (eave_storage){
      .context = ram,
      .sector_size = sector_size,
      .sector_count = sector_count,
      .write_unit = write_unit,
      .mapped = bytes,
      .read = ram_read,
      .write = ram_write,
      .erase_sector = ram_erase,
  };
}
