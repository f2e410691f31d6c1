package dev.blacksky.api.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incoming message: its text (a caption counts as text) and what else it carries.
 *
 * <pre>{@code
 * Message m = ctx.message();
 * log.info("{} wrote '{}' in {} at {}", m.sender().displayName(), m.text(), m.chat().id(), m.timestamp());
 * }</pre>
 *
 * @param id the message id, unique within its chat and sender
 * @param chat the chat it was sent in
 * @param sender who sent it
 * @param text its text, never null
 * @param timestamp when the sender's device sent it
 * @param quoted the message it replies to, if any
 * @param mentions the users it mentions ({@code @391234567890}), in order
 * @param content media, a location, a contact, or {@link Content#TEXT}
 */
public record Message(
        String id,
        Chat chat,
        User sender,
        String text,
        Instant timestamp,
        Optional<QuotedMessage> quoted,
        List<UserId> mentions,
        Content content) {

    /** Checks the components and copies the mentions. */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(quoted, "quoted");
        mentions = List.copyOf(mentions);
        Objects.requireNonNull(content, "content");
    }

    /**
     * Creates a text message (no media).
     *
     * @param id the message id
     * @param chat the chat
     * @param sender the sender
     * @param text the text
     * @param timestamp when it was sent
     * @param quoted the message it replies to
     * @param mentions the users it mentions
     */
    public Message(String id, Chat chat, User sender, String text, Instant timestamp, Optional<QuotedMessage> quoted,
                   List<UserId> mentions) {
        this(id, chat, sender, text, timestamp, quoted, mentions, Content.TEXT);
    }

    /**
     * The same message with other content.
     *
     * @param other the content
     * @return a copy
     */
    public Message withContent(Content other) {
        return new Message(id, chat, sender, text, timestamp, quoted, mentions, other);
    }

    /**
     * Creates a plain text message with no quote and no mentions, as tests and simple transports do.
     *
     * @param id the message id
     * @param chat the chat
     * @param sender the sender
     * @param text the text
     * @param timestamp when it was sent
     * @return the message
     */
    public static Message text(String id, Chat chat, User sender, String text, Instant timestamp) {
        return new Message(id, chat, sender, text, timestamp, Optional.empty(), List.of());
    }
}
