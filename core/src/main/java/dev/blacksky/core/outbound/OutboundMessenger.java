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

/**
 * The one {@link Messenger} behind every send, commands and plugins alike, so no plugin can bypass it. A
 * durable transport (WhatsApp) sends through the persisted outbox; a governed one at the pace WhatsApp
 * tolerates; the console and simulated transports send straight through.
 */
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
                        transport.durable() ? new Outbox(storage.database()) : null, outbox)
                : null;
    }

    /** Takes up what the outbox holds from the last run; after the store has opened. Nothing goes out before {@link #connected()}. */
    public void start() {
        if (queue != null) {
            queue.start();
        }
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        if (queue != null) {
            return queue.send(chat, text);
        }
        try {
            return transport.send(chat, text);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        if (queue != null) {
            return queue.react(target, emoji); // paced and ordered like a message: a plugin cannot spam reactions past the governor
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

    /** Messages the outbox gave up on. */
    public List<String> deadLetters() {
        return queue == null ? List.of() : queue.deadLetters().stream().map(i -> i.id() + " to " + i.chat()).toList();
    }
}
