package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per session, through the packaged bin/blacksky: the bar, as a user would hit it. */
class SessionIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    private Process startBot(Path data) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--console",
                "--data", data.toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
        builder.environment().keySet().removeIf(k -> k.startsWith("CONFIG_FORCE_"));
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().putAll(Launch.sandbox());
        builder.redirectOutput(tmp.resolve("first.out").toFile()).redirectError(tmp.resolve("first.err").toFile());
        return builder.start();
    }

    @Test
    void a_second_run_on_the_same_data_folder_exits_4_within_5_seconds_naming_the_first() throws Exception {
        Path data = tmp.resolve("data");
        Path lockFile = data.resolve("accounts/default/session.lock");
        Process first = startBot(data);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(lockFile) && Files.readString(lockFile).contains("pid=" + first.pid()));

            // Refused at once, not after waiting for the first to stop (it never does here).
            Launch.Result second = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console", "--data", data.toString())
                    .env("JAVA_HOME", JAVA_HOME).stdin("!ping\n").run();

            assertThat(second.exit()).as(second.toString()).isEqualTo(4);
            assertThat(second.stdout()).isEmpty();
            assertThat(second.stderr()).contains("locked by pid " + first.pid()).contains("kill " + first.pid())
                    .contains(lockFile.toString());

            // The first bot was never disturbed: it still answers, and ends cleanly with its input.
            first.getOutputStream().write("!ping\n".getBytes(StandardCharsets.UTF_8));
            first.getOutputStream().close();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isZero();
            assertThat(tmp.resolve("first.out")).hasContent("pong");
        } finally {
            first.destroyForcibly();
        }

        // Its lock file stays behind, and does not block the next run.
        Launch.Result next = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console", "--data", data.toString())
                .env("JAVA_HOME", JAVA_HOME).stdin("!ping\n").run();
        assertThat(next.exit()).as(next.toString()).isZero();
        assertThat(next.stdout()).isEqualTo("pong\n");
    }

    @Test
    void session_status_and_reset_work_from_the_shell() {
        Path data = tmp.resolve("data");
        Launch.Result run = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console", "--data", data.toString())
                .env("JAVA_HOME", JAVA_HOME).stdin("!ping\n").run();
        assertThat(run.exit()).as(run.toString()).isZero();

        Launch.Result status = Launch.of(DIST.resolve("bin/blacksky"), "session", "status", "--data", data.toString())
                .env("JAVA_HOME", JAVA_HOME).run();
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("Account:    default").contains("Lock:       free (last held by pid")
                .contains("NOT_PAIRED");

        Launch.Result wrong = Launch.of(DIST.resolve("bin/blacksky"), "session", "status", "--data", data.toString(),
                "--account", "nobody").env("JAVA_HOME", JAVA_HOME).run();
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("There is no account 'nobody'");

        Launch.Result help = Launch.of(DIST.resolve("bin/blacksky"), "--help").env("JAVA_HOME", JAVA_HOME).run();
        assertThat(help.stdout()).contains("session").contains("4  the account's session is locked");
    }
}
