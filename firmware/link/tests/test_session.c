/* The reliable session between two ends joined by byte pipes that drop, corrupt, insert and
 * duplicate bytes: every message arrives exactly once and in order, both ways. Also the session
 * start, duplicate RESETs, busy receivers and a peer that is gone. */
#include "session.h"
#include "testing.h"

#define PIPE_SIZE 65536
#define MESSAGES 300

typedef struct {
  unsigned char bytes[PIPE_SIZE];
  size_t used;
  unsigned long long random;
  unsigned loss_per_mille; /* chance per byte of each fault */
  unsigned long faults;
} pipe_t;

typedef struct end {
  eave_session session;
  pipe_t *out;
  int received[MESSAGES];
  int received_count;
  int in_order;
  int busy_every; /* refuse every n-th delivery (0: never) */
  int deliveries;
  int started, ended;
} end;

static void pipe_write(void *context, const uint8_t *data, size_t length) {
  end *e = context;
  pipe_t *p = e->out;
  for (size_t i = 0; i < length; i++) {
    unsigned roll = testing_random(&p->random) % 1000;
    unsigned char byte = data[i];
    if (roll < p->loss_per_mille) { /* drop */
      p->faults++;
      continue;
    }
    if (roll < 2 * p->loss_per_mille) { /* corrupt */
      byte ^= (unsigned char)(1u << (testing_random(&p->random) % 8));
      p->faults++;
    }
    if (p->used + 2 > PIPE_SIZE) return; /* a full line drops bytes, like a UART overrun */
    p->bytes[p->used++] = byte;
    if (roll >= 2 * p->loss_per_mille && roll < 3 * p->loss_per_mille) { /* duplicate or insert */
      p->bytes[p->used++] = (roll & 1) ? byte : (unsigned char)testing_random(&p->random);
      p->faults++;
    }
  }
}

static int deliver(void *context, uint8_t channel, const uint8_t *data, size_t length) {
  end *e = context;
  e->deliveries++;
  if (e->busy_every && e->deliveries % e->busy_every == 0) return 0;
  int number = data[0] | data[1] << 8;
  if (e->received_count < MESSAGES) e->received[e->received_count] = number;
  if (number != e->received_count || channel != number % 4 || length != (size_t)(2 + number % 200)) e->in_order = 0;
  for (size_t i = 2; i < length; i++) {
    if (data[i] != (uint8_t)(number + i)) e->in_order = 0;
  }
  e->received_count++;
  return 1;
}

static void on_state(void *context, int started) {
  end *e = context;
  if (started) e->started++;
  else e->ended++;
}

static void setup(end *e, pipe_t *out, eave_session_timing timing) {
  memset(e, 0, sizeof *e);
  e->out = out;
  e->in_order = 1;
  eave_session_callbacks callbacks = {e, pipe_write, deliver, on_state};
  eave_session_init(&e->session, &callbacks, timing);
}

/* Moves what each pipe holds to the other end, in chunks of random size like a UART's. */
static void carry(pipe_t *p, end *to, uint32_t now) {
  size_t at = 0;
  while (at < p->used) {
    size_t chunk = 1 + testing_random(&p->random) % 64;
    if (chunk > p->used - at) chunk = p->used - at;
    eave_session_receive(&to->session, p->bytes + at, chunk, now);
    at += chunk;
  }
  p->used = 0;
}

static int next_message(uint8_t *out, int number) {
  size_t length = 2 + (size_t)number % 200;
  out[0] = (uint8_t)number;
  out[1] = (uint8_t)(number >> 8);
  for (size_t i = 2; i < length; i++) out[i] = (uint8_t)(number + i);
  return (int)length;
}

/* Runs both ends until all messages arrived both ways; returns the simulated milliseconds. */
static uint32_t run(testing *t, unsigned per_mille, int busy_every, const char *what) {
  static pipe_t a_to_b, b_to_a;
  static end a, b;
  eave_session_timing timing = {20, 1000};
  memset(&a_to_b, 0, sizeof a_to_b);
  memset(&b_to_a, 0, sizeof b_to_a);
  a_to_b.random = 1 + per_mille;
  b_to_a.random = 7 + per_mille;
  a_to_b.loss_per_mille = b_to_a.loss_per_mille = per_mille;
  setup(&a, &a_to_b, timing);
  setup(&b, &b_to_a, timing);
  b.busy_every = busy_every;
  uint32_t now = 1000;
  eave_session_start(&a.session, 0xC0FFEE, now);
  int sent_a = 0, sent_b = 0;
  uint8_t message[256];
  while ((a.received_count < MESSAGES || b.received_count < MESSAGES) && now < 2000000) {
    while (sent_a < MESSAGES) {
      int length = next_message(message, sent_a);
      if (eave_session_send(&a.session, (uint8_t)(sent_a % 4), message, (size_t)length) != EAVE_LINK_OK) break;
      sent_a++;
    }
    while (sent_b < MESSAGES) {
      int length = next_message(message, sent_b);
      if (eave_session_send(&b.session, (uint8_t)(sent_b % 4), message, (size_t)length) != EAVE_LINK_OK) break;
      sent_b++;
    }
    carry(&a_to_b, &b, now);
    carry(&b_to_a, &a, now);
    now += 1;
    eave_session_tick(&a.session, now);
    eave_session_tick(&b.session, now);
  }
  EXPECT(t, a.received_count == MESSAGES && b.received_count == MESSAGES,
         "%s: all delivered (a got %d, b got %d of %d)", what, a.received_count, b.received_count, MESSAGES);
  EXPECT(t, a.in_order && b.in_order, "%s: exactly once, in order, intact", what);
  EXPECT(t, a.started == 1 && b.started == 1 && a.ended == 0 && b.ended == 0,
         "%s: one session start each (a %d, b %d)", what, a.started, b.started);
  printf("%s: %lu faults injected; a: %u retransmits, %u duplicates, %u corrupt; b: %u retransmits, "
         "%u duplicates, %u corrupt; %u simulated ms\n",
         what, a_to_b.faults + b_to_a.faults, (unsigned)a.session.stats.retransmits,
         (unsigned)a.session.stats.duplicates, (unsigned)a.session.decoder.corrupt,
         (unsigned)b.session.stats.retransmits, (unsigned)b.session.stats.duplicates,
         (unsigned)b.session.decoder.corrupt, (unsigned)(now - 1000));
  return now - 1000;
}

static void check_reset_rules(testing *t) {
  static pipe_t a_to_b, b_to_a;
  static end a, b;
  eave_session_timing timing = {20, 3};
  memset(&a_to_b, 0, sizeof a_to_b);
  memset(&b_to_a, 0, sizeof b_to_a);
  setup(&a, &a_to_b, timing);
  setup(&b, &b_to_a, timing);
  uint8_t m[2] = {0, 0};

  /* Data before any RESET is ignored; the device waits for the host. */
  eave_session_send(&b.session, 0, m, 2);
  EXPECT(t, b_to_a.used == 0, "a device sends nothing before the host's RESET");

  /* The RESET's ACK is lost: the host repeats it and the device does not reset again. */
  eave_session_start(&a.session, 42, 0);
  carry(&a_to_b, &b, 0);
  b_to_a.used = 0; /* lose the RESET ACK and b's first message */
  EXPECT(t, b.started == 1 && a.started == 0, "the device started on the RESET");
  eave_session_tick(&a.session, 25);
  carry(&a_to_b, &b, 25);
  carry(&b_to_a, &a, 25);
  EXPECT(t, a.started == 1 && b.started == 1, "the repeated RESET is answered, not obeyed (b started %d times)", b.started);
  carry(&a_to_b, &b, 26); /* a's ACK of b's message... which was lost, so b retransmits */
  for (uint32_t now = 30; now < 100; now++) {
    eave_session_tick(&b.session, now);
    carry(&b_to_a, &a, now);
    carry(&a_to_b, &b, now);
  }
  EXPECT(t, a.received_count == 1 && eave_session_idle(&b.session), "the lost first message came again, once");

  /* A new RESET (the host reconnected) restarts both sequence numbers. */
  eave_session_start(&a.session, 43, 200);
  carry(&a_to_b, &b, 200);
  carry(&b_to_a, &a, 200);
  EXPECT(t, b.started == 2 && b.session.rx_expected == 0 && b.session.tx_seq == 0, "a new nonce starts a new session");

  /* The peer is gone: after max_retries the session ends and the message stays queued. */
  eave_session_send(&b.session, 1, m, 2);
  b_to_a.used = 0;
  for (uint32_t now = 200; now < 400; now++) {
    eave_session_tick(&b.session, now);
    b_to_a.used = 0;
  }
  EXPECT(t, b.ended == 1 && b.session.state == EAVE_SESSION_NONE && !eave_session_idle(&b.session),
         "a peer that does not answer ends the session, the message stays queued");
}

int main(void) {
  testing t = {0};
  run(&t, 0, 0, "clean line");
  run(&t, 2, 0, "0.2% of bytes dropped, corrupted and inserted each");
  run(&t, 10, 0, "1% of bytes dropped, corrupted and inserted each");
  run(&t, 0, 3, "a receiver busy every third message");
  check_reset_rules(&t);
  return testing_finish(&t, "link session");
}
