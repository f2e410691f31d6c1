package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionStateChangedEvent;

/** Tells plugins that the connection changed state; the host wires it to the dispatcher. */
@FunctionalInterface
public interface StatePublisher {

    /** Delivers {@code event} without blocking the caller. */
    void publish(ConnectionStateChangedEvent event);
}
