package io.eave.toit.editor.lsp.outline;

import java.util.EnumMap;
import java.util.Map;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The Outline's icons, one per kind of symbol the server reports, drawn here (16×16: a shape
 * and a colour per kind, a letter for types) rather than borrowed: classes a green square with
 * C, interfaces a purple one with I, mixins a brown one with M, methods and functions a green dot, constructors a green
 * ring, setters a hollow green dot, operators a green diamond, fields a blue square, constants
 * an orange square, globals a teal triangle. Made once per display and disposed with it.
 */
final class ToitSymbolImages {
    private static final int SIZE = 16;
    private static final RGB KEY = new RGB(255, 0, 255);   // the transparent colour
    private static final Map<Icon, Image> IMAGES = new EnumMap<>(Icon.class);

    enum Icon {
        CLASS, INTERFACE, MIXIN, METHOD, CONSTRUCTOR, SETTER, OPERATOR, FIELD, CONSTANT, GLOBAL, OTHER
    }

    private ToitSymbolImages() {
    }

    static Icon icon(DocumentSymbol s) {
        SymbolKind kind = s.getKind();
        if (kind == null) return Icon.OTHER;
        return switch (kind) {
            case Class, Struct -> "mixin".equals(s.getDetail()) ? Icon.MIXIN : Icon.CLASS;   // the server's detail: the class's kind
            case Interface -> Icon.INTERFACE;
            case Constructor -> Icon.CONSTRUCTOR;
            case Operator -> Icon.OPERATOR;
            case Method, Function -> s.getName() != null && s.getName().endsWith("=") ? Icon.SETTER : Icon.METHOD;
            case Field, Property -> Icon.FIELD;
            case Constant -> Icon.CONSTANT;
            case Variable -> Icon.GLOBAL;
            default -> Icon.OTHER;
        };
    }

    /** The icon of a symbol, on the UI thread. */
    static Image image(DocumentSymbol s) {
        Icon icon = icon(s);
        synchronized (IMAGES) {
            Image image = IMAGES.get(icon);
            if (image == null || image.isDisposed()) {
                Display display = Display.getCurrent();
                image = draw(display, icon);
                IMAGES.put(icon, image);
                Image made = image;
                display.disposeExec(made::dispose);
            }
            return image;
        }
    }

    private static Image draw(Display display, Icon icon) {
        Image canvas = new Image(display, SIZE, SIZE);
        GC gc = new GC(canvas);
        Color key = new Color(KEY);
        Color white = new Color(255, 255, 255);
        try {
            gc.setAntialias(SWT.OFF);
            gc.setBackground(key);
            gc.fillRectangle(0, 0, SIZE, SIZE);
            Color green = new Color(46, 139, 87);
            switch (icon) {
                case CLASS -> letter(gc, green, white, "C");
                case INTERFACE -> letter(gc, new Color(128, 80, 170), white, "I");
                case MIXIN -> letter(gc, new Color(150, 100, 50), white, "M");
                case METHOD -> oval(gc, green, 4, 4, 8);
                case CONSTRUCTOR -> {
                    oval(gc, green, 3, 3, 10);
                    oval(gc, key, 6, 6, 4);
                }
                case SETTER -> {
                    gc.setForeground(green);
                    gc.setLineWidth(2);
                    gc.drawOval(4, 4, 8, 8);
                }
                case OPERATOR -> {
                    gc.setBackground(green);
                    gc.fillPolygon(new int[] { 8, 2, 14, 8, 8, 14, 2, 8 });
                }
                case FIELD -> square(gc, new Color(52, 101, 164), 4, 8);
                case CONSTANT -> square(gc, new Color(206, 120, 0), 4, 8);
                case GLOBAL -> {
                    gc.setBackground(new Color(0, 128, 128));
                    gc.fillPolygon(new int[] { 8, 3, 14, 13, 2, 13 });
                }
                case OTHER -> square(gc, new Color(128, 128, 128), 5, 6);
            }
        } finally {
            gc.dispose();
        }
        ImageData data = canvas.getImageData();
        canvas.dispose();
        return new Image(display, transparent(data));
    }

    private static void letter(GC gc, Color fill, Color text, String letter) {
        gc.setBackground(fill);
        gc.fillRoundRectangle(1, 1, 14, 14, 4, 4);
        gc.setForeground(text);
        var extent = gc.textExtent(letter);
        gc.drawText(letter, (SIZE - extent.x) / 2, (SIZE - extent.y) / 2, true);
    }

    private static void oval(GC gc, Color fill, int x, int y, int size) {
        gc.setBackground(fill);
        gc.fillOval(x, y, size, size);
    }

    private static void square(GC gc, Color fill, int at, int size) {
        gc.setBackground(fill);
        gc.fillRectangle(at, at, size, size);
    }

    /** The drawing with the key colour made transparent. */
    private static ImageData transparent(ImageData drawn) {
        ImageData result = new ImageData(SIZE, SIZE, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        byte[] alpha = new byte[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                RGB rgb = drawn.palette.getRGB(drawn.getPixel(x, y));
                result.setPixel(x, y, result.palette.getPixel(rgb));
                alpha[y * SIZE + x] = rgb.equals(KEY) ? 0 : (byte) 255;
            }
        }
        result.alphaData = alpha;
        return result;
    }
}
