package dev.blacksky.api.event;

/**
 * The state of the bot's connection, as its supervisor sees it.
 *
 * <pre>
 * STARTING -&gt; PAIRING -&gt; CONNECTING -&gt; CONNECTED &lt;-&gt; RECONNECTING
 *                                        CONNECTED/RECONNECTING -&gt; DEGRADED (too many failures, paused)
 * terminal, waiting for an operator: REPLACED, LOGGED_OUT, BANNED, CLIENT_OUTDATED, SESSION_CORRUPT
 * SUSPENDED (a temporary ban, until it expires); STOPPED (the bot is shutting down)
 * </pre>
 *
 * <pre>{@code
 * if (event.current() == ConnectionState.CONNECTED) { ... }
 * }</pre>
 */
public enum ConnectionState {
    /** The host is starting; nothing is connected yet. */
    STARTING,
    /** Waiting for the phone to scan a QR code. */
    PAIRING,
    /** Opening the connection. */
    CONNECTING,
    /** Connected and logged in: messages flow. */
    CONNECTED,
    /** The connection dropped; the next attempt is scheduled with backoff. */
    RECONNECTING,
    /** Too many failures in a short time: attempts are paused for a while. */
    DEGRADED,
    /** Another instance took over the session. Nothing is retried until an operator acts. */
    REPLACED,
    /** The phone unlinked this device. The session was quarantined; re-pairing is needed. */
    LOGGED_OUT,
    /** The account is banned or locked. */
    BANNED,
    /** The account is temporarily banned; the bot waits until the ban expires. */
    SUSPENDED,
    /** WhatsApp refused the client revision as outdated (405); set blacksky.whatsapp.client-version and restart. */
    CLIENT_OUTDATED,
    /** The stored session is unreadable and no backup was valid. */
    SESSION_CORRUPT,
    /** The bot is stopping. */
    STOPPED;

    /**
     * Tells whether the state waits for an operator instead of retrying by itself.
     *
     * @return true for REPLACED, LOGGED_OUT, BANNED, CLIENT_OUTDATED and SESSION_CORRUPT
     */
    public boolean isTerminal() {
        return this == REPLACED || this == LOGGED_OUT || this == BANNED || this == CLIENT_OUTDATED || this == SESSION_CORRUPT;
    }
}
