/* The copying collector: Cheney's algorithm over the container's two semispaces. Precise: roots
 * are the task stacks below their stack pointers, globals, materialised constants, the values
 * the VM holds while it throws and the objects a debugger handed out; objects say by their kind which words are values. */
#include "gc.h"

void eave_heap_after_gc(eave_container *c);

typedef struct {
  uint8_t *from_start, *from_end;
  uint8_t *free;
} gc_state;

static void copy(gc_state *g, eave_value *slot) {
  eave_value v = *slot;
  if (!eave_is_object(v) || v == 0) return;
  uint8_t *p = (uint8_t *)(void *)v;
  if (p < g->from_start || p >= g->from_end) return;  /* not in this heap (never expected) */
  eave_object *o = (eave_object *)(void *)p;
  void *forward;
  if (eave_kind_of(o) == EAVE_KIND_FORWARDED) {
    memcpy(&forward, &o->length, sizeof forward);
    *slot = (eave_value)(uintptr_t)forward;
    return;
  }
  size_t size = eave_size_of(o);
  memcpy(g->free, o, size);
  forward = g->free;
  g->free += size;
  o->meta = EAVE_KIND_FORWARDED;
  memcpy(&o->length, &forward, sizeof forward);
  *slot = (eave_value)(uintptr_t)forward;
}

static void copy_range(gc_state *g, eave_value *v, size_t n) {
  for (size_t i = 0; i < n; i++) copy(g, &v[i]);
}

void eave_gc_collect(eave_container *c) {
  gc_state g = { c->space, c->top, c->other };
  for (eave_task *t = c->tasks; t; t = t->next) {
    copy_range(&g, t->stack, t->sp);
    copy(&g, &t->held);
  }
  copy_range(&g, c->debug_roots, c->debug_root_count);
  copy_range(&g, c->globals, c->image.globals);
  copy_range(&g, c->constants, c->image.constants);
  copy(&g, &c->pending_throw);
  copy(&g, &c->pending_result);
  uint8_t *scan = c->other;
  while (scan < g.free) {
    eave_object *o = (eave_object *)(void *)scan;
    switch (eave_kind_of(o)) {
      case EAVE_KIND_INSTANCE:
      case EAVE_KIND_ARRAY:
      case EAVE_KIND_LAMBDA:
        copy_range(&g, eave_values(o), o->length);
        break;
      case EAVE_KIND_UNWIND:
        copy(&g, &((eave_unwind *)eave_payload(o))->value);
        break;
      default:
        break;
    }
    scan += eave_size_of(o);
  }
  uint8_t *old = c->space;
  c->space = c->other;
  c->other = old;
  c->top = g.free;
  c->gc_count++;
  eave_heap_after_gc(c);
}
