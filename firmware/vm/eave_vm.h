/* The public C API of the Eave VM core: what a port (host simulator, board firmware), the device
 * link and the debug agent call. One eave_vm runs N containers, each one verified program image
 * with its own heap and tasks. The core has no global state and no I/O of its own: everything it
 * needs from the outside comes through the eave_port callbacks. */
#ifndef EAVE_VM_H
#define EAVE_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct eave_vm eave_vm;
typedef struct eave_container eave_container;
typedef struct eave_debug_hooks eave_debug_hooks;  /* internal.h: the debug agent's view */

/* Why a container ended. */
typedef enum {
  EAVE_EXIT_CODE = 0,       /* main and its tasks finished (code 0) or the program called EXIT */
  EAVE_EXIT_EXCEPTION,      /* an exception left the main task; trace holds where */
  EAVE_EXIT_OUT_OF_MEMORY,  /* an uncaught OUT_OF_MEMORY, or no memory left even to throw it */
  EAVE_EXIT_KILLED,         /* eave_vm_kill */
  EAVE_EXIT_ERROR,          /* the VM could not go on (a non-local branch to a bad target) */
} eave_exit_kind;

/* One frame of a trace: the method index and the offset of the last byte of the instruction the
 * frame was executing (the call, in callers), innermost frame first. */
typedef struct {
  uint32_t method;
  uint32_t offset;
} eave_trace_entry;

typedef struct {
  eave_exit_kind kind;
  int64_t code;                    /* EAVE_EXIT_CODE: the exit code; else 1 */
  const char *message;             /* the exception's string (or a description); not 0-terminated */
  size_t message_length;
  uint32_t trace_length;           /* at most EAVE_MAX_TRACE_FRAMES */
  const eave_trace_entry *trace;   /* valid during the callback only */
} eave_exit;

/* Everything the VM needs from its port. `context` is passed back to each callback. */
typedef struct {
  void *context;
  /* Memory for heaps, stacks and bookkeeping; NULL when there is none (the VM copes). */
  void *(*alloc)(void *context, size_t size);
  void (*free)(void *context, void *pointer, size_t size);
  /* A monotonic millisecond clock. */
  uint64_t (*ticks_ms)(void *context);
  /* PRINT: one line (no newline included) from container `id`. */
  void (*console)(void *context, uint32_t id, const char *name, const uint8_t *text, size_t length);
  /* A container ended; called once, before its memory is released. */
  void (*exited)(void *context, uint32_t id, const char *name, const eave_exit *exit);
  /* Optional: nothing can run before `until_ms`; a port may sleep (NULL: the VM just polls). */
  void (*idle)(void *context, uint64_t until_ms);
  /* Optional debug hook: called when a container's safepoint trips while a breakpoint is armed
   * (eave_container_arm_breakpoints); returns true to pause the container there. */
  bool (*breakpoint)(void *context, uint32_t id, uint32_t method, uint32_t offset);
} eave_port;

/* Errors of eave_vm_start: the loader's verdict on the image, or a resource problem. */
typedef enum {
  EAVE_OK = 0,
  EAVE_ERR_TRUNCATED,      /* fewer bytes than the header or the size field says */
  EAVE_ERR_MAGIC,
  EAVE_ERR_VERSION,
  EAVE_ERR_FLAGS,
  EAVE_ERR_SIZE,
  EAVE_ERR_CRC,
  EAVE_ERR_LIMIT,          /* a count beyond vm_config.h */
  EAVE_ERR_OFFSET,         /* an offset table entry outside the records, or misaligned */
  EAVE_ERR_RECORD,         /* a record that does not decode inside the image */
  EAVE_ERR_CONSTANT,
  EAVE_ERR_CLASS,
  EAVE_ERR_METHOD,
  EAVE_ERR_CODE,           /* bytecode verification */
  EAVE_ERR_ENTRY,          /* entry method, global initialisers, well-known classes */
  EAVE_ERR_NO_MEMORY,      /* the port gave no memory for the container */
  EAVE_ERR_TOO_MANY,       /* EAVE_MAX_CONTAINERS are running */
  EAVE_ERR_NAME,           /* name empty, too long or taken */
} eave_error;

/* Where the verifier found a fault: record kind, index, byte offset in the image and a short
 * description (static text). */
typedef enum { EAVE_REC_HEADER, EAVE_REC_CONSTANT, EAVE_REC_CLASS, EAVE_REC_METHOD, EAVE_REC_GLOBAL } eave_record_kind;
typedef struct {
  eave_error error;
  eave_record_kind record;
  uint32_t index;        /* of the constant, class, method or global */
  uint32_t offset;       /* byte offset in the image (for code: of the instruction) */
  const char *message;
} eave_load_result;

const char *eave_error_name(eave_error error);
const char *eave_record_name(eave_record_kind kind);

/* Verifies an image without running it (the program store checks images before installing). */
eave_error eave_image_check(const eave_port *port, const uint8_t *bytes, size_t length,
                            eave_load_result *result);

/* A VM with no containers; NULL when the port has no memory. */
eave_vm *eave_vm_new(const eave_port *port);
/* Kills every container (no exit callbacks) and frees the VM. */
void eave_vm_free(eave_vm *vm);

/* Verifies `bytes` and starts a container running its entry method, with a heap of `quota` bytes.
 * The image is used in place: it must stay valid and unchanged until the container has exited.
 * Returns the container id (>0) or 0 with `result` saying why. */
uint32_t eave_vm_start(eave_vm *vm, const uint8_t *bytes, size_t length, const char *name,
                       size_t quota, eave_load_result *result);

typedef enum {
  EAVE_STEP_RAN,      /* some container ran */
  EAVE_STEP_IDLE,     /* all live containers sleep; *next_wake_ms says until when */
  EAVE_STEP_BLOCKED,  /* live containers wait for messages or are paused: only outside input helps */
  EAVE_STEP_EMPTY,    /* no live container */
} eave_step;

/* Gives each runnable container one slice (EAVE_SLICE_POLLS); reaps ended and killed ones. */
eave_step eave_vm_step(eave_vm *vm, uint64_t *next_wake_ms);
/* Steps until no container can run any more (EMPTY or BLOCKED), idling through port->idle. */
eave_step eave_vm_run(eave_vm *vm);
/* Same, but returns after `max_ms` of port time too (then EAVE_STEP_RAN). */
eave_step eave_vm_run_for(eave_vm *vm, uint64_t max_ms);

/* Stops container `id` with EAVE_EXIT_KILLED: at its next safepoint when it is running (say, from
 * a console callback), else at the start of the next step, which reports it through `exited`.
 * Returns false when there is no such live container. */
bool eave_vm_kill(eave_vm *vm, uint32_t id);
/* Debug agent hooks: pause/resume a container at its next safepoint; the others run on. */
bool eave_vm_pause(eave_vm *vm, uint32_t id);
bool eave_vm_resume(eave_vm *vm, uint32_t id);
/* Sets or clears the container's debug flag: while it is set the container runs in the checking
 * loop, which asks the debugger (eave_vm_set_debug_hooks; without hooks port->breakpoint with the
 * method and the offset of the next instruction) before every instruction. Cleared, the
 * container runs at full speed again. */
bool eave_vm_arm_breakpoints(eave_vm *vm, uint32_t id, bool armed);
/* Installs the debugger (vm-debug-agent); NULL removes it. `hooks` must outlive the VM. */
void eave_vm_set_debug_hooks(eave_vm *vm, const eave_debug_hooks *hooks);
/* Sends a message from outside (the host): a string, delivered like MESSAGE_SEND's. */
bool eave_vm_send_string(eave_vm *vm, const char *to, const char *text, size_t length);

/* Container statistics (tests and the device's container list). */
typedef struct {
  bool live;
  bool paused;
  uint32_t tasks;
  uint32_t gc_count;
  size_t heap_used;
  size_t heap_size;
  uint64_t bytecodes;   /* when built with EAVE_COUNT_BYTECODES */
  uint64_t polls;       /* times the safepoint tripped (slice ends, pauses, breakpoint checks) */
} eave_container_stats;
bool eave_vm_stats(eave_vm *vm, uint32_t id, eave_container_stats *stats);

#endif
