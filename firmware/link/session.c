/* The reliable session of docs/link-protocol.md, section 2. One data frame in flight per
 * direction; everything time-related comes from the tick passed to receive and tick. */
#include "session.h"

#include <string.h>

#define QUEUE_HEADER 3u /* channel, length LE */
#define NONCE_SIZE 4u

static uint32_t get_u32(const uint8_t *at) {
  return (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16 | (uint32_t)at[3] << 24;
}

static void put_u32(uint8_t *at, uint32_t value) {
  for (int i = 0; i < 4; i++) at[i] = (uint8_t)(value >> (8 * i));
}

static void write_frame(eave_session *session, uint8_t flags, uint8_t channel, uint8_t seq,
                        const uint8_t *payload, size_t length) {
  eave_frame frame = {flags, channel, seq, (uint16_t)length, payload};
  size_t size = eave_frame_encode(&frame, session->frame, sizeof session->frame);
  session->callbacks.write(session->callbacks.context, session->frame, size);
}

/* Sends (again) what is in flight: our RESET, or the queue's first message. */
static void send_in_flight(eave_session *session) {
  if (session->state == EAVE_SESSION_STARTING) {
    uint8_t nonce[NONCE_SIZE];
    put_u32(nonce, session->nonce);
    write_frame(session, EAVE_FRAME_RESET, 0, 0, nonce, sizeof nonce);
  } else {
    const uint8_t *head = session->queue;
    size_t length = (size_t)head[1] | (size_t)head[2] << 8;
    write_frame(session, 0, head[0], session->tx_seq, head + QUEUE_HEADER, length);
  }
  session->sent_at = session->now;
}

/* Puts the next message in flight when the window is free. */
static void pump(eave_session *session) {
  if (session->state != EAVE_SESSION_ACTIVE || session->in_flight || session->queue_used == 0) return;
  session->in_flight = 1;
  session->retries = 0;
  send_in_flight(session);
}

static void notify(eave_session *session, int started) {
  if (session->callbacks.on_state != NULL) session->callbacks.on_state(session->callbacks.context, started);
}

static void begin(eave_session *session, uint32_t nonce) {
  session->state = EAVE_SESSION_ACTIVE;
  session->nonce = nonce;
  session->tx_seq = 0;
  session->rx_expected = 0;
  session->in_flight = 0; /* the first queued message goes again, as seq 0 */
  session->stats.resets++;
  notify(session, 1);
  pump(session);
}

void eave_session_init(eave_session *session, const eave_session_callbacks *callbacks,
                       eave_session_timing timing) {
  memset(session, 0, sizeof *session);
  session->callbacks = *callbacks;
  session->timing = timing;
  eave_frame_decoder_init(&session->decoder);
}

void eave_session_start(eave_session *session, uint32_t nonce, uint32_t now) {
  session->now = now;
  session->state = EAVE_SESSION_STARTING;
  session->nonce = nonce;
  session->in_flight = 1;
  session->retries = 0;
  send_in_flight(session);
}

static void on_reset(eave_session *session, const eave_frame *frame) {
  if (frame->length != NONCE_SIZE) {
    session->stats.protocol_errors++;
    return;
  }
  uint32_t nonce = get_u32(frame->payload);
  if (frame->flags & EAVE_FRAME_ACK) {
    if (session->state == EAVE_SESSION_STARTING && nonce == session->nonce) begin(session, nonce);
    return; /* an answer to an older RESET of ours */
  }
  uint8_t answer[NONCE_SIZE];
  memcpy(answer, frame->payload, NONCE_SIZE);
  write_frame(session, EAVE_FRAME_RESET | EAVE_FRAME_ACK, 0, 0, answer, NONCE_SIZE);
  if (session->state == EAVE_SESSION_ACTIVE && nonce == session->nonce) return; /* a repeat */
  begin(session, nonce);
}

static void on_data(eave_session *session, const eave_frame *frame) {
  if (session->state != EAVE_SESSION_ACTIVE) return; /* the peer's RESET comes first */
  if (frame->seq == session->rx_expected) {
    if (!session->callbacks.deliver(session->callbacks.context, frame->channel, frame->payload,
                                    frame->length)) {
      return; /* no ACK: it comes again */
    }
    session->stats.delivered++;
    session->rx_expected++;
  } else if (frame->seq == (uint8_t)(session->rx_expected - 1)) {
    session->stats.duplicates++;
  } else {
    session->stats.protocol_errors++;
    return;
  }
  write_frame(session, EAVE_FRAME_ACK, frame->channel, frame->seq, NULL, 0);
}

static void on_ack(eave_session *session, const eave_frame *frame) {
  if (session->state != EAVE_SESSION_ACTIVE || !session->in_flight || frame->seq != session->tx_seq) {
    return; /* a duplicate ACK */
  }
  size_t length = (size_t)session->queue[1] | (size_t)session->queue[2] << 8;
  size_t size = QUEUE_HEADER + length;
  memmove(session->queue, session->queue + size, session->queue_used - size);
  session->queue_used -= size;
  session->in_flight = 0;
  session->tx_seq++;
  pump(session);
}

static void on_frame(void *context, const eave_frame *frame) {
  eave_session *session = context;
  uint8_t flags = frame->flags;
  if ((flags & ~EAVE_FRAME_KNOWN_FLAGS) != 0) {
    session->stats.protocol_errors++;
  } else if ((flags & ~EAVE_FRAME_ACK) == EAVE_FRAME_RESET) {
    on_reset(session, frame);
  } else if (flags == EAVE_FRAME_ACK) {
    on_ack(session, frame);
  } else if (flags == EAVE_FRAME_NACK) {
    if (session->in_flight) {
      session->stats.retransmits++;
      send_in_flight(session);
    }
  } else if (flags == 0) {
    on_data(session, frame);
  } else {
    session->stats.protocol_errors++;
  }
}

static void on_corrupt(void *context) {
  eave_session *session = context;
  session->nack_due = 1;
}

void eave_session_receive(eave_session *session, const uint8_t *data, size_t length, uint32_t now) {
  session->now = now;
  session->nack_due = 0;
  eave_frame_decoder_feed(&session->decoder, data, length, on_frame, on_corrupt, session);
  if (session->nack_due) { /* one NACK per call, however much garbage there was */
    session->stats.nacks_sent++;
    write_frame(session, EAVE_FRAME_NACK, 0, 0, NULL, 0);
  }
}

void eave_session_tick(eave_session *session, uint32_t now) {
  session->now = now;
  if (!session->in_flight || now - session->sent_at < session->timing.retransmit_ms) return;
  if (session->retries >= session->timing.max_retries) {
    session->in_flight = 0; /* the message stays queued for the next session */
    session->state = EAVE_SESSION_NONE;
    notify(session, 0);
    return;
  }
  session->retries++;
  session->stats.retransmits++;
  send_in_flight(session);
}

eave_link_status eave_session_send(eave_session *session, uint8_t channel, const uint8_t *data,
                                   size_t length) {
  if (length > EAVE_LINK_MAX_PAYLOAD) return EAVE_LINK_TOO_LONG;
  if (session->queue_used + QUEUE_HEADER + length > sizeof session->queue) return EAVE_LINK_BUSY;
  uint8_t *at = session->queue + session->queue_used;
  at[0] = channel;
  at[1] = (uint8_t)length;
  at[2] = (uint8_t)(length >> 8);
  if (length > 0) memcpy(at + QUEUE_HEADER, data, length);
  session->queue_used += QUEUE_HEADER + length;
  pump(session);
  return EAVE_LINK_OK;
}

void eave_session_end(eave_session *session) {
  session->state = EAVE_SESSION_NONE;
  session->queue_used = 0;
  session->in_flight = 0;
}

int eave_session_idle(const eave_session *session) {
  return session->queue_used == 0 && !session->in_flight;
}

const char *eave_link_status_text(eave_link_status status) {
  switch (status) {
    case EAVE_LINK_OK: return "ok";
    case EAVE_LINK_BUSY: return "the send queue is full";
    case EAVE_LINK_TOO_LONG: return "message longer than the maximum payload";
    case EAVE_LINK_BAD_CHANNEL: return "no such channel";
    case EAVE_LINK_NOT_OPEN: return "the endpoint has no authenticated session";
    case EAVE_LINK_NO_ROOM: return "every endpoint slot is taken";
  }
  return "unknown status";
}
