package dev.blacksky.core.plugin;

import static dev.blacksky.core.TestHost.groupMessage;
import static dev.blacksky.core.TestHost.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.fixtures.Dependencies;
import dev.blacksky.core.plugin.fixtures.Hello;
import dev.blacksky.core.plugin.fixtures.Misbehaving;
import dev.blacksky.core.plugin.fixtures.ThreadStarter;
import dev.blacksky.core.plugin.fixtures.Versions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLifecycleTest {

    private static final String QUIET = "blacksky.plugin-host.watch = false\n";

    @TempDir
    Path folder;

    private Path plugins() {
        return folder.resolve("plugins");
    }

    private Path versioned(int version) {
        return TestPluginJar.at(folder.resolve("builds/versioned-" + version + ".jar")).attribute("Plugin-Id", "versioned")
                .attribute("Plugin-Version", version + ".0.0").attribute("Plugin-Requires", ">=0.1.0")
                .extension(version == 1 ? Versions.One.class : Versions.Two.class).write();
    }

    private void install(Path jar, String name) throws IOException {
        Files.createDirectories(plugins());
        Files.copy(jar, plugins().resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_jar_added_replaced_and_removed_while_running_is_loaded_reloaded_and_unloaded() throws IOException {
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.say("owner", "!ver")).containsExactly("Unknown command !ver. Send !help to see what I can do.");
            install(versioned(1), "versioned.jar");
            bot.host.plugins().reconcile();
            assertThat(bot.say("owner", "!ver a")).containsExactly("v1 a");
            install(versioned(2), "versioned.jar");
            bot.host.plugins().reconcile();
            assertThat(bot.say("owner", "!ver b")).containsExactly("v2 b");
            assertThat(bot.host.plugins().failures()).isEmpty();
            Files.delete(plugins().resolve("versioned.jar"));
            bot.host.plugins().reconcile();
            assertThat(bot.say("owner", "!ver c")).containsExactly("Unknown command !ver. Send !help to see what I can do.");
        }
    }

    @Test
    void a_broken_replacement_leaves_the_running_version_serving() throws IOException {
        install(versioned(1), "versioned.jar");
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            byte[] v2 = Files.readAllBytes(versioned(2));
            Files.write(plugins().resolve("versioned.jar"), Arrays.copyOf(v2, v2.length / 2));
            bot.host.plugins().reconcile();
            assertThat(bot.say("owner", "!ver")).containsExactly("v1 ");
            assertThat(bot.host.plugins().failures()).singleElement().extracting(PluginFailure::reason)
                    .asString().contains("corrupt or truncated");
            install(versioned(2), "versioned.jar");
            bot.host.plugins().reconcile();
            assertThat(bot.say("owner", "!ver")).containsExactly("v2 ");
            assertThat(bot.host.plugins().failures()).isEmpty();
        }
    }

    @Test
    void the_watcher_picks_up_a_new_jar_without_a_restart() throws IOException {
        try (TestHost bot = TestHost.start(folder, "blacksky.plugin-host { debounce = 50ms, rescan-every = 1h }")) {
            install(versioned(1), "versioned.jar");
            await().atMost(Duration.ofSeconds(2)).until(() -> bot.host.plugins().startedPlugins().contains("versioned"));
            assertThat(bot.say("owner", "!ver")).containsExactly("v1 ");
        }
    }

    @Test
    void owners_list_disable_enable_and_reload_plugins_and_disabling_survives_a_restart() throws IOException {
        install(versioned(1), "versioned.jar");
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.say("alice", "!plugins")).containsExactly("Only the bot's owners can use !plugins.");
            assertThat(bot.say("owner", "!plugins")).singleElement().asString()
                    .contains("• hello 1.0.0 — running — hello").contains("• versioned 1.0.0 — running — ver");
            assertThat(bot.say("owner", "!plugin disable versioned")).singleElement().asString().startsWith("Disabled 'versioned'");
            assertThat(bot.say("owner", "!ver")).singleElement().asString().startsWith("Unknown command");
        }
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.say("owner", "!plugin info versioned")).singleElement().asString().contains("State: disabled");
            assertThat(bot.say("owner", "!plugin enable versioned")).containsExactly("Enabled 'versioned'.");
            assertThat(bot.say("owner", "!ver")).containsExactly("v1 ");
            install(versioned(2), "versioned.jar");
            assertThat(bot.say("owner", "!plugin reload versioned")).containsExactly("Reloaded 'versioned' (2.0.0).");
            assertThat(bot.say("owner", "!ver")).containsExactly("v2 ");
            assertThat(bot.say("owner", "!plugin frobnicate versioned")).singleElement().asString()
                    .contains("'frobnicate' is not an action");
        }
    }

    @Test
    void a_plugin_that_keeps_failing_is_paused_and_the_owners_are_told_why() {
        TestPluginJar.plugin(plugins(), "misbehaving").extension(Misbehaving.Crash.class, Misbehaving.Refuse.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET + "blacksky.plugin-host.breaker.consecutive-failures = 3")) {
            for (int i = 0; i < 3; i++) {
                assertThat(bot.say("alice", "!crash").get(0)).startsWith("Sorry, !crash failed");
            }
            assertThat(bot.transport.sent()).anySatisfy(m -> {
                assertThat(m.chat().value()).isEqualTo("owner");
                assertThat(m.text()).contains("Plugin 'misbehaving' is paused").contains("3 calls failed in a row");
            });
            assertThat(bot.say("alice", "!refuse")).singleElement().asString()
                    .startsWith("Sorry, plugin 'misbehaving' is paused because it keeps failing");
            assertThat(bot.say("owner", "!plugins")).singleElement().asString().contains("misbehaving 1.0.0 — paused")
                    .contains("paused: 3 calls failed in a row");
            bot.say("owner", "!plugin enable misbehaving");
            assertThat(bot.say("alice", "!refuse")).containsExactly("You have no notes yet.");
        }
    }

    @Test
    void user_errors_do_not_count_against_a_plugin() {
        TestPluginJar.plugin(plugins(), "misbehaving").extension(Misbehaving.Refuse.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET + "blacksky.plugin-host.breaker.consecutive-failures = 2")) {
            for (int i = 0; i < 5; i++) {
                assertThat(bot.say("alice", "!refuse")).containsExactly("You have no notes yet.");
            }
        }
    }

    @Test
    void the_bulkhead_refuses_calls_beyond_its_bounds_while_other_plugins_answer() {
        TestPluginJar.plugin(plugins(), "misbehaving").extension(Misbehaving.Hang.class, Misbehaving.Refuse.class).write();
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET + """
                blacksky.plugin-host.bulkhead { max-concurrent-calls = 1, max-queued-calls = 0 }
                blacksky.dispatch.command-timeout = 20s
                blacksky.shutdown.drain-timeout = 100ms
                blacksky.plugin-host.drain-timeout = 100ms
                """)) {
            CompletableFuture<Void> hung = bot.host.dispatcher().dispatch(privateMessage("alice", "!hang"));
            await().atMost(Duration.ofSeconds(5)).until(() -> bot.host.plugins().status().stream()
                    .anyMatch(s -> s.pluginId().equals("misbehaving") && s.callsInProgress() == 1));
            assertThat(bot.say("bob", "!refuse")).containsExactly("Sorry, plugin 'misbehaving' is busy right now; try again in a moment.");
            assertThat(bot.say(groupMessage("team", "carol", false, "!hello"))).hasSize(1);
            assertThat(hung).isNotDone();
        }
    }

    @Test
    void a_missing_dependency_fails_only_that_plugin_and_a_present_one_serves_its_classes() {
        TestPluginJar.plugin(plugins(), "child").attribute("Plugin-Dependencies", "parent")
                .extension(Dependencies.ChildCommand.class).write();
        TestPluginJar.plugin(plugins(), "hello").extension(Hello.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.host.plugins().failures()).singleElement().extracting(PluginFailure::reason)
                    .isEqualTo("it needs plugin 'parent', which is not loaded");
            assertThat(bot.say("alice", "!hello")).hasSize(1);
        }
        // the parent JAR holds the shared class; the child JAR does not have it
        TestPluginJar.plugin(plugins(), "parent").classes(Dependencies.Greeting.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.host.plugins().failures()).isEmpty();
            assertThat(bot.say("alice", "!child")).containsExactly("hello from the parent plugin");
        }
    }

    @Test
    void threads_a_plugin_started_are_stopped_when_it_unloads() throws IOException {
        TestPluginJar.plugin(plugins(), "spawner").extension(ThreadStarter.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.say("alice", "!spawn")).containsExactly("started");
            assertThat(workerAlive()).isTrue();
            Files.delete(plugins().resolve("spawner.jar"));
            bot.host.plugins().reconcile();
            await().atMost(Duration.ofSeconds(5)).until(() -> !workerAlive());
        }
    }

    @Test
    void a_plugins_scheduled_tasks_stop_when_it_unloads() throws IOException {
        TestPluginJar.plugin(plugins(), "ticker").extension(dev.blacksky.core.plugin.fixtures.Ticker.class).write();
        var time = new dev.blacksky.core.schedule.ManualTimeSource(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        try (TestHost bot = TestHost.start(folder, QUIET, time)) {
            int hostTimers = time.pending(); // the host's own timers (session flush) stay; the plugin's must go
            assertThat(bot.say("alice", "!tick")).containsExactly("ticking");
            time.advance(Duration.ofMinutes(2));
            assertThat(bot.transport.sent()).filteredOn(m -> m.text().equals("tick")).hasSize(2);
            Files.delete(plugins().resolve("ticker.jar"));
            bot.host.plugins().reconcile();
            time.advance(Duration.ofMinutes(10));
            assertThat(bot.transport.sent()).filteredOn(m -> m.text().equals("tick")).hasSize(2);
            assertThat(time.pending()).isEqualTo(hostTimers);
        }
    }

    @Test
    void a_plugin_waiting_for_its_dependency_loads_when_the_dependency_arrives() {
        TestPluginJar.plugin(plugins(), "child").attribute("Plugin-Dependencies", "parent")
                .extension(Dependencies.ChildCommand.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(bot.host.plugins().startedPlugins()).isEmpty();
            TestPluginJar.plugin(plugins(), "parent").classes(Dependencies.Greeting.class).write();
            bot.host.plugins().reconcile();
            bot.host.plugins().reconcile(); // the child is retried at the next look, not only when its file changes
            assertThat(bot.host.plugins().startedPlugins()).containsExactly("child", "parent");
            assertThat(bot.say("alice", "!child")).containsExactly("hello from the parent plugin");
        }
    }

    @Test
    void a_jar_that_now_holds_another_plugin_replaces_the_old_one() throws IOException {
        install(versioned(1), "thing.jar");
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            TestPluginJar.at(plugins().resolve("thing.jar")).attribute("Plugin-Id", "hello")
                    .attribute("Plugin-Version", "1.0.0").attribute("Plugin-Requires", ">=0.1.0").extension(Hello.class).write();
            bot.host.plugins().reconcile();
            assertThat(bot.host.plugins().startedPlugins()).containsExactly("hello");
            assertThat(bot.say("owner", "!ver")).singleElement().asString().startsWith("Unknown command");
        }
    }

    @Test
    void a_thread_started_in_the_plugins_start_is_stopped_when_it_unloads() throws IOException {
        TestPluginJar.plugin(plugins(), "starter").attribute("Plugin-Class",
                dev.blacksky.core.plugin.fixtures.StartsThreadPlugin.class.getName())
                .classes(dev.blacksky.core.plugin.fixtures.StartsThreadPlugin.class).extension(Hello.class).write();
        try (TestHost bot = TestHost.start(folder, QUIET)) {
            assertThat(threadAlive("plugin-start-worker")).isTrue();
            Files.delete(plugins().resolve("starter.jar"));
            bot.host.plugins().reconcile();
            await().atMost(Duration.ofSeconds(5)).until(() -> !threadAlive("plugin-start-worker"));
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static boolean workerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("plugin-background-worker") && t.isAlive());
    }
}
