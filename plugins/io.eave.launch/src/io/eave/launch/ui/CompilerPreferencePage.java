package io.eave.launch.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.eave.launch.build.CompilerPreferences;

/** Preferences > Toit > Compiler: build on save, and the project folder program images go to. */
public final class CompilerPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public CompilerPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, CompilerPreferences.NODE);
        store.setDefault(CompilerPreferences.BUILD_ON_SAVE, true);
        store.setDefault(CompilerPreferences.OUTPUT_FOLDER, CompilerPreferences.DEFAULT_OUTPUT_FOLDER);
        setPreferenceStore(store);
        setDescription("The Toit builder checks every .toit file of a Toit project (errors and warnings in the Problems view)"
                + " and compiles each program with a main into the output folder.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(CompilerPreferences.BUILD_ON_SAVE, "&Build when a file is saved", getFieldEditorParent()));
        addField(new StringFieldEditor(CompilerPreferences.OUTPUT_FOLDER, "&Output folder (in each project):", getFieldEditorParent()) {
            @Override
            protected void doFillIntoGrid(Composite parent, int numColumns) {
                super.doFillIntoGrid(parent, numColumns);
                getTextControl(parent).addListener(SWT.Modify, e -> valueChanged());   // checked as typed or pasted
            }

            @Override
            protected boolean doCheckState() {
                String problem = CompilerPreferences.checkOutputFolder(getStringValue());
                setErrorMessage(problem);
                return problem == null;
            }
        });
    }

    @Override
    public void init(IWorkbench workbench) {
    }
}
