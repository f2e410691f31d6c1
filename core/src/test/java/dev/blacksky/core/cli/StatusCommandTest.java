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
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.AccountLock;
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
                "network error: unreachable", "network_error", "WhatsApp Web 2.3000.1 on WEB (set by blacksky.whatsapp.client-version)",
                new ConnectionCounters(4, 1, 1, 2, 0), pid, started, now));
    }

    private static Instant selfStart() {
        return ProcessHandle.current().info().startInstant().orElse(null);
    }

    private AccountLock running(String account) {
        return AccountLock.acquire(AccountLayout.of(data, account), Instant.now());
    }

    @Test
    void shows_the_state_of_a_running_instance() throws IOException {
        write("main", ProcessHandle.current().pid(), selfStart());
        try (AccountLock lock = running("main")) {
            assertThat(status()).isEqualTo(ExitCodes.OK);
        }
        assertThat(out.toString())
                .contains("Account main: RECONNECTING since")
                .contains("attempt:     3, next at")
                .contains("last error:  network error: unreachable")
                .contains("4 attempts, 1 connects, 1 disconnects, 2 failed connects, 0 alerts")
                .contains("pid " + ProcessHandle.current().pid() + ", running")
                .doesNotContain("No Blacksky instance");
    }

    @Test
    void says_clearly_when_no_instance_holds_the_account_even_if_its_pid_is_alive() throws Exception {
        write("main", ProcessHandle.current().pid(), selfStart()); // a live pid, but nobody holds the lock
        assertThat(status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).startsWith("No Blacksky instance is running for " + data)
                .contains("NOT RUNNING (the account is not locked)");
    }

    @Test
    void a_running_instance_whose_status_file_is_damaged_or_gone_is_still_running() throws IOException {
        try (AccountLock lock = running("main")) {
            assertThat(status()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("Account main: running as pid " + ProcessHandle.current().pid());
            java.nio.file.Files.writeString(StatusFile.of(data, "main"), "{ not json");
            out.getBuffer().setLength(0);
            assertThat(status()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("the account's lock says an instance is running");
        }
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
        AccountLock lock = running("main");
        try {
            assertThat(status("--json")).isEqualTo(ExitCodes.OK);
        } finally {
            lock.close();
        }
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
