/* The management handler: one request in, one response out, events as containers start and end
 * (docs/management-protocol.md). */
#include "manage.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* --- output --- */

static void send(eave_manage *m, uint8_t channel, const eave_writer *w) {
  if (w->overflow || !m->port.send(m->port.context, channel, w->bytes, w->length)) m->dropped++;
}

static void reply_error(eave_manage *m, uint32_t request, uint32_t code, const char *message) {
  eave_writer w;
  eave_writer_init(&w, m->out, sizeof m->out);
  eave_encode_error(&w, request, code, message);
  send(m, EAVE_MANAGE_CHANNEL, &w);
}

static void reply_ok(eave_manage *m, uint32_t request) {
  eave_writer w;
  eave_writer_init(&w, m->out, sizeof m->out);
  eave_encode_ok(&w, request);
  send(m, EAVE_MANAGE_CHANNEL, &w);
}

/* --- containers --- */

static eave_manage_container *find(eave_manage *m, const char *name) {
  for (uint32_t i = 0; i < m->count; i++) {
    if (strcmp(m->containers[i].name, name) == 0) return &m->containers[i];
  }
  return NULL;
}

static eave_manage_container *find_or_add(eave_manage *m, const char *name) {
  eave_manage_container *c = find(m, name);
  if (c != NULL || m->count >= EAVE_MANAGE_MAX_CONTAINERS) return c;
  c = &m->containers[m->count++];
  memset(c, 0, sizeof *c);
  strcpy(c->name, name);
  c->state = EAVE_STATE_INSTALLED;
  return c;
}

static void forget(eave_manage *m, eave_manage_container *c) {
  uint32_t i = (uint32_t)(c - m->containers);
  memmove(&m->containers[i], &m->containers[i + 1], (m->count - i - 1) * sizeof *c);
  m->count--;
}

static bool live(const eave_manage_container *c) {
  return c != NULL && (c->state == EAVE_STATE_RUNNING || c->state == EAVE_STATE_PAUSED);
}

/* Asks the VM to stop a live container; its exit arrives later with `why`. */
static void stop(eave_manage *m, eave_manage_container *c, const char *why) {
  c->stop_reason = why;
  m->vm.stop(m->vm.context, c->name);
}

/* Starts the installed entry `name`; 0 or an error code with `message` filled. */
static uint32_t start(eave_manage *m, const char *name, uint32_t argc, const char *const *args, char *message,
                      size_t size) {
  const eave_store_entry *e = eave_store_find(m->store, name);
  if (e == NULL) {
    snprintf(message, size, "no container named '%s': install it first", name);
    return EAVE_MERR_NO_SUCH_CONTAINER;
  }
  eave_manage_container *c = find_or_add(m, name);
  if (c == NULL) {
    snprintf(message, size, "too many containers tracked (%u): uninstall one first", (unsigned)EAVE_MANAGE_MAX_CONTAINERS);
    return EAVE_MERR_TOO_MANY;
  }
  if (live(c)) {
    snprintf(message, size, "'%s' is already running: stop it first", name);
    return EAVE_MERR_ALREADY_RUNNING;
  }
  const uint8_t *bytes;
  uint32_t length;
  if (eave_store_image(m->store, name, &bytes, &length) != EAVE_STORE_OK) {
    snprintf(message, size, "cannot run '%s' in place: the program store is not memory-mapped", name);
    return EAVE_MERR_STORAGE;
  }
  uint8_t id[EAVE_MANAGE_ID_SIZE];
  memcpy(id, e->id, sizeof id);
  char error[EAVE_MANAGE_MAX_TEXT];
  error[0] = 0;
  if (!m->vm.start(m->vm.context, name, bytes, length, argc, args, error, sizeof error)) {
    snprintf(message, size, "could not start '%s': %s", name, error[0] ? error : "the VM refused it");
    return EAVE_MERR_START_FAILED;
  }
  c->state = EAVE_STATE_RUNNING;
  c->exit_code = 0;
  c->reason[0] = 0;
  c->stop_reason = NULL;
  c->restart = false;
  c->started_ms = m->port.millis(m->port.context);
  c->image_offset = (uint32_t)(bytes - m->store->storage->mapped);
  eave_writer w;
  eave_writer_init(&w, m->out, sizeof m->out);
  eave_encode_started(&w, name, id);
  send(m, EAVE_MANAGE_CHANNEL, &w);
  return 0;
}

/* The store is about to erase [offset, offset + length): containers running from there stop
 * and start again from their image's new place once their exit is reported. */
static void before_erase(void *context, uint32_t offset, uint32_t length) {
  eave_manage *m = context;
  for (uint32_t i = 0; i < m->count; i++) {
    eave_manage_container *c = &m->containers[i];
    if (live(c) && c->image_offset >= offset && c->image_offset - offset < length) {
      c->restart = true;
      stop(m, c, "moved by the program store's compaction; restarting");
    }
  }
}

void eave_manage_init(eave_manage *m, eave_store *store, const eave_manage_port *port, const eave_manage_vm *vm) {
  memset(m, 0, sizeof *m);
  m->store = store;
  m->port = *port;
  m->vm = *vm;
  store->hooks.context = m;
  store->hooks.before_erase = before_erase;
}

uint32_t eave_device_boot(eave_manage *m) {
  uint32_t started = 0;
  for (uint32_t i = 0; i < eave_store_count(m->store); i++) {
    const eave_store_entry *e = eave_store_entry_at(m->store, i);
    if ((e->flags & EAVE_STORE_RUN_ON_BOOT) == 0) continue;
    char name[EAVE_STORE_MAX_NAME + 1];
    strcpy(name, e->name);
    char message[2 * EAVE_MANAGE_MAX_TEXT];
    if (start(m, name, 0, NULL, message, sizeof message) == 0) {
      started++;
    } else {
      eave_manage_console(m, "", EAVE_STREAM_SYSTEM, (const uint8_t *)message, strlen(message));
    }
  }
  return started;
}

void eave_manage_exited(eave_manage *m, const char *name, const eave_manage_exit *exit) {
  eave_manage_container *c = find(m, name);
  char reason[EAVE_MANAGE_MAX_TEXT + 1];
  const char *message = exit->message != NULL ? exit->message : "";
  switch (exit->kind) {
    case EAVE_END_CODE: snprintf(reason, sizeof reason, "exited with code %" PRId64, exit->code); break;
    case EAVE_END_EXCEPTION: snprintf(reason, sizeof reason, "uncaught exception: %s", message); break;
    case EAVE_END_OUT_OF_MEMORY: snprintf(reason, sizeof reason, "out of memory%s%s", *message ? ": " : "", message); break;
    case EAVE_END_STOPPED:
      snprintf(reason, sizeof reason, "%s", c != NULL && c->stop_reason != NULL ? c->stop_reason : "stopped");
      break;
    default: snprintf(reason, sizeof reason, "VM error%s%s", *message ? ": " : "", message); break;
  }
  eave_exit_event event = {name, exit->code, exit->kind, reason, exit->trace_length, exit->trace};
  eave_writer w;
  eave_writer_init(&w, m->out, sizeof m->out);
  eave_encode_exited(&w, &event);
  send(m, EAVE_MANAGE_CHANNEL, &w);
  if (c == NULL) return;
  bool restart = c->restart;
  c->state = exit->kind == EAVE_END_CODE || exit->kind == EAVE_END_STOPPED ? EAVE_STATE_EXITED : EAVE_STATE_CRASHED;
  c->exit_code = exit->code;
  strcpy(c->reason, reason);
  c->stop_reason = NULL;
  c->restart = false;
  if (eave_store_find(m->store, name) == NULL) {
    forget(m, c); /* uninstalled while it ran */
  } else if (restart) {
    char error[EAVE_MANAGE_MAX_TEXT];
    if (start(m, name, 0, NULL, error, sizeof error) != 0) {
      eave_manage_console(m, "", EAVE_STREAM_SYSTEM, (const uint8_t *)error, strlen(error));
    }
  }
}

void eave_manage_console(eave_manage *m, const char *name, uint8_t stream, const uint8_t *text, size_t length) {
  eave_writer w;
  eave_writer_init(&w, NULL, 0);
  eave_encode_console(&w, stream, name, NULL, 0);
  size_t room = sizeof m->out - w.length;
  do {
    size_t n = length < room ? length : room;
    /* Keep characters whole when cutting. */
    if (n < length) {
      while (n > 0 && (text[n] & 0xC0) == 0x80) n--;
      if (n == 0) n = length < room ? length : room;
    }
    eave_writer_init(&w, m->out, sizeof m->out);
    eave_encode_console(&w, stream, name, text, n);
    send(m, EAVE_CONSOLE_CHANNEL, &w);
    text += n;
    length -= n;
  } while (length > 0);
}

/* --- requests --- */

/* Answers a store failure with a message that says what and what to do. */
static void store_error(eave_manage *m, uint32_t request, eave_store_status status, const char *name) {
  char message[2 * EAVE_MANAGE_MAX_TEXT];
  uint32_t code;
  const eave_store *s = m->store;
  switch (status) {
    case EAVE_STORE_NAME:
      code = EAVE_MERR_BAD_NAME;
      snprintf(message, sizeof message, "'%s' is not a valid container name: use 1 to %u bytes", name,
               (unsigned)EAVE_STORE_MAX_NAME);
      break;
    case EAVE_STORE_NOT_FOUND:
      code = EAVE_MERR_NO_SUCH_CONTAINER;
      snprintf(message, sizeof message, "no container named '%s': install it first", name);
      break;
    case EAVE_STORE_FULL:
      code = EAVE_MERR_TOO_MANY;
      snprintf(message, sizeof message, "the program store holds %u programs already: uninstall one first",
               (unsigned)EAVE_STORE_MAX_ENTRIES);
      break;
    case EAVE_STORE_NO_SPACE:
      code = EAVE_MERR_NO_SPACE;
      snprintf(message, sizeof message,
               "not enough room for '%s': the store can take an image of %u bytes now; uninstall something first", name,
               (unsigned)eave_store_largest_image(s));
      break;
    case EAVE_STORE_SIZE:
      code = EAVE_MERR_SIZE_MISMATCH;
      if (s->install.active) {
        snprintf(message, sizeof message, "data goes past the announced size of %u bytes: install it again",
                 (unsigned)s->install.entry.size);
      } else {
        snprintf(message, sizeof message, "the image is empty or was not sent whole: install it again");
      }
      break;
    case EAVE_STORE_OFFSET:
      code = EAVE_MERR_BAD_OFFSET;
      snprintf(message, sizeof message, "data out of order: expected offset %u; resend from there",
               (unsigned)s->install.received);
      break;
    case EAVE_STORE_CRC:
      code = EAVE_MERR_CRC_MISMATCH;
      snprintf(message, sizeof message, "the image arrived corrupt (its CRC-32 is not 0x%08" PRIx32 "): install it again",
               s->install.entry.crc32);
      break;
    case EAVE_STORE_STATE:
      code = EAVE_MERR_INSTALL_STATE;
      if (s->install.active) {
        snprintf(message, sizeof message, "an install of '%s' is in progress: finish or abort it first",
                 s->install.entry.name);
      } else {
        snprintf(message, sizeof message, "no install in progress: send INSTALL_BEGIN first");
      }
      break;
    case EAVE_STORE_BUSY:
      code = EAVE_MERR_BUSY;
      snprintf(message, sizeof message, "the store must compact but an install is in progress: finish or abort it first");
      break;
    default:
      code = EAVE_MERR_STORAGE;
      snprintf(message, sizeof message, "the program store failed (%s); the previous state is kept: try again, "
               "and if it persists the flash may be worn", eave_store_status_name(status));
      break;
  }
  reply_error(m, request, code, message);
}

static void handle_install_end(eave_manage *m, uint32_t request) {
  eave_store_status status = eave_store_install_end(m->store);
  char name[EAVE_STORE_MAX_NAME + 1];
  strcpy(name, m->store->install.entry.name);
  if (status != EAVE_STORE_OK) {
    store_error(m, request, status, name);
    return;
  }
  const uint8_t *bytes;
  uint32_t length;
  status = eave_store_staged_image(m->store, &bytes, &length);
  if (status != EAVE_STORE_OK) {
    eave_store_install_abort(m->store);
    store_error(m, request, status, name);
    return;
  }
  char error[EAVE_MANAGE_MAX_TEXT];
  error[0] = 0;
  if (!m->vm.verify_image(m->vm.context, bytes, length, error, sizeof error)) {
    eave_store_install_abort(m->store);
    char message[2 * EAVE_MANAGE_MAX_TEXT];
    snprintf(message, sizeof message, "the image of '%s' is not valid: %s; rebuild it with this toolchain", name,
             error[0] ? error : "refused by the verifier");
    reply_error(m, request, EAVE_MERR_INVALID_IMAGE, message);
    return;
  }
  eave_manage_container *c = find(m, name);
  if (live(c)) stop(m, c, "replaced by a new install");
  eave_store_entry entry;
  status = eave_store_install_commit(m->store, &entry);
  if (status != EAVE_STORE_OK) {
    store_error(m, request, status, name);
    return;
  }
  eave_writer w;
  eave_writer_init(&w, m->out, sizeof m->out);
  eave_encode_installed(&w, request, entry.id, entry.sequence);
  send(m, EAVE_MANAGE_CHANNEL, &w);
}

static void fill_entry(eave_manage *m, const eave_store_entry *e, eave_list_entry *out) {
  memset(out, 0, sizeof *out);
  out->name = e->name;
  memcpy(out->id, e->id, EAVE_MANAGE_ID_SIZE);
  out->size = e->size;
  out->run_on_boot = (e->flags & EAVE_STORE_RUN_ON_BOOT) != 0;
  out->reason = "";
  out->state = EAVE_STATE_INSTALLED;
  eave_manage_container *c = find(m, e->name);
  if (c == NULL) return;
  out->state = c->state;
  out->exit_code = c->exit_code;
  out->reason = c->reason;
  eave_manage_vm_status status;
  if (live(c) && m->vm.status(m->vm.context, c->name, &status) && status.live) {
    out->state = status.paused ? EAVE_STATE_PAUSED : EAVE_STATE_RUNNING;
    out->memory_used = status.memory_used;
    out->quota = status.quota;
    out->uptime_ms = m->port.millis(m->port.context) - c->started_ms;
  }
}

static void handle_list(eave_manage *m, uint32_t request, uint32_t first) {
  uint32_t total = eave_store_count(m->store);
  eave_writer w;
  eave_writer_init(&w, m->out, sizeof m->out);
  eave_encode_list(&w, request, total, NULL, 0);
  size_t count_at = w.length - 1; /* the count varint: one byte, as it is below 128 */
  _Static_assert(EAVE_STORE_MAX_ENTRIES < 128, "the count of a LIST page is one byte");
  uint32_t count = 0;
  for (uint32_t i = first; i < total; i++) {
    eave_list_entry entry;
    fill_entry(m, eave_store_entry_at(m->store, i), &entry);
    eave_writer measure;
    eave_writer_init(&measure, NULL, 0);
    eave_encode_list_entry(&measure, &entry);
    if (measure.length > w.capacity - w.length) break; /* the next page starts here */
    eave_encode_list_entry(&w, &entry);
    count++;
  }
  m->out[count_at] = (uint8_t)count;
  send(m, EAVE_MANAGE_CHANNEL, &w);
}

void eave_manage_handle(eave_manage *m, const uint8_t *bytes, size_t length) {
  eave_request req;
  int decoded = eave_request_decode(bytes, length, &req);
  if (decoded != 0) {
    reply_error(m, req.request, (uint32_t)decoded,
                decoded == EAVE_MERR_UNKNOWN_REQUEST
                    ? "unknown request type: the host speaks a newer protocol; update the firmware"
                    : "malformed request: the host and the device disagree on the protocol");
    return;
  }
  char message[2 * EAVE_MANAGE_MAX_TEXT];
  eave_store_status status;
  eave_manage_container *c;
  switch (req.type) {
    case EAVE_REQ_INFO: {
      eave_info info = {EAVE_MANAGE_MAX_CHUNK, eave_store_capacity(m->store), eave_store_largest_image(m->store),
                        EAVE_STORE_MAX_ENTRIES, eave_store_count(m->store)};
      eave_writer w;
      eave_writer_init(&w, m->out, sizeof m->out);
      eave_encode_info(&w, req.request, &info);
      send(m, EAVE_MANAGE_CHANNEL, &w);
      return;
    }
    case EAVE_REQ_INSTALL_BEGIN:
      status = eave_store_install_begin(m->store, req.name, req.size, req.crc32,
                                        req.run_on_boot ? EAVE_STORE_RUN_ON_BOOT : 0);
      if (status != EAVE_STORE_OK) store_error(m, req.request, status, req.name);
      else reply_ok(m, req.request);
      return;
    case EAVE_REQ_INSTALL_DATA:
      status = eave_store_install_data(m->store, req.offset, req.data, req.data_length);
      if (status != EAVE_STORE_OK) store_error(m, req.request, status, m->store->install.entry.name);
      else reply_ok(m, req.request);
      return;
    case EAVE_REQ_INSTALL_END:
      handle_install_end(m, req.request);
      return;
    case EAVE_REQ_INSTALL_ABORT:
      eave_store_install_abort(m->store);
      reply_ok(m, req.request);
      return;
    case EAVE_REQ_LIST:
      handle_list(m, req.request, req.first);
      return;
    case EAVE_REQ_START: {
      uint32_t code = start(m, req.name, req.argc, req.args, message, sizeof message);
      if (code != 0) reply_error(m, req.request, code, message);
      else reply_ok(m, req.request);
      return;
    }
    case EAVE_REQ_STOP:
      c = find(m, req.name);
      if (eave_store_find(m->store, req.name) == NULL) {
        store_error(m, req.request, EAVE_STORE_NOT_FOUND, req.name);
      } else if (!live(c)) {
        snprintf(message, sizeof message, "'%s' is not running", req.name);
        reply_error(m, req.request, EAVE_MERR_NOT_RUNNING, message);
      } else {
        stop(m, c, "stopped by the host");
        reply_ok(m, req.request);
      }
      return;
    case EAVE_REQ_UNINSTALL:
      if (eave_store_find(m->store, req.name) == NULL) {
        store_error(m, req.request, EAVE_STORE_NOT_FOUND, req.name);
        return;
      }
      c = find(m, req.name);
      if (live(c)) stop(m, c, "uninstalled");
      status = eave_store_uninstall(m->store, req.name);
      if (status != EAVE_STORE_OK) {
        store_error(m, req.request, status, req.name);
        return;
      }
      if (c != NULL && !live(c)) forget(m, c);
      reply_ok(m, req.request);
      return;
    case EAVE_REQ_SET_RUN_ON_BOOT:
      status = eave_store_set_flags(m->store, req.name, req.run_on_boot ? EAVE_STORE_RUN_ON_BOOT : 0);
      if (status != EAVE_STORE_OK) store_error(m, req.request, status, req.name);
      else reply_ok(m, req.request);
      return;
  }
}
