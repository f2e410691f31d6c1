package dev.blacksky.plugins.poll;

import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's open poll, stored as a record: its question, options, closing time, each voter's choice, and the
 * account it was opened through (null in polls stored before accounts).
 */
record OpenPoll(String id, String question, List<String> options, Optional<Instant> closesAt, List<Vote> votes,
                String account) {

    /** One voter's whole choice. */
    record Vote(UserId voter, List<String> choices) {
    }

    OpenPoll withVote(UserId voter, List<String> choices) {
        List<Vote> next = new ArrayList<>(votes.stream().filter(v -> !v.voter().equals(voter)).toList());
        next.add(new Vote(voter, choices));
        return new OpenPoll(id, question, options, closesAt, next, account);
    }

    String results() {
        StringBuilder text = new StringBuilder("📊 ").append(question);
        for (String option : options) {
            long count = votes.stream().filter(v -> v.choices().contains(option)).count();
            text.append('\n').append(option).append(": ").append(count);
        }
        return text.append("\n(").append(votes.size()).append(votes.size() == 1 ? " voter)" : " voters)").toString();
    }
}
