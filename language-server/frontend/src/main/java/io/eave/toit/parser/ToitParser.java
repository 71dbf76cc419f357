package io.eave.toit.parser;

import com.google.inject.Inject;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;

/** The generated parser fed by {@link ToitTokenSource} instead of the generated lexer. */
public class ToitParser extends io.eave.toit.parser.antlr.ToitParser {
    @Inject
    private TokenTypes types;

    @Override
    protected TokenSource createLexer(CharStream stream) {
        String text = stream.size() == 0 ? "" : stream.substring(0, stream.size() - 1);
        return new ToitTokenSource(text, types);
    }
}
