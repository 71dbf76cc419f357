package io.eave.compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * eave-vm-run, the host VM that runs one image: the binary named by -Deave.vm.run, else built
 * with CMake from firmware/ into firmware/target/sim-build (the build the simulator tests share).
 */
final class VmRunner {
    private VmRunner() {}

    static Path binary(Path root) throws IOException, InterruptedException {
        String given = System.getProperty("eave.vm.run");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path build = root.resolve("firmware/target/sim-build");
        Path binary = build.resolve("ports/host/eave-vm-run");
        if (!hasCmake()) {
            Assumptions.assumeTrue(Files.isExecutable(binary), "needs cmake and gcc to build eave-vm-run, or -Deave.vm.run=PATH");
            return binary;
        }
        run("cmake", "-S", root.resolve("firmware").toString(), "-B", build.toString(), "-DCMAKE_BUILD_TYPE=RelWithDebInfo");
        run("cmake", "--build", build.toString(), "--target", "eave-vm-run", "--parallel", "2");
        return binary;
    }

    private static boolean hasCmake() {
        try {
            return new ProcessBuilder("cmake", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + log);
        }
    }
}
