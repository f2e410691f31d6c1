package dev.blacksky.core.http;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.plugin.PluginFailure;
import dev.blacksky.core.plugin.PluginHost;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Liveness and readiness, with the reasons, as a load balancer or container runtime reads them (200 or 503). */
@Singleton
public final class HealthChecks {

    private final HostedAccounts accounts;
    private final PluginHost plugins;
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile String standby; // why this node does not run its account yet, in a cluster

    @Inject
    HealthChecks(HostedAccounts accounts, PluginHost plugins) {
        this.accounts = accounts;
        this.plugins = plugins;
    }

    void markStarted() {
        standby = null;
        started = true;
    }

    void stopping() {
        stopping = true;
    }

    void standby(String why) {
        standby = why;
    }

    boolean started() {
        return started;
    }

    String standby() {
        return standby;
    }

    /** The process answers: its HTTP thread runs and the host has not finished stopping. */
    Response live() {
        return Response.json(200, Map.of("status", "live"));
    }

    Response ready() {
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        if (!started && standby != null) {
            reasons.add("standby: " + standby);
        } else if (!started) {
            reasons.add("starting: plugins and the transport are not up yet");
        }
        if (stopping) {
            reasons.add("stopping");
        }
        // Ready when every account is connected; the first account's state stays at the top, as with one account.
        List<Map<String, Object>> each = new ArrayList<>();
        for (HostedAccount account : accounts.all()) {
            each.add(state(account, accounts.all().size() > 1 ? "account " + account.name() + ": " : "", reasons));
        }
        if (started && !stopping && each.stream().allMatch(a -> "STANDBY".equals(a.get("state")))) {
            reasons.add("standby: this cluster node runs none of its " + each.size() + " accounts now");
        }
        body.put("state", each.getFirst().get("state"));
        body.put("terminal", each.getFirst().get("terminal"));
        if (started) {
            for (PluginFailure failure : plugins.failures()) {
                warnings.add((failure.pluginId() != null ? "plugin " + failure.pluginId() : failure.jar().getFileName().toString())
                        + " was skipped: " + failure.reason());
            }
        }
        body.put("status", reasons.isEmpty() ? "ready" : "not ready");
        body.put("transport", accounts.primary().transport().name());
        body.put("accounts", each);
        body.put("reasons", reasons);
        body.put("warnings", warnings);
        return Response.json(reasons.isEmpty() ? 200 : 503, body);
    }

    // One account's part of readiness; what keeps it from being ready goes to `reasons`, prefixed with `named`.
    private Map<String, Object> state(HostedAccount account, String named, List<String> reasons) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", account.name());
        String failed = accounts.failure(account.name());
        String elsewhere = accounts.runElsewhere(account.name());
        ConnectionStatus status = account.connections().supervisor().map(s -> s.status()).orElse(null);
        if (elsewhere != null) { // a cluster node is ready with the accounts it holds
            state.put("state", "STANDBY");
            state.put("terminal", false);
            state.put("standby", elsewhere);
        } else if (failed != null) {
            state.put("state", "FAILED");
            state.put("terminal", true);
            reasons.add(named + "failed to start: " + failed);
        } else if (status != null) {
            state.put("state", status.state().name());
            state.put("terminal", status.state().isTerminal());
            if (status.state() != ConnectionState.CONNECTED) {
                reasons.add(named + status.state() + ": " + status.reason());
            }
        } else {
            state.put("state", started && !stopping && !account.stopping() ? "CONNECTED" : "STARTING");
            state.put("terminal", false);
        }
        state.put("transport", account.transport().name());
        return state;
    }
}
