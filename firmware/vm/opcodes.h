/* The one list of Eave bytecodes (docs/bytecode.md is its prose). Expanded by the interpreter's
 * dispatch, the verifier's stack effects and the disassembler; the Java compiler checks its own
 * table against this file in a test, so both sides cannot drift apart.
 *
 * OP(name, operand format, pops, pushes)
 *   operand formats: NONE, S8, U8, U16, I16 (relative jump from the next instruction),
 *                    U8U8, U16U8, U8U8U16 — fixed width, little-endian.
 *   pops = VARIABLE: the count depends on the operand (see the comment). */
#ifndef EAVE_OPCODES_H
#define EAVE_OPCODES_H

#define VARIABLE (-1)

#define EAVE_OPCODES(OP) \
  /* constants */ \
  OP(LOAD_NULL,        NONE,    0, 1)  /* push null */ \
  OP(LOAD_TRUE,        NONE,    0, 1)  /* push true */ \
  OP(LOAD_FALSE,       NONE,    0, 1)  /* push false */ \
  OP(LOAD_SMI,         S8,      0, 1)  /* push the integer A (-128..127) */ \
  OP(LOAD_CONST,       U16,     0, 1)  /* push constants[A] */ \
  /* slots: arguments then locals of the running frame */ \
  OP(LOAD_LOCAL,       U8,      0, 1)  /* push slot[A] */ \
  OP(STORE_LOCAL,      U8,      1, 1)  /* slot[A] := top; top stays */ \
  OP(LOAD_OUTER,       U8U8,    0, 1)  /* push slot[B] of the frame A block levels out */ \
  OP(STORE_OUTER,      U8U8,    1, 1)  /* slot[B] of the frame A levels out := top; top stays */ \
  OP(LOAD_CAPTURED,    U8,      0, 1)  /* push captured[A] of the running lambda */ \
  OP(POP,              NONE,    1, 0)  /* drop top */ \
  OP(DUP,              NONE,    1, 2)  /* push top again */ \
  /* fields and globals */ \
  OP(LOAD_FIELD,       U8,      1, 1)  /* obj -> obj.fields[A] */ \
  OP(STORE_FIELD,      U8,      2, 1)  /* obj value -> value; obj.fields[A] := value */ \
  OP(LOAD_THIS_FIELD,  U8,      0, 1)  /* push slot[0].fields[A] (instance methods) */ \
  OP(STORE_THIS_FIELD, U8,      1, 1)  /* slot[0].fields[A] := top; top stays */ \
  OP(LOAD_GLOBAL,      U16,     0, 1)  /* push globals[A], running its initialiser first time */ \
  OP(STORE_GLOBAL,     U16,     1, 1)  /* globals[A] := top; top stays */ \
  /* objects */ \
  OP(ALLOCATE,         U16,     0, 1)  /* push a new instance of class A, fields null */ \
  OP(IS,               U16,     1, 1)  /* v -> (v is class A) */ \
  OP(AS,               U16,     1, 1)  /* v -> v; throws AS_CHECK_FAILED unless v is class A */ \
  /* calls: arguments pushed in order, receiver or block first */ \
  OP(CALL_STATIC,      U16,     VARIABLE, 1)  /* pops methods[A].arity arguments */ \
  OP(CALL_VIRTUAL,     U16U8,   VARIABLE, 1)  /* selector A on B arguments, receiver deepest */ \
  OP(CALL_BLOCK,       U8,      VARIABLE, 1)  /* A arguments, the deepest a block or lambda */ \
  OP(CALL_PRIMITIVE,   U16U8,   VARIABLE, 1)  /* primitive A on B arguments (primitives.h) */ \
  OP(RETURN,           NONE,    1, 0)  /* return top to the caller */ \
  OP(NON_LOCAL_RETURN, NONE,    1, 0)  /* return top from the block's home method */ \
  OP(NON_LOCAL_BRANCH, U8U8U16, 0, 0)  /* unwind A block levels, cut stack to B, go to C */ \
  /* blocks and lambdas */ \
  OP(CREATE_BLOCK,     U16,     0, 1)  /* push a block of method A over this frame */ \
  OP(CREATE_LAMBDA,    U16U8,   VARIABLE, 1)  /* lambda of method A capturing B values */ \
  /* control */ \
  OP(JUMP,             I16,     0, 0)  /* pc += A; a backward jump is a safepoint */ \
  OP(JUMP_IF_TRUE,     I16,     1, 0)  /* pop; jump unless null or false */ \
  OP(JUMP_IF_FALSE,    I16,     1, 0)  /* pop; jump if null or false */ \
  OP(THROW,            NONE,    1, 0)  /* throw top, recording the stack trace */ \
  OP(RETHROW,          NONE,    1, 0)  /* end of a finally: resume the unwind in top */ \
  /* operators: fast paths for integers, floats and strings, else CALL_VIRTUAL selector A */ \
  OP(ADD,              U16,     2, 1)  /* a b -> a + b */ \
  OP(SUB,              U16,     2, 1)  /* a b -> a - b */ \
  OP(MUL,              U16,     2, 1)  /* a b -> a * b */ \
  OP(DIV,              U16,     2, 1)  /* a b -> a / b; integer division by 0 throws */ \
  OP(MOD,              U16,     2, 1)  /* a b -> a % b */ \
  OP(LT,               U16,     2, 1)  /* a b -> a < b */ \
  OP(LE,               U16,     2, 1)  /* a b -> a <= b */ \
  OP(GT,               U16,     2, 1)  /* a b -> a > b */ \
  OP(GE,               U16,     2, 1)  /* a b -> a >= b */ \
  OP(EQ,               U16,     2, 1)  /* a b -> a == b (identical or null short-cut first) */ \
  OP(BIT_AND,          U16,     2, 1)  /* a b -> a & b */ \
  OP(BIT_OR,           U16,     2, 1)  /* a b -> a | b */ \
  OP(BIT_XOR,          U16,     2, 1)  /* a b -> a ^ b */ \
  OP(SHL,              U16,     2, 1)  /* a b -> a << b */ \
  OP(SHR,              U16,     2, 1)  /* a b -> a >> b (arithmetic) */ \
  OP(USHR,             U16,     2, 1)  /* a b -> a >>> b (logical) */ \
  OP(NEG,              U16,     1, 1)  /* a -> -a */ \
  OP(BIT_NOT,          U16,     1, 1)  /* a -> ~a */ \
  OP(NOT,              NONE,    1, 1)  /* v -> true if v is null or false, else false */ \
  OP(IDENTICAL,        NONE,    2, 1)  /* a b -> identical a b (ints and floats by value) */

#endif
