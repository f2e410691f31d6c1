package dev.blacksky.api.event;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A member of a group was made an admin.
 *
 * <pre>{@code
 * case MemberPromotedEvent e -> context.logger().info("{} in {}", e.user(), e.group().name());
 * }</pre>
 *
 * @param group the group
 * @param user who was promoted
 * @param at when
 */
public record MemberPromotedEvent(Chat group, UserId user, Instant at) implements BotEvent {

    /** Checks the components. */
    public MemberPromotedEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
