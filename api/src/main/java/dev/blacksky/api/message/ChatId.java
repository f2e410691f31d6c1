package dev.blacksky.api.message;

import java.util.Objects;

/**
 * Identifies a chat: a private conversation with one user, or a group.
 *
 * <pre>{@code
 * ctx.send(ChatId.of("120363025246125486@g.us"), "Build finished");
 * }</pre>
 *
 * @param value the transport's chat id, never blank
 */
public record ChatId(String value) {

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException if the value is blank
     */
    public ChatId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a chat id cannot be blank");
        }
    }

    /**
     * Creates a chat id.
     *
     * @param value the transport's chat id
     * @return the id
     */
    public static ChatId of(String value) {
        return new ChatId(value);
    }

    /**
     * The private chat with a user, the same on every transport.
     *
     * <pre>{@code
     * context.messenger().send(ChatId.of(ctx.sender().id()), "Only you can read this");
     * }</pre>
     *
     * @param user the user
     * @return the chat's id
     */
    public static ChatId of(UserId user) {
        return new ChatId(user.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
