/* Container heaps: two semispaces of `quota` bytes taken from the port when the container starts
 * (so a running container never asks the port for heap memory and cannot starve its neighbours),
 * bump allocation, a reserve that lets OUT_OF_MEMORY be thrown when nothing else fits, and the
 * constructors of the built-in object kinds. */
#include <stdio.h>

#include "gc.h"
#include "heap.h"

void *eave_port_alloc(const eave_port *port, size_t size) {
  if (size == 0) size = 1;
  return port->alloc ? port->alloc(port->context, size) : NULL;
}

void eave_port_free(const eave_port *port, void *pointer, size_t size) {
  if (pointer && port->free) port->free(port->context, pointer, size == 0 ? 1 : size);
}

static void set_limit(eave_container *c) {
  c->limit = c->space + c->heap_size - (c->in_reserve ? 0 : EAVE_HEAP_RESERVE);
}

bool eave_heap_init(eave_container *c, size_t quota) {
  quota = (quota + EAVE_OBJECT_ALIGN - 1) & ~(size_t)(EAVE_OBJECT_ALIGN - 1);
  c->heap_size = quota;
  c->space = eave_port_alloc(&c->vm->port, quota);
  c->other = eave_port_alloc(&c->vm->port, quota);
  if (!c->space || !c->other || ((uintptr_t)c->space & 7) || ((uintptr_t)c->other & 7)) {
    eave_heap_release(c);
    return false;
  }
  c->top = c->space;
  c->in_reserve = false;
  set_limit(c);
  return true;
}

void eave_heap_release(eave_container *c) {
  eave_port_free(&c->vm->port, c->space, c->heap_size);
  eave_port_free(&c->vm->port, c->other, c->heap_size);
  c->space = c->other = c->top = c->limit = NULL;
}

size_t eave_heap_used(const eave_container *c) { return (size_t)(c->top - c->space); }

void eave_heap_after_gc(eave_container *c);
void eave_heap_after_gc(eave_container *c) {
  c->in_reserve = false;
  set_limit(c);
}

/* Throwing OUT_OF_MEMORY must allocate the error and its unwind: the reserve allows it. */
void eave_heap_enter_reserve(eave_container *c, bool on);
void eave_heap_enter_reserve(eave_container *c, bool on) {
  c->in_reserve = on;
  set_limit(c);
}

eave_object *eave_alloc(eave_container *c, eave_kind kind, uint32_t klass, size_t payload) {
  if (payload > EAVE_MAX_OBJECT_SIZE) return NULL;
  size_t size = (sizeof(eave_object) + payload + EAVE_OBJECT_ALIGN - 1) & ~(size_t)(EAVE_OBJECT_ALIGN - 1);
#if EAVE_GC_STRESS
  if (!c->in_reserve) eave_gc_collect(c);
#endif
  if (size > eave_heap_room(c)) {
    if (!c->in_reserve) eave_gc_collect(c);
    if (size > eave_heap_room(c)) return NULL;
  }
  eave_object *o = (eave_object *)(void *)c->top;
  c->top += size;
  o->meta = (uint32_t)kind | (uint32_t)(size / 8) << 8;
  o->klass = klass & 0xFFFF;
  o->length = 0;
  o->aux = 0;
  return o;
}

static uint32_t wk(eave_container *c, int which) { return c->image.well_known[which]; }

eave_value eave_new_int(eave_container *c, int64_t i) {
  if (eave_smi_fits(i)) return eave_smi((intptr_t)i);
  eave_object *o = eave_alloc(c, EAVE_KIND_INT, wk(c, EAVE_WK_INT), sizeof(int64_t));
  if (!o) return 0;
  memcpy(eave_payload(o), &i, sizeof i);
  return eave_from_obj(o);
}

eave_value eave_new_float(eave_container *c, double d) {
  eave_object *o = eave_alloc(c, EAVE_KIND_FLOAT, wk(c, EAVE_WK_FLOAT), sizeof(double));
  if (!o) return 0;
  memcpy(eave_payload(o), &d, sizeof d);
  return eave_from_obj(o);
}

eave_value eave_new_string(eave_container *c, const uint8_t *bytes, size_t length) {
  if (length > EAVE_MAX_OBJECT_SIZE) return 0;
  eave_object *o = eave_alloc(c, EAVE_KIND_STRING, wk(c, EAVE_WK_STRING), length + 1);
  if (!o) return 0;
  o->length = (uint32_t)length;
  uint8_t *p = eave_payload(o);
  if (bytes && length) memcpy(p, bytes, length);
  p[length] = 0;
  return eave_from_obj(o);
}

eave_value eave_new_external_string(eave_container *c, const uint8_t *bytes, size_t length) {
  eave_object *o = eave_alloc(c, EAVE_KIND_STRING, wk(c, EAVE_WK_STRING), sizeof(const uint8_t *));
  if (!o) return 0;
  o->meta |= EAVE_FLAG_EXTERNAL << 4;
  o->length = (uint32_t)length;
  memcpy(eave_payload(o), &bytes, sizeof bytes);
  return eave_from_obj(o);
}

eave_value eave_new_array(eave_container *c, size_t length, eave_value fill) {
  if (length > EAVE_MAX_OBJECT_SIZE / sizeof(eave_value)) return 0;
  eave_object *o = eave_alloc(c, EAVE_KIND_ARRAY, wk(c, EAVE_WK_ARRAY), length * sizeof(eave_value));
  if (!o) return 0;
  o->length = (uint32_t)length;
  eave_value *v = eave_values(o);
  for (size_t i = 0; i < length; i++) v[i] = fill;
  return eave_from_obj(o);
}

eave_value eave_new_bytes(eave_container *c, const uint8_t *bytes, size_t length) {
  if (length > EAVE_MAX_OBJECT_SIZE) return 0;
  eave_object *o = eave_alloc(c, EAVE_KIND_BYTES, wk(c, EAVE_WK_BYTES), length);
  if (!o) return 0;
  o->length = (uint32_t)length;
  if (length) {
    if (bytes) memcpy(eave_payload(o), bytes, length);
    else memset(eave_payload(o), 0, length);
  }
  return eave_from_obj(o);
}

static const char *const error_texts[] = {
#define E_TEXT(name) #name,
  EAVE_VM_ERRORS(E_TEXT)
#undef E_TEXT
};

const char *eave_vm_error_text(eave_vm_error e) {
  return (unsigned)e < EAVE_ERROR_COUNT ? error_texts[e] : "?";
}

eave_value eave_vm_error_value(eave_container *c, eave_vm_error e) {
  const char *text = eave_vm_error_text(e);
  return eave_new_external_string(c, (const uint8_t *)text, strlen(text));
}
