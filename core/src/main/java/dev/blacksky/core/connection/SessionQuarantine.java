package dev.blacksky.core.connection;

/**
 * Moves an account's session aside after a confirmed logout or ban, so nothing reuses it and nothing
 * deletes it. The session store implements it; the supervisor only decides when.
 */
@FunctionalInterface
public interface SessionQuarantine {

    /** Quarantines the session of {@code account} (moves it, never deletes it). */
    void quarantine(String account, String reason);
}
