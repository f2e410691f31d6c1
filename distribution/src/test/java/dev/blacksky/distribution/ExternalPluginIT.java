package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private Path build(Path dir) throws IOException {
        return PluginSource.build(DIST, dir, "greeter", "com.example.greeter.Greet", GREET);
    }
}
