package io.eave.toit.parser.antlr;

import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;

/**
 * Named by the generated {@link ToitParser}, which wraps its lexer in it. Never used: the parser
 * bound at run time, {@link io.eave.toit.parser.ToitParser}, creates the real token source
 * ({@link io.eave.toit.parser.ToitTokenSource}) from the text instead.
 */
public class ToitTokenSource implements TokenSource {
    private final TokenSource delegate;

    public ToitTokenSource(TokenSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Token nextToken() {
        return delegate.nextToken();
    }

    @Override
    public String getSourceName() {
        return delegate.getSourceName();
    }
}
