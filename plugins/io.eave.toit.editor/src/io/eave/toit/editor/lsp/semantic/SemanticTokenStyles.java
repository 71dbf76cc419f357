package io.eave.toit.editor.lsp.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;

/**
 * The server's semantic tokens (relative encoding: line delta, start delta, length, type,
 * modifiers) as style ranges over the lexical colours. Types and fields get a theme colour of
 * their own ({@code io.eave.toit.editor.color.semantic-*}), declarations of methods and
 * functions are bold, static members italic; other tokens add nothing.
 */
public final class SemanticTokenStyles {
    /** Theme colour ids by token type. */
    static final Map<String, String> COLORS = Map.of(
            SemanticTokenTypes.Class, "io.eave.toit.editor.color.semantic-type",
            SemanticTokenTypes.Interface, "io.eave.toit.editor.color.semantic-type",
            SemanticTokenTypes.Namespace, "io.eave.toit.editor.color.semantic-namespace",
            SemanticTokenTypes.Property, "io.eave.toit.editor.color.semantic-field",
            SemanticTokenTypes.Parameter, "io.eave.toit.editor.color.semantic-parameter");

    private final SemanticTokensLegend legend;
    private final ColorRegistry colors;

    public SemanticTokenStyles(SemanticTokensLegend legend, ColorRegistry colors) {
        this.legend = legend;
        this.colors = colors;
    }

    /** The style ranges of the tokens, in document offsets; tokens outside the document are dropped. */
    public List<StyleRange> decode(IDocument document, List<Integer> data) {
        List<StyleRange> ranges = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            int deltaLine = data.get(i);
            line += deltaLine;
            character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
            StyleRange style = style(data.get(i + 3), data.get(i + 4));
            if (style == null) continue;
            try {
                style.start = document.getLineOffset(line) + character;
                style.length = data.get(i + 2);
                if (style.start + style.length <= document.getLength()) ranges.add(style);
            } catch (BadLocationException e) {
                break;   // the text changed under the answer: the rest is stale too
            }
        }
        return ranges;
    }

    private StyleRange style(int typeIndex, int modifierBits) {
        String type = typeIndex < legend.getTokenTypes().size() ? legend.getTokenTypes().get(typeIndex) : null;
        if (type == null) return null;
        StyleRange style = new StyleRange();
        String color = COLORS.get(type);
        if (color != null) style.foreground = colors.get(color);
        boolean declaration = has(modifierBits, SemanticTokenModifiers.Declaration);
        if (declaration && (type.equals(SemanticTokenTypes.Method) || type.equals(SemanticTokenTypes.Function)
                || type.equals(SemanticTokenTypes.Class) || type.equals(SemanticTokenTypes.Interface))) {
            style.fontStyle |= SWT.BOLD;
        }
        if (has(modifierBits, SemanticTokenModifiers.Static) && type.equals(SemanticTokenTypes.Property)) style.fontStyle |= SWT.ITALIC;
        return style.foreground == null && style.fontStyle == SWT.NORMAL ? null : style;
    }

    private boolean has(int bits, String modifier) {
        int index = legend.getTokenModifiers().indexOf(modifier);
        return index >= 0 && (bits & (1 << index)) != 0;
    }
}
