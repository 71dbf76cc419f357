package io.eave.debug.ui.breakpoints;

import java.util.Set;

import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTargetFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

/** Offers {@link ToitToggleTarget} in editors showing a .toit file. */
public final class ToitToggleTargetFactory implements IToggleBreakpointsTargetFactory {
    public static final String ID = "io.eave.debug.ui.toggleTarget";

    @Override
    public Set<String> getToggleTargets(IWorkbenchPart part, ISelection selection) {
        return ToitToggleTarget.toitFile(part) != null ? Set.of(ID) : Set.of();
    }

    @Override
    public String getDefaultToggleTarget(IWorkbenchPart part, ISelection selection) {
        return ToitToggleTarget.toitFile(part) != null ? ID : null;
    }

    @Override
    public IToggleBreakpointsTarget createToggleTarget(String targetID) {
        return ID.equals(targetID) ? new ToitToggleTarget() : null;
    }

    @Override
    public String getToggleTargetName(String targetID) {
        return "Toit Breakpoints";
    }

    @Override
    public String getToggleTargetDescription(String targetID) {
        return "Line breakpoints in Toit programs";
    }
}
