package dev.blacksky.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks a built plugin JAR for the mistakes that make plugins vanish or break at load: no extension index,
 * no {@code Plugin-Id} or {@code Plugin-Requires}, api classes bundled inside.
 *
 * <pre>{@code
 * @Test
 * void the_built_jar_is_a_valid_plugin() {
 *     PluginJarCheck.assertValid(Path.of("target/my-plugin-1.0.jar"));
 * }
 * }</pre>
 */
public final class PluginJarCheck {

    private PluginJarCheck() {
    }

    /**
     * Lists what is wrong with a plugin JAR.
     *
     * @param jar the JAR to check
     * @return the problems, empty when the JAR is fine
     */
    public static List<String> problems(Path jar) {
        List<String> problems = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String id = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
            String requires = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Requires");
            if (id == null || id.isBlank()) {
                problems.add("no Plugin-Id in META-INF/MANIFEST.MF");
            }
            if (requires == null || requires.isBlank() || requires.equals("*")) {
                problems.add("no Plugin-Requires in META-INF/MANIFEST.MF (declare the api versions the plugin supports)");
            }
            if (file.getEntry("META-INF/extensions.idx") == null) {
                problems.add("no META-INF/extensions.idx: PF4J's annotation processor did not run (put org.pf4j:pf4j"
                        + " in annotationProcessorPaths)");
            }
            file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("dev/blacksky/api/") && n.endsWith(".class"))
                    .findFirst()
                    .ifPresent(n -> problems.add("bundles blacksky-api classes (" + n + "); use <scope>provided</scope>"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        return problems;
    }

    /**
     * Fails with every problem listed unless the JAR is a valid plugin.
     *
     * @param jar the JAR to check
     * @throws AssertionError listing the problems
     */
    public static void assertValid(Path jar) {
        List<String> problems = problems(jar);
        if (!problems.isEmpty()) {
            throw new AssertionError(jar.getFileName() + " is not a valid Blacksky plugin:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
