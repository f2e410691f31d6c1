package dev.blacksky.core;

import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.schedule.SystemTimeSource;
import dev.blacksky.core.schedule.TimeSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** What the caller decides before the configuration is read; null paths and transport mean "as configured". */
public record HostOptions(Path home, ConfigSources configSources, Path dataDir, Path pluginsDir, String transport,
                          TimeSource time) {

    public HostOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(configSources, "configSources");
        Objects.requireNonNull(time, "time");
    }

    /** Wall-clock time from {@code clock}. */
    public HostOptions(Path home, ConfigSources configSources, Path dataDir, Path pluginsDir, String transport,
                       Clock clock) {
        this(home, configSources, dataDir, pluginsDir, transport, new SystemTimeSource(clock));
    }
}
