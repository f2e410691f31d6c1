package dev.blacksky.core.transport.simulated;

import dev.blacksky.api.message.ChatId;

/** A message the bot sent through the simulated transport. */
public record SentMessage(ChatId chat, String text, String id) {
}
