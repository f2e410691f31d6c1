package dev.blacksky.core.inbound;

import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.AccountMovedException;
import dev.blacksky.core.transport.Inbound;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals messages on a thread of its own, all that arrived meanwhile in one transaction (one fsync): a busy bot
 * pays one fsync per batch, a quiet one waits for nobody. Each message is handed on, in arrival order, only once it
 * is on disk.
 */
final class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_BATCH = 256;

    /** A message to journal; {@code onJournaled} gets its place in arrival order, or 0 for a redelivery. */
    private record Pending(Inbound inbound, LongConsumer onJournaled, CompletableFuture<Void> journaled) {
    }

    private static final Pending END = new Pending(null, seq -> { }, null);

    private final InboundJournal journal;
    private final TimeSource time;
    private final Runnable afterBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private Thread thread;
    private boolean closed;
    private volatile int pending;

    /** @param afterBatch runs after each batch was handed on (the intake wakes whoever waits for it to drain) */
    JournalWriter(InboundJournal journal, TimeSource time, Runnable afterBatch) {
        this.journal = journal;
        this.time = time;
        this.afterBatch = afterBatch;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name("journal-writer").daemon().start(this::run);
        }
    }

    /** Queues {@code inbound}; the stage completes once it is on disk, after {@code onJournaled} ran. */
    CompletableFuture<Void> record(Inbound inbound, LongConsumer onJournaled) {
        CompletableFuture<Void> journaled = new CompletableFuture<>();
        synchronized (this) {
            if (thread == null || closed) {
                journaled.completeExceptionally(new IllegalStateException("the inbound journal is closed"));
                return journaled;
            }
            pending++;
            queue.add(new Pending(inbound, onJournaled, journaled));
        }
        return journaled;
    }

    /** Messages queued and not yet handed on. */
    int pending() {
        return pending;
    }

    /** Journals what is queued, then stops the thread; later messages are refused. */
    void close() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
            if (running == null || closed) {
                return;
            }
            closed = true;
            queue.add(END);
        }
        running.join();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (true) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean end = batch.remove(END);
                if (!batch.isEmpty()) {
                    write(batch);
                }
                if (end) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Pending> batch) {
        List<Inbound> inbounds = new ArrayList<>(batch.size());
        batch.forEach(p -> inbounds.add(p.inbound()));
        long[] seqs;
        try {
            seqs = journal.recordAll(inbounds, time.clock().instant());
        } catch (RuntimeException e) {
            // Not on disk, so not taken: the transport does not acknowledge these and the network delivers them again.
            if (e instanceof AccountMovedException) { // to the account's new owner
                log.warn("{} messages not journaled, nor acknowledged: {}", batch.size(), e.getMessage());
            } else {
                log.error("Could not journal {} messages; they are not acknowledged", batch.size(), e);
            }
            batch.forEach(p -> p.journaled().completeExceptionally(e));
            done(batch.size());
            return;
        }
        for (int i = 0; i < seqs.length; i++) {
            Pending p = batch.get(i);
            try {
                p.onJournaled().accept(seqs[i]);
            } catch (RuntimeException e) {
                log.error("Handing on journaled message {} failed; it is handled at the next start",
                        p.inbound().message().id(), e);
            }
            p.journaled().complete(null);
        }
        done(batch.size());
    }

    private void done(int count) {
        synchronized (this) {
            pending -= count;
        }
        afterBatch.run();
    }
}
