/* The interpreter loop: dispatch only. Hot state (instruction pointer, stack pointer, slots, code)
 * lives in locals; calls, unwinding, operators and primitives are in their own files. Every
 * backward jump, every call and every unwind polls the container's safepoint countdown (one
 * decrement and one branch); when it trips the loop saves its state and asks the safepoint what
 * to do.
 *
 * This file is compiled twice: as eave_interpret, and (interpret_debug.c, EAVE_INTERPRET_DEBUG)
 * as eave_interpret_debug, the checking loop that asks the debugger before every instruction.
 * The scheduler runs a container in the checking loop only while its debug flag is set
 * (breakpoints or a step), so the ordinary loop carries no per-instruction debug cost at all. */
#include "internal.h"
#include "ops.h"

#ifndef EAVE_INTERPRET_DEBUG
#define EAVE_INTERPRET_DEBUG 0
#endif
#if EAVE_INTERPRET_DEBUG
#define EAVE_INTERPRET_FN eave_interpret_debug
#define EAVE_DISPATCH_GOTO 0   /* the checking loop dispatches through one place: the switch */
#else
#define EAVE_INTERPRET_FN eave_interpret
#define EAVE_DISPATCH_GOTO EAVE_COMPUTED_GOTO
#endif

static eave_frame *outer_frame(eave_task *t, eave_frame *frame, uint32_t levels) {
  for (uint32_t i = 0; i < levels; i++) {
    if (frame->slots < 1) return NULL;
    eave_value b = t->stack[frame->base];
    if (!eave_has_kind(b, EAVE_KIND_BLOCK)) return NULL;
    eave_object *o = eave_obj(b);
    eave_block_payload *bp = eave_payload(o);
    uint32_t index = o->length;
    if (bp->task_id != t->id || index >= (uint32_t)(frame - t->frames) || t->frames[index].serial != bp->serial)
      return NULL;
    frame = &t->frames[index];
  }
  return frame;
}

static uint32_t frame_serial(eave_container *c, eave_frame *f) {
  if (f->serial == 0) {
    if (++c->next_serial == 0) c->next_serial = 1;
    f->serial = c->next_serial;
  }
  return f->serial;
}

eave_run_result EAVE_INTERPRET_FN(eave_container *c, eave_task *t) {
  eave_value *const stack = t->stack;
  eave_value *const globals = c->globals;
  const uint8_t *const image = c->image.bytes;
  eave_frame *frame;
  const uint8_t *code, *ip;
  eave_value *sp, *slots;
  uint32_t sel = 0, argc = 0, method = 0;
  eave_value unwind = 0;
#if EAVE_COUNT_BYTECODES
  uint64_t count = 0;
#define COUNT() (count++)
#define FLUSH_COUNT() (c->bytecodes += count, count = 0)
#else
#define COUNT() ((void)0)
#define FLUSH_COUNT() ((void)0)
#endif

#define LOAD_STATE() do { \
    frame = &t->frames[t->frame_count - 1]; \
    code = image + frame->code; \
    ip = code + frame->pc; \
    sp = stack + t->sp; \
    slots = stack + frame->base; \
  } while (0)
#define SAVE_STATE() do { frame->pc = (uint32_t)(ip - code); t->sp = (uint32_t)(sp - stack); } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define U8() (*ip++)
#define U16() (ip += 2, (uint32_t)(ip[-2] | (uint32_t)ip[-1] << 8))
#define THROW_ERROR(e) do { SAVE_STATE(); eave_set_pending_error(c, (e)); goto throw_pending; } while (0)
#define POLL() do { if (EAVE_UNLIKELY(--c->tick <= 0)) goto safepoint; } while (0)

#if EAVE_DISPATCH_GOTO
  static const void *const labels[] = {
#define OP_LABEL(name, fmt, pops, pushes) &&L_##name,
    EAVE_OPCODES(OP_LABEL)
#undef OP_LABEL
  };
#define CASE(name) L_##name:
#define NEXT() do { COUNT(); goto *labels[*ip++]; } while (0)
#else
#define CASE(name) case EAVE_OP_##name:
#define NEXT() goto dispatch
#endif

  LOAD_STATE();
  if (EAVE_UNLIKELY(t->held != 0)) {
    /* The debugger stopped this task at a throw: the unwind goes on now. */
    unwind = t->held;
    t->held = 0;
    goto unwind_with_u;
  }
  if (c->pending_error >= 0 || c->pending_throw != EAVE_NULL) goto throw_pending;
#if EAVE_DISPATCH_GOTO
  NEXT();
  {
#else
dispatch:
#if EAVE_INTERPRET_DEBUG
  SAVE_STATE();
  if (eave_debug_check(c, t)) {
    FLUSH_COUNT();
    c->paused = true;
    return EAVE_RUN_PREEMPTED;
  }
#endif
  COUNT();
  switch (*ip++) {
#endif
    CASE(LOAD_NULL) PUSH(EAVE_NULL); NEXT();
    CASE(LOAD_TRUE) PUSH(EAVE_TRUE); NEXT();
    CASE(LOAD_FALSE) PUSH(EAVE_FALSE); NEXT();
    CASE(LOAD_SMI) PUSH(eave_smi((int8_t)U8())); NEXT();
    CASE(LOAD_CONST) {
      uint32_t i = U16();
      eave_value v = c->constants[i];
      if (EAVE_UNLIKELY(v == EAVE_UNSET)) {
        SAVE_STATE();
        v = eave_constant(c, i);
        if (v == 0) THROW_ERROR(EAVE_ERROR_OUT_OF_MEMORY);
        c->constants[i] = v;
      }
      PUSH(v);
      NEXT();
    }
    CASE(LOAD_LOCAL) PUSH(slots[U8()]); NEXT();
    CASE(STORE_LOCAL) {
      slots[U8()] = TOP();
#if !EAVE_INTERPRET_DEBUG
      /* An assignment statement is STORE_LOCAL, POP: the pair in one dispatch (the checking
       * loop keeps them apart, so that every instruction offset can hold a breakpoint). */
      if (*ip == EAVE_OP_POP) { ip++; sp--; COUNT(); }
#endif
      NEXT();
    }
    CASE(LOAD_OUTER)
    CASE(STORE_OUTER) {
      unsigned op = ip[-1];
      uint32_t levels = U8(), slot = U8();
      eave_frame *f = outer_frame(t, frame, levels);
      if (!f) THROW_ERROR(EAVE_ERROR_DEAD_BLOCK);
      if (slot >= f->slots) THROW_ERROR(EAVE_ERROR_OUT_OF_BOUNDS);
      if (op == EAVE_OP_LOAD_OUTER) PUSH(stack[f->base + slot]);
      else stack[f->base + slot] = TOP();
      NEXT();
    }
    CASE(LOAD_CAPTURED) {
      uint32_t i = U8();
      eave_value l = slots[0];
      if (!eave_has_kind(l, EAVE_KIND_LAMBDA) || i >= eave_obj(l)->length) THROW_ERROR(EAVE_ERROR_WRONG_ARGUMENT_TYPE);
      PUSH(eave_values(eave_obj(l))[i]);
      NEXT();
    }
    CASE(POP) sp--; NEXT();
    CASE(DUP) { eave_value v = TOP(); PUSH(v); NEXT(); }
    CASE(LOAD_FIELD)
    CASE(LOAD_THIS_FIELD) {
      unsigned op = ip[-1];
      uint32_t i = U8();
      eave_value o = op == EAVE_OP_LOAD_FIELD ? TOP() : slots[0];
      if (EAVE_UNLIKELY(!eave_has_kind(o, EAVE_KIND_INSTANCE) || i >= eave_obj(o)->length))
        THROW_ERROR(o == EAVE_NULL ? EAVE_ERROR_NULL_RECEIVER : EAVE_ERROR_NOT_AN_INSTANCE);
      eave_value v = eave_values(eave_obj(o))[i];
      if (op == EAVE_OP_LOAD_FIELD) sp[-1] = v; else PUSH(v);
      NEXT();
    }
    CASE(STORE_FIELD)
    CASE(STORE_THIS_FIELD) {
      unsigned op = ip[-1];
      uint32_t i = U8();
      eave_value o = op == EAVE_OP_STORE_FIELD ? sp[-2] : slots[0];
      if (EAVE_UNLIKELY(!eave_has_kind(o, EAVE_KIND_INSTANCE) || i >= eave_obj(o)->length))
        THROW_ERROR(o == EAVE_NULL ? EAVE_ERROR_NULL_RECEIVER : EAVE_ERROR_NOT_AN_INSTANCE);
      eave_values(eave_obj(o))[i] = TOP();
      if (op == EAVE_OP_STORE_FIELD) { sp[-2] = sp[-1]; sp--; }
      NEXT();
    }
    CASE(LOAD_GLOBAL) {
      uint32_t g = U16();
      eave_value v = globals[g];
      if (EAVE_LIKELY(v != EAVE_UNSET && v != EAVE_BUSY)) { PUSH(v); NEXT(); }
      if (v == EAVE_BUSY) THROW_ERROR(EAVE_ERROR_CYCLIC_INITIALISATION);
      uint32_t init = eave_image_entry(&c->image, c->image.global_table, g);
      if (init == EAVE_NONE) { globals[g] = EAVE_NULL; PUSH(EAVE_NULL); NEXT(); }
      SAVE_STATE();
      if (!eave_push_frame(c, t, init, 0)) goto throw_pending;
      globals[g] = EAVE_BUSY;
      t->frames[t->frame_count - 1].global = g;
      LOAD_STATE();
      POLL();
      NEXT();
    }
    CASE(STORE_GLOBAL) globals[U16()] = TOP(); NEXT();
    CASE(ALLOCATE) {
      uint32_t k = U16();
      uint32_t fields = eave_class_fields(c, k);
      SAVE_STATE();
      eave_object *o = eave_alloc(c, EAVE_KIND_INSTANCE, k, (size_t)fields * sizeof(eave_value));
      if (!o) THROW_ERROR(EAVE_ERROR_OUT_OF_MEMORY);
      o->length = fields;
      for (uint32_t i = 0; i < fields; i++) eave_values(o)[i] = EAVE_NULL;
      PUSH(eave_from_obj(o));
      NEXT();
    }
    CASE(IS) { uint32_t k = U16(); sp[-1] = eave_bool(eave_is_instance_of(c, sp[-1], k)); NEXT(); }
    CASE(AS) { uint32_t k = U16(); if (!eave_is_instance_of(c, sp[-1], k)) THROW_ERROR(EAVE_ERROR_AS_CHECK_FAILED); NEXT(); }
    CASE(CALL_STATIC) {
      method = U16();
      argc = eave_call_info_of(c, method)->arity;
      goto call;
    }
    CASE(CALL_VIRTUAL) {
      sel = U16();
      argc = U8();
    virtual_call: {
        eave_value receiver = sp[-(intptr_t)argc];
        method = eave_lookup_value(c, receiver, sel);
        if (EAVE_UNLIKELY(method == EAVE_NONE))
          THROW_ERROR(receiver == EAVE_NULL ? EAVE_ERROR_NULL_RECEIVER : EAVE_ERROR_LOOKUP_FAILED);
        goto call;
      }
    }
    CASE(CALL_BLOCK) {
      argc = U8();
      eave_value b = sp[-(intptr_t)argc];
      uint32_t want;
      if (eave_has_kind(b, EAVE_KIND_BLOCK)) {
        eave_object *o = eave_obj(b);
        eave_block_payload *bp = eave_payload(o);
        if (bp->task_id != t->id || o->length >= t->frame_count || t->frames[o->length].serial != bp->serial)
          THROW_ERROR(EAVE_ERROR_DEAD_BLOCK);
        method = o->aux;
        want = EAVE_METHOD_BLOCK;
      } else if (eave_has_kind(b, EAVE_KIND_LAMBDA)) {
        method = eave_obj(b)->aux;
        want = EAVE_METHOD_LAMBDA;
      } else {
        THROW_ERROR(EAVE_ERROR_WRONG_ARGUMENT_TYPE);
      }
      if (!(eave_call_info_of(c, method)->flags & want)) THROW_ERROR(EAVE_ERROR_WRONG_ARGUMENT_TYPE);
      goto call;
    }
    call: {
      /* The common call inline: exact arity, room on the stack; anything else (abstract, a
       * block or lambda given more or fewer arguments, overflow) through eave_push_frame. */
      const eave_call_info *m = eave_call_info_of(c, method);
      uint32_t top = (uint32_t)(sp - stack);
      if (EAVE_LIKELY(m->arity == argc && !(m->flags & EAVE_METHOD_ABSTRACT) &&
                      t->frame_count < EAVE_TASK_MAX_FRAMES &&
                      top + m->locals + m->max_stack <= EAVE_TASK_STACK_SLOTS)) {
        frame->pc = (uint32_t)(ip - code);
        frame = &t->frames[t->frame_count++];
        frame->method = method;
        frame->pc = 0;
        frame->base = top - argc;
        frame->serial = 0;
        frame->slots = (uint16_t)(m->arity + m->locals);
        frame->max_stack = m->max_stack;
        frame->global = EAVE_NONE;
        frame->code = m->code;
        slots = sp - argc;
        for (uint32_t i = m->locals; i > 0; i--) PUSH(EAVE_NULL);
        code = ip = image + m->code;
        POLL();
        NEXT();
      }
      SAVE_STATE();
      if (EAVE_UNLIKELY(!eave_push_frame(c, t, method, argc))) goto throw_pending;
      LOAD_STATE();
      POLL();
      NEXT();
    }
    CASE(CALL_PRIMITIVE) {
      uint32_t number = U16();
      argc = U8();
      SAVE_STATE();
      eave_value result = EAVE_NULL;
      eave_prim_status status = eave_primitive(c, t, number, sp - argc, &result);
      if (EAVE_LIKELY(status == EAVE_PRIM_OK)) {
        sp -= argc;
        PUSH(result);
        NEXT();
      }
      if (status == EAVE_PRIM_THROW) goto throw_pending;
      sp -= argc;
      SAVE_STATE();
      FLUSH_COUNT();
      return status == EAVE_PRIM_SUSPEND ? EAVE_RUN_SUSPENDED : EAVE_RUN_EXIT;
    }
    CASE(RETURN) {
      eave_value v = TOP();
      if (EAVE_UNLIKELY(frame->global != EAVE_NONE)) globals[frame->global] = v;
      sp = slots;
      if (--t->frame_count == 0) {
        t->sp = (uint32_t)(sp - stack);
        FLUSH_COUNT();
        return EAVE_RUN_TASK_DONE;
      }
      frame--;
      code = image + frame->code;
      ip = code + frame->pc;
      slots = stack + frame->base;
      PUSH(v);
      NEXT();
    }
    CASE(NON_LOCAL_RETURN) {
      /* The home method: follow the chain of block creators out to a frame that is no block. */
      eave_frame *f = frame;
      for (;;) {
        eave_method_info m;
        eave_method_decode(&c->image, f->method, &m);
        if (!(m.flags & EAVE_METHOD_BLOCK)) break;
        f = outer_frame(t, f, 1);
        if (!f) THROW_ERROR(EAVE_ERROR_DEAD_BLOCK);
      }
      uint32_t index = (uint32_t)(f - t->frames);
      uint32_t serial = frame_serial(c, f);
      SAVE_STATE();
      eave_value u = eave_make_unwind(c, EAVE_UNWIND_RETURN, TOP(), index, 0, 0);
      if (!u) THROW_ERROR(EAVE_ERROR_OUT_OF_MEMORY);
      ((eave_unwind *)eave_payload(eave_obj(u)))->serial = serial;
      sp--;
      SAVE_STATE();
      unwind = u;
      goto unwind_with_u;
    }
    CASE(NON_LOCAL_BRANCH) {
      uint32_t levels = U8(), depth = U8(), target = U16();
      eave_frame *f = outer_frame(t, frame, levels);
      if (!f) THROW_ERROR(EAVE_ERROR_DEAD_BLOCK);
      SAVE_STATE();
      if (eave_image_depth_at(&c->vm->port, &c->image, f->method, target) != (int32_t)depth) {
        c->exit_kind = EAVE_EXIT_ERROR;
        c->exit_code = 1;
        static const char text[] = "non-local branch to a bad target";
        memcpy(c->exit_message, text, sizeof text - 1);
        c->exit_message_length = sizeof text - 1;
        c->exit_trace_length = 0;
        FLUSH_COUNT();
        return EAVE_RUN_EXIT;
      }
      uint32_t index = (uint32_t)(f - t->frames);
      uint32_t serial = frame_serial(c, f);
      eave_value u = eave_make_unwind(c, EAVE_UNWIND_BRANCH, EAVE_NULL, index, target, depth);
      if (!u) THROW_ERROR(EAVE_ERROR_OUT_OF_MEMORY);
      ((eave_unwind *)eave_payload(eave_obj(u)))->serial = serial;
      unwind = u;
      {
      unwind_with_u:;
        eave_unwind_result r = eave_unwind_run(c, t, unwind);
        /* An unwind may go backwards (a handler before the throw, a branch to a loop head):
         * it polls like a backward jump, or a throw-catch cycle could never be preempted. */
        if (r == EAVE_UNWIND_CONTINUE) { LOAD_STATE(); POLL(); NEXT(); }
        FLUSH_COUNT();
        if (r == EAVE_UNWIND_TASK_DONE) return EAVE_RUN_TASK_DONE;
        return r == EAVE_UNWIND_TASK_FAILED ? EAVE_RUN_TASK_FAILED : EAVE_RUN_EXIT;
      }
    }
    CASE(CREATE_BLOCK) {
      uint32_t m = U16();
      uint32_t serial = frame_serial(c, frame);
      SAVE_STATE();
      eave_object *o = eave_alloc(c, EAVE_KIND_BLOCK, c->image.well_known[EAVE_WK_BLOCK], sizeof(eave_block_payload));
      if (!o) THROW_ERROR(EAVE_ERROR_OUT_OF_MEMORY);
      o->length = (uint32_t)(frame - t->frames);
      o->aux = m;
      eave_block_payload *bp = eave_payload(o);
      bp->task_id = t->id;
      bp->serial = serial;
      PUSH(eave_from_obj(o));
      NEXT();
    }
    CASE(CREATE_LAMBDA) {
      uint32_t m = U16(), n = U8();
      SAVE_STATE();
      eave_object *o = eave_alloc(c, EAVE_KIND_LAMBDA, c->image.well_known[EAVE_WK_LAMBDA], n * sizeof(eave_value));
      if (!o) THROW_ERROR(EAVE_ERROR_OUT_OF_MEMORY);
      o->length = n;
      o->aux = m;
      sp -= n;
      memcpy(eave_values(o), sp, n * sizeof(eave_value));
      PUSH(eave_from_obj(o));
      NEXT();
    }
    CASE(JUMP) {
      int16_t d = (int16_t)U16();
      ip += d;
      if (d < 0) POLL();
      NEXT();
    }
    CASE(JUMP_IF_TRUE)
    CASE(JUMP_IF_FALSE) {
      unsigned op = ip[-1];
      int16_t d = (int16_t)U16();
      bool truth = eave_truthy(POP());
      if (truth == (op == EAVE_OP_JUMP_IF_TRUE)) {
        ip += d;
        if (d < 0) POLL();
      }
      NEXT();
    }
    CASE(THROW) {
      c->pending_throw = POP();
      SAVE_STATE();
      goto throw_pending;
    }
    CASE(RETHROW) {
      eave_value u = POP();
      SAVE_STATE();
      if (eave_has_kind(u, EAVE_KIND_UNWIND)) { unwind = u; goto unwind_with_u; }
      c->pending_throw = u;
      goto throw_pending;
    }
    /* Operators: both operands small integers is the fast path, one case per operator; the
     * rest (boxed integers, floats, strings, overflow, other receivers) goes to ops.c. */
#define SMI_BINARY(name, fast) \
    CASE(name) { \
      sel = U16(); \
      eave_value a = sp[-2], b = sp[-1]; \
      if (EAVE_LIKELY(a & b & 1u)) { \
        intptr_t x = eave_smi_value(a), y = eave_smi_value(b); \
        (void)x; (void)y; \
        fast \
      } \
      goto binary_slow; \
    }
#define SMI_RESULT(r) do { sp[-2] = (r); sp--; NEXT(); } while (0)
    SMI_BINARY(ADD, { intptr_t s = x + y; if (eave_smi_fits(s)) SMI_RESULT(eave_smi(s)); })
    SMI_BINARY(SUB, { intptr_t s = x - y; if (eave_smi_fits(s)) SMI_RESULT(eave_smi(s)); })
    SMI_BINARY(MUL, {
      int64_t p;
      if (!eave_mul_overflows(x, y, &p) && eave_smi_fits(p)) SMI_RESULT(eave_smi((intptr_t)p));
    })
    SMI_BINARY(DIV, { if (y != 0 && y != -1) SMI_RESULT(eave_smi(x / y)); })
    SMI_BINARY(MOD, { if (y != 0 && y != -1) SMI_RESULT(eave_smi(x % y)); })
    SMI_BINARY(BIT_AND, { SMI_RESULT(a & b); })
    SMI_BINARY(BIT_OR, { SMI_RESULT(a | b); })
    SMI_BINARY(BIT_XOR, { SMI_RESULT((a ^ b) | 1u); })
    SMI_BINARY(SHL, {
      if (y >= 0 && y < EAVE_SMI_BITS) {
        intptr_t s = (intptr_t)((uintptr_t)x << y);
        if ((s >> y) == x && eave_smi_fits(s)) SMI_RESULT(eave_smi(s));
      }
    })
    SMI_BINARY(SHR, { if (y >= 0 && y < EAVE_SMI_BITS) SMI_RESULT(eave_smi(x >> y)); })
    SMI_BINARY(USHR, { if (y >= 0 && y < EAVE_SMI_BITS && x >= 0) SMI_RESULT(eave_smi(x >> y)); })
    SMI_BINARY(LT, { SMI_RESULT(eave_bool(x < y)); })
    SMI_BINARY(LE, { SMI_RESULT(eave_bool(x <= y)); })
    SMI_BINARY(GT, { SMI_RESULT(eave_bool(x > y)); })
    SMI_BINARY(GE, { SMI_RESULT(eave_bool(x >= y)); })
    SMI_BINARY(EQ, { SMI_RESULT(eave_bool(a == b)); })
#undef SMI_BINARY
#undef SMI_RESULT
    binary_slow: {
        unsigned op = ip[-3];
        eave_value r;
        SAVE_STATE();
        eave_op_status s = eave_op_binary(c, op, sp - 2, &r);
        if (EAVE_LIKELY(s == EAVE_OPS_OK)) { sp[-2] = r; sp--; NEXT(); }
        if (s == EAVE_OPS_THROW) goto throw_pending;
        argc = 2;
        goto virtual_call;
    }
    CASE(NEG)
    CASE(BIT_NOT) {
      unsigned op = ip[-1];
      sel = U16();
      eave_value r;
      SAVE_STATE();
      eave_op_status s = eave_op_unary(c, op, sp[-1], &r);
      if (EAVE_LIKELY(s == EAVE_OPS_OK)) { sp[-1] = r; NEXT(); }
      if (s == EAVE_OPS_THROW) goto throw_pending;
      argc = 1;
      goto virtual_call;
    }
    CASE(NOT) sp[-1] = eave_bool(!eave_truthy(sp[-1])); NEXT();
    CASE(IDENTICAL) {
      bool same = eave_identical(sp[-2], sp[-1]);
      sp[-2] = eave_bool(same);
      sp--;
      NEXT();
    }
#if !EAVE_DISPATCH_GOTO
    default:
      break;
#endif
  }
  /* Unreachable in a verified image: every opcode is known. */
  SAVE_STATE();
  FLUSH_COUNT();
  return EAVE_RUN_EXIT;

throw_pending: {
    /* c->pending_throw or c->pending_error holds the exception; the frames' pcs are saved. */
    unwind = eave_make_exception(c, t);
    if (!unwind) {
      c->exit_kind = EAVE_EXIT_OUT_OF_MEMORY;
      c->exit_code = 1;
      c->exit_message_length = 0;
      c->exit_trace_length = 0;
      FLUSH_COUNT();
      return EAVE_RUN_EXIT;
    }
    if (EAVE_UNLIKELY(c->debug_exceptions != 0) && eave_debug_exception(c, t, unwind)) {
      /* Stopped before unwinding: the unwind waits in the task until it runs again. */
      t->held = unwind;
      FLUSH_COUNT();
      c->paused = true;
      return EAVE_RUN_PREEMPTED;
    }
    goto unwind_with_u;
  }

safepoint:
  SAVE_STATE();
  FLUSH_COUNT();
  c->polls++;
  if (c->pending & EAVE_PENDING_KILL) return EAVE_RUN_PREEMPTED;
  if (c->pending & EAVE_PENDING_PAUSE) {
    c->pending &= ~(uint32_t)EAVE_PENDING_PAUSE;
    c->paused = true;
    return EAVE_RUN_PREEMPTED;
  }
  /* EAVE_PENDING_BREAK: the debug flag changed; the scheduler picks the loop again. */
  c->pending &= ~(uint32_t)EAVE_PENDING_BREAK;
  return EAVE_RUN_PREEMPTED;
#undef LOAD_STATE
#undef SAVE_STATE
#undef PUSH
#undef POP
#undef TOP
#undef U8
#undef U16
#undef THROW_ERROR
#undef POLL
#undef CASE
#undef NEXT
#undef COUNT
#undef FLUSH_COUNT
}
#undef EAVE_INTERPRET_FN
#undef EAVE_DISPATCH_GOTO
