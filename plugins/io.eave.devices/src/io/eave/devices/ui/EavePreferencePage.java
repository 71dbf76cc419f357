package io.eave.devices.ui;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Preferences > Toit: the root of Eave's preference pages (compiler, devices, language server). */
public final class EavePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {
    @Override
    protected Control createContents(Composite parent) {
        noDefaultAndApplyButton();
        Label label = new Label(parent, SWT.WRAP);
        label.setText("Toit on microcontrollers with Eave: the compiler, the devices and the language server are set on the pages below.");
        return label;
    }

    @Override
    public void init(IWorkbench workbench) {
    }
}
