package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The one {@link Messenger} behind every send, so no plugin can bypass what the host puts on this path. */
@Singleton
public final class OutboundMessenger implements Messenger {

    private final Transport transport;

    @Inject
    public OutboundMessenger(Transport transport) {
        this.transport = transport;
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        try {
            return transport.send(chat, text);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        try {
            return transport.react(target, emoji);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
