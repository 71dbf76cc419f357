package io.eave.toit.editor.preferences;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.framework.FrameworkUtil;

/**
 * The language server's preferences (Preferences > Toit > Language Server), in the instance
 * scope of {@code io.eave.toit.editor}: whether the messages between the editor and the server
 * are traced to a file (read when the server starts: once per IDE session).
 */
public final class LanguageServerPreferences {

    public static final String NODE = "io.eave.toit.editor";
    /** Trace every LSP message, both ways, to {@link #traceFile()}; default false. */
    public static final String TRACE_MESSAGES = "traceMessages";

    private LanguageServerPreferences() {
    }

    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    public static boolean traceMessages() {
        return node().getBoolean(TRACE_MESSAGES, false);
    }

    /** Where the trace goes: lsp-trace.log in the editor bundle's state folder of the workspace. */
    public static Path traceFile() {
        return Platform.getStateLocation(FrameworkUtil.getBundle(LanguageServerPreferences.class)).toFile().toPath()
                .resolve("lsp-trace.log");
    }
}
