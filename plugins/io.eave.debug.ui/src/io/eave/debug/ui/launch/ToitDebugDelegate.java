package io.eave.debug.ui.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

import io.eave.debug.DapServer;
import io.eave.debug.EaveDebugAdapter;
import io.eave.debug.ui.breakpoints.ToitBreakpoints;
import io.eave.debug.ui.model.ToitDebugProcess;
import io.eave.debug.ui.model.ToitDebugTarget;
import io.eave.debug.ui.model.ToitSourceLocator;
import io.eave.devices.DeviceRegistry;
import io.eave.devices.DevicesPlugin;
import io.eave.devices.KnownDevice;
import io.eave.flash.port.PortHandover;
import io.eave.launch.ProgramBuilders;
import io.eave.launch.ToitLaunch;
import io.eave.launch.ToitLaunchDelegate;

/**
 * Debug As > Toit Application: runs the Eave debug adapter inside the IDE (on a loopback socket,
 * speaking DAP), connects a {@link ToitDebugTarget} to it, and launches the program through it
 * with the configuration's device, the device's secret and its arguments. The adapter compiles
 * (with the IDE's compiler), installs and attaches over a link of its own. Runs in the launch
 * job; every wait has a timeout and checks for Cancel.
 */
public final class ToitDebugDelegate extends LaunchConfigurationDelegate {
    /** Stop before the first instruction of main. */
    public static final String ATTR_STOP_ON_ENTRY = "io.eave.debug.ui.stopOnEntry";

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Debugging " + configuration.getName(), 100);
        IFile main = ToitLaunchDelegate.mainFile(configuration);
        String container = ToitLaunch.containerName(main.getProject().getName(), main.getProjectRelativePath().toString());
        List<String> arguments = Arrays.asList(DebugPlugin.parseArguments(configuration.getAttribute(ToitLaunch.ATTR_ARGUMENTS, "")));
        boolean stopOnEntry = configuration.getAttribute(ATTR_STOP_ON_ENTRY, false);

        progress.subTask("Finding the device");
        DeviceRegistry registry = DevicesPlugin.getDefault().registry();
        KnownDevice device;
        String secret;
        try {
            device = registry.resolve(configuration.getAttribute(ToitLaunch.ATTR_DEVICE, KnownDevice.DEFAULT_SPEC));
            secret = registry.secretOf(device);
        } catch (Exception e) {
            throw fail("Cannot debug " + main.getName() + ": " + e.getMessage(), e);
        }
        ToitBreakpoints.exceptionBreakpoints();
        progress.worked(5);

        Map<String, Object> args = new HashMap<>();
        args.put("program", main.getLocation().toOSString());
        args.put("device", device.where());
        if (secret != null) {
            args.put("secret", secret);
        }
        args.put("container", container);
        args.put("stopOnEntry", stopOnEntry);
        args.put("args", arguments);

        launch.setSourceLocator(new ToitSourceLocator());
        ToitDebugProcess process = new ToitDebugProcess(launch, main.getName() + " on " + device.name());
        // A serial device takes one host: the IDE's own link (Devices view, consoles) gives the port to the
        // debugger's link for the session and takes it back when the session ends.
        PortHandover.Lease port = () -> { };
        if (!device.address().isTcp()) {
            try {
                port = registry.links().ports().release(device.where(), "the debugger");
            } catch (IOException e) {
                throw fail("Cannot debug on " + device.where() + ": " + e.getMessage(), e);
            }
        }
        ToitDebugTarget target;
        try {
            target = connect(launch, process, main.getName() + " on " + device.name() + " [" + container + "]", port);
        } catch (IOException e) {
            port.close();
            process.message("Cannot start the debugger: " + e.getMessage() + "\n");
            process.ended();
            throw fail("Cannot start the debugger: " + e.getMessage(), e);
        }
        launch.addDebugTarget(target);
        try {
            target.start(args, ToitLaunchDelegate.BUILD_WAIT.plus(Duration.ofSeconds(60)), progress.split(95));
        } catch (IOException e) {
            process.message("Debugging " + container + " on " + device.name() + " failed: " + e.getMessage() + "\n");
            target.abort();
            throw fail(e.getMessage(), e);
        }
    }

    /** Starts the adapter on a loopback port with the IDE's compiler, and connects a target to it. */
    private static ToitDebugTarget connect(ILaunch launch, ToitDebugProcess process, String name, PortHandover.Lease port)
            throws IOException {
        ServerSocket server = DapServer.listen(0);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "eave-dap-client");
            t.setDaemon(true);
            return t;
        });
        Thread serving = new Thread(() -> {
            try {
                DapServer.serveOne(server, () -> new EaveDebugAdapter(EaveDebugAdapter.Options.defaults(ProgramBuilders.current())));
            } catch (IOException e) {
                // closed at the end of the session
            }
        }, "eave-dap-server");
        serving.setDaemon(true);
        serving.start();
        Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
        socket.setTcpNoDelay(true);
        Runnable closer = () -> {
            try {
                socket.close();
                server.close();
            } catch (IOException e) {
                // gone already
            }
            threads.shutdown();
            port.close();   // the IDE's link reopens a serial port
        };
        ToitDebugTarget target = new ToitDebugTarget(launch, process, name, closer);
        Launcher<IDebugProtocolServer> client = DSPLauncher.createClientLauncher(target, socket.getInputStream(), socket.getOutputStream(),
                threads, null);
        target.connect(client.getRemoteProxy());
        client.startListening();
        return target;
    }

    private static CoreException fail(String message, Throwable cause) {
        return new CoreException(Status.error(message, cause));
    }
}
