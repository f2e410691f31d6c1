package dev.blacksky.core.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * PF4J configured for Blacksky: JARs only, isolating class loaders, Guice-built extensions, and a version
 * id of its own ({@code notes@3}) so a new version can start beside the old one.
 */
final class HostPluginManager extends DefaultPluginManager {

    private final ExtensionFactory extensionFactory;
    private final PluginDescriptorFinder descriptors = new CompoundPluginDescriptorFinder()
            .add(new PropertiesPluginDescriptorFinder())
            .add(new ManifestPluginDescriptorFinder());
    private String nextId;
    private List<ClassLoader> nextDependencies = List.of();

    HostPluginManager(Path pluginsRoot, String apiVersion, ExtensionFactoryProvider extensions) {
        super(List.of(pluginsRoot));
        this.extensionFactory = extensions.create(this);
        setSystemVersion(apiVersion);
    }

    /** Breaks the cycle between the manager and a factory that needs it. */
    interface ExtensionFactoryProvider {
        ExtensionFactory create(HostPluginManager manager);
    }

    /** The descriptor as the JAR declares it (its real id and dependencies). */
    PluginDescriptor readDescriptor(Path jar) {
        return descriptors.find(jar);
    }

    /** Loads a JAR as the plugin {@code generationId}, its dependencies' classes served by {@code dependencies}. */
    synchronized String loadGeneration(Path jar, String generationId, List<ClassLoader> dependencies) {
        nextId = generationId;
        nextDependencies = List.copyOf(dependencies);
        try {
            return loadPlugin(jar);
        } finally {
            nextId = null;
            nextDependencies = List.of();
        }
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginLoader createPluginLoader() {
        ClassLoader apiOnly = new ApiOnlyClassLoader(getClass().getClassLoader());
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new IsolatingPluginClassLoader(pluginManager, descriptor, apiOnly, nextDependencies);
            }
        };
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new PluginDescriptorFinder() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return true;
            }

            @Override
            public PluginDescriptor find(Path pluginPath) {
                PluginDescriptor declared = descriptors.find(pluginPath);
                if (nextId == null) {
                    return declared;
                }
                return new DefaultPluginDescriptor(nextId, declared.getPluginDescription(), declared.getPluginClass(),
                        declared.getVersion(), declared.getRequires(), declared.getProvider(), declared.getLicense());
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() { // most plugins are only extensions: Plugin-Class may be omitted
            @Override
            public Plugin create(PluginWrapper wrapper) {
                String className = wrapper.getDescriptor().getPluginClass();
                return className == null || className.isBlank() ? new Plugin() : super.create(wrapper);
            }
        };
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
