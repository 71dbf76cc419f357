package io.eave.toit.editor.lsp.rename;

import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The rename dialog: the new name, then Preview (the change per file) or OK. */
final class ToitRenameWizard extends RefactoringWizard {
    ToitRenameWizard(ToitRenameRefactoring refactoring) {
        super(refactoring, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
        setDefaultPageTitle(refactoring.getName());
        setWindowTitle(refactoring.getName());   // Rename 'farewell'
    }

    @Override
    protected void addUserInputPages() {
        addPage(new NamePage((ToitRenameRefactoring) getRefactoring()));
    }

    private static final class NamePage extends UserInputWizardPage {
        private final ToitRenameRefactoring refactoring;

        NamePage(ToitRenameRefactoring refactoring) {
            super("toitRename");
            this.refactoring = refactoring;
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            new Label(c, SWT.NONE).setText("New name:");
            Text text = new Text(c, SWT.BORDER);
            text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            text.setText(refactoring.oldName());
            text.selectAll();
            text.addModifyListener(e -> {
                String name = text.getText().strip();
                refactoring.setNewName(name);
                setPageComplete(!name.isEmpty() && !name.equals(refactoring.oldName()));
            });
            setPageComplete(false);
            setControl(c);
            text.setFocus();
        }
    }
}
