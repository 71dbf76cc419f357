/* The management protocol's messages (docs/management-protocol.md): requests decoded on the
 * device, responses, events and console payloads encoded. Varints, zigzag varints and
 * length-prefixed UTF-8; a message is one link message on channel 1 (console: channel 2). No
 * allocation: decoded requests point into the message or into the request struct. */
#ifndef EAVE_PROTOCOL_H
#define EAVE_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

#include "device_config.h"

#define EAVE_MANAGE_PROTOCOL_VERSION 1u
#define EAVE_MANAGE_CHANNEL 1u
#define EAVE_CONSOLE_CHANNEL 2u
#define EAVE_MANAGE_ID_SIZE 16u

typedef enum {
  /* requests: host to device, a request id after the type */
  EAVE_REQ_INFO = 0x01,
  EAVE_REQ_INSTALL_BEGIN = 0x02,
  EAVE_REQ_INSTALL_DATA = 0x03,
  EAVE_REQ_INSTALL_END = 0x04,
  EAVE_REQ_INSTALL_ABORT = 0x05,
  EAVE_REQ_LIST = 0x06,
  EAVE_REQ_START = 0x07,
  EAVE_REQ_STOP = 0x08,
  EAVE_REQ_UNINSTALL = 0x09,
  EAVE_REQ_SET_RUN_ON_BOOT = 0x0A,
  /* responses: device to host, the id of the request answered after the type */
  EAVE_RSP_OK = 0x40,
  EAVE_RSP_INFO = 0x41,
  EAVE_RSP_INSTALLED = 0x42,
  EAVE_RSP_LIST = 0x43,
  EAVE_RSP_ERROR = 0x7F,
  /* events: device to host, unsolicited, no id */
  EAVE_EVT_STARTED = 0x80,
  EAVE_EVT_EXITED = 0x81,
} eave_message_type;

/* Codes of ERROR responses. */
typedef enum {
  EAVE_MERR_MALFORMED = 1,
  EAVE_MERR_UNKNOWN_REQUEST = 2,
  EAVE_MERR_NO_SUCH_CONTAINER = 3,
  EAVE_MERR_BAD_NAME = 4,
  EAVE_MERR_NO_SPACE = 5,
  EAVE_MERR_TOO_MANY = 6,
  EAVE_MERR_INSTALL_STATE = 7,
  EAVE_MERR_BAD_OFFSET = 8,
  EAVE_MERR_SIZE_MISMATCH = 9,
  EAVE_MERR_CRC_MISMATCH = 10,
  EAVE_MERR_INVALID_IMAGE = 11,
  EAVE_MERR_ALREADY_RUNNING = 12,
  EAVE_MERR_NOT_RUNNING = 13,
  EAVE_MERR_START_FAILED = 14,
  EAVE_MERR_STORAGE = 15,
  EAVE_MERR_BUSY = 16,
} eave_manage_error;

/* Container states in LIST. */
typedef enum {
  EAVE_STATE_INSTALLED = 0, /* not started since boot */
  EAVE_STATE_RUNNING = 1,
  EAVE_STATE_PAUSED = 2,    /* by the debugger */
  EAVE_STATE_EXITED = 3,    /* ended normally or was stopped */
  EAVE_STATE_CRASHED = 4,   /* uncaught exception, out of memory, VM error */
} eave_container_state;

/* Why a container ended (EXITED events). */
typedef enum {
  EAVE_END_CODE = 0,        /* main returned or the program exited with a code */
  EAVE_END_EXCEPTION = 1,
  EAVE_END_OUT_OF_MEMORY = 2,
  EAVE_END_STOPPED = 3,     /* stopped by a STOP, a replace, an uninstall or the store */
  EAVE_END_VM_ERROR = 4,
} eave_end_kind;

typedef enum { EAVE_STREAM_STDOUT = 0, EAVE_STREAM_STDERR = 1, EAVE_STREAM_SYSTEM = 2 } eave_console_stream;

/* A decoded request. Strings are NUL-terminated copies; `data` points into the message. */
typedef struct {
  uint8_t type;
  uint32_t request;
  char name[EAVE_STORE_MAX_NAME + 1];
  uint32_t size, crc32, offset, first;
  bool run_on_boot;
  const uint8_t *data;
  uint32_t data_length;
  uint32_t argc;
  const char *args[EAVE_MANAGE_MAX_ARGS];
  char arg_bytes[EAVE_MANAGE_MAX_ARGS_BYTES + EAVE_MANAGE_MAX_ARGS];
} eave_request;

/* Decodes one request. Returns 0, or the error code to answer with (MALFORMED or
 * UNKNOWN_REQUEST); `out->request` holds the request id whenever it could be read, else 0. */
int eave_request_decode(const uint8_t *bytes, size_t length, eave_request *out);

/* An output buffer; with `bytes` NULL it only counts (to measure what fits). */
typedef struct {
  uint8_t *bytes;
  size_t capacity;
  size_t length;
  bool overflow;
} eave_writer;

void eave_writer_init(eave_writer *w, uint8_t *bytes, size_t capacity);
void eave_write_u8(eave_writer *w, uint8_t value);
void eave_write_varint(eave_writer *w, uint64_t value);
void eave_write_svarint(eave_writer *w, int64_t value);
/* Length-prefixed UTF-8, cut at a character boundary to at most `limit` bytes. */
void eave_write_text(eave_writer *w, const char *text, size_t length, size_t limit);

/* One container of a LIST response. */
typedef struct {
  const char *name;
  uint8_t id[EAVE_MANAGE_ID_SIZE];
  uint32_t size;
  uint8_t state;        /* eave_container_state */
  bool run_on_boot;
  int64_t exit_code;
  const char *reason;   /* NUL-terminated, "" when none */
  uint64_t memory_used, quota, uptime_ms;
} eave_list_entry;

typedef struct {
  uint32_t max_chunk, capacity, free_bytes, max_entries, entries;
} eave_info;

/* One EXITED event. */
typedef struct {
  const char *name;
  int64_t exit_code;
  uint8_t kind;         /* eave_end_kind */
  const char *reason;
  uint32_t trace_length;
  const uint32_t *trace; /* trace_length pairs: method index, bytecode offset; innermost first */
} eave_exit_event;

void eave_encode_ok(eave_writer *w, uint32_t request);
void eave_encode_error(eave_writer *w, uint32_t request, uint32_t code, const char *message);
void eave_encode_info(eave_writer *w, uint32_t request, const eave_info *info);
void eave_encode_installed(eave_writer *w, uint32_t request, const uint8_t id[EAVE_MANAGE_ID_SIZE], uint32_t sequence);
void eave_encode_list(eave_writer *w, uint32_t request, uint32_t total, const eave_list_entry *entries, uint32_t count);
void eave_encode_list_entry(eave_writer *w, const eave_list_entry *entry);
void eave_encode_started(eave_writer *w, const char *name, const uint8_t id[EAVE_MANAGE_ID_SIZE]);
void eave_encode_exited(eave_writer *w, const eave_exit_event *event);
/* Console channel payload: stream, container name ("" for the device), then the text. */
void eave_encode_console(eave_writer *w, uint8_t stream, const char *name, const uint8_t *text, size_t length);



#endif
