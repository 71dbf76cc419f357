package io.eave.toit.ide;

import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;

/**
 * The keywords completion offers where they may stand, and for clients that take snippets the
 * shape of the statement or declaration they start ({@code if ${1:condition}:} and its body).
 */
final class Keywords {
    /** Where the word being completed stands. */
    enum Place { TOP_LEVEL, CLASS_BODY, STATEMENT, EXPRESSION }

    private record Keyword(String word, String snippet) {
    }

    private static final List<Keyword> EXPRESSION = List.of(new Keyword("true", null), new Keyword("false", null),
            new Keyword("null", null), new Keyword("not", null), new Keyword("this", null), new Keyword("super", null));
    private static final List<Keyword> STATEMENT = List.of(
            new Keyword("if", "if ${1:condition}:\n  $0"),
            new Keyword("while", "while ${1:condition}:\n  $0"),
            new Keyword("for", "for ${1:i} := ${2:0}; $1 < ${3:count}; $1++:\n  $0"),
            new Keyword("try", "try:\n  $0\nfinally:\n  "),
            new Keyword("return", null), new Keyword("break", null), new Keyword("continue", null),
            new Keyword("assert", "assert: $0"));
    private static final List<Keyword> TOP_LEVEL = List.of(
            new Keyword("import", null), new Keyword("export", null),
            new Keyword("class", "class ${1:Name}:\n  $0"), new Keyword("abstract", null),
            new Keyword("interface", "interface ${1:Name}:\n  $0"), new Keyword("mixin", "mixin ${1:Name}:\n  $0"),
            new Keyword("monitor", "monitor ${1:Name}:\n  $0"), new Keyword("main", "main:\n  $0"));
    private static final List<Keyword> CLASS_BODY = List.of(
            new Keyword("constructor", "constructor$1:\n  $0"), new Keyword("static", null), new Keyword("abstract", null),
            new Keyword("operator", null));

    private Keywords() {
    }

    static void add(Place place, String prefix, boolean snippets, Map<String, CompletionItem> items) {
        List<Keyword> keywords = switch (place) {
            case TOP_LEVEL -> TOP_LEVEL;
            case CLASS_BODY -> CLASS_BODY;
            case STATEMENT -> concat(STATEMENT, EXPRESSION);
            case EXPRESSION -> EXPRESSION;
        };
        for (Keyword k : keywords) {
            if (!k.word().startsWith(prefix) || items.containsKey(k.word())) continue;
            CompletionItem item = new CompletionItem(k.word());
            item.setKind(CompletionItemKind.Keyword);
            if (snippets && k.snippet() != null) {
                item.setKind(CompletionItemKind.Snippet);
                item.setInsertText(k.snippet());
                item.setInsertTextFormat(InsertTextFormat.Snippet);
            }
            items.put(k.word(), item);
        }
    }

    private static List<Keyword> concat(List<Keyword> a, List<Keyword> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
