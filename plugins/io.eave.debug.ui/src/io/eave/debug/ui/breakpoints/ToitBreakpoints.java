package io.eave.debug.ui.breakpoints;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;

import io.eave.debug.EaveDebugAdapter;

/** The Toit debug model's id, and its breakpoints in the breakpoint manager. */
public final class ToitBreakpoints {
    /** The debug model of Toit programs: breakpoints, targets, presentation. */
    public static final String MODEL_ID = "io.eave.toit.debug";
    public static final String LINE_MARKER = "io.eave.debug.ui.lineBreakpoint.marker";
    public static final String EXCEPTION_MARKER = "io.eave.debug.ui.exceptionBreakpoint.marker";

    private ToitBreakpoints() {
    }

    private static IBreakpointManager manager() {
        return DebugPlugin.getDefault().getBreakpointManager();
    }

    /** The Toit line breakpoints, enabled or not. */
    public static List<ToitLineBreakpoint> lineBreakpoints() {
        List<ToitLineBreakpoint> result = new ArrayList<>();
        for (IBreakpoint b : manager().getBreakpoints(MODEL_ID)) {
            if (b instanceof ToitLineBreakpoint l) {
                result.add(l);
            }
        }
        return result;
    }

    /** The line breakpoint on {@code line} (1-based) of {@code resource}, or null. */
    public static ToitLineBreakpoint lineBreakpoint(IResource resource, int line) {
        for (ToitLineBreakpoint b : lineBreakpoints()) {
            try {
                if (resource.equals(b.getMarker().getResource()) && b.getLineNumber() == line) {
                    return b;
                }
            } catch (CoreException e) {
                // a deleted marker
            }
        }
        return null;
    }

    /**
     * The exception breakpoints "Uncaught exceptions" (enabled) and "All exceptions" (disabled),
     * created on the workspace root the first time they are asked for; the Breakpoints view
     * lists them and turns them on and off.
     */
    public static synchronized List<ToitExceptionBreakpoint> exceptionBreakpoints() throws CoreException {
        List<ToitExceptionBreakpoint> found = new ArrayList<>();
        for (IBreakpoint b : manager().getBreakpoints(MODEL_ID)) {
            if (b instanceof ToitExceptionBreakpoint e) {
                found.add(e);
            }
        }
        for (String filter : List.of(EaveDebugAdapter.FILTER_UNCAUGHT, EaveDebugAdapter.FILTER_ALL)) {
            if (found.stream().noneMatch(e -> filter.equals(e.filter()))) {
                ToitExceptionBreakpoint created = new ToitExceptionBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), filter,
                        filter.equals(EaveDebugAdapter.FILTER_UNCAUGHT));
                found.add(created);
            }
        }
        return found;
    }
}
