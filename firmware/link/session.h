/* The reliable session over one transport (docs/link-protocol.md, section 2): session start by
 * RESET, sequence numbers, ACK, NACK, retransmission driven by a millisecond tick passed in,
 * duplicate suppression, a send queue behind a window of one frame. Both roles (the host that
 * starts the session, the device that answers) are the same code. */
#ifndef EAVE_LINK_SESSION_H
#define EAVE_LINK_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "link_status.h"

typedef struct {
  uint32_t retransmit_ms; /* no ACK within this: send again */
  uint32_t max_retries;   /* retransmissions before the peer counts as gone */
} eave_session_timing;

typedef struct {
  void *context;
  /* Sends bytes on the transport; a transport that cannot take them drops them (the
   * retransmission repairs that). */
  void (*write)(void *context, const uint8_t *data, size_t length);
  /* A message arrived. Returns 1 when taken; 0 when it cannot be taken now: it is then not
   * acknowledged and comes again after the retransmission timeout. */
  int (*deliver)(void *context, uint8_t channel, const uint8_t *data, size_t length);
  /* The session started (1: a RESET from the peer, or the answer to ours) or ended (0: the peer
   * did not answer MAX_RETRIES retransmissions). May be NULL. */
  void (*on_state)(void *context, int started);
} eave_session_callbacks;

typedef enum {
  EAVE_SESSION_NONE,     /* waiting for a RESET */
  EAVE_SESSION_STARTING, /* our RESET is in flight */
  EAVE_SESSION_ACTIVE,
} eave_session_state;

typedef struct {
  uint32_t delivered;       /* messages handed to `deliver` */
  uint32_t duplicates;      /* data frames received again (their ACK was lost) */
  uint32_t retransmits;     /* frames sent again (timeout or NACK) */
  uint32_t nacks_sent;
  uint32_t protocol_errors; /* frames that fit no rule (unknown flags, unexpected seq) */
  uint32_t resets;          /* sessions started */
} eave_session_stats;

typedef struct {
  eave_session_callbacks callbacks;
  eave_session_timing timing;
  eave_session_state state;
  uint32_t nonce;  /* of the current session (ours while STARTING) */
  uint8_t tx_seq;  /* seq of the frame in flight, or of the next one */
  uint8_t rx_expected;
  int in_flight;   /* the queue's first message (or our RESET) awaits its ACK */
  uint32_t sent_at;
  uint32_t retries;
  uint32_t now;    /* the latest tick passed in */
  int nack_due;    /* a corrupt frame was seen during this receive call */
  /* Messages to send, the one in flight first: channel, length (2 bytes LE), payload. */
  uint8_t queue[EAVE_LINK_TX_QUEUE_SIZE];
  size_t queue_used;
  uint8_t frame[EAVE_FRAME_MAX_SIZE]; /* the frame being written */
  eave_frame_decoder decoder;
  eave_session_stats stats;
} eave_session;

void eave_session_init(eave_session *session, const eave_session_callbacks *callbacks,
                       eave_session_timing timing);

/* Starts a session as the initiator (the host; a device announcing its reboot): sends RESET
 * with `nonce` (random, different from the last one) until it is acknowledged. */
void eave_session_start(eave_session *session, uint32_t nonce, uint32_t now);

/* Takes bytes received from the transport. */
void eave_session_receive(eave_session *session, const uint8_t *data, size_t length, uint32_t now);

/* Retransmits when the frame in flight timed out; call at least every few milliseconds. */
void eave_session_tick(eave_session *session, uint32_t now);

/* Queues a message; it is sent once the session is active and the ones before it were
 * acknowledged. EAVE_LINK_BUSY: the queue is full, nothing was queued. */
eave_link_status eave_session_send(eave_session *session, uint8_t channel, const uint8_t *data,
                                   size_t length);

/* Ends the session and drops every queued message (a connection closed; a refused host). */
void eave_session_end(eave_session *session);

/* 1 when nothing is queued or in flight. */
int eave_session_idle(const eave_session *session);

#endif
