package dev.blacksky.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.connection.ConnectionCounters;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.connection.StatusFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();

    private int status(String... args) {
        CommandLine cli = new CommandLine(new BlackskyCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 3];
        all[0] = "status";
        all[1] = "--data";
        all[2] = data.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.execute(all);
    }

    private void write(String account, long pid, Instant started) throws IOException {
        Instant now = Instant.now();
        new StatusFile(StatusFile.of(data, account)).write(new ConnectionStatus(account, ConnectionState.RECONNECTING,
                now.minusSeconds(90), 3, now.plusSeconds(12), "network error: unreachable; attempt 3 in 12 s",
                "network error: unreachable", new ConnectionCounters(4, 1, 1, 2, 0), pid, started, now));
    }

    private static Instant selfStart() {
        return ProcessHandle.current().info().startInstant().orElse(null);
    }

    @Test
    void shows_the_state_of_a_running_instance() throws IOException {
        write("main", ProcessHandle.current().pid(), selfStart());
        assertThat(status()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Account main: RECONNECTING since")
                .contains("attempt:     3, next at")
                .contains("last error:  network error: unreachable")
                .contains("4 attempts, 1 connects, 1 disconnects, 2 failed connects, 0 alerts")
                .contains("pid " + ProcessHandle.current().pid() + ", running")
                .doesNotContain("No Blacksky instance");
    }

    @Test
    void says_clearly_when_the_writer_is_gone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        write("main", gone.pid(), null);
        assertThat(status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).startsWith("No Blacksky instance is running for " + data)
                .contains("NOT RUNNING (process gone)");
    }

    @Test
    void a_reused_pid_with_another_start_time_is_not_the_writer() throws IOException {
        write("main", ProcessHandle.current().pid(), Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("NOT RUNNING");
    }

    @Test
    void says_clearly_when_there_is_no_status_at_all() {
        assertThat(status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).startsWith("No Blacksky instance is running: no connection status under");
        out.getBuffer().setLength(0);
        assertThat(status("--account", "other")).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("for account 'other'");
    }

    @Test
    void json_lists_each_account_with_whether_its_writer_runs() throws IOException {
        write("main", ProcessHandle.current().pid(), selfStart());
        write("spare", ProcessHandle.current().pid(), Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(status("--json")).isEqualTo(ExitCodes.OK);
        Config json = ConfigFactory.parseString(out.toString(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        assertThat(json.getBoolean("running")).isTrue();
        assertThat(json.getConfigList("accounts")).extracting(a -> a.getString("account") + " " + a.getString("state")
                + " " + a.getBoolean("running") + " " + a.getInt("attempt"))
                .containsExactly("main RECONNECTING true 3", "spare RECONNECTING false 3");

        out.getBuffer().setLength(0);
        assertThat(status("--json", "--account", "spare")).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("\"spare\"").doesNotContain("\"main\"");
    }
}
