package io.eave.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.eave.toit.lexer.Token;
import io.eave.toit.lexer.TokenKind;
import io.eave.toit.lexer.ToitScanner;

/**
 * The {@code eave} command-line tool. {@code ./eave} starts the IDE and the tests itself and
 * hands every other command to this class.
 */
public final class Main {

    static final String VERSION = "0.1.0-SNAPSHOT";

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    /** Runs one command; returns the process exit code (0 ok, 1 the input had errors, 2 usage). */
    int run(String[] args) {
        if (args.length == 0) {
            usage(out);
            return 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "help", "--help", "-h":
                usage(out);
                return 0;
            case "version", "--version":
                out.println("eave " + VERSION);
                return 0;
            case "simulate": return new SimulateCommand(out, err).run(rest);
            case "devices": return new DevicesCommand(out, err).run(rest);
            case "dap": return new DapCommand(out, err).run(rest);
            case "flash": return new FlashCommand(out, err).run(rest);
            case "container": return new ContainerCommand(out, err).run(rest);
            case "run": return new RunCommand(out, err).run(rest);
            case "compile": return new CompileCommand(out, err).compile(rest);
            case "lsp": return lsp(rest);
            case "analyze": return new AnalyzeCommand(out, err).run(rest);
            case "monitor": return new MonitorCommand(out, err).run(rest);
            case "tokens":
                return tokens(rest);
            default:
                err.println("eave: unknown command '" + args[0] + "'. Run './eave help' for the list of commands.");
                return 2;
        }
    }

    /** eave lsp [--port N]: the Toit language server over stdio (or one client on a loopback port). */
    private int lsp(List<String> args) {
        if (!(args.isEmpty() || args.size() == 2 && args.get(0).equals("--port") && args.get(1).matches("\\d+"))) {
            err.println("usage: eave lsp [--port N]   (LSP over stdio, or one client on 127.0.0.1:N)");
            return 2;
        }
        try {
            io.eave.toit.ide.ToitServerLauncher.main(args.toArray(String[]::new));
            return 0;
        } catch (Exception e) {
            err.println("eave lsp: " + e.getMessage());
            return 1;
        }
    }

    /** Prints the lexical tokens of a file, one per line: line:column kind text. */
    private int tokens(List<String> args) {
        if (args.size() != 1) {
            err.println("eave tokens: expected exactly one FILE, e.g. './eave tokens hello.toit'.");
            return 2;
        }
        Path file = Path.of(args.get(0));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("eave tokens: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("eave tokens: cannot read " + file + ": " + e);
            return 2;
        }
        int illegal = 0;
        int line = 1;
        int column = 1;
        int at = 0;
        for (Token token : ToitScanner.scan(text)) {
            for (; at < token.offset(); at++) {
                if (text.charAt(at) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            out.printf("%d:%d %s %s%n", line, column, token.kind(), escape(token.text(text)));
            if (token.kind() == TokenKind.ILLEGAL) {
                err.printf("%s:%d:%d: error: illegal token %s%n", file, line, column, escape(token.text(text)));
                illegal++;
            }
        }
        return illegal == 0 ? 0 : 1;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static void usage(PrintStream to) {
        to.println("""
                Eave: Toit development for microcontrollers.

                Usage: ./eave COMMAND [ARGS]

                  ide              build what is missing and start the Eave IDE on a sample workspace
                  test             run every test (Java, C, Eclipse UI tests; Xvfb when there is no display)
                  simulate         start the simulated device (eave-sim) in the foreground; prints its addresses
                  simulate --board qemu-arm|qemu-riscv [--name N]
                                   boot an emulated board under QEMU; prints its serial port (/dev/pts/N)
                  devices          list the simulated devices running on this host
                  dap [--port N]   the debug adapter (DAP) on stdin/stdout, or on a local TCP port for an IDE
                  flash ...        write the firmware and a device name and secret to a board (./eave flash --help)
                  compile FILE     compile a Toit program to an image and its debug info (-o OUT, --disassemble)
                  analyze PATH...  check Toit files or folders: path:line:column: error|warning: message [code]
                                   (--syntax-only, --format text|json; exit 1 when there is an error)
                  lsp [--port N]   the Toit language server (LSP over stdio, or a loopback port)
                  run FILE         install and run a program on a device, showing its output
                  monitor          show a device's console
                  container ...    list, install, start, stop and uninstall programs on a device
                  tokens FILE      print the lexical tokens of a Toit file, as the editor colours them
                  version          print the version
                  help             print this text
                """);
    }
}
