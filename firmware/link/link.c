/* Endpoints of a device: each one's session, its control channel (HELLO, authentication, PING)
 * and the dispatch of the other channels to the handlers the device registered. */
#include "link.h"

#include <stdio.h>
#include <string.h>

void eave_link_device_init(eave_link_device *device, const eave_link_device_config *config) {
  memset(device, 0, sizeof *device);
  device->config = *config;
}

eave_link_status eave_link_register(eave_link_device *device, uint8_t channel,
                                    eave_link_handler handler, void *context) {
  if (channel == EAVE_CHANNEL_CONTROL || channel >= EAVE_LINK_CHANNELS) return EAVE_LINK_BAD_CHANNEL;
  device->channels[channel].handler = handler;
  device->channels[channel].context = context;
  return EAVE_LINK_OK;
}

int eave_link_endpoint_open(const eave_link_endpoint *endpoint) {
  return endpoint->session.state == EAVE_SESSION_ACTIVE && endpoint->authenticated &&
         !endpoint->closing;
}

static void reply(eave_link_endpoint *endpoint, const uint8_t *data, size_t length) {
  /* A full queue means a host that sends without reading; it will time out and reconnect. */
  (void)eave_session_send(&endpoint->session, EAVE_CHANNEL_CONTROL, data, length);
}

static void refuse(eave_link_endpoint *endpoint, uint8_t reason, const char *message, int close) {
  uint8_t out[2 + 1 + 255];
  reply(endpoint, out, eave_refused_encode(reason, message, out, sizeof out));
  if (close) {
    endpoint->closing = 1;
    endpoint->closing_since = endpoint->session.now;
  }
}

static void new_challenge(eave_link_endpoint *endpoint) {
  eave_link_device_config *config = &endpoint->device->config;
  config->random(config->context, endpoint->challenge, sizeof endpoint->challenge);
}

static void opened(eave_link_endpoint *endpoint) {
  eave_link_device_config *config = &endpoint->device->config;
  if (config->on_open != NULL) config->on_open(config->context, endpoint);
}

static void send_hello(eave_link_endpoint *endpoint) {
  eave_link_device_config *config = &endpoint->device->config;
  eave_hello hello = {EAVE_LINK_PROTOCOL_VERSION, 0, {0}, {0}, config->firmware, config->name, config->board};
  memcpy(hello.id, config->id, sizeof hello.id);
  if (endpoint->authenticated) {
    hello.flags = EAVE_HELLO_AUTHENTICATED;
  } else {
    hello.flags = EAVE_HELLO_AUTH_REQUIRED;
    memcpy(hello.challenge, endpoint->challenge, sizeof hello.challenge);
  }
  uint8_t out[4 + EAVE_DEVICE_ID_SIZE + EAVE_CHALLENGE_SIZE + 3 * 256];
  reply(endpoint, out, eave_hello_encode(&hello, out, sizeof out));
}

static void check_auth(eave_link_endpoint *endpoint, const uint8_t *mac) {
  eave_link_device_config *config = &endpoint->device->config;
  if (endpoint->authenticated) {
    uint8_t ok = EAVE_CONTROL_AUTH_OK;
    reply(endpoint, &ok, 1);
    return;
  }
  uint8_t expected[EAVE_SHA256_SIZE];
  eave_auth_mac(config->secret, config->secret_length, config->id, endpoint->challenge, expected);
  if (eave_equal_constant_time(mac, expected, sizeof expected)) {
    endpoint->authenticated = 1;
    uint8_t ok = EAVE_CONTROL_AUTH_OK;
    reply(endpoint, &ok, 1);
    opened(endpoint);
    return;
  }
  char message[160];
  snprintf(message, sizeof message,
           "wrong secret for device '%s': use the secret the device was given when it was flashed",
           config->name);
  refuse(endpoint, EAVE_REFUSED_WRONG_SECRET, message, endpoint->transport.can_close);
  if (!endpoint->transport.can_close) new_challenge(endpoint); /* no replaying guesses */
}

static void on_control(eave_link_endpoint *endpoint, const uint8_t *data, size_t length) {
  uint8_t type = length > 0 ? data[0] : 0;
  if (type == EAVE_CONTROL_HELLO_REQUEST && length >= 3) {
    unsigned version = (unsigned)data[1] | (unsigned)data[2] << 8;
    if (version != EAVE_LINK_PROTOCOL_VERSION) {
      char message[96];
      snprintf(message, sizeof message, "this device speaks link protocol %u, the host %u",
               EAVE_LINK_PROTOCOL_VERSION, version);
      refuse(endpoint, EAVE_REFUSED_PROTOCOL_VERSION, message, 0);
    }
    send_hello(endpoint);
  } else if (type == EAVE_CONTROL_AUTH && length == 1 + EAVE_SHA256_SIZE) {
    check_auth(endpoint, data + 1);
  } else if (type == EAVE_CONTROL_PING) {
    uint8_t out[EAVE_LINK_MAX_PAYLOAD];
    memcpy(out, data, length);
    out[0] = EAVE_CONTROL_PONG;
    reply(endpoint, out, length);
  } else if (!endpoint->authenticated) {
    refuse(endpoint, EAVE_REFUSED_AUTH_REQUIRED, "authenticate first (HELLO_REQUEST, then AUTH)",
           endpoint->transport.can_close);
  } else {
    refuse(endpoint, EAVE_REFUSED_BAD_MESSAGE, "malformed or unknown control message", 0);
  }
}

static int deliver(void *context, uint8_t channel, const uint8_t *data, size_t length) {
  eave_link_endpoint *endpoint = context;
  if (endpoint->closing) return 1; /* refused: nothing more is served */
  if (channel == EAVE_CHANNEL_CONTROL) {
    on_control(endpoint, data, length);
    return 1;
  }
  if (!endpoint->authenticated) {
    refuse(endpoint, EAVE_REFUSED_AUTH_REQUIRED, "authenticate first (HELLO_REQUEST, then AUTH)",
           endpoint->transport.can_close);
    return 1;
  }
  if (channel >= EAVE_LINK_CHANNELS || endpoint->device->channels[channel].handler == NULL) {
    return 1; /* nobody listens there: taken and dropped */
  }
  return endpoint->device->channels[channel].handler(endpoint->device->channels[channel].context,
                                                     endpoint, channel, data, length);
}

static void on_state(void *context, int started) {
  eave_link_endpoint *endpoint = context;
  endpoint->authenticated = started && !endpoint->transport.require_auth;
  if (!started) return;
  new_challenge(endpoint);
  if (endpoint->authenticated) opened(endpoint);
}

static void transport_write(void *context, const uint8_t *data, size_t length) {
  eave_link_endpoint *endpoint = context;
  endpoint->transport.write(endpoint->transport.context, data, length);
}

eave_link_status eave_link_endpoint_add(eave_link_device *device, eave_link_endpoint *endpoint,
                                        const eave_link_transport *transport) {
  for (size_t i = 0; i < EAVE_LINK_MAX_ENDPOINTS; i++) {
    if (device->endpoints[i] != NULL) continue;
    memset(endpoint, 0, sizeof *endpoint);
    endpoint->device = device;
    endpoint->transport = *transport;
    eave_session_callbacks callbacks = {endpoint, transport_write, deliver, on_state};
    eave_session_init(&endpoint->session, &callbacks, transport->timing);
    device->endpoints[i] = endpoint;
    return EAVE_LINK_OK;
  }
  return EAVE_LINK_NO_ROOM;
}

void eave_link_endpoint_remove(eave_link_endpoint *endpoint) {
  eave_link_device *device = endpoint->device;
  for (size_t i = 0; i < EAVE_LINK_MAX_ENDPOINTS; i++) {
    if (device->endpoints[i] == endpoint) device->endpoints[i] = NULL;
  }
  eave_session_end(&endpoint->session);
}

void eave_link_endpoint_receive(eave_link_endpoint *endpoint, const uint8_t *data, size_t length,
                                uint32_t now) {
  eave_session_receive(&endpoint->session, data, length, now);
}

void eave_link_endpoint_tick(eave_link_endpoint *endpoint, uint32_t now) {
  eave_session_tick(&endpoint->session, now);
}

int eave_link_endpoint_should_close(const eave_link_endpoint *endpoint, uint32_t now) {
  return endpoint->closing && (eave_session_idle(&endpoint->session) ||
                               now - endpoint->closing_since >= EAVE_LINK_REFUSE_LINGER_MS);
}

eave_link_status eave_link_send(eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data,
                                size_t length) {
  if (channel >= EAVE_LINK_CHANNELS) return EAVE_LINK_BAD_CHANNEL;
  if (!eave_link_endpoint_open(endpoint)) return EAVE_LINK_NOT_OPEN;
  return eave_session_send(&endpoint->session, channel, data, length);
}

int eave_link_broadcast(eave_link_device *device, uint8_t channel, const uint8_t *data,
                        size_t length) {
  int queued = 0;
  for (size_t i = 0; i < EAVE_LINK_MAX_ENDPOINTS; i++) {
    eave_link_endpoint *endpoint = device->endpoints[i];
    if (endpoint != NULL && eave_link_send(endpoint, channel, data, length) == EAVE_LINK_OK) queued++;
  }
  return queued;
}
