/* The board firmware's main: brings the board up, reads its device configuration, opens the
 * program store and the VM behind the management protocol (device.h), and serves the device
 * link on the board's serial line, the one trusted endpoint (like eave-sim's pty). Portable: all
 * it knows of the hardware comes through board.h. The main loop feeds received bytes to the
 * link, runs its timers, steps the containers, and sleeps until the next interrupt (a received
 * byte or the millisecond tick) when nothing runs. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "crc32.h"
#include "debug_agent.h"
#include "device.h"
#include "link.h"
#include "sha256.h"
#include "store.h"

#ifndef EAVE_FIRMWARE_VERSION
#error "EAVE_FIRMWARE_VERSION comes from the build (firmware/cmake/board.cmake)"
#endif
#ifndef EAVE_BOARD_ID
#error "EAVE_BOARD_ID comes from the build (firmware/cmake/board.cmake)"
#endif

/* The device configuration blob (io.eave.flash.DeviceConfig): fixed offsets, little-endian. */
#define CONFIG_VERSION 1u
#define CONFIG_NAME_OFFSET 0x08u
#define CONFIG_NAME_SIZE 64u /* 1..63 bytes and a NUL */
#define CONFIG_SECRET_OFFSET 0x48u
#define CONFIG_SECRET_SIZE 32u
#define CONFIG_CRC_OFFSET 0x7Cu
_Static_assert(CONFIG_CRC_OFFSET + 4u == EAVE_BOARD_CONFIG_SIZE, "the CRC ends the configuration");

/* Bytes taken from the UART ring per read: the ring keeps the rest for the next round. */
#define RECEIVE_CHUNK 64u

/* Room a message takes in an endpoint's send queue: its bytes and a 3-byte header. */
#define QUEUED_SIZE(length) ((length) + 3u)

/* Everything the firmware keeps; one per image, in .bss (too large for the stack). */
typedef struct {
  char name[CONFIG_NAME_SIZE];
  uint8_t secret[CONFIG_SECRET_SIZE];
  bool configured;       /* false: no valid configuration, the defaults are used */
  uint32_t random;       /* xorshift32 state */
  uint32_t last_millis;  /* the board's 32-bit clock, extended to 64 bits below */
  uint64_t millis;
  eave_link_device link;
  eave_link_endpoint serial;
  eave_store store;
  eave_device device;
  eave_debug_agent *agent; /* the debug channel (vm-debug-agent) */
} firmware;

static void write_text(const char *text) {
  board_uart_write((const uint8_t *)text, strlen(text));
}

static uint64_t firmware_millis(firmware *fw) {
  uint32_t now = board_millis();
  fw->millis += (uint32_t)(now - fw->last_millis);
  fw->last_millis = now;
  return fw->millis;
}

/* Name and secret from the configuration written when flashing; defaults when it is missing
 * (the board was started without one) or damaged. */
static void read_config(firmware *fw) {
  const uint8_t *config = board_device_config();
  uint32_t crc = 0;
  if (config != NULL) {
    memcpy(&crc, config + CONFIG_CRC_OFFSET, sizeof crc); /* both boards are little-endian */
  }
  fw->configured = config != NULL && memcmp(config, "EAVC", 4) == 0 && config[4] == CONFIG_VERSION && config[5] == 0 &&
                   config[6] == EAVE_BOARD_CONFIG_SIZE && config[7] == 0 &&
                   eave_crc32(config, CONFIG_CRC_OFFSET) == crc && config[CONFIG_NAME_OFFSET] != 0 &&
                   config[CONFIG_NAME_OFFSET + CONFIG_NAME_SIZE - 1] == 0;
  if (fw->configured) {
    memcpy(fw->name, config + CONFIG_NAME_OFFSET, CONFIG_NAME_SIZE);
    memcpy(fw->secret, config + CONFIG_SECRET_OFFSET, CONFIG_SECRET_SIZE);
  } else {
    snprintf(fw->name, sizeof fw->name, "%s", EAVE_BOARD_ID);
    memset(fw->secret, 0, sizeof fw->secret);
  }
}

/* Challenges for authentication. Only used when the serial line requires it, which the boards
 * do not (physical access is trusted); not cryptographic: the clock and the secret seed it. */
static void firmware_random(void *context, uint8_t *out, size_t length) {
  firmware *fw = context;
  for (size_t i = 0; i < length; i++) {
    uint32_t x = fw->random ^ board_millis();
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    fw->random = x;
    out[i] = (uint8_t)x;
  }
}

static void on_open(void *context, eave_link_endpoint *endpoint) {
  firmware *fw = context;
  (void)endpoint;
  char line[192];
  int length = snprintf(line, sizeof line,
                        "eave '%s' ready: firmware %s on %s, %lu program(s) installed\n",
                        fw->name, EAVE_FIRMWARE_VERSION, board_name(), (unsigned long)eave_store_count(&fw->store));
  if (length > (int)sizeof line - 1) length = (int)sizeof line - 1;
  eave_manage_console(&fw->device.manage, "", EAVE_STREAM_SYSTEM, (const uint8_t *)line, (size_t)length);
}

static int management(void *context, eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data,
                      size_t length) {
  firmware *fw = context;
  (void)endpoint;
  (void)channel;
  eave_device_management(&fw->device, data, length);
  return 1;
}

static int debug(void *context, eave_link_endpoint *endpoint, uint8_t channel, const uint8_t *data, size_t length) {
  firmware *fw = context;
  (void)endpoint;
  (void)channel;
  eave_debug_agent_handle(fw->agent, data, length);
  return 1;
}

static void serial_write(void *context, const uint8_t *data, size_t length) {
  (void)context;
  board_uart_write(data, length);
}

/* The device's output goes to the serial host when one has the line open; with none it is
 * dropped (as eave-sim does), so a program printing with nobody listening never stalls. False
 * only when the host is there but its queue is full: the device keeps the message and retries. */
static bool device_send(void *context, uint8_t channel, const uint8_t *bytes, size_t length) {
  firmware *fw = context;
  if (!eave_link_endpoint_open(&fw->serial)) return true;
  if (fw->serial.session.queue_used + QUEUED_SIZE(length) > EAVE_LINK_TX_QUEUE_SIZE) return false;
  return eave_link_send(&fw->serial, channel, bytes, length) == EAVE_LINK_OK;
}

/* The VM's memory: picolibc's malloc over the heap the linker script leaves between .bss and
 * the stack (docs/firmware.md, "Memory"). */
static void *device_alloc(void *context, size_t size) {
  (void)context;
  return malloc(size);
}

static void device_free(void *context, void *pointer, size_t size) {
  (void)context;
  (void)size;
  free(pointer);
}

static uint64_t device_millis(void *context) {
  return firmware_millis(context);
}

static bool debug_send(void *context, const uint8_t *bytes, size_t length) {
  return device_send(context, EAVE_CHANNEL_DEBUG, bytes, length);
}

/* Installed images run in place from the store's memory. */
static bool debug_installed(void *context, const char *name, const uint8_t **bytes, size_t *length) {
  firmware *fw = context;
  uint32_t size = 0;
  if (eave_store_image(&fw->store, name, bytes, &size) != EAVE_STORE_OK) return false;
  *length = size;
  return true;
}

static _Noreturn void fail(const char *why) {
  write_text("eave firmware: ");
  write_text(why);
  write_text("\r\n");
  board_exit(1);
}

static void start(firmware *fw) {
  read_config(fw);
  fw->last_millis = board_millis();
  fw->random = eave_crc32(fw->secret, sizeof fw->secret) ^ 0x9E3779B9u;

  eave_link_device_config config = {fw->name, EAVE_FIRMWARE_VERSION, board_name(), {0}, fw->secret,
                                    fw->configured ? sizeof fw->secret : 0, fw, firmware_random, on_open};
  /* The device id: the first bytes of SHA-256("eave-board:" board ":" name), stable per name. */
  eave_sha256 sha;
  uint8_t digest[EAVE_SHA256_SIZE];
  eave_sha256_init(&sha);
  eave_sha256_update(&sha, (const uint8_t *)"eave-board:" EAVE_BOARD_ID ":", strlen("eave-board:" EAVE_BOARD_ID ":"));
  eave_sha256_update(&sha, (const uint8_t *)fw->name, strlen(fw->name));
  eave_sha256_final(&sha, digest);
  memcpy(config.id, digest, EAVE_DEVICE_ID_SIZE);
  eave_link_device_init(&fw->link, &config);

  eave_store_status status = eave_store_open(&fw->store, board_store(), NULL);
  if (status != EAVE_STORE_OK) fail(eave_store_status_name(status));

  eave_device_port port = {fw, device_alloc, device_free, device_millis, device_send};
  if (!eave_device_init(&fw->device, &fw->store, &port)) fail("no memory for the VM");
  eave_link_register(&fw->link, EAVE_CHANNEL_MANAGEMENT, management, fw);
  eave_debug_agent_port debug_port = {fw, debug_send, debug_installed};
  fw->agent = eave_debug_agent_new(fw->device.vm, &debug_port);
  if (fw->agent == NULL) fail("no memory for the debug agent");
  eave_link_register(&fw->link, EAVE_CHANNEL_DEBUG, debug, fw);
  eave_link_transport serial = {0, 0, {EAVE_LINK_SERIAL_RETRANSMIT_MS, EAVE_LINK_SERIAL_MAX_RETRIES}, fw,
                                serial_write};
  if (eave_link_endpoint_add(&fw->link, &fw->serial, &serial) != EAVE_LINK_OK) fail("cannot serve the serial line");
  eave_device_start(&fw->device);
}

int main(void) {
  static firmware fw;
  board_init();
  start(&fw);
  /* Plain text before the first frame: a terminal shows it, the link skips it as noise. */
  write_text("eave firmware " EAVE_FIRMWARE_VERSION " on ");
  write_text(board_name());
  write_text(": device '");
  write_text(fw.name);
  write_text(fw.configured ? "'" : "' (no device configuration: default name)");
  write_text(", device link on this line\r\n");
  for (;;) {
    uint8_t chunk[RECEIVE_CHUNK];
    size_t received;
    while ((received = board_uart_read(chunk, sizeof chunk)) > 0) {
      eave_link_endpoint_receive(&fw.serial, chunk, received, board_millis());
    }
    eave_link_endpoint_tick(&fw.serial, board_millis());
    uint64_t wake = 0;
    eave_debug_agent_poll(fw.agent);
    if (eave_device_step(&fw.device, &wake) != EAVE_STEP_RAN) board_idle();
  }
}
