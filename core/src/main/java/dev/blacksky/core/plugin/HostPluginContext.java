package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import dev.blacksky.api.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's {@link PluginContext}: one per loaded plugin, built when the plugin starts. */
record HostPluginContext(String pluginId, Config config, Logger logger) implements PluginContext {

    static HostPluginContext create(String pluginId, Config pluginConfig) {
        return new HostPluginContext(pluginId, pluginConfig, LoggerFactory.getLogger("plugin." + pluginId));
    }
}
