package dev.blacksky.core.connection;

/** How a client fails its connect future with a classified cause; any other exception is a network error. */
public final class ConnectionFailedException extends RuntimeException {

    private final transient ConnectionFailure failure;

    public ConnectionFailedException(ConnectionFailure failure) {
        super(failure.describe(), null, false, false);
        this.failure = failure;
    }

    public ConnectionFailure failure() {
        return failure;
    }
}
