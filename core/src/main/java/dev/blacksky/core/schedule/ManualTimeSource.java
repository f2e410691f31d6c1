package dev.blacksky.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when told to: {@link #advance} runs every task that falls due, in order, on the
 * calling thread. For tests, the testkit and rehearsals: cooldowns and reminders without waiting.
 */
public final class ManualTimeSource implements TimeSource {

    private final Object lock = new Object();
    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Instant now;

    public ManualTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    public Instant now() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Due due = new Due(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence.incrementAndGet(), task);
        synchronized (lock) {
            queue.add(due);
        }
        return () -> due.cancelled.compareAndSet(false, true);
    }

    /** Moves time forward, running each task when its time comes; tasks scheduled meanwhile run too if due. */
    public void advance(Duration duration) {
        Instant target = now.plus(duration);
        while (true) {
            Due next;
            synchronized (lock) {
                next = queue.peek();
                if (next == null || next.at.isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (next.at.isAfter(now)) {
                now = next.at;
            }
            if (next.cancelled.compareAndSet(false, true)) {
                next.task.run();
            }
        }
        now = target;
    }

    /** Tasks waiting to run (not cancelled). */
    public int pending() {
        synchronized (lock) {
            return (int) queue.stream().filter(d -> !d.cancelled.get()).count();
        }
    }

    private record Due(Instant at, long order, Runnable task, AtomicBoolean cancelled) implements Comparable<Due> {
        Due(Instant at, long order, Runnable task) {
            this(at, order, task, new AtomicBoolean());
        }

        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
