/* eave-vm-run: runs one program image in the VM on the host, without a device link: the console
 * goes to stdout, how the program ended to stderr, and the exit code is the program's (1 for an
 * uncaught exception, 2 for an image the VM refuses). The language test suite and the benchmarks
 * run programs with it; `eave run` goes through a device instead. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eave_vm.h"

typedef struct {
  int exit_code;
} runner;

static void *run_alloc(void *context, size_t size) {
  (void)context;
  return malloc(size);
}

static void run_free(void *context, void *pointer, size_t size) {
  (void)context;
  (void)size;
  free(pointer);
}

static uint64_t run_ticks(void *context) {
  (void)context;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

static void run_console(void *context, uint32_t id, const char *name, const uint8_t *text, size_t length) {
  (void)context;
  (void)id;
  (void)name;
  fwrite(text, 1, length, stdout);
  fputc('\n', stdout);
}

static void run_exited(void *context, uint32_t id, const char *name, const eave_exit *exit) {
  runner *r = context;
  (void)id;
  (void)name;
  fflush(stdout);
  switch (exit->kind) {
    case EAVE_EXIT_CODE:
      r->exit_code = (int)exit->code;
      return;
    case EAVE_EXIT_EXCEPTION:
      fprintf(stderr, "uncaught exception: %.*s\n", (int)exit->message_length, exit->message);
      break;
    case EAVE_EXIT_OUT_OF_MEMORY:
      fprintf(stderr, "out of memory: %.*s\n", (int)exit->message_length, exit->message);
      break;
    default:
      fprintf(stderr, "stopped: %.*s\n", (int)exit->message_length, exit->message);
      break;
  }
  for (uint32_t i = 0; i < exit->trace_length; i++) {
    fprintf(stderr, "  at method %u offset %u\n", (unsigned)exit->trace[i].method, (unsigned)exit->trace[i].offset);
  }
  r->exit_code = 1;
}

static void run_idle(void *context, uint64_t until_ms) {
  uint64_t now = run_ticks(context);
  if (until_ms <= now) return;
  uint64_t ms = until_ms - now;
  struct timespec wait = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  nanosleep(&wait, NULL);
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: eave-vm-run IMAGE [HEAP-KB]\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (f == NULL) {
    fprintf(stderr, "eave-vm-run: cannot open %s: %s\n", argv[1], strerror(errno));
    return 2;
  }
  static uint8_t image[4u << 20];
  size_t length = fread(image, 1, sizeof image, f);
  fclose(f);
  size_t quota = (argc == 3 ? (size_t)atoi(argv[2]) : 1024u) * 1024u;
  runner r = {0};
  eave_port port = {&r, run_alloc, run_free, run_ticks, run_console, run_exited, run_idle, NULL};
  eave_vm *vm = eave_vm_new(&port);
  eave_load_result result;
  if (vm == NULL || eave_vm_start(vm, image, length, "main", quota, &result) == 0) {
    fprintf(stderr, "eave-vm-run: %s refused: %s in %s %u at byte %u (%s)\n", argv[1],
            vm == NULL ? "no memory" : eave_error_name(result.error), eave_record_name(result.record),
            (unsigned)result.index, (unsigned)result.offset, result.message ? result.message : "");
    return 2;
  }
  eave_vm_run(vm);
  eave_vm_free(vm);
  return r.exit_code;
}
