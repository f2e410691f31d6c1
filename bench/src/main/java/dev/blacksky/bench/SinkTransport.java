package dev.blacksky.bench;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A transport that hands every reply straight to a callback and keeps nothing: the workload's "in-memory sink
 * where the transport would send", without the simulated transport's record of every message sent.
 */
final class SinkTransport implements Transport {

    private final BiConsumer<ChatId, String> sink;

    SinkTransport(BiConsumer<ChatId, String> sink) {
        this.sink = sink;
    }

    @Override
    public String name() {
        return "bench-sink";
    }

    @Override
    public void start(InboundSink inbound) {
        // The harness calls the dispatcher itself, to get each message's completion signal.
    }

    @Override
    public CompletionStage<String> send(ChatId chat, OutgoingMessage message, String messageId) {
        sink.accept(chat, message.text());
        return CompletableFuture.completedFuture(messageId);
    }

    @Override
    public Supplier<CompletionStage<Void>> prepare(OutboundAction action) {
        return () -> CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
    }
}
