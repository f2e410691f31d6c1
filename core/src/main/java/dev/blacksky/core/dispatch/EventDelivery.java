package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.core.config.AccountPlan;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to every listener at once, each through its plugin's gate and under the command deadline. */
final class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class); // the dispatcher's voice, as before
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ListenerRegistry listeners;
    private final DispatchSettings settings;
    private final PluginCalls calls;
    private final AccountPlan account;

    EventDelivery(ListenerRegistry listeners, DispatchSettings settings, PluginCalls calls, AccountPlan account) {
        this.account = account;
        this.listeners = listeners;
        this.settings = settings;
        this.calls = calls;
    }

    /** Completes when every listener has handled the event (or failed, or timed out). */
    CompletableFuture<Void> deliver(BotEvent event) {
        List<ListenerRegistry.Entry> all = listeners.all().stream().filter(entry -> account.serves(entry.pluginId()) && entry.wants(event)).toList();
        if (all.isEmpty()) {
            return DONE;
        }
        CompletableFuture<?>[] heard = new CompletableFuture<?>[all.size()];
        for (int i = 0; i < heard.length; i++) {
            ListenerRegistry.Entry entry = all.get(i);
            CompletableFuture<Void> done = new CompletableFuture<>();
            heard[i] = done;
            try {
                calls.steps().execute(() -> listen(entry, event, done));
            } catch (RuntimeException e) { // the bot is stopping
                done.complete(null);
            }
        }
        return CompletableFuture.allOf(heard);
    }

    // Completes `done` when the call ended, or at its deadline.
    private void listen(ListenerRegistry.Entry entry, BotEvent event, CompletableFuture<Void> done) {
        String what = "listener " + entry.listener().getClass().getName() + " of plugin '" + entry.pluginId()
                + "' on " + event.getClass().getSimpleName();
        PluginGate gate = entry.gate();
        PluginGate.Admission admission = gate.admit();
        if (!(admission instanceof PluginGate.Admitted)) {
            log.debug("The {} was skipped: {}", what, admission);
            done.complete(null);
            return;
        }
        PluginCalls.Guarded call = calls.guard(new PluginCalls.Call(entry.pluginId(), account.name(), gate.classLoader(), what), gate,
                settings.commandSlowAfter(), settings.commandTimeout(), () -> { });
        call.outcome().thenAccept(failure -> {
                    if (failure == PluginCalls.TIMED_OUT) {
                        gate.record(PluginGate.Outcome.TIMEOUT);
                        log.warn("The {} ran past its {} deadline and was cancelled", what, settings.commandTimeout());
                        return;
                    }
                    gate.record(failure == null ? PluginGate.Outcome.SUCCESS : PluginGate.Outcome.FAILURE);
                    if (failure != null) {
                        log.error("The {} failed", what, failure);
                    }
                }).whenComplete((ignored, error) -> done.complete(null));
        call.run(() -> {
            entry.listener().onEvent(event);
            return null;
        });
    }
}
