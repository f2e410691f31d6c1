package dev.blacksky.core.dispatch;

import java.util.concurrent.atomic.AtomicLong;

/** What dispatch did; read by status and diagnostics. */
public final class DispatchMetrics {

    final AtomicLong received = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong commands = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();

    /** A snapshot of the counters. */
    public record Snapshot(long received, long droppedBanned, long duplicates, long commands, long failures, long timeouts) {
    }

    public Snapshot snapshot() {
        return new Snapshot(received.get(), dropped.get(), duplicates.get(), commands.get(), failures.get(), timeouts.get());
    }
}
