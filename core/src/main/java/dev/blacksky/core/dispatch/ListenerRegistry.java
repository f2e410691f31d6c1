package dev.blacksky.core.dispatch;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.EventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every plugin's event listeners, as an immutable snapshot that dispatch reads without locking. */
public final class ListenerRegistry {

    /** A listener, the plugin it belongs to, that plugin's gate, and the events it wants. */
    public record Entry(String pluginId, EventListener listener, PluginGate gate, Set<Class<? extends BotEvent>> events) {

        boolean wants(BotEvent event) {
            return events.stream().anyMatch(type -> type.isInstance(event));
        }
    }

    private final Map<String, List<Entry>> byPlugin = new TreeMap<>();
    private volatile List<Entry> snapshot = List.of();

    public synchronized void register(String pluginId, List<? extends EventListener> listeners) {
        register(pluginId, listeners, PluginGate.HOST);
    }

    /** Replaces a plugin's listeners, atomically. */
    public synchronized void register(String pluginId, List<? extends EventListener> listeners, PluginGate gate) {
        byPlugin.put(pluginId, listeners.stream().map(l -> new Entry(pluginId, l, gate, Set.copyOf(l.events()))).toList());
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
