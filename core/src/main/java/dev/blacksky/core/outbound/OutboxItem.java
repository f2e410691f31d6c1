package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import java.time.Instant;

/** One message waiting in the outbox, with the id every attempt reuses and whom it is for. */
record OutboxItem(long seq, String id, ChatId chat, OutgoingMessage message, Origin origin, int attempts, Instant notBefore) {

    OutboxItem retried(Instant next) {
        return new OutboxItem(seq, id, chat, message, origin, attempts + 1, next);
    }
}
