package io.eave.debug.ui.model;

import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;

import io.eave.launch.DeviceProgramProcess;

/**
 * The debugged program as a process: its console (the launch's console) shows the adapter's
 * output events — the program's output, its errors and the debugger's messages in the error
 * colour — and how it ended. Terminate terminates the debug target.
 */
public final class ToitDebugProcess extends DeviceProgramProcess {
    private volatile ToitDebugTarget target;
    private volatile Integer exitCode;
    private volatile boolean terminated;

    public ToitDebugProcess(ILaunch launch, String label) {
        super(launch, label);
        addToLaunch();
    }

    void attach(ToitDebugTarget target) {
        this.target = target;
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
    public int getExitValue() throws DebugException {
        Integer code = exitCode;
        if (!terminated) {
            throw new DebugException(Status.error(getLabel() + " is still being debugged"));
        }
        return code == null ? -1 : code;
    }
}
