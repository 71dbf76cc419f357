/* The board firmware's main: brings the board up, announces itself on the serial line and
 * serves it. Until the device link and the VM are linked in, serving means echoing every byte,
 * which is what the boot test checks under QEMU. */
#include <string.h>

#include "board.h"

#ifndef EAVE_FIRMWARE_VERSION
#error "EAVE_FIRMWARE_VERSION comes from the build (firmware/CMakeLists.txt)"
#endif

static void write_text(const char *text) {
  board_uart_write((const uint8_t *)text, strlen(text));
}

int main(void) {
  board_init();
  write_text("eave firmware " EAVE_FIRMWARE_VERSION " on ");
  write_text(board_name());
  write_text(": ready\r\n");
  uint8_t buffer[64];
  for (;;) {
    size_t received = board_uart_read(buffer, sizeof buffer);
    if (received == 0) {
      board_idle();
      continue;
    }
    board_uart_write(buffer, received);
  }
}
