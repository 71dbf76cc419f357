package io.eave.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import io.eave.link.LinkException;
import io.eave.link.Simulator;

/**
 * {@code eave simulate [--name N] [--store FILE] [--secret S]}: builds eave-sim when needed
 * (CMake, into firmware/target/sim-build), starts it in the foreground and prints its addresses.
 * EAVE_SIM (or -Deave.sim) names a binary to use instead. With {@code --board qemu-arm|qemu-riscv}
 * it boots that QEMU board instead ({@link BoardCommand}).
 */
final class SimulateCommand {

    private final PrintStream out;
    private final PrintStream err;

    SimulateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs until the simulator exits (Ctrl-C ends both). */
    int run(List<String> args) {
        if (args.contains("--board")) {
            return new BoardCommand(out, err).run(args);
        }
        return run(args, sim -> {
            try {
                sim.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Runs {@code whileRunning} with the started simulator, then stops it; for tests and embedding. */
    int run(List<String> args, Consumer<Simulator> whileRunning) {
        String name = "sim";
        Path store = null;
        String secret = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println("usage: eave simulate [--name NAME] [--store FILE] [--secret SECRET]");
                out.println(BoardCommand.USAGE);
                return 0;
            }
            if (i + 1 >= args.size() || !List.of("--name", "--store", "--secret").contains(arg)) {
                err.println("eave simulate: unknown or incomplete option '" + arg + "'. Usage: eave simulate [--name NAME] [--store FILE] [--secret SECRET]");
                return 2;
            }
            String value = args.get(++i);
            switch (arg) {
                case "--name" -> name = value;
                case "--store" -> store = Path.of(value);
                default -> secret = value;
            }
        }
        try (Simulator sim = Simulator.start(binary(), name, store, secret)) {
            out.println("eave simulate: device '" + name + "' is running (Ctrl-C stops it)");
            out.println("  tcp:       127.0.0.1:" + sim.tcpPort());
            out.println("  serial:    " + sim.serialPath());
            if (sim.discoveryPort() > 0) {
                out.println("  discovery: 127.0.0.1:" + sim.discoveryPort() + " (./eave devices lists it)");
            }
            out.println("  secret:    " + (secret != null ? "as given with --secret" : "in " + defaultStore(name, store) + ".secret"));
            out.flush();
            whileRunning.accept(sim);
            return 0;
        } catch (LinkException e) {
            err.println("eave simulate: " + e.getMessage());
            return 1;
        }
    }

    private Path binary() throws LinkException {
        return binary(err);
    }

    /** The eave-sim binary: -Deave.sim, $EAVE_SIM, else built from firmware/ with CMake when needed. */
    static Path binary(PrintStream err) throws LinkException {
        Path root = projectRoot();
        if (Simulator.named() == null) {
            err.println("eave: building eave-sim (firmware/ports/host) if needed...");
        }
        StringBuilder progress = new StringBuilder();
        Path binary = Simulator.ofSourceTree(root, progress);
        err.print(progress);
        return binary;
    }

    static Path defaultStore(String name, Path store) {
        return store != null ? store : Path.of(System.getProperty("user.home"), ".eave", "sim", name + ".store");
    }

    /** The Eave checkout: -Deave.root, EAVE_ROOT, else the folder above this jar (or the working folder) holding firmware/. */
    static Path projectRoot() throws LinkException {
        String given = System.getProperty("eave.root", System.getenv("EAVE_ROOT"));
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        try {
            Path jar = Path.of(SimulateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path start : List.of(jar, Path.of("").toAbsolutePath())) {
                for (Path at = start; at != null; at = at.getParent()) {
                    if (Files.exists(at.resolve("firmware/ports/host/main.c"))) {
                        return at;
                    }
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new LinkException("cannot find the Eave sources (firmware/ports/host) to build eave-sim: set EAVE_ROOT, or EAVE_SIM to a built eave-sim");
    }
}
