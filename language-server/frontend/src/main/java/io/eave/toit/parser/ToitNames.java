package io.eave.toit.parser;

/** How Toit spells names. */
public final class ToitNames {
    private ToitNames() {
    }

    /**
     * The canonical form of an identifier: a single inner {@code _} whose neighbours are neither
     * {@code -} nor {@code _} reads as {@code -}, so {@code foo_bar} names {@code foo-bar}, while
     * {@code _x}, {@code x_} and {@code a__b} keep their underscores.
     */
    public static String canonical(String name) {
        if (name.indexOf('_') < 0) return name;
        char[] chars = name.toCharArray();
        for (int i = 1; i < chars.length - 1; i++) {
            if (name.charAt(i) == '_' && !isDashOrUnderscore(name.charAt(i - 1)) && !isDashOrUnderscore(name.charAt(i + 1))) {
                chars[i] = '-';
            }
        }
        return new String(chars);
    }

    private static boolean isDashOrUnderscore(char c) {
        return c == '-' || c == '_';
    }

    /** A trailing {@code _} marks a private name by convention. */
    public static boolean isPrivate(String name) {
        return name.endsWith("_");
    }
}
