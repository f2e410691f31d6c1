package dev.blacksky.core.transport;

import dev.blacksky.api.message.Message;
import java.util.Objects;

/** A message as a transport hands it over, and for a journaled one its journal key (its writes' ledger key). */
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
