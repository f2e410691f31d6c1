package dev.blacksky.core.cli;

import dev.blacksky.core.cluster.ClusterDatabase;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.cluster.ClusterUnavailableException;
import dev.blacksky.core.cluster.LeaseRow;
import dev.blacksky.core.cluster.LeaseStore;
import dev.blacksky.core.cluster.NodeRow;
import java.sql.SQLException;
import java.util.List;

/** {@code blacksky status}'s word on the cluster: who runs the account, since a standby has no status of its own. */
final class ClusterLine {

    private ClusterLine() {
    }

    static String of(ClusterSettings settings, List<String> accounts) {
        try (ClusterDatabase database = ClusterDatabase.open(settings)) {
            LeaseStore store = new LeaseStore(database);
            List<NodeRow> live = store.nodes(settings.leaseTtl()).stream().filter(NodeRow::live).toList();
            List<LeaseRow> rows = store.leases();
            List<String> leases = new java.util.ArrayList<>();
            for (String account : accounts) {
                leases.add(rows.stream().filter(r -> r.account().equals(account)).findFirst()
                        .map(r -> r.describe() + (r.live() ? ", renewed " + r.age().toMillis() / 100 / 10.0 + " s ago" : ""))
                        .orElse("account '" + account + "' has never joined the cluster"));
            }
            return "Cluster: " + String.join("; ", leases) + "; " + live.size() + " live node" + (live.size() == 1 ? "" : "s")
                    + (live.isEmpty() ? "" : " (" + String.join(", ", live.stream().map(NodeRow::nodeId).toList()) + ")")
                    + ". 'blacksky cluster status' shows every account.";
        } catch (ClusterUnavailableException | SQLException e) {
            return "Cluster: the database " + settings.url() + " does not answer, so who runs the account is unknown ("
                    + ClusterDatabase.rootMessage(e) + ").";
        }
    }
}
