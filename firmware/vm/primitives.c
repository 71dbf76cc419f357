/* The primitives of primitives.h. Arguments sit on the task stack (so they stay roots while a
 * primitive allocates: re-read them after every allocation); a failing primitive sets the
 * container's pending error and returns EAVE_PRIM_THROW. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "ops.h"

#include "utf8.h"
eave_prim_status eave_prim_message_send(eave_container *c, eave_value *args, eave_value *result);
eave_prim_status eave_prim_message_receive(eave_container *c, eave_task *t, eave_value *result);
eave_task *eave_spawn(eave_container *c, eave_value *lambda_slot);

static eave_prim_status error(eave_container *c, eave_vm_error e) {
  eave_set_pending_error(c, e);
  return EAVE_PRIM_THROW;
}

#define OOM() return error(c, EAVE_ERROR_OUT_OF_MEMORY)
#define CHECK(cond) do { if (!(cond)) return error(c, EAVE_ERROR_WRONG_ARGUMENT_TYPE); } while (0)
#define IS_STRING(v) eave_has_kind((v), EAVE_KIND_STRING)
#define IS_ARRAY(v) eave_has_kind((v), EAVE_KIND_ARRAY)
#define IS_BYTES(v) eave_has_kind((v), EAVE_KIND_BYTES)
#define IS_FLOAT(v) eave_has_kind((v), EAVE_KIND_FLOAT)

/* An index argument checked against [0, limit). */
static bool index_ok(eave_value v, uint32_t limit, uint32_t *out) {
  if (!eave_is_int(v)) return false;
  int64_t i = eave_int_value(v);
  if (i < 0 || i >= (int64_t)limit) return false;
  *out = (uint32_t)i;
  return true;
}

static eave_value text(eave_container *c, const char *s) {
  return eave_new_external_string(c, (const uint8_t *)s, strlen(s));
}

static size_t format_float(double d, char *buf, size_t cap) {
  if (isnan(d)) return (size_t)snprintf(buf, cap, "nan");
  if (isinf(d)) return (size_t)snprintf(buf, cap, d < 0 ? "-inf" : "inf");
  int n = 0;
  int precision = 1;
  for (; precision <= 17; precision++) {
    n = snprintf(buf, cap, "%.*g", precision, d);
    if (strtod(buf, NULL) == d) break;
  }
  /* Like Toit, plain digits between 1e-5 and 1e17 (1000.0, not 1e+03): the shortest exact
   * precision found above, written without an exponent. */
  const char *e = strchr(buf, 'e');
  if (e != NULL) {
    int exponent = atoi(e + 1);
    if (exponent >= -5 && exponent < 17) {
      int decimals = precision - 1 - exponent;
      n = snprintf(buf, cap, "%.*f", decimals < 0 ? 0 : decimals, d);
    }
  }
  if (n < 0) n = 0;
  if (!strpbrk(buf, ".en") && (size_t)n + 2 < cap) {
    buf[n++] = '.';
    buf[n++] = '0';
    buf[n] = 0;
  }
  return (size_t)n;
}

static eave_prim_status stringify(eave_container *c, eave_value v, eave_value *result) {
  char buf[40];
  size_t n;
  if (IS_STRING(v)) { *result = v; return EAVE_PRIM_OK; }
  if (v == EAVE_NULL) *result = text(c, "null");
  else if (v == EAVE_TRUE) *result = text(c, "true");
  else if (v == EAVE_FALSE) *result = text(c, "false");
  else if (eave_is_int(v)) {
    n = (size_t)snprintf(buf, sizeof buf, "%lld", (long long)eave_int_value(v));
    *result = eave_new_string(c, (const uint8_t *)buf, n);
  } else if (IS_FLOAT(v)) {
    n = format_float(eave_float_value(eave_obj(v)), buf, sizeof buf);
    *result = eave_new_string(c, (const uint8_t *)buf, n);
  } else {
    return error(c, EAVE_ERROR_WRONG_ARGUMENT_TYPE);
  }
  if (*result == 0) OOM();
  return EAVE_PRIM_OK;
}

static eave_prim_status new_string_from(eave_container *c, eave_value *source, uint32_t from, uint32_t to, eave_value *result) {
  eave_value s = eave_new_string(c, NULL, to - from);
  if (!s) OOM();
  eave_object *o = eave_obj(*source);  /* re-read: the allocation may have moved it */
  const uint8_t *bytes = IS_STRING(*source) ? eave_string_bytes(o) : (const uint8_t *)eave_payload(o);
  if (to > from) memcpy(eave_payload(eave_obj(s)), bytes + from, to - from);
  *result = s;
  return EAVE_PRIM_OK;
}

static bool char_boundary(eave_object *s, uint32_t i) {
  return i >= s->length || (eave_string_bytes(s)[i] & 0xC0) != 0x80;
}

/* Range arguments from, to with 0 <= from <= to <= length. */
static bool range_ok(eave_value f, eave_value t, uint32_t length, uint32_t *from, uint32_t *to) {
  if (!eave_is_int(f) || !eave_is_int(t)) return false;
  int64_t a = eave_int_value(f), b = eave_int_value(t);
  if (a < 0 || b < a || b > (int64_t)length) return false;
  *from = (uint32_t)a;
  *to = (uint32_t)b;
  return true;
}

static uint32_t identity_hash(eave_container *c, eave_value v) {
  if (eave_is_int(v)) return (uint32_t)eave_int_value(v) & 0x3FFFFFFF;
  if (!eave_is_object(v)) return (uint32_t)v;
  eave_object *o = eave_obj(v);
  if ((o->klass >> 16) == 0) {
    c->hash_seed = (uint16_t)(c->hash_seed * 25173u + 13849u);
    uint32_t h = c->hash_seed ? c->hash_seed : 1;
    o->klass = (o->klass & 0xFFFF) | h << 16;
  }
  return o->klass >> 16;
}

eave_prim_status eave_primitive(eave_container *c, eave_task *t, unsigned number, eave_value *args, eave_value *result) {
  switch (number) {
    case EAVE_P_PRINT: {
      CHECK(IS_STRING(args[0]));
      eave_object *s = eave_obj(args[0]);
      if (c->vm->port.console) c->vm->port.console(c->vm->port.context, c->id, c->name, eave_string_bytes(s), s->length);
      *result = EAVE_NULL;
      return EAVE_PRIM_OK;
    }
    case EAVE_P_STRINGIFY:
      return stringify(c, args[0], result);
    case EAVE_P_STRING_CONCAT: {
      CHECK(IS_STRING(args[0]) && IS_STRING(args[1]));
      eave_op_status s = eave_op_binary(c, EAVE_OP_ADD, args, result);
      return s == EAVE_OPS_OK ? EAVE_PRIM_OK : EAVE_PRIM_THROW;
    }
    case EAVE_P_STRING_SIZE:
      CHECK(IS_STRING(args[0]));
      *result = eave_smi((intptr_t)eave_obj(args[0])->length);
      return EAVE_PRIM_OK;
    case EAVE_P_STRING_AT: {
      CHECK(IS_STRING(args[0]));
      uint32_t i;
      if (!index_ok(args[1], eave_obj(args[0])->length, &i)) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      *result = eave_smi(eave_string_bytes(eave_obj(args[0]))[i]);
      return EAVE_PRIM_OK;
    }
    case EAVE_P_STRING_SLICE: {
      CHECK(IS_STRING(args[0]));
      eave_object *s = eave_obj(args[0]);
      uint32_t from, to;
      if (!range_ok(args[1], args[2], s->length, &from, &to)) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      if (!char_boundary(s, from) || !char_boundary(s, to)) return error(c, EAVE_ERROR_ILLEGAL_UTF_8);
      return new_string_from(c, &args[0], from, to, result);
    }
    case EAVE_P_STRING_COMPARE:
      CHECK(IS_STRING(args[0]) && IS_STRING(args[1]));
      *result = eave_smi(eave_string_compare(args[0], args[1]));
      return EAVE_PRIM_OK;
    case EAVE_P_STRING_HASH: {
      CHECK(IS_STRING(args[0]));
      eave_object *s = eave_obj(args[0]);
      const uint8_t *p = eave_string_bytes(s);
      uint32_t h = 2166136261u;
      for (uint32_t i = 0; i < s->length; i++) h = (h ^ p[i]) * 16777619u;
      *result = eave_smi((intptr_t)(h & 0x3FFFFFFF));  /* the same on 32- and 64-bit targets */
      return EAVE_PRIM_OK;
    }
    case EAVE_P_ARRAY_NEW: {
      CHECK(eave_is_int(args[0]));
      int64_t n = eave_int_value(args[0]);
      if (n < 0 || n > (int64_t)(EAVE_MAX_OBJECT_SIZE / sizeof(eave_value))) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      eave_value a = eave_new_array(c, (size_t)n, EAVE_NULL);
      if (!a) OOM();
      eave_value fill = args[1];
      eave_value *v = eave_values(eave_obj(a));
      for (int64_t i = 0; i < n; i++) v[i] = fill;
      *result = a;
      return EAVE_PRIM_OK;
    }
    case EAVE_P_ARRAY_SIZE:
      CHECK(IS_ARRAY(args[0]));
      *result = eave_smi((intptr_t)eave_obj(args[0])->length);
      return EAVE_PRIM_OK;
    case EAVE_P_ARRAY_AT:
    case EAVE_P_ARRAY_AT_PUT: {
      CHECK(IS_ARRAY(args[0]));
      uint32_t i;
      if (!eave_is_int(args[1])) return error(c, EAVE_ERROR_WRONG_ARGUMENT_TYPE);
      if (!index_ok(args[1], eave_obj(args[0])->length, &i)) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      eave_value *slot = &eave_values(eave_obj(args[0]))[i];
      if (number == EAVE_P_ARRAY_AT_PUT) *slot = args[2];
      *result = *slot;
      return EAVE_PRIM_OK;
    }
    case EAVE_P_BYTES_NEW: {
      CHECK(eave_is_int(args[0]));
      int64_t n = eave_int_value(args[0]);
      if (n < 0 || n > (int64_t)EAVE_MAX_OBJECT_SIZE) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      *result = eave_new_bytes(c, NULL, (size_t)n);
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    }
    case EAVE_P_BYTES_SIZE:
      CHECK(IS_BYTES(args[0]));
      *result = eave_smi((intptr_t)eave_obj(args[0])->length);
      return EAVE_PRIM_OK;
    case EAVE_P_BYTES_AT:
    case EAVE_P_BYTES_AT_PUT: {
      CHECK(IS_BYTES(args[0]) && eave_is_int(args[1]));
      uint32_t i;
      if (!index_ok(args[1], eave_obj(args[0])->length, &i)) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      uint8_t *p = (uint8_t *)eave_payload(eave_obj(args[0])) + i;
      if (number == EAVE_P_BYTES_AT_PUT) {
        CHECK(eave_is_int(args[2]));
        *p = (uint8_t)eave_int_value(args[2]);
        *result = args[2];
      } else {
        *result = eave_smi(*p);
      }
      return EAVE_PRIM_OK;
    }
    case EAVE_P_INT_TO_FLOAT:
      CHECK(eave_is_int(args[0]));
      *result = eave_new_float(c, (double)eave_int_value(args[0]));
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    case EAVE_P_FLOAT_TO_INT: {
      CHECK(IS_FLOAT(args[0]));
      double d = eave_float_value(eave_obj(args[0]));
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return error(c, EAVE_ERROR_FLOAT_OUT_OF_RANGE);
      *result = eave_new_int(c, (int64_t)d);
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    }
    case EAVE_P_FLOAT_FLOOR:
    case EAVE_P_FLOAT_SQRT: {
      CHECK(IS_FLOAT(args[0]));
      double d = eave_float_value(eave_obj(args[0]));
      *result = eave_new_float(c, number == EAVE_P_FLOAT_FLOOR ? floor(d) : sqrt(d));
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    }
    case EAVE_P_STRINGIFY_FLOAT: {
      CHECK(IS_FLOAT(args[0]) && eave_is_int(args[1]));
      int64_t digits = eave_int_value(args[1]);
      if (digits < 0 || digits > 20) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      double d = eave_float_value(eave_obj(args[0]));
      char buf[64];
      int n;
      if (isnan(d) || isinf(d) || fabs(d) >= 1e21) n = (int)format_float(d, buf, sizeof buf);
      else n = snprintf(buf, sizeof buf, "%.*f", (int)digits, d);
      if (n < 0) n = 0;
      *result = eave_new_string(c, (const uint8_t *)buf, (size_t)n);
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    }
    case EAVE_P_TIME_MS: {
      uint64_t now = c->vm->port.ticks_ms ? c->vm->port.ticks_ms(c->vm->port.context) : 0;
      *result = eave_new_int(c, (int64_t)(now - c->start_ms));
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    }
    case EAVE_P_SLEEP_MS: {
      CHECK(eave_is_int(args[0]));
      int64_t ms = eave_int_value(args[0]);
      uint64_t now = c->vm->port.ticks_ms ? c->vm->port.ticks_ms(c->vm->port.context) : 0;
      t->state = EAVE_TASK_SLEEPING;
      t->wake_ms = now + (uint64_t)(ms < 0 ? 0 : ms);
      return EAVE_PRIM_SUSPEND;
    }
    case EAVE_P_YIELD:
      t->state = EAVE_TASK_READY;
      return EAVE_PRIM_SUSPEND;
    case EAVE_P_TASK_SPAWN: {
      CHECK(eave_has_kind(args[0], EAVE_KIND_LAMBDA));
      eave_object *o = eave_alloc(c, EAVE_KIND_TASK, c->image.well_known[EAVE_WK_OBJECT], 0);
      if (!o) OOM();
      c->pending_result = eave_from_obj(o);
      eave_task *nt = eave_spawn(c, &args[0]);
      *result = c->pending_result;
      c->pending_result = EAVE_NULL;
      if (!nt) return EAVE_PRIM_THROW;
      eave_obj(*result)->length = nt->id;
      return EAVE_PRIM_OK;
    }
    case EAVE_P_EXIT:
      CHECK(eave_is_int(args[0]));
      c->exit_kind = EAVE_EXIT_CODE;
      c->exit_code = eave_int_value(args[0]);
      c->exit_message_length = 0;
      c->exit_trace_length = 0;
      return EAVE_PRIM_EXIT;
    case EAVE_P_CLASS_NAME: {
      uint32_t k = eave_class_of(c, args[0]);
      *result = EAVE_NULL;
      if (k == EAVE_NONE) return EAVE_PRIM_OK;
      eave_class_info info;
      eave_class_decode(&c->image, k, &info);
      if (info.name_plus_one == 0) return EAVE_PRIM_OK;
      eave_value v = c->constants[info.name_plus_one - 1];
      if (v == EAVE_UNSET) {
        v = eave_constant(c, info.name_plus_one - 1);
        if (!v) OOM();
        c->constants[info.name_plus_one - 1] = v;
      }
      *result = v;
      return EAVE_PRIM_OK;
    }
    case EAVE_P_IDENTITY_HASH:
      *result = eave_smi((intptr_t)(identity_hash(c, args[0]) & 0x3FFFFFFF));
      return EAVE_PRIM_OK;
    case EAVE_P_STRING_FROM_BYTES: {
      CHECK(IS_BYTES(args[0]));
      eave_object *b = eave_obj(args[0]);
      uint32_t from, to;
      if (!range_ok(args[1], args[2], b->length, &from, &to)) return error(c, EAVE_ERROR_OUT_OF_BOUNDS);
      if (!eave_utf8_valid((const uint8_t *)eave_payload(b) + from, to - from)) return error(c, EAVE_ERROR_ILLEGAL_UTF_8);
      return new_string_from(c, &args[0], from, to, result);
    }
    case EAVE_P_STRING_TO_BYTES: {
      CHECK(IS_STRING(args[0]));
      uint32_t n = eave_obj(args[0])->length;
      eave_value b = eave_new_bytes(c, NULL, n);
      if (!b) OOM();
      if (n) memcpy(eave_payload(eave_obj(b)), eave_string_bytes(eave_obj(args[0])), n);
      *result = b;
      return EAVE_PRIM_OK;
    }
    case EAVE_P_EXCEPTION_NEW: {
      uint32_t k = c->image.well_known[EAVE_WK_EXCEPTION];
      eave_class_info info;
      eave_class_decode(&c->image, k, &info);
      eave_object *o = eave_alloc(c, EAVE_KIND_INSTANCE, k, (size_t)info.fields * sizeof(eave_value));
      if (!o) OOM();
      o->length = info.fields;
      for (uint32_t i = 0; i < info.fields; i++) eave_values(o)[i] = i < 2 ? args[i] : EAVE_NULL;
      *result = eave_from_obj(o);
      return EAVE_PRIM_OK;
    }
    case EAVE_P_MESSAGE_SEND:
      return eave_prim_message_send(c, args, result);
    case EAVE_P_MESSAGE_RECEIVE:
      return eave_prim_message_receive(c, t, result);
    case EAVE_P_GC_COUNT:
    case EAVE_P_MEMORY_USED:
      *result = eave_new_int(c, number == EAVE_P_GC_COUNT ? (int64_t)c->gc_count : (int64_t)eave_heap_used(c));
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    case EAVE_P_TASK_ID:
      *result = eave_new_int(c, (int64_t)t->id);
      if (!*result) OOM();
      return EAVE_PRIM_OK;
    default:
      return error(c, EAVE_ERROR_LOOKUP_FAILED);  /* unreachable: the verifier knows them all */
  }
}
