package dev.blacksky.api.command;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
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
     * Returns the WhatsApp account the command came through; replies and {@link #send} leave through it too.
     * With one account configured this is {@code blacksky.account}, normally {@code "default"}.
     *
     * <pre>{@code
     * ctx.reply("You reached " + ctx.account() + ".");
     * }</pre>
     *
     * @return the account name
     */
    String account();

    /**
     * Replies in the chat the command came from. In a group the reply quotes the command's message, so
     * everyone sees whom it answers; in a private chat it does not. {@link #reply(OutgoingMessage)} decides
     * otherwise.
     *
     * @param text the reply; may span several lines
     * @return a stage that completes with the sent message's id
     */
    CompletionStage<String> reply(String text);

    /**
     * Replies with media, mentions or a quote of your choice, exactly as given (nothing is quoted unless
     * the message says so).
     *
     * <pre>{@code
     * ctx.reply(OutgoingMessage.text("Done, " + ctx.sender().id().mention()).mentioning(ctx.sender().id()));
     * ctx.reply(OutgoingMessage.of(Media.image(png, "image/png")).quoting(ctx.message()));
     * }</pre>
     *
     * @param message the reply
     * @return a stage that completes with the sent message's id
     * @throws IllegalArgumentException at once if its media is larger than its kind's limit or cannot be read
     */
    CompletionStage<String> reply(OutgoingMessage message);

    /**
     * Sends a message to any chat.
     *
     * @param chat the chat to send to
     * @param text the text; may span several lines
     * @return a stage that completes with the sent message's id
     */
    CompletionStage<String> send(ChatId chat, String text);

    /**
     * Sends a message with media, mentions or a quote to any chat.
     *
     * @param chat the chat to send to
     * @param message the message
     * @return a stage that completes with the sent message's id
     */
    CompletionStage<String> send(ChatId chat, OutgoingMessage message);

    /**
     * Lifts this command's cooldown for the caller's scope (the user, the member, the chat or everyone), as if
     * this call had not happened: for a call the command itself found did not count.
     *
     * <pre>{@code
     * if (!found) { ctx.resetCooldown(); ctx.reply("Nothing found; try again at once."); return; }
     * }</pre>
     */
    void resetCooldown();

    /**
     * Reacts to the invoking message with an emoji.
     *
     * @param emoji a single emoji, such as {@code "👍"}
     * @return a stage that completes when the reaction was sent
     */
    CompletionStage<Void> react(String emoji);
}
