/* Limits and timings of the device link (docs/link-protocol.md), each with the reason for its
 * value. A port or a test may override any of them by defining it before this header is read
 * (for example with -D on the compiler command line). */
#ifndef EAVE_LINK_CONFIG_H
#define EAVE_LINK_CONFIG_H

/* Largest payload of one frame. The receiver holds a whole frame before checking it and the
 * smallest board's UART receive ring is 1024 bytes: it must hold one maximum frame plus the ACK
 * of the other direction while the firmware is busy. 512 is also a whole number of flash pages
 * for image chunks. Part of the protocol: both sides must agree. */
#ifndef EAVE_LINK_MAX_PAYLOAD
#define EAVE_LINK_MAX_PAYLOAD 512u
#endif

/* Bytes queued for sending per endpoint (messages waiting behind the one in flight, each with a
 * 3-byte header). Four maximum messages: console output can burst while the host is slow to ACK;
 * beyond that the sender gets EAVE_LINK_BUSY and decides (the console drops, management waits). */
#ifndef EAVE_LINK_TX_QUEUE_SIZE
#define EAVE_LINK_TX_QUEUE_SIZE 2080u
#endif

/* Serial timings: a maximum frame takes 45 ms at 115200 baud and its ACK 1 ms; 150 ms leaves
 * room for a busy device. 20 retransmissions (3 s) before the peer counts as gone. */
#ifndef EAVE_LINK_SERIAL_RETRANSMIT_MS
#define EAVE_LINK_SERIAL_RETRANSMIT_MS 150u
#endif
#ifndef EAVE_LINK_SERIAL_MAX_RETRIES
#define EAVE_LINK_SERIAL_MAX_RETRIES 20u
#endif

/* TCP loses nothing: a retransmission only means a device that does not answer. */
#ifndef EAVE_LINK_TCP_RETRANSMIT_MS
#define EAVE_LINK_TCP_RETRANSMIT_MS 1000u
#endif
#ifndef EAVE_LINK_TCP_MAX_RETRIES
#define EAVE_LINK_TCP_MAX_RETRIES 5u
#endif

/* How long a refused connection stays open for its REFUSED message to be acknowledged. */
#ifndef EAVE_LINK_REFUSE_LINGER_MS
#define EAVE_LINK_REFUSE_LINGER_MS 1000u
#endif

/* Endpoints (sessions) one device serves at once: the serial line plus a few TCP clients
 * (the IDE, a CLI command, the debug adapter). */
#ifndef EAVE_LINK_MAX_ENDPOINTS
#define EAVE_LINK_MAX_ENDPOINTS 5u
#endif

/* Channels with handlers: control, management, console, debug. Frames on others are ignored. */
#define EAVE_LINK_CHANNELS 4u

#endif
