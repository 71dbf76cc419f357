package io.eave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.device.ContainerInfo;
import io.eave.device.Device;
import io.eave.device.DeviceAddress;
import io.eave.link.Discovery;
import io.eave.link.Simulator;

/**
 * The simulated device across restarts: the program store survives them, a simulator killed in
 * the middle of an install comes back with the state before it, and `eave run` without a device
 * starts one on demand.
 */
class DeviceLifecycleTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path HELLO = ROOT.resolve("docs/vectors/image/hello.bin");

    static Path binary() throws Exception {
        Assumptions.assumeTrue(Simulator.availableIn(ROOT), "needs cmake to build eave-sim, or -Deave.sim=PATH");
        return Simulator.ofSourceTree(ROOT, new StringBuilder());
    }

    static Device connect(Simulator sim) throws Exception {
        return Device.connect(DeviceAddress.tcp("127.0.0.1", sim.tcpPort()), sim.secret(), Duration.ofSeconds(5));
    }

    static List<String> names(Device device) throws Exception {
        return device.management().list().get(5, TimeUnit.SECONDS).stream().map(ContainerInfo::name).toList();
    }

    @Test
    void aSimulatorKilledDuringAnInstallRestartsWithTheStateBefore(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("killed.store");
        byte[] big = new byte[200_000];
        new Random(1).nextBytes(big);
        try (Simulator sim = Simulator.start(binary(), "killtest", store, "k")) {
            try (Device device = connect(sim)) {
                device.management().install("keeper", Files.readAllBytes(HELLO), true, (s, t) -> { }).get(10, TimeUnit.SECONDS);
                CountDownLatch halfway = new CountDownLatch(1);
                CompletableFuture<?> install = device.management().install("big", big, false, (sent, total) -> {
                    if (sent > total / 3) {
                        halfway.countDown();
                    }
                });
                assertTrue(halfway.await(20, TimeUnit.SECONDS), "the install got a third of the way");
                sim.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                assertFalse(install.isDone() && !install.isCompletedExceptionally(), "the interrupted install did not succeed");
            }
        }
        try (Simulator again = Simulator.start(binary(), "killtest", store, "k"); Device device = connect(again)) {
            assertEquals(List.of("keeper"), names(device), "the store holds what it held before the install");
            ContainerInfo keeper = device.management().list().get(5, TimeUnit.SECONDS).get(0);
            assertTrue(keeper.runOnBoot());
            // The store is usable: the same install goes through now.
            device.management().install("big2", Files.readAllBytes(HELLO), false, (s, t) -> { }).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("keeper", "big2"), names(device));
        }
    }

    @Test
    void runWithoutADeviceStartsTheSimulatedDeviceOnDemand(@TempDir Path home) throws Exception {
        binary();
        Assumptions.assumeTrue(Discovery.discover(Duration.ofMillis(300)).isEmpty(), "another simulator is running on this host");
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            RunCommandTest.Result r = RunCommandTest.eave("run", HELLO.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals("hello, world\n", r.out());
            assertTrue(r.err().contains("started the simulated device 'sim'"), r.err());
            assertTrue(Files.exists(home.resolve(".eave/sim/sim.store")), "its store is in ~/.eave/sim");
        } finally {
            System.setProperty("user.home", realHome);
        }
    }
}
