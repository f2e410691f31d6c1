package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin written as the README shows, compiled outside the build against nothing but the installation's
 * own {@code lib/} (the api, PF4J for its annotation processor), dropped into {@code plugins/} and used in the
 * console: its declared access, scope, cooldown, arguments, alias and help all apply.
 */
class ExternalPluginIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();

    private static final String GREET = """
            package com.example.greeter;

            import dev.blacksky.api.command.Access;
            import dev.blacksky.api.command.Argument;
            import dev.blacksky.api.command.ChatScope;
            import dev.blacksky.api.command.Command;
            import dev.blacksky.api.command.CommandContext;
            import dev.blacksky.api.command.CommandSpec;
            import dev.blacksky.api.command.Cooldown;
            import java.time.Duration;
            import org.pf4j.Extension;

            @Extension
            public final class Greet implements Command {
                static final Argument<String> WHO = Argument.word("who", "whom to greet");
                static final Argument<Long> TIMES = Argument.integer("times", "how often");

                @Override
                public CommandSpec spec() {
                    return CommandSpec.named("greet").alias("hi").description("Greets someone, a few times")
                            .category("Fun").argument(WHO).argument(TIMES).example("greet bob 2")
                            .access(Access.GROUP_ADMINS).scope(ChatScope.GROUP)
                            .cooldown(Cooldown.perUser(Duration.ofSeconds(30))).build();
                }

                @Override
                public void execute(CommandContext ctx) {
                    ctx.reply(("Hello " + ctx.args().get(WHO) + "! ").repeat(ctx.args().get(TIMES).intValue()).trim());
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void a_plugin_built_outside_the_repository_works_with_its_declared_rules() throws IOException {
        Path jar = build(tmp.resolve("greeter"));
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(jar, plugins.resolve("greeter.jar"));

        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console", "--plugins", plugins.toString(),
                        "--data", tmp.resolve("data").toString())
                .env("JAVA_HOME", System.getProperty("java.home"))
                .stdin("""
                        !greet bob 2
                        :in team
                        !greet bob 2
                        :as carol
                        !greet bob 2
                        :admin
                        !greet bob 2
                        !greet bob 2
                        !hi bob x
                        !help greet
                        """)
                .run();

        assertThat(result.exit()).as(result.toString()).isZero();
        List<String> lines = result.stdout().lines().toList();
        // The private chat and the group are two lanes, so only each chat's own replies are in order.
        assertThat(lines).contains("!greet works only in groups.");
        assertThat(lines).containsSubsequence(
                "Hello bob! Hello bob!", // the console user is an owner: no admin needed
                "Only group admins can use !greet.", // carol is not an admin
                "Hello bob! Hello bob!", // now she is
                "'x' is not a whole number",
                "Usage: !greet <who> <times>",
                "!greet <who> <times>",
                "Greets someone, a few times",
                "Aliases: !hi",
                "Cooldown: 30s per user",
                "Who: group admins and owners",
                "Where: groups only");
        assertThat(lines).anyMatch(line -> line.startsWith("Slow down: !greet can be used again in"));
        assertThat(result.stderr()).doesNotContain("greeter.jar"); // no load warning
    }

    // What a plugin author's build does: compile against the api with PF4J's processor, then a JAR with the
    // descriptor in its manifest and the extension index the processor wrote.
    private static Path build(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/com/example/greeter"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Greet.java"), GREET);
        String classpath = String.join(java.io.File.pathSeparator, List.of(lib("blacksky-api-"), lib("pf4j-"), lib("slf4j-api-")));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "--release", "21", "-cp", classpath, "-processorpath", classpath,
                "-d", classes.toString(), sources.resolve("Greet.java").toString());
        assertThat(exit).as("javac exit code").isZero();
        assertThat(classes.resolve("META-INF/extensions.idx")).as("PF4J's processor ran").exists();

        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", "greeter");
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Requires", ">=0.1.0 & <1.0.0");
        attributes.putValue("Plugin-Provider", "Example");
        Path jar = dir.resolve("greeter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String lib(String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(DIST.resolve("lib"))) {
            List<Path> found = new ArrayList<>(jars.filter(p -> p.getFileName().toString().startsWith(prefix)).toList());
            assertThat(found).as("lib/" + prefix + "*.jar").hasSize(1);
            return found.getFirst().toString();
        }
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        Files.copy(file, out);
    }
}
