package io.eave.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running eave-sim (firmware/ports/host): finds or builds the binary, starts it, reads the
 * addresses it prints (docs/link-protocol.md, section 5). Used by the CLI, the IDE and the tests.
 */
public final class Simulator implements AutoCloseable {

    /** What the simulator prints before it serves; it starts in milliseconds, so this is generous. */
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final int tcpPort;
    private final String serialPath;
    private final int discoveryPort;
    private final String name;
    private final Path secretFile;
    private final String secret;

    private Simulator(Process process, List<String> lines, String name, String secret) throws LinkException {
        this.process = process;
        this.name = name;
        this.secret = secret;
        int tcp = -1;
        int discovery = -1;
        String serial = null;
        Path secretPath = null;
        for (String line : lines) {
            if (line.startsWith("tcp: ")) {
                tcp = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            } else if (line.startsWith("serial: ")) {
                serial = line.substring(8).trim();
            } else if (line.startsWith("discovery: ")) {
                discovery = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            } else if (line.startsWith("secret: /")) {
                secretPath = Path.of(line.substring(8).trim());
            }
        }
        if (tcp < 0 || serial == null) {
            throw new LinkException("eave-sim printed no addresses: " + String.join(" | ", lines));
        }
        this.tcpPort = tcp;
        this.serialPath = serial;
        this.discoveryPort = discovery;
        this.secretFile = secretPath;
    }

    /** The one build of eave-sim in a source tree, shared by the CLI, the IDE's tests and every module's tests. */
    public static Path buildDir(Path root) {
        return root.resolve("firmware/target/sim-build");
    }

    /** A binary named by -Deave.sim or $EAVE_SIM, or null. */
    public static Path named() {
        String given = System.getProperty("eave.sim", System.getenv("EAVE_SIM"));
        return given == null || given.isBlank() ? null : Path.of(given);
    }

    /**
     * The eave-sim of the source tree {@code root}: the binary named by -Deave.sim or $EAVE_SIM,
     * else built (incrementally) with CMake into {@link #buildDir}, else an earlier build.
     */
    public static Path ofSourceTree(Path root, Appendable progress) throws LinkException {
        Path given = named();
        return given != null ? given : findOrBuild(root, buildDir(root), progress);
    }

    /** Whether {@link #ofSourceTree} can give a binary here: one was named, cmake is installed, or one was built before. */
    public static boolean availableIn(Path root) {
        return named() != null || hasCmake() || Files.isExecutable(buildDir(root).resolve("ports/host/eave-sim"))
                || Files.isExecutable(root.resolve("firmware/target/cmake/ports/host/eave-sim"));
    }

    /** The eave-sim binary under the project root's firmware/ build folders, built with CMake when needed. */
    public static Path findOrBuild(Path root, Path buildDir, Appendable progress) throws LinkException {
        Path built = buildDir.resolve("ports/host/eave-sim");
        if (hasCmake()) {
            run(progress, "cmake", "-S", root.resolve("firmware").toString(), "-B", buildDir.toString(), "-DCMAKE_BUILD_TYPE=RelWithDebInfo");
            run(progress, "cmake", "--build", buildDir.toString(), "--target", "eave-sim", "--parallel", "2");
            return built;
        }
        for (Path candidate : List.of(built, root.resolve("firmware/target/cmake/ports/host/eave-sim"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new LinkException("eave-sim is not built and cmake is missing: install cmake and gcc (apt-get install cmake gcc)"
                + " or build the firmware with ./mvnw install -pl firmware");
    }

    public static boolean hasCmake() {
        try {
            return new ProcessBuilder("cmake", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts eave-sim; {@code store} and {@code secret} may be null (the simulator's defaults).
     * Its stderr (connection log) goes to this process's stderr.
     */
    public static Simulator start(Path binary, String name, Path store, String secret) throws LinkException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--name", name));
        if (store != null) {
            command.addAll(List.of("--store", store.toString()));
        }
        if (secret != null) {
            command.addAll(List.of("--secret", secret));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new LinkException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<List<String>> header = CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.startsWith("secret: ")) {
                        break;
                    }
                }
            } catch (IOException e) {
                lines.add("(reading its output failed: " + e.getMessage() + ")");
            }
            return lines;
        });
        try {
            List<String> lines = header.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            if (!process.isAlive() && process.waitFor() != 0) {
                throw new LinkException("eave-sim exited with code " + process.exitValue() + " (its messages are above)");
            }
            return new Simulator(process, lines, name, secret);
        } catch (TimeoutException | ExecutionException e) {
            process.destroy();
            throw new LinkException("eave-sim did not print its addresses within " + STARTUP.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while starting eave-sim", e);
        } catch (LinkException e) {
            process.destroy();
            throw e;
        }
    }

    public int tcpPort() {
        return tcpPort;
    }

    public String serialPath() {
        return serialPath;
    }

    /** The UDP port it answers discovery on, or -1 when all were taken. */
    public int discoveryPort() {
        return discoveryPort;
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    /** The secret a host needs over TCP: the one given, or the first line of the simulator's secret file. */
    public String secret() throws LinkException {
        if (secret != null) {
            return secret;
        }
        try {
            return Files.readAllLines(secretFile).get(0).trim();
        } catch (IOException | RuntimeException e) {
            throw new LinkException("cannot read the simulator's secret from " + secretFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Appendable progress, String... command) throws LinkException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new LinkException("building eave-sim failed (" + String.join(" ", command) + "):\n" + output);
            }
            for (String line : output.split("\n")) {
                if (line.contains("Building C object") || line.contains("Linking C executable")) {
                    progress.append(line.trim()).append('\n');
                }
            }
        } catch (IOException e) {
            throw new LinkException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while building eave-sim", e);
        }
    }
}
