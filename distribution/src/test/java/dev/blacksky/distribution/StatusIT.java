package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blacksky status} against a real {@code blacksky run} on the simulated transport, then after SIGTERM. */
class StatusIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    private Launch.Result status(Path data, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "status";
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Launch.of(DIST.resolve("bin/blacksky"), args).env("JAVA_HOME", JAVA_HOME).run();
    }

    @Test
    void without_an_instance_status_says_so_and_exits_1() {
        Launch.Result result = status(tmp.resolve("data"));
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).startsWith("No Blacksky instance is running");
    }

    private Process run(Path data, String config) throws IOException {
        Path conf = Files.writeString(tmp.resolve("rehearsal.conf"), config);
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                conf.toString(), "--data", data.toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().put("BLACKSKY_LOGS", tmp.resolve("logs").toString());
        builder.redirectOutput(tmp.resolve("run.out").toFile()).redirectError(tmp.resolve("run.err").toFile());
        return builder.start();
    }

    /** Watches status.json until {@code condition} holds; the run must stay up meanwhile. */
    private void awaitStatus(Process run, Path data, Duration limit, java.util.function.Predicate<String> condition)
            throws Exception {
        Path file = data.resolve("accounts/default/status.json");
        Instant deadline = Instant.now().plus(limit);
        while (!(Files.exists(file) && condition.test(Files.readString(file)))) {
            // waitFor doubles as the pause between looks and as the check that run did not die
            assertThat(run.waitFor(100, TimeUnit.MILLISECONDS)).as("run exited early: %s",
                    Files.readString(tmp.resolve("run.err"))).isFalse();
            assertThat(Instant.now()).as("status.json never got there: %s",
                    Files.exists(file) ? Files.readString(file) : "no file").isBefore(deadline);
        }
    }

    @Test
    void shows_the_running_instance_then_that_it_stopped() throws Exception {
        Path data = tmp.resolve("data");
        Process run = run(data, "blacksky.transport = simulated\n");
        try {
            awaitStatus(run, data, Duration.ofSeconds(60), json -> json.contains("\"CONNECTED\""));

            Launch.Result running = status(data);
            assertThat(running.exit()).as(running.toString()).isZero();
            assertThat(running.stdout()).contains("Account default: CONNECTED since")
                    .contains("pid " + run.pid() + ", running");
            Launch.Result json = status(data, "--json", "--account", "default");
            assertThat(json.exit()).isZero();
            assertThat(json.stdout()).contains("\"running\" : true").contains("\"state\" : \"CONNECTED\"");
        } finally {
            run.destroy(); // SIGTERM
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // SIGTERM is a request to stop: drain, flush, release, exit 0 (as service managers expect)
        assertThat(run.exitValue()).as("exit after SIGTERM").isZero();

        Launch.Result stopped = status(data);
        assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(1);
        assertThat(stopped.stdout()).startsWith("No Blacksky instance is running")
                .contains("Account default: STOPPED").contains("NOT RUNNING");
    }

    @Test
    void without_network_it_stays_up_and_retries_with_growing_delays_visible_in_status() throws Exception {
        Path data = tmp.resolve("data");
        Process run = run(data, "blacksky.transport = simulated\nblacksky.connection.rehearsal-network = down\n");
        try {
            awaitStatus(run, data, Duration.ofSeconds(60),
                    json -> json.matches("(?s).*\"attempt\" : ([3-9]|\\d\\d).*"));
            // Between retries, not during one: an attempt in progress shows CONNECTING, so look until one shows.
            Launch.Result status = status(data);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!status.stdout().contains("Account default: RECONNECTING since") && Instant.now().isBefore(deadline)) {
                assertThat(run.waitFor(100, TimeUnit.MILLISECONDS)).as("run exited early").isFalse();
                status = status(data);
            }
            assertThat(status.exit()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("Account default: RECONNECTING since")
                    .contains("last error:  network error: network unreachable").contains(", next at ")
                    .contains("pid " + run.pid() + ", running");
        } finally {
            run.destroy();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
