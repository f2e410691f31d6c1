package dev.blacksky.plugins.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.testkit.BlackskyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotesConfigurationTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin("notes", Remind.class)
            .config("plugins.notes.max-notse = 2\nplugins.notes.max-notes = lots");

    @Test
    void a_typo_or_a_wrong_type_under_plugins_notes_is_reported_with_its_full_path_and_the_plugin_is_skipped() {
        assertThat(bot.pluginFailures()).singleElement().asString()
                .contains("unknown key plugins.notes.max-notse (did you mean plugins.notes.max-notes?)")
                .contains("plugins.notes.max-notes has type STRING rather than NUMBER").contains("test.conf:");
        bot.user("alice").says("!note hi").expectReplyContaining("Unknown command !note");
    }
}
