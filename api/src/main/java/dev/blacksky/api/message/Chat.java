package dev.blacksky.api.message;

import java.util.Objects;

/**
 * A chat a message was sent in.
 *
 * <pre>{@code
 * Chat chat = ctx.chat();
 * if (chat.isGroup()) { ctx.reply("Hello, " + chat.name()); }
 * }</pre>
 *
 * @param id the chat's id
 * @param type private or group
 * @param name a display name: the group's subject, or the other user's name; may be empty
 */
public record Chat(ChatId id, ChatType type, String name) {

    /** Checks the components. */
    public Chat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Tells whether this is a group chat.
     *
     * @return true for a group, false for a private chat
     */
    public boolean isGroup() {
        return type == ChatType.GROUP;
    }
}
