package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Cooldown;
import dev.blacksky.api.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cooldown windows per (command, user | member | chat | everyone); only the first refusal per window is answered.
 * A cooldown kept across restarts also writes its window to the database, and is read back from it.
 */
final class Cooldowns {

    private static final int SWEEP_THRESHOLD = 10_000;

    /** What to do with a call. */
    sealed interface Decision permits Allowed, Refused {
    }

    record Allowed() implements Decision {
    }

    /** {@code answer}: whether this refusal is the first in its window and should be answered. */
    record Refused(Duration remaining, boolean answer) implements Decision {
    }

    private record Key(Route route, String scope) {
    }

    private static final class Window {
        final Instant until;
        boolean notified;

        Window(Instant until) {
            this.until = until;
        }
    }

    private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();
    private final KeptCooldowns kept;

    Cooldowns(KeptCooldowns kept) {
        this.kept = kept;
    }

    private static String scopeKey(Cooldown cooldown, Message message) {
        return switch (cooldown.scope()) {
            case USER -> message.sender().id().value();
            case MEMBER -> message.chat().id().value() + '\u0001' + message.sender().id().value();
            case CHAT -> message.chat().id().value();
            case GLOBAL -> "";
        };
    }

    Decision check(Route route, Cooldown cooldown, Message message, Instant now) {
        Key key = new Key(route, scopeKey(cooldown, message));
        Decision[] decision = new Decision[1];
        windows.compute(key, (k, current) -> {
            Window window = current != null || !cooldown.kept() ? current
                    : kept.until(route, key.scope()).map(Window::new).orElse(null);
            if (window != null && now.isBefore(window.until)) {
                decision[0] = new Refused(Duration.between(now, window.until), !window.notified);
                window.notified = true;
                return window;
            }
            decision[0] = new Allowed();
            Window next = new Window(now.plus(cooldown.duration()));
            if (cooldown.kept()) {
                kept.save(route, key.scope(), next.until);
            }
            return next;
        });
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> !now.isBefore(w.until));
        }
        return decision[0];
    }

    /** Lifts the caller's window, as if the call had not happened. */
    void reset(Route route, Cooldown cooldown, Message message) {
        String scope = scopeKey(cooldown, message);
        windows.remove(new Key(route, scope));
        if (cooldown.kept()) {
            kept.delete(route, scope);
        }
    }

    /** Forgets every window of these routes, when their plugin version unloads. */
    void forget(java.util.Collection<Route> routes) {
        java.util.Set<Route> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        gone.addAll(routes);
        windows.keySet().removeIf(k -> gone.contains(k.route()));
    }
}
