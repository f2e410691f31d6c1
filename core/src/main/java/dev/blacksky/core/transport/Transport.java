package dev.blacksky.core.transport;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.UserId;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A backend that delivers inbound messages to the host and carries its replies out. */
public interface Transport {

    /** The name used in {@code blacksky.transport}. */
    String name();

    /** Starts delivering inbound traffic to {@code sink}; threads and sockets start here, not before. */
    void start(InboundSink sink);

    /** Sends a text message; the stage completes with the message id once the transport accepted it. */
    CompletionStage<String> send(ChatId chat, String text);

    /** Reacts to a message with an emoji. */
    CompletionStage<Void> react(Message target, String emoji);

    /** Stops intake and releases the backend; idempotent. */
    void stop();

    /** Whether traffic must survive a crash: inbound journaled before dispatch, sends through the outbox. */
    default boolean durable() {
        return false;
    }

    /**
     * Sends a text message under a message id the host chose, so that a retry is the same message. Transports
     * that cannot choose ids send as {@link #send(ChatId, String)} does.
     */
    default CompletionStage<String> send(ChatId chat, String text, String messageId) {
        return send(chat, text);
    }

    /** Captures now what a reaction queued for later will need; the returned action sends it. */
    default Supplier<CompletionStage<Void>> prepareReaction(Message target, String emoji) {
        return () -> react(target, emoji);
    }

    /** Users this transport treats as owners whatever the configuration says (the console user). */
    default Set<UserId> implicitOwners() {
        return Set.of();
    }
}
