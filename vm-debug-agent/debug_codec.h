/* The debug protocol's codec (docs/debug-protocol.md): strict decoding of the host's requests
 * (anything incomplete, overlong, non-minimal, unknown or with bytes left over is refused) and
 * encoding of responses, events and values into one link message. No allocation, no state. */
#ifndef EAVE_DEBUG_CODEC_H
#define EAVE_DEBUG_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every message fits one link message. */
#define EAVE_DEBUG_MAX_MESSAGE 512u

/* Step ranges one request may carry: a range takes at least 2 bytes, so 255 is what a message
 * can hold (2 KB of agent state); a board may lower it (more ranges are refused as BAD_REQUEST). */
#ifndef EAVE_DEBUG_MAX_RANGES
#define EAVE_DEBUG_MAX_RANGES 255u
#endif

/* Strings sent in a string value: the first bytes, the rest through OBJECT. */
#define EAVE_DEBUG_STRING_PREFIX 64u

enum {
  EAVE_DBG_ATTACH = 1, EAVE_DBG_DETACH, EAVE_DBG_SET_BREAKPOINT, EAVE_DBG_CLEAR_BREAKPOINT,
  EAVE_DBG_SET_EXCEPTION_STOPS, EAVE_DBG_PAUSE, EAVE_DBG_CONTINUE, EAVE_DBG_STEP, EAVE_DBG_TASKS,
  EAVE_DBG_STACK, EAVE_DBG_LOCALS, EAVE_DBG_OBJECT, EAVE_DBG_GLOBALS,
  EAVE_DBG_OK = 14, EAVE_DBG_ERROR, EAVE_DBG_ATTACHED, EAVE_DBG_BREAKPOINT_SET, EAVE_DBG_TASK_LIST,
  EAVE_DBG_FRAMES, EAVE_DBG_VALUES,
  EAVE_DBG_STOPPED = 32, EAVE_DBG_CONTINUED, EAVE_DBG_EXITED,
};

enum {
  EAVE_DBG_BAD_REQUEST = 1, EAVE_DBG_NO_SUCH_CONTAINER, EAVE_DBG_NOT_ATTACHED, EAVE_DBG_NOT_STOPPED,
  EAVE_DBG_BAD_LOCATION, EAVE_DBG_NO_SUCH_TASK, EAVE_DBG_NO_SUCH_FRAME, EAVE_DBG_STALE_REFERENCE,
  EAVE_DBG_TOO_MANY_BREAKPOINTS, EAVE_DBG_ALREADY_ATTACHED,
};

enum { EAVE_DBG_STEP_IN = 0, EAVE_DBG_STEP_OVER = 1, EAVE_DBG_STEP_OUT = 2 };
enum { EAVE_DBG_REASON_ENTRY = 0, EAVE_DBG_REASON_BREAKPOINT, EAVE_DBG_REASON_STEP, EAVE_DBG_REASON_PAUSE,
       EAVE_DBG_REASON_EXCEPTION };
enum { EAVE_DBG_TASK_RUNNABLE = 0, EAVE_DBG_TASK_SLEEPING, EAVE_DBG_TASK_WAITING, EAVE_DBG_TASK_STOPPED };
enum { EAVE_DBG_STATE_RUNNING = 0, EAVE_DBG_STATE_STOPPED, EAVE_DBG_STATE_NOT_STARTED };
enum { EAVE_DBG_VALUE_NULL = 0, EAVE_DBG_VALUE_TRUE, EAVE_DBG_VALUE_FALSE, EAVE_DBG_VALUE_INT,
       EAVE_DBG_VALUE_FLOAT, EAVE_DBG_VALUE_STRING, EAVE_DBG_VALUE_OBJECT };

typedef struct {
  uint32_t from, to;
} eave_debug_range;

/* A decoded request: `type` says which fields are set. The container name points into the
 * decoded bytes. */
typedef struct {
  uint8_t type;
  uint32_t request;
  const uint8_t *name;
  uint32_t name_length;
  uint32_t method, offset;      /* SET_BREAKPOINT */
  uint32_t breakpoint;          /* CLEAR_BREAKPOINT */
  uint8_t flags;                /* SET_EXCEPTION_STOPS */
  uint32_t task;                /* STEP, STACK, LOCALS */
  uint8_t mode;                 /* STEP */
  uint32_t frame;               /* STEP, LOCALS */
  uint32_t range_count;         /* STEP */
  eave_debug_range ranges[EAVE_DEBUG_MAX_RANGES];
  uint32_t reference;           /* OBJECT */
  uint32_t start, count;        /* STACK, LOCALS, OBJECT, GLOBALS */
} eave_debug_request;

/* Decodes one request; false when it is malformed (`out->request` then holds the request id, 0
 * when it could not be read). */
bool eave_debug_decode(const uint8_t *bytes, size_t length, eave_debug_request *out);

/* A value as the protocol carries it. */
typedef struct {
  uint8_t kind;
  int64_t integer;              /* INT */
  uint8_t float_bytes[8];       /* FLOAT: binary64, little-endian */
  uint32_t reference;           /* STRING, OBJECT */
  uint32_t size;                /* STRING: total bytes; OBJECT: fields, elements or bytes */
  uint32_t class_index;         /* OBJECT */
  const uint8_t *text;          /* STRING: the whole string (cut to the prefix when encoded) */
} eave_debug_value;

/* A message being written; `overflow` once something did not fit (the bytes are then unusable). */
typedef struct {
  uint8_t *bytes;
  size_t length, capacity;
  bool overflow;
} eave_debug_writer;

void eave_debug_writer_init(eave_debug_writer *w, uint8_t *bytes, size_t capacity);
void eave_debug_put_u8(eave_debug_writer *w, uint8_t v);
void eave_debug_put_varint(eave_debug_writer *w, uint32_t v);
void eave_debug_put_svarint(eave_debug_writer *w, int64_t v);
void eave_debug_put_bytes(eave_debug_writer *w, const uint8_t *bytes, size_t length);
/* type, request id */
void eave_debug_put_head(eave_debug_writer *w, uint8_t type, uint32_t request);
void eave_debug_put_value(eave_debug_writer *w, const eave_debug_value *v);
/* Bytes the value takes encoded. */
size_t eave_debug_value_size(const eave_debug_value *v);
/* A complete ERROR message, its text cut at a character boundary to fit. */
void eave_debug_put_error(eave_debug_writer *w, uint32_t request, uint32_t code, const char *message, size_t length);
/* The longest prefix of `bytes` (at most `max`) that ends at a character boundary. */
size_t eave_debug_utf8_cut(const uint8_t *bytes, size_t length, size_t max);

#endif
