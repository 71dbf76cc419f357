package io.eave.debug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.eave.compiler.debug.DebugInfo;
import io.eave.compiler.debug.DebugInfo.MethodInfo;
import io.eave.debug.protocol.DebugCodec;
import io.eave.debug.protocol.DebugMessage.Range;

/**
 * What the adapter asks of the debug info (docs/debug-info.md): the source line of a (method,
 * offset), the step ranges of a line, where a breakpoint on a line lands, names of frames,
 * classes, fields and globals.
 */
public final class SourceMap {
    /** The end of a method's last statement: the agent's ranges are open-ended there. */
    static final long END = DebugCodec.MAX_VARINT;

    private final DebugInfo info;

    public SourceMap(DebugInfo info) {
        this.info = info;
    }

    public DebugInfo info() {
        return info;
    }

    public MethodInfo method(long index) {
        return index >= 0 && index < info.methods().size() ? info.methods().get((int) index) : null;
    }

    /** The source file of a method, or null (core library without sources, stubs, unknown method). */
    public String path(long method) {
        MethodInfo m = method(method);
        return m == null || m.file() < 0 || m.file() >= info.files().size() ? null : info.files().get(m.file()).path();
    }

    /** The line of the statement at {@code offset}, 0 when unknown. */
    public int line(long method, long offset) {
        MethodInfo m = method(method);
        return m == null ? 0 : m.lineAt((int) Math.min(offset, Integer.MAX_VALUE));
    }

    /** Whether stepping should stop in this method: it has source and is not a call-shape stub. */
    public boolean hasSource(long method) {
        MethodInfo m = method(method);
        return m != null && path(method) != null && !"stub".equals(m.kind()) && !m.lines().isEmpty();
    }

    /** Whether a statement starts exactly at this offset. */
    public boolean statementStart(long method, long offset) {
        MethodInfo m = method(method);
        return m != null && m.lines().stream().anyMatch(pair -> pair[0] == offset);
    }

    /**
     * The bytecode ranges [from, to) of the line that {@code offset} is on, in its method: every
     * stretch from a statement of that line to the next statement (to {@link #END} after the last).
     * Before the first statement, the stretch up to it.
     */
    public List<Range> lineRanges(long method, long offset) {
        MethodInfo m = method(method);
        List<Range> ranges = new ArrayList<>();
        if (m == null || m.lines().isEmpty()) {
            ranges.add(new Range(0, END));
            return ranges;
        }
        List<int[]> pairs = m.lines();
        if (offset < pairs.get(0)[0]) {
            ranges.add(new Range(0, pairs.get(0)[0]));
            return ranges;
        }
        int line = m.lineAt((int) offset);
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i)[1] != line) {
                continue;
            }
            long from = pairs.get(i)[0];
            long to = i + 1 < pairs.size() ? pairs.get(i + 1)[0] : END;
            if (from == to) {
                continue;
            }
            Range last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last.to() == from) {
                ranges.set(ranges.size() - 1, new Range(last.from(), to));
            } else {
                ranges.add(new Range(from, to));
            }
        }
        return ranges;
    }

    /** A frame's name: Holder.name, "block in Holder.name", "lambda in main". */
    public String frameName(long method) {
        MethodInfo m = method(method);
        if (m == null) {
            return "method #" + method;
        }
        if (("block".equals(m.kind()) || "lambda".equals(m.kind())) && method(m.outer()) != null) {
            return m.kind() + " in " + frameName(m.outer());
        }
        return m.qualifiedName();
    }

    /** The index of a source file in the debug info, -1 when the program does not contain it. */
    public int fileIndex(String path) {
        Path p = Path.of(path);
        int index = info.fileIndex(p);
        if (index >= 0) {
            return index;
        }
        try {
            Path real = p.toRealPath();
            for (int i = 0; i < info.files().size(); i++) {
                Path other = Path.of(info.files().get(i).path());
                if (Files.exists(other) && other.toRealPath().equals(real)) {
                    return i;
                }
            }
        } catch (IOException e) {
            // not on this machine: no match
        }
        return -1;
    }

    public String className(long classIndex) {
        return classIndex >= 0 && classIndex < info.classes().size() ? info.classes().get((int) classIndex).name()
                : "class #" + classIndex;
    }

    /** Field names of a class, inherited ones first (as the image numbers them); empty when unknown. */
    public List<String> fields(long classIndex) {
        if (classIndex < 0 || classIndex >= info.classes().size() || info.classes().get((int) classIndex).fields() == null) {
            return List.of();
        }
        return info.classes().get((int) classIndex).fields();
    }

    public int globalCount() {
        return info.globals() == null ? 0 : info.globals().size();
    }

    public String globalName(int index) {
        return info.globals().get(index).name();
    }
}
