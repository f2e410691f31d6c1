package dev.blacksky.core.account;

import dev.blacksky.core.config.AccountPlans;
import dev.blacksky.core.dispatch.PluginScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of this host, in configured order, for what every account shares (plugins, the dashboard,
 * meters): filled once when the host is wired, read ever after.
 */
@Singleton
public final class HostedAccounts {

    private final AccountPlans plans;
    private volatile List<HostedAccount> all = List.of();
    private final java.util.Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    HostedAccounts(AccountPlans plans) {
        this.plans = plans;
    }

    /** Called once by the front door, after each account's injector is made. */
    public synchronized void fill(List<HostedAccount> accounts) {
        if (!all.isEmpty()) {
            throw new IllegalStateException("the accounts are filled already");
        }
        all = List.copyOf(accounts);
    }

    public List<HostedAccount> all() {
        return all;
    }

    public HostedAccount primary() {
        return all.getFirst();
    }

    public AccountPlans plans() {
        return plans;
    }

    public Optional<HostedAccount> named(String name) {
        return all.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The account whose command, message or event this thread handles for a plugin, else the first one. */
    public HostedAccount current() {
        String name = PluginScope.account();
        return name == null ? primary() : named(name).orElse(primary());
    }

    /** Records why {@code account} could not start, for readiness and the dashboard; the others run on. */
    public void failed(String account, String why) {
        failures.put(account, why);
    }

    /** Why {@code account} could not start, or null. */
    public String failure(String account) {
        return failures.get(account);
    }

    /** The names of the accounts that serve {@code pluginId}, in configured order. */
    public List<String> servedBy(String pluginId) {
        List<String> names = new ArrayList<>();
        for (HostedAccount account : all) {
            if (account.plan().serves(pluginId)) {
                names.add(account.name());
            }
        }
        return names;
    }
}
