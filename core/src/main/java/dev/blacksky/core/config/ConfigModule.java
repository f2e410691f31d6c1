package dev.blacksky.core.config;

import com.google.inject.AbstractModule;
import com.typesafe.config.Config;

/** Binds the loaded, validated configuration and the resolved folders. */
public final class ConfigModule extends AbstractModule {

    private final Config config;
    private final HostPaths paths;

    public ConfigModule(Config config, HostPaths paths) {
        this.config = config;
        this.paths = paths;
    }

    @Override
    protected void configure() {
        bind(Config.class).toInstance(config);
        bind(HostPaths.class).toInstance(paths);
    }
}
