package dev.blacksky.core.cluster;

/** The cluster's database cannot be reached or used; the message says which and what to check. */
public final class ClusterUnavailableException extends RuntimeException {

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
