package dev.blacksky.testkit;

import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user about to say something somewhere. Immutable: {@code in}, {@code asAdmin} and {@code named} return
 * new speakers.
 *
 * <pre>{@code
 * bot.user("alice").in("team").asAdmin().says("!warn @391234567890 spam").expectReplyContaining("warned");
 * }</pre>
 */
public final class Speaker {

    private static final AtomicLong ids = new AtomicLong();

    private final BlackskyTest bot;
    private final UserId id;
    private final String displayName;
    private final String group;
    private final boolean admin;
    private final String account; // null: the first

    Speaker(BlackskyTest bot, UserId id, String displayName, String group, boolean admin) {
        this(bot, id, displayName, group, admin, null);
    }

    private Speaker(BlackskyTest bot, UserId id, String displayName, String group, boolean admin, String account) {
        this.bot = bot;
        this.id = id;
        this.displayName = displayName;
        this.group = group;
        this.admin = admin;
        this.account = account;
    }

    /**
     * Writes to another of the bot's accounts (see {@link BlackskyTest#accounts}); the replies are that account's.
     *
     * <pre>{@code
     * bot.user("alice").via("support").says("!account").expectReply("This is account support (this bot runs sales, support).");
     * }</pre>
     *
     * @param accountName the account's name
     * @return the speaker, writing to that account
     */
    public Speaker via(String accountName) {
        bot.transport(accountName); // an unknown name fails here, naming the accounts
        return new Speaker(bot, id, displayName, group, admin, accountName);
    }

    /**
     * Speaks in a group chat instead of the private chat.
     *
     * @param groupName the group's name (its chat id is {@code <name>@g.us}); the speaker becomes a member
     * @return the speaker in that group
     */
    public Speaker in(String groupName) {
        return new Speaker(bot, id, displayName, groupName, admin, account);
    }

    /**
     * Makes the speaker an admin of the group for this message ({@code bot.group(name).withAdmins} for good).
     *
     * @return the speaker as an admin
     */
    public Speaker asAdmin() {
        return new Speaker(bot, id, displayName, group, true, account);
    }

    /**
     * Sets the display name (default: the id).
     *
     * @param name the name
     * @return the speaker with that name
     */
    public Speaker named(String name) {
        return new Speaker(bot, id, name, group, admin, account);
    }

    /**
     * Sends a message and waits until the bot has finished with it.
     *
     * @param text what the user types
     * @return what the bot answered
     */
    public Exchange says(String text) {
        return send(text, Optional.empty());
    }

    /**
     * Sends a message as a reply to an earlier message.
     *
     * @param text what the user types
     * @param quotedAuthor who wrote the quoted message
     * @param quotedText the quoted message's text
     * @return what the bot answered
     */
    public Exchange replies(String text, String quotedAuthor, String quotedText) {
        return send(text, Optional.of(new QuotedMessage("q" + ids.incrementAndGet(), UserId.of(quotedAuthor), quotedText)));
    }

    /**
     * Sends media, as a phone would: the bot sees its kind, MIME type, size and file name, and a plugin can
     * download its bytes.
     *
     * <pre>{@code
     * bot.user("alice").sendsMedia(MediaKind.IMAGE, Path.of("src/test/resources/cat.jpg"), "!sticker");
     * }</pre>
     *
     * @param kind what it is
     * @param file the file to send
     * @param caption its caption (a command, if it starts with the prefix)
     * @return what the bot answered
     */
    public Exchange sendsMedia(MediaKind kind, Path file, String caption) {
        Media media = Media.of(kind, file);
        Content content = new Content.Attachment(kind, media.mimeType(), media.size(), media.fileName(),
                file.toAbsolutePath().toString());
        return send(caption, Optional.empty(), content);
    }

    /**
     * Votes on the last poll the bot sent to this chat: listeners get a {@code PollVotedEvent}.
     *
     * <pre>{@code
     * bot.user("alice").in("team").says("!lunch").reply();
     * bot.user("alice").in("team").votes("Pizza").expectNoReply();
     * }</pre>
     *
     * @param options the options picked, by text; none takes the vote back
     * @return what the bot answered
     * @throws AssertionError if the bot sent no poll here
     */
    public Exchange votes(String... options) {
        Chat chat = group == null ? new Chat(ChatId.of(id), ChatType.PRIVATE, displayName) : bot.groupChat(account, group);
        String pollId = bot.transport(account).sent().reversed().stream()
                .filter(m -> m.chat().equals(chat.id()) && m.message().poll().isPresent()).map(m -> m.id()).findFirst()
                .orElseThrow(() -> new AssertionError("the bot sent no poll to " + chat.id()));
        Message label = Message.text("vote-" + ids.incrementAndGet(), chat, new User(id, displayName),
                "(votes " + String.join(", ", options) + ")", bot.now());
        int sentBefore = bot.transport(account).sent().size();
        int actionsBefore = bot.transport(account).actions().size();
        BlackskyTest.await(bot.dispatcher(account).publish(new PollVotedEvent(chat, pollId, id, List.of(options), bot.now())));
        return new Exchange(label, bot.sentSince(account, sentBefore), List.of(),
                bot.transport(account).actions().subList(actionsBefore, bot.transport(account).actions().size()));
    }

    private Exchange send(String text, Optional<QuotedMessage> quoted) {
        return send(text, quoted, Content.TEXT);
    }

    private Exchange send(String text, Optional<QuotedMessage> quoted, Content content) {
        Chat chat;
        if (group == null) {
            chat = new Chat(ChatId.of(id), ChatType.PRIVATE, displayName);
        } else {
            chat = bot.groupChat(account, group);
            bot.transport(account).groups().ensureMember(chat.id(), group, id);
        }
        Message message = new Message("test-" + ids.incrementAndGet(), chat, new User(id, displayName), text,
                bot.now(), quoted, mentions(text), content);
        int sentBefore = bot.transport(account).sent().size();
        int reactionsBefore = bot.transport(account).reactions().size();
        int actionsBefore = bot.transport(account).actions().size();
        boolean isAdmin = group != null && (admin || bot.transport(account).groups().isAdmin(chat.id(), id));
        BlackskyTest.await(bot.dispatcher(account).dispatch(new Inbound(message, isAdmin)));
        return new Exchange(message, bot.sentSince(account, sentBefore),
                bot.transport(account).reactions().subList(reactionsBefore, bot.transport(account).reactions().size())
                        .stream().map(r -> r.emoji()).toList(),
                bot.transport(account).actions().subList(actionsBefore, bot.transport(account).actions().size()));
    }

    // "@391234567890" in the text mentions that user, as WhatsApp clients do.
    private static List<UserId> mentions(String text) {
        return java.util.Arrays.stream(text.split("\\s+"))
                .filter(w -> w.length() > 1 && w.startsWith("@") && w.substring(1).chars().allMatch(Character::isDigit))
                .map(UserId::parse)
                .toList();
    }
}
