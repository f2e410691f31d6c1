package dev.blacksky.core.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PropertiesPluginDescriptorFinder;

/** PF4J configured for Blacksky: JARs only, isolating class loaders, Guice-built extensions. */
final class HostPluginManager extends DefaultPluginManager {

    private final ExtensionFactory extensionFactory;

    HostPluginManager(Path pluginsRoot, String apiVersion, ExtensionFactoryProvider extensions) {
        super(List.of(pluginsRoot));
        this.extensionFactory = extensions.create(this);
        setSystemVersion(apiVersion);
    }

    /** Breaks the cycle between the manager and a factory that needs it. */
    interface ExtensionFactoryProvider {
        ExtensionFactory create(HostPluginManager manager);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new IsolatingJarPluginLoader(this, new ApiOnlyClassLoader(getClass().getClassLoader()));
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder())
                .add(new ManifestPluginDescriptorFinder());
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new HostPluginFactory();
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        // Called from the super constructor, before our field is set; getExtensionFactory() is overridden.
        return null;
    }

    @Override
    public ExtensionFactory getExtensionFactory() {
        return extensionFactory;
    }
}
