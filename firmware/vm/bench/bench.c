/* The VM's timed harness: a few programs built with the test assembler (a counting loop,
 * recursive static calls, virtual calls, allocation with collections, block calls), each run in
 * a fresh VM; reports bytecodes executed, bytecodes per second and ns per bytecode.
 * Times are process CPU time, the best of three runs. Usage: vm_bench [scale] (1: a quick smoke
 * run; default 10). Host-only (clock_gettime). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "asm.h"
#include "harness.h"

enum { SEL_OP, SEL_GET, SEL_COUNT };

/* CPU time of this process: the machine running the benchmark is often shared. */
static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* main: i = 0; while i < n: <body>; i++ */
static uint8_t *loop_program(int64_t n, size_t *length) {
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  asm_entry(A, asm_method(A, 0, 0, 2, 4));
  uint32_t top = asm_label(A), done = asm_label(A);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 1); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 0); I1(LOAD_CONST, asm_int(A, n)); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, done);
  I1(LOAD_LOCAL, 1); I1(LOAD_LOCAL, 0); I1(ADD, SEL_OP); I1(STORE_LOCAL, 1); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 0); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I0(LOAD_NULL); I0(RETURN);
  uint8_t *b = asm_emit(A, length);
  asm_free(A);
  return b;
}

static uint8_t *fib_program(int n, size_t *length) {
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  uint32_t fib = asm_declare(A);
  asm_begin(A, fib, 0, 1, 0, 4);
  uint32_t rec = asm_label(A);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 2); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, rec);
  I1(LOAD_LOCAL, 0); I0(RETURN);
  asm_bind(A, rec);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(SUB, SEL_OP); I1(CALL_STATIC, fib);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 2); I1(SUB, SEL_OP); I1(CALL_STATIC, fib);
  I1(ADD, SEL_OP); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  I1(LOAD_SMI, n); I1(CALL_STATIC, fib); I0(RETURN);
  uint8_t *b = asm_emit(A, length);
  asm_free(A);
  return b;
}

/* kind 0: virtual call of a getter; 1: allocate an instance of 3 fields; 2: call a block */
static uint8_t *object_program(int kind, int64_t n, size_t *length) {
  asm_image *A = asm_new();
  asm_core k = asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  uint32_t point = asm_class(A, k.object, 0, "Point", 3);
  uint32_t get = asm_method(A, EAVE_METHOD_INSTANCE, 1, 0, 1);
  I1(LOAD_THIS_FIELD, 0); I0(RETURN);
  asm_dispatch(A, point, SEL_GET, get);
  uint32_t blk = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  I2(LOAD_OUTER, 1, 2); I1(LOAD_LOCAL, 1); I1(ADD, SEL_OP); I2(STORE_OUTER, 1, 2); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 4, 4));
  uint32_t top = asm_label(A), done = asm_label(A);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  I1(ALLOCATE, point); I0(DUP); I1(LOAD_SMI, 7); I1(STORE_FIELD, 0); I0(POP); I1(STORE_LOCAL, 1); I0(POP);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 2); I0(POP);
  I1(CREATE_BLOCK, blk); I1(STORE_LOCAL, 3); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 0); I1(LOAD_CONST, asm_int(A, n)); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, done);
  if (kind == 0) { I1(LOAD_LOCAL, 1); I2(CALL_VIRTUAL, SEL_GET, 1); I0(POP); }
  if (kind == 1) { I1(ALLOCATE, point); I0(POP); }
  if (kind == 2) { I1(LOAD_LOCAL, 3); I1(LOAD_LOCAL, 0); I1(CALL_BLOCK, 2); I0(POP); }
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 0); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I0(LOAD_NULL); I0(RETURN);
  uint8_t *b = asm_emit(A, length);
  asm_free(A);
  return b;
}

#if EAVE_BENCH_AGENT
/* The debug agent compiled in and attached (exception stops on), no breakpoint: the overhead
 * docs/debug-agent.md quotes (vm-debug-agent/CMakeLists.txt builds this as vm_bench_agent). */
#include "debug_agent.h"
static bool bench_send(void *context, const uint8_t *bytes, size_t length) {
  (void)context; (void)bytes; (void)length;
  return true;
}
static void bench_attach(eave_debug_agent *agent, const char *name) {
  uint8_t request[64] = {1, 1, (uint8_t)strlen(name)};
  memcpy(request + 3, name, strlen(name));
  eave_debug_agent_handle(agent, request, 3 + strlen(name));
  const uint8_t stops[] = {5, 2, 1};
  eave_debug_agent_handle(agent, stops, sizeof stops);
}
#endif

static double run_once(const char *name, const uint8_t *b, size_t n, uint64_t *bytecodes_out, uint32_t *gcs_out) {
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  eave_load_result r;
  uint32_t id = eave_vm_start(vm, b, n, name, 65536, &r);
  if (!id) { fprintf(stderr, "%s: refused: %s\n", name, r.message); exit(1); }
#if EAVE_BENCH_AGENT
  eave_debug_agent_port agent_port = {NULL, bench_send, NULL};
  eave_debug_agent *agent = eave_debug_agent_new(vm, &agent_port);
  bench_attach(agent, name);
#endif
  eave_container_stats s = { 0 };
  uint64_t bytecodes = 0;
  uint32_t gcs = 0;
  double t0 = now_s();
  for (;;) {
    eave_vm_stats(vm, id, &s);
    if (s.live) { bytecodes = s.bytecodes; gcs = s.gc_count; }
    uint64_t wake;
    eave_step step = eave_vm_step(vm, &wake);
    if (step == EAVE_STEP_EMPTY || step == EAVE_STEP_BLOCKED) break;
  }
  double t = now_s() - t0;
  if (h.nexits != 1 || h.exits[0].kind != EAVE_EXIT_CODE) { fprintf(stderr, "%s: did not exit cleanly\n", name); exit(1); }
#if EAVE_BENCH_AGENT
  eave_debug_agent_free(agent);
#endif
  eave_vm_free(vm);
  harness_done(&h);
  *bytecodes_out = bytecodes;
  *gcs_out = gcs;
  return t;
}

static void run(const char *name, uint8_t *b, size_t n) {
  uint64_t bytecodes = 0;
  uint32_t gcs = 0;
  double best = 1e30;
  for (int i = 0; i < 3; i++) {
    double t = run_once(name, b, n, &bytecodes, &gcs);
    if (t < best) best = t;
  }
  printf("%-10s %12llu bytecodes %8.3f s %8.1f M bytecodes/s %6.2f ns/bytecode %6u GCs\n", name,
         (unsigned long long)bytecodes, best, bytecodes / best / 1e6, best * 1e9 / (double)(bytecodes ? bytecodes : 1), gcs);
  free(b);
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 10;
  if (scale < 1) scale = 1;
  size_t n;
  uint8_t *b;
  b = loop_program(1000000LL * scale, &n); run("loop", b, n);
  b = fib_program(scale >= 10 ? 30 : 20, &n); run("fib", b, n);
  b = object_program(0, 500000LL * scale, &n); run("virtual", b, n);
  b = object_program(1, 500000LL * scale, &n); run("allocate", b, n);
  b = object_program(2, 500000LL * scale, &n); run("block", b, n);
  return 0;
}
