package dev.blacksky.core.config;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** The folders the host works in, resolved against the installation folder; CLI flags win over config. */
public record HostPaths(Path home, Path data, Path plugins) {

    public static HostPaths resolve(Path home, Config config, Path dataOverride, Path pluginsOverride) {
        Path data = dataOverride != null ? dataOverride : Path.of(config.getString("blacksky.paths.data"));
        Path plugins = pluginsOverride != null ? pluginsOverride : Path.of(config.getString("blacksky.paths.plugins"));
        return new HostPaths(home, home.resolve(data).toAbsolutePath().normalize(),
                home.resolve(plugins).toAbsolutePath().normalize());
    }
}
