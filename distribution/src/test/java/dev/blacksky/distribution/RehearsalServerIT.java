package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blacksky rehearsal-server} and two simulated bots on one account, as two machines on one WhatsApp number:
 * the second login replaces the first with a 440 conflict, and the first stops for good instead of fighting.
 */
class RehearsalServerIT {

    @TempDir
    Path tmp;

    private static String status(Path folder) throws Exception {
        Path file = folder.resolve("data/accounts/default/status.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void a_second_bot_on_the_same_account_replaces_the_first_which_stops_instead_of_fighting() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(RunningBot.DIST.resolve("bin/blacksky").toString(), "rehearsal-server");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectError(tmp.resolve("server.err").toFile());
        Process server = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher m = Pattern.compile("Rehearsal WhatsApp at (127\\.0\\.0\\.1:\\d+)").matcher(String.valueOf(first));
            assertThat(m.find()).as("first line: %s", first).isTrue();
            String config = "blacksky.transport = simulated\nblacksky.connection.rehearsal-server = \"" + m.group(1) + "\"\n";
            try (RunningBot a = RunningBot.start(tmp.resolve("a"), config, Map.of())) {
                await("a connected").atMost(Duration.ofSeconds(60)).until(() -> status(tmp.resolve("a")).contains("\"CONNECTED\""));
                try (RunningBot b = RunningBot.start(tmp.resolve("b"), config, Map.of())) {
                    await("b connected").atMost(Duration.ofSeconds(60))
                            .until(() -> status(tmp.resolve("b")).contains("\"CONNECTED\""));
                    await("a replaced").atMost(Duration.ofSeconds(30))
                            .until(() -> status(tmp.resolve("a")).contains("\"REPLACED\""));
                    assertThat(b.stop()).isZero();
                }
                assertThat(status(tmp.resolve("a"))).as("a stays stopped: it never reconnects").contains("\"REPLACED\"");
                assertThat(a.stop()).isZero();
            }
            // SIGTERM (not Process.destroy, which closes our end of its output): it prints what it saw
            new ProcessBuilder("kill", "-TERM", String.valueOf(server.pid())).start().waitFor();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String rest = out.lines().reduce("", (x, y) -> x + y + "\n");
            assertThat(rest).contains("2 logins, 1 conflicts (440)").contains("conflict: account 'default'");
        } finally {
            server.destroyForcibly();
        }
    }
}
