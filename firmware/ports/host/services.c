/* What the simulated device does on its channels until the VM takes them over: a console line
 * when a host opens a session, and console input echoed back (so a host can see both
 * directions work). The VM registers its own handlers for management, console and debug with
 * eave_link_register and sends with eave_link_send / eave_link_broadcast (firmware/link/link.h). */
#include <stdio.h>
#include <string.h>

#include "sim.h"

static void on_open(void *context, eave_link_endpoint *endpoint) {
  sim *s = context;
  char line[256];
  int length = snprintf(line, sizeof line, "eave-sim '%s' started: firmware %s, store %s\n", s->options.name,
                        s->device.config.firmware, s->store_path);
  eave_link_send(endpoint, EAVE_CHANNEL_CONSOLE, (const uint8_t *)line, (size_t)length);
}

static int console_input(void *context, eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data,
                         size_t length) {
  (void)context;
  uint8_t echo[EAVE_LINK_MAX_PAYLOAD];
  size_t prefix = strlen("echo: ");
  if (length > sizeof echo - prefix) length = sizeof echo - prefix;
  memcpy(echo, "echo: ", prefix);
  memcpy(echo + prefix, data, length);
  /* Not taken while the host's queue is full: the host sends it again. */
  return eave_link_send(endpoint, channel, echo, prefix + length) != EAVE_LINK_BUSY;
}

void sim_services_init(sim *s) {
  s->device.config.on_open = on_open;
  eave_link_register(&s->device, EAVE_CHANNEL_CONSOLE, console_input, s);
}
