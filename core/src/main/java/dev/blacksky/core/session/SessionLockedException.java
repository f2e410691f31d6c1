package dev.blacksky.core.session;

import java.nio.file.Path;
import java.util.Optional;

/** Another process (or this one) holds the account lock: the message names it and says how to stop it. */
public final class SessionLockedException extends RuntimeException {

    private final transient Optional<LockOwner> owner;

    SessionLockedException(String account, Path lockFile, Optional<LockOwner> owner) {
        super(message(account, lockFile, owner));
        this.owner = owner;
    }

    public Optional<LockOwner> owner() {
        return owner;
    }

    private static String message(String account, Path lockFile, Optional<LockOwner> owner) {
        String who = owner.map(o -> "by " + o).orElse("by another process (its details are not readable yet)");
        String stop = owner.map(o -> " Stop that bot first (for example: kill " + o.pid() + " on " + o.host() + ")"
                        + ", or use another --data folder or --account.")
                .orElse(" Stop the other bot first, or use another --data folder or --account.");
        return "The session of account '" + account + "' is locked " + who + "; lock file " + lockFile + "."
                + " Two processes sharing one WhatsApp session evict each other (stream conflict)." + stop;
    }
}
