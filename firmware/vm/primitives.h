/* The one list of VM primitives: the operations the core library (written in Toit) cannot
 * express itself. PRIM(name, number, arity) — numbers are part of the image format and never
 * reused; the Java compiler checks its table against this file. A primitive that fails throws
 * a string naming the error, like the VM's own errors (docs/bytecode.md), e.g. "OUT_OF_BOUNDS";
 * it never returns an error value. */
#ifndef EAVE_PRIMITIVES_H
#define EAVE_PRIMITIVES_H

#define EAVE_PRIMITIVES(PRIM) \
  PRIM(PRINT,            0, 1)  /* string -> null; one line on the container's console */ \
  PRIM(STRINGIFY,        1, 1)  /* int, float, string, bool, null -> string */ \
  PRIM(STRING_CONCAT,    2, 2)  /* string string -> string */ \
  PRIM(STRING_SIZE,      3, 1)  /* string -> byte length */ \
  PRIM(STRING_AT,        4, 2)  /* string index -> byte at index */ \
  PRIM(STRING_SLICE,     5, 3)  /* string from to -> string */ \
  PRIM(STRING_COMPARE,   6, 2)  /* string string -> -1, 0 or 1 */ \
  PRIM(STRING_HASH,      7, 1)  /* string -> int */ \
  PRIM(ARRAY_NEW,        8, 2)  /* size fill -> array */ \
  PRIM(ARRAY_SIZE,       9, 1)  /* array -> int */ \
  PRIM(ARRAY_AT,        10, 2)  /* array index -> element */ \
  PRIM(ARRAY_AT_PUT,    11, 3)  /* array index value -> value */ \
  PRIM(BYTES_NEW,       12, 1)  /* size -> byte array of zeros */ \
  PRIM(BYTES_SIZE,      13, 1)  /* byte array -> int */ \
  PRIM(BYTES_AT,        14, 2)  /* byte array index -> int */ \
  PRIM(BYTES_AT_PUT,    15, 3)  /* byte array index value -> value (low 8 bits stored) */ \
  PRIM(INT_TO_FLOAT,    16, 1)  /* int -> float */ \
  PRIM(FLOAT_TO_INT,    17, 1)  /* float -> int, truncated; NaN or out of range throws */ \
  PRIM(FLOAT_FLOOR,     18, 1)  /* float -> float */ \
  PRIM(FLOAT_SQRT,      19, 1)  /* float -> float */ \
  PRIM(STRINGIFY_FLOAT, 20, 2)  /* float digits -> string with that many decimals */ \
  PRIM(TIME_MS,         21, 0)  /* -> milliseconds since the container started */ \
  PRIM(SLEEP_MS,        22, 1)  /* ms -> null; suspends the calling task */ \
  PRIM(YIELD,           23, 0)  /* -> null; lets the container's other tasks run */ \
  PRIM(TASK_SPAWN,      24, 1)  /* lambda -> task; runs the lambda as a new task */ \
  PRIM(EXIT,            25, 1)  /* code -> (never returns); ends the container */ \
  PRIM(CLASS_NAME,      26, 1)  /* object -> string, the class name if the image has it */ \
  PRIM(IDENTITY_HASH,   27, 1)  /* object -> int, stable for the object's life */ \
  PRIM(STRING_FROM_BYTES, 28, 3) /* byte array from to -> string; invalid UTF-8 throws */ \
  PRIM(STRING_TO_BYTES, 29, 1)  /* string -> byte array copy */ \
  PRIM(EXCEPTION_NEW,   30, 2)  /* class-less: value message -> Exception_ instance */ \
  PRIM(MESSAGE_SEND,    31, 2)  /* container-name message -> null; copies the message over */ \
  PRIM(MESSAGE_RECEIVE, 32, 0)  /* -> next message for this container; suspends until one */ \
  PRIM(GC_COUNT,        33, 0)  /* -> collections so far in this container (tests) */ \
  PRIM(MEMORY_USED,     34, 0)  /* -> bytes of this container's heap in use */ \
  PRIM(TASK_ID,         35, 0)  /* -> int, the calling task's id, unique in its container */

#endif
