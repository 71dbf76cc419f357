/* Scripted debug sessions against the real VM: programs from the VM tests' assembler, requests
 * as the host sends them, answers and events checked byte by byte through the codec. Covers
 * attach before start (entry stop), breakpoints (and refused locations), stack and locals,
 * step over, into and out by ranges, objects (string bytes), continue to the exit, a second
 * container that keeps printing while the first is stopped, pause, tasks and globals of a
 * running container, and an uncaught exception stop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "debug_agent.h"
#include "debug_codec.h"
#include "harness.h"

static int failures;
#define EXPECT(cond) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL line %d: %s\n", __LINE__, #cond); } } while (0)

enum { SEL_OP = 0, SEL_COUNT };

/* ---- assembling with offsets ---- */
static uint32_t pc;
static void op(asm_image *A, int o, int64_t x, int64_t y) {
  asm_i(A, o, x, y, 0);
  pc += 1u + eave_operand_bytes[o];
}
#define O0(o) op(A, EAVE_OP_##o, 0, 0)
#define O1(o, x) op(A, EAVE_OP_##o, (x), 0)
#define OPRIM(name) op(A, EAVE_OP_CALL_PRIMITIVE, EAVE_P_##name, eave_primitive_arity[EAVE_P_##name] - 1)

typedef struct {
  uint8_t *bytes;
  size_t length;
  uint32_t add, main;
  uint32_t add_b;             /* offset of add's second line (LOAD_LOCAL 2; RETURN) */
  uint32_t line[8];           /* offsets where main's lines start; line[7]: end */
} debuggee;

/* add(a, b): sum := a + b (line A), return sum (line B).
 * main: x := 5 | y := add x 3 | s := "hello" | print "y=$y" | x := add x 1 | return null */
static debuggee make_debuggee(void) {
  debuggee d;
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  d.add = asm_declare(A);
  d.main = asm_method(A, 0, 0, 3, 6);
  asm_entry(A, d.main);
  pc = 0;
  d.line[0] = pc; O1(LOAD_SMI, 5); O1(STORE_LOCAL, 0); O0(POP);
  d.line[1] = pc; O1(LOAD_LOCAL, 0); O1(LOAD_SMI, 3); O1(CALL_STATIC, d.add); O1(STORE_LOCAL, 1); O0(POP);
  d.line[2] = pc; O1(LOAD_CONST, asm_string(A, "hello")); O1(STORE_LOCAL, 2); O0(POP);
  d.line[3] = pc; O1(LOAD_CONST, asm_string(A, "y=")); O1(LOAD_LOCAL, 1); OPRIM(STRINGIFY); O1(ADD, SEL_OP);
  OPRIM(PRINT); O0(POP);
  d.line[4] = pc; O1(LOAD_LOCAL, 0); O1(LOAD_SMI, 1); O1(CALL_STATIC, d.add); O1(STORE_LOCAL, 0); O0(POP);
  d.line[5] = pc; O0(LOAD_NULL); O0(RETURN);
  d.line[6] = d.line[7] = pc;
  asm_end(A);
  asm_begin(A, d.add, 0, 2, 1, 4);
  pc = 0;
  O1(LOAD_LOCAL, 0); O1(LOAD_LOCAL, 1); O1(ADD, SEL_OP); O1(STORE_LOCAL, 2); O0(POP);
  d.add_b = pc; O1(LOAD_LOCAL, 2); O0(RETURN);
  asm_end(A);
  d.bytes = asm_emit(A, &d.length);
  asm_free(A);
  return d;
}

/* "tick N" every 10 ms, `lines` times. */
static uint8_t *make_printer(size_t *n, int lines) {
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  asm_entry(A, asm_method(A, 0, 0, 1, 4));
  uint32_t top = asm_label(A), done = asm_label(A);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, lines); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, done);
  I1(LOAD_CONST, asm_string(A, "tick ")); I1(LOAD_LOCAL, 0); PRIM(STRINGIFY); I1(ADD, SEL_OP); PRIM(PRINT); I0(POP);
  I1(LOAD_SMI, 10); PRIM(SLEEP_MS); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 0); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I0(LOAD_NULL); I0(RETURN);
  uint8_t *b = asm_emit(A, n);
  asm_free(A);
  return b;
}

/* main: a global, then throws "boom" (uncaught). */
static uint8_t *make_thrower(size_t *n) {
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  I1(LOAD_CONST, asm_string(A, "boom")); I0(THROW);
  uint8_t *b = asm_emit(A, n);
  asm_free(A);
  return b;
}

/* ---- the host side ---- */
typedef struct {
  uint8_t bytes[EAVE_DEBUG_MAX_MESSAGE];
  size_t length;
} message;
static message inbox[256];
static int received, consumed;
static const uint8_t *installed_bytes;
static size_t installed_length;
static const char *installed_name;

static bool port_send(void *context, const uint8_t *bytes, size_t length) {
  (void)context;
  if (received < 256) {
    memcpy(inbox[received].bytes, bytes, length);
    inbox[received++].length = length;
  }
  return true;
}
static bool port_installed(void *context, const char *name, const uint8_t **bytes, size_t *length) {
  (void)context;
  if (!installed_name || strcmp(name, installed_name) != 0) return false;
  *bytes = installed_bytes;
  *length = installed_length;
  return true;
}

static uint32_t next_id = 1;
static eave_debug_agent *agent;

/* Sends a request built by `w` (after its head). */
static uint32_t request(eave_debug_writer *w) {
  eave_debug_agent_handle(agent, w->bytes, w->length);
  return 0;
}

static eave_debug_writer begin_request(uint8_t *buffer, uint8_t type, uint32_t *id) {
  eave_debug_writer w;
  eave_debug_writer_init(&w, buffer, EAVE_DEBUG_MAX_MESSAGE);
  *id = next_id++;
  eave_debug_put_head(&w, type, *id);
  return w;
}

/* A reader over a received message. */
typedef struct {
  const uint8_t *p, *end;
} rd;
static uint64_t rv(rd *r) {
  uint64_t v = 0;
  int shift = 0;
  while (r->p < r->end) {
    uint8_t b = *r->p++;
    v |= (uint64_t)(b & 0x7F) << shift;
    if (b < 0x80) break;
    shift += 7;
  }
  return v;
}
static int64_t rsv(rd *r) {
  uint64_t v = rv(r);
  return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}
typedef struct {
  int kind;
  int64_t i;
  uint32_t ref, size, klass;
  char text[80];
} value;
static value rval(rd *r) {
  value v = {0};
  v.kind = *r->p++;
  if (v.kind == EAVE_DBG_VALUE_INT) v.i = rsv(r);
  else if (v.kind == EAVE_DBG_VALUE_FLOAT) r->p += 8;
  else if (v.kind == EAVE_DBG_VALUE_STRING) {
    v.ref = (uint32_t)rv(r);
    v.size = (uint32_t)rv(r);
    uint32_t n = (uint32_t)rv(r);
    memcpy(v.text, r->p, n < 79 ? n : 79);
    r->p += n;
  } else if (v.kind == EAVE_DBG_VALUE_OBJECT) {
    v.ref = (uint32_t)rv(r);
    v.klass = (uint32_t)rv(r);
    v.size = (uint32_t)rv(r);
  }
  return v;
}

/* The next message of `type` (skipping none: every message must be the expected one). */
static rd expect(uint8_t type, uint32_t id) {
  rd r = {NULL, NULL};
  if (consumed >= received) {
    failures++;
    fprintf(stderr, "FAIL: no message of type %u (id %u)\n", type, id);
    static const uint8_t none[1];
    r.p = r.end = none;
    return r;
  }
  message *m = &inbox[consumed++];
  r.p = m->bytes;
  r.end = m->bytes + m->length;
  uint8_t got = *r.p++;
  uint32_t got_id = (uint32_t)rv(&r);
  if (got != type || got_id != id) {
    failures++;
    fprintf(stderr, "FAIL: expected type %u id %u, got type %u id %u", type, id, got, got_id);
    if (got == EAVE_DBG_ERROR) {
      uint32_t code = (uint32_t)rv(&r);
      uint32_t n = (uint32_t)rv(&r);
      fprintf(stderr, " (error %u: %.*s)", code, (int)n, (const char *)r.p);
    }
    fprintf(stderr, "\n");
  }
  return r;
}

static void expect_error(uint32_t id, uint32_t code) {
  rd r = expect(EAVE_DBG_ERROR, id);
  EXPECT(rv(&r) == code);
}

static void simple(uint8_t type) {
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, type, &id);
  request(&w);
  expect(EAVE_DBG_OK, id);
}

static uint32_t set_breakpoint(uint32_t method, uint32_t offset, bool ok) {
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, EAVE_DBG_SET_BREAKPOINT, &id);
  eave_debug_put_varint(&w, method);
  eave_debug_put_varint(&w, offset);
  request(&w);
  if (!ok) {
    expect_error(id, EAVE_DBG_BAD_LOCATION);
    return 0;
  }
  rd r = expect(EAVE_DBG_BREAKPOINT_SET, id);
  return (uint32_t)rv(&r);
}

static void step(uint32_t task, uint8_t mode, uint32_t from, uint32_t to) {
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, EAVE_DBG_STEP, &id);
  eave_debug_put_varint(&w, task);
  eave_debug_put_u8(&w, mode);
  eave_debug_put_varint(&w, 0);
  eave_debug_put_varint(&w, from == to ? 0 : 1);
  if (from != to) {
    eave_debug_put_varint(&w, from);
    eave_debug_put_varint(&w, to);
  }
  request(&w);
  expect(EAVE_DBG_OK, id);
  expect(EAVE_DBG_CONTINUED, 0);
}

/* The frames of `task`: fills methods/offsets innermost first; returns the total depth. */
static uint32_t stack(uint32_t task, uint32_t *methods, uint32_t *offsets, uint32_t max) {
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, EAVE_DBG_STACK, &id);
  eave_debug_put_varint(&w, task);
  eave_debug_put_varint(&w, 0);
  eave_debug_put_varint(&w, max);
  request(&w);
  rd r = expect(EAVE_DBG_FRAMES, id);
  uint32_t total = (uint32_t)rv(&r), n = (uint32_t)rv(&r);
  for (uint32_t i = 0; i < n && i < max; i++) {
    methods[i] = (uint32_t)rv(&r);
    offsets[i] = (uint32_t)rv(&r);
  }
  return total;
}

static uint32_t locals(uint32_t task, uint32_t frame, value *out, uint32_t count) {
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, EAVE_DBG_LOCALS, &id);
  eave_debug_put_varint(&w, task);
  eave_debug_put_varint(&w, frame);
  eave_debug_put_varint(&w, 0);
  eave_debug_put_varint(&w, count);
  request(&w);
  rd r = expect(EAVE_DBG_VALUES, id);
  uint32_t n = (uint32_t)rv(&r);
  for (uint32_t i = 0; i < n && i < count; i++) out[i] = rval(&r);
  return n;
}

static harness h;
static eave_vm *vm;

/* Steps the VM until a debug message arrives (or `limit` steps). */
static void run_until_message(int limit) {
  for (int i = 0; i < limit && consumed >= received; i++) {
    uint64_t wake;
    eave_step s = eave_vm_step(vm, &wake);
    if (s == EAVE_STEP_IDLE) h.now = wake; else h.now += 1;
    if (s == EAVE_STEP_EMPTY) break;
  }
}

static int count_lines(const char *prefix) {
  int n = 0;
  for (const char *p = h.out; p && (p = strstr(p, prefix)) != NULL; p++) n++;
  return n;
}

static void session_breakpoints_and_steps(void) {
  debuggee d = make_debuggee();
  size_t printer_length;
  uint8_t *printer = make_printer(&printer_length, 40);
  eave_load_result result;
  uint32_t other = eave_vm_start(vm, printer, printer_length, "other", 16384, &result);
  EXPECT(other != 0);
  installed_name = "dbg";
  installed_bytes = d.bytes;
  installed_length = d.length;

  /* Attach before START: state 2, the installed image's id. */
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, EAVE_DBG_ATTACH, &id);
  eave_debug_put_varint(&w, 3);
  eave_debug_put_bytes(&w, (const uint8_t *)"dbg", 3);
  request(&w);
  rd r = expect(EAVE_DBG_ATTACHED, id);
  EXPECT(rv(&r) == 0);
  EXPECT(rv(&r) == 16 && memcmp(r.p, d.bytes + 16, 16) == 0);
  r.p += 16;
  EXPECT(*r.p == EAVE_DBG_STATE_NOT_STARTED);

  uint32_t bp = set_breakpoint(d.add, 0, true);
  set_breakpoint(d.main, 1, false);       /* inside LOAD_SMI's operand */
  set_breakpoint(d.main + 5, 0, false);   /* no such method */
  EXPECT(bp != 0);

  /* START: created stopped before its first instruction. */
  uint32_t dbg = eave_vm_start(vm, d.bytes, d.length, "dbg", 16384, &result);
  EXPECT(dbg != 0);
  r = expect(EAVE_DBG_STOPPED, 0);
  uint32_t task = (uint32_t)rv(&r);
  EXPECT(*r.p == EAVE_DBG_REASON_ENTRY);
  uint32_t methods[8], offsets[8];
  EXPECT(stack(task, methods, offsets, 8) == 1 && methods[0] == d.main && offsets[0] == 0);

  /* The other container prints on while this one is stopped. */
  int before = count_lines("other: tick");
  for (int i = 0; i < 50; i++) {
    uint64_t wake;
    eave_vm_step(vm, &wake);
    h.now += 5;
  }
  EXPECT(count_lines("other: tick") > before + 5);
  EXPECT(count_lines("dbg:") == 0);
  EXPECT(consumed == received);

  /* Step over line 1: stops at line 2 with x = 5. */
  step(task, EAVE_DBG_STEP_OVER, d.line[0], d.line[1]);
  run_until_message(1000);
  r = expect(EAVE_DBG_STOPPED, 0);
  EXPECT(rv(&r) == task && *r.p == EAVE_DBG_REASON_STEP);
  EXPECT(stack(task, methods, offsets, 8) == 1 && offsets[0] == d.line[1]);
  value v[4];
  EXPECT(locals(task, 0, v, 3) == 3);
  EXPECT(v[0].kind == EAVE_DBG_VALUE_INT && v[0].i == 5 && v[1].kind == EAVE_DBG_VALUE_NULL);

  /* Step over line 2: the breakpoint in add stops it first. */
  step(task, EAVE_DBG_STEP_OVER, d.line[1], d.line[2]);
  run_until_message(1000);
  r = expect(EAVE_DBG_STOPPED, 0);
  EXPECT(rv(&r) == task && *r.p++ == EAVE_DBG_REASON_BREAKPOINT && rv(&r) == bp);
  EXPECT(stack(task, methods, offsets, 8) == 2);
  EXPECT(methods[0] == d.add && offsets[0] == 0 && methods[1] == d.main && offsets[1] == d.line[1] + 4);
  EXPECT(locals(task, 0, v, 3) == 3 && v[0].i == 5 && v[1].i == 3 && v[2].kind == EAVE_DBG_VALUE_NULL);
  EXPECT(locals(task, 1, v, 1) == 1 && v[0].i == 5);

  /* Clear it; step over add's first line: sum = 8. */
  {
    eave_debug_writer c = begin_request(b, EAVE_DBG_CLEAR_BREAKPOINT, &id);
    eave_debug_put_varint(&c, bp);
    request(&c);
    expect(EAVE_DBG_OK, id);
  }
  step(task, EAVE_DBG_STEP_OVER, 0, d.add_b);
  run_until_message(1000);
  r = expect(EAVE_DBG_STOPPED, 0);
  EXPECT(stack(task, methods, offsets, 8) == 2 && methods[0] == d.add && offsets[0] == d.add_b);
  EXPECT(locals(task, 0, v, 3) == 3 && v[2].kind == EAVE_DBG_VALUE_INT && v[2].i == 8);

  /* Step out: back in main after the call, in the middle of line 2. */
  step(task, EAVE_DBG_STEP_OUT, 0, 0);
  run_until_message(1000);
  r = expect(EAVE_DBG_STOPPED, 0);
  EXPECT(stack(task, methods, offsets, 8) == 1 && methods[0] == d.main && offsets[0] == d.line[1] + 7);

  /* Over the rest of line 2 and over line 3: s is "hello". */
  step(task, EAVE_DBG_STEP_OVER, d.line[1], d.line[2]);
  run_until_message(1000);
  expect(EAVE_DBG_STOPPED, 0);
  step(task, EAVE_DBG_STEP_OVER, d.line[2], d.line[3]);
  run_until_message(1000);
  expect(EAVE_DBG_STOPPED, 0);
  EXPECT(stack(task, methods, offsets, 8) == 1 && offsets[0] == d.line[3]);
  EXPECT(locals(task, 0, v, 3) == 3 && v[1].i == 8 && v[2].kind == EAVE_DBG_VALUE_STRING && v[2].size == 5 &&
         strcmp(v[2].text, "hello") == 0);
  {
    eave_debug_writer o = begin_request(b, EAVE_DBG_OBJECT, &id);
    eave_debug_put_varint(&o, v[2].ref);
    eave_debug_put_varint(&o, 1);
    eave_debug_put_varint(&o, 2);
    request(&o);
    r = expect(EAVE_DBG_VALUES, id);
    EXPECT(rv(&r) == 2);
    value e = rval(&r), l = rval(&r);
    EXPECT(e.i == 'e' && l.i == 'l');
  }

  /* Over line 4 (prints), then into line 5's call of add. */
  step(task, EAVE_DBG_STEP_OVER, d.line[3], d.line[4]);
  run_until_message(1000);
  expect(EAVE_DBG_STOPPED, 0);
  EXPECT(count_lines("dbg: y=8") == 1);
  step(task, EAVE_DBG_STEP_IN, d.line[4], d.line[5]);
  run_until_message(1000);
  expect(EAVE_DBG_STOPPED, 0);
  EXPECT(stack(task, methods, offsets, 8) == 2 && methods[0] == d.add && offsets[0] == 0);
  EXPECT(locals(task, 0, v, 2) == 2 && v[0].i == 5 && v[1].i == 1);

  /* A reference from before a resume is stale. */
  {
    uint32_t old = v[0].ref;
    (void)old;
    eave_debug_writer o = begin_request(b, EAVE_DBG_OBJECT, &id);
    eave_debug_put_varint(&o, 40);
    eave_debug_put_varint(&o, 0);
    eave_debug_put_varint(&o, 1);
    request(&o);
    expect_error(id, EAVE_DBG_STALE_REFERENCE);
  }

  /* Continue to the exit. */
  simple(EAVE_DBG_CONTINUE);
  expect(EAVE_DBG_CONTINUED, 0);
  run_until_message(1000);
  r = expect(EAVE_DBG_EXITED, 0);
  EXPECT(rsv(&r) == 0);
  int at = harness_exit_index(&h, "dbg");
  EXPECT(at >= 0 && h.exits[at].kind == EAVE_EXIT_CODE && h.exits[at].code == 0);

  /* Detached with the exit: requests say so. */
  w = begin_request(b, EAVE_DBG_TASKS, &id);
  request(&w);
  expect_error(id, EAVE_DBG_NOT_ATTACHED);

  /* Attach to the running printer: pause, tasks, stack, continue, detach. */
  w = begin_request(b, EAVE_DBG_ATTACH, &id);
  eave_debug_put_varint(&w, 5);
  eave_debug_put_bytes(&w, (const uint8_t *)"other", 5);
  request(&w);
  r = expect(EAVE_DBG_ATTACHED, id);
  EXPECT(rv(&r) != 0);
  r.p += 17;
  EXPECT(*r.p == EAVE_DBG_STATE_RUNNING);
  w = begin_request(b, EAVE_DBG_STACK, &id);
  eave_debug_put_varint(&w, 1);
  eave_debug_put_varint(&w, 0);
  eave_debug_put_varint(&w, 1);
  request(&w);
  expect_error(id, EAVE_DBG_NOT_STOPPED);
  simple(EAVE_DBG_PAUSE);
  r = expect(EAVE_DBG_STOPPED, 0);
  uint32_t printer_task = (uint32_t)rv(&r);
  EXPECT(*r.p == EAVE_DBG_REASON_PAUSE);
  before = count_lines("other: tick");
  for (int i = 0; i < 20; i++) {
    uint64_t wake;
    eave_vm_step(vm, &wake);
    h.now += 20;
  }
  EXPECT(count_lines("other: tick") == before);
  w = begin_request(b, EAVE_DBG_TASKS, &id);
  request(&w);
  r = expect(EAVE_DBG_TASK_LIST, id);
  EXPECT(rv(&r) == 1 && rv(&r) == printer_task);
  EXPECT(locals(printer_task, 0, v, 1) == 1 && v[0].kind == EAVE_DBG_VALUE_INT);
  simple(EAVE_DBG_DETACH);
  expect(EAVE_DBG_CONTINUED, 0);
  for (int i = 0; i < 20; i++) {
    uint64_t wake;
    eave_vm_step(vm, &wake);
    h.now += 20;
  }
  EXPECT(count_lines("other: tick") > before);
  EXPECT(consumed == received);
  eave_vm_kill(vm, other);
  while (eave_vm_step(vm, NULL) != EAVE_STEP_EMPTY) h.now += 20;
  free(d.bytes);
  free(printer);
}

static void session_exception(void) {
  size_t n;
  uint8_t *thrower = make_thrower(&n);
  installed_name = "boom";
  installed_bytes = thrower;
  installed_length = n;
  uint8_t b[EAVE_DEBUG_MAX_MESSAGE];
  uint32_t id;
  eave_debug_writer w = begin_request(b, EAVE_DBG_ATTACH, &id);
  eave_debug_put_varint(&w, 4);
  eave_debug_put_bytes(&w, (const uint8_t *)"boom", 4);
  request(&w);
  expect(EAVE_DBG_ATTACHED, id);
  w = begin_request(b, EAVE_DBG_SET_EXCEPTION_STOPS, &id);
  eave_debug_put_u8(&w, 1);
  request(&w);
  expect(EAVE_DBG_OK, id);
  eave_load_result result;
  EXPECT(eave_vm_start(vm, thrower, n, "boom", 16384, &result) != 0);
  expect(EAVE_DBG_STOPPED, 0);
  simple(EAVE_DBG_CONTINUE);
  expect(EAVE_DBG_CONTINUED, 0);
  run_until_message(100);
  rd r = expect(EAVE_DBG_STOPPED, 0);
  rv(&r);
  EXPECT(*r.p++ == EAVE_DBG_REASON_EXCEPTION);
  rv(&r);
  value e = rval(&r);
  EXPECT(e.kind == EAVE_DBG_VALUE_STRING && strcmp(e.text, "boom") == 0);
  EXPECT(*r.p == 1);
  EXPECT(harness_exit_index(&h, "boom") < 0);
  simple(EAVE_DBG_CONTINUE);
  expect(EAVE_DBG_CONTINUED, 0);
  run_until_message(100);
  r = expect(EAVE_DBG_EXITED, 0);
  EXPECT(rsv(&r) == 1);
  uint32_t len = (uint32_t)rv(&r);
  EXPECT(len == strlen("uncaught exception: boom") && memcmp(r.p, "uncaught exception: boom", len) == 0);
  while (eave_vm_step(vm, NULL) != EAVE_STEP_EMPTY) h.now += 20;
  free(thrower);
}

int main(void) {
  harness_init(&h);
  h.prefix_names = true;
  h.port.breakpoint = NULL;
  vm = eave_vm_new(&h.port);
  eave_debug_agent_port port = {NULL, port_send, port_installed};
  agent = eave_debug_agent_new(vm, &port);
  session_breakpoints_and_steps();
  session_exception();
  eave_debug_agent_free(agent);
  eave_vm_free(vm);
  EXPECT(h.allocated == 0);
  harness_done(&h);
  printf("debug sessions: %d messages checked, %d failures\n", consumed, failures);
  return failures ? 1 : 0;
}
