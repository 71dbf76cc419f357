/* Exceptions, non-local returns and branches: making the unwind object (with the trace of the
 * throwing task), walking the frames to the innermost handler or the target frame, and
 * describing an uncaught exception for the exit report. Finally handlers receive the unwind
 * object itself and RETHROW hands it back here, so a resumed unwind keeps its kind, target and
 * original trace. */
#include <stdio.h>

#include "internal.h"

void eave_set_pending_error(eave_container *c, eave_vm_error e) { c->pending_error = (int32_t)e; }

static eave_object *alloc_or_reserve(eave_container *c, eave_kind kind, size_t payload) {
  eave_object *o = eave_alloc(c, kind, c->image.well_known[EAVE_WK_OBJECT], payload);
  if (o) return o;
  eave_heap_enter_reserve(c, true);
  o = eave_alloc(c, kind, c->image.well_known[EAVE_WK_OBJECT], payload);
  eave_heap_enter_reserve(c, false);
  return o;
}

eave_value eave_make_unwind(eave_container *c, eave_unwind_kind kind, eave_value value, uint32_t frame,
                            uint32_t pc, uint32_t depth) {
  c->pending_result = value;  /* a root while allocating */
  eave_object *o = alloc_or_reserve(c, EAVE_KIND_UNWIND, sizeof(eave_unwind));
  value = c->pending_result;
  c->pending_result = EAVE_NULL;
  if (!o) return 0;
  o->length = kind;
  o->aux = 0;
  eave_unwind *u = eave_payload(o);
  memset(u, 0, sizeof *u);
  u->value = value;
  u->frame = frame;
  u->pc = pc;
  u->depth = depth;
  return eave_from_obj(o);
}

eave_value eave_make_exception(eave_container *c, eave_task *t) {
  if (c->pending_error >= 0) {
    eave_vm_error e = (eave_vm_error)c->pending_error;
    c->pending_error = -1;
    const char *text = eave_vm_error_text(e);
    eave_object *s = alloc_or_reserve(c, EAVE_KIND_STRING, sizeof(const uint8_t *));
    if (!s) return 0;
    s->klass = c->image.well_known[EAVE_WK_STRING] & 0xFFFF;
    s->meta |= EAVE_FLAG_EXTERNAL << 4;
    s->length = (uint32_t)strlen(text);
    memcpy(eave_payload(s), &text, sizeof text);
    c->pending_throw = eave_from_obj(s);
  }
  eave_value u = eave_make_unwind(c, EAVE_UNWIND_EXCEPTION, c->pending_throw, 0, 0, 0);
  c->pending_throw = EAVE_NULL;
  if (!u) return 0;
  eave_object *o = eave_obj(u);
  eave_unwind *w = eave_payload(o);
  uint32_t n = 0;
  for (uint32_t i = t->frame_count; i > 0 && n < EAVE_MAX_TRACE_FRAMES; i--, n++) {
    eave_frame *f = &t->frames[i - 1];
    w->trace[n].method = f->method;
    w->trace[n].offset = f->pc ? f->pc - 1 : 0;
  }
  o->aux = n;
  return u;
}

static bool is_oom(eave_value v) {
  if (!eave_has_kind(v, EAVE_KIND_STRING)) return false;
  eave_object *o = eave_obj(v);
  const char *text = eave_vm_error_text(EAVE_ERROR_OUT_OF_MEMORY);
  return o->length == strlen(text) && memcmp(eave_string_bytes(o), text, o->length) == 0;
}

void eave_describe(eave_container *c, eave_value v, char *buffer, size_t capacity, size_t *length) {
  int n = 0;
  if (eave_has_kind(v, EAVE_KIND_INSTANCE) && (eave_obj(v)->klass & 0xFFFF) == c->image.well_known[EAVE_WK_EXCEPTION]) {
    eave_object *o = eave_obj(v);
    if (o->length >= 2 && eave_has_kind(eave_values(o)[1], EAVE_KIND_STRING)) v = eave_values(o)[1];
    else if (o->length >= 1) v = eave_values(o)[0];
  }
  if (eave_has_kind(v, EAVE_KIND_STRING)) {
    eave_object *o = eave_obj(v);
    size_t len = o->length < capacity ? o->length : capacity;
    memcpy(buffer, eave_string_bytes(o), len);
    *length = len;
    return;
  }
  if (eave_is_int(v)) n = snprintf(buffer, capacity, "%lld", (long long)eave_int_value(v));
  else if (v == EAVE_NULL) n = snprintf(buffer, capacity, "null");
  else if (v == EAVE_TRUE) n = snprintf(buffer, capacity, "true");
  else if (v == EAVE_FALSE) n = snprintf(buffer, capacity, "false");
  else n = snprintf(buffer, capacity, "an instance of class %u", (unsigned)eave_class_of(c, v));
  if (n < 0) n = 0;
  *length = (size_t)n < capacity ? (size_t)n : capacity;
}

static void record_failure(eave_container *c, eave_object *o) {
  eave_unwind *u = eave_payload(o);
  c->exit_trace_length = o->aux;
  memcpy(c->exit_trace, u->trace, sizeof(eave_trace_entry) * o->aux);
  c->exit_kind = is_oom(u->value) ? EAVE_EXIT_OUT_OF_MEMORY : EAVE_EXIT_EXCEPTION;
  c->exit_code = 1;
  eave_describe(c, u->value, c->exit_message, sizeof c->exit_message, &c->exit_message_length);
}

/* Sets the operand stack of frame `f` to `depth` values (filling with null when it was lower). */
static void cut_stack(eave_task *t, eave_frame *f, uint32_t depth) {
  uint32_t sp = f->base + f->slots + depth;
  for (uint32_t i = t->sp; i < sp; i++) t->stack[i] = EAVE_NULL;
  t->sp = sp;
}

eave_unwind_result eave_unwind_run(eave_container *c, eave_task *t, eave_value unwind) {
  eave_object *o = eave_obj(unwind);
  eave_unwind *u = eave_payload(o);
  eave_unwind_kind kind = (eave_unwind_kind)o->length;
  if (kind != EAVE_UNWIND_EXCEPTION &&
      (u->frame >= t->frame_count || t->frames[u->frame].serial != u->serial)) {
    /* A rethrown unwind whose target frame is gone (only a hostile program can do this). */
    c->exit_kind = EAVE_EXIT_ERROR;
    c->exit_code = 1;
    c->exit_message_length = (size_t)snprintf(c->exit_message, sizeof c->exit_message, "non-local unwind to a dead frame");
    c->exit_trace_length = 0;
    return EAVE_UNWIND_FATAL;
  }
  while (t->frame_count > 0) {
    uint32_t index = t->frame_count - 1;
    eave_frame *f = &t->frames[index];
    bool is_target = kind != EAVE_UNWIND_EXCEPTION && index == u->frame;
    uint32_t pc = f->pc ? f->pc - 1 : 0;
    eave_method_info m;
    eave_method_decode(&c->image, f->method, &m);
    const uint8_t *p = m.handlers;
    for (uint32_t h = 0; h < m.handler_count; h++) {
      uint32_t hk = eave_varint(&p), start = eave_varint(&p), end = eave_varint(&p);
      uint32_t target = eave_varint(&p), depth = eave_varint(&p);
      if (pc < start || pc >= end) continue;
      if (kind == EAVE_UNWIND_EXCEPTION) {
        /* catch and finally both stop exceptions */
      } else if (hk != 1) {
        continue;  /* catch handlers stop exceptions only */
      } else if (is_target && kind == EAVE_UNWIND_BRANCH && u->pc >= start && u->pc < end) {
        continue;  /* the branch stays inside this try */
      }
      cut_stack(t, f, depth);
      t->stack[t->sp++] = (hk == 0) ? u->value : unwind;
      f->pc = target;
      return EAVE_UNWIND_CONTINUE;
    }
    if (is_target) {
      if (kind == EAVE_UNWIND_BRANCH) {
        cut_stack(t, f, u->depth);
        f->pc = u->pc;
        return EAVE_UNWIND_CONTINUE;
      }
      eave_value value = u->value;
      if (f->global != EAVE_NONE) c->globals[f->global] = value;
      t->sp = f->base;
      t->frame_count--;
      if (t->frame_count == 0) return EAVE_UNWIND_TASK_DONE;
      t->stack[t->sp++] = value;
      return EAVE_UNWIND_CONTINUE;
    }
    if (f->global != EAVE_NONE) c->globals[f->global] = EAVE_UNSET;
    t->sp = f->base;
    t->frame_count--;
  }
  record_failure(c, o);
  return EAVE_UNWIND_TASK_FAILED;
}
