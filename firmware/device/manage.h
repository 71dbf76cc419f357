/* The device side of the management protocol (docs/management-protocol.md): decodes requests
 * arriving on the management channel, drives the program store, starts and stops containers
 * through the VM interface below, answers, and sends EXITED/STARTED events and console output.
 * The VM core is reached only through eave_manage_vm, so adapting the real VM (firmware/vm) is
 * one file of glue. No allocation, no global state; the caller owns the eave_manage.
 *
 * Images run in place: the store's storage must be memory-mapped (board flash, the host file's
 * mmap, RAM). */
#ifndef EAVE_MANAGE_H
#define EAVE_MANAGE_H

#include "protocol.h"
#include "store.h"

/* What the VM reports about a live container. */
typedef struct {
  bool live;
  bool paused;
  uint64_t memory_used;   /* heap bytes in use */
  uint64_t quota;         /* heap bytes allowed */
} eave_manage_vm_status;

/* The VM as the manager sees it. Every function takes `context` first. */
typedef struct {
  void *context;
  /* Checks an image without running it; false with a one-line reason in `error`. */
  bool (*verify_image)(void *context, const uint8_t *bytes, size_t length, char *error, size_t error_size);
  /* Starts container `name` running `bytes` in place (valid until it exited). False with a
   * reason in `error`. */
  bool (*start)(void *context, const char *name, const uint8_t *bytes, size_t length, uint32_t argc,
                const char *const *args, char *error, size_t error_size);
  /* Stops `name`: it runs no more bytecode and never reads its image again after this returns;
   * its exit is reported later through eave_manage_exited (kind EAVE_END_STOPPED), after stop
   * has returned (never from inside it). False when it is not live. */
  bool (*stop)(void *context, const char *name);
  /* Fills `out` for a live container; false when `name` is not live. */
  bool (*status)(void *context, const char *name, eave_manage_vm_status *out);
} eave_manage_vm;

/* What the manager needs from the device around it. */
typedef struct {
  void *context;
  /* Sends one message on `channel` (EAVE_MANAGE_CHANNEL or EAVE_CONSOLE_CHANNEL); the link
   * queues it. False when it could not (counted in eave_manage.dropped). */
  bool (*send)(void *context, uint8_t channel, const uint8_t *bytes, size_t length);
  /* Milliseconds since boot. */
  uint64_t (*millis)(void *context);
} eave_manage_port;

/* An ended container, as the VM adapter reports it. */
typedef struct {
  uint8_t kind;            /* eave_end_kind */
  int64_t code;
  const char *message;     /* the VM's description; may be NULL */
  uint32_t trace_length;
  const uint32_t *trace;   /* pairs: method index, bytecode offset; innermost first */
} eave_manage_exit;

typedef struct {
  char name[EAVE_STORE_MAX_NAME + 1];
  uint8_t state;               /* eave_container_state */
  int64_t exit_code;
  char reason[EAVE_MANAGE_MAX_TEXT + 1];
  uint64_t started_ms;
  uint32_t image_offset;       /* where in the storage the running image lies */
  const char *stop_reason;     /* why we stopped it, reported when its exit comes (static text) */
  bool restart;                /* the store moved its image: start again once it has exited */
} eave_manage_container;

typedef struct {
  eave_store *store;
  eave_manage_port port;
  eave_manage_vm vm;
  uint32_t count;
  eave_manage_container containers[EAVE_MANAGE_MAX_CONTAINERS];
  uint32_t dropped;            /* messages the port could not send */
  uint8_t out[EAVE_MANAGE_MAX_MESSAGE];
} eave_manage;

/* Sets up the manager over an open store. Installs its hooks into the store (it must hear of
 * compactions to restart containers whose images move). */
void eave_manage_init(eave_manage *m, eave_store *store, const eave_manage_port *port, const eave_manage_vm *vm);

/* Starts every run-on-boot entry, in store order; returns how many started. */
uint32_t eave_device_boot(eave_manage *m);

/* Handles one message received on the management channel; the answer goes out through send. */
void eave_manage_handle(eave_manage *m, const uint8_t *bytes, size_t length);

/* The VM adapter reports that container `name` ended; sends the EXITED event. */
void eave_manage_exited(eave_manage *m, const char *name, const eave_manage_exit *exit);

/* Sends console output of `name` ("" for the device itself), split over as many messages as
 * it needs. */
void eave_manage_console(eave_manage *m, const char *name, uint8_t stream, const uint8_t *text, size_t length);

#endif
