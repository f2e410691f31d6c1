package dev.blacksky.api.event;

import dev.blacksky.api.message.Message;
import java.time.Instant;
import java.util.Objects;

/**
 * A message arrived, command or not, from a user who is not banned. Delivered once per message, also after
 * reconnects.
 *
 * <pre>{@code
 * @Override
 * public void onMessage(MessageReceivedEvent event) {
 *     if (event.message().text().contains("http")) { ... }
 * }
 * }</pre>
 *
 * @param message the message
 */
public record MessageReceivedEvent(Message message) implements BotEvent {

    /** Checks the component. */
    public MessageReceivedEvent {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public Instant at() {
        return message.timestamp();
    }
}
