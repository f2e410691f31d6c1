package dev.blacksky.core.dispatch;

import java.util.concurrent.atomic.LongAdder;

/** What dispatch did, counted without contention; read by status and diagnostics. */
public final class DispatchMetrics {

    final LongAdder received = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder commands = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder timeouts = new LongAdder();

    /** A snapshot of the counters. */
    public record Snapshot(long received, long droppedBanned, long duplicates, long commands, long failures, long timeouts) {
    }

    public Snapshot snapshot() {
        return new Snapshot(received.sum(), dropped.sum(), duplicates.sum(), commands.sum(), failures.sum(), timeouts.sum());
    }
}
