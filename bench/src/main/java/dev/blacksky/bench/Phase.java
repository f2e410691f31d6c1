package dev.blacksky.bench;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.transport.Inbound;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One phase of the workload (warm-up or measured): feeds messages {@code base .. base+count-1} through a window
 * of in-flight slots, matches each reply to its message, and keeps t0, completion and reply times.
 *
 * <p>A message is done when both its completion signal and, if it expects one, its reply have arrived; only
 * then is its slot given back. Replies are matched per chat in order: the host handles a chat's messages one
 * after another, so the k-th reply in chat u belongs to the k-th reply-expecting message from user u.
 */
final class Phase {

    private static final int MAX_PROBLEMS_KEPT = 20;

    private final String name;
    private final Workload workload;
    private final long base;
    private final int count;
    private final int windowSize;
    private final Semaphore window;
    private final long[] sentAt;
    private final long[] completedAt;
    private final long[] repliedAt;
    private final AtomicIntegerArray pending; // events still awaited: the completion, plus the reply if expected
    private final int[][] expectedByChat; // per chat: the offsets of messages that expect a reply, in order
    private final AtomicIntegerArray nextReply = new AtomicIntegerArray(Workload.USERS);
    private final int expectedReplies;
    private final AtomicInteger replies = new AtomicInteger();
    private final AtomicInteger unexpectedReplies = new AtomicInteger();
    private final AtomicInteger problemCount = new AtomicInteger();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    Phase(String name, Workload workload, long base, int count, int windowSize) {
        this.name = name;
        this.workload = workload;
        this.base = base;
        this.count = count;
        this.windowSize = windowSize;
        this.window = new Semaphore(windowSize);
        this.sentAt = new long[count];
        this.completedAt = new long[count];
        this.repliedAt = new long[count];
        this.pending = new AtomicIntegerArray(count);
        int[] perChat = new int[Workload.USERS];
        int total = 0;
        for (int k = 0; k < count; k++) {
            boolean reply = Workload.expectsReply(base + k);
            pending.set(k, reply ? 2 : 1);
            if (reply) {
                perChat[Workload.user(base + k)]++;
                total++;
            }
        }
        this.expectedReplies = total;
        this.expectedByChat = new int[Workload.USERS][];
        for (int u = 0; u < Workload.USERS; u++) {
            expectedByChat[u] = new int[perChat[u]];
            perChat[u] = 0;
        }
        for (int k = 0; k < count; k++) {
            if (Workload.expectsReply(base + k)) {
                int u = Workload.user(base + k);
                expectedByChat[u][perChat[u]++] = k;
            }
        }
    }

    String name() {
        return name;
    }

    // Whether every message of the phase is built before the first is handed over (the default), or each just
    // before its own hand-over. The workload measures the framework from where the transport hands a message
    // over; built in the loop, the harness's string formatting shares the two cores with the framework and
    // the JIT, and its own compilation (and deoptimisation when the phase's numbers change length) shows in
    // the framework's throughput. Built ahead, each message is colder in cache when handed over, which costs
    // the framework a little (about 0.2 us of serial p50).
    private static final boolean PREBUILD = Boolean.parseBoolean(System.getProperty("bench.prebuild", "true"));

    /** Feeds every message and returns once all are done; throws if one is not done within {@code stallNanos}. */
    void run(Dispatcher dispatcher, long stallNanos) throws InterruptedException, StalledException {
        Inbound[] built = PREBUILD ? new Inbound[count] : null;
        for (int k = 0; built != null && k < count; k++) {
            built[k] = inbound(k);
        }
        for (int k = 0; k < count; k++) {
            Inbound inbound = built == null ? inbound(k) : built[k];
            if (built != null) {
                built[k] = null; // the framework may keep what it needs; the harness keeps nothing
            }
            if (!acquire(stallNanos)) {
                throw stalled(stallNanos);
            }
            int offset = k;
            sentAt[k] = System.nanoTime();
            try {
                dispatcher.dispatch(inbound).whenComplete((ignored, error) -> completed(offset, error));
            } catch (RuntimeException e) {
                problem("message " + (base + k) + ": dispatch threw " + e);
                completed(offset, null);
            }
        }
        if (!window.tryAcquire(windowSize, stallNanos, TimeUnit.NANOSECONDS)) {
            throw stalled(stallNanos);
        }
        window.release(windowSize);
    }

    private Inbound inbound(int k) {
        return new Inbound(workload.message(base + k), false);
    }

    // The feeder polls for a free slot this long before it blocks: a transport hands messages over without
    // waiting for the framework, so the harness should not charge the framework's threads a wake-up of the
    // feeder per message. 0 blocks at once (then every completion unparks the feeder).
    private static final long SPIN_NANOS = Long.getLong("bench.feederSpinNanos", 0L);

    private boolean acquire(long stallNanos) throws InterruptedException {
        if (SPIN_NANOS > 0) {
            long until = System.nanoTime() + SPIN_NANOS;
            do {
                if (window.tryAcquire()) {
                    return true;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - until < 0);
        }
        return window.tryAcquire(stallNanos, TimeUnit.NANOSECONDS);
    }

    private void completed(int k, Throwable error) {
        completedAt[k] = System.nanoTime();
        if (error != null) {
            problem("message " + (base + k) + ": its completion signal failed: " + error);
        }
        event(k);
    }

    /** The sink: called on the sending thread for every message the bot sends during this phase. */
    void replied(ChatId chat, String text) {
        long now = System.nanoTime();
        int u = workload.chatIndex(chat);
        int position = u < 0 ? Integer.MAX_VALUE : nextReply.getAndIncrement(u);
        if (u < 0 || position >= expectedByChat[u].length) {
            unexpectedReplies.incrementAndGet();
            problem("unexpected reply in chat " + chat + ": '" + text + "'");
            return;
        }
        int k = expectedByChat[u][position];
        repliedAt[k] = now;
        replies.incrementAndGet();
        long i = base + k;
        if (Workload.sampled(i) && !text.equals(workload.expectedReply(i))) {
            problem("message " + i + " ('" + workload.text(i) + "') got '" + text + "', expected '"
                    + workload.expectedReply(i) + "'");
        }
        event(k);
    }

    private void event(int k) {
        if (pending.decrementAndGet(k) == 0) {
            window.release();
        }
    }

    private void problem(String description) {
        if (problemCount.incrementAndGet() <= MAX_PROBLEMS_KEPT) {
            problems.add(description);
        }
    }

    private StalledException stalled(long stallNanos) {
        List<String> stuck = new ArrayList<>();
        for (int k = 0; k < count && stuck.size() < 5; k++) {
            if (sentAt[k] != 0 && pending.get(k) > 0) {
                long i = base + k;
                stuck.add("message " + i + " '" + workload.text(i) + "': "
                        + (completedAt[k] == 0 ? "no completion signal" : "completed, but no reply arrived"));
            }
        }
        return new StalledException(name + ": a message was not done within " + stallNanos / 1_000_000_000 + " s ("
                + replies.get() + " replies so far). Stuck: " + stuck + (problems.isEmpty() ? "" : "; problems: " + problems));
    }

    /**
     * Throughput per window of {@code size} consecutive messages (thousands of msg/s, from hand-over to
     * hand-over): shows how a run warms up, e.g. while the JIT is still compiling the message path.
     */
    String windows(int size) {
        StringBuilder line = new StringBuilder();
        for (int w = 0; w + size <= count; w += size) {
            long nanos = sentAt[w + size - 1] - sentAt[w];
            line.append(line.isEmpty() ? "" : " ").append(nanos <= 0 ? "-" : Long.toString(size * 1_000_000L / nanos));
        }
        return line.toString();
    }

    /** The phase's numbers; call after {@link #run} returned. */
    Result result() {
        long[] replyNanos = new long[count];
        long[] doneNanos = new long[count];
        int replied = 0;
        long lastDone = Long.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            long done = completedAt[k];
            if (repliedAt[k] != 0) {
                replyNanos[replied++] = repliedAt[k] - sentAt[k];
                done = Math.max(done, repliedAt[k]);
            }
            doneNanos[k] = done - sentAt[k];
            lastDone = Math.max(lastDone, done);
        }
        List<String> reasons = new ArrayList<>(problems);
        if (problemCount.get() > MAX_PROBLEMS_KEPT) {
            reasons.add("... and " + (problemCount.get() - MAX_PROBLEMS_KEPT) + " more problems");
        }
        if (replies.get() != expectedReplies) {
            reasons.add(0, "matched " + replies.get() + " replies, expected exactly " + expectedReplies);
        }
        if (unexpectedReplies.get() > 0) {
            reasons.add(0, unexpectedReplies.get() + " unexpected (extra or duplicated) replies");
        }
        double seconds = count == 0 ? Double.NaN : (lastDone - sentAt[0]) / 1e9;
        return new Result(name, count, expectedReplies, replies.get(), unexpectedReplies.get(), reasons, count / seconds,
                Latency.of(replyNanos, replied), Latency.of(doneNanos, count));
    }

    /** A phase's outcome: valid when there is no reason to doubt it. */
    record Result(String phase, int messages, int expectedReplies, int replies, int unexpectedReplies,
                  List<String> problems, double msgsPerSec, Latency reply, Latency dispatch) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A message was never done: a reply or a completion signal got lost. */
    static final class StalledException extends Exception {
        StalledException(String message) {
            super(message);
        }
    }
}
