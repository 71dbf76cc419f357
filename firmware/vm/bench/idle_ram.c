/* vm_idle_ram: the RAM an idle container holds. Starts IMAGE (a program that prints and then
 * sleeps, bench/idle.toit) in a fresh VM with a counting port allocator, steps the VM until it
 * is idle, and reports every byte the container took from the port (heap semispaces, task
 * stack and frames, globals and constants, bookkeeping) next to the VM's own allocation and the
 * heap in use (eave_vm_stats). Usage: vm_idle_ram IMAGE [HEAP-BYTES] (default 4096). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

typedef struct {
  size_t in_use, blocks;
} counter;

static void *count_alloc(void *context, size_t size) {
  counter *k = context;
  void *p = malloc(size);
  if (p) { k->in_use += size; k->blocks++; }
  return p;
}

static void count_free(void *context, void *pointer, size_t size) {
  counter *k = context;
  if (pointer) { k->in_use -= size; k->blocks--; }
  free(pointer);
}

static uint64_t ticks(void *context) {
  (void)context;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

static void console(void *context, uint32_t id, const char *name, const uint8_t *text, size_t length) {
  (void)context; (void)id; (void)name;
  printf("console: %.*s\n", (int)length, (const char *)text);
}

static void exited(void *context, uint32_t id, const char *name, const eave_exit *exit) {
  (void)context; (void)id; (void)name; (void)exit;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: vm_idle_ram IMAGE [HEAP-BYTES]\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  static uint8_t image[1u << 20];
  size_t length = fread(image, 1, sizeof image, f);
  fclose(f);
  size_t quota = argc > 2 ? (size_t)atol(argv[2]) : 4096u;
  counter k = {0, 0};
  eave_port port = {&k, count_alloc, count_free, ticks, console, exited, NULL, NULL};
  eave_vm *vm = eave_vm_new(&port);
  size_t vm_bytes = k.in_use, vm_blocks = k.blocks;
  eave_load_result result;
  uint32_t id = eave_vm_start(vm, image, length, "idle", quota, &result);
  if (id == 0) { fprintf(stderr, "refused: %s\n", eave_error_name(result.error)); return 1; }
  uint64_t wake = 0;
  eave_step s;
  while ((s = eave_vm_step(vm, &wake)) == EAVE_STEP_RAN) {}
  if (s != EAVE_STEP_IDLE) { fprintf(stderr, "the program did not go to sleep (step %d)\n", (int)s); return 1; }
  eave_container_stats stats;
  eave_vm_stats(vm, id, &stats);
  size_t container = k.in_use - vm_bytes;
  size_t heap = 2 * stats.heap_size;
  size_t task = EAVE_TASK_STACK_SLOTS * sizeof(eave_value) + EAVE_TASK_MAX_FRAMES * sizeof(eave_frame) + sizeof(eave_task);
  printf("image: %zu bytes\n", length);
  printf("vm (eave_vm_new): %zu bytes in %zu blocks\n", vm_bytes, vm_blocks);
  printf("idle container: %zu bytes in %zu blocks\n", container, k.blocks - vm_blocks);
  printf("  heap semispaces: %zu (2 x %zu quota), in use %zu\n", heap, stats.heap_size, stats.heap_used);
  printf("  main task: %zu (stack %zu + frames %zu + task %zu)\n", task,
         (size_t)EAVE_TASK_STACK_SLOTS * sizeof(eave_value), (size_t)EAVE_TASK_MAX_FRAMES * sizeof(eave_frame),
         sizeof(eave_task));
  printf("  container record: %zu (of which caches %zu)\n", sizeof(eave_container),
         sizeof(((eave_container *)0)->lookup_cache) + sizeof(((eave_container *)0)->method_cache) +
             sizeof(((eave_container *)0)->is_cache));
  printf("  rest (globals, constants, ...): %zu\n", container - heap - task - sizeof(eave_container));
  eave_vm_free(vm);
  return 0;
}
