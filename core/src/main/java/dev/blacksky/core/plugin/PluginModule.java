package dev.blacksky.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds the plugin host and its folder watcher; PF4J and the watch start only in their start() methods. */
public final class PluginModule extends AbstractModule {

    private final PluginHostSettings settings;

    public PluginModule(PluginHostSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(PluginHostSettings.class).toInstance(settings);
        bind(PluginHost.class).in(Singleton.class);
        bind(PluginFolderWatcher.class).in(Singleton.class);
    }
}
