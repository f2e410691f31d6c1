package dev.blacksky.api.message;

/**
 * Whether a chat is a private conversation or a group.
 *
 * <pre>{@code
 * if (ctx.chat().type() == ChatType.GROUP) { ... }
 * }</pre>
 */
public enum ChatType {
    /** A one-to-one conversation between the bot and one user. */
    PRIVATE,
    /** A group chat with any number of members, some of them admins. */
    GROUP
}
