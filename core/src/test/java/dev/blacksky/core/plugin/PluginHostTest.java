package dev.blacksky.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.command.Command;
import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.fixtures.BadSpec;
import dev.blacksky.core.plugin.fixtures.FailingStartPlugin;
import dev.blacksky.core.plugin.fixtures.Greeter;
import dev.blacksky.core.plugin.fixtures.Hello;
import dev.blacksky.core.plugin.fixtures.Snooper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

    @TempDir
    Path folder;

    private Path plugins() {
        return folder.resolve("plugins");
    }

    private TestHost start() {
        return TestHost.start(folder, "");
    }

    private String failureFor(TestHost bot, String jarName) {
        return bot.host.plugins().failures().stream()
                .filter(f -> f.jar().getFileName().toString().equals(jarName))
                .map(PluginFailure::describe)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure reported for " + jarName + ": "
                        + bot.host.plugins().failures()));
    }

    @Test
    void plugin_command_runs_in_its_own_class_loader() {
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        try (TestHost bot = start()) {
            assertThat(bot.say("alice", "!hello")).containsExactly("hello from IsolatingPluginClassLoader");
            assertThat(bot.say("alice", "/hi")).containsExactly("hello from IsolatingPluginClassLoader");
        }
    }

    @Test
    void a_plugin_that_calls_system_exit_is_refused_at_load_naming_the_class_and_method_while_the_others_run() {
        TestPluginJar.plugin(plugins(), "quitter").extension(dev.blacksky.core.plugin.fixtures.Misbehaving.Exit.class).write();
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        try (TestHost bot = start()) {
            assertThat(failureFor(bot, "quitter.jar")).contains("it calls System.exit in "
                    + "dev.blacksky.core.plugin.fixtures.Misbehaving$Exit.execute, which would stop the whole bot");
            assertThat(bot.say("alice", "!quit")).singleElement().asString().startsWith("Unknown command");
            assertThat(bot.say("alice", "!hello")).hasSize(1);
        }
        assertThat(PluginFolderCheck.check(plugins())).filteredOn(e -> e.jar().endsWith("quitter.jar")).singleElement()
                .extracting(PluginFolderCheck.Entry::problem).asString().contains("calls System.exit");
    }

    @Test
    void plugins_see_the_api_but_not_core_or_guice() {
        TestPluginJar.plugin(plugins(), "snooper").extension(Snooper.class).write();
        try (TestHost bot = start()) {
            assertThat(bot.say("alice", "!snoop")).containsExactly("dev.blacksky.core.BotHost=hidden"
                    + " com.google.inject.Injector=hidden dev.blacksky.api.message.Message=visible");
        }
    }

    @Test
    void plugin_reads_its_config_with_defaults_from_its_own_reference_conf() throws IOException {
        TestPluginJar.plugin(plugins(), "greeter").extension(Greeter.class)
                .resource("reference.conf", "plugins.greeter { greeting = \"Hi\", unused = 1 }").write();
        try (TestHost bot = start()) {
            assertThat(bot.say("alice", "!greet")).containsExactly("Hi (greeter)");
        }
        try (TestHost bot = TestHost.start(folder, "plugins.greeter.greeting = Howdy")) {
            assertThat(bot.say("alice", "!greet")).containsExactly("Howdy (greeter)");
        }
    }

    @Test
    void reference_conf_outside_the_plugins_own_subtree_fails_only_that_plugin() {
        TestPluginJar.plugin(plugins(), "greeter").extension(Greeter.class)
                .resource("reference.conf", "blacksky.transport = console").write();
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        try (TestHost bot = start()) {
            assertThat(failureFor(bot, "greeter.jar")).contains("defines keys outside plugins.greeter");
            assertThat(bot.say("alice", "!hello")).hasSize(1);
        }
    }

    @Test
    void broken_jars_are_skipped_with_a_reason_while_the_rest_work() throws IOException {
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        Path good = TestPluginJar.plugin(folder.resolve("other"), "whole").extension(Hello.class).write();
        byte[] bytes = Files.readAllBytes(good);
        Files.write(plugins().resolve("truncated.jar"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.write(plugins().resolve("empty.jar"), new byte[0]);
        Files.writeString(plugins().resolve("text.jar"), "not a zip at all");
        TestPluginJar.at(plugins().resolve("no-descriptor.jar")).attribute("Created-By", "hand").classes(Hello.class).write();
        TestPluginJar.plugin(plugins(), "bundles-api").extension(Hello.class).classes(Command.class).write();

        try (TestHost bot = start()) {
            assertThat(failureFor(bot, "truncated.jar")).contains("corrupt or truncated");
            assertThat(failureFor(bot, "empty.jar")).contains("empty");
            assertThat(failureFor(bot, "text.jar")).contains("not a readable JAR");
            assertThat(failureFor(bot, "no-descriptor.jar")).contains("no plugin descriptor");
            assertThat(failureFor(bot, "bundles-api.jar"))
                    .contains("bundles blacksky-api classes (dev/blacksky/api/command/Command.class)")
                    .contains("<scope>provided</scope>");
            assertThat(bot.host.plugins().startedPlugins()).containsExactly("hello");
            assertThat(bot.say("alice", "!hello")).hasSize(1);
        }
    }

    @Test
    void incompatible_plugin_requires_is_refused_naming_both_versions() {
        TestPluginJar.plugin(plugins(), "future").attribute("Plugin-Requires", ">=9.0.0").extension(Hello.class).write();
        try (TestHost bot = start()) {
            assertThat(failureFor(bot, "future.jar")).contains("requires blacksky-api >=9.0.0")
                    .contains("this host provides 0.1.0");
        }
    }

    @Test
    void duplicate_plugin_id_keeps_the_first_and_reports_the_second() {
        TestPluginJar.at(plugins().resolve("a-hello.jar")).attribute("Plugin-Id", "hello")
                .attribute("Plugin-Version", "1.0.0").extension(Hello.class).write();
        TestPluginJar.at(plugins().resolve("b-hello.jar")).attribute("Plugin-Id", "hello")
                .attribute("Plugin-Version", "2.0.0").extension(Hello.class).write();
        try (TestHost bot = start()) {
            assertThat(failureFor(bot, "b-hello.jar")).contains("same id (hello)");
            assertThat(bot.say("alice", "!hello")).hasSize(1);
        }
    }

    @Test
    void failing_start_or_bad_declaration_fails_only_that_plugin() {
        TestPluginJar.plugin(plugins(), "crashy").attribute("Plugin-Class", FailingStartPlugin.class.getName())
                .classes(FailingStartPlugin.class).extension(Hello.class).write();
        TestPluginJar.plugin(plugins(), "badspec").extension(BadSpec.class).write();
        TestPluginJar.plugin(plugins(), "snooper").extension(Snooper.class).write();
        try (TestHost bot = start()) {
            assertThat(failureFor(bot, "crashy.jar")).contains("database unreachable");
            assertThat(failureFor(bot, "badspec.jar")).contains("command 'Bad Name'").contains("lower-case");
            assertThat(bot.host.plugins().startedPlugins()).containsExactly("snooper");
            assertThat(bot.say("alice", "!hello")).containsExactly("Unknown command !hello. Did you mean !help? Send !help to see what I can do.");
            assertThat(bot.say("alice", "!snoop")).hasSize(1);
        }
    }

    @Test
    void missing_plugins_folder_starts_without_plugins() throws IOException {
        try (TestHost bot = start()) {
            assertThat(bot.host.plugins().startedPlugins()).isEmpty();
        }
        Files.delete(plugins());
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.host.plugins().failures()).isEmpty();
        }
    }
}
