package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.eave.compiler.debug.DebugInfo;
import io.eave.device.ConsoleOutput;
import io.eave.device.Device;
import io.eave.device.ManagementException;
import io.eave.device.Message;

/**
 * {@code eave run FILE}: compiles a Toit file (or takes a compiled image), installs it on the
 * device as a container named after the file, starts it and shows its console until it ends;
 * exits with the program's exit code. An uncaught exception shows its stack trace with source
 * lines from the debug info.
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        DeviceOptions options = DeviceOptions.parse(args, "run", err);
        if (options == null) {
            return 2;
        }
        boolean boot = options.rest.remove("--boot") | options.rest.remove("--run-on-boot");
        // A run installs a temporary container, removed when the program ends, unless it is
        // kept (--keep) or starts at boot.
        boolean keep = options.rest.remove("--keep") || boot;
        String name = null;
        int nameAt = options.rest.indexOf("--name");
        if (nameAt >= 0 && nameAt + 1 < options.rest.size()) {
            name = options.rest.get(nameAt + 1);
            options.rest.remove(nameAt + 1);
            options.rest.remove(nameAt);
        }
        if (options.rest.size() != 1) {
            err.println("usage: eave run FILE [--name NAME] [--keep] [--run-on-boot] [--device D] [--secret S]\n"
                    + "  FILE is a Toit program (.toit) or a compiled image (eave compile); the container is removed when\n"
                    + "  the program ends unless --keep or --run-on-boot; without --device the running simulator is used\n"
                    + "  (one is started for the command when none runs)");
            return 2;
        }
        Path file = Path.of(options.rest.get(0));
        Program program;
        try {
            program = Program.load(file, err);
        } catch (NoSuchFileException e) {
            err.println("eave run: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("eave run: " + e.getMessage());
            return 1;
        }
        if (program == null) {
            return 1;   // the compiler printed the errors
        }
        String container = name != null ? name : Program.containerName(file);
        try (Device device = options.connect(err)) {
            CompletableFuture<Message.Exited> exited = new CompletableFuture<>();
            device.onConsole(output -> show(output, container));
            device.management().addEventListener(event -> {
                if (event instanceof Message.Exited e && e.name().equals(container)) {
                    exited.complete(e);
                }
            });
            ContainerCommand.install(device, container, program.image(), boot, options.timeout, err);
            ContainerCommand.await(device.management().start(container, List.of()), options.timeout);
            Thread stopper = new Thread(() -> device.management().stop(container));
            Runtime.getRuntime().addShutdownHook(stopper);
            Message.Exited end = exited.get();
            Runtime.getRuntime().removeShutdownHook(stopper);
            int code = report(end, program.debugInfo());
            if (!keep) {
                ContainerCommand.await(device.management().uninstall(container), options.timeout);
            }
            return code;
        } catch (IOException | ManagementException e) {
            err.println("eave run: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("eave run: " + e.getCause().getMessage());
            return 1;
        }
    }

    private void show(ConsoleOutput output, String container) {
        if (output.container().equals(container) && output.stream() == ConsoleOutput.Stream.STDOUT) {
            out.print(output.text());
            out.flush();
        } else if (output.container().equals(container)) {
            err.print(output.text());
        }
    }

    /** Prints how the program ended; returns the exit code for the shell. */
    private int report(Message.Exited end, DebugInfo debug) {
        switch (end.kind()) {
            case CODE -> {
                return (int) end.exitCode();
            }
            case EXCEPTION -> {
                String reason = end.reason();
                err.println(reason.startsWith("uncaught exception") ? reason : "uncaught exception: " + reason);
                List<Message.TraceEntry> trace = end.trace();
                // The core library's `throw` is where every exception starts: not worth a line.
                int first = !trace.isEmpty() && Traces.isThrow(debug, (int) trace.get(0).method()) ? 1 : 0;
                for (Message.TraceEntry frame : trace.subList(first, trace.size())) {
                    err.println("  at " + Traces.describe(debug, (int) frame.method(), (int) frame.offset()));
                }
                return 1;
            }
            case OUT_OF_MEMORY -> {
                err.println("the program ran out of memory: " + end.reason());
                return 1;
            }
            case STOPPED -> {
                err.println("the program was stopped: " + end.reason());
                return 1;
            }
            default -> {
                err.println("the VM stopped the program: " + end.reason());
                return 1;
            }
        }
    }
}
