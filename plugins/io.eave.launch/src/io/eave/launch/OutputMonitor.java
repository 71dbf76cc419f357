package io.eave.launch;

import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IFlushableStreamMonitor;

/**
 * One stream of a container's console (its output, or its errors and the launch's own messages).
 * Text arrives on the link's thread; listeners (the process console) are told under this
 * monitor's lock, so a listener that registers and then reads the contents misses nothing. The
 * debugger's process (io.eave.debug.ui) uses it too.
 */
public final class OutputMonitor implements IFlushableStreamMonitor {
    private final CopyOnWriteArrayList<IStreamListener> listeners = new CopyOnWriteArrayList<>();
    private final StringBuilder contents = new StringBuilder();
    private boolean buffered = true;

    public synchronized void append(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (buffered) {
            contents.append(text);
        }
        for (IStreamListener listener : listeners) {
            listener.streamAppended(text, this);
        }
    }

    @Override
    public synchronized void addListener(IStreamListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(IStreamListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized String getContents() {
        return contents.toString();
    }

    @Override
    public synchronized void flushContents() {
        contents.setLength(0);
    }

    @Override
    public synchronized void setBuffered(boolean buffer) {
        buffered = buffer;
    }

    @Override
    public synchronized boolean isBuffered() {
        return buffered;
    }
}
