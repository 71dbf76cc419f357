/* The simulated device, eave-sim: the portable device link served over loopback TCP, a pty that
 * plays the serial line, and UDP discovery on loopback. One struct holds all of it; every
 * function takes it first. Linux only (POSIX plus a pty and prctl). */
#ifndef EAVE_SIM_H
#define EAVE_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "debug_agent.h"
#include "device.h"
#include "host_file_storage.h"
#include "link.h"
#include "store.h"

/* TCP connections served at once: the serial line takes the last endpoint slot. */
#define SIM_MAX_TCP ((int)EAVE_LINK_MAX_ENDPOINTS - 1)

/* Bytes a TCP connection may have waiting for the socket; with one frame in flight per
 * direction a few frames suffice, more means a stuck client (the rest is dropped and
 * retransmitted later, like a UART overrun). */
#define SIM_TCP_PENDING 8192

/* Longest secret accepted (--secret or the secret file). */
#define SIM_MAX_SECRET 256

/* How often the main loop wakes up at least: retransmission timers run on this tick. */
#define SIM_TICK_MS 5

/* Discovery: the first free UDP port of this range on 127.0.0.1 (docs/link-protocol.md, 6). */
#define SIM_DISCOVERY_FIRST_PORT 47800
#define SIM_DISCOVERY_PORTS 16

typedef struct {
  int fd; /* -1: the slot is free */
  eave_link_endpoint endpoint;
  uint8_t pending[SIM_TCP_PENDING];
  size_t pending_used;
  char peer[48];
} sim_connection;

typedef struct {
  const char *name;
  const char *store;  /* the program store file (used by the VM later; recorded now) */
  const char *secret; /* NULL: read or create STORE.secret */
  int tcp_port;       /* 0: any free port */
  int serial_auth;    /* require authentication on the serial line too */
} sim_options;

typedef struct {
  sim_options options;
  char store_path[512];
  char secret_path[600];
  uint8_t secret[SIM_MAX_SECRET];
  size_t secret_length;
  int random_fd;
  eave_link_device device;

  int listen_fd;
  int tcp_port;
  sim_connection connections[SIM_MAX_TCP];

  int pty_master;
  int pty_slave; /* kept open so the master never reads EOF while no client has the line */
  char pty_path[64];
  eave_link_endpoint serial;

  int udp_fd;
  int udp_port;

  /* The device behind the link: the program store on a file and the VM. */
  eave_host_file_storage storage;
  eave_store store;
  eave_device device_vm;
  /* The debug agent on the debug channel (vm-debug-agent, docs/debug-protocol.md). */
  eave_debug_agent *agent;
} sim;

/* The store file: 256 sectors of 4 KB, 1 MB, of which a bank (half) holds programs. */
#define SIM_STORE_SECTOR_SIZE 4096u
#define SIM_STORE_SECTORS 256u

uint32_t sim_now(void);

/* identity.c: store path, secret, device id, randomness. Return 0, or -1 after printing why. */
int sim_identity_init(sim *s);
void sim_random(void *context, uint8_t *out, size_t length);

/* tcp.c */
int sim_tcp_init(sim *s);
void sim_tcp_accept(sim *s);
void sim_tcp_readable(sim *s, sim_connection *c, uint32_t now);
void sim_tcp_writable(sim_connection *c);
void sim_tcp_close(sim *s, sim_connection *c, const char *why);

/* pty.c */
int sim_pty_init(sim *s);
void sim_pty_readable(sim *s, uint32_t now);

/* discovery.c */
int sim_discovery_init(sim *s);
void sim_discovery_readable(sim *s);

/* services.c: the device's channels: management and console go to the VM through the device
 * glue (firmware/device/device.h), the debug channel to the debug agent. Returns 0, or -1 after printing why. */
int sim_services_init(sim *s);
/* Runs the containers for a slice; returns how long the main loop may wait for input (ms). */
int sim_services_step(sim *s);

#endif
