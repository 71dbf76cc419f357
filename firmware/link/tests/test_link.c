/* The device side as a host sees it: HELLO, authentication (right and wrong secret, TCP and
 * serial), refusal before authentication, channel dispatch, a busy handler, broadcast, PING. The
 * host here is a plain session joined to the endpoint without faults. */
#include "link.h"
#include "testing.h"

typedef struct {
  unsigned char bytes[8192];
  size_t used;
} wire;

typedef struct {
  unsigned char messages[16][600];
  size_t lengths[16];
  uint8_t channels[16];
  int count;
} inbox;

typedef struct {
  eave_link_device device;
  eave_link_endpoint endpoint;
  eave_session host;
  wire to_device, to_host;
  inbox host_inbox;
  inbox console; /* what the device's console handler got */
  int console_busy;
  int opened;
  uint32_t now;
} rig;

static void wire_write(void *context, const uint8_t *data, size_t length) {
  wire *w = context;
  memcpy(w->bytes + w->used, data, length);
  w->used += length;
}

static void keep(inbox *in, uint8_t channel, const uint8_t *data, size_t length) {
  if (in->count == 16) return;
  memcpy(in->messages[in->count], data, length);
  in->lengths[in->count] = length;
  in->channels[in->count] = channel;
  in->count++;
}

static int host_deliver(void *context, uint8_t channel, const uint8_t *data, size_t length) {
  rig *r = context;
  keep(&r->host_inbox, channel, data, length);
  return 1;
}

static int console_handler(void *context, eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data,
                           size_t length) {
  rig *r = context;
  (void)endpoint;
  if (r->console_busy) {
    r->console_busy--;
    return 0;
  }
  keep(&r->console, channel, data, length);
  return 1;
}

static void fake_random(void *context, uint8_t *out, size_t length) {
  (void)context;
  for (size_t i = 0; i < length; i++) out[i] = (uint8_t)i;
}

static void on_open(void *context, eave_link_endpoint *endpoint) {
  rig *r = context;
  r->opened++;
  static const uint8_t started[] = "device started\n";
  eave_link_send(endpoint, EAVE_CHANNEL_CONSOLE, started, sizeof started - 1);
}

static const uint8_t SECRET[] = "correct horse battery staple";

static void setup(rig *r, int require_auth, int can_close) {
  memset(r, 0, sizeof *r);
  eave_link_device_config config = {"sim", "0.1.0", "test board", {1, 2, 3, 4, 5, 6, 7, 8},
                                    SECRET, sizeof SECRET - 1, r, fake_random, on_open};
  eave_link_device_init(&r->device, &config);
  eave_link_register(&r->device, EAVE_CHANNEL_CONSOLE, console_handler, r);
  eave_link_transport transport = {require_auth, can_close, {50, 5}, &r->to_host, wire_write};
  eave_link_endpoint_add(&r->device, &r->endpoint, &transport);
  eave_session_callbacks host = {r, wire_write, host_deliver, NULL};
  host.context = r;
  eave_session_init(&r->host, &host, (eave_session_timing){50, 5});
  r->host.callbacks.write = wire_write;
  r->host.callbacks.context = &r->to_device;
  r->host.callbacks.deliver = host_deliver;
}

/* The host session's context is the wire; its deliveries go to the rig through this. */
static rig *current;
static int host_deliver_current(void *context, uint8_t channel, const uint8_t *data, size_t length) {
  (void)context;
  return host_deliver(current, channel, data, length);
}

static void exchange(rig *r, int ms) {
  for (int i = 0; i < ms; i++) {
    while (r->to_device.used > 0 || r->to_host.used > 0) {
      wire copy = r->to_device;
      r->to_device.used = 0;
      eave_link_endpoint_receive(&r->endpoint, copy.bytes, copy.used, r->now);
      copy = r->to_host;
      r->to_host.used = 0;
      eave_session_receive(&r->host, copy.bytes, copy.used, r->now);
    }
    r->now++;
    eave_link_endpoint_tick(&r->endpoint, r->now);
    eave_session_tick(&r->host, r->now);
  }
}

static const unsigned char *find(const inbox *in, uint8_t channel, uint8_t type, size_t *length) {
  for (int i = 0; i < in->count; i++) {
    if (in->channels[i] == channel && (channel != 0 || in->messages[i][0] == type)) {
      *length = in->lengths[i];
      return in->messages[i];
    }
  }
  return NULL;
}

static void connect(rig *r) {
  current = r;
  r->host.callbacks.deliver = host_deliver_current;
  eave_session_start(&r->host, 7, r->now);
  uint8_t hello_request[3] = {EAVE_CONTROL_HELLO_REQUEST, 1, 0};
  eave_session_send(&r->host, 0, hello_request, sizeof hello_request);
  exchange(r, 5);
}

static void authenticate(rig *r, const uint8_t *secret, size_t length) {
  size_t hello_length;
  const unsigned char *hello = find(&r->host_inbox, 0, EAVE_CONTROL_HELLO, &hello_length);
  uint8_t auth[33] = {EAVE_CONTROL_AUTH};
  eave_auth_mac(secret, length, hello + 4, hello + 12, auth + 1);
  eave_session_send(&r->host, 0, auth, sizeof auth);
  exchange(r, 5);
}

static void check_tcp(testing *t) {
  static rig r;
  setup(&r, 1, 1);
  connect(&r);
  size_t length;
  const unsigned char *hello = find(&r.host_inbox, 0, EAVE_CONTROL_HELLO, &length);
  EXPECT(t, hello != NULL && hello[3] == EAVE_HELLO_AUTH_REQUIRED && hello[12] == 0 && hello[13] == 1,
         "TCP: HELLO asks for authentication and carries the challenge");
  EXPECT(t, hello != NULL && length == 28 + 6 + 4 + 11 && memcmp(hello + 29, "0.1.0", 5) == 0,
         "TCP: HELLO names firmware, device and board");
  EXPECT(t, r.opened == 0, "TCP: not open before AUTH");
  uint8_t line[] = "x";
  EXPECT(t, eave_link_send(&r.endpoint, EAVE_CHANNEL_CONSOLE, line, 1) == EAVE_LINK_NOT_OPEN,
         "TCP: nothing is sent to an unauthenticated host");

  uint8_t ping[4] = {EAVE_CONTROL_PING, 9, 8, 7};
  eave_session_send(&r.host, 0, ping, sizeof ping);
  exchange(&r, 5);
  const unsigned char *pong = find(&r.host_inbox, 0, EAVE_CONTROL_PONG, &length);
  EXPECT(t, pong != NULL && length == 4 && pong[3] == 7, "PING is answered before authentication");

  authenticate(&r, SECRET, sizeof SECRET - 1);
  EXPECT(t, find(&r.host_inbox, 0, EAVE_CONTROL_AUTH_OK, &length) != NULL, "TCP: the right secret gets AUTH_OK");
  EXPECT(t, r.opened == 1 && find(&r.host_inbox, EAVE_CHANNEL_CONSOLE, 0, &length) != NULL,
         "TCP: once open, the device's console line arrives");

  uint8_t input[] = "hello device";
  r.console_busy = 2;
  eave_session_send(&r.host, EAVE_CHANNEL_CONSOLE, input, sizeof input - 1);
  exchange(&r, 200);
  EXPECT(t, r.console.count == 1 && r.console.lengths[0] == sizeof input - 1 && eave_session_idle(&r.host),
         "a busy handler gets the message again later, once (%d deliveries)", r.console.count);
  EXPECT(t, eave_link_broadcast(&r.device, EAVE_CHANNEL_CONSOLE, line, 1) == 1, "broadcast reaches the open endpoint");
  EXPECT(t, !eave_link_endpoint_should_close(&r.endpoint, r.now), "an authenticated connection stays");
}

static void check_wrong_secret(testing *t) {
  static rig r;
  setup(&r, 1, 1);
  connect(&r);
  static const uint8_t wrong[] = "guess";
  authenticate(&r, wrong, sizeof wrong - 1);
  size_t length;
  const unsigned char *refused = find(&r.host_inbox, 0, EAVE_CONTROL_REFUSED, &length);
  EXPECT(t, refused != NULL && refused[1] == EAVE_REFUSED_WRONG_SECRET &&
                strstr((const char *)refused + 3, "wrong secret for device 'sim'") != NULL,
         "a wrong secret is refused with a message naming the device");
  EXPECT(t, eave_link_endpoint_should_close(&r.endpoint, r.now) && r.opened == 0,
         "TCP: the refused connection is closed once the refusal is acknowledged");
}

static void check_auth_first(testing *t) {
  static rig r;
  setup(&r, 1, 1);
  connect(&r);
  uint8_t input[] = "install";
  eave_session_send(&r.host, EAVE_CHANNEL_MANAGEMENT, input, sizeof input - 1);
  exchange(&r, 5);
  size_t length;
  const unsigned char *refused = find(&r.host_inbox, 0, EAVE_CONTROL_REFUSED, &length);
  EXPECT(t, refused != NULL && refused[1] == EAVE_REFUSED_AUTH_REQUIRED && eave_link_endpoint_should_close(&r.endpoint, r.now),
         "TCP: management before AUTH is refused and the connection closes");
}

static void check_serial(testing *t) {
  static rig r;
  setup(&r, 0, 0);
  connect(&r);
  size_t length;
  const unsigned char *hello = find(&r.host_inbox, 0, EAVE_CONTROL_HELLO, &length);
  EXPECT(t, hello != NULL && hello[3] == EAVE_HELLO_AUTHENTICATED && r.opened == 1,
         "serial: trusted, open at once, HELLO says so");
  EXPECT(t, find(&r.host_inbox, EAVE_CHANNEL_CONSOLE, 0, &length) != NULL, "serial: the console line arrives");

  static rig s;
  setup(&s, 1, 0);
  connect(&s);
  static const uint8_t wrong[] = "guess";
  uint8_t first_challenge = s.endpoint.challenge[0];
  authenticate(&s, wrong, sizeof wrong - 1);
  EXPECT(t, find(&s.host_inbox, 0, EAVE_CONTROL_REFUSED, &length) != NULL && !eave_link_endpoint_should_close(&s.endpoint, s.now),
         "serial with authentication: a wrong secret is refused, the line stays");
  (void)first_challenge;
}

static void check_registration(testing *t) {
  static rig r;
  setup(&r, 0, 0);
  EXPECT(t, eave_link_register(&r.device, EAVE_CHANNEL_CONTROL, console_handler, &r) == EAVE_LINK_BAD_CHANNEL,
         "the control channel cannot be taken over");
  EXPECT(t, eave_link_register(&r.device, 9, console_handler, &r) == EAVE_LINK_BAD_CHANNEL, "unknown channels are refused");
  static eave_link_endpoint more[EAVE_LINK_MAX_ENDPOINTS];
  eave_link_transport transport = {0, 0, {50, 5}, &r.to_host, wire_write};
  int added = 0;
  for (size_t i = 0; i < EAVE_LINK_MAX_ENDPOINTS; i++) {
    if (eave_link_endpoint_add(&r.device, &more[i], &transport) == EAVE_LINK_OK) added++;
  }
  EXPECT(t, added == (int)EAVE_LINK_MAX_ENDPOINTS - 1, "endpoint slots are limited (%d added)", added);
  eave_link_endpoint_remove(&more[0]);
  EXPECT(t, eave_link_endpoint_add(&r.device, &more[0], &transport) == EAVE_LINK_OK, "a removed endpoint frees its slot");
}

int main(void) {
  testing t = {0};
  check_tcp(&t);
  check_wrong_secret(&t);
  check_auth_first(&t);
  check_serial(&t);
  check_registration(&t);
  return testing_finish(&t, "link device");
}
