package dev.blacksky.core.session;

import dev.blacksky.core.schedule.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flushes live sessions on a timer and at shutdown, never overlapping: the lock must not go while one writes. */
public final class SessionFlusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionFlusher.class);

    private final TimeSource time;
    private final Duration every;
    private final List<Runnable> flushes = new CopyOnWriteArrayList<>();
    // A lock rather than synchronized: the timer runs flushes on virtual threads, and a flush writes files.
    private final ReentrantLock lock = new ReentrantLock();
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

    public void start() {
        lock.lock();
        try {
            running = true;
            schedule();
        } finally {
            lock.unlock();
        }
    }

    private void schedule() {
        next = time.schedule(every, () -> {
            lock.lock();
            try {
                if (running) {
                    flushAll();
                    schedule();
                }
            } finally {
                lock.unlock();
            }
        });
    }

    /** Flushes every registered session now, after any flush in progress; one failing flush does not stop the others. */
    public void flushAll() {
        lock.lock();
        try {
            for (Runnable flush : flushes) {
                try {
                    flush.run();
                } catch (RuntimeException e) {
                    log.error("Flushing a session failed; the files on disk are the previous ones", e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the timer and flushes one last time, after a flush in progress; afterwards no flush runs. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            if (next != null) {
                next.cancel();
            }
            flushAll();
        } finally {
            lock.unlock();
        }
    }
}
