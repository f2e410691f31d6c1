package dev.blacksky.testkit;

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

    private final String said;
    private final List<String> replies;
    private final List<String> reactions;

    Exchange(String said, List<String> replies, List<String> reactions) {
        this.said = said;
        this.replies = List.copyOf(replies);
        this.reactions = List.copyOf(reactions);
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
                + (reactions.isEmpty() ? "" : " and reacted " + reactions));
    }

    @Override
    public String toString() {
        return said + " -> " + replies + (reactions.isEmpty() ? "" : " " + reactions);
    }
}
