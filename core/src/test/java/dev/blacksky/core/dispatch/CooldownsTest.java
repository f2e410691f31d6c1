package dev.blacksky.core.dispatch;

import static dev.blacksky.core.TestHost.groupMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.TestPluginJar;
import dev.blacksky.core.plugin.fixtures.Rewards;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooldownsTest {

    @TempDir
    Path folder;

    @BeforeEach
    void plugins() {
        TestPluginJar.plugin(folder.resolve("plugins"), "rewards").extension(Rewards.Daily.class, Rewards.Lucky.class).write();
    }

    @Test
    void a_member_cooldown_holds_in_its_chat_only_and_survives_a_restart_when_kept() {
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.say(groupMessage("team", "alice", false, "!daily"))).containsExactly("reward for alice");
            assertThat(bot.say(groupMessage("team", "alice", false, "!daily"))).singleElement().asString().startsWith("Slow down");
            assertThat(bot.say(groupMessage("other", "alice", false, "!daily"))).as("another chat").containsExactly("reward for alice");
            assertThat(bot.say(groupMessage("team", "bob", false, "!daily"))).as("another member").containsExactly("reward for bob");
        }
        try (TestHost again = TestHost.start(folder, "")) {
            assertThat(again.say(groupMessage("team", "alice", false, "!daily"))).singleElement().asString()
                    .startsWith("Slow down: !daily can be used again in");
        }
    }

    @Test
    void a_command_can_lift_its_own_cooldown_for_a_call_that_did_not_count() {
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.say("alice", "!lucky miss")).containsExactly("missed; try again");
            assertThat(bot.say("alice", "!lucky hit")).containsExactly("hit");
            assertThat(bot.say("alice", "!lucky hit")).singleElement().asString().startsWith("Slow down");
        }
    }
}
