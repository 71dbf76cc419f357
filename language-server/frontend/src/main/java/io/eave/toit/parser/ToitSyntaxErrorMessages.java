package io.eave.toit.parser;

import io.eave.toit.validation.ToitIssueCodes;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/** ANTLR's messages in Toit's words: token names become what a user typed or should type. */
public class ToitSyntaxErrorMessages extends SyntaxErrorMessageProvider {

    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("RULE_ID", "a name"), Map.entry("RULE_INT", "a number"), Map.entry("RULE_FLOAT", "a number"),
            Map.entry("RULE_CHAR", "a character"), Map.entry("RULE_STRING", "a string"),
            Map.entry("RULE_STRING_START", "a string"), Map.entry("RULE_STRING_MIDDLE", "the rest of the string"),
            Map.entry("RULE_STRING_END", "the end of the string"), Map.entry("RULE_INTERPOLATION_END", "')'"),
            Map.entry("RULE_NEWLINE", "the end of the line"), Map.entry("RULE_INDENT", "an indented body"),
            Map.entry("RULE_DEDENT", "the end of the body"), Map.entry("RULE_ARG_INDENT", "arguments on the next lines"),
            Map.entry("RULE_ARG_NEWLINE", "the next argument line"), Map.entry("RULE_ARG_DEDENT", "the end of the arguments"),
            Map.entry("RULE_INDEX", "'['"), Map.entry("RULE_NEG", "'-'"), Map.entry("RULE_FIELD_DOT", "'.'"),
            Map.entry("RULE_NAMED", "a named argument"), Map.entry("RULE_NAMED_NO", "a named argument"),
            Map.entry("RULE_POSTFIX_INC", "'++'"), Map.entry("RULE_POSTFIX_DEC", "'--'"), Map.entry("RULE_NULLABLE", "'?'"),
            Map.entry("RULE_TYPE_SLASH", "'/'"), Map.entry("RULE_SETTER", "'='"), Map.entry("EOF", "the end of the file"));
    private static final Pattern NAME = Pattern.compile("RULE_[A-Z_]+|\\bEOF\\b");

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
        SyntaxErrorMessage message = super.getSyntaxErrorMessage(context);
        org.antlr.runtime.Token offending = context.getRecognitionException() == null ? null : context.getRecognitionException().token;
        if (offending != null && "--".equals(offending.getText())) {
            return new SyntaxErrorMessage("Prefix '--' no longer exists: write 'x -= 1' ('--name' is a named argument after a call)",
                    ToitIssueCodes.PREFIX_DECREMENT);
        }
        if (offending != null && ",".equals(offending.getText()) && message.getMessage().contains("expecting ')'")) {
            return new SyntaxErrorMessage("Toit has no argument lists in parentheses: write 'f a b' (parentheses only group)",
                    ToitIssueCodes.SYNTAX_ERROR);
        }
        String text = message.getMessage().replace("input ''", "end of line").replace("at ''", "at the end of the line")
                .replace("<EOF>", "the end of the file");
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(TOKENS.getOrDefault(m.group(), m.group())));
        m.appendTail(out);
        return new SyntaxErrorMessage(out.toString(), ToitIssueCodes.SYNTAX_ERROR);
    }
}
