package dev.blacksky.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.blacksky.api.message.Messenger;
import com.google.inject.Injector;
import dev.blacksky.api.PluginContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;

/**
 * Builds extensions with their plugin's own root injector (api services only): a child injector would keep
 * just-in-time bindings in the parent, and with them the plugin's class loader after it unloads.
 */
final class GuiceExtensionFactory implements ExtensionFactory {

    private final PluginManager manager;
    private final Map<String, Injector> injectors = new ConcurrentHashMap<>();
    private final Map<String, PluginContext> contexts = new ConcurrentHashMap<>();

    GuiceExtensionFactory(PluginManager manager) {
        this.manager = manager;
    }

    void bind(String pluginId, PluginContext context) {
        contexts.put(pluginId, context);
    }

    void forget(String pluginId) {
        injectors.remove(pluginId);
        contexts.remove(pluginId);
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        PluginWrapper plugin = manager.whichPlugin(extensionClass);
        if (plugin == null) {
            throw new PluginRuntimeException("Extension {} does not belong to a loaded plugin", extensionClass.getName());
        }
        String pluginId = plugin.getPluginId();
        PluginContext context = contexts.get(pluginId);
        if (context == null) {
            throw new PluginRuntimeException("Plugin '{}' has no context; it is not started", pluginId);
        }
        Injector injector = injectors.computeIfAbsent(pluginId, id -> Guice.createInjector(Stage.PRODUCTION,
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(PluginContext.class).toInstance(context);
                        bind(Messenger.class).toInstance(context.messenger());
                        bind(Logger.class).toInstance(context.logger());
                    }
                }));
        return injector.getInstance(extensionClass);
    }
}
