package dev.blacksky.core.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import dev.blacksky.core.cluster.ClusterDatabase;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.cluster.ClusterUnavailableException;
import dev.blacksky.core.cluster.LeaseRow;
import dev.blacksky.core.cluster.LeaseStore;
import dev.blacksky.core.cluster.NodeRow;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.config.ConfigurationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blacksky cluster status|move}: the nodes and leases of a cluster, read from its database. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "The cluster sharing accounts (blacksky.cluster).",
        subcommands = {ClusterCommand.Status.class, ClusterCommand.Move.class})
final class ClusterCommand {

    /** Options both subcommands take, and opening the database. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "An extra configuration file, layered over conf/application.conf.")
        List<Path> configFiles = List.of();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            ClusterSettings settings;
            try {
                Config config = ConfigLoader.load(new ConfigSources(BlackskyCli.home().resolve("conf/application.conf"),
                        configFiles, System.getenv()));
                settings = ConfigLoader.read(config, ClusterSettings::from);
            } catch (ConfigurationException e) {
                err.println("blacksky: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
            if (!settings.enabled()) {
                err.println("blacksky: no cluster is configured: set blacksky.cluster.url to its PostgreSQL JDBC URL");
                return ExitCodes.CONFIG;
            }
            try (ClusterDatabase database = ClusterDatabase.open(settings)) {
                return run(new LeaseStore(database), settings, spec.commandLine().getOut(), err);
            } catch (ClusterUnavailableException e) {
                err.println("blacksky: " + e.getMessage());
                return ExitCodes.FAILURE;
            } catch (SQLException e) {
                err.println("blacksky: the cluster database " + settings.url() + " failed: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        abstract int run(LeaseStore leases, ClusterSettings settings, PrintWriter out, PrintWriter err) throws SQLException;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Nodes (live or not, last seen) and each account's owner, epoch and lease age.")
    static final class Status extends Base {

        @Option(names = "--json", description = "One JSON object, for scripts.")
        boolean json;

        @Override
        int run(LeaseStore store, ClusterSettings settings, PrintWriter out, PrintWriter err) throws SQLException {
            List<NodeRow> nodes = store.nodes(settings.leaseTtl());
            List<LeaseRow> leases = store.leases();
            if (json) {
                out.println(json(nodes, leases));
            } else {
                out.println("Nodes (live: seen within " + settings.leaseTtl().toSeconds() + " s, the lease TTL):");
                out.println(String.format(Locale.ROOT, "  %-24s %-20s %-8s %-8s %s", "NODE", "HOST", "PID", "STATE", "LAST SEEN"));
                for (NodeRow n : nodes) {
                    out.println(String.format(Locale.ROOT, "  %-24s %-20s %-8d %-8s %s ago", n.nodeId(), n.host(), n.pid(),
                            n.live() ? "live" : n.stoppedAt() != null ? "stopped" : "silent", ago(n.seenAt(), n.now())));
                }
                out.println("Accounts:");
                out.println(String.format(Locale.ROOT, "  %-24s %-24s %-6s %-22s %s", "ACCOUNT", "OWNER", "EPOCH", "LEASE", "RENEWED"));
                for (LeaseRow l : leases) {
                    String lease = l.live() ? "held, " + ago(l.now(), l.expiresAt()) + " left"
                            : l.owner() == null ? "free" : "expired";
                    String move = l.moveTo() == null ? "" : "  (moving to " + l.moveTo() + ")";
                    out.println(String.format(Locale.ROOT, "  %-24s %-24s %-6d %-22s %s%s", l.account(),
                            l.live() ? l.owner() : "-", l.epoch(), lease,
                            l.renewedAt() == null ? "never" : ago(l.renewedAt(), l.now()) + " ago", move));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String json(List<NodeRow> nodes, List<LeaseRow> leases) {
            List<Map<String, Object>> n = nodes.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", r.nodeId());
                m.put("host", r.host());
                m.put("pid", r.pid());
                m.put("live", r.live());
                m.put("startedAt", r.startedAt().toString());
                m.put("seenAt", r.seenAt().toString());
                m.put("stoppedAt", r.stoppedAt() == null ? null : r.stoppedAt().toString());
                return m;
            }).toList();
            List<Map<String, Object>> l = leases.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("account", r.account());
                m.put("owner", r.live() ? r.owner() : null);
                m.put("epoch", r.epoch());
                m.put("live", r.live());
                m.put("expiresAt", r.expiresAt().toString());
                m.put("ageMillis", r.age() == null ? null : r.age().toMillis());
                m.put("moveTo", r.moveTo());
                return m;
            }).toList();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("nodes", n);
            root.put("accounts", l);
            return ConfigValueFactory.fromMap(root).render(ConfigRenderOptions.concise().setFormatted(true).setJson(true));
        }

        private static String ago(Instant from, Instant to) {
            Duration d = Duration.between(from, to);
            return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m"
                    : d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s"
                    : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Moves an account to a node: its owner stops it at the next renewal and that node takes it.")
    static final class Move extends Base {

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String account;

        @Parameters(index = "1", paramLabel = "NODE")
        String node;

        @Override
        int run(LeaseStore store, ClusterSettings settings, PrintWriter out, PrintWriter err) throws SQLException {
            if (store.nodes(settings.leaseTtl()).stream().noneMatch(n -> n.nodeId().equals(node) && n.live())) {
                err.println("blacksky: node '" + node + "' is not a live node of the cluster; 'blacksky cluster status'"
                        + " lists them");
                return ExitCodes.FAILURE;
            }
            if (!store.requestMove(account, node)) {
                err.println("blacksky: account '" + account + "' is not in the cluster; 'blacksky cluster status' lists them");
                return ExitCodes.FAILURE;
            }
            out.println("Account '" + account + "' moves to node '" + node + "' within " + settings.renewEvery().toSeconds()
                    + " s (its owner's next renewal).");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
