package io.eave.debug.ui.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

/** A breakpoint on a line of a .toit file (a marker on the file; the adapter resolves the line). */
public final class ToitLineBreakpoint extends LineBreakpoint {

    /** For the breakpoint manager, which restores breakpoints from their markers. */
    public ToitLineBreakpoint() {
    }

    /** Creates the marker on {@code resource} at {@code line} (1-based) and registers the breakpoint. */
    public ToitLineBreakpoint(IResource resource, int line) throws CoreException {
        IWorkspaceRunnable create = monitor -> {
            IMarker marker = resource.createMarker(ToitBreakpoints.LINE_MARKER);
            setMarker(marker);
            marker.setAttributes(Map.of(
                    IBreakpoint.ENABLED, Boolean.TRUE,
                    IBreakpoint.ID, ToitBreakpoints.MODEL_ID,
                    IMarker.LINE_NUMBER, line,
                    IMarker.MESSAGE, "Line breakpoint: " + resource.getName() + " [line: " + line + "]"));
        };
        run(getMarkerRule(resource), create);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    @Override
    public String getModelIdentifier() {
        return ToitBreakpoints.MODEL_ID;
    }

    /** The file's path in the file system, as the debug info names it. */
    public String path() {
        IResource resource = getMarker().getResource();
        return resource.getLocation() == null ? null : resource.getLocation().toOSString();
    }
}
