package io.eave.toit.editor.lsp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.swt.widgets.Display;

/**
 * Applies the server's answers on the UI thread without letting them pile up into one long
 * stall. Answers that arrive together (semantic colours, folding, occurrences, the Outline of one
 * edit) are queued, the newest per key replacing an older one not yet applied (an answer to an
 * older version of the document is never worth applying), and applied in slices of at most
 * {@value #SLICE_MS} ms: between slices the UI thread handles what was queued meanwhile (input,
 * painting) before the next slice.
 */
public final class LateAnswers {
    static final long SLICE_MS = 15;
    private static final Map<Object, Runnable> PENDING = new LinkedHashMap<>();
    private static boolean scheduled;

    private LateAnswers() {
    }

    /**
     * Applies {@code apply} on the UI thread soon, unless another answer with an equal key comes
     * first (then only the newer runs). Key by feature and document, e.g. {@code List.of(this, "tokens")}.
     */
    public static void apply(Display display, Object key, Runnable apply) {
        if (display == null || display.isDisposed()) return;
        synchronized (PENDING) {
            PENDING.remove(key);   // the newest goes last, in arrival order
            PENDING.put(key, apply);
            if (scheduled) return;
            scheduled = true;
        }
        display.asyncExec(() -> slice(display));
    }

    private static void slice(Display display) {
        long end = System.nanoTime() + SLICE_MS * 1_000_000;
        while (true) {
            Runnable next;
            synchronized (PENDING) {
                Iterator<Runnable> first = PENDING.values().iterator();
                if (!first.hasNext()) {
                    scheduled = false;
                    return;
                }
                if (System.nanoTime() > end) break;
                next = first.next();
                first.remove();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                org.eclipse.core.runtime.ILog.of(LateAnswers.class).error("Applying a Toit language server answer failed", e);
            }
        }
        if (!display.isDisposed()) display.asyncExec(() -> slice(display));   // behind what queued meanwhile
    }
}
