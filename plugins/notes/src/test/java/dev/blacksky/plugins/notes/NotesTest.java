package dev.blacksky.plugins.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.testkit.BlackskyTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotesTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin(Remind.class).config("plugins.notes.max-notes = 2");

    @Test
    void notes_are_kept_per_user_and_survive_a_restart() {
        bot.user("alice").says("!note buy milk").expectReply("Saved as note 1.");
        bot.user("alice").says("!note call mum").expectReply("Saved as note 2.");
        bot.user("bob").says("!notes").expectReply("You have no notes yet. Add one with !note <text>.");
        bot.restart();
        bot.user("alice").says("!notes").expectReply("1. buy milk\n2. call mum");
    }

    @Test
    void the_configured_limit_applies_and_forget_frees_a_place() {
        bot.user("alice").says("!note a");
        bot.user("alice").says("!note b");
        bot.user("alice").says("!note c").expectReplyContaining("You already have 2 notes");
        bot.user("alice").says("!forget 1").expectReply("Deleted note 1.");
        bot.user("alice").says("!forget 1").expectReply("You have no note 1. !notes lists them.");
        bot.user("alice").says("!note c").expectReply("Saved as note 3.");
    }

    @Test
    void a_reminder_fires_on_time_in_the_chat_it_was_asked_in() {
        bot.user("alice").in("team").says("!remind 10m stand-up").expectReply("OK, I will remind you in 10m.");
        assertThat(bot.advance(Duration.ofMinutes(9))).isEmpty();
        assertThat(bot.advance(Duration.ofMinutes(1))).containsExactly("team@g.us: ⏰ Reminder for @alice: stand-up");
    }

    @Test
    void a_pending_reminder_survives_a_restart() {
        bot.user("alice").says("!remind 1h water the plants");
        bot.restart();
        bot.advance(Duration.ofHours(1));
        assertThat(bot.sent()).contains("alice: ⏰ Reminder for @alice: water the plants");
    }

    @Test
    void a_note_too_long_is_refused_and_takes_no_number() {
        bot.user("alice").says("!note " + "x".repeat(4001)).expectReply("A note can be at most 4000 characters; this one has 4001.");
        bot.user("alice").says("!note short").expectReply("Saved as note 1.");
    }

    @Test
    void a_reminder_in_a_chat_whose_id_holds_a_bar_fires_there_after_a_restart() {
        bot.user("alice").in("red|blue").says("!remind 1h x").expectReply("OK, I will remind you in 1h.");
        bot.restart();
        bot.advance(Duration.ofHours(1));
        assertThat(bot.sent()).contains("red|blue@g.us: ⏰ Reminder for @alice: x");
    }

    @Test
    void bad_delays_are_explained() {
        bot.user("alice").says("!remind soon x").expectReply("'soon' is not a duration such as 90s, 10m or 1h30m\n"
                + "Usage: !remind <in> <text...>");
        bot.user("alice").says("!remind 90d x").expectReply("I can remind you from 1s up to 30 days ahead.");
    }
}
