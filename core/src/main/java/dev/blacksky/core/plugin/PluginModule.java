package dev.blacksky.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds the plugin host; PF4J itself starts only in {@link PluginHost#start()}. */
public final class PluginModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PluginHost.class).in(Singleton.class);
    }
}
