package dev.blacksky.api.command;

/**
 * Where a command may be used.
 *
 * <pre>{@code
 * CommandSpec.named("tagall").scope(ChatScope.GROUP)...
 * }</pre>
 */
public enum ChatScope {
    /** Only in private chats with the bot. */
    PRIVATE,
    /** Only in group chats. */
    GROUP,
    /** In private and group chats. */
    ANY
}
