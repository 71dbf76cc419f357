/* Calls: the class of a value, `is` checks, virtual lookup through the per-container cache, and
 * frame entry (arity, stack space and frame count checks; locals start as null). */
#include "internal.h"

uint32_t eave_class_of(eave_container *c, eave_value v) {
  const uint32_t *wk = c->image.well_known;
  if (eave_is_smi(v)) return wk[EAVE_WK_INT];
  if (!eave_is_object(v)) {
    if (v == EAVE_NULL) return wk[EAVE_WK_NULL];
    if (v == EAVE_TRUE) return wk[EAVE_WK_TRUE];
    if (v == EAVE_FALSE) return wk[EAVE_WK_FALSE];
    return wk[EAVE_WK_OBJECT];
  }
  eave_object *o = eave_obj(v);
  switch (eave_kind_of(o)) {
    case EAVE_KIND_INSTANCE: return o->klass & 0xFFFF;
    case EAVE_KIND_ARRAY: return wk[EAVE_WK_ARRAY];
    case EAVE_KIND_BYTES: return wk[EAVE_WK_BYTES];
    case EAVE_KIND_STRING: return wk[EAVE_WK_STRING];
    case EAVE_KIND_INT: return wk[EAVE_WK_INT];
    case EAVE_KIND_FLOAT: return wk[EAVE_WK_FLOAT];
    case EAVE_KIND_LAMBDA: return wk[EAVE_WK_LAMBDA];
    case EAVE_KIND_BLOCK: return wk[EAVE_WK_BLOCK];
    default: return wk[EAVE_WK_OBJECT];
  }
}

static bool class_is(eave_container *c, uint32_t k, uint32_t klass) {
  const eave_image *img = &c->image;
  for (uint32_t steps = 0; k != EAVE_NONE && steps <= img->classes; steps++) {
    if (k == klass) return true;
    eave_class_info info;
    eave_class_decode(img, k, &info);
    const uint8_t *p = info.supertypes;
    for (uint32_t i = 0; i < info.supertype_count; i++)
      if (eave_varint(&p) == klass) return true;
    k = info.super_plus_one - 1;  /* 0 - 1 = EAVE_NONE ends the chain */
  }
  return false;
}

bool eave_is_instance_of(eave_container *c, eave_value v, uint32_t klass) {
  uint32_t k = eave_class_of(c, v);
  if (k > 0xFFFFu || klass > 0xFFFFu) return class_is(c, k, klass);
  uint32_t key = k << 16 | klass;
  uint32_t slot = (k * 7u + klass) & (EAVE_IS_CACHE_SIZE - 1);
  if (c->is_cache[slot].key == key) return c->is_cache[slot].answer != 0;
  bool answer = class_is(c, k, klass);
  c->is_cache[slot].key = key;
  c->is_cache[slot].answer = answer;
  return answer;
}

uint32_t eave_lookup(eave_container *c, uint32_t klass, uint32_t selector) {
  if (klass == EAVE_NONE) return EAVE_NONE;
  /* Two-way sets: an entry is looked for in both ways of its set; a new one goes to the first
   * way and pushes the old one to the second, so two hot pairs that hash alike both stay. */
  uint32_t key = klass << 16 | selector;
  uint32_t slot = eave_lookup_slot(klass, selector);
  if (c->lookup_cache[slot].key == key) return c->lookup_cache[slot].method;
  if (c->lookup_cache[slot + 1].key == key) return c->lookup_cache[slot + 1].method;
  eave_class_info info;
  eave_class_decode(&c->image, klass, &info);
  uint32_t method = EAVE_NONE;
  if (selector == EAVE_FIELDS_SELECTOR) {
    method = info.fields;
  } else {
    const uint8_t *p = info.dispatch;
    for (uint32_t i = 0; i < info.dispatch_count; i++) {
      uint32_t sel = eave_varint(&p), m = eave_varint(&p);
      if (sel >= selector) {
        if (sel == selector) method = m;
        break;
      }
    }
  }
  c->lookup_cache[slot + 1] = c->lookup_cache[slot];
  c->lookup_cache[slot].key = key;
  c->lookup_cache[slot].method = method;
  return method;
}

void eave_set_pending_error(eave_container *c, eave_vm_error e);

void eave_call_info_fill(eave_container *c, uint32_t method, eave_call_info *e) {
  eave_method_info m;
  eave_method_decode(&c->image, method, &m);
  e->key = method + 1;
  e->code = (uint32_t)(m.code - c->image.bytes);
  e->arity = (uint16_t)m.arity;
  e->locals = (uint16_t)m.locals;
  e->max_stack = (uint16_t)m.max_stack;
  e->flags = (uint16_t)m.flags;
}

bool eave_push_frame(eave_container *c, eave_task *t, uint32_t method, uint32_t argc) {
  const eave_call_info *e = eave_call_info_of(c, method);
  struct { uint32_t flags, arity, locals, max_stack; } m = {e->flags, e->arity, e->locals, e->max_stack};
  uint32_t code = e->code;
  if (EAVE_UNLIKELY(m.flags & EAVE_METHOD_ABSTRACT)) { eave_set_pending_error(c, EAVE_ERROR_ABSTRACT_METHOD); return false; }
  if (EAVE_UNLIKELY(m.arity != argc)) {
    /* A block or lambda takes what it is given (docs/bytecode.md): missing parameters are null
     * (a `::` lambda without parameters has the implicit `it`), extra arguments are dropped. */
    if (!(m.flags & (EAVE_METHOD_BLOCK | EAVE_METHOD_LAMBDA)) || argc == 0) {
      eave_set_pending_error(c, EAVE_ERROR_WRONG_ARITY);
      return false;
    }
    if (argc > m.arity) {
      t->sp -= argc - m.arity;
    } else {
      if (t->sp + (m.arity - argc) > EAVE_TASK_STACK_SLOTS) {
        eave_set_pending_error(c, EAVE_ERROR_STACK_OVERFLOW);
        return false;
      }
      while (argc < m.arity) t->stack[t->sp++] = EAVE_NULL, argc++;
    }
    argc = m.arity;
  }
  if (EAVE_UNLIKELY(t->frame_count >= EAVE_TASK_MAX_FRAMES ||
                    t->sp + m.locals + m.max_stack > EAVE_TASK_STACK_SLOTS)) {
    eave_set_pending_error(c, EAVE_ERROR_STACK_OVERFLOW);
    return false;
  }
  eave_frame *f = &t->frames[t->frame_count++];
  f->method = method;
  f->pc = 0;
  f->base = t->sp - argc;
  f->serial = 0;
  f->slots = (uint16_t)(m.arity + m.locals);
  f->max_stack = (uint16_t)m.max_stack;
  f->global = EAVE_NONE;
  f->code = code;
  eave_value *s = t->stack + t->sp;
  for (uint32_t i = 0; i < m.locals; i++) s[i] = EAVE_NULL;
  t->sp += m.locals;
  return true;
}
