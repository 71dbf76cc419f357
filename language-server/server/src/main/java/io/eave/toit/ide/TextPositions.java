package io.eave.toit.ide;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;

/** Offsets in a text and LSP positions (0-based line, UTF-16 character), both ways. */
final class TextPositions {
    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    TextPositions(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) lineStarts.add(i + 1);
        }
    }

    Position position(int offset) {
        offset = Math.max(0, Math.min(offset, text.length()));
        int line = 0;
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                line = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return new Position(line, offset - lineStarts.get(line));
    }

    int offset(Position position) {
        int line = Math.max(0, Math.min(position.getLine(), lineStarts.size() - 1));
        return Math.min(text.length(), lineStarts.get(line) + Math.max(0, position.getCharacter()));
    }
}
