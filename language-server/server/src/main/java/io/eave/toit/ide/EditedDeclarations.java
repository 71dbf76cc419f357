package io.eave.toit.ide;

import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Method;
import io.eave.toit.ast.Unit;
import io.eave.toit.scoping.Fragment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The top-level declarations of a document that changed since an analysis, to be parsed apart
 * from the rest ({@link Fragment}) by completion and by diagnostics. The analyzed file is cut
 * into regions, one per top-level element (import, export, declaration): from the line after
 * the previous element's last token to the line after its own, so a declaration's region holds
 * its doc comment. A change in a region, or in the lines before a declaration's first token
 * (which, indented, would continue the declaration before), names the declarations to parse.
 */
final class EditedDeclarations {
    /** Where the texts differ: from {@code same} to {@code oldEnd} in the old text, {@code delta} characters longer in the new. */
    record Change(int same, int oldEnd, int delta) {
        static Change between(String old, String now) {
            int same = 0;
            int limit = Math.min(old.length(), now.length());
            while (same < limit && old.charAt(same) == now.charAt(same)) same++;
            int sameAfter = 0;
            while (sameAfter < limit - same && old.charAt(old.length() - 1 - sameAfter) == now.charAt(now.length() - 1 - sameAfter)) {
                sameAfter++;
            }
            return new Change(same, old.length() - sameAfter, now.length() - old.length());
        }

        boolean none() {
            return same == oldEnd && delta == 0;
        }

        /** An offset of the old text in the new one (inside the change: its start). */
        int shift(int old) {
            return old < same ? old : old >= oldEnd ? old + delta : same;
        }
    }

    /**
     * Declarations {@code first} to {@code last} (region indexes), from {@code start} to
     * {@code end} in the old text and from {@code newStart} to {@code newEnd} in the new.
     */
    record Stretch(int first, int last, int start, int end, int newStart, int newEnd, List<Declaration> replaced) {
    }

    private final Unit host;
    private final String old;
    private final List<EObject> elements = new ArrayList<>();
    private final int[] regionStart;
    private final int[] regionEnd;
    private final int[] firstToken;

    private EditedDeclarations(Unit host, String old, List<EObject> sorted, int[] starts, int[] ends, int[] tokens) {
        this.host = host;
        this.old = old;
        this.elements.addAll(sorted);
        this.regionStart = starts;
        this.regionEnd = ends;
        this.firstToken = tokens;
    }

    /** The regions of {@code host}, analyzed from {@code old}; null when its elements do not each take whole lines. */
    static EditedDeclarations of(Unit host, String old) {
        if (host == null || old == null) return null;
        List<EObject> sorted = new ArrayList<>();
        for (EObject o : host.eContents()) {
            if (NodeModelUtils.getNode(o) == null) return null;
            sorted.add(o);
        }
        if (sorted.isEmpty()) return null;
        sorted.sort(java.util.Comparator.comparingInt(o -> NodeModelUtils.getNode(o).getOffset()));
        int n = sorted.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] tokens = new int[n];
        for (int k = 0; k < n; k++) {
            INode node = NodeModelUtils.getNode(sorted.get(k));
            tokens[k] = node.getOffset();
            starts[k] = k == 0 ? 0 : ends[k - 1];
            ends[k] = k == n - 1 ? old.length() : lineAfter(old, node.getEndOffset());
            if (tokens[k] < starts[k] || ends[k] < node.getEndOffset()) return null;   // two elements on one line
        }
        return new EditedDeclarations(host, old, sorted, starts, ends, tokens);
    }

    /** The start of the line after the one {@code offset} ends (a node may end with its newline). */
    private static int lineAfter(String text, int offset) {
        if (offset > 0 && text.charAt(offset - 1) == '\n') return offset;
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The region holding {@code offset} of the old text (the end of the text: the last region). */
    int regionAt(int offset) {
        for (int k = 0; k < elements.size(); k++) {
            if (offset < regionEnd[k]) return k;
        }
        return elements.size() - 1;
    }

    /**
     * The declarations the change touches, and the one before when the change starts before a
     * declaration's first token; null when it touches an import or an export.
     */
    Stretch changed(Change change) {
        return stretch(firstAt(change.same()), regionAt(Math.max(change.same(), change.oldEnd() - 1)), change);
    }

    /** The declaration at {@code offset} of the old text, and the one before when it is before the first token. */
    Stretch at(int offset, Change change) {
        return stretch(firstAt(offset), regionAt(offset), change);
    }

    private int firstAt(int offset) {
        int k = regionAt(offset);
        return offset <= firstToken[k] && k > 0 ? k - 1 : k;
    }

    /** The declarations from region {@code first} to {@code last}; null when an import or an export is among them. */
    Stretch stretch(int first, int last, Change change) {
        List<Declaration> replaced = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            if (!(elements.get(k) instanceof Declaration d)) return null;
            replaced.add(d);
        }
        int start = regionStart[first];
        int end = regionEnd[last];
        if (start > change.same() && start < change.oldEnd() || end > change.same() && end < change.oldEnd()) return null;
        // no region boundary falls inside the change: a boundary after its start is at or after its end
        int delta = change.delta();
        return new Stretch(first, last, start, end, start > change.same() ? start + delta : start,
                end > change.same() ? end + delta : end, replaced);
    }

    /**
     * The stretch's text of {@code now} parsed into the analysis's resource set, standing in for
     * its old declarations ({@link Fragment}); null (and nothing left in the set) when it does not
     * parse cleanly on its own: an unclosed string or bracket would change how the rest reads.
     * The caller removes the resource from the set when done.
     */
    Resource parse(Stretch stretch, String now, String extension) {
        var set = host.eResource().getResourceSet();
        Resource resource = set.createResource(host.eResource().getURI().trimFileExtension().appendFileExtension(extension));
        Fragment.attach(resource, host, java.util.Set.copyOf(stretch.replaced()));
        try {
            resource.load(new ByteArrayInputStream(now.substring(stretch.newStart(), stretch.newEnd()).getBytes(StandardCharsets.UTF_8)),
                    Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (resource.getErrors().isEmpty() && !resource.getContents().isEmpty()) return resource;
        set.getResources().remove(resource);
        return null;
    }

    /** The old text the analysis saw. */
    String old() {
        return old;
    }

    /**
     * What other declarations see of {@code d}: its tokens without method bodies (names,
     * parameters, types, field initializers, whose values may give a field its type).
     */
    static String outline(Declaration d) {
        INode node = NodeModelUtils.getNode(d);
        if (node == null) return null;
        List<int[]> bodies = new ArrayList<>();
        for (Method m : EcoreUtil2.eAllOfType(d, Method.class)) {
            INode body = m.getBody() == null ? null : NodeModelUtils.getNode(m.getBody());
            if (body != null) bodies.add(new int[] {body.getOffset(), body.getEndOffset()});
        }
        if (d instanceof Method m && m.getBody() != null && NodeModelUtils.getNode(m.getBody()) != null) {
            INode body = NodeModelUtils.getNode(m.getBody());
            bodies.add(new int[] {body.getOffset(), body.getEndOffset()});
        }
        StringBuilder s = new StringBuilder(d.eClass().getName());
        outer:
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.isHidden()) continue;
            for (int[] b : bodies) {
                if (leaf.getOffset() >= b[0] && leaf.getEndOffset() <= b[1]) continue outer;
            }
            s.append(' ').append(leaf.getText());
        }
        return s.toString();
    }

    /** Whether the fragment declares the same names with the same outlines as the declarations it replaces. */
    static boolean sameOutlines(List<Declaration> replaced, Unit fragment) {
        List<Declaration> now = fragment.getDeclarations();
        if (now.size() != replaced.size() || fragment.getImports().size() + fragment.getExports().size() > 0) return false;
        for (int k = 0; k < now.size(); k++) {
            String before = outline(replaced.get(k));
            if (before == null || !before.equals(outline(now.get(k)))) return false;
        }
        return true;
    }
}
