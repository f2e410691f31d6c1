package dev.blacksky.core.connection;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Why an attempt failed or a live link ended, classified from what the client saw (stanza tag, type and
 * code, never the number alone). The supervisor's response depends only on which record it is.
 */
public sealed interface ConnectionFailure {

    /** A short text for logs, the status file and events; never key material. */
    String describe();

    /**
     * The failure behind a failed connect: the client's own classification if it gave one, otherwise a
     * network error (the socket could not open or broke before login).
     */
    static ConnectionFailure of(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectionFailedException failed) {
            return failed.failure();
        }
        if (cause instanceof TimeoutException) {
            return new NetworkError("timed out");
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The JDK's ConnectException says nothing by itself; the root cause says why.
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return new NetworkError("the server's name does not resolve (no network or no DNS)");
        }
        return new NetworkError(root == cause ? brief(cause) : brief(cause) + " <- " + brief(root));
    }

    private static String brief(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /** stream:error conflict type="replaced" (440): another holder of the same keys took over. */
    record Replaced() implements ConnectionFailure {
        public String describe() {
            return "replaced by another instance (440 conflict)";
        }
    }

    /** failure 401 or stream:error 401 device_removed, or Cobalt deleting the session: the device is unlinked. */
    record LoggedOut(String detail) implements ConnectionFailure {
        public String describe() {
            return "logged out (401): " + detail;
        }
    }

    /** failure 403 (and whatsmeow's 406): the account is locked or banned. */
    record Banned(int code) implements ConnectionFailure {
        public String describe() {
            return "banned (" + code + ")";
        }
    }

    /** failure 402 with a ban code (101-106) and its expiry. */
    record TemporarilyBanned(int code, Instant expiresAt) implements ConnectionFailure {
        public String describe() {
            return "temporarily banned (402, code " + code + ") until " + expiresAt;
        }
    }

    /** failure 405: this WhatsApp Web version is too old. */
    record Outdated() implements ConnectionFailure {
        public String describe() {
            return "client outdated (405)";
        }
    }

    /** stream:error 515, sent right after pair-success: a normal step, reconnect at once. */
    record RestartRequired() implements ConnectionFailure {
        public String describe() {
            return "restart required (515)";
        }
    }

    /** stream:error 500 or one with no known code: ambiguous, usually server-side. */
    record BadSession(String detail) implements ConnectionFailure {
        public String describe() {
            return "bad session (500): " + detail;
        }
    }

    /** The stored session cannot be loaded and no backup could replace it: an operator must restore or reset it. */
    record SessionDamaged(String detail) implements ConnectionFailure {
        public String describe() {
            return "session damaged: " + detail;
        }
    }

    /** failure or stream:error 503: the server is restarting or overloaded. */
    record ServiceUnavailable() implements ConnectionFailure {
        public String describe() {
            return "service unavailable (503)";
        }
    }

    /** The socket could not open or broke (DNS, refused, reset, TLS). */
    record NetworkError(String detail) implements ConnectionFailure {
        public String describe() {
            return "network error: " + detail;
        }
    }

    /** The server ended the stream (xmlstreamend, 428) or closed the socket. */
    record StreamEnded() implements ConnectionFailure {
        public String describe() {
            return "connection closed by the server";
        }
    }

    /** No login within the connect timeout. */
    record ConnectTimeout(Duration after) implements ConnectionFailure {
        public String describe() {
            return "no login within " + after.toSeconds() + " s";
        }
    }

    /** Nothing received for too long: a half-open link. */
    record Silent(Duration silence) implements ConnectionFailure {
        public String describe() {
            return "nothing received for " + silence.toSeconds() + " s (half-open link)";
        }
    }

    /** Nobody scanned the QR code in time. */
    record PairingExpired(Duration after) implements ConnectionFailure {
        public String describe() {
            return "the QR code was not scanned within " + after.toSeconds() + " s";
        }
    }
}
