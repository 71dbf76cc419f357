/* The management protocol codec: strict decoding of requests (canonical varints, valid UTF-8,
 * nothing left over) and encoding of responses, events and console payloads. */
#include "protocol.h"

#include <string.h>

/* --- reading --- */

typedef struct {
  const uint8_t *p, *end;
  bool bad;
} reader;

static uint64_t read_varint(reader *r, unsigned max_bytes, uint64_t max_value) {
  uint64_t value = 0;
  for (unsigned i = 0; i < max_bytes; i++) {
    if (r->p >= r->end) break;
    uint8_t b = *r->p++;
    value |= (uint64_t)(b & 0x7F) << (7 * i);
    if ((b & 0x80) == 0) {
      if ((i > 0 && b == 0) || value > max_value) break; /* not minimal, or too large */
      return value;
    }
  }
  r->bad = true;
  return 0;
}

static uint32_t read_u32v(reader *r) { return (uint32_t)read_varint(r, 5, UINT32_MAX); }

static uint8_t read_u8(reader *r) {
  if (r->p >= r->end) { r->bad = true; return 0; }
  return *r->p++;
}

/* A length-prefixed string into `out` (capacity `cap`, NUL added); false when it does not fit. */
static size_t read_text(reader *r, char *out, size_t cap) {
  uint32_t n = read_u32v(r);
  if (r->bad || n >= cap || n > (size_t)(r->end - r->p) || !eave_utf8_valid(r->p, n)) {
    r->bad = true;
    return 0;
  }
  memcpy(out, r->p, n);
  out[n] = 0;
  r->p += n;
  return n;
}

static void read_name(reader *r, char name[EAVE_STORE_MAX_NAME + 1]) {
  size_t n = read_text(r, name, EAVE_STORE_MAX_NAME + 1);
  if (r->bad) return;
  if (n == 0) r->bad = true;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = (uint8_t)name[i];
    if (c < 0x20 || c == 0x7F) r->bad = true;
  }
}

int eave_request_decode(const uint8_t *bytes, size_t length, eave_request *out) {
  memset(out, 0, sizeof *out);
  reader r = {bytes, bytes + length, false};
  if (length == 0) return EAVE_MERR_MALFORMED;
  out->type = read_u8(&r);
  out->request = read_u32v(&r);
  if (r.bad) { out->request = 0; return EAVE_MERR_MALFORMED; }
  switch (out->type) {
    case EAVE_REQ_INFO:
    case EAVE_REQ_INSTALL_END:
    case EAVE_REQ_INSTALL_ABORT:
      break;
    case EAVE_REQ_INSTALL_BEGIN:
      read_name(&r, out->name);
      out->size = read_u32v(&r);
      for (int i = 0; i < 4; i++) out->crc32 |= (uint32_t)read_u8(&r) << (8 * i);
      {
        uint8_t flags = read_u8(&r);
        if (flags > 1) r.bad = true;
        out->run_on_boot = flags == 1;
      }
      break;
    case EAVE_REQ_INSTALL_DATA:
      out->offset = read_u32v(&r);
      out->data_length = read_u32v(&r);
      if (r.bad || out->data_length > EAVE_MANAGE_MAX_CHUNK || out->data_length > (size_t)(r.end - r.p)) {
        r.bad = true;
        break;
      }
      out->data = r.p;
      r.p += out->data_length;
      break;
    case EAVE_REQ_LIST:
      out->first = read_u32v(&r);
      break;
    case EAVE_REQ_START: {
      read_name(&r, out->name);
      out->argc = read_u32v(&r);
      if (r.bad || out->argc > EAVE_MANAGE_MAX_ARGS) { r.bad = true; break; }
      size_t used = 0;
      for (uint32_t i = 0; i < out->argc && !r.bad; i++) {
        out->args[i] = out->arg_bytes + used;
        used += read_text(&r, out->arg_bytes + used, sizeof out->arg_bytes - used) + 1;
      }
      break;
    }
    case EAVE_REQ_STOP:
    case EAVE_REQ_UNINSTALL:
      read_name(&r, out->name);
      break;
    case EAVE_REQ_SET_RUN_ON_BOOT: {
      read_name(&r, out->name);
      uint8_t flag = read_u8(&r);
      if (flag > 1) r.bad = true;
      out->run_on_boot = flag == 1;
      break;
    }
    default:
      return EAVE_MERR_UNKNOWN_REQUEST;
  }
  if (r.bad || r.p != r.end) return EAVE_MERR_MALFORMED;
  return 0;
}

/* --- writing --- */

void eave_writer_init(eave_writer *w, uint8_t *bytes, size_t capacity) {
  w->bytes = bytes;
  w->capacity = bytes == NULL ? SIZE_MAX : capacity;
  w->length = 0;
  w->overflow = false;
}

static void put(eave_writer *w, const uint8_t *data, size_t n) {
  if (n > w->capacity - w->length) { w->overflow = true; return; }
  if (w->bytes != NULL) memcpy(w->bytes + w->length, data, n);
  w->length += n;
}

void eave_write_u8(eave_writer *w, uint8_t value) { put(w, &value, 1); }

void eave_write_varint(eave_writer *w, uint64_t value) {
  uint8_t buf[10];
  size_t n = 0;
  do {
    uint8_t b = value & 0x7F;
    value >>= 7;
    buf[n++] = value != 0 ? (uint8_t)(b | 0x80) : b;
  } while (value != 0);
  put(w, buf, n);
}

void eave_write_svarint(eave_writer *w, int64_t value) {
  uint64_t u = (uint64_t)value;
  eave_write_varint(w, (u << 1) ^ (value < 0 ? UINT64_MAX : 0));
}

void eave_write_text(eave_writer *w, const char *text, size_t length, size_t limit) {
  if (length > limit) {
    length = limit;
    while (length > 0 && ((uint8_t)text[length] & 0xC0) == 0x80) length--; /* whole characters */
  }
  eave_write_varint(w, length);
  put(w, (const uint8_t *)text, length);
}

static void write_name(eave_writer *w, const char *name) {
  eave_write_text(w, name, strlen(name), EAVE_STORE_MAX_NAME);
}

static void write_reason(eave_writer *w, const char *text) {
  eave_write_text(w, text, strlen(text), EAVE_MANAGE_MAX_TEXT);
}

static void response(eave_writer *w, uint8_t type, uint32_t request) {
  eave_write_u8(w, type);
  eave_write_varint(w, request);
}

void eave_encode_ok(eave_writer *w, uint32_t request) { response(w, EAVE_RSP_OK, request); }

void eave_encode_error(eave_writer *w, uint32_t request, uint32_t code, const char *message) {
  response(w, EAVE_RSP_ERROR, request);
  eave_write_varint(w, code);
  write_reason(w, message);
}

void eave_encode_info(eave_writer *w, uint32_t request, const eave_info *info) {
  response(w, EAVE_RSP_INFO, request);
  eave_write_varint(w, EAVE_MANAGE_PROTOCOL_VERSION);
  eave_write_varint(w, info->max_chunk);
  eave_write_varint(w, info->capacity);
  eave_write_varint(w, info->free_bytes);
  eave_write_varint(w, info->max_entries);
  eave_write_varint(w, info->entries);
}

void eave_encode_installed(eave_writer *w, uint32_t request, const uint8_t id[EAVE_MANAGE_ID_SIZE], uint32_t sequence) {
  response(w, EAVE_RSP_INSTALLED, request);
  put(w, id, EAVE_MANAGE_ID_SIZE);
  eave_write_varint(w, sequence);
}

void eave_encode_list_entry(eave_writer *w, const eave_list_entry *e) {
  write_name(w, e->name);
  put(w, e->id, EAVE_MANAGE_ID_SIZE);
  eave_write_varint(w, e->size);
  eave_write_u8(w, e->state);
  eave_write_u8(w, e->run_on_boot ? 1 : 0);
  eave_write_svarint(w, e->exit_code);
  write_reason(w, e->reason);
  eave_write_varint(w, e->memory_used);
  eave_write_varint(w, e->quota);
  eave_write_varint(w, e->uptime_ms);
}

void eave_encode_list(eave_writer *w, uint32_t request, uint32_t total, const eave_list_entry *entries, uint32_t count) {
  response(w, EAVE_RSP_LIST, request);
  eave_write_varint(w, total);
  eave_write_varint(w, count);
  for (uint32_t i = 0; i < count; i++) eave_encode_list_entry(w, &entries[i]);
}

void eave_encode_started(eave_writer *w, const char *name, const uint8_t id[EAVE_MANAGE_ID_SIZE]) {
  eave_write_u8(w, EAVE_EVT_STARTED);
  write_name(w, name);
  put(w, id, EAVE_MANAGE_ID_SIZE);
}

void eave_encode_exited(eave_writer *w, const eave_exit_event *e) {
  eave_write_u8(w, EAVE_EVT_EXITED);
  write_name(w, e->name);
  eave_write_svarint(w, e->exit_code);
  eave_write_u8(w, e->kind);
  write_reason(w, e->reason);
  uint32_t n = e->trace_length < EAVE_MANAGE_MAX_TRACE ? e->trace_length : EAVE_MANAGE_MAX_TRACE;
  eave_write_varint(w, n);
  for (uint32_t i = 0; i < 2 * n; i++) eave_write_varint(w, e->trace[i]);
}

void eave_encode_console(eave_writer *w, uint8_t stream, const char *name, const uint8_t *text, size_t length) {
  eave_write_u8(w, stream);
  write_name(w, name);
  put(w, text, length);
}
