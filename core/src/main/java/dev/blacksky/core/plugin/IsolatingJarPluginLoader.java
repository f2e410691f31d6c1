package dev.blacksky.core.plugin;

import java.nio.file.Path;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** Loads a plugin JAR into an {@link IsolatingPluginClassLoader} whose parent shows only the api. */
final class IsolatingJarPluginLoader extends JarPluginLoader {

    private final ClassLoader apiOnly;

    IsolatingJarPluginLoader(PluginManager manager, ClassLoader apiOnly) {
        super(manager);
        this.apiOnly = apiOnly;
    }

    @Override
    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
        return new IsolatingPluginClassLoader(pluginManager, descriptor, apiOnly);
    }
}
