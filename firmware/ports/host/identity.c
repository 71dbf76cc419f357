/* Who the simulated device is: its store path, its secret (given, or kept in STORE.secret and
 * created on first start) and its device id (from its name), and its source of randomness. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim.h"

void sim_random(void *context, uint8_t *out, size_t length) {
  sim *s = context;
  size_t got = 0;
  while (got < length) {
    ssize_t n = read(s->random_fd, out + got, length - got);
    if (n <= 0) {
      fprintf(stderr, "eave-sim: cannot read /dev/urandom: %s\n", strerror(errno));
      exit(1);
    }
    got += (size_t)n;
  }
}

/* mkdir -p of the folder holding `path`. */
static void make_parent(const char *path) {
  char folder[sizeof ((sim *)0)->secret_path];
  snprintf(folder, sizeof folder, "%s", path);
  for (char *slash = strchr(folder + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
    *slash = 0;
    mkdir(folder, 0700);
    *slash = '/';
  }
}

static int read_secret_file(sim *s) {
  FILE *file = fopen(s->secret_path, "r");
  if (file == NULL) return errno == ENOENT ? 1 : -1;
  char line[SIM_MAX_SECRET + 2];
  int ok = fgets(line, sizeof line, file) != NULL;
  fclose(file);
  line[strcspn(line, "\r\n")] = 0;
  if (!ok || line[0] == 0) {
    fprintf(stderr, "eave-sim: the secret file %s is empty; delete it to get a new secret\n", s->secret_path);
    return -1;
  }
  s->secret_length = strlen(line);
  memcpy(s->secret, line, s->secret_length);
  return 0;
}

static int create_secret_file(sim *s) {
  uint8_t bytes[32];
  sim_random(s, bytes, sizeof bytes);
  for (size_t i = 0; i < sizeof bytes; i++) snprintf((char *)s->secret + 2 * i, 3, "%02x", bytes[i]);
  s->secret_length = 2 * sizeof bytes;
  make_parent(s->secret_path);
  int fd = open(s->secret_path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    fprintf(stderr, "eave-sim: cannot create the secret file %s: %s\n", s->secret_path, strerror(errno));
    return -1;
  }
  char line[SIM_MAX_SECRET + 2];
  int length = snprintf(line, sizeof line, "%.*s\n", (int)s->secret_length, (const char *)s->secret);
  int ok = write(fd, line, (size_t)length) == length;
  close(fd);
  return ok ? 0 : -1;
}

int sim_identity_init(sim *s) {
  s->random_fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (s->random_fd < 0) {
    fprintf(stderr, "eave-sim: cannot open /dev/urandom: %s\n", strerror(errno));
    return -1;
  }
  if (s->options.store != NULL) {
    snprintf(s->store_path, sizeof s->store_path, "%s", s->options.store);
  } else {
    const char *home = getenv("HOME");
    snprintf(s->store_path, sizeof s->store_path, "%s/.eave/sim/%s.store", home ? home : ".", s->options.name);
  }
  snprintf(s->secret_path, sizeof s->secret_path, "%s.secret", s->store_path);
  if (s->options.secret != NULL) {
    s->secret_length = strlen(s->options.secret);
    if (s->secret_length == 0 || s->secret_length > SIM_MAX_SECRET) {
      fprintf(stderr, "eave-sim: --secret must be 1 to %d bytes\n", SIM_MAX_SECRET);
      return -1;
    }
    memcpy(s->secret, s->options.secret, s->secret_length);
  } else {
    int read = read_secret_file(s);
    if (read < 0) return -1;
    if (read > 0 && create_secret_file(s) < 0) return -1;
  }

  eave_sha256 sha;
  uint8_t digest[EAVE_SHA256_SIZE];
  eave_sha256_init(&sha);
  eave_sha256_update(&sha, (const uint8_t *)"eave-sim:", 9);
  eave_sha256_update(&sha, (const uint8_t *)s->options.name, strlen(s->options.name));
  eave_sha256_final(&sha, digest);
  memcpy(s->device.config.id, digest, EAVE_DEVICE_ID_SIZE);
  s->device.config.secret = s->secret;
  s->device.config.secret_length = s->secret_length;
  return 0;
}
