package dev.blacksky.api.command;

/**
 * Who may run a command. Owners may run everything; a user who may not run a command does not see it in
 * {@code help}.
 *
 * <pre>{@code
 * CommandSpec.named("kick").access(Access.GROUP_ADMINS).scope(ChatScope.GROUP)...
 * }</pre>
 */
public enum Access {
    /** Anyone who is not banned. */
    EVERYONE,
    /** Admins of the group the command is sent in, and owners. In a private chat only owners. */
    GROUP_ADMINS,
    /** Only the bot's owners, listed in {@code blacksky.owners}. */
    OWNERS
}
