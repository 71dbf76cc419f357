package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.eave.device.ConsoleOutput;
import io.eave.device.Device;
import io.eave.device.Message;

/** {@code eave monitor}: shows the device's console (every container, prefixed) until Ctrl+C. */
final class MonitorCommand {
    private final PrintStream out;
    private final PrintStream err;

    MonitorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        DeviceOptions options = DeviceOptions.parse(args, "monitor", err);
        if (options == null) {
            return 2;
        }
        if (!options.rest.isEmpty()) {
            err.println("usage: eave monitor [--device D] [--secret S]");
            return 2;
        }
        try (Device device = options.connect(err)) {
            out.println("monitoring " + device.hello().name() + " (firmware " + device.hello().firmware() + "); Ctrl+C ends");
            CountDownLatch closed = new CountDownLatch(1);
            device.onConsole(output -> {
                String who = output.container().isEmpty() ? "device" : output.container();
                for (String line : output.text().split("\n", -1)) {
                    if (!line.isEmpty()) {
                        (output.stream() == ConsoleOutput.Stream.STDOUT ? out : err).println("[" + who + "] " + line);
                    }
                }
            });
            device.management().addEventListener(event -> {
                if (event instanceof Message.Exited e) {
                    err.println("[" + e.name() + "] exited: " + e.kind().name().toLowerCase() + " " + e.exitCode()
                            + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")"));
                } else if (event instanceof Message.Started s) {
                    err.println("[" + s.name() + "] started");
                }
            });
            device.connection().closed().thenRun(closed::countDown);
            closed.await();
            err.println("the device closed the connection");
            return 1;
        } catch (IOException e) {
            err.println("eave monitor: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
