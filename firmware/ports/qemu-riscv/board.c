/* Board HAL for QEMU's riscv32 virt machine (rv32imac, -bios none): entry and trap vector,
 * NS16550A UART with an interrupt-driven receive ring through the PLIC, the CLINT's mtime as the
 * millisecond clock (10 MHz on virt), the program store on the CFI flash pflash0, and the SiFive
 * test device to exit with a code. */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cfi_flash_storage.h"

#define REG8(address) (*(volatile uint8_t *)(address))
#define REG32(address) (*(volatile uint32_t *)(address))

#define UART_BASE 0x10000000u
#define UART_RBR REG8(UART_BASE + 0) /* receive buffer (read) */
#define UART_THR REG8(UART_BASE + 0) /* transmit holding (write) */
#define UART_IER REG8(UART_BASE + 1)
#define UART_FCR REG8(UART_BASE + 2)
#define UART_LCR REG8(UART_BASE + 3)
#define UART_MCR REG8(UART_BASE + 4)
#define UART_LSR REG8(UART_BASE + 5) /* bit 0 data ready, bit 5 THR empty */
#define UART_IRQ 10u

#define PLIC_BASE 0x0C000000u
#define PLIC_PRIORITY(source) REG32(PLIC_BASE + 4u * (source))
#define PLIC_ENABLE_CONTEXT0 REG32(PLIC_BASE + 0x2000u)
#define PLIC_THRESHOLD_CONTEXT0 REG32(PLIC_BASE + 0x200000u)
#define PLIC_CLAIM_CONTEXT0 REG32(PLIC_BASE + 0x200004u)

#define CLINT_BASE 0x02000000u
#define CLINT_MTIMECMP_LO REG32(CLINT_BASE + 0x4000u)
#define CLINT_MTIMECMP_HI REG32(CLINT_BASE + 0x4004u)
#define CLINT_MTIME_LO REG32(CLINT_BASE + 0xBFF8u)
#define CLINT_MTIME_HI REG32(CLINT_BASE + 0xBFFCu)
#define MTIME_TICKS_PER_MS 10000u

#define TEST_FINISHER REG32(0x00100000u)

#define MIE_MTIE (1u << 7)
#define MIE_MEIE (1u << 11)
#define MSTATUS_MIE (1u << 3)
#define MCAUSE_INTERRUPT 0x80000000u
#define CAUSE_MACHINE_TIMER 7u
#define CAUSE_MACHINE_EXTERNAL 11u

/* Receive ring, a power of two so the indices wrap with a mask. */
#define RX_RING_SIZE 1024u
_Static_assert((RX_RING_SIZE & (RX_RING_SIZE - 1)) == 0, "RX_RING_SIZE must be a power of two");

static struct {
  volatile uint8_t ring[RX_RING_SIZE];
  volatile uint32_t head; /* written by the trap handler */
  volatile uint32_t tail; /* written by the reader */
  volatile uint32_t overruns;
} board;

extern uint8_t __data_start[], __data_source[], __data_size[], __bss_start[], __bss_size[];
extern uint8_t __tls_base[];
extern void _set_tls(void *tls);
extern void __libc_init_array(void);
int main(void);
void board_trap(void);
void board_reset(void);

/* Entry: first in flash (picolibc.ld keeps .text.init.enter first); sets gp, sp and the trap vector. */
__asm__(".section .text.init.enter,\"ax\",@progbits\n"
        ".global _start\n"
        "_start:\n"
        ".option push\n"
        ".option norelax\n"
        "  la gp, __global_pointer$\n"
        ".option pop\n"
        "  la sp, __stack\n"
        "  la t0, board_trap\n"
        "  csrw mtvec, t0\n"
        "  call board_reset\n"
        "1: j 1b\n"
        ".text\n");

void board_reset(void) {
  memcpy(__data_start, __data_source, (size_t)__data_size);
  memset(__bss_start, 0, (size_t)__bss_size);
  _set_tls(__tls_base); /* picolibc's errno is thread-local */
  __libc_init_array();
  exit(main());
}

static void uart_receive(void) {
  while (UART_LSR & 1u) {
    uint8_t byte = UART_RBR;
    uint32_t head = board.head;
    if (head - board.tail == RX_RING_SIZE) {
      board.overruns++;
      continue;
    }
    board.ring[head & (RX_RING_SIZE - 1)] = byte;
    board.head = head + 1;
  }
}

__attribute__((interrupt("machine"), aligned(4))) void board_trap(void) {
  uint32_t cause;
  __asm volatile("csrr %0, mcause" : "=r"(cause));
  if (cause == (MCAUSE_INTERRUPT | CAUSE_MACHINE_EXTERNAL)) {
    uint32_t source = PLIC_CLAIM_CONTEXT0;
    if (source == UART_IRQ) uart_receive();
    if (source != 0) PLIC_CLAIM_CONTEXT0 = source; /* complete */
  } else if (cause == (MCAUSE_INTERRUPT | CAUSE_MACHINE_TIMER)) {
    __asm volatile("csrc mie, %0" ::"r"(MIE_MTIE)); /* one-shot: board_idle re-arms it */
  } else {
    TEST_FINISHER = (0xEEu << 16) | 0x3333u; /* an exception: stop with code 0xEE */
    for (;;) {
    }
  }
}

static uint64_t mtime(void) {
  uint32_t high;
  uint32_t low;
  do {
    high = CLINT_MTIME_HI;
    low = CLINT_MTIME_LO;
  } while (high != CLINT_MTIME_HI);
  return ((uint64_t)high << 32) | low;
}

void board_init(void) {
  UART_IER = 0;
  UART_LCR = 0x80; /* divisor latch: the rate itself is ignored by QEMU */
  REG8(UART_BASE + 0) = 1;
  REG8(UART_BASE + 1) = 0;
  UART_LCR = 0x03; /* 8N1 */
  UART_FCR = 0x07; /* FIFO on, cleared */
  UART_MCR = 0x08; /* OUT2 routes the interrupt */
  /* A read makes QEMU poll its serial backend again after the FIFO reset
   * (measured: ../shared/facts/qemu-firmware.md). */
  (void)UART_RBR;
  PLIC_PRIORITY(UART_IRQ) = 1;
  PLIC_ENABLE_CONTEXT0 = 1u << UART_IRQ;
  PLIC_THRESHOLD_CONTEXT0 = 0;
  UART_IER = 0x01; /* received data available */
  __asm volatile("csrs mie, %0" ::"r"(MIE_MEIE));
  __asm volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE));
}

const char *board_name(void) {
  return "qemu-riscv (virt, rv32imac)";
}

void board_uart_write(const uint8_t *data, size_t length) {
  for (size_t i = 0; i < length; i++) {
    while (!(UART_LSR & 0x20u)) {
    }
    UART_THR = data[i];
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
  return (uint32_t)(mtime() / MTIME_TICKS_PER_MS);
}

void board_idle(void) {
  /* Wake at the next millisecond at the latest, so timers run while no byte arrives. */
  uint64_t wake = mtime() + MTIME_TICKS_PER_MS;
  CLINT_MTIMECMP_HI = 0xFFFFFFFFu; /* no spurious match while the halves change */
  CLINT_MTIMECMP_LO = (uint32_t)wake;
  CLINT_MTIMECMP_HI = (uint32_t)(wake >> 32);
  __asm volatile("csrc mstatus, %0" ::"r"(MSTATUS_MIE) : "memory");
  __asm volatile("csrs mie, %0" ::"r"(MIE_MTIE));
  if (board.tail == board.head) __asm volatile("wfi" ::: "memory");
  __asm volatile("csrs mstatus, %0" ::"r"(MSTATUS_MIE) : "memory");
}

_Noreturn void board_exit(int code) {
  TEST_FINISHER = code == 0 ? 0x5555u : (((uint32_t)code << 16) | 0x3333u);
  for (;;) {
  }
}

/* The board's memory map beyond picolibc's flash and RAM (board.ld). */
extern uint8_t __eave_store[], __eave_store_size[], __eave_config[];

/* Erase blocks of virt's pflash: QEMU gives both of its CFI flash chips 256 KiB blocks. */
#define STORE_SECTOR_SIZE (256u * 1024u)

const uint8_t *board_device_config(void) {
  return __eave_config;
}

/* The store is at the start of pflash0, CFI flash that QEMU keeps in the file of
 * -drive if=pflash,unit=0 (and in memory only without one). */
const eave_storage *board_store(void) {
  static eave_cfi_flash_storage flash;
  uint32_t size = (uint32_t)(uintptr_t)__eave_store_size;
  eave_cfi_flash_storage_init(&flash, (uintptr_t)__eave_store, STORE_SECTOR_SIZE, size / STORE_SECTOR_SIZE);
  return &flash.storage;
}

/* picolibc's exit() ends here. */
_Noreturn void _exit(int code) {
  board_exit(code);
}
