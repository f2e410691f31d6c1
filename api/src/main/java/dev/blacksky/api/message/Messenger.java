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
     * Reacts to a message with an emoji.
     *
     * @param target the message to react to
     * @param emoji a single emoji, such as {@code "👍"}
     * @return a stage that completes when the reaction was sent
     */
    CompletionStage<Void> react(Message target, String emoji);
}
