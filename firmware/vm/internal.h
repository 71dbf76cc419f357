/* The VM core's shared internals: tagged values, the object layout, the loaded image, frames,
 * tasks and containers. Only the core's own files include this; the outside uses eave_vm.h. */
#ifndef EAVE_INTERNAL_H
#define EAVE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eave_vm.h"
#include "opcodes.h"
#include "primitives.h"
#include "vm_config.h"

#if defined(__GNUC__)
#define EAVE_LIKELY(x) __builtin_expect(!!(x), 1)
#define EAVE_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define EAVE_LIKELY(x) (x)
#define EAVE_UNLIKELY(x) (x)
#endif

/* ---------------------------------------------------------------------------------------------
 * Values. A value is one pointer-sized word:
 *   ...xxx1  small integer (31 bits on 32-bit targets, 63 bits on 64-bit), value = word >> 1
 *   ...x000  pointer to a heap object (objects are 8-byte aligned)
 *   ...0010  null, 0110 true, 1010 false, 1110 "unset" (never visible to programs)
 * Integers outside the small range are boxed; the program cannot tell the two apart. */
typedef uintptr_t eave_value;

#define EAVE_NULL ((eave_value)0x2)
#define EAVE_TRUE ((eave_value)0x6)
#define EAVE_FALSE ((eave_value)0xA)
#define EAVE_UNSET ((eave_value)0xE)   /* globals not yet initialised, constants not yet made */
#define EAVE_BUSY ((eave_value)0x12)   /* a global whose initialiser runs */

_Static_assert(sizeof(eave_value) == sizeof(void *), "a value is one pointer");
_Static_assert(sizeof(intptr_t) == sizeof(void *), "intptr_t is pointer-sized");

#define EAVE_SMI_BITS ((int)(sizeof(eave_value) * 8 - 1))
#define EAVE_SMI_MAX ((int64_t)(INTPTR_MAX >> 1))
#define EAVE_SMI_MIN ((int64_t)(INTPTR_MIN >> 1))

static inline bool eave_is_smi(eave_value v) { return (v & 1u) != 0; }
static inline bool eave_is_object(eave_value v) { return (v & 7u) == 0; }
static inline intptr_t eave_smi_value(eave_value v) { return ((intptr_t)v) >> 1; }
static inline bool eave_smi_fits(int64_t i) { return i >= EAVE_SMI_MIN && i <= EAVE_SMI_MAX; }
static inline eave_value eave_smi(intptr_t i) { return ((eave_value)i << 1) | 1u; }
/* x * y in 64 bits, or true when it overflows (small integers have at most 63 bits). */
static inline bool eave_mul_overflows(int64_t x, int64_t y, int64_t *product) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_mul_overflow(x, y, product);
#else
  if (x > INT32_MAX || x < INT32_MIN || y > INT32_MAX || y < INT32_MIN) return true;
  *product = x * y;
  return false;
#endif
}
static inline eave_value eave_bool(bool b) { return b ? EAVE_TRUE : EAVE_FALSE; }
static inline bool eave_truthy(eave_value v) { return v != EAVE_NULL && v != EAVE_FALSE; }

/* ---------------------------------------------------------------------------------------------
 * Objects. Every object starts with a 16-byte head: meta (kind, flags, size in 8-byte units),
 * the class word (class index in the low 16 bits, identity hash in the high 16), a length and an
 * auxiliary word whose meaning depends on the kind. Payload follows, 8-byte aligned. When the
 * collector moves an object it overwrites length/aux with the forwarding pointer. */
typedef enum {
  EAVE_KIND_FORWARDED = 0,
  EAVE_KIND_INSTANCE,   /* length: field count; values */
  EAVE_KIND_ARRAY,      /* length: element count; values */
  EAVE_KIND_BYTES,      /* length: byte count; bytes */
  EAVE_KIND_STRING,     /* length: byte count; aux: hash+1 or 0; bytes, or a pointer (EXTERNAL) */
  EAVE_KIND_INT,        /* boxed 64-bit integer */
  EAVE_KIND_FLOAT,      /* binary64 */
  EAVE_KIND_LAMBDA,     /* length: captured count; aux: method; values */
  EAVE_KIND_BLOCK,      /* length: frame index; aux: method; payload: task id, frame serial */
  EAVE_KIND_TASK,       /* length: task id */
  EAVE_KIND_UNWIND,     /* length: unwind kind; aux: trace length; eave_unwind payload */
  EAVE_KIND_COUNT
} eave_kind;

#define EAVE_FLAG_EXTERNAL 1u   /* string bytes live outside the heap (image or static text) */

typedef struct {
  uint32_t meta;    /* kind: 4 bits, flags: 4 bits, size in 8-byte units: 24 bits */
  uint32_t klass;   /* class index: 16 bits, identity hash: 16 bits (0 = none yet) */
  uint32_t length;
  uint32_t aux;
} eave_object;

_Static_assert(sizeof(eave_object) == 16, "the object head is 16 bytes on every target");
_Static_assert(sizeof(void *) <= 8, "a forwarding pointer fits length and aux");

#define EAVE_OBJECT_ALIGN 8u

static inline eave_object *eave_obj(eave_value v) { return (eave_object *)(void *)v; }
static inline eave_value eave_from_obj(const eave_object *o) { return (eave_value)(uintptr_t)o; }
static inline eave_kind eave_kind_of(const eave_object *o) { return (eave_kind)(o->meta & 0xFu); }
static inline uint32_t eave_flags_of(const eave_object *o) { return (o->meta >> 4) & 0xFu; }
static inline size_t eave_size_of(const eave_object *o) { return (size_t)(o->meta >> 8) * 8u; }
static inline void *eave_payload(eave_object *o) { return (void *)(o + 1); }
static inline eave_value *eave_values(eave_object *o) { return (eave_value *)(void *)(o + 1); }
static inline bool eave_has_kind(eave_value v, eave_kind k) {
  return eave_is_object(v) && eave_kind_of(eave_obj(v)) == k;
}
static inline const uint8_t *eave_string_bytes(eave_object *o) {
  if (eave_flags_of(o) & EAVE_FLAG_EXTERNAL) {
    const uint8_t *p;
    memcpy(&p, eave_payload(o), sizeof p);
    return p;
  }
  return (const uint8_t *)eave_payload(o);
}
static inline int64_t eave_boxed_int(eave_object *o) {
  int64_t i;
  memcpy(&i, eave_payload(o), sizeof i);
  return i;
}
static inline double eave_float_value(eave_object *o) {
  double d;
  memcpy(&d, eave_payload(o), sizeof d);
  return d;
}
static inline bool eave_is_int(eave_value v) { return eave_is_smi(v) || eave_has_kind(v, EAVE_KIND_INT); }
static inline int64_t eave_int_value(eave_value v) {
  return eave_is_smi(v) ? (int64_t)eave_smi_value(v) : eave_boxed_int(eave_obj(v));
}

/* Block payload. */
typedef struct {
  uint32_t task_id;
  uint32_t serial;
} eave_block_payload;

/* Unwind payload: an exception, non-local return or branch in flight (finally handlers get it). */
typedef enum { EAVE_UNWIND_EXCEPTION = 0, EAVE_UNWIND_RETURN, EAVE_UNWIND_BRANCH } eave_unwind_kind;
typedef struct {
  eave_value value;        /* the exception, or the returned value */
  uint32_t frame;          /* RETURN/BRANCH: target frame index and its serial */
  uint32_t serial;
  uint32_t pc;             /* BRANCH: target pc and operand stack depth */
  uint32_t depth;
  eave_trace_entry trace[EAVE_MAX_TRACE_FRAMES];
} eave_unwind;

/* ---------------------------------------------------------------------------------------------
 * The loaded image: a verified view of the bytes (image.c). */
#define EAVE_HEADER_SIZE 104u
#define EAVE_WELL_KNOWN 12u
enum {
  EAVE_WK_OBJECT, EAVE_WK_NULL, EAVE_WK_TRUE, EAVE_WK_FALSE, EAVE_WK_INT, EAVE_WK_FLOAT,
  EAVE_WK_STRING, EAVE_WK_BYTES, EAVE_WK_ARRAY, EAVE_WK_LAMBDA, EAVE_WK_BLOCK, EAVE_WK_EXCEPTION
};
#define EAVE_NONE 0xFFFFFFFFu

typedef struct {
  const uint8_t *bytes;
  uint32_t size;
  uint32_t constants, classes, methods, globals, selectors, entry;
  uint32_t well_known[EAVE_WELL_KNOWN];
  uint32_t constant_table, class_table, method_table, global_table;  /* offsets */
} eave_image;

enum { EAVE_METHOD_INSTANCE = 1, EAVE_METHOD_BLOCK = 2, EAVE_METHOD_LAMBDA = 4, EAVE_METHOD_ABSTRACT = 8 };

typedef struct {
  uint32_t flags, arity, locals, max_stack, handler_count, code_length;
  const uint8_t *handlers;   /* H x 5 varints */
  const uint8_t *code;
} eave_method_info;

typedef struct {
  uint32_t super_plus_one, flags, name_plus_one, fields, supertype_count, dispatch_count;
  const uint8_t *supertypes;
  const uint8_t *dispatch;
} eave_class_info;

static inline uint32_t eave_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
/* Trusted varint read (the verifier proved the record). */
static inline uint32_t eave_varint(const uint8_t **p) {
  const uint8_t *q = *p;
  uint32_t v = *q++;
  if (EAVE_LIKELY(v < 0x80)) { *p = q; return v; }
  v &= 0x7F;
  int shift = 7;
  for (;;) {
    uint32_t b = *q++;
    v |= (b & 0x7F) << shift;
    if (b < 0x80) break;
    shift += 7;
  }
  *p = q;
  return v;
}
static inline uint32_t eave_image_entry(const eave_image *img, uint32_t table, uint32_t i) {
  return eave_u32(img->bytes + table + 4u * i);
}
void eave_method_decode(const eave_image *img, uint32_t method, eave_method_info *out);
void eave_class_decode(const eave_image *img, uint32_t klass, eave_class_info *out);
/* Verifies `bytes`; fills `img` on success. */
eave_error eave_image_load(const eave_port *port, const uint8_t *bytes, size_t length,
                           eave_image *img, eave_load_result *result);
/* The operand stack depth the verifier assigns to `pc` in `method`, or -1 when `pc` is not a
 * reachable instruction (checks non-local branch targets at run time). */
int32_t eave_image_depth_at(const eave_port *port, const eave_image *img, uint32_t method, uint32_t pc);
/* Operand byte count of each opcode, and its name. */
extern const uint8_t eave_operand_bytes[];
const char *eave_opcode_name(unsigned opcode);

enum {
#define OP_ENUM(name, fmt, pops, pushes) EAVE_OP_##name,
  EAVE_OPCODES(OP_ENUM)
#undef OP_ENUM
  EAVE_OP_COUNT
};
enum {
#define PRIM_ENUM(name, number, arity) EAVE_P_##name = number,
  EAVE_PRIMITIVES(PRIM_ENUM)
#undef PRIM_ENUM
};

/* ---------------------------------------------------------------------------------------------
 * Frames, tasks, containers. */
typedef struct {
  uint32_t method;
  uint32_t pc;       /* saved: the offset after the current instruction */
  uint32_t base;     /* index of slot 0 in the task stack */
  uint32_t serial;   /* 0, or the serial blocks created in this frame carry */
  uint16_t slots;    /* arity + locals */
  uint16_t max_stack;
  uint32_t global;   /* EAVE_NONE, or the global this frame's initialiser result goes to */
  uint32_t code;     /* offset of the method's code in the image */
} eave_frame;

typedef enum {
  EAVE_TASK_READY, EAVE_TASK_SLEEPING, EAVE_TASK_RECEIVING, EAVE_TASK_DONE
} eave_task_state;

typedef struct eave_task {
  struct eave_task *next;
  uint32_t id;
  eave_task_state state;
  bool resume_push;         /* suspended in a primitive: its result is pushed on resumption */
  uint64_t wake_ms;
  eave_value *stack;        /* EAVE_TASK_STACK_SLOTS */
  uint32_t sp;              /* values in use */
  eave_frame *frames;       /* EAVE_TASK_MAX_FRAMES */
  uint32_t frame_count;
  eave_value held;          /* 0, or the unwind of a throw the debugger stopped (a GC root) */
} eave_task;

typedef struct eave_message {
  struct eave_message *next;
  size_t length;
  uint8_t bytes[];
} eave_message;

/* What a call needs of a method record, decoded once into the container's method cache. */
typedef struct {
  uint32_t key;        /* method + 1; 0: empty */
  uint32_t code;       /* offset of the code in the image */
  uint16_t arity, locals, max_stack;  /* at most EAVE_MAX_FRAME_SLOTS together */
  uint16_t flags;
} eave_call_info;
_Static_assert(sizeof(eave_call_info) == 16, "a method cache entry is 16 bytes");

/* Pending requests that trip the safepoint. */
enum {
  EAVE_PENDING_PREEMPT = 1, EAVE_PENDING_KILL = 2, EAVE_PENDING_PAUSE = 4, EAVE_PENDING_BREAK = 8
};

struct eave_container {
  struct eave_container *next;
  eave_vm *vm;
  uint32_t id;
  char name[EAVE_MAX_NAME + 1];
  eave_image image;
  /* The safepoint: a countdown of polls; anything that needs the container's attention sets it
   * to 0 (and a bit in `pending`). One decrement and one branch when nothing is pending. */
  volatile int32_t tick;
  volatile uint32_t pending;
  bool paused, ended;
  /* Debugging (vm-debug-agent): while `debugging` the scheduler runs the container in the
   * checking loop (eave_interpret_debug); `debug_exceptions` makes throws ask the debugger;
   * `debug_roots` are the objects the debugger handed out (GC roots while it is stopped). */
  bool debugging;
  uint8_t debug_exceptions;
  eave_value *debug_roots;
  uint32_t debug_root_count;
  eave_exit_kind exit_kind;
  int64_t exit_code;
  /* Heap (heap.c): two semispaces of `heap_size` bytes; allocation bumps `top` up to `limit`. */
  uint8_t *space, *other;
  size_t heap_size;
  uint8_t *top, *limit;
  bool in_reserve;
  uint32_t gc_count;
  uint16_t hash_seed;
  /* Roots besides the task stacks. */
  eave_value *globals;      /* image.globals values */
  eave_value *constants;    /* materialised constants, EAVE_UNSET until first used */
  eave_value pending_throw; /* an exception value waiting to be thrown */
  int32_t pending_error;    /* or a VM error (eave_vm_error) to throw, -1: none */
  eave_value pending_result;
  /* Tasks. */
  eave_task *tasks;
  eave_task *current;
  uint32_t task_count, next_task_id;
  uint32_t main_task_id;
  uint32_t next_serial;
  uint64_t start_ms;
  /* Messages: a FIFO of encoded messages (off the heap, so no roots). */
  eave_message *inbox, *inbox_tail;
  uint32_t inbox_count;
  /* Virtual call cache: key (class << 16 | selector). */
  struct { uint32_t key, method; } lookup_cache[EAVE_LOOKUP_CACHE_SIZE];
  /* `is` cache: key (class << 16 | tested class), answer. */
  struct { uint32_t key, answer; } is_cache[EAVE_IS_CACHE_SIZE];
  /* Method record cache (direct mapped by method index): what a call needs. */
  eave_call_info method_cache[EAVE_METHOD_CACHE_SIZE];
  /* Exit report. */
  eave_trace_entry exit_trace[EAVE_MAX_TRACE_FRAMES];
  uint32_t exit_trace_length;
  char exit_message[96];
  size_t exit_message_length;
  uint64_t bytecodes, polls;
};

void eave_call_info_fill(eave_container *c, uint32_t method, eave_call_info *e);
/* The call facts of `method` (verified index), from the cache or decoded into it. */
static inline const eave_call_info *eave_call_info_of(eave_container *c, uint32_t method) {
  eave_call_info *e = &c->method_cache[method & (EAVE_METHOD_CACHE_SIZE - 1)];
  if (EAVE_UNLIKELY(e->key != method + 1)) eave_call_info_fill(c, method, e);
  return e;
}

/* The debugger's view of the VM (vm-debug-agent installs it with eave_vm_set_debug_hooks). Every
 * member may be NULL. */
struct eave_debug_hooks {
  void *context;
  /* A container was made (eave_vm_start), before its first instruction: true starts it paused. */
  bool (*started)(void *context, eave_container *c);
  /* The checking loop, before each instruction of task `t` (its frame's pc is saved): true pauses
   * the container there. */
  bool (*instruction)(void *context, eave_container *c, eave_task *t);
  /* A throw, while c->debug_exceptions: `unwind` is the exception's unwind object, the frames are
   * as they were at the throw; true pauses the container before unwinding. */
  bool (*exception)(void *context, eave_container *c, eave_task *t, eave_value unwind);
  /* The container ended (before port->exited). */
  void (*ended)(void *context, eave_container *c, const eave_exit *exit);
};

struct eave_vm {
  const eave_debug_hooks *debug;
  eave_port port;
  eave_container *containers;
  uint32_t next_id;
  eave_container *running;
};

/* Memory from the port. */
void *eave_port_alloc(const eave_port *port, size_t size);
void eave_port_free(const eave_port *port, void *pointer, size_t size);

/* ---------------------------------------------------------------------------------------------
 * Errors the VM throws: strings naming the error (bytecode.md). */
#define EAVE_VM_ERRORS(E) \
  E(DIVISION_BY_ZERO) E(LOOKUP_FAILED) E(AS_CHECK_FAILED) E(OUT_OF_MEMORY) E(OUT_OF_BOUNDS) \
  E(WRONG_ARGUMENT_TYPE) E(STACK_OVERFLOW) E(NULL_RECEIVER) E(WRONG_ARITY) E(DEAD_BLOCK) \
  E(CYCLIC_INITIALISATION) E(ABSTRACT_METHOD) E(ILLEGAL_UTF_8) E(NO_SUCH_CONTAINER) \
  E(MESSAGE_TOO_LARGE) E(MESSAGE_QUEUE_FULL) E(TOO_MANY_TASKS) E(NOT_AN_INSTANCE) \
  E(FLOAT_OUT_OF_RANGE)
typedef enum {
#define E_ENUM(name) EAVE_ERROR_##name,
  EAVE_VM_ERRORS(E_ENUM)
#undef E_ENUM
  EAVE_ERROR_COUNT
} eave_vm_error;

/* Allocation helpers (heap.c); each may collect and returns 0 when no memory is left (the caller
 * throws OUT_OF_MEMORY). Values in C locals are invalid after any of them. */
eave_object *eave_alloc(eave_container *c, eave_kind kind, uint32_t klass, size_t payload);
/* Bytes that fit before the limit (0 when the reserve was used beyond it). */
static inline size_t eave_heap_room(const eave_container *c) {
  return c->top < c->limit ? (size_t)(c->limit - c->top) : 0;
}
eave_value eave_new_int(eave_container *c, int64_t i);       /* smi or boxed; 0 on failure */
eave_value eave_new_float(eave_container *c, double d);
eave_value eave_new_string(eave_container *c, const uint8_t *bytes, size_t length);
eave_value eave_new_external_string(eave_container *c, const uint8_t *bytes, size_t length);
eave_value eave_new_array(eave_container *c, size_t length, eave_value fill);
eave_value eave_new_bytes(eave_container *c, const uint8_t *bytes, size_t length);
eave_value eave_vm_error_value(eave_container *c, eave_vm_error e);
const char *eave_vm_error_text(eave_vm_error e);
bool eave_heap_init(eave_container *c, size_t quota);
void eave_heap_release(eave_container *c);
size_t eave_heap_used(const eave_container *c);
/* gc.c */
void eave_gc_collect(eave_container *c);

/* Class of a value, `is`, virtual lookup (call.c). */
uint32_t eave_class_of(eave_container *c, eave_value v);
bool eave_is_instance_of(eave_container *c, eave_value v, uint32_t klass);
/* The lookup cache also holds field counts under a selector no image has (at most 65,535
 * selectors: 0 ... 65,534), so ALLOCATE does not decode the class record. */
#define EAVE_FIELDS_SELECTOR 0xFFFFu
/* The first way of the two-way set of (class, selector) in the lookup cache. */
static inline uint32_t eave_lookup_slot(uint32_t klass, uint32_t selector) {
  return ((klass * 31u + selector) & (EAVE_LOOKUP_CACHE_SIZE / 2 - 1)) * 2;
}
uint32_t eave_lookup(eave_container *c, uint32_t klass, uint32_t selector);  /* EAVE_NONE: none */
/* The interpreter's virtual lookup: instances and the cache's first way inline, the rest in
 * eave_class_of and eave_lookup. */
static inline uint32_t eave_lookup_value(eave_container *c, eave_value receiver, uint32_t selector) {
  uint32_t klass;
  if (eave_is_object(receiver) && eave_kind_of(eave_obj(receiver)) == EAVE_KIND_INSTANCE)
    klass = eave_obj(receiver)->klass & 0xFFFFu;
  else
    klass = eave_class_of(c, receiver);
  uint32_t slot = eave_lookup_slot(klass, selector);
  if (EAVE_LIKELY(c->lookup_cache[slot].key == (klass << 16 | selector))) return c->lookup_cache[slot].method;
  return eave_lookup(c, klass, selector);
}
/* The field count of a class (verified index), cached in the lookup cache. */
static inline uint32_t eave_class_fields(eave_container *c, uint32_t klass) {
  return eave_lookup(c, klass, EAVE_FIELDS_SELECTOR);
}

/* The value of constant `index` (allocated on first use; 0 when out of memory). */
eave_value eave_constant(eave_container *c, uint32_t index);

/* Tasks (container.c). */
eave_task *eave_task_new(eave_container *c);
void eave_task_free(eave_container *c, eave_task *t);

/* Interpreter results. */
typedef enum {
  EAVE_RUN_PREEMPTED,   /* budget spent or a request pending; the task is ready to go on */
  EAVE_RUN_SUSPENDED,   /* the task yields, sleeps or waits; its state says which */
  EAVE_RUN_TASK_DONE,   /* the task's first frame returned */
  EAVE_RUN_TASK_FAILED, /* an exception left the task; c->exit_* hold it */
  EAVE_RUN_EXIT,        /* the container ends (EXIT, out of memory, fatal error) */
} eave_run_result;

eave_run_result eave_interpret(eave_container *c, eave_task *t);
/* The checking loop (interpret_debug.c): eave_interpret asking eave_debug_check per instruction. */
eave_run_result eave_interpret_debug(eave_container *c, eave_task *t);
/* The debugger's verdicts (scheduler.c): stop before the next instruction, stop at a throw. */
bool eave_debug_check(eave_container *c, eave_task *t);
bool eave_debug_exception(eave_container *c, eave_task *t, eave_value unwind);
/* Pushes a frame for `method` whose `argc` arguments are on the stack (call.c). Returns false
 * with an exception pending (c->pending_throw) when it cannot. */
bool eave_push_frame(eave_container *c, eave_task *t, uint32_t method, uint32_t argc);

/* Primitives (primitives.c): result codes. */
typedef enum { EAVE_PRIM_OK, EAVE_PRIM_THROW, EAVE_PRIM_SUSPEND, EAVE_PRIM_EXIT } eave_prim_status;
eave_prim_status eave_primitive(eave_container *c, eave_task *t, unsigned number, eave_value *args,
                                eave_value *result);
extern const int8_t eave_primitive_arity[256];

/* Unwinding (unwind.c). `throw` makes an unwind for `value` with the task's trace; `unwind`
 * then walks the frames: it returns true when a handler or target was found (the frames and pc
 * are set up to continue), false when the unwind left the task (c->exit_* describe it). */
typedef enum { EAVE_UNWIND_CONTINUE, EAVE_UNWIND_TASK_DONE, EAVE_UNWIND_TASK_FAILED, EAVE_UNWIND_FATAL } eave_unwind_result;
/* Makes the unwind object for throwing c->pending_throw (the error code c->pending_error when
 * set), trace included; 0 when not even the reserve holds it. */
eave_value eave_make_exception(eave_container *c, eave_task *t);
eave_value eave_make_unwind(eave_container *c, eave_unwind_kind kind, eave_value value, uint32_t frame,
                            uint32_t pc, uint32_t depth);
eave_unwind_result eave_unwind_run(eave_container *c, eave_task *t, eave_value unwind);
void eave_set_pending_error(eave_container *c, eave_vm_error e);
void eave_heap_enter_reserve(eave_container *c, bool on);
void eave_describe(eave_container *c, eave_value v, char *buffer, size_t capacity, size_t *length);

/* Messages (message.c). */
bool eave_message_encode(eave_container *c, eave_value v, uint8_t *buffer, size_t capacity, size_t *length,
                         eave_vm_error *error);
eave_value eave_message_decode(eave_container *c, const uint8_t *bytes, size_t length);

#endif
