package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.connection.ConnectionFailure;
import it.auties.whatsapp.model.node.Node;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StanzaClassifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final StanzaClassifier classifier = new StanzaClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

    private ConnectionFailure classify(Node node) {
        return classifier.classify(node).orElseThrow();
    }

    @Test
    void a_conflict_is_a_replacement_unless_the_device_was_removed() {
        assertThat(classify(Node.of("stream:error", Node.of("conflict", Map.of("type", "replaced")))))
                .isInstanceOf(ConnectionFailure.Replaced.class);
        assertThat(classify(Node.of("stream:error", Node.of("conflict", Map.of("type", "device_removed")))))
                .isInstanceOf(ConnectionFailure.LoggedOut.class);
    }

    @Test
    void stream_error_codes_are_read_from_the_stanza() {
        assertThat(classify(Node.of("stream:error", Map.of("code", "515"), (Object) null)))
                .isInstanceOf(ConnectionFailure.RestartRequired.class);
        assertThat(classify(Node.of("stream:error", Map.of("code", "401"), (Object) null)))
                .isInstanceOf(ConnectionFailure.LoggedOut.class);
        assertThat(classify(Node.of("stream:error", Map.of("code", "503"), (Object) null)))
                .isInstanceOf(ConnectionFailure.ServiceUnavailable.class);
        assertThat(classify(Node.of("stream:error", Map.of("code", "500"), (Object) null)))
                .isEqualTo(new ConnectionFailure.BadSession("stream:error 500"));
        assertThat(classify(Node.of("stream:error", Node.of("bad-mac"))))
                .isEqualTo(new ConnectionFailure.BadSession("stream:error bad-mac"));
    }

    @Test
    void connect_failures_map_to_terminal_states_without_touching_the_session() {
        assertThat(classify(failure(Map.of("reason", "401")))).isInstanceOf(ConnectionFailure.LoggedOut.class);
        assertThat(classify(failure(Map.of("reason", "403")))).isEqualTo(new ConnectionFailure.Banned(403));
        assertThat(classify(failure(Map.of("reason", "406")))).isEqualTo(new ConnectionFailure.Banned(406));
        // Cobalt 0.0.10 turns these two into LOGGED_OUT and BANNED and deletes the session; they are neither.
        assertThat(classify(failure(Map.of("reason", "405")))).isInstanceOf(ConnectionFailure.Outdated.class);
        assertThat(classify(failure(Map.of("reason", "503")))).isInstanceOf(ConnectionFailure.ServiceUnavailable.class);
    }

    @Test
    void a_temporary_ban_carries_its_code_and_expiry() {
        assertThat(classify(failure(Map.of("reason", "402", "code", "104", "expire", "600"))))
                .isEqualTo(new ConnectionFailure.TemporarilyBanned(104, NOW.plusSeconds(600)));
    }

    @Test
    void unknown_or_garbled_failures_are_transient_bad_sessions() {
        assertThat(classify(failure(Map.of("reason", "499")))).isEqualTo(new ConnectionFailure.BadSession("failure 499"));
        assertThat(classify(failure(Map.of("reason", "soon")))).isEqualTo(new ConnectionFailure.BadSession("failure 500"));
        assertThat(classify(Node.of("xmlstreamend"))).isInstanceOf(ConnectionFailure.StreamEnded.class);
    }

    @Test
    void ordinary_frames_end_nothing() {
        assertThat(classifier.classify(Node.of("message", Map.of("id", "ABC"), (Object) null))).isEmpty();
        assertThat(classifier.classify(Node.of("iq", Map.of("type", "result"), (Object) null))).isEmpty();
    }

    private static Node failure(Map<String, Object> attributes) {
        return Node.of("failure", attributes, (Object) null);
    }
}
