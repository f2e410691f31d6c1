package dev.blacksky.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layers reference.conf, application.conf, --config files and environment overrides, then checks every
 * {@code blacksky.*} key against reference.conf so typos and wrong types stop start-up with file and line.
 */
public final class ConfigLoader {

    private static final String ROOT = "blacksky";
    private static final String ENV_PREFIX = "CONFIG_FORCE_";

    private ConfigLoader() {
    }

    public static Config load(ConfigSources sources) {
        Config reference = ConfigFactory.defaultReference(ConfigLoader.class.getClassLoader());
        Config merged = reference;
        if (sources.applicationConf() != null && Files.exists(sources.applicationConf())) {
            merged = parseFile(sources.applicationConf()).withFallback(merged);
        }
        for (Path file : sources.extraFiles()) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("Configuration file " + file + " does not exist or is not a file."
                        + " Check the path given to --config.");
            }
            merged = parseFile(file).withFallback(merged);
        }
        merged = environmentOverrides(sources.environment()).withFallback(merged);
        Config resolved;
        try {
            resolved = merged.resolve();
        } catch (ConfigException e) {
            throw new ConfigurationException("Configuration cannot be resolved: " + e.getMessage(), e);
        }
        validate(resolved, reference);
        return resolved;
    }

    /** Reads a settings record eagerly, so a wrongly typed value stops start-up with its path, file and line. */
    public static <T> T read(Config config, java.util.function.Function<Config, T> reader) {
        try {
            return reader.apply(config);
        } catch (ConfigException e) {
            throw new ConfigurationException("Invalid configuration:\n  " + where(e.origin()) + stripOrigin(e.origin(), e.getMessage())
                    + "\nEach key and its type are documented in reference.conf (inside blacksky-core.jar).", e);
        }
    }

    private static Config parseFile(Path file) {
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException.Parse e) {
            throw new ConfigurationException("Malformed configuration " + describe(e.origin(), file) + ": "
                    + stripOrigin(e.origin(), e.getMessage()) + ". Fix the syntax (HOCON) at that line.", e);
        } catch (ConfigException e) {
            throw new ConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    // Typesafe Config's CONFIG_FORCE_ convention, applied to the given environment so tests can pass one.
    // Each variable on its own: two that set a key and a key under it (CONFIG_FORCE_blacksky and
    // CONFIG_FORCE_blacksky_transport) would break Typesafe Config's one-map parse; layered, the checks name them.
    private static Config environmentOverrides(Map<String, String> environment) {
        Config overrides = ConfigFactory.empty();
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                overrides = overrides.withFallback(ConfigFactory.parseMap(
                        Map.of(envNameToPath(name.substring(ENV_PREFIX.length())), variable.getValue()),
                        "environment variable " + name));
            }
        }
        return overrides;
    }

    static String envNameToPath(String name) {
        return name.replace("___", "\u0000").replace("__", "-").replace('_', '.').replace('\u0000', '_');
    }

    private static void validate(Config config, Config reference) {
        List<String> problems = new ArrayList<>();
        if (config.hasPath(ROOT) && !(config.getValue(ROOT) instanceof com.typesafe.config.ConfigObject)) {
            ConfigValue value = config.getValue(ROOT);
            throw new ConfigurationException("Invalid configuration:\n  " + where(value.origin()) + ROOT + " is set to "
                    + value.render() + ", but it holds the bot's settings: write keys under it, such as "
                    + ROOT + ".transport = console, instead of a value.");
        }
        if (config.hasPath(ROOT)) {
            for (Map.Entry<String, ConfigValue> entry : config.getConfig(ROOT).entrySet()) {
                String path = ROOT + "." + entry.getKey();
                if (!reference.hasPathOrNull(path) && !inOpenMap(path, reference)) {
                    problems.add(where(entry.getValue().origin()) + "unknown key " + path
                            + KeySuggestions.didYouMean(path, reference.getConfig(ROOT), ROOT));
                }
            }
        }
        try {
            config.checkValid(reference, ROOT);
        } catch (ConfigException.ValidationFailed e) {
            e.problems().forEach(p -> problems.add(where(p.origin()) + p.path() + ": " + p.problem()));
        } catch (ConfigException e) {
            problems.add(where(e.origin()) + stripOrigin(e.origin(), e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration:\n  " + String.join("\n  ", problems)
                    + "\nEach key and its type are documented in reference.conf (inside blacksky-core.jar).");
        }
    }

    // An object that reference.conf leaves empty ({}) is a map whose keys the user chooses, such as plugin ids.
    public static boolean inOpenMap(String path, Config reference) {
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            String parent = path.substring(0, dot);
            if (reference.hasPath(parent) && reference.getValue(parent) instanceof com.typesafe.config.ConfigObject map) {
                return map.isEmpty();
            }
        }
        return false;
    }

    private static String describe(ConfigOrigin origin, Path fallback) {
        if (origin != null && origin.lineNumber() > 0) {
            return "in " + fallback + " at line " + origin.lineNumber();
        }
        return "in " + fallback;
    }

    /** Where a value was set, as {@code file:line: }, for messages that name it. */
    public static String where(ConfigOrigin origin) {
        if (origin == null) {
            return "";
        }
        String file = origin.filename() != null ? origin.filename() : origin.description();
        return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() + ": " : file + ": ";
    }

    // Typesafe messages start with "<file>: <line>: " or "<description>: "; we print the origin our own way.
    private static String stripOrigin(ConfigOrigin origin, String message) {
        if (origin != null && origin.lineNumber() <= 0 && message.startsWith(origin.description() + ": ")) {
            return message.substring(origin.description().length() + 2);
        }
        int marker = message.indexOf(": ");
        int second = marker < 0 ? -1 : message.indexOf(": ", marker + 2);
        if (second > 0 && message.substring(marker + 2, second).chars().allMatch(Character::isDigit)) {
            return message.substring(second + 2);
        }
        return message;
    }
}
