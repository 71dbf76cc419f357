/* The device glue: adapts the VM's port callbacks and the manager's VM interface to each other
 * (device.h). Container names live here, since the VM knows containers by id. */
#include "device.h"

#include <stdio.h>
#include <string.h>

static eave_device_container *find(eave_device *d, const char *name) {
  for (size_t i = 0; i < EAVE_MAX_CONTAINERS; i++) {
    if (d->containers[i].id != 0 && strcmp(d->containers[i].name, name) == 0) return &d->containers[i];
  }
  return NULL;
}

uint32_t eave_device_container_id(eave_device *d, const char *name) {
  eave_device_container *c = find(d, name);
  return c == NULL ? 0 : c->id;
}

/* ---- the VM's port ---- */

static void *vm_alloc(void *context, size_t size) {
  eave_device *d = context;
  return d->port.alloc(d->port.context, size);
}

static void vm_free(void *context, void *pointer, size_t size) {
  eave_device *d = context;
  d->port.free(d->port.context, pointer, size);
}

static uint64_t vm_ticks(void *context) {
  eave_device *d = context;
  return d->port.millis(d->port.context);
}

static void vm_console(void *context, uint32_t id, const char *name, const uint8_t *text, size_t length) {
  eave_device *d = context;
  (void)id;
  /* PRINT gives one line without its newline; the console stream carries text, so add it. */
  uint8_t line[EAVE_MANAGE_MAX_MESSAGE];
  if (length > sizeof line - 1) length = sizeof line - 1;
  memcpy(line, text, length);
  line[length] = '\n';
  eave_manage_console(&d->manage, name, EAVE_STREAM_STDOUT, line, length + 1);
}

static void vm_exited(void *context, uint32_t id, const char *name, const eave_exit *exit) {
  eave_device *d = context;
  for (size_t i = 0; i < EAVE_MAX_CONTAINERS; i++) {
    if (d->containers[i].id == id) d->containers[i].id = 0;
  }
  char message[EAVE_MANAGE_MAX_TEXT + 1];
  size_t length = exit->message_length < EAVE_MANAGE_MAX_TEXT ? exit->message_length : EAVE_MANAGE_MAX_TEXT;
  if (exit->message != NULL) memcpy(message, exit->message, length);
  else length = 0;
  message[length] = 0;
  uint32_t trace[2 * EAVE_MANAGE_MAX_TRACE];
  uint32_t frames = exit->trace_length < EAVE_MANAGE_MAX_TRACE ? exit->trace_length : EAVE_MANAGE_MAX_TRACE;
  for (uint32_t i = 0; i < frames; i++) {
    trace[2 * i] = exit->trace[i].method;
    trace[2 * i + 1] = exit->trace[i].offset;
  }
  uint8_t kind;
  switch (exit->kind) {
    case EAVE_EXIT_CODE: kind = EAVE_END_CODE; break;
    case EAVE_EXIT_EXCEPTION: kind = EAVE_END_EXCEPTION; break;
    case EAVE_EXIT_OUT_OF_MEMORY: kind = EAVE_END_OUT_OF_MEMORY; break;
    case EAVE_EXIT_KILLED: kind = EAVE_END_STOPPED; break;
    default: kind = EAVE_END_VM_ERROR; break;
  }
  eave_manage_exit report = {kind, exit->code, message, frames, trace};
  eave_manage_exited(&d->manage, name, &report);
}

/* ---- the manager's VM ---- */

static void describe(const eave_load_result *result, char *error, size_t error_size) {
  snprintf(error, error_size, "the image is invalid: %s in %s %lu at byte %lu (%s)", eave_error_name(result->error),
           eave_record_name(result->record), (unsigned long)result->index, (unsigned long)result->offset,
           result->message != NULL ? result->message : "");
}

static bool manage_verify(void *context, const uint8_t *bytes, size_t length, char *error, size_t error_size) {
  eave_device *d = context;
  eave_load_result result;
  if (eave_image_check(&d->vm_port, bytes, length, &result) == EAVE_OK) return true;
  describe(&result, error, error_size);
  return false;
}

static bool manage_start(void *context, const char *name, const uint8_t *bytes, size_t length, uint32_t argc,
                         const char *const *args, char *error, size_t error_size) {
  eave_device *d = context;
  (void)argc;
  (void)args;
  eave_device_container *slot = NULL;
  for (size_t i = 0; i < EAVE_MAX_CONTAINERS && slot == NULL; i++) {
    if (d->containers[i].id == 0) slot = &d->containers[i];
  }
  if (slot == NULL) {
    snprintf(error, error_size, "%u containers are running already: stop one first", (unsigned)EAVE_MAX_CONTAINERS);
    return false;
  }
  eave_load_result result;
  uint32_t id = eave_vm_start(d->vm, bytes, length, name, d->quota, &result);
  if (id == 0) {
    if (result.error == EAVE_ERR_NO_MEMORY) {
      snprintf(error, error_size, "no memory for a %lu-byte heap: stop a container first", (unsigned long)d->quota);
    } else {
      describe(&result, error, error_size);
    }
    return false;
  }
  snprintf(slot->name, sizeof slot->name, "%s", name);
  slot->id = id;
  return true;
}

static bool manage_stop(void *context, const char *name) {
  eave_device *d = context;
  eave_device_container *c = find(d, name);
  return c != NULL && eave_vm_kill(d->vm, c->id);
}

static bool manage_status(void *context, const char *name, eave_manage_vm_status *out) {
  eave_device *d = context;
  eave_device_container *c = find(d, name);
  eave_container_stats stats;
  if (c == NULL || !eave_vm_stats(d->vm, c->id, &stats) || !stats.live) return false;
  out->live = true;
  out->paused = stats.paused;
  out->memory_used = stats.heap_used;
  out->quota = stats.heap_size;
  return true;
}

/* ---- the manager's port ---- */

static bool manage_send(void *context, uint8_t channel, const uint8_t *bytes, size_t length) {
  eave_device *d = context;
  if (d->outbox_used + 3 + length > sizeof d->outbox) {
    d->dropped++;
    return false;
  }
  uint8_t *at = d->outbox + d->outbox_used;
  at[0] = channel;
  at[1] = (uint8_t)length;
  at[2] = (uint8_t)(length >> 8);
  memcpy(at + 3, bytes, length);
  d->outbox_used += 3 + length;
  eave_device_flush(d);
  return true;
}

void eave_device_flush(eave_device *d) {
  size_t at = 0;
  while (at < d->outbox_used) {
    size_t length = (size_t)d->outbox[at + 1] | (size_t)d->outbox[at + 2] << 8;
    if (!d->port.send(d->port.context, d->outbox[at], d->outbox + at + 3, length)) break;
    at += 3 + length;
  }
  memmove(d->outbox, d->outbox + at, d->outbox_used - at);
  d->outbox_used -= at;
}

static uint64_t manage_millis(void *context) {
  eave_device *d = context;
  return d->port.millis(d->port.context);
}

bool eave_device_init(eave_device *d, eave_store *store, const eave_device_port *port) {
  memset(d, 0, sizeof *d);
  d->port = *port;
  d->quota = EAVE_DEVICE_QUOTA;
  d->vm_port = (eave_port){d, vm_alloc, vm_free, vm_ticks, vm_console, vm_exited, NULL, NULL};
  d->vm = eave_vm_new(&d->vm_port);
  if (d->vm == NULL) return false;
  eave_manage_port manage_port = {d, manage_send, manage_millis};
  eave_manage_vm vm = {d, manage_verify, manage_start, manage_stop, manage_status};
  eave_manage_init(&d->manage, store, &manage_port, &vm);
  return true;
}

uint32_t eave_device_start(eave_device *d) {
  return eave_device_boot(&d->manage);
}

void eave_device_management(eave_device *d, const uint8_t *bytes, size_t length) {
  eave_manage_handle(&d->manage, bytes, length);
}

eave_step eave_device_step(eave_device *d, uint64_t *next_wake_ms) {
  eave_device_flush(d);
  if (d->outbox_used > sizeof d->outbox / 2) {
    /* The link is behind: let it drain before the containers print more. */
    *next_wake_ms = d->port.millis(d->port.context) + 1;
    return EAVE_STEP_IDLE;
  }
  eave_step step = eave_vm_step(d->vm, next_wake_ms);
  eave_device_flush(d);
  return step;
}

void eave_device_free(eave_device *d) {
  if (d->vm != NULL) eave_vm_free(d->vm);
  d->vm = NULL;
}
