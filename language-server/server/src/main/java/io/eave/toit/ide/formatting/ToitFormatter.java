package io.eave.toit.ide.formatting;

import com.google.inject.Injector;
import io.eave.toit.ToitStandaloneSetup;
import io.eave.toit.ide.formatting.SourceLines.Line;
import io.eave.toit.ide.formatting.SourceLines.LineKind;
import io.eave.toit.parser.LexicalIssue;
import io.eave.toit.parser.TokenTypes;
import io.eave.toit.parser.ToitLexer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParser;

/**
 * Formats Toit source: indentation ({@link Indentation}) and spacing ({@link Spacing}) where the
 * code parses cleanly, trailing spaces and blank lines ({@link WhitespaceCleanup}) everywhere.
 *
 * <p>Meaning is guaranteed, not assumed: the edited text is laid out again and every top-level
 * declaration must give the parser the same tokens as before (types and texts, the layout's
 * synthetic INDENT/DEDENT/NEWLINE and its spacing-dependent types such as NEG and INDEX
 * included, so it parses to the same tree) with the same errors, and formatting it again must
 * change nothing. A declaration that fails either check, has a syntax error (it may be being
 * typed), or starts a line of code with a block comment gets only the cleanup; the result says why.
 * Thread-safe.
 */
public final class ToitFormatter {

    /** The edits (offsets in the text given) and, for the log, why declarations were left as they were. */
    public record Result(List<Edit> edits, List<String> notes) {
    }

    private final TokenTypes types;
    private final IParser parser;

    public ToitFormatter(Injector injector) {
        this.types = injector.getInstance(TokenTypes.class);
        this.parser = injector.getInstance(IParser.class);
    }

    private static ToitFormatter shared;

    /** A formatter on the front end's shared injector. */
    public static synchronized ToitFormatter shared() {
        if (shared == null) shared = new ToitFormatter(ToitStandaloneSetup.injector());
        return shared;
    }

    public Result format(String text) {
        return format(text, 0, text.length());
    }

    /**
     * The edits on the text from {@code from} to {@code to} (callers pass whole lines), computed
     * with the whole text around them and checked as whole-text formatting is, except that a
     * declaration formatted only in part need not be formatted completely.
     */
    public Result format(String text, int from, int to) {
        boolean whole = from <= 0 && to >= text.length();
        Predicate<Edit> inRange = e -> e.start() >= from && e.end() <= to
                && (e.start() < to || e.start() == text.length());
        Analysis original = new Analysis(text, types);
        int count = original.declarations.count();
        boolean[] kept = new boolean[count];   // left as they were (cleanup only)
        List<String> notes = new ArrayList<>();
        for (INode error : parser.parse(new StringReader(text)).getSyntaxErrors()) {
            keep(kept, notes, original, original.declarations.at(error.getOffset()), "it has a syntax error at line "
                    + (original.lines.lineAt(error.getOffset()) + 1));
        }
        for (LexicalIssue error : original.layout.errors()) {
            keep(kept, notes, original, original.declarations.at(error.offset()), "of an error at line "
                    + (original.lines.lineAt(error.offset()) + 1) + " (" + error.message() + ")");
        }
        for (int d = 0; d < count; d++) {
            if (original.declarations.hasCommentFirstLine(d)) {
                keep(kept, notes, original, d, "a line of code in it starts with a block comment");
            }
        }
        List<List<Edit>> layoutEdits = original.layoutEdits().stream().map(l -> l.stream().filter(inRange).toList()).toList();
        String[] before = original.layout.signatures(original.declarations.starts());
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Edit> cleanup = cleanup(original, text, kept[0] ? List.of() : layoutEdits.get(0), inRange);
            List<Edit> edits = new ArrayList<>(cleanup);
            for (int d = 0; d < count; d++) {
                if (!kept[d]) edits.addAll(layoutEdits.get(d));
            }
            if (Edit.overlap(edits)) {   // never expected: the kinds of edits touch different characters
                notes.add("Formatting left the file's indentation and spacing as they were: two of its edits overlapped");
                return new Result(cleanup(original, text, List.of(), inRange), notes);
            }
            Analysis formatted = new Analysis(Edit.apply(text, edits), types);
            if (formatted.declarations.count() != count) {
                notes.add("Formatting left the file's indentation and spacing as they were: the formatted text had "
                        + formatted.declarations.count() + " top-level declarations instead of " + count);
                return new Result(cleanup(original, text, List.of(), inRange), notes);
            }
            String[] after = formatted.layout.signatures(formatted.declarations.starts());
            List<List<Edit>> again = whole ? formatted.layoutEdits() : null;
            boolean changed = false;
            for (int d = 0; d < count; d++) {
                if (kept[d]) continue;
                if (!before[d].equals(after[d])) {
                    keep(kept, notes, original, d, "formatting it would have changed the tokens the parser sees");
                    changed = true;
                } else if (whole && !again.get(d).isEmpty()) {
                    keep(kept, notes, original, d, "formatting it a second time would have changed it again");
                    changed = true;
                }
            }
            if (!changed) return new Result(edits, notes);
        }
        return new Result(cleanup(original, text, List.of(), inRange), notes);
    }

    /**
     * The cleanup edits. Blank lines before the first line of code go only if that line can
     * become the first of the text: not if it is indented and stays so ({@code firstEdits}, the
     * indentation edits of the first declaration, may unindent it; the first line's indentation
     * would not count), nor if it starts with {@code #!} (which only the first line may).
     */
    private static List<Edit> cleanup(Analysis analysis, String text, List<Edit> firstEdits, Predicate<Edit> inRange) {
        boolean keepLeading = false;
        for (Line line : analysis.lines.lines) {
            if (line.is(LineKind.BLANK)) continue;
            int start = line.start();
            keepLeading = (line.is(LineKind.CODE) && line.textStart() > start
                    && firstEdits.stream().noneMatch(e -> e.start() == start && e.text().isEmpty()))
                    || text.startsWith("#!", line.textStart());
            break;
        }
        return WhitespaceCleanup.edits(text, analysis.lines.lexemes, keepLeading).stream().filter(inRange).toList();
    }

    private static void keep(boolean[] kept, List<String> notes, Analysis analysis, int declaration, String why) {
        if (kept[declaration]) return;
        kept[declaration] = true;
        notes.add("Formatting left the indentation and spacing of the declaration at "
                + analysis.declarations.describe(declaration) + " as they were: " + why);
    }

    /** A text as the formatter sees it: its lines, the parser's tokens, its top-level declarations. */
    private static final class Analysis {
        final SourceLines lines;
        final LayoutTokens layout;
        final Declarations declarations;

        Analysis(String text, TokenTypes types) {
            lines = new SourceLines(text, ToitLexer.scan(text).lexemes());
            layout = new LayoutTokens(text, types);
            declarations = new Declarations(lines);
        }

        /** The indentation and spacing edits, by declaration. */
        List<List<Edit>> layoutEdits() {
            List<List<Edit>> byDeclaration = new ArrayList<>();
            for (int d = 0; d < declarations.count(); d++) byDeclaration.add(new ArrayList<>());
            for (Edit e : Indentation.edits(lines, layout)) byDeclaration.get(declarations.at(e.start())).add(e);
            for (Edit e : Spacing.edits(lines, layout)) byDeclaration.get(declarations.at(e.start())).add(e);
            return byDeclaration;
        }
    }
}
