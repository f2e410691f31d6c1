package dev.blacksky.plugins.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.testkit.BlackskyTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With several accounts, a reminder goes out through the account it was asked through, after a restart too. */
class RemindAccountsTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin(Remind.class).accounts("sales", "support");

    @Test
    void a_reminder_fires_through_the_account_it_was_asked_through() {
        bot.user("alice").via("support").says("!remind 10m tea").expectReply("OK, I will remind you in 10m.");
        bot.user("bob").says("!remind 20m coffee").expectReply("OK, I will remind you in 20m.");
        bot.restart();
        assertThat(bot.advance(Duration.ofMinutes(20))).containsExactly(
                "[sales] bob: ⏰ Reminder for @bob: coffee", "[support] alice: ⏰ Reminder for @alice: tea");
    }

    @Test
    void an_account_the_test_does_not_run_is_refused_naming_those_it_does() {
        assertThatThrownBy(() -> bot.user("alice").via("field")).hasMessageContaining("it runs [sales, support]");
    }
}
