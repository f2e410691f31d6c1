package dev.blacksky.core.session;

/**
 * SESSION_CORRUPT: the session files cannot be loaded and no backup is valid. The damaged files are left where
 * they are; the bot must not pair a fresh identity on its own (an operator runs {@code blacksky session reset}).
 */
public final class SessionCorruptException extends RuntimeException {

    SessionCorruptException(String message) {
        super(message);
    }
}
