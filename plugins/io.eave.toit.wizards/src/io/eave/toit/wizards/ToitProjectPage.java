package io.eave.toit.wizards;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;

/** The platform's name-and-location page, plus the choice of a sample to start from. */
class ToitProjectPage extends WizardNewProjectCreationPage {

    private ToitSample sample = ToitSample.HELLO;

    ToitProjectPage() {
        super("toitProject");
        setTitle("Toit Project");
        setDescription("Create a Toit project, empty or from a sample.");
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        Composite control = (Composite) getControl();
        Group group = new Group(control, SWT.NONE);
        group.setText("Start from");
        group.setLayout(new GridLayout(1, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        for (ToitSample each : ToitSample.values()) {
            Button button = new Button(group, SWT.RADIO);
            button.setText(each.label());
            button.setData(each);
            button.setSelection(each == sample);
            button.addListener(SWT.Selection, event -> {
                if (button.getSelection()) sample = each;
            });
            Label description = new Label(group, SWT.WRAP);
            description.setText(each.description());
            GridData indent = new GridData(SWT.FILL, SWT.TOP, true, false);
            indent.horizontalIndent = 20;
            description.setLayoutData(indent);
        }
    }

    ToitSample sample() {
        return sample;
    }

    void selectSample(ToitSample choice) {
        sample = choice;
    }
}
