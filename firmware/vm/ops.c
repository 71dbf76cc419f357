/* Operators on built-in values: the slow paths of ADD ... BIT_NOT, EQ and the comparisons for
 * integers (64-bit, wrapping, boxed beyond the small range), floats and strings. A receiver that
 * is none of those falls back to a virtual call of the operator's selector. */
#include <math.h>

#include "internal.h"
#include "ops.h"

static bool is_number(eave_value v) { return eave_is_int(v) || eave_has_kind(v, EAVE_KIND_FLOAT); }
static double as_double(eave_value v) {
  return eave_is_int(v) ? (double)eave_int_value(v) : eave_float_value(eave_obj(v));
}

static int compare_strings(eave_object *a, eave_object *b) {
  size_t n = a->length < b->length ? a->length : b->length;
  int r = n ? memcmp(eave_string_bytes(a), eave_string_bytes(b), n) : 0;
  if (r != 0) return r < 0 ? -1 : 1;
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

int eave_string_compare(eave_value a, eave_value b) { return compare_strings(eave_obj(a), eave_obj(b)); }

static eave_op_status int_result(eave_container *c, int64_t r, eave_value *out) {
  *out = eave_new_int(c, r);
  if (*out == 0) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return EAVE_OPS_THROW; }
  return EAVE_OPS_OK;
}

static eave_op_status float_result(eave_container *c, double d, eave_value *out) {
  *out = eave_new_float(c, d);
  if (*out == 0) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return EAVE_OPS_THROW; }
  return EAVE_OPS_OK;
}

static eave_op_status int_binary(eave_container *c, unsigned op, int64_t a, int64_t b, eave_value *out) {
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  switch (op) {
    case EAVE_OP_ADD: return int_result(c, (int64_t)(ua + ub), out);
    case EAVE_OP_SUB: return int_result(c, (int64_t)(ua - ub), out);
    case EAVE_OP_MUL: return int_result(c, (int64_t)(ua * ub), out);
    case EAVE_OP_DIV:
    case EAVE_OP_MOD:
      if (b == 0) { eave_set_pending_error(c, EAVE_ERROR_DIVISION_BY_ZERO); return EAVE_OPS_THROW; }
      if (b == -1) return int_result(c, op == EAVE_OP_DIV ? (int64_t)(0 - ua) : 0, out);
      return int_result(c, op == EAVE_OP_DIV ? a / b : a % b, out);
    case EAVE_OP_LT: *out = eave_bool(a < b); return EAVE_OPS_OK;
    case EAVE_OP_LE: *out = eave_bool(a <= b); return EAVE_OPS_OK;
    case EAVE_OP_GT: *out = eave_bool(a > b); return EAVE_OPS_OK;
    case EAVE_OP_GE: *out = eave_bool(a >= b); return EAVE_OPS_OK;
    case EAVE_OP_EQ: *out = eave_bool(a == b); return EAVE_OPS_OK;
    case EAVE_OP_BIT_AND: return int_result(c, a & b, out);
    case EAVE_OP_BIT_OR: return int_result(c, a | b, out);
    case EAVE_OP_BIT_XOR: return int_result(c, a ^ b, out);
    case EAVE_OP_SHL:
    case EAVE_OP_SHR:
    case EAVE_OP_USHR:
      if (b < 0) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_BOUNDS); return EAVE_OPS_THROW; }
      if (op == EAVE_OP_SHL) return int_result(c, b >= 64 ? 0 : (int64_t)(ua << b), out);
      if (op == EAVE_OP_USHR) return int_result(c, b >= 64 ? 0 : (int64_t)(ua >> b), out);
      if (b >= 64) return int_result(c, a < 0 ? -1 : 0, out);
      return int_result(c, a < 0 ? (int64_t)~(~ua >> b) : (int64_t)(ua >> b), out);
    default: return EAVE_OPS_FALLBACK;
  }
}

static eave_op_status float_binary(eave_container *c, unsigned op, double a, double b, eave_value *out) {
  switch (op) {
    case EAVE_OP_ADD: return float_result(c, a + b, out);
    case EAVE_OP_SUB: return float_result(c, a - b, out);
    case EAVE_OP_MUL: return float_result(c, a * b, out);
    case EAVE_OP_DIV: return float_result(c, a / b, out);
    case EAVE_OP_MOD: return float_result(c, fmod(a, b), out);
    case EAVE_OP_LT: *out = eave_bool(a < b); return EAVE_OPS_OK;
    case EAVE_OP_LE: *out = eave_bool(a <= b); return EAVE_OPS_OK;
    case EAVE_OP_GT: *out = eave_bool(a > b); return EAVE_OPS_OK;
    case EAVE_OP_GE: *out = eave_bool(a >= b); return EAVE_OPS_OK;
    case EAVE_OP_EQ: *out = eave_bool(a == b); return EAVE_OPS_OK;
    default: return EAVE_OPS_FALLBACK;
  }
}

eave_op_status eave_op_binary(eave_container *c, unsigned op, eave_value *operands, eave_value *out) {
  eave_value a = operands[0], b = operands[1];
  if (op == EAVE_OP_EQ) {
    if (a == b && !eave_has_kind(a, EAVE_KIND_FLOAT)) { *out = EAVE_TRUE; return EAVE_OPS_OK; }
    if (a == EAVE_NULL || b == EAVE_NULL) { *out = EAVE_FALSE; return EAVE_OPS_OK; }
  }
  if (eave_is_int(a) && eave_is_int(b)) return int_binary(c, op, eave_int_value(a), eave_int_value(b), out);
  if (is_number(a) && is_number(b)) return float_binary(c, op, as_double(a), as_double(b), out);
  if (eave_has_kind(a, EAVE_KIND_STRING) && eave_has_kind(b, EAVE_KIND_STRING)) {
    eave_object *x = eave_obj(a), *y = eave_obj(b);
    switch (op) {
      case EAVE_OP_ADD: {
        size_t n = (size_t)x->length + y->length;
        if (n > EAVE_MAX_OBJECT_SIZE) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return EAVE_OPS_THROW; }
        eave_value s = eave_new_string(c, NULL, n);
        if (s == 0) { eave_set_pending_error(c, EAVE_ERROR_OUT_OF_MEMORY); return EAVE_OPS_THROW; }
        x = eave_obj(operands[0]);  /* the allocation may have moved both */
        y = eave_obj(operands[1]);
        uint8_t *p = eave_payload(eave_obj(s));
        if (x->length) memcpy(p, eave_string_bytes(x), x->length);
        if (y->length) memcpy(p + x->length, eave_string_bytes(y), y->length);
        *out = s;
        return EAVE_OPS_OK;
      }
      case EAVE_OP_EQ: *out = eave_bool(compare_strings(x, y) == 0); return EAVE_OPS_OK;
      case EAVE_OP_LT: *out = eave_bool(compare_strings(x, y) < 0); return EAVE_OPS_OK;
      case EAVE_OP_LE: *out = eave_bool(compare_strings(x, y) <= 0); return EAVE_OPS_OK;
      case EAVE_OP_GT: *out = eave_bool(compare_strings(x, y) > 0); return EAVE_OPS_OK;
      case EAVE_OP_GE: *out = eave_bool(compare_strings(x, y) >= 0); return EAVE_OPS_OK;
      default: break;
    }
  }
  if (op == EAVE_OP_EQ && (is_number(a) || eave_has_kind(a, EAVE_KIND_STRING) || !eave_is_object(a))) {
    /* a built-in value against something of another kind */
    if (!eave_has_kind(a, EAVE_KIND_INSTANCE)) { *out = EAVE_FALSE; return EAVE_OPS_OK; }
  }
  return EAVE_OPS_FALLBACK;
}

eave_op_status eave_op_unary(eave_container *c, unsigned op, eave_value a, eave_value *out) {
  if (eave_is_int(a)) {
    uint64_t u = (uint64_t)eave_int_value(a);
    return int_result(c, op == EAVE_OP_NEG ? (int64_t)(0 - u) : (int64_t)~u, out);
  }
  if (op == EAVE_OP_NEG && eave_has_kind(a, EAVE_KIND_FLOAT)) return float_result(c, -eave_float_value(eave_obj(a)), out);
  return EAVE_OPS_FALLBACK;
}

bool eave_identical(eave_value a, eave_value b) {
  if (a == b) return true;
  if (eave_is_int(a) && eave_is_int(b)) return eave_int_value(a) == eave_int_value(b);
  if (eave_has_kind(a, EAVE_KIND_FLOAT) && eave_has_kind(b, EAVE_KIND_FLOAT)) {
    double x = eave_float_value(eave_obj(a)), y = eave_float_value(eave_obj(b));
    return memcmp(&x, &y, sizeof x) == 0;
  }
  return false;
}
