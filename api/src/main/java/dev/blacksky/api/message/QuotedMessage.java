package dev.blacksky.api.message;

import java.util.Objects;

/**
 * The message a message replies to (WhatsApp's "quoted message").
 *
 * <pre>{@code
 * ctx.message().quoted().ifPresent(q -> ctx.reply(q.sender() + " said: " + q.text()));
 * }</pre>
 *
 * @param messageId the quoted message's id
 * @param sender who wrote the quoted message
 * @param text its text, or an empty string for media without a caption
 */
public record QuotedMessage(String messageId, UserId sender, String text) {

    /** Checks the components. */
    public QuotedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }
}
