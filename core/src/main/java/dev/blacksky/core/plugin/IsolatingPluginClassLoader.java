package dev.blacksky.core.plugin;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** A plugin-first class loader that always takes the shared api packages from the host. */
final class IsolatingPluginClassLoader extends PluginClassLoader {

    static {
        registerAsParallelCapable();
    }

    IsolatingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader apiOnlyParent) {
        super(manager, descriptor, apiOnlyParent, ClassLoadingStrategy.PDA);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        return SharedPackages.isShared(className) || super.shouldDelegateToParent(className);
    }
}
