package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/** The front end's diagnostics as LSP diagnostics, with the issue code as the code. */
final class Diagnostics {
    private Diagnostics() {
    }

    static List<Diagnostic> convert(List<ToitFrontEnd.Diagnostic> diagnostics, String text) {
        TextPositions positions = new TextPositions(text);
        return diagnostics.stream().map(d -> {
            Diagnostic result = new Diagnostic(new Range(positions.position(d.offset()), positions.position(d.offset() + d.length())),
                    d.message(), severity(d.severity()), "toit");
            result.setCode(d.code());
            return result;
        }).toList();
    }

    private static DiagnosticSeverity severity(ToitFrontEnd.Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }
}
