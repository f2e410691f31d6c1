package dev.blacksky.api.event;

import java.time.Instant;

/**
 * Something that happened to the bot, delivered to {@link EventListener}s.
 *
 * <pre>{@code
 * public void onEvent(BotEvent event) {
 *     switch (event) {
 *         case MemberJoinedEvent joined -> welcome(joined);
 *         default -> { } // keep a default: new events may be added
 *     }
 * }
 * }</pre>
 */
public sealed interface BotEvent permits MessageReceivedEvent, MemberJoinedEvent, MemberLeftEvent,
        ConnectionStateChangedEvent, MemberPromotedEvent, MemberDemotedEvent, GroupSubjectChangedEvent, PollVotedEvent {

    /**
     * Returns when the event happened.
     *
     * @return the instant, from the host's clock or the network
     */
    Instant at();
}
