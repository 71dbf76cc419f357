/* The verifier against corrupt and hostile images: hand-made faults that must be refused with
 * the right error, then thousands of mutations of valid images (bit flips, byte overwrites,
 * truncations, code scrambling; the CRC mostly recomputed so that mutations reach the deeper
 * checks). Whatever the loader accepts is run with a bounded budget. Built with ASan and UBSan:
 * no image may make the VM crash or read out of bounds. Usage: vm_fuzz [iterations [seed]]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "crc32.h"
#include "harness.h"

static int failed, passed;
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 11);
}

enum { SEL_OP, SEL_SPEAK, SEL_COUNT };

static void fix_crc(uint8_t *b, size_t n) {
  if (n < 32) return;
  uint32_t size = eave_u32(b + 8);
  if (size > n || size < 32) return;
  uint32_t crc = eave_crc32(b + 32, size - 32);
  memcpy(b + 12, &crc, 4);
}

/* A program touching most opcodes: classes, blocks, lambdas, handlers, globals. */
static uint8_t *rich_program(size_t *length) {
  asm_image *A = asm_new();
  asm_core k = asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  uint32_t animal = asm_class(A, k.object, 0, "Animal", 2);
  uint32_t speak = asm_method(A, EAVE_METHOD_INSTANCE, 1, 0, 3);
  I1(LOAD_THIS_FIELD, 0); I1(LOAD_THIS_FIELD, 1); I1(ADD, SEL_OP); I0(RETURN);
  asm_dispatch(A, animal, SEL_SPEAK, speak);
  uint32_t blk = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  uint32_t no = asm_label(A);
  I2(LOAD_OUTER, 1, 0); I1(LOAD_LOCAL, 1); I1(ADD, SEL_OP); I2(STORE_OUTER, 1, 0); I0(POP);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 3); I1(EQ, SEL_OP); I1(JUMP_IF_FALSE, no);
  I1(LOAD_SMI, 42); I0(NON_LOCAL_RETURN);
  asm_bind(A, no);
  I0(LOAD_NULL); I0(RETURN);
  uint32_t times = asm_method(A, 0, 2, 1, 4);
  uint32_t top = asm_label(A), done = asm_label(A);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 2); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 2); I1(LOAD_LOCAL, 0); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, done);
  I1(LOAD_LOCAL, 1); I1(LOAD_LOCAL, 2); I1(CALL_BLOCK, 2); I0(POP);
  I1(LOAD_LOCAL, 2); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 2); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I0(LOAD_NULL); I0(RETURN);
  uint32_t lam = asm_method(A, EAVE_METHOD_LAMBDA, 2, 0, 3);
  I1(LOAD_CAPTURED, 0); I1(LOAD_LOCAL, 1); I1(MUL, SEL_OP); I0(RETURN);
  uint32_t init = asm_method(A, 0, 0, 0, 2);
  I1(LOAD_CONST, asm_float(A, 2.5)); I0(RETURN);
  uint32_t g = asm_global(A, init);
  uint32_t main = asm_method(A, 0, 0, 2, 6);
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A), f = asm_label(A);
  asm_bind(A, s);
  I1(ALLOCATE, animal); I0(DUP); I1(LOAD_CONST, asm_string(A, "a")); I1(STORE_FIELD, 0); I0(POP);
  I0(DUP); I1(LOAD_CONST, asm_string(A, "b")); I1(STORE_FIELD, 1); I0(POP);
  I2(CALL_VIRTUAL, SEL_SPEAK, 1); PRIM(PRINT); I0(POP);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_SMI, 5); I1(CREATE_BLOCK, blk); I1(CALL_STATIC, times); I0(POP);
  I1(LOAD_SMI, 7); I2(CREATE_LAMBDA, lam, 1); I1(STORE_LOCAL, 1); I1(LOAD_SMI, 6); I1(CALL_BLOCK, 2);
  PRIM(STRINGIFY); PRIM(PRINT); I0(POP);
  I1(LOAD_GLOBAL, g); PRIM(STRINGIFY); PRIM(PRINT); I0(POP);
  I1(LOAD_SMI, 3); I0(LOAD_NULL); PRIM(ARRAY_NEW); I1(LOAD_SMI, 1); PRIM(ARRAY_AT); I0(POP);
  I1(LOAD_CONST, asm_string(A, "oops")); I0(THROW);
  asm_bind(A, e);
  asm_bind(A, h);
  asm_handler(A, 0, s, e, h, 0);
  PRIM(PRINT); I0(POP);
  I1(LOAD_SMI, 1); I1(JUMP_IF_TRUE, f);
  I0(LOAD_NULL); I0(RETURN);
  asm_bind(A, f);
  I1(LOAD_SMI, 0); I0(RETURN);
  asm_entry(A, main);
  uint8_t *b = asm_emit(A, length);
  asm_free(A);
  return b;
}

static uint8_t *tiny_program(size_t *length) {
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  I1(LOAD_CONST, asm_string(A, "hi")); PRIM(PRINT); I0(RETURN);
  uint8_t *b = asm_emit(A, length);
  asm_free(A);
  return b;
}

/* Builds a one-method program whose entry code is `code`. */
static uint8_t *code_program(const uint8_t *code, size_t n, uint32_t arity, uint32_t locals, uint32_t max_stack, size_t *length) {
  asm_image *A = asm_new();
  asm_add_core(A);
  asm_selectors(A, SEL_COUNT);
  asm_string(A, "s");
  asm_entry(A, asm_method(A, 0, arity, locals, max_stack));
  asm_raw(A, code, n);
  uint8_t *b = asm_emit(A, length);
  asm_free(A);
  return b;
}

static void expect_refused(const char *what, uint8_t *b, size_t n, eave_error want) {
  harness h;
  harness_init(&h);
  eave_load_result r;
  eave_error e = eave_image_check(&h.port, b, n, &r);
  if (e != want) {
    fprintf(stderr, "FAIL %s: got %s (%s), want %s\n", what, eave_error_name(e), r.message, eave_error_name(want));
    failed++;
  } else if (h.allocated != 0) {
    fprintf(stderr, "FAIL %s: verifier leaked %zu bytes\n", what, h.allocated);
    failed++;
  } else {
    passed++;
  }
  harness_done(&h);
}

static void handmade(void) {
  size_t n;
  uint8_t *b = tiny_program(&n);
  expect_refused("valid", b, n, EAVE_OK);
  expect_refused("short", b, 50, EAVE_ERR_TRUNCATED);
  expect_refused("truncated", b, n - 4, EAVE_ERR_TRUNCATED);
  b[0] = 'X'; expect_refused("magic", b, n, EAVE_ERR_MAGIC); b[0] = 'E';
  b[4] = 2; expect_refused("version", b, n, EAVE_ERR_VERSION); b[4] = 1;
  b[6] = 1; expect_refused("flags", b, n, EAVE_ERR_FLAGS); b[6] = 0;
  b[n - 1] ^= 0x40; expect_refused("crc", b, n, EAVE_ERR_CRC); b[n - 1] ^= 0x40;
  uint32_t big = 70000; memcpy(b + 36, &big, 4); fix_crc(b, n);
  expect_refused("class limit", b, n, EAVE_ERR_LIMIT);
  free(b);
  b = tiny_program(&n);
  uint32_t bad = 3; memcpy(b + EAVE_HEADER_SIZE, &bad, 4); fix_crc(b, n);
  expect_refused("offset", b, n, EAVE_ERR_OFFSET);
  free(b);
  b = tiny_program(&n);
  uint32_t entry = 5; memcpy(b + 52, &entry, 4); fix_crc(b, n);
  expect_refused("entry", b, n, EAVE_ERR_ENTRY);
  uint32_t none = ASM_NONE; memcpy(b + 52, &entry, 4); entry = 0; memcpy(b + 52, &entry, 4);
  memcpy(b + 56 + 4 * EAVE_WK_STRING, &none, 4); fix_crc(b, n);
  expect_refused("well-known", b, n, EAVE_ERR_ENTRY);
  free(b);

  struct { const char *what; uint8_t code[8]; size_t n; uint32_t locals, max_stack; } cases[] = {
    { "underflow", { EAVE_OP_POP, EAVE_OP_LOAD_NULL, EAVE_OP_RETURN }, 3, 0, 2 },
    { "overflow", { EAVE_OP_LOAD_NULL, EAVE_OP_LOAD_NULL, EAVE_OP_RETURN }, 3, 0, 1 },
    { "unknown opcode", { 0xEE, EAVE_OP_RETURN }, 2, 0, 2 },
    { "falls off", { EAVE_OP_LOAD_NULL }, 1, 0, 2 },
    { "operand past end", { EAVE_OP_LOAD_NULL, EAVE_OP_LOAD_CONST, 0 }, 3, 0, 2 },
    { "local slot", { EAVE_OP_LOAD_LOCAL, 3, EAVE_OP_RETURN }, 3, 2, 2 },
    { "constant index", { EAVE_OP_LOAD_CONST, 0xFF, 0x7F, EAVE_OP_RETURN }, 4, 0, 2 },
    { "jump into operand", { EAVE_OP_LOAD_SMI, 1, EAVE_OP_JUMP, 0xFC, 0xFF }, 5, 0, 2 },
    { "jump outside", { EAVE_OP_JUMP, 0x10, 0x00 }, 3, 0, 2 },
    { "depth mismatch", { EAVE_OP_LOAD_TRUE, EAVE_OP_JUMP_IF_TRUE, 1, 0, EAVE_OP_LOAD_NULL, EAVE_OP_LOAD_NULL, EAVE_OP_RETURN }, 7, 0, 3 },
    { "primitive arity", { EAVE_OP_LOAD_NULL, EAVE_OP_CALL_PRIMITIVE, 0, 0, 2, EAVE_OP_RETURN }, 6, 0, 3 },
    { "unknown primitive", { EAVE_OP_CALL_PRIMITIVE, 200, 0, 0, EAVE_OP_RETURN }, 5, 0, 3 },
    { "static arity", { EAVE_OP_CALL_STATIC, 0, 0, EAVE_OP_RETURN }, 4, 0, 2 },  /* main calls itself: ok */
    { "selector", { EAVE_OP_LOAD_NULL, EAVE_OP_CALL_VIRTUAL, 0x40, 0, 1, EAVE_OP_RETURN }, 6, 0, 2 },
    { "global", { EAVE_OP_LOAD_GLOBAL, 0, 0, EAVE_OP_RETURN }, 4, 0, 2 },
  };
  eave_error want[] = { EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE,
                        EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE, EAVE_ERR_CODE,
                        EAVE_OK, EAVE_ERR_CODE, EAVE_ERR_CODE };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    b = code_program(cases[i].code, cases[i].n, 0, cases[i].locals, cases[i].max_stack, &n);
    expect_refused(cases[i].what, b, n, want[i]);
    free(b);
  }
}

/* Runs an accepted image for a few slices. */
static void run_bounded(const uint8_t *b, size_t n) {
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  eave_load_result r;
  if (eave_vm_start(vm, b, n, "fuzz", 8192, &r)) {
    for (int i = 0; i < 3; i++) {
      uint64_t wake;
      eave_step s = eave_vm_step(vm, &wake);
      if (s == EAVE_STEP_EMPTY || s == EAVE_STEP_BLOCKED) break;
      if (s == EAVE_STEP_IDLE) h.now = wake;
    }
  }
  eave_vm_free(vm);
  if (h.allocated != 0) {
    fprintf(stderr, "FAIL fuzz run leaked %zu bytes\n", h.allocated);
    failed++;
  }
  harness_done(&h);
}

int main(int argc, char **argv) {
  handmade();
  int iterations = argc > 1 ? atoi(argv[1]) : 2000;
  if (argc > 2) rng ^= (uint64_t)strtoull(argv[2], NULL, 0) * 0x2545F4914F6CDD1Dull;
  size_t base_n[2];
  uint8_t *base[2] = { rich_program(&base_n[0]), tiny_program(&base_n[1]) };
  run_bounded(base[0], base_n[0]);
  int accepted = 0;
  for (int it = 0; it < iterations; it++) {
    int which = it % 5 == 4;
    size_t n = base_n[which];
    uint8_t *b = malloc(n);
    memcpy(b, base[which], n);
    uint32_t kind = next_random() % 7;
    switch (kind) {
      case 0: {  /* bit flips anywhere after the header */
        int flips = 1 + (int)(next_random() % 4);
        for (int i = 0; i < flips; i++) {
          size_t at = 32 + next_random() % (n - 32);
          b[at] ^= (uint8_t)(1u << (next_random() % 8));
        }
        break;
      }
      case 1: {  /* random bytes */
        int k = 1 + (int)(next_random() % 8);
        for (int i = 0; i < k; i++) b[32 + next_random() % (n - 32)] = (uint8_t)next_random();
        break;
      }
      case 2: {  /* truncation, size field following */
        size_t cut = next_random() % n;
        n = cut;
        if (n >= 12 && next_random() % 2) { uint32_t s = (uint32_t)n; memcpy(b + 8, &s, 4); }
        break;
      }
      case 3: {  /* small integers in the tables and records: indices and counts */
        size_t at = 32 + (next_random() % ((n - 32) / 4)) * 4;
        uint32_t v = next_random() % 3 == 0 ? next_random() : next_random() % 300;
        memcpy(b + at, &v, 4);
        break;
      }
      case 5: case 6: {  /* in the records: an opcode, or a small operand, so code stays plausible */
        uint32_t records = eave_u32(b + 32) + eave_u32(b + 36) + eave_u32(b + 40) + eave_u32(b + 44);
        size_t start = EAVE_HEADER_SIZE + 4 * (size_t)records;
        if (start >= n) break;
        int k = 1 + (int)(next_random() % 3);
        for (int i = 0; i < k; i++) {
          size_t at = start + next_random() % (n - start);
          b[at] = (uint8_t)(kind == 5 ? next_random() % EAVE_OP_COUNT : next_random() % 8);
        }
        break;
      }
      case 4: {  /* header counts and well-known classes */
        size_t at = 32 + 4 * (next_random() % 18);
        uint32_t v = next_random() % 4 == 0 ? 0xFFFFFFFFu : next_random() % 40;
        memcpy(b + at, &v, 4);
        break;
      }
    }
    if (next_random() % 10 != 0) fix_crc(b, n);
    harness h;
    harness_init(&h);
    eave_load_result r;
    eave_error e = eave_image_check(&h.port, b, n, &r);
    if (h.allocated != 0) { fprintf(stderr, "FAIL verifier leaked on iteration %d\n", it); failed++; }
    harness_done(&h);
    if (e == EAVE_OK) {
      accepted++;
      run_bounded(b, n);
    } else if (r.message == NULL) {
      fprintf(stderr, "FAIL iteration %d: refused without a message\n", it);
      failed++;
    }
    free(b);
  }
  free(base[0]);
  free(base[1]);
  printf("handmade: %d passed, %d failed; fuzz: %d mutated images, %d accepted and run\n", passed, failed, iterations, accepted);
  return failed ? 1 : 0;
}
