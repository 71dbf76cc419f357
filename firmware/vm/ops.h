/* Operator slow paths (ops.c), called by the interpreter when its inline small-integer paths do
 * not apply. */
#ifndef EAVE_OPS_H
#define EAVE_OPS_H
#include "internal.h"

typedef enum {
  EAVE_OPS_OK,        /* *out holds the result */
  EAVE_OPS_THROW,     /* c->pending_error says what to throw */
  EAVE_OPS_FALLBACK,  /* call the operator's selector on the receiver */
} eave_op_status;

/* `operands` are the two values on the task stack (roots: an allocation may move them). */
eave_op_status eave_op_binary(eave_container *c, unsigned op, eave_value *operands, eave_value *out);
eave_op_status eave_op_unary(eave_container *c, unsigned op, eave_value a, eave_value *out);
bool eave_identical(eave_value a, eave_value b);
int eave_string_compare(eave_value a, eave_value b);
#endif
