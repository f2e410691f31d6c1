package dev.blacksky.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes a real PF4J plugin JAR from classes on the test class path, as PF4J's own PluginJar does. */
public final class TestPluginJar {

    private final Path file;
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final List<Class<?>> extensions = new ArrayList<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();

    private TestPluginJar(Path file) {
        this.file = file;
    }

    public static TestPluginJar at(Path file) {
        return new TestPluginJar(file);
    }

    /** A plugin with id, version 1.0.0 and a Plugin-Requires every 0.x host satisfies. */
    public static TestPluginJar plugin(Path folder, String id) {
        return at(folder.resolve(id + ".jar")).attribute("Plugin-Id", id).attribute("Plugin-Version", "1.0.0")
                .attribute("Plugin-Requires", ">=0.1.0");
    }

    public TestPluginJar attribute(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /** Adds classes and lists them in META-INF/extensions.idx. */
    public TestPluginJar extension(Class<?>... types) {
        extensions.addAll(List.of(types));
        return classes(types);
    }

    /** Adds classes, with the classes that enclose them (a nested class needs its nest host). */
    public TestPluginJar classes(Class<?>... types) {
        for (Class<?> type : types) {
            for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
                if (!classes.contains(c)) {
                    classes.add(c);
                }
            }
        }
        return this;
    }

    public TestPluginJar resource(String name, String content) {
        resources.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Path write() {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, mf)) {
                for (Class<?> type : classes) {
                    String name = type.getName().replace('.', '/') + ".class";
                    jar.putNextEntry(new JarEntry(name));
                    try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                        in.transferTo(jar);
                    }
                }
                if (!extensions.isEmpty()) {
                    jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                    StringBuilder index = new StringBuilder();
                    extensions.forEach(e -> index.append(e.getName()).append('\n'));
                    jar.write(index.toString().getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    jar.putNextEntry(new JarEntry(resource.getKey()));
                    jar.write(resource.getValue());
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
