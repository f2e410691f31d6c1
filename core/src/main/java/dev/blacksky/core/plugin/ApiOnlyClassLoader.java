package dev.blacksky.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin class loader: the JDK plus the shared api packages, so a plugin cannot reach
 * core, Guice or Cobalt classes even by name.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    ApiOnlyClassLoader(ClassLoader host) {
        super("blacksky-api-only", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (SharedPackages.isShared(name)) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not visible to plugins: they see only blacksky-api"
                + " (dev.blacksky.api), PF4J, SLF4J, Typesafe Config and jakarta.inject; bundle other libraries"
                + " in the plugin JAR");
    }

    @Override
    protected URL findResource(String name) {
        return SharedPackages.isSharedResource(name) ? host.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return SharedPackages.isSharedResource(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }
}
