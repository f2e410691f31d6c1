package dev.blacksky.core.plugin;

import dev.blacksky.core.storage.PluginStore;
import java.util.Set;
import java.util.TreeSet;

/** Which plugins an owner disabled, kept in the host's own namespace of the store so it survives restarts. */
final class PluginStates {

    private static final String PREFIX = "plugin.disabled:";

    private final PluginStore store;

    PluginStates(PluginStore hostStore) {
        this.store = hostStore;
    }

    boolean isDisabled(String pluginId) {
        return store.get(PREFIX + pluginId).isPresent();
    }

    void setDisabled(String pluginId, boolean disabled) {
        if (disabled) {
            store.put(PREFIX + pluginId, "true");
        } else {
            store.delete(PREFIX + pluginId);
        }
    }

    Set<String> disabled() {
        Set<String> ids = new TreeSet<>();
        store.entries(PREFIX).keySet().forEach(k -> ids.add(k.substring(PREFIX.length())));
        return ids;
    }
}
