package dev.blacksky.core.whatsapp;

import com.google.common.util.concurrent.Uninterruptibles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a message wait for its own stanza (and its LID-to-phone attributes), which Cobalt reads on another
 * thread it starts before decrypting; bounded, for a message that came without one.
 */
final class MessageStanzas {

    private static final int CAPACITY = 10_000;

    private final Map<String, CompletableFuture<Void>> read = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
            return size() > CAPACITY;
        }
    };
    private final AtomicInteger waiting = new AtomicInteger();

    /** The stanza of message {@code id} has been read (and learnt from). */
    void arrived(String id) {
        future(id).complete(null);
    }

    /** Waits at most {@code max} for the stanza of message {@code id}; true if it has been read. */
    boolean await(String id, Duration max) {
        CompletableFuture<Void> stanza = future(id);
        if (stanza.isDone()) {
            return true;
        }
        waiting.incrementAndGet();
        try {
            Uninterruptibles.getUninterruptibly(stanza, max.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Message events waiting right now, for tests. */
    int waiting() {
        return waiting.get();
    }

    private CompletableFuture<Void> future(String id) {
        synchronized (read) {
            return read.computeIfAbsent(id, key -> new CompletableFuture<>());
        }
    }
}
