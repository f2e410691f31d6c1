package dev.blacksky.core.cli;

import dev.blacksky.core.BotHost;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.cluster.ClusterAccounts;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.connection.ConnectionPermits;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.storage.AccountDatabase;
import dev.blacksky.core.storage.Storage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code run} on a cluster node with several accounts: the host runs what the accounts share at once, and each
 * account while this node holds its lease. The node stays up when it loses one; other nodes run it meanwhile.
 */
final class ClusterShare {

    private ClusterShare() {
    }

    /** Whether {@code host} is such a node: a cluster is configured and it lists more than one account. */
    static boolean applies(BotHost host) {
        return host.injector().getInstance(ClusterSettings.class).enabled() && host.accounts().all().size() > 1;
    }

    /** Starts the host with no account and joins; throws ClusterUnavailableException when the database is not usable. */
    static ClusterAccounts start(BotHost host) {
        host.start(account -> false);
        AtomicReference<ClusterAccounts> joined = new AtomicReference<>();
        host.injector().getInstance(ConnectionPermits.class).require(account -> {
            ClusterAccounts cluster = joined.get();
            return cluster != null && cluster.mayConnect(account);
        });
        ClusterAccounts cluster = ClusterAccounts.join(host.injector().getInstance(ClusterSettings.class), host.accounts().plans().names(),
                new ClusterAccounts.Runner() {
                    @Override
                    public AccountLayout layout(String account) {
                        return account(host, account).session().layout();
                    }

                    @Override
                    public SessionService start(String account, AccountDatabase data) {
                        host.injector().getInstance(Storage.class).keepAccountIn(account, data);
                        host.startAccount(account);
                        return account(host, account).session();
                    }

                    @Override
                    public void halt(String account) {
                        host.haltAccount(account);
                    }

                    @Override
                    public void stopAtOnce(String account) {
                        host.stopAccountAtOnce(account);
                    }

                    @Override
                    public void elsewhere(String account, String why) {
                        host.accounts().elsewhere(account, why);
                    }
                });
        joined.set(cluster);
        return cluster;
    }

    private static HostedAccount account(BotHost host, String name) {
        return host.accounts().named(name).orElseThrow();
    }
}
