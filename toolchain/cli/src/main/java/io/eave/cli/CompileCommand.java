package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.eave.compiler.CompileError;
import io.eave.compiler.Compiler;
import io.eave.compiler.debug.DebugInfo;
import io.eave.compiler.image.Disassembler;
import io.eave.compiler.image.ImageFormatException;
import io.eave.compiler.image.ImageReader;

/**
 * {@code eave compile FILE [-o OUT] [--disassemble]} writes a program image and its debug info
 * (OUT.debug.json).
 */
final class CompileCommand {
    private final PrintStream out;
    private final PrintStream err;

    CompileCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int compile(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean disassemble = rest.remove("--disassemble");
        Path output = null;
        int o = rest.indexOf("-o");
        if (o >= 0) {
            if (o + 1 >= rest.size()) {
                err.println("eave compile: -o needs a file name");
                return 2;
            }
            output = Path.of(rest.get(o + 1));
            rest.remove(o + 1);
            rest.remove(o);
        }
        if (rest.size() != 1) {
            err.println("usage: eave compile FILE [-o OUT] [--disassemble]\n  writes OUT (default: FILE without .toit, plus .img) and OUT.debug.json");
            return 2;
        }
        Path file = Path.of(rest.get(0));
        if (output == null) {
            String name = file.getFileName().toString().replaceFirst("\\.toit$", "");
            output = file.resolveSibling(name + ".img");
        }
        try {
            Program program = Build.compile(file, err);
            if (program == null) {
                return 1;
            }
            Files.write(output, program.image());
            program.debugInfo().write(Program.debugInfoPath(output));
            out.println("wrote " + output + " (" + program.image().length + " bytes, image " + program.debugInfo().imageId()
                    + ") and " + Program.debugInfoPath(output).getFileName());
            if (disassemble) {
                out.print(Disassembler.listing(ImageReader.read(program.image()), names(program.debugInfo())));
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("eave compile: no such file: " + e.getFile());
            return 2;
        } catch (IOException | ImageFormatException e) {
            err.println("eave compile: " + e.getMessage());
            return 1;
        }
    }

    /** Method, class, global and selector names and statement lines from the debug info. */
    static Disassembler.Names names(DebugInfo debug) {
        return new Disassembler.Names() {
            public String method(int index) {
                return index < debug.methods().size() ? debug.methods().get(index).qualifiedName() : null;
            }

            public String selector(int index) {
                return index < debug.selectors().size() ? debug.selectors().get(index) : null;
            }

            public String className(int index) {
                return index < debug.classes().size() ? debug.classes().get(index).name() : null;
            }

            public String global(int index) {
                return index < debug.globals().size() ? debug.globals().get(index).name() : null;
            }

            public int line(int method, int offset) {
                if (method >= debug.methods().size()) {
                    return 0;
                }
                for (int[] pair : debug.methods().get(method).lines()) {
                    if (pair[0] == offset) {
                        return pair[1];
                    }
                }
                return 0;
            }
        };
    }
}
