package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.eave.debug.DapServer;
import io.eave.debug.EaveDebugAdapter;
import io.eave.debug.ProgramBuilder;

/**
 * {@code eave dap [--port N]}: the Eave debug adapter (docs/debug-adapter.md) speaking DAP on
 * stdin/stdout (how IDEs start an adapter; nothing else may write to stdout then), or on a
 * loopback TCP port, one client at a time, until killed.
 */
final class DapCommand {
    private final PrintStream out;
    private final PrintStream err;

    DapCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Integer port = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--port") && i + 1 < args.size()) {
                try {
                    port = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    err.println("eave dap: --port takes a port number from 0 to 65535 (0: any free port), not '" + args.get(i) + "'");
                    return 2;
                }
            } else {
                err.println("eave dap: unknown argument '" + args.get(i) + "'. Usage: ./eave dap [--port N]");
                return 2;
            }
        }
        // The compiler front end plugs in here when it is ready; until then launch says so and attach works.
        EaveDebugAdapter.Options options = EaveDebugAdapter.Options.defaults(ProgramBuilder.compiler());
        if (port == null) {
            Future<Void> done = DapServer.serve(new EaveDebugAdapter(options), System.in, out);
            try {
                done.get(); // until the client closes stdin: the adapter's whole life
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (ExecutionException e) {
                err.println("eave dap: the DAP connection failed: " + e.getCause());
                return 1;
            }
        }
        try (ServerSocket server = DapServer.listen(port)) {
            out.println("eave dap: listening for DAP clients on 127.0.0.1:" + server.getLocalPort());
            out.flush();
            while (!server.isClosed()) {
                DapServer.serveOne(server, () -> new EaveDebugAdapter(options));
            }
            return 0;
        } catch (IOException e) {
            err.println("eave dap: cannot serve on port " + port + ": " + e.getMessage());
            return 1;
        }
    }
}
