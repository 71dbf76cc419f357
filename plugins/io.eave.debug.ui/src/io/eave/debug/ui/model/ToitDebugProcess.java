package io.eave.debug.ui.model;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

import io.eave.launch.OutputMonitor;
import io.eave.launch.ToitLaunch;

/**
 * The debugged program as a process: its console (the launch's console) shows the adapter's
 * output events — the program's output, its errors and the debugger's messages in the error
 * colour — and how it ended. Terminate terminates the debug target.
 */
public final class ToitDebugProcess extends PlatformObject implements IProcess {
    private final ILaunch launch;
    private final String label;
    private final OutputMonitor out = new OutputMonitor();
    private final OutputMonitor err = new OutputMonitor();
    private final Map<String, String> attributes = new HashMap<>();
    private volatile ToitDebugTarget target;
    private volatile Integer exitCode;
    private volatile boolean terminated;

    public ToitDebugProcess(ILaunch launch, String label) {
        this.launch = launch;
        this.label = label;
        attributes.put(IProcess.ATTR_PROCESS_TYPE, ToitLaunch.PROCESS_TYPE);
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    void attach(ToitDebugTarget target) {
        this.target = target;
    }

    /** Program output (stdout). */
    public void output(String text) {
        out.append(text);
    }

    /** The program's errors and the debugger's own messages. */
    public void message(String text) {
        err.append(text);
    }

    void exited(int code) {
        exitCode = code;
    }

    /** The session is over. */
    public void ended() {
        if (!terminated) {
            terminated = true;
            fire(DebugEvent.TERMINATE);
        }
    }

    private void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
        }
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() throws DebugException {
        ToitDebugTarget t = target;
        if (t != null && !t.isTerminated()) {
            t.terminate();
        } else {
            ended();
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

    @Override
    public int getExitValue() throws DebugException {
        Integer code = exitCode;
        if (!terminated) {
            throw new DebugException(Status.error(label + " is still being debugged"));
        }
        return code == null ? -1 : code;
    }
}
