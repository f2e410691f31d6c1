package dev.blacksky.core.dispatch;

import static dev.blacksky.core.TestHost.groupMessage;
import static dev.blacksky.core.TestHost.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.TestPluginJar;
import dev.blacksky.core.plugin.fixtures.Hello;
import dev.blacksky.core.plugin.fixtures.Misbehaving;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatcherTest {

    @TempDir
    Path folder;

    @BeforeEach
    void plugins() {
        TestPluginJar.plugin(folder.resolve("plugins"), "misbehaving").extension(Misbehaving.Crash.class,
                Misbehaving.Hang.class, Misbehaving.Refuse.class, Misbehaving.Kick.class, Misbehaving.Shutdown.class,
                Misbehaving.Secret.class, Misbehaving.Roll.class, Misbehaving.StalledRead.class, Misbehaving.Spin.class,
                Misbehaving.StuckParser.class, Misbehaving.Count.class).write();
        TestPluginJar.plugin(folder.resolve("plugins"), "hello").extension(Hello.class).write();
    }

    private TestHost start(String config) {
        return TestHost.start(folder, "blacksky.owners = [\"+39 123 4567\"]\n" + config);
    }

    @Test
    void a_throwing_handler_gets_an_apology_and_the_bot_keeps_working() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!crash")).containsExactly(
                    "Sorry, !crash failed. The bot's owner can find the details in the log.");
            assertThat(bot.say("alice", "!hello")).hasSize(1);
        }
    }

    @Test
    void a_command_exception_is_shown_as_it_is() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!refuse")).containsExactly("You have no notes yet.");
        }
    }

    @Test
    void a_call_past_its_timeout_is_interrupted_and_reported() {
        try (TestHost bot = start("blacksky.dispatch.command-timeout = 200ms")) {
            assertThat(bot.say("alice", "!hang")).containsExactly("Sorry, !hang took too long and was stopped.");
            // the abandoned call was interrupted: its thread ends, and its late reply is not sent
            org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> bot.host.dispatcher().abandonedCallsAlive() == 0);
            assertThat(bot.transport.sent()).extracting(m -> m.text()).doesNotContain("hang was interrupted");
        }
    }

    @Test
    void a_call_blocked_in_a_socket_read_is_abandoned_at_its_timeout_and_its_chat_moves_on() {
        try (TestHost bot = start("blacksky.dispatch.command-timeout = 200ms\nblacksky.shutdown.drain-timeout = 100ms\n"
                + "blacksky.plugin-host.drain-timeout = 100ms")) {
            assertThat(bot.say("alice", "!stalled")).containsExactly("Sorry, !stalled took too long and was stopped.");
            // A plain socket read on a platform thread ignores the interrupt: the call stays abandoned, counted
            // until its read ends, while its chat and its plugin go on.
            assertThat(bot.host.dispatcher().abandonedCallsAlive()).isEqualTo(1);
            assertThat(bot.say("alice", "!refuse")).containsExactly("You have no notes yet.");
        }
    }

    @Test
    void commands_spinning_on_every_core_leave_the_bot_answering_and_are_told_they_took_too_long() throws Exception {
        System.clearProperty("misbehaving.spin.stop");
        TestPluginJar.plugin(folder.resolve("plugins"), "spinner").extension(Misbehaving.Spin.class).write();
        int perPlugin = Runtime.getRuntime().availableProcessors(); // two plugins: twice as many loops as cores
        try (TestHost bot = start("blacksky.dispatch.command-timeout = 2s\nblacksky.shutdown.drain-timeout = 100ms\n"
                + "blacksky.plugin-host.drain-timeout = 100ms")) {
            List<CompletableFuture<Void>> spinning = new ArrayList<>();
            for (int i = 0; i < perPlugin; i++) {
                spinning.add(bot.host.dispatcher().dispatch(privateMessage("a" + i, "!misbehaving:spin")));
                spinning.add(bot.host.dispatcher().dispatch(privateMessage("b" + i, "!spinner:spin")));
            }
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> bot.host.plugins().status().stream()
                    .filter(s -> s.pluginId().equals("misbehaving") || s.pluginId().equals("spinner"))
                    .mapToInt(s -> s.callsInProgress()).sum() == 2 * perPlugin);
            assertThat(bot.say("carol", "!hello")).as("another chat is answered while the loops spin").hasSize(1);
            CompletableFuture.allOf(spinning.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(bot.transport.sent()).filteredOn(m -> m.text().equals("Sorry, !spin took too long and was stopped."))
                    .hasSize(2 * perPlugin);
        } finally {
            System.setProperty("misbehaving.spin.stop", "true");
        }
    }

    @Test
    void an_argument_parser_that_never_returns_is_stopped_at_the_deadline_and_counts_against_its_plugin() {
        System.clearProperty("misbehaving.spin.stop");
        try (TestHost bot = start("blacksky.dispatch.command-timeout = 300ms\n"
                + "blacksky.plugin-host.breaker.consecutive-failures = 2\nblacksky.shutdown.drain-timeout = 100ms\n"
                + "blacksky.plugin-host.drain-timeout = 100ms")) {
            assertThat(bot.say("alice", "!stuck x")).containsExactly("Sorry, !stuck took too long and was stopped.");
            assertThat(bot.say("alice", "!hello")).as("the chat moved on").hasSize(1);
            assertThat(bot.say("alice", "!stuck y")).contains("Sorry, !stuck took too long and was stopped.");
            assertThat(bot.transport.sent()).anySatisfy(m -> assertThat(m.text())
                    .contains("Plugin 'misbehaving' is paused").contains("2 calls failed in a row"));
            assertThat(bot.say("alice", "!refuse")).singleElement().asString()
                    .startsWith("Sorry, plugin 'misbehaving' is paused because it keeps failing");
        } finally {
            System.setProperty("misbehaving.spin.stop", "true");
        }
    }

    @Test
    void a_parser_that_throws_gets_a_clear_answer_counts_against_its_plugin_and_starts_no_cooldown() {
        try (TestHost bot = start("blacksky.plugin-host.breaker.consecutive-failures = 2")) {
            assertThat(bot.say("alice", "!count 99999999999")).containsExactly(
                    "I could not read '99999999999' as n. (The plugin's owner can find why in the log.)\nUsage: !count <n>");
            assertThat(bot.say("alice", "!count 3")).as("a refused call starts no cooldown").containsExactly("counted 3");
            assertThat(bot.say("alice", "!count 4")).singleElement().asString().startsWith("Slow down: !count");
            assertThat(bot.say("bob", "!count x")).isNotEmpty();
            assertThat(bot.say("carol", "!count y")).isNotEmpty();
            assertThat(bot.transport.sent()).as("parser faults are plugin failures: the breaker counts them")
                    .anySatisfy(m -> assertThat(m.text()).contains("Plugin 'misbehaving' is paused"));
        }
    }

    @Test
    void a_command_is_explained_where_it_cannot_run_as_calling_it_says_where_it_works() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!kick")).containsExactly("!kick works only in groups.");
            assertThat(bot.say("alice", "!help kick")).singleElement().asString().contains("Where: groups only");
        }
    }

    @Test
    void hung_handlers_block_neither_other_chats_nor_the_caller() throws Exception {
        // Three chats stuck in a call, each holding one of four plugin threads: the fourth serves everyone else.
        try (TestHost bot = start("blacksky.dispatch.command-timeout = 20s\nblacksky.shutdown.drain-timeout = 100ms\n"
                + "blacksky.plugin-host.drain-timeout = 100ms\nblacksky.dispatch.plugin-threads = 4")) {
            List<CompletableFuture<Void>> hung = new ArrayList<>();
            for (String user : List.of("alice", "carol", "dave")) {
                hung.add(bot.host.dispatcher().dispatch(privateMessage(user, "!hang")));
            }
            CompletableFuture<Void> behind = bot.host.dispatcher().dispatch(privateMessage("alice", "!hello"));
            assertThat(bot.say("bob", "!hello")).hasSize(1);
            assertThat(hung).noneMatch(CompletableFuture::isDone);
            assertThat(behind).as("a chat's next message waits for its hung call").isNotDone();
        }
    }

    @Test
    void messages_of_one_chat_are_answered_in_order() {
        try (TestHost bot = start("")) {
            CompletableFuture<?>[] all = new CompletableFuture<?>[50];
            for (int i = 0; i < all.length; i++) {
                all[i] = bot.host.dispatcher().dispatch(privateMessage("alice", i % 2 == 0 ? "!hello" : "!refuse"));
            }
            CompletableFuture.allOf(all).orTimeout(30, TimeUnit.SECONDS).join();
            var texts = bot.transport.sent().stream().map(m -> m.text()).toList();
            for (int i = 0; i < all.length; i++) {
                assertThat(texts.get(i)).startsWith(i % 2 == 0 ? "hello" : "You have");
            }
        }
    }

    @Test
    void access_and_scope_are_enforced_with_a_clear_answer() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!shutdown")).containsExactly("Only the bot's owners can use !shutdown.");
            assertThat(bot.say("391234567", "!shutdown")).containsExactly("shutting down");
            assertThat(bot.say("owner", "!shutdown")).containsExactly("shutting down");
            assertThat(bot.say("alice", "!kick")).containsExactly("!kick works only in groups.");
            assertThat(bot.say(groupMessage("team", "alice", false, "!kick"))).containsExactly("Only group admins can use !kick.");
            assertThat(bot.say(groupMessage("team", "alice", true, "!kick"))).containsExactly("kicked by alice (admin)");
            assertThat(bot.say(groupMessage("team", "owner", false, "!kick"))).containsExactly("kicked by owner (owner)");
            assertThat(bot.say(groupMessage("team", "alice", true, "!secret"))).containsExactly("!secret works only in a private chat with me.");
            assertThat(bot.say("alice", "/secret")).containsExactly("psst");
        }
    }

    @Test
    void unknown_commands_answer_in_private_and_stay_silent_in_groups() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!nosuch")).containsExactly("Unknown command !nosuch. Send !help to see what I can do.");
            assertThat(bot.say("alice", "!Hallo")).containsExactly(
                    "Unknown command !Hallo. Did you mean !hello? Send !help to see what I can do.");
            assertThat(bot.say("alice", "!kik")).as("only commands this user may run here are suggested")
                    .containsExactly("Unknown command !kik. Send !help to see what I can do.");
            assertThat(bot.say(groupMessage("team", "alice", false, "!nosuch"))).isEmpty();
            assertThat(bot.say("alice", "just chatting")).isEmpty();
        }
        try (TestHost bot = start("blacksky.dispatch { reply-to-unknown-in-private = false, reply-to-unknown-in-groups = true }")) {
            assertThat(bot.say("alice", "!nosuch")).isEmpty();
            assertThat(bot.say(groupMessage("team", "alice", false, "!nosuch"))).hasSize(1);
        }
    }

    @Test
    void argument_errors_come_with_the_usage() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!roll six")).containsExactly("'six' is not a whole number\nUsage: !roll <sides>");
            assertThat(bot.say("alice", "!roll")).containsExactly("missing <sides>\nUsage: !roll <sides>");
            assertThat(bot.say("alice", "!roll 6 7")).containsExactly("too many arguments: '7'\nUsage: !roll <sides>");
            assertThat(bot.say("alice", "!roll 20")).containsExactly("rolled a d20");
        }
    }

    @Test
    void a_message_over_the_length_limit_is_not_handled_and_a_command_in_it_is_refused() {
        try (TestHost bot = start("blacksky.inbound.max-message-length = 20")) {
            assertThat(bot.say("alice", "!roll " + "9".repeat(30))).containsExactly(
                    "Your message is longer than the 20 characters I read, so I did not run !roll.");
            assertThat(bot.say("alice", "just chatting, at some length")).isEmpty();
            assertThat(bot.say("alice", "!roll 6")).containsExactly("rolled a d6");
        }
    }

    @Test
    void an_unknown_command_word_is_shortened_when_echoed_back() {
        try (TestHost bot = start("")) {
            assertThat(bot.say("alice", "!" + "z".repeat(500))).containsExactly(
                    "Unknown command !" + "z".repeat(32) + "…. Send !help to see what I can do.");
        }
    }

    @Test
    void configured_prefixes_replace_the_defaults() {
        try (TestHost bot = start("blacksky.dispatch.prefixes = [\".\"]")) {
            assertThat(bot.say("alice", ".hello")).hasSize(1);
            assertThat(bot.say("alice", "!hello")).isEmpty();
        }
    }
}
