package dev.blacksky.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the configuration comes from, lowest priority first after the built-in reference.conf:
 * the installation's application.conf (optional), then each --config file, then the environment.
 */
public record ConfigSources(Path applicationConf, List<Path> extraFiles, Map<String, String> environment) {

    public ConfigSources {
        extraFiles = List.copyOf(extraFiles);
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** No files and no environment: the built-in defaults only. */
    public static ConfigSources defaults() {
        return new ConfigSources(null, List.of(), Map.of());
    }
}
