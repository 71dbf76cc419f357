package io.eave.link;

/** Counters of one connection, for diagnostics and for the messages of link errors. */
public record LinkStatistics(long framesSent, long framesReceived, long corruptFrames, long skippedBytes,
        long retransmits, long duplicates, long messagesDelivered, long protocolErrors) {
}
