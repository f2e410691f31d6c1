package dev.blacksky.core.connection;

/** Moves an account's session aside after a confirmed logout or ban: neither reused nor deleted. */
@FunctionalInterface
public interface SessionQuarantine {

    /** Quarantines the session of {@code account} (moves it, never deletes it). */
    void quarantine(String account, String reason);
}
