package dev.blacksky.core.whatsapp;

import dev.blacksky.core.connection.ConnectionFailure;
import it.auties.whatsapp.model.node.Node;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads why WhatsApp ended a stream from the stanza itself (tag, child, code), never from a bare number. */
public final class StanzaClassifier {

    private final Clock clock;

    public StanzaClassifier(Clock clock) {
        this.clock = clock;
    }

    /** The failure this frame announces, or empty for an ordinary frame. */
    public Optional<ConnectionFailure> classify(Node node) {
        return switch (node.description()) {
            case "stream:error" -> Optional.of(streamError(node));
            case "failure" -> Optional.of(failure(node));
            case "xmlstreamend" -> Optional.of(new ConnectionFailure.StreamEnded());
            default -> Optional.empty();
        };
    }

    private ConnectionFailure streamError(Node node) {
        Optional<Node> conflict = node.findChild("conflict");
        if (conflict.isPresent()) {
            // type="replaced" is the 440 conflict; type="device_removed" is the phone unlinking this device.
            String type = conflict.get().attributes().getString("type", "replaced");
            return type.equals("device_removed")
                    ? new ConnectionFailure.LoggedOut("stream:error conflict device_removed")
                    : new ConnectionFailure.Replaced();
        }
        String code = node.attributes().getString("code", "");
        return switch (code) {
            case "515" -> new ConnectionFailure.RestartRequired();
            case "401" -> new ConnectionFailure.LoggedOut("stream:error 401");
            case "503" -> new ConnectionFailure.ServiceUnavailable();
            case "" -> new ConnectionFailure.BadSession(node.findChild().map(child -> "stream:error " + child.description())
                    .orElse("stream:error without a code"));
            // 500 and every code we do not know: ambiguous and transient, but counted so repeats escalate.
            default -> new ConnectionFailure.BadSession("stream:error " + code);
        };
    }

    private ConnectionFailure failure(Node node) {
        int reason = number(node, "reason").orElse(500);
        return switch (reason) {
            case 401 -> new ConnectionFailure.LoggedOut("failure 401");
            case 403, 406 -> new ConnectionFailure.Banned(reason);
            case 402 -> new ConnectionFailure.TemporarilyBanned(number(node, "code").orElse(0),
                    clock.instant().plus(Duration.ofSeconds(number(node, "expire").orElse(0))));
            case 405 -> new ConnectionFailure.Outdated();
            case 503 -> new ConnectionFailure.ServiceUnavailable();
            default -> new ConnectionFailure.BadSession("failure " + reason);
        };
    }

    /** A numeric attribute; a garbled one counts as absent rather than failing the listener thread. */
    private static OptionalInt number(Node node, String key) {
        try {
            return node.attributes().getOptionalInt(key);
        } catch (RuntimeException garbled) {
            return OptionalInt.empty();
        }
    }
}
