package dev.blacksky.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The connection moved from one state to another.
 *
 * <pre>{@code
 * @Override
 * public void onConnectionStateChanged(ConnectionStateChangedEvent event) {
 *     if (event.current() == ConnectionState.CONNECTED) {
 *         context.logger().info("back online after {}", event.previous());
 *     }
 * }
 * }</pre>
 *
 * @param previous the state before
 * @param current the state now
 * @param reason why, in words (for example "network unreachable"); empty when there is nothing to say
 * @param at when the change happened
 */
public record ConnectionStateChangedEvent(ConnectionState previous, ConnectionState current, String reason, Instant at)
        implements BotEvent {

    /** Checks the components. */
    public ConnectionStateChangedEvent {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
