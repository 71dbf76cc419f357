/* The device side of the link: what the rest of the firmware uses. A device has channel
 * handlers (management, console, debug) and one endpoint per transport (the serial line, each
 * TCP connection). Each endpoint runs a reliable session and the control channel: HELLO, the
 * challenge-and-HMAC authentication, PING. Nothing here allocates or touches an OS: the port
 * passes received bytes and ticks in, and gives a write function out. */
#ifndef EAVE_LINK_H
#define EAVE_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "control.h"
#include "link_config.h"
#include "link_status.h"
#include "session.h"

typedef struct eave_link_device eave_link_device;
typedef struct eave_link_endpoint eave_link_endpoint;

/* A message arrived from `endpoint` on `channel`. Returns 1 when taken, 0 when it cannot be
 * taken now (it is then not acknowledged and the host sends it again later). Runs inside
 * eave_link_endpoint_receive; it may send (on any endpoint) but must not close endpoints. */
typedef int (*eave_link_handler)(void *context, eave_link_endpoint *endpoint, uint8_t channel,
                                 const uint8_t *data, size_t length);

typedef struct {
  const char *name;     /* shown by hosts and discovery */
  const char *firmware; /* firmware version */
  const char *board;    /* board_name() */
  uint8_t id[EAVE_DEVICE_ID_SIZE];
  const uint8_t *secret; /* the per-device secret (kept by the caller) */
  size_t secret_length;
  void *context; /* for the functions below */
  /* Fills `out` with unpredictable bytes: challenges. */
  void (*random)(void *context, uint8_t *out, size_t length);
  /* An endpoint became open (session started and, where required, authenticated). May be NULL. */
  void (*on_open)(void *context, eave_link_endpoint *endpoint);
} eave_link_device_config;

struct eave_link_device {
  eave_link_device_config config;
  struct {
    eave_link_handler handler;
    void *context;
  } channels[EAVE_LINK_CHANNELS];
  eave_link_endpoint *endpoints[EAVE_LINK_MAX_ENDPOINTS];
};

typedef struct {
  int require_auth; /* TCP: always; serial: trusted unless configured */
  int can_close;    /* TCP: a refused host is disconnected; serial: it gets a new challenge */
  eave_session_timing timing;
  void *context;
  void (*write)(void *context, const uint8_t *data, size_t length);
} eave_link_transport;

struct eave_link_endpoint {
  eave_link_device *device;
  eave_link_transport transport;
  eave_session session;
  int authenticated;
  uint8_t challenge[EAVE_CHALLENGE_SIZE];
  int closing; /* refused: closes once the refusal is acknowledged or lingered */
  uint32_t closing_since;
};

void eave_link_device_init(eave_link_device *device, const eave_link_device_config *config);

/* Routes messages on `channel` (management, console or debug) to `handler`. The control channel
 * belongs to the link itself. */
eave_link_status eave_link_register(eave_link_device *device, uint8_t channel,
                                    eave_link_handler handler, void *context);

/* Starts serving a transport; the endpoint's memory belongs to the caller until it is removed. */
eave_link_status eave_link_endpoint_add(eave_link_device *device, eave_link_endpoint *endpoint,
                                        const eave_link_transport *transport);
void eave_link_endpoint_remove(eave_link_endpoint *endpoint);

void eave_link_endpoint_receive(eave_link_endpoint *endpoint, const uint8_t *data, size_t length,
                                uint32_t now);
void eave_link_endpoint_tick(eave_link_endpoint *endpoint, uint32_t now);

/* 1 when the port should close this endpoint's connection (the host was refused). */
int eave_link_endpoint_should_close(const eave_link_endpoint *endpoint, uint32_t now);

/* 1 when the endpoint has a session that may carry messages (authenticated where required). */
int eave_link_endpoint_open(const eave_link_endpoint *endpoint);

/* Queues a message to one endpoint. EAVE_LINK_BUSY: its queue is full, try again later. */
eave_link_status eave_link_send(eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data,
                                size_t length);

/* Queues a message to every open endpoint; returns to how many it was queued. */
int eave_link_broadcast(eave_link_device *device, uint8_t channel, const uint8_t *data,
                        size_t length);

#endif
