/* The device link over loopback TCP: a listening socket and up to SIM_MAX_TCP connections, each
 * an endpoint that requires authentication; a refused host is disconnected. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sim.h"

int sim_tcp_init(sim *s) {
  for (int i = 0; i < SIM_MAX_TCP; i++) s->connections[i].fd = -1;
  s->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(s->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->options.tcp_port)};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (s->listen_fd < 0 || bind(s->listen_fd, (struct sockaddr *)&address, sizeof address) != 0 ||
      listen(s->listen_fd, 4) != 0) {
    fprintf(stderr, "eave-sim: cannot listen on 127.0.0.1:%d: %s\n", s->options.tcp_port, strerror(errno));
    return -1;
  }
  socklen_t length = sizeof address;
  getsockname(s->listen_fd, (struct sockaddr *)&address, &length);
  s->tcp_port = ntohs(address.sin_port);
  return 0;
}

static void flush(sim_connection *c) {
  while (c->pending_used > 0) {
    ssize_t n = send(c->fd, c->pending, c->pending_used, MSG_NOSIGNAL);
    if (n <= 0) return; /* EAGAIN: poll says when; an error: the read side sees it */
    memmove(c->pending, c->pending + n, c->pending_used - (size_t)n);
    c->pending_used -= (size_t)n;
  }
}

static void tcp_write(void *context, const uint8_t *data, size_t length) {
  sim_connection *c = context;
  size_t room = sizeof c->pending - c->pending_used;
  if (length > room) length = room; /* a stuck client: the retransmission repairs it */
  memcpy(c->pending + c->pending_used, data, length);
  c->pending_used += length;
  flush(c);
}

void sim_tcp_writable(sim_connection *c) {
  flush(c);
}

void sim_tcp_accept(sim *s) {
  struct sockaddr_in peer;
  socklen_t length = sizeof peer;
  int fd = accept4(s->listen_fd, (struct sockaddr *)&peer, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (fd < 0) return;
  sim_connection *c = NULL;
  for (int i = 0; i < SIM_MAX_TCP && c == NULL; i++) {
    if (s->connections[i].fd < 0) c = &s->connections[i];
  }
  if (c == NULL) {
    fprintf(stderr, "eave-sim: refused a connection: %d hosts are connected already\n", SIM_MAX_TCP);
    close(fd);
    return;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* small frames, one in flight */
  c->fd = fd;
  c->pending_used = 0;
  snprintf(c->peer, sizeof c->peer, "%s:%d", inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
  eave_link_transport transport = {1, 1, {EAVE_LINK_TCP_RETRANSMIT_MS, EAVE_LINK_TCP_MAX_RETRIES}, c, tcp_write};
  if (eave_link_endpoint_add(&s->device, &c->endpoint, &transport) != EAVE_LINK_OK) {
    close(fd);
    c->fd = -1;
    return;
  }
  fprintf(stderr, "eave-sim: host connected over TCP from %s\n", c->peer);
}

void sim_tcp_close(sim *s, sim_connection *c, const char *why) {
  (void)s;
  fprintf(stderr, "eave-sim: TCP connection from %s closed: %s\n", c->peer, why);
  eave_link_endpoint_remove(&c->endpoint);
  close(c->fd);
  c->fd = -1;
}

void sim_tcp_readable(sim *s, sim_connection *c, uint32_t now) {
  uint8_t buffer[4096];
  ssize_t n = recv(c->fd, buffer, sizeof buffer, 0);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
    sim_tcp_close(s, c, n == 0 ? "the host closed it" : strerror(errno));
    return;
  }
  if (n > 0) eave_link_endpoint_receive(&c->endpoint, buffer, (size_t)n, now);
}
