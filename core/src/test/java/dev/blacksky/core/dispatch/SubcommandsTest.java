package dev.blacksky.core.dispatch;

import static dev.blacksky.core.TestHost.groupMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.TestPluginJar;
import dev.blacksky.core.plugin.fixtures.PollGroup;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubcommandsTest {

    @TempDir
    Path folder;

    @Test
    void each_sub_command_has_its_own_arguments_access_cooldown_usage_and_help() {
        TestPluginJar.plugin(folder.resolve("plugins"), "polls").extension(PollGroup.class).write();
        try (TestHost bot = TestHost.start(folder, "")) {
            assertThat(bot.say(groupMessage("team", "alice", false, "!poll create 10m “Lunch now?” pizza sushi")))
                    .containsExactly("Lunch now? [pizza, sushi] for 10m");
            assertThat(bot.say(groupMessage("team", "alice", false, "!poll new Dinner? pasta rice")))
                    .singleElement().asString().startsWith("Slow down: !poll create");
            assertThat(bot.say(groupMessage("other", "alice", false, "!poll create Q?")))
                    .containsExactly("missing <options...>\nUsage: !poll create [in] <question> <options...>");
            assertThat(bot.say(groupMessage("team", "alice", false, "!poll close")))
                    .containsExactly("Only group admins can use !poll close.");
            assertThat(bot.say(groupMessage("team", "alice", true, "!poll close"))).containsExactly("closed");
            assertThat(bot.say(groupMessage("team", "alice", false, "!poll"))).containsExactly(
                    "Usage: !poll create|close\nSend !help poll for details.");
            assertThat(bot.say(groupMessage("team", "alice", false, "!poll vote 1"))).singleElement().asString()
                    .startsWith("There is no !poll vote.");
            assertThat(bot.say(groupMessage("team", "alice", true, "!help poll"))).singleElement().asString()
                    .contains("!poll create [in] <question> <options...> - Starts a poll", "!poll close - Closes the poll");
            assertThat(bot.say(groupMessage("team", "alice", true, "!help poll create"))).singleElement().asString()
                    .startsWith("!poll create [in] <question> <options...>\nStarts a poll").contains("Aliases: !poll new");
            assertThat(bot.say("alice", "!poll create Q? a b")).containsExactly("!poll works only in groups.");
        }
    }
}
