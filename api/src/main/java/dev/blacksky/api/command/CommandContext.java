package dev.blacksky.api.command;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import java.util.concurrent.CompletionStage;

/**
 * One invocation of a command: the message, its parsed arguments, and ways to answer.
 *
 * <pre>{@code
 * public void execute(CommandContext ctx) {
 *     if (ctx.chat().isGroup() && !ctx.senderIsGroupAdmin()) { ... }
 *     ctx.react("👍");
 *     ctx.reply("Done, " + ctx.sender().displayName());
 * }
 * }</pre>
 *
 * <p>All methods are safe to call from any thread, also after {@code execute} returned (for example from
 * a scheduled task). Sends go through the host's outbound governor and are delivered in order per chat;
 * the returned stage completes when the transport accepted the message.
 */
public interface CommandContext {

    /** @return the message that invoked the command */
    Message message();

    /** @return the message's sender, same as {@code message().sender()} */
    default User sender() {
        return message().sender();
    }

    /** @return the chat the command was sent in, same as {@code message().chat()} */
    default Chat chat() {
        return message().chat();
    }

    /** @return the parsed arguments */
    Arguments args();

    /** @return the name or alias the user typed, in lower case, without prefix */
    String invokedAs();

    /** @return the prefix the user typed, such as {@code "!"}; use it when showing commands back to them */
    String prefix();

    /** @return true if the sender is one of the bot's owners ({@code blacksky.owners}) */
    boolean senderIsOwner();

    /** @return true if the chat is a group and the sender is one of its admins */
    boolean senderIsGroupAdmin();

    /**
     * Replies in the chat the command came from.
     *
     * @param text the reply; may span several lines
     * @return a stage that completes with the sent message's id
     */
    CompletionStage<String> reply(String text);

    /**
     * Sends a message to any chat.
     *
     * @param chat the chat to send to
     * @param text the text; may span several lines
     * @return a stage that completes with the sent message's id
     */
    CompletionStage<String> send(ChatId chat, String text);

    /**
     * Reacts to the invoking message with an emoji.
     *
     * @param emoji a single emoji, such as {@code "👍"}
     * @return a stage that completes when the reaction was sent
     */
    CompletionStage<Void> react(String emoji);
}
