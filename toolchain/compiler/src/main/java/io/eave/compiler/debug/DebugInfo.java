package io.eave.compiler.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The host-side debug info of one image (docs/debug-info.md): names, source ranges, line tables
 * and live local slots, indexed exactly like the image.
 */
public record DebugInfo(int format, String imageId, List<SourceFile> files, List<ClassInfo> classes,
                        List<GlobalInfo> globals, List<String> selectors, List<MethodInfo> methods) {
    public static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public record SourceFile(String path, String sha256) {}

    public record ClassInfo(String name, int file, List<String> fields) {}

    public record GlobalInfo(String name, int file, int line) {}

    public record Local(String name, int slot, int from, int to, String type) {}

    /** start and end are [line, column], 1-based; lines holds [offset, line] pairs. */
    public record MethodInfo(String name, String holder, String kind, int file, int[] start, int[] end, int outer,
                             List<int[]> lines, List<Local> locals) {
        /** The source line of the statement that contains this offset, or 0 when none does. */
        public int lineAt(int offset) {
            int line = 0;
            for (int[] pair : lines) {
                if (pair[0] > offset) {
                    break;
                }
                line = pair[1];
            }
            return line;
        }

        /** The locals live at this offset, in slot order. */
        public List<Local> liveAt(int offset) {
            List<Local> live = new ArrayList<>();
            for (Local local : locals) {
                if (local.from() <= offset && offset < local.to()) {
                    live.add(local);
                }
            }
            live.sort((a, b) -> Integer.compare(a.slot(), b.slot()));
            return live;
        }

        /** A readable name: Holder.name, or name for top-level methods. */
        public String qualifiedName() {
            return holder == null ? name : holder + "." + name;
        }
    }

    /** A breakpoint location: the method and offset where a statement of the line starts. */
    public record Location(int method, int offset, int line) {}

    /**
     * Where a breakpoint on {@code line} of {@code file} stops: the first statement on that line,
     * else on the nearest following line with code, in the innermost method covering the line.
     * Null when no method of the file has code at or after the line within its range.
     */
    public Location resolve(int file, int line) {
        Location best = null;
        int bestSpan = Integer.MAX_VALUE;
        for (int m = 0; m < methods.size(); m++) {
            MethodInfo method = methods.get(m);
            if (method.file() != file || method.start() == null || line < method.start()[0] || line > method.end()[0]) {
                continue;
            }
            int span = method.end()[0] - method.start()[0];
            Location here = null;
            for (int[] pair : method.lines()) {
                if (pair[1] >= line && (here == null || pair[1] < here.line())) {
                    here = new Location(m, pair[0], pair[1]);
                }
            }
            if (here != null && (span < bestSpan || (span == bestSpan && here.line() < best.line()))) {
                best = here;
                bestSpan = span;
            }
        }
        return best;
    }

    /** The index of a file by path, or -1. */
    public int fileIndex(Path path) {
        String wanted = path.toAbsolutePath().normalize().toString();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).path().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public static DebugInfo fromJson(String json) throws IOException {
        try {
            DebugInfo info = GSON.fromJson(json, DebugInfo.class);
            if (info == null || info.format() != FORMAT || info.methods() == null) {
                throw new IOException("not Eave debug info of format " + FORMAT);
            }
            return info;
        } catch (JsonParseException e) {
            throw new IOException("the debug info is not valid JSON: " + e.getMessage(), e);
        }
    }

    public void write(Path path) throws IOException {
        Files.writeString(path, toJson(), StandardCharsets.UTF_8);
    }

    public static DebugInfo read(Path path) throws IOException {
        return fromJson(Files.readString(path, StandardCharsets.UTF_8));
    }
}
