package dev.blacksky.plugins.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.testkit.BlackskyTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin(Polls.class);

    @Test
    void votes_by_tap_or_by_number_count_each_voters_latest_choice_and_an_admin_closes() {
        bot.group("team").withMembers("alice", "bob", "carol").withAdmins("carol");
        bot.user("alice").in("team").says("!poll create “Lunch today?” pizza sushi");
        bot.user("alice").in("team").votes("pizza");
        bot.user("bob").in("team").says("!vote 2").expectReaction("✅");
        bot.user("bob").in("team").says("!vote 1 2");
        bot.user("bob").in("team").says("!poll results").expectReply("📊 Lunch today?\npizza: 2\nsushi: 1\n(2 voters)");
        bot.user("bob").in("team").says("!poll close").expectReply("Only group admins can use !poll close.");
        bot.user("carol").in("team").says("!poll close").expectReplyContaining("Poll closed.");
        bot.user("carol").in("team").says("!poll results").expectReply("No poll is open here.");
    }

    @Test
    void a_poll_with_a_duration_closes_on_time_also_after_a_restart() {
        bot.user("alice").in("team").says("!poll create 1h Movie? a b c");
        bot.restart();
        assertThat(bot.advance(Duration.ofMinutes(59))).isEmpty();
        assertThat(bot.advance(Duration.ofMinutes(1))).singleElement().asString().startsWith("team@g.us: Poll closed.");
    }

    @Test
    void newcomers_hear_of_the_open_poll_and_bad_polls_are_refused_with_the_reason() {
        bot.user("alice").in("team").says("!poll create Q? yes no");
        assertThat(bot.join("team", "dave")).containsExactly("team@g.us: @dave, a poll is open: Q? Vote with !vote <number>.");
        bot.user("alice").in("other").says("!poll create Q? only").expectReplyContaining("a poll has 2 to 12 options");
        bot.advance(Duration.ofSeconds(30)); // the per-chat cooldown of create
        bot.user("alice").in("team").says("!poll create Again? a b").expectReplyContaining("A poll is already open here");
        bot.user("alice").in("team").says("!vote 3").expectReply("This poll has 2 answers.");
    }
}
