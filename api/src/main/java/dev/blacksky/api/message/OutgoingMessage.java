package dev.blacksky.api.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to send: text or media with a caption, the users it mentions, and the message it quotes.
 *
 * <pre>{@code
 * UserId bob = UserId.of("391234567890");
 * ctx.reply(OutgoingMessage.text("Welcome " + bob.mention() + "!").mentioning(bob));
 * ctx.reply(OutgoingMessage.of(Media.image(png, "image/png")).withText("scan me"));
 * context.messenger().send(chat, OutgoingMessage.text("Noted.").quoting(message));
 * }</pre>
 *
 * <p>WhatsApp notifies and highlights a user only when they are listed in {@link #mentions()}; write
 * {@link UserId#mention()} into the text where the mention should appear.
 *
 * @param text the text, or the caption of media; may be empty for media
 * @param mentions the users mentioned
 * @param quote the message this one quotes, if any
 * @param media the media, if any
 * @param poll the poll, if this message is one (its text is the question)
 */
public record OutgoingMessage(String text, List<UserId> mentions, Optional<QuotedMessage> quote, Optional<Media> media,
                              Optional<Poll> poll) {

    /** Checks the components and copies the mentions. */
    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        mentions = List.copyOf(mentions);
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(poll, "poll");
        if (media.isEmpty() && text.isEmpty()) {
            throw new IllegalArgumentException("a message needs text or media");
        }
        if (poll.isPresent() && media.isPresent()) {
            throw new IllegalArgumentException("a poll cannot carry media");
        }
    }

    /**
     * A message with text or media, without a poll.
     *
     * @param text the text or caption
     * @param mentions the users mentioned
     * @param quote the quoted message
     * @param media the media
     */
    public OutgoingMessage(String text, List<UserId> mentions, Optional<QuotedMessage> quote, Optional<Media> media) {
        this(text, mentions, quote, media, Optional.empty());
    }

    /**
     * A native poll.
     *
     * @param poll the question and options
     * @return the message
     */
    public static OutgoingMessage poll(Poll poll) {
        return new OutgoingMessage(poll.question(), List.of(), Optional.empty(), Optional.empty(), Optional.of(poll));
    }

    /**
     * A text message.
     *
     * @param text the text; may span several lines
     * @return the message
     */
    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(text, List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * A media message without a caption.
     *
     * @param media what to send
     * @return the message
     */
    public static OutgoingMessage of(Media media) {
        return new OutgoingMessage("", List.of(), Optional.empty(), Optional.of(media));
    }

    /**
     * The same message with another text (the caption, for media).
     *
     * @param newText the text
     * @return a copy
     */
    public OutgoingMessage withText(String newText) {
        return new OutgoingMessage(newText, mentions, quote, media, poll);
    }

    /**
     * The same message, also mentioning these users.
     *
     * @param users who to mention
     * @return a copy
     */
    public OutgoingMessage mentioning(Collection<UserId> users) {
        List<UserId> all = new ArrayList<>(mentions);
        users.stream().filter(u -> !all.contains(u)).forEach(all::add);
        return new OutgoingMessage(text, all, quote, media, poll);
    }

    /**
     * The same message, also mentioning these users.
     *
     * @param users who to mention
     * @return a copy
     */
    public OutgoingMessage mentioning(UserId... users) {
        return mentioning(List.of(users));
    }

    /**
     * The same message, quoting {@code message} (shown above it, as a reply).
     *
     * @param message the message to quote
     * @return a copy
     */
    public OutgoingMessage quoting(Message message) {
        return quoting(new QuotedMessage(message.id(), message.sender().id(), message.text()));
    }

    /**
     * The same message, quoting {@code quoted}.
     *
     * @param quoted the message to quote
     * @return a copy
     */
    public OutgoingMessage quoting(QuotedMessage quoted) {
        return new OutgoingMessage(text, mentions, Optional.of(quoted), media, poll);
    }

    /**
     * The same message, quoting nothing.
     *
     * @return a copy
     */
    public OutgoingMessage unquoted() {
        return new OutgoingMessage(text, mentions, Optional.empty(), media, poll);
    }
}
