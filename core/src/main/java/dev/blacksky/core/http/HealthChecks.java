package dev.blacksky.core.http;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.connection.ConnectionService;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.plugin.PluginFailure;
import dev.blacksky.core.plugin.PluginHost;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Liveness and readiness, with the reasons, as a load balancer or container runtime reads them (200 or 503). */
@Singleton
public final class HealthChecks {

    private final ConnectionService connections;
    private final PluginHost plugins;
    private final Transport transport;
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile String standby; // why this node does not run its account yet, in a cluster

    @Inject
    HealthChecks(ConnectionService connections, PluginHost plugins, Transport transport) {
        this.connections = connections;
        this.plugins = plugins;
        this.transport = transport;
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
        ConnectionStatus status = connections.supervisor().map(s -> s.status()).orElse(null);
        if (status != null) {
            body.put("state", status.state().name());
            body.put("terminal", status.state().isTerminal());
            if (status.state() != ConnectionState.CONNECTED) {
                reasons.add(status.state() + ": " + status.reason());
            }
        } else {
            body.put("state", started && !stopping ? "CONNECTED" : "STARTING");
            body.put("terminal", false);
        }
        if (started) {
            for (PluginFailure failure : plugins.failures()) {
                warnings.add((failure.pluginId() != null ? "plugin " + failure.pluginId() : failure.jar().getFileName().toString())
                        + " was skipped: " + failure.reason());
            }
        }
        body.put("status", reasons.isEmpty() ? "ready" : "not ready");
        body.put("transport", transport.name());
        body.put("reasons", reasons);
        body.put("warnings", warnings);
        return Response.json(reasons.isEmpty() ? 200 : 503, body);
    }
}
