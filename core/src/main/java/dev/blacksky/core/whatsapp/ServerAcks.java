package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.model.node.Node;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Confirms sends by the server's ack: Cobalt's send future also completes when the link drops mid-send. */
final class ServerAcks {

    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Duration timeout;

    ServerAcks(Duration timeout) {
        this.timeout = timeout;
    }

    /** Registers a send before it goes out, so an ack racing the send's own future is not missed. */
    CompletableFuture<Void> expect(String messageId) {
        CompletableFuture<Void> ack = pending.computeIfAbsent(messageId, id -> new CompletableFuture<>());
        ack.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, error) -> pending.remove(messageId, ack));
        return ack;
    }

    /** Reads a stanza; only message acks matter. */
    void learn(Node node) {
        if (!node.hasDescription("ack") || !"message".equals(node.attributes().getString("class", null))) {
            return;
        }
        CompletableFuture<Void> ack = pending.get(node.attributes().getString("id", ""));
        if (ack == null) {
            return;
        }
        String error = node.attributes().getString("error", null);
        if (error == null) {
            ack.complete(null);
        } else {
            ack.completeExceptionally(new IllegalStateException("WhatsApp refused the message (error " + error + ")"));
        }
    }

    int pending() {
        return pending.size();
    }
}
