/* The management handler with a fake VM that counts calls: install, list, start, stop, replace,
 * errors with their messages, run-on-boot at device_boot, crash events with traces, restart of a
 * container whose image the store's compaction moves, console splitting, malformed requests. */
#include <inttypes.h>

#include "manage.h"
#include "ram_storage.h"
#include "store_testing.h"

typedef struct {
  int verifies, starts, stops;
  char last_started[40], last_stopped[40];
  const uint8_t *last_bytes;
  bool live[8];
} fake_vm;

static bool fake_verify(void *context, const uint8_t *bytes, size_t length, char *error, size_t size) {
  fake_vm *vm = context;
  vm->verifies++;
  if (length > 0 && bytes[0] == 'X') {
    snprintf(error, size, "bad magic at offset 0");
    return false;
  }
  return true;
}
static bool fake_start(void *context, const char *name, const uint8_t *bytes, size_t length, uint32_t argc,
                       const char *const *args, char *error, size_t size) {
  (void)length; (void)argc; (void)args; (void)error; (void)size;
  fake_vm *vm = context;
  vm->starts++;
  snprintf(vm->last_started, sizeof vm->last_started, "%s", name);
  vm->last_bytes = bytes;
  return true;
}
static bool fake_stop(void *context, const char *name) {
  fake_vm *vm = context;
  vm->stops++;
  snprintf(vm->last_stopped, sizeof vm->last_stopped, "%s", name);
  return true;
}
static bool fake_status(void *context, const char *name, eave_manage_vm_status *out) {
  (void)context; (void)name;
  *out = (eave_manage_vm_status){true, false, 1000, 16384};
  return true;
}

/* Everything sent, as (channel, bytes). */
static uint8_t sent[64][EAVE_MANAGE_MAX_MESSAGE];
static size_t sent_length[64];
static uint8_t sent_channel[64];
static int sent_count;
static uint64_t now_ms = 1000;

static bool port_send(void *context, uint8_t channel, const uint8_t *bytes, size_t length) {
  (void)context;
  if (sent_count < 64) {
    memcpy(sent[sent_count], bytes, length);
    sent_length[sent_count] = length;
    sent_channel[sent_count++] = channel;
  }
  return true;
}
static uint64_t port_millis(void *context) { (void)context; return now_ms; }

static eave_manage m;

/* Sends a request built with the writer; returns the index of the first message sent in reply. */
static int request(const uint8_t *bytes, size_t length) {
  int first = sent_count;
  eave_manage_handle(&m, bytes, length);
  return first;
}

static int simple(uint8_t type, uint32_t id, const char *name, int flag) {
  uint8_t buf[64];
  eave_writer w;
  eave_writer_init(&w, buf, sizeof buf);
  eave_write_u8(&w, type);
  eave_write_varint(&w, id);
  if (name) eave_write_text(&w, name, strlen(name), 64);
  if (type == EAVE_REQ_START) eave_write_varint(&w, 0);
  if (type == EAVE_REQ_LIST) eave_write_varint(&w, 0);
  if (flag >= 0) eave_write_u8(&w, (uint8_t)flag);
  return request(buf, w.length);
}

/* The error code of reply `i` (0 when it is not an ERROR), checking its request id. */
static int error_code(int i, uint32_t id) {
  if (sent[i][0] != EAVE_RSP_ERROR) return 0;
  EXPECT(sent[i][1] == id, "request id %u", sent[i][1]);
  return sent[i][2];
}
static const char *error_text(int i) {
  static char text[200];
  size_t n = sent[i][3];
  memcpy(text, &sent[i][4], n);
  text[n] = 0;
  return text;
}

static int install_image(const char *name, const uint8_t *image, uint32_t size, bool boot, uint32_t crc) {
  uint8_t buf[600];
  eave_writer w;
  eave_writer_init(&w, buf, sizeof buf);
  eave_write_u8(&w, EAVE_REQ_INSTALL_BEGIN);
  eave_write_varint(&w, 1);
  eave_write_text(&w, name, strlen(name), 64);
  eave_write_varint(&w, size);
  for (int i = 0; i < 4; i++) eave_write_u8(&w, (uint8_t)(crc >> (8 * i)));
  eave_write_u8(&w, boot ? 1 : 0);
  int r = request(buf, w.length);
  if (sent[r][0] != EAVE_RSP_OK) return r;
  for (uint32_t off = 0; off < size; off += EAVE_MANAGE_MAX_CHUNK) {
    uint32_t n = size - off < EAVE_MANAGE_MAX_CHUNK ? size - off : EAVE_MANAGE_MAX_CHUNK;
    eave_writer_init(&w, buf, sizeof buf);
    eave_write_u8(&w, EAVE_REQ_INSTALL_DATA);
    eave_write_varint(&w, 2);
    eave_write_varint(&w, off);
    eave_write_varint(&w, n);
    memcpy(buf + w.length, image + off, n);
    r = request(buf, w.length + n);
    if (sent[r][0] != EAVE_RSP_OK) return r;
  }
  return simple(EAVE_REQ_INSTALL_END, 3, NULL, -1);
}

static uint8_t flash[1024 * 8];
static uint8_t img1[1500], img2[700], bad[100];

int main(void) {
  make_image(img1, sizeof img1, 1);
  make_image(img2, sizeof img2, 2);
  make_image(bad, sizeof bad, 3);
  bad[0] = 'X';
  eave_ram_storage ram;
  eave_ram_storage_init(&ram, flash, 1024, 8, 4, true);
  eave_store store;
  EXPECT_STATUS(eave_store_open(&store, &ram.storage, NULL), EAVE_STORE_OK);
  fake_vm vm = {0};
  eave_manage_port port = {NULL, port_send, port_millis};
  eave_manage_vm vmi = {&vm, fake_verify, fake_start, fake_stop, fake_status};
  eave_manage_init(&m, &store, &port, &vmi);

  int r = install_image("blink", img1, sizeof img1, false, eave_crc32(img1, sizeof img1));
  EXPECT(sent[r][0] == EAVE_RSP_INSTALLED && memcmp(&sent[r][2], img1 + 16, 16) == 0, "INSTALLED with the image id");
  EXPECT(vm.verifies == 1, "verified once");

  r = install_image("bad", bad, sizeof bad, false, eave_crc32(bad, sizeof bad));
  EXPECT(error_code(r, 3) == EAVE_MERR_INVALID_IMAGE, "invalid image refused");
  EXPECT(strstr(error_text(r), "bad magic at offset 0") != NULL, "%s", error_text(r));
  r = install_image("corrupt", img2, sizeof img2, false, 1234);
  EXPECT(error_code(r, 3) == EAVE_MERR_CRC_MISMATCH, "CRC mismatch refused: %s", error_text(r));
  EXPECT(eave_store_count(&store) == 1, "only blink installed");

  r = simple(EAVE_REQ_START, 5, "nope", -1);
  EXPECT(error_code(r, 5) == EAVE_MERR_NO_SUCH_CONTAINER, "unknown container");
  EXPECT(strcmp(error_text(r), "no container named 'nope': install it first") == 0, "%s", error_text(r));

  r = simple(EAVE_REQ_START, 6, "blink", -1);
  EXPECT(sent[r][0] == EAVE_EVT_STARTED && sent[r + 1][0] == EAVE_RSP_OK, "STARTED then OK");
  EXPECT(vm.starts == 1 && strcmp(vm.last_started, "blink") == 0, "the VM started blink");
  EXPECT(vm.last_bytes == flash + store.entries[0].record + 96, "runs in place");
  r = simple(EAVE_REQ_START, 7, "blink", -1);
  EXPECT(error_code(r, 7) == EAVE_MERR_ALREADY_RUNNING, "already running");

  now_ms += 2500;
  r = simple(EAVE_REQ_LIST, 8, NULL, -1);
  EXPECT(sent[r][0] == EAVE_RSP_LIST && sent[r][2] == 1 && sent[r][3] == 1, "one entry");
  EXPECT(sent[r][4] == 5 && memcmp(&sent[r][5], "blink", 5) == 0, "blink listed");
  EXPECT(sent[r][5 + 5 + 16 + 2] == EAVE_STATE_RUNNING, "running");

  r = simple(EAVE_REQ_STOP, 9, "blink", -1);
  EXPECT(sent[r][0] == EAVE_RSP_OK && vm.stops == 1, "stopped");
  eave_manage_exit stopped = {EAVE_END_STOPPED, -1, NULL, 0, NULL};
  eave_manage_exited(&m, "blink", &stopped);
  EXPECT(sent[sent_count - 1][0] == EAVE_EVT_EXITED, "EXITED event");
  EXPECT(strcmp(m.containers[0].reason, "stopped by the host") == 0 && m.containers[0].state == EAVE_STATE_EXITED,
         "reason %s", m.containers[0].reason);
  r = simple(EAVE_REQ_STOP, 10, "blink", -1);
  EXPECT(error_code(r, 10) == EAVE_MERR_NOT_RUNNING, "not running");

  /* A crash: the EXITED event carries the trace, LIST says crashed. */
  simple(EAVE_REQ_START, 11, "blink", -1);
  uint32_t trace[] = {3, 17, 0, 200};
  eave_manage_exit crash = {EAVE_END_EXCEPTION, 1, "division by zero", 2, trace};
  eave_manage_exited(&m, "blink", &crash);
  const uint8_t *ev = sent[sent_count - 1];
  size_t evn = sent_length[sent_count - 1];
  EXPECT(ev[0] == EAVE_EVT_EXITED && ev[evn - 6] == 2 && ev[evn - 5] == 3 && ev[evn - 4] == 17, "trace in the event");
  EXPECT(m.containers[0].state == EAVE_STATE_CRASHED, "crashed");
  EXPECT(strcmp(m.containers[0].reason, "uncaught exception: division by zero") == 0, "%s", m.containers[0].reason);

  /* Replace while running stops the old one first. */
  simple(EAVE_REQ_START, 12, "blink", -1);
  int stops = vm.stops;
  r = install_image("blink", img2, sizeof img2, false, eave_crc32(img2, sizeof img2));
  EXPECT(sent[r][0] == EAVE_RSP_INSTALLED && vm.stops == stops + 1, "replaced, old one stopped");
  eave_manage_exited(&m, "blink", &stopped);
  EXPECT(strcmp(m.containers[0].reason, "replaced by a new install") == 0, "%s", m.containers[0].reason);

  /* Run on boot: a fresh manager over the reopened store starts only flagged entries. */
  install_image("other", img2, 300, false, eave_crc32(img2, 300));
  r = simple(EAVE_REQ_SET_RUN_ON_BOOT, 13, "blink", 1);
  EXPECT(sent[r][0] == EAVE_RSP_OK, "flag set");
  EXPECT_STATUS(eave_store_open(&store, &ram.storage, NULL), EAVE_STORE_OK);
  memset(&vm, 0, sizeof vm);
  eave_manage_init(&m, &store, &port, &vmi);
  EXPECT(eave_device_boot(&m) == 1 && vm.starts == 1 && strcmp(vm.last_started, "blink") == 0, "boot starts blink");

  /* Compaction moves blink's image: it is stopped, then restarted from its new place. */
  const uint8_t *before = vm.last_bytes;
  for (int i = 0; i < 6 && vm.stops == 0; i++) {
    install_image("other", img1, sizeof img1, false, eave_crc32(img1, sizeof img1));
  }
  EXPECT(vm.stops == 1 && strcmp(vm.last_stopped, "blink") == 0, "moved image stops blink (%d stops)", vm.stops);
  eave_manage_exited(&m, "blink", &stopped);
  EXPECT(vm.starts == 2 && vm.last_bytes != before, "restarted from the new place");
  EXPECT(memcmp(vm.last_bytes, img2, sizeof img2) == 0, "same image");

  /* Uninstall while running. */
  r = simple(EAVE_REQ_UNINSTALL, 14, "blink", -1);
  EXPECT(sent[r][0] == EAVE_RSP_OK && vm.stops == 2, "uninstalled and stopped");
  EXPECT(eave_store_find(&store, "blink") == NULL, "gone");

  /* Console output longer than a message is split. */
  char text[1200];
  memset(text, 'a', sizeof text);
  int before_console = sent_count;
  eave_manage_console(&m, "blink", EAVE_STREAM_STDOUT, (const uint8_t *)text, sizeof text);
  EXPECT(sent_count - before_console == 3 && sent_channel[before_console] == EAVE_CONSOLE_CHANNEL, "3 console messages");

  /* Malformed and unknown requests. */
  uint8_t junk[] = {0x3E, 0x05};
  r = request(junk, sizeof junk);
  EXPECT(error_code(r, 5) == EAVE_MERR_UNKNOWN_REQUEST, "unknown request");
  uint8_t trailing[] = {0x04, 0x09, 0x00};
  r = request(trailing, sizeof trailing);
  EXPECT(error_code(r, 9) == EAVE_MERR_MALFORMED, "malformed");
  EXPECT(m.dropped == 0, "nothing dropped");

  if (failures == 0) printf("manage: all tests passed\n");
  return failures == 0 ? 0 : 1;
}
