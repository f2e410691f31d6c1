package dev.blacksky.core.dispatch;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Binds the command registry, the dispatcher, the plugin threads and their settings; no thread starts here. */
public final class DispatchModule extends AbstractModule {

    private final DispatchSettings settings;

    public DispatchModule(DispatchSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(DispatchSettings.class).toInstance(settings);
        bind(CommandRegistry.class).in(Singleton.class);
        bind(ListenerRegistry.class).in(Singleton.class);
        bind(Dispatcher.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    PluginCalls pluginCalls() {
        return new PluginCalls(settings.pluginThreads());
    }
}
