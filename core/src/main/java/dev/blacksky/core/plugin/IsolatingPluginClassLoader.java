package dev.blacksky.core.plugin;

import java.net.URL;
import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** Plugin-first, but the api from the host and dependencies' classes from the versions it started against. */
final class IsolatingPluginClassLoader extends PluginClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<ClassLoader> dependencies;

    IsolatingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader apiOnlyParent,
                               List<ClassLoader> dependencies) {
        super(manager, descriptor, apiOnlyParent, ClassLoadingStrategy.PDA);
        this.dependencies = List.copyOf(dependencies);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        return ApiOnlyClassLoader.isShared(className) || super.shouldDelegateToParent(className);
    }

    @Override
    protected Class<?> loadClassFromDependencies(String className) {
        for (ClassLoader dependency : dependencies) {
            try {
                return dependency.loadClass(className);
            } catch (ClassNotFoundException e) {
                // not in this dependency; try the next
            }
        }
        return null;
    }

    @Override
    protected URL findResourceFromDependencies(String name) {
        for (ClassLoader dependency : dependencies) {
            URL url = dependency.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }
}
