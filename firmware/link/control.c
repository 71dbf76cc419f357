/* Encodings of the control channel messages the device sends, and the authentication MAC. */
#include "control.h"

#include <string.h>

/* Appends a length-prefixed string; returns the new size or 0 when it does not fit. */
static size_t put_text(uint8_t *out, size_t at, size_t capacity, const char *text) {
  size_t length = text == NULL ? 0 : strlen(text);
  if (length > 255) length = 255;
  if (at == 0 || at + 1 + length > capacity) return 0;
  out[at] = (uint8_t)length;
  memcpy(out + at + 1, text, length);
  return at + 1 + length;
}

size_t eave_hello_encode(const eave_hello *hello, uint8_t *out, size_t capacity) {
  size_t fixed = 4 + EAVE_DEVICE_ID_SIZE + EAVE_CHALLENGE_SIZE;
  if (capacity < fixed) return 0;
  out[0] = EAVE_CONTROL_HELLO;
  out[1] = (uint8_t)hello->protocol;
  out[2] = (uint8_t)(hello->protocol >> 8);
  out[3] = hello->flags;
  memcpy(out + 4, hello->id, EAVE_DEVICE_ID_SIZE);
  memcpy(out + 4 + EAVE_DEVICE_ID_SIZE, hello->challenge, EAVE_CHALLENGE_SIZE);
  size_t at = put_text(out, fixed, capacity, hello->firmware);
  at = put_text(out, at, capacity, hello->name);
  return put_text(out, at, capacity, hello->board);
}

size_t eave_refused_encode(uint8_t reason, const char *message, uint8_t *out, size_t capacity) {
  if (capacity < 2) return 0;
  out[0] = EAVE_CONTROL_REFUSED;
  out[1] = reason;
  return put_text(out, 2, capacity, message);
}

void eave_auth_mac(const uint8_t *secret, size_t secret_length, const uint8_t id[EAVE_DEVICE_ID_SIZE],
                   const uint8_t challenge[EAVE_CHALLENGE_SIZE], uint8_t mac[EAVE_SHA256_SIZE]) {
  eave_hmac_sha256 hmac;
  eave_hmac_sha256_init(&hmac, secret, secret_length);
  eave_hmac_sha256_update(&hmac, (const uint8_t *)EAVE_AUTH_CONTEXT, strlen(EAVE_AUTH_CONTEXT));
  eave_hmac_sha256_update(&hmac, id, EAVE_DEVICE_ID_SIZE);
  eave_hmac_sha256_update(&hmac, challenge, EAVE_CHALLENGE_SIZE);
  eave_hmac_sha256_final(&hmac, mac);
}
