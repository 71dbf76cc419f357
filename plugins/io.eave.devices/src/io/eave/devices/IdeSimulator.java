package io.eave.devices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.eave.link.LinkException;
import io.eave.link.Simulator;

/**
 * The simulated device the IDE starts as its default device: eave-sim with its program store
 * beside the IDE's other state. It ends with the IDE: {@link #stop()} when the plugin stops, and
 * eave-sim asks the kernel for a signal when its parent goes (PR_SET_PDEATHSIG).
 *
 * <p>That signal comes when the <em>thread</em> that started the process ends, not the JVM: so
 * the simulator is started and stopped from one thread of our own that lives as long as the IDE,
 * never from a Job's worker thread, which the job manager retires when idle.
 */
public final class IdeSimulator {

    /** The name the IDE's simulated device answers discovery with. */
    public static final String NAME = "ide-sim";

    public enum State { OFF, STARTING, RUNNING, FAILED }

    /** Finds the eave-sim binary; may extract it from a bundle. */
    @FunctionalInterface
    public interface BinarySource {
        Path binary() throws IOException;
    }

    private final BinarySource binaries;
    private final Path store;
    private final String name;
    private final ExecutorService owner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eave-simulator");
        t.setDaemon(true);
        return t;
    });
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Simulator simulator;
    private volatile State state = State.OFF;
    private volatile String problem = "";

    /** {@code store}: the program store file (its secret lies beside it as STORE.secret). */
    public IdeSimulator(BinarySource binaries, Path store, String name) {
        this.binaries = binaries;
        this.store = store;
        this.name = name;
    }

    public State state() {
        return state;
    }

    /** Why it is not running, when it failed: what to do about it. */
    public String problem() {
        return problem;
    }

    public String name() {
        return name;
    }

    /** The running simulator, or null. */
    public Simulator running() {
        Simulator s = simulator;
        return s != null && s.process().isAlive() ? s : null;
    }

    /** Told (on any thread) whenever the state changes. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Starts it unless it runs; completes when it serves, or fails saying why. */
    public CompletableFuture<Simulator> start() {
        return CompletableFuture.supplyAsync(() -> {
            Simulator s = running();
            if (s != null) {
                return s;
            }
            set(State.STARTING, "");
            try {
                Path binary = binaries.binary();
                Files.createDirectories(store.getParent());
                s = Simulator.start(binary, name, store, null);
            } catch (IOException | LinkException | RuntimeException e) {
                set(State.FAILED, "the simulated device did not start: " + e.getMessage());
                throw new java.util.concurrent.CompletionException(new IOException(problem, e));
            }
            drain(s.process().getInputStream());
            Simulator started = s;
            s.process().onExit().thenRun(() -> {
                if (simulator == started) {
                    simulator = null;
                    set(started.process().exitValue() == 0 || state == State.OFF ? State.OFF : State.FAILED,
                            "the simulated device ended with exit code " + started.process().exitValue());
                }
            });
            simulator = s;
            set(State.RUNNING, "");
            return s;
        }, owner);
    }

    /** Stops it (from the thread that started it); completes when it has ended. */
    public CompletableFuture<Void> stop() {
        return CompletableFuture.runAsync(() -> {
            Simulator s = simulator;
            simulator = null;
            set(State.OFF, "");
            if (s != null) {
                s.close();
            }
        }, owner);
    }

    /** Stops it and retires the owner thread: the IDE is ending. */
    public void dispose() {
        try {
            stop().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            Simulator s = simulator;
            if (s != null) {
                s.process().destroyForcibly();
            }
        }
        owner.shutdown();
    }

    private void set(State newState, String why) {
        state = newState;
        problem = why;
        listeners.forEach(Runnable::run);
    }

    /** Reads what eave-sim prints after its addresses, so a full pipe never blocks it. */
    private static void drain(InputStream output) {
        Thread t = new Thread(() -> {
            try (InputStream in = output) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // it ended
            }
        }, "eave-simulator-output");
        t.setDaemon(true);
        t.start();
    }
}
