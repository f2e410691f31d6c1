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
    void a_second_login_while_the_first_is_live_replaces_it_with_a_conflict() throws Exception {
        try (RehearsalServer server = RehearsalServer.start(0, Duration.ofSeconds(5))) {
            AtomicBoolean firstReplaced = new AtomicBoolean();
            AtomicReference<String> firstLost = new AtomicReference<>();
            try (RehearsalLink first = RehearsalLink.open(server.address(), "sales", () -> firstReplaced.set(true), () -> { }, firstLost::set);
                 RehearsalLink other = RehearsalLink.open(server.address(), "support", () -> { }, () -> { }, why -> { })) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 2);
                assertThat(server.conflicts()).as("different accounts").isEmpty();
                try (RehearsalLink second = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { })) {
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
            try (RehearsalLink next = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { })) {
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
                    why -> { });
                 RehearsalLink support = RehearsalLink.open(server.address(), "support", () -> { },
                         () -> supportOut.set(true), supportLost::set)) {
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
            try (RehearsalLink next = RehearsalLink.open(server.address(), "sales", () -> { }, () -> { }, why -> { })) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins() == 2);
                assertThat(server.conflicts()).isEmpty();
            }
        }
    }
}
