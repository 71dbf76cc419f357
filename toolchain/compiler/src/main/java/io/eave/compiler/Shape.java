package io.eave.compiler;

import java.util.List;

/**
 * The shape of a call: how many positional arguments (blocks included) and which named ones,
 * sorted. A virtual call's selector is its name plus its shape, so that methods with optional and
 * named parameters can be reached through per-shape stubs (docs/bytecode.md, calling convention).
 */
public record Shape(int positional, List<String> named) {
    public Shape {
        named = named.stream().sorted().toList();
    }

    public static Shape of(int positional) {
        return new Shape(positional, List.of());
    }

    /** Arguments at the call site, receiver excluded: positional first, then named in sorted order. */
    public int arguments() {
        return positional + named.size();
    }

    /** The selector key, as the debug info lists it: {@code name/positional--named...}. */
    public String selector(String name) {
        StringBuilder key = new StringBuilder(name).append('/').append(positional);
        for (String n : named) {
            key.append("--").append(n);
        }
        return key.toString();
    }
}
