package dev.blacksky.core.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** Loads a plugin JAR into an {@link IsolatingPluginClassLoader} whose parent shows only the api. */
final class IsolatingJarPluginLoader extends JarPluginLoader {

    private final ClassLoader apiOnly;
    private final Supplier<List<ClassLoader>> dependencies;

    IsolatingJarPluginLoader(PluginManager manager, ClassLoader apiOnly, Supplier<List<ClassLoader>> dependencies) {
        super(manager);
        this.apiOnly = apiOnly;
        this.dependencies = dependencies;
    }

    @Override
    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
        return new IsolatingPluginClassLoader(pluginManager, descriptor, apiOnly, dependencies.get());
    }
}
