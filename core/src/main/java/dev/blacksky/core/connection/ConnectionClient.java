package dev.blacksky.core.connection;

import java.util.concurrent.CompletionStage;

/** One WhatsApp connection as the supervisor drives it: connected at most once, always closed before the next. */
public interface ConnectionClient {

    /**
     * Opens the socket and logs in with the stored session; fails with a {@link ConnectionFailedException} for a
     * known cause. It may never complete (Cobalt's can hang): the supervisor keeps its own deadline.
     */
    CompletionStage<Void> connect();

    /** Checks the link after a quiet spell; a dead one is reported as failed, a live one as traffic. */
    void probe();

    /** Tears the connection down and returns when done, so no two sockets overlap; never touches the session. */
    void close();

    /** What this client announces to the server (its revision and platform), for operators; null if nothing. */
    default String clientInfo() {
        return null;
    }

    /** Makes a client per attempt, bound to the listener of that attempt. */
    interface Factory {
        ConnectionClient create(String account, ClientListener listener);
    }
}
