/* Results of the device link's operations: errors are values the caller decides about. */
#ifndef EAVE_LINK_STATUS_H
#define EAVE_LINK_STATUS_H

typedef enum {
  EAVE_LINK_OK = 0,
  EAVE_LINK_BUSY,      /* the send queue is full now; try again after some ticks */
  EAVE_LINK_TOO_LONG,  /* the message is longer than EAVE_LINK_MAX_PAYLOAD */
  EAVE_LINK_BAD_CHANNEL, /* not one of the EAVE_LINK_CHANNELS */
  EAVE_LINK_NOT_OPEN,  /* the endpoint has no authenticated session */
  EAVE_LINK_NO_ROOM,   /* every endpoint slot is taken */
} eave_link_status;

const char *eave_link_status_text(eave_link_status status);

#endif
