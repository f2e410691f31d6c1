package dev.blacksky.core;

import dev.blacksky.core.config.ConfigSources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the caller decides before the configuration is read: the installation folder, config sources and
 * the CLI's overrides. {@code dataDir}, {@code pluginsDir} and {@code transport} may be null (use config).
 */
public record HostOptions(Path home, ConfigSources configSources, Path dataDir, Path pluginsDir, String transport,
                          Clock clock) {

    public HostOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(configSources, "configSources");
        Objects.requireNonNull(clock, "clock");
    }

    public static HostOptions defaults(Path home) {
        return new HostOptions(home, ConfigSources.defaults(), null, null, null, Clock.systemUTC());
    }

    public HostOptions withTransport(String name) {
        return new HostOptions(home, configSources, dataDir, pluginsDir, name, clock);
    }
}
