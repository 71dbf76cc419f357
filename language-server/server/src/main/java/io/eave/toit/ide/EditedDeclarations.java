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
     * The stretches of declarations that differ in {@code now}, in order; every region outside them
     * is in {@code now} as it was, moved by the stretches before it. Null when an import or an
     * export changed. Regions are matched whole: from the first that differs, the next one
     * found again in the new text (at a line's start) ends the stretch. A stretch that differs
     * before its declaration's first token takes the declaration before it too (an indented line
     * there would continue that one).
     */
    List<Stretch> changes(String now) {
        int n = elements.size();
        List<Stretch> stretches = new ArrayList<>();
        int shift = 0;   // of the region at hand: new offset minus old
        int k = 0;
        while (k < n) {
            if (kept(k, regionStart[k] + shift, now)) {
                k++;
                continue;
            }
            int differs = regionStart[k];
            while (differs < regionEnd[k] && differs + shift < now.length() && old.charAt(differs) == now.charAt(differs + shift)) differs++;
            int first = k;
            int newStart = regionStart[k] + shift;
            if (differs <= firstToken[k] && k > 0) {
                Stretch before = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
                if (before != null && before.last() == k - 1) {
                    stretches.remove(stretches.size() - 1);
                    first = before.first();
                    newStart = before.newStart();
                } else {
                    first = k - 1;
                    newStart = regionStart[k - 1] + shift;
                }
            }
            int next = k + 1;
            int found = -1;
            for (; next < n; next++) {
                found = findRegion(next, regionStart[k] + shift, now);
                if (found >= 0) break;
            }
            Stretch stretch = declarations(first, next - 1, newStart, found < 0 ? now.length() : found);
            if (stretch == null) return null;
            stretches.add(stretch);
            if (found < 0) break;
            shift = found - regionStart[next];
            k = next;
        }
        return stretches;
    }

    /** Whether region {@code k} stands unchanged at {@code at} of the new text (the last one: up to its end). */
    private boolean kept(int k, int at, String now) {
        int length = regionEnd[k] - regionStart[k];
        if (at < 0 || at > now.length() || (at > 0 && now.charAt(at - 1) != '\n')) return false;
        if (k == elements.size() - 1 && at + length != now.length()) return false;
        return now.regionMatches(at, old, regionStart[k], length);
    }

    /** Where region {@code k}'s text starts a line of the new text from {@code from} on, or -1. */
    private int findRegion(int k, int from, String now) {
        String text = old.substring(regionStart[k], regionEnd[k]);
        for (int at = now.indexOf(text, from); at >= 0; at = now.indexOf(text, at + 1)) {
            if (kept(k, at, now)) return at;
        }
        return -1;
    }

    private Stretch declarations(int first, int last, int newStart, int newEnd) {
        List<Declaration> replaced = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            if (!(elements.get(k) instanceof Declaration d)) return null;
            replaced.add(d);
        }
        return new Stretch(first, last, regionStart[first], regionEnd[last], newStart, newEnd, replaced);
    }

    /** {@code old}, an offset of the old text outside the stretches, in the new text. */
    static int moved(List<Stretch> stretches, int old) {
        int shift = 0;
        for (Stretch s : stretches) {
            if (old < s.end()) break;   // before it (outside every stretch)
            shift = s.newEnd() - s.end();
        }
        return old + shift;
    }

    /**
     * The region holding offset {@code at} of the new text, outside the stretches, as a stretch
     * of one declaration (with the one before when {@code at} is before its first token); null
     * when that is not one declaration left as it was.
     */
    Stretch unchangedAt(List<Stretch> stretches, int at) {
        int shift = 0;
        for (Stretch s : stretches) {
            if (at < s.newStart()) break;
            if (at < s.newEnd()) return null;
            shift = s.newEnd() - s.end();
        }
        int k = regionAt(at - shift);
        int first = at - shift <= firstToken[k] && k > 0 ? k - 1 : k;
        for (Stretch s : stretches) {
            if (s.first() <= k && first <= s.last()) return null;
        }
        return declarations(first, k, regionStart[first] + shift, regionEnd[k] + shift);
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

    /** The resource set of the analysis the regions are of. */
    org.eclipse.emf.ecore.resource.ResourceSet resourceSet() {
        return host.eResource().getResourceSet();
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
