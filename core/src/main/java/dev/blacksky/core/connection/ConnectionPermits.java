package dev.blacksky.core.connection;

import dev.blacksky.core.outbound.SendPermits;
import jakarta.inject.Singleton;
import java.util.function.Predicate;

/**
 * Whether this process may open a connection for an account, or send over it, now: always, unless a cluster says
 * otherwise. A cluster node permits an account only while its lease is valid, so that no attempt (a reconnect
 * after a pause, a start racing a hand-over) ever meets another node's live connection, and a node waking from a
 * pause sends nothing over a connection the account's new owner has replaced.
 */
@Singleton
public final class ConnectionPermits implements SendPermits {

    private volatile Predicate<String> permitted = account -> true;

    /** From now on, a connection of {@code account} opens only while {@code permitted} accepts it. */
    public void require(Predicate<String> permitted) {
        this.permitted = permitted;
    }

    /** Whether {@code account} may connect, or use its connection (send), now. */
    @Override
    public boolean allows(String account) {
        return permitted.test(account);
    }

    /** Refuses the attempt, naming why, when the account may not connect now. */
    void check(String account) {
        if (!permitted.test(account)) {
            throw new IllegalStateException("this node holds no valid cluster lease for account '" + account
                    + "' now; it connects only while it does");
        }
    }
}
