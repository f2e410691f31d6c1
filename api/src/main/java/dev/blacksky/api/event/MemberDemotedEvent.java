package dev.blacksky.api.event;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An admin of a group was made an ordinary member.
 *
 * <pre>{@code
 * case MemberDemotedEvent e -> context.logger().info("{} in {}", e.user(), e.group().name());
 * }</pre>
 *
 * @param group the group
 * @param user who was demoted
 * @param at when
 */
public record MemberDemotedEvent(Chat group, UserId user, Instant at) implements BotEvent {

    /** Checks the components. */
    public MemberDemotedEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
