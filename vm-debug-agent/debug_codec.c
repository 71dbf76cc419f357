/* The debug protocol's codec: strict request decoding, response/event/value encoding
 * (docs/debug-protocol.md, "Encoding"; byte vectors in docs/vectors/debug/). */
#include "debug_codec.h"

#include <string.h>

#include "utf8.h"

typedef struct {
  const uint8_t *p, *end;
  bool bad;
} reader;

/* Unsigned LEB128: at most 5 bytes, at most 2^32-1, in the fewest bytes. */
static uint32_t get_varint(reader *r) {
  uint64_t v = 0;
  for (int i = 0; i < 5; i++) {
    if (r->p >= r->end) { r->bad = true; return 0; }
    uint8_t b = *r->p++;
    v |= (uint64_t)(b & 0x7F) << (7 * i);
    if (b < 0x80) {
      if (i > 0 && b == 0) { r->bad = true; return 0; }     /* not the fewest bytes */
      if (v > 0xFFFFFFFFu) { r->bad = true; return 0; }
      return (uint32_t)v;
    }
  }
  r->bad = true;  /* longer than 5 bytes */
  return 0;
}

static uint8_t get_u8(reader *r) {
  if (r->p >= r->end) { r->bad = true; return 0; }
  return *r->p++;
}

bool eave_debug_decode(const uint8_t *bytes, size_t length, eave_debug_request *out) {
  reader r = { bytes, bytes + length, false };
  out->type = 0;
  out->request = 0;
  out->range_count = 0;
  out->name = NULL;
  out->name_length = 0;
  uint8_t type = get_u8(&r);
  uint32_t request = get_varint(&r);
  if (r.bad) return false;
  out->request = request;
  out->type = type;
  switch (type) {
    case EAVE_DBG_ATTACH: {
      uint32_t n = get_varint(&r);
      if (r.bad || n > (size_t)(r.end - r.p)) return false;
      out->name = r.p;
      out->name_length = n;
      r.p += n;
      if (!eave_utf8_valid(out->name, n)) return false;
      break;
    }
    case EAVE_DBG_DETACH: case EAVE_DBG_PAUSE: case EAVE_DBG_CONTINUE: case EAVE_DBG_TASKS:
      break;
    case EAVE_DBG_SET_BREAKPOINT:
      out->method = get_varint(&r);
      out->offset = get_varint(&r);
      break;
    case EAVE_DBG_CLEAR_BREAKPOINT:
      out->breakpoint = get_varint(&r);
      break;
    case EAVE_DBG_SET_EXCEPTION_STOPS:
      out->flags = get_u8(&r);
      if (out->flags > 3) return false;
      break;
    case EAVE_DBG_STEP: {
      out->task = get_varint(&r);
      out->mode = get_u8(&r);
      if (!r.bad && out->mode > EAVE_DBG_STEP_OUT) return false;
      out->frame = get_varint(&r);
      uint32_t n = get_varint(&r);
      if (r.bad || n > EAVE_DEBUG_MAX_RANGES) return false;
      for (uint32_t i = 0; i < n && !r.bad; i++) {
        out->ranges[i].from = get_varint(&r);
        out->ranges[i].to = get_varint(&r);
      }
      out->range_count = n;
      break;
    }
    case EAVE_DBG_STACK:
      out->task = get_varint(&r);
      out->start = get_varint(&r);
      out->count = get_varint(&r);
      break;
    case EAVE_DBG_LOCALS:
      out->task = get_varint(&r);
      out->frame = get_varint(&r);
      out->start = get_varint(&r);
      out->count = get_varint(&r);
      break;
    case EAVE_DBG_OBJECT:
      out->reference = get_varint(&r);
      out->start = get_varint(&r);
      out->count = get_varint(&r);
      break;
    case EAVE_DBG_GLOBALS:
      out->start = get_varint(&r);
      out->count = get_varint(&r);
      break;
    default:
      return false;  /* unknown, or a response or event type */
  }
  return !r.bad && r.p == r.end;
}

void eave_debug_writer_init(eave_debug_writer *w, uint8_t *bytes, size_t capacity) {
  w->bytes = bytes;
  w->length = 0;
  w->capacity = capacity;
  w->overflow = false;
}

void eave_debug_put_u8(eave_debug_writer *w, uint8_t v) {
  if (w->length >= w->capacity) { w->overflow = true; return; }
  w->bytes[w->length++] = v;
}

static void put_uleb(eave_debug_writer *w, uint64_t v) {
  while (v >= 0x80) {
    eave_debug_put_u8(w, (uint8_t)(v | 0x80));
    v >>= 7;
  }
  eave_debug_put_u8(w, (uint8_t)v);
}

void eave_debug_put_varint(eave_debug_writer *w, uint32_t v) { put_uleb(w, v); }

void eave_debug_put_svarint(eave_debug_writer *w, int64_t v) {
  put_uleb(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void eave_debug_put_bytes(eave_debug_writer *w, const uint8_t *bytes, size_t length) {
  if (length > w->capacity - w->length) { w->overflow = true; return; }
  if (length) memcpy(w->bytes + w->length, bytes, length);
  w->length += length;
}

void eave_debug_put_head(eave_debug_writer *w, uint8_t type, uint32_t request) {
  eave_debug_put_u8(w, type);
  eave_debug_put_varint(w, request);
}

size_t eave_debug_utf8_cut(const uint8_t *bytes, size_t length, size_t max) {
  if (length <= max) return length;
  size_t n = max;
  while (n > 0 && (bytes[n] & 0xC0) == 0x80) n--;  /* bytes[n] continues a character: cut before it */
  return n;
}

void eave_debug_put_value(eave_debug_writer *w, const eave_debug_value *v) {
  eave_debug_put_u8(w, v->kind);
  switch (v->kind) {
    case EAVE_DBG_VALUE_INT: eave_debug_put_svarint(w, v->integer); break;
    case EAVE_DBG_VALUE_FLOAT: eave_debug_put_bytes(w, v->float_bytes, 8); break;
    case EAVE_DBG_VALUE_STRING: {
      size_t n = eave_debug_utf8_cut(v->text, v->size, EAVE_DEBUG_STRING_PREFIX);
      eave_debug_put_varint(w, v->reference);
      eave_debug_put_varint(w, v->size);
      eave_debug_put_varint(w, (uint32_t)n);
      eave_debug_put_bytes(w, v->text, n);
      break;
    }
    case EAVE_DBG_VALUE_OBJECT:
      eave_debug_put_varint(w, v->reference);
      eave_debug_put_varint(w, v->class_index);
      eave_debug_put_varint(w, v->size);
      break;
    default: break;
  }
}

size_t eave_debug_value_size(const eave_debug_value *v) {
  uint8_t scratch[EAVE_DEBUG_MAX_MESSAGE];
  eave_debug_writer w;
  eave_debug_writer_init(&w, scratch, sizeof scratch);
  eave_debug_put_value(&w, v);
  return w.length;
}

void eave_debug_put_error(eave_debug_writer *w, uint32_t request, uint32_t code, const char *message, size_t length) {
  eave_debug_put_head(w, EAVE_DBG_ERROR, request);
  eave_debug_put_varint(w, code);
  /* room for the length varint (at most 2 bytes for 512) and the text */
  size_t room = w->capacity > w->length + 2 ? w->capacity - w->length - 2 : 0;
  size_t n = eave_debug_utf8_cut((const uint8_t *)message, length, room);
  eave_debug_put_varint(w, (uint32_t)n);
  eave_debug_put_bytes(w, (const uint8_t *)message, n);
}
