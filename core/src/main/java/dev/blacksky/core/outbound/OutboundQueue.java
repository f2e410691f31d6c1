package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends in order per chat while connected, at the governor's pace; chats take turns, replies before
 * broadcasts, so a long broadcast delays no one else's answer. Failures retry under the same id.
 */
final class OutboundQueue {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    /** A queued send: a message (persisted when there is an outbox) or a prepared action (kept in memory). */
    private record Entry(OutboxItem item, CompletableFuture<String> sent, Supplier<CompletionStage<Void>> action,
                         String description) {

        boolean persisted() {
            return action == null;
        }

        Entry retried(OutboxItem later) {
            return new Entry(later, sent, action, description);
        }
    }

    private final Transport transport;
    private final TimeSource time;
    private final SendGovernor governor;
    private final Outbox outbox;
    private final MediaSpool spool;
    private final OutboxSettings retries;
    private final java.util.function.BooleanSupplier permitted;
    // Each chat's sends in order; the chats in turn order: the one that sent last is at the end.
    private final Map<ChatId, ArrayDeque<Entry>> chats = new LinkedHashMap<>();
    private final Set<ChatId> inFlight = new HashSet<>();
    private int queued;
    private final Set<String> paced = new HashSet<>(); // sends the governor held back, counted once each
    private final LongAdder sentCount = new LongAdder();
    private final LongAdder pacedCount = new LongAdder();
    // Until the link is up nothing is sent: an attempt while offline would only burn one of max-attempts.
    private boolean connected;
    private TimeSource.Cancellable wakeUp;
    // Hands messages to the transport once the outbox has them on disk; one thread, made at start on the host's.
    private final java.util.concurrent.ThreadPoolExecutor drainer = new java.util.concurrent.ThreadPoolExecutor(1, 1,
            30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
            Thread.ofPlatform().name("outbox-send").daemon().factory());

    /**
     * {@code governor} and {@code outbox} may each be null: no pacing, resp. nothing persisted. {@code permitted}
     * says whether sending is allowed now (in a cluster: the account's lease is valid).
     */
    OutboundQueue(Transport transport, TimeSource time, SendGovernor governor, Outbox outbox, MediaSpool spool,
                  OutboxSettings retries, java.util.function.BooleanSupplier permitted) {
        this.permitted = permitted;
        this.transport = transport;
        this.time = time;
        this.governor = governor;
        this.outbox = outbox;
        this.spool = spool;
        this.retries = retries;
    }

    /** Takes up what the outbox still holds from the last run. */
    void start() {
        drainer.prestartCoreThread();
        if (outbox == null) {
            spool.keepOnly(Set.of()); // nothing outlives a run without an outbox
            return;
        }
        outbox.open();
        List<OutboxItem> pending = outbox.pending();
        // Media whose message never reached the outbox (the process died between the two) is dropped.
        Set<String> kept = new HashSet<>();
        pending.forEach(item -> kept.add(item.id()));
        outbox.dead().forEach(item -> kept.add(item.id()));
        spool.keepOnly(kept);
        if (!pending.isEmpty()) {
            log.info("{} messages from the last run are still to be sent; sending them when connected", pending.size());
        }
        synchronized (this) {
            pending.forEach(item -> enqueue(new Entry(item, new CompletableFuture<>(), null, "message"), false));
        }
        drain();
    }

    /** Queues a message; its media first waits in the spool, so that neither memory nor the outbox holds it. */
    CompletableFuture<String> send(ChatId chat, OutgoingMessage message, Origin origin) {
        Instant now = time.clock().instant();
        String id = MessageIds.forSend();
        OutgoingMessage held = spool.hold(id, message);
        CompletableFuture<String> sent = new CompletableFuture<>();
        if (outbox == null) {
            synchronized (this) {
                enqueue(new Entry(new OutboxItem(0, id, chat, held, origin, 0, now), sent, null, "message"), false);
            }
            drain();
            return sent;
        }
        // Queued once on disk, in the order sent, together with the other writes of the moment (one fsync): the
        // caller does not wait for the disk, and a crash before that loses nothing its journaled message would not
        // produce again.
        outbox.add(id, chat, held, origin, now).whenComplete((item, error) -> {
            if (error != null) {
                spool.release(id);
                sent.completeExceptionally(error);
                return;
            }
            if (item == null) { // an earlier run of this command put it in the outbox: it goes out from there
                log.debug("Message {} is already in the outbox from an earlier run of its command", id);
                sent.complete(id);
                return;
            }
            synchronized (this) {
                enqueue(new Entry(item, sent, null, "message"), false);
            }
            drainSoon();
        });
        return sent;
    }

    /**
     * Queues an action (a reaction, a deletion, an edit) in order with its chat's messages, paced and retried
     * but not persisted (its target does not outlive the process); what it needs of the target is captured now.
     */
    CompletableFuture<Void> act(OutboundAction action, Origin origin) {
        Instant now = time.clock().instant();
        OutboxItem item = new OutboxItem(0, MessageIds.next(), action.chat(), OutgoingMessage.text("-"), origin, 0, now);
        CompletableFuture<String> sent = new CompletableFuture<>();
        Supplier<CompletionStage<Void>> prepared = transport.prepare(action);
        Entry entry = new Entry(item, sent, prepared, action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        if (outbox == null) {
            synchronized (this) {
                enqueue(entry, false);
            }
            drain();
        } else {
            outbox.after().whenComplete((ignored, error) -> { // behind the chat's messages still being written
                synchronized (this) {
                    enqueue(entry, false);
                }
                drainSoon();
            });
        }
        return sent.thenApply(id -> null);
    }

    // Called where the database's connection is held: the transport is called from another thread.
    private void drainSoon() {
        try {
            drainer.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            log.debug("Not sending now: the outbox is stopping; the message waits for the next start");
        }
    }

    // Under the lock. A retry goes back to the front of its chat's line: it is older than what waits behind it.
    private void enqueue(Entry entry, boolean first) {
        ArrayDeque<Entry> line = chats.computeIfAbsent(entry.item().chat(), c -> new ArrayDeque<>());
        if (first) {
            line.addFirst(entry);
        } else {
            line.addLast(entry);
        }
        queued++;
        notifyAll();
    }

    // Picks what may go now under the lock, then hands it to the transport outside it (a transport may
    // complete at once, and completion takes the lock again).
    private void drain() {
        List<Entry> ready = new ArrayList<>();
        synchronized (this) {
            if (!connected) {
                return;
            }
            Instant now = time.clock().instant();
            Duration soonest = null;
            for (boolean replies : new boolean[] {true, false}) {
                for (ChatId chat : new ArrayList<>(chats.keySet())) {
                    ArrayDeque<Entry> line = chats.get(chat);
                    if (line == null || inFlight.contains(chat) || line.peekFirst().item().origin().reply() != replies) {
                        continue;
                    }
                    Entry head = line.peekFirst();
                    Duration wait = Duration.between(now, head.item().notBefore());
                    if (governor != null) {
                        Duration pace = governor.delay(chat, head.item().origin(), now);
                        if (pace.isPositive() && paced.add(head.item().id())) {
                            pacedCount.increment();
                        }
                        wait = pace.compareTo(wait) > 0 ? pace : wait;
                    }
                    if (wait.isNegative() || wait.isZero()) {
                        line.pollFirst();
                        queued--;
                        paced.remove(head.item().id());
                        chats.remove(chat); // to the back of the turn order, if it has more to send
                        if (!line.isEmpty()) {
                            chats.put(chat, line);
                        }
                        inFlight.add(chat);
                        if (governor != null) {
                            governor.sent(chat, head.item().origin(), now);
                        }
                        ready.add(head);
                    } else {
                        soonest = soonest == null || wait.compareTo(soonest) < 0 ? wait : soonest;
                    }
                }
            }
            if (wakeUp != null) {
                wakeUp.cancel();
                wakeUp = null;
            }
            if (soonest != null) {
                wakeUp = time.schedule(soonest, this::drain);
            }
        }
        for (Entry entry : ready) {
            OutboxItem item = entry.item();
            if (!permitted.getAsBoolean()) {
                // The lease ran out (a node waking from a pause): the account stops here, and what it did not send
                // waits in the outbox for its next owner. Checked last, just before the send, as nothing else is.
                log.info("Not sending {} to {}: this node no longer holds the account's lease", item.id(), item.chat());
                synchronized (this) {
                    enqueue(entry, true);
                    inFlight.remove(item.chat());
                }
                continue;
            }
            CompletableFuture<String> attempt;
            try {
                attempt = entry.persisted() ? transport.send(item.chat(), item.message(), item.id()).toCompletableFuture()
                        : entry.action().get().thenApply(done -> item.id()).toCompletableFuture();
            } catch (RuntimeException e) {
                attempt = CompletableFuture.failedFuture(e);
            }
            attempt.whenComplete((id, error) -> completed(entry, error));
        }
    }

    // The outbox is written outside the queue's lock: the database may be busy (a plugin's store, the
    // journal), and nothing else should wait on it while holding this queue. The chat stays in flight until
    // the outcome is recorded, so its next message cannot overtake.
    private void completed(Entry entry, Throwable error) {
        OutboxItem item = entry.item();
        try {
            Outbox outbox = entry.persisted() ? this.outbox : null;
            Throwable cause = unwrap(error);
            if (error == null) {
                if (outbox != null) {
                    // Its media stays until the removal is on disk: a crash before that sends the message again.
                    outbox.delivered(item).thenRun(() -> spool.release(item.id()));
                } else if (entry.persisted()) {
                    spool.release(item.id());
                }
                sentCount.increment();
                entry.sent().complete(item.id());
            } else if (!entry.persisted() && cause instanceof IllegalArgumentException) {
                log.warn("The {} in {} cannot be sent: {}", entry.description(), item.chat(), cause.getMessage());
                entry.sent().completeExceptionally(cause);
            } else if (item.attempts() + 1 >= retries.maxAttempts()) {
                if (outbox != null) {
                    outbox.dead(item, error.toString());
                }
                log.warn("Giving up on {} {} to {} after {} attempts (last: {}); {}", entry.description(),
                        item.id(), item.chat(), item.attempts() + 1, error.toString(),
                        entry.persisted() ? "it stays in the outbox, marked dead" : "such actions are not kept");
                entry.sent().completeExceptionally(error);
            } else {
                OutboxItem later = item.retried(time.clock().instant().plus(retries.retryAfter(item.attempts() + 1)));
                if (outbox != null) {
                    outbox.retryLater(later, error.toString());
                }
                log.debug("Send of {} to {} failed ({}); retrying at {}", item.id(), item.chat(), error, later.notBefore());
                synchronized (this) {
                    enqueue(entry.retried(later), true);
                }
            }
        } catch (RuntimeException e) {
            log.error("Recording the outcome of message {} failed; it is sent again later", item.id(), e);
            synchronized (this) {
                enqueue(entry, true);
            }
        } finally {
            synchronized (this) {
                inFlight.remove(item.chat());
                notifyAll();
            }
        }
        drain();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** The connection came (back): what waited goes now, at the ramped-down pace. */
    void connected() {
        synchronized (this) {
            connected = true;
            if (governor != null) {
                governor.connected(time.clock().instant());
            }
        }
        drain();
    }

    synchronized void disconnected() {
        connected = false;
    }

    /** Messages queued or in flight. */
    synchronized int size() {
        return queued + inFlight.size();
    }

    /** Waits until nothing is queued or in flight, at most until {@code deadline} (System.nanoTime); returns what is left. */
    synchronized int awaitSent(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); size() > 0 && left > 0; left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        return size();
    }

    /** A plugin's broadcasts sent in the last hour and day, and its sends still queued. */
    synchronized Usage usage(String pluginId) {
        int[] sent = governor == null ? new int[] {0, 0} : governor.broadcasts(pluginId, time.clock().instant());
        long waiting = chats.values().stream().flatMap(ArrayDeque::stream)
                .filter(e -> e.item().origin().pluginId().equals(pluginId)).count();
        return new Usage(sent[0], sent[1], (int) waiting);
    }

    /** What a plugin's sends amount to. */
    record Usage(int broadcastsLastHour, int broadcastsLastDay, int queued) {
    }

    /** Sends the transport accepted since start. */
    long sentCount() {
        return sentCount.sum();
    }

    /** Sends the governor held back since start, each counted once. */
    long pacedCount() {
        return pacedCount.sum();
    }

    /** Takes a dead letter back into the queue with fresh attempts; false if there is none with that id. */
    boolean retryDead(String id) {
        if (outbox == null) {
            return false;
        }
        Optional<OutboxItem> revived = outbox.revive(id, time.clock().instant());
        revived.ifPresent(item -> {
            synchronized (this) {
                enqueue(new Entry(item, new CompletableFuture<>(), null, "message"), false);
            }
            drain();
        });
        return revived.isPresent();
    }

    /** Deletes a dead letter and its media for good; false if there is none with that id. */
    boolean discardDead(String id) {
        if (outbox == null || !outbox.discard(id)) {
            return false;
        }
        spool.release(id);
        return true;
    }

    /** What is queued now, chat by chat (in flight not included). */
    synchronized List<OutboxItem> queuedItems() {
        return chats.values().stream().flatMap(ArrayDeque::stream).filter(Entry::persisted).map(Entry::item).toList();
    }

    Map<String, String> deadErrors() {
        return outbox == null ? Map.of() : outbox.deadErrors();
    }

    List<OutboxItem> deadLetters() {
        return outbox == null ? List.of() : outbox.dead();
    }
}
