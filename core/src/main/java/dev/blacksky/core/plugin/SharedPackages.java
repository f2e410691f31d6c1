package dev.blacksky.core.plugin;

import java.util.List;

/** The packages the host shares with plugins: the api and the libraries in its signatures. Nothing else. */
final class SharedPackages {

    static final String API_PACKAGE = "dev.blacksky.api.";

    private static final List<String> CLASS_PREFIXES = List.of(
            API_PACKAGE, "org.pf4j.", "org.slf4j.", "com.typesafe.config.", "jakarta.inject.");

    private SharedPackages() {
    }

    static boolean isShared(String className) {
        for (String prefix : CLASS_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSharedResource(String resourceName) {
        String asClass = resourceName.replace('/', '.');
        return isShared(asClass);
    }
}
