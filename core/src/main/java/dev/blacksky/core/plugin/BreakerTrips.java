package dev.blacksky.core.plugin;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/** Every opening of a plugin's circuit breaker, counted per plugin and told to whoever listens (alerts). */
@Singleton
public final class BreakerTrips {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with the plugin id and the reason each time a breaker opens. */
    public void addListener(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** A plugin's breaker opened, for {@code reason}. */
    public void tripped(String pluginId, String reason) {
        counts.computeIfAbsent(pluginId, id -> new LongAdder()).increment();
        listeners.forEach(listener -> listener.accept(pluginId, reason));
    }

    /** Trips since start, by plugin id. */
    public Map<String, Long> counts() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counts.forEach((id, n) -> copy.put(id, n.sum()));
        return copy;
    }
}
