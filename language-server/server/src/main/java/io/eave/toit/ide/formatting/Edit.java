package io.eave.toit.ide.formatting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replace the characters from {@code start} to {@code end} (offsets in the original text) by {@code text}. */
public record Edit(int start, int end, String text) {

    static Edit delete(int start, int end) {
        return new Edit(start, end, "");
    }

    static Edit insert(int at, String text) {
        return new Edit(at, at, text);
    }

    /** Whether two of the edits touch the same characters, or insert at the same place. */
    static boolean overlap(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        for (int i = 1; i < sorted.size(); i++) {
            Edit before = sorted.get(i - 1);
            Edit after = sorted.get(i);
            if (after.start() < before.end() || after.start() == before.start()) return true;
        }
        return false;
    }

    /** {@code text} with {@code edits} applied; the edits must not overlap. */
    public static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Edit e : sorted) {
            out.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
