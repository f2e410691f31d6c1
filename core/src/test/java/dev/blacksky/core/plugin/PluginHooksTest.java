package dev.blacksky.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.fixtures.Hooks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHooksTest {

    @TempDir
    Path folder;

    @Test
    void start_hooks_get_the_context_once_per_start_and_stop_hooks_run_at_every_stop() {
        TestPluginJar.plugin(folder.resolve("plugins"), "counter").extension(Hooks.Counting.class).write();
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.say("alice", "!starts")).containsExactly("started 1, stopped 0");
        }
        try (TestHost again = TestHost.start(folder, "")) {
            assertThat(again.say("alice", "!starts")).containsExactly("started 2, stopped 1");
        }
    }

    @Test
    void a_failing_start_hook_fails_its_plugin_only_with_the_reason() {
        TestPluginJar.plugin(folder.resolve("plugins"), "strict").extension(Hooks.Failing.class).write();
        TestPluginJar.plugin(folder.resolve("plugins"), "counter").extension(Hooks.Counting.class).write();
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.host.plugins().failures()).singleElement().satisfies(f -> assertThat(f.describe())
                    .contains("strict").contains("start hook").contains("plugins.strict.token is not set"));
            assertThat(bot.say("alice", "!starts")).containsExactly("started 1, stopped 0");
        }
    }

    @Test
    void a_setting_read_in_a_constructor_but_never_declared_is_named_by_its_full_path() {
        TestPluginJar.plugin(folder.resolve("plugins"), "pollish").extension(dev.blacksky.core.plugin.fixtures.NeedsSetting.class)
                .write();
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.host.plugins().failures()).singleElement().satisfies(f -> assertThat(f.describe())
                    .contains("plugins.pollish.max-options").doesNotContain("ProvisionException").doesNotContain("Guice"));
        }
        try (TestHost bot = TestHost.start(folder, "plugins.pollish.max-options = 5")) {
            assertThat(bot.say("alice", "!needs")).containsExactly("max 5");
        }
    }
}
