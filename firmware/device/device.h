/* The device: the VM (firmware/vm) behind the management protocol (manage.h) over a program
 * store. One eave_device per firmware; the port (the simulator, a board) gives it memory, a
 * clock and a way to send on the link, feeds it management messages, and steps it. Portable C11:
 * the same glue runs in eave-sim and on the QEMU boards. */
#ifndef EAVE_DEVICE_H
#define EAVE_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eave_vm.h"
#include "vm_config.h"
#include "manage.h"

/* What the port provides. Every callback gets `context` first. */
typedef struct {
  void *context;
  void *(*alloc)(void *context, size_t size);
  void (*free)(void *context, void *pointer, size_t size);
  uint64_t (*millis)(void *context);
  /* Sends one message on a link channel to the connected hosts; false when it could not. */
  bool (*send)(void *context, uint8_t channel, const uint8_t *bytes, size_t length);
} eave_device_port;

/* Heap quota of every container, until the management protocol carries one per container. */
#ifndef EAVE_DEVICE_QUOTA
#define EAVE_DEVICE_QUOTA (64u * 1024u)
#endif

/* Messages waiting for the link (console output, events, answers): output is never dropped
 * while there is room, and the containers do not run while the outbox is more than half full, so
 * a program that prints faster than the link carries is slowed down instead of losing lines.
 * 64 KB on the host; a board overrides it with less. */
#ifndef EAVE_DEVICE_OUTBOX
#define EAVE_DEVICE_OUTBOX (64u * 1024u)
#endif

typedef struct {
  char name[EAVE_STORE_MAX_NAME + 1];
  uint32_t id; /* 0: free */
} eave_device_container;

typedef struct {
  eave_device_port port;
  eave_port vm_port;
  eave_vm *vm;
  eave_manage manage;
  eave_device_container containers[EAVE_MAX_CONTAINERS];
  size_t quota;
  uint32_t dropped;     /* messages lost because the outbox was full */
  size_t outbox_used;
  uint8_t outbox[EAVE_DEVICE_OUTBOX]; /* [channel][length: 2 bytes LE][bytes]... */
} eave_device;

/* Sets up the VM and the manager over an open store. False when there is no memory for the VM. */
bool eave_device_init(eave_device *device, eave_store *store, const eave_device_port *port);

/* Starts the run-on-boot containers; returns how many. */
uint32_t eave_device_start(eave_device *device);

/* A message that arrived on the management channel. */
void eave_device_management(eave_device *device, const uint8_t *bytes, size_t length);

/* Runs the containers for one round of slices; *next_wake_ms says until when nothing needs to run
 * when the result is EAVE_STEP_IDLE. */
eave_step eave_device_step(eave_device *device, uint64_t *next_wake_ms);

/* Sends what waits in the outbox as far as the link takes it (the step does it too). */
void eave_device_flush(eave_device *device);

/* The id of a live container by name, or 0. */
uint32_t eave_device_container_id(eave_device *device, const char *name);

void eave_device_free(eave_device *device);

#endif
