package dev.blacksky.bench;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

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
    public CompletionStage<String> send(ChatId chat, String text) {
        sink.accept(chat, text);
        return CompletableFuture.completedFuture("sink");
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
    }
}
