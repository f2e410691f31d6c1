package dev.blacksky.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.AccountLock;
import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code blacksky session ...} as an operator types it. */
class SessionCommandTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

    @TempDir
    Path data;

    private Path sessionDir;

    record Run(int exit, String out, String err) {
    }

    private Run session(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BlackskyCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        String[] all = Stream.concat(Stream.of("session"), Stream.of(args)).toArray(String[]::new);
        int exit = cli.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void aPairedSession() throws Exception {
        sessionDir = Files.createDirectories(data.resolve("accounts/default/cobalt/web").resolve(ID.toString()));
        Files.write(sessionDir.resolve("keys.proto"), KeysSpec.encode(Keys.of(ID, null, List.of(), ClientType.WEB)));
        Files.write(sessionDir.resolve("store.proto"), StoreSpec.encode(Store.of(ID, null, List.of(), ClientType.WEB)));
    }

    @Test
    void status_shows_lock_state_files_and_backups() {
        Run run = session("status", "--data", data.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Account:    default").contains("Lock:       free")
                .contains("Session:    " + ID).contains("State:      OK").contains("keys.proto")
                .contains("store.proto").contains("Backups:    none").contains("Quarantine: empty");
    }

    @Test
    void backup_then_list_then_restore_puts_the_old_files_back_and_quarantines_the_current_ones() throws Exception {
        byte[] keys = Files.readAllBytes(sessionDir.resolve("keys.proto"));
        Run backup = session("backup", "--data", data.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up session " + ID);
        String name;
        try (Stream<Path> dirs = Files.list(data.resolve("accounts/default/backups"))) {
            name = dirs.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        Run list = session("list-backups", "--data", data.toString());
        assertThat(list.out()).contains(name).contains("valid");

        Files.write(sessionDir.resolve("keys.proto"), new byte[] {1, 2, 3});
        assertThat(session("status", "--data", data.toString()).out()).contains("DAMAGED");
        Run restore = session("restore", name, "--data", data.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(sessionDir.resolve("keys.proto")).hasBinaryContent(keys);
        assertThat(restore.out()).contains("moved to " + data.resolve("accounts/default/quarantine"));
        assertThat(session("status", "--data", data.toString()).out()).contains("State:      OK").contains("Quarantine: 1 entry");
    }

    @Test
    void restore_of_a_missing_backup_says_which_exist() {
        Run run = session("restore", "nope", "--data", data.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("There is no backup 'nope'").contains("list-backups");
    }

    @Test
    void a_wrong_account_is_a_clear_error() {
        Run unknown = session("status", "--data", data.toString(), "--account", "other");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unknown.err()).contains("There is no account 'other'").contains("known: default");
        Run invalid = session("status", "--data", data.toString(), "--account", "../etc");
        assertThat(invalid.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(invalid.err()).contains("not a valid account name");
    }

    @Test
    void restore_and_reset_are_refused_while_another_holder_has_the_lock() {
        AccountLayout layout = AccountLayout.of(data, "default");
        try (AccountLock held = AccountLock.acquire(layout, Instant.now())) {
            Run restore = session("restore", "anything", "--data", data.toString());
            assertThat(restore.exit()).isEqualTo(ExitCodes.SESSION_LOCKED);
            assertThat(restore.err()).contains("locked by pid " + ProcessHandle.current().pid());
            Run reset = session("reset", "--yes", "--data", data.toString());
            assertThat(reset.exit()).isEqualTo(ExitCodes.SESSION_LOCKED);
            assertThat(session("status", "--data", data.toString()).out()).contains("Lock:       held by pid");
        }
        assertThat(sessionDir.resolve("keys.proto")).exists();
    }

    @Test
    void reset_needs_yes_and_then_moves_the_session_to_quarantine() throws Exception {
        Run unconfirmed = session("reset", "--data", data.toString());
        assertThat(unconfirmed.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(sessionDir).exists();

        Run reset = session("reset", "--yes", "--data", data.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(data.resolve("accounts/default/cobalt")).doesNotExist();
        try (Stream<Path> quarantined = Files.list(data.resolve("accounts/default/quarantine"))) {
            Path moved = quarantined.findFirst().orElseThrow();
            assertThat(moved.getFileName().toString()).endsWith("-reset");
            assertThat(moved.resolve("cobalt/web").resolve(ID.toString()).resolve("keys.proto")).exists();
        }
        assertThat(session("status", "--data", data.toString()).out()).contains("NOT_PAIRED");
    }
}
