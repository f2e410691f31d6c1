package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin JAR the way a plugin author's build does, against nothing but an installation's own
 * {@code lib/}: compile with PF4J's processor, then a JAR with the descriptor in its manifest.
 */
final class PluginSource {

    private PluginSource() {
    }

    /** Compiles {@code source} (one public class, {@code className} fully qualified) into {@code dir}/{@code id}.jar. */
    static Path build(Path dist, Path dir, String id, String className, String source) throws IOException {
        Path file = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(file, source);
        String classpath = String.join(java.io.File.pathSeparator,
                List.of(lib(dist, "blacksky-api-"), lib(dist, "pf4j-"), lib(dist, "slf4j-api-")));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "--release", "21", "-cp", classpath, "-processorpath", classpath,
                "-d", classes.toString(), file.toString());
        assertThat(exit).as("javac exit code").isZero();
        assertThat(classes.resolve("META-INF/extensions.idx")).as("PF4J's processor ran").exists();

        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Requires", ">=0.1.0 & <1.0.0");
        attributes.putValue("Plugin-Provider", "Example");
        Path jar = dir.resolve(id + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                Files.copy(classFile, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A one-command plugin: {@code !name} runs {@code body} (Java statements; {@code ctx} is the CommandContext). */
    static Path command(Path dist, Path dir, String id, String name, String body) throws IOException {
        String className = "com.example." + id + ".Command_" + name;
        String source = """
                package com.example.%s;

                import dev.blacksky.api.command.Command;
                import dev.blacksky.api.command.CommandContext;
                import dev.blacksky.api.command.CommandSpec;
                import org.pf4j.Extension;

                @Extension
                public final class Command_%s implements Command {
                    @Override
                    public CommandSpec spec() {
                        return CommandSpec.named("%s").description("a test command").build();
                    }

                    @Override
                    public void execute(CommandContext ctx) throws Exception {
                        %s
                    }
                }
                """.formatted(id, name, name, body);
        return build(dist, dir.resolve(id), id, className, source);
    }

    private static String lib(Path dist, String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            List<Path> found = new ArrayList<>(jars.filter(p -> p.getFileName().toString().startsWith(prefix)).toList());
            assertThat(found).as("lib/" + prefix + "*.jar").hasSize(1);
            return found.getFirst().toString();
        }
    }
}
