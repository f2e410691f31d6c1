package dev.blacksky.core.transport;

/** Where a transport delivers what it receives; delivering never blocks the transport's thread. */
public interface InboundSink {

    /**
     * A message arrived. The stage completes once the bot has taken it for good (on a durable transport: journaled
     * on disk); a transport that can hold its acknowledgement to the network until then should.
     */
    java.util.concurrent.CompletionStage<Void> accept(Inbound inbound);

    /** Something other than a message happened, such as a member joining a group. */
    void event(dev.blacksky.api.event.BotEvent event);

    /** Completes once everything delivered for {@code chat} so far has been handled (a console directive waits here). */
    default java.util.concurrent.CompletableFuture<Void> barrier(dev.blacksky.api.message.ChatId chat) {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** The input ended for good (end of stdin): the host drains and stops. */
    void inputClosed();
}
