package dev.blacksky.core.transport.simulated;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;

/** A message the bot sent through the simulated transport, with a copy of its media's bytes (or null). */
public record SentMessage(ChatId chat, String text, String id, OutgoingMessage message, byte[] media) {

    public SentMessage(ChatId chat, String text, String id) {
        this(chat, text, id, OutgoingMessage.text(text), null);
    }
}
