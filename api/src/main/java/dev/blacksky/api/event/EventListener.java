package dev.blacksky.api.event;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Receives {@link BotEvent}s: messages (commands included), group changes, poll votes, connection changes;
 * all of them, or those {@link #events()} names. Most plugins extend {@link EventAdapter} instead.
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

    /**
     * Returns the kinds of event this listener wants: the host calls {@link #onEvent} only for those, so a
     * listener for joins costs nothing per message. {@link EventAdapter} answers with the events whose
     * methods it overrides.
     *
     * <pre>{@code
     * public Set<Class<? extends BotEvent>> events() {
     *     return Set.of(MemberJoinedEvent.class, MemberLeftEvent.class);
     * }
     * }</pre>
     *
     * @return the event types; {@code BotEvent.class} for all (the default)
     */
    default Set<Class<? extends BotEvent>> events() {
        return Set.of(BotEvent.class);
    }
}
