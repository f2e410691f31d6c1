package dev.blacksky.testkit;

import dev.blacksky.api.ApiVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs a plugin's compiled classes (its class-path root, e.g. target/classes) into a real plugin JAR. */
final class PluginJars {

    private PluginJars() {
    }

    static Path fromClassPath(String pluginId, Class<?> anyPluginClass, Path folder) {
        Path root = classPathRoot(anyPluginClass);
        Path jar = folder.resolve(pluginId + "-test.jar");
        if (Files.isRegularFile(root)) {
            copy(root, jar);
            return jar;
        }
        if (!Files.isRegularFile(root.resolve("META-INF/extensions.idx"))) {
            throw new IllegalStateException(root + "/META-INF/extensions.idx is missing, so the plugin has no extensions."
                    + " Put org.pf4j:pf4j in the compiler's annotationProcessorPaths (JDK 23+ no longer runs processors"
                    + " found on the class path) and mark each extension with @Extension.");
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", pluginId);
        main.putValue("Plugin-Version", "0.0.0-test");
        main.putValue("Plugin-Requires", ">=" + ApiVersion.current());
        main.putValue("Plugin-Provider", "blacksky-testkit");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                Files.copy(file, zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    static void copy(Path source, Path target) {
        try {
            Files.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy plugin JAR " + source, e);
        }
    }

    private static Path classPathRoot(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot tell where " + type.getName() + " was loaded from", e);
        }
    }


    /** The plugin id its reference.conf declares ({@code plugins.<id> { ... }}), next to its compiled classes. */
    static String idOf(Class<?> anyPluginClass) {
        Path root = classPathRoot(anyPluginClass);
        Path reference = root.resolve("reference.conf");
        java.util.Set<String> ids = java.nio.file.Files.isRegularFile(reference)
                ? com.typesafe.config.ConfigFactory.parseFile(reference.toFile()).getObject("plugins").keySet()
                : java.util.Set.of();
        if (ids.size() != 1) {
            throw new IllegalArgumentException("cannot tell the plugin id of " + root + ": its reference.conf should define"
                    + " exactly one plugins.<id> section; or give the id with BlackskyTest.plugin(id, class)");
        }
        return ids.iterator().next();
    }
}
