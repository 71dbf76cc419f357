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
     * analysis can tell. The caller holds the base's resource set. Once {@code cancel} says so (a
     * newer change makes the answer stale), this throws {@link java.util.concurrent.CancellationException}.
     */
    static List<ToitFrontEnd.Diagnostic> of(ToitFrontEnd frontEnd, Completion.Kept base, String path, String now,
            org.eclipse.xtext.util.CancelIndicator cancel) {
        Unit host = base.result().unit(path);
        if (host == null || host.eResource() == null) return null;
        List<ToitFrontEnd.Diagnostic> before = base.result().diagnostics(path);
        if (base.text().equals(now)) return before;
        EditedDeclarations regions = EditedDeclarations.of(host, base.text());
        List<EditedDeclarations.Stretch> changes = regions == null ? null : regions.changes(now);
        if (changes == null) return null;
        TextPositions oldLines = new TextPositions(base.text());
        TextPositions newLines = new TextPositions(now);
        List<ToitFrontEnd.Diagnostic> result = new ArrayList<>();
        for (ToitFrontEnd.Diagnostic d : before) {
            EditedDeclarations.Stretch in = null;
            for (EditedDeclarations.Stretch s : changes) {
                if (d.offset() + d.length() > s.start() && d.offset() < s.end()) in = s;
            }
            if (in == null) {   // outside the edited declarations: moved with the text
                int offset = EditedDeclarations.moved(changes, d.offset());
                result.add(moved(d, offset - d.offset(), newLines.position(offset).getLine() - oldLines.position(d.offset()).getLine()));
            } else if (FILE_CHECKS.contains(d.code()) || d.offset() < in.start() || d.offset() + d.length() > in.end()) {
                return null;
            }
        }
        for (EditedDeclarations.Stretch stretch : changes) {
            Resource fragment = regions.parse(stretch, now, "edited.toit");
            if (fragment == null) return null;
            try {
                if (!EditedDeclarations.sameOutlines(stretch.replaced(), (Unit) fragment.getContents().get(0))) return null;
                int fragmentLine = newLines.position(stretch.newStart()).getLine();   // 0-based: the fragment's line 1 is this one's
                for (ToitFrontEnd.Diagnostic d : frontEnd.check(fragment, path, cancel)) result.add(moved(d, stretch.newStart(), fragmentLine));
            } finally {
                fragment.getResourceSet().getResources().remove(fragment);
            }
        }
        result.sort(Comparator.comparingInt(ToitFrontEnd.Diagnostic::offset));
        return result;
    }

    private static ToitFrontEnd.Diagnostic moved(ToitFrontEnd.Diagnostic d, int offsets, int lines) {
        return new ToitFrontEnd.Diagnostic(d.severity(), d.code(), d.file(), d.line() + lines, d.column(), d.offset() + offsets, d.length(),
                d.message());
    }
}
