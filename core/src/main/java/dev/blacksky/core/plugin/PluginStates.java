package dev.blacksky.core.plugin;

import dev.blacksky.core.storage.PluginStore;

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
}
