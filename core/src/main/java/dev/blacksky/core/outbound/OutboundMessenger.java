package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The one path behind every send, so no plugin can bypass the outbox and the pace WhatsApp tolerates. */
@Singleton
public final class OutboundMessenger implements Messenger {

    /** Moves a send's completion elsewhere, such as onto a plugin's own threads. */
    public interface HandOff {
        <T> CompletionStage<T> apply(CompletionStage<T> stage);
    }

    private final Transport transport;
    private final MediaSettings media;
    private final OutboundQueue queue;

    public OutboundMessenger(Transport transport, TimeSource time, GovernorSettings governor, OutboxSettings outbox,
                             MediaSettings media, Storage storage) {
        this(transport, time, governor, outbox, media, storage, account -> true);
    }

    /** @param permits in a cluster, whether the account's lease is valid: nothing is sent while it is not */
    @Inject
    public OutboundMessenger(Transport transport, TimeSource time, GovernorSettings governor, OutboxSettings outbox,
                             MediaSettings media, Storage storage, SendPermits permits) {
        this.transport = transport;
        this.media = media;
        boolean governed = governor.transports().contains(transport.name());
        this.queue = governed || transport.durable()
                ? new OutboundQueue(transport, time, governed ? new SendGovernor(governor, time.clock().instant()) : null,
                        transport.durable() ? new Outbox(() -> storage.forAccount(outbox.account()), outbox.account(), media.spool()) : null,
                        new MediaSpool(media.spool()), outbox, () -> permits.allows(outbox.account()))
                : null;
    }

    /** Takes up what the outbox holds from the last run; after the store has opened. Nothing goes out before {@link #connected()}. */
    public void start() {
        if (queue != null) {
            queue.start();
        }
    }

    /** The messenger for sends from {@code origin}: a command's replies, or a plugin's broadcasts. */
    public Messenger as(Origin origin) {
        return as(origin, new HandOff() {
            @Override
            public <T> CompletionStage<T> apply(CompletionStage<T> stage) {
                return stage;
            }
        });
    }

    /** The messenger for sends from {@code origin}, whose stages complete through {@code handOff}. */
    public Messenger as(Origin origin, HandOff handOff) {
        return new Messenger() {
            @Override
            public CompletionStage<String> send(ChatId chat, String text) {
                return handOff.apply(OutboundMessenger.this.send(chat, OutgoingMessage.text(text), origin));
            }

            @Override
            public CompletionStage<String> send(ChatId chat, OutgoingMessage message) {
                return handOff.apply(OutboundMessenger.this.send(chat, message, origin));
            }

            @Override
            public CompletionStage<Void> delete(Message message) {
                return handOff.apply(act(new OutboundAction.Delete(message), origin));
            }

            @Override
            public CompletionStage<Void> deleteSent(ChatId chat, String sentId) {
                return handOff.apply(act(new OutboundAction.DeleteSent(chat, sentId), origin));
            }

            @Override
            public CompletionStage<Void> edit(ChatId chat, String sentId, String text) {
                return handOff.apply(act(new OutboundAction.Edit(chat, sentId, text), origin));
            }

            @Override
            public CompletionStage<Void> react(Message target, String emoji) {
                return handOff.apply(act(new OutboundAction.React(target, emoji), origin));
            }
        };
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        return send(chat, OutgoingMessage.text(text), Origin.HOST);
    }

    @Override
    public CompletionStage<String> send(ChatId chat, OutgoingMessage message) {
        return send(chat, message, Origin.HOST);
    }

    @Override
    public CompletionStage<Void> delete(Message message) {
        return act(new OutboundAction.Delete(message), Origin.HOST);
    }

    @Override
    public CompletionStage<Void> deleteSent(ChatId chat, String sentId) {
        return act(new OutboundAction.DeleteSent(chat, sentId), Origin.HOST);
    }

    @Override
    public CompletionStage<Void> edit(ChatId chat, String sentId, String text) {
        return act(new OutboundAction.Edit(chat, sentId, text), Origin.HOST);
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        return act(new OutboundAction.React(target, emoji), Origin.HOST);
    }

    // Media is checked before anything is queued: the caller hears at once, not after the retries.
    private CompletionStage<String> send(ChatId chat, OutgoingMessage message, Origin origin) {
        message.media().ifPresent(media::check);
        if (queue != null) {
            return queue.send(chat, message, origin);
        }
        try {
            return transport.send(chat, message, MessageIds.next());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<Void> act(OutboundAction action, Origin origin) {
        if (queue != null) {
            return queue.act(action, origin); // paced and ordered like a message: no spamming reactions past the governor
        }
        try {
            return transport.prepare(action).get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The connection came (back): queued sends go, and the rate ramps up from its starting share. */
    public void connected() {
        if (queue != null) {
            queue.connected();
        }
    }

    /** The connection dropped: sends wait in the queue (and the outbox) until it is back. */
    public void disconnected() {
        if (queue != null) {
            queue.disconnected();
        }
    }

    /** Messages queued or in flight. */
    public int queued() {
        return queue == null ? 0 : queue.size();
    }

    /** Waits until every queued send went out, at most until {@code deadline} (System.nanoTime); returns how many are left. */
    public int awaitSent(long deadline) throws InterruptedException {
        return queue == null ? 0 : queue.awaitSent(deadline);
    }

    /** Whether what is still queued when the bot stops waits in an outbox for the next start. */
    public boolean keepsUnsent() {
        return transport.durable();
    }

    /** A plugin's broadcasts in the last hour and day and its queued sends, as owners see it. */
    public String usage(String pluginId) {
        if (queue == null) {
            return "not paced on this transport";
        }
        OutboundQueue.Usage usage = queue.usage(pluginId);
        return usage.broadcastsLastHour() + " broadcasts in the last hour, " + usage.broadcastsLastDay()
                + " in the last day, " + usage.queued() + " sends queued";
    }

    /** A message in the outbox as operators see it: to whom, from which plugin, how often tried, why it failed. */
    public record OutboxEntry(String id, String chat, String plugin, String text, int attempts, String lastError) {
    }

    /** What waits in the outbox (dead = false) or was given up on (dead = true), oldest first. */
    public List<OutboxEntry> outbox(boolean dead) {
        if (queue == null) {
            return List.of();
        }
        if (!dead) {
            return queue.queuedItems().stream().map(i -> entry(i, null)).toList();
        }
        Map<String, String> errors = queue.deadErrors();
        return queue.deadLetters().stream().map(i -> entry(i, errors.get(i.id()))).toList();
    }

    private static OutboxEntry entry(OutboxItem item, String error) {
        String text = item.message().text();
        return new OutboxEntry(item.id(), item.chat().value(), item.origin().pluginId(),
                text.length() > 200 ? text.substring(0, 200) + "…" : text, item.attempts(), error);
    }

    /** Sends a dead letter again with fresh attempts; false if no dead letter has that id. */
    public boolean retryDead(String id) {
        return queue != null && queue.retryDead(id);
    }

    /** Deletes a dead letter; false if no dead letter has that id. */
    public boolean discardDead(String id) {
        return queue != null && queue.discardDead(id);
    }

    /** Sends the transport accepted since start. */
    public long sentCount() {
        return queue == null ? 0 : queue.sentCount();
    }

    /** Sends the send governor held back since start (each counted once). */
    public long pacedCount() {
        return queue == null ? 0 : queue.pacedCount();
    }

    /** Messages the outbox gave up on. */
    public List<String> deadLetters() {
        return queue == null ? List.of() : queue.deadLetters().stream().map(i -> i.id() + " to " + i.chat()).toList();
    }
}
