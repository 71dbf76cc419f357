package io.eave.devices.ui.flash;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/** The Flash Device... command (Run menu): opens the wizard with nothing pre-filled. */
public final class FlashDeviceHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        new WizardDialog(HandlerUtil.getActiveShell(event), new FlashDeviceWizard()).open();
        return null;
    }
}
