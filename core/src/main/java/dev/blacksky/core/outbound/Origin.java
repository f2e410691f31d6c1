package dev.blacksky.core.outbound;

/**
 * Who a send is for: a reply to a command (someone is waiting for it) or a broadcast a plugin sent on its own
 * (a listener, a scheduled task). Replies go ahead of broadcasts, and a plugin's broadcasts may use only its
 * share of the account's sending budget.
 */
public record Origin(String pluginId, boolean reply) {

    /** The host's own answers (help, refusals, errors). */
    public static final Origin HOST = new Origin("blacksky", true);

    public static Origin replyFrom(String pluginId) {
        return new Origin(pluginId, true);
    }

    public static Origin broadcastFrom(String pluginId) {
        return new Origin(pluginId, false);
    }
}
