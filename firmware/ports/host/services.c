/* The simulated device's services: the program store on a file, the VM behind the management
 * protocol (firmware/device/device.h), its console output to every connected host, the debug
 * agent on the debug channel (vm-debug-agent), and a line on the console when a host opens a
 * session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

/* Room a message takes in an endpoint's send queue: its bytes and a 3-byte header. */
#define QUEUED_SIZE(length) ((length) + 3u)

static void on_open(void *context, eave_link_endpoint *endpoint) {
  sim *s = context;
  (void)endpoint;
  char line[256];
  int length = snprintf(line, sizeof line, "eave-sim '%s' ready: firmware %s, store %s\n", s->options.name,
                        s->device.config.firmware, s->store_path);
  eave_manage_console(&s->device_vm.manage, "", EAVE_STREAM_SYSTEM, (const uint8_t *)line, (size_t)length);
}

static int management(void *context, eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data,
                      size_t length) {
  sim *s = context;
  (void)endpoint;
  (void)channel;
  eave_device_management(&s->device_vm, data, length);
  return 1;
}

/* Sends to every open endpoint, or to none: a message is queued only when all have room, so a
 * retry never duplicates it on the endpoints that took it the first time. */
static bool send_all(void *context, uint8_t channel, const uint8_t *bytes, size_t length) {
  sim *s = context;
  eave_link_device *device = &s->device;
  for (size_t i = 0; i < EAVE_LINK_MAX_ENDPOINTS; i++) {
    eave_link_endpoint *e = device->endpoints[i];
    if (e != NULL && eave_link_endpoint_open(e) &&
        e->session.queue_used + QUEUED_SIZE(length) > EAVE_LINK_TX_QUEUE_SIZE) {
      return false;
    }
  }
  eave_link_broadcast(device, channel, bytes, length);
  return true;
}

static int debug(void *context, eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data, size_t length) {
  sim *s = context;
  (void)endpoint;
  (void)channel;
  eave_debug_agent_handle(s->agent, data, length);
  return 1;
}

static bool debug_send(void *context, const uint8_t *bytes, size_t length) {
  return send_all(context, EAVE_CHANNEL_DEBUG, bytes, length);
}

/* Installed images run in place from the store file's mapping. */
static bool debug_installed(void *context, const char *name, const uint8_t **bytes, size_t *length) {
  sim *s = context;
  uint32_t size = 0;
  if (eave_store_image(&s->store, name, bytes, &size) != EAVE_STORE_OK) return false;
  *length = size;
  return true;
}

static void *sim_alloc(void *context, size_t size) {
  (void)context;
  return malloc(size);
}

static void sim_free(void *context, void *pointer, size_t size) {
  (void)context;
  (void)size;
  free(pointer);
}

static uint64_t sim_millis(void *context) {
  (void)context;
  return sim_now();
}

int sim_services_init(sim *s) {
  s->device.config.on_open = on_open;
  if (!eave_host_file_storage_open(&s->storage, s->store_path, SIM_STORE_SECTOR_SIZE, SIM_STORE_SECTORS)) {
    fprintf(stderr, "eave-sim: cannot open the program store %s: %s\n", s->store_path, s->storage.error);
    return -1;
  }
  eave_store_status status = eave_store_open(&s->store, &s->storage.storage, NULL);
  if (status != EAVE_STORE_OK) {
    fprintf(stderr, "eave-sim: the program store %s is unusable (%s): move it away to start empty\n", s->store_path,
            eave_store_status_name(status));
    return -1;
  }
  eave_device_port port = {s, sim_alloc, sim_free, sim_millis, send_all};
  if (!eave_device_init(&s->device_vm, &s->store, &port)) {
    fprintf(stderr, "eave-sim: no memory for the VM\n");
    return -1;
  }
  eave_link_register(&s->device, EAVE_CHANNEL_MANAGEMENT, management, s);
  eave_debug_agent_port debug_port = {s, debug_send, debug_installed};
  s->agent = eave_debug_agent_new(s->device_vm.vm, &debug_port);
  if (s->agent == NULL) {
    fprintf(stderr, "eave-sim: no memory for the debug agent\n");
    return -1;
  }
  eave_link_register(&s->device, EAVE_CHANNEL_DEBUG, debug, s);
  uint32_t started = eave_device_start(&s->device_vm);
  if (started > 0) fprintf(stderr, "eave-sim: started %u run-on-boot container(s)\n", (unsigned)started);
  return 0;
}

int sim_services_step(sim *s) {
  uint64_t wake = 0;
  eave_debug_agent_poll(s->agent);
  eave_step step = eave_device_step(&s->device_vm, &wake);
  eave_debug_agent_poll(s->agent);
  if (step == EAVE_STEP_RAN) return 0;
  if (step == EAVE_STEP_IDLE) {
    uint64_t now = sim_now();
    uint64_t wait = wake > now ? wake - now : 0;
    return wait < SIM_TICK_MS ? (int)wait : SIM_TICK_MS;
  }
  return SIM_TICK_MS;
}
