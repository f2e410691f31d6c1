package dev.blacksky.core.transport.simulated;

import dev.blacksky.api.message.Message;

/** A reaction the bot sent through the simulated transport. */
public record SentReaction(Message target, String emoji) {
}
