/* What the link's test programs share: expectations that count failures, hex parsing, and a
 * reader for docs/vectors/link/link-vectors.txt. Host-only (stdio). */
#ifndef EAVE_LINK_TESTING_H
#define EAVE_LINK_TESTING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int failures;
  int checks;
} testing;

#define EXPECT(t, condition, ...)                              \
  do {                                                         \
    (t)->checks++;                                             \
    if (!(condition)) {                                        \
      (t)->failures++;                                         \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);              \
      printf(__VA_ARGS__);                                     \
      printf("\n");                                            \
    }                                                          \
  } while (0)

static inline int testing_finish(const testing *t, const char *name) {
  if (t->failures == 0) printf("%s: all %d checks passed\n", name, t->checks);
  else printf("%s: %d of %d checks failed\n", name, t->failures, t->checks);
  return t->failures == 0 ? 0 : 1;
}

/* Parses hex ("-" is empty) into `out`; returns the byte count, or -1. */
static inline long testing_hex(const char *hex, unsigned char *out, size_t capacity) {
  if (strcmp(hex, "-") == 0) return 0;
  size_t length = strlen(hex);
  if (length % 2 != 0 || length / 2 > capacity) return -1;
  for (size_t i = 0; i < length / 2; i++) {
    unsigned value;
    if (sscanf(hex + 2 * i, "%2x", &value) != 1) return -1;
    out[i] = (unsigned char)value;
  }
  return (long)(length / 2);
}

/* One line of the vectors file: kind, name and key=value fields (pointing into `text`). */
#define TESTING_MAX_FIELDS 12
typedef struct {
  char text[16384];
  const char *kind;
  const char *name;
  const char *keys[TESTING_MAX_FIELDS];
  const char *values[TESTING_MAX_FIELDS];
  int count;
} testing_vector;

/* Reads the next vector line; returns 0 at the end of the file. */
static inline int testing_next_vector(FILE *file, testing_vector *v) {
  while (fgets(v->text, sizeof v->text, file) != NULL) {
    if (v->text[0] == '#' || v->text[0] == '\n') continue;
    v->text[strcspn(v->text, "\r\n")] = 0;
    v->count = 0;
    v->kind = strtok(v->text, " ");
    v->name = strtok(NULL, " ");
    char *field;
    while ((field = strtok(NULL, " ")) != NULL && v->count < TESTING_MAX_FIELDS) {
      char *equals = strchr(field, '=');
      if (equals == NULL) continue;
      *equals = 0;
      v->keys[v->count] = field;
      v->values[v->count] = equals + 1;
      v->count++;
    }
    return 1;
  }
  return 0;
}

static inline const char *testing_field(const testing_vector *v, const char *key) {
  for (int i = 0; i < v->count; i++) {
    if (strcmp(v->keys[i], key) == 0) return v->values[i];
  }
  printf("vector %s %s has no field %s\n", v->kind, v->name, key);
  exit(2);
}

/* A deterministic generator, so a failing fault-injection run repeats exactly. */
static inline unsigned testing_random(unsigned long long *state) {
  *state = *state * 6364136223846793005ull + 1442695040888963407ull;
  return (unsigned)(*state >> 33);
}

#endif
