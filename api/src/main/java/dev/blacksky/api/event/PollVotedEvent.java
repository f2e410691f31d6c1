package dev.blacksky.api.event;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Someone voted on a poll the bot sent, or changed their vote: {@code selected} is their whole choice now
 * (empty when they took their vote back).
 *
 * <pre>{@code
 * public void onPollVoted(PollVotedEvent vote) {
 *     context.storage().put("vote:" + vote.pollId() + ":" + vote.voter().value(), String.join(",", vote.selected()));
 * }
 * }</pre>
 *
 * @param chat where the poll is
 * @param pollId the poll message's id, as its send's stage completed with it
 * @param voter who voted
 * @param selected the options they picked, by text
 * @param at when
 */
public record PollVotedEvent(Chat chat, String pollId, UserId voter, List<String> selected, Instant at) implements BotEvent {

    /** Checks the components and copies the selection. */
    public PollVotedEvent {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(voter, "voter");
        selected = List.copyOf(selected);
        Objects.requireNonNull(at, "at");
    }
}
