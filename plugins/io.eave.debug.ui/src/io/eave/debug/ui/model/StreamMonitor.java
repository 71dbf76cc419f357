package io.eave.debug.ui.model;

import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IFlushableStreamMonitor;

/** One stream of the debugged program's console; text arrives on the adapter's threads, listeners are told under the lock. */
final class StreamMonitor implements IFlushableStreamMonitor {
    private final CopyOnWriteArrayList<IStreamListener> listeners = new CopyOnWriteArrayList<>();
    private final StringBuilder contents = new StringBuilder();
    private boolean buffered = true;

    synchronized void append(String text) {
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
