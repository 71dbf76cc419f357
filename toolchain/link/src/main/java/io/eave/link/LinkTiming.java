package io.eave.link;

import java.time.Duration;

/**
 * Retransmission timing of a transport (docs/link-protocol.md, section 2): no ACK within
 * {@code retransmitMillis} sends the frame again; after {@code maxRetries} the peer counts as gone.
 */
public record LinkTiming(int retransmitMillis, int maxRetries) {

    /** A maximum frame takes 45 ms at 115200 baud and its ACK 1 ms; 150 ms leaves room for a busy device. */
    public static final LinkTiming SERIAL = new LinkTiming(150, 20);
    /** TCP loses nothing: a retransmission only means a device that does not answer. */
    public static final LinkTiming TCP = new LinkTiming(1000, 5);

    /** How long a peer may stay silent before it counts as gone. */
    public Duration giveUpAfter() {
        return Duration.ofMillis((long) retransmitMillis * (maxRetries + 1));
    }
}
