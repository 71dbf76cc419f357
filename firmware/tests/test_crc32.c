/* CRC-32 against the standard check value and incremental use. */
#include <stdio.h>
#include <string.h>

#include "crc32.h"

static int failures = 0;

static void expect_u32(const char *what, uint32_t actual, uint32_t expected) {
  if (actual != expected) {
    printf("FAIL %s: got 0x%08X, expected 0x%08X\n", what, (unsigned)actual, (unsigned)expected);
    failures++;
  }
}

int main(void) {
  const uint8_t *check = (const uint8_t *)"123456789";
  expect_u32("check value of \"123456789\"", eave_crc32(check, 9), 0xCBF43926u);
  expect_u32("empty input", eave_crc32(check, 0), 0x00000000u);

  uint32_t crc = eave_crc32_update(EAVE_CRC32_INIT, check, 4);
  crc = eave_crc32_update(crc, check + 4, 5);
  expect_u32("in two pieces", crc, 0xCBF43926u);

  uint8_t zeros[32];
  memset(zeros, 0, sizeof zeros);
  expect_u32("32 zero bytes", eave_crc32(zeros, sizeof zeros), 0x190A55ADu);

  if (failures == 0) printf("crc32: all tests passed\n");
  return failures == 0 ? 0 : 1;
}
