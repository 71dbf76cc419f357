package io.eave.toit.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;

/**
 * The parser's token source: {@link ToitLexer} cuts the text, {@link ToitLayout} adds the
 * synthetic layout tokens and gives spacing its meaning. Hidden tokens (spaces, line breaks,
 * comments, illegal characters) cover the rest of the text so the node model sees all of it.
 */
public final class ToitTokenSource implements TokenSource {

    /** The parser's tokens for a text and everything reported while making them. */
    public record Result(List<CommonToken> tokens, List<LexicalIssue> issues) {
    }

    private final List<CommonToken> tokens;
    private final List<LexicalIssue> issues;
    private final int end;
    private int next;

    public ToitTokenSource(String text, TokenTypes types) {
        Result laidOut = layout(text, types);
        this.tokens = laidOut.tokens();
        this.issues = laidOut.issues();
        this.end = text.length();
    }

    /** What the lexer and the layout reported on the text. */
    public List<LexicalIssue> issues() {
        return issues;
    }

    /** Lays out {@code text}; used by the parser and, for its issues, by the validator. */
    public static Result layout(String text, TokenTypes types) {
        ToitLexer.Result scanned = ToitLexer.scan(text);
        List<LexicalIssue> issues = new ArrayList<>(scanned.issues());
        List<CommonToken> tokens = new ToitLayout(text, scanned.lexemes(), types, issues).run();
        return new Result(tokens, issues);
    }

    @Override
    public Token nextToken() {
        if (next < tokens.size()) return tokens.get(next++);
        CommonToken eof = new CommonToken(Token.EOF);
        eof.setStartIndex(end);
        eof.setStopIndex(end - 1);
        return eof;
    }

    @Override
    public String getSourceName() {
        return "toit";
    }
}
