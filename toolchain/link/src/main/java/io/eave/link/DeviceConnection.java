package io.eave.link;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A connection to one device over a {@link Transport}: starts the session, reads HELLO,
 * authenticates when the device asks, then carries messages per channel. Every round-trip is a
 * {@link CompletableFuture} with a timeout; nothing blocks forever. Failures are
 * {@link LinkException}s whose message says what went wrong and what to do.
 *
 * <pre>{@code
 * try (DeviceConnection device = DeviceConnection.connect(TcpTransport.connect("127.0.0.1", port, timeout),
 *         DeviceConnection.Options.withSecret(secret))) {
 *     device.setListener(DeviceConnection.CONSOLE, bytes -> System.out.print(new String(bytes, UTF_8)));
 *     device.send(DeviceConnection.MANAGEMENT, request).get(5, SECONDS);
 * }
 * }</pre>
 */
public final class DeviceConnection implements AutoCloseable {

    public static final int CONTROL = 0;
    public static final int MANAGEMENT = 1;
    public static final int CONSOLE = 2;
    public static final int DEBUG = 3;
    static final String[] CHANNEL_NAMES = {"control", "management", "console", "debug"};

    /** How long a read waits, so retransmission ticks run at least this often. */
    private static final int READ_SLICE_MILLIS = 5;

    /** How to connect: the device's secret (null when none is known) and the time to get connected. */
    public record Options(String secret, Duration timeout) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

        public static Options withSecret(String secret) {
            return new Options(secret, DEFAULT_TIMEOUT);
        }

        public static Options trusted() {
            return new Options(null, DEFAULT_TIMEOUT);
        }

        public Options withTimeout(Duration timeout) {
            return new Options(secret, timeout);
        }
    }

    private final Transport transport;
    private final Options options;
    private final ReliableSession session;
    private final ExecutorService events;
    private final ChannelInbox[] inboxes = new ChannelInbox[CHANNEL_NAMES.length];
    private final CompletableFuture<Hello> hello = new CompletableFuture<>();
    private final CompletableFuture<Void> authenticated = new CompletableFuture<>();
    private final ArrayDeque<CompletableFuture<byte[]>> pings = new ArrayDeque<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread reader;
    private volatile boolean closing;

    private DeviceConnection(Transport transport, Options options) {
        this.transport = transport;
        this.options = options;
        for (int i = 0; i < inboxes.length; i++) {
            inboxes[i] = new ChannelInbox();
        }
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "eave-link-events " + transport.address()));
        this.session = new ReliableSession(new ReliableSession.Callbacks() {
            @Override
            public void write(byte[] bytes) {
                try {
                    transport.write(bytes);
                } catch (IOException e) {
                    shutdownLater(new LinkException("writing to the device at " + transport.address() + " failed: " + e.getMessage(), e));
                }
            }

            @Override
            public void deliver(int channel, byte[] payload) {
                events.execute(() -> dispatch(channel, payload));
            }

            @Override
            public void peerReset() {
                shutdownLater(new LinkException("the device at " + transport.address()
                        + " restarted; what was in progress is lost: connect again"));
            }

            @Override
            public void peerGone() {
                shutdownLater(new LinkTimeoutException(noAnswer(transport.timing().giveUpAfter())));
            }
        }, transport.timing());
        this.reader = daemon(this::readLoop, "eave-link-reader " + transport.address());
    }

    /** Connects (session, HELLO, authentication when the device asks); completes within the options' timeout. */
    public static CompletableFuture<DeviceConnection> connectAsync(Transport transport, Options options) {
        DeviceConnection connection = new DeviceConnection(transport, options);
        connection.reader.start();
        CompletableFuture<DeviceConnection> result = connection.session
                .start(new SecureRandom().nextInt(), System.currentTimeMillis())
                .thenComposeAsync(started -> {
                    connection.session.send(CONTROL, Control.helloRequest());
                    return connection.hello;
                }, connection.events)
                .thenComposeAsync(connection::authenticate, connection.events)
                .thenApply(done -> connection);
        within(result, options.timeout(), () -> new LinkTimeoutException(connection.noAnswer(options.timeout())));
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                connection.shutdown(unwrap(failure));
            }
        });
        return result;
    }

    /** Connects and waits (at most the options' timeout); throws what went wrong. */
    public static DeviceConnection connect(Transport transport, Options options) throws LinkException {
        return await(connectAsync(transport, options), options.timeout().plusSeconds(1), transport.address());
    }

    /** Waits for a future of this API, turning its failure back into the {@link LinkException} it carries. */
    public static <T> T await(CompletableFuture<T> future, Duration timeout, String address) throws LinkException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof LinkException link) {
                throw link;
            }
            throw new LinkException("the link to " + address + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new LinkTimeoutException("no answer from the device at " + address + " within " + seconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while waiting for the device at " + address, e);
        }
    }

    /** The device's HELLO: name, id, firmware, board. */
    public Hello hello() {
        return hello.getNow(null);
    }

    public String address() {
        return transport.address();
    }

    /** Sends a message on a channel; the future completes when the device acknowledged it. */
    public CompletableFuture<Void> send(int channel, byte[] payload) {
        if (channel <= CONTROL || channel >= CHANNEL_NAMES.length) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "channel " + channel + ": use MANAGEMENT, CONSOLE or DEBUG (the link itself speaks on CONTROL)"));
        }
        if (closing) {
            return CompletableFuture.failedFuture(new LinkException("the connection to " + address() + " is closed"));
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        session.send(channel, payload).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                result.complete(null);
            }
        }, events);
        Duration giveUp = transport.timing().giveUpAfter().plusSeconds(1);
        return within(result, giveUp, () -> new LinkTimeoutException(noAnswer(giveUp)));
    }

    /** The next message on a channel, or a {@link LinkTimeoutException} after {@code timeout}. */
    public CompletableFuture<byte[]> receive(int channel, Duration timeout) {
        CompletableFuture<byte[]> next = inboxes[checkChannel(channel)].next();
        return within(next, timeout, () -> new LinkTimeoutException("no message on the " + CHANNEL_NAMES[channel]
                + " channel from " + who() + " within " + seconds(timeout)));
    }

    /** Hands every message of a channel to {@code listener} (on the connection's event thread); null: queue them again. */
    public void setListener(int channel, Consumer<byte[]> listener) {
        inboxes[checkChannel(channel)].setListener(listener);
    }

    /** A round trip on the control channel with {@code size} bytes of payload; completes with its time. */
    public CompletableFuture<Duration> ping(int size) {
        byte[] message = new byte[1 + Math.min(size, Frame.MAX_PAYLOAD - 1)];
        message[0] = Control.PING;
        CompletableFuture<byte[]> pong = new CompletableFuture<>();
        long start = System.nanoTime();
        synchronized (pings) {
            pings.add(pong);
        }
        session.send(CONTROL, message);
        Duration giveUp = transport.timing().giveUpAfter();
        return within(pong, giveUp, () -> new LinkTimeoutException(noAnswer(giveUp)))
                .thenApply(bytes -> Duration.ofNanos(System.nanoTime() - start));
    }

    public LinkStatistics statistics() {
        return session.statistics();
    }

    /** Completes when the connection ends: normally after {@link #close()}, exceptionally when it broke. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void close() {
        shutdown(null);
    }

    private CompletableFuture<Void> authenticate(Hello device) {
        if (device.protocol() != Control.PROTOCOL_VERSION) {
            return CompletableFuture.failedFuture(new LinkException(who() + " speaks link protocol " + device.protocol()
                    + ", this Eave " + Control.PROTOCOL_VERSION + ": update the firmware or Eave so they match"));
        }
        if (!device.authenticationRequired()) {
            return CompletableFuture.completedFuture(null);
        }
        if (options.secret() == null) {
            return CompletableFuture.failedFuture(new AuthenticationException(who()
                    + " requires authentication on this link: give its secret (for eave-sim, the first line of"
                    + " its STORE.secret file, or the --secret it was started with)"));
        }
        byte[] mac = Control.authMac(options.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8), device.deviceId(), device.challenge());
        session.send(CONTROL, Control.auth(mac));
        return authenticated;
    }

    private void dispatch(int channel, byte[] payload) {
        if (channel != CONTROL) {
            if (channel < inboxes.length) {
                inboxes[channel].deliver(payload);
            }
            return;
        }
        try {
            int type = payload.length == 0 ? -1 : payload[0] & 0xFF;
            switch (type) {
                case Control.HELLO -> hello.complete(Hello.decode(payload));
                case Control.AUTH_OK -> authenticated.complete(null);
                case Control.PONG -> {
                    CompletableFuture<byte[]> pong;
                    synchronized (pings) {
                        pong = pings.poll();
                    }
                    if (pong != null) {
                        pong.complete(payload);
                    }
                }
                case Control.REFUSED -> refused(Control.Refusal.decode(payload));
                default -> {
                    // a newer device's message: ignored
                }
            }
        } catch (LinkException e) {
            shutdown(e);
        }
    }

    private void refused(Control.Refusal refusal) {
        LinkException failure = switch (refusal.reason()) {
            case Control.REFUSED_WRONG_SECRET -> new AuthenticationException("the device at " + address() + " refused the connection: "
                    + refusal.message() + " (for eave-sim, the secret is the first line of its STORE.secret file)");
            case Control.REFUSED_AUTH_REQUIRED -> new AuthenticationException("the device at " + address() + " refused: " + refusal.message());
            default -> new LinkException("the device at " + address() + " refused: " + refusal.message());
        };
        hello.completeExceptionally(failure);
        authenticated.completeExceptionally(failure);
        if (refusal.reason() == Control.REFUSED_WRONG_SECRET || refusal.reason() == Control.REFUSED_AUTH_REQUIRED) {
            shutdown(failure);
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        while (!closing) {
            try {
                int n = transport.read(buffer, READ_SLICE_MILLIS);
                if (n < 0) {
                    shutdownLater(new LinkException("the device at " + address() + " closed the connection"));
                    return;
                }
                long now = System.currentTimeMillis();
                if (n > 0) {
                    session.receive(buffer, n, now);
                }
                session.tick(now);
            } catch (IOException e) {
                if (!closing) {
                    shutdownLater(new LinkException("reading from the device at " + address() + " failed: " + e.getMessage(), e));
                }
                return;
            }
        }
    }

    /** Shuts down after the messages already received are dispatched (a REFUSED before the device closes). */
    private void shutdownLater(LinkException cause) {
        try {
            events.execute(() -> shutdown(cause));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            shutdown(cause); // already shutting down
        }
    }

    /** Ends the connection once; {@code cause} null means a normal close. */
    private void shutdown(Throwable cause) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        Throwable failure = cause != null ? cause : new LinkException("the connection to " + address() + " was closed");
        transport.close();
        session.fail(failure);
        hello.completeExceptionally(failure);
        authenticated.completeExceptionally(failure);
        synchronized (pings) {
            pings.forEach(p -> p.completeExceptionally(failure));
            pings.clear();
        }
        for (ChannelInbox inbox : inboxes) {
            inbox.failAll(failure);
        }
        events.shutdown();
        if (cause == null) {
            closed.complete(null);
        } else {
            closed.completeExceptionally(cause);
        }
    }

    private String who() {
        Hello h = hello.getNow(null);
        return h == null ? "the device at " + address() : "device '" + h.name() + "' at " + address();
    }

    /** "No answer" with what the line looked like, which tells a dead device from a bad line. */
    String noAnswer(Duration waited) {
        LinkStatistics stats = session.statistics();
        String line;
        if (stats.corruptFrames() > 0) {
            line = " (" + stats.corruptFrames() + " corrupt frames received: check the baud rate and the cable)";
        } else if (stats.framesReceived() == 0 && stats.skippedBytes() > 0) {
            line = " (" + stats.skippedBytes() + " bytes came back but no frame: is the Eave firmware running there?)";
        } else if (stats.framesReceived() == 0) {
            line = " (nothing came back: is the device on, running the Eave firmware, and is this its port?)";
        } else {
            line = "";
        }
        return "no answer from the device at " + address() + " within " + seconds(waited) + line;
    }

    private static int checkChannel(int channel) {
        if (channel < 0 || channel >= CHANNEL_NAMES.length) {
            throw new IllegalArgumentException("no channel " + channel + "; channels are 0 to " + (CHANNEL_NAMES.length - 1));
        }
        return channel;
    }

    static <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout, Supplier<LinkException> failure) {
        if (!future.isDone()) {
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> future.completeExceptionally(failure.get()));
        }
        return future;
    }

    static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
