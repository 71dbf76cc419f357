package io.eave.debug.ui.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

import io.eave.debug.EaveDebugAdapter;

/**
 * Stop where an exception is thrown: {@code uncaught} (no handler catches it) or {@code all}
 * (every throw), the adapter's exception filters. A marker on the workspace root.
 */
public final class ToitExceptionBreakpoint extends Breakpoint {
    public static final String FILTER = "io.eave.debug.ui.filter";

    public ToitExceptionBreakpoint() {
    }

    public ToitExceptionBreakpoint(IResource root, String filter, boolean enabled) throws CoreException {
        IWorkspaceRunnable create = monitor -> {
            IMarker marker = root.createMarker(ToitBreakpoints.EXCEPTION_MARKER);
            setMarker(marker);
            marker.setAttributes(Map.of(
                    IBreakpoint.ENABLED, enabled,
                    IBreakpoint.ID, ToitBreakpoints.MODEL_ID,
                    FILTER, filter,
                    IMarker.MESSAGE, label(filter)));
        };
        run(getMarkerRule(root), create);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    @Override
    public String getModelIdentifier() {
        return ToitBreakpoints.MODEL_ID;
    }

    /** {@link EaveDebugAdapter#FILTER_UNCAUGHT} or {@link EaveDebugAdapter#FILTER_ALL}. */
    public String filter() {
        IMarker marker = getMarker();
        return marker == null ? "" : marker.getAttribute(FILTER, "");
    }

    /** How the Breakpoints view names it. */
    public static String label(String filter) {
        return EaveDebugAdapter.FILTER_ALL.equals(filter) ? "Toit: all exceptions (caught or not)" : "Toit: uncaught exceptions";
    }
}
