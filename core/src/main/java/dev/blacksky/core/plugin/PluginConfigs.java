package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Builds a plugin's {@code plugins.<id>} subtree: the host's overrides over the defaults in the plugin's own
 * reference.conf, read through the plugin's class loader only (never a parent's file of the same name).
 */
final class PluginConfigs {

    private PluginConfigs() {
    }

    static Config forPlugin(Config hostConfig, String pluginId, ClassLoader pluginLoader) throws PluginLoadException {
        String path = "plugins." + quote(pluginId);
        Config defaults = ConfigFactory.empty();
        URL reference = pluginLoader instanceof URLClassLoader urls ? urls.findResource("reference.conf") : null;
        if (reference != null) {
            try {
                java.net.URLConnection connection = reference.openConnection();
                connection.setUseCaches(false); // a cached JarFile would keep the JAR open after unload
                try (java.io.Reader text = new java.io.InputStreamReader(connection.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    defaults = ConfigFactory.parseReader(text,
                            com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription(reference.toString())).resolve();
                }
            } catch (ConfigException | java.io.IOException e) {
                throw new PluginLoadException("its reference.conf is malformed: " + e.getMessage());
            }
            for (String root : defaults.root().keySet()) {
                if (!root.equals("plugins") || defaults.getObject("plugins").keySet().stream().anyMatch(k -> !k.equals(pluginId))) {
                    throw new PluginLoadException("its reference.conf defines keys outside " + path
                            + "; a plugin may only define plugins." + pluginId + " { ... }");
                }
            }
        }
        Config merged = hostConfig.hasPath(path) ? hostConfig.withOnlyPath(path).withFallback(defaults) : defaults;
        try {
            Config resolved = merged.resolve();
            return resolved.hasPath(path) ? resolved.getConfig(path) : ConfigFactory.empty();
        } catch (ConfigException e) {
            throw new PluginLoadException("its configuration " + path + " is invalid: " + e.getMessage());
        }
    }

    private static String quote(String pluginId) {
        return pluginId.matches("[A-Za-z0-9_-]+") ? pluginId : "\"" + pluginId.replace("\"", "\\\"") + "\"";
    }
}
