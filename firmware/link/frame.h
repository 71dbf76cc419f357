/* Link frames (docs/link-protocol.md, section 1): the encoder and the incremental decoder that
 * finds frames in a byte stream with garbage, lost and corrupted bytes. */
#ifndef EAVE_LINK_FRAME_H
#define EAVE_LINK_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "link_config.h"

#define EAVE_FRAME_SYNC0 0xEAu
#define EAVE_FRAME_SYNC1 0x5Eu
#define EAVE_FRAME_HEADER_SIZE 8u
#define EAVE_FRAME_TRAILER_SIZE 4u
#define EAVE_FRAME_OVERHEAD (EAVE_FRAME_HEADER_SIZE + EAVE_FRAME_TRAILER_SIZE)
#define EAVE_FRAME_MAX_SIZE (EAVE_FRAME_OVERHEAD + EAVE_LINK_MAX_PAYLOAD)

/* Flag bits; a data frame has none. */
#define EAVE_FRAME_ACK 0x01u
#define EAVE_FRAME_NACK 0x02u
#define EAVE_FRAME_RESET 0x04u
#define EAVE_FRAME_KNOWN_FLAGS (EAVE_FRAME_ACK | EAVE_FRAME_NACK | EAVE_FRAME_RESET)

_Static_assert(EAVE_LINK_MAX_PAYLOAD <= 0xFFFFu, "the length field is 16 bits");

typedef struct {
  uint8_t flags;
  uint8_t channel;
  uint8_t seq;
  uint16_t length;
  const uint8_t *payload; /* `length` bytes; when decoded, valid only inside the callback */
} eave_frame;

/* Writes the frame to `out`; returns its size, or 0 when the payload is too long or `capacity`
 * too small. */
size_t eave_frame_encode(const eave_frame *frame, uint8_t *out, size_t capacity);

typedef void (*eave_frame_callback)(void *context, const eave_frame *frame);

typedef struct {
  uint8_t buffer[EAVE_FRAME_MAX_SIZE]; /* starts at a candidate sync byte once one is seen */
  size_t used;
  uint32_t frames;  /* good frames handed on */
  uint32_t corrupt; /* candidates whose header check or CRC failed */
  uint32_t skipped; /* bytes dropped while looking for a sync */
} eave_frame_decoder;

void eave_frame_decoder_init(eave_frame_decoder *decoder);

/* Takes `length` received bytes and calls `on_frame` for every good frame they complete, and
 * `on_corrupt` (may be NULL) for every corrupt one. */
void eave_frame_decoder_feed(eave_frame_decoder *decoder, const uint8_t *data, size_t length,
                             eave_frame_callback on_frame, void (*on_corrupt)(void *context),
                             void *context);

#endif
