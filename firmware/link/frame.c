/* Frame encoding and the resynchronising decoder of docs/link-protocol.md, section 1. */
#include "frame.h"

#include <string.h>

#include "crc32.h"

static void put_u32(uint8_t *at, uint32_t value) {
  at[0] = (uint8_t)value;
  at[1] = (uint8_t)(value >> 8);
  at[2] = (uint8_t)(value >> 16);
  at[3] = (uint8_t)(value >> 24);
}

static uint32_t get_u32(const uint8_t *at) {
  return (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16 | (uint32_t)at[3] << 24;
}

size_t eave_frame_encode(const eave_frame *frame, uint8_t *out, size_t capacity) {
  size_t size = EAVE_FRAME_OVERHEAD + frame->length;
  if (frame->length > EAVE_LINK_MAX_PAYLOAD || capacity < size) return 0;
  out[0] = EAVE_FRAME_SYNC0;
  out[1] = EAVE_FRAME_SYNC1;
  out[2] = frame->flags;
  out[3] = frame->channel;
  out[4] = frame->seq;
  out[5] = (uint8_t)frame->length;
  out[6] = (uint8_t)(frame->length >> 8);
  out[7] = (uint8_t)eave_crc32(out + 2, 5);
  if (frame->length > 0) memmove(out + EAVE_FRAME_HEADER_SIZE, frame->payload, frame->length);
  put_u32(out + EAVE_FRAME_HEADER_SIZE + frame->length,
          eave_crc32(out + 2, EAVE_FRAME_HEADER_SIZE - 2 + frame->length));
  return size;
}

void eave_frame_decoder_init(eave_frame_decoder *decoder) {
  memset(decoder, 0, sizeof *decoder);
}

static void drop(eave_frame_decoder *decoder, size_t count) {
  memmove(decoder->buffer, decoder->buffer + count, decoder->used - count);
  decoder->used -= count;
}

/* Handles what the buffer holds; returns when it needs more bytes. Every pass either waits or
 * drops bytes, so a full buffer always makes progress (a valid header never asks for more than
 * the buffer holds). */
static void parse(eave_frame_decoder *decoder, eave_frame_callback on_frame,
                  void (*on_corrupt)(void *context), void *context) {
  uint8_t *b = decoder->buffer;
  while (decoder->used > 0) {
    if (b[0] != EAVE_FRAME_SYNC0) {
      const uint8_t *sync = memchr(b, EAVE_FRAME_SYNC0, decoder->used);
      size_t garbage = sync == NULL ? decoder->used : (size_t)(sync - b);
      decoder->skipped += (uint32_t)garbage;
      drop(decoder, garbage);
      continue;
    }
    if (decoder->used < 2) return;
    if (b[1] != EAVE_FRAME_SYNC1) {
      decoder->skipped++;
      drop(decoder, 1);
      continue;
    }
    if (decoder->used < EAVE_FRAME_HEADER_SIZE) return;
    size_t length = (size_t)b[5] | (size_t)b[6] << 8;
    size_t size = EAVE_FRAME_OVERHEAD + length;
    int header_ok = (uint8_t)eave_crc32(b + 2, 5) == b[7] && length <= EAVE_LINK_MAX_PAYLOAD;
    if (header_ok && decoder->used < size) return;
    if (!header_ok || eave_crc32(b + 2, EAVE_FRAME_HEADER_SIZE - 2 + length) !=
                          get_u32(b + EAVE_FRAME_HEADER_SIZE + length)) {
      decoder->corrupt++;
      drop(decoder, 1);
      if (on_corrupt != NULL) on_corrupt(context);
      continue;
    }
    eave_frame frame = {b[2], b[3], b[4], (uint16_t)length, b + EAVE_FRAME_HEADER_SIZE};
    decoder->frames++;
    on_frame(context, &frame);
    drop(decoder, size);
  }
}

void eave_frame_decoder_feed(eave_frame_decoder *decoder, const uint8_t *data, size_t length,
                             eave_frame_callback on_frame, void (*on_corrupt)(void *context),
                             void *context) {
  while (length > 0) {
    size_t room = sizeof decoder->buffer - decoder->used;
    size_t take = length < room ? length : room;
    memcpy(decoder->buffer + decoder->used, data, take);
    decoder->used += take;
    data += take;
    length -= take;
    parse(decoder, on_frame, on_corrupt, context);
  }
}
