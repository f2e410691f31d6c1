package dev.blacksky.api.event;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * An {@link EventListener} with one method per event; override the ones you need. The host calls it only
 * for those events: a listener that overrides {@code onMemberJoined} alone is not called for every message.
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
            case MemberPromotedEvent e -> onMemberPromoted(e);
            case MemberDemotedEvent e -> onMemberDemoted(e);
            case GroupSubjectChangedEvent e -> onGroupSubjectChanged(e);
            case PollVotedEvent e -> onPollVoted(e);
        }
    }

    /** The events whose methods this listener overrides. */
    @Override
    public Set<Class<? extends BotEvent>> events() {
        Set<Class<? extends BotEvent>> wanted = new HashSet<>();
        for (Method method : getClass().getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getDeclaringClass() != EventAdapter.class && method.getName().startsWith("on")
                    && !method.getName().equals("onEvent") && parameters.length == 1
                    && BotEvent.class.isAssignableFrom(parameters[0])) {
                wanted.add(parameters[0].asSubclass(BotEvent.class));
            }
        }
        return Set.copyOf(wanted);
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

    /**
     * A member was made an admin.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onMemberPromoted(MemberPromotedEvent event) throws Exception {
    }

    /**
     * An admin was made an ordinary member.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onMemberDemoted(MemberDemotedEvent event) throws Exception {
    }

    /**
     * A group was renamed.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onGroupSubjectChanged(GroupSubjectChangedEvent event) throws Exception {
    }

    /**
     * Someone voted on one of the bot's polls.
     *
     * @param event the event
     * @throws Exception on failure; the host contains it
     */
    public void onPollVoted(PollVotedEvent event) throws Exception {
    }
}
