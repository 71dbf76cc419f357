/* The host side of the board boot test (qemu-boot-test.sh), with the link library's own session:
 *   qemu_boot_probe config FILE NAME        writes a device configuration naming the device NAME
 *                                           (the format of io.eave.flash.DeviceConfig)
 *   qemu_boot_probe check PORT NAME BOARD   connects to QEMU's serial line on 127.0.0.1:PORT,
 *                                           expects the firmware's banner, a HELLO naming NAME and
 *                                           BOARD, the console's ready line and an answer to a
 *                                           management INFO request.
 * Host-only (POSIX sockets). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "crc32.h"
#include "link.h"
#include "../link/tests/testing.h"

/* Messages kept per run: HELLO, the console line, the INFO answer and some slack. */
#define MAX_MESSAGES 16
/* How long each expectation may take: QEMU boots in well under a second. */
#define WAIT_MS 5000u

typedef struct {
  int fd;
  eave_session session;
  uint8_t messages[MAX_MESSAGES][EAVE_LINK_MAX_PAYLOAD];
  size_t lengths[MAX_MESSAGES];
  uint8_t channels[MAX_MESSAGES];
  int count;
} host;

static uint32_t now_ms(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint32_t)((uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u);
}

static void host_write(void *context, const uint8_t *data, size_t length) {
  host *h = context;
  if (write(h->fd, data, length) != (ssize_t)length) perror("write");
}

static int host_deliver(void *context, uint8_t channel, const uint8_t *data, size_t length) {
  host *h = context;
  if (h->count < MAX_MESSAGES) {
    memcpy(h->messages[h->count], data, length);
    h->lengths[h->count] = length;
    h->channels[h->count] = channel;
    h->count++;
  }
  return 1;
}

static int find(const host *h, uint8_t channel, int type, const char *text) {
  for (int i = 0; i < h->count; i++) {
    if (h->channels[i] != channel || (type >= 0 && h->messages[i][0] != type)) continue;
    if (text == NULL || memmem(h->messages[i], h->lengths[i], text, strlen(text)) != NULL) return i;
  }
  return -1;
}

static int wait_for(host *h, uint8_t channel, int type, const char *text) {
  uint32_t start = now_ms();
  while (now_ms() - start < WAIT_MS) {
    int found = find(h, channel, type, text);
    if (found >= 0) return found;
    struct pollfd p = {h->fd, POLLIN, 0};
    if (poll(&p, 1, 5) > 0) {
      uint8_t buffer[1024];
      ssize_t n = read(h->fd, buffer, sizeof buffer);
      if (n <= 0) return -1;
      eave_session_receive(&h->session, buffer, (size_t)n, now_ms());
    }
    eave_session_tick(&h->session, now_ms());
  }
  return -1;
}

/* Reads the plain-text banner the firmware prints before it speaks the link. */
static int read_banner(int fd, char *line, size_t capacity) {
  size_t used = 0;
  uint32_t start = now_ms();
  while (used + 1 < capacity && now_ms() - start < WAIT_MS) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    char c;
    if (read(fd, &c, 1) != 1) break;
    if (c == '\n') {
      line[used] = 0;
      return 0;
    }
    if (c != '\r') line[used++] = c;
  }
  line[used] = 0;
  return -1;
}

static int write_config(const char *path, const char *name) {
  uint8_t blob[128] = {'E', 'A', 'V', 'C', 1, 0, 128, 0};
  if (strlen(name) == 0 || strlen(name) > 63) return 2;
  memcpy(blob + 0x08, name, strlen(name));
  for (int i = 0; i < 32; i++) blob[0x48 + i] = (uint8_t)(i * 7 + 1); /* a secret; serial does not ask for it */
  uint32_t crc = eave_crc32(blob, 0x7C);
  for (int i = 0; i < 4; i++) blob[0x7C + i] = (uint8_t)(crc >> (8 * i));
  FILE *file = fopen(path, "wb");
  if (file == NULL || fwrite(blob, 1, sizeof blob, file) != sizeof blob || fclose(file) != 0) {
    perror(path);
    return 1;
  }
  return 0;
}

static int check(int port, const char *name, const char *board) {
  testing t = {0};
  static host h;
  h.fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  uint32_t start = now_ms();
  while (connect(h.fd, (struct sockaddr *)&address, sizeof address) != 0) {
    if (now_ms() - start > WAIT_MS) {
      perror("connect");
      return 1;
    }
    close(h.fd);
    h.fd = socket(AF_INET, SOCK_STREAM, 0);
    usleep(50000); /* QEMU is still starting */
  }
  char banner[256];
  char expected[128];
  snprintf(expected, sizeof expected, ": device '%s', device link on this line", name);
  EXPECT(&t, read_banner(h.fd, banner, sizeof banner) == 0, "a banner line within %u ms", WAIT_MS);
  EXPECT(&t, strncmp(banner, "eave firmware ", 14) == 0 && strstr(banner, board) != NULL && strstr(banner, expected) != NULL,
         "the banner names the board and the configured device: '%s'", banner);

  eave_session_callbacks callbacks = {&h, host_write, host_deliver, NULL};
  eave_session_init(&h.session, &callbacks, (eave_session_timing){EAVE_LINK_SERIAL_RETRANSMIT_MS, EAVE_LINK_SERIAL_MAX_RETRIES});
  eave_session_start(&h.session, now_ms() | 1u, now_ms());
  uint8_t hello_request[3] = {EAVE_CONTROL_HELLO_REQUEST, EAVE_LINK_PROTOCOL_VERSION, 0};
  eave_session_send(&h.session, EAVE_CHANNEL_CONTROL, hello_request, sizeof hello_request);
  int hello = wait_for(&h, EAVE_CHANNEL_CONTROL, EAVE_CONTROL_HELLO, NULL);
  EXPECT(&t, hello >= 0, "HELLO over the link");
  if (hello >= 0) {
    EXPECT(&t, (h.messages[hello][3] & EAVE_HELLO_AUTHENTICATED) != 0, "the serial line is trusted");
    EXPECT(&t, memmem(h.messages[hello], h.lengths[hello], name, strlen(name)) != NULL, "HELLO names the device '%s'", name);
    EXPECT(&t, memmem(h.messages[hello], h.lengths[hello], board, strlen(board)) != NULL, "HELLO names the board '%s'", board);
  }
  EXPECT(&t, wait_for(&h, EAVE_CHANNEL_CONSOLE, -1, "ready") >= 0, "the console says the device is ready");
  const uint8_t info[] = {0x01, 0x07}; /* INFO, request id 7 (docs/management-protocol.md) */
  eave_session_send(&h.session, EAVE_CHANNEL_MANAGEMENT, info, sizeof info);
  int answer = wait_for(&h, EAVE_CHANNEL_MANAGEMENT, 0x41, NULL);
  EXPECT(&t, answer >= 0 && h.messages[answer][1] == 0x07, "management answers INFO with its request id");
  close(h.fd);
  printf("%s\n", banner);
  return testing_finish(&t, board);
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "config") == 0) return write_config(argv[2], argv[3]);
  if (argc == 5 && strcmp(argv[1], "check") == 0) return check(atoi(argv[2]), argv[3], argv[4]);
  fprintf(stderr, "usage: qemu_boot_probe config FILE NAME | check PORT NAME BOARD\n");
  return 2;
}
