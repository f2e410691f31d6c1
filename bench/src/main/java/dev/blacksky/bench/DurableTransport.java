package dev.blacksky.bench;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

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
    public CompletionStage<String> send(ChatId chat, OutgoingMessage message, String messageId) {
        return send.apply(message.text()).thenApply(id -> messageId);
    }

    @Override
    public Supplier<CompletionStage<Void>> prepare(OutboundAction action) {
        return () -> CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
    }
}
