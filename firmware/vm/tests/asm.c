/* The test assembler (asm.h): collects records in growable buffers and lays them out per
 * docs/program-image.md. Host-only test code: plain malloc, abort on misuse. */
#include "asm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crc32.h"

typedef struct { uint8_t *p; size_t n, cap; } buf;

static void put(buf *b, const void *p, size_t n) {
  if (b->n + n > b->cap) {
    b->cap = (b->n + n) * 2 + 64;
    b->p = realloc(b->p, b->cap);
    if (!b->p) abort();
  }
  memcpy(b->p + b->n, p, n);
  b->n += n;
}
static void put8(buf *b, uint8_t v) { put(b, &v, 1); }
static void put32(buf *b, uint32_t v) {
  uint8_t x[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
  put(b, x, 4);
}
static void varint(buf *b, uint32_t v) {
  while (v >= 0x80) { put8(b, (uint8_t)(v | 0x80)); v >>= 7; }
  put8(b, (uint8_t)v);
}
static void svarint(buf *b, int64_t v) {
  uint64_t z = ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
  while (z >= 0x80) { put8(b, (uint8_t)(z | 0x80)); z >>= 7; }
  put8(b, (uint8_t)z);
}

typedef struct { uint32_t sel, method; } entry;
typedef struct {
  uint32_t super, flags, name, fields;
  uint32_t supertypes[16], nsuper;
  entry *dispatch;
  uint32_t ndispatch;
} klass;
typedef struct { uint32_t kind, start, end, handler, depth; } handler;
typedef struct {
  bool defined;
  uint32_t flags, arity, locals, max_stack;
  buf code;
  handler handlers[16];
  uint32_t nhandlers;
} method;
typedef struct { uint32_t method, at; int kind; uint32_t label, end; } fixup;  /* kind 0: rel16, 1: abs16 */
typedef struct { uint32_t method, offset; bool bound; } label;

struct asm_image {
  buf *constants;
  uint32_t nconstants;
  klass *classes;
  uint32_t nclasses;
  method *methods;
  uint32_t nmethods;
  uint32_t *globals;
  uint32_t nglobals;
  label *labels;
  uint32_t nlabels;
  fixup *fixups;
  uint32_t nfixups;
  uint32_t current, entry, selectors;
  uint32_t well_known[EAVE_WELL_KNOWN];
};

#define GROW(arr, n) do { arr = realloc(arr, sizeof(*(arr)) * ((n) + 1)); if (!(arr)) abort(); } while (0)

asm_image *asm_new(void) {
  asm_image *a = calloc(1, sizeof *a);
  if (!a) abort();
  a->current = ASM_NONE;
  for (int i = 0; i < (int)EAVE_WELL_KNOWN; i++) a->well_known[i] = ASM_NONE;
  return a;
}

void asm_free(asm_image *a) {
  for (uint32_t i = 0; i < a->nconstants; i++) free(a->constants[i].p);
  for (uint32_t i = 0; i < a->nclasses; i++) free(a->classes[i].dispatch);
  for (uint32_t i = 0; i < a->nmethods; i++) free(a->methods[i].code.p);
  free(a->constants); free(a->classes); free(a->methods); free(a->globals); free(a->labels); free(a->fixups);
  free(a);
}

static uint32_t constant(asm_image *a, uint8_t tag, buf *out) {
  GROW(a->constants, a->nconstants);
  buf *b = &a->constants[a->nconstants];
  memset(b, 0, sizeof *b);
  put8(b, tag);
  *out = *b;
  return a->nconstants++;
}
uint32_t asm_int(asm_image *a, int64_t v) {
  buf b; uint32_t i = constant(a, 1, &b); svarint(&a->constants[i], v); return i;
}
uint32_t asm_float(asm_image *a, double v) {
  buf b; uint32_t i = constant(a, 2, &b); put(&a->constants[i], &v, 8); return i;
}
uint32_t asm_string(asm_image *a, const char *s) {
  for (uint32_t i = 0; i < a->nconstants; i++) {  /* share equal strings, as the compiler does */
    buf *c = &a->constants[i];
    size_t n = strlen(s);
    if (c->p[0] == 3) {
      const uint8_t *p = c->p + 1;
      uint32_t len = eave_varint(&p);
      if (len == n && memcmp(p, s, n) == 0) return i;
    }
  }
  buf b; uint32_t i = constant(a, 3, &b);
  varint(&a->constants[i], (uint32_t)strlen(s));
  put(&a->constants[i], s, strlen(s));
  return i;
}
uint32_t asm_bytes(asm_image *a, const uint8_t *p, size_t n) {
  buf b; uint32_t i = constant(a, 4, &b);
  varint(&a->constants[i], (uint32_t)n);
  put(&a->constants[i], p, n);
  return i;
}

uint32_t asm_class(asm_image *a, uint32_t super, uint32_t flags, const char *name, uint32_t fields) {
  uint32_t name_index = name ? asm_string(a, name) : ASM_NONE;
  GROW(a->classes, a->nclasses);
  klass *k = &a->classes[a->nclasses];
  memset(k, 0, sizeof *k);
  k->super = super;
  k->flags = flags;
  k->name = name_index;
  k->fields = fields;
  return a->nclasses++;
}
void asm_supertype(asm_image *a, uint32_t k, uint32_t s) { a->classes[k].supertypes[a->classes[k].nsuper++] = s; }
void asm_dispatch(asm_image *a, uint32_t k, uint32_t sel, uint32_t m) {
  klass *c = &a->classes[k];
  GROW(c->dispatch, c->ndispatch);
  c->dispatch[c->ndispatch].sel = sel;
  c->dispatch[c->ndispatch].method = m;
  c->ndispatch++;
  if (sel + 1 > a->selectors) a->selectors = sel + 1;
}
void asm_well_known(asm_image *a, int which, uint32_t k) { a->well_known[which] = k; }

uint32_t asm_declare(asm_image *a) {
  GROW(a->methods, a->nmethods);
  memset(&a->methods[a->nmethods], 0, sizeof(method));
  return a->nmethods++;
}
void asm_begin(asm_image *a, uint32_t m, uint32_t flags, uint32_t arity, uint32_t locals, uint32_t max_stack) {
  method *x = &a->methods[m];
  x->defined = true;
  x->flags = flags;
  x->arity = arity;
  x->locals = locals;
  x->max_stack = max_stack;
  a->current = m;
}
uint32_t asm_method(asm_image *a, uint32_t flags, uint32_t arity, uint32_t locals, uint32_t max_stack) {
  uint32_t m = asm_declare(a);
  asm_begin(a, m, flags, arity, locals, max_stack);
  return m;
}
void asm_end(asm_image *a) { a->current = ASM_NONE; }

uint32_t asm_label(asm_image *a) {
  GROW(a->labels, a->nlabels);
  memset(&a->labels[a->nlabels], 0, sizeof(label));
  return a->nlabels++;
}
void asm_bind(asm_image *a, uint32_t l) {
  a->labels[l].method = a->current;
  a->labels[l].offset = (uint32_t)a->methods[a->current].code.n;
  a->labels[l].bound = true;
}

static void add_fixup(asm_image *a, int kind, uint32_t l, uint32_t at, uint32_t end) {
  GROW(a->fixups, a->nfixups);
  fixup *f = &a->fixups[a->nfixups++];
  f->method = a->current;
  f->at = at;
  f->kind = kind;
  f->label = l;
  f->end = end;
}

void asm_raw(asm_image *a, const uint8_t *bytes, size_t n) { put(&a->methods[a->current].code, bytes, n); }

void asm_i(asm_image *a, int op, int64_t x, int64_t y, int64_t z) {
  buf *b = &a->methods[a->current].code;
  uint32_t start = (uint32_t)b->n;
  put8(b, (uint8_t)op);
  uint8_t w[2];
  switch (op) {
    case EAVE_OP_JUMP: case EAVE_OP_JUMP_IF_TRUE: case EAVE_OP_JUMP_IF_FALSE:
      add_fixup(a, 0, (uint32_t)x, start + 1, start + 3);
      put(b, "\0\0", 2);
      return;
    case EAVE_OP_NON_LOCAL_BRANCH:
      put8(b, (uint8_t)x);
      put8(b, (uint8_t)y);
      add_fixup(a, 1, (uint32_t)z, start + 3, 0);
      put(b, "\0\0", 2);
      return;
    default:
      break;
  }
  switch (eave_operand_bytes[op]) {
    case 0: break;
    case 1: put8(b, (uint8_t)x); break;
    case 2:
      if (op == EAVE_OP_LOAD_OUTER || op == EAVE_OP_STORE_OUTER) { put8(b, (uint8_t)x); put8(b, (uint8_t)y); break; }
      w[0] = (uint8_t)x; w[1] = (uint8_t)(x >> 8);
      put(b, w, 2);
      break;
    case 3:
      w[0] = (uint8_t)x; w[1] = (uint8_t)(x >> 8);
      put(b, w, 2);
      put8(b, (uint8_t)y);
      break;
    default:
      abort();
  }
  (void)z;
}

void asm_handler(asm_image *a, uint32_t kind, uint32_t start, uint32_t end, uint32_t h, uint32_t depth) {
  method *m = &a->methods[a->current];
  handler *x = &m->handlers[m->nhandlers++];
  x->kind = kind;
  x->start = start;  /* labels, resolved at emit */
  x->end = end;
  x->handler = h;
  x->depth = depth;
}

uint32_t asm_global(asm_image *a, uint32_t init) {
  GROW(a->globals, a->nglobals);
  a->globals[a->nglobals] = init;
  return a->nglobals++;
}
void asm_entry(asm_image *a, uint32_t m) { a->entry = m; }
void asm_selectors(asm_image *a, uint32_t n) { if (n > a->selectors) a->selectors = n; }

static uint32_t label_offset(asm_image *a, uint32_t l) {
  if (l >= a->nlabels || !a->labels[l].bound) { fprintf(stderr, "asm: unbound label %u\n", (unsigned)l); abort(); }
  return a->labels[l].offset;
}

static int cmp_entry(const void *x, const void *y) {
  const entry *p = x, *q = y;
  return p->sel < q->sel ? -1 : p->sel > q->sel;
}

static void align4(buf *b) { while (b->n & 3) put8(b, 0); }

uint8_t *asm_emit(asm_image *a, size_t *length) {
  for (uint32_t i = 0; i < a->nfixups; i++) {
    fixup *f = &a->fixups[i];
    uint32_t target = label_offset(a, f->label);
    int32_t v = f->kind == 0 ? (int32_t)target - (int32_t)f->end : (int32_t)target;
    uint8_t *p = a->methods[f->method].code.p + f->at;
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
  }
  buf out = { 0 };
  uint8_t header[EAVE_HEADER_SIZE] = { 0 };
  put(&out, header, sizeof header);
  uint32_t tables = (uint32_t)out.n;
  uint32_t ntables = a->nconstants + a->nclasses + a->nmethods;
  for (uint32_t i = 0; i < ntables; i++) put32(&out, 0);
  for (uint32_t i = 0; i < a->nglobals; i++) put32(&out, a->globals[i]);
  uint32_t slot = 0;
  for (uint32_t i = 0; i < a->nconstants; i++, slot++) {
    align4(&out);
    uint32_t at = (uint32_t)out.n;
    memcpy(out.p + tables + 4 * slot, &at, 4);
    put(&out, a->constants[i].p, a->constants[i].n);
  }
  for (uint32_t i = 0; i < a->nclasses; i++, slot++) {
    klass *k = &a->classes[i];
    align4(&out);
    uint32_t at = (uint32_t)out.n;
    memcpy(out.p + tables + 4 * slot, &at, 4);
    varint(&out, k->super == ASM_NONE ? 0 : k->super + 1);
    varint(&out, k->flags);
    varint(&out, k->name == ASM_NONE ? 0 : k->name + 1);
    varint(&out, k->fields);
    varint(&out, k->nsuper);
    for (uint32_t s = 0; s < k->nsuper; s++) varint(&out, k->supertypes[s]);
    if (k->ndispatch) qsort(k->dispatch, k->ndispatch, sizeof(entry), cmp_entry);
    varint(&out, k->ndispatch);
    for (uint32_t d = 0; d < k->ndispatch; d++) { varint(&out, k->dispatch[d].sel); varint(&out, k->dispatch[d].method); }
  }
  for (uint32_t i = 0; i < a->nmethods; i++, slot++) {
    method *m = &a->methods[i];
    align4(&out);
    uint32_t at = (uint32_t)out.n;
    memcpy(out.p + tables + 4 * slot, &at, 4);
    varint(&out, m->flags);
    varint(&out, m->arity);
    varint(&out, m->locals);
    varint(&out, m->max_stack);
    varint(&out, m->nhandlers);
    for (uint32_t h = 0; h < m->nhandlers; h++) {
      varint(&out, m->handlers[h].kind);
      varint(&out, label_offset(a, m->handlers[h].start));
      varint(&out, label_offset(a, m->handlers[h].end));
      varint(&out, label_offset(a, m->handlers[h].handler));
      varint(&out, m->handlers[h].depth);
    }
    varint(&out, (uint32_t)m->code.n);
    if (m->code.n) put(&out, m->code.p, m->code.n);
  }
  align4(&out);
  uint8_t *p = out.p;
  memcpy(p, "EAVE", 4);
  p[4] = 1;
  uint32_t size = (uint32_t)out.n;
  memcpy(p + 8, &size, 4);
  uint32_t fields[6] = { a->nconstants, a->nclasses, a->nmethods, a->nglobals, a->selectors, a->entry };
  memcpy(p + 32, fields, sizeof fields);
  memcpy(p + 56, a->well_known, sizeof a->well_known);
  uint8_t digest[32];
  sha256(p + 32, size - 32, digest);
  memcpy(p + 16, digest, 16);
  uint32_t crc = eave_crc32(p + 32, size - 32);
  memcpy(p + 12, &crc, 4);
  *length = size;
  return p;
}

asm_core asm_add_core(asm_image *a) {
  asm_core k;
  k.object = asm_class(a, ASM_NONE, 0, "Object", 0);
  k.null_ = asm_class(a, k.object, 0, "Null_", 0);
  k.true_ = asm_class(a, k.object, 0, "True_", 0);
  k.false_ = asm_class(a, k.object, 0, "False_", 0);
  k.int_ = asm_class(a, k.object, 0, "SmallInteger_", 0);
  k.float_ = asm_class(a, k.object, 0, "float", 0);
  k.string = asm_class(a, k.object, 0, "String_", 0);
  k.bytes = asm_class(a, k.object, 0, "ByteArray_", 0);
  k.array = asm_class(a, k.object, 0, "Array_", 0);
  k.lambda = asm_class(a, k.object, 0, "Lambda", 0);
  k.block = asm_class(a, k.object, 0, "Block_", 0);
  k.exception = asm_class(a, k.object, 0, "Exception_", 2);
  uint32_t all[12] = { k.object, k.null_, k.true_, k.false_, k.int_, k.float_, k.string, k.bytes, k.array, k.lambda, k.block, k.exception };
  for (int i = 0; i < 12; i++) asm_well_known(a, i, all[i]);
  return k;
}
