package io.eave.toit.ide;

import io.eave.toit.ToitFrontEnd;
import io.eave.toit.ast.Unit;
import io.eave.toit.validation.ToitIssueCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Diagnostics of a document in proportion to the edit: when the text changed since a whole
 * analysis only inside top-level declarations ({@link EditedDeclarations}) whose names and
 * outlines stay the same (what other declarations see of them), only those declarations are
 * parsed, linked and validated again; the other declarations' diagnostics are kept, moved by
 * the lines the edit added or removed. Nothing the other declarations are checked against
 * changed, so their diagnostics would come out the same. The server runs a whole analysis
 * after a longer pause all the same.
 */
final class EditedDiagnostics {
    /** Checks of the whole file whose findings may lie in an edited declaration: a whole analysis then. */
    private static final Set<String> FILE_CHECKS = Set.of(ToitIssueCodes.DUPLICATE_DECLARATION, ToitIssueCodes.IMPORT_AFTER_DECLARATION);

    private EditedDiagnostics() {
    }

    /**
     * The diagnostics of {@code path} at text {@code now}, from {@code base} (a whole analysis of
     * the document at {@code base.text()}, the other documents unchanged); null when only a whole
     * analysis can tell. The caller holds the base's resource set.
     */
    static List<ToitFrontEnd.Diagnostic> of(ToitFrontEnd frontEnd, Completion.Kept base, String path, String now) {
        Unit host = base.result().unit(path);
        if (host == null || host.eResource() == null) return null;
        List<ToitFrontEnd.Diagnostic> before = base.result().diagnostics(path);
        EditedDeclarations.Change change = EditedDeclarations.Change.between(base.text(), now);
        if (change.none()) return before;
        EditedDeclarations regions = EditedDeclarations.of(host, base.text());
        EditedDeclarations.Stretch stretch = regions == null ? null : regions.changed(change);
        if (stretch == null) return null;
        for (ToitFrontEnd.Diagnostic d : before) {
            boolean touches = d.offset() + d.length() > stretch.start() && d.offset() < stretch.end();
            boolean within = d.offset() >= stretch.start() && d.offset() + d.length() <= stretch.end();
            if (touches && (FILE_CHECKS.contains(d.code()) || !within)) return null;
        }
        Resource fragment = regions.parse(stretch, now, "edited.toit");
        if (fragment == null) return null;
        try {
            if (!EditedDeclarations.sameOutlines(stretch.replaced(), (Unit) fragment.getContents().get(0))) return null;
            TextPositions oldLines = new TextPositions(base.text());
            TextPositions newLines = new TextPositions(now);
            int lineDelta = newLines.position(stretch.newEnd()).getLine() - oldLines.position(stretch.end()).getLine();
            int fragmentLine = newLines.position(stretch.newStart()).getLine();   // 0-based: the fragment's line 1 is this one's
            List<ToitFrontEnd.Diagnostic> result = new ArrayList<>();
            for (ToitFrontEnd.Diagnostic d : before) {
                if (d.offset() + d.length() <= stretch.start() && d.offset() < stretch.start()) {   // before: where it was
                    result.add(d);
                } else if (d.offset() >= stretch.end()) {   // after: moved with the text
                    result.add(moved(d, stretch.newEnd() - stretch.end(), lineDelta));
                }
            }
            for (ToitFrontEnd.Diagnostic d : frontEnd.check(fragment, path)) {
                result.add(moved(d, stretch.newStart(), fragmentLine));
            }
            result.sort(Comparator.comparingInt(ToitFrontEnd.Diagnostic::offset));
            return result;
        } finally {
            fragment.getResourceSet().getResources().remove(fragment);
        }
    }

    private static ToitFrontEnd.Diagnostic moved(ToitFrontEnd.Diagnostic d, int offsets, int lines) {
        return new ToitFrontEnd.Diagnostic(d.severity(), d.code(), d.file(), d.line() + lines, d.column(), d.offset() + offsets, d.length(),
                d.message());
    }
}
