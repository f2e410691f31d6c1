package dev.blacksky.api.command;

/**
 * What a {@link Cooldown} counts separately.
 *
 * <pre>{@code
 * Cooldown.of(Duration.ofSeconds(30), CooldownScope.CHAT)
 * }</pre>
 */
public enum CooldownScope {
    /** Each user has their own cooldown, across all chats. */
    USER,
    /** Each member of each chat: a user's cooldown in one group does not hold them back in another. */
    MEMBER,
    /** Each chat has its own cooldown, shared by its members. */
    CHAT,
    /** One cooldown for everybody everywhere. */
    GLOBAL
}
