package io.eave.toit.parser;

import com.google.inject.Inject;
import io.eave.toit.scoping.Modules;
import java.util.List;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * A Toit file. Besides the parser's syntax errors, its errors and warnings hold what the lexer
 * and the layout found (illegal characters, old operators, tabs, bad escapes, stray brackets,
 * inconsistent indentation, spacing warnings): anyone who checks a resource's errors sees them.
 */
public class ToitResource extends LazyLinkingResource {

    @Inject
    private TokenTypes tokenTypes;

    @Override
    protected void addSyntaxErrors() {
        super.addSyntaxErrors();
        dropCascades();
        if (getParseResult() == null || Modules.isLibrary(this)) return;
        ICompositeNode root = getParseResult().getRootNode();
        String text = root.getText();
        List<LexicalIssue> issues = getParseResult() instanceof ToitParser.LaidOutResult laidOut ? laidOut.issues()
                : ToitTokenSource.layout(text, tokenTypes).issues();
        for (LexicalIssue issue : issues) {
            if (issue.error()) {
                getErrors().add(new LexicalDiagnostic(issue, text, root));
            } else if (!noWarn(text, issue.offset())) {
                getWarnings().add(new LexicalDiagnostic(issue, text, root));
            }
        }
    }

    /**
     * The parser's recovery after one broken line can report more errors on that line and the
     * next: only the first is kept, the rest are consequences.
     */
    private void dropCascades() {
        int lastLine = -10;
        var kept = new java.util.ArrayList<Diagnostic>();
        for (Diagnostic d : getErrors()) {
            if (d instanceof org.eclipse.xtext.diagnostics.Diagnostic x && x.getLine() <= lastLine + 1 && x.getLine() >= lastLine) {
                continue;
            }
            kept.add(d);
            lastLine = d.getLine();
        }
        getErrors().retainAll(kept);
    }

    /** A line ending in {@code // @no-warn} suppresses warnings on it. */
    private static boolean noWarn(String text, int offset) {
        int end = text.indexOf('\n', offset);
        return text.substring(offset, end < 0 ? text.length() : end).stripTrailing().endsWith("// @no-warn");
    }

    /** A lexical issue as a resource diagnostic, with its own range. */
    static final class LexicalDiagnostic extends AbstractDiagnostic {
        private final LexicalIssue issue;
        private final int line;
        private final int column;
        private final int lineEnd;
        private final int columnEnd;
        private final INode root;

        LexicalDiagnostic(LexicalIssue issue, String text, INode root) {
            this.issue = issue;
            this.root = root;
            int[] start = lineAndColumn(text, issue.offset());
            int[] end = lineAndColumn(text, issue.offset() + issue.length());
            line = start[0];
            column = start[1];
            lineEnd = end[0];
            columnEnd = end[1];
        }

        private static int[] lineAndColumn(String text, int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < Math.min(offset, text.length()); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, offset - lineStart + 1};
        }

        @Override
        protected INode getNode() {
            return root;
        }

        @Override
        public String getCode() {
            return issue.code();
        }

        @Override
        public String[] getData() {
            return new String[0];
        }

        @Override
        public String getMessage() {
            return issue.message();
        }

        @Override
        public int getOffset() {
            return issue.offset();
        }

        @Override
        public int getLength() {
            return issue.length();
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getColumn() {
            return column;
        }

        @Override
        public int getLineEnd() {
            return lineEnd;
        }

        @Override
        public int getColumnEnd() {
            return columnEnd;
        }
    }
}
