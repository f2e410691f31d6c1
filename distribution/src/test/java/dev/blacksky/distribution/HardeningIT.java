package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin cannot take the packaged bot down: loops, running out of memory, System.exit, huge input. */
class HardeningIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    // A plugins folder with the example basics plugin (!ping, !echo) and the given test plugins.
    private Path plugins(Path... jars) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (var examples = Files.list(DIST.resolve("plugins"))) {
            for (Path jar : examples.filter(p -> p.getFileName().toString().startsWith("blacksky-plugin-basics-")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        for (Path jar : jars) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        return plugins;
    }

    private Path command(String id, String name, String body) throws IOException {
        return PluginSource.command(DIST, tmp.resolve("build"), id, name, body);
    }

    private Launch console(Path plugins, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--console", "--plugins", plugins.toString(), "--data",
                tmp.resolve("data").toString()));
        args.addAll(List.of(more));
        return Launch.of(DIST.resolve("bin/blacksky"), args.toArray(String[]::new)).env("JAVA_HOME", JAVA_HOME)
                .env("BLACKSKY_LOGS", tmp.resolve("logs").toString());
    }

    @Test
    void two_plugins_spinning_in_two_chats_each_leave_ping_answering_and_are_told_they_took_too_long() throws Exception {
        Path plugins = plugins(command("spinner", "spin", "while (true) { }"),
                command("looper", "loop", "long n = 0; while (n >= 0) { n = n + 1 - 1; }"));
        Path conf = Files.writeString(tmp.resolve("timeouts.conf"),
                "blacksky.dispatch.command-timeout = 3s\nblacksky.shutdown.drain-timeout = 2s\n");
        try (Console bot = new Console(DIST, JAVA_HOME, "--plugins", plugins.toString(), "--data",
                tmp.resolve("data").toString(), "--config", conf.toString())) {
            bot.say(":as e");
            bot.say("!ping");
            assertThat(bot.reply()).as("answering before the loops start").isEqualTo("pong");
            for (String line : List.of(":as a", "!spin", ":as b", "!spin", ":as c", "!loop", ":as d", "!loop", ":as e")) {
                bot.say(line);
            }
            long asked = System.nanoTime();
            bot.say("!ping");
            assertThat(bot.reply()).as("the next reply: ping's, ahead of the loops' deadlines").isEqualTo("pong");
            long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            List<String> stopped = List.of(bot.reply(), bot.reply(), bot.reply(), bot.reply());
            assertThat(stopped).containsExactlyInAnyOrder("Sorry, !spin took too long and was stopped.",
                    "Sorry, !spin took too long and was stopped.", "Sorry, !loop took too long and was stopped.",
                    "Sorry, !loop took too long and was stopped.");
            System.out.printf("HardeningIT: !ping answered in %d ms while four calls spun on two cores%n", answeredMillis);
            assertThat(bot.close(60)).as("exit code; stderr: " + bot.stderr).isZero();
        }
    }

    // The stop waits one drain timeout (10 s) in all. Waiting once more per plugin, as it did, took 10 + 3 x 10 s,
    // past the 40 s this test gives the process to exit after SIGTERM.
    @Test
    void sigterm_with_three_long_calls_in_flight_exits_within_one_drain_timeout() throws Exception {
        String busy = "ctx.reply(\"busy\"); long end = System.nanoTime() + 120_000_000_000L; while (System.nanoTime() < end) { }";
        Path plugins = plugins(command("one", "one", busy), command("two", "two", busy), command("three", "three", busy));
        Path conf = Files.writeString(tmp.resolve("drain.conf"), """
                blacksky.dispatch.command-timeout = 5m
                blacksky.shutdown.drain-timeout = 10s
                blacksky.plugin-host.drain-timeout = 10s
                """);
        try (Console bot = new Console(DIST, JAVA_HOME, "--plugins", plugins.toString(), "--data",
                tmp.resolve("data").toString(), "--config", conf.toString())) {
            for (String line : List.of(":as a", "!one", ":as b", "!two", ":as c", "!three")) {
                bot.say(line);
            }
            assertThat(List.of(bot.reply(), bot.reply(), bot.reply())).containsOnly("busy");
            long asked = System.nanoTime();
            assertThat(bot.terminate(40)).as("stderr: " + bot.stderr).isZero();
            System.out.printf("HardeningIT: SIGTERM to exit in %d ms with a 10 s drain timeout and three busy plugins%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
        }
    }

    @Test
    void a_plugin_that_runs_out_of_memory_stops_the_bot_with_exit_5_a_line_naming_it_and_a_clean_stdout() throws Exception {
        Path plugins = plugins(command("hog", "hog",
                "java.util.List<long[]> all = new java.util.ArrayList<>(); while (true) { all.add(new long[1 << 20]); }"));
        Launch.Result result = console(plugins).env("BLACKSKY_JAVA_OPTS", "-Xmx96m").stdin("!ping\n!hog\n!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(5);
        assertThat(result.stdout()).as("stdout carries only replies").isEqualTo("pong\n");
        assertThat(result.stderr()).contains("blacksky: out of memory during the command !hog of plugin 'hog'");
        assertThat(Files.readString(tmp.resolve("logs/blacksky.log")))
                .contains("Out of memory during the command !hog of plugin 'hog'");
    }

    @Test
    void a_message_that_kills_the_bot_at_every_start_is_dead_lettered_after_its_attempts_and_the_owner_told() throws Exception {
        Path plugins = plugins(command("hog", "hog",
                "java.util.List<long[]> all = new java.util.ArrayList<>(); while (true) { all.add(new long[1 << 20]); }"));
        Path conf = Files.writeString(tmp.resolve("durable.conf"), "blacksky.console.durable = true\n");
        Launch.Result first = console(plugins, "--config", conf.toString()).env("BLACKSKY_JAVA_OPTS", "-Xmx96m")
                .stdin("!hog\n").run();
        assertThat(first.exit()).as(first.toString()).isEqualTo(5);
        for (int restart = 2; restart <= 3; restart++) { // the journal hands the message to each new run
            Launch.Result again = console(plugins, "--config", conf.toString()).env("BLACKSKY_JAVA_OPTS", "-Xmx96m").run();
            assertThat(again.exit()).as("run " + restart + ": " + again).isEqualTo(5);
        }
        Launch.Result last = console(plugins, "--config", conf.toString()).env("BLACKSKY_JAVA_OPTS", "-Xmx96m")
                .stdin("!ping\n").run();
        assertThat(last.exit()).as(last.toString()).isZero();
        assertThat(last.stdout()).contains("was being handled each of the 3 times the bot stopped unexpectedly, so it"
                + " was set aside and will not be tried again: \"!hog\"").contains("pong");
        assertThat(Files.readString(tmp.resolve("logs/blacksky.log"))).contains("set aside as a dead letter");
    }

    @Test
    void a_console_line_bigger_than_the_heap_is_refused_and_the_bot_goes_on() throws Exception {
        String huge = "!echo " + "x".repeat(100_000_000) + "\n";
        Launch.Result result = console(plugins()).env("BLACKSKY_JAVA_OPTS", "-Xmx64m").stdin(huge + "!ping\n").run();
        assertThat(result.exit()).as(result.toString().substring(0, Math.min(2000, result.toString().length()))).isZero();
        assertThat(result.stdout()).isEqualTo("Your message is longer than the 65536 characters I read, so I did not run"
                + " !echo.\npong\n");
    }

    @Test
    void a_plugin_calling_system_exit_is_refused_at_load_and_the_bot_keeps_running() throws Exception {
        Path plugins = plugins(command("quitter", "quit", "System.exit(0);"));
        Launch.Result result = console(plugins).stdin("!quit\n!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Unknown command !quit. Send !help to see what I can do.\npong\n");
        assertThat(result.stderr()).contains("quitter.jar").contains(
                "it calls System.exit in com.example.quitter.Command_quit.execute, which would stop the whole bot");

        Launch.Result list = Launch.of(DIST.resolve("bin/blacksky"), "plugins", "list", "--plugins", plugins.toString())
                .env("JAVA_HOME", JAVA_HOME).run();
        assertThat(list.exit()).as(list.toString()).isEqualTo(1);
        assertThat(list.stdout()).contains("FAIL  quitter").contains("calls System.exit");
    }
}
