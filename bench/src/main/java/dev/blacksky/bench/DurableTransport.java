package dev.blacksky.bench;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A network-like transport for the durable benchmarks: journaled inbound, sends through the outbox to {@code send}. */
final class DurableTransport implements Transport {

    private final Function<String, CompletionStage<String>> send;
    volatile InboundSink sink;

    DurableTransport(Function<String, CompletionStage<String>> send) {
        this.send = send;
    }

    @Override
    public String name() {
        return "bench-durable";
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void start(InboundSink inbound) {
        this.sink = inbound;
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        return send.apply(text);
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
    }
}
