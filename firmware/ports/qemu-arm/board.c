/* Board HAL for QEMU's mps2-an385 (Cortex-M3): vector table and reset handler, CMSDK APB
 * UART0 with an interrupt-driven receive ring, SysTick at 1 kHz, the program store in the
 * PSRAM that QEMU can keep in a file, exit through SYSRESETREQ (QEMU runs with -no-reboot, so a
 * reset ends the emulation). */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "ram_storage.h"

#define REG32(address) (*(volatile uint32_t *)(address))

#define UART0_BASE 0x40004000u
#define UART_DATA REG32(UART0_BASE + 0x00)
#define UART_STATE REG32(UART0_BASE + 0x04) /* bit 0 TX full, bit 1 RX full */
#define UART_CTRL REG32(UART0_BASE + 0x08)  /* bit 0 TX enable, 1 RX enable, 3 RX interrupt */
#define UART_INTCLEAR REG32(UART0_BASE + 0x0C)
#define UART_BAUDDIV REG32(UART0_BASE + 0x10)
#define UART0_RX_IRQ 0u

#define NVIC_ISER0 REG32(0xE000E100u)
#define SCB_AIRCR REG32(0xE000ED0Cu)
#define SYST_CSR REG32(0xE000E010u)
#define SYST_RVR REG32(0xE000E014u)
#define SYST_CVR REG32(0xE000E018u)

/* QEMU's mps2 system clock. */
#define SYSCLK_HZ 25000000u

/* Receive ring: large enough for a link frame and its acknowledgement in flight; a power of two
 * so the indices wrap with a mask. */
#define RX_RING_SIZE 1024u
_Static_assert((RX_RING_SIZE & (RX_RING_SIZE - 1)) == 0, "RX_RING_SIZE must be a power of two");

/* The board is the one place with hardware state; the ISRs reach it only through this. */
static struct {
  volatile uint8_t ring[RX_RING_SIZE];
  volatile uint32_t head; /* written by the ISR */
  volatile uint32_t tail; /* written by the reader */
  volatile uint32_t overruns;
  volatile uint32_t millis;
} board;

extern uint8_t __data_start[], __data_source[], __data_size[], __bss_start[], __bss_size[];
extern uint8_t __tls_base[], __stack[];
extern void _set_tls(void *tls);
extern void __libc_init_array(void);
int main(void);

static void uart0_rx_isr(void) {
  UART_INTCLEAR = 2u; /* QEMU keeps the RX interrupt latched until cleared */
  while (UART_STATE & 2u) {
    uint8_t byte = (uint8_t)UART_DATA;
    uint32_t head = board.head;
    if (head - board.tail == RX_RING_SIZE) {
      board.overruns++;
      continue;
    }
    board.ring[head & (RX_RING_SIZE - 1)] = byte;
    board.head = head + 1;
  }
}

static void systick_isr(void) {
  board.millis++;
}

static void hang_isr(void) {
  board_exit(0xEE);
}

void reset_handler(void);
void reset_handler(void) {
  memcpy(__data_start, __data_source, (size_t)__data_size);
  memset(__bss_start, 0, (size_t)__bss_size);
  _set_tls(__tls_base); /* picolibc's errno is thread-local */
  __libc_init_array();
  exit(main());
}

typedef void (*vector_t)(void);

/* picolibc.ld places .text.init.enter first in flash, where the core expects its vectors. */
__attribute__((section(".text.init.enter"), used)) const vector_t vector_table[16 + 32] = {
  (vector_t)(uintptr_t)__stack, /* initial stack pointer */
  reset_handler,
  hang_isr, /* NMI */
  hang_isr, /* HardFault */
  hang_isr, /* MemManage */
  hang_isr, /* BusFault */
  hang_isr, /* UsageFault */
  0, 0, 0, 0,
  hang_isr, /* SVC */
  hang_isr, /* DebugMon */
  0,
  hang_isr, /* PendSV */
  systick_isr,
  [16 + UART0_RX_IRQ] = uart0_rx_isr,
  [16 + 1 ... 16 + 31] = hang_isr,
};

void board_init(void) {
  SYST_RVR = SYSCLK_HZ / 1000u - 1u;
  SYST_CVR = 0;
  SYST_CSR = 7u; /* enable, interrupt, processor clock */
  UART_BAUDDIV = 16u; /* QEMU ignores the rate but warns below 16 */
  UART_CTRL = 0x1u | 0x2u | 0x8u;
  NVIC_ISER0 = 1u << UART0_RX_IRQ;
  /* QEMU 7.2 stops polling the serial backend while RX is off and only a read of DATA wakes it
   * (measured: ../shared/facts/qemu-firmware.md). */
  (void)UART_DATA;
  __asm volatile("cpsie i" ::: "memory");
}

const char *board_name(void) {
  return "qemu-arm (mps2-an385, Cortex-M3)";
}

void board_uart_write(const uint8_t *data, size_t length) {
  for (size_t i = 0; i < length; i++) {
    while (UART_STATE & 1u) {
    }
    UART_DATA = data[i];
  }
}

size_t board_uart_read(uint8_t *buffer, size_t capacity) {
  size_t count = 0;
  while (count < capacity && board.tail != board.head) {
    buffer[count++] = board.ring[board.tail & (RX_RING_SIZE - 1)];
    board.tail++;
  }
  return count;
}

uint32_t board_uart_overruns(void) {
  return board.overruns;
}

uint32_t board_millis(void) {
  return board.millis;
}

void board_idle(void) {
  /* Masked check then WFI: an interrupt between the check and the sleep still wakes it. */
  __asm volatile("cpsid i" ::: "memory");
  if (board.tail == board.head) __asm volatile("wfi" ::: "memory");
  __asm volatile("cpsie i" ::: "memory");
}

_Noreturn void board_exit(int code) {
  (void)code; /* mps2 has no exit-code device; the emulation simply ends */
  SCB_AIRCR = 0x05FA0004u; /* SYSRESETREQ */
  for (;;) {
  }
}

/* The board's memory map beyond picolibc's flash and RAM (board.ld). */
extern uint8_t __eave_store[], __eave_store_size[], __eave_config[];

/* Erase sectors of the program store: 4 KiB, as on the serial NOR flash of most boards. */
#define STORE_SECTOR_SIZE 4096u

/* Smallest unit the store writes: 4 bytes, as on the NOR flash of the boards we target next
 * (ESP32-C3); memory could take 1, but then a store that only works on byte-writable memory
 * would go unnoticed here. */
#define STORE_WRITE_UNIT 4u

const uint8_t *board_device_config(void) {
  return __eave_config;
}

/* mps2-an385 has no flash device. Its 16 MiB PSRAM is QEMU's machine RAM, which QEMU maps from a
 * file when started with -machine memory-backend=... -object memory-backend-file,share=on: every
 * store the CPU makes lands in that file at once, as a write lands in flash, and survives QEMU
 * being killed. The RAM backend gives it the NOR rules (erase to 0xFF, program erased units only)
 * and keeps what is there (a reopened chip); a new file reads as zeros, which the store formats. */
const eave_storage *board_store(void) {
  static eave_ram_storage flash;
  uint32_t size = (uint32_t)(uintptr_t)__eave_store_size;
  eave_ram_storage_init(&flash, __eave_store, STORE_SECTOR_SIZE, size / STORE_SECTOR_SIZE, STORE_WRITE_UNIT, false);
  return &flash.storage;
}

/* picolibc's exit() ends here. */
_Noreturn void _exit(int code) {
  board_exit(code);
}
