package dev.blacksky.core.connection;

/** What a client reports to its supervisor, from any thread; reports of a replaced client are ignored. */
public interface ClientListener {

    /** A QR code is being shown: the session has no keys yet and waits for a phone to scan it. */
    void pairing();

    /** Logged in (also after an internal reconnect of the library). */
    void loggedIn();

    /** Some frame or stanza arrived: proof that the link is alive. Cheap; called for every frame. */
    void received();

    /** The attempt failed or the live link ended, for this reason. */
    void failed(ConnectionFailure failure);
}
