package io.eave.debug;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * The debug adapter as a DAP client nobody here wrote starts one: a process speaking DAP on its
 * stdin/stdout, like {@code eave dap}, but from this module's test classpath (toolchain/cli, where
 * {@code eave dap} lives, builds after this module). Used by the Node.js test in
 * {@code src/test/node}, whose {@code DebugClient} spawns {@code java @ARGFILE}.
 * <ul>
 * <li>{@code DapOverStdio}: serves one {@link EaveDebugAdapter} with the real compiler and device
 * link until stdin closes; debug info goes to {@code -Deave.debug.store=DIR} (default: the user's
 * store). Nothing but DAP goes to stdout: {@code System.out} is pointed at stderr.</li>
 * <li>{@code DapOverStdio --find-simulator}: prints the eave-sim binary the other simulator tests
 * use (-Deave.sim, else built with CMake into firmware/target/sim-build) and exits.</li>
 * </ul>
 */
public final class DapOverStdio {
    private DapOverStdio() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--find-simulator")) {
            StringBuilder progress = new StringBuilder();
            Path sim = findSimulator(progress);
            System.err.print(progress);
            System.out.println(sim.toAbsolutePath());
            return;
        }
        if (args.length != 0) {
            System.err.println("usage: DapOverStdio [--find-simulator]");
            System.exit(2);
        }
        OutputStream dap = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        String storeDir = System.getProperty("eave.debug.store");
        DebugInfoStore store = storeDir == null ? DebugInfoStore.user() : new DebugInfoStore(Path.of(storeDir));
        Duration timeout = Duration.ofSeconds(10);
        EaveDebugAdapter adapter = new EaveDebugAdapter(new EaveDebugAdapter.Options(ProgramBuilder.compiler(),
                DeviceConnector.link(Duration.ofSeconds(5)), store, timeout));
        try {
            DapServer.serve(adapter, new FileInputStream(FileDescriptor.in), dap).get();
        } catch (ExecutionException e) {
            System.err.println("DapOverStdio: the DAP connection failed: " + e.getCause());
            System.exit(1);
        }
        System.exit(0);
    }

    static Path findSimulator(Appendable progress) throws Exception {
        Path root = Path.of(System.getProperty("eave.root", "../..")).toAbsolutePath().normalize();
        return io.eave.link.Simulator.ofSourceTree(root, progress);
    }
}
