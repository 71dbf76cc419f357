package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.eave.device.ContainerInfo;
import io.eave.device.Device;
import io.eave.device.ImageId;
import io.eave.device.ManagementException;

/**
 * {@code eave container list|install|start|stop|uninstall|boot}: manages the programs installed
 * on a device.
 */
final class ContainerCommand {
    private final PrintStream out;
    private final PrintStream err;

    ContainerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final String USAGE = """
            usage: eave container list|install|start|stop|uninstall|boot ... [--device D] [--secret S]
              list                          the device's containers: name, state, memory, uptime
              install NAME IMAGE [--run-on-boot]  installs a compiled image (eave compile) as NAME
              start NAME | stop NAME | uninstall NAME
              boot NAME on|off              whether NAME starts when the device boots""";

    int run(List<String> args) {
        DeviceOptions options = DeviceOptions.parse(args, "container", err);
        if (options == null) {
            return 2;
        }
        List<String> rest = options.rest;
        if (rest.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String verb = rest.get(0);
        int expected = switch (verb) {
            case "list" -> 1;
            case "start", "stop", "uninstall" -> 2;
            case "install" -> rest.contains("--boot") || rest.contains("--run-on-boot") ? 4 : 3;
            case "boot" -> 3;
            default -> -1;
        };
        if (expected != rest.size()) {
            err.println(expected < 0 ? "eave container: unknown action '" + verb + "'\n" + USAGE : "eave container " + verb + ": wrong arguments\n" + USAGE);
            return 2;
        }
        try (Device device = options.connect(err)) {
            Duration wait = options.timeout;
            switch (verb) {
                case "list" -> list(await(device.management().list(), wait));
                case "start" -> {
                    await(device.management().start(rest.get(1), List.of()), wait);
                    out.println("started " + rest.get(1));
                }
                case "stop" -> {
                    await(device.management().stop(rest.get(1)), wait);
                    out.println("stopped " + rest.get(1));
                }
                case "uninstall" -> {
                    await(device.management().uninstall(rest.get(1)), wait);
                    out.println("uninstalled " + rest.get(1));
                }
                case "boot" -> {
                    boolean on = rest.get(2).equals("on");
                    if (!on && !rest.get(2).equals("off")) {
                        err.println("eave container boot: say 'on' or 'off'");
                        return 2;
                    }
                    await(device.management().setRunOnBoot(rest.get(1), on), wait);
                    out.println(rest.get(1) + (on ? " starts at boot" : " does not start at boot"));
                }
                case "install" -> {
                    byte[] image = Files.readAllBytes(Path.of(rest.get(2)));
                    ImageId id = install(device, rest.get(1), image, rest.contains("--boot") || rest.contains("--run-on-boot"), wait, err);
                    out.println("installed " + rest.get(1) + " (image " + id + ", " + image.length + " bytes)");
                }
                default -> throw new IllegalStateException(verb);
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("eave container: no such file: " + e.getFile());
            return 2;
        } catch (IOException | ManagementException e) {
            err.println("eave container " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    /** Installs with a progress bar on {@code progress}; waits up to {@code wait} per chunk. */
    static ImageId install(Device device, String name, byte[] image, boolean boot, Duration wait, PrintStream progress)
            throws IOException, ManagementException {
        long total = image.length;
        CompletableFuture<ImageId> done = device.management().install(name, image, boot, (sent, all) -> {
            int percent = all == 0 ? 100 : (int) (100 * sent / all);
            progress.printf("\rinstalling %s: %3d%% (%d of %d bytes)", name, percent, sent, all);
            if (sent == all) {
                progress.println();
            }
        });
        // An install is many round trips: allow one wait per chunk.
        return await(done, wait.multipliedBy(2 + total / 400));
    }

    private void list(List<ContainerInfo> containers) {
        if (containers.isEmpty()) {
            out.println("no containers installed (install one with 'eave run FILE' or 'eave container install')");
            return;
        }
        out.printf("%-20s %-9s %-10s %-20s %-10s %s%n", "NAME", "STATE", "BOOT", "MEMORY", "UPTIME", "EXIT");
        for (ContainerInfo c : containers) {
            out.printf("%-20s %-9s %-10s %-20s %-10s %s%n", c.name(), c.state().name().toLowerCase(),
                    c.runOnBoot() ? "on boot" : "-", memory(c), uptime(c), exit(c));
        }
    }

    private static String memory(ContainerInfo c) {
        return c.quota() == 0 ? "-" : String.format("%.1f of %.0f KB", c.memoryUsed() / 1024.0, c.quota() / 1024.0);
    }

    private static String uptime(ContainerInfo c) {
        return c.state() == ContainerInfo.State.RUNNING || c.state() == ContainerInfo.State.PAUSED
                ? String.format("%.1f s", c.uptimeMs() / 1000.0) : "-";
    }

    private static String exit(ContainerInfo c) {
        return c.state() == ContainerInfo.State.EXITED || c.state() == ContainerInfo.State.CRASHED
                ? c.exitCode() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")") : "";
    }

    /** Waits for a device answer; the device's refusal becomes a ManagementException. */
    static <T> T await(CompletableFuture<T> future, Duration wait) throws IOException, ManagementException {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("the device did not answer within " + wait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ManagementException m) {
                throw m;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
