/* The test port (harness.h). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *h_alloc(void *context, size_t size) {
  harness *h = context;
  if (h->fail_after && h->allocated + size > h->fail_after) return NULL;
  void *p = malloc(size);
  if (p) h->allocated += size;
  return p;
}

static void h_free(void *context, void *p, size_t size) {
  harness *h = context;
  h->allocated -= size;
  free(p);
}

static uint64_t h_ticks(void *context) { return ((harness *)context)->now; }

static void append(harness *h, const char *s, size_t n) {
  if (h->out_len + n + 1 > h->out_cap) {
    h->out_cap = (h->out_len + n + 1) * 2;
    h->out = realloc(h->out, h->out_cap);
    if (!h->out) abort();
  }
  memcpy(h->out + h->out_len, s, n);
  h->out_len += n;
  h->out[h->out_len] = 0;
}

static void h_console(void *context, uint32_t id, const char *name, const uint8_t *text, size_t length) {
  harness *h = context;
  (void)id;
  if (h->prefix_names) {
    append(h, name, strlen(name));
    append(h, ": ", 2);
  }
  append(h, (const char *)text, length);
  append(h, "\n", 1);
}

static void h_exited(void *context, uint32_t id, const char *name, const eave_exit *e) {
  harness *h = context;
  if (h->nexits >= HARNESS_MAX_EXITS) return;
  int i = h->nexits++;
  h->exits[i].id = id;
  snprintf(h->exits[i].name, sizeof h->exits[i].name, "%s", name);
  h->exits[i].kind = e->kind;
  h->exits[i].code = e->code;
  size_t n = e->message_length < sizeof h->exits[i].message - 1 ? e->message_length : sizeof h->exits[i].message - 1;
  if (n) memcpy(h->exits[i].message, e->message, n);
  h->exits[i].message[n] = 0;
  h->exits[i].trace_length = e->trace_length > 16 ? 16 : e->trace_length;
  memcpy(h->exits[i].trace, e->trace, sizeof(eave_trace_entry) * h->exits[i].trace_length);
}

static void h_idle(void *context, uint64_t until) {
  harness *h = context;
  if (until > h->now && until != UINT64_MAX) h->now = until;
}

static bool h_breakpoint(void *context, uint32_t id, uint32_t method, uint32_t offset) {
  harness *h = context;
  (void)id; (void)method; (void)offset;
  h->breakpoint_hits++;
  return false;
}

void harness_init(harness *h) {
  memset(h, 0, sizeof *h);
  h->now = 1000;
  h->port.context = h;
  h->port.alloc = h_alloc;
  h->port.free = h_free;
  h->port.ticks_ms = h_ticks;
  h->port.console = h_console;
  h->port.exited = h_exited;
  h->port.idle = h_idle;
  h->port.breakpoint = h_breakpoint;
}

void harness_reset_output(harness *h) {
  h->out_len = 0;
  if (h->out) h->out[0] = 0;
  h->nexits = 0;
}

void harness_done(harness *h) {
  free(h->out);
  h->out = NULL;
}

int harness_exit_index(harness *h, const char *name) {
  for (int i = 0; i < h->nexits; i++)
    if (strcmp(h->exits[i].name, name) == 0) return i;
  return -1;
}
