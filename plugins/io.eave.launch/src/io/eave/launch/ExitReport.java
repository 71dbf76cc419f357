package io.eave.launch;

import io.eave.compiler.debug.DebugInfo;
import io.eave.device.Message;

/**
 * How a container's end reads in its console: its exit code, or the uncaught exception with one
 * line per frame, {@code at NAME (FILE:LINE)} when the debug info knows the frame; the console
 * turns FILE:LINE into a link to the source.
 */
public final class ExitReport {
    private ExitReport() {
    }

    /** The text to append to the console; ends with a newline. */
    public static String describe(String container, Message.Exited end, DebugInfo debug) {
        StringBuilder s = new StringBuilder();
        switch (end.kind()) {
            case CODE -> s.append(container).append(" exited with code ").append(end.exitCode()).append('\n');
            case EXCEPTION -> {
                String reason = end.reason();
                s.append(reason.startsWith("uncaught exception") ? reason : "uncaught exception: " + reason).append('\n');
                for (Message.TraceEntry frame : end.trace()) {
                    s.append("  at ").append(frame(debug, (int) frame.method(), (int) frame.offset())).append('\n');
                }
                if (debug == null && !end.trace().isEmpty()) {
                    s.append("  (no debug info beside the image: frames show method indexes)\n");
                }
                s.append(container).append(" ended on an uncaught exception\n");
            }
            case OUT_OF_MEMORY -> s.append(container).append(" ran out of memory").append(reason(end)).append('\n');
            case STOPPED -> s.append(container).append(" was stopped").append(reason(end)).append('\n');
            default -> s.append("the VM stopped ").append(container).append(reason(end)).append('\n');
        }
        return s.toString();
    }

    private static String reason(Message.Exited end) {
        return end.reason().isEmpty() ? "" : ": " + end.reason();
    }

    /** One frame: {@code Class.method (/path/main.toit:12)}, or the raw indexes without debug info. */
    public static String frame(DebugInfo debug, int method, int offset) {
        if (debug == null || method < 0 || method >= debug.methods().size()) {
            return "method " + method + " at offset " + offset;
        }
        DebugInfo.MethodInfo m = debug.methods().get(method);
        int line = m.lineAt(offset);
        String file = m.file() >= 0 && m.file() < debug.files().size() ? debug.files().get(m.file()).path() : "<core>";
        return m.qualifiedName() + " (" + file + (line > 0 ? ":" + line : "") + ")";
    }
}
