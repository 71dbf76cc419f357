package io.eave.toit.editor.highlighting;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.PlatformUI;

import io.eave.toit.lexer.TokenKind;

/**
 * How each token kind looks. Colours come from the theme (plugin.xml declares them under
 * General &gt; Appearance &gt; Colors and Fonts &gt; Toit), so users and dark themes can change them.
 */
public final class ToitTokenStyles {

    /** Colour ids declared in plugin.xml, one per highlighted kind. */
    public static String colorId(TokenKind kind) {
        return "io.eave.toit.editor.color." + kind.name().toLowerCase().replace('_', '-');
    }

    private record Look(boolean bold, boolean italic) {
    }

    private static final Map<TokenKind, Look> LOOKS = new EnumMap<>(TokenKind.class);
    static {
        LOOKS.put(TokenKind.KEYWORD, new Look(true, false));
        LOOKS.put(TokenKind.NAMED_ARGUMENT, new Look(false, false));
        LOOKS.put(TokenKind.NUMBER, new Look(false, false));
        LOOKS.put(TokenKind.CHARACTER, new Look(false, false));
        LOOKS.put(TokenKind.STRING, new Look(false, false));
        LOOKS.put(TokenKind.STRING_ESCAPE, new Look(true, false));
        LOOKS.put(TokenKind.INTERPOLATION, new Look(true, false));
        LOOKS.put(TokenKind.FORMAT, new Look(false, true));
        LOOKS.put(TokenKind.COMMENT, new Look(false, false));
        LOOKS.put(TokenKind.DOC_COMMENT, new Look(false, true));
        LOOKS.put(TokenKind.ILLEGAL, new Look(false, false));
    }

    private final ColorRegistry colors;

    public ToitTokenStyles() {
        this(PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry());
    }

    public ToitTokenStyles(ColorRegistry colors) {
        this.colors = colors;
    }

    /** Whether tokens of this kind get a style of their own (the rest use the editor's text colour). */
    public static boolean isStyled(TokenKind kind) {
        return LOOKS.containsKey(kind);
    }

    /** A style range for a token of {@code kind}; null when the kind has no style of its own. */
    public StyleRange styleRange(TokenKind kind, int offset, int length) {
        Look look = LOOKS.get(kind);
        if (look == null) return null;
        StyleRange range = new StyleRange();
        range.start = offset;
        range.length = length;
        range.foreground = colors.get(colorId(kind));
        range.fontStyle = (look.bold ? SWT.BOLD : 0) | (look.italic ? SWT.ITALIC : 0);
        if (kind == TokenKind.ILLEGAL) {
            Color red = range.foreground;
            range.underline = true;
            range.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
            range.underlineColor = red;
        }
        return range;
    }
}
