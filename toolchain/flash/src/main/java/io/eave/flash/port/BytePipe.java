package io.eave.flash.port;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way in-memory byte channel with a bounded buffer: writes block while it is full (like a
 * UART's flow), reads wait with a timeout. Closing wakes both sides. Optionally paced to a baud
 * rate (10 bits per byte, as 8N1) so that emulated links take the time real ones take.
 */
public final class BytePipe {

    private final byte[] ring;
    private int head;
    private int count;
    private boolean closed;
    private volatile int pacedBaud;
    private long nextFreeNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    public BytePipe(int capacity) {
        ring = new byte[capacity];
    }

    /** Paces writes to {@code baud}/10 bytes per second; 0 turns pacing off. */
    public void pace(int baud) {
        pacedBaud = baud;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        int baud = pacedBaud;
        if (baud > 0) {
            pace(len, baud);
        }
        lock.lock();
        try {
            while (len > 0) {
                while (count == ring.length && !closed) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    throw new PortClosedException("the line is closed");
                }
                int n = Math.min(len, ring.length - count);
                for (int i = 0; i < n; i++) {
                    ring[(head + count + i) % ring.length] = b[off + i];
                }
                count += n;
                off += n;
                len -= n;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void pace(int len, int baud) {
        long now = System.nanoTime();
        long start = Math.max(now, nextFreeNanos);
        nextFreeNanos = start + len * 10L * 1_000_000_000L / baud;
        long wait = nextFreeNanos - now;
        if (wait > 1_000_000) {   // sleep in whole milliseconds; shorter debts are carried over
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns bytes read, 0 on timeout; throws {@link PortClosedException} once closed and empty. */
    public int read(byte[] b, int off, int len, long timeoutMillis) throws IOException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (count == 0) {
                if (closed) {
                    throw new PortClosedException("the line is closed");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading");
                }
            }
            int n = Math.min(len, count);
            for (int i = 0; i < n; i++) {
                b[off + i] = ring[(head + i) % ring.length];
            }
            head = (head + n) % ring.length;
            count -= n;
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            count = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
