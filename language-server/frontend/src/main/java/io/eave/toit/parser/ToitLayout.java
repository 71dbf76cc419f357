package io.eave.toit.parser;

import io.eave.toit.parser.Lexeme.Kind;
import io.eave.toit.validation.ToitIssueCodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

/**
 * Turns lexemes into the parser's tokens: decides layout and what spacing means.
 *
 * <p>Layout: a stack of levels. A line deeper than the current level continues the statement:
 * after a trailing {@code :}/{@code ::} (a block) it opens an indented body (INDENT ... DEDENT,
 * lines separated by NEWLINE); after a binary operator, or starting with one, or inside a
 * declaration header, it is joined to the line; otherwise it holds further call arguments
 * (ARG_INDENT ... ARG_DEDENT, one argument per line, separated by ARG_NEWLINE). Brackets suspend
 * layout except for block bodies opened inside them. A trailing block colon is offered outward
 * through continuation-argument levels that the body is not deeper than, as the reference parser
 * does, so {@code foo a⏎····bar:⏎··body} gives the block to {@code foo}.
 *
 * <p>Spacing: attached {@code [} indexes, detached opens a list; {@code -} before an operand and
 * after a space is a prefix minus (a new argument), else binary; {@code --} attached to an
 * operand is a postfix decrement, else it starts a named argument; {@code /} and {@code ?} in
 * type annotations become TYPE_SLASH and NULLABLE; {@code =} attached to a declared name makes a
 * setter. Contextual keywords are keywords only where the reference treats them so.
 */
final class ToitLayout {

    private enum LevelKind { BLOCK, ARG, BRACKET }

    private record Level(LevelKind kind, int indent, boolean declarations, String closer) {
        /** The parentheses the layout adds around the right operand after an operator that ends a line. */
        boolean synthetic() {
            return SYNTHETIC.equals(closer);
        }
    }

    private static final String SYNTHETIC = "synthetic";
    /** Binary operators whose right operand, when they end a line, is a full expression on the next lines. */
    private static final Set<String> OPERAND_OPERATORS = Set.of(
            "==", "!=", "<", "<=", ">", ">=", "|", "^", "&", "<<", ">>", ">>>", "+", "-", "*", "/", "%");

    private enum Mode { STATEMENT, DECLARATION, CLASS, IMPORT }

    /** Words that are keywords everywhere (reserved names included). */
    private static final Set<String> KEYWORDS = Set.of(
            "as", "abstract", "assert", "break", "class", "continue", "else", "false", "finally",
            "for", "if", "import", "export", "is", "null", "return", "static", "true", "try",
            "while", "or", "and", "not", "this", "super", "constructor", "#primitive");
    private static final Set<String> CLASS_KINDS = Set.of("class", "interface", "mixin", "monitor");
    private static final Set<String> DEFINABLE_OPERATORS = Set.of(
            "==", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "~", "&", "|", "^", "<<", ">>", ">>>", "[");
    /** Operators that need a right operand: at the end of a line they join the next one. */
    private static final Set<String> CONTINUING = Set.of(
            "==", "!=", "<", "<=", ">", ">=", "|", "^", "&", "<<", ">>", ">>>", "+", "-", "*", "/", "%",
            "=", ":=", "::=", "+=", "-=", "*=", "/=", "%=", "|=", "^=", "&=", "<<=", ">>=", ">>>=",
            "->", ".", "..", ",", "?", "~", "and", "or", "not", "is", "as", "return", "if", "while");
    /** Tokens that, starting a deeper line, continue the expression instead of adding an argument. */
    private static final Set<String> LINE_CONTINUERS = Set.of(
            "==", "!=", "<", "<=", ">", ">=", "|", "^", "&", "<<", ">>", ">>>", "+", "*", "/", "%",
            "=", "+=", "-=", "*=", "/=", "%=", "|=", "^=", "&=", "<<=", ">>=", ">>>=",
            "..", ",", "?", "and", "or", "is", "as", "else", "finally");

    private final String source;
    private final List<Lexeme> lexemes;
    private final TokenTypes types;
    private final List<CommonToken> out = new ArrayList<>();
    private final List<LexicalIssue> issues;
    private final Deque<Level> stack = new ArrayDeque<>();

    // the logical line being laid out
    private Mode mode = Mode.STATEMENT;
    private boolean headerOpen;
    private int headerDepth;
    private int nameState;          // declarations: 0 before the name, 1 right after it, 2 later
    private boolean afterOperatorKeyword;
    private int openerIndex = -1;   // index in out of a trailing ':' or '::'
    /**
     * Inside brackets: index in out right after the first ':'/'::' of a line whose body follows on
     * that line, the indentation of that line and the stack depth there (-1: none).
     */
    private int inlineBodyIndex = -1;
    private int inlineBodyIndent;
    private int inlineBodyDepth;
    private boolean openerIsClass;
    private boolean expectParameters;
    private boolean inParameters;
    private boolean typeContext;
    private int questions;
    /** The last token was the ':' of a conditional: a deeper next line is its else-branch. */
    private boolean afterConditionalColon;
    private int lineStartIndex;     // index in out where the current logical line's tokens start
    private Lexeme lastReal;        // the last lexeme that became a parser token
    private int lastType = -1;

    ToitLayout(String source, List<Lexeme> lexemes, TokenTypes types, List<LexicalIssue> issues) {
        this.source = source;
        this.lexemes = lexemes;
        this.types = types;
        this.issues = issues;
        stack.push(new Level(LevelKind.BLOCK, 0, true, null));
    }

    List<CommonToken> run() {
        boolean lineBreak = false;
        for (int i = 0; i < lexemes.size(); i++) {
            Lexeme lexeme = lexemes.get(i);
            if (lexeme.kind() == Kind.LINE_BREAK) lineBreak = true;
            if (lexeme.hidden()) {
                hidden(lexeme);
                continue;
            }
            if (lastReal == null) {
                startStatement(i);
            } else if (lineBreak) {
                newLine(i);
            }
            lineBreak = false;
            emit(i);
        }
        int at = afterLastToken();
        int offset = lastReal == null ? 0 : lastReal.end();
        while (stack.size() > 1) {
            Level level = stack.pop();
            if (level.synthetic()) {
                out.add(at++, synthetic(types.keyword(")"), offset));
            } else if (level.kind() != LevelKind.BRACKET) {
                out.add(at++, synthetic(level.kind() == LevelKind.BLOCK ? "DEDENT" : "ARG_DEDENT", offset));
            }
        }
        return out;
    }

    // ---- layout ----------------------------------------------------------------------------

    /** At the first lexeme of a line with code (not the first line). */
    private void newLine(int index) {
        Lexeme first = lexemes.get(index);
        int indent = first.indent();
        Level top = stack.peek();
        while (top.synthetic() && openerIndex >= 0 && indent <= lastReal.indent()) {
            // `if a +⏎····b:⏎··body`: the operand ends before the colon that opens the body
            stack.pop();
            out.add(openerIndex++, synthetic(types.keyword(")"), out.get(openerIndex - 1).getStartIndex()));
            top = stack.peek();
        }
        if (top.kind() == LevelKind.BRACKET && !continuesBracket(first)) {
            // a bracket never closed (or an operand the layout parenthesized) ends here: the line
            // is back at (or left of) the statement it began in
            int at = afterLastToken();
            while (stack.peek().kind() == LevelKind.BRACKET) {
                if (stack.pop().synthetic()) out.add(at++, synthetic(types.keyword(")"), lastReal.end()));
            }
            top = stack.peek();
            openerIndex = -1;
        }
        if (top.kind() != LevelKind.BRACKET) inlineBodyIndex = -1;
        if (top.kind() == LevelKind.BRACKET) {
            endInlineBody(first);
            // inside brackets lines join, except the body of a block opened inside them
            if (openerIndex >= 0 && indent > lastReal.indent() && !"}".equals(top.closer())) {
                openerIndex = -1;
                stack.push(new Level(LevelKind.BLOCK, indent, false, null));
                out.add(synthetic("INDENT", first.start()));
                startStatement(index);
            }
            openerIndex = -1;
            return;
        }
        if (openerIndex >= 0) {
            int at = openerIndex;
            int offset = out.get(openerIndex).getStartIndex();
            while (top.kind() == LevelKind.ARG && top.indent() >= indent) {
                stack.pop();
                out.add(at++, synthetic("ARG_DEDENT", offset));
                top = stack.peek();
            }
            openerIndex = -1;
            if (indent > top.indent()) {
                stack.push(new Level(LevelKind.BLOCK, indent, openerIsClass, null));
                out.add(synthetic("INDENT", first.start()));
                startStatement(index);
                return;
            }
        }
        if (indent > top.indent()) {
            if (headerOpen) return;
            if (endsWithOperator()) {
                // `a +⏎····f b`: the right operand is a full expression, as if parenthesized
                stack.push(new Level(LevelKind.BRACKET, lastReal.indent(), false, SYNTHETIC));
                out.add(synthetic(types.keyword("("), first.start()));
                return;
            }
            if (joins(index)) return;
            stack.push(new Level(LevelKind.ARG, indent, false, null));
            out.add(synthetic("ARG_INDENT", first.start()));
            startStatement(index);
            return;
        }
        int at = afterLastToken();
        int offset = lastReal.end();
        Level popped = null;
        while (stack.size() > 1 && top.kind() != LevelKind.BRACKET && top.indent() > indent) {
            popped = stack.pop();
            out.add(at++, synthetic(popped.kind() == LevelKind.BLOCK ? "DEDENT" : "ARG_DEDENT", offset));
            top = stack.peek();
        }
        if (top.kind() == LevelKind.BRACKET) return;   // a block body inside brackets ended
        // `x ? f⏎····a⏎··: b`: after the arguments, the statement goes on (conditional, operator)
        if (top.indent() < indent && popped != null && joins(index)) return;
        if (top.indent() < indent && popped != null) {
            // between two levels: report it and treat the line as one more line of the inner level
            issues.add(new LexicalIssue(ToitIssueCodes.INCONSISTENT_INDENTATION, true, first.start(), first.length(),
                    "This line is indented differently from the lines before it"));
            out.remove(--at);
            stack.push(popped);
            top = popped;
        }
        if (first.is("else")) {
            elseToOutermostIf();
            return;
        }
        if (first.is("finally")) return;
        if (abstractAlone() && isClassKind(index)) return;   // `abstract⏎class A:` is one header
        if ((first.is(":") || first.is("::")) && top.kind() == LevelKind.BLOCK) return;
        out.add(at, synthetic(top.kind() == LevelKind.BLOCK ? "NEWLINE" : "ARG_NEWLINE", offset));
        startStatement(index);
    }

    /**
     * Inside brackets, a block or lambda whose body is on its opener's line ends at a line that is
     * not deeper than that one, as everywhere in the reference parser's layout:
     * {@code [Option "d"⏎····--complete=:: pick it⏎····--required]} gives {@code --required} to
     * {@code Option}. The body is then wrapped in INDENT/DEDENT so the parser stops there.
     */
    private void endInlineBody(Lexeme first) {
        if (inlineBodyIndex < 0) return;
        if (stack.size() > inlineBodyDepth) return;   // a line inside a bracket of the body
        if (openerIndex >= 0 || stack.size() < inlineBodyDepth) {
            inlineBodyIndex = -1;   // a trailing opener, or the body's bracket is gone
            return;
        }
        if (first.indent() > inlineBodyIndent) return;   // a deeper line continues the body
        boolean separator = first.is(",") || first.is(")") || first.is("]") || first.is("}");
        if (!separator) {
            int offset = lastReal.end();
            out.add(afterLastToken(), synthetic("DEDENT", offset));
            out.add(inlineBodyIndex, synthetic("INDENT", out.get(inlineBodyIndex - 1).getStopIndex() + 1));
        }
        inlineBodyIndex = -1;
    }

    /**
     * Whether a line inside brackets still belongs to them: it is deeper than the line the
     * statement began on, or starts with a closing bracket or a separator.
     */
    private boolean continuesBracket(Lexeme first) {
        int base = 0;
        for (Level level : stack) {
            if (level.kind() != LevelKind.BRACKET) {
                base = level.indent();
                break;
            }
        }
        return first.indent() > base || first.is(")") || first.is("]") || first.is("}") || first.is(",")
                || first.kind() == Kind.STRING_END || first.kind() == Kind.STRING_MIDDLE || first.kind() == Kind.INTERPOLATION_END;
    }

    /**
     * An {@code else} on its own line belongs to the outermost {@code if} of the line before
     * (the parser alone would give it to the innermost): a later {@code if} of that line, outside
     * brackets, is closed in parentheses first.
     */
    private void elseToOutermostIf() {
        int ifType = types.keyword("if");
        int depth = 0;
        int ifs = 0;
        String previous = null;
        for (int i = lineStartIndex; i < out.size(); i++) {
            CommonToken t = out.get(i);
            if (t.getChannel() == Token.HIDDEN_CHANNEL) continue;
            String text = t.getText();
            boolean elseIf = "else".equals(previous);   // `else if` continues the first if's chain
            previous = text;
            if (elseIf && t.getType() == ifType) continue;
            if (t.getType() == types.terminal("STRING_START")) depth++;
            else if (t.getType() == types.terminal("STRING_END")) depth--;
            else if (text.equals("(") || text.equals("[") || text.equals("{") || text.equals("#[")) depth++;
            else if (text.equals(")") || text.equals("]") || text.equals("}")) depth--;
            else if (t.getType() == ifType && depth == 0 && ++ifs == 2) {
                int end = afterLastToken();
                out.add(end, synthetic(types.keyword(")"), lastReal.end()));
                out.add(i, synthetic(types.keyword("("), t.getStartIndex()));
                return;
            }
        }
    }

    /** Whether the line before is a lone {@code abstract} at top level (the modifier of what follows). */
    private boolean abstractAlone() {
        return stack.size() == 1 && lastReal != null && lastReal.is("abstract") && lineStartIndex == afterLastToken() - 1;
    }

    /** Whether the line starting at {@code index} continues the previous line's expression. */
    private boolean joins(int index) {
        Lexeme first = lexemes.get(index);
        if (lastReal != null && (lastReal.kind() == Kind.OPERATOR || lastReal.kind() == Kind.WORD)
                && CONTINUING.contains(lastReal.text()) && lastType != types.terminal("ID")) {
            return true;
        }
        if (first.kind() != Kind.OPERATOR && first.kind() != Kind.WORD) return false;
        String text = first.text();
        if (text.equals("-")) return !nextAttached(index);   // "- b" continues, "-b" is an argument
        if (text.equals(":")) return questions > 0;
        return LINE_CONTINUERS.contains(text) && (first.kind() == Kind.OPERATOR || KEYWORDS.contains(text));
    }

    private void startStatement(int index) {
        lineStartIndex = out.size();
        Level top = stack.peek();
        mode = Mode.STATEMENT;
        headerOpen = false;
        if (top.kind() == LevelKind.BLOCK && top.declarations()) {
            int i = nextReal(index - 1);
            Lexeme first = lexemes.get(i);
            if (first.is("import") || first.is("export")) {
                mode = Mode.IMPORT;
            } else {
                int j = i;
                if (lexemes.get(j).is("abstract")) j = nextReal(j);
                // `class`, `interface` … start a class only at top level: in a class body they name members
                boolean topLevel = stack.size() == 1;
                mode = j >= 0 && topLevel && isClassKind(j) ? Mode.CLASS : Mode.DECLARATION;
            }
            headerOpen = true;
            headerDepth = stack.size();
            nameState = 0;
        }
        afterOperatorKeyword = false;
        typeContext = false;
        // arguments on their own lines belong to the statement: its pending `?` still waits for ':'
        if (top.kind() != LevelKind.ARG) questions = 0;
        afterConditionalColon = false;
        inParameters = false;
        expectParameters = false;
    }

    private boolean isClassKind(int index) {
        Lexeme word = lexemes.get(index);
        if (word.kind() != Kind.WORD || !CLASS_KINDS.contains(word.text())) return false;
        if (word.is("class")) return true;
        int next = nextReal(index);
        return next >= 0 && lexemes.get(next).kind() == Kind.WORD;
    }

    // ---- tokens ----------------------------------------------------------------------------

    private void emit(int index) {
        Lexeme lexeme = lexemes.get(index);
        String text = lexeme.text();
        if (mode == Mode.IMPORT && lexeme.is("..")) {
            // `import ..x`: each dot counts one directory up
            add(types.keyword("."), lexeme.start(), lexeme.start() + 1, ".");
            add(types.keyword("."), lexeme.start() + 1, lexeme.end(), ".");
            lastReal = lexeme;
            lastType = types.keyword(".");
            return;
        }
        if ((lexeme.is(")") || lexeme.is("]") || lexeme.is("}")) && lexeme.kind() == Kind.OPERATOR
                && stack.stream().noneMatch(l -> l.kind() == LevelKind.BRACKET)) {
            // a closing bracket nobody opened: skipped, so it costs one error and no cascade
            issues.add(new LexicalIssue(ToitIssueCodes.UNBALANCED_BRACKET, true, lexeme.start(), lexeme.length(),
                    "'" + text + "' closes nothing"));
            hidden(lexeme);
            return;
        }
        if (lexeme.is(";")) {
            int at = afterLastToken();
            while (stack.peek().synthetic()) {
                stack.pop();
                out.add(at++, synthetic(types.keyword(")"), lexeme.start()));
            }
        }
        int type = typeOf(index);
        closeLevels(lexeme);
        add(type, lexeme.start(), lexeme.end(), text);
        int tokenIndex = out.size() - 1;
        track(lexeme, type, tokenIndex);
        lastReal = lexeme;
        lastType = type;
    }

    /**
     * Before a closing bracket, a string piece or a separating comma: end the levels opened inside
     * the bracket. A comma never stands in a body, so `[f --action=:: | a |⏎  use a,⏎ g]` ends the
     * lambda's body and the call's arguments at the comma, as the reference parser does.
     */
    private void closeLevels(Lexeme lexeme) {
        Kind kind = lexeme.kind();
        boolean comma = lexeme.is(",") && kind == Kind.OPERATOR;
        boolean closes = kind == Kind.STRING_MIDDLE || kind == Kind.STRING_END || kind == Kind.INTERPOLATION_END
                || lexeme.is(")") || lexeme.is("]") || lexeme.is("}") || comma;
        if (!closes || stack.stream().noneMatch(l -> l.kind() == LevelKind.BRACKET && !l.synthetic())) return;
        int offset = lexeme.start();
        int at = afterLastToken();
        while (stack.peek().kind() != LevelKind.BRACKET || stack.peek().synthetic()) {
            Level level = stack.pop();
            String terminal = level.kind() == LevelKind.BLOCK ? "DEDENT" : "ARG_DEDENT";
            out.add(at++, level.synthetic() ? synthetic(types.keyword(")"), offset) : synthetic(terminal, offset));
        }
        if (kind == Kind.STRING_END || (lexeme.kind() == Kind.OPERATOR && !comma)) stack.pop();
        if (stack.size() <= inlineBodyDepth) inlineBodyIndex = -1;   // the comma or bracket ended the body
        openerIndex = -1;
    }

    private int typeOf(int index) {
        Lexeme lexeme = lexemes.get(index);
        String text = lexeme.text();
        switch (lexeme.kind()) {
            case WORD: return wordType(index);
            case NAMED_NO: return types.terminal("NAMED_NO");
            case INT: return types.terminal("INT");
            case FLOAT: return types.terminal("FLOAT");
            case CHAR: return types.terminal("CHAR");
            case STRING: return types.terminal("STRING");
            case STRING_START: return types.terminal("STRING_START");
            case STRING_MIDDLE: return types.terminal("STRING_MIDDLE");
            case STRING_END: return types.terminal("STRING_END");
            case INTERPOLATION_END: return types.terminal("INTERPOLATION_END");
            case FORMAT: return types.terminal("FORMAT");
            default: break;
        }
        boolean operand = previousEndsOperand();
        boolean attached = lexeme.attached();
        switch (text) {
            case "[":
                return attached && operand && !afterOperatorKeyword ? types.terminal("INDEX") : types.keyword("[");
            case ".":
                if (mode == Mode.IMPORT) return types.keyword(".");
                if (attached && (operand || lastIs("break") || lastIs("continue") || lastIs("#primitive")
                        || lastIs("constructor"))) {
                    return types.keyword(".");
                }
                return types.terminal("FIELD_DOT");
            case "-":
                if (afterOperatorKeyword || !operand) return types.terminal("NEG");
                boolean next = nextAttached(index);
                if (!attached && next) return types.terminal("NEG");
                if (attached || next) {
                    issues.add(new LexicalIssue(ToitIssueCodes.BINARY_MINUS_SPACING, false, lexeme.start(), 1,
                            "Put spaces around a binary minus ('a - b'); 'a-b' is one name and 'a -b' passes '-b'"));
                }
                return types.keyword("-");
            case "++":
                return attached && operand ? types.terminal("POSTFIX_INC") : types.keyword("++");
            case "--":
                if (attached && operand) return types.terminal("POSTFIX_DEC");
                return types.terminal("NAMED");
            case "/":
                if (isTypeSlash(index)) return types.terminal("TYPE_SLASH");
                return types.keyword("/");
            case "?":
                return attached && typeContext ? types.terminal("NULLABLE") : types.keyword("?");
            case "=":
                if (mode == Mode.DECLARATION && headerOpen && nameState == 1 && attached) return types.terminal("SETTER");
                return types.keyword("=");
            case "(":
                if (attached && lastReal != null && lastReal.kind() == Kind.WORD && lastType == types.terminal("ID")) {
                    issues.add(new LexicalIssue(ToitIssueCodes.ATTACHED_PARENTHESIS, false, lexeme.start(), 1,
                            "Parentheses only group: write 'f (x)' with a space; 'f(x)' is read the same way"));
                }
                return types.keyword("(");
            default:
                int type = types.keyword(text);
                return type >= 0 ? type : types.terminal("WS");
        }
    }

    private int wordType(int index) {
        Lexeme lexeme = lexemes.get(index);
        String text = lexeme.text();
        if (KEYWORDS.contains(text)) return types.keyword(text);
        if (headerOpen && mode == Mode.CLASS) {
            if (CLASS_KINDS.contains(text) && nameState == 0 && isClassKind(index)) return types.keyword(text);
            if (text.equals("extends") || text.equals("with") || text.equals("implements")) return types.keyword(text);
        }
        if (headerOpen && mode == Mode.IMPORT && text.equals("show")) return types.keyword(text);
        if (headerOpen && mode == Mode.DECLARATION && nameState == 0 && text.equals("operator")) {
            int next = nextReal(index);
            if (next >= 0 && lexemes.get(next).kind() == Kind.OPERATOR
                    && DEFINABLE_OPERATORS.contains(lexemes.get(next).text())) {
                return types.keyword(text);
            }
        }
        return types.terminal("ID");
    }

    /** {@code /} of a type annotation: in a declaration header, block parameters, or a typed local. */
    private boolean isTypeSlash(int index) {
        if (afterOperatorKeyword) return false;
        if (inParameters) return true;
        if (mode == Mode.DECLARATION && headerOpen && stack.size() == headerDepth) return true;
        if (lastReal == null || lastType != types.terminal("ID")) return false;
        // `name / Type[.Type][?] :=` defines a typed local (spacing is irrelevant)
        int i = nextReal(index);
        if (i < 0 || lexemes.get(i).kind() != Kind.WORD) return false;
        i = nextReal(i);
        while (i >= 0 && lexemes.get(i).is(".")) {
            i = nextReal(i);
            if (i < 0 || lexemes.get(i).kind() != Kind.WORD) return false;
            i = nextReal(i);
        }
        if (i >= 0 && lexemes.get(i).is("?")) i = nextReal(i);
        return i >= 0 && (lexemes.get(i).is(":=") || lexemes.get(i).is("::="));
    }

    /** Updates the line state after emitting {@code lexeme} as {@code type}. */
    private void track(Lexeme lexeme, int type, int tokenIndex) {
        String text = lexeme.text();
        boolean colon = type == types.keyword(":") || type == types.keyword("::");
        // brackets
        if (lexeme.kind() == Kind.STRING_START) {
            stack.push(new Level(LevelKind.BRACKET, lexeme.indent(), false, "\""));
        } else if (lexeme.kind() == Kind.OPERATOR && (text.equals("(") || text.equals("[") || text.equals("{") || text.equals("#["))) {
            stack.push(new Level(LevelKind.BRACKET, lexeme.indent(), false, text.equals("{") ? "}" : text.equals("(") ? ")" : "]"));
        }
        // headers end at their first ':', '::', ':=' or '::=' outside brackets
        boolean headerEnd = headerOpen && stack.size() == headerDepth
                && (colon || type == types.keyword(":=") || type == types.keyword("::="));
        if (headerEnd) {
            openerIsClass = mode == Mode.CLASS && colon;
            headerOpen = false;
        } else if (colon) {
            openerIsClass = false;
        }
        // a trailing ':'/'::', optionally followed by '| parameters |', opens a block
        afterConditionalColon = false;
        if (colon && questions > 0 && type == types.keyword(":")) {
            questions--;
            openerIndex = -1;
            afterConditionalColon = true;
        } else if (colon) {
            openerIndex = tokenIndex;
            expectParameters = true;
            if (inlineBodyIndex < 0 && stack.peek().kind() == LevelKind.BRACKET && !stack.peek().synthetic()) {
                inlineBodyIndex = tokenIndex + 1;
                inlineBodyIndent = lexeme.indent();
                inlineBodyDepth = stack.size();
            }
        } else if (text.equals("|") && (expectParameters || inParameters) && lexeme.kind() == Kind.OPERATOR) {
            inParameters = !inParameters;
            expectParameters = false;
        } else if (!inParameters) {
            openerIndex = -1;
            expectParameters = false;
        }
        if (type == types.keyword("?")) questions++;
        // declaration names
        if (headerOpen && mode == Mode.DECLARATION) {
            if (nameState == 0 && !(text.equals("abstract") || text.equals("static"))) {
                nameState = 1;
                afterOperatorKeyword = text.equals("operator") && type == types.keyword("operator");
            } else if (nameState == 1) {
                nameState = 2;
            }
        } else if (headerOpen && mode == Mode.CLASS && nameState == 0 && CLASS_KINDS.contains(text)) {
            nameState = 1;
        }
        if (afterOperatorKeyword && !text.equals("operator") && !text.equals("[") && !text.equals("]") && !text.equals("..")) {
            afterOperatorKeyword = false;
        }
        // type annotations: after a type slash or '->', names and dots, then maybe '?'
        if (type == types.terminal("TYPE_SLASH") || type == types.keyword("->")) {
            typeContext = true;
        } else if (!(lexeme.kind() == Kind.WORD || text.equals("."))) {
            typeContext = false;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private boolean previousEndsOperand() {
        if (lastReal == null) return false;
        switch (lastReal.kind()) {
            case INT, FLOAT, CHAR, STRING, STRING_END:
                return true;
            case WORD:
                return lastType == types.terminal("ID") || Set.of("this", "super", "true", "false", "null").contains(lastReal.text());
            case OPERATOR:
                String t = lastReal.text();
                return t.equals(")") || t.equals("]") || t.equals("}")
                        || lastType == types.terminal("POSTFIX_INC") || lastType == types.terminal("POSTFIX_DEC");
            default:
                return false;
        }
    }

    private boolean lastIs(String word) {
        return lastReal != null && lastReal.kind() == Kind.WORD && lastReal.text().equals(word);
    }

    private boolean nextAttached(int index) {
        return index + 1 < lexemes.size() && !lexemes.get(index + 1).hidden() && lexemes.get(index + 1).attached();
    }

    /** Index of the next lexeme after {@code index} that is not hidden, or -1. */
    private int nextReal(int index) {
        for (int i = index + 1; i < lexemes.size(); i++) {
            if (!lexemes.get(i).hidden()) return i;
        }
        return -1;
    }

    /** Index in {@code out} right after the last token the parser sees. */
    private int afterLastToken() {
        int i = out.size();
        while (i > 0 && out.get(i - 1).getChannel() == Token.HIDDEN_CHANNEL) i--;
        return i;
    }

    private void hidden(Lexeme lexeme) {
        int type = types.terminal(lexeme.kind() == Kind.COMMENT ? "COMMENT" : "WS");
        CommonToken token = token(type, lexeme.start(), lexeme.end(), lexeme.text());
        token.setChannel(Token.HIDDEN_CHANNEL);
        out.add(token);
    }

    /** Token texts are always the source text (an old operator's lexeme text is its replacement). */
    private void add(int type, int start, int end, String text) {
        out.add(token(type, start, end, source.substring(start, end)));
    }

    private CommonToken synthetic(String terminal, int offset) {
        return token(types.terminal(terminal), offset, offset, "");
    }

    private static CommonToken synthetic(int type, int offset) {
        return token(type, offset, offset, "");
    }

    /** Whether the last token is a binary operator (so the next, deeper line is its right operand). */
    private boolean endsWithOperator() {
        if (afterConditionalColon) return true;
        return lastReal != null && lastReal.kind() == Kind.OPERATOR && OPERAND_OPERATORS.contains(lastReal.text())
                && lastType == types.keyword(lastReal.text());
    }

    private static CommonToken token(int type, int start, int end, String text) {
        CommonToken token = new CommonToken(type, text);
        token.setStartIndex(start);
        token.setStopIndex(end - 1);
        return token;
    }
}
