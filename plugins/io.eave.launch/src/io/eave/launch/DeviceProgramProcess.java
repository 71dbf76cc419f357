package io.eave.launch;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * What a program on a device has in common as a debug-framework process, run or debugged: a
 * console with its output and, in the error colour, its errors and the tool's messages; no
 * input (a program on the device reads none from the console); attributes; debug events.
 * Subclasses say how it ends and what Terminate does.
 */
public abstract class DeviceProgramProcess extends PlatformObject implements IProcess {
    private final ILaunch launch;
    private final String label;
    private final OutputMonitor out = new OutputMonitor();
    private final OutputMonitor err = new OutputMonitor();
    private final Map<String, String> attributes = new HashMap<>();

    protected DeviceProgramProcess(ILaunch launch, String label) {
        this.launch = launch;
        this.label = label;
        attributes.put(IProcess.ATTR_PROCESS_TYPE, ToitLaunch.PROCESS_TYPE);
        // no ATTR_PROCESS_LABEL: the console is then named "CONFIGURATION [Toit Application] LABEL"
    }

    /** Adds the process to its launch, which opens its console; subclasses call it once they are ready. */
    protected final void addToLaunch() {
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    /** The program's output (stdout). */
    public void output(String text) {
        out.append(text);
    }

    /** The program's errors and the tool's own messages: shown in the console's error colour. */
    public void message(String text) {
        err.append(text);
    }

    protected final void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
        }
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    private final IStreamsProxy streams = new IStreamsProxy() {
        @Override
        public IStreamMonitor getErrorStreamMonitor() {
            return err;
        }

        @Override
        public IStreamMonitor getOutputStreamMonitor() {
            return out;
        }

        @Override
        public void write(String input) throws IOException {
            throw new IOException("programs on the device read no input from the console");
        }
    };

    @Override
    public synchronized void setAttribute(String key, String value) {
        attributes.put(key, value);
        fire(DebugEvent.CHANGE);
    }

    @Override
    public synchronized String getAttribute(String key) {
        return attributes.get(key);
    }
}
