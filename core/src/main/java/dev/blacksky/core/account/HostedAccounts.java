package dev.blacksky.core.account;

import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.config.AccountPlans;
import dev.blacksky.core.dispatch.PluginScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The accounts of this host, in configured order, for what every account shares (plugins, the dashboard,
 * meters): filled once when the host is wired, read ever after.
 */
@Singleton
public final class HostedAccounts {

    private final AccountPlans plans;
    private volatile List<HostedAccount> all = List.of();
    private Function<AccountPlan, HostedAccount> factory; // guarded by this
    private final java.util.Map<String, String> elsewhere = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    HostedAccounts(AccountPlans plans) {
        this.plans = plans;
    }

    /**
     * Called once by the front door: makes each account with {@code factory} (a child injector of the host's), which
     * also makes an account anew after it stopped, since an account's services run once.
     */
    public synchronized void fill(Function<AccountPlan, HostedAccount> factory) {
        if (!all.isEmpty()) {
            throw new IllegalStateException("the accounts are filled already");
        }
        this.factory = factory;
        all = plans.all().stream().map(factory).toList();
    }

    /** The account to start: the one there is, or a fresh one in its place when that one has stopped. */
    public synchronized HostedAccount startable(String name) {
        HostedAccount current = named(name).orElseThrow(() -> new IllegalArgumentException("no account '" + name + "'"));
        if (!current.closed()) {
            return current;
        }
        HostedAccount fresh = factory.apply(current.plan());
        List<HostedAccount> next = new ArrayList<>(all);
        next.set(next.indexOf(current), fresh);
        all = List.copyOf(next);
        return fresh;
    }

    /** Records that another cluster node runs {@code account} (null: this one may run it), for readiness. */
    public void elsewhere(String account, String why) {
        if (why == null) {
            elsewhere.remove(account);
        } else {
            elsewhere.put(account, why);
        }
    }

    /** Why this node does not run {@code account}, or null. */
    public String runElsewhere(String account) {
        return elsewhere.get(account);
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

    /** Records why {@code account} could not start (null: it did), for readiness and the dashboard. */
    public void failed(String account, String why) {
        if (why == null) {
            failures.remove(account);
        } else {
            failures.put(account, why);
        }
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
