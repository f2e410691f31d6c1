package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The QR code a pairing currently shows, for the dashboard. It holds key material: kept in memory only, handed
 * to no log, and dropped as soon as the connection leaves PAIRING.
 */
@Singleton
public final class PairingCodes implements StatusRecorder {

    /** A code and its number: the number changes each time WhatsApp rotates the code. */
    public record Code(String payload, long serial) {
        @Override
        public String toString() {
            return "Code[#" + serial + "]"; // never the payload
        }
    }

    private Code current;
    private long serial;

    /** A new code is being shown. */
    public synchronized void show(String payload) {
        current = new Code(payload, ++serial);
    }

    /** The code to show now, if a pairing is waiting for a scan. */
    public synchronized Optional<Code> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized void record(ConnectionStatus status) {
        if (status.state() != ConnectionState.PAIRING) {
            current = null;
        }
    }
}
