/* eave-sim: the simulated device. Prints its addresses (tcp, serial, discovery) on stdout, logs
 * connections on stderr, and serves the device link until it is killed or its parent exits. */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>

#include "sim.h"

#ifndef EAVE_FIRMWARE_VERSION
#error "EAVE_FIRMWARE_VERSION comes from the build (firmware/ports/host/CMakeLists.txt)"
#endif

uint32_t sim_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint32_t)((uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u);
}

static void usage(FILE *to) {
  fprintf(to,
          "usage: eave-sim [--name NAME] [--store FILE] [--secret SECRET] [--port PORT] [--serial-auth]\n"
          "  --name NAME      device name (default: sim)\n"
          "  --store FILE     program store file (default: $HOME/.eave/sim/NAME.store)\n"
          "  --secret SECRET  the device secret for TCP authentication (default: the first line of\n"
          "                   FILE.secret, created with a random secret when missing)\n"
          "  --port PORT      TCP port on 127.0.0.1 (default: any free port)\n"
          "  --serial-auth    require authentication on the serial line too\n");
}

static int parse(sim_options *options, int argc, char **argv) {
  options->name = "sim";
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    const char *value = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(arg, "--serial-auth") == 0) {
      options->serial_auth = 1;
      continue;
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      usage(stdout);
      exit(0);
    }
    if (value == NULL) {
      fprintf(stderr, "eave-sim: %s needs a value\n", arg);
      return -1;
    }
    i++;
    if (strcmp(arg, "--name") == 0 && value[0] != 0 && strlen(value) < 64 && strchr(value, '/') == NULL) {
      options->name = value;
    } else if (strcmp(arg, "--store") == 0) {
      options->store = value;
    } else if (strcmp(arg, "--secret") == 0) {
      options->secret = value;
    } else if (strcmp(arg, "--port") == 0 && atoi(value) >= 0 && atoi(value) < 65536) {
      options->tcp_port = atoi(value);
    } else {
      fprintf(stderr, "eave-sim: bad option %s %s\n", arg, value);
      return -1;
    }
  }
  return 0;
}

static void serve(sim *s) {
  struct pollfd fds[3 + SIM_MAX_TCP];
  for (;;) {
    int count = 0;
    fds[count++] = (struct pollfd){s->listen_fd, POLLIN, 0};
    fds[count++] = (struct pollfd){s->pty_master, POLLIN, 0};
    fds[count++] = (struct pollfd){s->udp_fd, POLLIN, 0};
    for (int i = 0; i < SIM_MAX_TCP; i++) {
      sim_connection *c = &s->connections[i];
      fds[count++] = (struct pollfd){c->fd, (short)(POLLIN | (c->pending_used ? POLLOUT : 0)), 0};
    }
    poll(fds, (nfds_t)count, sim_services_step(s));
    uint32_t now = sim_now();
    if (fds[0].revents & POLLIN) sim_tcp_accept(s);
    if (fds[1].revents & POLLIN) sim_pty_readable(s, now);
    if (fds[2].revents & POLLIN) sim_discovery_readable(s);
    for (int i = 0; i < SIM_MAX_TCP; i++) {
      sim_connection *c = &s->connections[i];
      short events = fds[3 + i].revents;
      if (c->fd < 0 || fds[3 + i].fd != c->fd) continue; /* accepted during this round */
      if (events & POLLOUT) sim_tcp_writable(c);
      if (events & (POLLIN | POLLHUP | POLLERR)) sim_tcp_readable(s, c, now);
    }
    eave_link_endpoint_tick(&s->serial, now);
    for (int i = 0; i < SIM_MAX_TCP; i++) {
      sim_connection *c = &s->connections[i];
      if (c->fd < 0) continue;
      eave_link_endpoint_tick(&c->endpoint, now);
      if (c->endpoint.session.state == EAVE_SESSION_NONE && c->endpoint.session.stats.resets > 0) {
        sim_tcp_close(s, c, "the host stopped answering");
      } else if (eave_link_endpoint_should_close(&c->endpoint, now)) {
        sim_tcp_close(s, c, "refused");
      }
    }
  }
}

int main(int argc, char **argv) {
  static sim s; /* one per process; large, so not on the stack */
  if (parse(&s.options, argc, argv) != 0) {
    usage(stderr);
    return 2;
  }
  prctl(PR_SET_PDEATHSIG, SIGTERM); /* started by the IDE or a test: ends with it */
  signal(SIGPIPE, SIG_IGN);
  eave_link_device_config config = {s.options.name, EAVE_FIRMWARE_VERSION, "host (Linux simulator)", {0},
                                    NULL, 0, &s, sim_random, NULL};
  eave_link_device_init(&s.device, &config);
  if (sim_identity_init(&s) != 0 || sim_services_init(&s) != 0 || sim_tcp_init(&s) != 0 || sim_pty_init(&s) != 0 ||
      sim_discovery_init(&s) != 0) {
    return 1;
  }
  printf("tcp: 127.0.0.1:%d\nserial: %s\n", s.tcp_port, s.pty_path);
  if (s.udp_fd >= 0) printf("discovery: 127.0.0.1:%d\n", s.udp_port);
  printf("name: %s\nstore: %s\nsecret: %s\n", s.options.name, s.store_path,
         s.options.secret ? "(given with --secret)" : s.secret_path);
  fflush(stdout);
  serve(&s);
  return 0;
}
