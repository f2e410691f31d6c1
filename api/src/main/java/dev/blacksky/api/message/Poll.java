package dev.blacksky.api.message;

import java.util.List;
import java.util.Objects;

/**
 * A native WhatsApp poll: a question and its options, voted on with a tap. Votes reach listeners as
 * {@code PollVotedEvent}s.
 *
 * <pre>{@code
 * ctx.reply(OutgoingMessage.poll(Poll.of("Lunch?", "Pizza", "Sushi", "Salad")));
 * }</pre>
 *
 * <p>WhatsApp lets each voter pick several options: Cobalt 0.0.10, the WhatsApp client underneath, cannot
 * make single-choice polls.
 *
 * @param question the question, shown as the poll's title
 * @param options the options, 2 to 12, each at most 100 characters, no two alike
 */
public record Poll(String question, List<String> options) {

    /** Checks the question and options as WhatsApp would. */
    public Poll {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        if (question.isBlank()) {
            throw new IllegalArgumentException("a poll needs a question");
        }
        if (options.size() < 2 || options.size() > 12) {
            throw new IllegalArgumentException("a poll has 2 to 12 options, not " + options.size());
        }
        if (options.stream().anyMatch(o -> o.isBlank() || o.length() > 100) || options.stream().distinct().count() < options.size()) {
            throw new IllegalArgumentException("poll options must be distinct, not blank, and at most 100 characters");
        }
    }

    /**
     * Creates a poll.
     *
     * @param question the question
     * @param options the options
     * @return the poll
     */
    public static Poll of(String question, String... options) {
        return new Poll(question, List.of(options));
    }
}
