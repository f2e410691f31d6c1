package dev.blacksky.core.connection.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The cross-process rehearsal: a second live login for an account is a 440 conflict; a silent one is not. */
class RehearsalServerTest {

    @Test
    void a_message_is_delivered_again_at_each_login_until_acknowledged_and_answers_are_counted_per_chat() throws Exception {
        try (RehearsalServer server = RehearsalServer.start(0, Duration.ofSeconds(5))) {
            server.play("sales", "m1", "alice", "!ping one");
            java.util.List<RehearsalLink.Delivered> first = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (RehearsalLink link = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { }, first::add)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 1);
                assertThat(first.getFirst()).isEqualTo(new RehearsalLink.Delivered("m1", "alice", "!ping one"));
                server.play("sales", "m2", "bob", "!ping two words");
                await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 2);
                link.acknowledge("m2"); // m1 never is, like a node killed before it journaled it
                link.sent("3EB0A", "bob", "pong");
                await().atMost(Duration.ofSeconds(5)).until(() -> server.traffic().acknowledged() == 1);
            }
            java.util.List<RehearsalLink.Delivered> second = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (RehearsalLink link = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { }, second::add)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> second.size() == 1);
                assertThat(second).extracting(RehearsalLink.Delivered::id).containsExactly("m1");
                link.acknowledge("m1");
                link.sent("3EB0B", "alice", "pong");
                link.sent("3EB0B", "alice", "pong"); // the same message again: a resend, not a second answer
                await().atMost(Duration.ofSeconds(5)).until(() -> server.traffic().sends() == 3);
                assertThat(server.traffic().answeredMoreThanOnce()).isEmpty();
                link.sent("3EB0C", "alice", "pong again");
                await().atMost(Duration.ofSeconds(5)).until(() -> !server.traffic().answeredMoreThanOnce().isEmpty());
            }
            RehearsalServer.Traffic traffic = server.traffic();
            assertThat(traffic.played()).isEqualTo(2);
            assertThat(traffic.acknowledged()).isEqualTo(2);
            assertThat(traffic.unanswered()).isEmpty();
            assertThat(traffic.answeredMoreThanOnce()).containsExactly(java.util.Map.entry("alice", 2));
            assertThat(traffic.staleSends()).isEmpty();
        }
    }

    @Test
    void a_send_from_a_connection_silent_past_the_window_is_counted_as_stale_not_as_an_answer() throws Exception {
        Duration window = Duration.ofMillis(1500);
        try (RehearsalServer server = RehearsalServer.start(0, window);
             Socket frozen = new Socket("127.0.0.1", Integer.parseInt(server.address().split(":")[1]))) {
            server.play("sales", "m1", "alice", "!ping");
            OutputStream out = frozen.getOutputStream();
            out.write("HELLO sales\n".getBytes(StandardCharsets.UTF_8)); // then silent, like a process under SIGSTOP
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 1);
            await().pollDelay(window.plusMillis(200)).atMost(window.plusSeconds(5)).until(() -> true); // the window passes
            out.write("SENT 3EB0A alice pong\n".getBytes(StandardCharsets.UTF_8)); // it wakes and answers at once
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.traffic().sends() == 1);
            assertThat(server.traffic().staleSends()).singleElement().asString().contains("3EB0A");
            assertThat(server.traffic().unanswered()).containsExactly("alice");
        }
    }

    @Test
    void a_second_login_while_the_first_is_live_replaces_it_with_a_conflict() throws Exception {
        try (RehearsalServer server = RehearsalServer.start(0, Duration.ofSeconds(5))) {
            AtomicBoolean firstReplaced = new AtomicBoolean();
            AtomicReference<String> firstLost = new AtomicReference<>();
            try (RehearsalLink first = RehearsalLink.open(server.address(), "sales", () -> firstReplaced.set(true), () -> { }, firstLost::set, d -> { });
                 RehearsalLink other = RehearsalLink.open(server.address(), "support", () -> { }, () -> { }, why -> { }, d -> { })) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 2);
                assertThat(server.conflicts()).as("different accounts").isEmpty();
                try (RehearsalLink second = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { }, d -> { })) {
                    await().atMost(Duration.ofSeconds(5)).untilTrue(firstReplaced);
                    assertThat(server.conflicts()).singleElement().satisfies(c -> assertThat(c.account()).isEqualTo("sales"));
                    assertThat(firstLost.get()).isNull();
                }
            }
        }
    }

    @Test
    void a_login_after_the_old_connection_went_silent_is_no_conflict() throws Exception {
        Duration window = Duration.ofMillis(1500);
        try (RehearsalServer server = RehearsalServer.start(0, window);
             Socket frozen = new Socket("127.0.0.1", Integer.parseInt(server.address().split(":")[1]))) {
            OutputStream out = frozen.getOutputStream();
            out.write("HELLO sales\n".getBytes(StandardCharsets.UTF_8)); // then nothing, like a frozen process
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 1);
            // the window is what is tested: let it pass
            await().pollDelay(window.plusMillis(200)).atMost(window.plusSeconds(5)).until(() -> true);
            try (RehearsalLink next = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { }, d -> { })) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 2);
                assertThat(server.conflicts()).isEmpty();
                assertThat(frozen.getInputStream().read()).as("the silent one was dropped").isEqualTo(-1);
            }
        }
    }

    @Test
    void an_operator_logs_one_account_out_and_only_its_connection_hears_it() throws Exception {
        try (RehearsalServer server = RehearsalServer.start(0, Duration.ofSeconds(5))) {
            AtomicBoolean salesOut = new AtomicBoolean();
            AtomicBoolean supportOut = new AtomicBoolean();
            AtomicReference<String> supportLost = new AtomicReference<>();
            try (RehearsalLink sales = RehearsalLink.open(server.address(), "sales", () -> { }, () -> salesOut.set(true),
                    why -> { }, d -> { });
                 RehearsalLink support = RehearsalLink.open(server.address(), "support", () -> { },
                         () -> supportOut.set(true), supportLost::set, d -> { })) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 2);
                assertThat(RehearsalServer.logout(server.address(), "sales")).isTrue();
                await().atMost(Duration.ofSeconds(5)).untilTrue(salesOut);
                assertThat(RehearsalServer.logout(server.address(), "sales")).as("gone already").isFalse();
                assertThat(RehearsalServer.logout(server.address(), "nobody")).isFalse();
                assertThat(server.logouts()).isEqualTo(1);
                assertThat(supportOut).isFalse();
                assertThat(supportLost.get()).isNull();
                assertThat(server.conflicts()).isEmpty();
            }
        }
    }

    @Test
    void a_connection_silent_past_the_window_is_dropped_and_its_beat_on_waking_does_not_revive_it() throws Exception {
        Duration window = Duration.ofMillis(1500);
        try (RehearsalServer server = RehearsalServer.start(0, window);
             Socket frozen = new Socket("127.0.0.1", Integer.parseInt(server.address().split(":")[1]))) {
            OutputStream out = frozen.getOutputStream();
            out.write("HELLO sales\n".getBytes(StandardCharsets.UTF_8)); // then silent, like a process under SIGSTOP
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 1);
            await().pollDelay(window.plusMillis(200)).atMost(window.plusSeconds(5)).until(() -> true); // the window passes
            out.write("BEAT\n".getBytes(StandardCharsets.UTF_8)); // it wakes and beats at once
            out.flush();
            frozen.setSoTimeout(5000); // a failure, not a hang, if the server kept it
            assertThat(frozen.getInputStream().read()).as("the server had dropped it").isEqualTo(-1);
            try (RehearsalLink next = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { }, d -> { })) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 2);
                assertThat(server.conflicts()).isEmpty();
            }
        }
    }
}
