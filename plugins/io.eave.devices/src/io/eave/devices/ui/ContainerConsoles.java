package io.eave.devices.ui;

import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleListener;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

import io.eave.device.ConsoleOutput;
import io.eave.devices.SharedDevice;

/**
 * Console monitors: one Eclipse console per (device, container) showing what the container
 * prints, opened from the Devices view. Output arrives on the link's thread and goes to a
 * {@link MessageConsoleStream}, which never waits on the UI thread.
 */
public final class ContainerConsoles {
    private static final String KEY = "io.eave.devices.console";

    private ContainerConsoles() {
    }

    /** The console's name: what the Console view's menu lists. */
    public static String title(SharedDevice device, String container) {
        return container + " on " + device.known().name() + " (device console)";
    }

    /** Opens (or shows again) the console of {@code container} on {@code device}. Call on the UI thread. */
    public static MessageConsole open(SharedDevice device, String container) {
        IConsoleManager manager = ConsolePlugin.getDefault().getConsoleManager();
        String key = device.known().key() + "/" + container;
        for (IConsole existing : manager.getConsoles()) {
            if (existing instanceof MessageConsole m && key.equals(m.getAttribute(KEY))) {
                manager.showConsoleView(m);
                return m;
            }
        }
        MessageConsole console = new MessageConsole(title(device, container), null);
        console.setAttribute(KEY, key);
        MessageConsoleStream out = console.newMessageStream();
        MessageConsoleStream err = console.newMessageStream();
        Runnable stop = device.onConsole(output -> {
            if (output.container().equals(container)) {
                (output.stream() == ConsoleOutput.Stream.STDOUT ? out : err).print(output.text());
            }
        });
        device.closed().whenComplete((v, e) -> err.println("\n(the link to the device is closed)"));
        manager.addConsoleListener(new IConsoleListener() {
            @Override
            public void consolesAdded(IConsole[] consoles) {
            }

            @Override
            public void consolesRemoved(IConsole[] consoles) {
                for (IConsole c : consoles) {
                    if (c == console) {
                        stop.run();
                        manager.removeConsoleListener(this);
                    }
                }
            }
        });
        out.println("Console of " + container + " on " + device.known().name() + ": its output from now on.");
        manager.addConsoles(new IConsole[] { console });
        manager.showConsoleView(console);
        return console;
    }
}
