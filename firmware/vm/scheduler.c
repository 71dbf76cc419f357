/* The scheduler: a VM owns its containers and gives each runnable one a slice of
 * EAVE_SLICE_POLLS safepoint polls per step, round robin, so a container that loops forever
 * delays the others by one slice at most. Inside a slice the container's tasks run
 * cooperatively. A container ends alone (exit code, uncaught exception, out of memory, killed);
 * the port hears of it through `exited`, the others run on. */
#include <stdio.h>
#include "scheduler.h"

static uint64_t now_ms(eave_vm *vm) {
  return vm->port.ticks_ms ? vm->port.ticks_ms(vm->port.context) : 0;
}

eave_vm *eave_vm_new(const eave_port *port) {
  eave_vm *vm = eave_port_alloc(port, sizeof *vm);
  if (!vm) return NULL;
  memset(vm, 0, sizeof *vm);
  vm->port = *port;
  return vm;
}

void eave_vm_free(eave_vm *vm) {
  if (!vm) return;
  while (vm->containers) {
    eave_container *c = vm->containers;
    vm->containers = c->next;
    eave_container_free(c);
  }
  eave_port port = vm->port;
  eave_port_free(&port, vm, sizeof *vm);
}

uint32_t eave_vm_start(eave_vm *vm, const uint8_t *bytes, size_t length, const char *name, size_t quota,
                       eave_load_result *result) {
  eave_container *c = eave_container_new(vm, bytes, length, name, quota, result);
  if (!c) return 0;
  if (++vm->next_id == 0) vm->next_id = 1;
  c->id = vm->next_id;
  eave_container **link = &vm->containers;
  while (*link) link = &(*link)->next;
  *link = c;
  if (vm->debug && vm->debug->started && vm->debug->started(vm->debug->context, c)) c->paused = true;
  return c->id;
}

void eave_vm_set_debug_hooks(eave_vm *vm, const eave_debug_hooks *hooks) { vm->debug = hooks; }

bool eave_debug_check(eave_container *c, eave_task *t) {
  const eave_debug_hooks *d = c->vm->debug;
  if (d && d->instruction) return d->instruction(d->context, c, t);
  const eave_port *port = &c->vm->port;
  if (!port->breakpoint) return false;
  eave_frame *f = &t->frames[t->frame_count - 1];
  return port->breakpoint(port->context, c->id, f->method, f->pc);
}

bool eave_debug_exception(eave_container *c, eave_task *t, eave_value unwind) {
  const eave_debug_hooks *d = c->vm->debug;
  return d && d->exception && d->exception(d->context, c, t, unwind);
}

static eave_container *find(eave_vm *vm, uint32_t id) {
  for (eave_container *c = vm->containers; c; c = c->next)
    if (c->id == id && !c->ended) return c;
  return NULL;
}

/* Marks the container ended and reports it; its memory goes at the end of the step. */
static void finish(eave_vm *vm, eave_container *c, eave_exit_kind kind) {
  if (c->ended) return;
  c->ended = true;
  c->exit_kind = kind;
  if (kind == EAVE_EXIT_KILLED) { c->exit_code = 1; c->exit_message_length = 0; c->exit_trace_length = 0; }
  eave_exit e = { kind, c->exit_code, c->exit_message, c->exit_message_length, c->exit_trace_length, c->exit_trace };
  if (vm->debug && vm->debug->ended) vm->debug->ended(vm->debug->context, c, &e);
  if (vm->port.exited) vm->port.exited(vm->port.context, c->id, c->name, &e);
}

static bool runnable(eave_container *c, eave_task *t, uint64_t now) {
  switch (t->state) {
    case EAVE_TASK_READY: return true;
    case EAVE_TASK_SLEEPING: return now >= t->wake_ms;
    case EAVE_TASK_RECEIVING: return c->inbox != NULL;
    default: return false;
  }
}

/* The next runnable task after `after` (round robin), or NULL. */
static eave_task *pick(eave_container *c, eave_task *after, uint64_t now) {
  eave_task *start = after && after->next ? after->next : c->tasks;
  eave_task *t = start;
  if (!t) return NULL;
  do {
    if (runnable(c, t, now)) return t;
    t = t->next ? t->next : c->tasks;
  } while (t != start);
  return NULL;
}

/* Prepares a task that suspended in a primitive: pushes the primitive's result. */
static void resume(eave_container *c, eave_task *t) {
  if (!t->resume_push) return;
  t->resume_push = false;
  eave_value v = EAVE_NULL;
  if (t->state == EAVE_TASK_RECEIVING) {
    eave_take_message(c, &v);
    if (v == 0) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); t->state = EAVE_TASK_READY; return; }
  }
  t->state = EAVE_TASK_READY;
  t->stack[t->sp++] = v;
}

static void run_slice(eave_vm *vm, eave_container *c, uint64_t now) {
  vm->running = c;
  c->tick = EAVE_SLICE_POLLS;
  eave_task *t = c->current;
  if (!t || !runnable(c, t, now)) t = pick(c, t, now);
  while (t && !c->ended) {
    c->current = t;
    resume(c, t);
    /* The debug flag picks the checking loop: one branch per task switch, none per instruction. */
    eave_run_result r = c->debugging ? eave_interpret_debug(c, t) : eave_interpret(c, t);
    bool next = false;
    switch (r) {
      case EAVE_RUN_PREEMPTED:
        if (c->pending & EAVE_PENDING_KILL) finish(vm, c, EAVE_EXIT_KILLED);
        vm->running = NULL;
        return;
      case EAVE_RUN_SUSPENDED:
        t->resume_push = true;
        next = true;
        break;
      case EAVE_RUN_TASK_DONE:
      case EAVE_RUN_TASK_FAILED: {
        bool main = t->id == c->main_task_id;
        eave_task_free(c, t);
        t = NULL;
        if (r == EAVE_RUN_TASK_FAILED && !main && vm->port.console) {
          /* Only this task ends; the container runs on, so say why on its console. */
          char line[160];
          int n = snprintf(line, sizeof line, "a task ended with an uncaught exception: %.*s",
                           (int)c->exit_message_length, c->exit_message);
          if (n > (int)sizeof line - 1) n = (int)sizeof line - 1;
          if (n > 0) vm->port.console(vm->port.context, c->id, c->name, (const uint8_t *)line, (size_t)n);
        }
        if (r == EAVE_RUN_TASK_FAILED && main) finish(vm, c, c->exit_kind);
        else if (c->task_count == 0) { c->exit_code = 0; c->exit_message_length = 0; c->exit_trace_length = 0; finish(vm, c, EAVE_EXIT_CODE); }
        next = true;
        break;
      }
      case EAVE_RUN_EXIT:
        finish(vm, c, c->exit_kind);
        break;
    }
    if (c->ended || !next || c->tick <= 0) break;
    if (c->pending & EAVE_PENDING_KILL) { finish(vm, c, EAVE_EXIT_KILLED); break; }
    t = pick(c, t ? t : c->current, now);
  }
  vm->running = NULL;
}

static void reap(eave_vm *vm) {
  for (eave_container **link = &vm->containers; *link;) {
    eave_container *c = *link;
    if (c->ended) {
      *link = c->next;
      eave_container_free(c);
    } else {
      link = &c->next;
    }
  }
}

eave_step eave_vm_step(eave_vm *vm, uint64_t *next_wake_ms) {
  uint64_t now = now_ms(vm);
  bool ran = false, any = false, sleeping = false;
  uint64_t wake = UINT64_MAX;
  for (eave_container *c = vm->containers; c; c = c->next) {
    if (c->ended) continue;
    if (c->pending & EAVE_PENDING_KILL) { finish(vm, c, EAVE_EXIT_KILLED); continue; }
    if (c->paused) { any = true; continue; }
    eave_task *t = c->current && runnable(c, c->current, now) ? c->current : pick(c, c->current, now);
    if (t) {
      run_slice(vm, c, now);
      ran = true;
    }
    if (c->ended) continue;
    any = true;
    for (eave_task *k = c->tasks; k; k = k->next) {
      if (k->state == EAVE_TASK_SLEEPING) {
        sleeping = true;
        if (k->wake_ms < wake) wake = k->wake_ms;
      }
    }
  }
  reap(vm);
  if (next_wake_ms) *next_wake_ms = wake;
  if (ran) return EAVE_STEP_RAN;
  if (!any) return EAVE_STEP_EMPTY;
  return sleeping ? EAVE_STEP_IDLE : EAVE_STEP_BLOCKED;
}

eave_step eave_vm_run_for(eave_vm *vm, uint64_t max_ms) {
  uint64_t deadline = max_ms == UINT64_MAX ? UINT64_MAX : now_ms(vm) + max_ms;
  for (;;) {
    uint64_t wake;
    eave_step s = eave_vm_step(vm, &wake);
    if (s == EAVE_STEP_EMPTY || s == EAVE_STEP_BLOCKED) return s;
    if (now_ms(vm) >= deadline) return EAVE_STEP_RAN;
    if (s == EAVE_STEP_IDLE && vm->port.idle) vm->port.idle(vm->port.context, wake < deadline ? wake : deadline);
  }
}

eave_step eave_vm_run(eave_vm *vm) { return eave_vm_run_for(vm, UINT64_MAX); }

static void trip(eave_container *c, uint32_t bit) {
  c->pending |= bit;
  c->tick = 0;
}

bool eave_vm_kill(eave_vm *vm, uint32_t id) {
  eave_container *c = find(vm, id);
  if (!c) return false;
  trip(c, EAVE_PENDING_KILL);
  return true;
}

bool eave_vm_pause(eave_vm *vm, uint32_t id) {
  eave_container *c = find(vm, id);
  if (!c) return false;
  if (vm->running == c) trip(c, EAVE_PENDING_PAUSE);
  else c->paused = true;
  return true;
}

bool eave_vm_resume(eave_vm *vm, uint32_t id) {
  eave_container *c = find(vm, id);
  if (!c) return false;
  c->pending &= ~(uint32_t)EAVE_PENDING_PAUSE;
  c->paused = false;
  return true;
}

bool eave_vm_arm_breakpoints(eave_vm *vm, uint32_t id, bool armed) {
  eave_container *c = find(vm, id);
  if (!c) return false;
  if (c->debugging != armed && vm->running == c) trip(c, EAVE_PENDING_BREAK);
  c->debugging = armed;
  return true;
}

bool eave_vm_send_string(eave_vm *vm, const char *to, const char *text, size_t length) {
  for (eave_container *c = vm->containers; c; c = c->next) {
    if (c->ended || strcmp(c->name, to) != 0) continue;
    if (length > EAVE_MAX_MESSAGE_BYTES - 5) return false;
    uint8_t *buffer = eave_port_alloc(&vm->port, length + 5);
    if (!buffer) return false;
    buffer[0] = 5;
    buffer[1] = (uint8_t)length;
    buffer[2] = (uint8_t)(length >> 8);
    buffer[3] = (uint8_t)(length >> 16);
    buffer[4] = (uint8_t)(length >> 24);
    if (length) memcpy(buffer + 5, text, length);
    eave_vm_error error;
    bool ok = eave_deliver(c, buffer, length + 5, &error);
    eave_port_free(&vm->port, buffer, length + 5);
    return ok;
  }
  return false;
}

bool eave_vm_stats(eave_vm *vm, uint32_t id, eave_container_stats *s) {
  memset(s, 0, sizeof *s);
  eave_container *c = find(vm, id);
  if (!c) return false;
  s->live = true;
  s->paused = c->paused;
  s->tasks = c->task_count;
  s->gc_count = c->gc_count;
  s->heap_used = eave_heap_used(c);
  s->heap_size = c->heap_size;
  s->bytecodes = c->bytecodes;
  s->polls = c->polls;
  return true;
}
