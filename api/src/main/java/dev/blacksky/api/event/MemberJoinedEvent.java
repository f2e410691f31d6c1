package dev.blacksky.api.event;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user joined a group, or was added to it.
 *
 * <pre>{@code
 * @Override
 * public void onMemberJoined(MemberJoinedEvent event) {
 *     context.messenger().send(event.group().id(), "Welcome, @" + event.user().value() + "!");
 * }
 * }</pre>
 *
 * @param group the group
 * @param user who joined
 * @param at when
 */
public record MemberJoinedEvent(Chat group, UserId user, Instant at) implements BotEvent {

    /** Checks the components. */
    public MemberJoinedEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
