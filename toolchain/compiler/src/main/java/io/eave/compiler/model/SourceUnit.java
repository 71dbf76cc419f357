package io.eave.compiler.model;

import java.nio.file.Path;

import io.eave.toit.ast.Unit;

/** One parsed Toit file of the program: a user file or a core library file. */
public record SourceUnit(Path path, String text, Unit ast, boolean core, int fileIndex) {}
