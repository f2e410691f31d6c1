package dev.blacksky.core.transport.simulated;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.Transport;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** An in-memory transport: {@link #deliver} plays a message in, {@link #sent()} shows what came out. */
public final class SimulatedTransport implements Transport {

    private final Set<UserId> implicitOwners;
    // Appends are O(1); readers take a copy. (A copy-on-write list made every send copy all earlier ones.)
    private final List<SentMessage> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<SentReaction> reactions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<Consumer<SentMessage>> sendListeners = new CopyOnWriteArrayList<>();
    private final List<String> attempts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final AtomicLong sequence = new AtomicLong();
    private volatile InboundSink sink;
    private volatile boolean failSends;
    private volatile boolean journaled;

    public SimulatedTransport() {
        this(Set.of());
    }

    public SimulatedTransport(Set<UserId> implicitOwners) {
        this.implicitOwners = Set.copyOf(implicitOwners);
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void start(InboundSink sink) {
        this.sink = sink;
    }

    /** Plays a message in as if it arrived from the network. */
    public void deliver(Inbound inbound) {
        InboundSink current = sink;
        if (current == null) {
            throw new IllegalStateException("the simulated transport is not started");
        }
        current.accept(inbound);
    }

    /** Plays in an event other than a message, such as a member joining a group. */
    public void deliver(dev.blacksky.api.event.BotEvent event) {
        InboundSink current = sink;
        if (current == null) {
            throw new IllegalStateException("the simulated transport is not started");
        }
        current.event(event);
    }

    /** Behaves as a network transport: inbound journaled, sends through the outbox (set before the host starts). */
    public SimulatedTransport durable(boolean durable) {
        this.journaled = durable;
        return this;
    }

    @Override
    public boolean durable() {
        return journaled;
    }

    /** Makes every following send fail (true) or succeed again (false). */
    public void failSends(boolean fail) {
        this.failSends = fail;
    }

    /** Calls {@code listener} for every message sent from now on, on the sending thread. */
    public void onSend(Consumer<SentMessage> listener) {
        sendListeners.add(listener);
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        return send(chat, text, "sim-" + sequence.incrementAndGet());
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text, String messageId) {
        attempts.add(messageId);
        if (failSends) {
            return CompletableFuture.failedFuture(new IllegalStateException("simulated send failure"));
        }
        SentMessage message = new SentMessage(chat, text, messageId);
        sent.add(message);
        for (Consumer<SentMessage> listener : sendListeners) {
            listener.accept(message);
        }
        return CompletableFuture.completedFuture(message.id());
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        reactions.add(new SentReaction(target, emoji));
        return CompletableFuture.completedFuture(null);
    }

    public List<SentMessage> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The message ids of every send attempt, failed ones included, in order. */
    public List<String> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    public List<SentReaction> reactions() {
        synchronized (reactions) {
            return List.copyOf(reactions);
        }
    }

    @Override
    public void stop() {
        sink = null;
    }

    @Override
    public Set<UserId> implicitOwners() {
        return implicitOwners;
    }
}
