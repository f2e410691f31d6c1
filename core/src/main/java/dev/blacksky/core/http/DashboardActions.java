package dev.blacksky.core.http;

import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.plugin.PluginHost;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's buttons: what {@code !plugin enable|disable|reload} does, and retry or discard a dead letter. */
@Singleton
final class DashboardActions {

    private static final Logger log = LoggerFactory.getLogger(DashboardActions.class);
    private static final Pattern PLUGIN = Pattern.compile("/api/plugins/([A-Za-z0-9._-]{1,100})/(enable|disable|reload)");
    private static final Pattern OUTBOX = Pattern.compile("/api/outbox/([A-Za-z0-9._-]{1,100})/(retry|discard)");

    private final PluginHost plugins;

    @Inject
    DashboardActions(PluginHost plugins) {
        this.plugins = plugins;
    }

    /** Runs the action the path names, on {@code account}'s outbox for a dead letter; null if the path names none. */
    Response run(String path, HostedAccount account) {
        Matcher plugin = PLUGIN.matcher(path);
        if (plugin.matches()) {
            String id = plugin.group(1);
            String action = plugin.group(2);
            log.info("Dashboard: {} plugin '{}'", action, id);
            String message = switch (action) {
                case "enable" -> plugins.enable(id);
                case "disable" -> plugins.disable(id);
                default -> plugins.reload(id);
            };
            return Response.json(200, Map.of("message", message));
        }
        Matcher outbox = OUTBOX.matcher(path);
        if (outbox.matches()) {
            String id = outbox.group(1);
            boolean retry = outbox.group(2).equals("retry");
            log.info("Dashboard: {} dead letter {} of account '{}'", retry ? "retry" : "discard", id, account.name());
            OutboundMessenger outbound = account.outbound();
            boolean done = retry ? outbound.retryDead(id) : outbound.discardDead(id);
            return done ? Response.json(200, Map.of("message", (retry ? "Sending " : "Discarded ") + id + "."))
                    : Response.error(404, "There is no dead letter " + id + " in the outbox.");
        }
        return null;
    }
}
