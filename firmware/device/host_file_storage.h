/* The simulator's storage: a file of sector_size * sector_count bytes, memory-mapped so images
 * run in place like on a board's flash. Writes follow NOR rules (new = old AND data) so the file
 * behaves like the flash the store is written for. POSIX; built only for the host. */
#ifndef EAVE_HOST_FILE_STORAGE_H
#define EAVE_HOST_FILE_STORAGE_H

#include "storage.h"

typedef struct {
  eave_storage storage;  /* pass &file->storage to the store */
  int fd;
  uint8_t *map;
  uint32_t size;
  char error[160];       /* why open failed */
} eave_host_file_storage;

/* Opens (creating, erased, when missing) the store file at `path`. A file of another size is
 * refused rather than cut. Returns false with `error` filled. */
bool eave_host_file_storage_open(eave_host_file_storage *file, const char *path, uint32_t sector_size,
                                 uint32_t sector_count);
void eave_host_file_storage_close(eave_host_file_storage *file);

#endif
