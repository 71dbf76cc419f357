/* Discovery on loopback (docs/link-protocol.md, section 6): a UDP socket on the first free port
 * of 47800..47815 that answers the query "EAVE?\n" with the device's name, id and addresses. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sim.h"

int sim_discovery_init(sim *s) {
  for (int i = 0; i < SIM_DISCOVERY_PORTS; i++) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)(SIM_DISCOVERY_FIRST_PORT + i))};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && bind(fd, (struct sockaddr *)&address, sizeof address) == 0) {
      s->udp_fd = fd;
      s->udp_port = SIM_DISCOVERY_FIRST_PORT + i;
      return 0;
    }
    if (fd >= 0) close(fd);
  }
  /* Not fatal: the device still serves TCP and serial, it just cannot be found by a scan. */
  fprintf(stderr, "eave-sim: discovery is off: UDP ports %d..%d on 127.0.0.1 are all taken\n",
          SIM_DISCOVERY_FIRST_PORT, SIM_DISCOVERY_FIRST_PORT + SIM_DISCOVERY_PORTS - 1);
  s->udp_fd = -1;
  return 0;
}

void sim_discovery_readable(sim *s) {
  char query[64];
  struct sockaddr_in from;
  socklen_t length = sizeof from;
  ssize_t n = recvfrom(s->udp_fd, query, sizeof query, 0, (struct sockaddr *)&from, &length);
  if (n != 6 || memcmp(query, "EAVE?\n", 6) != 0) return;
  const uint8_t *id = s->device.config.id;
  char answer[1400];
  /* secret-file: where a host of the same user reads the secret (the file is mode 0600). */
  int size = snprintf(answer, sizeof answer,
                      "eave-device 1\nname=%s\nid=%02x%02x%02x%02x%02x%02x%02x%02x\nfirmware=%s\n"
                      "protocol=%u\ntcp=127.0.0.1:%d\nserial=%s\nsecret-file=%s\n",
                      s->options.name, id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7],
                      s->device.config.firmware, EAVE_LINK_PROTOCOL_VERSION, s->tcp_port, s->pty_path,
                      s->options.secret != NULL ? "" : s->secret_path);
  sendto(s->udp_fd, answer, (size_t)size, 0, (struct sockaddr *)&from, length);
}
