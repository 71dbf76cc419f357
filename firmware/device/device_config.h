/* Limits of the program store (docs/program-store.md) and of the management protocol
 * (docs/management-protocol.md), each with the reason for its value. A port or a test may
 * override any of them by defining it before this header is read (e.g. -D on the command line);
 * the ones marked "protocol" must then match the host's (toolchain/device). */
#ifndef EAVE_DEVICE_CONFIG_H
#define EAVE_DEVICE_CONFIG_H

/* Bytes of a container name. Protocol. Matches the VM's EAVE_MAX_NAME (32 with the NUL) and
 * keeps a store record header at 96 bytes. */
#ifndef EAVE_STORE_MAX_NAME
#define EAVE_STORE_MAX_NAME 31u
#endif

/* Entries the store indexes in RAM (about 80 bytes each). Twice the containers one VM runs at
 * once (EAVE_MAX_CONTAINERS): some installed programs are only started now and then. */
#ifndef EAVE_STORE_MAX_ENTRIES
#define EAVE_STORE_MAX_ENTRIES 32u
#endif

/* Alignment of every record and of every write the store makes: the largest flash program unit
 * it supports (16 bytes: STM32H7 flash words; most NOR parts program 1..8 bytes). Images start on
 * this alignment, which the VM's 4-byte requirement needs. Part of the on-flash format. */
#define EAVE_STORE_ALIGN 16u

/* Stack buffer for reading back an image's CRC and for copying during compaction. A multiple of
 * EAVE_STORE_ALIGN; larger is faster through a read callback, smaller suits tiny stacks. */
#ifndef EAVE_STORE_COPY_CHUNK
#define EAVE_STORE_COPY_CHUNK 256u
#endif

/* Largest management message: one link frame payload (EAVE_LINK_MAX_PAYLOAD). Protocol. */
#ifndef EAVE_MANAGE_MAX_MESSAGE
#define EAVE_MANAGE_MAX_MESSAGE 512u
#endif

/* Largest INSTALL_DATA chunk: what fits a message after the type, request id (5), offset (5) and
 * length (2) varints, rounded down to a multiple of 16 so chunks fill whole flash units. Protocol. */
#ifndef EAVE_MANAGE_MAX_CHUNK
#define EAVE_MANAGE_MAX_CHUNK 496u
#endif

/* Containers the manager tracks (state, exit code, reason): one per store entry. */
#ifndef EAVE_MANAGE_MAX_CONTAINERS
#define EAVE_MANAGE_MAX_CONTAINERS EAVE_STORE_MAX_ENTRIES
#endif

/* Bytes of an exit reason or error message kept and sent: a sentence, not a log. Longer text is
 * cut at a UTF-8 boundary. Protocol (receivers may refuse longer). */
#ifndef EAVE_MANAGE_MAX_TEXT
#define EAVE_MANAGE_MAX_TEXT 160u
#endif

/* Frames of an uncaught exception trace kept and sent (the VM's EAVE_MAX_TRACE_FRAMES). */
#ifndef EAVE_MANAGE_MAX_TRACE
#define EAVE_MANAGE_MAX_TRACE 16u
#endif

/* START arguments: count and total bytes, enough for a few flags; they travel in one message. */
#ifndef EAVE_MANAGE_MAX_ARGS
#define EAVE_MANAGE_MAX_ARGS 8u
#endif
#ifndef EAVE_MANAGE_MAX_ARGS_BYTES
#define EAVE_MANAGE_MAX_ARGS_BYTES 256u
#endif

#endif
