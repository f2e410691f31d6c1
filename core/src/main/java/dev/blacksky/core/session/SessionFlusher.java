package dev.blacksky.core.session;

import dev.blacksky.core.schedule.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes live sessions to disk on a timer and once more at shutdown, so a crash loses at most one period
 * of Signal state. The WhatsApp client registers its flush (serialize keys and store); the serializer skips
 * what did not change, which makes the flush dirty-checked and cheap.
 */
public final class SessionFlusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionFlusher.class);

    private final TimeSource time;
    private final Duration every;
    private final List<Runnable> flushes = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private TimeSource.Cancellable next;

    public SessionFlusher(TimeSource time, Duration every) {
        this.time = time;
        this.every = every;
    }

    /** Adds a session to flush; returns what removes it again (when its client is torn down). */
    public Runnable register(Runnable flush) {
        flushes.add(flush);
        return () -> flushes.remove(flush);
    }

    public synchronized void start() {
        running = true;
        schedule();
    }

    private synchronized void schedule() {
        if (running) {
            next = time.schedule(every, () -> {
                flushAll();
                schedule();
            });
        }
    }

    /** Flushes every registered session now; one failing flush does not stop the others. */
    public void flushAll() {
        for (Runnable flush : flushes) {
            try {
                flush.run();
            } catch (RuntimeException e) {
                log.error("Flushing a session failed; the files on disk are the previous ones", e);
            }
        }
    }

    /** Stops the timer and flushes one last time. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (next != null) {
            next.cancel();
        }
        flushAll();
    }
}
