/* A test-only image assembler: build constants, classes, methods (opcodes with labels and
 * handlers) and globals in C, then emit image bytes exactly as docs/program-image.md lays them
 * out, CRC-32 and SHA-256 id included. Stands in for the Java compiler in the VM's tests. */
#ifndef EAVE_TEST_ASM_H
#define EAVE_TEST_ASM_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#define ASM_NONE 0xFFFFFFFFu

typedef struct asm_image asm_image;

asm_image *asm_new(void);
void asm_free(asm_image *a);

uint32_t asm_int(asm_image *a, int64_t v);
uint32_t asm_float(asm_image *a, double v);
uint32_t asm_string(asm_image *a, const char *s);
uint32_t asm_bytes(asm_image *a, const uint8_t *b, size_t n);

/* Classes: superclass (ASM_NONE for none), flags, name (a string, or NULL), total field count. */
uint32_t asm_class(asm_image *a, uint32_t super, uint32_t flags, const char *name, uint32_t fields);
void asm_supertype(asm_image *a, uint32_t klass, uint32_t supertype);
/* Dispatch entries may be added in any order; they are sorted when emitted. */
void asm_dispatch(asm_image *a, uint32_t klass, uint32_t selector, uint32_t method);
void asm_well_known(asm_image *a, int which, uint32_t klass);

/* Methods: declare (for forward calls), then define the body between begin and end. */
uint32_t asm_declare(asm_image *a);
void asm_begin(asm_image *a, uint32_t method, uint32_t flags, uint32_t arity, uint32_t locals, uint32_t max_stack);
uint32_t asm_method(asm_image *a, uint32_t flags, uint32_t arity, uint32_t locals, uint32_t max_stack);
void asm_end(asm_image *a);

/* Labels are global; jump operands (I16) and NON_LOCAL_BRANCH targets name a label. */
uint32_t asm_label(asm_image *a);
void asm_bind(asm_image *a, uint32_t label);
/* One instruction; operands in the order of the opcode's format (unused ones ignored). */
void asm_i(asm_image *a, int op, int64_t x, int64_t y, int64_t z);
void asm_raw(asm_image *a, const uint8_t *bytes, size_t n);
void asm_handler(asm_image *a, uint32_t kind, uint32_t start, uint32_t end, uint32_t handler, uint32_t depth);

uint32_t asm_global(asm_image *a, uint32_t initialiser);
void asm_entry(asm_image *a, uint32_t method);
void asm_selectors(asm_image *a, uint32_t count);

/* The image bytes (malloc'd; the caller frees). */
uint8_t *asm_emit(asm_image *a, size_t *length);

/* A minimal core: the 12 well-known classes (Exception_ with fields value and message). */
typedef struct {
  uint32_t object, null_, true_, false_, int_, float_, string, bytes, array, lambda, block, exception;
} asm_core;
asm_core asm_add_core(asm_image *a);

/* Test shorthands: `A` must name the assembler in scope. */
#define I0(op) asm_i(A, EAVE_OP_##op, 0, 0, 0)
#define I1(op, x) asm_i(A, EAVE_OP_##op, (x), 0, 0)
#define I2(op, x, y) asm_i(A, EAVE_OP_##op, (x), (y), 0)
#define I3(op, x, y, z) asm_i(A, EAVE_OP_##op, (x), (y), (z))
#define PRIM(name) asm_i(A, EAVE_OP_CALL_PRIMITIVE, EAVE_P_##name, eave_primitive_arity[EAVE_P_##name] - 1, 0)

void sha256(const uint8_t *data, size_t length, uint8_t out[32]);

#endif
