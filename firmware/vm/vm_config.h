/* Every limit and build option of the VM core, with the reason for its value. Each one may be
 * overridden by defining it before this header is included (compiler flag or a port's header).
 * The image verifier refuses images that exceed the image limits (docs/program-image.md, 3). */
#ifndef EAVE_VM_CONFIG_H
#define EAVE_VM_CONFIG_H

/* --- Image limits. Operands of the bytecode are at most 16 bits wide, so no index above
 * 0xFFFF can be named; 0xFFFF itself is kept free as "none" in the lookup cache. --- */
#ifndef EAVE_MAX_CONSTANTS
#define EAVE_MAX_CONSTANTS 0xFFFFu   /* LOAD_CONST has a U16 operand */
#endif
#ifndef EAVE_MAX_CLASSES
#define EAVE_MAX_CLASSES 0xFFFFu     /* ALLOCATE/IS/AS have U16 operands; an object stores 16 bits */
#endif
#ifndef EAVE_MAX_METHODS
#define EAVE_MAX_METHODS 0xFFFFu     /* CALL_STATIC/CREATE_* have U16 operands */
#endif
#ifndef EAVE_MAX_GLOBALS
#define EAVE_MAX_GLOBALS 0xFFFFu     /* LOAD_GLOBAL has a U16 operand */
#endif
#ifndef EAVE_MAX_SELECTORS
#define EAVE_MAX_SELECTORS 0xFFFFu   /* CALL_VIRTUAL has a U16 selector */
#endif
#ifndef EAVE_MAX_CODE_LENGTH
#define EAVE_MAX_CODE_LENGTH 0xFFFFu /* verifier scratch is 2 bytes per code byte; I16 jumps */
#endif
#ifndef EAVE_MAX_FIELDS
#define EAVE_MAX_FIELDS 0xFFFFu      /* fields of one class (LOAD_FIELD reaches 256; an instance
                                        of more would not fit a microcontroller's heap anyway) */
#endif
#ifndef EAVE_MAX_FRAME_SLOTS
#define EAVE_MAX_FRAME_SLOTS 512u    /* arity + locals + max stack of one method: LOAD_LOCAL
                                        reaches 256 slots, the rest is operand stack */
#endif
#ifndef EAVE_MAX_IMAGE_SIZE
#define EAVE_MAX_IMAGE_SIZE (16u * 1024u * 1024u) /* far beyond any microcontroller's flash */
#endif

/* --- Task limits. --- */
#ifndef EAVE_TASK_STACK_SLOTS
#define EAVE_TASK_STACK_SLOTS 4096u  /* values per task stack (16 KB on 32-bit targets); deep
                                        enough for recursion in tests, small enough for RAM */
#endif
#ifndef EAVE_TASK_MAX_FRAMES
#define EAVE_TASK_MAX_FRAMES 400u    /* frames per task; STACK_OVERFLOW beyond */
#endif
#ifndef EAVE_MAX_TASKS
#define EAVE_MAX_TASKS 32u           /* tasks per container: each costs a stack */
#endif
#ifndef EAVE_MAX_TRACE_FRAMES
#define EAVE_MAX_TRACE_FRAMES 16u    /* frames recorded in an exception trace (bytecode.md) */
#endif

/* --- Containers and scheduling. --- */
#ifndef EAVE_MAX_CONTAINERS
#define EAVE_MAX_CONTAINERS 16u      /* containers one VM runs at once */
#endif
#ifndef EAVE_MAX_NAME
#define EAVE_MAX_NAME 32u            /* bytes of a container name, the address of messages */
#endif
#ifndef EAVE_SLICE_POLLS
#define EAVE_SLICE_POLLS 20000       /* safepoint polls (backward jumps and calls) a container
                                        runs before the next one gets the CPU; between two
                                        polls at most one method body runs straight through */
#endif
#ifndef EAVE_MIN_QUOTA
#define EAVE_MIN_QUOTA 1024u         /* smallest heap worth starting a container with */
#endif
#ifndef EAVE_HEAP_RESERVE
#define EAVE_HEAP_RESERVE 512u       /* bytes kept back so OUT_OF_MEMORY itself can be thrown */
#endif
#ifndef EAVE_MAX_OBJECT_SIZE
#define EAVE_MAX_OBJECT_SIZE (64u * 1024u * 1024u) /* object sizes fit 24 bits of 8-byte units */
#endif
#ifndef EAVE_LOOKUP_CACHE_SIZE
#define EAVE_LOOKUP_CACHE_SIZE 64u   /* virtual call cache entries per container (power of 2);
                                        512 bytes; dispatch tables are varint lists */
#endif
#ifndef EAVE_IS_CACHE_SIZE
#define EAVE_IS_CACHE_SIZE 16u       /* `is`/`as` answers cached per container (power of 2);
                                        128 bytes; an answer walks the class chain otherwise */
#endif
#ifndef EAVE_METHOD_CACHE_SIZE
#define EAVE_METHOD_CACHE_SIZE 32u   /* decoded method records per container (power of 2);
                                        512 bytes; saves decoding five varints per call, while a
                                        copy of every record would cost RAM per method */
#endif

/* --- Debugging (vm-debug-agent, docs/debug-protocol.md). --- */
#ifndef EAVE_MAX_BREAKPOINTS
#define EAVE_MAX_BREAKPOINTS 64u     /* breakpoints of the debugged container: each is checked
                                        before every instruction while any is set */
#endif
#ifndef EAVE_MAX_DEBUG_REFERENCES
#define EAVE_MAX_DEBUG_REFERENCES 1024u /* objects handed out while stopped (GC roots): a full
                                        table answers further objects as null until resumed */
#endif

/* --- Messages between containers. --- */
#ifndef EAVE_MAX_MESSAGE_BYTES
#define EAVE_MAX_MESSAGE_BYTES 4096u /* encoded size of one message: bounded RAM per queue slot */
#endif
#ifndef EAVE_MAX_MESSAGE_DEPTH
#define EAVE_MAX_MESSAGE_DEPTH 16u   /* nesting of arrays in a message (the encoder recurses) */
#endif
#ifndef EAVE_MAX_QUEUED_MESSAGES
#define EAVE_MAX_QUEUED_MESSAGES 16u /* per container; a full queue makes the send throw */
#endif

/* --- Build options. --- */
/* EAVE_GC_STRESS: collect on every allocation (one CTest configuration runs all tests so). */
#ifndef EAVE_GC_STRESS
#define EAVE_GC_STRESS 0
#endif
/* EAVE_COMPUTED_GOTO: dispatch through a label table instead of a switch. On by default where
 * the compiler has labels as values (GCC, Clang): per bytecode it saves the switch's range check
 * and the jump back to one shared indirect branch (docs/benchmarks.md). */
#ifndef EAVE_COMPUTED_GOTO
#if defined(__GNUC__) || defined(__clang__)
#define EAVE_COMPUTED_GOTO 1
#else
#define EAVE_COMPUTED_GOTO 0
#endif
#endif
/* EAVE_COUNT_BYTECODES: count executed bytecodes per container (the benchmark harness). */
#ifndef EAVE_COUNT_BYTECODES
#define EAVE_COUNT_BYTECODES 0
#endif

#endif
