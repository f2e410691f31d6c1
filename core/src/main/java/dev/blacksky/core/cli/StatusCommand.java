package dev.blacksky.core.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.config.AccountPlans;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.connection.ConnectionStatus;
import dev.blacksky.core.connection.ConnectionHistory;
import dev.blacksky.core.connection.StatusFile;
import dev.blacksky.core.connection.UptimeSummary;
import dev.blacksky.core.dispatch.DurationText;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.AccountLock;
import dev.blacksky.core.session.LockOwner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blacksky status}: the connection state the running instance left in each account's status file. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each account's connection state, as the running instance records it.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  an instance is running (its state is shown)",
            "  1  no instance is running: no process holds an account's lock",
            "  3  invalid configuration"
        })
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: data/ in the installation).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An extra configuration file, as given to run (it may move the data folder).")
    List<Path> configFiles = List.of();

    @Option(names = "--account", paramLabel = "NAME", description = "Show only this account.")
    String account;

    @Option(names = "--json", description = "Print JSON: {\"dataDir\", \"running\", \"accounts\": [status + \"running\"]}.")
    boolean json;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = BlackskyCli.home();
        HostPaths paths;
        ClusterSettings cluster;
        List<String> configured;
        try {
            Config config = ConfigLoader.load(
                    new ConfigSources(home.resolve("conf/application.conf"), configFiles, System.getenv()));
            paths = ConfigLoader.read(config, c -> HostPaths.resolve(home, c, data, null));
            cluster = ConfigLoader.read(config, ClusterSettings::from);
            configured = ConfigLoader.read(config, c -> AccountPlans.from(c, null)).names();
        } catch (ConfigurationException e) {
            spec.commandLine().getErr().println("blacksky: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        List<Entry> entries = read(paths.data().resolve("accounts"));
        boolean running = entries.stream().anyMatch(Entry::running);
        if (json) {
            out.println(json(paths.data(), running, entries));
        } else {
            text(out, paths.data(), running, entries);
            if (cluster.enabled()) {
                out.println(ClusterLine.of(cluster, account != null ? List.of(account) : configured));
            }
        }
        out.flush();
        return running ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private record Entry(String account, ConnectionStatus status, String problem, boolean running) {
    }

    private List<Entry> read(Path accounts) {
        List<Path> folders = new ArrayList<>();
        if (account != null) {
            folders.add(accounts.resolve(account));
        } else if (Files.isDirectory(accounts)) {
            try (Stream<Path> list = Files.list(accounts)) {
                list.filter(Files::isDirectory).sorted().forEach(folders::add);
            } catch (IOException e) {
                return List.of(new Entry("?", null, "cannot list " + accounts + ": " + e.getMessage(), false));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            boolean held = held(folder, name); // the OS lock is the truth; the status file only describes
            Optional<LockOwner> holder = held ? AccountLock.readOwner(folder.resolve("session.lock")) : Optional.empty();
            try {
                Optional<ConnectionStatus> status = new StatusFile(folder.resolve(StatusFile.NAME)).read();
                if (status.isPresent()) {
                    entries.add(new Entry(name, status.get(), null, held));
                } else if (held) {
                    entries.add(new Entry(name, null, "running" + holder.map(o -> " as pid " + o.pid() + " on " + o.host())
                            .orElse("") + " with no connection status (a local transport, or its status.json was removed)", true));
                }
            } catch (IOException e) {
                entries.add(new Entry(name, null, folder.resolve(StatusFile.NAME) + ": " + e.getMessage()
                        + (held ? "; the account's lock says an instance is running" : ""), held));
            }
        }
        return entries;
    }

    private static boolean held(Path folder, String name) {
        try {
            return AccountLock.isHeld(AccountLayout.of(folder.getParent().getParent(), name));
        } catch (RuntimeException e) {
            return false; // not a valid account folder, or no lock to look at
        }
    }

    private void text(PrintWriter out, Path dataDir, boolean running, List<Entry> entries) {
        if (entries.isEmpty()) {
            out.println("No Blacksky instance is running: no connection status under " + dataDir.resolve("accounts")
                    + (account != null ? " for account '" + account + "'" : "") + ".");
            out.println("(Only a supervised WhatsApp connection writes one; the console and simulated transports do not.)");
            return;
        }
        if (!running) {
            out.println("No Blacksky instance is running for " + dataDir + "; below is the last state it recorded.");
            out.println();
        }
        Instant now = clock.instant();
        for (Entry entry : entries) {
            ConnectionStatus s = entry.status();
            if (s == null) {
                out.println("Account " + entry.account() + ": " + (entry.running() && entry.problem().startsWith("running")
                        ? entry.problem() : "unreadable status (" + entry.problem() + ")"));
                continue;
            }
            out.println("Account " + s.account() + ": " + s.state() + " since " + s.since() + " (" + ago(s.since(), now) + ")");
            out.println("  reason:      " + s.reason());
            if (s.nextAttemptAt() != null) {
                out.println("  attempt:     " + s.attempt() + ", next at " + s.nextAttemptAt() + " ("
                        + until(s.nextAttemptAt(), now) + ")");
            } else if (s.attempt() > 0) {
                out.println("  attempt:     " + s.attempt());
            }
            if (s.client() != null) {
                out.println("  client:      " + s.client());
            }
            if (s.lastError() != null) {
                out.println("  last error:  " + s.lastError());
            }
            out.println("  counters:    " + s.counters().attempts() + " attempts, " + s.counters().connects() + " connects, "
                    + s.counters().disconnects() + " disconnects, " + s.counters().failedConnects() + " failed connects, "
                    + s.counters().alerts() + " alerts");
            out.println("  uptime:      " + uptimeText(dataDir, s.account(), now));
            out.println("  instance:    pid " + s.pid() + (entry.running() ? ", running" : ", NOT RUNNING (the account is not locked)")
                    + "; updated " + ago(s.updatedAt(), now));
        }
    }

    private static String json(Path dataDir, boolean running, List<Entry> entries) {
        List<Object> accounts = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> fields;
            if (entry.status() != null) {
                fields = new LinkedHashMap<>(StatusFile.fields(entry.status()));
                fields.put("uptime", uptime(dataDir, entry.account(), Instant.now()));
            } else {
                fields = new LinkedHashMap<>();
                fields.put("account", entry.account());
                fields.put("error", entry.problem());
            }
            fields.put("running", entry.running());
            accounts.add(fields);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataDir", dataDir.toString());
        root.put("running", running);
        root.put("accounts", accounts);
        return ConfigValueFactory.fromMap(root).render(ConfigRenderOptions.concise().setFormatted(true).setJson(true));
    }

    // From the history file, which outlives restarts: what status.json alone cannot say.
    private static Map<String, UptimeSummary> summaries(Path dataDir, String account, Instant now) {
        return ConnectionHistory.summaries(ConnectionHistory.read(ConnectionHistory.of(dataDir, account)), now);
    }

    private static String uptimeText(Path dataDir, String account, Instant now) {
        List<String> parts = new ArrayList<>();
        summaries(dataDir, account, now).forEach((name, u) -> parts.add("last " + name + " " + (u.covered().isZero()
                ? "no data" : String.format(java.util.Locale.ROOT, "%.1f %%", u.share() * 100) + " (" + u.outages()
                + (u.outages() == 1 ? " outage, " : " outages, ") + u.reconnects() + " reconnects)")));
        return String.join("; ", parts);
    }

    private static List<Object> uptime(Path dataDir, String account, Instant now) {
        List<Object> list = new ArrayList<>();
        summaries(dataDir, account, now).forEach((name, u) -> list.add(u.fields(name)));
        return list;
    }

    private static String ago(Instant then, Instant now) {
        return DurationText.of(Duration.between(then, now)) + " ago";
    }

    private static String until(Instant then, Instant now) {
        Duration left = Duration.between(now, then);
        return left.isNegative() ? "due" : "in " + DurationText.of(left);
    }
}
