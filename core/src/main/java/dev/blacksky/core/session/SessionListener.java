package dev.blacksky.core.session;

/** Receives {@link SessionEvent}s; the connection supervisor turns them into states and alerts. */
@FunctionalInterface
public interface SessionListener {

    void onSessionEvent(SessionEvent event);
}
