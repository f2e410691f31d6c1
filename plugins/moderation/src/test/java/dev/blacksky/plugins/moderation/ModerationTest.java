package dev.blacksky.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.testkit.BlackskyTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModerationTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin("moderation", Warn.class).config("plugins.moderation.max-warnings = 2");

    @Test
    void only_group_admins_warn_and_only_in_groups() {
        bot.user("alice").in("team").says("!warn @391234567890").expectReply("Only group admins can use !warn.");
        bot.user("alice").says("!warn @391234567890").expectReply("!warn works only in groups.");
        bot.user("alice").in("team").asAdmin().says("!warn @391234567890 spam")
                .expectReply("⚠️ @391234567890 has been warned (1/2): spam");
        bot.user("alice").in("team").asAdmin().says("!warn +391234567890")
                .expectReplyContaining("(2/2).\nThat is 2 warnings: time for an admin to act.");
        bot.user("bob").in("team").says("!warnings @391234567890").expectReply("@391234567890 has 2 warnings.");
        bot.user("bob").in("other").says("!warnings @391234567890").expectReply("@391234567890 has no warnings.");
    }

    @Test
    void a_cooldown_is_answered_once_then_silent_until_it_expires() {
        bot.user("alice").says("!roll").expectReplyContaining("🎲 alice rolled");
        bot.user("alice").says("!roll").expectReply("Slow down: !roll can be used again in 10s.");
        bot.user("alice").says("!dice").expectNoReply();
        bot.user("bob").says("!roll 20").expectReplyContaining("(d20)");
        bot.advance(Duration.ofSeconds(10));
        bot.user("alice").says("!roll").expectReplyContaining("🎲 alice rolled");
    }

    @Test
    void owners_skip_cooldowns_and_access_rules() {
        bot.owner().in("team").says("!announce hello").expectReplyContaining("hello").expectReaction("📢");
        bot.owner().in("team").says("!announce again").expectReplyContaining("again");
        bot.user("alice").in("team").asAdmin().says("!announce once").expectReplyContaining("once");
        bot.user("bob").in("team").asAdmin().says("!announce twice")
                .expectReply("Slow down: !announce can be used again in 10m 0s.");
    }

    @Test
    void new_members_are_welcomed() {
        assertThat(bot.join("team", "391234567890"))
                .containsExactly("team@g.us: Welcome to team, @391234567890! Send !help to see what I can do.");
    }

    @Test
    void help_shows_each_user_exactly_what_they_may_run_here() {
        String member = bot.user("bob").in("team").says("!help").reply();
        assertThat(member).contains("!roll [sides]", "!warnings [who]").doesNotContain("!warn <who>", "!announce", "!pardon");
        String admin = bot.user("bob").in("team").asAdmin().says("!help").reply();
        assertThat(admin).contains("*Moderation*", "!warn <who> [reason...] - Warns a member", "!announce", "!pardon");
        String direct = bot.user("bob").says("!help").reply();
        assertThat(direct).contains("!roll").doesNotContain("!warnings", "!warn ");
        bot.user("bob").in("team").says("!help roll").expectReply("""
                !roll [sides]
                Rolls a die
                Aliases: !dice
                Arguments:
                  sides (optional) - how many sides the die has (default 6)
                Examples:
                  !roll
                  !roll 20
                Cooldown: 10s per user""");
        bot.user("bob").in("team").says("!help warn").expectReply(
                "There is no command !warn you can use here. Send !help to see the ones you can.");
    }
}
