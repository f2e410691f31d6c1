package dev.blacksky.api.message;

import java.util.concurrent.CompletionStage;

/**
 * Sends messages outside a command call: from listeners and scheduled tasks. Reach it through
 * {@code PluginContext.messenger()}.
 *
 * <pre>{@code
 * context.scheduler().schedule(Duration.ofMinutes(10), () ->
 *         context.messenger().send(chat, "Reminder: stand-up in 5 minutes"));
 * }</pre>
 *
 * <p>Sends go through the host's outbound path, in order per chat; the stage completes with the message
 * id once the transport accepted the message. Safe to use from any thread.
 */
public interface Messenger {

    /**
     * Sends a text message.
     *
     * @param chat the chat to send to
     * @param text the text; may span several lines
     * @return a stage that completes with the sent message's id
     */
    CompletionStage<String> send(ChatId chat, String text);

    /**
     * Sends a message with media, mentions or a quote.
     *
     * <pre>{@code
     * messenger.send(group, OutgoingMessage.text("Welcome " + user.mention()).mentioning(user));
     * }</pre>
     *
     * @param chat the chat to send to
     * @param message the message
     * @return a stage that completes with the sent message's id
     * @throws IllegalArgumentException at once if media is larger than its kind's limit or cannot be read
     */
    CompletionStage<String> send(ChatId chat, OutgoingMessage message);

    /**
     * Deletes a message for everyone: the bot's own, or anyone's in a group where the bot is an admin.
     *
     * @param message the message to delete
     * @return a stage that completes when the deletion was sent
     */
    CompletionStage<Void> delete(Message message);

    /**
     * Deletes a message the bot sent, for everyone.
     *
     * @param chat the chat it was sent to
     * @param sentId the id the send's stage completed with
     * @return a stage that completes when the deletion was sent
     */
    CompletionStage<Void> deleteSent(ChatId chat, String sentId);

    /**
     * Replaces the text of a message the bot sent (WhatsApp shows it as edited).
     *
     * @param chat the chat it was sent to
     * @param sentId the id the send's stage completed with
     * @param text the new text
     * @return a stage that completes when the edit was sent
     */
    CompletionStage<Void> edit(ChatId chat, String sentId, String text);

    /**
     * Reacts to a message with an emoji.
     *
     * @param target the message to react to
     * @param emoji a single emoji, such as {@code "👍"}
     * @return a stage that completes when the reaction was sent
     */
    CompletionStage<Void> react(Message target, String emoji);
}
