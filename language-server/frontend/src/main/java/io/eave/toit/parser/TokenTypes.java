package io.eave.toit.parser;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;

/**
 * The generated parser's token numbers, by keyword text ({@code "+"}, {@code "class"}) and by
 * terminal name ({@code "ID"}), read from its token definitions so the token source never
 * hard-codes a number.
 */
@Singleton
public class TokenTypes {
    private final Map<String, Integer> keywords = new HashMap<>();
    private final Map<String, Integer> terminals = new HashMap<>();

    @Inject
    public TokenTypes(ITokenDefProvider definitions) {
        definitions.getTokenDefMap().forEach((type, name) -> {
            if (name.startsWith("'") && name.endsWith("'") && name.length() > 2) {
                keywords.put(name.substring(1, name.length() - 1), type);
            } else if (name.startsWith("RULE_")) {
                terminals.put(name.substring("RULE_".length()), type);
            }
        });
    }

    /** The type of keyword or operator {@code text}, or -1 when the grammar has no such keyword. */
    public int keyword(String text) {
        return keywords.getOrDefault(text, -1);
    }

    public boolean isKeyword(String text) {
        return keywords.containsKey(text);
    }

    /** The type of terminal {@code name} (without {@code RULE_}). */
    public int terminal(String name) {
        Integer type = terminals.get(name);
        if (type == null) throw new IllegalArgumentException("no terminal " + name);
        return type;
    }
}
