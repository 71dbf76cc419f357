/* Reads docs/vectors/management/management-vectors.txt: lines of KIND NAME key=value... */
#ifndef EAVE_DEVICE_VECTORS_H
#define EAVE_DEVICE_VECTORS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VECTOR_MAX_KEYS 16

typedef struct {
  char kind[32], name[64];
  int keys;
  char key[VECTOR_MAX_KEYS][32];
  char *value[VECTOR_MAX_KEYS];
  char line[8192];
} vector;

/* The next space-separated token (cut in place), NULL at the end. */
static inline char *vector_token(char **cursor) {
  char *p = *cursor;
  while (*p == ' ') p++;
  if (*p == 0) return NULL;
  char *start = p;
  while (*p != 0 && *p != ' ') p++;
  if (*p == ' ') *p++ = 0;
  *cursor = p;
  return start;
}

/* Reads the next vector line; 0 at the end. */
static inline int vector_next(FILE *f, vector *v) {
  while (fgets(v->line, sizeof v->line, f) != NULL) {
    if (v->line[0] == '#' || v->line[0] == '\n') continue;
    v->line[strcspn(v->line, "\r\n")] = 0;
    char *cursor = v->line;
    char *tok = vector_token(&cursor);
    snprintf(v->kind, sizeof v->kind, "%.*s", (int)sizeof v->kind - 1, tok); /* longer kinds are cut */
    tok = vector_token(&cursor);
    snprintf(v->name, sizeof v->name, "%.*s", (int)sizeof v->name - 1, tok == NULL ? "" : tok);
    v->keys = 0;
    while ((tok = vector_token(&cursor)) != NULL && v->keys < VECTOR_MAX_KEYS) {
      char *eq = strchr(tok, '=');
      if (eq == NULL) continue; /* not key=value: ignored */
      *eq = 0;
      snprintf(v->key[v->keys], sizeof v->key[0], "%.*s", (int)sizeof v->key[0] - 1, tok);
      v->value[v->keys++] = eq + 1;
    }
    return 1;
  }
  return 0;
}

static inline const char *vector_get(const vector *v, const char *key) {
  for (int i = 0; i < v->keys; i++) {
    if (strcmp(v->key[i], key) == 0) return v->value[i];
  }
  return NULL;
}

/* Hex ("-" is empty) into `out`; returns the byte count. */
static inline size_t vector_hex(const char *hex, uint8_t *out, size_t cap) {
  if (hex == NULL || strcmp(hex, "-") == 0) return 0;
  size_t n = strlen(hex) / 2;
  for (size_t i = 0; i < n && i < cap; i++) {
    unsigned b;
    sscanf(hex + 2 * i, "%2x", &b);
    out[i] = (uint8_t)b;
  }
  return n < cap ? n : cap;
}

/* A hex-encoded string, NUL-terminated. */
static inline const char *vector_text(const char *hex, char *out, size_t cap) {
  size_t n = vector_hex(hex, (uint8_t *)out, cap - 1);
  out[n] = 0;
  return out;
}

static inline long long vector_int(const vector *v, const char *key) {
  const char *s = vector_get(v, key);
  return s == NULL ? 0 : strtoll(s, NULL, 10);
}

#endif
