package dev.blacksky.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** The parent of every plugin class loader: the JDK and the api, so core, Guice and Cobalt stay out of reach. */
final class ApiOnlyClassLoader extends ClassLoader {

    static final String API_PACKAGE = "dev.blacksky.api.";
    private static final List<String> SHARED = List.of(
            API_PACKAGE, "org.pf4j.", "org.slf4j.", "com.typesafe.config.", "jakarta.inject.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    ApiOnlyClassLoader(ClassLoader host) {
        super("blacksky-api-only", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    /** Whether plugins get {@code className} from the host: the api and the libraries in its signatures. */
    static boolean isShared(String className) {
        // The host's access to the api's parsing internals is the host's alone.
        return !className.startsWith(API_PACKAGE + "internal.") && SHARED.stream().anyMatch(className::startsWith);
    }

    private static boolean isSharedResource(String resourceName) {
        return isShared(resourceName.replace('/', '.'));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not visible to plugins: they see only blacksky-api"
                + " (dev.blacksky.api), PF4J, SLF4J, Typesafe Config and jakarta.inject; bundle other libraries"
                + " in the plugin JAR");
    }

    @Override
    protected URL findResource(String name) {
        return isSharedResource(name) ? host.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isSharedResource(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }
}
