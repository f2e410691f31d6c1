package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.storage.Storage;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The one path behind every send, so no plugin can bypass the outbox and the pace WhatsApp tolerates. */
@Singleton
public final class OutboundMessenger implements Messenger {

    private final Transport transport;
    private final OutboundQueue queue;

    @Inject
    public OutboundMessenger(Transport transport, TimeSource time, GovernorSettings governor, OutboxSettings outbox,
                             Storage storage) {
        this.transport = transport;
        boolean governed = governor.transports().contains(transport.name());
        this.queue = governed || transport.durable()
                ? new OutboundQueue(transport, time, governed ? new SendGovernor(governor, time.clock().instant()) : null,
                        transport.durable() ? new Outbox(storage.database(), outbox.account()) : null, outbox)
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
        return new Messenger() {
            @Override
            public CompletionStage<String> send(ChatId chat, String text) {
                return OutboundMessenger.this.send(chat, text, origin);
            }

            @Override
            public CompletionStage<Void> react(Message target, String emoji) {
                return OutboundMessenger.this.react(target, emoji, origin);
            }
        };
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        return send(chat, text, Origin.HOST);
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        return react(target, emoji, Origin.HOST);
    }

    private CompletionStage<String> send(ChatId chat, String text, Origin origin) {
        if (queue != null) {
            return queue.send(chat, text, origin);
        }
        try {
            return transport.send(chat, text);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<Void> react(Message target, String emoji, Origin origin) {
        if (queue != null) {
            return queue.react(target, emoji, origin); // paced and ordered like a message: no spamming reactions past the governor
        }
        try {
            return transport.react(target, emoji);
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

    /** Messages the outbox gave up on. */
    public List<String> deadLetters() {
        return queue == null ? List.of() : queue.deadLetters().stream().map(i -> i.id() + " to " + i.chat()).toList();
    }
}
