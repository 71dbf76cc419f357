/* The test port: malloc with accounting (every byte must come back), a virtual clock that jumps
 * ahead when the VM idles (so sleeping tests take no real time), a console and exit log. */
#ifndef EAVE_TEST_HARNESS_H
#define EAVE_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eave_vm.h"

#define HARNESS_MAX_EXITS 16

typedef struct {
  eave_port port;
  uint64_t now;
  size_t allocated;       /* bytes currently out */
  size_t fail_after;      /* fail allocations once this many bytes are out (0: never) */
  char *out;              /* console: "name: text\n" per line */
  size_t out_len, out_cap;
  bool prefix_names;
  struct {
    uint32_t id;
    char name[40];
    eave_exit_kind kind;
    int64_t code;
    char message[100];
    uint32_t trace_length;
    eave_trace_entry trace[16];
  } exits[HARNESS_MAX_EXITS];
  int nexits;
  int breakpoint_hits;
} harness;

void harness_init(harness *h);
void harness_reset_output(harness *h);
void harness_done(harness *h);
/* The exit record of container `name`, or NULL. */
int harness_exit_index(harness *h, const char *name);

#endif
