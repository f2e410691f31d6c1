package dev.blacksky.core.connection;

import java.util.concurrent.CompletionStage;

/**
 * One WhatsApp connection as the supervisor drives it. The Cobalt adapter implements it on one
 * {@code Whatsapp} instance; the simulated client does for tests and rehearsals. The supervisor calls
 * {@link #connect()} at most once per client and always {@link #close()}s it before it creates the next.
 */
public interface ConnectionClient {

    /**
     * Opens the socket and logs in with the stored session. Completes when logged in; fails with a
     * {@link ConnectionFailedException} for a classified cause, any other exception counting as a network
     * error. It may never complete (Cobalt's {@code connect()} can hang): the supervisor has its own deadline.
     */
    CompletionStage<Void> connect();

    /** Asks the server for a sign of life (a ping); an answer arrives as {@link ClientListener#received()}. */
    void probe();

    /**
     * Tears the connection down for good: listeners removed first, then the socket closed and its threads
     * released. Returns when done, so no second socket can overlap this one. Idempotent; never deletes or
     * changes the session.
     */
    void close();

    /** Makes a client per attempt, bound to the listener of that attempt. */
    interface Factory {
        ConnectionClient create(String account, ClientListener listener);
    }
}
