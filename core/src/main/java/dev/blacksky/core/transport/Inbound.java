package dev.blacksky.core.transport;

import dev.blacksky.api.message.Message;
import java.util.Objects;

/** A message as a transport hands it over, with what only the transport knows about the sender. */
public record Inbound(Message message, boolean senderIsGroupAdmin) {

    public Inbound {
        Objects.requireNonNull(message, "message");
    }
}
