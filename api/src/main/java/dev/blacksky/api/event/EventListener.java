package dev.blacksky.api.event;

import org.pf4j.ExtensionPoint;

/**
 * Receives every {@link BotEvent}: messages (commands included), group joins and leaves, connection
 * changes. Most plugins extend {@link EventAdapter} instead.
 *
 * <pre>{@code
 * @Extension
 * public final class Audit implements EventListener {
 *     @Override
 *     public void onEvent(BotEvent event) {
 *         LoggerFactory.getLogger("audit").info("{}", event);
 *     }
 * }
 * }</pre>
 *
 * <p>Each call runs on a host thread with the same deadline as a command; an exception is logged with
 * the plugin id and never reaches other listeners, commands or the transport.
 */
public interface EventListener extends ExtensionPoint {

    /**
     * Handles one event.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    void onEvent(BotEvent event) throws Exception;
}
