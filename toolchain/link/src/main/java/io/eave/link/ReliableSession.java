package io.eave.link;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The reliable session of docs/link-protocol.md, section 2, host side and the same state machine
 * as firmware/link/session.c: RESET with a nonce, one data frame in flight, ACK, NACK,
 * retransmission driven by {@link #tick(long)}, duplicate suppression. Thread-safe; the callbacks
 * run with the session's lock held, so they must only hand work on.
 */
public final class ReliableSession {

    /** Where the session's output and events go. */
    public interface Callbacks {
        void write(byte[] bytes);

        /** A message arrived on a channel (exactly once, in order). */
        void deliver(int channel, byte[] payload);

        /** The peer started a new session by itself: a device that restarted. */
        default void peerReset() {
        }

        /** The peer did not answer {@link LinkTiming#maxRetries()} retransmissions. */
        default void peerGone() {
        }
    }

    private enum State { NONE, STARTING, ACTIVE }

    private record Outgoing(int channel, byte[] payload, CompletableFuture<Void> acknowledged) {
    }

    private final Callbacks callbacks;
    private final LinkTiming timing;
    private final FrameDecoder decoder = new FrameDecoder();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private State state = State.NONE;
    private int nonce;
    private CompletableFuture<Void> started = new CompletableFuture<>();
    private int txSeq;
    private int rxExpected;
    private boolean inFlight;
    private long sentAt;
    private int retries;
    private long now;
    private boolean nackDue;

    private long framesSent;
    private long retransmits;
    private long duplicates;
    private long delivered;
    private long protocolErrors;

    public ReliableSession(Callbacks callbacks, LinkTiming timing) {
        this.callbacks = callbacks;
        this.timing = timing;
    }

    /** Starts a session with RESET; the future completes at the device's RESET ACK. */
    public synchronized CompletableFuture<Void> start(int nonce, long now) {
        this.now = now;
        this.nonce = nonce;
        state = State.STARTING;
        if (started.isDone()) {
            started = new CompletableFuture<>();
        }
        inFlight = true;
        retries = 0;
        sendInFlight();
        return started;
    }

    /** Queues a message; the future completes when the device acknowledged it. */
    public synchronized CompletableFuture<Void> send(int channel, byte[] payload) {
        if (payload.length > Frame.MAX_PAYLOAD) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a message of " + payload.length + " bytes; the link carries at most " + Frame.MAX_PAYLOAD + " per message"));
        }
        Outgoing outgoing = new Outgoing(channel, payload.clone(), new CompletableFuture<>());
        queue.add(outgoing);
        pump();
        return outgoing.acknowledged;
    }

    public synchronized void receive(byte[] data, int length, long now) {
        this.now = now;
        nackDue = false;
        decoder.feed(data, 0, length, new FrameDecoder.Listener() {
            @Override
            public void frame(Frame frame) {
                onFrame(frame);
            }

            @Override
            public void corrupt() {
                nackDue = true;
            }
        });
        if (nackDue) {
            write(new Frame(Frame.NACK, 0, 0, new byte[0]));
        }
    }

    /** Retransmits when the frame in flight timed out; call every few milliseconds. */
    public synchronized void tick(long now) {
        this.now = now;
        if (!inFlight || now - sentAt < timing.retransmitMillis()) {
            return;
        }
        if (retries >= timing.maxRetries()) {
            inFlight = false;
            state = State.NONE;
            callbacks.peerGone();
            return;
        }
        retries++;
        retransmits++;
        sendInFlight();
    }

    /** Fails every queued message and the start with {@code cause}; the session ends. */
    public synchronized void fail(Throwable cause) {
        state = State.NONE;
        inFlight = false;
        started.completeExceptionally(cause);
        for (Outgoing outgoing : queue) {
            outgoing.acknowledged.completeExceptionally(cause);
        }
        queue.clear();
    }

    public synchronized boolean active() {
        return state == State.ACTIVE;
    }

    public synchronized LinkStatistics statistics() {
        return new LinkStatistics(framesSent, decoder.frames(), decoder.corrupt(), decoder.skipped(), retransmits,
                duplicates, delivered, protocolErrors);
    }

    private void onFrame(Frame frame) {
        int flags = frame.flags();
        if ((flags & ~Frame.KNOWN_FLAGS) != 0) {
            protocolErrors++;
        } else if ((flags & ~Frame.ACK) == Frame.RESET) {
            onReset(frame);
        } else if (flags == Frame.ACK) {
            onAck(frame);
        } else if (flags == Frame.NACK) {
            if (inFlight) {
                retransmits++;
                sendInFlight();
            }
        } else if (flags == 0) {
            onData(frame);
        } else {
            protocolErrors++;
        }
    }

    private void onReset(Frame frame) {
        if (frame.payload().length != 4) {
            protocolErrors++;
            return;
        }
        int peerNonce = ByteBuffer.wrap(frame.payload()).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if ((frame.flags() & Frame.ACK) != 0) {
            if (state == State.STARTING && peerNonce == nonce) {
                begin(peerNonce);
                started.complete(null);
            }
            return;
        }
        write(new Frame(Frame.RESET | Frame.ACK, 0, 0, frame.payload()));
        if (state == State.ACTIVE && peerNonce == nonce) {
            return;
        }
        boolean wasActive = state == State.ACTIVE;
        begin(peerNonce);
        started.complete(null);
        if (wasActive) {
            callbacks.peerReset();
        }
    }

    private void begin(int sessionNonce) {
        state = State.ACTIVE;
        nonce = sessionNonce;
        txSeq = 0;
        rxExpected = 0;
        inFlight = false;
        pump();
    }

    private void onData(Frame frame) {
        if (state != State.ACTIVE) {
            return;
        }
        if (frame.seq() == rxExpected) {
            delivered++;
            rxExpected = (rxExpected + 1) & 0xFF;
            callbacks.deliver(frame.channel(), frame.payload());
        } else if (frame.seq() == ((rxExpected - 1) & 0xFF)) {
            duplicates++;
        } else {
            protocolErrors++;
            return;
        }
        write(new Frame(Frame.ACK, frame.channel(), frame.seq(), new byte[0]));
    }

    private void onAck(Frame frame) {
        if (state != State.ACTIVE || !inFlight || frame.seq() != txSeq) {
            return;
        }
        Outgoing done = queue.poll();
        inFlight = false;
        txSeq = (txSeq + 1) & 0xFF;
        pump();
        if (done != null) {
            done.acknowledged.complete(null);
        }
    }

    private void pump() {
        if (state != State.ACTIVE || inFlight || queue.isEmpty()) {
            return;
        }
        inFlight = true;
        retries = 0;
        sendInFlight();
    }

    private void sendInFlight() {
        if (state == State.STARTING) {
            byte[] payload = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(nonce).array();
            write(new Frame(Frame.RESET, 0, 0, payload));
        } else {
            Outgoing head = queue.peek();
            write(new Frame(0, head.channel, txSeq, head.payload));
        }
        sentAt = now;
    }

    private void write(Frame frame) {
        framesSent++;
        callbacks.write(frame.encode());
    }
}
