package dev.blacksky.api.event;

/**
 * An {@link EventListener} with one method per event; override the ones you need.
 *
 * <pre>{@code
 * @Extension
 * public final class Welcome extends EventAdapter {
 *     private final PluginContext context;
 *
 *     @Inject
 *     public Welcome(PluginContext context) {
 *         this.context = context;
 *     }
 *
 *     @Override
 *     public void onMemberJoined(MemberJoinedEvent event) {
 *         context.messenger().send(event.group().id(), "Welcome!");
 *     }
 * }
 * }</pre>
 */
public abstract class EventAdapter implements EventListener {

    /** For subclasses. */
    protected EventAdapter() {
    }

    @Override
    public final void onEvent(BotEvent event) throws Exception {
        switch (event) {
            case MessageReceivedEvent e -> onMessage(e);
            case MemberJoinedEvent e -> onMemberJoined(e);
            case MemberLeftEvent e -> onMemberLeft(e);
            case ConnectionStateChangedEvent e -> onConnectionStateChanged(e);
        }
    }

    /**
     * A message arrived.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onMessage(MessageReceivedEvent event) throws Exception {
    }

    /**
     * A user joined a group.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onMemberJoined(MemberJoinedEvent event) throws Exception {
    }

    /**
     * A user left a group.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onMemberLeft(MemberLeftEvent event) throws Exception {
    }

    /**
     * The connection changed state.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onConnectionStateChanged(ConnectionStateChangedEvent event) throws Exception {
    }
}
