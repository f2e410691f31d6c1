package dev.blacksky.core.storage;

/**
 * A write to an account's journal or outbox was refused because the account is no longer this run's: another
 * node runs it now. Not a fault of the write: this run stops, and the new owner carries on from what was kept.
 */
public class AccountMovedException extends RuntimeException {

    protected AccountMovedException(String message, Throwable cause) {
        super(message, cause);
    }
}
