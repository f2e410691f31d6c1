package dev.blacksky.core.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.KeySuggestions;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (reference != null && defaults.hasPath(path)) {
            checkAgainstDefaults(hostConfig, defaults, path);
        }
        try {
            Config resolved = merged.resolve();
            return resolved.hasPath(path) ? resolved.getConfig(path) : ConfigFactory.empty();
        } catch (ConfigException e) {
            throw new PluginLoadException("its configuration " + path + " is invalid: " + e.getMessage());
        }
    }

    // Like blacksky.* keys: an unknown key or a value of the wrong type names its file, line and full path.
    private static void checkAgainstDefaults(Config hostConfig, Config defaults, String path) throws PluginLoadException {
        List<String> problems = new ArrayList<>();
        if (hostConfig.hasPath(path)) {
            for (Map.Entry<String, ConfigValue> entry : hostConfig.getConfig(path).entrySet()) {
                String key = path + "." + entry.getKey();
                if (!defaults.hasPathOrNull(key) && !ConfigLoader.inOpenMap(key, defaults)) {
                    problems.add(ConfigLoader.where(entry.getValue().origin()) + "unknown key " + key
                            + KeySuggestions.didYouMean(key, defaults.getConfig(path), path));
                }
            }
            Config merged = hostConfig.withOnlyPath(path).withFallback(defaults);
            try {
                merged.resolve().checkValid(defaults, path);
            } catch (ConfigException.ValidationFailed e) {
                e.problems().forEach(p -> problems.add(ConfigLoader.where(p.origin()) + p.path() + ": " + p.problem()));
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
            // checkValid lets any string stand for a number or a boolean; reading it as one tells.
            for (Map.Entry<String, ConfigValue> entry : defaults.getConfig(path).entrySet()) {
                String key = path + "." + entry.getKey();
                try {
                    switch (entry.getValue().valueType()) {
                        case NUMBER -> merged.getNumber(key);
                        case BOOLEAN -> merged.getBoolean(key);
                        default -> { }
                    }
                } catch (ConfigException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginLoadException("its configuration is invalid: " + String.join("; ", problems)
                    + " (its settings and their defaults are in the plugin's reference.conf)");
        }
    }

    private static String quote(String pluginId) {
        return pluginId.matches("[A-Za-z0-9_-]+") ? pluginId : "\"" + pluginId.replace("\"", "\\\"") + "\"";
    }
}
