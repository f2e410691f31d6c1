package dev.blacksky.plugins.basics;

import dev.blacksky.testkit.BlackskyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BasicsTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin("basics", Ping.class);

    @Test
    void ping_answers_pong() {
        bot.user("alice").says("!ping").expectReply("pong");
    }

    @Test
    void echo_repeats_the_rest_of_the_line_as_typed() {
        bot.user("alice").in("team").says("/say  two   spaces").expectReply(" two   spaces".strip());
        bot.user("alice").says("!echo").expectReply("missing <text...>\nUsage: !echo <text...>");
    }

    @Test
    void account_names_the_account_the_command_came_through() {
        bot.user("alice").says("!account").expectReply("This is account default.");
    }

    @Test
    void uptime_and_help_list_the_commands() {
        bot.user("alice").says("!uptime").expectReplyContaining("Up for");
        bot.user("alice").says("!help").expectReplyContaining("!echo <text...> - Repeats what you write");
    }
}
