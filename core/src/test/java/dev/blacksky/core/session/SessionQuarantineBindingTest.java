package dev.blacksky.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.connection.SessionQuarantine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's quarantine (what it calls on LOGGED_OUT and BANNED) moves the session, never deletes it. */
class SessionQuarantineBindingTest {

    @TempDir
    Path folder;

    @Test
    void a_logout_reported_by_the_supervisor_moves_the_session_to_quarantine() throws Exception {
        try (TestHost bot = TestHost.start(folder, "")) {
            Path session = Files.createDirectories(folder.resolve("data/accounts/default/cobalt/web/0000-test"));
            Files.writeString(session.resolve("keys.proto"), "keys");
            SessionQuarantine quarantine = bot.host.injector().getInstance(SessionQuarantine.class);
            quarantine.quarantine("default", "logged-out");
            assertThat(session).doesNotExist();
            try (Stream<Path> moved = Files.walk(folder.resolve("data/accounts/default/quarantine"))) {
                assertThat(moved.filter(p -> p.getFileName().toString().equals("keys.proto")))
                        .singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo("keys"));
            }
        }
    }
}
