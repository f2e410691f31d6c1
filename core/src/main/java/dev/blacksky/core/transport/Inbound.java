package dev.blacksky.core.transport;

import dev.blacksky.api.message.Message;
import java.util.Objects;

/**
 * A message as a transport hands it over, with what only the transport knows about the sender, and for a
 * journaled message its key in the journal (null otherwise), under which its command's store writes are kept.
 */
public record Inbound(Message message, boolean senderIsGroupAdmin, String journalKey) {

    public Inbound {
        Objects.requireNonNull(message, "message");
    }

    public Inbound(Message message, boolean senderIsGroupAdmin) {
        this(message, senderIsGroupAdmin, null);
    }

    /** The same message, journaled under {@code key}. */
    public Inbound journaled(String key) {
        return new Inbound(message, senderIsGroupAdmin, key);
    }
}
