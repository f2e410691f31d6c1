package dev.blacksky.testkit;

import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.simulated.SentAction;
import dev.blacksky.core.transport.simulated.SentMessage;
import java.util.List;

/**
 * What the bot answered to one message: its replies and reactions, with fluent expectations that fail
 * with the whole exchange in the message.
 *
 * <pre>{@code
 * bot.user("alice").says("!echo hi").expectReply("hi");
 * String id = bot.user("alice").says("!note buy milk").reply();   // the single reply, for further checks
 * }</pre>
 */
public final class Exchange {

    private final Message message;
    private final String said;
    private final List<SentMessage> sent;
    private final List<String> replies;
    private final List<String> reactions;
    private final List<SentAction> actions;

    Exchange(Message message, List<SentMessage> sent, List<String> reactions, List<SentAction> actions) {
        this.message = message;
        this.said = message.text();
        this.sent = List.copyOf(sent);
        this.replies = sent.stream().map(SentMessage::text).toList();
        this.reactions = List.copyOf(reactions);
        this.actions = List.copyOf(actions);
    }

    /**
     * Returns the replies as sent: text, mentions, quote and media.
     *
     * @return the messages, in order
     */
    public List<OutgoingMessage> messages() {
        return sent.stream().map(SentMessage::message).toList();
    }

    /**
     * Returns the bytes of the only reply that carried media.
     *
     * @return the media's content
     * @throws AssertionError unless exactly one reply carried media
     */
    public byte[] media() {
        List<byte[]> media = sent.stream().map(SentMessage::media).filter(java.util.Objects::nonNull).toList();
        if (media.size() != 1) {
            throw failure("exactly one reply with media");
        }
        return media.getFirst();
    }

    /**
     * Expects the replies to mention exactly these users (WhatsApp notifies them).
     *
     * @param userIds the mentioned users' ids, in order
     * @return this
     */
    public Exchange expectMentions(String... userIds) {
        List<String> mentioned = sent.stream().flatMap(m -> m.message().mentions().stream()).map(UserId::value).toList();
        if (!mentioned.equals(List.of(userIds))) {
            throw failure("mentions of " + List.of(userIds) + " (got " + mentioned + ")");
        }
        return this;
    }

    /**
     * Expects the bot to have deleted the message that was said.
     *
     * @return this
     */
    public Exchange expectDeleted() {
        boolean deleted = actions.stream().anyMatch(a -> a.action() instanceof OutboundAction.Delete d
                && d.target().id().equals(message.id()));
        if (!deleted) {
            throw failure("the message to be deleted");
        }
        return this;
    }

    /**
     * Expects the bot to have left the message that was said alone.
     *
     * @return this
     */
    public Exchange expectNotDeleted() {
        if (actions.stream().anyMatch(a -> a.action() instanceof OutboundAction.Delete)) {
            throw failure("no deletion");
        }
        return this;
    }

    /**
     * Returns every reply, in order.
     *
     * @return the replies' texts
     */
    public List<String> replies() {
        return replies;
    }

    /**
     * Returns the reactions the bot sent to the message.
     *
     * @return the emojis
     */
    public List<String> reactions() {
        return reactions;
    }

    /**
     * Returns the only reply.
     *
     * @return its text
     * @throws AssertionError unless there was exactly one reply
     */
    public String reply() {
        if (replies.size() != 1) {
            throw failure("exactly one reply");
        }
        return replies.get(0);
    }

    /**
     * Expects exactly one reply with exactly this text.
     *
     * @param text the expected reply
     * @return this
     */
    public Exchange expectReply(String text) {
        if (!replies.equals(List.of(text))) {
            throw failure("the reply \"" + text + "\"");
        }
        return this;
    }

    /**
     * Expects exactly these replies, in order.
     *
     * @param texts the expected replies
     * @return this
     */
    public Exchange expectReplies(String... texts) {
        if (!replies.equals(List.of(texts))) {
            throw failure("the replies " + List.of(texts));
        }
        return this;
    }

    /**
     * Expects exactly one reply containing this text.
     *
     * @param fragment text the reply must contain
     * @return this
     */
    public Exchange expectReplyContaining(String fragment) {
        if (replies.size() != 1 || !replies.get(0).contains(fragment)) {
            throw failure("one reply containing \"" + fragment + "\"");
        }
        return this;
    }

    /**
     * Expects no reply at all.
     *
     * @return this
     */
    public Exchange expectNoReply() {
        if (!replies.isEmpty()) {
            throw failure("no reply");
        }
        return this;
    }

    /**
     * Expects the bot to have reacted with this emoji.
     *
     * @param emoji the expected reaction
     * @return this
     */
    public Exchange expectReaction(String emoji) {
        if (!reactions.contains(emoji)) {
            throw failure("the reaction " + emoji);
        }
        return this;
    }

    private AssertionError failure(String expected) {
        return new AssertionError("After \"" + said + "\" expected " + expected + ", but the bot replied " + replies
                + (reactions.isEmpty() ? "" : " and reacted " + reactions) + (actions.isEmpty() ? "" : " and did " + actions));
    }

    @Override
    public String toString() {
        return said + " -> " + replies + (reactions.isEmpty() ? "" : " " + reactions);
    }
}
