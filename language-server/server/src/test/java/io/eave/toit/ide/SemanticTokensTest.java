package io.eave.toit.ide;

import static io.eave.toit.ide.ServerSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Semantic tokens as a client decodes them with the legend the server announced. */
class SemanticTokensTest {
    private static final String URI = "file:///project/src/main.toit";

    private ServerSession session;

    @BeforeEach
    void start() throws Exception {
        session = new ServerSession();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    @Test
    void namesAreClassifiedByWhatTheyNameWhereverTheyAppear() throws Exception {
        String text = """
                import math as m
                LIMIT ::= 3
                class Counter:
                  count := 0
                  static zero ::= 0
                  constructor .count:
                  add by/int -> none:
                    count += by
                main:
                  counter := Counter LIMIT
                  counter.add 2
                  print counter.count + m.PI.to-int
                  [1].do: print it
                """;
        session.open(URI, text);
        SemanticTokensLegend legend = session.initialized.getCapabilities().getSemanticTokensProvider().getLegend();
        List<Integer> data = await(session.documents().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(URI)))).getData();
        assertEquals(List.of(
                "0:7 math namespace", "0:15 m namespace [declaration]",
                "1:0 LIMIT variable [declaration, readonly]",
                "2:6 Counter class [declaration]",
                "3:2 count property [declaration]",
                "4:9 zero property [declaration, static, readonly]",
                "5:15 count property [declaration]",
                "6:2 add method [declaration]", "6:6 by parameter [declaration]", "6:9 int class [defaultLibrary]",
                "6:16 none class [defaultLibrary]",
                "7:4 count property", "7:13 by parameter",
                "8:0 main function [declaration]",
                "9:2 counter variable [declaration]", "9:13 Counter class", "9:21 LIMIT variable [readonly]",
                "10:2 counter variable", "10:10 add method",
                "11:2 print function [defaultLibrary]", "11:8 counter variable", "11:16 count property",
                "11:24 m namespace", "11:26 PI variable [readonly, defaultLibrary]", "11:29 to-int method [defaultLibrary]",
                "12:6 do method [defaultLibrary]", "12:10 print function [defaultLibrary]", "12:16 it parameter"),
                decode(text, data, legend));
        // a range gives the same tokens, those of its lines only
        List<Integer> lines9to10 = await(session.documents().semanticTokensRange(new org.eclipse.lsp4j.SemanticTokensRangeParams(
                new TextDocumentIdentifier(URI), new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(9, 0),
                new org.eclipse.lsp4j.Position(11, 0))))).getData();
        assertEquals(decode(text, data, legend).stream().filter(t -> t.startsWith("9:") || t.startsWith("10:")).toList(),
                decode(text, lines9to10, legend));
    }

    /** "line:column text type [modifiers]" for every token. */
    private static List<String> decode(String text, List<Integer> data, SemanticTokensLegend legend) {
        String[] lines = text.split("\n", -1);
        List<String> result = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < data.size(); i += 5) {
            if (data.get(i) > 0) character = 0;
            line += data.get(i);
            character += data.get(i + 1);
            List<String> modifiers = new ArrayList<>();
            for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
                if ((data.get(i + 4) & (1 << bit)) != 0) modifiers.add(legend.getTokenModifiers().get(bit));
            }
            result.add(line + ":" + character + " " + lines[line].substring(character, character + data.get(i + 2)) + " "
                    + legend.getTokenTypes().get(data.get(i + 3)) + (modifiers.isEmpty() ? "" : " " + modifiers));
        }
        return result;
    }
}
