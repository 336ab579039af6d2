package io.switchboard.ingress.ws.outbox;

import io.switchboard.ingress.ws.frames.CloseCodes;
import io.switchboard.ingress.ws.timers.Scheduling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every frame to one socket goes through here: one bounded queue, drained by at most one virtual thread
 * at a time, so sends are serialized (concurrent WsSession.send corrupts frames) and no producer ever
 * blocks on a socket. The drainer exists only while there is something to write: a parked thread per idle
 * socket cost a few KB each, and idle sockets are most of a node's sockets. A reader that lets the queue
 * pass its limit, in frames or in bytes (a thousand history pages of long messages are far fewer frames
 * than the limit but could fill the heap), is closed with 1013; if its socket write is stuck, the drainer is interrupted after a
 * grace period, which closes the socket under it, and a connection whose peer has not answered the close
 * frame by then is dropped.
 *
 * <p>The drainer's end, for whatever reason (close sent, write failed, shut down), is reported once
 * through {@code onFinished}: Helidon does not call the listener when a peer vanishes, so a failed
 * write (of a keepalive ping, at the latest) is how such a socket is found dead.
 */
public final class Outbox {
    private static final Logger LOGGER = LoggerFactory.getLogger(Outbox.class);
    private static final long WAIT_STEP_MILLIS = 5;
    /** A batch stops growing past this many characters; it bounds the one buffer a batch is encoded into. */
    static final int BATCH_CHARS = 32 * 1024;

    private sealed interface Item {
    }

    private record Text(String frame) implements Item {
    }

    private record Pong(byte[] payload) implements Item {
    }

    /** Heap a queued item holds, near enough: a Java string keeps at most two bytes per char. */
    private static long bytesOf(Item item) {
        return switch (item) {
            case Text text -> 2L * text.frame().length();
            case Pong pong -> pong.payload().length;
            default -> 0;
        };
    }

    private record Close(int code, String reason) implements Item {
    }

    private record Ping() implements Item {
    }

    private final FrameSink sink;
    private final int limit;
    private final long maxBytes;
    private final Duration closeGrace;
    private final Scheduling scheduling;
    private final String label;
    private final Runnable onFinished;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    // ConcurrentLinkedQueue.size() walks the queue; the limit is checked on every offer.
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean closing;
    private volatile boolean finished;
    private volatile Thread drainer;

    /**
     * @param limit    frames queued before the reader counts as too slow
     * @param maxBytes bytes queued before the reader counts as too slow; one frame larger than this is still
     *                 taken when nothing else is queued, so a socket is never closed for a single big page
     */
    public Outbox(FrameSink sink, int limit, long maxBytes, Duration closeGrace, Scheduling scheduling, String label,
                  Runnable onFinished) {
        this.sink = sink;
        this.limit = limit;
        this.maxBytes = maxBytes;
        this.closeGrace = closeGrace;
        this.scheduling = scheduling;
        this.label = label;
        this.onFinished = onFinished;
    }

    /** Frames offered before this wait for it; from here on they are written as they come. */
    public void start() {
        started = true;
        kick();
    }

    /** Queues a frame; a full queue closes the socket as too slow. @return false when the frame was dropped */
    public boolean offer(String frame) {
        if (closing) {
            return false;
        }
        Text text = new Text(frame);
        if (full(text)) {
            overflow();
            return false;
        }
        enqueue(text);
        return true;
    }

    /**
     * For bulk replays from the socket's own reader thread: waits (up to {@code maxWait}) while the queue
     * is more than half full, leaving room for live frames, instead of overflowing at once.
     */
    public boolean offerPatiently(String frame, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!closing && (size.get() >= limit / 2 || bytes.get() >= maxBytes / 2) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WAIT_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return offer(frame);
    }

    /**
     * Pongs count against the same limit as text frames: a peer that keeps pinging but never reads would
     * otherwise grow its queue for as long as it pings.
     */
    public void pong(byte[] payload) {
        if (closing) {
            return;
        }
        Pong pong = new Pong(payload);
        if (full(pong)) {
            overflow();
            return;
        }
        enqueue(pong);
    }

    public void ping() {
        if (!closing) {
            enqueue(new Ping());
        }
    }

    /** Sends what is queued, then the close frame; later offers are dropped. */
    public void close(int code, String reason) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            enqueue(new Close(code, reason));
        }
        armWatchdog();
    }

    /** The connection is gone: drop everything and stop the drainer. */
    public void shutdown() {
        closing = true;
        finished = true;
        clear();
        Thread thread = drainer;
        if (thread != null && thread != Thread.currentThread()) {
            // Interrupting a write closes the socket under it; the drainer then reports the end.
            thread.interrupt();
        }
        if (!draining.get()) {
            finished();
        }
    }

    int queued() {
        return size.get();
    }

    long queuedBytes() {
        return bytes.get();
    }

    /** Whether a writer thread exists right now; none does while the queue is empty. */
    boolean writing() {
        return draining.get();
    }

    public boolean closing() {
        return closing;
    }

    private boolean full(Item item) {
        long queuedBytes = bytes.get();
        return size.get() >= limit || queuedBytes > 0 && queuedBytes + bytesOf(item) > maxBytes;
    }

    private void overflow() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            clear();
            enqueue(new Close(CloseCodes.TRY_AGAIN_LATER, "reader too slow"));
        }
        LOGGER.atWarn().addKeyValue("session", label).addKeyValue("limit", limit).addKeyValue("maxBytes", maxBytes)
                .log("Closing slow socket");
        armWatchdog();
    }

    private void armWatchdog() {
        scheduling.schedule(closeGrace, () -> {
            if (!finished) {
                LOGGER.atWarn().addKeyValue("session", label)
                        .log("Socket write stuck past close grace, dropping connection");
                shutdown();
            }
            abort();
        });
    }

    /**
     * A peer that never answers the close frame (one that does not read, say) would keep its connection,
     * and a server thread reading it, for as long as it likes; after the grace period it is cut.
     */
    private void abort() {
        try {
            sink.abort();
        } catch (RuntimeException e) {
            LOGGER.atDebug().addKeyValue("session", label).addKeyValue("error", e.toString())
                    .log("Dropping connection failed");
        }
    }

    private void enqueue(Item item) {
        queue.add(item);
        size.incrementAndGet();
        bytes.addAndGet(bytesOf(item));
        kick();
    }

    private void clear() {
        for (Item item = queue.poll(); item != null; item = queue.poll()) {
            dequeued(item);
        }
    }

    private void dequeued(Item item) {
        size.decrementAndGet();
        bytes.addAndGet(-bytesOf(item));
    }

    /** Starts a drainer unless one runs; the one that runs sees every item queued before it stops. */
    private void kick() {
        if (started && !finished && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("sb-outbox-" + label).start(this::drain);
        }
    }

    private void drain() {
        drainer = Thread.currentThread();
        boolean ended = true;
        try {
            Item item = null;
            while (!finished) {
                if (item == null) {
                    item = queue.poll();
                    if (item == null) {
                        drainer = null;
                        draining.set(false);
                        // An item queued between the poll and the flag found the flag still set and started nobody.
                        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                            ended = finished;
                            return;
                        }
                        drainer = Thread.currentThread();
                        continue;
                    }
                    dequeued(item);
                }
                Item next = null;
                switch (item) {
                    case Text text -> next = writeTexts(text);
                    case Pong pong -> sink.pong(pong.payload());
                    case Ping ping -> sink.ping();
                    case Close close -> {
                        sink.close(close.code(), close.reason());
                        return;
                    }
                }
                item = next;
                if (Thread.interrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOGGER.atDebug().addKeyValue("session", label).addKeyValue("error", e.toString())
                    .log("Socket write failed");
        } finally {
            if (ended) {
                finished = true;
                closing = true;
                drainer = null;
                clear();
                finished();
            }
        }
    }

    /**
     * Writes {@code first} and the text frames queued right behind it in one socket write: each write is a
     * syscall (on loopback the receiver's TCP work too), and frames queue up exactly when a node is busiest.
     *
     * @return the first item taken that is not text, to be handled next; null when there was none
     */
    private Item writeTexts(Text first) {
        List<String> batch = null;
        int chars = first.frame().length();
        Item next = null;
        while (chars < BATCH_CHARS && (next = queue.poll()) != null) {
            dequeued(next);
            if (!(next instanceof Text text)) {
                break;
            }
            if (batch == null) {
                batch = new ArrayList<>();
                batch.add(first.frame());
            }
            batch.add(text.frame());
            chars += text.frame().length();
            next = null;
        }
        if (batch == null) {
            sink.text(first.frame());
        } else {
            sink.texts(batch);
        }
        return next;
    }

    /** Reported once, by whichever of the drainer's end and {@link #shutdown()} comes first. */
    private void finished() {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        try {
            onFinished.run();
        } catch (RuntimeException e) {
            LOGGER.atWarn().addKeyValue("session", label).addKeyValue("error", e.toString()).setCause(e)
                    .log("Outbox finish callback failed");
        }
    }
}
