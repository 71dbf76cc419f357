/* Containers and tasks: starting a container from a verified image (heap, globals, constants
 * cache, main task running the entry method), materialising constants, spawning and freeing
 * tasks, and releasing everything when the container ends. */
#include "container.h"

static int64_t svarint(const uint8_t **p) {
  uint64_t v = 0;
  int shift = 0;
  for (;;) {
    uint8_t b = *(*p)++;
    v |= (uint64_t)(b & 0x7F) << shift;
    if (b < 0x80) break;
    shift += 7;
  }
  return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

eave_value eave_constant(eave_container *c, uint32_t index) {
  const uint8_t *p = c->image.bytes + eave_image_entry(&c->image, c->image.constant_table, index);
  uint8_t tag = *p++;
  switch (tag) {
    case 1: return eave_new_int(c, svarint(&p));
    case 2: {
      uint64_t bits = (uint64_t)eave_u32(p) | (uint64_t)eave_u32(p + 4) << 32;
      double d;
      memcpy(&d, &bits, sizeof d);
      return eave_new_float(c, d);
    }
    case 3: {
      uint32_t n = eave_varint(&p);
      return eave_new_external_string(c, p, n);  /* used in place: costs no heap for the bytes */
    }
    default: {
      uint32_t n = eave_varint(&p);
      return eave_new_bytes(c, p, n);  /* byte arrays are mutable: copied */
    }
  }
}

eave_task *eave_task_new(eave_container *c) {
  if (c->task_count >= EAVE_MAX_TASKS) { eave_set_pending_error(c, EAVE_ERROR_TOO_MANY_TASKS); return NULL; }
  const eave_port *port = &c->vm->port;
  eave_task *t = eave_port_alloc(port, sizeof *t);
  if (!t) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return NULL; }
  memset(t, 0, sizeof *t);
  t->stack = eave_port_alloc(port, EAVE_TASK_STACK_SLOTS * sizeof(eave_value));
  t->frames = eave_port_alloc(port, EAVE_TASK_MAX_FRAMES * sizeof(eave_frame));
  if (!t->stack || !t->frames) {
    eave_port_free(port, t->stack, EAVE_TASK_STACK_SLOTS * sizeof(eave_value));
    eave_port_free(port, t->frames, EAVE_TASK_MAX_FRAMES * sizeof(eave_frame));
    eave_port_free(port, t, sizeof *t);
    eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY);
    return NULL;
  }
  t->id = ++c->next_task_id;
  t->state = EAVE_TASK_READY;
  /* Appended, so tasks run in the order they were spawned. */
  eave_task **link = &c->tasks;
  while (*link) link = &(*link)->next;
  *link = t;
  c->task_count++;
  return t;
}

void eave_task_free(eave_container *c, eave_task *t) {
  for (eave_task **link = &c->tasks; *link; link = &(*link)->next) {
    if (*link == t) { *link = t->next; break; }
  }
  if (c->current == t) c->current = NULL;
  c->task_count--;
  const eave_port *port = &c->vm->port;
  eave_port_free(port, t->stack, EAVE_TASK_STACK_SLOTS * sizeof(eave_value));
  eave_port_free(port, t->frames, EAVE_TASK_MAX_FRAMES * sizeof(eave_frame));
  eave_port_free(port, t, sizeof *t);
}

eave_task *eave_spawn(eave_container *c, eave_value *lambda_slot) {
  eave_task *t = eave_task_new(c);
  if (!t) return NULL;
  eave_value lambda = *lambda_slot;
  uint32_t method = eave_obj(lambda)->aux;
  eave_method_info m;
  eave_method_decode(&c->image, method, &m);
  if (!(m.flags & EAVE_METHOD_LAMBDA)) {
    eave_task_free(c, t);
    eave_set_pending_error(c, EAVE_ERROR_WRONG_ARGUMENT_TYPE);
    return NULL;
  }
  t->stack[0] = lambda;
  t->sp = 1;
  if (!eave_push_frame(c, t, method, 1)) {
    eave_task_free(c, t);
    return NULL;
  }
  return t;
}

static bool name_ok(eave_vm *vm, const char *name) {
  size_t n = name ? strlen(name) : 0;
  if (n == 0 || n > EAVE_MAX_NAME) return false;
  for (eave_container *k = vm->containers; k; k = k->next)
    if (!k->ended && strcmp(k->name, name) == 0) return false;
  return true;
}

static void fail(eave_load_result *result, eave_error e, const char *message) {
  if (!result) return;
  memset(result, 0, sizeof *result);
  result->error = e;
  result->message = message;
}

eave_container *eave_container_new(eave_vm *vm, const uint8_t *bytes, size_t length, const char *name,
                                   size_t quota, eave_load_result *result) {
  const eave_port *port = &vm->port;
  if (!name_ok(vm, name)) { fail(result, EAVE_ERR_NAME, "container name empty, too long or taken"); return NULL; }
  uint32_t live = 0;
  for (eave_container *k = vm->containers; k; k = k->next) live += !k->ended;
  if (live >= EAVE_MAX_CONTAINERS) { fail(result, EAVE_ERR_TOO_MANY, "EAVE_MAX_CONTAINERS are running"); return NULL; }
  eave_image image;
  if (eave_image_load(port, bytes, length, &image, result) != EAVE_OK) return NULL;
  eave_container *c = eave_port_alloc(port, sizeof *c);
  if (!c) { fail(result, EAVE_ERR_NO_MEMORY, "no memory for the container"); return NULL; }
  memset(c, 0, sizeof *c);
  c->vm = vm;
  c->image = image;
  memcpy(c->name, name, strlen(name) + 1);
  c->pending_throw = EAVE_NULL;
  c->pending_result = EAVE_NULL;
  c->pending_error = -1;
  for (uint32_t i = 0; i < EAVE_LOOKUP_CACHE_SIZE; i++) c->lookup_cache[i].key = 0xFFFFFFFFu;
  for (uint32_t i = 0; i < EAVE_METHOD_CACHE_SIZE; i++) c->method_cache[i].key = 0;
  for (uint32_t i = 0; i < EAVE_IS_CACHE_SIZE; i++) c->is_cache[i].key = 0xFFFFFFFFu;
  if (quota < EAVE_MIN_QUOTA) quota = EAVE_MIN_QUOTA;
  c->globals = eave_port_alloc(port, (image.globals + 1) * sizeof(eave_value));
  c->constants = eave_port_alloc(port, (image.constants + 1) * sizeof(eave_value));
  if (!c->globals || !c->constants || !eave_heap_init(c, quota)) {
    eave_container_free(c);
    fail(result, EAVE_ERR_NO_MEMORY, "no memory for the container's heap");
    return NULL;
  }
  for (uint32_t i = 0; i < image.globals; i++) c->globals[i] = EAVE_UNSET;
  for (uint32_t i = 0; i < image.constants; i++) c->constants[i] = EAVE_UNSET;
  eave_task *main = eave_task_new(c);
  if (!main || !eave_push_frame(c, main, image.entry, 0)) {
    eave_container_free(c);
    fail(result, EAVE_ERR_NO_MEMORY, "no memory for the main task");
    return NULL;
  }
  c->pending_error = -1;
  c->main_task_id = main->id;
  c->start_ms = port->ticks_ms ? port->ticks_ms(port->context) : 0;
  return c;
}

void eave_container_free(eave_container *c) {
  const eave_port *port = &c->vm->port;
  while (c->tasks) eave_task_free(c, c->tasks);
  while (c->inbox) {
    eave_message *m = c->inbox;
    c->inbox = m->next;
    eave_port_free(port, m, sizeof(eave_message) + m->length);
  }
  eave_port_free(port, c->globals, (c->image.globals + 1) * sizeof(eave_value));
  eave_port_free(port, c->constants, (c->image.constants + 1) * sizeof(eave_value));
  eave_heap_release(c);
  eave_port_free(port, c, sizeof *c);
}
