package dev.blacksky.api.event;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user left a group, or was removed from it.
 *
 * <pre>{@code
 * @Override
 * public void onMemberLeft(MemberLeftEvent event) {
 *     context.logger().info("{} left {}", event.user(), event.group().name());
 * }
 * }</pre>
 *
 * @param group the group
 * @param user who left
 * @param at when
 */
public record MemberLeftEvent(Chat group, UserId user, Instant at) implements BotEvent {

    /** Checks the components. */
    public MemberLeftEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
