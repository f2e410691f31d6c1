package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.BotEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events (messages, joins and leaves, connection changes) to the plugins' listeners: each call on a
 * thread of its own, beside the chat lanes, through the plugin's gate and under the command deadline.
 */
final class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class); // the dispatcher's voice, as before
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ListenerRegistry listeners;
    private final ChatLanes lanes;
    private final DispatchSettings settings;
    private final DispatchMetrics metrics;
    private final Runnable onCallStarted;

    /** {@code onCallStarted} runs once per listener call, before it is handed over (the dispatcher counts them). */
    EventDelivery(ListenerRegistry listeners, ChatLanes lanes, DispatchSettings settings, DispatchMetrics metrics,
                  Runnable onCallStarted) {
        this.listeners = listeners;
        this.lanes = lanes;
        this.settings = settings;
        this.metrics = metrics;
        this.onCallStarted = onCallStarted;
    }

    /** Completes when every listener has handled the event (or failed, or timed out). */
    CompletableFuture<Void> publish(BotEvent event) {
        List<ListenerRegistry.Entry> all = listeners.all();
        if (all.isEmpty()) {
            return DONE;
        }
        CompletableFuture<?>[] calls = new CompletableFuture<?>[all.size()];
        for (int i = 0; i < calls.length; i++) {
            ListenerRegistry.Entry entry = all.get(i);
            Lane.Job job = new Lane.Job() {
                @Override
                void run(Lane lane) {
                    listen(lane, this, entry, event);
                }
            };
            calls[i] = job;
            onCallStarted.run();
            lanes.detached(job);
        }
        return CompletableFuture.allOf(calls);
    }

    private void listen(Lane lane, Lane.Job job, ListenerRegistry.Entry entry, BotEvent event) {
        String name = event.getClass().getSimpleName();
        String listener = entry.listener().getClass().getName();
        PluginGate gate = entry.gate();
        PluginGate.Admission admission = gate.admit();
        if (!(admission instanceof PluginGate.Admitted)) {
            log.debug("Listener {} of plugin '{}' skipped {}: {}", listener, entry.pluginId(), name, admission);
            return;
        }
        GuardedCall call = new GuardedCall(entry.pluginId(), gate.classLoader(), settings.commandSlowAfter(),
                settings.commandTimeout()) {
            @Override
            void invoke() throws Exception {
                entry.listener().onEvent(event);
            }

            @Override
            void onSlow() {
                log.warn("Listener {} of plugin '{}' is still handling {} after {}", listener, entry.pluginId(), name,
                        settings.commandSlowAfter());
            }

            @Override
            void onTimeout() {
                metrics.timeouts.incrementAndGet();
                gate.release(PluginGate.Outcome.TIMEOUT);
                log.warn("Listener {} of plugin '{}' ran past its {} deadline on {} and was cancelled", listener,
                        entry.pluginId(), settings.commandTimeout(), name);
            }
        };
        Throwable failure = ChatLanes.guarded(lane, job, call);
        if (failure == ChatLanes.TIMED_OUT) {
            return;
        }
        gate.release(failure == null ? PluginGate.Outcome.SUCCESS : PluginGate.Outcome.FAILURE);
        if (failure != null) {
            metrics.failures.incrementAndGet();
            log.error("Listener {} of plugin '{}' failed on {}", listener, entry.pluginId(), name, failure);
        }
    }
}
