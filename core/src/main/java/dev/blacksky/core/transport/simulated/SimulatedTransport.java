package dev.blacksky.core.transport.simulated;

import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.LocalGroups;
import dev.blacksky.core.transport.LocalMedia;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** An in-memory transport: {@link #deliver} plays a message in, {@link #sent()} shows what came out. */
public final class SimulatedTransport implements Transport {

    private final Set<UserId> implicitOwners;
    // Appends are O(1); readers take a copy. (A copy-on-write list made every send copy all earlier ones.)
    private final List<SentMessage> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<SentReaction> reactions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<SentAction> actions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final LocalGroups groups = new LocalGroups(UserId.of("blacksky"));
    private final List<Consumer<SentMessage>> sendListeners = new CopyOnWriteArrayList<>();
    private final List<String> attempts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final AtomicLong sequence = new AtomicLong();
    private volatile InboundSink sink;
    private volatile boolean failSends;
    private volatile boolean journaled;
    private volatile Function<SentMessage, CompletionStage<Void>> network;

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

    /**
     * Plays a message in as the network does: the stage completes once the bot has taken it for good (journaled, on
     * a durable transport), when a network would be told it may forget it.
     */
    public CompletionStage<Void> receive(Inbound inbound) {
        InboundSink current = sink;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the simulated transport is not started"));
        }
        return current.accept(inbound);
    }

    /**
     * Sends go through {@code network} from now on, succeeding when the stage it returns does (a rehearsal server's
     * link); without one, every send succeeds at once.
     */
    public void network(Function<SentMessage, CompletionStage<Void>> network) {
        this.network = network;
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

    /** Sends a text message under a new id, as a plugin-less caller would. */
    public CompletionStage<String> send(ChatId chat, String text) {
        return send(chat, OutgoingMessage.text(text), "sim-" + sequence.incrementAndGet());
    }

    @Override
    public CompletionStage<String> send(ChatId chat, OutgoingMessage outgoing, String messageId) {
        attempts.add(messageId);
        if (failSends) {
            return CompletableFuture.failedFuture(new IllegalStateException("simulated send failure"));
        }
        byte[] bytes = null;
        if (outgoing.media().isPresent()) {
            try {
                Path copy = Files.createTempFile("blacksky-sim", ".media");
                outgoing.media().get().copyTo(copy);
                bytes = Files.readAllBytes(copy);
                Files.delete(copy);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        SentMessage message = new SentMessage(chat, outgoing.text(), messageId, outgoing, bytes);
        Function<SentMessage, CompletionStage<Void>> through = network;
        if (through != null) {
            return through.apply(message).thenApply(ignored -> recorded(message));
        }
        return CompletableFuture.completedFuture(recorded(message));
    }

    private String recorded(SentMessage message) {
        sent.add(message);
        for (Consumer<SentMessage> listener : sendListeners) {
            listener.accept(message);
        }
        return message.id();
    }

    @Override
    public Supplier<CompletionStage<Void>> prepare(OutboundAction action) {
        return () -> {
            if (action instanceof OutboundAction.React r) {
                reactions.add(new SentReaction(r.target(), r.emoji()));
            } else {
                actions.add(new SentAction(action));
            }
            return CompletableFuture.completedFuture(null);
        };
    }

    /** Deletions and edits sent so far, in order. */
    public List<SentAction> actions() {
        synchronized (actions) {
            return List.copyOf(actions);
        }
    }

    /** The groups this transport keeps: make them, add members and admins, read them back. */
    public LocalGroups groups() {
        return groups;
    }

    @Override
    public Optional<UserId> self() {
        return Optional.of(groups.bot());
    }

    @Override
    public CompletionStage<GroupInfo> groupInfo(ChatId group) {
        return groups.infoStage(group);
    }

    @Override
    public CompletionStage<Void> changeGroup(ChatId group, GroupChange change) {
        return groups.changeStage(group, change, Instant.now(), this::deliver);
    }

    @Override
    public CompletionStage<String> inviteLink(ChatId group) {
        return groups.inviteLinkStage(group);
    }

    @Override
    public CompletionStage<Void> download(Message message, Path target, long maxBytes) {
        return LocalMedia.copy(message, target, maxBytes);
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
