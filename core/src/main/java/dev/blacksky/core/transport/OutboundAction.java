package dev.blacksky.core.transport;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;

/** Something sent that is not a message: queued in its chat's order and paced like one, but not persisted. */
public sealed interface OutboundAction {

    ChatId chat();

    /** A reaction to a received message. */
    record React(Message target, String emoji) implements OutboundAction {
        public ChatId chat() {
            return target.chat().id();
        }
    }

    /** Deleting a received message for everyone (the bot must be a group admin, or its sender). */
    record Delete(Message target) implements OutboundAction {
        public ChatId chat() {
            return target.chat().id();
        }
    }

    /** Deleting one of the bot's own messages for everyone. */
    record DeleteSent(ChatId chat, String messageId) implements OutboundAction {
    }

    /** Replacing the text of one of the bot's own messages. */
    record Edit(ChatId chat, String messageId, String text) implements OutboundAction {
    }
}
