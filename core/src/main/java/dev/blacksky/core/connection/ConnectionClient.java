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

    /**
     * Checks the link after a quiet spell. The WhatsApp client looks at its socket and reports a closed one as
     * failed (Cobalt pings the server by itself every 20 s, and the answers count as traffic); the simulated
     * client answers as a live server would, through {@link ClientListener#received()}.
     */
    void probe();

    /**
     * Tears the connection down for good: from then on its reports no longer count, the socket is closed and its
     * threads released. Returns when done, so no second socket can overlap this one. Idempotent; never deletes
     * or changes the session.
     */
    void close();

    /** Makes a client per attempt, bound to the listener of that attempt. */
    interface Factory {
        ConnectionClient create(String account, ClientListener listener);
    }
}
