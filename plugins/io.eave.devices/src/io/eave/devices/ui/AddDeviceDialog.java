package io.eave.devices.ui;

import java.io.IOException;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.eave.devices.DeviceRegistry;

/** Asks for a device's address (serial port or tcp:HOST:PORT) and its secret. */
public final class AddDeviceDialog extends TitleAreaDialog {
    private Text addressText;
    private Text secretText;
    private String address = "";
    private String secret = "";

    public AddDeviceDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Add Device");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Add a device");
        setMessage("A board on a serial port (/dev/ttyUSB0) or a device on the network (tcp:HOST:PORT).");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(form, SWT.NONE).setText("&Address:");
        addressText = new Text(form, SWT.BORDER);
        addressText.setMessage("/dev/ttyUSB0 or tcp:192.168.1.20:4711");
        addressText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(form, SWT.NONE).setText("&Secret:");
        secretText = new Text(form, SWT.BORDER | SWT.PASSWORD);
        secretText.setMessage("over TCP: the device's secret (kept in secure storage)");
        secretText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        addressText.addModifyListener(e -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        String error = null;
        try {
            DeviceRegistry.parse(addressText.getText());
        } catch (IOException e) {
            error = addressText.getText().isBlank() ? null : e.getMessage();
        }
        setErrorMessage(error);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(error == null && !addressText.getText().isBlank());
        }
    }

    @Override
    protected void okPressed() {
        address = addressText.getText().trim();
        secret = secretText.getText();
        super.okPressed();
    }

    public String address() {
        return address;
    }

    public String secret() {
        return secret;
    }
}
