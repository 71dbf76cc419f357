/* The shared byte vectors (docs/vectors/link/link-vectors.txt) against the C encoder, decoder,
 * SHA-256, HMAC, authentication MAC and control encodings. The Java tests read the same file. */
#include "control.h"
#include "frame.h"
#include "sha256.h"
#include "testing.h"

#define MAX_BYTES 8192
#define MAX_FRAMES 16

typedef struct {
  char name[48];
  unsigned char bytes[EAVE_FRAME_MAX_SIZE];
  long size;
} named_frame;

typedef struct {
  unsigned char bytes[MAX_FRAMES][EAVE_FRAME_MAX_SIZE];
  size_t sizes[MAX_FRAMES];
  int count;
} collected;

static void collect(void *context, const eave_frame *frame) {
  collected *c = context;
  if (c->count == MAX_FRAMES) return;
  eave_frame copy = *frame;
  c->sizes[c->count] = eave_frame_encode(&copy, c->bytes[c->count], EAVE_FRAME_MAX_SIZE);
  c->count++;
}

static void check_frame(testing *t, const testing_vector *v, named_frame *saved) {
  unsigned char payload[EAVE_LINK_MAX_PAYLOAD], expected[EAVE_FRAME_MAX_SIZE], out[EAVE_FRAME_MAX_SIZE];
  long payload_length = testing_hex(testing_field(v, "payload"), payload, sizeof payload);
  long size = testing_hex(testing_field(v, "bytes"), expected, sizeof expected);
  eave_frame frame = {(uint8_t)strtoul(testing_field(v, "flags"), NULL, 16),
                      (uint8_t)strtoul(testing_field(v, "channel"), NULL, 16),
                      (uint8_t)strtoul(testing_field(v, "seq"), NULL, 16), (uint16_t)payload_length, payload};
  size_t encoded = eave_frame_encode(&frame, out, sizeof out);
  EXPECT(t, (long)encoded == size && memcmp(out, expected, encoded) == 0, "frame %s encodes to the vector", v->name);

  collected got = {0};
  eave_frame_decoder decoder;
  eave_frame_decoder_init(&decoder);
  eave_frame_decoder_feed(&decoder, expected, (size_t)size, collect, NULL, &got);
  EXPECT(t, got.count == 1 && (long)got.sizes[0] == size && memcmp(got.bytes[0], expected, (size_t)size) == 0,
         "frame %s decodes to its fields", v->name);

  snprintf(saved->name, sizeof saved->name, "%s", v->name);
  memcpy(saved->bytes, expected, (size_t)size);
  saved->size = size;
}

static void check_stream(testing *t, const testing_vector *v, named_frame *frames, int frame_count) {
  static unsigned char bytes[MAX_BYTES];
  long size = testing_hex(testing_field(v, "bytes"), bytes, sizeof bytes);
  char names[512];
  snprintf(names, sizeof names, "%s", testing_field(v, "frames"));
  unsigned long corrupt = strtoul(testing_field(v, "corrupt"), NULL, 10);
  for (int piecewise = 0; piecewise < 2; piecewise++) {
    collected got = {0};
    eave_frame_decoder decoder;
    eave_frame_decoder_init(&decoder);
    if (piecewise) {
      for (long i = 0; i < size; i++) eave_frame_decoder_feed(&decoder, bytes + i, 1, collect, NULL, &got);
    } else {
      eave_frame_decoder_feed(&decoder, bytes, (size_t)size, collect, NULL, &got);
    }
    int index = 0;
    char copy[512];
    memcpy(copy, names, sizeof copy);
    for (char *name = strtok(copy, ","); name != NULL && strcmp(name, "-") != 0; name = strtok(NULL, ","), index++) {
      named_frame *want = NULL;
      for (int i = 0; i < frame_count; i++) {
        if (strcmp(frames[i].name, name) == 0) want = &frames[i];
      }
      EXPECT(t, want != NULL && index < got.count && (long)got.sizes[index] == want->size &&
                    memcmp(got.bytes[index], want->bytes, (size_t)want->size) == 0,
             "stream %s (%s): frame %d is %s", v->name, piecewise ? "byte by byte" : "in one piece", index, name);
    }
    EXPECT(t, got.count == index, "stream %s: %d frames, expected %d", v->name, got.count, index);
    EXPECT(t, decoder.corrupt == corrupt, "stream %s: %u corrupt, expected %lu", v->name,
           (unsigned)decoder.corrupt, corrupt);
  }
}

static void check_sha256(testing *t, const testing_vector *v) {
  unsigned char message[256], expected[32], digest[32];
  long length = testing_hex(testing_field(v, "message"), message, sizeof message);
  unsigned long repeat = strtoul(testing_field(v, "repeat"), NULL, 10);
  testing_hex(testing_field(v, "digest"), expected, sizeof expected);
  eave_sha256 sha;
  eave_sha256_init(&sha);
  for (unsigned long i = 0; i < repeat; i++) eave_sha256_update(&sha, message, (size_t)length);
  eave_sha256_final(&sha, digest);
  EXPECT(t, memcmp(digest, expected, 32) == 0, "sha256 %s", v->name);
}

static void check_hmac(testing *t, const testing_vector *v) {
  unsigned char key[256], message[256], expected[32], mac[32];
  long key_length = testing_hex(testing_field(v, "key"), key, sizeof key);
  long length = testing_hex(testing_field(v, "message"), message, sizeof message);
  testing_hex(testing_field(v, "mac"), expected, sizeof expected);
  eave_hmac_sha256 hmac;
  eave_hmac_sha256_init(&hmac, key, (size_t)key_length);
  eave_hmac_sha256_update(&hmac, message, (size_t)length);
  eave_hmac_sha256_final(&hmac, mac);
  EXPECT(t, memcmp(mac, expected, 32) == 0, "hmac %s", v->name);
}

static void check_auth(testing *t, const testing_vector *v) {
  unsigned char secret[128], id[8], challenge[16], expected[32], mac[32];
  long secret_length = testing_hex(testing_field(v, "secret"), secret, sizeof secret);
  testing_hex(testing_field(v, "device-id"), id, sizeof id);
  testing_hex(testing_field(v, "challenge"), challenge, sizeof challenge);
  testing_hex(testing_field(v, "mac"), expected, sizeof expected);
  eave_auth_mac(secret, (size_t)secret_length, id, challenge, mac);
  EXPECT(t, memcmp(mac, expected, 32) == 0, "auth %s", v->name);
}

static void check_hello(testing *t, const testing_vector *v) {
  char firmware[256] = {0}, name[256] = {0}, board[256] = {0};
  unsigned char expected[1024], out[1024];
  eave_hello hello = {(uint16_t)strtoul(testing_field(v, "protocol"), NULL, 10),
                      (uint8_t)strtoul(testing_field(v, "flags"), NULL, 10), {0}, {0}, firmware, name, board};
  testing_hex(testing_field(v, "device-id"), hello.id, sizeof hello.id);
  testing_hex(testing_field(v, "challenge"), hello.challenge, sizeof hello.challenge);
  testing_hex(testing_field(v, "firmware"), (unsigned char *)firmware, sizeof firmware - 1);
  testing_hex(testing_field(v, "name"), (unsigned char *)name, sizeof name - 1);
  testing_hex(testing_field(v, "board"), (unsigned char *)board, sizeof board - 1);
  long size = testing_hex(testing_field(v, "payload"), expected, sizeof expected);
  size_t encoded = eave_hello_encode(&hello, out, sizeof out);
  EXPECT(t, (long)encoded == size && memcmp(out, expected, encoded) == 0, "hello %s encodes to the vector", v->name);
}

static void check_refused(testing *t, const testing_vector *v) {
  char message[256] = {0};
  unsigned char expected[512], out[512];
  testing_hex(testing_field(v, "message"), (unsigned char *)message, sizeof message - 1);
  long size = testing_hex(testing_field(v, "payload"), expected, sizeof expected);
  size_t encoded = eave_refused_encode((uint8_t)strtoul(testing_field(v, "reason"), NULL, 10), message, out, sizeof out);
  EXPECT(t, (long)encoded == size && memcmp(out, expected, encoded) == 0, "refused %s encodes to the vector", v->name);
}

int main(int argc, char **argv) {
  testing t = {0};
  if (argc != 2) {
    printf("usage: test_link_vectors docs/vectors/link/link-vectors.txt\n");
    return 2;
  }
  FILE *file = fopen(argv[1], "r");
  if (file == NULL) {
    printf("cannot open the vectors file %s\n", argv[1]);
    return 2;
  }
  static named_frame frames[MAX_FRAMES];
  static testing_vector v;
  int frame_count = 0, vectors = 0;
  while (testing_next_vector(file, &v)) {
    vectors++;
    if (strcmp(v.kind, "frame") == 0 && frame_count < MAX_FRAMES) check_frame(&t, &v, &frames[frame_count++]);
    else if (strcmp(v.kind, "stream") == 0) check_stream(&t, &v, frames, frame_count);
    else if (strcmp(v.kind, "sha256") == 0) check_sha256(&t, &v);
    else if (strcmp(v.kind, "hmac") == 0) check_hmac(&t, &v);
    else if (strcmp(v.kind, "auth") == 0) check_auth(&t, &v);
    else if (strcmp(v.kind, "hello") == 0) check_hello(&t, &v);
    else if (strcmp(v.kind, "refused") == 0) check_refused(&t, &v);
    else vectors--; /* `control` lines are host-side encodings, checked by the Java tests */
  }
  fclose(file);
  EXPECT(&t, vectors >= 25, "read %d vectors", vectors);
  return testing_finish(&t, "link vectors");
}
