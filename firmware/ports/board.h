/* The board HAL: everything a port provides to the portable firmware (VM, device link, debug
 * agent). Nothing else in the firmware touches hardware or an operating system. The QEMU ports
 * implement it on the emulated UART and timer; boards add theirs the same way. */
#ifndef EAVE_BOARD_H
#define EAVE_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "storage.h"

/* Clocks, UART, timer and interrupts; called once, first thing in main. */
void board_init(void);

/* A short name for banners and the device hello, e.g. "qemu-arm (mps2-an385, Cortex-M3)". */
const char *board_name(void);

/* Sends all `length` bytes on the serial line; returns when they are queued in the UART. */
void board_uart_write(const uint8_t *data, size_t length);

/* Takes up to `capacity` received bytes without waiting; returns how many it took. */
size_t board_uart_read(uint8_t *buffer, size_t capacity);

/* Bytes lost because the receive buffer was full (the link's retransmission recovers them). */
uint32_t board_uart_overruns(void);

/* Milliseconds since board_init; wraps after 49 days on 32-bit tick hardware. */
uint32_t board_millis(void);

/* Sleeps until the next interrupt (a received byte or a timer tick). */
void board_idle(void);

/* The device configuration written when the board was flashed: EAVE_BOARD_CONFIG_SIZE bytes in
 * the format of io.eave.flash.DeviceConfig (magic "EAVC", name, secret, CRC-32; docs/firmware.md).
 * Read-only. The boot checks it and falls back to defaults when it is blank or damaged. */
#define EAVE_BOARD_CONFIG_SIZE 128u
const uint8_t *board_device_config(void);

/* The storage the program store lives on (device/storage.h): the board's flash, with its erase
 * sectors and write unit, NOR rules enforced by the driver. On the QEMU boards it is kept in a
 * file on the host when QEMU is started with one (docs/firmware.md, "The program store"), and
 * is volatile otherwise. Called once, after board_init. */
const eave_storage *board_store(void);

/* Stops the board: under QEMU the emulator exits, with `code` where the machine can report it. */
_Noreturn void board_exit(int code);

#endif
