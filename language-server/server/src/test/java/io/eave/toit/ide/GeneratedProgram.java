package io.eave.toit.ide;

/** Toit programs of any size for latency tests and benchmarks: classes that use one another, and a main that uses them all. */
final class GeneratedProgram {
    /** Lines per class, exactly: line 7 of each (from 0) is {@code return width * height}. */
    static final int LINES_PER_CLASS = 22;

    private GeneratedProgram() {
    }

    static String of(int classes) {
        return of(classes, "");
    }

    /** With {@code suffix} after every class name, so several files of a workspace declare different names. */
    static String of(int classes, String suffix) {
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < classes; n++) {
            String i = n + suffix;
            s.append("/// Shape number ").append(i).append(".\n");
            s.append("class Shape").append(i).append(":\n");
            s.append("  width/int := 0\n  height/int := 0\n  name/string\n");
            s.append("  constructor .name --.width=1 --.height=1:\n");
            s.append("  area -> int:\n    return width * height\n");
            s.append("  grow by/int -> none:\n    width += by\n    height += by\n");
            s.append("  describe -> string:\n    total := 0\n    [1, 2, 3].do: total += it\n");
            s.append("    if total > 3:\n      return \"$name: $(area)\"\n    else:\n      return name\n");
            s.append("  compare other/Shape").append(i).append(" -> bool:\n    return area > other.area\n");
            s.append("  stringify -> string: return describe\n\n");
        }
        s.append("main:\n");
        for (int n = 0; n < classes; n++) s.append("  print (Shape").append(n).append(suffix).append(" \"s\" --width=2).area\n");
        return s.toString();
    }
}
