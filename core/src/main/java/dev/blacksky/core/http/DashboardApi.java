package dev.blacksky.core.http;

import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.connection.ConnectionService;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.connection.HistoryEntry;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.connection.StatusFile;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.plugin.PluginHost;
import dev.blacksky.core.plugin.PluginStatus;
import dev.blacksky.core.session.AccountLock;
import dev.blacksky.core.session.Backup;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The dashboard's read side: one JSON document with everything it shows, and the pairing QR code. */
@Singleton
final class DashboardApi {

    private static final int SHOWN = 50;

    private final HostedAccounts accounts;
    private final PluginHost plugins;
    private final MeterRegistry meters;
    private final Clock clock;

    @Inject
    DashboardApi(HostedAccounts accounts, PluginHost plugins, MeterRegistry meters, Clock clock) {
        this.accounts = accounts;
        this.plugins = plugins;
        this.meters = meters;
        this.clock = clock;
    }

    /** What the dashboard shows of {@code account} (the first when null), with every account's state. */
    Map<String, Object> overview(String csrf, HostedAccount account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", account.name());
        json.put("transport", account.transport().name());
        json.put("now", clock.instant().toString());
        json.put("csrf", csrf);
        json.put("accounts", accounts.all().stream().map(a -> Map.of("name", a.name(),
                "state", String.valueOf(new Shown(a).connection().get("state")))).toList());
        Shown shown = new Shown(account);
        json.put("connection", shown.connection());
        json.put("uptime", shown.uptime());
        json.put("history", shown.history());
        json.put("pairing", shown.pairing());
        json.put("plugins", plugins());
        json.put("outbox", shown.outbox());
        json.put("session", shown.sessionFiles());
        return json;
    }

    /** The QR code {@code account} shows, as SVG; null when no pairing waits for a scan. */
    String qrSvg(HostedAccount account) {
        return account.pairingCodes().current().map(code -> QrSvg.of(code.payload())).orElse(null);
    }

    // One account's part of the page.
    private record Shown(ConnectionService connections, Transport transport, OutboundMessenger outbound,
                         SessionService session, PairingCodes codes) {

        Shown(HostedAccount account) {
            this(account.connections(), account.transport(), account.outbound(), account.session(), account.pairingCodes());
        }

        Map<String, Object> connection() {
            ConnectionStatus status = connections.supervisor().map(s -> s.status()).orElse(null);
            if (status == null) {
                return Map.of("supervised", false, "state", "CONNECTED", "reason", transport.name()
                        + " transport: local, always connected");
            }
            Map<String, Object> json = new LinkedHashMap<>(StatusFile.fields(status));
            json.put("supervised", true);
            json.put("terminal", status.state().isTerminal());
            return json;
        }

        List<Object> uptime() {
            if (connections.supervisor().isEmpty()) {
                return List.of();
            }
            List<Object> windows = new ArrayList<>();
            connections.history().summaries().forEach((name, summary) -> windows.add(summary.fields(name)));
            return windows;
        }

        List<Object> history() {
            if (connections.supervisor().isEmpty()) {
                return List.of();
            }
            List<HistoryEntry> entries = connections.history().entries();
            List<Object> newestFirst = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0 && newestFirst.size() < 200; i--) {
                newestFirst.add(entries.get(i).fields());
            }
            return newestFirst;
        }

        Map<String, Object> pairing() {
            Map<String, Object> json = new LinkedHashMap<>();
            codes.current().ifPresentOrElse(code -> {
                json.put("showing", true);
                json.put("serial", code.serial());
            }, () -> json.put("showing", false));
            boolean connected = connections.supervisor().map(s -> s.status().state() == dev.blacksky.api.event.ConnectionState.CONNECTED)
                    .orElse(true);
            json.put("linkedAs", connected ? transport.self().map(u -> u.value()).orElse(null) : null);
            return json;
        }

        Map<String, Object> outbox() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kept", outbound.keepsUnsent());
            json.put("queued", outbound.queued());
            json.put("items", outbound.outbox(false).stream().limit(SHOWN).map(DashboardApi::item).toList());
            json.put("dead", outbound.outbox(true).stream().limit(SHOWN).map(DashboardApi::item).toList());
            return json;
        }

        Map<String, Object> sessionFiles() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("folder", session.layout().root().toString());
            json.put("lockOwner", AccountLock.readOwner(session.layout().lockFile()).map(Object::toString).orElse(null));
            List<Object> backups = new ArrayList<>();
            for (Backup b : session.backups().list()) {
                backups.add(Map.of("name", b.name(), "created", b.created().toString(), "valid", b.valid()));
            }
            json.put("backups", backups);
            json.put("quarantine", names(session.layout().quarantine()));
            return json;
        }
    }

    private List<Object> plugins() {
        List<Object> list = new ArrayList<>();
        for (PluginStatus p : plugins.status()) {
            long calls = 0;
            long errors = 0;
            for (Timer timer : meters.find("blacksky.commands").tag("plugin", p.pluginId()).timers()) {
                calls += timer.count();
                String outcome = timer.getId().getTag("outcome");
                if ("error".equals(outcome) || "timeout".equals(outcome)) {
                    errors += timer.count();
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", p.pluginId());
            json.put("version", p.version());
            json.put("state", p.state().name());
            json.put("detail", p.detail());
            json.put("commands", p.commands());
            json.put("calls", calls);
            json.put("errors", errors);
            json.put("failures", p.failures());
            json.put("breaker", p.state() == PluginStatus.State.PAUSED ? "OPEN" : "CLOSED");
            list.add(json);
        }
        return list;
    }

    private static Map<String, Object> item(OutboundMessenger.OutboxEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("chat", e.chat());
        json.put("plugin", e.plugin());
        json.put("text", e.text());
        json.put("attempts", e.attempts());
        json.put("lastError", e.lastError());
        return json;
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(cannot list " + folder + ": " + e.getMessage() + ")");
        }
    }
}
