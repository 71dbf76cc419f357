package io.eave.toit.ide.formatting;

import io.eave.toit.parser.LexicalIssue;
import io.eave.toit.parser.TokenTypes;
import io.eave.toit.parser.ToitTokenSource;
import io.eave.toit.validation.ToitIssueCodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

/**
 * The tokens the parser sees for a text (the front end's token source: lexer plus layout, with
 * the synthetic INDENT/DEDENT/NEWLINE tokens and the types spacing gives, such as NEG or INDEX),
 * and what the formatter reads from them: where block bodies start, which operators are binary
 * operators outside declaration headers, and a signature of each top-level declaration.
 */
final class LayoutTokens {

    /** Binary and assignment operators that read the same with a space on each side. */
    private static final Set<String> SPACED_OPERATORS = Set.of(
            "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "<<", ">>", ">>>", "&", "^", "|",
            "=", ":=", "::=", "+=", "-=", "*=", "/=", "%=", "|=", "^=", "&=", "<<=", ">>=", ">>>=");
    private static final Set<String> CLASS_KINDS = Set.of("class", "interface", "mixin", "monitor");

    private final TokenTypes types;
    /** The tokens the parser sees, in order (synthetic ones have empty text). */
    private final List<CommonToken> tokens = new ArrayList<>();
    private final List<LexicalIssue> issues;
    /** Offsets of the first tokens of block bodies (where an INDENT stands). */
    private final BitSet bodyStarts = new BitSet();
    /** Offsets of operators to write with a space on each side. */
    private final BitSet spacedOperators = new BitSet();

    LayoutTokens(String text, TokenTypes types) {
        this.types = types;
        ToitTokenSource.Result laidOut = ToitTokenSource.layout(text, types);
        this.issues = laidOut.issues();
        for (CommonToken t : laidOut.tokens()) {
            if (t.getChannel() != Token.HIDDEN_CHANNEL) tokens.add(t);
        }
        classify();
    }

    boolean bodyStartsAt(int offset) {
        return bodyStarts.get(offset);
    }

    boolean spacedOperatorAt(int offset) {
        return spacedOperators.get(offset);
    }

    /** The errors the lexer and the layout report (a tab in indentation is not one: formatting removes it). */
    List<LexicalIssue> errors() {
        return issues.stream().filter(i -> i.error() && !i.code().equals(ToitIssueCodes.TAB_INDENTATION)).toList();
    }

    /**
     * The parser's view of each part of the text, the parts starting at {@code starts}: type and
     * text of every token, the synthetic layout tokens included, then the codes of the errors the
     * lexer and layout report there. Parts with equal signatures parse the same.
     */
    String[] signatures(int[] starts) {
        StringBuilder[] parts = new StringBuilder[starts.length];
        for (int i = 0; i < parts.length; i++) parts[i] = new StringBuilder();
        int part = 0;
        for (CommonToken t : tokens) {
            while (part + 1 < starts.length && t.getStartIndex() >= starts[part + 1]) part++;
            parts[part].append(t.getType()).append(' ').append(t.getText()).append('\n');
        }
        for (LexicalIssue issue : errors()) {
            parts[partOf(starts, issue.offset())].append("error ").append(issue.code()).append('\n');
        }
        String[] result = new String[parts.length];
        for (int i = 0; i < parts.length; i++) result[i] = parts[i].toString();
        return result;
    }

    static int partOf(int[] starts, int offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) low = mid;
            else high = mid - 1;
        }
        return low;
    }

    /** One walk over the tokens: bodies, declaration headers, block parameter bars, named arguments. */
    private void classify() {
        int indent = types.terminal("INDENT");
        int dedent = types.terminal("DEDENT");
        int newline = types.terminal("NEWLINE");
        int argIndent = types.terminal("ARG_INDENT");
        int argNewline = types.terminal("ARG_NEWLINE");
        int argDedent = types.terminal("ARG_DEDENT");
        int named = types.terminal("NAMED");
        int namedNo = types.terminal("NAMED_NO");
        int id = types.terminal("ID");
        int colon = types.keyword(":");
        int lambda = types.keyword("::");
        int define = types.keyword(":=");
        int defineFinal = types.keyword("::=");
        int bar = types.keyword("|");
        int assign = types.keyword("=");
        Set<Integer> opening = Set.of(types.keyword("("), types.keyword("["), types.keyword("{"), types.keyword("#["),
                types.terminal("INDEX"), types.terminal("STRING_START"));
        Set<Integer> closing = Set.of(types.keyword(")"), types.keyword("]"), types.keyword("}"), types.terminal("STRING_END"));

        // a block of declarations (top level, class bodies) or of statements
        Deque<Boolean> declarationBlocks = new ArrayDeque<>();
        declarationBlocks.push(true);
        boolean statementStart = true;
        boolean inHeader = false;
        boolean classHeader = false;
        boolean classBodyNext = false;
        boolean inBlockParameters = false;
        int depth = 0;
        int lastReal = -1;        // types of the last two real tokens
        int beforeLastReal = -1;
        for (int i = 0; i < tokens.size(); i++) {
            CommonToken t = tokens.get(i);
            int type = t.getType();
            if (type == indent) {
                bodyStarts.set(t.getStartIndex());
                declarationBlocks.push(classBodyNext);
                classBodyNext = false;
                statementStart = true;
            } else if (type == dedent) {
                if (declarationBlocks.size() > 1) declarationBlocks.pop();
                statementStart = true;
            } else if (type == newline) {
                classBodyNext = false;
                statementStart = true;
            } else if (type != argIndent && type != argNewline && type != argDedent) {
                if (statementStart) {
                    statementStart = false;
                    inHeader = declarationBlocks.peek();
                    classHeader = inHeader && (isClassKind(t) || (t.getText().equals("abstract") && i + 1 < tokens.size()
                            && isClassKind(tokens.get(i + 1))));
                    depth = 0;
                }
                if (opening.contains(type)) depth++;
                if (closing.contains(type)) depth = Math.max(0, depth - 1);
                boolean headerEnd = inHeader && depth == 0 && (type == colon || type == lambda || type == define || type == defineFinal);
                if (headerEnd) {
                    inHeader = false;
                    classBodyNext = classHeader && type == colon;
                }
                boolean parameterBar = false;
                if (type == bar) {
                    boolean afterColon = lastReal == colon || lastReal == lambda;   // `: | a b |`, also on the next line
                    if (inBlockParameters || afterColon) {
                        parameterBar = true;
                        inBlockParameters = !inBlockParameters;
                    }
                }
                boolean namedValue = type == assign && lastReal == id && (beforeLastReal == named || beforeLastReal == namedNo);
                boolean operator = SPACED_OPERATORS.contains(t.getText()) && type == types.keyword(t.getText());
                if (operator && !parameterBar && !namedValue && (!inHeader || headerEnd)) spacedOperators.set(t.getStartIndex());
                beforeLastReal = lastReal;
                lastReal = type;
            }
        }
    }

    private boolean isClassKind(CommonToken t) {
        return CLASS_KINDS.contains(t.getText()) && t.getType() == types.keyword(t.getText());
    }
}
