/* The debug agent: the request handler of docs/debug-protocol.md over the VM's internals, and the
 * VM debug hooks that stop the attached container (entry, breakpoints, steps by ranges, throws)
 * and report its end. Breakpoints and steps set the container's debug flag, which makes the
 * scheduler run it in the checking loop (firmware/vm/interpret_debug.c); with neither, the flag
 * is clear and the container runs in the ordinary loop at full speed. */
#include "debug_agent.h"

#include <stdio.h>
#include <string.h>

#include "debug_codec.h"
#include "internal.h"

typedef struct {
  uint32_t id, method, offset;
} breakpoint;

struct eave_debug_agent {
  eave_vm *vm;
  eave_debug_agent_port port;
  eave_debug_hooks hooks;
  /* The attachment: a container name; its id once it runs (0: installed, not started). */
  bool attached;
  char name[EAVE_MAX_NAME + 1];
  uint32_t id;
  uint8_t exception_flags;
  breakpoint breakpoints[EAVE_MAX_BREAKPOINTS];
  uint32_t breakpoint_count, next_breakpoint;
  /* The step in progress: task, mode, the stepped frame (index from the bottom and serial), the
   * ranges of its method. */
  bool stepping;
  uint32_t step_task, step_index, step_serial;
  uint8_t step_mode;
  uint32_t range_count;
  eave_debug_range ranges[EAVE_DEBUG_MAX_RANGES];
  /* After a breakpoint or step stop, the instruction the task stopped before runs once unchecked. */
  bool skip;
  uint32_t skip_task, skip_frames, skip_pc;
  uint32_t stop_task;   /* the task of the last STOPPED */
  /* Objects handed out while stopped: GC roots of the container (c->debug_roots). */
  eave_value *references;
  uint32_t reference_count;
  /* Messages waiting for the link: [length: 2 bytes LE][bytes]... */
  size_t queued;
  uint32_t dropped;
  uint8_t queue[EAVE_DEBUG_OUTBOX];
  eave_debug_request request;
  uint8_t out[EAVE_DEBUG_MAX_MESSAGE];
};

/* ---------------------------------------------------------------------------------------------
 * Sending. */

static void send(eave_debug_agent *a, const uint8_t *bytes, size_t length) {
  if (a->queued == 0 && a->port.send(a->port.context, bytes, length)) return;
  if (a->queued + 2 + length > sizeof a->queue) {
    a->dropped++;
    return;
  }
  a->queue[a->queued] = (uint8_t)length;
  a->queue[a->queued + 1] = (uint8_t)(length >> 8);
  memcpy(a->queue + a->queued + 2, bytes, length);
  a->queued += 2 + length;
}

void eave_debug_agent_poll(eave_debug_agent *a) {
  size_t at = 0;
  while (at < a->queued) {
    size_t length = (size_t)a->queue[at] | (size_t)a->queue[at + 1] << 8;
    if (!a->port.send(a->port.context, a->queue + at + 2, length)) break;
    at += 2 + length;
  }
  memmove(a->queue, a->queue + at, a->queued - at);
  a->queued -= at;
}

uint32_t eave_debug_agent_dropped(const eave_debug_agent *a) { return a->dropped; }

static void send_writer(eave_debug_agent *a, eave_debug_writer *w) {
  if (!w->overflow) send(a, w->bytes, w->length);
}

static void reply_error(eave_debug_agent *a, uint32_t request, uint32_t code, const char *format, const char *arg) {
  char text[160];
  int n = snprintf(text, sizeof text, format, arg ? arg : "");
  if (n < 0) n = 0;
  if ((size_t)n >= sizeof text) n = sizeof text - 1;
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_error(&w, request, code, text, (size_t)n);
  send_writer(a, &w);
}

static void reply_ok(eave_debug_agent *a, uint32_t request) {
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_OK, request);
  send_writer(a, &w);
}

static void event_continued(eave_debug_agent *a) {
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_CONTINUED, 0);
  send_writer(a, &w);
}

/* ---------------------------------------------------------------------------------------------
 * The attached container, its tasks and frames. */

static eave_container *container(eave_debug_agent *a) {
  if (!a->attached || a->id == 0) return NULL;
  for (eave_container *c = a->vm->containers; c; c = c->next)
    if (c->id == a->id && !c->ended) return c;
  return NULL;
}

static eave_container *live_by_name(eave_debug_agent *a, const char *name) {
  for (eave_container *c = a->vm->containers; c; c = c->next)
    if (!c->ended && strcmp(c->name, name) == 0) return c;
  return NULL;
}

static eave_task *task_by_id(eave_container *c, uint32_t id) {
  for (eave_task *t = c->tasks; t; t = t->next)
    if (t->id == id && t->state != EAVE_TASK_DONE) return t;
  return NULL;
}

/* The debug flag: on while a breakpoint or a step needs the checking loop. */
static void update_flag(eave_debug_agent *a) {
  eave_container *c = container(a);
  if (c) eave_vm_arm_breakpoints(a->vm, c->id, a->breakpoint_count > 0 || a->stepping);
}

/* The start of the instruction that contains `pc - 1` in `method`: the call a caller frame is
 * in. The code is decoded from its start (compiled code has no gaps). */
static uint32_t call_offset(eave_container *c, uint32_t method, uint32_t pc) {
  if (pc == 0) return 0;
  eave_method_info m;
  eave_method_decode(&c->image, method, &m);
  uint32_t at = 0;
  while (at < m.code_length) {
    uint32_t op = m.code[at];
    uint32_t next = at + 1 + (op < EAVE_OP_COUNT ? eave_operand_bytes[op] : 0);
    if (next >= pc) return at;
    at = next;
  }
  return pc - 1;
}

static uint32_t frame_offset(eave_container *c, eave_task *t, uint32_t index_from_top) {
  eave_frame *f = &t->frames[t->frame_count - 1 - index_from_top];
  return index_from_top == 0 ? f->pc : call_offset(c, f->method, f->pc);
}

/* ---------------------------------------------------------------------------------------------
 * References and values. */

static void release_references(eave_debug_agent *a) {
  a->reference_count = 0;
  eave_container *c = container(a);
  if (c) c->debug_root_count = 0;
}

static void free_references(eave_debug_agent *a) {
  eave_container *c = container(a);
  if (c) {
    c->debug_roots = NULL;
    c->debug_root_count = 0;
  }
  if (a->references) eave_port_free(&a->vm->port, a->references, EAVE_MAX_DEBUG_REFERENCES * sizeof(eave_value));
  a->references = NULL;
  a->reference_count = 0;
}

/* The reference of object `v` (1-based; 0 when the table is full or has no memory). */
static uint32_t reference(eave_debug_agent *a, eave_container *c, eave_value v) {
  for (uint32_t i = 0; i < a->reference_count; i++)
    if (a->references[i] == v) return i + 1;
  if (!a->references) {
    a->references = eave_port_alloc(&a->vm->port, EAVE_MAX_DEBUG_REFERENCES * sizeof(eave_value));
    if (!a->references) return 0;
  }
  if (a->reference_count >= EAVE_MAX_DEBUG_REFERENCES) return 0;
  a->references[a->reference_count++] = v;
  c->debug_roots = a->references;
  c->debug_root_count = a->reference_count;
  return a->reference_count;
}

static void to_value(eave_debug_agent *a, eave_container *c, eave_value v, eave_debug_value *out) {
  memset(out, 0, sizeof *out);
  if (eave_is_smi(v)) {
    out->kind = EAVE_DBG_VALUE_INT;
    out->integer = eave_smi_value(v);
    return;
  }
  if (!eave_is_object(v) || v == 0) {
    out->kind = v == EAVE_TRUE ? EAVE_DBG_VALUE_TRUE : v == EAVE_FALSE ? EAVE_DBG_VALUE_FALSE : EAVE_DBG_VALUE_NULL;
    return;
  }
  eave_object *o = eave_obj(v);
  switch (eave_kind_of(o)) {
    case EAVE_KIND_INT:
      out->kind = EAVE_DBG_VALUE_INT;
      out->integer = eave_boxed_int(o);
      return;
    case EAVE_KIND_FLOAT: {
      double d = eave_float_value(o);
      uint64_t bits;
      memcpy(&bits, &d, sizeof bits);
      out->kind = EAVE_DBG_VALUE_FLOAT;
      for (int i = 0; i < 8; i++) out->float_bytes[i] = (uint8_t)(bits >> (8 * i));
      return;
    }
    case EAVE_KIND_STRING:
      out->kind = EAVE_DBG_VALUE_STRING;
      out->reference = reference(a, c, v);
      out->size = o->length;
      out->text = eave_string_bytes(o);
      return;
    case EAVE_KIND_INSTANCE: case EAVE_KIND_ARRAY: case EAVE_KIND_BYTES: case EAVE_KIND_LAMBDA:
      out->size = o->length;
      break;
    default:
      out->size = 0;
      break;
  }
  out->kind = EAVE_DBG_VALUE_OBJECT;
  out->reference = reference(a, c, v);
  uint32_t k = eave_class_of(c, v);
  out->class_index = k == EAVE_NONE ? 0 : k;
}

/* VALUES of `count` values from `start`, as many as fit; `get` reads value i (< total). */
typedef eave_value (*value_at)(void *source, uint32_t i);

static void reply_values(eave_debug_agent *a, eave_container *c, uint32_t request, void *source, value_at get,
                         uint32_t total, uint32_t start, uint32_t count) {
  uint8_t body[EAVE_DEBUG_MAX_MESSAGE];
  eave_debug_writer values;
  eave_debug_writer_init(&values, body, sizeof body);
  uint32_t n = 0;
  /* head (1 + at most 5) and the count (at most 2 for what fits) */
  size_t room = EAVE_DEBUG_MAX_MESSAGE - 8;
  for (uint64_t i = start; i < total && n < count; i++) {
    eave_debug_value v;
    to_value(a, c, get(source, (uint32_t)i), &v);
    size_t size = eave_debug_value_size(&v);
    if (values.length + size > room) break;
    eave_debug_put_value(&values, &v);
    n++;
  }
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_VALUES, request);
  eave_debug_put_varint(&w, n);
  eave_debug_put_bytes(&w, body, values.length);
  send_writer(a, &w);
}

static eave_value slot_at(void *source, uint32_t i) { return ((eave_value *)source)[i]; }
static eave_value global_at(void *source, uint32_t i) {
  eave_value v = ((eave_value *)source)[i];
  return v == EAVE_UNSET || v == EAVE_BUSY ? EAVE_NULL : v;
}
static eave_value byte_at(void *source, uint32_t i) { return eave_smi(((const uint8_t *)source)[i]); }

/* ---------------------------------------------------------------------------------------------
 * Stopping. */

static void event_stopped(eave_debug_agent *a, eave_container *c, uint32_t task, uint8_t reason, uint32_t bp,
                          eave_value exception, bool uncaught) {
  a->stop_task = task;
  eave_debug_value v;
  to_value(a, c, exception, &v);
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_STOPPED, 0);
  eave_debug_put_varint(&w, task);
  eave_debug_put_u8(&w, reason);
  eave_debug_put_varint(&w, bp);
  eave_debug_put_value(&w, &v);
  eave_debug_put_u8(&w, uncaught ? 1 : 0);
  send_writer(a, &w);
}

/* A stop before an instruction of `t`: that instruction runs unchecked once the task goes on. */
static void stop_at_instruction(eave_debug_agent *a, eave_container *c, eave_task *t, uint8_t reason, uint32_t bp) {
  a->skip = true;
  a->skip_task = t->id;
  a->skip_frames = t->frame_count;
  a->skip_pc = t->frames[t->frame_count - 1].pc;
  if (a->stepping) {
    a->stepping = false;
    update_flag(a);
  }
  event_stopped(a, c, t->id, reason, bp, EAVE_NULL, false);
}

static bool in_ranges(const eave_debug_agent *a, uint32_t pc) {
  for (uint32_t i = 0; i < a->range_count; i++)
    if (pc >= a->ranges[i].from && pc < a->ranges[i].to) return true;
  return false;
}

/* Whether the step of `t` ends before its next instruction (docs/debug-protocol.md, Stepping). */
static bool step_done(const eave_debug_agent *a, eave_task *t) {
  uint32_t top = t->frame_count - 1, k = a->step_index;
  if (t->frame_count <= k) return true;                        /* the stepped frame returned */
  if (t->frames[k].serial != a->step_serial) return true;      /* ... and another took its place */
  if (top > k) return a->step_mode == EAVE_DBG_STEP_IN;        /* a newer frame */
  if (a->step_mode == EAVE_DBG_STEP_OUT) return false;
  return !in_ranges(a, t->frames[top].pc);
}

static bool hook_instruction(void *context, eave_container *c, eave_task *t) {
  eave_debug_agent *a = context;
  if (!a->attached || c->id != a->id) return false;
  eave_frame *f = &t->frames[t->frame_count - 1];
  if (a->skip && t->id == a->skip_task) {
    a->skip = false;
    if (t->frame_count == a->skip_frames && f->pc == a->skip_pc) return false;
  }
  for (uint32_t i = 0; i < a->breakpoint_count; i++) {
    const breakpoint *b = &a->breakpoints[i];
    if (b->offset == f->pc && b->method == f->method) {
      stop_at_instruction(a, c, t, EAVE_DBG_REASON_BREAKPOINT, b->id);
      return true;
    }
  }
  if (a->stepping && t->id == a->step_task && step_done(a, t)) {
    stop_at_instruction(a, c, t, EAVE_DBG_REASON_STEP, 0);
    return true;
  }
  return false;
}

/* Whether a catch handler of the task covers its throw (finally handlers rethrow). */
static bool caught(eave_container *c, eave_task *t) {
  for (uint32_t i = t->frame_count; i > 0; i--) {
    eave_frame *f = &t->frames[i - 1];
    uint32_t pc = f->pc ? f->pc - 1 : 0;
    eave_method_info m;
    eave_method_decode(&c->image, f->method, &m);
    const uint8_t *p = m.handlers;
    for (uint32_t h = 0; h < m.handler_count; h++) {
      uint32_t kind = eave_varint(&p), start = eave_varint(&p), end = eave_varint(&p);
      eave_varint(&p);
      eave_varint(&p);
      if (kind == 0 && pc >= start && pc < end) return true;
    }
  }
  return false;
}

static bool hook_exception(void *context, eave_container *c, eave_task *t, eave_value unwind) {
  eave_debug_agent *a = context;
  if (!a->attached || c->id != a->id) return false;
  bool uncaught = !caught(c, t);
  if (!((a->exception_flags & 2) || ((a->exception_flags & 1) && uncaught))) return false;
  if (a->stepping) {
    a->stepping = false;
    update_flag(a);
  }
  a->skip = false;
  eave_value value = ((eave_unwind *)eave_payload(eave_obj(unwind)))->value;
  event_stopped(a, c, t->id, EAVE_DBG_REASON_EXCEPTION, 0, value, uncaught);
  return true;
}

static void apply(eave_debug_agent *a, eave_container *c) {
  c->debug_exceptions = a->exception_flags;
  update_flag(a);
}

static bool hook_started(void *context, eave_container *c) {
  eave_debug_agent *a = context;
  if (!a->attached || a->id != 0 || strcmp(c->name, a->name) != 0) return false;
  a->id = c->id;
  a->skip = false;
  apply(a, c);
  event_stopped(a, c, c->main_task_id, EAVE_DBG_REASON_ENTRY, 0, EAVE_NULL, false);
  return true;
}

static void detach(eave_debug_agent *a) {
  free_references(a);
  a->attached = false;
  a->id = 0;
  a->breakpoint_count = 0;
  a->stepping = false;
  a->skip = false;
  a->exception_flags = 0;
}

static void hook_ended(void *context, eave_container *c, const eave_exit *exit) {
  eave_debug_agent *a = context;
  if (!a->attached || c->id != a->id) return;
  char reason[160];
  int n = 0;
  switch (exit->kind) {
    case EAVE_EXIT_CODE: n = 0; break;
    case EAVE_EXIT_EXCEPTION:
      n = snprintf(reason, sizeof reason, "uncaught exception: %.*s", (int)exit->message_length, exit->message);
      break;
    case EAVE_EXIT_OUT_OF_MEMORY: n = snprintf(reason, sizeof reason, "out of memory"); break;
    case EAVE_EXIT_KILLED: n = snprintf(reason, sizeof reason, "stopped"); break;
    default: n = snprintf(reason, sizeof reason, "VM error: %.*s", (int)exit->message_length, exit->message); break;
  }
  if (n < 0) n = 0;
  if ((size_t)n >= sizeof reason) n = sizeof reason - 1;
  size_t length = eave_debug_utf8_cut((const uint8_t *)reason, (size_t)n, (size_t)n);
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_EXITED, 0);
  eave_debug_put_svarint(&w, exit->kind == EAVE_EXIT_CODE ? exit->code : (exit->code != 0 ? exit->code : 1));
  eave_debug_put_varint(&w, (uint32_t)length);
  eave_debug_put_bytes(&w, (const uint8_t *)reason, length);
  send_writer(a, &w);
  detach(a);
  c->debug_roots = NULL;
  c->debug_root_count = 0;
}

/* ---------------------------------------------------------------------------------------------
 * Requests. */

static void resume(eave_debug_agent *a, eave_container *c) {
  release_references(a);
  eave_vm_resume(a->vm, c->id);
}

static void do_attach(eave_debug_agent *a, const eave_debug_request *r) {
  char name[EAVE_MAX_NAME + 1];
  if (r->name_length == 0 || r->name_length > EAVE_MAX_NAME || memchr(r->name, 0, r->name_length)) {
    reply_error(a, r->request, EAVE_DBG_NO_SUCH_CONTAINER, "no container with that name", NULL);
    return;
  }
  memcpy(name, r->name, r->name_length);
  name[r->name_length] = 0;
  if (a->attached && strcmp(a->name, name) != 0) {
    reply_error(a, r->request, EAVE_DBG_ALREADY_ATTACHED, "attached to '%s': detach first", a->name);
    return;
  }
  eave_container *c = live_by_name(a, name);
  const uint8_t *image_id;
  uint8_t state;
  if (c) {
    image_id = c->image.bytes + 16;
    state = c->paused ? EAVE_DBG_STATE_STOPPED : EAVE_DBG_STATE_RUNNING;
  } else {
    const uint8_t *bytes;
    size_t length;
    if (!a->port.installed || !a->port.installed(a->port.context, name, &bytes, &length) || length < 32) {
      reply_error(a, r->request, EAVE_DBG_NO_SUCH_CONTAINER, "no container named '%s'", name);
      return;
    }
    image_id = bytes + 16;
    state = EAVE_DBG_STATE_NOT_STARTED;
  }
  if (a->attached) {
    /* Attaching again to the same container: a fresh session (the old host went away). */
    eave_container *old = container(a);
    a->breakpoint_count = 0;
    a->stepping = false;
    a->exception_flags = 0;
    if (old) apply(a, old);
  }
  a->attached = true;
  memcpy(a->name, name, r->name_length + 1);
  a->id = c ? c->id : 0;
  if (c) apply(a, c);
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_ATTACHED, r->request);
  eave_debug_put_varint(&w, c ? c->id : 0);
  eave_debug_put_varint(&w, 16);  /* bytes: length, then the image id */
  eave_debug_put_bytes(&w, image_id, 16);
  eave_debug_put_u8(&w, state);
  send_writer(a, &w);
}

static void do_detach(eave_debug_agent *a, const eave_debug_request *r) {
  eave_container *c = container(a);
  if (c) {
    c->debug_exceptions = 0;
    eave_vm_arm_breakpoints(a->vm, c->id, false);
  }
  bool was_paused = c && c->paused;
  free_references(a);
  detach(a);
  reply_ok(a, r->request);
  if (was_paused) {
    eave_vm_resume(a->vm, c->id);
    event_continued(a);
  }
}

/* The image breakpoints are checked against: the running one, or the installed one. */
static bool location_ok(eave_debug_agent *a, uint32_t method, uint32_t offset) {
  eave_container *c = container(a);
  if (c) {
    return method < c->image.methods && eave_image_depth_at(&a->vm->port, &c->image, method, offset) >= 0;
  }
  const uint8_t *bytes;
  size_t length;
  if (!a->port.installed || !a->port.installed(a->port.context, a->name, &bytes, &length)) return false;
  eave_image image;
  eave_load_result result;
  if (eave_image_load(&a->vm->port, bytes, length, &image, &result) != EAVE_OK) return false;
  return method < image.methods && eave_image_depth_at(&a->vm->port, &image, method, offset) >= 0;
}

static void do_set_breakpoint(eave_debug_agent *a, const eave_debug_request *r) {
  if (!location_ok(a, r->method, r->offset)) {
    char where[40];
    snprintf(where, sizeof where, "%lu:%lu", (unsigned long)r->method, (unsigned long)r->offset);
    reply_error(a, r->request, EAVE_DBG_BAD_LOCATION, "no instruction starts at method:offset %s", where);
    return;
  }
  if (a->breakpoint_count >= EAVE_MAX_BREAKPOINTS) {
    reply_error(a, r->request, EAVE_DBG_TOO_MANY_BREAKPOINTS, "too many breakpoints (EAVE_MAX_BREAKPOINTS)", NULL);
    return;
  }
  if (++a->next_breakpoint == 0) a->next_breakpoint = 1;
  breakpoint *b = &a->breakpoints[a->breakpoint_count++];
  b->id = a->next_breakpoint;
  b->method = r->method;
  b->offset = r->offset;
  update_flag(a);
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_BREAKPOINT_SET, r->request);
  eave_debug_put_varint(&w, b->id);
  send_writer(a, &w);
}

static void do_clear_breakpoint(eave_debug_agent *a, const eave_debug_request *r) {
  for (uint32_t i = 0; i < a->breakpoint_count; i++) {
    if (a->breakpoints[i].id == r->breakpoint) {
      a->breakpoints[i] = a->breakpoints[--a->breakpoint_count];
      break;
    }
  }
  update_flag(a);
  reply_ok(a, r->request);
}

static void do_tasks(eave_debug_agent *a, const eave_debug_request *r, eave_container *c) {
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_TASK_LIST, r->request);
  uint32_t n = 0;
  if (c)
    for (eave_task *t = c->tasks; t; t = t->next) n += t->state != EAVE_TASK_DONE;
  eave_debug_put_varint(&w, n);
  if (c) {
    for (eave_task *t = c->tasks; t; t = t->next) {
      uint8_t state;
      switch (t->state) {
        case EAVE_TASK_SLEEPING: state = EAVE_DBG_TASK_SLEEPING; break;
        case EAVE_TASK_RECEIVING: state = EAVE_DBG_TASK_WAITING; break;
        case EAVE_TASK_READY: state = c->paused ? EAVE_DBG_TASK_STOPPED : EAVE_DBG_TASK_RUNNABLE; break;
        default: continue;
      }
      eave_debug_put_varint(&w, t->id);
      eave_debug_put_u8(&w, state);
    }
  }
  send_writer(a, &w);
}

static void do_stack(eave_debug_agent *a, const eave_debug_request *r, eave_container *c, eave_task *t) {
  uint8_t body[EAVE_DEBUG_MAX_MESSAGE];
  eave_debug_writer frames;
  eave_debug_writer_init(&frames, body, EAVE_DEBUG_MAX_MESSAGE - 16);  /* head, total and n */
  uint32_t n = 0;
  for (uint64_t i = r->start; i < t->frame_count && n < r->count; i++) {
    eave_frame *f = &t->frames[t->frame_count - 1 - i];
    size_t before = frames.length;
    eave_debug_put_varint(&frames, f->method);
    eave_debug_put_varint(&frames, frame_offset(c, t, (uint32_t)i));
    if (frames.overflow) { frames.length = before; break; }
    n++;
  }
  eave_debug_writer w;
  eave_debug_writer_init(&w, a->out, sizeof a->out);
  eave_debug_put_head(&w, EAVE_DBG_FRAMES, r->request);
  eave_debug_put_varint(&w, t->frame_count);
  eave_debug_put_varint(&w, n);
  eave_debug_put_bytes(&w, body, frames.length);
  send_writer(a, &w);
}

static void do_object(eave_debug_agent *a, const eave_debug_request *r, eave_container *c) {
  if (r->reference == 0 || r->reference > a->reference_count) {
    reply_error(a, r->request, EAVE_DBG_STALE_REFERENCE, "no such object: references last until the container resumes", NULL);
    return;
  }
  eave_value v = a->references[r->reference - 1];
  eave_object *o = eave_obj(v);
  switch (eave_kind_of(o)) {
    case EAVE_KIND_INSTANCE: case EAVE_KIND_ARRAY: case EAVE_KIND_LAMBDA:
      reply_values(a, c, r->request, eave_values(o), slot_at, o->length, r->start, r->count);
      return;
    case EAVE_KIND_STRING: case EAVE_KIND_BYTES:
      reply_values(a, c, r->request, (void *)(uintptr_t)(eave_kind_of(o) == EAVE_KIND_STRING ? eave_string_bytes(o) : (const uint8_t *)eave_payload(o)),
                   byte_at, o->length, r->start, r->count);
      return;
    default:
      reply_values(a, c, r->request, NULL, slot_at, 0, r->start, r->count);
      return;
  }
}

static void do_step(eave_debug_agent *a, const eave_debug_request *r, eave_container *c, eave_task *t) {
  if (r->frame >= t->frame_count) {
    reply_error(a, r->request, EAVE_DBG_NO_SUCH_FRAME, "no such frame", NULL);
    return;
  }
  uint32_t k = t->frame_count - 1 - r->frame;
  eave_frame *f = &t->frames[k];
  if (f->serial == 0) {
    if (++c->next_serial == 0) c->next_serial = 1;
    f->serial = c->next_serial;
  }
  a->stepping = true;
  a->step_task = t->id;
  a->step_index = k;
  a->step_serial = f->serial;
  a->step_mode = r->mode;
  a->range_count = r->range_count;
  memcpy(a->ranges, r->ranges, r->range_count * sizeof r->ranges[0]);
  update_flag(a);
  reply_ok(a, r->request);
  resume(a, c);
  event_continued(a);
}

void eave_debug_agent_handle(eave_debug_agent *a, const uint8_t *bytes, size_t length) {
  eave_debug_request *r = &a->request;
  if (!eave_debug_decode(bytes, length, r)) {
    reply_error(a, r->request, EAVE_DBG_BAD_REQUEST, "malformed request", NULL);
    return;
  }
  if (r->type == EAVE_DBG_ATTACH) {
    do_attach(a, r);
    return;
  }
  if (!a->attached) {
    reply_error(a, r->request, EAVE_DBG_NOT_ATTACHED, "not attached: attach to a container first", NULL);
    return;
  }
  eave_container *c = container(a);
  bool stopped = c && c->paused;
  switch (r->type) {
    case EAVE_DBG_DETACH: do_detach(a, r); return;
    case EAVE_DBG_SET_BREAKPOINT: do_set_breakpoint(a, r); return;
    case EAVE_DBG_CLEAR_BREAKPOINT: do_clear_breakpoint(a, r); return;
    case EAVE_DBG_SET_EXCEPTION_STOPS:
      a->exception_flags = r->flags;
      if (c) c->debug_exceptions = r->flags;
      reply_ok(a, r->request);
      return;
    case EAVE_DBG_PAUSE:
      reply_ok(a, r->request);
      if (c && !c->paused) {
        eave_vm_pause(a->vm, c->id);
        a->skip = false;
        eave_task *t = c->current ? c->current : task_by_id(c, c->main_task_id);
        if (!t) t = c->tasks;
        event_stopped(a, c, t ? t->id : 0, EAVE_DBG_REASON_PAUSE, 0, EAVE_NULL, false);
      }
      return;
    case EAVE_DBG_CONTINUE:
      reply_ok(a, r->request);
      if (stopped) {
        resume(a, c);
        event_continued(a);
      }
      return;
    case EAVE_DBG_TASKS: do_tasks(a, r, c); return;
    case EAVE_DBG_GLOBALS:
      if (!c) {
        reply_error(a, r->request, EAVE_DBG_NOT_STOPPED, "the container has not started", NULL);
        return;
      }
      reply_values(a, c, r->request, c->globals, global_at, c->image.globals, r->start, r->count);
      return;
    default: break;
  }
  /* STEP, STACK, LOCALS, OBJECT need a stopped container. */
  if (!stopped) {
    reply_error(a, r->request, EAVE_DBG_NOT_STOPPED, "the container is running: pause it first", NULL);
    return;
  }
  if (r->type == EAVE_DBG_OBJECT) {
    do_object(a, r, c);
    return;
  }
  eave_task *t = task_by_id(c, r->task);
  if (!t || t->frame_count == 0) {
    reply_error(a, r->request, EAVE_DBG_NO_SUCH_TASK, "no such task", NULL);
    return;
  }
  switch (r->type) {
    case EAVE_DBG_STEP: do_step(a, r, c, t); return;
    case EAVE_DBG_STACK: do_stack(a, r, c, t); return;
    case EAVE_DBG_LOCALS: {
      if (r->frame >= t->frame_count) {
        reply_error(a, r->request, EAVE_DBG_NO_SUCH_FRAME, "no such frame", NULL);
        return;
      }
      eave_frame *f = &t->frames[t->frame_count - 1 - r->frame];
      reply_values(a, c, r->request, t->stack + f->base, slot_at, f->slots, r->start, r->count);
      return;
    }
    default: return;
  }
}

eave_debug_agent *eave_debug_agent_new(eave_vm *vm, const eave_debug_agent_port *port) {
  eave_debug_agent *a = eave_port_alloc(&vm->port, sizeof *a);
  if (!a) return NULL;
  memset(a, 0, sizeof *a);
  a->vm = vm;
  a->port = *port;
  a->hooks = (eave_debug_hooks){a, hook_started, hook_instruction, hook_exception, hook_ended};
  eave_vm_set_debug_hooks(vm, &a->hooks);
  return a;
}

void eave_debug_agent_free(eave_debug_agent *a) {
  if (!a) return;
  free_references(a);
  eave_vm_set_debug_hooks(a->vm, NULL);
  eave_port port = a->vm->port;
  eave_port_free(&port, a, sizeof *a);
}
