package io.eave.devices.ui.flash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.eave.devices.flash.DeviceFlashing;
import io.eave.devices.flash.DeviceFlashing.Board;
import io.eave.devices.flash.DeviceFlashing.Settings;
import io.eave.devices.flash.SerialPorts;

/**
 * The Flash Device wizard's page: board, serial port (listed in the background, the likeliest
 * pre-selected, Refresh), image, device name and secret, baud rate. Its error line says what is
 * missing; the flash's own error lands here too when it fails.
 */
public final class FlashDevicePage extends WizardPage {

    static final String[] BAUDS = { "921600", "460800", "230400", "115200" };

    private final DeviceFlashing flashing;
    private final DeviceFlashing.Prefill prefill;
    private List<Board> boards = List.of();
    private Combo board;
    private Combo port;
    private Button refresh;
    private Text image;
    private Button browse;
    private Text name;
    private Text secret;
    private Combo baud;
    private boolean secretTyped;
    private String flashProblem;

    FlashDevicePage(DeviceFlashing flashing, DeviceFlashing.Prefill prefill) {
        super("flashDevice");
        this.flashing = flashing;
        this.prefill = prefill;
        setTitle("Flash Device");
        setDescription("Writes the Eave VM firmware, the device's name and its secret to a board, and verifies them.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);

        label(c, "&Board:");
        board = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(board);
        try {
            boards = DeviceFlashing.boards();
        } catch (java.io.IOException e) {
            setErrorMessage(e.getMessage());
        }
        for (Board b : boards) {
            board.add(b.label());
        }
        board.addListener(SWT.Selection, e -> changed());

        label(c, "Serial &port:");
        port = new Combo(c, SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(port);
        port.addListener(SWT.Modify, e -> changed());
        refresh = new Button(c, SWT.PUSH);
        refresh.setText("&Refresh");
        refresh.addListener(SWT.Selection, e -> listPorts(port.getText()));

        label(c, "&Image:");
        image = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(image);
        image.addListener(SWT.Modify, e -> changed());
        browse = new Button(c, SWT.PUSH);
        browse.setText("Bro&wse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] { "*.bin;*.elf", "*" });
            String file = dialog.open();
            if (file != null) {
                image.setText(file);
            }
        });

        label(c, "Device &name:");
        name = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(name);
        name.addListener(SWT.Modify, e -> {
            if (!secretTyped) {
                secret.setText(flashing.secretFor(name.getText().trim()));   // a device flashed again keeps its secret
                secretTyped = false;
            }
            changed();
        });

        label(c, "&Secret:");
        secret = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(secret);
        secret.addListener(SWT.Modify, e -> {
            secretTyped = secret.isFocusControl();
            changed();
        });
        Button generate = new Button(c, SWT.PUSH);
        generate.setText("&Generate");
        generate.addListener(SWT.Selection, e -> secret.setText(flashing.secretFor("")));

        label(c, "Baud &rate:");
        baud = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
        baud.setItems(BAUDS);
        baud.select(0);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(baud);

        Label note = new Label(c, SWT.WRAP);
        note.setText("QEMU boards are flashed into their folder in the Eave home and started by the IDE. ESP32 boards are written "
                + "over the ROM loader; a port the IDE holds open is handed over for the flash and reconnected afterwards.");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(400, SWT.DEFAULT).applyTo(note);

        int chosen = 0;
        for (int i = 0; i < boards.size(); i++) {
            if (boards.get(i).id().equals(prefill.board())) {
                chosen = i;
            }
        }
        if (!boards.isEmpty()) {
            board.select(chosen);
        }
        name.setText(prefill.name().isBlank() ? boards.isEmpty() ? "" : boards.get(chosen).id() : prefill.name());
        setControl(c);
        port.setText(prefill.port());   // the listing below adds the others
        listPorts(prefill.port());
        changed();
    }

    private static void label(Composite c, String text) {
        new Label(c, SWT.NONE).setText(text);
    }

    /** Lists the ports in a Job and pre-selects {@code preferred} or the likeliest; the UI never waits on it. */
    void listPorts(String preferred) {
        refresh.setEnabled(false);
        org.eclipse.swt.widgets.Display display = port.getDisplay();
        Job job = Job.create("Listing serial ports", (IProgressMonitor monitor) -> {
            List<SerialPorts.Port> found = SerialPorts.list();
            Optional<String> pick = SerialPorts.likely(found, preferred);
            display.asyncExec(() -> {
                if (port.isDisposed()) {
                    return;
                }
                List<String> items = new ArrayList<>();
                for (SerialPorts.Port p : found) {
                    items.add(p.path());
                }
                String typed = port.getText();
                port.setItems(items.toArray(String[]::new));
                port.setText(pick.orElse(typed));
                refresh.setEnabled(true);
                changed();
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    Board selectedBoard() {
        int i = board.getSelectionIndex();
        return i < 0 || i >= boards.size() ? null : boards.get(i);
    }

    Settings settings() {
        Board b = selectedBoard();
        String file = image.getText().trim();
        return new Settings(b == null ? "" : b.id(), b != null && b.needsPort() ? port.getText().trim() : "",
                file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)), name.getText().trim(), secret.getText().trim(),
                Integer.parseInt(baud.getText()));
    }

    /** Shows the flash's failure (or clears it with null); the page stays open for another try. */
    void flashFailed(String message) {
        flashProblem = message;
        setErrorMessage(message);
    }

    private void changed() {
        if (board == null || secret == null || baud == null) {
            return;   // still building the page
        }
        flashProblem = null;
        Board b = selectedBoard();
        boolean serial = b != null && b.needsPort();
        port.setEnabled(serial);
        baud.setEnabled(serial);
        image.setMessage(b != null && b.bundled().isPresent() ? "bundled: " + b.bundled().get().file() : "the firmware image (.bin)");
        Optional<String> problem = DeviceFlashing.problem(settings(), b);
        setErrorMessage(problem.orElse(null));
        setPageComplete(problem.isEmpty());
    }

    public String flashProblem() {
        return flashProblem;
    }

    // for the UI tests: the widgets as a user reaches them
    public Combo boardCombo() {
        return board;
    }

    public Combo portCombo() {
        return port;
    }

    public Text imageText() {
        return image;
    }

    public Text nameText() {
        return name;
    }

    public Text secretText() {
        return secret;
    }
}
