package io.eave.toit.editor.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Preferences > Toit > Language Server: tracing the editor's messages to the server. */
public final class LanguageServerPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public LanguageServerPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, LanguageServerPreferences.NODE);
        store.setDefault(LanguageServerPreferences.TRACE_MESSAGES, false);
        setPreferenceStore(store);
        setDescription("The Toit language server runs inside the IDE and gives the editor its problems, completion, hover"
                + " and links. Tracing takes effect when the server next starts (the next IDE session).");
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(LanguageServerPreferences.TRACE_MESSAGES,
                "&Trace the messages between editor and server to " + LanguageServerPreferences.traceFile(), getFieldEditorParent()));
    }

    @Override
    public void init(IWorkbench workbench) {
    }
}
