package io.eave.cli;

import io.eave.compiler.debug.DebugInfo;

/** Stack trace frames (method index, bytecode offset) as people read them: name at file:line. */
final class Traces {
    private Traces() {}

    /** Whether the method is the core library's `throw`. */
    static boolean isThrow(DebugInfo debug, int method) {
        return debug != null && method >= 0 && method < debug.methods().size()
                && debug.methods().get(method).name().equals("throw") && debug.methods().get(method).holder() == null
                && debug.methods().get(method).file() >= 0
                && debug.files().get(debug.methods().get(method).file()).path().startsWith("<core>");
    }

    static String describe(DebugInfo debug, int method, int offset) {
        if (debug == null || method < 0 || method >= debug.methods().size()) {
            return "method " + method + " at offset " + offset + " (no debug info)";
        }
        DebugInfo.MethodInfo m = debug.methods().get(method);
        int line = m.lineAt(offset);
        String file = m.file() >= 0 && m.file() < debug.files().size() ? debug.files().get(m.file()).path() : "<core>";
        return m.qualifiedName() + " (" + file + (line > 0 ? ":" + line : "") + ")";
    }
}
