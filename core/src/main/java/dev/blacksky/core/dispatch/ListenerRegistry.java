package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.EventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every plugin's event listeners, as an immutable snapshot that dispatch reads without locking. */
public final class ListenerRegistry {

    /** A listener, the plugin it belongs to, and that plugin's gate. */
    public record Entry(String pluginId, EventListener listener, PluginGate gate) {
    }

    private final Map<String, List<Entry>> byPlugin = new TreeMap<>();
    private volatile List<Entry> snapshot = List.of();

    public synchronized void register(String pluginId, List<? extends EventListener> listeners) {
        register(pluginId, listeners, PluginGate.HOST);
    }

    /** Replaces a plugin's listeners, atomically. */
    public synchronized void register(String pluginId, List<? extends EventListener> listeners, PluginGate gate) {
        byPlugin.put(pluginId, listeners.stream().map(l -> new Entry(pluginId, l, gate)).toList());
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
        byPlugin.values().forEach(next::addAll);
        snapshot = List.copyOf(next);
    }
}
