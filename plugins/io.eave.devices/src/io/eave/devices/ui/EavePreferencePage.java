package io.eave.devices.ui;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Preferences > Eave: the root of Eave's preference pages. */
public final class EavePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {
    @Override
    protected Control createContents(Composite parent) {
        noDefaultAndApplyButton();
        Label label = new Label(parent, SWT.WRAP);
        label.setText("Eave: Toit for microcontrollers. See the pages below.");
        return label;
    }

    @Override
    public void init(IWorkbench workbench) {
    }
}
