/* The host file storage backend: pwrite for changes, a shared read-only mmap for reading. A
 * process killed mid-write leaves what reached the page cache, as a power cut leaves what reached
 * the flash; the store is built to recover from exactly that. */
#define _POSIX_C_SOURCE 200809L
#include "host_file_storage.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static bool file_read(void *context, uint32_t offset, void *buffer, size_t length) {
  eave_host_file_storage *file = context;
  if (offset > file->size || length > file->size - offset) return false;
  memcpy(buffer, file->map + offset, length);
  return true;
}

static bool write_all(int fd, uint32_t offset, const uint8_t *data, size_t length) {
  while (length > 0) {
    ssize_t n = pwrite(fd, data, length, (off_t)offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    offset += (uint32_t)n;
    length -= (size_t)n;
  }
  return true;
}

static bool file_write(void *context, uint32_t offset, const void *data, size_t length) {
  eave_host_file_storage *file = context;
  if (offset > file->size || length > file->size - offset) return false;
  uint8_t buf[512];
  const uint8_t *d = data;
  for (size_t done = 0; done < length;) {
    size_t n = length - done < sizeof buf ? length - done : sizeof buf;
    for (size_t i = 0; i < n; i++) buf[i] = file->map[offset + done + i] & d[done + i];
    if (!write_all(file->fd, offset + (uint32_t)done, buf, n)) return false;
    done += n;
  }
  return true;
}

static bool file_erase(void *context, uint32_t sector) {
  eave_host_file_storage *file = context;
  if (sector >= file->storage.sector_count) return false;
  uint8_t ff[512];
  memset(ff, 0xFF, sizeof ff);
  uint32_t size = file->storage.sector_size;
  for (uint32_t done = 0; done < size;) {
    uint32_t n = size - done < sizeof ff ? size - done : (uint32_t)sizeof ff;
    if (!write_all(file->fd, sector * size + done, ff, n)) return false;
    done += n;
  }
  return true;
}

bool eave_host_file_storage_open(eave_host_file_storage *file, const char *path, uint32_t sector_size,
                                 uint32_t sector_count) {
  memset(file, 0, sizeof *file);
  file->fd = -1;
  uint64_t size = (uint64_t)sector_size * sector_count;
  if (size == 0 || size > UINT32_MAX) {
    snprintf(file->error, sizeof file->error, "store size %llu is not usable", (unsigned long long)size);
    return false;
  }
  file->size = (uint32_t)size;
  file->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (file->fd < 0) {
    snprintf(file->error, sizeof file->error, "cannot open the store %s: %s", path, strerror(errno));
    return false;
  }
  struct stat st;
  if (fstat(file->fd, &st) != 0) {
    snprintf(file->error, sizeof file->error, "cannot read %s: %s", path, strerror(errno));
    close(file->fd);
    return false;
  }
  if (st.st_size == 0) {
    /* A new store: an erased chip. */
    uint8_t ff[4096];
    memset(ff, 0xFF, sizeof ff);
    for (uint32_t done = 0; done < file->size;) {
      uint32_t n = file->size - done < sizeof ff ? file->size - done : (uint32_t)sizeof ff;
      if (!write_all(file->fd, done, ff, n)) {
        snprintf(file->error, sizeof file->error, "cannot write %s: %s", path, strerror(errno));
        close(file->fd);
        return false;
      }
      done += n;
    }
  } else if ((uint64_t)st.st_size != size) {
    snprintf(file->error, sizeof file->error,
             "the store %s has %lld bytes, not %u: it was made for another geometry; move it away to start afresh",
             path, (long long)st.st_size, (unsigned)file->size);
    close(file->fd);
    return false;
  }
  void *map = mmap(NULL, file->size, PROT_READ, MAP_SHARED, file->fd, 0);
  if (map == MAP_FAILED) {
    snprintf(file->error, sizeof file->error, "cannot map %s: %s", path, strerror(errno));
    close(file->fd);
    return false;
  }
  file->map = map;
  file->storage = (eave_storage){
      .context = file,
      .sector_size = sector_size,
      .sector_count = sector_count,
      .write_unit = 1,
      .mapped = file->map,
      .read = file_read,
      .write = file_write,
      .erase_sector = file_erase,
  };
  return true;
}

void eave_host_file_storage_close(eave_host_file_storage *file) {
  if (file->map != NULL) munmap(file->map, file->size);
  if (file->fd >= 0) close(file->fd);
  file->map = NULL;
  file->fd = -1;
}
