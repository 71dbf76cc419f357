/* The store on the host file backend: install, reopen through a new mapping, images in place,
 * and the install throughput (printed; docs/program-store.md quotes it). */
#define _POSIX_C_SOURCE 200809L
#include <time.h>
#include <unistd.h>

#include "host_file_storage.h"
#include "store_testing.h"

#define SIZE (1024u * 1024u)

static uint8_t image[SIZE];

int main(void) {
  char path[] = "/tmp/eave-store-test-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  unlink(path); /* the backend creates it erased */
  make_image(image, SIZE, 9);
  eave_host_file_storage file;
  EXPECT(eave_host_file_storage_open(&file, path, 4096, 1024), "%s", file.error); /* 2 x 2 MB banks */
  eave_store store;
  EXPECT_STATUS(eave_store_open(&store, &file.storage, NULL), EAVE_STORE_OK);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  EXPECT_STATUS(install(&store, "big", image, SIZE, 0, EAVE_MANAGE_MAX_CHUNK), EAVE_STORE_OK);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  eave_host_file_storage_close(&file);

  EXPECT(eave_host_file_storage_open(&file, path, 4096, 1024), "%s", file.error);
  EXPECT_STATUS(eave_store_open(&store, &file.storage, NULL), EAVE_STORE_OK);
  const uint8_t *bytes;
  uint32_t length;
  EXPECT_STATUS(eave_store_image(&store, "big", &bytes, &length), EAVE_STORE_OK);
  EXPECT(length == SIZE && memcmp(bytes, image, SIZE) == 0, "image in place after reopening");
  eave_host_file_storage_close(&file);
  eave_host_file_storage wrong;
  EXPECT(!eave_host_file_storage_open(&wrong, path, 4096, 512), "another geometry is refused");
  unlink(path);
  printf("store_file: installed 1 MiB in 496-byte chunks in %.1f ms (%.0f MB/s, CRC read-back included)\n",
         seconds * 1e3, SIZE / seconds / 1e6);
  if (failures == 0) printf("store_file: all tests passed\n");
  return failures == 0 ? 0 : 1;
}
