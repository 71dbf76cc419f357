/* Runs the real eave-sim and talks to it as a host would, with the link library's own session:
 * over TCP (authentication with the right and a wrong secret), over its pty, and by discovery. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "link.h"
#include "../../../link/tests/testing.h"

#define SECRET "test secret"

typedef struct {
  int fd;
  eave_session session;
  unsigned char messages[32][EAVE_LINK_MAX_PAYLOAD];
  size_t lengths[32];
  uint8_t channels[32];
  int count;
  int closed;
} host;

static uint32_t now_ms(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint32_t)((uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u);
}

static void host_write(void *context, const uint8_t *data, size_t length) {
  host *h = context;
  if (write(h->fd, data, length) != (ssize_t)length) h->closed = 1;
}

static int host_deliver(void *context, uint8_t channel, const uint8_t *data, size_t length) {
  host *h = context;
  if (h->count < 32) {
    memcpy(h->messages[h->count], data, length);
    h->lengths[h->count] = length;
    h->channels[h->count] = channel;
    h->count++;
  }
  return 1;
}

static void host_start(host *h, int fd) {
  memset(h, 0, sizeof *h);
  h->fd = fd;
  eave_session_callbacks callbacks = {h, host_write, host_deliver, NULL};
  eave_session_init(&h->session, &callbacks, (eave_session_timing){100, 20});
  eave_session_start(&h->session, (uint32_t)now_ms() ^ (uint32_t)fd, now_ms());
  uint8_t hello_request[3] = {EAVE_CONTROL_HELLO_REQUEST, 1, 0};
  eave_session_send(&h->session, EAVE_CHANNEL_CONTROL, hello_request, 3);
}

/* Index of the first message on `channel` (of control `type`) containing `text`, or -1. */
static int find(const host *h, uint8_t channel, int type, const char *text) {
  for (int i = 0; i < h->count; i++) {
    if (h->channels[i] != channel || (type >= 0 && h->messages[i][0] != type)) continue;
    if (text == NULL || memmem(h->messages[i], h->lengths[i], text, strlen(text)) != NULL) return i;
  }
  return -1;
}

/* Serves the host side until `channel`/`type`/`text` arrived, the peer closed, or 3 s passed. */
static int wait_for(host *h, uint8_t channel, int type, const char *text) {
  uint32_t start = now_ms();
  while (now_ms() - start < 3000) {
    int found = find(h, channel, type, text);
    if (found >= 0) return found;
    struct pollfd p = {h->fd, POLLIN, 0};
    if (poll(&p, 1, 5) > 0) {
      uint8_t buffer[4096];
      ssize_t n = read(h->fd, buffer, sizeof buffer);
      if (n <= 0) {
        h->closed = 1;
        return find(h, channel, type, text);
      }
      eave_session_receive(&h->session, buffer, (size_t)n, now_ms());
    }
    eave_session_tick(&h->session, now_ms());
  }
  return -1;
}

static void authenticate(host *h, const char *secret) {
  int hello = wait_for(h, EAVE_CHANNEL_CONTROL, EAVE_CONTROL_HELLO, NULL);
  if (hello < 0) return;
  uint8_t auth[1 + EAVE_SHA256_SIZE] = {EAVE_CONTROL_AUTH};
  eave_auth_mac((const uint8_t *)secret, strlen(secret), h->messages[hello] + 4, h->messages[hello] + 12, auth + 1);
  eave_session_send(&h->session, EAVE_CHANNEL_CONTROL, auth, sizeof auth);
}

static int tcp_connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) return -1;
  return fd;
}

static void check_tcp(testing *t, int port) {
  static host h;
  host_start(&h, tcp_connect(port));
  authenticate(&h, SECRET);
  EXPECT(t, wait_for(&h, EAVE_CHANNEL_CONTROL, EAVE_CONTROL_AUTH_OK, NULL) >= 0, "TCP: the right secret gets AUTH_OK");
  EXPECT(t, wait_for(&h, EAVE_CHANNEL_CONSOLE, -1, "ready") >= 0, "TCP: the console says the device is ready");
  /* A LIST request (docs/management-protocol.md): the VM's container list answers it. */
  const uint8_t list[] = {0x06, 0x0b, 0x00};
  eave_session_send(&h.session, EAVE_CHANNEL_MANAGEMENT, list, sizeof list);
  int answer = wait_for(&h, EAVE_CHANNEL_MANAGEMENT, 0x43, NULL);
  EXPECT(t, answer >= 0 && h.messages[answer][1] == 0x0b, "TCP: management answers a LIST with its request id");
  close(h.fd);

  host_start(&h, tcp_connect(port));
  authenticate(&h, "not the secret");
  int refused = wait_for(&h, EAVE_CHANNEL_CONTROL, EAVE_CONTROL_REFUSED, NULL);
  EXPECT(t, refused >= 0 && h.messages[refused][1] == EAVE_REFUSED_WRONG_SECRET, "TCP: a wrong secret is refused");
  wait_for(&h, 0xFF, -1, NULL); /* until the device closes */
  EXPECT(t, h.closed, "TCP: the device closes the refused connection");
  close(h.fd);
}

static void check_serial(testing *t, const char *path) {
  static host h;
  int fd = open(path, O_RDWR | O_NOCTTY);
  EXPECT(t, fd >= 0, "the pty %s opens", path);
  if (fd < 0) return;
  struct termios raw;
  tcgetattr(fd, &raw);
  cfmakeraw(&raw);
  tcsetattr(fd, TCSANOW, &raw);
  host_start(&h, fd);
  int hello = wait_for(&h, EAVE_CHANNEL_CONTROL, EAVE_CONTROL_HELLO, NULL);
  EXPECT(t, hello >= 0 && (h.messages[hello][3] & EAVE_HELLO_AUTHENTICATED), "serial: HELLO, trusted without AUTH");
  EXPECT(t, wait_for(&h, EAVE_CHANNEL_CONSOLE, -1, "ready") >= 0, "serial: the console says the device is ready");
  const uint8_t info[] = {0x01, 0x05};
  eave_session_send(&h.session, EAVE_CHANNEL_MANAGEMENT, info, sizeof info);
  int answer = wait_for(&h, EAVE_CHANNEL_MANAGEMENT, 0x41, NULL);
  EXPECT(t, answer >= 0 && h.messages[answer][1] == 0x05, "serial: management answers INFO with its request id");
  close(fd);
}

static void check_discovery(testing *t, int port, int tcp_port) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sendto(fd, "EAVE?\n", 6, 0, (struct sockaddr *)&address, sizeof address);
  struct pollfd p = {fd, POLLIN, 0};
  char answer[512] = {0};
  if (poll(&p, 1, 2000) > 0) recv(fd, answer, sizeof answer - 1, 0);
  char expected[64];
  snprintf(expected, sizeof expected, "tcp=127.0.0.1:%d\n", tcp_port);
  EXPECT(t, strncmp(answer, "eave-device 1\nname=simtest\n", 27) == 0 && strstr(answer, expected) != NULL,
         "discovery answers with name and addresses: %s", answer);
  close(fd);
}

int main(int argc, char **argv) {
  testing t = {0};
  if (argc != 2) return 2;
  char store[] = "/tmp/eave-sim-test-XXXXXX";
  int store_fd = mkstemp(store);
  close(store_fd);
  int out[2];
  if (pipe(out) != 0) return 2;
  pid_t child = fork();
  if (child == 0) {
    dup2(out[1], 1);
    close(out[0]);
    execl(argv[1], argv[1], "--name", "simtest", "--store", store, "--secret", SECRET, (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  FILE *lines = fdopen(out[0], "r");
  char line[256];
  int tcp_port = 0, udp_port = 0;
  char pty[64] = {0};
  while (fgets(line, sizeof line, lines) != NULL && strncmp(line, "secret:", 7) != 0) {
    sscanf(line, "tcp: 127.0.0.1:%d", &tcp_port);
    sscanf(line, "serial: %63s", pty);
    sscanf(line, "discovery: 127.0.0.1:%d", &udp_port);
  }
  EXPECT(&t, tcp_port > 0 && pty[0] == '/' && udp_port >= 47800, "eave-sim prints its addresses");
  if (tcp_port > 0) check_tcp(&t, tcp_port);
  if (pty[0] == '/') check_serial(&t, pty);
  if (udp_port > 0) check_discovery(&t, udp_port, tcp_port);
  kill(child, SIGTERM);
  waitpid(child, NULL, 0);
  unlink(store);
  return testing_finish(&t, "eave-sim");
}
