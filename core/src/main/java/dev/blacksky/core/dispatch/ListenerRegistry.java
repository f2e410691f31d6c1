package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.EventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every plugin's event listeners, as an immutable snapshot that dispatch reads without locking. */
public final class ListenerRegistry {

    /** A listener and the plugin it belongs to. */
    public record Entry(String pluginId, EventListener listener) {
    }

    private final Map<String, List<EventListener>> byPlugin = new TreeMap<>();
    private volatile List<Entry> snapshot = List.of();

    public synchronized void register(String pluginId, List<? extends EventListener> listeners) {
        byPlugin.put(pluginId, List.copyOf(listeners));
        rebuild();
    }

    public synchronized void unregister(String pluginId) {
        if (byPlugin.remove(pluginId) != null) {
            rebuild();
        }
    }

    public List<Entry> all() {
        return snapshot;
    }

    private void rebuild() {
        List<Entry> next = new ArrayList<>();
        byPlugin.forEach((id, listeners) -> listeners.forEach(l -> next.add(new Entry(id, l))));
        snapshot = List.copyOf(next);
    }
}
