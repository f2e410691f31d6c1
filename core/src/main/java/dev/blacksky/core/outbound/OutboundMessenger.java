package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one {@link Messenger} behind every send, commands and plugins alike, so no plugin can bypass it. For a
 * governed transport (WhatsApp) sends wait in a queue until the {@link SendGovernor} lets them go, in order per
 * chat; a chat waiting out its gap does not hold up the others. Other transports send straight through.
 */
@Singleton
public final class OutboundMessenger implements Messenger {

    private final Transport transport;
    private final TimeSource time;
    private final SendGovernor governor;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private TimeSource.Cancellable wakeUp;

    private record Pending(ChatId chat, String text, CompletableFuture<String> sent) {
    }

    @Inject
    public OutboundMessenger(Transport transport, TimeSource time, GovernorSettings settings) {
        this.transport = transport;
        this.time = time;
        this.governor = settings.transports().contains(transport.name())
                ? new SendGovernor(settings, time.clock().instant()) : null;
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        if (governor == null) {
            return direct(chat, text);
        }
        CompletableFuture<String> sent = new CompletableFuture<>();
        synchronized (this) {
            queue.addLast(new Pending(chat, text, sent));
            drain();
        }
        return sent;
    }

    private CompletionStage<String> direct(ChatId chat, String text) {
        try {
            return transport.send(chat, text);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // Sends every message the governor allows now, oldest first per chat; schedules itself for the rest.
    // Hands them to the transport under the lock, so two messages to one chat can never swap places.
    private synchronized void drain() {
        Instant now = time.clock().instant();
        Duration soonest = null;
        Set<ChatId> waiting = new HashSet<>();
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!waiting.add(p.chat())) {
                continue; // an older message to this chat goes first
            }
            Duration delay = governor.delay(p.chat(), now);
            if (delay.isZero()) {
                it.remove();
                governor.sent(p.chat(), now);
                waiting.remove(p.chat()); // its next message may be due too, if the gap allows
                direct(p.chat(), p.text()).whenComplete((id, error) -> {
                    if (error != null) {
                        p.sent().completeExceptionally(error);
                    } else {
                        p.sent().complete(id);
                    }
                });
                continue;
            }
            soonest = soonest == null || delay.compareTo(soonest) < 0 ? delay : soonest;
        }
        if (wakeUp != null) {
            wakeUp.cancel();
            wakeUp = null;
        }
        if (soonest != null) {
            wakeUp = time.schedule(soonest, this::drain);
        }
    }

    /** The connection came (back): the send rate ramps up again from its starting share. */
    public synchronized void connected() {
        if (governor != null) {
            governor.connected(time.clock().instant());
        }
    }

    /** Messages waiting for the governor. */
    public synchronized int queued() {
        return queue.size();
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        try {
            return transport.react(target, emoji);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
