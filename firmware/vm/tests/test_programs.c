/* Programs with expectations (in the style of Wren's test/): each test assembles a small program,
 * runs it in a VM on the test port and compares the console output and the exit report. Also
 * runs every docs/vectors/image/NAME.bin that has a NAME.expect beside it. */
#include <dirent.h>
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
            eave_record_name(r.record), r.index, r.offset, r.message);
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
  I1(LOAD_LOCAL, 0); I1(CALL_BLOCK, 1); I0(RETURN);  /* wrong arity */
  expect_program(&p, 16384, "1125899906842639\n1125899906842629\n", EAVE_EXIT_EXCEPTION, 1, "WRONG_ARITY");
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
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
