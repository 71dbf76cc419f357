/* Programs with expectations (in the style of Wren's test/): each test assembles a small program,
 * runs it in a VM on the test port and compares the console output and the exit report. Also
 * runs every docs/vectors/image/NAME.bin that has a NAME.expect beside it. */
#ifndef EAVE_TEST_NO_FILES
#include <dirent.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "harness.h"

static int passed, failed;
static const char *current;

#define EXPECT(cond) do { if (!(cond)) { fprintf(stderr, "FAIL %s: %s:%d: %s\n", current, __FILE__, __LINE__, #cond); failed++; return; } } while (0)
#define EXPECT_STR(got, want) do { \
    if (strcmp((got) ? (got) : "", (want)) != 0) { \
      fprintf(stderr, "FAIL %s: %s:%d:\n--- got ---\n%s--- want ---\n%s-----------\n", current, __FILE__, __LINE__, (got) ? (got) : "", (want)); \
      failed++; return; } } while (0)

/* Selectors the tests use. */
enum { SEL_OP = 0, SEL_SPEAK, SEL_NAME, SEL_SIZE, SEL_EQ, SEL_COUNT };

static void print_const(asm_image *A, const char *s) {
  I1(LOAD_CONST, asm_string(A, s));
  PRIM(PRINT);
  I0(POP);
}
static void print_top(asm_image *A) {
  PRIM(STRINGIFY);
  PRIM(PRINT);
  I0(POP);
}

typedef struct {
  asm_image *a;
  asm_core k;
  uint8_t *bytes;
  size_t length;
} program;

static program begin(void) {
  program p;
  p.a = asm_new();
  p.k = asm_add_core(p.a);
  asm_selectors(p.a, SEL_COUNT);
  p.bytes = NULL;
  return p;
}
static void finish(program *p) {
  p->bytes = asm_emit(p->a, &p->length);
  asm_free(p->a);
  p->a = NULL;
}

/* Runs one program to its end; checks output and exit. */
static void expect_program(program *p, size_t quota, const char *out, eave_exit_kind kind, int64_t code, const char *message) {
  finish(p);
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  eave_load_result r;
  uint32_t id = eave_vm_start(vm, p->bytes, p->length, "main", quota, &r);
  if (!id) {
    fprintf(stderr, "FAIL %s: refused: %s %s index %u offset %u: %s\n", current, eave_error_name(r.error),
            eave_record_name(r.record), (unsigned)r.index, (unsigned)r.offset, r.message);
    failed++;
    eave_vm_free(vm);
    free(p->bytes);
    harness_done(&h);
    return;
  }
  eave_step s = eave_vm_run(vm);
  eave_vm_free(vm);
  free(p->bytes);
  if (s != EAVE_STEP_EMPTY) { fprintf(stderr, "FAIL %s: run ended with %d\n", current, (int)s); failed++; harness_done(&h); return; }
  if (h.allocated != 0) { fprintf(stderr, "FAIL %s: %zu bytes leaked\n", current, h.allocated); failed++; harness_done(&h); return; }
  char *got = h.out ? h.out : "";
  if (strcmp(got, out) != 0 || h.nexits != 1 || h.exits[0].kind != kind || h.exits[0].code != code ||
      (message && strcmp(h.exits[0].message, message) != 0)) {
    fprintf(stderr, "FAIL %s:\n--- got ---\n%s--- want ---\n%s--- exit: got kind %d code %lld \"%s\", want kind %d code %lld \"%s\"\n",
            current, got, out, h.nexits ? (int)h.exits[0].kind : -1, h.nexits ? (long long)h.exits[0].code : 0,
            h.nexits ? h.exits[0].message : "", (int)kind, (long long)code, message ? message : "*");
    failed++;
  } else {
    passed++;
  }
  harness_done(&h);
}

#define TEST(name) static void test_##name(void)
#define RUN(name) do { current = #name; test_##name(); } while (0)

TEST(hello) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 0, 4));
  print_const(A, "hello, world");
  I0(LOAD_NULL);
  I0(RETURN);
  expect_program(&p, 16384, "hello, world\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(arithmetic) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 0, 4));
  I1(LOAD_SMI, 1); I1(LOAD_SMI, 2); I1(LOAD_SMI, 3); I1(MUL, SEL_OP); I1(ADD, SEL_OP); print_top(A);      /* 7 */
  I1(LOAD_SMI, 7); I1(LOAD_SMI, 2); I1(DIV, SEL_OP); print_top(A);                                       /* 3 */
  I1(LOAD_SMI, -7); I1(LOAD_SMI, 3); I1(MOD, SEL_OP); print_top(A);                                      /* -1 */
  I1(LOAD_CONST, asm_int(A, INT64_MAX)); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); print_top(A);                 /* wraps */
  I1(LOAD_CONST, asm_int(A, 1073741823)); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); print_top(A);                /* 2^30: boxed on 32-bit */
  I1(LOAD_CONST, asm_int(A, 4611686018427387903LL)); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); print_top(A);    /* 2^62: boxed on 64-bit */
  I1(LOAD_CONST, asm_int(A, 4611686018427387904LL)); I1(LOAD_SMI, 1); I1(SUB, SEL_OP); print_top(A);    /* back to small */
  I1(LOAD_SMI, 1); I1(LOAD_SMI, 62); I1(SHL, SEL_OP); I1(LOAD_SMI, 4); I1(MUL, SEL_OP); print_top(A);  /* wraps to 0 */
  I1(LOAD_CONST, asm_int(A, 1LL << 40)); I1(LOAD_CONST, asm_int(A, 1LL << 40)); I1(EQ, SEL_EQ); print_top(A); /* true */
  I1(LOAD_SMI, -16); I1(LOAD_SMI, 2); I1(SHR, SEL_OP); print_top(A);                                     /* -4 */
  I1(LOAD_SMI, -1); I1(LOAD_SMI, 60); I1(USHR, SEL_OP); print_top(A);                                    /* 15 */
  I1(LOAD_SMI, 12); I1(LOAD_SMI, 10); I1(BIT_XOR, SEL_OP); print_top(A);                                 /* 6 */
  I1(LOAD_SMI, 5); I1(NEG, SEL_OP); I1(BIT_NOT, SEL_OP); print_top(A);                                   /* 4 */
  I1(LOAD_CONST, asm_int(A, INT64_MIN)); I1(LOAD_SMI, -1); I1(DIV, SEL_OP); print_top(A);                /* INT64_MIN */
  I1(LOAD_CONST, asm_float(A, 1.5)); I1(LOAD_SMI, 2); I1(MUL, SEL_OP); print_top(A);                     /* 3.0 */
  I1(LOAD_CONST, asm_float(A, 0.1)); I1(LOAD_CONST, asm_float(A, 0.2)); I1(ADD, SEL_OP); print_top(A);   /* 0.30000000000000004 */
  I1(LOAD_SMI, 3); I1(LOAD_CONST, asm_float(A, 3.0)); I1(EQ, SEL_EQ); print_top(A);                      /* true */
  I1(LOAD_SMI, 2); I1(LOAD_SMI, 3); I1(LT, SEL_OP); print_top(A);                                        /* true */
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 16384,
                 "7\n3\n-1\n-9223372036854775808\n1073741824\n4611686018427387904\n4611686018427387903\n0\ntrue\n-4\n15\n6\n4\n"
                 "-9223372036854775808\n3.0\n0.30000000000000004\ntrue\ntrue\n",
                 EAVE_EXIT_CODE, 0, NULL);
}

TEST(loop) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 2, 4));
  uint32_t top = asm_label(A), done = asm_label(A);
  /* sum = 0; i = 1; while i <= 100000: sum += i; i++ */
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_SMI, 1); I1(STORE_LOCAL, 1); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 1); I1(LOAD_CONST, asm_int(A, 100000)); I1(LE, SEL_OP); I1(JUMP_IF_FALSE, done);
  I1(LOAD_LOCAL, 0); I1(LOAD_LOCAL, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 1); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I1(LOAD_LOCAL, 0); print_top(A);
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 16384, "5000050000\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(strings) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t size = asm_method(A, EAVE_METHOD_INSTANCE, 1, 0, 2);
  I1(LOAD_LOCAL, 0); PRIM(STRING_SIZE); I0(RETURN);
  asm_dispatch(A, p.k.string, SEL_SIZE, size);
  asm_entry(A, asm_method(A, 0, 0, 1, 6));
  I1(LOAD_CONST, asm_string(A, "foo")); I1(LOAD_CONST, asm_string(A, "bar")); I1(ADD, SEL_OP);
  I1(STORE_LOCAL, 0); PRIM(PRINT); I0(POP);                                                   /* foobar */
  I1(LOAD_LOCAL, 0); I2(CALL_VIRTUAL, SEL_SIZE, 1); print_top(A);                            /* 6 (dispatch on String_) */
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(LOAD_SMI, 4); PRIM(STRING_SLICE); PRIM(PRINT); I0(POP); /* oob */
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 0); PRIM(STRING_AT); print_top(A);                         /* 102 */
  I1(LOAD_LOCAL, 0); I1(LOAD_CONST, asm_string(A, "foobar")); I1(EQ, SEL_EQ); print_top(A); /* true */
  I1(LOAD_CONST, asm_string(A, "abc")); I1(LOAD_CONST, asm_string(A, "abd")); PRIM(STRING_COMPARE); print_top(A); /* -1 */
  I1(LOAD_CONST, asm_string(A, "b")); I1(LOAD_CONST, asm_string(A, "a")); I1(GT, SEL_OP); print_top(A);          /* true */
  I1(LOAD_CONST, asm_float(A, 3.14159)); I1(LOAD_SMI, 2); PRIM(STRINGIFY_FLOAT); PRIM(PRINT); I0(POP);           /* 3.14 */
  I1(LOAD_CONST, asm_string(A, "h\xc3\xa9llo")); PRIM(STRING_TO_BYTES); I1(STORE_LOCAL, 0); PRIM(BYTES_SIZE); print_top(A); /* 6 */
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 0); I1(LOAD_SMI, 3); PRIM(STRING_FROM_BYTES); PRIM(PRINT); I0(POP);             /* hé */
  I1(LOAD_CONST, asm_string(A, "x")); PRIM(STRING_HASH); I1(LOAD_CONST, asm_string(A, "x")); PRIM(STRING_HASH);
  I0(IDENTICAL); print_top(A);                                                                                    /* true */
  I1(LOAD_CONST, asm_string(A, "\xc3\xa9")); I1(LOAD_SMI, 1); I1(LOAD_SMI, 2); PRIM(STRING_SLICE); I0(POP);      /* throws */
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 16384, "foobar\n6\noob\n102\ntrue\n-1\ntrue\n3.14\n6\nh\xc3\xa9\ntrue\n", EAVE_EXIT_EXCEPTION, 1, "ILLEGAL_UTF_8");
}

TEST(classes) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t animal = asm_class(A, p.k.object, 0, "Animal", 1);
  uint32_t dog = asm_class(A, animal, 0, "Dog", 1);
  uint32_t generic = asm_method(A, EAVE_METHOD_INSTANCE, 1, 0, 1);
  I1(LOAD_CONST, asm_string(A, "...")); I0(RETURN);
  uint32_t woof = asm_method(A, EAVE_METHOD_INSTANCE, 1, 0, 2);
  I1(LOAD_CONST, asm_string(A, "Woof from ")); I1(LOAD_THIS_FIELD, 0); I1(ADD, SEL_OP); I0(RETURN);
  uint32_t name = asm_method(A, EAVE_METHOD_INSTANCE, 1, 0, 1);
  I1(LOAD_THIS_FIELD, 0); I0(RETURN);
  asm_dispatch(A, animal, SEL_SPEAK, generic);
  asm_dispatch(A, animal, SEL_NAME, name);
  asm_dispatch(A, dog, SEL_SPEAK, woof);
  asm_dispatch(A, dog, SEL_NAME, name);
  asm_entry(A, asm_method(A, 0, 0, 1, 6));
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A);
  I1(ALLOCATE, dog); I0(DUP); I1(LOAD_CONST, asm_string(A, "Rex")); I1(STORE_FIELD, 0); I0(POP);
  I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_LOCAL, 0); I2(CALL_VIRTUAL, SEL_SPEAK, 1); PRIM(PRINT); I0(POP);
  I1(LOAD_LOCAL, 0); I2(CALL_VIRTUAL, SEL_NAME, 1); PRIM(PRINT); I0(POP);
  I1(ALLOCATE, animal); I2(CALL_VIRTUAL, SEL_SPEAK, 1); PRIM(PRINT); I0(POP);
  I1(LOAD_LOCAL, 0); I1(IS, animal); print_top(A);
  I1(ALLOCATE, animal); I1(IS, dog); print_top(A);
  I1(LOAD_LOCAL, 0); PRIM(CLASS_NAME); PRIM(PRINT); I0(POP);
  asm_bind(A, s);
  I1(LOAD_SMI, 3); I2(CALL_VIRTUAL, SEL_SPEAK, 1); I0(POP);
  asm_bind(A, e);
  I0(LOAD_NULL); I0(RETURN);
  asm_bind(A, h);
  asm_handler(A, 0, s, e, h, 0);
  PRIM(PRINT); I0(POP);
  I1(ALLOCATE, animal); I1(AS, dog); I0(RETURN);
  expect_program(&p, 16384, "Woof from Rex\nRex\n...\ntrue\nfalse\nDog\nLOOKUP_FAILED\n", EAVE_EXIT_EXCEPTION, 1, "AS_CHECK_FAILED");
}

TEST(recursion) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t fib = asm_declare(A);
  asm_begin(A, fib, 0, 1, 0, 4);
  uint32_t rec = asm_label(A);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 2); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, rec);
  I1(LOAD_LOCAL, 0); I0(RETURN);
  asm_bind(A, rec);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(SUB, SEL_OP); I1(CALL_STATIC, fib);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 2); I1(SUB, SEL_OP); I1(CALL_STATIC, fib);
  I1(ADD, SEL_OP); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 0, 4));
  I1(LOAD_SMI, 20); I1(CALL_STATIC, fib); print_top(A);
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 16384, "6765\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(stack_overflow) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t r = asm_declare(A);
  asm_begin(A, r, 0, 0, 0, 1);
  I1(CALL_STATIC, r); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 0, 1));
  I1(CALL_STATIC, r); I0(RETURN);
  expect_program(&p, 16384, "", EAVE_EXIT_EXCEPTION, 1, "STACK_OVERFLOW");
}

/* do_times n block: calls block with 0..n-1. */
static uint32_t add_do_times(asm_image *A) {
  uint32_t m = asm_method(A, 0, 2, 1, 4);
  uint32_t top = asm_label(A), done = asm_label(A);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 2); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 2); I1(LOAD_LOCAL, 0); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, done);
  I1(LOAD_LOCAL, 1); I1(LOAD_LOCAL, 2); I1(CALL_BLOCK, 2); I0(POP);
  I1(LOAD_LOCAL, 2); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 2); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I0(LOAD_NULL); I0(RETURN);
  return m;
}

TEST(blocks) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t do_times = add_do_times(A);
  /* sum block: sum += it (sum is slot 0 of main) */
  uint32_t sum_block = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  I2(LOAD_OUTER, 1, 0); I1(LOAD_LOCAL, 1); I1(ADD, SEL_OP); I2(STORE_OUTER, 1, 0); I0(RETURN);
  /* find: do_times 10: if it == 3: return it * 100 (non-local); finally prints cleanup */
  uint32_t find_block = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  uint32_t no = asm_label(A);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 3); I1(EQ, SEL_EQ); I1(JUMP_IF_FALSE, no);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 100); I1(MUL, SEL_OP); I0(NON_LOCAL_RETURN);
  asm_bind(A, no);
  I0(LOAD_NULL); I0(RETURN);
  uint32_t find = asm_method(A, 0, 0, 0, 3);
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A);
  asm_bind(A, s);
  I1(LOAD_SMI, 10); I1(CREATE_BLOCK, find_block); I1(CALL_STATIC, do_times); I0(POP);
  asm_bind(A, e);
  print_const(A, "cleanup (normal)");
  I1(LOAD_SMI, -1); I0(RETURN);
  asm_bind(A, h);
  asm_handler(A, 1, s, e, h, 0);
  print_const(A, "cleanup");
  I0(RETHROW);
  /* break: do_times 10: print it; if it == 4: break to after */
  uint32_t main = asm_declare(A);
  uint32_t after = asm_label(A);
  uint32_t break_block = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  uint32_t go_on = asm_label(A);
  I1(LOAD_LOCAL, 1); print_top(A);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 4); I1(EQ, SEL_EQ); I1(JUMP_IF_FALSE, go_on);
  I3(NON_LOCAL_BRANCH, 1, 0, after);
  asm_bind(A, go_on);
  I0(LOAD_NULL); I0(RETURN);
  asm_begin(A, main, 0, 0, 1, 4);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_SMI, 5); I1(CREATE_BLOCK, sum_block); I1(CALL_STATIC, do_times); I0(POP);
  I1(LOAD_LOCAL, 0); print_top(A);                      /* 0+1+2+3+4 = 10 */
  I1(CALL_STATIC, find); print_top(A);                  /* 300 after "cleanup" */
  I1(LOAD_SMI, 10); I1(CREATE_BLOCK, break_block); I1(CALL_STATIC, do_times); I0(POP);
  print_const(A, "not reached");
  asm_bind(A, after);
  print_const(A, "after");
  I0(LOAD_NULL); I0(RETURN);
  asm_entry(A, main);
  expect_program(&p, 16384, "10\ncleanup\n300\n0\n1\n2\n3\n4\nafter\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(dead_block) {
  /* A block stored in a global and called after its frame returned: DEAD_BLOCK, no crash. */
  program p = begin();
  asm_image *A = p.a;
  uint32_t blk = asm_method(A, EAVE_METHOD_BLOCK, 1, 0, 2);
  I2(LOAD_OUTER, 1, 0); I0(RETURN);
  uint32_t g = asm_global(A, ASM_NONE);
  uint32_t leak = asm_method(A, 0, 0, 1, 2);
  I1(CREATE_BLOCK, blk); I1(STORE_GLOBAL, g); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  I1(CALL_STATIC, leak); I0(POP);
  I1(LOAD_GLOBAL, g); I1(CALL_BLOCK, 1); I0(RETURN);
  expect_program(&p, 16384, "", EAVE_EXIT_EXCEPTION, 1, "DEAD_BLOCK");
}

TEST(lambdas) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t lam = asm_method(A, EAVE_METHOD_LAMBDA, 2, 0, 3);
  I1(LOAD_CAPTURED, 0); I1(LOAD_CAPTURED, 1); I1(ADD, SEL_OP); I1(LOAD_LOCAL, 1); I1(ADD, SEL_OP); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 1, 4));
  I1(LOAD_SMI, 10); I1(LOAD_CONST, asm_int(A, 1LL << 50)); I2(CREATE_LAMBDA, lam, 2); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 5); I1(CALL_BLOCK, 2); print_top(A);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, -5); I1(CALL_BLOCK, 2); print_top(A);
  /* Without its argument the parameter is null (docs/bytecode.md), and int + null fails. */
  I1(LOAD_LOCAL, 0); I1(CALL_BLOCK, 1); I0(RETURN);
  expect_program(&p, 16384, "1125899906842639\n1125899906842629\n", EAVE_EXIT_EXCEPTION, 1, "LOOKUP_FAILED");
}

TEST(exceptions) {
  program p = begin();
  asm_image *A = p.a;
  /* thrower: try: throw "x" finally: print "finally" */
  uint32_t thrower = asm_method(A, 0, 0, 0, 2);
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A);
  asm_bind(A, s);
  I1(LOAD_CONST, asm_string(A, "x")); I0(THROW);
  asm_bind(A, e);
  asm_bind(A, h);
  asm_handler(A, 1, s, e, h, 0);
  print_const(A, "finally");
  I0(RETHROW);
  uint32_t s2 = asm_label(A), e2 = asm_label(A), h2 = asm_label(A), s3 = asm_label(A), e3 = asm_label(A), h3 = asm_label(A);
  uint32_t next = asm_label(A), next2 = asm_label(A);
  asm_entry(A, asm_method(A, 0, 0, 1, 4));
  asm_bind(A, s2);
  I1(CALL_STATIC, thrower); I0(POP);
  asm_bind(A, e2);
  I1(JUMP, next);
  asm_bind(A, h2);
  asm_handler(A, 0, s2, e2, h2, 0);
  I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_CONST, asm_string(A, "caught ")); I1(LOAD_LOCAL, 0); I1(ADD, SEL_OP); PRIM(PRINT); I0(POP);
  asm_bind(A, next);
  asm_bind(A, s3);
  I1(LOAD_SMI, 1); I1(LOAD_SMI, 0); I1(DIV, SEL_OP); I0(POP);
  asm_bind(A, e3);
  I1(JUMP, next2);
  asm_bind(A, h3);
  asm_handler(A, 0, s3, e3, h3, 0);
  PRIM(PRINT); I0(POP);
  asm_bind(A, next2);
  I1(LOAD_CONST, asm_string(A, "boom")); I1(LOAD_CONST, asm_string(A, "it went boom")); PRIM(EXCEPTION_NEW); I0(THROW);
  expect_program(&p, 16384, "finally\ncaught x\nDIVISION_BY_ZERO\n", EAVE_EXIT_EXCEPTION, 1, "it went boom");
}

TEST(tasks) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t ta = asm_method(A, EAVE_METHOD_LAMBDA, 1, 0, 2);
  print_const(A, "a1"); I1(LOAD_SMI, 10); PRIM(SLEEP_MS); I0(POP); print_const(A, "a2"); I0(LOAD_NULL); I0(RETURN);
  uint32_t tb = asm_method(A, EAVE_METHOD_LAMBDA, 1, 0, 2);
  print_const(A, "b1"); I1(LOAD_SMI, 5); PRIM(SLEEP_MS); I0(POP); print_const(A, "b2");
  PRIM(YIELD); I0(POP); print_const(A, "b3"); I0(LOAD_NULL); I0(RETURN);
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  I2(CREATE_LAMBDA, ta, 0); PRIM(TASK_SPAWN); I0(POP);
  I2(CREATE_LAMBDA, tb, 0); PRIM(TASK_SPAWN); I0(POP);
  print_const(A, "main yields"); PRIM(YIELD); I0(POP);
  print_const(A, "main sleeps"); I1(LOAD_SMI, 20); PRIM(SLEEP_MS); I0(POP);
  PRIM(TIME_MS); I1(LOAD_SMI, 20); I1(GE, SEL_OP); print_top(A);
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 16384, "main yields\na1\nb1\nmain sleeps\nb2\nb3\na2\ntrue\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(globals) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t init = asm_method(A, 0, 0, 0, 2);
  print_const(A, "init"); I1(LOAD_SMI, 42); I0(RETURN);
  uint32_t g = asm_global(A, init);
  uint32_t cyclic = asm_declare(A);
  uint32_t g2 = asm_global(A, cyclic);
  asm_begin(A, cyclic, 0, 0, 0, 2);
  I1(LOAD_GLOBAL, g2); I0(RETURN);
  uint32_t g3 = asm_global(A, ASM_NONE);
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  I1(LOAD_GLOBAL, g); print_top(A);
  I1(LOAD_GLOBAL, g); print_top(A);
  I1(LOAD_GLOBAL, g3); print_top(A);
  I1(LOAD_SMI, 9); I1(STORE_GLOBAL, g3); I0(POP); I1(LOAD_GLOBAL, g3); print_top(A);
  I1(LOAD_GLOBAL, g2); I0(RETURN);
  expect_program(&p, 16384, "init\n42\n42\nnull\n9\n", EAVE_EXIT_EXCEPTION, 1, "CYCLIC_INITIALISATION");
}

TEST(exit_code) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 0, 2));
  print_const(A, "bye");
  I1(LOAD_SMI, 3); PRIM(EXIT); I0(RETURN);
  expect_program(&p, 16384, "bye\n", EAVE_EXIT_CODE, 3, NULL);
}

/* main: keeps a growing chain of arrays alive until memory runs out. */
static void hog_body(asm_image *A) {
  uint32_t top = asm_label(A);
  I0(LOAD_NULL); I1(STORE_LOCAL, 0); I0(POP);
  asm_bind(A, top);
  I1(LOAD_SMI, 4); I0(LOAD_NULL); PRIM(ARRAY_NEW); I0(DUP); I1(LOAD_SMI, 0); I1(LOAD_LOCAL, 0); PRIM(ARRAY_AT_PUT); I0(POP);
  I1(STORE_LOCAL, 0); I0(POP);
  I1(JUMP, top);
}

TEST(out_of_memory) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 1, 5));
  hog_body(A);
  expect_program(&p, 8192, "", EAVE_EXIT_OUT_OF_MEMORY, 1, "OUT_OF_MEMORY");
}

TEST(out_of_memory_caught) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t hog = asm_method(A, 0, 0, 1, 5);
  hog_body(A);
  asm_entry(A, asm_method(A, 0, 0, 1, 4));
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A);
  asm_bind(A, s);
  I1(CALL_STATIC, hog); I0(RETURN);
  asm_bind(A, e);
  asm_bind(A, h);
  asm_handler(A, 0, s, e, h, 0);
  PRIM(PRINT); I0(POP);
  I1(LOAD_SMI, 100); I0(LOAD_NULL); PRIM(ARRAY_NEW); PRIM(ARRAY_SIZE); print_top(A);
  PRIM(GC_COUNT); I1(LOAD_SMI, 0); I1(GT, SEL_OP); print_top(A);
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 8192, "OUT_OF_MEMORY\n100\ntrue\n", EAVE_EXIT_CODE, 0, NULL);
}

/* --- Several containers. --- */
static uint8_t *printer_image(size_t *n, const char *word, int lines) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 1, 4));
  uint32_t top = asm_label(A), done = asm_label(A);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  asm_bind(A, top);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, lines); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, done);
  I1(LOAD_CONST, asm_string(A, word)); I1(LOAD_LOCAL, 0); PRIM(STRINGIFY); I1(ADD, SEL_OP); PRIM(PRINT); I0(POP);
  I1(LOAD_SMI, 10); PRIM(SLEEP_MS); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 0); I0(POP);
  I1(JUMP, top);
  asm_bind(A, done);
  I0(LOAD_NULL); I0(RETURN);
  finish(&p);
  *n = p.length;
  return p.bytes;
}

static uint8_t *bad_image(size_t *n, int how) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 1, 5));
  if (how == 0) { I1(LOAD_CONST, asm_string(A, "fail")); I0(THROW); }
  if (how == 1) { uint32_t l = asm_label(A); asm_bind(A, l); I1(JUMP, l); }
  if (how == 2) hog_body(A);
  if (how == 3) {
    /* Throws and catches forever without a backward jump or a call: the unwind must poll. */
    uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A);
    asm_bind(A, s);
    I1(LOAD_CONST, asm_string(A, "again")); I0(THROW);
    asm_bind(A, h);
    I0(POP);
    I1(LOAD_CONST, asm_string(A, "again")); I0(THROW);
    asm_bind(A, e);
    asm_handler(A, 0, s, e, h, 0);
  }
  finish(&p);
  *n = p.length;
  return p.bytes;
}

TEST(isolation) {
  static const char *names[] = { "thrower", "looper", "hog", "catcher" };
  static const eave_exit_kind kinds[] = { EAVE_EXIT_EXCEPTION, EAVE_EXIT_KILLED, EAVE_EXIT_OUT_OF_MEMORY, EAVE_EXIT_KILLED };
  for (int how = 0; how < 4; how++) {
    harness h;
    harness_init(&h);
    h.prefix_names = true;
    eave_vm *vm = eave_vm_new(&h.port);
    size_t n1, n2;
    uint8_t *good = printer_image(&n1, "tick ", 4);
    uint8_t *bad = bad_image(&n2, how);
    eave_load_result r;
    uint32_t bad_id = eave_vm_start(vm, bad, n2, names[how], 8192, &r);
    uint32_t good_id = eave_vm_start(vm, good, n1, "good", 16384, &r);
    EXPECT(bad_id && good_id);
    int steps = 0;
    while (harness_exit_index(&h, "good") < 0 && steps++ < 100000) {
      uint64_t wake;
      eave_step s = eave_vm_step(vm, &wake);
      if (s == EAVE_STEP_IDLE) h.now = wake; else h.now += 1;
      if (s == EAVE_STEP_EMPTY) break;
    }
    if (how == 1 || how == 3) {
      EXPECT(harness_exit_index(&h, names[how]) < 0);  /* still spinning */
      eave_container_stats st;
      EXPECT(eave_vm_stats(vm, bad_id, &st) && st.polls > 0);
      EXPECT(eave_vm_kill(vm, bad_id));
    }
    EXPECT(eave_vm_run(vm) == EAVE_STEP_EMPTY);
    eave_vm_free(vm);
    free(good);
    free(bad);
    EXPECT(h.allocated == 0);
    EXPECT_STR(h.out, "good: tick 0\ngood: tick 1\ngood: tick 2\ngood: tick 3\n");
    int gi = harness_exit_index(&h, "good"), bi = harness_exit_index(&h, names[how]);
    EXPECT(gi >= 0 && bi >= 0);
    EXPECT(h.exits[gi].kind == EAVE_EXIT_CODE && h.exits[gi].code == 0);
    EXPECT(h.exits[bi].kind == kinds[how]);
    if (how == 0) {
      EXPECT(strcmp(h.exits[bi].message, "fail") == 0);
      EXPECT(h.exits[bi].trace_length == 1 && h.exits[bi].trace[0].method == 0 && h.exits[bi].trace[0].offset == 3);
    }
    if (how == 2) EXPECT(h.exits[bi].trace_length >= 1);
    harness_done(&h);
  }
  passed++;
}

TEST(messages) {
  program rx = begin();
  asm_image *A = rx.a;
  asm_entry(A, asm_method(A, 0, 0, 1, 4));
  PRIM(MESSAGE_RECEIVE); PRIM(PRINT); I0(POP);
  PRIM(MESSAGE_RECEIVE); I1(STORE_LOCAL, 0); PRIM(ARRAY_SIZE); print_top(A);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 0); PRIM(ARRAY_AT); print_top(A);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); PRIM(ARRAY_AT); PRIM(PRINT); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 2); PRIM(ARRAY_AT); I1(LOAD_SMI, 0); PRIM(ARRAY_AT); print_top(A);
  PRIM(MESSAGE_RECEIVE); PRIM(PRINT); I0(POP);
  I0(LOAD_NULL); I0(RETURN);
  finish(&rx);
  program tx = begin();
  A = tx.a;
  asm_entry(A, asm_method(A, 0, 0, 1, 5));
  uint32_t to = asm_string(A, "rx");
  I1(LOAD_CONST, to); I1(LOAD_CONST, asm_string(A, "hello")); PRIM(MESSAGE_SEND); I0(POP);
  I1(LOAD_SMI, 3); I0(LOAD_NULL); PRIM(ARRAY_NEW); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 0); I1(LOAD_CONST, asm_int(A, 1LL << 40)); PRIM(ARRAY_AT_PUT); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 1); I1(LOAD_CONST, asm_string(A, "two")); PRIM(ARRAY_AT_PUT); I0(POP);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 2); I1(LOAD_SMI, 1); I1(LOAD_CONST, asm_float(A, 3.5)); PRIM(ARRAY_NEW); PRIM(ARRAY_AT_PUT); I0(POP);
  I1(LOAD_CONST, to); I1(LOAD_LOCAL, 0); PRIM(MESSAGE_SEND); I0(POP);
  /* A message of the wrong kind throws in the sender. */
  I1(LOAD_CONST, to); I2(CREATE_LAMBDA, 0, 0); PRIM(MESSAGE_SEND); I0(RETURN);
  finish(&tx);
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  eave_load_result r;
  uint32_t rx_id = eave_vm_start(vm, rx.bytes, rx.length, "rx", 16384, &r);
  EXPECT(rx_id);
  EXPECT(eave_vm_run(vm) == EAVE_STEP_BLOCKED);  /* rx waits */
  EXPECT(eave_vm_start(vm, tx.bytes, tx.length, "tx", 16384, &r));
  EXPECT(eave_vm_run(vm) == EAVE_STEP_BLOCKED);
  EXPECT(eave_vm_send_string(vm, "rx", "from the host", 13));
  EXPECT(eave_vm_run(vm) == EAVE_STEP_EMPTY);
  eave_vm_free(vm);
  free(rx.bytes);
  free(tx.bytes);
  EXPECT(h.allocated == 0);
  EXPECT_STR(h.out, "hello\n3\n1099511627776\ntwo\n3.5\nfrom the host\n");
  int ti = harness_exit_index(&h, "tx");
  EXPECT(ti >= 0 && h.exits[ti].kind == EAVE_EXIT_EXCEPTION && strcmp(h.exits[ti].message, "WRONG_ARGUMENT_TYPE") == 0);
  harness_done(&h);
  passed++;
}

TEST(debug_hooks) {
  size_t n;
  uint8_t *b = printer_image(&n, "p ", 3);
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  eave_load_result r;
  uint32_t id = eave_vm_start(vm, b, n, "dbg", 16384, &r);
  EXPECT(id);
  EXPECT(eave_vm_pause(vm, id));
  uint64_t wake;
  EXPECT(eave_vm_step(vm, &wake) == EAVE_STEP_BLOCKED);
  EXPECT(h.out_len == 0);
  EXPECT(eave_vm_resume(vm, id));
  EXPECT(eave_vm_arm_breakpoints(vm, id, true));
  EXPECT(eave_vm_run(vm) == EAVE_STEP_EMPTY);
  EXPECT(h.breakpoint_hits > 0);
  EXPECT_STR(h.out, "p 0\np 1\np 2\n");
  eave_vm_free(vm);
  free(b);
  EXPECT(h.allocated == 0);
  harness_done(&h);
  passed++;
}

TEST(start_errors) {
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  size_t n;
  uint8_t *b = printer_image(&n, "x", 1);
  eave_load_result r;
  EXPECT(eave_vm_start(vm, b, n, "", 16384, &r) == 0 && r.error == EAVE_ERR_NAME);
  EXPECT(eave_vm_start(vm, b, n, "a", 16384, &r) != 0);
  EXPECT(eave_vm_start(vm, b, n, "a", 16384, &r) == 0 && r.error == EAVE_ERR_NAME);
  h.fail_after = h.allocated + 100;
  EXPECT(eave_vm_start(vm, b, n, "b", 1 << 20, &r) == 0 && r.error == EAVE_ERR_NO_MEMORY);
  h.fail_after = 0;
  b[n - 1] ^= 1;
  EXPECT(eave_vm_start(vm, b, n, "c", 16384, &r) == 0 && r.error == EAVE_ERR_CRC);
  eave_vm_free(vm);
  free(b);
  EXPECT(h.allocated == 0);
  harness_done(&h);
  passed++;
}

#ifndef EAVE_TEST_NO_FILES
/* Golden images from the Java side (docs/vectors/image/README.md): NAME.bin with NAME.expect
 * holding the console lines, then a last line "exit CODE" or "uncaught MESSAGE"; and bad/NAME.bin
 * images that must be refused (without crashing). */
static void bad_vectors(void) {
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/bad", EAVE_VECTORS_DIR);
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  int count = 0;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".bin") != 0) continue;
    char path[1300];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    FILE *f = fopen(path, "rb");
    if (!f) continue;
    static uint8_t image[1 << 20];
    size_t n = fread(image, 1, sizeof image, f);
    fclose(f);
    /* Exact-size copy, so ASan sees any read past the end. */
    uint8_t *copy = malloc(n ? n : 1);
    memcpy(copy, image, n);
    harness h;
    harness_init(&h);
    eave_load_result r;
    count++;
    if (eave_image_check(&h.port, copy, n, &r) == EAVE_OK) {
      fprintf(stderr, "FAIL bad/%s: accepted\n", e->d_name);
      failed++;
    } else {
      passed++;
    }
    free(copy);
    harness_done(&h);
  }
  closedir(d);
  printf("%d bad images refused from %s\n", count, dir);
}

static void vectors(void) {
  DIR *d = opendir(EAVE_VECTORS_DIR);
  if (!d) { printf("no %s: no golden images yet\n", EAVE_VECTORS_DIR); return; }
  struct dirent *e;
  int count = 0;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".bin") != 0) continue;
    char path[1024], expect_path[1024];
    snprintf(path, sizeof path, "%s/%s", EAVE_VECTORS_DIR, e->d_name);
    snprintf(expect_path, sizeof expect_path, "%s/%.*s.expect", EAVE_VECTORS_DIR, (int)(len - 4), e->d_name);
    FILE *f = fopen(expect_path, "rb");
    if (!f) continue;
    static char expect[65536];
    size_t en = fread(expect, 1, sizeof expect - 1, f);
    fclose(f);
    expect[en] = 0;
    f = fopen(path, "rb");
    if (!f) continue;
    static uint8_t image[1 << 20];
    size_t n = fread(image, 1, sizeof image, f);
    fclose(f);
    /* Split off the last line: the exit. */
    while (en > 0 && expect[en - 1] == '\n') expect[--en] = 0;
    char *last = strrchr(expect, '\n');
    const char *exit_line = last ? last + 1 : expect;
    char exit_copy[256];
    size_t el = strlen(exit_line) < sizeof exit_copy - 1 ? strlen(exit_line) : sizeof exit_copy - 1;
    memcpy(exit_copy, exit_line, el);
    exit_copy[el] = 0;
    if (last) last[1] = 0; else expect[0] = 0;
    current = e->d_name;
    count++;
    harness h;
    harness_init(&h);
    eave_vm *vm = eave_vm_new(&h.port);
    eave_load_result r;
    uint32_t id = eave_vm_start(vm, image, n, "main", 256 * 1024, &r);
    if (!id) {
      fprintf(stderr, "FAIL %s: refused: %s: %s (record %s %u, offset %u)\n", current, eave_error_name(r.error), r.message,
              eave_record_name(r.record), (unsigned)r.index, (unsigned)r.offset);
      failed++;
    } else {
      eave_vm_run_for(vm, 60000);
      char got_exit[256] = "";
      if (h.nexits == 1) {
        if (h.exits[0].kind == EAVE_EXIT_CODE) snprintf(got_exit, sizeof got_exit, "exit %lld", (long long)h.exits[0].code);
        else if (h.exits[0].kind == EAVE_EXIT_EXCEPTION) snprintf(got_exit, sizeof got_exit, "uncaught %s", h.exits[0].message);
        else if (h.exits[0].kind == EAVE_EXIT_OUT_OF_MEMORY) snprintf(got_exit, sizeof got_exit, "uncaught %s", h.exits[0].message);
      }
      const char *out = h.out ? h.out : "";
      if (strcmp(out, expect) != 0 || strcmp(got_exit, exit_copy) != 0) {
        fprintf(stderr, "FAIL %s:\n--- got ---\n%s%s\n--- want ---\n%s%s\n", current, out, got_exit, expect, exit_copy);
        failed++;
      } else {
        passed++;
      }
    }
    eave_vm_free(vm);
    harness_done(&h);
  }
  closedir(d);
  printf("%d golden images from %s\n", count, EAVE_VECTORS_DIR);
}
#endif

TEST(gc_survivors) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t box = asm_class(A, p.k.object, 0, "Box", 2);
  asm_entry(A, asm_method(A, 0, 0, 3, 6));
  uint32_t fill = asm_label(A), filled = asm_label(A), churn = asm_label(A), churned = asm_label(A), sum = asm_label(A), summed = asm_label(A);
  /* a = Array 10; for i: a[i] = Box(i, "s" + i) */
  I1(LOAD_SMI, 10); I0(LOAD_NULL); PRIM(ARRAY_NEW); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 1); I0(POP);
  asm_bind(A, fill);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 10); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, filled);
  I1(LOAD_LOCAL, 0); I1(LOAD_LOCAL, 1);
  I1(ALLOCATE, box); I0(DUP); I1(LOAD_LOCAL, 1); I1(STORE_FIELD, 0); I0(POP);
  I0(DUP); I1(LOAD_CONST, asm_string(A, "s")); I1(LOAD_LOCAL, 1); PRIM(STRINGIFY); I1(ADD, SEL_OP); I1(STORE_FIELD, 1); I0(POP);
  PRIM(ARRAY_AT_PUT); I0(POP);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 1); I0(POP);
  I1(JUMP, fill);
  asm_bind(A, filled);
  /* 3000 garbage arrays */
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 1); I0(POP);
  asm_bind(A, churn);
  I1(LOAD_LOCAL, 1); I1(LOAD_CONST, asm_int(A, 3000)); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, churned);
  I1(LOAD_SMI, 8); I1(LOAD_CONST, asm_float(A, 1.25)); PRIM(ARRAY_NEW); I0(POP);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 1); I0(POP);
  I1(JUMP, churn);
  asm_bind(A, churned);
  /* sum the fields, print the last string */
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 1); I0(POP);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 2); I0(POP);
  asm_bind(A, sum);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 10); I1(LT, SEL_OP); I1(JUMP_IF_FALSE, summed);
  I1(LOAD_LOCAL, 2); I1(LOAD_LOCAL, 0); I1(LOAD_LOCAL, 1); PRIM(ARRAY_AT); I1(LOAD_FIELD, 0); I1(ADD, SEL_OP); I1(STORE_LOCAL, 2); I0(POP);
  I1(LOAD_LOCAL, 1); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I1(STORE_LOCAL, 1); I0(POP);
  I1(JUMP, sum);
  asm_bind(A, summed);
  I1(LOAD_LOCAL, 2); print_top(A);
  I1(LOAD_LOCAL, 0); I1(LOAD_SMI, 9); PRIM(ARRAY_AT); I1(LOAD_FIELD, 1); PRIM(PRINT); I0(POP);
  PRIM(GC_COUNT); I1(LOAD_SMI, 10); I1(GT, SEL_OP); print_top(A);
  PRIM(MEMORY_USED); I1(LOAD_CONST, asm_int(A, 8192)); I1(LT, SEL_OP); print_top(A);
  I1(LOAD_SMI, 1); I0(LOAD_NULL); PRIM(ARRAY_NEW); I0(POP);
  PRIM(GC_COUNT); PRIM(GC_COUNT); I1(EQ, SEL_EQ); print_top(A);
  I0(LOAD_NULL); I0(RETURN);
  /* Under GC stress every allocation collects, so two reads around an allocation differ... but
   * GC_COUNT allocates nothing: the last line is true in both builds. */
  expect_program(&p, 8192, "45\ns9\ntrue\ntrue\ntrue\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(gc_stress_is_on) {
  /* Three allocations: under EAVE_GC_STRESS each one collects first. */
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 0, 3));
  for (int i = 0; i < 3; i++) { I1(LOAD_SMI, 2); I0(LOAD_NULL); PRIM(ARRAY_NEW); I0(POP); }
  PRIM(GC_COUNT); I1(LOAD_SMI, 3); I1(GE, SEL_OP); print_top(A);
  I0(LOAD_NULL); I0(RETURN);
  expect_program(&p, 16384, EAVE_GC_STRESS ? "true\n" : "false\n", EAVE_EXIT_CODE, 0, NULL);
}

TEST(unwinding) {
  program p = begin();
  asm_image *A = p.a;
  uint32_t do_times = add_do_times(A);
  /* Two block levels: the inner block counts in home's slot 0 and returns from home at 4. */
  uint32_t inner = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  uint32_t no = asm_label(A);
  I2(LOAD_OUTER, 2, 0); I1(LOAD_SMI, 1); I1(ADD, SEL_OP); I2(STORE_OUTER, 2, 0); I0(POP);
  I2(LOAD_OUTER, 2, 0); I1(LOAD_SMI, 4); I1(EQ, SEL_EQ); I1(JUMP_IF_FALSE, no);
  I2(LOAD_OUTER, 2, 0); I2(LOAD_OUTER, 1, 1); I1(ADD, SEL_OP); I1(LOAD_SMI, 10); I1(MUL, SEL_OP); I0(NON_LOCAL_RETURN);
  asm_bind(A, no);
  I0(LOAD_NULL); I0(RETURN);
  uint32_t outer = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  I1(LOAD_SMI, 3); I1(CREATE_BLOCK, inner); I1(CALL_STATIC, do_times); I0(POP); I0(LOAD_NULL); I0(RETURN);
  uint32_t home = asm_method(A, 0, 0, 1, 3);
  I1(LOAD_SMI, 0); I1(STORE_LOCAL, 0); I0(POP);
  I1(LOAD_SMI, 2); I1(CREATE_BLOCK, outer); I1(CALL_STATIC, do_times); I0(POP); I1(LOAD_SMI, -1); I0(RETURN);

  /* A break whose target stays inside the try: the finally does not run. */
  uint32_t br = asm_declare(A);
  uint32_t after = asm_label(A);
  uint32_t brk = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 1);
  I3(NON_LOCAL_BRANCH, 1, 0, after);
  asm_begin(A, br, 0, 0, 0, 3);
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A);
  asm_bind(A, s);
  I1(LOAD_SMI, 5); I1(CREATE_BLOCK, brk); I1(CALL_STATIC, do_times); I0(POP);
  print_const(A, "not reached");
  asm_bind(A, after);
  print_const(A, "after break");
  asm_bind(A, e);
  I1(LOAD_SMI, 1); I0(RETURN);
  asm_bind(A, h);
  asm_handler(A, 1, s, e, h, 0);
  print_const(A, "finally ran (wrong)");
  I0(RETHROW);

  /* A break out of the try: the finally runs, then the branch goes on. */
  uint32_t br2 = asm_declare(A);
  uint32_t after2 = asm_label(A);
  uint32_t brk2 = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 1);
  I3(NON_LOCAL_BRANCH, 1, 0, after2);
  asm_begin(A, br2, 0, 0, 0, 3);
  uint32_t s2 = asm_label(A), e2 = asm_label(A), h2 = asm_label(A);
  asm_bind(A, s2);
  I1(LOAD_SMI, 5); I1(CREATE_BLOCK, brk2); I1(CALL_STATIC, do_times); I0(POP);
  print_const(A, "not reached");
  asm_bind(A, e2);
  I1(JUMP, after2);
  asm_bind(A, h2);
  asm_handler(A, 1, s2, e2, h2, 0);
  print_const(A, "finally ran");
  I0(RETHROW);
  asm_bind(A, after2);
  print_const(A, "after break 2");
  I1(LOAD_SMI, 2); I0(RETURN);

  /* Nested handlers in one frame: the inner finally rethrows into the outer catch. */
  uint32_t nf = asm_method(A, 0, 0, 0, 3);
  uint32_t s3 = asm_label(A), e3 = asm_label(A), h3 = asm_label(A), s4 = asm_label(A), e4 = asm_label(A), h4 = asm_label(A);
  asm_bind(A, s3);
  asm_bind(A, s4);
  I1(LOAD_CONST, asm_string(A, "inner")); I0(THROW);
  asm_bind(A, e4);
  asm_bind(A, h4);
  print_const(A, "inner finally");
  I0(RETHROW);
  asm_bind(A, e3);
  asm_bind(A, h3);
  asm_handler(A, 1, s4, e4, h4, 0);
  asm_handler(A, 0, s3, e3, h3, 0);
  PRIM(PRINT); I0(RETURN);

  /* A catch inside a block body; an exception thrown in a finally replaces the unwind. */
  uint32_t cb = asm_method(A, EAVE_METHOD_BLOCK, 2, 0, 3);
  uint32_t s5 = asm_label(A), e5 = asm_label(A), h5 = asm_label(A);
  asm_bind(A, s5);
  I1(LOAD_SMI, 1); I1(LOAD_LOCAL, 1); I1(MOD, SEL_OP); I0(RETURN);
  asm_bind(A, e5);
  asm_bind(A, h5);
  asm_handler(A, 0, s5, e5, h5, 0);
  PRIM(PRINT); I0(RETURN);
  uint32_t replace = asm_method(A, 0, 0, 0, 3);
  uint32_t s6 = asm_label(A), e6 = asm_label(A), h6 = asm_label(A);
  asm_bind(A, s6);
  I1(LOAD_CONST, asm_string(A, "first")); I0(THROW);
  asm_bind(A, e6);
  asm_bind(A, h6);
  asm_handler(A, 1, s6, e6, h6, 0);
  I1(LOAD_CONST, asm_string(A, "second")); I0(THROW);

  asm_entry(A, asm_method(A, 0, 0, 0, 4));
  I1(CALL_STATIC, home); print_top(A);
  I1(CALL_STATIC, br); print_top(A);
  I1(CALL_STATIC, br2); print_top(A);
  I1(CALL_STATIC, nf); I0(POP);
  I1(LOAD_SMI, 2); I1(CREATE_BLOCK, cb); I1(CALL_STATIC, do_times); I0(POP);
  I1(CALL_STATIC, replace); I0(RETURN);
  expect_program(&p, 16384,
                 "50\nafter break\n1\nfinally ran\nafter break 2\n2\ninner finally\ninner\nDIVISION_BY_ZERO\n",
                 EAVE_EXIT_EXCEPTION, 1, "second");
}

TEST(message_errors) {
  program p = begin();
  asm_image *A = p.a;
  asm_entry(A, asm_method(A, 0, 0, 0, 4));
  uint32_t s = asm_label(A), e = asm_label(A), h = asm_label(A), top = asm_label(A);
  asm_bind(A, s);
  I1(LOAD_CONST, asm_string(A, "nobody")); I0(LOAD_NULL); PRIM(MESSAGE_SEND); I0(POP);
  asm_bind(A, e);
  I1(JUMP, top);
  asm_bind(A, h);
  asm_handler(A, 0, s, e, h, 0);
  PRIM(PRINT); I0(POP);
  /* Sending to itself until the inbox is full. */
  asm_bind(A, top);
  I1(LOAD_CONST, asm_string(A, "main")); I1(LOAD_SMI, 1); PRIM(MESSAGE_SEND); I0(POP);
  I1(JUMP, top);
  expect_program(&p, 16384, "NO_SUCH_CONTAINER\n", EAVE_EXIT_EXCEPTION, 1, "MESSAGE_QUEUE_FULL");
}

int main(void) {
  RUN(hello);
  RUN(arithmetic);
  RUN(loop);
  RUN(strings);
  RUN(classes);
  RUN(recursion);
  RUN(stack_overflow);
  RUN(blocks);
  RUN(dead_block);
  RUN(lambdas);
  RUN(exceptions);
  RUN(tasks);
  RUN(unwinding);
  RUN(message_errors);
  RUN(gc_survivors);
  RUN(gc_stress_is_on);
  RUN(globals);
  RUN(exit_code);
  RUN(out_of_memory);
  RUN(out_of_memory_caught);
  RUN(isolation);
  RUN(messages);
  RUN(debug_hooks);
  RUN(start_errors);
#ifndef EAVE_TEST_NO_FILES
  vectors();
  bad_vectors();
#endif
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
