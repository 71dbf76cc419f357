/* The serial line of the simulated device: a pty whose other end (/dev/pts/N) a host opens like
 * a USB-UART. Raw mode, no echo; bytes the line cannot take are dropped as a UART would. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sim.h"

static void pty_write(void *context, const uint8_t *data, size_t length) {
  sim *s = context;
  while (length > 0) {
    ssize_t n = write(s->pty_master, data, length);
    if (n <= 0) return; /* full (nobody reads the line): dropped */
    data += n;
    length -= (size_t)n;
  }
}

int sim_pty_init(sim *s) {
  s->pty_master = posix_openpt(O_RDWR | O_NOCTTY);
  if (s->pty_master < 0 || grantpt(s->pty_master) != 0 || unlockpt(s->pty_master) != 0) {
    fprintf(stderr, "eave-sim: cannot open a pty for the serial line: %s\n", strerror(errno));
    return -1;
  }
  snprintf(s->pty_path, sizeof s->pty_path, "%s", ptsname(s->pty_master));
  s->pty_slave = open(s->pty_path, O_RDWR | O_NOCTTY | O_CLOEXEC);
  struct termios raw;
  if (s->pty_slave < 0 || tcgetattr(s->pty_slave, &raw) != 0) {
    fprintf(stderr, "eave-sim: cannot set up %s: %s\n", s->pty_path, strerror(errno));
    return -1;
  }
  cfmakeraw(&raw);
  cfsetispeed(&raw, B115200);
  cfsetospeed(&raw, B115200);
  tcsetattr(s->pty_slave, TCSANOW, &raw);
  fcntl(s->pty_master, F_SETFL, fcntl(s->pty_master, F_GETFL) | O_NONBLOCK);
  fcntl(s->pty_master, F_SETFD, FD_CLOEXEC);
  eave_link_transport transport = {s->options.serial_auth, 0,
                                   {EAVE_LINK_SERIAL_RETRANSMIT_MS, EAVE_LINK_SERIAL_MAX_RETRIES}, s, pty_write};
  return eave_link_endpoint_add(&s->device, &s->serial, &transport) == EAVE_LINK_OK ? 0 : -1;
}

void sim_pty_readable(sim *s, uint32_t now) {
  uint8_t buffer[4096];
  ssize_t n = read(s->pty_master, buffer, sizeof buffer);
  if (n > 0) eave_link_endpoint_receive(&s->serial, buffer, (size_t)n, now);
}
