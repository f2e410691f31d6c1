package dev.blacksky.core.config;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders the host works in. Command-line flags win over the configuration and, as a user typing them
 * expects, are relative to the working directory; paths in the configuration are relative to the installation.
 */
public record HostPaths(Path home, Path data, Path plugins) {

    public static HostPaths resolve(Path home, Config config, Path dataOverride, Path pluginsOverride) {
        return new HostPaths(home, folder(home, config, "blacksky.paths.data", dataOverride),
                folder(home, config, "blacksky.paths.plugins", pluginsOverride));
    }

    private static Path folder(Path home, Config config, String key, Path override) {
        Path folder = override != null ? override.toAbsolutePath() : home.resolve(config.getString(key)).toAbsolutePath();
        return folder.normalize();
    }

    /** Refuses a plugins folder the bot could not read: missing, a file, or unreadable, naming where it came from. */
    public void checkPlugins(Config config, boolean fromCommandLine) {
        String problem = !Files.exists(plugins) ? "does not exist" : !Files.isDirectory(plugins) ? "is not a folder"
                : !Files.isReadable(plugins) ? "cannot be read" : null;
        if (problem != null) {
            String origin = config.getValue("blacksky.paths.plugins").origin().description();
            String source = fromCommandLine ? "given with --plugins" : origin.contains("reference.conf")
                    ? "the default of blacksky.paths.plugins" : "from blacksky.paths.plugins, " + origin;
            throw new ConfigurationException("The plugins folder " + plugins + " (" + source + ") " + problem
                    + ". Create it, or name an existing folder.");
        }
    }
}
