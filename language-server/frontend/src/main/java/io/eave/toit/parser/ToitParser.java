package io.eave.toit.parser;

import com.google.inject.Inject;
import java.util.List;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.ParseResult;

/**
 * The generated parser fed by {@link ToitTokenSource} instead of the generated lexer. Its parse
 * results carry what the lexer and layout reported, so the resource need not lay the text out
 * a second time to find them.
 */
public class ToitParser extends io.eave.toit.parser.antlr.ToitParser {
    @Inject
    private TokenTypes types;

    /** The token source of the parse running on this thread (the parser is shared between threads). */
    private final ThreadLocal<ToitTokenSource> current = new ThreadLocal<>();

    /** A parse result with the lexical issues of its text. */
    public static final class LaidOutResult extends ParseResult {
        private final List<LexicalIssue> issues;

        LaidOutResult(IParseResult parsed, List<LexicalIssue> issues) {
            super(parsed.getRootASTElement(), parsed.getRootNode(), parsed.hasSyntaxErrors());
            this.issues = issues;
        }

        public List<LexicalIssue> issues() {
            return issues;
        }
    }

    @Override
    protected TokenSource createLexer(CharStream stream) {
        String text = stream.size() == 0 ? "" : stream.substring(0, stream.size() - 1);
        ToitTokenSource source = new ToitTokenSource(text, types);
        current.set(source);
        return source;
    }

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLookAhead) {
        try {
            IParseResult parsed = super.doParse(ruleName, in, builder, initialLookAhead);
            ToitTokenSource source = current.get();
            return source == null ? parsed : new LaidOutResult(parsed, source.issues());
        } finally {
            current.remove();
        }
    }
}
