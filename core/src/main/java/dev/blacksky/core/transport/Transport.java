package dev.blacksky.core.transport;

import dev.blacksky.api.group.GroupException;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A backend that delivers inbound messages to the host and carries its replies out. */
public interface Transport {

    /** The name used in {@code blacksky.transport}. */
    String name();

    /** Starts delivering inbound traffic to {@code sink}; threads and sockets start here, not before. */
    void start(InboundSink sink);

    /**
     * Sends a message under a message id the host chose, so that a retry is the same message; the stage
     * completes with the id the message went out under. Media, if any, is a file the host owns until then.
     */
    CompletionStage<String> send(ChatId chat, OutgoingMessage message, String messageId);

    /** Captures now what a queued action will need of its target; the returned action sends it. */
    Supplier<CompletionStage<Void>> prepare(OutboundAction action);

    /** Stops intake and releases the backend; idempotent. */
    void stop();

    /** Whether traffic must survive a crash: inbound journaled before dispatch, sends through the outbox. */
    default boolean durable() {
        return false;
    }

    /** Users this transport treats as owners whatever the configuration says (the console user). */
    default Set<UserId> implicitOwners() {
        return Set.of();
    }

    /** The bot's own user id, once known. */
    default java.util.Optional<UserId> self() {
        return java.util.Optional.empty();
    }

    /** What a group is now, read from the network (the host caches it). */
    default CompletionStage<GroupInfo> groupInfo(ChatId group) {
        return CompletableFuture.failedFuture(new GroupException("groups are not available on the " + name() + " transport"));
    }

    /** Makes one change to a group; the host checked that the bot is an admin there. */
    default CompletionStage<Void> changeGroup(ChatId group, GroupChange change) {
        return CompletableFuture.failedFuture(new GroupException("groups are not available on the " + name() + " transport"));
    }

    /** The group's invite link. */
    default CompletionStage<String> inviteLink(ChatId group) {
        return CompletableFuture.failedFuture(new GroupException("groups are not available on the " + name() + " transport"));
    }

    /** Writes a received message's media to {@code target}, failing once more than {@code maxBytes} came. */
    default CompletionStage<Void> download(Message message, Path target, long maxBytes) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the " + name()
                + " transport cannot download media"));
    }
}
