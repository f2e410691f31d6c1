package dev.blacksky.api.event;

import dev.blacksky.api.message.Chat;
import java.time.Instant;
import java.util.Objects;

/**
 * A group was renamed.
 *
 * <pre>{@code
 * public void onGroupSubjectChanged(GroupSubjectChangedEvent e) {
 *     context.messenger().send(e.group().id(), "New name: " + e.subject());
 * }
 * }</pre>
 *
 * @param group the group, with its new subject as its name
 * @param subject the new subject
 * @param at when
 */
public record GroupSubjectChangedEvent(Chat group, String subject, Instant at) implements BotEvent {

    /** Checks the components. */
    public GroupSubjectChangedEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
    }
}
