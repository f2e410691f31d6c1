package dev.blacksky.core.alert;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.connection.StatusRecorder;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.config.AccountPlans;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.dispatch.DurationText;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.plugin.BreakerTrips;
import dev.blacksky.core.schedule.TimeSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the connection and the plugins' breakers: the webhook hears of terminal states, long outages and open
 * breakers; the owners get a WhatsApp message when the link is back after an outage, with how long and why.
 */
@Singleton
public final class OperatorAlerts implements StatusRecorder {

    private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);
    private static final Set<ConnectionState> DOWN = EnumSet.of(ConnectionState.CONNECTING, ConnectionState.RECONNECTING,
            ConnectionState.DEGRADED, ConnectionState.SUSPENDED);

    private final AlertSettings settings;
    private final TimeSource time;
    private final Consumer<String> toOwners;
    private final Webhook webhook;
    private final String account;
    private ConnectionState last;
    private boolean everConnected;
    private Instant downSince;
    private String downCause;
    private boolean outageAlerted;
    private TimeSource.Cancellable degradedTimer;

    @Inject
    OperatorAlerts(AlertSettings settings, TimeSource time, OutboundMessenger outbound, Dispatcher dispatcher,
                   BreakerTrips trips, AccountPlan account, AccountPlans accounts) {
        this(settings, time, text -> dispatcher.accessPolicy().owners()
                .forEach(owner -> outbound.send(ChatId.of(owner.value()), text)), trips, accounts.all().size() > 1
                ? account.name() : null, accounts.primary().name().equals(account.name()));
    }

    /** @param toOwners sends a WhatsApp message to every owner */
    OperatorAlerts(AlertSettings settings, TimeSource time, Consumer<String> toOwners, BreakerTrips trips) {
        this(settings, time, toOwners, trips, null, true);
    }

    // `account` names the account in each alert when the host runs several; plugins' alerts come from the first.
    private OperatorAlerts(AlertSettings settings, TimeSource time, Consumer<String> toOwners, BreakerTrips trips,
                           String account, boolean first) {
        this.settings = settings;
        this.time = time;
        this.toOwners = toOwners;
        this.account = account;
        this.webhook = settings.webhook() == null ? null : new Webhook(settings.webhook(), settings.webhookAttempts());
        if (first) {
            trips.addListener((plugin, reason) -> alert("plugin-breaker-open", "Plugin '" + plugin + "' is paused: "
                    + reason, Map.of("plugin", plugin)));
        }
    }

    @Override
    public synchronized void record(ConnectionStatus status) {
        ConnectionState state = status.state();
        if (state == last) {
            return;
        }
        last = state;
        if (state.isTerminal()) {
            cancelTimer();
            alert("terminal", "The bot stopped connecting: " + state + ": " + status.reason(),
                    Map.of("state", state.name(), "reason", status.reason()));
        }
        if (state == ConnectionState.PAIRING || state == ConnectionState.STOPPED) {
            downSince = null; // waiting for a person to scan, or stopped on purpose: not an outage
            cancelTimer();
        }
        if (DOWN.contains(state) && downSince == null) {
            downSince = status.updatedAt();
            outageAlerted = false;
            degradedTimer = time.schedule(settings.degradedAfter(), this::stillDown);
        }
        if (DOWN.contains(state) && status.lastError() != null) {
            downCause = status.lastError();
        }
        if (state == ConnectionState.CONNECTED) {
            Instant since = downSince;
            downSince = null;
            cancelTimer();
            if (since != null && everConnected) {
                recovered(Duration.between(since, status.updatedAt()));
            }
            everConnected = true;
        }
    }

    private synchronized void stillDown() {
        if (downSince == null || outageAlerted) {
            return;
        }
        outageAlerted = true;
        Duration down = Duration.between(downSince, time.clock().instant());
        alert("degraded", "The WhatsApp connection has been down for " + DurationText.of(down) + " (last error: "
                + downCause + ")", Map.of("state", String.valueOf(last), "downSeconds", down.toSeconds()));
    }

    private void recovered(Duration down) {
        String why = downCause == null ? "" : " (" + downCause + ")";
        if (outageAlerted) {
            alert("recovered", "The WhatsApp connection is back after " + DurationText.of(down) + why,
                    Map.of("downSeconds", down.toSeconds()));
        }
        Duration floor = settings.recoveryMessageAfter();
        if (!floor.isZero() && down.compareTo(floor) >= 0) {
            String text = (account == null ? "" : "[" + account + "] ") + "✅ Back online after " + DurationText.of(down) + " down" + why + ".";
            toOwners.accept(text);
        }
    }

    private void cancelTimer() {
        if (degradedTimer != null) {
            degradedTimer.cancel();
            degradedTimer = null;
        }
    }

    /** Stops posting; alerts still waiting are dropped. */
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
    }

    private void alert(String kind, String summary, Map<String, Object> details) {
        boolean ofAccount = account != null && !details.containsKey("plugin"); // a plugin's alert is every account's
        String said = ofAccount ? "[" + account + "] " + summary : summary;
        log.info("ALERT ({}): {}", kind, said); // each source already warned in its own words
        if (webhook == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("summary", said);
        if (ofAccount) {
            body.put("account", account);
        }
        body.put("at", time.clock().instant().toString());
        body.putAll(details);
        webhook.post(body);
    }
}
