package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.event.ConnectionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

    @TempDir
    Path data;

    static ConnectionStatus status(ConnectionState state, Instant next, String error) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new ConnectionStatus("main", state, at, 3, next, "network error; attempt 3 in 4 s", error,
                error == null ? null : "network_error", null, new ConnectionCounters(5, 1, 1, 3, 0), 4242, at.minusSeconds(60), at.plusSeconds(1));
    }

    @Test
    void lives_in_the_accounts_folder_and_reads_back_what_was_written() throws IOException {
        StatusFile file = new StatusFile(StatusFile.of(data, "main"));
        assertThat(file.path()).isEqualTo(data.resolve("accounts/main/status.json"));
        assertThat(file.read()).isEmpty();

        ConnectionStatus written = status(ConnectionState.RECONNECTING, Instant.parse("2026-01-01T00:00:04Z"),
                "network error: \"quoted\"\nand a new line");
        file.write(written);
        assertThat(file.read()).contains(written);

        ConnectionStatus nulls = status(ConnectionState.CONNECTED, null, null);
        file.write(nulls);
        assertThat(file.read()).contains(nulls);
        assertThat(Files.readString(file.path())).contains("\"state\" : \"CONNECTED\"");
    }

    @Test
    void replaces_the_file_atomically_and_leaves_no_temp_file() throws IOException {
        StatusFile file = new StatusFile(StatusFile.of(data, "main"));
        for (int i = 0; i < 20; i++) {
            file.write(status(ConnectionState.RECONNECTING, null, "e" + i));
        }
        try (var files = Files.list(file.path().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("status.json");
        }
        assertThat(file.read().orElseThrow().lastError()).isEqualTo("e19");
    }

    @Test
    void a_file_that_is_not_a_status_is_reported_not_guessed() throws IOException {
        Path path = StatusFile.of(data, "main");
        Files.createDirectories(path.getParent());
        Files.writeString(path, "{\"state\": \"NOPE\"}");
        assertThatThrownBy(() -> new StatusFile(path).read()).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Blacksky status file");
    }

    @Test
    void a_failed_write_is_logged_and_does_not_throw() throws IOException {
        Path blocker = data.resolve("accounts");
        Files.writeString(blocker, "a file where the folder should be");
        new StatusFile(StatusFile.of(data, "main")).record(status(ConnectionState.CONNECTED, null, null));
    }
}
