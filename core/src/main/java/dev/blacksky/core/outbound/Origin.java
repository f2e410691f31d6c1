package dev.blacksky.core.outbound;

/** Who a send is for: a reply (someone waits for it, it goes first) or a plugin's broadcast (within its share). */
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
