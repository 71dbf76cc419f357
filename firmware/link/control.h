/* Control channel messages (docs/link-protocol.md, section 4): their type bytes, the HELLO and
 * REFUSED encodings, and the authentication MAC. */
#ifndef EAVE_LINK_CONTROL_H
#define EAVE_LINK_CONTROL_H

#include <stddef.h>
#include <stdint.h>

#include "sha256.h"

#define EAVE_LINK_PROTOCOL_VERSION 1u

#define EAVE_CHANNEL_CONTROL 0u
#define EAVE_CHANNEL_MANAGEMENT 1u
#define EAVE_CHANNEL_CONSOLE 2u
#define EAVE_CHANNEL_DEBUG 3u

enum {
  EAVE_CONTROL_HELLO_REQUEST = 0x01,
  EAVE_CONTROL_HELLO = 0x02,
  EAVE_CONTROL_AUTH = 0x03,
  EAVE_CONTROL_AUTH_OK = 0x04,
  EAVE_CONTROL_REFUSED = 0x05,
  EAVE_CONTROL_PING = 0x06,
  EAVE_CONTROL_PONG = 0x07,
};

enum {
  EAVE_REFUSED_WRONG_SECRET = 1,
  EAVE_REFUSED_AUTH_REQUIRED = 2,
  EAVE_REFUSED_PROTOCOL_VERSION = 3,
  EAVE_REFUSED_BAD_MESSAGE = 4,
};

#define EAVE_HELLO_AUTH_REQUIRED 0x01u
#define EAVE_HELLO_AUTHENTICATED 0x02u

#define EAVE_DEVICE_ID_SIZE 8u
#define EAVE_CHALLENGE_SIZE 16u
#define EAVE_AUTH_CONTEXT "eave-link-auth-1" /* 16 bytes before the id and the challenge */

typedef struct {
  uint16_t protocol;
  uint8_t flags;
  uint8_t id[EAVE_DEVICE_ID_SIZE];
  uint8_t challenge[EAVE_CHALLENGE_SIZE];
  const char *firmware;
  const char *name;
  const char *board;
} eave_hello;

/* Each returns the encoded size, or 0 when `capacity` is too small; strings longer than 255
 * bytes are cut. */
size_t eave_hello_encode(const eave_hello *hello, uint8_t *out, size_t capacity);
size_t eave_refused_encode(uint8_t reason, const char *message, uint8_t *out, size_t capacity);

/* The MAC a host sends in AUTH: HMAC-SHA256(secret, "eave-link-auth-1" || id || challenge). */
void eave_auth_mac(const uint8_t *secret, size_t secret_length, const uint8_t id[EAVE_DEVICE_ID_SIZE],
                   const uint8_t challenge[EAVE_CHALLENGE_SIZE], uint8_t mac[EAVE_SHA256_SIZE]);

#endif
