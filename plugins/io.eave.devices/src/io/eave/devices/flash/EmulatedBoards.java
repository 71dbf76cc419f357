package io.eave.devices.flash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eave.devices.DeviceRegistry;
import io.eave.flash.emulated.BoardBooter;
import io.eave.flash.emulated.EmulatedDevice;
import io.eave.flash.port.PortHandover;
import io.eave.link.DeviceConnection;
import io.eave.link.Hello;
import io.eave.link.LinkException;
import io.eave.link.SerialTransport;

/**
 * The QEMU boards the IDE runs: after the flash wizard wrote a board's folder, {@link #boot}
 * starts QEMU on its firmware with the device configuration at the address the firmware reads it
 * from ({@code firmware/ports/<board>/board.ld}), the UART on a pty, waits for the firmware's
 * HELLO over the real link and lists the board in the {@link DeviceRegistry}. Flashing a running
 * board again first hands its pty over (the IDE's links close), stops its QEMU, then boots the
 * new firmware. The boards end with the IDE ({@link #close}).
 */
public final class EmulatedBoards implements BoardBooter, AutoCloseable {

    /** QEMU's machine options and the address of the device configuration, per board. */
    private record Machine(String executable, List<String> options, long configAddress, String debianPackage) { }

    private static final Map<String, Machine> MACHINES = Map.of(
            "qemu-arm", new Machine("qemu-system-arm", List.of("-M", "mps2-an385"), 0x003FF000L, "qemu-system-arm"),
            "qemu-riscv", new Machine("qemu-system-riscv32", List.of("-M", "virt", "-bios", "none"), 0x803FF000L, "qemu-system-misc"));

    /** QEMU says where the UART went: "char device redirected to /dev/pts/3 (label serial0)". */
    private static final Pattern PTY = Pattern.compile("char device redirected to (\\S+) \\(label serial0\\)");
    /** The firmware answers within a second under QEMU; a busy 2-core machine gets more. */
    private static final Duration HELLO_WAIT = Duration.ofSeconds(20);

    private record Running(Process process, String serialPath) { }

    private final DeviceRegistry registry;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public EmulatedBoards(DeviceRegistry registry) {
        this.registry = registry;
    }

    /** Whether {@code board} is a QEMU board the IDE can start. */
    public static boolean isEmulated(String board) {
        return MACHINES.containsKey(board);
    }

    /** The pty of the running board {@code name}, or null. */
    public String serialPath(String name) {
        Running r = running.get(name);
        return r == null || !r.process().isAlive() ? null : r.serialPath();
    }

    /** Stops the board {@code name} if it runs, handing its pty over first so the IDE's links close cleanly. */
    public void stop(String name) {
        Running r = running.remove(name);
        if (r == null) {
            return;
        }
        PortHandover.Lease lease = null;
        try {
            lease = registry.links().ports().release(r.serialPath(), "QEMU restarting " + name);
        } catch (IOException e) {
            // a holder would not let go: QEMU ending closes its pty anyway
        }
        end(r.process());
        registry.removeBoard(name);
        if (lease != null) {
            lease.close();   // the old pty is gone: the holders' reconnects fail and the new board is listed instead
        }
    }

    @Override
    public CompletableFuture<String> boot(EmulatedDevice device) {
        CompletableFuture<String> hello = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                hello.complete(start(device, hello));
            } catch (Exception e) {
                hello.completeExceptionally(e);
            }
        }, "eave-qemu-" + device.name());
        starter.setDaemon(true);
        starter.start();
        return hello;
    }

    private String start(EmulatedDevice device, CompletableFuture<String> caller) throws IOException {
        Machine machine = MACHINES.get(device.board());
        if (machine == null) {
            throw new IOException("'" + device.board() + "' is not a QEMU board (" + String.join(", ", MACHINES.keySet()) + ")");
        }
        stop(device.name());
        List<String> command = new ArrayList<>();
        command.add(machine.executable());
        command.addAll(machine.options());
        command.addAll(List.of("-nic", "none", "-no-reboot", "-display", "none", "-monitor", "none", "-serial", "pty",
                "-kernel", device.firmware().toString(),
                "-device", "loader,file=" + device.configFile() + ",addr=0x" + Long.toHexString(machine.configAddress())));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + machine.executable() + " (" + e.getMessage() + "): install it (Debian: apt-get install "
                    + machine.debianPackage() + ")", e);
        }
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> pty = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, log, pty), "eave-qemu-output-" + device.name());
        reader.setDaemon(true);
        reader.start();
        caller.whenComplete((v, e) -> {
            if (caller.isCancelled()) {
                end(process);   // the flash was cancelled or gave up waiting
            }
        });
        try {
            String path = pty.get(10, TimeUnit.SECONDS);
            Hello hello = awaitHello(process, path, log);
            running.put(device.name(), new Running(process, path));
            registry.putBoard(device.name(), path, hello.firmware());
            process.onExit().thenRun(() -> {
                if (running.remove(device.name(), new Running(process, path))) {
                    registry.removeBoard(device.name());
                }
            });
            return hello.name() + " (" + hello.firmware() + ") on " + path;
        } catch (Exception e) {
            end(process);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(machine.executable() + " did not open its serial pty" + explain(process, log), e);
        }
    }

    private static void readOutput(Process process, List<String> log, CompletableFuture<String> pty) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = PTY.matcher(line);
                if (m.find()) {
                    pty.complete(m.group(1));
                } else if (log.size() < 20) {
                    log.add(line);
                }
            }
        } catch (IOException e) {
            log.add("(reading QEMU's output failed: " + e.getMessage() + ")");
        }
        pty.completeExceptionally(new IOException("QEMU closed its output"));
    }

    /** Connects until HELLO arrives: bytes sent before the firmware set its UART up are lost, so it retries. */
    private static Hello awaitHello(Process process, String path, List<String> log) throws IOException {
        long deadline = System.nanoTime() + HELLO_WAIT.toNanos();
        LinkException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("QEMU stopped before the firmware answered" + explain(process, log));
            }
            try (DeviceConnection link = DeviceConnection.connect(SerialTransport.open(path),
                    DeviceConnection.Options.trusted().withTimeout(Duration.ofSeconds(2)))) {
                return link.hello();
            } catch (LinkException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the board", ie);
                }
            }
        }
        throw new IOException("the firmware did not answer HELLO on " + path + " within " + HELLO_WAIT.toSeconds() + " s"
                + (last != null ? " (" + last.getMessage() + ")" : "") + explain(process, log));
    }

    private static String explain(Process process, List<String> log) {
        String state = process.isAlive() ? "" : "; QEMU exited with code " + process.exitValue();
        synchronized (log) {
            return state + (log.isEmpty() ? "" : "; QEMU said: " + String.join(" | ", log));
        }
    }

    private static void end(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every board the IDE started. */
    @Override
    public void close() {
        for (String name : List.copyOf(running.keySet())) {
            Running r = running.remove(name);
            if (r != null) {
                end(r.process());
            }
        }
    }
}
