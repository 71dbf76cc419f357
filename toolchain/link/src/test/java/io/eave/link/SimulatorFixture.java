package io.eave.link;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real eave-sim for end-to-end tests: the binary named by -Deave.sim, else built with CMake
 * from firmware/ into target/eave-sim-build (incrementally). Without cmake and without a binary the
 * tests are skipped with a message that says so.
 */
final class SimulatorFixture {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private SimulatorFixture() {
    }

    static Path binary() throws LinkException {
        if (!Simulator.availableIn(ROOT)) {
            Assumptions.abort("eave-sim end-to-end tests skipped: cmake is not installed and no eave-sim binary exists"
                    + " (install cmake and gcc, or pass -Deave.sim=PATH)");
        }
        return Simulator.ofSourceTree(ROOT, new StringBuilder());
    }
}
