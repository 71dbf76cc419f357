/* Messages between containers. A message is copied, never shared: the sender encodes the value
 * (null, booleans, integers, floats, strings, byte arrays and arrays of those, nested at most
 * EAVE_MAX_MESSAGE_DEPTH deep, at most EAVE_MAX_MESSAGE_BYTES encoded) into a buffer from the
 * port, the buffer waits in the receiver's inbox, and the receiver decodes it into its own heap
 * when a task receives it. So the sender never touches the receiver's heap, and the receiver
 * pays for the memory itself. Encoding: a tag byte, then
 *   0 null | 1 true | 2 false | 3 int: 8 bytes LE | 4 float: 8 bytes | 5 string: u32 n, bytes
 *   | 6 byte array: u32 n, bytes | 7 array: u32 n, n values */
#include "internal.h"

typedef struct {
  uint8_t *buf;
  size_t cap, len;
  eave_vm_error error;
  bool ok;
} encoder;

static void put(encoder *e, const void *p, size_t n) {
  if (!e->ok) return;
  if (n > e->cap - e->len) { e->ok = false; e->error = EAVE_ERROR_MESSAGE_TOO_LARGE; return; }
  memcpy(e->buf + e->len, p, n);
  e->len += n;
}
static void put_u8(encoder *e, uint8_t b) { put(e, &b, 1); }
static void put_u32(encoder *e, uint32_t v) {
  uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
  put(e, b, 4);
}
static void put_u64(encoder *e, uint64_t v) {
  put_u32(e, (uint32_t)v);
  put_u32(e, (uint32_t)(v >> 32));
}

static void encode(encoder *e, eave_value v, uint32_t depth) {
  if (!e->ok) return;
  if (v == EAVE_NULL) { put_u8(e, 0); return; }
  if (v == EAVE_TRUE) { put_u8(e, 1); return; }
  if (v == EAVE_FALSE) { put_u8(e, 2); return; }
  if (eave_is_int(v)) { put_u8(e, 3); put_u64(e, (uint64_t)eave_int_value(v)); return; }
  if (!eave_is_object(v)) { e->ok = false; e->error = EAVE_ERROR_WRONG_ARGUMENT_TYPE; return; }
  eave_object *o = eave_obj(v);
  switch (eave_kind_of(o)) {
    case EAVE_KIND_FLOAT: {
      double d = eave_float_value(o);
      uint64_t bits;
      memcpy(&bits, &d, sizeof bits);
      put_u8(e, 4);
      put_u64(e, bits);
      return;
    }
    case EAVE_KIND_STRING:
      put_u8(e, 5);
      put_u32(e, o->length);
      put(e, eave_string_bytes(o), o->length);
      return;
    case EAVE_KIND_BYTES:
      put_u8(e, 6);
      put_u32(e, o->length);
      put(e, eave_payload(o), o->length);
      return;
    case EAVE_KIND_ARRAY:
      if (depth >= EAVE_MAX_MESSAGE_DEPTH) { e->ok = false; e->error = EAVE_ERROR_MESSAGE_TOO_LARGE; return; }
      put_u8(e, 7);
      put_u32(e, o->length);
      for (uint32_t i = 0; i < o->length && e->ok; i++) encode(e, eave_values(o)[i], depth + 1);
      return;
    default:
      e->ok = false;
      e->error = EAVE_ERROR_WRONG_ARGUMENT_TYPE;
      return;
  }
}

bool eave_message_encode(eave_container *c, eave_value v, uint8_t *buffer, size_t capacity, size_t *length,
                         eave_vm_error *error) {
  (void)c;
  encoder e = { buffer, capacity, 0, EAVE_ERROR_MESSAGE_TOO_LARGE, true };
  encode(&e, v, 0);
  *length = e.len;
  *error = e.error;
  return e.ok;
}

/* --- Decoding: first the heap bytes the message needs, then, with that much room ensured and
 * collection held off, the objects themselves (so no value moves while it is being built). --- */
typedef struct {
  const uint8_t *p, *end;
  bool ok;
} decoder;

static uint32_t get_u32(decoder *d) {
  if (d->end - d->p < 4) { d->ok = false; return 0; }
  uint32_t v = eave_u32(d->p);
  d->p += 4;
  return v;
}
static uint64_t get_u64(decoder *d) {
  uint64_t lo = get_u32(d);
  return lo | (uint64_t)get_u32(d) << 32;
}
static size_t object_size(size_t payload) {
  return (sizeof(eave_object) + payload + EAVE_OBJECT_ALIGN - 1) & ~(size_t)(EAVE_OBJECT_ALIGN - 1);
}

static size_t measure(decoder *d, uint32_t depth) {
  if (!d->ok || d->p >= d->end || depth > EAVE_MAX_MESSAGE_DEPTH) { d->ok = false; return 0; }
  uint8_t tag = *d->p++;
  switch (tag) {
    case 0: case 1: case 2: return 0;
    case 3: { int64_t i = (int64_t)get_u64(d); return eave_smi_fits(i) ? 0 : object_size(8); }
    case 4: get_u64(d); return object_size(8);
    case 5: case 6: {
      uint32_t n = get_u32(d);
      if (!d->ok || (size_t)(d->end - d->p) < n) { d->ok = false; return 0; }
      d->p += n;
      return object_size(n + (tag == 5));
    }
    case 7: {
      uint32_t n = get_u32(d);
      if (!d->ok || n > (size_t)(d->end - d->p)) { d->ok = false; return 0; }
      size_t total = object_size((size_t)n * sizeof(eave_value));
      for (uint32_t i = 0; i < n && d->ok; i++) total += measure(d, depth + 1);
      return total;
    }
    default: d->ok = false; return 0;
  }
}

static eave_value build(eave_container *c, decoder *d) {
  uint8_t tag = *d->p++;
  switch (tag) {
    case 0: return EAVE_NULL;
    case 1: return EAVE_TRUE;
    case 2: return EAVE_FALSE;
    case 3: return eave_new_int(c, (int64_t)get_u64(d));
    case 4: {
      uint64_t bits = get_u64(d);
      double v;
      memcpy(&v, &bits, sizeof v);
      return eave_new_float(c, v);
    }
    case 5: case 6: {
      uint32_t n = get_u32(d);
      eave_value v = tag == 5 ? eave_new_string(c, d->p, n) : eave_new_bytes(c, d->p, n);
      d->p += n;
      return v;
    }
    default: {
      uint32_t n = get_u32(d);
      eave_value a = eave_new_array(c, n, EAVE_NULL);
      for (uint32_t i = 0; i < n && a; i++) {
        eave_value e = build(c, d);
        if (!e) return 0;
        eave_values(eave_obj(a))[i] = e;
      }
      return a;
    }
  }
}

eave_value eave_message_decode(eave_container *c, const uint8_t *bytes, size_t length) {
  decoder d = { bytes, bytes + length, true };
  size_t need = measure(&d, 0);
  if (!d.ok) return EAVE_NULL;  /* never produced by the encoder */
  if (need > eave_heap_room(c)) eave_gc_collect(c);
  if (need > eave_heap_room(c)) return 0;
  /* Room is there: allocate without collecting (the reserve flag stops eave_alloc's GC). */
  c->in_reserve = true;
  decoder b = { bytes, bytes + length, true };
  eave_value v = build(c, &b);
  eave_heap_enter_reserve(c, false);
  return v;
}

/* --- The primitives. --- */
eave_prim_status eave_prim_message_send(eave_container *c, eave_value *args, eave_value *result);
eave_prim_status eave_prim_message_receive(eave_container *c, eave_task *t, eave_value *result);
bool eave_deliver(eave_container *to, const uint8_t *bytes, size_t length, eave_vm_error *error);

bool eave_deliver(eave_container *to, const uint8_t *bytes, size_t length, eave_vm_error *error) {
  if (to->inbox_count >= EAVE_MAX_QUEUED_MESSAGES) { *error = EAVE_ERROR_MESSAGE_QUEUE_FULL; return false; }
  eave_message *m = eave_port_alloc(&to->vm->port, sizeof(eave_message) + length);
  if (!m) { *error = EAVE_ERROR_OUT_OF_MEMORY; return false; }
  m->next = NULL;
  m->length = length;
  memcpy(m->bytes, bytes, length);
  if (to->inbox_tail) to->inbox_tail->next = m; else to->inbox = m;
  to->inbox_tail = m;
  to->inbox_count++;
  return true;
}

eave_prim_status eave_prim_message_send(eave_container *c, eave_value *args, eave_value *result) {
  if (!eave_has_kind(args[0], EAVE_KIND_STRING)) { eave_set_pending_error(c, EAVE_ERROR_WRONG_ARGUMENT_TYPE); return EAVE_PRIM_THROW; }
  eave_object *name = eave_obj(args[0]);
  eave_container *to = NULL;
  for (eave_container *k = c->vm->containers; k; k = k->next) {
    if (!k->ended && strlen(k->name) == name->length && memcmp(k->name, eave_string_bytes(name), name->length) == 0) {
      to = k;
      break;
    }
  }
  if (!to) { eave_set_pending_error(c, EAVE_ERROR_NO_SUCH_CONTAINER); return EAVE_PRIM_THROW; }
  uint8_t *buffer = eave_port_alloc(&c->vm->port, EAVE_MAX_MESSAGE_BYTES);
  if (!buffer) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return EAVE_PRIM_THROW; }
  size_t length;
  eave_vm_error error;
  bool ok = eave_message_encode(c, args[1], buffer, EAVE_MAX_MESSAGE_BYTES, &length, &error) &&
            eave_deliver(to, buffer, length, &error);
  eave_port_free(&c->vm->port, buffer, EAVE_MAX_MESSAGE_BYTES);
  if (!ok) { eave_set_pending_error(c, error); return EAVE_PRIM_THROW; }
  *result = EAVE_NULL;
  return EAVE_PRIM_OK;
}

/* Takes the first message of the inbox into the heap; false with the inbox empty. */
bool eave_take_message(eave_container *c, eave_value *result);
bool eave_take_message(eave_container *c, eave_value *result) {
  eave_message *m = c->inbox;
  if (!m) return false;
  *result = eave_message_decode(c, m->bytes, m->length);
  if (*result == 0) return true;  /* out of memory: the message stays for a later try */
  c->inbox = m->next;
  if (!c->inbox) c->inbox_tail = NULL;
  c->inbox_count--;
  eave_port_free(&c->vm->port, m, sizeof(eave_message) + m->length);
  return true;
}

eave_prim_status eave_prim_message_receive(eave_container *c, eave_task *t, eave_value *result) {
  if (eave_take_message(c, result)) {
    if (*result == 0) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return EAVE_PRIM_THROW; }
    return EAVE_PRIM_OK;
  }
  t->state = EAVE_TASK_RECEIVING;
  return EAVE_PRIM_SUSPEND;
}
