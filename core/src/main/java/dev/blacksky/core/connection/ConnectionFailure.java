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
    default String describe() {
        return switch (this) {
            case Replaced r -> "replaced by another instance (440 conflict)";
            case LoggedOut l -> "logged out (401): " + l.detail();
            case Banned b -> "banned (" + b.code() + ")";
            case TemporarilyBanned t -> "temporarily banned (402, code " + t.code() + ") until " + t.expiresAt();
            case Outdated o -> "client outdated (405)";
            case RestartRequired r -> "restart required (515)";
            case BadSession b -> "bad session (500): " + b.detail();
            case SessionDamaged d -> "session damaged: " + d.detail();
            case ServiceUnavailable s -> "service unavailable (503)";
            case NetworkError n -> "network error: " + n.detail();
            case StreamEnded s -> "connection closed by the server";
            case ConnectTimeout c -> "no login within " + c.after().toSeconds() + " s";
            case Silent s -> "nothing received for " + s.silence().toSeconds() + " s (half-open link)";
            case PairingExpired p -> "the QR code was not scanned within " + p.after().toSeconds() + " s";
        };
    }

    /** The failure's kind as a metric label and history field: {@code network_error}, {@code replaced}, ... */
    default String kind() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The failure behind a failed connect: the client's own classification, else a network error. */
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
    record Replaced() implements ConnectionFailure { }

    /** failure 401 or stream:error 401 device_removed, or Cobalt deleting the session: the device is unlinked. */
    record LoggedOut(String detail) implements ConnectionFailure { }

    /** failure 403 or 406: the account is locked or banned. */
    record Banned(int code) implements ConnectionFailure { }

    /** failure 402 with a ban code (101-106) and its expiry. */
    record TemporarilyBanned(int code, Instant expiresAt) implements ConnectionFailure { }

    /** failure 405: this WhatsApp Web version is too old. */
    record Outdated() implements ConnectionFailure { }

    /** stream:error 515, sent right after pair-success: a normal step, reconnect at once. */
    record RestartRequired() implements ConnectionFailure { }

    /** stream:error 500 or one with no known code: ambiguous, usually server-side. */
    record BadSession(String detail) implements ConnectionFailure { }

    /** The stored session cannot be loaded and no backup could replace it: an operator must restore or reset it. */
    record SessionDamaged(String detail) implements ConnectionFailure { }

    /** failure or stream:error 503: the server is restarting or overloaded. */
    record ServiceUnavailable() implements ConnectionFailure { }

    /** The socket could not open or broke (DNS, refused, reset, TLS). */
    record NetworkError(String detail) implements ConnectionFailure { }

    /** The server ended the stream (xmlstreamend, 428) or closed the socket. */
    record StreamEnded() implements ConnectionFailure { }

    /** No login within the connect timeout. */
    record ConnectTimeout(Duration after) implements ConnectionFailure { }

    /** Nothing received for too long: a half-open link. */
    record Silent(Duration silence) implements ConnectionFailure { }

    /** Nobody scanned the QR code in time. */
    record PairingExpired(Duration after) implements ConnectionFailure { }
}
