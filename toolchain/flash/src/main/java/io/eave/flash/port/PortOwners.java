package io.eave.flash.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who holds which serial port in one program (the IDE): the device links of the monitor and the
 * Devices view register here while they have a port open. A flash asks for the port through
 * {@link #release}: every holder closes its end, the flash opens the port alone, and closing the
 * lease lets every holder reopen it, whether the flash worked or not. While a port is released,
 * {@link #checkAvailable} refuses to let a holder open it again, so a refresh in the background
 * cannot steal it back halfway through a flash.
 *
 * <p>Ports are compared by their real path, so {@code /dev/serial/by-id/...} and the
 * {@code /dev/ttyUSB0} it links to are one port.
 */
public final class PortOwners implements PortHandover {

    /** One holder of an open port. */
    public interface Holder {
        /** Who it is, for messages, e.g. "the Eave Devices view's link to lab-board". */
        String describe();

        /** Closes the port now; the flash opens it right after this returns. */
        void closePort() throws IOException;

        /** Opens the port again after the flash (may connect in the background). */
        void reopenPort() throws IOException;
    }

    private final Map<String, List<Holder>> holders = new ConcurrentHashMap<>();
    private final Map<String, String> released = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> problems = new CopyOnWriteArrayList<>();

    /** Registers {@code holder} of {@code port}; closing the result unregisters it (the holder closed the port itself). */
    public AutoCloseable hold(String port, Holder holder) {
        String key = key(port);
        holders.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(holder);
        return () -> {
            List<Holder> list = holders.get(key);
            if (list != null) {
                list.remove(holder);
            }
        };
    }

    /** The holders of {@code port} now. */
    public List<Holder> holdersOf(String port) {
        return List.copyOf(holders.getOrDefault(key(port), List.of()));
    }

    /** Whether {@code port} is handed over to a flash right now. */
    public boolean isReleased(String port) {
        return released.containsKey(key(port));
    }

    /** Throws, saying why, while {@code port} is handed over; a holder calls it before it opens the port. */
    public void checkAvailable(String port) throws IOException {
        String to = released.get(key(port));
        if (to != null) {
            throw new IOException(port + " is being used by " + to + ": the link reopens when it is done");
        }
    }

    /** Told when a holder failed to give the port back or to take it again (the message says which and why). */
    public void onProblem(Consumer<String> listener) {
        problems.add(listener);
    }

    @Override
    public Lease release(String port) throws IOException {
        return release(port, "a flash");
    }

    /**
     * Closes {@code port} in every holder and marks it released to {@code user} ("a flash").
     * When a holder cannot close it, those already closed reopen and the release fails.
     */
    public Lease release(String port, String user) throws IOException {
        String key = key(port);
        if (released.putIfAbsent(key, user) != null) {
            throw new IOException(port + " is already handed over to " + released.get(key));
        }
        List<Holder> closed = new ArrayList<>();
        for (Holder h : holdersOf(port)) {
            try {
                h.closePort();
                closed.add(h);
            } catch (IOException | RuntimeException e) {
                released.remove(key);
                reopen(port, closed);
                throw new IOException(h.describe() + " did not close " + port + ": " + e.getMessage(), e);
            }
        }
        return () -> {
            if (released.remove(key) != null) {
                reopen(port, closed);
            }
        };
    }

    private void reopen(String port, List<Holder> closed) {
        for (Holder h : closed) {
            try {
                h.reopenPort();
            } catch (IOException | RuntimeException e) {
                String message = h.describe() + " could not open " + port + " again: " + e.getMessage();
                problems.forEach(p -> p.accept(message));
            }
        }
    }

    /** The port's real path when it exists (symbolic links resolved), else the path as given. */
    static String key(String port) {
        try {
            Path p = Path.of(port);
            return Files.exists(p) ? p.toRealPath().toString() : p.normalize().toString();
        } catch (IOException | RuntimeException e) {
            return port;
        }
    }
}
