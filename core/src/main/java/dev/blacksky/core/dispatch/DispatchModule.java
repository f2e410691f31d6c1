package dev.blacksky.core.dispatch;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.blacksky.core.config.AccountPlans;

/**
 * Binds what every account's dispatcher shares: the command and listener registries, the plugin threads and their
 * settings; no thread starts here. Each account binds its own {@link Dispatcher}.
 */
public final class DispatchModule extends AbstractModule {

    private final DispatchSettings settings;

    public DispatchModule(DispatchSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(DispatchSettings.class).toInstance(settings);
        bind(ListenerRegistry.class).in(Singleton.class);
    }

    /** One registry for every account, with the host's own help, which lists what the asking account serves. */
    @Provides
    @Singleton
    CommandRegistry registry(AccountPlans accounts) {
        CommandRegistry registry = new CommandRegistry();
        try {
            registry.register(CommandRegistry.BUILTIN, java.util.List.of(new HelpCommand(registry,
                    (account, plugin) -> accounts.named(account).map(plan -> plan.serves(plugin)).orElse(true))));
        } catch (InvalidCommandException e) {
            throw new IllegalStateException(e);
        }
        return registry;
    }

    @Provides
    @Singleton
    PluginCalls pluginCalls() {
        return new PluginCalls(settings.pluginThreads());
    }
}
